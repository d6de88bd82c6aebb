#include "core/graph/SyntheticSubgraph.h"

#include <QRandomGenerator>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace warroom {

LineageSubgraph syntheticSubgraph(int nodes, double edgesPerNode, quint32 seed)
{
    LineageSubgraph g;
    if (nodes <= 0)
        return g;
    QRandomGenerator rng(seed);
    static const char *const datasets[] = {"sales", "finance", "marketing", "crm", "events",
                                           "billing", "ads", "product", "support", "hr",
                                           "logistics", "analytics", "ml_features", "reporting"};
    static const char *const words[] = {"orders", "users", "sessions", "daily", "summary",
                                        "revenue", "clicks", "accounts", "invoices", "agg",
                                        "snapshot", "events", "funnel", "cohort", "churn",
                                        "payments", "campaigns", "leads", "tickets", "stock"};
    const int levels = std::max(3, nodes / 160 + 6);
    std::vector<std::vector<int>> byLevel(levels);
    g.nodes.reserve(nodes);
    for (int i = 0; i < nodes; ++i) {
        LineageNodeData n;
        const int level = i < 3 ? 0 : 1 + int(rng.bounded(levels - 1));
        const int dsIndex = int(rng.bounded(int(std::size(datasets))));
        const QString ds = QString::fromLatin1(datasets[dsIndex]);
        const QString word = QString::fromLatin1(words[rng.bounded(int(std::size(words)))]);
        const quint32 r = rng.bounded(100);
        n.kind = i < 3 ? LineageNodeKind::Table
                 : r < 50 ? LineageNodeKind::Table
                 : r < 60 ? LineageNodeKind::View
                 : r < 85 ? LineageNodeKind::SqlFile
                          : LineageNodeKind::DagTask;
        n.dataset = ds;
        n.depth = level;
        n.broken = i < 3;
        switch (n.kind) {
        case LineageNodeKind::SqlFile:
            n.label = QStringLiteral("%1_%2.sql").arg(word).arg(i);
            n.name = QStringLiteral("sql/%1/%2").arg(ds, n.label);
            n.detail = QStringLiteral("%1 (line %2)").arg(n.name).arg(1 + rng.bounded(200));
            break;
        case LineageNodeKind::DagTask:
            n.label = QStringLiteral("load_%1_%2").arg(word).arg(i);
            n.name = QStringLiteral("%1_daily.%2").arg(ds, n.label);
            n.detail = QStringLiteral("DAG %1_daily, task %2").arg(ds, n.label);
            break;
        default:
            n.label = QStringLiteral("%1_%2").arg(word).arg(i);
            n.name = QStringLiteral("warehouse.%1.%2").arg(ds, n.label);
            n.detail = QStringLiteral("Read by %1 users").arg(rng.bounded(40));
            break;
        }
        n.id = n.name;
        if (rng.bounded(3) == 0)
            n.usageRank = 1 + int(rng.bounded(nodes));
        n.usageScore = rng.bounded(1000);
        static const char *const statuses[] = {"", "", "", "todo", "rerunning", "verifying",
                                               "done", "blocked"};
        n.recoveryStatus = QString::fromLatin1(statuses[rng.bounded(8)]);
        byLevel[level].push_back(i);
        g.nodes.append(n);
    }
    QSet<QPair<int, int>> seen;
    auto addEdge = [&](int a, int b) {
        if (a == b || seen.contains({a, b}))
            return;
        seen.insert({a, b});
        static const char *const sources[] = {"sql", "stairlight", "dag", "jobs", "openlineage"};
        g.edges.append({g.nodes[a].id, g.nodes[b].id,
                        {QString::fromLatin1(sources[rng.bounded(5)])}});
    };
    // Real lineage is local: a table is mostly read by queries of its own neighbourhood.
    // Parents are picked near the child's relative position in its level.
    QHash<int, double> relative;
    for (int l = 0; l < levels; ++l) {
        for (int i = 0; i < int(byLevel[l].size()); ++i)
            relative.insert(byLevel[l][i], (i + 0.5) / double(byLevel[l].size()));
    }
    auto pickNear = [&](int pl, int v) {
        const auto &lv = byLevel[pl];
        const double spread = 0.06;
        double r = relative.value(v) + (rng.generateDouble() * 2 - 1) * spread;
        r = std::clamp(r, 0.0, 0.999999);
        return lv[std::min(int(lv.size()) - 1, int(r * double(lv.size())))];
    };
    // every node below level 0 gets at least one parent from a lower level
    for (int l = 1; l < levels; ++l) {
        for (int v : byLevel[l]) {
            int pl = l - 1;
            while (pl > 0 && byLevel[pl].empty())
                --pl;
            if (byLevel[pl].empty())
                continue;
            addEdge(pl == 0 ? byLevel[0][rng.bounded(int(byLevel[0].size()))] : pickNear(pl, v), v);
        }
    }
    const qsizetype target = qsizetype(edgesPerNode * nodes);
    int guard = 0;
    while (g.edges.size() < target && guard++ < target * 4) {
        const int l = 1 + int(rng.bounded(levels - 1));
        if (byLevel[l].empty())
            continue;
        const int v = byLevel[l][rng.bounded(int(byLevel[l].size()))];
        const quint32 r = rng.bounded(100);
        const int span = r < 75 ? 1 : r < 92 ? 2 : r < 99 ? 3 : -1; // -1: a cycle
        const int pl = span < 0 ? std::min(levels - 1, l + 1) : std::max(0, l - span);
        if (byLevel[pl].empty())
            continue;
        addEdge(rng.bounded(10) == 0 ? byLevel[pl][rng.bounded(int(byLevel[pl].size()))]
                                     : pickNear(pl, v),
                v);
    }
    return g;
}

} // namespace warroom
