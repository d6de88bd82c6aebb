#pragma once

#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

// The plain data the lineage graph view shows: a subgraph of the lineage engine's graph (the
// broken nodes, their downstream closure with depth, and on demand their upstream). The lead
// adapts core/lineage's LineageGraph to this; core/graph and widgets/lineage never see it.

namespace warroom {
namespace graph {
Q_NAMESPACE

enum class LineageNodeKind { Table, View, SqlFile, DagTask, Dag, Group };
Q_ENUM_NS(LineageNodeKind)

// What LineageGraphModel::nodeData() answers. Semantic only: widgets turn these into paint.
enum class LineageNodeRole {
    Id,              // QString
    Kind,            // LineageNodeKind
    Name,            // QString, full name
    Label,           // QString, short
    Dataset,         // QString
    Depth,           // int
    Broken,          // bool (a group: any member broken)
    UsageRank,       // int, 0 unknown (a group: best member rank)
    UsageScore,      // double
    RecoveryStatus,  // QString
    Detail,          // QString, plain text
    Hidden,          // bool: filtered out (kind, dataset, depth, path filter)
    GroupMembers,    // QStringList: ids collapsed into a group node (empty otherwise)
    InDegree,        // int: direct upstream neighbours in the current graph
    OutDegree,       // int: direct downstream neighbours
    UpstreamCount,   // int: transitive upstream nodes
    DownstreamCount, // int: transitive downstream nodes
    MoreDownstream,  // int: next downstream nodes hidden only by the scope or the depth limit
                     // ("+N more": LineageGraphModel::expandScope() shows them)
    MoreUpstream,    // int: the same upstream
};
Q_ENUM_NS(LineageNodeRole)

enum class LineageEdgeRole {
    From,    // QString
    To,      // QString
    Sources, // QStringList
    Hidden,  // bool: either end hidden
    Via,     // QStringList: a folded edge's hidden-kind nodes in between (empty otherwise)
};
Q_ENUM_NS(LineageEdgeRole)

enum class LineageDirection { Upstream, Downstream, Both };
Q_ENUM_NS(LineageDirection)

} // namespace graph

using LineageNodeKind = graph::LineageNodeKind;
using LineageNodeRole = graph::LineageNodeRole;
using LineageEdgeRole = graph::LineageEdgeRole;
using LineageDirection = graph::LineageDirection;

struct LineageNodeData
{
    QString id;
    LineageNodeKind kind = LineageNodeKind::Table;
    QString name;    // full: project.dataset.table, dag.task, path
    QString label;   // short
    QString dataset;
    int depth = 0;   // from the nearest broken node; negative upstream
    bool broken = false;
    int usageRank = 0; // 0 unknown
    double usageScore = 0;
    QString recoveryStatus; // todo|rerunning|verifying|done|blocked or empty
    QString detail;  // plain text: SQL file + line, DAG/task, users

    friend bool operator==(const LineageNodeData &, const LineageNodeData &) = default;
};

struct LineageEdgeData
{
    QString from;
    QString to;
    QStringList sources; // sql, stairlight, dag, jobs, openlineage

    friend bool operator==(const LineageEdgeData &, const LineageEdgeData &) = default;
};

// An edge of the model: its ends. Edges are unique per (from, to).
struct LineageEdgeId
{
    QString from;
    QString to;

    friend bool operator==(const LineageEdgeId &, const LineageEdgeId &) = default;
};

inline size_t qHash(const LineageEdgeId &id, size_t seed = 0)
{
    return qHashMulti(seed, id.from, id.to);
}

struct LineageSubgraph
{
    QList<LineageNodeData> nodes;
    QList<LineageEdgeData> edges;
};

} // namespace warroom

Q_DECLARE_METATYPE(warroom::LineageSubgraph)
Q_DECLARE_METATYPE(warroom::LineageEdgeId)
