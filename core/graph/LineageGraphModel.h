#pragma once

#include "core/graph/LineageSubgraph.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QVariant>

#include <functional>

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
//
// Hidden *kinds* fold: a hidden SQL file or DAG task between two shown nodes becomes a direct
// edge between them (visibleEdgeIds() includes these folded edges, LineageEdgeRole::Via names
// what is folded), so "tables only" keeps the lineage connected.
//
// The *scope* is the blast radius shown in part: only the scope's nodes are shown (nodes of
// hidden kinds fold as always). overviewNodes() picks a readable default (the broken nodes, the
// most-used / widest-reaching affected nodes and the paths joining them); every shown node with
// hidden neighbours beyond the scope or the depth limit reports them as MoreDownstream /
// MoreUpstream ("+N more"), and expandScope() shows them without moving anything else.
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
    // Several filter changes as one: hidden flags are recomputed (and signalled) once, at the
    // outermost endFilterChange().
    void beginFilterChange() { ++m_filterBatch; }
    void endFilterChange();
    void setKindVisible(LineageNodeKind kind, bool visible);
    bool isKindVisible(LineageNodeKind kind) const;
    void setDatasetVisible(const QString &dataset, bool visible);
    bool isDatasetVisible(const QString &dataset) const;
    // Hides nodes with |depth| > depth (< 0 shows all); replaces the scope.
    void setMaxDepth(int depth);
    int maxDepth() const { return m_maxDepth; }
    // Shows only the nodes on paths from `from` to `to` (or from `to` to `from` when that is
    // the only direction with a path). Returns false, changing nothing, when there is none.
    bool setPathFilter(const QString &from, const QString &to);
    void clearPathFilter();
    bool hasPathFilter() const { return !m_pathNodes.isEmpty(); }
    bool isHidden(const QString &id) const { return m_hidden.contains(id); }
    QStringList visibleNodeIds() const;
    // Edges between shown nodes: the model's own, then the folded ones (through hidden kinds).
    QList<LineageEdgeId> visibleEdgeIds() const;
    bool isFoldedEdge(const LineageEdgeId &id) const { return m_folded.contains(id); }

    // --- scope: the part of the blast radius shown -------------------------------------------
    // Shows only `ids` (nodes of hidden kinds fold); clears the depth limit.
    void setScope(const QStringList &ids);
    void clearScope();
    bool hasScope() const { return m_scopeActive; }
    QSet<QString> scope() const { return m_scope; }
    // A readable default scope of about `budget` shown nodes: every broken node, then affected
    // nodes by priority (usage rank, then reach downstream, then depth), each with the nodes on
    // its shortest path from what is already chosen. Hidden kinds are not counted.
    QStringList overviewNodes(int budget) const;
    // The next shown-kind neighbours of `id` (through folded nodes) hidden only by the scope or
    // the depth limit: what "+N more" stands for.
    QStringList moreNeighbours(const QString &id, LineageDirection direction) const;
    // Shows moreNeighbours() (and the folded nodes on the way); a depth limit becomes a scope
    // of what it showed. With limit > 0 only that many, by priority (usage rank, then how many
    // neighbours they have); the others stay behind the "+N". Returns how many it revealed.
    int expandScope(const QString &id, LineageDirection direction, int limit = -1);
    // Shows `id` and the shortest path to it from what is shown (search, ranking selection).
    bool revealInScope(const QString &id);
    // Everything of the shown kinds: no scope, depth limit, path filter or dataset filter.
    void showAll();
    // Shown nodes (hidden ones excluded), kind-filtered nodes not counted: "12 of 280".
    int shownCount() const { return int(m_order.size() - m_hidden.size()); }
    int kindVisibleCount() const;

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
    // The known raw nodes the ids stand for: a dataset group's members, a node itself.
    QSet<QString> rawNodesOf(const QStringList &ids) const;
    void rebuild(bool reset);
    void recomputeHidden(bool emitSignals);
    void computeFolding();                    // folded edges and "+N more" counts, from m_hidden
    bool isFrontier(const QString &id) const; // hidden only by scope or depth
    // Walks from `id` in a direction through hidden-kind nodes; calls `visit(node, via)` for
    // every shown-kind node met (not walked past); via = the folded nodes on the way.
    void walkFolded(const QString &id, bool downstream,
                    const std::function<void(const QString &, const QStringList &)> &visit) const;
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
    int m_filterBatch = 0;
    bool m_filtersDirty = false;
    bool m_scopeActive = false;
    QSet<QString> m_scope;

    // derived from the filters
    QHash<LineageEdgeId, QStringList> m_folded; // folded edge -> via
    QList<LineageEdgeId> m_foldedOrder;
    QHash<QString, int> m_moreDown;
    QHash<QString, int> m_moreUp;
};

} // namespace warroom
