#include "core/lineage/LineageGraph.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <limits>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace warroom::lineage {

namespace {

using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeId,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Node ids by name, open addressing; the names themselves are the nodes' (no second copy, no
// allocation per node).
class FlatNameIndex
{
public:
    static std::uint32_t hashOf(std::string_view s)
    {
        const std::size_t h = std::hash<std::string_view>{}(s);
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }
    NodeId find(std::string_view name, std::uint32_t hash, const std::vector<Node> &nodes) const
    {
        if (m_slots.empty())
            return InvalidNode;
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.id == InvalidNode)
                return InvalidNode;
            if (slot.hash == hash && nodes[slot.id].name == name)
                return slot.id;
        }
    }
    void insert(std::uint32_t hash, NodeId id)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow(std::max<std::size_t>(64, m_slots.size() * 2));
        place(hash, id);
        ++m_count;
    }
    void reserve(std::size_t n)
    {
        std::size_t want = 64;
        while (want < n * 2)
            want *= 2;
        if (want > m_slots.size())
            grow(want);
    }
    template<typename F>
    void forEach(F f) const
    {
        for (const Slot &slot : m_slots) {
            if (slot.id != InvalidNode)
                f(slot.id);
        }
    }

private:
    struct Slot
    {
        std::uint32_t hash = 0;
        NodeId id = InvalidNode;
    };
    void place(std::uint32_t hash, NodeId id)
    {
        std::size_t i = hash & m_mask;
        while (m_slots[i].id != InvalidNode)
            i = (i + 1) & m_mask;
        m_slots[i] = {hash, id};
    }
    void grow(std::size_t size)
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(size, Slot());
        m_mask = size - 1;
        for (const Slot &slot : old) {
            if (slot.id != InvalidNode)
                place(slot.hash, slot.id);
        }
    }
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
};

// EdgeId by (from, to), open addressing.
class FlatEdgeIndex
{
public:
    static constexpr std::uint64_t Empty = ~std::uint64_t(0);
    EdgeId find(std::uint64_t key) const
    {
        if (m_keys.empty())
            return 0xffffffffu;
        for (std::size_t i = mix(key) & m_mask;; i = (i + 1) & m_mask) {
            if (m_keys[i] == key)
                return m_values[i];
            if (m_keys[i] == Empty)
                return 0xffffffffu;
        }
    }
    void insert(std::uint64_t key, EdgeId value)
    {
        if ((m_count + 1) * 2 > m_keys.size())
            grow(std::max<std::size_t>(64, m_keys.size() * 2));
        place(key, value);
        ++m_count;
    }
    void reserve(std::size_t n)
    {
        std::size_t want = 64;
        while (want < n * 2)
            want *= 2;
        if (want > m_keys.size())
            grow(want);
    }

private:
    static std::size_t mix(std::uint64_t k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return static_cast<std::size_t>(k);
    }
    void place(std::uint64_t key, EdgeId value)
    {
        std::size_t i = mix(key) & m_mask;
        while (m_keys[i] != Empty)
            i = (i + 1) & m_mask;
        m_keys[i] = key;
        m_values[i] = value;
    }
    void grow(std::size_t size)
    {
        std::vector<std::uint64_t> oldKeys = std::move(m_keys);
        std::vector<EdgeId> oldValues = std::move(m_values);
        m_keys.assign(size, Empty);
        m_values.assign(size, 0);
        m_mask = size - 1;
        for (std::size_t i = 0; i < oldKeys.size(); ++i) {
            if (oldKeys[i] != Empty)
                place(oldKeys[i], oldValues[i]);
        }
    }
    std::vector<std::uint64_t> m_keys;
    std::vector<EdgeId> m_values;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
};

std::string_view trimQuotes(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

} // namespace

const char *nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Table: return "table";
    case NodeKind::SqlFile: return "sql_file";
    case NodeKind::DagTask: return "dag_task";
    case NodeKind::Dag: return "dag";
    }
    return "?";
}

const char *edgeKindName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::ReadBy: return "is_read_by";
    case EdgeKind::Writes: return "writes";
    case EdgeKind::Feeds: return "feeds";
    case EdgeKind::RunBy: return "run_by";
    case EdgeKind::Contains: return "contains";
    case EdgeKind::Precedes: return "precedes";
    }
    return "?";
}

std::vector<std::string> sourceNames(SourceSet sources)
{
    std::vector<std::string> names;
    if (sources & SourceSql)
        names.emplace_back("sql");
    if (sources & SourceStairlight)
        names.emplace_back("stairlight");
    if (sources & SourceDag)
        names.emplace_back("dag");
    if (sources & SourceJobs)
        names.emplace_back("jobs");
    if (sources & SourceOpenLineage)
        names.emplace_back("openlineage");
    return names;
}

std::string Node::attribute(std::string_view key) const
{
    for (const auto &[k, v] : attributes) {
        if (k == key)
            return v;
    }
    return {};
}

void Node::setAttribute(std::string_view key, std::string value)
{
    for (auto &[k, v] : attributes) {
        if (k == key) {
            v = std::move(value);
            return;
        }
    }
    attributes.emplace_back(std::string(key), std::move(value));
}

struct LineageGraph::Private
{
    std::string defaultProject;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<std::uint8_t> kinds; // NodeKind per node, compact for traversals
    std::vector<std::vector<EdgeId>> out, in;
    FlatNameIndex names[4];
    FlatEdgeIndex edgeIndex;
    // "dataset.table" -> tables of every project; built on first use (few queries need it).
    mutable std::mutex datasetMutex;
    mutable std::unique_ptr<std::unordered_map<std::string, std::vector<NodeId>, StringHash, std::equal_to<>>>
        byDatasetTable;

    mutable std::mutex freezeMutex;
    mutable std::unique_ptr<Csr> csr;

    NodeId find(NodeKind kind, std::string_view name) const
    {
        return names[static_cast<int>(kind)].find(name, FlatNameIndex::hashOf(name), nodes);
    }
    const std::vector<NodeId> *tablesOfDataset(std::string_view datasetTable) const
    {
        std::lock_guard lock(datasetMutex);
        if (!byDatasetTable) {
            byDatasetTable = std::make_unique<
                std::unordered_map<std::string, std::vector<NodeId>, StringHash, std::equal_to<>>>();
            for (NodeId id = 0; id < nodes.size(); ++id) {
                const std::string &name = nodes[id].name;
                if (nodes[id].kind == NodeKind::Table && std::count(name.begin(), name.end(), '.') == 2)
                    (*byDatasetTable)[name.substr(name.find('.') + 1)].push_back(id);
            }
        }
        auto it = byDatasetTable->find(datasetTable);
        return it == byDatasetTable->end() ? nullptr : &it->second;
    }

    const Csr &frozen()
    {
        std::lock_guard lock(freezeMutex);
        if (!csr) {
            std::vector<std::pair<std::size_t, std::size_t>> pairs;
            std::vector<EdgeId> props;
            pairs.reserve(edges.size());
            props.reserve(edges.size());
            for (EdgeId e = 0; e < edges.size(); ++e) {
                pairs.emplace_back(edges[e].from, edges[e].to);
                props.push_back(e);
            }
            csr = std::make_unique<Csr>(boost::edges_are_unsorted_multi_pass, pairs.begin(),
                                        pairs.end(), props.begin(), nodes.size());
        }
        return *csr;
    }
    void invalidate() { csr.reset(); }
};

LineageGraph::LineageGraph() : d(std::make_unique<Private>()) {}
LineageGraph::~LineageGraph() = default;
LineageGraph::LineageGraph(LineageGraph &&) noexcept = default;
LineageGraph &LineageGraph::operator=(LineageGraph &&) noexcept = default;

void LineageGraph::setDefaultProject(std::string project)
{
    d->defaultProject = std::move(project);
}

const std::string &LineageGraph::defaultProject() const
{
    return d->defaultProject;
}

std::string LineageGraph::normalizeTableName(std::string_view raw) const
{
    raw = trimQuotes(raw);
    std::string name;
    name.reserve(raw.size() + d->defaultProject.size() + 1);
    for (char c : raw) {
        if (c == '`' || c == '"' || c == '[' || c == ']')
            continue;
        name.push_back(c == ':' ? '.' : c);
    }
    if (!d->defaultProject.empty() && std::count(name.begin(), name.end(), '.') == 1)
        name = d->defaultProject + '.' + name;
    return name;
}

std::string_view LineageGraph::normalizedTableName(std::string_view raw, std::string &scratch) const
{
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    bool clean = raw.empty() || (!blank(raw.front()) && !blank(raw.back()));
    int dots = 0;
    for (std::size_t i = 0; clean && i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '.')
            ++dots;
        else if (c == '`' || c == '"' || c == '[' || c == ']' || c == ':')
            clean = false;
    }
    if (clean && (d->defaultProject.empty() || dots != 1))
        return raw;
    scratch = normalizeTableName(raw);
    return scratch;
}

NodeId LineageGraph::addNode(NodeKind kind, std::string_view rawName)
{
    std::string scratch;
    const std::string_view name = kind == NodeKind::Table ? normalizedTableName(rawName, scratch) : rawName;
    FlatNameIndex &index = d->names[static_cast<int>(kind)];
    const std::uint32_t hash = FlatNameIndex::hashOf(name);
    if (const NodeId found = index.find(name, hash, d->nodes); found != InvalidNode)
        return found;
    // (`rawName` may point into a node of this graph: copy it before the nodes grow.)
    std::string key(name);
    const auto id = static_cast<NodeId>(d->nodes.size());
    Node node;
    node.kind = kind;
    node.name = key;
    if (kind == NodeKind::Dag && key.rfind("dag:", 0) == 0)
        node.label = key.substr(4);
    else
        node.label = key;
    d->nodes.push_back(std::move(node));
    d->kinds.push_back(static_cast<std::uint8_t>(kind));
    d->out.emplace_back();
    d->in.emplace_back();
    index.insert(hash, id);
    {
        std::lock_guard lock(d->datasetMutex);
        d->byDatasetTable.reset();
    }
    d->invalidate();
    return id;
}

EdgeId LineageGraph::addEdge(NodeId from, NodeId to, EdgeKind kind, SourceSet source)
{
    const std::uint64_t key = (std::uint64_t(from) << 32) | to;
    if (const EdgeId found = d->edgeIndex.find(key); found != 0xffffffffu) {
        d->edges[found].sources |= source;
        return found;
    }
    const auto id = static_cast<EdgeId>(d->edges.size());
    Edge edge;
    edge.from = from;
    edge.to = to;
    edge.kind = kind;
    edge.sources = source;
    d->edges.push_back(std::move(edge));
    d->out[from].push_back(id);
    d->in[to].push_back(id);
    d->edgeIndex.insert(key, id);
    d->invalidate();
    return id;
}

Node &LineageGraph::mutableNode(NodeId id)
{
    return d->nodes.at(id);
}

Edge &LineageGraph::mutableEdge(EdgeId id)
{
    return d->edges.at(id);
}

void LineageGraph::reserve(std::size_t nodes, std::size_t edges)
{
    d->nodes.reserve(nodes);
    d->kinds.reserve(nodes);
    d->out.reserve(nodes);
    d->in.reserve(nodes);
    d->edges.reserve(edges);
    d->edgeIndex.reserve(edges);
    d->names[0].reserve(nodes / 2);
    d->names[1].reserve(nodes / 2);
}

std::size_t LineageGraph::nodeCount() const
{
    return d->nodes.size();
}

std::size_t LineageGraph::edgeCount() const
{
    return d->edges.size();
}

const Node &LineageGraph::node(NodeId id) const
{
    return d->nodes.at(id);
}

const Edge &LineageGraph::edge(EdgeId id) const
{
    return d->edges.at(id);
}

NodeId LineageGraph::findNode(NodeKind kind, std::string_view name) const
{
    if (kind == NodeKind::Table) {
        std::string scratch;
        return d->find(kind, normalizedTableName(name, scratch));
    }
    return d->find(kind, name);
}

EdgeId LineageGraph::findEdge(NodeId from, NodeId to) const
{
    return d->edgeIndex.find((std::uint64_t(from) << 32) | to);
}

std::vector<NodeId> LineageGraph::findTables(std::string_view raw) const
{
    std::vector<NodeId> result;
    std::string clean;
    for (char c : trimQuotes(raw)) {
        if (c != '`' && c != '"')
            clean.push_back(c == ':' ? '.' : c);
    }
    if (const NodeId id = d->find(NodeKind::Table, clean); id != InvalidNode)
        result.push_back(id);
    const auto dots = std::count(clean.begin(), clean.end(), '.');
    if (dots == 1) {
        if (const std::vector<NodeId> *ids = d->tablesOfDataset(clean))
            result.insert(result.end(), ids->begin(), ids->end());
    } else if (dots == 2) {
        // Stored without a project (none was known): `p.ds.t` finds `ds.t`.
        if (const NodeId id = d->find(NodeKind::Table, std::string_view(clean).substr(clean.find('.') + 1));
            id != InvalidNode)
            result.push_back(id);
    }
    if (dots == 1 && !d->defaultProject.empty()) {
        if (const NodeId id = d->find(NodeKind::Table, d->defaultProject + '.' + clean); id != InvalidNode)
            result.push_back(id);
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

std::vector<NodeId> LineageGraph::resolve(std::string_view spec) const
{
    spec = trimQuotes(spec);
    if (spec.rfind("dag:", 0) == 0) {
        NodeId id = findNode(NodeKind::Dag, spec);
        return id == InvalidNode ? std::vector<NodeId>{} : std::vector<NodeId>{id};
    }
    std::vector<NodeId> result = findTables(spec);
    if (!result.empty())
        return result;
    if (NodeId id = findNode(NodeKind::DagTask, spec); id != InvalidNode)
        return {id};
    if (NodeId id = findNode(NodeKind::SqlFile, spec); id != InvalidNode)
        return {id};
    // A SQL file by the end of its path (a stairlight key or a relative path).
    d->names[static_cast<int>(NodeKind::SqlFile)].forEach([&](NodeId id) {
        const std::string &name = d->nodes[id].name;
        if (name.size() > spec.size() && name.compare(name.size() - spec.size(), spec.size(), spec) == 0
            && name[name.size() - spec.size() - 1] == '/')
            result.push_back(id);
    });
    std::sort(result.begin(), result.end());
    return result;
}

std::span<const EdgeId> LineageGraph::outEdges(NodeId id) const
{
    return d->out.at(id);
}

std::span<const EdgeId> LineageGraph::inEdges(NodeId id) const
{
    return d->in.at(id);
}

void LineageGraph::finalize() const
{
    d->frozen();
}

std::vector<Reached> LineageGraph::traverse(std::span<const NodeId> roots, Direction direction,
                                            const TraversalOptions &options) const
{
    const Csr &g = d->frozen();
    const std::size_t n = d->nodes.size();
    // The CSR rows of Boost's compressed_sparse_row_graph, read directly: forward rows hold
    // targets, backward rows hold sources.
    const bool down = direction == Direction::Downstream;
    const std::uint32_t *rowstart = down ? g.m_forward.m_rowstart.data() : g.m_backward.m_rowstart.data();
    const std::uint32_t *column = down ? g.m_forward.m_column.data() : g.m_backward.m_column.data();
    const std::uint8_t *kinds = d->kinds.data();
    const bool tables = options.metric == DepthMetric::Tables;
    const std::uint8_t tableKind = static_cast<std::uint8_t>(NodeKind::Table);
    const int maxDepth = options.maxDepth < 0 ? std::numeric_limits<int>::max() : options.maxDepth;

    std::vector<int> depth(n, -1);
    std::vector<NodeId> parent(n, InvalidNode);
    std::vector<std::uint8_t> state(n, 0); // 1 root, 2 settled
    std::vector<NodeId> current, next, order;
    for (NodeId r : roots) {
        if (r >= n || depth[r] == 0)
            continue;
        depth[r] = 0;
        state[r] = 1;
        current.push_back(r);
    }
    // Level by level; weight-0 edges append to the level being processed, weight-1 edges to
    // the next, so every node is settled once, at its minimum depth, in nondecreasing depth.
    for (int level = 0; !current.empty(); ++level) {
        for (std::size_t i = 0; i < current.size(); ++i) {
            const NodeId u = current[i];
            if (state[u] & 2 || depth[u] != level)
                continue;
            state[u] |= 2;
            order.push_back(u);
            for (std::uint32_t k = rowstart[u], end = rowstart[u + 1]; k < end; ++k) {
                const NodeId v = column[k];
                if (state[v] & 2)
                    continue;
                const NodeId weighed = down ? u : v;
                const int w = !tables || kinds[weighed] == tableKind ? 1 : 0;
                const int dv = level + w;
                if (dv > maxDepth)
                    continue;
                if (depth[v] < 0 || dv < depth[v]) {
                    depth[v] = dv;
                    parent[v] = u;
                    (w == 0 ? current : next).push_back(v);
                }
            }
        }
        current.swap(next);
        next.clear();
    }
    std::vector<Reached> result;
    result.reserve(order.size());
    for (NodeId v : order) {
        const bool root = state[v] & 1;
        if (root && !options.includeRoots)
            continue;
        result.push_back({v, depth[v], root ? InvalidNode : parent[v]});
    }
    return result;
}

std::vector<Reached> LineageGraph::downstream(std::span<const NodeId> roots,
                                              const TraversalOptions &options) const
{
    return traverse(roots, Direction::Downstream, options);
}

std::vector<Reached> LineageGraph::upstream(std::span<const NodeId> roots,
                                            const TraversalOptions &options) const
{
    return traverse(roots, Direction::Upstream, options);
}

std::vector<NodeId> LineageGraph::shortestPath(NodeId from, NodeId to) const
{
    const std::size_t n = d->nodes.size();
    if (from >= n || to >= n)
        return {};
    if (from == to)
        return {from};
    const Csr &g = d->frozen();
    std::vector<NodeId> parent(n, InvalidNode);
    std::vector<char> seen(n, 0);
    std::vector<NodeId> frontier{from};
    seen[from] = 1;
    for (std::size_t head = 0; head < frontier.size(); ++head) {
        const NodeId u = frontier[head];
        for (auto e : boost::make_iterator_range(boost::out_edges(static_cast<Csr::vertex_descriptor>(u), g))) {
            const auto v = static_cast<NodeId>(boost::target(e, g));
            if (seen[v])
                continue;
            seen[v] = 1;
            parent[v] = u;
            if (v == to) {
                std::vector<NodeId> path{to};
                for (NodeId p = u; p != InvalidNode; p = parent[p])
                    path.push_back(p);
                std::reverse(path.begin(), path.end());
                return path;
            }
            frontier.push_back(v);
        }
    }
    return {};
}

// Strongly connected components of the subgraph induced by `members` (all nodes when empty),
// computed with Boost's Tarjan (iterative depth-first search: no recursion, no stack overflow).
static std::vector<std::vector<NodeId>> componentsOf(const LineageGraph &graph,
                                                     std::span<const NodeId> members,
                                                     std::vector<int> *componentOfMember)
{
    const bool all = members.empty();
    const std::size_t count = all ? graph.nodeCount() : members.size();
    std::vector<std::int32_t> local;
    if (!all) {
        local.assign(graph.nodeCount(), -1);
        for (std::uint32_t i = 0; i < members.size(); ++i)
            local[members[i]] = static_cast<std::int32_t>(i);
    }
    auto localId = [&](NodeId id) -> std::int64_t { return all ? std::int64_t(id) : local[id]; };
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    bool selfLoop = false;
    std::vector<char> hasSelfLoop(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        const NodeId u = all ? static_cast<NodeId>(i) : members[i];
        for (EdgeId e : graph.outEdges(u)) {
            const std::int64_t v = localId(graph.edge(e).to);
            if (v < 0)
                continue;
            if (static_cast<std::size_t>(v) == i) {
                hasSelfLoop[i] = 1;
                selfLoop = true;
            }
            pairs.emplace_back(i, static_cast<std::size_t>(v));
        }
    }
    using Directed = boost::compressed_sparse_row_graph<boost::directedS>;
    Directed g(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), count);
    std::vector<int> component(count);
    const int numComponents = boost::strong_components(
        g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
    std::vector<int> sizes(numComponents, 0);
    for (int c : component)
        ++sizes[c];
    std::vector<std::vector<NodeId>> groups(numComponents);
    for (std::size_t i = 0; i < count; ++i) {
        if (sizes[component[i]] > 1 || (selfLoop && hasSelfLoop[i]))
            groups[component[i]].push_back(all ? static_cast<NodeId>(i) : members[i]);
    }
    std::vector<std::vector<NodeId>> cycles;
    std::vector<int> cycleOfComponent(numComponents, -1);
    for (int c = 0; c < numComponents; ++c) {
        if (groups[c].empty())
            continue;
        auto &group = groups[c];
        std::sort(group.begin(), group.end(), [&](NodeId a, NodeId b) {
            return graph.node(a).name < graph.node(b).name;
        });
        cycleOfComponent[c] = static_cast<int>(cycles.size());
        cycles.push_back(std::move(group));
    }
    // Stable presentation: by first member's name.
    std::vector<int> perm(cycles.size());
    for (std::size_t i = 0; i < perm.size(); ++i)
        perm[i] = static_cast<int>(i);
    std::sort(perm.begin(), perm.end(), [&](int a, int b) {
        return graph.node(cycles[a].front()).name < graph.node(cycles[b].front()).name;
    });
    std::vector<int> rank(cycles.size());
    std::vector<std::vector<NodeId>> sorted;
    for (std::size_t i = 0; i < perm.size(); ++i) {
        rank[perm[i]] = static_cast<int>(i);
        sorted.push_back(std::move(cycles[perm[i]]));
    }
    if (componentOfMember) {
        componentOfMember->assign(count, -1);
        for (std::size_t i = 0; i < count; ++i) {
            const int cyc = cycleOfComponent[component[i]];
            (*componentOfMember)[i] = cyc < 0 ? -1 : rank[cyc];
        }
    }
    return sorted;
}

std::vector<std::vector<NodeId>> LineageGraph::cycles() const
{
    return componentsOf(*this, {}, nullptr);
}

std::vector<std::vector<NodeId>> LineageGraph::cyclesAmong(std::span<const NodeId> nodes) const
{
    if (nodes.empty())
        return {};
    return componentsOf(*this, nodes, nullptr);
}

AffectedClosure LineageGraph::affected(std::span<const NodeId> broken) const
{
    AffectedClosure closure;
    TraversalOptions options;
    options.includeRoots = true;
    const std::vector<Reached> reached = downstream(broken, options);
    if (reached.empty())
        return closure;
    const std::size_t m = reached.size();
    std::vector<NodeId> members(m);
    std::vector<std::int32_t> local(nodeCount(), -1);
    for (std::size_t i = 0; i < m; ++i) {
        members[i] = reached[i].node;
        local[members[i]] = static_cast<std::int32_t>(i);
    }
    // Edges inside the closure, member index -> member index, in CSR form.
    std::vector<std::uint32_t> start(m + 1, 0), target;
    for (std::size_t i = 0; i < m; ++i) {
        for (EdgeId e : outEdges(members[i])) {
            if (local[edge(e).to] >= 0)
                ++start[i + 1];
        }
    }
    for (std::size_t i = 0; i < m; ++i)
        start[i + 1] += start[i];
    target.resize(start[m]);
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < m; ++i) {
            for (EdgeId e : outEdges(members[i])) {
                const std::int32_t to = local[edge(e).to];
                if (to >= 0)
                    target[fill[i]++] = static_cast<std::uint32_t>(to);
            }
        }
    }

    // Units: one per node, or one per cycle (strongly connected component). Cycles are looked
    // for only when a first topological pass cannot finish.
    std::vector<std::uint32_t> unitOf(m);
    std::vector<int> cycleOf(m, -1);
    std::size_t units = m;
    for (std::size_t i = 0; i < m; ++i)
        unitOf[i] = static_cast<std::uint32_t>(i);

    auto kahn = [&](std::vector<std::uint32_t> &order) {
        std::vector<int> indegree(units, 0);
        for (std::size_t i = 0; i < m; ++i) {
            for (std::uint32_t k = start[i]; k < start[i + 1]; ++k) {
                if (unitOf[target[k]] != unitOf[i])
                    ++indegree[unitOf[target[k]]];
            }
        }
        // unit members, grouped
        std::vector<std::uint32_t> unitStart(units + 1, 0), unitMembers(m);
        for (std::size_t i = 0; i < m; ++i)
            ++unitStart[unitOf[i] + 1];
        for (std::size_t u = 0; u < units; ++u)
            unitStart[u + 1] += unitStart[u];
        {
            std::vector<std::uint32_t> fill(unitStart.begin(), unitStart.end() - 1);
            for (std::size_t i = 0; i < m; ++i)
                unitMembers[fill[unitOf[i]]++] = static_cast<std::uint32_t>(i);
        }
        std::vector<int> unitDepth(units, std::numeric_limits<int>::max());
        for (std::size_t i = 0; i < m; ++i)
            unitDepth[unitOf[i]] = std::min(unitDepth[unitOf[i]], reached[i].depth);
        // min-heap on (depth, unit): units are numbered in discovery order
        using Key = std::uint64_t;
        std::vector<Key> heap;
        auto key = [&](std::uint32_t u) { return (Key(std::uint32_t(unitDepth[u])) << 32) | u; };
        for (std::uint32_t u = 0; u < units; ++u) {
            if (indegree[u] == 0)
                heap.push_back(key(u));
        }
        std::make_heap(heap.begin(), heap.end(), std::greater<>());
        order.clear();
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), std::greater<>());
            const auto u = static_cast<std::uint32_t>(heap.back() & 0xffffffffu);
            heap.pop_back();
            for (std::uint32_t k = unitStart[u]; k < unitStart[u + 1]; ++k) {
                const std::uint32_t i = unitMembers[k];
                order.push_back(i);
                for (std::uint32_t t = start[i]; t < start[i + 1]; ++t) {
                    const std::uint32_t v = unitOf[target[t]];
                    if (v != u && --indegree[v] == 0) {
                        heap.push_back(key(v));
                        std::push_heap(heap.begin(), heap.end(), std::greater<>());
                    }
                }
            }
        }
        return order.size() == m;
    };

    std::vector<std::uint32_t> order;
    order.reserve(m);
    bool selfLoop = false;
    for (std::size_t i = 0; i < m && !selfLoop; ++i) {
        for (std::uint32_t k = start[i]; k < start[i + 1]; ++k)
            selfLoop = selfLoop || target[k] == i;
    }
    if (!kahn(order) || selfLoop) {
        closure.cycles = componentsOf(*this, members, &cycleOf);
        std::vector<int> cycleUnit(closure.cycles.size(), -1);
        units = 0;
        for (std::size_t i = 0; i < m; ++i) {
            if (cycleOf[i] >= 0) {
                int &u = cycleUnit[cycleOf[i]];
                if (u < 0)
                    u = static_cast<int>(units++);
                unitOf[i] = static_cast<std::uint32_t>(u);
            } else {
                unitOf[i] = static_cast<std::uint32_t>(units++);
            }
        }
        kahn(order);
        // Inside a cycle: by depth, then name.
        for (std::size_t a = 0; a < order.size();) {
            std::size_t b = a + 1;
            while (b < order.size() && unitOf[order[b]] == unitOf[order[a]])
                ++b;
            if (b - a > 1) {
                std::sort(order.begin() + a, order.begin() + b, [&](std::uint32_t x, std::uint32_t y) {
                    if (reached[x].depth != reached[y].depth)
                        return reached[x].depth < reached[y].depth;
                    return node(members[x]).name < node(members[y]).name;
                });
            }
            a = b;
        }
    }
    closure.nodes.reserve(m);
    for (std::uint32_t i : order)
        closure.nodes.push_back({members[i], reached[i].depth, cycleOf[i]});
    return closure;
}

} // namespace warroom::lineage
