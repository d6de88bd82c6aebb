#include "core/recovery/RecoveryInputBuilder.h"

#include "core/recovery/CronSchedule.h"

#include "core/lineage/LineageGraph.h"
#include "core/lineage/LineageLoader.h"
#include "core/usage/JobsReader.h"
#include "core/usage/RecoveryPriority.h"
#include "core/usage/UsageLog.h"
#include "core/workspace/Workspace.h"

#include <QCoreApplication>
#include <QSet>

#include <map>
#include <set>

namespace warroom::recovery {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::recovery::RecoveryInputBuilder)
};

using lineage::EdgeKind;
using lineage::LineageGraph;
using lineage::NodeId;
using lineage::NodeKind;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// The DAG a task or SQL file node belongs to (a SQL file: through the tasks running it).
void dagsOf(const LineageGraph &graph, NodeId id, std::set<std::string> &out)
{
    const lineage::Node &node = graph.node(id);
    if (node.kind == NodeKind::DagTask) {
        const std::string dag = node.attribute("dag_id");
        if (!dag.empty())
            out.insert(dag);
    } else if (node.kind == NodeKind::Dag) {
        const std::string dag = node.attribute("dag_id");
        out.insert(dag.empty() ? node.name.substr(node.name.rfind(':') + 1) : dag);
    } else if (node.kind == NodeKind::SqlFile) {
        for (lineage::EdgeId e : graph.outEdges(id)) {
            const lineage::Edge &edge = graph.edge(e);
            if (edge.kind == EdgeKind::RunBy)
                dagsOf(graph, edge.to, out);
        }
    }
}

std::vector<NodeId> tasksOf(const LineageGraph &graph, const std::string &dagId)
{
    std::vector<NodeId> tasks;
    const NodeId dag = graph.findNode(NodeKind::Dag, "dag:" + dagId);
    if (dag == lineage::InvalidNode)
        return tasks;
    for (lineage::EdgeId e : graph.outEdges(dag)) {
        const lineage::Edge &edge = graph.edge(e);
        if (edge.kind == EdgeKind::Contains)
            tasks.push_back(edge.to);
    }
    return tasks;
}
} // namespace

RecoveryInput buildRecoveryInputFromGraph(const LineageGraph &graph, const QStringList &broken,
                                          EpochMicros windowStart, EpochMicros windowEnd,
                                          const QHash<QString, TableUsageFacts> &usage,
                                          const QString &timezone, Diagnostics *diagnostics)
{
    RecoveryInput input;
    input.windowStart = windowStart;
    input.windowEnd = windowEnd;
    input.defaultTimezone = timezone.isEmpty() ? QStringLiteral("UTC") : timezone;

    std::vector<NodeId> roots;
    for (const QString &spec : broken) {
        const std::vector<NodeId> found = graph.resolve(spec.trimmed().toStdString());
        if (found.empty() && diagnostics) {
            Diagnostic d;
            d.message = Tr::tr("--broken %1: no such table or DAG in the lineage").arg(spec);
            diagnostics->append(d);
        }
        roots.insert(roots.end(), found.begin(), found.end());
    }
    if (roots.empty())
        return input;
    const lineage::AffectedClosure closure = graph.affected(roots);

    // affected DAGs, in the closure's (topological) order
    std::vector<std::string> dagOrder;
    std::set<std::string> seen;
    for (const lineage::AffectedNode &n : closure.nodes) {
        std::set<std::string> dags;
        dagsOf(graph, n.node, dags);
        for (const std::string &d : dags) {
            if (seen.insert(d).second)
                dagOrder.push_back(d);
        }
    }

    std::map<NodeId, int> reachCache;
    const auto reach = [&](NodeId table) {
        auto it = reachCache.find(table);
        if (it != reachCache.end())
            return it->second;
        int count = 0;
        const NodeId root[] = {table};
        for (const lineage::Reached &r : graph.downstream(root)) {
            if (graph.node(r.node).kind == NodeKind::Table)
                ++count;
        }
        reachCache.emplace(table, count);
        return count;
    };
    const auto usageOf = [&](const QString &table) {
        if (usage.contains(table))
            return usage.value(table);
        // `dataset.table` in the graph vs `project.dataset.table` in the log, or vice versa
        for (auto it = usage.cbegin(); it != usage.cend(); ++it) {
            if (it.key().endsWith(QLatin1Char('.') + table) || table.endsWith(QLatin1Char('.') + it.key()))
                return it.value();
        }
        return TableUsageFacts{};
    };

    for (const std::string &dagId : dagOrder) {
        DagInfo info;
        info.dagId = q(dagId);
        const NodeId dagNode = graph.findNode(NodeKind::Dag, "dag:" + dagId);
        if (dagNode != lineage::InvalidNode) {
            info.schedule = q(graph.node(dagNode).attribute("schedule"));
            // start_date as written in the DAG file, when the scanner records it: its zone is
            // the DAG's, its instant anchors timedelta schedules
            if (const auto start = parseDagStartDate(q(graph.node(dagNode).attribute("start_date")),
                                                     input.defaultTimezone)) {
                info.startDate = start->at;
                if (!start->timezone.isEmpty())
                    info.timezone = start->timezone;
            }
        }
        std::set<NodeId> written;
        std::set<std::string> upstream;
        for (NodeId task : tasksOf(graph, dagId)) {
            std::vector<NodeId> producers{task};
            for (lineage::EdgeId e : graph.inEdges(task)) {
                const lineage::Edge &edge = graph.edge(e);
                if (edge.kind == EdgeKind::RunBy)
                    producers.push_back(edge.from); // its SQL files
            }
            for (NodeId p : producers) {
                for (lineage::EdgeId e : graph.outEdges(p)) {
                    const lineage::Edge &edge = graph.edge(e);
                    if (edge.kind == EdgeKind::Writes && graph.node(edge.to).kind == NodeKind::Table)
                        written.insert(edge.to);
                }
                for (lineage::EdgeId e : graph.inEdges(p)) {
                    const lineage::Edge &edge = graph.edge(e);
                    if (edge.kind != EdgeKind::ReadBy)
                        continue;
                    // who writes what this task reads
                    for (lineage::EdgeId w : graph.inEdges(edge.from)) {
                        const lineage::Edge &writer = graph.edge(w);
                        if (writer.kind == EdgeKind::Writes)
                            dagsOf(graph, writer.from, upstream);
                    }
                }
            }
        }
        upstream.erase(dagId);
        for (const std::string &u : upstream)
            info.upstreamDags.append(q(u));
        double best = -1;
        for (NodeId t : written) {
            const QString table = q(graph.node(t).name);
            info.tablesWritten.append(table);
            const TableUsageFacts facts = usageOf(table);
            const usage::PriorityScore score = usage::recoveryPriority(facts.references,
                                                                       facts.distinctPeople, reach(t));
            if (score.value > best) {
                best = score.value;
                info.priority = score.value;
                info.priorityExplanation = Tr::tr("%1: %2").arg(table, score.explanation);
            }
        }
        if (info.schedule.isEmpty() && diagnostics && dagNode != lineage::InvalidNode) {
            Diagnostic d;
            d.file = q(graph.node(dagNode).file);
            d.line = graph.node(dagNode).line;
            d.message = Tr::tr("DAG %1 has no schedule the scanner could read").arg(info.dagId);
            d.severity = Diagnostic::Severity::Warning;
            diagnostics->append(d);
        }
        input.affectedDags.append(info);
    }
    return input;
}

RecoveryInput buildRecoveryInput(const WorkspaceConfig &workspace, const QStringList &broken,
                                 EpochMicros windowStart, EpochMicros windowEnd,
                                 Diagnostics *diagnostics)
{
    const LineageGraph graph = lineage::LineageLoader::loadWorkspace(workspace, diagnostics);
    QHash<QString, TableUsageFacts> usage;
    const QString jobs = !workspace.usage.jobs.isEmpty() ? workspace.usage.jobs : workspace.lineage.jobs;
    if (!jobs.isEmpty()) {
        usage::ReadStats stats;
        if (auto log = usage::UsageLog::load(jobs, &stats)) {
            usage::RankingOptions options;
            if (windowStart > 0) {
                options.until = windowStart;
                options.since = windowStart - qint64(std::max(1, workspace.usage.windowDays)) * 86400LL * 1000000;
            }
            for (const usage::TableUsage &t : log->rank(options).tables)
                usage.insert(t.table, {t.references, t.distinctPeople});
        } else if (diagnostics) {
            Diagnostic d;
            d.file = jobs;
            d.message = Tr::tr("could not read the JOBS log for usage priorities");
            d.severity = Diagnostic::Severity::Warning;
            diagnostics->append(d);
        }
    }
    return buildRecoveryInputFromGraph(graph, broken, windowStart, windowEnd, usage,
                                       workspace.timezone, diagnostics);
}

} // namespace warroom::recovery
