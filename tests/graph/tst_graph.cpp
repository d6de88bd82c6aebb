// The lineage graph model (signals consistent with content, groups, filters, path, search),
// its flat list model, and the layered layout (no overlaps, left to right, stable growth,
// cancellation).

#include "core/graph/LineageGraphModel.h"
#include "core/graph/LineageLayout.h"
#include "core/graph/LineageNodeListModel.h"
#include "core/graph/SyntheticSubgraph.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QtTest>

using namespace warroom;

namespace {

LineageNodeData node(const QString &id, LineageNodeKind kind = LineageNodeKind::Table,
                     const QString &dataset = QString(), int depth = 0, bool broken = false)
{
    LineageNodeData n;
    n.id = id;
    n.kind = kind;
    n.name = id;
    n.label = id.section(QLatin1Char('.'), -1);
    n.dataset = dataset;
    n.depth = depth;
    n.broken = broken;
    return n;
}

// Follows a model through its signals only and compares with what the model says it holds.
class Mirror : public QObject
{
public:
    explicit Mirror(LineageGraphModel *m)
        : m_model(m)
    {
        auto takeAll = [this] {
            const QStringList ids = m_model->nodeIds();
            nodes = QSet<QString>(ids.cbegin(), ids.cend());
            const auto e = m_model->edgeIds();
            edges = QSet<LineageEdgeId>(e.cbegin(), e.cend());
        };
        takeAll();
        connect(m, &LineageGraphModel::modelReset, this, takeAll);
        connect(m, &LineageGraphModel::nodeAdded, this, [this](const QString &id) {
            QVERIFY2(!nodes.contains(id), qPrintable(id));
            QVERIFY(m_model->nodeExists(id));
            nodes.insert(id);
        });
        connect(m, &LineageGraphModel::nodeRemoved, this, [this](const QString &id) {
            QVERIFY2(nodes.contains(id), qPrintable(id));
            QVERIFY(!m_model->nodeExists(id));
            for (const LineageEdgeId &e : std::as_const(edges))
                QVERIFY2(e.from != id && e.to != id, "edge removed after its node");
            nodes.remove(id);
        });
        connect(m, &LineageGraphModel::edgeAdded, this, [this](const LineageEdgeId &e) {
            QVERIFY(!edges.contains(e));
            QVERIFY2(nodes.contains(e.from) && nodes.contains(e.to), "edge added before its node");
            edges.insert(e);
        });
        connect(m, &LineageGraphModel::edgeRemoved, this, [this](const LineageEdgeId &e) {
            QVERIFY(edges.contains(e));
            edges.remove(e);
        });
    }
    void check() const
    {
        const QStringList ids = m_model->nodeIds();
        QCOMPARE(nodes, QSet<QString>(ids.cbegin(), ids.cend()));
        const auto e = m_model->edgeIds();
        QCOMPARE(edges, QSet<LineageEdgeId>(e.cbegin(), e.cend()));
        QCOMPARE(m_model->nodeCount(), int(nodes.size()));
        for (const LineageEdgeId &id : e) {
            QVERIFY(m_model->outNodes(id.from).contains(id.to));
            QVERIFY(m_model->inNodes(id.to).contains(id.from));
        }
    }
    QSet<QString> nodes;
    QSet<LineageEdgeId> edges;

private:
    LineageGraphModel *m_model;
};

// a -> b -> c -> d, a -> e, plus a view cycle v1 <-> v2 fed by b
LineageSubgraph smallGraph()
{
    LineageSubgraph g;
    g.nodes = {node("p.sales.a", LineageNodeKind::Table, "sales", 0, true),
               node("sql/b.sql", LineageNodeKind::SqlFile, "sales", 1),
               node("p.finance.c", LineageNodeKind::Table, "finance", 1),
               node("dag.d", LineageNodeKind::DagTask, "", 2),
               node("p.finance.e", LineageNodeKind::Table, "finance", 1),
               node("p.mart.v1", LineageNodeKind::View, "mart", 2),
               node("p.mart.v2", LineageNodeKind::View, "mart", 3)};
    g.edges = {{"p.sales.a", "sql/b.sql", {"sql"}},     {"sql/b.sql", "p.finance.c", {"sql"}},
               {"p.finance.c", "dag.d", {"dag"}},      {"p.sales.a", "p.finance.e", {"jobs"}},
               {"sql/b.sql", "p.mart.v1", {"sql"}},     {"p.mart.v1", "p.mart.v2", {"sql"}},
               {"p.mart.v2", "p.mart.v1", {"sql"}}};
    return g;
}

QStringList sortedList(QStringList l)
{
    l.sort();
    return l;
}

LayoutInput inputOf(const LineageSubgraph &g)
{
    LayoutInput in;
    for (const auto &n : g.nodes)
        in.nodes.append(n.id);
    for (const auto &e : g.edges)
        in.edges.append({e.from, e.to});
    return in;
}

void verifyNoOverlap(const LayoutResult &r, const LayoutOptions &o)
{
    QHash<qint64, QList<double>> columns;
    for (auto it = r.positions.cbegin(); it != r.positions.cend(); ++it)
        columns[qRound64(it->x())].append(it->y());
    for (auto it = r.positions.cbegin(); it != r.positions.cend(); ++it) {
        // any two boxes that share x range must be apart vertically
        for (auto jt = std::next(it); jt != r.positions.cend(); ++jt) {
            if (std::abs(it->x() - jt->x()) < o.nodeWidth
                && std::abs(it->y() - jt->y()) < o.nodeHeight) {
                QFAIL(qPrintable(QStringLiteral("%1 overlaps %2").arg(it.key(), jt.key())));
            }
        }
    }
}

} // namespace

class tst_Graph : public QObject
{
    Q_OBJECT

private slots:
    void resetAndSignals();
    void mergeAddsWithoutReset();
    void removeNodes();
    void groups();
    void filters();
    void pathFilter();
    void foldedKinds();
    void scopeAndMore();
    void depthBecomesScope();
    void overviewOfABigRadius();
    void revealAndShowAll();
    void filterBatch();
    void search_data();
    void search();
    void neighboursAndClosure();
    void listModel();
    void csv();
    void layoutBasics_data();
    void layoutBasics();
    void layoutCycleReported();
    void layoutStableGrowth();
    void layoutCancel();
    void graphviz();
};

void tst_Graph::resetAndSignals()
{
    LineageGraphModel m;
    Mirror mirror(&m);
    QSignalSpy reset(&m, &LineageGraphModel::modelReset);
    QSignalSpy added(&m, &LineageGraphModel::nodeAdded);
    m.setSubgraph(smallGraph());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(added.size(), 0);
    mirror.check();
    QCOMPARE(m.nodeCount(), 7);
    QCOMPARE(m.edgeCount(), 7);
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::Broken).toBool(), true);
    QCOMPARE(m.nodeData("sql/b.sql", LineageNodeRole::Kind).value<LineageNodeKind>(),
             LineageNodeKind::SqlFile);
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::DownstreamCount).toInt(), 6);
    QCOMPARE(m.nodeData("dag.d", LineageNodeRole::UpstreamCount).toInt(), 3);
    QCOMPARE(m.edgeData({"p.sales.a", "p.finance.e"}, LineageEdgeRole::Sources).toStringList(),
             QStringList{"jobs"});
    QVERIFY(!m.nodeData("nope", LineageNodeRole::Name).isValid());

    // bad input: edges to unknown nodes and self-loops are dropped, not crashed on
    LineageSubgraph bad = smallGraph();
    bad.edges.append({"p.sales.a", "missing", {}});
    bad.edges.append({"dag.d", "dag.d", {}});
    bad.nodes.append(node(QString()));
    m.setSubgraph(bad);
    mirror.check();
    QCOMPARE(m.edgeCount(), 7);
}

void tst_Graph::mergeAddsWithoutReset()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    Mirror mirror(&m);
    mirror.check();
    QSignalSpy reset(&m, &LineageGraphModel::modelReset);
    QSignalSpy added(&m, &LineageGraphModel::nodeAdded);
    QSignalSpy updated(&m, &LineageGraphModel::nodeUpdated);
    QSignalSpy edges(&m, &LineageGraphModel::edgeAdded);
    QSignalSpy changed(&m, &LineageGraphModel::graphChanged);
    LineageSubgraph more;
    LineageNodeData d = node("dag.d", LineageNodeKind::DagTask, "", 2);
    d.recoveryStatus = "rerunning";
    more.nodes = {d, node("p.finance.f", LineageNodeKind::Table, "finance", 3)};
    more.edges = {{"dag.d", "p.finance.f", {"dag"}}, {"p.sales.a", "sql/b.sql", {"stairlight"}}};
    m.mergeSubgraph(more);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().toString(), QString("p.finance.f"));
    QCOMPARE(edges.size(), 1);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.first().first().toString(), QString("dag.d"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m.nodeData("dag.d", LineageNodeRole::RecoveryStatus).toString(), QString("rerunning"));
    QCOMPARE(m.edgeData({"p.sales.a", "sql/b.sql"}, LineageEdgeRole::Sources).toStringList(),
             (QStringList{"sql", "stairlight"}));
    mirror.check();
}

void tst_Graph::removeNodes()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    Mirror mirror(&m);
    mirror.check();
    QSignalSpy removedEdges(&m, &LineageGraphModel::edgeRemoved);
    m.removeNodes({"sql/b.sql", "unknown"});
    mirror.check();
    QVERIFY(!m.nodeExists("sql/b.sql"));
    QCOMPARE(removedEdges.size(), 3);
    QCOMPARE(m.nodeCount(), 6);
    QCOMPARE(m.subgraph().nodes.size(), 6);
}

void tst_Graph::groups()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    Mirror mirror(&m);
    const QString g = LineageGraphModel::groupId("finance");
    m.collapseDataset("finance");
    mirror.check();
    QVERIFY(m.isDatasetCollapsed("finance"));
    QVERIFY(m.nodeExists(g));
    QVERIFY(!m.nodeExists("p.finance.c"));
    QVERIFY(!m.nodeExists("p.finance.e"));
    QCOMPARE(m.nodeData(g, LineageNodeRole::Kind).value<LineageNodeKind>(),
             LineageNodeKind::Group);
    QCOMPARE(m.nodeData(g, LineageNodeRole::GroupMembers).toStringList(),
             (QStringList{"p.finance.c", "p.finance.e"}));
    QCOMPARE(m.groupOf("p.finance.c"), g);
    QCOMPARE(m.displayedId("p.finance.e"), g);
    // a -> c and a -> e become one edge a -> group (sources united); b -> c -> d rerouted
    QVERIFY(m.edgeExists({"p.sales.a", g}));
    QVERIFY(m.edgeExists({"sql/b.sql", g}));
    QVERIFY(m.edgeExists({g, "dag.d"}));
    QCOMPARE(m.nodeCount(), 6);
    // collapsing the dataset of a broken node keeps the group broken
    m.collapseDataset("sales");
    mirror.check();
    QVERIFY(m.nodeData(LineageGraphModel::groupId("sales"), LineageNodeRole::Broken).toBool());
    QVERIFY(m.edgeExists({LineageGraphModel::groupId("sales"), g}));
    // merging into a collapsed dataset updates the group, not a new node
    LineageSubgraph more;
    more.nodes = {node("p.finance.x", LineageNodeKind::Table, "finance", 2)};
    more.edges = {{"dag.d", "p.finance.x", {}}};
    m.mergeSubgraph(more);
    mirror.check();
    QVERIFY(!m.nodeExists("p.finance.x"));
    QCOMPARE(m.nodeData(g, LineageNodeRole::GroupMembers).toStringList().size(), 3);
    QVERIFY(m.edgeExists({"dag.d", g})); // a cycle through the group is fine
    m.expandDataset("finance");
    m.expandDataset("sales");
    mirror.check();
    QVERIFY(!m.nodeExists(g));
    QVERIFY(m.nodeExists("p.finance.x"));
    QCOMPARE(m.edgeCount(), 8);
    // removing a group removes its members
    m.collapseDataset("mart");
    m.removeNodes({LineageGraphModel::groupId("mart")});
    mirror.check();
    QVERIFY(!m.subgraph().nodes.contains(node("p.mart.v1", LineageNodeKind::View, "mart", 2)));
    QCOMPARE(m.nodeCount(), 6);
}

void tst_Graph::filters()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    QSignalSpy visibility(&m, &LineageGraphModel::visibilityChanged);
    QSignalSpy updated(&m, &LineageGraphModel::nodeUpdated);
    m.setKindVisible(LineageNodeKind::View, false);
    QCOMPARE(visibility.size(), 1);
    QCOMPARE(updated.size(), 2);
    QVERIFY(m.isHidden("p.mart.v1"));
    QVERIFY(m.nodeData("p.mart.v2", LineageNodeRole::Hidden).toBool());
    QVERIFY(m.nodeExists("p.mart.v1")); // hidden, not deleted
    QCOMPARE(m.visibleNodeIds().size(), 5);
    QVERIFY(!m.visibleEdgeIds().contains(LineageEdgeId{"sql/b.sql", "p.mart.v1"}));
    QVERIFY(m.edgeData({"sql/b.sql", "p.mart.v1"}, LineageEdgeRole::Hidden).toBool());
    m.setKindVisible(LineageNodeKind::View, false); // no change, no signal
    QCOMPARE(visibility.size(), 1);
    m.setDatasetVisible("finance", false);
    QCOMPARE(m.visibleNodeIds(), (QStringList{"p.sales.a", "sql/b.sql", "dag.d"}));
    m.setMaxDepth(0);
    QCOMPARE(m.visibleNodeIds(), QStringList{"p.sales.a"});
    m.setMaxDepth(-1);
    m.setDatasetVisible("finance", true);
    m.setKindVisible(LineageNodeKind::View, true);
    QCOMPARE(m.visibleNodeIds().size(), 7);
    QVERIFY(m.isDatasetVisible("finance"));
}

void tst_Graph::pathFilter()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    QVERIFY(m.setPathFilter("p.sales.a", "dag.d"));
    QVERIFY(m.hasPathFilter());
    const QStringList visible = m.visibleNodeIds();
    QCOMPARE(QSet<QString>(visible.cbegin(), visible.cend()),
             (QSet<QString>{"p.sales.a", "sql/b.sql", "p.finance.c", "dag.d"}));
    // reversed arguments find the same path
    QVERIFY(m.setPathFilter("dag.d", "p.sales.a"));
    QCOMPARE(m.visibleNodeIds().size(), 4);
    // no path: false and nothing changes
    QVERIFY(!m.setPathFilter("p.finance.e", "dag.d"));
    QCOMPARE(m.visibleNodeIds().size(), 4);
    // the path survives a cycle
    QVERIFY(m.setPathFilter("p.sales.a", "p.mart.v2"));
    QCOMPARE(m.visibleNodeIds().size(), 4);
    m.clearPathFilter();
    QVERIFY(!m.hasPathFilter());
    QCOMPARE(m.visibleNodeIds().size(), 7);
}

void tst_Graph::foldedKinds()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    QSignalSpy visibility(&m, &LineageGraphModel::visibilityChanged);
    m.setKindVisible(LineageNodeKind::SqlFile, false);
    QCOMPARE(visibility.size(), 1);
    const QList<LineageEdgeId> edges = m.visibleEdgeIds();
    // a -> sql/b.sql -> {c, v1} becomes a -> c and a -> v1: the tables stay connected
    QVERIFY(edges.contains(LineageEdgeId{"p.sales.a", "p.finance.c"}));
    QVERIFY(edges.contains(LineageEdgeId{"p.sales.a", "p.mart.v1"}));
    QVERIFY(edges.contains(LineageEdgeId{"p.sales.a", "p.finance.e"})); // its own edge
    QVERIFY(!edges.contains(LineageEdgeId{"p.sales.a", "sql/b.sql"}));
    QVERIFY(m.isFoldedEdge({"p.sales.a", "p.finance.c"}));
    QVERIFY(!m.isFoldedEdge({"p.sales.a", "p.finance.e"}));
    QVERIFY(!m.edgeExists({"p.sales.a", "p.finance.c"})); // not a model edge
    QCOMPARE(m.edgeData({"p.sales.a", "p.finance.c"}, LineageEdgeRole::Via).toStringList(),
             QStringList{"sql/b.sql"});
    QCOMPARE(m.edgeData({"p.sales.a", "p.finance.c"}, LineageEdgeRole::Hidden).toBool(), false);
    for (const LineageEdgeId &e : edges)
        QVERIFY(!m.isHidden(e.from) && !m.isHidden(e.to));
    // two kinds in a row fold too: c -> dag.d is a dead end, nothing appears
    m.setKindVisible(LineageNodeKind::DagTask, false);
    QCOMPARE(m.visibleEdgeIds().size(), 5); // a->e, v1->v2, v2->v1, a->c, a->v1
    m.setKindVisible(LineageNodeKind::SqlFile, true);
    m.setKindVisible(LineageNodeKind::DagTask, true);
    QVERIFY(!m.isFoldedEdge({"p.sales.a", "p.finance.c"}));
    QCOMPARE(m.visibleEdgeIds().size(), 7);
}

void tst_Graph::scopeAndMore()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    QSignalSpy updated(&m, &LineageGraphModel::nodeUpdated);
    m.setScope({"p.sales.a"});
    QVERIFY(m.hasScope());
    QCOMPARE(m.visibleNodeIds(), QStringList{"p.sales.a"});
    QVERIFY(updated.size() >= 6); // six hidden, a's "+N" changed
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::MoreDownstream).toInt(), 2);
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::MoreUpstream).toInt(), 0);
    QCOMPARE(sortedList(m.moreNeighbours("p.sales.a", LineageDirection::Downstream)),
             (QStringList{"p.finance.e", "sql/b.sql"}));
    // a page at a time: the node with more beyond it first
    QCOMPARE(m.expandScope("p.sales.a", LineageDirection::Downstream, 1), 1);
    QVERIFY(!m.isHidden("sql/b.sql"));
    QVERIFY(m.isHidden("p.finance.e"));
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::MoreDownstream).toInt(), 1);
    m.setScope({"p.sales.a"});
    // folded SQL files: what is beyond them counts
    m.setKindVisible(LineageNodeKind::SqlFile, false);
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::MoreDownstream).toInt(), 3);
    QCOMPARE(m.expandScope("p.sales.a", LineageDirection::Downstream), 3);
    QCOMPARE(sortedList(m.visibleNodeIds()),
             (QStringList{"p.finance.c", "p.finance.e", "p.mart.v1", "p.sales.a"}));
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::MoreDownstream).toInt(), 0);
    QCOMPARE(m.nodeData("p.mart.v1", LineageNodeRole::MoreDownstream).toInt(), 1); // v2
    QCOMPARE(m.nodeData("p.mart.v1", LineageNodeRole::MoreUpstream).toInt(), 1);   // v2 too
    QVERIFY(m.scope().contains("sql/b.sql")); // the folded node on the way joined the scope
    // unfolding SQL files shows the one between scope nodes
    m.setKindVisible(LineageNodeKind::SqlFile, true);
    QVERIFY(!m.isHidden("sql/b.sql"));
    QCOMPARE(m.expandScope("p.finance.e", LineageDirection::Downstream), 0); // nothing beyond
    m.clearScope();
    QCOMPARE(m.visibleNodeIds().size(), 7);
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::MoreDownstream).toInt(), 0);
}

void tst_Graph::depthBecomesScope()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    m.setMaxDepth(0);
    QCOMPARE(m.visibleNodeIds(), QStringList{"p.sales.a"});
    QCOMPARE(m.nodeData("p.sales.a", LineageNodeRole::MoreDownstream).toInt(), 2);
    QCOMPARE(m.expandScope("p.sales.a", LineageDirection::Downstream), 2);
    QVERIFY(m.hasScope());
    QCOMPARE(m.maxDepth(), -1);
    QCOMPARE(sortedList(m.visibleNodeIds()),
             (QStringList{"p.finance.e", "p.sales.a", "sql/b.sql"}));
    // choosing a depth again replaces the scope
    m.setMaxDepth(1);
    QVERIFY(!m.hasScope());
    QCOMPARE(m.visibleNodeIds().size(), 4);
}

void tst_Graph::overviewOfABigRadius()
{
    LineageGraphModel m;
    const LineageSubgraph g = syntheticSubgraph(600, 2.0, 11);
    m.setSubgraph(g);
    m.beginFilterChange();
    m.setKindVisible(LineageNodeKind::SqlFile, false);
    m.setKindVisible(LineageNodeKind::DagTask, false);
    const QStringList overview = m.overviewNodes(24);
    m.setScope(overview);
    m.endFilterChange();
    const int shown = m.shownCount();
    QVERIFY2(shown >= 10 && shown <= 26, qPrintable(QString::number(shown)));
    // every broken node, and the best-ranked affected table or view
    QString best;
    int bestRank = 0;
    for (const LineageNodeData &n : g.nodes) {
        if (n.broken)
            QVERIFY(!m.isHidden(n.id));
        if (!n.broken && n.usageRank > 0
            && (n.kind == LineageNodeKind::Table || n.kind == LineageNodeKind::View)
            && (bestRank == 0 || n.usageRank < bestRank)) {
            best = n.id;
            bestRank = n.usageRank;
        }
    }
    QVERIFY(!best.isEmpty());
    QVERIFY2(!m.isHidden(best), qPrintable(best));
    // connected: every shown node but the broken ones has a shown upstream neighbour
    QSet<QString> hasUpstream;
    for (const LineageEdgeId &e : m.visibleEdgeIds())
        hasUpstream.insert(e.to);
    int stubs = 0;
    for (const QString &id : m.visibleNodeIds()) {
        QVERIFY(m.isKindVisible(m.node(id).kind));
        if (!m.node(id).broken)
            QVERIFY2(hasUpstream.contains(id), qPrintable(id));
        stubs += m.nodeData(id, LineageNodeRole::MoreDownstream).toInt() > 0;
    }
    QVERIFY(stubs > 0);
    // a stub's count is what expanding it shows
    for (const QString &id : m.visibleNodeIds()) {
        const int more = m.nodeData(id, LineageNodeRole::MoreDownstream).toInt();
        if (more == 0)
            continue;
        const QStringList next = m.moreNeighbours(id, LineageDirection::Downstream);
        QCOMPARE(int(next.size()), more);
        QCOMPARE(m.expandScope(id, LineageDirection::Downstream), more);
        for (const QString &n : next)
            QVERIFY(!m.isHidden(n));
        QCOMPARE(m.shownCount(), shown + more);
        break;
    }
}

void tst_Graph::revealAndShowAll()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    m.setScope({"p.sales.a"});
    // search finds a hidden node: it is shown with its path from what is shown
    QVERIFY(m.revealInScope("p.mart.v2"));
    QCOMPARE(sortedList(m.visibleNodeIds()),
             (QStringList{"p.mart.v1", "p.mart.v2", "p.sales.a", "sql/b.sql"}));
    m.setDatasetVisible("finance", false);
    m.setPathFilter("p.sales.a", "p.mart.v1");
    m.showAll();
    QVERIFY(!m.hasScope() && !m.hasPathFilter());
    QVERIFY(m.isDatasetVisible("finance"));
    QCOMPARE(m.visibleNodeIds().size(), 7);
    QCOMPARE(m.shownCount(), 7);
    // a refresh of the same graph keeps the scope
    m.setScope({"p.sales.a", "sql/b.sql"});
    m.setSubgraph(smallGraph());
    QVERIFY(m.hasScope());
    QCOMPARE(m.visibleNodeIds().size(), 2);
}

void tst_Graph::filterBatch()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    QSignalSpy visibility(&m, &LineageGraphModel::visibilityChanged);
    m.beginFilterChange();
    m.setKindVisible(LineageNodeKind::View, false);
    m.setDatasetVisible("finance", false);
    m.setMaxDepth(1);
    QCOMPARE(visibility.size(), 0);
    QCOMPARE(m.visibleNodeIds().size(), 7); // not yet
    m.endFilterChange();
    QCOMPARE(visibility.size(), 1);
    QCOMPARE(sortedList(m.visibleNodeIds()), (QStringList{"p.sales.a", "sql/b.sql"}));
}

void tst_Graph::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("label prefix first") << "e" << QStringList{"p.finance.e"};
    QTest::newRow("case-insensitive") << "SQL/B" << QStringList{"sql/b.sql"};
    QTest::newRow("substring") << "nance.c" << QStringList{"p.finance.c"};
    QTest::newRow("prefix before substring") << "v" << QStringList{"p.mart.v1", "p.mart.v2"};
    QTest::newRow("nothing") << "zzz" << QStringList{};
    QTest::newRow("blank") << "  " << QStringList{};
}

void tst_Graph::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    QCOMPARE(m.search(text, expected.size() + 0 ? int(expected.size()) : 5).mid(0, expected.size()),
             expected);
    QVERIFY(m.search("a", 2).size() <= 2);
}

void tst_Graph::neighboursAndClosure()
{
    LineageGraphModel m;
    m.setSubgraph(smallGraph());
    QCOMPARE(m.neighbours("sql/b.sql", LineageDirection::Downstream, 1),
             (QSet<QString>{"p.finance.c", "p.mart.v1"}));
    QCOMPARE(m.neighbours("sql/b.sql", LineageDirection::Both, 1),
             (QSet<QString>{"p.sales.a", "p.finance.c", "p.mart.v1"}));
    QCOMPARE(m.neighbours("p.sales.a", LineageDirection::Downstream, -1).size(), 6);
    QCOMPARE(m.pathsThrough("p.finance.c"),
             (QSet<QString>{"p.sales.a", "sql/b.sql", "p.finance.c", "dag.d"}));
    // collapsing b's downstream removes c, d, v1, v2 (only reachable through b), keeps e
    QCOMPARE(m.exclusiveClosure("sql/b.sql", LineageDirection::Downstream),
             (QStringList{"p.finance.c", "dag.d", "p.mart.v1", "p.mart.v2"}));
    // a node reachable another way stays: add e -> d
    LineageSubgraph more;
    more.edges = {{"p.finance.e", "dag.d", {}}};
    m.mergeSubgraph(more);
    QCOMPARE(m.exclusiveClosure("sql/b.sql", LineageDirection::Downstream),
             (QStringList{"p.finance.c", "p.mart.v1", "p.mart.v2"}));
    // b also feeds the views, which stay: only c and e go
    QCOMPARE(m.exclusiveClosure("dag.d", LineageDirection::Upstream),
             (QStringList{"p.finance.c", "p.finance.e"}));
    m.collapseNeighbours("sql/b.sql", LineageDirection::Downstream);
    QCOMPARE(m.nodeCount(), 4);
}

void tst_Graph::listModel()
{
    LineageGraphModel m;
    LineageNodeListModel list(&m);
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    LineageNodeListModel visible(&m);
    visible.setVisibleOnly(true);
    QAbstractItemModelTester tester2(&visible,
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setSubgraph(smallGraph());
    QCOMPARE(list.rowCount(), 7);
    QCOMPARE(list.data(list.index(1)).toString(), QString("sql/b.sql"));
    QCOMPARE(list.data(list.index(0), LineageNodeListModel::role(LineageNodeRole::Broken)).toBool(),
             true);
    QVERIFY(list.roleNames().values().contains("usageRank"));
    m.collapseDataset("finance");
    QCOMPARE(list.rowCount(), m.nodeCount());
    for (int r = 0; r < list.rowCount(); ++r)
        QCOMPARE(list.rowOf(list.nodeId(r)), r);
    m.expandDataset("finance");
    m.removeNodes({"p.sales.a"});
    QCOMPARE(list.rowCount(), 6);
    for (int r = 0; r < list.rowCount(); ++r)
        QVERIFY(m.nodeExists(list.nodeId(r)));
    m.setKindVisible(LineageNodeKind::View, false);
    QCOMPARE(visible.rowCount(), 4);
    QCOMPARE(list.rowCount(), 6);
    LineageSubgraph more;
    more.nodes = {node("p.mart.v3", LineageNodeKind::View, "mart", 2),
                  node("p.x.t", LineageNodeKind::Table, "x", 2)};
    m.mergeSubgraph(more);
    QCOMPARE(visible.rowCount(), 5);
    QCOMPARE(list.rowCount(), 8);
}

void tst_Graph::csv()
{
    LineageGraphModel m;
    LineageSubgraph g = smallGraph();
    g.nodes[0].name = "=HYPERLINK(\"x\")";
    g.nodes[0].usageRank = 3;
    m.setSubgraph(g);
    LineageNodeListModel list(&m);
    list.setVisibleOnly(true);
    m.setKindVisible(LineageNodeKind::View, false);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(list.writeCsv(&buffer));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), 1 + 5 + 1); // header, visible nodes, trailing empty
    QVERIFY(lines[0].startsWith("id,kind,name,dataset,depth,broken,usage_rank"));
    QVERIFY2(lines[1].contains(",\"'=HYPERLINK(\"\"x\"\")\",sales,0,true,3,"), lines[1].constData());
    QVERIFY(lines[2].startsWith("sql/b.sql,sql_file,"));
}

void tst_Graph::layoutBasics_data()
{
    QTest::addColumn<int>("nodes");
    QTest::newRow("small") << 30;
    QTest::newRow("medium") << 400;
    QTest::newRow("large") << 2000;
}

void tst_Graph::layoutBasics()
{
    QFETCH(int, nodes);
    const LineageSubgraph g = syntheticSubgraph(nodes, 2.0, 3);
    const LayoutInput in = inputOf(g);
    const LayoutResult r = LineageLayout::compute(in);
    QVERIFY(r.error.isEmpty());
    QVERIFY(!r.cancelled);
    QCOMPARE(r.positions.size(), qsizetype(nodes));
    QCOMPARE(r.routes.size(), in.edges.size());
    if (nodes <= 400)
        verifyNoOverlap(r, in.options);
    else { // same check, by column (quadratic pairs would be slow)
        QHash<qint64, QList<double>> columns;
        for (const QPointF &p : r.positions)
            columns[qRound64(p.x())].append(p.y());
        for (auto &c : columns) {
            std::sort(c.begin(), c.end());
            for (int i = 1; i < c.size(); ++i)
                QVERIFY(c[i] - c[i - 1] >= in.options.nodeHeight);
        }
        // columns are a whole pitch apart
        QList<qint64> xs = columns.keys();
        std::sort(xs.begin(), xs.end());
        for (int i = 1; i < xs.size(); ++i)
            QVERIFY(xs[i] - xs[i - 1] >= in.options.nodeWidth + in.options.layerGap - 1);
    }
    const QSet<LineageEdgeId> back(r.reversedEdges.cbegin(), r.reversedEdges.cend());
    for (const LayoutEdgeRoute &route : r.routes) {
        QVERIFY(route.points.size() >= 2);
        const double x0 = r.positions[route.id.from].x(), x1 = r.positions[route.id.to].x();
        if (back.contains(route.id)) {
            QVERIFY(route.reversed);
            QVERIFY(x1 <= x0);
        } else {
            QVERIFY2(x1 > x0, qPrintable(route.id.from + " -> " + route.id.to));
            for (int i = 1; i < route.points.size(); ++i)
                QVERIFY(route.points[i].x() > route.points[i - 1].x());
        }
    }
    QVERIFY(r.bounds.contains(r.positions.value(g.nodes.first().id)));
}

void tst_Graph::layoutCycleReported()
{
    LayoutInput in = inputOf(smallGraph());
    const LayoutResult r = LineageLayout::compute(in);
    QCOMPARE(r.reversedEdges.size(), 1);
    const LineageEdgeId back = r.reversedEdges.first();
    QVERIFY(back == (LineageEdgeId{"p.mart.v2", "p.mart.v1"})
            || back == (LineageEdgeId{"p.mart.v1", "p.mart.v2"}));
    // upstream on the left
    QVERIFY(r.positions["p.sales.a"].x() < r.positions["sql/b.sql"].x());
    QVERIFY(r.positions["sql/b.sql"].x() < r.positions["p.finance.c"].x());
    QVERIFY(r.positions["p.finance.c"].x() < r.positions["dag.d"].x());
    // a pure cycle (no source) does not hang and is laid out
    LayoutInput ring;
    ring.nodes = {"x", "y", "z"};
    ring.edges = {{"x", "y"}, {"y", "z"}, {"z", "x"}};
    const LayoutResult rr = LineageLayout::compute(ring);
    QCOMPARE(rr.positions.size(), 3);
    QCOMPARE(rr.reversedEdges.size(), 1);
}

void tst_Graph::layoutStableGrowth()
{
    const LineageSubgraph big = syntheticSubgraph(600, 2.0, 5);
    LineageSubgraph first;
    QSet<QString> ids;
    for (int i = 0; i < 550; ++i) {
        first.nodes.append(big.nodes[i]);
        ids.insert(big.nodes[i].id);
    }
    for (const auto &e : big.edges) {
        if (ids.contains(e.from) && ids.contains(e.to))
            first.edges.append(e);
    }
    const LayoutResult base = LineageLayout::compute(inputOf(first));
    LayoutInput grown = inputOf(big);
    grown.previous = base.positions;
    // and an island with no link to what is placed
    grown.nodes << "island.a" << "island.b";
    grown.edges.append(LineageEdgeId{"island.a", "island.b"});
    const LayoutResult r = LineageLayout::compute(grown);
    QVERIFY(r.incremental);
    QCOMPARE(r.positions.size(), grown.nodes.size());
    for (auto it = base.positions.cbegin(); it != base.positions.cend(); ++it)
        QCOMPARE(r.positions.value(it.key()), it.value()); // nobody moved
    verifyNoOverlap(r, grown.options);
    // a new node with placed parents sits right of them
    for (const auto &e : big.edges) {
        if (ids.contains(e.from) && !ids.contains(e.to)) {
            bool otherParentsNew = false;
            QVERIFY(r.positions[e.to].x() > r.positions[e.from].x() || otherParentsNew);
        }
    }
    QVERIFY(r.positions["island.a"].x() < r.positions["island.b"].x());
    QVERIFY(r.positions["island.a"].y() > base.bounds.bottom());
}

void tst_Graph::layoutCancel()
{
    const LayoutInput in = inputOf(syntheticSubgraph(5000, 2.0, 9));
    // a cancel flag that is already set stops at the first check
    int polls = 0;
    const LayoutResult r = LineageLayout::compute(in, [&polls] { return ++polls > 0; });
    QVERIFY(r.cancelled);
    QVERIFY(r.positions.isEmpty());
    QCOMPARE(polls, 1);
    // asynchronously: cancel the future while it runs; it finishes early with no result
    QFuture<LayoutResult> f = LineageLayout::computeAsync(in);
    f.cancel();
    f.waitForFinished();
    QVERIFY(f.isCanceled());
    QCOMPARE(f.resultCount(), 0);
    // and a run that is not cancelled delivers
    QFuture<LayoutResult> ok = LineageLayout::computeAsync(inputOf(smallGraph()));
    ok.waitForFinished();
    QCOMPARE(ok.resultCount(), 1);
    QCOMPARE(ok.result().positions.size(), 7);
}

void tst_Graph::graphviz()
{
    if (!LineageLayout::graphvizAvailable())
        QSKIP("built without Graphviz");
    LayoutInput in = inputOf(smallGraph());
    in.options.engine = LayoutEngine::Graphviz;
    const LayoutResult r = LineageLayout::compute(in);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.positions.size(), 7);
    QVERIFY(r.positions["p.sales.a"].x() < r.positions["dag.d"].x());
    verifyNoOverlap(r, in.options);
}

QTEST_GUILESS_MAIN(tst_Graph)
#include "tst_graph.moc"
