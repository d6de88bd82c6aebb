#include "core/session/ImpactAnalysis.h"

#include "core/lineage/LineageGraph.h"
#include "core/usage/UsageTypes.h"

#include <QCoreApplication>
#include <QSet>

namespace warroom {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::ImpactAnalysis)
};

using namespace lineage;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString datasetOf(const QString &table)
{
    const QStringList parts = table.split(QLatin1Char('.'));
    return parts.size() >= 2 ? parts.at(parts.size() - 2) : QString();
}

LineageNodeKind viewKind(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Table: return LineageNodeKind::Table;
    case NodeKind::SqlFile: return LineageNodeKind::SqlFile;
    case NodeKind::DagTask: return LineageNodeKind::DagTask;
    case NodeKind::Dag: return LineageNodeKind::Dag;
    }
    return LineageNodeKind::Table;
}

QString dagOf(const LineageGraph &graph, NodeId id)
{
    const Node &n = graph.node(id);
    if (n.kind == NodeKind::Dag)
        return qs(n.name).mid(4); // "dag:ID"
    const std::string dag = n.attribute("dag_id");
    return qs(dag);
}

} // namespace

LineageNodeData lineageNodeData(const LineageGraph &graph, NodeId node, int depth)
{
    const Node &n = graph.node(node);
    LineageNodeData data;
    data.id = QString::number(node);
    data.kind = viewKind(n.kind);
    data.name = qs(n.name);
    data.label = n.label.empty() ? data.name : qs(n.label);
    data.depth = depth;
    if (n.kind == NodeKind::Table) {
        data.dataset = datasetOf(data.name);
        return data;
    }
    data.dataset = dagOf(graph, node);
    QStringList detail;
    if (!n.file.empty())
        detail.append(n.line > 0 ? Tr::tr("%1, line %2").arg(qs(n.file)).arg(n.line) : qs(n.file));
    const std::string op = n.attribute("operator");
    if (!op.empty())
        detail.append(Tr::tr("Operator: %1").arg(qs(op)));
    const std::string schedule = n.attribute("schedule");
    if (!schedule.empty())
        detail.append(Tr::tr("Schedule: %1").arg(qs(schedule)));
    data.detail = detail.join(QLatin1Char('\n'));
    return data;
}

const ImpactAnalysis::Table *ImpactAnalysis::table(const QString &name) const
{
    for (const Table &t : tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

ImpactAnalysis analyzeImpact(const LineageGraph &graph, const QStringList &causes)
{
    ImpactAnalysis result;
    result.causes = causes;

    std::vector<NodeId> roots;
    for (const QString &cause : causes) {
        const std::vector<NodeId> found = graph.resolve(cause.trimmed().toStdString());
        if (found.empty())
            result.unresolved.append(cause);
        roots.insert(roots.end(), found.begin(), found.end());
    }
    if (roots.empty())
        return result;

    const AffectedClosure closure = graph.affected(roots);
    // Parents on minimum-depth paths give each table its path from a cause.
    TraversalOptions options;
    options.includeRoots = true;
    const std::vector<Reached> reached = graph.downstream(roots, options);
    QHash<NodeId, NodeId> parent;
    for (const Reached &r : reached)
        parent.insert(r.node, r.parent);
    const QSet<NodeId> rootSet(roots.begin(), roots.end());

    QSet<NodeId> inClosure;
    for (const AffectedNode &a : closure.nodes)
        inClosure.insert(a.node);

    // Nodes of the blast radius.
    QHash<NodeId, int> depthOf;
    for (const AffectedNode &a : closure.nodes) {
        depthOf.insert(a.node, a.depth);
        LineageNodeData data = lineageNodeData(graph, a.node, a.depth);
        data.broken = rootSet.contains(a.node);
        result.subgraph.nodes.append(data);
    }
    // Edges among them, with every source that asserted each.
    for (const AffectedNode &a : closure.nodes) {
        for (const EdgeId e : graph.outEdges(a.node)) {
            const Edge &edge = graph.edge(e);
            if (!inClosure.contains(edge.to))
                continue;
            QStringList sources;
            for (const std::string &s : sourceNames(edge.sources))
                sources.append(qs(s));
            result.subgraph.edges.append({QString::number(edge.from), QString::number(edge.to), sources});
        }
    }
    for (const auto &cycle : closure.cycles) {
        QStringList names;
        for (const NodeId id : cycle)
            names.append(qs(graph.node(id).name));
        result.cycles.append(names);
    }

    // Tables, DAGs and who writes what.
    QSet<QString> dagSeen;
    for (const AffectedNode &a : closure.nodes) {
        const Node &n = graph.node(a.node);
        if (n.kind == NodeKind::Dag || n.kind == NodeKind::DagTask) {
            const QString dag = dagOf(graph, a.node);
            if (!dag.isEmpty() && !dagSeen.contains(dag)) {
                dagSeen.insert(dag);
                result.dags.append(dag);
            }
            if (n.kind == NodeKind::Dag) {
                const std::string schedule = n.attribute("schedule");
                if (!schedule.empty())
                    result.dagSchedule.insert(dag, qs(schedule));
            }
            continue;
        }
        if (n.kind != NodeKind::Table)
            continue;
        ImpactAnalysis::Table table;
        table.name = qs(n.name);
        table.dataset = datasetOf(table.name);
        table.depth = a.depth;
        for (NodeId p = a.node; p != InvalidNode; p = parent.value(p, InvalidNode)) {
            const Node &step = graph.node(p);
            if (step.kind == NodeKind::Table || step.kind == NodeKind::Dag || step.kind == NodeKind::DagTask)
                table.path.prepend(qs(step.name));
            if (rootSet.contains(p))
                break;
        }
        for (const EdgeId e : graph.inEdges(a.node)) {
            const Edge &edge = graph.edge(e);
            if (edge.kind != EdgeKind::Writes)
                continue;
            const Node &writer = graph.node(edge.from);
            if (writer.kind == NodeKind::DagTask) {
                table.owningDag = dagOf(graph, edge.from);
                table.owningTask = qs(writer.attribute("task_id"));
                if (table.owningTask.isEmpty())
                    table.owningTask = qs(writer.label);
                break;
            }
        }
        if (!table.owningDag.isEmpty()) {
            result.dagTables[table.owningDag].append(table.name);
            if (!dagSeen.contains(table.owningDag)) {
                dagSeen.insert(table.owningDag);
                result.dags.append(table.owningDag);
            }
        }
        result.tables.append(table);
    }

    // A DAG waits for the affected DAGs that write the tables its tasks read.
    QHash<QString, QString> writerOf;
    for (const ImpactAnalysis::Table &t : std::as_const(result.tables)) {
        if (!t.owningDag.isEmpty())
            writerOf.insert(t.name, t.owningDag);
    }
    for (const AffectedNode &a : closure.nodes) {
        const Node &n = graph.node(a.node);
        if (n.kind != NodeKind::DagTask)
            continue;
        const QString dag = dagOf(graph, a.node);
        for (const EdgeId e : graph.inEdges(a.node)) {
            const Edge &edge = graph.edge(e);
            if (edge.kind != EdgeKind::ReadBy)
                continue;
            const QString upstream = writerOf.value(qs(graph.node(edge.from).name));
            QStringList &list = result.dagUpstream[dag];
            if (!upstream.isEmpty() && upstream != dag && !list.contains(upstream))
                list.append(upstream);
        }
    }
    // DAG schedules, also for DAGs only reached through their tasks.
    for (const QString &dag : std::as_const(result.dags)) {
        if (result.dagSchedule.contains(dag))
            continue;
        const NodeId id = graph.findNode(NodeKind::Dag, ("dag:" + dag).toStdString());
        if (id != InvalidNode) {
            const std::string schedule = graph.node(id).attribute("schedule");
            if (!schedule.empty())
                result.dagSchedule.insert(dag, qs(schedule));
        }
    }

    // Downstream reach of each table inside the closure (for the recovery priority).
    // Small closures get the exact count; big ones the direct fan-out, to stay interactive.
    const bool exact = result.tables.size() <= 3000;
    for (ImpactAnalysis::Table &t : result.tables) {
        const NodeId id = graph.findNode(NodeKind::Table, t.name.toStdString());
        if (id == InvalidNode)
            continue;
        TraversalOptions o;
        if (!exact)
            o.maxDepth = 1;
        int count = 0;
        for (const Reached &r : graph.downstream(std::span<const NodeId>(&id, 1), o)) {
            if (graph.node(r.node).kind == NodeKind::Table)
                ++count;
        }
        t.downstreamTables = count;
    }
    return result;
}

void annotateUsage(LineageSubgraph &subgraph, const usage::UsageRanking &ranking)
{
    QHash<QString, int> rankOf;
    for (int i = 0; i < ranking.tables.size(); ++i)
        rankOf.insert(ranking.tables.at(i).table, i + 1);
    for (LineageNodeData &node : subgraph.nodes) {
        if (node.kind != LineageNodeKind::Table)
            continue;
        const int rank = rankOf.value(node.name);
        if (rank == 0)
            continue;
        const usage::TableUsage &u = ranking.tables.at(rank - 1);
        node.usageRank = rank;
        node.usageScore = double(u.references);
        QStringList users;
        for (const usage::UserCount &c : u.topUsers)
            users.append(QStringLiteral("%1 (%2)").arg(c.user).arg(c.references));
        node.detail = Tr::tr("Usage rank %1: %n reference(s)", nullptr, int(u.references)).arg(rank)
                      + QLatin1Char('\n') + Tr::tr("%n distinct user(s)", nullptr, u.distinctUsers)
                      + (users.isEmpty() ? QString() : QLatin1Char('\n') + Tr::tr("Top users: %1").arg(users.join(QStringLiteral(", "))));
    }
}

} // namespace warroom
