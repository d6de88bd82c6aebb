#pragma once

#include "core/graph/LineageLayout.h"
#include "core/graph/LineageSubgraph.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QCompleter;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace warroom {

class LineageEdgeLayer;
class LineageGraphModel;
class LineageNodeItem;
class LineageNodeListModel;
struct LineageStyle;

namespace Internal {
class LineageGraphicsView;
class LineageMinimap;
class LineageDetailsPane;
} // namespace Internal

// The interactive lineage graph: a toolbar (search with completion, depth, kind and dataset
// filters, path A→B, fit, zoom, export), the graph (QGraphicsView over a BSP-indexed scene,
// level-of-detail painting, batched edges, a minimap) and a details pane.
//
// It shows a LineageGraphModel (its own unless setModel() gives another) and lays it out off
// the GUI thread whenever the model changes: a full layout on reset, filter or group changes,
// an incremental one (existing nodes keep their place) when nodes were only added.
//
// Zoom is clamped to [1/4, 4] like Marquez; the lower bound drops to whatever "whole graph"
// needs (down to 1/100) so that a 5,000-node graph can be seen whole. "Fit" never goes below
// legibleZoom(): a bigger graph opens at legible size on its broken nodes, the minimap shows
// where that is.
//
// A big blast radius (more than overviewThreshold() nodes of the shown kinds) opens as an
// *overview*: SQL files and DAG tasks folded into edges, and a scope of about overviewBudget()
// nodes (the broken ones, the most-used / widest-reaching affected ones and the paths joining
// them); nodes with more beyond carry a "+N" stub. Clicking a stub, Enter or double-click shows
// those neighbours in place; depth, "Show all" and the kind toggles widen it. Once the user has
// widened or narrowed the view, a refresh of the same incident keeps what they chose.
class LineageView : public QWidget
{
    Q_OBJECT

public:
    explicit LineageView(QWidget *parent = nullptr);
    ~LineageView() override;

    LineageGraphModel *model() const { return m_model; }
    void setModel(LineageGraphModel *model); // not owned; nullptr: back to the view's own model
    // Shows or hides a node kind, keeping the toolbar toggle in step.
    void setKindVisible(LineageNodeKind kind, bool visible);
    LineageNodeListModel *nodeListModel() const { return m_list; }

    QString selectedNode() const;
    void selectNode(const QString &id, bool center = true);
    void centerOnNode(const QString &id);
    void fitToView(); // legible: never below legibleZoom()
    void fitAll();    // the whole graph, however small
    static constexpr double legibleZoom() { return 0.8; }
    double zoom() const;
    void setZoom(double zoom, const QPointF &sceneAnchor = {});
    double minimumZoom() const;
    static constexpr double maximumZoom() { return 4.0; }

    // Nodes on paths through `id` are emphasised, the rest dimmed ("" clears).
    void setHighlightedPaths(const QString &id);
    QString highlightedPaths() const { return m_highlightId; }
    bool showPath(const QString &from, const QString &to); // false: no path, nothing changed

    // --- how much of the blast radius is shown -------------------------------------------------
    static constexpr int overviewThreshold() { return 60; }
    void setOverviewBudget(int nodes);
    int overviewBudget() const { return m_overviewBudget; }
    void showOverview(); // SQL files and tasks folded, the default scope
    void showAll();      // every node of the shown kinds
    bool isOverviewShown() const;
    // Shows the neighbours hidden behind a node's "+N" stub, at most expandPage() of them
    // (most used first; limit < 0: all); false when there were none.
    bool expandMore(const QString &id, LineageDirection direction = LineageDirection::Downstream,
                    int limit = expandPage());
    static constexpr int expandPage() { return 10; }

    bool exportPng(const QString &path, QString *error = nullptr) const;
    bool exportSvg(const QString &path, QString *error = nullptr) const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    void setLayoutOptions(const LayoutOptions &options);
    bool isLayoutRunning() const;
    const LayoutResult &lastLayout() const { return m_lastLayout; }
    QGraphicsScene *scene() const { return m_scene; }
    QGraphicsView *graphicsView() const;
    LineageNodeItem *nodeItem(const QString &id) const { return m_items.value(id); }
    LineageEdgeLayer *edgeLayer() const { return m_edges; }
    QLineEdit *searchField() const { return m_search; }
    QSpinBox *depthSpinBox() const { return m_depth; }
    QLabel *scopeLabel() const { return m_scopeLabel; }
    QAction *showAllAction() const { return m_showAll; }
    QAction *overviewAction() const { return m_overviewAction; }
    QAction *kindAction(LineageNodeKind kind) const;
    bool isEmptyStateShown() const;

public slots:
    // The ranking view calls this: reveal, select, centre and highlight the paths through it
    // (a member of a collapsed dataset: its group). "" clears the highlight.
    void highlightNode(const QString &id);
    void search(const QString &text);

signals:
    void nodeSelected(const QString &id); // "" when the selection is cleared
    // The user wants more of the graph around a node; answer with model()->mergeSubgraph().
    void expandRequested(const QString &id, warroom::LineageDirection direction);
    void depthChanged(int depth); // -1: all
    void layoutFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class Internal::LineageGraphicsView;

    void buildUi();
    void connectModel();
    void onModelReset();
    void onNodeAdded(const QString &id);
    void onNodeRemoved(const QString &id);
    void onNodeUpdated(const QString &id);
    void scheduleLayout(bool full);
    void startLayout();
    void applyLayout(const LayoutResult &result);
    void updateVisibility();
    void updateEmptyState();
    void onSelectionChanged();
    void updateDetails();
    void rebuildDatasetMenu();
    void showContextMenu(const QString &id, const QPoint &globalPos);
    void activateNode(const QString &id, bool upstream);
    void moveSelection(int key);
    void selectFirstNode();
    void escape();
    void promptPath();
    void exportWithDialog(const QString &format);
    void revealNode(const QString &id);
    void updateScopeLabel();
    void updateAccessibleDescription();
    void prepareTextSlice();
    void zoomChanged();

    std::unique_ptr<LineageStyle> m_style;
    LineageGraphModel *m_ownModel;
    LineageGraphModel *m_model;
    LineageNodeListModel *m_list;
    QGraphicsScene *m_scene;
    Internal::LineageGraphicsView *m_view;
    Internal::LineageMinimap *m_minimap;
    Internal::LineageDetailsPane *m_details;
    LineageEdgeLayer *m_edges;
    QHash<QString, LineageNodeItem *> m_items;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QLabel *m_status;
    QLineEdit *m_search;
    QCompleter *m_completer;
    QSpinBox *m_depth;
    QToolButton *m_datasetButton;
    QAction *m_showAll;
    QAction *m_overviewAction;
    QLabel *m_scopeLabel;
    QTimer *m_textTimer;
    QStringList m_textQueue;
    QTimer *m_zoomSettle;
    QHash<int, QAction *> m_kindActions;

    LayoutOptions m_layoutOptions;
    LayoutResult m_lastLayout;
    QFutureWatcher<LayoutResult> *m_watcher = nullptr;
    bool m_layoutScheduled = false;
    bool m_needFullLayout = true;
    bool m_fitAfterLayout = true;
    bool m_autoOverview = true;   // no user choice yet: a reset re-applies the overview
    bool m_applyingScope = false; // the view itself changes the filters
    bool m_incrementalNext = false;
    int m_overviewBudget = 24;
    QString m_pendingFocus;
    QString m_highlightId;
    QString m_pinnedHighlight;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace warroom
