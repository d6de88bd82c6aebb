// The lineage engine: graph queries, the stairlight configuration reader and query answers,
// the DAG scanner, JOBS/OpenLineage readers, the workspace loader, and `warroom-cli down|up`.

#include "core/demo/DemoGenerator.h"
#include "core/lineage/DagScanner.h"
#include "core/lineage/LineageGraph.h"
#include "core/lineage/LineageLoader.h"
#include "core/lineage/LineageLogs.h"
#include "core/lineage/StairlightConfig.h"
#include "core/lineage/SqlFacade.h"
#include "core/lineage/StairlightQuery.h"
#include "core/lineage/YamlLite.h"
#include "core/common/Timestamps.h"
#include "core/recovery/CronSchedule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <queue>
#include <random>
#include <set>

using namespace warroom;
using namespace warroom::lineage;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("WARROOM_TEST_DATA");
}

QString data(const QString &relative)
{
    return QDir(dataDir()).absoluteFilePath(relative);
}

QStringList tableNames(const LineageGraph &g, const std::vector<Reached> &reached)
{
    QStringList names;
    for (const Reached &r : reached) {
        if (g.node(r.node).kind == NodeKind::Table)
            names << QString::fromStdString(g.node(r.node).name);
    }
    names.sort();
    return names;
}

NodeId table(const LineageGraph &g, const char *name)
{
    return g.findNode(NodeKind::Table, name);
}

// a -> f -> b: a table read by a query file that writes another table.
void link(LineageGraph &g, const std::string &from, const std::string &to, const std::string &file)
{
    const NodeId f = g.addNode(NodeKind::SqlFile, file);
    g.addEdge(g.addNode(NodeKind::Table, from), f, EdgeKind::ReadBy, SourceSql);
    g.addEdge(f, g.addNode(NodeKind::Table, to), EdgeKind::Writes, SourceSql);
}

QStringList jsonStrings(const QByteArray &json)
{
    QStringList list;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        list << v.toString();
    return list;
}

QString diagnosticsText(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

const Diagnostic *findDiagnostic(const Diagnostics &diagnostics, const QString &fileEnd,
                                 const QString &text)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.file.endsWith(fileEnd) && d.message.contains(text))
            return &d;
    }
    return nullptr;
}

LineageSources basicSources()
{
    LineageSources s;
    s.rootDir = data(QStringLiteral("stairlight/basic"));
    s.stairlightDir = data(QStringLiteral("stairlight/basic/config"));
    s.dagPaths << data(QStringLiteral("dags"));
    s.jobsFile = data(QStringLiteral("logs/jobs.json"));
    s.openLineageFiles << data(QStringLiteral("logs/openlineage.ndjson"));
    return s;
}

} // namespace

class TestLineage : public QObject
{
    Q_OBJECT

private slots:
    // --- graph -----------------------------------------------------------------------------
    void diamondReachedOnceAtMinimumDepth();
    void cyclesTerminateAndAreReported();
    void depthLimitAndMetric();
    void shortestPath();
    void affectedClosure_data();
    void affectedClosure();
    void tableLookupByEitherForm();
    // --- stairlight ------------------------------------------------------------------------
    void stairlightConfigIsReadAsItIs();
    void stairlightBadYamlNamesFileAndLine();
    void yamlFastPathAgreesWithYamlCpp_data();
    void yamlFastPathAgreesWithYamlCpp();
    void yamlFastPathFuzzFindings_data();
    void yamlFastPathFuzzFindings();
    void stairlightYamlWithByteOrderMark();
    void stairlightLinesListEveryOccurrence();
    void stairlightBadMappingFileDoesNotStopTheRest();
    void stairlightQueries_data();
    void stairlightQueries();
    void stairlightVerboseShape();
    // --- DAGs, logs, workspace ---------------------------------------------------------------
    void dagScanner_data();
    void dagScanner();
    void dagScannerSurvivesGarbage();
    void dagScannerGroupsAndParamsSurviveGarbage_data();
    void dagScannerGroupsAndParamsSurviveGarbage();
    void dagScannerStartDate_data();
    void dagScannerStartDate();
    void dagScannerParamsRenderSqlFiles_data();
    void dagScannerParamsRenderSqlFiles();
    void jobsAndOpenLineageReaders();
    void workspaceLoad();
    void dagParamsAndStartDateReachTheGraph();
    void generatedWarehouseMatchesGroundTruth();
    // --- CLI -----------------------------------------------------------------------------------
    void cliDownUp();
};

void TestLineage::diamondReachedOnceAtMinimumDepth()
{
    // a -> b -> d, a -> c -> d, d -> e, plus a long way round a -> x1 -> x2 -> d.
    // stairlight's recursive search treats the second arrival at d as a cycle; we must not.
    LineageGraph g;
    link(g, "p.s.a", "p.s.b", "/f/b.sql");
    link(g, "p.s.a", "p.s.c", "/f/c.sql");
    link(g, "p.s.b", "p.s.d", "/f/d.sql");
    g.addEdge(g.addNode(NodeKind::Table, "p.s.c"), g.addNode(NodeKind::SqlFile, "/f/d.sql"),
              EdgeKind::ReadBy, SourceSql);
    link(g, "p.s.d", "p.s.e", "/f/e.sql");
    link(g, "p.s.a", "p.s.x1", "/f/x1.sql");
    link(g, "p.s.x1", "p.s.x2", "/f/x2.sql");
    link(g, "p.s.x2", "p.s.d", "/f/d2.sql");
    const NodeId a = table(g, "p.s.a");
    const std::vector<Reached> reached = g.downstream(std::span<const NodeId>(&a, 1));
    std::map<std::string, int> depth;
    std::set<NodeId> seen;
    for (const Reached &r : reached) {
        QVERIFY2(seen.insert(r.node).second, g.node(r.node).name.c_str()); // each node once
        depth[g.node(r.node).name] = r.depth;
    }
    QCOMPARE(tableNames(g, reached),
             QStringList({"p.s.b", "p.s.c", "p.s.d", "p.s.e", "p.s.x1", "p.s.x2"}));
    QCOMPARE(depth["p.s.b"], 1);
    QCOMPARE(depth["p.s.d"], 2); // not 3 (the long way)
    QCOMPARE(depth["p.s.e"], 3);
    QCOMPARE(depth["/f/b.sql"], 1);
    // nondecreasing depth, parents on a minimum path
    for (std::size_t i = 1; i < reached.size(); ++i)
        QVERIFY(reached[i - 1].depth <= reached[i].depth);
    for (const Reached &r : reached)
        QVERIFY(r.parent != InvalidNode);
    QVERIFY(g.cycles().empty());
}

void TestLineage::cyclesTerminateAndAreReported()
{
    LineageGraph g;
    link(g, "p.v.v1", "p.v.v2", "/f/v2.sql");
    link(g, "p.v.v2", "p.v.v1", "/f/v1.sql");
    link(g, "p.v.v2", "p.v.v3", "/f/v3.sql");
    link(g, "p.v.src", "p.v.v1", "/f/v1.sql");
    const NodeId self = g.addNode(NodeKind::Table, "p.v.self");
    g.addEdge(self, self, EdgeKind::Feeds, SourceJobs);

    const NodeId src = table(g, "p.v.src");
    QCOMPARE(tableNames(g, g.downstream(std::span<const NodeId>(&src, 1))),
             QStringList({"p.v.v1", "p.v.v2", "p.v.v3"}));
    const auto cycles = g.cycles();
    QCOMPARE(cycles.size(), std::size_t(2));
    QStringList first;
    for (NodeId n : cycles[0])
        first << QString::fromStdString(g.node(n).name);
    QCOMPARE(first, QStringList({"/f/v1.sql", "/f/v2.sql", "p.v.v1", "p.v.v2"}));
    QCOMPARE(cycles[1].size(), std::size_t(1)); // the self-loop

    const AffectedClosure closure = g.affected(std::span<const NodeId>(&src, 1));
    QCOMPARE(closure.cycles.size(), std::size_t(1));
    QStringList order;
    for (const AffectedNode &n : closure.nodes)
        order << QString::fromStdString(g.node(n.node).name);
    // src first, the cycle's members adjacent, v3 (downstream of the cycle) after all of them
    QCOMPARE(order.first(), QStringLiteral("p.v.src"));
    QCOMPARE(order.last().right(7), QStringLiteral("p.v.v3"));
    QVERIFY(order.indexOf(QStringLiteral("/f/v3.sql")) > order.indexOf(QStringLiteral("p.v.v2")));
    int inCycle = 0;
    for (const AffectedNode &n : closure.nodes)
        inCycle += n.cycle >= 0 ? 1 : 0;
    QCOMPARE(inCycle, 4);
}

void TestLineage::depthLimitAndMetric()
{
    LineageGraph g;
    for (int i = 0; i < 5; ++i)
        link(g, "p.c.t" + std::to_string(i), "p.c.t" + std::to_string(i + 1), "/c/" + std::to_string(i));
    const NodeId t0 = table(g, "p.c.t0");
    TraversalOptions two;
    two.maxDepth = 2;
    QCOMPARE(tableNames(g, g.downstream(std::span<const NodeId>(&t0, 1), two)),
             QStringList({"p.c.t1", "p.c.t2"}));
    TraversalOptions hops;
    hops.metric = DepthMetric::Hops;
    hops.maxDepth = 2;
    QCOMPARE(tableNames(g, g.downstream(std::span<const NodeId>(&t0, 1), hops)), QStringList({"p.c.t1"}));
    const NodeId t5 = table(g, "p.c.t5");
    TraversalOptions up;
    up.includeRoots = true;
    const auto reached = g.upstream(std::span<const NodeId>(&t5, 1), up);
    QCOMPARE(reached.front().node, t5);
    QCOMPARE(reached.back().node, t0);
    QCOMPARE(reached.back().depth, 5);
    // a DAG run: every task of a broken DAG is depth 0, what they write too, readers 1
    const NodeId dag = g.addNode(NodeKind::Dag, "dag:d");
    const NodeId task = g.addNode(NodeKind::DagTask, "d.load");
    g.addEdge(dag, task, EdgeKind::Contains, SourceDag);
    g.addEdge(task, t0, EdgeKind::Writes, SourceDag);
    const auto fromDag = g.downstream(g.resolve("dag:d"));
    QCOMPARE(fromDag.front().node, task);
    QCOMPARE(fromDag.front().depth, 0);
    QCOMPARE(fromDag[1].node, t0);
    QCOMPARE(fromDag[1].depth, 0);
}

void TestLineage::shortestPath()
{
    LineageGraph g;
    link(g, "p.s.a", "p.s.b", "/f/b");
    link(g, "p.s.b", "p.s.c", "/f/c");
    link(g, "p.s.a", "p.s.c", "/f/c2");
    const auto path = g.shortestPath(table(g, "p.s.a"), table(g, "p.s.c"));
    QCOMPARE(path.size(), std::size_t(3));
    QCOMPARE(g.node(path[1]).name, std::string("/f/c2"));
    QVERIFY(g.shortestPath(table(g, "p.s.c"), table(g, "p.s.a")).empty());
    QCOMPARE(g.shortestPath(table(g, "p.s.a"), table(g, "p.s.a")).size(), std::size_t(1));
}

void TestLineage::affectedClosure_data()
{
    QTest::addColumn<int>("tables");
    QTest::addColumn<int>("seed");
    QTest::addColumn<bool>("withCycles");
    QTest::newRow("small dag") << 30 << 1 << false;
    QTest::newRow("wide dag") << 400 << 2 << false;
    QTest::newRow("with cycles") << 200 << 3 << true;
    QTest::newRow("many cycles") << 500 << 4 << true;
}

void TestLineage::affectedClosure()
{
    // Random warehouses checked against an independent computation: the closure is exactly
    // what is reachable, each node once, with its minimum depth (Dijkstra on 0/1 weights),
    // and every edge between two nodes not on a common cycle goes forward in the order.
    QFETCH(int, tables);
    QFETCH(int, seed);
    QFETCH(bool, withCycles);
    std::mt19937 rng(seed);
    LineageGraph g;
    for (int i = 0; i < tables; ++i)
        g.addNode(NodeKind::Table, "p.d.t" + std::to_string(i));
    for (int i = 3; i < tables; ++i) {
        const int reads = 1 + int(rng() % 3);
        for (int k = 0; k < reads; ++k) {
            const int j = int(rng() % i);
            link(g, "p.d.t" + std::to_string(j), "p.d.t" + std::to_string(i), "/q/" + std::to_string(i));
        }
        if (withCycles && rng() % 20 == 0) {
            const int j = int(rng() % i);
            link(g, "p.d.t" + std::to_string(i), "p.d.t" + std::to_string(j), "/back/" + std::to_string(i));
        }
    }
    const std::vector<NodeId> broken{table(g, "p.d.t0"), table(g, "p.d.t1")};
    const AffectedClosure closure = g.affected(broken);

    // independent: Dijkstra with weight 1 on edges leaving tables
    std::vector<int> dist(g.nodeCount(), INT_MAX);
    using Item = std::pair<int, NodeId>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> pq;
    for (NodeId b : broken) {
        dist[b] = 0;
        pq.push({0, b});
    }
    while (!pq.empty()) {
        auto [d, u] = pq.top();
        pq.pop();
        if (d != dist[u])
            continue;
        for (EdgeId e : g.outEdges(u)) {
            const NodeId v = g.edge(e).to;
            const int nd = d + (g.node(u).kind == NodeKind::Table ? 1 : 0);
            if (nd < dist[v]) {
                dist[v] = nd;
                pq.push({nd, v});
            }
        }
    }
    std::size_t reachable = 0;
    for (int d : dist)
        reachable += d != INT_MAX ? 1 : 0;
    QCOMPARE(closure.nodes.size(), reachable);
    std::vector<int> position(g.nodeCount(), -1);
    for (std::size_t i = 0; i < closure.nodes.size(); ++i) {
        const AffectedNode &n = closure.nodes[i];
        QVERIFY(position[n.node] < 0);
        position[n.node] = int(i);
        QCOMPARE(n.depth, dist[n.node]);
    }
    for (std::size_t i = 0; i < closure.nodes.size(); ++i) {
        const AffectedNode &n = closure.nodes[i];
        for (EdgeId e : g.outEdges(n.node)) {
            const NodeId v = g.edge(e).to;
            const int cv = closure.nodes[position[v]].cycle;
            if (n.cycle >= 0 && n.cycle == cv)
                continue;
            QVERIFY2(position[v] > int(i), "an edge goes backwards in the topological order");
        }
    }
    if (withCycles)
        QVERIFY(!closure.cycles.empty());
    else
        QVERIFY(closure.cycles.empty());
}

void TestLineage::tableLookupByEitherForm()
{
    LineageGraph g;
    g.addNode(NodeKind::Table, "proj-1.sales.orders");
    g.addNode(NodeKind::Table, "proj-2.sales.orders");
    g.addNode(NodeKind::Table, "logs.events"); // no project known
    QCOMPARE(g.findTables("sales.orders").size(), std::size_t(2));
    QCOMPARE(g.findTables("`proj-1.sales.orders`").size(), std::size_t(1));
    QCOMPARE(g.findTables("proj-1:sales.orders").size(), std::size_t(1));
    QCOMPARE(g.findTables("any.logs.events").size(), std::size_t(1));
    QVERIFY(g.findTables("sales.nothing").empty());
    LineageGraph withDefault;
    withDefault.setDefaultProject("home");
    const NodeId id = withDefault.addNode(NodeKind::Table, "ds.t");
    QCOMPARE(withDefault.node(id).name, std::string("home.ds.t"));
    QCOMPARE(withDefault.findTables("ds.t"), std::vector<NodeId>{id});
    QCOMPARE(withDefault.resolve("home.ds.t"), std::vector<NodeId>{id});
}

void TestLineage::stairlightConfigIsReadAsItIs()
{
    Diagnostics diagnostics;
    const auto config = StairlightConfigReader::read(data(QStringLiteral("stairlight/basic/config")), &diagnostics);
    QVERIFY(config);
    QCOMPARE(config->includes.size(), std::size_t(3));
    const StairlightInclude &file = config->includes[0];
    QCOMPARE(file.keyPrefix, std::string("sql"));
    QCOMPARE(file.defaultTablePrefix, std::string("PROJECT_A"));
    QCOMPARE(file.resolvedRoot, data(QStringLiteral("stairlight/basic/sql")));
    // GCS and dbt are named in warnings with their line in stairlight.yaml
    const Diagnostic *gcs = findDiagnostic(diagnostics, QStringLiteral("stairlight.yaml"), QStringLiteral("'GCS'"));
    QVERIFY2(gcs, qPrintable(diagnosticsText(diagnostics)));
    QCOMPARE(gcs->line, 7);
    QVERIFY(!gcs->isError());
    QVERIFY(findDiagnostic(diagnostics, QStringLiteral("stairlight.yaml"), QStringLiteral("'dbt'")));
    QCOMPARE(config->mappingFiles.size(), 2);
    QVERIFY(config->mappingFiles[1].endsWith(QLatin1String("mapping_views.yaml")));
    QCOMPARE(config->mappings.size(), std::size_t(11));
    const MappingEntry *params = config->findMapping("sql/main/params.sql");
    QVERIFY(params);
    QCOMPARE(params->tables.size(), std::size_t(2));
    QCOMPARE(params->tables[0].parameters.front(), (std::pair<std::string, std::string>("params.src", "PROJECT_A.main.e")));
    QCOMPARE(config->findMapping("sql/main/d.sql")->tables.front().tableName, std::string("PROJECT_A.main.d"));
    QVERIFY(!config->findMapping("sql/main/unmapped_ctas.sql"));
    QVERIFY(config->isExcluded("sql/main/exclude.sql"));
    QVERIFY(!config->isExcluded("sql/main/b.sql"));
    bool sawGlobal = false;
    for (const auto &[k, v] : config->globalParameters)
        sawGlobal = sawGlobal || (k == "params.DATASET" && v == "main");
    QVERIFY(sawGlobal);
    QCOMPARE(config->extraLabels.size(), std::size_t(1));
    QCOMPARE(StairlightConfigReader::normalizeKeyPrefix("./tests//sql/"), std::string("tests/sql"));
    QCOMPARE(StairlightConfigReader::normalizeKeyPrefix("."), std::string("."));
}

void TestLineage::stairlightBadYamlNamesFileAndLine()
{
    Diagnostics diagnostics;
    QVERIFY(!StairlightConfigReader::read(data(QStringLiteral("stairlight/bad_yaml")), &diagnostics));
    QVERIFY(hasErrors(diagnostics));
    QVERIFY(diagnostics.first().file.endsWith(QLatin1String("stairlight.yaml")));
    QVERIFY2(diagnostics.first().line >= 4, qPrintable(diagnosticsText(diagnostics)));
    diagnostics.clear();
    QVERIFY(!StairlightConfigReader::read(data(QStringLiteral("nowhere")), &diagnostics));
    QVERIFY(hasErrors(diagnostics));
    QVERIFY(!LineageLoader::loadStairlight(data(QStringLiteral("dags")), &diagnostics)); // no stairlight.yaml
}

static QString describe(const detail::YamlNode &n)
{
    QString out;
    if (n.IsMap()) {
        out += QStringLiteral("{");
        for (const auto &[k, v] : n.entries())
            out += QString::fromStdString(k) + QLatin1Char('@') + QString::number(v.line()) + QLatin1Char(':')
                   + describe(v) + QLatin1Char(',');
        return out + QLatin1Char('}');
    }
    if (n.IsSequence()) {
        out += QStringLiteral("[");
        for (const auto &v : n.items())
            out += QString::number(v.line()) + QLatin1Char(':') + describe(v) + QLatin1Char(',');
        return out + QLatin1Char(']');
    }
    return n.IsScalar() ? QLatin1Char('"') + QString::fromStdString(n.Scalar()) + QLatin1Char('"')
                        : QStringLiteral("~");
}

void TestLineage::yamlFastPathAgreesWithYamlCpp_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("fastPathTaken");
    for (const char *file : {"stairlight/basic/config/stairlight.yaml", "stairlight/basic/config/mapping.yaml",
                             "stairlight/basic/config/mapping_views.yaml", "stairlight/bad_mapping/mapping.yaml"}) {
        QFile f(data(QString::fromLatin1(file)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QTest::newRow(file) << f.readAll() << true;
    }
    QTest::newRow("quotes and escapes") << QByteArray("a: \"x \\\" y\"\nb: 'it''s'\nc: plain # comment\nd:\n- 1\n- \"two\"\ne: ~\n") << true;
    QTest::newRow("nested list of maps") << QByteArray("L:\n  - k: 1\n    m:\n      - a\n      - b\n  -\n    k: 2\n") << true;
    QTest::newRow("flow style goes to yaml-cpp") << QByteArray("a: {b: 1, c: [2, 3]}\n") << false;
    QTest::newRow("block scalar goes to yaml-cpp") << QByteArray("a: |\n  text\n  more\n") << false;
    QTest::newRow("anchors go to yaml-cpp") << QByteArray("a: &x 1\nb: *x\n") << false;
}

void TestLineage::yamlFastPathAgreesWithYamlCpp()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, fastPathTaken);
    detail::YamlNode fast, reference;
    detail::YamlError error;
    QVERIFY(detail::parseYaml(yaml.toStdString(), &reference, &error, false));
    QVERIFY(detail::parseYaml(yaml.toStdString(), &fast, &error, true));
    QCOMPARE(describe(fast), describe(reference));
    Q_UNUSED(fastPathTaken);
}

// Inputs the fuzzer found where the block fast path and yaml-cpp disagreed (now in
// tests/fuzz/regressions/stairlight_config): both must accept with the same tree, or both
// reject with an error that has a message and a line.
void TestLineage::yamlFastPathFuzzFindings_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("UTF-8 BOM before the first key") << QByteArray("\xEF\xBB\xBFa: 1\nb:\n  - x\n");
    QTest::newRow("BOM then comment then key") << QByteArray("\xEF\xBB\xBF# c\nInclude:\n  - k: v\n");
    QTest::newRow("'- # comment' is a null item") << QByteArray("IgnoreParameters:\n  - # commented out\n");
    QTest::newRow("'- #' between items") << QByteArray("L:\n  - a\n  - # gone\n  - b\n");
    QTest::newRow("trailing tab after a plain scalar") << QByteArray("TableName: PROJECT_A.main.b\t\n");
    QTest::newRow("trailing blanks after a key") << QByteArray("a: \t \n  b: 1\n");
    QTest::newRow("trailing tab after a quoted scalar") << QByteArray("a: \"x\"\t\n");
    QTest::newRow("tab inside a plain scalar") << QByteArray("a: x\ty\n");
    QTest::newRow("NUL inside a scalar") << QByteArray("k: a\0b\n", 7);
    QTest::newRow("NUL at the start") << QByteArray("\0k: v\n", 6);
    QTest::newRow("UTF-16LE with BOM") << QByteArray("\xFF\xFE" "a\0:\0 \0" "1\0\n\0", 12);
    QTest::newRow("UTF-16BE with BOM") << QByteArray("\xFE\xFF" "\0a\0:\0 \0" "1\0\n", 12);
    QTest::newRow("key starting with ]") << QByteArray("]: a\n");
    QTest::newRow("key starting with ,") << QByteArray(",a: 1\n");
    QTest::newRow("key starting with }") << QByteArray("}: a\n");
    QTest::newRow("value starting with ,") << QByteArray("a: ,b\n");
    QTest::newRow("sequence entry as a value") << QByteArray("a: - b\n");
}

void TestLineage::yamlFastPathFuzzFindings()
{
    QFETCH(QByteArray, yaml);
    const std::string text(yaml.constData(), std::size_t(yaml.size()));
    detail::YamlNode fast, reference;
    detail::YamlError fastError, referenceError;
    const bool referenceOk = detail::parseYaml(text, &reference, &referenceError, false);
    const bool fastOk = detail::parseYaml(text, &fast, &fastError, true);
    QCOMPARE(fastOk, referenceOk);
    if (fastOk) {
        QCOMPARE(describe(fast), describe(reference));
    } else {
        QVERIFY(!fastError.message.empty());
        QVERIFY(fastError.line > 0);
    }
}

void TestLineage::stairlightYamlWithByteOrderMark()
{
    // A stairlight.yaml saved by an editor that writes a BOM keeps its Include section.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("sql"));
    QFile config(dir.filePath(QStringLiteral("stairlight.yaml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("\xEF\xBB\xBFInclude:\n  - TemplateSourceType: File\n    FileSystemPath: \"./sql\"\n"
                 "    Regex: \".*/*\\\\.sql$\"\n");
    config.close();
    QFile mapping(dir.filePath(QStringLiteral("mapping.yaml")));
    QVERIFY(mapping.open(QIODevice::WriteOnly));
    mapping.write("\xEF\xBB\xBFMapping:\n  - TemplateSourceType: File\n    FileSuffix: \"sql/a.sql\"\n"
                  "    Tables:\n      - TableName: \"p.d.a\"\n        IgnoreParameters:\n          - # none\n");
    mapping.close();
    Diagnostics diagnostics;
    const auto read = StairlightConfigReader::read(dir.path(), &diagnostics);
    QVERIFY(read);
    QCOMPARE(read->includes.size(), std::size_t(1));
    QCOMPARE(read->includes[0].fileSystemPath, std::string("./sql"));
    QCOMPARE(read->mappings.size(), std::size_t(1));
    QCOMPARE(read->mappings[0].tables.size(), std::size_t(1));
    QCOMPARE(read->mappings[0].tables[0].tableName, std::string("p.d.a"));
    QCOMPARE(read->mappings[0].tables[0].ignoreParameters, std::vector<std::string>{std::string()});
}

void TestLineage::stairlightLinesListEveryOccurrence()
{
    // stairlight lists every line a table appears on; so does the verbose answer.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("config")) && root.mkpath(QStringLiteral("sql/ds")));
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(root.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(QStringLiteral("config/stairlight.yaml"),
          "Include:\n  - TemplateSourceType: File\n    FileSystemPath: \"./sql\"\n"
          "    DefaultTablePrefix: \"p\"\n");
    write(QStringLiteral("config/mapping.yaml"),
          "Mapping:\n  - TemplateSourceType: File\n    FileSuffix: \"sql/ds/out.sql\"\n"
          "    Tables:\n      - TableName: \"p.ds.out\"\n");
    write(QStringLiteral("sql/ds/out.sql"),
          "SELECT id FROM ds.src\nUNION ALL\nSELECT id FROM ds.src WHERE id > 0;\n"
          "ASSERT (SELECT COUNT(*) FROM ds.src) > 0;\n");
    Diagnostics diagnostics;
    const auto graph = LineageLoader::loadStairlight(root.filePath(QStringLiteral("config")), &diagnostics);
    QVERIFY(graph);
    StairlightQuery query;
    query.tables = {"p.ds.src"};
    query.verbose = true;
    const QJsonObject answer =
        QJsonDocument::fromJson(QByteArray::fromStdString(answerStairlightQuery(*graph, query).json)).object();
    const QJsonObject out = answer[QStringLiteral("p.ds.src")].toObject()[QStringLiteral("Downstairs")]
                                .toObject()[QStringLiteral("p.ds.out")].toObject();
    const QJsonArray lines = out[QStringLiteral("Attributes")].toArray().first().toObject()[QStringLiteral("Lines")].toArray();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].toObject()[QStringLiteral("LineNumber")].toInt(), 1);
    QCOMPARE(lines[1].toObject()[QStringLiteral("LineNumber")].toInt(), 3);
    QCOMPARE(lines[2].toObject()[QStringLiteral("LineNumber")].toInt(), 4);
    QCOMPARE(lines[1].toObject()[QStringLiteral("LineString")].toString(),
             QStringLiteral("SELECT id FROM ds.src WHERE id > 0;"));
}

void TestLineage::stairlightBadMappingFileDoesNotStopTheRest()
{
    Diagnostics diagnostics;
    const auto graph = LineageLoader::loadStairlight(data(QStringLiteral("stairlight/bad_mapping")), &diagnostics);
    QVERIFY(graph);
    const Diagnostic *bad = findDiagnostic(diagnostics, QStringLiteral("mapping_broken.yaml"), QString());
    QVERIFY2(bad && bad->isError() && bad->line > 0, qPrintable(diagnosticsText(diagnostics)));
    // mapping.yaml was still read: p.ds.src -> p.ds.t; and the broken file's readable part too
    const NodeId src = graph->findNode(NodeKind::Table, "p.ds.src");
    QVERIFY(src != InvalidNode);
    QCOMPARE(tableNames(*graph, graph->downstream(std::span<const NodeId>(&src, 1))).first(), QStringLiteral("p.ds.t"));
}

void TestLineage::stairlightQueries_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("down");
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<bool>("uri");
    QTest::addColumn<QStringList>("expected");
    const QString a = QStringLiteral("PROJECT_A.main.");
    QTest::newRow("down direct") << "PROJECT_A.raw.a" << true << false << false
                                 << QStringList{a + "b", a + "c"};
    QTest::newRow("down -r through the diamond") << "PROJECT_A.raw.a" << true << true << false
        << QStringList{a + "b", a + "c", a + "d", a + "e", a + "f", a + "g", a + "p1", a + "p2",
                       "PROJECT_A.views.v1", "PROJECT_A.views.v2", "PROJECT_A.views.v3"};
    QTest::newRow("down -r by dataset.table") << "raw.a" << true << true << false
        << QStringList{a + "b", a + "c", a + "d", a + "e", a + "f", a + "g", a + "p1", a + "p2",
                       "PROJECT_A.views.v1", "PROJECT_A.views.v2", "PROJECT_A.views.v3"};
    QTest::newRow("down -r from d") << "PROJECT_A.main.d" << true << true << false
                                    << QStringList{a + "e", a + "f", a + "g", a + "p1"};
    QTest::newRow("multi-table mapping: params per table") << "PROJECT_A.main.b" << true << false << false
        << QStringList{a + "d", a + "p2", "PROJECT_A.views.v2"};
    QTest::newRow("up -r") << "PROJECT_A.main.e" << false << true << false
                           << QStringList{a + "b", a + "c", a + "d", "PROJECT_A.raw.a"};
    QTest::newRow("up direct") << "PROJECT_A.main.d" << false << false << false
                               << QStringList{a + "b", a + "c"};
    QTest::newRow("cycle: a view is downstream of itself") << "PROJECT_A.views.v1" << true << true << false
        << QStringList{"PROJECT_A.views.v1", "PROJECT_A.views.v2", "PROJECT_A.views.v3"};
    QTest::newRow("excluded file adds nothing") << "PROJECT_A.main.x" << false << true << false << QStringList{};
    QTest::newRow("unknown table") << "nothing.here" << true << true << false << QStringList{};
    const QString sql = data(QStringLiteral("stairlight/basic/sql/main/"));
    QTest::newRow("down -o uri") << "PROJECT_A.raw.a" << true << false << true
                                 << QStringList{sql + "b.sql", sql + "c.sql"};
    QTest::newRow("up -o uri") << "PROJECT_A.main.d" << false << false << true << QStringList{sql + "d.sql"};
}

void TestLineage::stairlightQueries()
{
    QFETCH(QString, table);
    QFETCH(bool, down);
    QFETCH(bool, recursive);
    QFETCH(bool, uri);
    QFETCH(QStringList, expected);
    Diagnostics diagnostics;
    const auto graph = LineageLoader::loadStairlight(data(QStringLiteral("stairlight/basic/config")), &diagnostics);
    QVERIFY(graph);
    StairlightQuery query;
    query.tables = {table.toStdString()};
    query.direction = down ? Direction::Downstream : Direction::Upstream;
    query.recursive = recursive;
    query.output = uri ? StairlightQuery::Output::Uri : StairlightQuery::Output::Table;
    const StairlightAnswer answer = answerStairlightQuery(*graph, query);
    QCOMPARE(jsonStrings(QByteArray::fromStdString(answer.json)), expected);
    if (table == QLatin1String("nothing.here"))
        QVERIFY(!answer.notes.empty());
    if (table.contains(QLatin1String("views")))
        QVERIFY(!answer.notes.empty() && answer.notes.front().find("cycle") == 0);
}

void TestLineage::stairlightVerboseShape()
{
    Diagnostics diagnostics;
    const auto graph = LineageLoader::loadStairlight(data(QStringLiteral("stairlight/basic/config")), &diagnostics);
    QVERIFY(graph);
    // the binary file is a problem, the rest loaded
    QVERIFY(findDiagnostic(diagnostics, QStringLiteral("binary.sql"), QStringLiteral("binary")));
    StairlightQuery query;
    query.tables = {"PROJECT_A.raw.a"};
    query.verbose = true;
    query.recursive = true;
    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(answerStairlightQuery(*graph, query).json)).object();
    const QJsonObject down = root[QStringLiteral("PROJECT_A.raw.a")].toObject()[QStringLiteral("Downstairs")].toObject();
    QCOMPARE(down.keys(), QStringList({"PROJECT_A.main.b", "PROJECT_A.main.c"}));
    const QJsonObject b = down[QStringLiteral("PROJECT_A.main.b")].toObject();
    const QJsonObject attribute = b[QStringLiteral("Attributes")].toArray().first().toObject();
    QCOMPARE(attribute[QStringLiteral("TemplateSourceType")].toString(), QStringLiteral("File"));
    QCOMPARE(attribute[QStringLiteral("Key")].toString(), QStringLiteral("sql/main/b.sql"));
    QCOMPARE(attribute[QStringLiteral("Uri")].toString(), data(QStringLiteral("stairlight/basic/sql/main/b.sql")));
    const QJsonObject line = attribute[QStringLiteral("Lines")].toArray().first().toObject();
    QCOMPARE(line[QStringLiteral("LineNumber")].toInt(), 1);
    QCOMPARE(line[QStringLiteral("LineString")].toString(), QStringLiteral("SELECT * FROM raw.a WHERE 1 = 1"));
    const QJsonObject labels = attribute[QStringLiteral("Labels")].toObject();
    QCOMPARE(labels[QStringLiteral("Test")].toString(), QStringLiteral("b"));      // mapping label of b
    QCOMPARE(labels[QStringLiteral("Owner")].toString(), QStringLiteral("ingest")); // ExtraLabels of a
    // d is reached through b and through c: its subtree is written once
    const QJsonObject bDown = b[QStringLiteral("Downstairs")].toObject();
    const QJsonObject cDown = down[QStringLiteral("PROJECT_A.main.c")].toObject()[QStringLiteral("Downstairs")].toObject();
    QVERIFY(bDown.contains(QStringLiteral("PROJECT_A.main.d")));
    QVERIFY(cDown.contains(QStringLiteral("PROJECT_A.main.d")));
    const bool underB = bDown[QStringLiteral("PROJECT_A.main.d")].toObject().contains(QStringLiteral("Downstairs"));
    const bool underC = cDown[QStringLiteral("PROJECT_A.main.d")].toObject().contains(QStringLiteral("Downstairs"));
    QVERIFY(underB != underC);
    // non-recursive verbose: one level
    query.recursive = false;
    const QJsonObject flat = QJsonDocument::fromJson(QByteArray::fromStdString(answerStairlightQuery(*graph, query).json)).object();
    const QJsonObject flatDown = flat[QStringLiteral("PROJECT_A.raw.a")].toObject()[QStringLiteral("Downstairs")].toObject();
    QVERIFY(!flatDown[QStringLiteral("PROJECT_A.main.b")].toObject().contains(QStringLiteral("Downstairs")));
    // several tables: a list of results
    query.tables = {"PROJECT_A.main.d", "PROJECT_A.main.e"};
    query.verbose = false;
    const QJsonArray several = QJsonDocument::fromJson(QByteArray::fromStdString(answerStairlightQuery(*graph, query).json)).array();
    QCOMPARE(several.size(), 2);
}

void TestLineage::dagScanner_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("dags");        // "id|schedule"
    QTest::addColumn<QStringList>("tasks");       // "dag.task|operator"
    QTest::addColumn<QStringList>("dependencies"); // "up>down"
    QTest::addColumn<QStringList>("facts");       // "task:sql=...", "task:dest=...", "task:src=...", "task:inline"
    QTest::newRow("classic") << "classic.py" << QStringList{"classic_daily|@daily"}
        << QStringList{"classic_daily.build_b|BigQueryInsertJobOperator",
                       "classic_daily.build_c|BigQueryExecuteQueryOperator",
                       "classic_daily.build_d|BigQueryExecuteQueryOperator"}
        << QStringList{"build_b>build_d", "build_c>build_d"}
        << QStringList{"build_b:sql=sql/main/b.sql", "build_b:dest=PROJECT_A.main.b",
                       "build_c:sql=sql/main/c.sql", "build_c:dest=PROJECT_A:main.c",
                       "build_d:sql=sql/main/d.sql"};
    QTest::newRow("with DAG as, chain, lists") << "with_context.py" << QStringList{"ctx_hourly|0 * * * *"}
        << QStringList{"ctx_hourly.load_a|GCSToBigQueryOperator", "ctx_hourly.check_a|BigQueryCheckOperator",
                       "ctx_hourly.value_a|BigQueryValueCheckOperator",
                       "ctx_hourly.build_h|BigQueryInsertJobOperator"}
        << QStringList{"load_a>check_a", "load_a>value_a", "check_a>build_h"}
        << QStringList{"load_a:dest=PROJECT_A.raw.a", "check_a:inline", "value_a:inline",
                       "build_h:dest=PROJECT_A.main.h", "build_h:inline"};
    QTest::newRow("@dag and @task") << "decorated.py" << QStringList{"taskflow_etl|@hourly"}
        << QStringList{"taskflow_etl.extract|@task", "taskflow_etl.notify_done|@task",
                       "taskflow_etl.load_g|BigQueryInsertJobOperator"}
        << QStringList{"extract>load_g", "load_g>notify_done"} << QStringList{"load_g:inline"};
    QTest::newRow("two DAGs, loop, set_downstream") << "multi.py"
        << QStringList{"multi_first|None", "multi_second|30 2 * * *"}
        << QStringList{"multi_first.start|EmptyOperator", "multi_first.build_{name}|BigQueryInsertJobOperator",
                       "multi_second.a|EmptyOperator", "multi_second.b|EmptyOperator",
                       "multi_second.c|EmptyOperator"}
        << QStringList{"start>build_{name}", "a>b", "b>c"} << QStringList{"build_{name}:inline"};
    // TaskGroups: prefixes (nested, prefix_group_id=False, task_group=, @task_group), links to
    // a group reach its roots, links from a group leave from its leaves; XComArg arguments.
    QTest::newRow("task groups") << "../dagscan/task_groups.py" << QStringList{"grouped|@daily"}
        << QStringList{"grouped.start|EmptyOperator", "grouped.end|EmptyOperator",
                       "grouped.extract.a|EmptyOperator", "grouped.extract.b|EmptyOperator",
                       "grouped.extract.inner.c|EmptyOperator", "grouped.extract.inner.d|EmptyOperator",
                       "grouped.f1|EmptyOperator", "grouped.sub.s1|EmptyOperator",
                       "grouped.loose.l1|EmptyOperator", "grouped.transform.clean|@task",
                       "grouped.transform.enrich|@task", "grouped.publish.push|EmptyOperator"}
        << QStringList{"extract.inner.c>extract.inner.d", "extract.a>extract.inner.c",
                       "extract.b>extract.inner.c", "start>extract.a", "start>extract.b",
                       "extract.inner.d>transform.clean", "transform.clean>transform.enrich",
                       "transform.enrich>end", "f1>publish.push", "sub.s1>publish.push", "loose.l1>end"}
        << QStringList{};
}

void TestLineage::dagScanner()
{
    QFETCH(QString, file);
    QFETCH(QStringList, dags);
    QFETCH(QStringList, tasks);
    QFETCH(QStringList, dependencies);
    QFETCH(QStringList, facts);
    QFile f(data(QStringLiteral("dags/") + file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    const DagScan scan = scanDagFile(std::string_view(text.constData(), size_t(text.size())));
    QStringList gotDags, gotTasks, gotDeps, gotFacts;
    for (const auto &d : scan.dags)
        gotDags << QString::fromStdString(d.dagId + '|' + d.schedule);
    for (const auto &t : scan.tasks) {
        gotTasks << QString::fromStdString(t.dagId + '.' + t.taskId + '|' + t.operatorName);
        for (const auto &s : t.sqlFiles)
            gotFacts << QString::fromStdString(t.taskId + ":sql=" + s);
        for (const auto &s : t.destinations)
            gotFacts << QString::fromStdString(t.taskId + ":dest=" + s);
        if (!t.inlineSql.empty())
            gotFacts << QString::fromStdString(t.taskId + ":inline");
    }
    for (const auto &[up, down] : scan.dependencies)
        gotDeps << QString::fromStdString(scan.tasks[up].taskId + '>' + scan.tasks[down].taskId);
    for (QStringList *l : {&gotDags, &gotTasks, &gotDeps, &gotFacts, &dags, &tasks, &dependencies, &facts})
        l->sort();
    QCOMPARE(gotDags, dags);
    QCOMPARE(gotTasks, tasks);
    QCOMPARE(gotDeps, dependencies);
    QCOMPARE(gotFacts, facts);
    for (const auto &p : scan.problems)
        QVERIFY2(!p.error, p.message.c_str());
}

void TestLineage::dagScannerSurvivesGarbage()
{
    QFile f(data(QStringLiteral("dags/broken.py")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    const DagScan scan = scanDagFile(std::string_view(text.constData(), size_t(text.size())));
    QCOMPARE(scan.dags.size(), std::size_t(1));
    bool error = false;
    for (const auto &p : scan.problems)
        error = error || (p.error && p.line == 6);
    QVERIFY(error);
    // random bytes and deep nesting: no crash, no hang
    std::mt19937 rng(7);
    static const char alphabet[] = "()[]{}'\"#\\\n xDAG=>>,:@";
    for (int round = 0; round < 200; ++round) {
        std::string junk(size_t(rng() % 2000), ' ');
        for (char &c : junk)
            c = alphabet[rng() % (sizeof(alphabet) - 1)]; // found by UBSan: % 24 read past the end
        (void)scanDagFile(junk);
    }
    (void)scanDagFile(std::string(100000, '('));
    (void)scanDagFile(std::string(100000, '['));
}

void TestLineage::dagScannerGroupsAndParamsSurviveGarbage_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("unbalanced TaskGroup call") << QByteArray("with DAG('d') as dag:\n    with TaskGroup('g' as tg:\n"
                                                             "        a = EmptyOperator(task_id='a'\n    a >> tg\n");
    QTest::newRow("unterminated group id") << QByteArray("with DAG('d'):\n    with TaskGroup(\"g) as tg:\n        x >> tg\n");
    QTest::newRow("task_group decorator without def") << QByteArray("@task_group(group_id=\n@task_group\n");
    QTest::newRow("group linked to itself") << QByteArray("DAG('d')\ntg = TaskGroup('g')\nt = EmptyOperator(task_id='t', "
                                                          "task_group=tg)\ntg >> tg\ntg >> t >> tg\n");
    QTest::newRow("params and start_date not dicts") << QByteArray("DAG('d', params=params, default_args=[1, 2], "
                                                                   "start_date=)\nDAG('e', default_args={'start_date':\n");
    QByteArray deep("DAG('d')\ng0 = TaskGroup('g0')\n");
    for (int k = 1; k < 3000; ++k)
        deep += QByteArray("g%1 = TaskGroup('g%1', parent_group=g%2)\n").replace("%1", QByteArray::number(k)).replace("%2", QByteArray::number(k - 1));
    for (int k = 0; k < 3000; ++k)
        deep += QByteArray("EmptyOperator(task_id='t', task_group=g2999) >> g0\n");
    QTest::newRow("3000 nested groups, 3000 tasks") << deep;
    QByteArray wide("with DAG('d'):\n");
    for (int k = 0; k < 2000; ++k)
        wide += QByteArray("    with TaskGroup('g%1') as g%1:\n        EmptyOperator(task_id='t')\n    g%1 >> g%2\n")
                    .replace("%1", QByteArray::number(k)).replace("%2", QByteArray::number(k + 1));
    QTest::newRow("2000 chained groups") << wide;
}

void TestLineage::dagScannerGroupsAndParamsSurviveGarbage()
{
    QFETCH(QByteArray, source);
    QElapsedTimer timer;
    timer.start();
    const DagScan scan = scanDagFile(std::string_view(source.constData(), size_t(source.size())));
    for (const auto &[up, down] : scan.dependencies) {
        QVERIFY(up >= 0 && size_t(up) < scan.tasks.size());
        QVERIFY(down >= 0 && size_t(down) < scan.tasks.size());
        QVERIFY(up != down);
    }
    for (const auto &t : scan.tasks)
        QVERIFY(t.taskId.size() < 1000); // group prefixes do not pile up without bound
    QVERIFY2(timer.elapsed() < 5000, QByteArray::number(timer.elapsed()).constData());
}

void TestLineage::dagScannerStartDate_data()
{
    // the DAG's start_date expression as the scanner keeps it, and what the recovery planner
    // (parseDagStartDate, the reader of the DAG node's "start_date" attribute) makes of it
    QTest::addColumn<QString>("dagId");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("instant"); // RFC 3339 UTC; empty: not evaluable
    QTest::addColumn<QString>("zone");
    QTest::newRow("DAG(start_date=pendulum tz)") << "tokyo_direct"
        << R"(pendulum.datetime(2024, 1, 1, tz="Asia/Tokyo"))" << "2023-12-31T15:00:00Z" << "Asia/Tokyo";
    QTest::newRow("@dag(start_date=VARIABLE)") << "berlin_variable"
        << R"(pendulum.datetime(2023, 6, 1, 2, 30, tz="Europe/Berlin"))" << "2023-06-01T00:30:00Z"
        << "Europe/Berlin";
    QTest::newRow("module-level default_args") << "tokyo_module_defaults"
        << R"(pendulum.datetime(2024, 3, 1, tz="Asia/Tokyo"))" << "2024-02-29T15:00:00Z" << "Asia/Tokyo";
    QTest::newRow("inline default_args, datetime utc") << "utc_inline_defaults"
        << "datetime.datetime(2024, 2, 1, tzinfo=datetime.timezone.utc)" << "2024-02-01T00:00:00Z" << "UTC";
    QTest::newRow("dict(start_date=string)") << "string_dict_defaults" << R"("2024-04-01T00:00:00Z")"
        << "2024-04-01T00:00:00Z" << "";
    QTest::newRow("start_date beats default_args") << "explicit_wins"
        << R"(pendulum.datetime(2022, 1, 1, tz="America/New_York"))" << "2022-01-01T05:00:00Z"
        << "America/New_York";
    QTest::newRow("days_ago: kept, not evaluable") << "days_ago_dag" << "days_ago(1)" << "" << "";
    QTest::newRow("none") << "no_start_dag" << "" << "" << "";
}

void TestLineage::dagScannerStartDate()
{
    QFETCH(QString, dagId);
    QFETCH(QString, expression);
    QFETCH(QString, instant);
    QFETCH(QString, zone);
    QFile f(data(QStringLiteral("dagscan/start_dates.py")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    const DagScan scan = scanDagFile(std::string_view(text.constData(), size_t(text.size())));
    const DagScan::Dag *dag = nullptr;
    for (const auto &d : scan.dags) {
        if (d.dagId == dagId.toStdString())
            dag = &d;
    }
    QVERIFY(dag);
    QCOMPARE(QString::fromStdString(dag->startDate), expression);
    const auto start = recovery::parseDagStartDate(QString::fromStdString(dag->startDate));
    QCOMPARE(start.has_value(), !instant.isEmpty());
    if (start) {
        QCOMPARE(formatRfc3339(start->at), instant);
        QCOMPARE(start->timezone, zone);
    }
}

void TestLineage::dagScannerParamsRenderSqlFiles_data()
{
    // DAG params (a module constant followed), operator params overriding them, a non-literal
    // value that stays a placeholder, and inline SQL
    QTest::addColumn<QString>("task");
    QTest::addColumn<QStringList>("params");     // "params.x=v"
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QStringList>("unresolved");
    QTest::newRow("DAG params") << "uses_dag"
        << QStringList{"params.days=7", "params.dataset=mart", "params.project=PROJECT_P", "params.table=daily"}
        << QStringList{"PROJECT_P.mart.daily"} << QStringList{"PROJECT_P.raw.events"} << QStringList{};
    QTest::newRow("operator overrides") << "overrides"
        << QStringList{"params.days=7", "params.dataset=staging", "params.project=PROJECT_P",
                       "params.table=orders"}
        << QStringList{"PROJECT_P.staging.orders"} << QStringList{"PROJECT_P.raw.events"} << QStringList{};
    QTest::newRow("non-literal stays unresolved") << "dynamic"
        << QStringList{"params.days=7", "params.dataset=mart", "params.project=PROJECT_P"}
        << QStringList{} << QStringList{"PROJECT_P.raw.events"} << QStringList{"params.table"};
    QTest::newRow("inline SQL") << "inline"
        << QStringList{"params.days=7", "params.dataset=mart", "params.project=PROJECT_P", "params.table=daily"}
        << QStringList{"PROJECT_P.mart.inline_t"} << QStringList{"PROJECT_P.raw.src"} << QStringList{};
}

void TestLineage::dagScannerParamsRenderSqlFiles()
{
    QFETCH(QString, task);
    QFETCH(QStringList, params);
    QFETCH(QStringList, targets);
    QFETCH(QStringList, sources);
    QFETCH(QStringList, unresolved);
    QFile f(data(QStringLiteral("dagscan/params.py")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    const DagScan scan = scanDagFile(std::string_view(text.constData(), size_t(text.size())));
    const DagScan::Task *t = nullptr;
    for (const auto &candidate : scan.tasks) {
        if (candidate.taskId == task.toStdString())
            t = &candidate;
    }
    QVERIFY(t);
    QStringList gotParams;
    for (const auto &[k, v] : t->params)
        gotParams << QString::fromStdString(k + '=' + v);
    gotParams.sort();
    params.sort();
    QCOMPARE(gotParams, params);
    std::string sqlText;
    for (const std::string &inl : t->inlineSql)
        sqlText += inl;
    for (const std::string &file : t->sqlFiles) {
        QFile sqlFile(data(QStringLiteral("dagscan/sql/") + QString::fromStdString(file)));
        QVERIFY2(sqlFile.open(QIODevice::ReadOnly), file.c_str());
        sqlText += sqlFile.readAll().toStdString();
    }
    QVERIFY(!sqlText.empty());
    std::vector<std::string> gotUnresolved;
    const detail::SqlTables tables = detail::extractTables(renderTaskSql(sqlText, *t, &gotUnresolved));
    QStringList gotTargets, gotSources, gotMissing;
    for (const auto &r : tables.targets) {
        if (r.name.find("{{") == std::string::npos)
            gotTargets << QString::fromStdString(r.name);
    }
    for (const auto &r : tables.sources)
        gotSources << QString::fromStdString(r.name);
    for (const auto &u : gotUnresolved)
        gotMissing << QString::fromStdString(u);
    QCOMPARE(gotTargets, targets);
    QCOMPARE(gotSources, sources);
    QCOMPARE(gotMissing, unresolved);
}

void TestLineage::jobsAndOpenLineageReaders()
{
    Diagnostics diagnostics;
    std::vector<TableFlow> flows;
    int rows = 0;
    QVERIFY(readJobsFile(data(QStringLiteral("logs/jobs.json")), [&](TableFlow &&f) { flows.push_back(f); },
                         &diagnostics, &rows));
    QCOMPARE(rows, 5);
    QCOMPARE(flows.size(), std::size_t(2)); // anonymous destination, INFORMATION_SCHEMA, no refs: skipped
    QCOMPARE(flows[1].outputs, std::vector<std::string>{"PROJECT_A.reports.daily"});
    QCOMPARE(flows[1].line, 3);
    QVERIFY(diagnostics.isEmpty());

    flows.clear();
    QVERIFY(readJobsFile(data(QStringLiteral("logs/jobs.ndjson")), [&](TableFlow &&f) { flows.push_back(f); },
                         &diagnostics, &rows));
    QCOMPARE(flows.size(), std::size_t(3)); // the broken line 3 is reported, line 4 still read
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().line, 3);
    QVERIFY(diagnostics.first().file.endsWith(QLatin1String("jobs.ndjson")));

    flows.clear();
    diagnostics.clear();
    int events = 0;
    QVERIFY(readOpenLineageFile(data(QStringLiteral("logs/openlineage.ndjson")),
                                [&](TableFlow &&f) { flows.push_back(f); }, &diagnostics, &events));
    QCOMPARE(events, 2);
    QCOMPARE(flows.size(), std::size_t(2));
    QVERIFY(flows[0].inputs.empty()); // the gs:// input is not a BigQuery table
    QCOMPARE(flows[0].job, std::string("ctx_hourly.load_a"));
    QVERIFY(!readJobsFile(data(QStringLiteral("logs/missing.json")), [](TableFlow &&) {}, &diagnostics));
}

// The loader renders a task's SQL file with that task's params (DAG params overridden by the
// operator's) and keeps the DAG's start_date expression for the recovery planner.
void TestLineage::dagParamsAndStartDateReachTheGraph()
{
    LineageSources s;
    s.rootDir = data(QStringLiteral("dagscan"));
    s.dagPaths << data(QStringLiteral("dagscan"));
    Diagnostics diagnostics;
    const LineageGraph g = LineageLoader::load(s, &diagnostics);
    const NodeId dag = g.findNode(NodeKind::Dag, "dag:params_dag");
    QVERIFY(dag != InvalidNode);
    QCOMPARE(QString::fromStdString(g.node(dag).attribute("start_date")),
             QStringLiteral("pendulum.datetime(2024, 1, 1)"));

    const NodeId usesDag = g.findNode(NodeKind::DagTask, "params_dag.uses_dag");
    const NodeId overrides = g.findNode(NodeKind::DagTask, "params_dag.overrides");
    QVERIFY(usesDag != InvalidNode && overrides != InvalidNode);
    const NodeId events = table(g, "PROJECT_P.raw.events");
    QVERIFY(g.findEdge(events, usesDag) != 0xffffffffu);
    QVERIFY(g.findEdge(usesDag, table(g, "PROJECT_P.mart.daily")) != 0xffffffffu);
    QVERIFY(g.findEdge(overrides, table(g, "PROJECT_P.staging.orders")) != 0xffffffffu);
    // The override does not leak into the other task, nor the DAG's value into the override.
    QCOMPARE(g.findNode(NodeKind::Table, "PROJECT_P.mart.orders"), InvalidNode);
    QCOMPARE(g.findNode(NodeKind::Table, "PROJECT_P.staging.daily"), InvalidNode);
    // A non-literal param stays unresolved and is reported, never guessed.
    QVERIFY(findDiagnostic(diagnostics, QStringLiteral("params.py"), QStringLiteral("params.table")));
}

void TestLineage::workspaceLoad()
{
    Diagnostics diagnostics;
    LoadStats stats;
    const LineageGraph g = LineageLoader::load(basicSources(), &diagnostics, &stats);
    QCOMPARE(stats.dags, 6); // classic, ctx, taskflow, multi x2, broken
    QVERIFY(findDiagnostic(diagnostics, QStringLiteral("broken.py"), QStringLiteral("unterminated")));
    QVERIFY(findDiagnostic(diagnostics, QStringLiteral("binary.sql"), QString()));

    // DAG task build_b runs sql/main/b.sql: reads raw.a, writes main.b (dag + stairlight agree)
    const NodeId task = g.findNode(NodeKind::DagTask, "classic_daily.build_b");
    QVERIFY(task != InvalidNode);
    const NodeId b = table(g, "PROJECT_A.main.b");
    const EdgeId writes = g.findEdge(task, b);
    QVERIFY(writes != 0xffffffffu);
    QVERIFY(g.edge(writes).sources & SourceDag);
    const NodeId bFile = g.findNode(NodeKind::SqlFile, data(QStringLiteral("stairlight/basic/sql/main/b.sql")).toStdString());
    QVERIFY(bFile != InvalidNode);
    QVERIFY(g.findEdge(bFile, task) != 0xffffffffu); // RunBy
    QCOMPARE(g.edge(g.findEdge(bFile, b)).sources, SourceSet(SourceStairlight));
    // legacy destination "PROJECT_A:main.c" is the same table as the mapping's
    QVERIFY(g.findEdge(g.findNode(NodeKind::DagTask, "classic_daily.build_c"), table(g, "PROJECT_A.main.c")) != 0xffffffffu);

    // JOBS confirms e -> ignore.sql -> g (both edges gain "jobs"); g -> reports.daily is new
    const NodeId g_ = table(g, "PROJECT_A.main.g");
    const NodeId ignoreFile = g.findNode(NodeKind::SqlFile, data(QStringLiteral("stairlight/basic/sql/main/ignore.sql")).toStdString());
    QVERIFY(g.edge(g.findEdge(ignoreFile, g_)).sources & SourceJobs);
    QVERIFY(g.edge(g.findEdge(table(g, "PROJECT_A.main.e"), ignoreFile)).sources & SourceStairlight);
    const EdgeId feeds = g.findEdge(g_, table(g, "PROJECT_A.reports.daily"));
    QVERIFY(feeds != 0xffffffffu);
    QCOMPARE(g.edge(feeds).kind, EdgeKind::Feeds);
    QCOMPARE(g.edge(feeds).sources, SourceSet(SourceJobs));
    QCOMPARE(table(g, "PROJECT_A.ops.jobs_copy"), InvalidNode);
    // OpenLineage: the Airflow job matches the task; spark job links tables directly
    QVERIFY(g.edge(g.findEdge(g.findNode(NodeKind::DagTask, "ctx_hourly.load_a"), table(g, "PROJECT_A.raw.a"))).sources
            & SourceOpenLineage);
    QVERIFY(g.findEdge(table(g, "PROJECT_A.reports.daily"), table(g, "PROJECT_A.reports.weekly")) != 0xffffffffu);
    QCOMPARE(sourceNames(SourceDag | SourceOpenLineage), (std::vector<std::string>{"dag", "openlineage"}));

    // a broken DAG: everything its tasks write and all that is downstream
    const std::vector<NodeId> dag = g.resolve("dag:ctx_hourly");
    QCOMPARE(dag.size(), std::size_t(1));
    QCOMPARE(g.node(dag[0]).attribute("schedule"), std::string("0 * * * *"));
    const AffectedClosure closure = g.affected(dag);
    QStringList tables;
    for (const AffectedNode &n : closure.nodes) {
        if (g.node(n.node).kind == NodeKind::Table)
            tables << QString::fromStdString(g.node(n.node).name);
    }
    QVERIFY(tables.contains(QStringLiteral("PROJECT_A.raw.a")));
    QVERIFY(tables.contains(QStringLiteral("PROJECT_A.main.h")));
    QVERIFY(tables.contains(QStringLiteral("PROJECT_A.reports.weekly")));
    QCOMPARE(closure.nodes.front().node, dag[0]);
    // a task of another DAG that reads raw.a is affected too (through the tables)
    bool classicAffected = false;
    for (const AffectedNode &n : closure.nodes)
        classicAffected = classicAffected || g.node(n.node).name == "classic_daily.build_b";
    QVERIFY(classicAffected);
}

void TestLineage::generatedWarehouseMatchesGroundTruth()
{
    // The demo generator says what each SQL file reads and writes; the stairlight
    // configuration it writes must give exactly that lineage, every table once.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    demo::GeneratorOptions options;
    options.tables = 400;
    options.jobsRows = 200;
    QString error;
    QVERIFY2(demo::generateWorkspace(dir.path(), options, &error), qPrintable(error));
    std::map<std::string, std::set<std::string>> downstream; // table -> tables reading it
    for (const demo::SqlFileInfo &f : demo::describeSqlFiles(options)) {
        if (f.target.isEmpty())
            continue;
        for (const QString &s : f.sources)
            downstream[s.toStdString()].insert(f.target.toStdString());
    }
    LineageSources sources;
    sources.rootDir = dir.path();
    sources.stairlightDir = dir.filePath(QStringLiteral("stairlight"));
    Diagnostics diagnostics;
    const LineageGraph g = LineageLoader::load(sources, &diagnostics);
    QVERIFY2(!hasErrors(diagnostics), qPrintable(diagnosticsText(diagnostics)));
    int checked = 0;
    for (const auto &[root, direct] : downstream) {
        if (root.find('*') != std::string::npos)
            continue;
        std::set<std::string> expected;
        std::vector<std::string> todo{root};
        while (!todo.empty()) {
            const std::string t = todo.back();
            todo.pop_back();
            for (const std::string &n : downstream[t]) {
                if (expected.insert(n).second)
                    todo.push_back(n);
            }
        }
        StairlightQuery query;
        query.tables = {root};
        query.recursive = true;
        const QStringList got = jsonStrings(QByteArray::fromStdString(answerStairlightQuery(g, query).json));
        QStringList want;
        for (const std::string &e : expected)
            want << QString::fromStdString(e);
        QCOMPARE(got, want);
        ++checked;
    }
    QVERIFY(checked > 50);
}

void TestLineage::cliDownUp()
{
    const QString cli = qEnvironmentVariable("WARROOM_BIN_DIR") + QStringLiteral("/warroom-cli");
    if (!QFileInfo::exists(cli))
        QSKIP("warroom-cli is not built");
    auto run = [&](const QStringList &args, QByteArray *out, QByteArray *err) {
        QProcess p;
        p.setWorkingDirectory(data(QStringLiteral("stairlight/basic")));
        p.start(cli, args);
        p.waitForFinished(60000);
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitCode();
    };
    QByteArray out, err;
    QCOMPARE(run({"down", "-c", "config", "-t", "PROJECT_A.main.d", "-r"}, &out, &err), 0);
    QCOMPARE(jsonStrings(out), QStringList({"PROJECT_A.main.e", "PROJECT_A.main.f", "PROJECT_A.main.g",
                                            "PROJECT_A.main.p1"}));
    QVERIFY(out.startsWith("[\n  \"")); // two-space indented, like json.dumps(indent=2)
    QCOMPARE(run({"up", "-c", "config", "-t", "main.d"}, &out, &err), 0);
    QCOMPARE(jsonStrings(out), QStringList({"PROJECT_A.main.b", "PROJECT_A.main.c"}));
    QCOMPARE(run({"down", "-c", "config", "-t", "PROJECT_A.main.d", "-v"}, &out, &err), 0);
    QVERIFY(QJsonDocument::fromJson(out).object().contains(QStringLiteral("PROJECT_A.main.d")));
    // unknown table: empty result, a note on stderr, success
    QCOMPARE(run({"down", "-c", "config", "-t", "no.such", "--quiet"}, &out, &err), 0);
    QCOMPARE(jsonStrings(out), QStringList());
    QVERIFY(err.contains("no.such"));
    // cycles are reported on stderr
    QCOMPARE(run({"down", "-c", "config", "-t", "PROJECT_A.views.v1", "-r", "--quiet"}, &out, &err), 0);
    QVERIFY(err.contains("cycle"));
    // bad configuration: a clear error naming the file, non-zero exit
    QVERIFY(run({"down", "-c", data(QStringLiteral("stairlight/bad_yaml")), "-t", "x"}, &out, &err) != 0);
    QVERIFY(err.contains("stairlight.yaml:"));
    QVERIFY(run({"down", "-t", "x"}, &out, &err) != 0);
    QVERIFY(run({"down", "-c", "config", "-t", "x", "-o", "file"}, &out, &err) != 0);
}

QTEST_GUILESS_MAIN(TestLineage)
#include "tst_lineage.moc"
