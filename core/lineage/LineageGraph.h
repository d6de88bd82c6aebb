#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warroom::lineage {

// What a node stands for. Tables are named `project.dataset.table` (or `dataset.table` when no
// project is known), SQL files by their absolute path, DAG tasks as `dag_id.task_id`, DAGs as
// `dag:DAG_ID` (the form `--broken` takes).
enum class NodeKind : std::uint8_t { Table, SqlFile, DagTask, Dag };

// Edges point in the direction data (or trouble) flows:
//   ReadBy   Table   -> SqlFile | DagTask   "is read by"
//   Writes   SqlFile | DagTask -> Table     "writes"
//   Feeds    Table   -> Table               (JOBS / OpenLineage rows with no known query file)
//   RunBy    SqlFile -> DagTask             the task runs that SQL file
//   Contains Dag     -> DagTask
//   Precedes DagTask -> DagTask             `a >> b`
enum class EdgeKind : std::uint8_t { ReadBy, Writes, Feeds, RunBy, Contains, Precedes };

// Who asserted an edge; an edge keeps the union of every source that did.
enum EdgeSource : std::uint8_t {
    SourceSql = 1,
    SourceStairlight = 2,
    SourceDag = 4,
    SourceJobs = 8,
    SourceOpenLineage = 16,
};
using SourceSet = std::uint8_t;

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;
inline constexpr NodeId InvalidNode = 0xffffffffu;

const char *nodeKindName(NodeKind kind);   // "table", "sql_file", "dag_task", "dag"
const char *edgeKindName(EdgeKind kind);   // "is_read_by", "writes", "feeds", "run_by", ...
std::vector<std::string> sourceNames(SourceSet sources); // {"sql", "stairlight", ...}

struct Node
{
    NodeKind kind = NodeKind::Table;
    std::string name;   // unique within its kind (see NodeKind)
    std::string label;  // short display text: table name, SQL key, task id, dag id
    std::string file;   // where it was declared (SQL file path, DAG file), may be empty
    int line = 0;
    // Free-form facts: "schedule", "operator", "key" (stairlight key of a SQL file),
    // "dag_id", "task_id", "label.<K>" (mapping labels), "extra_label.<K>" (ExtraLabels).
    std::vector<std::pair<std::string, std::string>> attributes;

    std::string attribute(std::string_view key) const;
    void setAttribute(std::string_view key, std::string value);
};

struct Edge
{
    NodeId from = InvalidNode;
    NodeId to = InvalidNode;
    EdgeKind kind = EdgeKind::ReadBy;
    SourceSet sources = 0;
    std::vector<int> lines; // ReadBy/Writes from SQL: 1-based lines of the reference in `file`
};

// How depth is counted by traversals.
enum class DepthMetric {
    Tables, // edges leaving a Table node count 1, all others 0: a table read by a query that
            // writes T puts T at depth 1; every task of a broken DAG and what they write is 0.
    Hops,   // every edge counts 1
};

enum class Direction { Downstream, Upstream };

struct TraversalOptions
{
    int maxDepth = -1;                     // < 0: unlimited
    DepthMetric metric = DepthMetric::Tables;
    bool includeRoots = false;             // report the roots themselves (depth 0)
};

struct Reached
{
    NodeId node = InvalidNode;
    int depth = 0;               // minimum depth over every path from any root
    NodeId parent = InvalidNode; // predecessor on one minimum-depth path (InvalidNode for roots)
};

struct AffectedNode
{
    NodeId node = InvalidNode;
    int depth = 0;      // minimum depth from the broken set (DepthMetric::Tables)
    int cycle = -1;     // index into AffectedClosure::cycles when the node is on a cycle
};

struct AffectedClosure
{
    // Every node downstream of the broken set, the broken nodes first (depth 0), in a
    // topological order: a node comes after everything upstream of it in the closure. Nodes
    // of one cycle are adjacent. Among nodes free to go first: smaller depth, then node id.
    std::vector<AffectedNode> nodes;
    std::vector<std::vector<NodeId>> cycles; // cycles met inside the closure
};

class LineageGraph
{
public:
    LineageGraph();
    ~LineageGraph();
    LineageGraph(LineageGraph &&) noexcept;
    LineageGraph &operator=(LineageGraph &&) noexcept;
    LineageGraph(const LineageGraph &) = delete;
    LineageGraph &operator=(const LineageGraph &) = delete;

    // --- building -----------------------------------------------------------------------
    // The project that `dataset.table` names belong to; set before adding nodes.
    void setDefaultProject(std::string project);
    const std::string &defaultProject() const;
    // `dataset.table` -> `project.dataset.table` when a default project is known; quotes and
    // backticks removed, `project:dataset.table` (legacy SQL) turned into dots.
    std::string normalizeTableName(std::string_view name) const;
    // The same without allocating when `name` is normalized already: returns `name` itself,
    // or a view of `scratch` holding the normalized name.
    std::string_view normalizedTableName(std::string_view name, std::string &scratch) const;

    // Finds or adds. Table names are normalized.
    NodeId addNode(NodeKind kind, std::string_view name);
    // Finds or adds the edge from -> to (one edge per ordered pair), adding `source` to it.
    EdgeId addEdge(NodeId from, NodeId to, EdgeKind kind, SourceSet source);
    Node &mutableNode(NodeId id);
    Edge &mutableEdge(EdgeId id);
    void reserve(std::size_t nodes, std::size_t edges);

    // --- reading ------------------------------------------------------------------------
    std::size_t nodeCount() const;
    std::size_t edgeCount() const;
    const Node &node(NodeId id) const;
    const Edge &edge(EdgeId id) const;
    NodeId findNode(NodeKind kind, std::string_view name) const; // exact (tables normalized)
    EdgeId findEdge(NodeId from, NodeId to) const;               // 0xffffffff when absent
    // A table by either form: `project.dataset.table`, or `dataset.table` (every project's).
    std::vector<NodeId> findTables(std::string_view name) const;
    // What `--broken` and `-t` take: `dag:DAG_ID`, `DAG_ID.TASK_ID` (a task), a SQL file's path,
    // or a table in either form. Empty when nothing matches.
    std::vector<NodeId> resolve(std::string_view spec) const;
    std::span<const EdgeId> outEdges(NodeId id) const;
    std::span<const EdgeId> inEdges(NodeId id) const;

    // Builds the query structures now (they are built lazily otherwise). After finalize(),
    // const queries may run concurrently from several threads; any add*() invalidates it.
    void finalize() const;

    // --- queries ------------------------------------------------------------------------
    // Breadth-first from `roots`; every node once, with its minimum depth; cycles terminate.
    // Result in nondecreasing depth (then discovery order). Roots appear only with includeRoots.
    std::vector<Reached> traverse(std::span<const NodeId> roots, Direction direction,
                                  const TraversalOptions &options = {}) const;
    std::vector<Reached> downstream(std::span<const NodeId> roots,
                                    const TraversalOptions &options = {}) const;
    std::vector<Reached> upstream(std::span<const NodeId> roots,
                                  const TraversalOptions &options = {}) const;
    // Fewest edges from -> to following edge directions; [from, ..., to], empty if none.
    std::vector<NodeId> shortestPath(NodeId from, NodeId to) const;
    // Downstream closure of the broken nodes (tables, `dag:` nodes, tasks, files).
    AffectedClosure affected(std::span<const NodeId> broken) const;
    // Every cycle of the graph: strongly connected components of more than one node, and
    // self-loops. Each cycle sorted by node name; the list sorted by its first name.
    std::vector<std::vector<NodeId>> cycles() const;
    // Cycles among the given nodes only (cheaper than cycles() on a big graph).
    std::vector<std::vector<NodeId>> cyclesAmong(std::span<const NodeId> nodes) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace warroom::lineage
