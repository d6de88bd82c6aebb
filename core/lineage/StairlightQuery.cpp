#include "core/lineage/StairlightQuery.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

namespace warroom::lineage {

namespace {

using Json = nlohmann::ordered_json;

// A table one step away at table level, through `via` (a SQL file, a task, or nothing for a
// direct JOBS/OpenLineage edge), with the lines where the upstream table is referenced.
struct Step
{
    NodeId table;
    NodeId via;      // InvalidNode for a direct Feeds edge
    EdgeId readEdge; // upstream table -> via (ReadBy), or the Feeds edge
};

class Answerer
{
public:
    Answerer(const LineageGraph &graph, Direction direction) : m_graph(graph), m_direction(direction) {}

    std::vector<Step> steps(NodeId table) const
    {
        std::vector<Step> result;
        const LineageGraph &g = m_graph;
        if (m_direction == Direction::Downstream) {
            for (EdgeId e : g.outEdges(table)) {
                const Edge &edge = g.edge(e);
                const Node &via = g.node(edge.to);
                if (via.kind == NodeKind::Table) {
                    result.push_back({edge.to, InvalidNode, e});
                    continue;
                }
                if (edge.kind != EdgeKind::ReadBy)
                    continue;
                for (EdgeId w : g.outEdges(edge.to)) {
                    const Edge &write = g.edge(w);
                    if (write.kind == EdgeKind::Writes && g.node(write.to).kind == NodeKind::Table)
                        result.push_back({write.to, edge.to, e});
                }
            }
        } else {
            for (EdgeId e : g.inEdges(table)) {
                const Edge &edge = g.edge(e);
                const Node &via = g.node(edge.from);
                if (via.kind == NodeKind::Table) {
                    result.push_back({edge.from, InvalidNode, e});
                    continue;
                }
                if (edge.kind != EdgeKind::Writes)
                    continue;
                for (EdgeId r : g.inEdges(edge.from)) {
                    const Edge &read = g.edge(r);
                    if (read.kind == EdgeKind::ReadBy && g.node(read.from).kind == NodeKind::Table)
                        result.push_back({read.from, edge.from, r});
                }
            }
        }
        return result;
    }

    std::string lineString(const std::string &path, int line) const
    {
        auto it = m_fileLines.find(path);
        if (it == m_fileLines.end()) {
            std::vector<std::string> lines;
            std::ifstream in(path);
            std::string l;
            while (std::getline(in, l))
                lines.push_back(l);
            it = m_fileLines.emplace(path, std::move(lines)).first;
        }
        if (line < 1 || static_cast<std::size_t>(line) > it->second.size())
            return {};
        return it->second[static_cast<std::size_t>(line) - 1];
    }

    Json labels(NodeId downstreamTable, NodeId upstreamTable) const
    {
        Json labels = Json::object();
        for (const auto &[k, v] : m_graph.node(downstreamTable).attributes) {
            if (k.rfind("label.", 0) == 0)
                labels[k.substr(6)] = v;
        }
        for (const auto &[k, v] : m_graph.node(upstreamTable).attributes) {
            if (k.rfind("extra_label.", 0) == 0)
                labels[k.substr(12)] = v;
        }
        return labels;
    }

    Json attribute(NodeId from, const Step &step) const
    {
        const NodeId downstream = m_direction == Direction::Downstream ? step.table : from;
        const NodeId upstream = m_direction == Direction::Downstream ? from : step.table;
        Json a = Json::object();
        if (step.via == InvalidNode) {
            const SourceSet s = m_graph.edge(step.readEdge).sources;
            a["TemplateSourceType"] = (s & SourceJobs) ? "Jobs" : "OpenLineage";
            a["Key"] = m_graph.node(upstream).name + " -> " + m_graph.node(downstream).name;
            a["Uri"] = "";
            a["Lines"] = Json::array();
            a["Labels"] = labels(downstream, upstream);
            return a;
        }
        const Node &via = m_graph.node(step.via);
        const bool isFile = via.kind == NodeKind::SqlFile;
        a["TemplateSourceType"] = isFile ? "File" : "Airflow";
        a["Key"] = isFile ? via.attribute("key") : via.name;
        a["Uri"] = isFile ? via.attribute("uri") : via.file;
        Json lines = Json::array();
        if (isFile) {
            std::vector<int> ls = m_graph.edge(step.readEdge).lines;
            std::sort(ls.begin(), ls.end());
            for (int l : ls)
                lines.push_back({{"LineNumber", l}, {"LineString", lineString(via.attribute("uri"), l)}});
        }
        a["Lines"] = std::move(lines);
        a["Labels"] = labels(downstream, upstream);
        return a;
    }

    // Children of a table, grouped by child and sorted by name.
    std::map<std::string, std::pair<NodeId, std::vector<Step>>> grouped(NodeId table) const
    {
        std::map<std::string, std::pair<NodeId, std::vector<Step>>> children;
        for (const Step &s : steps(table)) {
            auto &slot = children[m_graph.node(s.table).name];
            slot.first = s.table;
            slot.second.push_back(s);
        }
        return children;
    }

    Json verbose(NodeId root, bool recursive, std::vector<NodeId> *visited) const
    {
        const char *key = m_direction == Direction::Downstream ? "Downstairs" : "Upstairs";
        // Decide, breadth-first, which occurrence of each table carries its subtree.
        std::unordered_map<NodeId, NodeId> owner; // child -> parent that expands it
        std::set<NodeId> seen{root};
        std::deque<NodeId> queue{root};
        while (recursive && !queue.empty()) {
            const NodeId u = queue.front();
            queue.pop_front();
            for (const auto &[name, child] : grouped(u)) {
                if (seen.insert(child.first).second) {
                    owner[child.first] = u;
                    queue.push_back(child.first);
                }
            }
        }
        if (visited)
            visited->assign(seen.begin(), seen.end());
        // Build the nested document with an explicit stack (no recursion on deep chains).
        struct Frame
        {
            NodeId table;
            Json *out; // object receiving {"Downstairs": ...}
        };
        Json document = Json::object();
        Json &top = document[m_graph.node(root).name];
        top = Json::object();
        std::vector<Frame> stack{{root, &top}};
        while (!stack.empty()) {
            const Frame frame = stack.back();
            stack.pop_back();
            Json children = Json::object();
            std::vector<std::pair<NodeId, std::string>> expand;
            for (const auto &[name, child] : grouped(frame.table)) {
                Json entry = Json::object();
                Json attributes = Json::array();
                for (const Step &s : child.second)
                    attributes.push_back(attribute(frame.table, s));
                entry["Attributes"] = std::move(attributes);
                children[name] = std::move(entry);
                if (recursive) {
                    auto it = owner.find(child.first);
                    if (it != owner.end() && it->second == frame.table && child.first != root)
                        expand.emplace_back(child.first, name);
                }
            }
            (*frame.out)[key] = std::move(children);
            Json &placed = (*frame.out)[key];
            for (const auto &[child, name] : expand) {
                if (!grouped(child).empty())
                    stack.push_back({child, &placed[name]});
            }
        }
        return document;
    }

private:
    const LineageGraph &m_graph;
    Direction m_direction;
    mutable std::unordered_map<std::string, std::vector<std::string>> m_fileLines;
};

} // namespace

StairlightAnswer answerStairlightQuery(const LineageGraph &graph, const StairlightQuery &query)
{
    StairlightAnswer answer;
    Answerer answerer(graph, query.direction);
    Json results = Json::array();
    for (const std::string &spec : query.tables) {
        const std::vector<NodeId> roots = graph.resolve(spec);
        if (roots.empty())
            answer.notes.push_back("table '" + spec + "' is not in the lineage graph");
        std::vector<NodeId> visited(roots.begin(), roots.end());
        {
            TraversalOptions all;
            all.maxDepth = query.recursive ? -1 : 1;
            for (const Reached &r : graph.traverse(roots, query.direction, all))
                visited.push_back(r.node);
        }
        Json result;
        if (query.verbose) {
            result = Json::object();
            for (NodeId root : roots) {
                Json one = answerer.verbose(root, query.recursive, nullptr);
                for (auto &[k, val] : one.items())
                    result[k] = val;
            }
            if (roots.empty())
                result[spec] = Json{{query.direction == Direction::Downstream ? "Downstairs" : "Upstairs",
                                     Json::object()}};
        } else {
            TraversalOptions options;
            options.metric = DepthMetric::Tables;
            options.maxDepth = query.recursive ? -1 : 1;
            options.includeRoots = false;
            const std::vector<Reached> reached = graph.traverse(roots, query.direction, options);
            std::set<std::string> names;
            for (const Reached &r : reached) {
                const Node &n = graph.node(r.node);
                if (query.output == StairlightQuery::Output::Table) {
                    if (n.kind == NodeKind::Table)
                        names.insert(n.name);
                } else if (n.kind == NodeKind::SqlFile) {
                    const int limit = query.direction == Direction::Downstream ? 1 : 0;
                    if (query.recursive || r.depth <= limit)
                        names.insert(n.attribute("uri"));
                }
            }
            // A cycle through a root brings the root back: it is downstream of itself.
            for (NodeId root : roots) {
                if (query.output != StairlightQuery::Output::Table || !query.recursive)
                    continue;
                for (EdgeId e : query.direction == Direction::Downstream ? graph.inEdges(root)
                                                                          : graph.outEdges(root)) {
                    const NodeId other = query.direction == Direction::Downstream ? graph.edge(e).from
                                                                                   : graph.edge(e).to;
                    if (std::find_if(reached.begin(), reached.end(),
                                     [&](const Reached &r) { return r.node == other; })
                        != reached.end())
                        names.insert(graph.node(root).name);
                }
            }
            result = Json(std::vector<std::string>(names.begin(), names.end()));
        }
        for (const std::vector<NodeId> &cycle : graph.cyclesAmong(visited)) {
            std::string text = "cycle: ";
            for (std::size_t i = 0; i < cycle.size(); ++i)
                text += (i ? " <-> " : "") + graph.node(cycle[i]).name;
            answer.notes.push_back(text);
        }
        results.push_back(std::move(result));
    }
    const Json &document = results.size() == 1 ? results.front() : results;
    answer.json = document.dump(2, ' ', false, Json::error_handler_t::replace);
    return answer;
}

} // namespace warroom::lineage
