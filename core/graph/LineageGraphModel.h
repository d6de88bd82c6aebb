#pragma once

#include "core/graph/LineageSubgraph.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QVariant>

namespace warroom {

// The lineage subgraph an incident shows, with a model-shaped API (after nodeeditor's
// AbstractGraphModel): string node ids, (from, to) edge ids, semantic roles and change signals.
//
// The model keeps the raw subgraph it was given and derives the *current* graph from it:
// datasets collapsed into one Group node ("group:<dataset>", edges rerouted, duplicates merged,
// self-loops dropped). Every mutation recomputes the current graph and emits the difference
// (edgeRemoved, nodeRemoved, nodeAdded, edgeAdded, nodeUpdated, in that order, then
// graphChanged() once), so views can follow it item by item; setSubgraph() emits modelReset().
// Filters never delete: they set LineageNodeRole::Hidden (visibilityChanged() once per change).
class LineageGraphModel : public QObject
{
    Q_OBJECT

public:
    explicit LineageGraphModel(QObject *parent = nullptr);
    ~LineageGraphModel() override;

    // --- content -------------------------------------------------------------------------
    void setSubgraph(const LineageSubgraph &subgraph); // replaces everything: modelReset()
    // Adds nodes and edges (expanding a node), updating the data of nodes already present
    // and uniting edge sources. No reset: per-item signals.
    void mergeSubgraph(const LineageSubgraph &subgraph);
    // Removes nodes (a group id removes its members) and their edges.
    void removeNodes(const QStringList &ids);
    void clear();
    // The raw subgraph as given (members of collapsed groups included).
    LineageSubgraph subgraph() const;

    // --- the current graph -----------------------------------------------------------------
    QStringList nodeIds() const;             // insertion order, hidden included
    QList<LineageEdgeId> edgeIds() const;
    int nodeCount() const { return int(m_order.size()); }
    int edgeCount() const { return int(m_edgeOrder.size()); }
    bool nodeExists(const QString &id) const { return m_nodes.contains(id); }
    bool edgeExists(const LineageEdgeId &id) const { return m_edges.contains(id); }
    LineageNodeData node(const QString &id) const;
    QVariant nodeData(const QString &id, LineageNodeRole role) const;
    QVariant edgeData(const LineageEdgeId &id, LineageEdgeRole role) const;
    QStringList inNodes(const QString &id) const;  // direct upstream
    QStringList outNodes(const QString &id) const; // direct downstream
    // The group a raw node is shown in ("" when not collapsed), and the id it is shown as.
    QString groupOf(const QString &rawId) const;
    QString displayedId(const QString &rawId) const;

    // --- groups ------------------------------------------------------------------------------
    static QString groupId(const QString &dataset);
    QStringList datasets() const; // sorted, of the raw nodes
    void collapseDataset(const QString &dataset);
    void expandDataset(const QString &dataset);
    bool isDatasetCollapsed(const QString &dataset) const;

    // --- filters (hidden flags) ----------------------------------------------------------------
    void setKindVisible(LineageNodeKind kind, bool visible);
    bool isKindVisible(LineageNodeKind kind) const;
    void setDatasetVisible(const QString &dataset, bool visible);
    bool isDatasetVisible(const QString &dataset) const;
    void setMaxDepth(int depth); // hide nodes with |depth| > depth; < 0 shows all
    int maxDepth() const { return m_maxDepth; }
    // Shows only the nodes on paths from `from` to `to` (or from `to` to `from` when that is
    // the only direction with a path). Returns false, changing nothing, when there is none.
    bool setPathFilter(const QString &from, const QString &to);
    void clearPathFilter();
    bool hasPathFilter() const { return !m_pathNodes.isEmpty(); }
    bool isHidden(const QString &id) const { return m_hidden.contains(id); }
    QStringList visibleNodeIds() const;
    QList<LineageEdgeId> visibleEdgeIds() const;

    // --- queries ---------------------------------------------------------------------------------
    // Completion: label/name prefix matches first (shorter first), then substrings; hidden
    // nodes are found too (the view reveals them).
    QStringList search(const QString &text, int limit = 20) const;
    // Nodes within `depth` hops (< 0: unlimited) in a direction, the node itself excluded.
    QSet<QString> neighbours(const QString &id, LineageDirection direction, int depth = 1) const;
    // Everything upstream and downstream of a node, and the node: what hover highlights.
    QSet<QString> pathsThrough(const QString &id) const;
    // Nodes on any path from `from` to `to` (both included), empty when there is none.
    QSet<QString> pathBetween(const QString &from, const QString &to) const;
    // What collapsing a node's neighbours removes: the nodes in `direction` of `id` that no
    // node staying in the graph reaches (in that direction) without passing through `id`.
    QStringList exclusiveClosure(const QString &id, LineageDirection direction) const;
    void collapseNeighbours(const QString &id, LineageDirection direction);

signals:
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeUpdated(const QString &id);
    void edgeAdded(const warroom::LineageEdgeId &id);
    void edgeRemoved(const warroom::LineageEdgeId &id);
    void modelReset();
    void graphChanged();      // once after any structural change (or reset)
    void visibilityChanged(); // once after hidden flags changed

private:
    void rebuild(bool reset);
    void recomputeHidden(bool emitSignals);
    LineageNodeData makeGroup(const QString &dataset, const QStringList &members) const;

    // raw subgraph
    QHash<QString, LineageNodeData> m_raw;
    QStringList m_rawOrder;
    QHash<LineageEdgeId, QStringList> m_rawEdges;
    QList<LineageEdgeId> m_rawEdgeOrder;

    // current graph
    QHash<QString, LineageNodeData> m_nodes;
    QStringList m_order;
    QHash<QString, QStringList> m_groupMembers;
    QHash<QString, QString> m_groupOf; // raw id -> group id
    QHash<LineageEdgeId, QStringList> m_edges;
    QList<LineageEdgeId> m_edgeOrder;
    QHash<QString, QStringList> m_out;
    QHash<QString, QStringList> m_in;

    // filters
    QSet<QString> m_collapsed;
    QSet<LineageNodeKind> m_hiddenKinds;
    QSet<QString> m_hiddenDatasets;
    int m_maxDepth = -1;
    QSet<QString> m_pathNodes;
    QString m_pathFrom;
    QString m_pathTo;
    QSet<QString> m_hidden;
};

} // namespace warroom
