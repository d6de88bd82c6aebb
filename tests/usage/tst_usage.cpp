// Usage ranking: JOBS log readers, ranking semantics, pushdown SQL, BigQuery REST client
// against a local fixture, recovery priority, item models, and the `rank` CLI.
#include "BigQueryFixture.h"

#include "core/usage/BigQueryClient.h"
#include "core/usage/JobsReader.h"
#include "core/usage/PushdownSql.h"
#include "core/usage/RankingExport.h"
#include "core/usage/RecoveryPriority.h"
#include "core/usage/UsageLog.h"
#include "core/usage/UsageRankingModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace warroom;
using namespace warroom::usage;

namespace {

QString dataFile(const QString &name)
{
    return QDir(QString::fromLocal8Bit(qgetenv("WARROOM_TEST_DATA"))).filePath(name);
}

EpochMicros ts(const char *text)
{
    const auto t = parseTimestamp(std::string_view(text));
    if (!t)
        qFatal("bad test timestamp %s", text);
    return *t;
}

std::unique_ptr<UsageLog> loadLog(const QString &path, ReadStats *stats, qint64 chunk = 1 << 20)
{
    auto log = std::make_unique<UsageLog>();
    JobsReader reader;
    reader.setChunkSize(chunk);
    if (!reader.readFile(
            path, [&](const JobRecord &row) { log->add(row); }, stats))
        return nullptr;
    log->setMalformedCount(stats->malformed);
    return log;
}

std::unique_ptr<UsageLog> logFromText(const QByteArray &text, ReadStats *stats)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    auto log = std::make_unique<UsageLog>();
    JobsReader reader;
    if (!reader.read(
            &buffer, QStringLiteral("<memory>"), [&](const JobRecord &row) { log->add(row); },
            stats))
        return nullptr;
    log->setMalformedCount(stats->malformed);
    return log;
}

const TableUsage *find(const UsageRanking &r, const QString &table)
{
    for (const TableUsage &t : r.tables) {
        if (t.table == table)
            return &t;
    }
    return nullptr;
}

QString usersText(const QList<UserCount> &users)
{
    QStringList parts;
    for (const UserCount &u : users)
        parts << QStringLiteral("%1:%2").arg(u.user).arg(u.references);
    return parts.join(QLatin1Char(' '));
}

RankingOptions june1to6()
{
    RankingOptions o;
    o.since = ts("2026-06-01T00:00:00Z");
    o.until = ts("2026-06-06T00:00:00Z");
    return o;
}

QString cliPath()
{
    return QDir(QString::fromLocal8Bit(qgetenv("WARROOM_BIN_DIR")))
        .filePath(QStringLiteral("warroom-cli"));
}

} // namespace

class tst_Usage : public QObject
{
    Q_OBJECT

private slots:
    // readers
    void everyInputShape_data();
    void everyInputShape();
    void chunkBoundariesDoNotMatter_data();
    void chunkBoundariesDoNotMatter();
    void formatDetectedByContent();
    void malformedRows_data();
    void malformedRows();
    void notAJobsLog();
    void progressAndCancel();
    void tableNames();
    // ranking semantics
    void windowSemantics();
    void allRowsWithoutWindow();
    void includeFailed();
    void ownDestinationOption();
    void userGroups();
    void perPersonTables();
    void windowEdges_data();
    void windowEdges();
    void timeZones();
    void trend();
    void csvExport();
    // pushdown and REST
    void pushdownSqlStructure();
    void pushdownSqlOptions();
    void pushdownRejectsInjection();
    void restQueryPollsAndPages();
    void restErrors_data();
    void restErrors();
    void restRetriesTransientErrors();
    void restDecodesTypedRows();
    // priority and models
    void recoveryPriority();
    void rankingModel();
    void filterProxy();
    void topNProxy();
    void usersModel();
    // CLI
    void cliJson();
    void cliCsvAndSql();
    void cliErrors();
};

// The same 14 rows as bq prettyjson, bq json, NDJSON (epoch micros as a number), CSV with
// JSON text, and a flattened CSV (one row per referenced table). Hand-computed expectations
// for [2026-06-01, 2026-06-06):
//  orders: j1 ann, j2 bob (listed twice: one job), script child etl, j6 ann, j11 airflow = 5;
//          not: j3 (SCRIPT parent), j4 (error), j5 (RUNNING), j8 (before), j10 (== until).
//  customers: j1 ann, j7 dave (cache hit), j9 bob (+09:00 → 06-05 15:00Z), j11 airflow = 4;
//          not: the MERGE child (its own destination), j3.
//  staging.customers: the MERGE child = 1. Excluded tables: _script…, _abc…, INFORMATION_SCHEMA.
void tst_Usage::everyInputShape_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::newRow("bq prettyjson") << "jobs_prettyjson.json" << int(JobsFormat::JsonArray);
    QTest::newRow("bq json") << "jobs_bq.json" << int(JobsFormat::JsonArray);
    QTest::newRow("ndjson") << "jobs.ndjson" << int(JobsFormat::NdJson);
    QTest::newRow("csv json text") << "jobs.csv" << int(JobsFormat::Csv);
    QTest::newRow("csv flattened") << "jobs_flat.csv" << int(JobsFormat::Csv);
}

void tst_Usage::everyInputShape()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    ReadStats stats;
    auto log = loadLog(dataFile(file), &stats);
    QVERIFY(log);
    QCOMPARE(int(stats.format), format);
    QCOMPARE(stats.malformed, 0);
    QVERIFY2(stats.diagnostics.isEmpty(), qPrintable(stats.diagnostics.value(0).toString()));
    QCOMPARE(log->jobCount(), 13); // 14 rows, j2 twice

    const UsageRanking r = log->rank(june1to6());
    QCOMPARE(r.tables.size(), 3);
    QCOMPARE(r.tables.at(0).table, QStringLiteral("p.sales.orders"));
    QCOMPARE(r.tables.at(1).table, QStringLiteral("p.sales.customers"));
    QCOMPARE(r.tables.at(2).table, QStringLiteral("p.staging.customers"));

    const TableUsage &orders = r.tables.at(0);
    QCOMPARE(orders.references, 5);
    QCOMPARE(orders.distinctUsers, 4);
    QCOMPARE(orders.distinctPeople, 2);
    QCOMPARE(orders.distinctServiceAccounts, 2);
    QCOMPARE(orders.bytesProcessed, 100 + 200 + 400 + 50 + 5000);
    QCOMPARE(formatRfc3339(*orders.lastRead), QStringLiteral("2026-06-05T09:00:00Z"));
    QCOMPARE(usersText(orders.topUsers),
             QStringLiteral("ann@corp.com:2 airflow@p.iam.gserviceaccount.com:1 bob@corp.com:1 "
                            "etl@p.iam.gserviceaccount.com:1"));
    QCOMPARE(orders.previousReferences, 1); // j8 at 05-31 23:59:59.999999
    QCOMPARE(*orders.trend(), 4.0);

    const TableUsage &customers = r.tables.at(1);
    QCOMPARE(customers.references, 4);
    QCOMPARE(customers.distinctUsers, 4);
    QCOMPARE(customers.distinctPeople, 3);
    QCOMPARE(customers.bytesProcessed, 100 + 0 + 30 + 5000);
    QCOMPARE(formatRfc3339(*customers.lastRead), QStringLiteral("2026-06-05T15:00:00Z"));
    QCOMPARE(customers.previousReferences, 0);
    QVERIFY(!customers.trend());

    const TableUsage &staging = r.tables.at(2);
    QCOMPARE(staging.references, 1);
    QCOMPARE(usersText(staging.topUsers), QStringLiteral("etl@p.iam.gserviceaccount.com:1"));
    QCOMPARE(staging.bytesProcessed, 600);

    QCOMPARE(r.rows.read, stats.rows); // file rows: 14, or 22 in the flattened CSV
    QCOMPARE(r.rows.read, file == QLatin1String("jobs_flat.csv") ? 22 : 14);
    QCOMPARE(r.rows.used, 8);
    QCOMPARE(r.rows.malformed, 0);
}

void tst_Usage::chunkBoundariesDoNotMatter_data()
{
    everyInputShape_data();
}

void tst_Usage::chunkBoundariesDoNotMatter()
{
    QFETCH(QString, file);
    ReadStats whole, tiny;
    auto a = loadLog(dataFile(file), &whole);
    auto b = loadLog(dataFile(file), &tiny, 7); // cuts rows, strings and escapes anywhere
    QVERIFY(a && b);
    QCOMPARE(tiny.rows, whole.rows);
    QCOMPARE(tiny.malformed, 0);
    const UsageRanking ra = a->rank(), rb = b->rank();
    QCOMPARE(rb.tables.size(), ra.tables.size());
    for (int i = 0; i < ra.tables.size(); ++i) {
        QCOMPARE(rb.tables.at(i).table, ra.tables.at(i).table);
        QCOMPARE(rb.tables.at(i).references, ra.tables.at(i).references);
        QCOMPARE(usersText(rb.tables.at(i).users), usersText(ra.tables.at(i).users));
    }
}

void tst_Usage::formatDetectedByContent()
{
    // JSON in a file named .csv, CSV in a file named .json: content decides.
    QTemporaryDir dir;
    QFile json(dir.filePath(QStringLiteral("log.csv")));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write("\xEF\xBB\xBF\n  [{\"creation_time\": \"1780307200\", \"user_email\": \"a@x.com\", "
               "\"referenced_tables\": [\"p.d.t\"]}]\n");
    json.close();
    ReadStats s1;
    auto l1 = loadLog(json.fileName(), &s1);
    QVERIFY(l1);
    QCOMPARE(s1.format, JobsFormat::JsonArray);
    QCOMPARE(l1->rank().tables.value(0).table, QStringLiteral("p.d.t"));

    QFile csv(dir.filePath(QStringLiteral("log.json")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(
        "CREATION_TIME,User_Email,referenced_tables\r\n2026-06-01T00:00:00Z,a@x.com,p.d.t\r\n");
    csv.close();
    ReadStats s2;
    auto l2 = loadLog(csv.fileName(), &s2);
    QVERIFY(l2);
    QCOMPARE(s2.format, JobsFormat::Csv);
    QCOMPARE(l2->rank().tables.value(0).references, 1);

    QCOMPARE(JobsReader::detectFormat("{\"a\":1}\n"), JobsFormat::NdJson);
    QCOMPARE(JobsReader::detectFormat("hello world\n"), JobsFormat::Unknown);
}

void tst_Usage::malformedRows_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QString>("ranking");
    QTest::newRow("ndjson") << "bad_rows.ndjson" << 2 << QList<int>{2, 4, 5, 7, 8} << "p.d.t=2";
    QTest::newRow("pretty array") << "bad_rows_array.json" << 3 << QList<int>{5, 9}
                                  << "p.d.t=3 p.d.u=1";
    QTest::newRow("csv") << "bad_rows.csv" << 2 << QList<int>{3, 5} << "p.d.t=2 p.d.u=1";
}

void tst_Usage::malformedRows()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(QList<int>, lines);
    QFETCH(QString, ranking);
    ReadStats stats;
    auto log = loadLog(dataFile(file), &stats);
    QVERIFY(log);
    QCOMPARE(stats.rows, rows);
    QCOMPARE(stats.malformed, lines.size());
    QList<int> got;
    for (const Diagnostic &d : stats.diagnostics) {
        QVERIFY2(!d.isError(), qPrintable(d.toString()));
        QVERIFY(d.file.endsWith(file));
        QVERIFY(d.toString().contains(QStringLiteral("%1:%2").arg(file).arg(d.line)));
        QVERIFY(d.toString().contains(QLatin1String(": warning: skipped")));
        got << d.line;
    }
    QCOMPARE(got, lines);
    QStringList text;
    for (const TableUsage &t : log->rank().tables)
        text << QStringLiteral("%1=%2").arg(t.table).arg(t.references);
    QCOMPARE(text.join(QLatin1Char(' ')), ranking);
    QCOMPARE(log->rank().rows.malformed, lines.size());
    if (file == QLatin1String("bad_rows.ndjson")) {
        // "{"creation_time":"2026-06-01 11:00:00 UTC", "user_email": broken": column of 'b'.
        QCOMPARE(stats.diagnostics.at(1).column, 59);
        QVERIFY(stats.diagnostics.at(1).toString().contains(
            QLatin1String("bad_rows.ndjson:4:59: warning:")));
    }

    // Truncated input: the last row is reported, the rest kept.
    ReadStats cut;
    QFile f(dataFile(file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    auto truncated = logFromText(all.left(all.size() - 8), &cut);
    QVERIFY(truncated);
    QVERIFY(cut.malformed >= 1);
    QVERIFY(cut.rows >= rows - 1);
}

void tst_Usage::notAJobsLog()
{
    ReadStats stats;
    QVERIFY(!loadLog(QStringLiteral("/nonexistent/jobs.json"), &stats));
    QVERIFY(hasErrors(stats.diagnostics));
    QVERIFY(stats.diagnostics.first().toString().contains(QLatin1String("/nonexistent/jobs.json")));

    ReadStats garbage;
    QVERIFY(!logFromText("this is not a log\nat all\n", &garbage));
    QVERIFY(hasErrors(garbage.diagnostics));

    ReadStats empty;
    auto log = logFromText("", &empty);
    QVERIFY(log);
    QCOMPARE(empty.rows, 0);
    QVERIFY(log->rank().tables.isEmpty());

    ReadStats emptyArray;
    QVERIFY(logFromText("[]\n", &emptyArray));
    QCOMPARE(emptyArray.rows, 0);
    QCOMPARE(emptyArray.malformed, 0);
}

void tst_Usage::progressAndCancel()
{
    JobsReader reader;
    reader.setChunkSize(512);
    QList<qint64> done;
    qint64 total = 0;
    reader.setProgress([&](qint64 d, qint64 t) {
        done << d;
        total = t;
        return true;
    });
    ReadStats stats;
    int rows = 0;
    QVERIFY(reader.readFile(
        dataFile(QStringLiteral("jobs.ndjson")), [&](const JobRecord &) { ++rows; }, &stats));
    QCOMPARE(rows, 14);
    QVERIFY(done.size() > 3);
    QCOMPARE(done.last(), total);
    QCOMPARE(total, QFileInfo(dataFile(QStringLiteral("jobs.ndjson"))).size());
    QVERIFY(std::is_sorted(done.begin(), done.end()));

    JobsReader cancelling;
    cancelling.setChunkSize(512);
    cancelling.setProgress([](qint64, qint64) { return false; });
    ReadStats cancelled;
    int some = 0;
    QVERIFY(cancelling.readFile(
        dataFile(QStringLiteral("jobs.ndjson")), [&](const JobRecord &) { ++some; }, &cancelled));
    QVERIFY(cancelled.cancelled);
    QVERIFY(some < 14);
}

void tst_Usage::tableNames()
{
    QCOMPARE(normalizeTableName("`p.d.t`"), std::string("p.d.t"));
    QCOMPARE(normalizeTableName("p:d.t"), std::string("p.d.t"));
    QCOMPARE(normalizeTableName("d.t", "proj"), std::string("proj.d.t"));
    QCOMPARE(normalizeTableName("example.com:p.d.t"), std::string("example.com:p.d.t"));
    QCOMPARE(normalizeTableName("nodots"), std::string());
    QVERIFY(UsageLog::isExcludedTable(QStringLiteral("p._script3f.tmp")));
    QVERIFY(UsageLog::isExcludedTable(QStringLiteral("p.region-us.INFORMATION_SCHEMA.JOBS")));
    QVERIFY(UsageLog::isExcludedTable(QStringLiteral("p.information_schema.tables")));
    QVERIFY(!UsageLog::isExcludedTable(QStringLiteral("p.sales_.orders_")));
    QVERIFY(!UsageLog::isExcludedTable(QStringLiteral("p.sales._orders"))); // only datasets

    // referenced_tables as plain text in JSON too.
    ReadStats plain;
    auto plainLog = logFromText(
        "{\"creation_time\":\"2026-06-01T00:00:00Z\",\"referenced_tables\":\"p.d.a, p.d.b\"}\n",
        &plain);
    QCOMPARE(plainLog->rank().tables.size(), 2);

    // A referenced table without project takes the job's project.
    ReadStats stats;
    auto log = logFromText("{\"creation_time\":\"2026-06-01T00:00:00Z\",\"project_id\":\"proj\","
                           "\"referenced_tables\":[{\"dataset_id\":\"d\",\"table_id\":\"t\"}]}\n",
                           &stats);
    QVERIFY(log);
    QCOMPARE(log->rank().tables.value(0).table, QStringLiteral("proj.d.t"));
}

void tst_Usage::windowSemantics()
{
    // Covered in everyInputShape for every shape; here: used rows and per-window counts.
    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    RankingOptions o;
    o.since = ts("2026-06-03T00:00:00Z");
    o.until = ts("2026-06-04T00:00:00Z");
    const UsageRanking r = log->rank(o);
    // Only the script's children on 06-03: orders (child 0) and staging.customers (child 1).
    QCOMPARE(r.tables.size(), 2);
    QCOMPARE(find(r, QStringLiteral("p.sales.orders"))->references, 1);
    QCOMPARE(find(r, QStringLiteral("p.staging.customers"))->references, 1);
    QCOMPARE(r.rows.used, 2);
    // Previous day [06-02, 06-03): j2 read orders.
    QCOMPARE(find(r, QStringLiteral("p.sales.orders"))->previousReferences, 1);
}

void tst_Usage::allRowsWithoutWindow()
{
    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs_prettyjson.json")), &stats);
    const UsageRanking r = log->rank();
    const TableUsage *orders = find(r, QStringLiteral("p.sales.orders"));
    QCOMPARE(orders->references, 7); // + j8 and j10 (both ann)
    QCOMPARE(orders->distinctUsers, 4);
    QCOMPARE(orders->topUsers.first().user, QStringLiteral("ann@corp.com"));
    QCOMPARE(orders->topUsers.first().references, 4);
    QVERIFY(!orders->hasTrend);
    QCOMPARE(formatRfc3339(*orders->lastRead), QStringLiteral("2026-06-06T00:00:00Z"));
    QCOMPARE(find(r, QStringLiteral("p.sales.customers"))->references, 4);
    QCOMPARE(r.rows.used, 10);
    QCOMPARE(*log->earliest(), ts("2026-05-31 23:59:59.999999 UTC"));
    QCOMPARE(*log->latest(), ts("2026-06-06T00:00:00Z"));
}

void tst_Usage::includeFailed()
{
    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs.csv")), &stats);
    RankingOptions o = june1to6();
    o.includeFailed = true;
    const UsageRanking r = log->rank(o);
    const TableUsage *orders = find(r, QStringLiteral("p.sales.orders"));
    QCOMPARE(orders->references, 7); // + j4 (carol, error) + j5 (ann, RUNNING)
    QCOMPARE(orders->distinctUsers, 5);
    QCOMPARE(orders->topUsers.first().references, 3);
    // The SCRIPT parent stays out even with failed jobs included.
    QCOMPARE(find(r, QStringLiteral("p.sales.customers"))->references, 4);
}

void tst_Usage::ownDestinationOption()
{
    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    RankingOptions o = june1to6();
    o.excludeOwnDestination = false;
    QCOMPARE(find(log->rank(o), QStringLiteral("p.sales.customers"))->references, 5);
}

void tst_Usage::userGroups()
{
    QCOMPARE(classifyUser(QStringLiteral("etl@p.iam.gserviceaccount.com")),
             UserKind::ServiceAccount);
    QCOMPARE(classifyUser(QStringLiteral("123-compute@developer.gserviceaccount.com")),
             UserKind::ServiceAccount);
    QCOMPARE(classifyUser(QStringLiteral("ann@corp.com")), UserKind::Person);
    QCOMPARE(classifyUser(QString()), UserKind::Unknown);
    QCOMPARE(userDomain(QStringLiteral("Ann@Corp.COM")), QStringLiteral("corp.com"));

    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    RankingOptions o = june1to6();
    o.userGroup = UserGroup::People;
    UsageRanking people = log->rank(o);
    QCOMPARE(find(people, QStringLiteral("p.sales.orders"))->references, 3);
    QVERIFY(!find(people, QStringLiteral("p.staging.customers")));
    o.userGroup = UserGroup::ServiceAccounts;
    UsageRanking services = log->rank(o);
    QCOMPARE(find(services, QStringLiteral("p.sales.orders"))->references, 2);
    QCOMPARE(find(services, QStringLiteral("p.staging.customers"))->references, 1);
}

void tst_Usage::perPersonTables()
{
    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    const UsageRanking r = log->rank(june1to6());
    const UserUsage *ann = nullptr;
    for (const UserUsage &u : r.users) {
        if (u.user == QLatin1String("ann@corp.com"))
            ann = &u;
    }
    QVERIFY(ann);
    QCOMPARE(ann->kind, UserKind::Person);
    QCOMPARE(ann->domain, QStringLiteral("corp.com"));
    QCOMPARE(ann->tables.size(), 2);
    QCOMPARE(ann->tables.at(0).table, QStringLiteral("p.sales.orders"));
    QCOMPARE(ann->tables.at(0).references, 2);
    QCOMPARE(ann->tables.at(1).table, QStringLiteral("p.sales.customers"));
    QCOMPARE(ann->references, 3);
    QCOMPARE(r.users.first().user, QStringLiteral("ann@corp.com")); // most references first
}

void tst_Usage::windowEdges_data()
{
    QTest::addColumn<QString>("since");
    QTest::addColumn<QString>("until");
    QTest::addColumn<int>("references");
    // One job at exactly 2026-06-01T10:00:00.000001Z.
    QTest::newRow("since equal: inclusive") << "2026-06-01T10:00:00.000001Z"
                                            << "2026-06-02T00:00:00Z" << 1;
    QTest::newRow("since one micro later") << "2026-06-01T10:00:00.000002Z"
                                           << "2026-06-02T00:00:00Z" << 0;
    QTest::newRow("until equal: exclusive") << "2026-06-01T00:00:00Z"
                                            << "2026-06-01T10:00:00.000001Z" << 0;
    QTest::newRow("until one micro later") << "2026-06-01T00:00:00Z"
                                           << "2026-06-01T10:00:00.000002Z" << 1;
    QTest::newRow("since with offset") << "2026-06-01T19:00:00.000001+09:00"
                                       << "" << 1;
    QTest::newRow("until with offset") << ""
                                       << "2026-06-01T05:00:00.000001-05:00" << 0;
}

void tst_Usage::windowEdges()
{
    QFETCH(QString, since);
    QFETCH(QString, until);
    QFETCH(int, references);
    ReadStats stats;
    auto log = logFromText(
        "{\"creation_time\":\"2026-06-01 10:00:00.000001 UTC\",\"user_email\":\"a@x.com\","
        "\"referenced_tables\":[{\"project_id\":\"p\",\"dataset_id\":\"d\",\"table_id\":\"t\"}]}\n",
        &stats);
    RankingOptions o;
    if (!since.isEmpty())
        o.since = parseTimestamp(since);
    if (!until.isEmpty())
        o.until = parseTimestamp(until);
    const UsageRanking r = log->rank(o);
    QCOMPARE(r.tables.isEmpty() ? 0 : int(r.tables.first().references), references);
}

void tst_Usage::timeZones()
{
    // The same instant written five ways lands in one window of one second.
    const QByteArray text = "creation_time,user_email,job_id,referenced_tables\n"
                            "2026-06-05 01:23:45 UTC,a@x.com,1,p.d.t\n"
                            "2026-06-05T10:23:45+09:00,b@x.com,2,p.d.t\n"
                            "2026-06-04T21:23:45-04:00,c@x.com,3,p.d.t\n"
                            "1780622625,d@x.com,4,p.d.t\n"
                            "1780622625000000,e@x.com,5,p.d.t\n"
                            "2026-06-05 01:23:46 UTC,f@x.com,6,p.d.t\n";
    ReadStats stats;
    auto log = logFromText(text, &stats);
    QVERIFY(log);
    QCOMPARE(stats.malformed, 0);
    RankingOptions o;
    o.since = ts("2026-06-05T01:23:45Z");
    o.until = ts("2026-06-05T01:23:46Z");
    const UsageRanking r = log->rank(o);
    QCOMPARE(r.tables.first().references, 5);
    QCOMPARE(r.tables.first().distinctUsers, 5);
    // TZ of the process does not matter: ranking is in UTC micros.
    qputenv("TZ", "Asia/Tokyo");
    QCOMPARE(log->rank(o).tables.first().references, 5);
    qputenv("TZ", "UTC");
}

void tst_Usage::trend()
{
    QByteArray text;
    // 2 reads in [06-01, 06-02), 3 reads in [06-02, 06-03).
    for (const char *t : {"2026-06-01T01:00:00Z", "2026-06-01T23:00:00Z", "2026-06-02T00:00:00Z",
                          "2026-06-02T12:00:00Z", "2026-06-02T23:59:59.999999Z"})
        text += QByteArray("{\"creation_time\":\"") + t
                + "\",\"user_email\":\"a@x.com\",\"referenced_tables\":[\"p.d.t\"]}\n";
    ReadStats stats;
    auto log = logFromText(text, &stats);
    RankingOptions o;
    o.since = ts("2026-06-02T00:00:00Z");
    o.until = ts("2026-06-03T00:00:00Z");
    const TableUsage t = log->rank(o).tables.first();
    QCOMPARE(t.references, 3);
    QCOMPARE(t.previousReferences, 2);
    QCOMPARE(*t.trend(), 0.5);
    // A table read only in the previous window is not in this window's ranking.
    o.since = ts("2026-06-03T00:00:00Z");
    o.until = ts("2026-06-04T00:00:00Z");
    QVERIFY(log->rank(o).tables.isEmpty());
}

void tst_Usage::csvExport()
{
    TableUsage t;
    t.table = QStringLiteral("=cmd|' /C calc'!A0");
    t.references = 3;
    t.topUsers = {{QStringLiteral("a@x.com"), 2}, {QStringLiteral("b,c@x.com"), 1}};
    const QByteArray csv = rankingToCsv({t});
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY(lines.first().startsWith("rank,table,references,distinct_users"));
    QVERIFY(lines.at(1).startsWith("1,'=cmd|' /C calc'!A0,3,"));
    QVERIFY(lines.at(1).contains("\"a@x.com (2); b,c@x.com (1)\""));
    QCOMPARE(csvCell(QStringLiteral("-1")), QByteArray("'-1"));
    QCOMPARE(csvCell(QStringLiteral("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
    QCOMPARE(csvCell(QStringLiteral("plain")), QByteArray("plain"));
    QCOMPARE(csvCell(QStringLiteral("a,\"b\"")), QByteArray("\"a,\"\"b\"\"\""));
}

void tst_Usage::pushdownSqlStructure()
{
    PushdownOptions p;
    p.ranking = june1to6();
    p.project = QStringLiteral("my-proj");
    p.region = QStringLiteral("region-asia-northeast1");
    p.topTables = 20;
    const QString sql = pushdownSql(p);
    QVERIFY(!sql.isEmpty());
    QVERIFY(sql.contains(QLatin1String(
        "FROM `my-proj`.`region-asia-northeast1`.INFORMATION_SCHEMA.JOBS_BY_PROJECT")));
    // The window and the previous window of equal length (5 days earlier).
    QVERIFY(sql.contains(QLatin1String("creation_time >= TIMESTAMP '2026-05-27 00:00:00+00'")));
    QVERIFY(sql.contains(QLatin1String("creation_time < TIMESTAMP '2026-06-06 00:00:00+00'")));
    QVERIFY(sql.contains(
        QLatin1String("creation_time >= TIMESTAMP '2026-06-01 00:00:00+00' AS in_window")));
    // Exclusions.
    QVERIFY(sql.contains(QLatin1String("statement_type IS DISTINCT FROM 'SCRIPT'")));
    QVERIFY(sql.contains(QLatin1String("error_result IS NULL AND state = 'DONE'")));
    QVERIFY(sql.contains(QLatin1String("NOT STARTS_WITH(t.dataset_id, '_')")));
    QVERIFY(sql.contains(QLatin1String("'INFORMATION_SCHEMA'")));
    QVERIFY(sql.contains(QLatin1String("j.destination_table.table_id")));
    // One job counts once per table; distinct users; top users; order; limit.
    QVERIFY(sql.contains(QLatin1String("SELECT DISTINCT j.project_id, j.job_id")));
    QVERIFY(sql.contains(QLatin1String("UNNEST(j.referenced_tables) AS t")));
    QVERIFY(sql.contains(QLatin1String(
        "COUNT(DISTINCT IF(in_window AND user_email != '', user_email, NULL)) AS distinct_users")));
    QVERIFY(sql.contains(
        QLatin1String("ORDER BY reference_count DESC, user_email LIMIT 5) AS top_users")));
    QVERIFY(sql.contains(QLatin1String("ORDER BY t.reference_count DESC, t.table_name\nLIMIT 20")));
    // Balanced parentheses and quotes outside comments: a cheap guard against broken generation.
    QString code;
    for (const QString &line : sql.split(QLatin1Char('\n')))
        code += line.left(line.indexOf(QLatin1String("--")) < 0 ? line.size()
                                                                : line.indexOf(QLatin1String("--")))
                + QLatin1Char('\n');
    QCOMPARE(code.count(QLatin1Char('(')), code.count(QLatin1Char(')')));
    QCOMPARE(code.count(QLatin1Char('\'')) % 2, 0);
    QCOMPARE(code.count(QLatin1Char('`')) % 2, 0);
    QCOMPARE(locationForRegion(QStringLiteral("region-us")), QStringLiteral("US"));
    QCOMPARE(locationForRegion(QStringLiteral("eu")), QStringLiteral("EU"));
    QCOMPARE(locationForRegion(QStringLiteral("region-asia-northeast1")),
             QStringLiteral("asia-northeast1"));
}

void tst_Usage::pushdownSqlOptions()
{
    PushdownOptions p;
    QString sql = pushdownSql(p);
    QVERIFY(sql.contains(QLatin1String("FROM `region-us`.INFORMATION_SCHEMA.JOBS_BY_PROJECT")));
    QVERIFY(!sql.contains(QLatin1String("creation_time >=")));
    QVERIFY(sql.contains(QLatin1String("TRUE AS in_window")));
    QVERIFY(!sql.contains(QLatin1String("LIMIT 5)"))
            || sql.contains(QLatin1String("LIMIT 5) AS top_users")));
    QVERIFY(!sql.contains(QLatin1String("\nLIMIT ")));

    p.ranking.includeFailed = true;
    p.ranking.topUsers = 3;
    p.ranking.since = ts("2026-06-01T00:00:00Z");
    p.ranking.userGroup = UserGroup::People;
    p.ranking.excludeOwnDestination = false;
    p.organization = true;
    p.region = QStringLiteral("US");
    sql = pushdownSql(p);
    QVERIFY(sql.contains(QLatin1String("`region-us`.INFORMATION_SCHEMA.JOBS_BY_ORGANIZATION")));
    QVERIFY(!sql.contains(QLatin1String("error_result IS NULL")));
    QVERIFY(sql.contains(QLatin1String("LIMIT 3) AS top_users")));
    QVERIFY(sql.contains(QLatin1String("creation_time >= TIMESTAMP '2026-06-01 00:00:00+00'")));
    QVERIFY(!sql.contains(QLatin1String("creation_time <")));
    QVERIFY(sql.contains(QLatin1String("NOT ENDS_WITH(user_email, '.gserviceaccount.com')")));
    QVERIFY(!sql.contains(QLatin1String("j.destination_table")));
    QVERIFY(sql.contains(QLatin1String("statement_type IS DISTINCT FROM 'SCRIPT'")));
}

void tst_Usage::pushdownRejectsInjection()
{
    PushdownOptions p;
    QString error;
    p.region = QStringLiteral("region-us`; DROP TABLE x; --");
    QVERIFY(pushdownSql(p, &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("region")));
    p.region = QStringLiteral("region-us");
    p.project = QStringLiteral("p` x");
    QVERIFY(pushdownSql(p, &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("project")));
}

namespace {

QJsonArray rankingSchema()
{
    auto field = [](const char *name, const char *type, const char *mode = "NULLABLE") {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                           {QStringLiteral("type"), QLatin1String(type)},
                           {QStringLiteral("mode"), QLatin1String(mode)}};
    };
    QJsonObject top = field("top_users", "RECORD", "REPEATED");
    top.insert(QStringLiteral("fields"),
               QJsonArray{field("user", "STRING"), field("reference_count", "INTEGER")});
    return {field("table_name", "STRING"),
            field("reference_count", "INTEGER"),
            field("distinct_users", "INTEGER"),
            field("distinct_people", "INTEGER"),
            field("last_read", "TIMESTAMP"),
            field("bytes_processed", "INTEGER"),
            field("previous_reference_count", "INTEGER"),
            top};
}

// What BigQuery would send for a ranking: typed {f:[{v}]} rows, INT64 as strings, TIMESTAMP
// as float seconds in E notation, REPEATED RECORD as [{v:{f:[…]}}].
QJsonArray typedRows(const UsageRanking &r)
{
    QJsonArray rows;
    auto v = [](const QJsonValue &value) {
        return QJsonObject{{QStringLiteral("v"), value}};
    };
    for (const TableUsage &t : r.tables) {
        QJsonArray top;
        for (const UserCount &u : t.topUsers)
            top.append(v(QJsonObject{
                {QStringLiteral("f"), QJsonArray{v(u.user), v(QString::number(u.references))}}}));
        const QString last
            = t.lastRead ? QString::number(double(*t.lastRead) / 1e6, 'E', 9) : QString();
        rows.append(QJsonObject{
            {QStringLiteral("f"),
             QJsonArray{v(t.table), v(QString::number(t.references)),
                        v(QString::number(t.distinctUsers)), v(QString::number(t.distinctPeople)),
                        t.lastRead ? v(last) : v(QJsonValue::Null),
                        v(QString::number(t.bytesProcessed)),
                        v(QString::number(t.previousReferences)), v(top)}}});
    }
    return rows;
}

} // namespace

void tst_Usage::restQueryPollsAndPages()
{
    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    const UsageRanking local = log->rank(june1to6());

    tests::BigQueryFixture fixture;
    QVERIFY(fixture.start());
    fixture.schemaFields = rankingSchema();
    fixture.rows = typedRows(local);
    fixture.pendingPolls = 2;
    fixture.defaultPageSize = 1; // 3 rows → 3 pages

    QNetworkAccessManager network;
    BigQueryClient client(&network);
    client.setBaseUrl(QUrl(fixture.baseUrl() + QLatin1Char('/')));
    client.setAccessToken(QStringLiteral("test-token"));
    client.setTimeoutMs(500);
    QSignalSpy finished(&client, &BigQueryClient::finished);
    QSignalSpy failed(&client, &BigQueryClient::failed);
    QSignalSpy progress(&client, &BigQueryClient::progress);
    PushdownOptions p;
    p.ranking = june1to6();
    p.project = QStringLiteral("my-proj");
    client.query(QStringLiteral("my-proj"), pushdownSql(p), locationForRegion(p.region));
    QVERIFY(client.isRunning());
    QVERIFY(finished.wait(5000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!client.isRunning());

    const auto result = finished.first().first().value<BigQueryResult>();
    QCOMPARE(result.polls, 3); // jobs.query and two getQueryResults said jobComplete:false
    QCOMPARE(result.pages, 3);
    QCOMPARE(result.rows.size(), 3);
    QCOMPARE(result.totalRows, 3);
    QCOMPARE(progress.count(), 3);
    QCOMPARE(fixture.lastQueryBody.value(QStringLiteral("useLegacySql")).toBool(true), false);
    QCOMPARE(fixture.lastQueryBody.value(QStringLiteral("timeoutMs")).toInt(), 500);
    QCOMPARE(fixture.lastQueryBody.value(QStringLiteral("location")).toString(),
             QStringLiteral("US"));
    QVERIFY(fixture.lastQuery.contains(QLatin1String("JOBS_BY_PROJECT")));
    // POST (running), 2 polls (running), the first page, then two pageToken pages.
    QCOMPARE(fixture.log.size(), 6);
    QVERIFY(
        fixture.log.at(0).startsWith(QLatin1String("POST /bigquery/v2/projects/my-proj/queries")));
    QVERIFY(fixture.log.at(1).contains(QLatin1String("timeoutMs=500")));
    QVERIFY(fixture.log.at(1).contains(QLatin1String("location=US")));
    QVERIFY(!fixture.log.at(3).contains(QLatin1String("pageToken")));
    QVERIFY(fixture.log.at(4).contains(QLatin1String("pageToken=")));
    QVERIFY(fixture.log.at(5).contains(QLatin1String("pageToken=")));
    QVERIFY(fixture.log.at(5) != fixture.log.at(4));

    QString error;
    const UsageRanking remote = rankingFromBigQuery(result, june1to6(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(remote.tables.size(), local.tables.size());
    for (int i = 0; i < local.tables.size(); ++i) {
        const TableUsage &a = local.tables.at(i), &b = remote.tables.at(i);
        QCOMPARE(b.table, a.table);
        QCOMPARE(b.references, a.references);
        QCOMPARE(b.distinctUsers, a.distinctUsers);
        QCOMPARE(b.distinctPeople, a.distinctPeople);
        QCOMPARE(*b.lastRead, *a.lastRead);
        QCOMPARE(b.bytesProcessed, a.bytesProcessed);
        QCOMPARE(b.trend(), a.trend());
        QCOMPARE(usersText(b.topUsers), usersText(a.topUsers));
    }
}

void tst_Usage::restErrors_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("failJob");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::newRow("401 no token") << ""
                                  << "SELECT 1" << false << 401 << "required"
                                  << "authentication credential";
    QTest::newRow("400 invalid query") << "test-token"
                                       << "SELECT SYNTAX_ERROR" << false << 400 << "invalidQuery"
                                       << "Syntax error";
    QTest::newRow("job error") << "test-token"
                               << "SELECT 1" << true << 0 << "accessDenied"
                               << "Access Denied";
}

void tst_Usage::restErrors()
{
    QFETCH(QString, token);
    QFETCH(QString, sql);
    QFETCH(bool, failJob);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    tests::BigQueryFixture fixture;
    QVERIFY(fixture.start());
    fixture.schemaFields = rankingSchema();
    fixture.failJob = failJob;
    QNetworkAccessManager network;
    BigQueryClient client(&network);
    client.setBaseUrl(QUrl(fixture.baseUrl()));
    client.setAccessToken(token);
    QSignalSpy finished(&client, &BigQueryClient::finished);
    QSignalSpy failed(&client, &BigQueryClient::failed);
    client.query(QStringLiteral("p"), sql);
    QVERIFY(failed.wait(5000));
    QCOMPARE(finished.count(), 0);
    const auto e = failed.first().first().value<BigQueryError>();
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.reason, reason);
    QVERIFY2(e.message.contains(message), qPrintable(e.toString()));
    QVERIFY(e.toString().contains(reason));

    // Nobody listening: a clear network error, not a hang.
    BigQueryClient offline(&network);
    offline.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/bigquery/v2")));
    QSignalSpy offlineFailed(&offline, &BigQueryClient::failed);
    offline.query(QStringLiteral("p"), QStringLiteral("SELECT 1"));
    QVERIFY(offlineFailed.wait(5000));
    QVERIFY(offlineFailed.first().first().value<BigQueryError>().message.contains(
        QLatin1String("127.0.0.1")));
}

void tst_Usage::restRetriesTransientErrors()
{
    tests::BigQueryFixture fixture;
    QVERIFY(fixture.start());
    fixture.schemaFields = rankingSchema();
    fixture.transientErrors = 2;
    QNetworkAccessManager network;
    BigQueryClient client(&network);
    client.setBaseUrl(QUrl(fixture.baseUrl()));
    client.setAccessToken(QStringLiteral("test-token"));
    client.setRetryDelayMs(10);
    QSignalSpy finished(&client, &BigQueryClient::finished);
    client.query(QStringLiteral("p"), QStringLiteral("SELECT 1"));
    QVERIFY(finished.wait(5000));
    QCOMPARE(fixture.log.size(), 3);
    QCOMPARE(finished.first().first().value<BigQueryResult>().rows.size(), 0);

    fixture.log.clear();
    fixture.transientErrors = 10;
    client.setMaxRetries(2);
    QSignalSpy failed(&client, &BigQueryClient::failed);
    client.query(QStringLiteral("p"), QStringLiteral("SELECT 1"));
    QVERIFY(failed.wait(5000));
    QCOMPARE(fixture.log.size(), 3);
    QCOMPARE(failed.first().first().value<BigQueryError>().httpStatus, 503);
    QCOMPARE(failed.first().first().value<BigQueryError>().reason, QStringLiteral("backendError"));
}

void tst_Usage::restDecodesTypedRows()
{
    const QJsonArray schema = QJsonDocument::fromJson(R"([
        {"name":"n","type":"INTEGER","mode":"NULLABLE"},
        {"name":"f","type":"FLOAT","mode":"NULLABLE"},
        {"name":"b","type":"BOOLEAN","mode":"NULLABLE"},
        {"name":"t","type":"TIMESTAMP","mode":"NULLABLE"},
        {"name":"s","type":"STRING","mode":"REPEATED"},
        {"name":"r","type":"RECORD","mode":"NULLABLE","fields":[
            {"name":"x","type":"INT64"},{"name":"y","type":"STRING","mode":"REPEATED"}]},
        {"name":"z","type":"STRING","mode":"NULLABLE"}])")
                                  .array();
    const QJsonObject row = QJsonDocument::fromJson(R"({"f":[
        {"v":"9007199254740993"},{"v":"2.5"},{"v":"true"},{"v":"1.780622625123456E9"},
        {"v":[{"v":"a"},{"v":"b"}]},
        {"v":{"f":[{"v":"7"},{"v":[{"v":"q"}]}]}},
        {"v":null}]})")
                                .object();
    const QList<BigQueryField> fields = parseBigQuerySchema(schema);
    const QVariantList v = decodeBigQueryRow(fields, row);
    QCOMPARE(v.at(0).toLongLong(), 9007199254740993LL); // beyond double precision
    QCOMPARE(v.at(1).toDouble(), 2.5);
    QCOMPARE(v.at(2).toBool(), true);
    QCOMPARE(v.at(3).toLongLong(), ts("2026-06-05T01:23:45.123456Z"));
    QCOMPARE(v.at(4).toStringList(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(v.at(5).toMap().value(QStringLiteral("x")).toLongLong(), 7);
    QCOMPARE(v.at(5).toMap().value(QStringLiteral("y")).toStringList(),
             QStringList{QStringLiteral("q")});
    QVERIFY(!v.at(6).isValid());

    const BigQueryError e
        = parseBigQueryError(403, R"({"error":{"code":403,"message":"Access Denied: Project p",
        "errors":[{"message":"Access Denied: Project p","domain":"global","reason":"accessDenied"}],
        "status":"PERMISSION_DENIED"}})");
    QCOMPARE(e.reason, QStringLiteral("accessDenied"));
    QCOMPARE(e.status, QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(
        e.toString(),
        QStringLiteral("Access Denied: Project p (HTTP 403, PERMISSION_DENIED, accessDenied)"));
    QVERIFY(
        parseBigQueryError(502, "<html>bad gateway</html>").message.contains(QLatin1String("502")));
}

void tst_Usage::recoveryPriority()
{
    const PriorityScore s = usage::recoveryPriority(127, 3, 7);
    QCOMPARE(s.referencesTerm, 7.0); // 1 × log2(128)
    QCOMPARE(s.peopleTerm, 4.0);     // 2 × log2(4)
    QCOMPARE(s.reachTerm, 4.5);      // 1.5 × log2(8)
    QCOMPARE(s.value, 15.5);
    QVERIFY(s.explanation.contains(priorityFormula()));
    QVERIFY(s.explanation.contains(QLatin1String("7.00 + 4.00 + 4.50 = 15.50")));
    QCOMPARE(usage::recoveryPriority(0, 0, 0).value, 0.0);
    // Monotonic in each input.
    QVERIFY(usage::recoveryPriority(10, 2, 1).value > usage::recoveryPriority(9, 2, 1).value);
    QVERIFY(usage::recoveryPriority(10, 3, 1).value > usage::recoveryPriority(10, 2, 1).value);
    QVERIFY(usage::recoveryPriority(10, 2, 2).value > usage::recoveryPriority(10, 2, 1).value);
    PriorityWeights w;
    w.people = 0;
    QCOMPARE(usage::recoveryPriority(1, 100, 0, w).value, 1.0);
}

void tst_Usage::rankingModel()
{
    ReadStats stats;
    std::shared_ptr<const UsageLog> log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    UsageRankingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &UsageRankingModel::rankingChanged);
    model.setLog(log);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(UsageRankingModel::ColumnCount));
    QCOMPARE(model.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.sales.orders"));
    QCOMPARE(model.index(0, UsageRankingModel::ReferencesColumn).data().toLongLong(), 7);
    QCOMPARE(model.index(0, UsageRankingModel::RankColumn).data().toInt(), 1);

    model.setWindow(ts("2026-06-01T00:00:00Z"), ts("2026-06-06T00:00:00Z"));
    QCOMPARE(model.index(0, UsageRankingModel::ReferencesColumn).data().toLongLong(), 5);
    QCOMPARE(model.index(0, UsageRankingModel::TrendColumn)
                 .data(UsageRankingModel::TrendRole)
                 .toDouble(),
             4.0);
    QCOMPARE(model.index(0, UsageRankingModel::TrendColumn).data().toString(),
             QStringLiteral("+400%"));
    QVERIFY(std::isinf(
        model.index(1, 0).data(UsageRankingModel::TrendRole).toDouble())); // customers: new
    QCOMPARE(model.index(0, UsageRankingModel::LastReadColumn).data().toString(),
             QStringLiteral("2026-06-05T09:00:00Z"));

    // Affected tables come first (by references), then affected tables nobody read.
    model.setAffectedTables(
        {QStringLiteral("p.staging.customers"), QStringLiteral("p.mart.daily")});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.staging.customers"));
    QCOMPARE(model.index(1, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.mart.daily"));
    QVERIFY(model.index(1, 0).data(UsageRankingModel::AffectedRole).toBool());
    QVERIFY(!model.index(2, 0).data(UsageRankingModel::AffectedRole).toBool());
    QCOMPARE(model.index(1, UsageRankingModel::ReferencesColumn).data().toLongLong(), 0);
    QCOMPARE(model.rowOfTable(QStringLiteral("p.sales.orders")), 2);

    model.setDownstreamReach({{QStringLiteral("p.staging.customers"), 3.0}});
    const PriorityScore expected = usage::recoveryPriority(1, 0, 3.0);
    QCOMPARE(model.index(0, UsageRankingModel::PriorityColumn)
                 .data(UsageRankingModel::PriorityRole)
                 .toDouble(),
             expected.value);
    QCOMPARE(model.index(0, UsageRankingModel::PriorityColumn).data(Qt::ToolTipRole).toString(),
             expected.explanation);
    QCOMPARE(model.priority(QStringLiteral("p.staging.customers")).value, expected.value);

    // A ranking from BigQuery replaces the local one.
    UsageRanking remote;
    TableUsage t;
    t.table = QStringLiteral("x.y.z");
    t.references = 9;
    remote.tables = {t};
    model.setRanking(remote);
    QVERIFY(!model.log());
    QCOMPARE(model.rowCount(), 3); // 2 affected + x.y.z
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("x.y.z"));
}

void tst_Usage::filterProxy()
{
    ReadStats stats;
    std::shared_ptr<const UsageLog> log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    UsageRankingModel model;
    model.setLog(log);
    model.setWindow(ts("2026-06-01T00:00:00Z"), ts("2026-06-06T00:00:00Z"));
    UsageFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setFilterText(QStringLiteral("CUSTOMERS"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setMinReferences(2);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setMinReferences(0);
    proxy.setFilterText(QString());
    proxy.setUserGroup(UserGroup::People);
    QCOMPARE(proxy.rowCount(), 2); // staging.customers is read by a service account only
    proxy.setUserGroup(UserGroup::ServiceAccounts);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setUserGroup(UserGroup::All);
    proxy.setAffectedOnly(true);
    QCOMPARE(proxy.rowCount(), 0);
    model.setAffectedTables({QStringLiteral("p.sales.customers")});
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setMinReferences(100); // affected tables stay visible
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setAffectedOnly(false);
    proxy.setMinReferences(0);

    // Sorting by the raw value, not the display text.
    proxy.sort(UsageRankingModel::BytesColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.sales.orders"));
    QCOMPARE(proxy.index(2, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.staging.customers"));
    proxy.sort(UsageRankingModel::RankColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.sales.customers"));
}

void tst_Usage::topNProxy()
{
    QByteArray text;
    for (int i = 0; i < 30; ++i) {
        for (int j = 0; j <= i; ++j)
            text += QStringLiteral(
                        "{\"creation_time\":\"2026-06-01T00:00:00Z\",\"user_email\":\"u%1@x.com\","
                        "\"referenced_tables\":[\"p.d.t%2\"]}\n")
                        .arg(j)
                        .arg(i, 2, 10, QLatin1Char('0'))
                        .toUtf8();
    }
    ReadStats stats;
    std::shared_ptr<const UsageLog> log = logFromText(text, &stats);
    UsageRankingModel model;
    model.setLog(log);
    UsageFilterProxyModel filter;
    filter.setSourceModel(&model);
    filter.sort(UsageRankingModel::RankColumn);
    TopNProxyModel top(10);
    QAbstractItemModelTester tester(&top, QAbstractItemModelTester::FailureReportingMode::QtTest);
    top.setSourceModel(&filter);
    QCOMPARE(top.rowCount(), 10);
    QCOMPARE(top.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.d.t29"));
    QCOMPARE(top.index(9, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.d.t20"));
    filter.setFilterText(QStringLiteral("t0"));
    QCOMPARE(top.rowCount(), 10);
    QCOMPARE(top.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.d.t09"));
    filter.setFilterText(QStringLiteral("t2"));
    QCOMPARE(top.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.d.t29"));
    filter.sort(UsageRankingModel::ReferencesColumn, Qt::AscendingOrder);
    QCOMPARE(top.index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.d.t20"));
    top.setLimit(3);
    QCOMPARE(top.rowCount(), 3);
    model.setAffectedTables({QStringLiteral("p.d.t25")});
    QCOMPARE(top.rowCount(), 3);
}

void tst_Usage::usersModel()
{
    ReadStats stats;
    auto log = loadLog(dataFile(QStringLiteral("jobs.ndjson")), &stats);
    const UsageRanking r = log->rank(june1to6());
    TableUsersModel users;
    QAbstractItemModelTester tester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
    users.setTable(r.tables.first());
    QCOMPARE(users.table(), QStringLiteral("p.sales.orders"));
    QCOMPARE(users.rowCount(), 4);
    QCOMPARE(users.index(0, TableUsersModel::UserColumn).data().toString(),
             QStringLiteral("ann@corp.com"));
    QCOMPARE(users.index(0, TableUsersModel::ReferencesColumn).data().toLongLong(), 2);
    QCOMPARE(users.index(1, 0).data(TableUsersModel::UserKindRole).toInt(),
             int(UserKind::ServiceAccount));
    QCOMPARE(users.index(0, TableUsersModel::KindColumn).data().toString(),
             QStringLiteral("person"));
    users.clear();
    QCOMPARE(users.rowCount(), 0);
}

void tst_Usage::cliJson()
{
    if (!QFileInfo::exists(cliPath()))
        QSKIP("warroom-cli is not built in this build directory");
    QProcess cli;
    cli.start(cliPath(), {QStringLiteral("rank"), QStringLiteral("--jobs"),
                          dataFile(QStringLiteral("jobs_prettyjson.json")),
                          QStringLiteral("--since"), QStringLiteral("2026-06-01T09:00:00+09:00"),
                          QStringLiteral("--until"), QStringLiteral("2026-06-06T00:00:00Z"),
                          QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject doc = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    const QJsonArray tables = doc.value(QStringLiteral("tables")).toArray();
    QCOMPARE(tables.size(), 3);
    const QJsonObject orders = tables.at(0).toObject();
    QCOMPARE(orders.value(QStringLiteral("table")).toString(), QStringLiteral("p.sales.orders"));
    QCOMPARE(orders.value(QStringLiteral("references")).toInt(), 5);
    QCOMPARE(orders.value(QStringLiteral("distinct_users")).toInt(), 4);
    QCOMPARE(orders.value(QStringLiteral("last_read")).toString(),
             QStringLiteral("2026-06-05T09:00:00Z"));
    QCOMPARE(orders.value(QStringLiteral("bytes_processed")).toInteger(), 5750);
    QCOMPARE(orders.value(QStringLiteral("top_users"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("user"))
                 .toString(),
             QStringLiteral("ann@corp.com"));
    QCOMPARE(orders.value(QStringLiteral("trend")).toDouble(), 4.0);
    QCOMPARE(doc.value(QStringLiteral("rows")).toObject().value(QStringLiteral("read")).toInt(),
             14);
    QCOMPARE(doc.value(QStringLiteral("rows")).toObject().value(QStringLiteral("used")).toInt(), 8);

    QProcess bad;
    bad.start(cliPath(), {QStringLiteral("rank"), QStringLiteral("--jobs"),
                          dataFile(QStringLiteral("bad_rows.ndjson")), QStringLiteral("--top"),
                          QStringLiteral("1")});
    QVERIFY(bad.waitForFinished(30000));
    QCOMPARE(bad.exitCode(), 0);
    const QString err = QString::fromUtf8(bad.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("bad_rows.ndjson:4:59: warning:")), qPrintable(err));
    QCOMPARE(err.count(QLatin1String("warning:")), 5);
    const QJsonObject badDoc = QJsonDocument::fromJson(bad.readAllStandardOutput()).object();
    QCOMPARE(
        badDoc.value(QStringLiteral("rows")).toObject().value(QStringLiteral("malformed")).toInt(),
        5);
    QCOMPARE(badDoc.value(QStringLiteral("tables")).toArray().size(), 1);
}

void tst_Usage::cliCsvAndSql()
{
    if (!QFileInfo::exists(cliPath()))
        QSKIP("warroom-cli is not built in this build directory");
    QProcess csv;
    csv.start(cliPath(), {QStringLiteral("rank"), QStringLiteral("--jobs"),
                          dataFile(QStringLiteral("jobs_flat.csv")), QStringLiteral("--format"),
                          QStringLiteral("csv"), QStringLiteral("--include-failed")});
    QVERIFY(csv.waitForFinished(30000));
    QCOMPARE(csv.exitCode(), 0);
    const QList<QByteArray> lines = csv.readAllStandardOutput().split('\n');
    QVERIFY(lines.at(0).startsWith("rank,table,references"));
    QVERIFY2(lines.at(1).startsWith("1,p.sales.orders,9,5,"), lines.at(1).constData());

    QProcess sql;
    sql.start(cliPath(),
              {QStringLiteral("rank"), QStringLiteral("--sql"), QStringLiteral("--region"),
               QStringLiteral("region-eu"), QStringLiteral("--project"), QStringLiteral("acme-dw"),
               QStringLiteral("--since"), QStringLiteral("2026-06-01T00:00:00Z"),
               QStringLiteral("--until"), QStringLiteral("2026-06-02T00:00:00Z"),
               QStringLiteral("--top"), QStringLiteral("10")});
    QVERIFY(sql.waitForFinished(30000));
    QCOMPARE(sql.exitCode(), 0);
    const QString text = QString::fromUtf8(sql.readAllStandardOutput());
    QVERIFY(
        text.contains(QLatin1String("`acme-dw`.`region-eu`.INFORMATION_SCHEMA.JOBS_BY_PROJECT")));
    QVERIFY(text.contains(QLatin1String("TIMESTAMP '2026-05-31 00:00:00+00'")));
    QVERIFY(text.trimmed().endsWith(QLatin1String("LIMIT 10")));
}

void tst_Usage::cliErrors()
{
    if (!QFileInfo::exists(cliPath()))
        QSKIP("warroom-cli is not built in this build directory");
    QTemporaryDir dir;
    QFile onlyBad(dir.filePath(QStringLiteral("bad.ndjson")));
    QVERIFY(onlyBad.open(QIODevice::WriteOnly));
    onlyBad.write("{\"creation_time\": broken}\n{oops\n");
    onlyBad.close();
    const QList<QStringList> cases = {
        {QStringLiteral("--jobs"), QStringLiteral("/nonexistent.json")},
        {QStringLiteral("--jobs"), onlyBad.fileName()},
        {QStringLiteral("--jobs"), dataFile(QStringLiteral("jobs.ndjson")),
         QStringLiteral("--since"), QStringLiteral("yesterday")},
        {QStringLiteral("--jobs"), dataFile(QStringLiteral("jobs.ndjson")),
         QStringLiteral("--format"), QStringLiteral("xml")},
        {QStringLiteral("--sql"), QStringLiteral("--region"), QStringLiteral("us`;drop")},
        {},
    };
    for (const QStringList &args : cases) {
        QProcess cli;
        cli.start(cliPath(), QStringList{QStringLiteral("rank")} + args);
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() != 0, qPrintable(args.join(QLatin1Char(' '))));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY(cli.readAllStandardError().contains("warroom-cli rank:"));
    }
}

QTEST_GUILESS_MAIN(tst_Usage)
#include "tst_usage.moc"
