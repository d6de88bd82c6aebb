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
// Zoom is clamped to [1/4, 4] like Marquez; the lower bound drops to whatever "fit" needs
// (down to 1/100) so that a 5,000-node graph can be seen whole.
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
    void fitToView();
    double zoom() const;
    void setZoom(double zoom, const QPointF &sceneAnchor = {});
    double minimumZoom() const;
    static constexpr double maximumZoom() { return 4.0; }

    // Nodes on paths through `id` are emphasised, the rest dimmed ("" clears).
    void setHighlightedPaths(const QString &id);
    QString highlightedPaths() const { return m_highlightId; }
    bool showPath(const QString &from, const QString &to); // false: no path, nothing changed

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
    void escape();
    void promptPath();
    void exportWithDialog(const QString &format);
    void revealNode(const QString &id);

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
    QAction *m_clearPath;
    QHash<int, QAction *> m_kindActions;

    LayoutOptions m_layoutOptions;
    LayoutResult m_lastLayout;
    QFutureWatcher<LayoutResult> *m_watcher = nullptr;
    bool m_layoutScheduled = false;
    bool m_needFullLayout = true;
    bool m_fitAfterLayout = true;
    QString m_pendingFocus;
    QString m_highlightId;
    QString m_pinnedHighlight;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace warroom
