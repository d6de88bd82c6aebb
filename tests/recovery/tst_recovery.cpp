// The recovery board, headless: cron schedules and Airflow logical dates, the plan (order,
// cycles, merge keeping assignments), the board model and its filters, and the GitHub mirror
// against a local GitHub-like fixture: faults injected at chosen requests, a SIGKILL in the
// middle of a sync, two War Rooms on one repository.
#include "core/github/GitHubClient.h"
#include "core/net/HttpClient.h"
#include "core/recovery/AirflowRerunner.h"
#include "core/recovery/BoardModel.h"
#include "core/recovery/BoardSync.h"
#include "core/recovery/CronSchedule.h"
#include "core/lineage/LineageGraph.h"
#include "core/recovery/RecoveryInputBuilder.h"
#include "core/recovery/RecoveryPlan.h"
#include "core/recovery/TaskIssue.h"
#include "core/store/IncidentStore.h"
#include "tests/fixtures/AirflowFixture.h"
#include "tests/fixtures/GitHubFixture.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <csignal>

using namespace warroom;
using namespace warroom::recovery;
using namespace warroom::fixtures;

namespace {

EpochMicros ts(const char *text)
{
    const auto t = parseTimestamp(QString::fromLatin1(text));
    if (!t)
        qFatal("bad test timestamp %s", text);
    return *t;
}

QStringList rfc(const QList<EpochMicros> &dates)
{
    QStringList list;
    for (EpochMicros d : dates)
        list.append(formatRfc3339(d));
    return list;
}

DagInfo dag(const QString &id, const QString &schedule, double priority,
            const QStringList &upstream = {}, const QStringList &tables = {})
{
    DagInfo d;
    d.dagId = id;
    d.schedule = schedule;
    d.priority = priority;
    d.upstreamDags = upstream;
    d.tablesWritten = tables.isEmpty() ? QStringList{QStringLiteral("proj.ds.%1").arg(id)} : tables;
    return d;
}

RecoveryInput input(const QList<DagInfo> &dags, const char *from = "2026-06-05T02:00:00Z",
                    const char *to = "2026-06-05T05:00:00Z")
{
    RecoveryInput in;
    in.windowStart = ts(from);
    in.windowEnd = ts(to);
    in.affectedDags = dags;
    return in;
}

QStringList ids(const RecoveryPlan &plan)
{
    QStringList list;
    for (const RecoveryTask &t : plan.tasks)
        list.append(t.id);
    return list;
}

std::unique_ptr<IncidentStore> memoryStore()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    if (!store)
        qFatal("store: %s", qPrintable(error));
    return store;
}

// A GitHub fixture that can lose the answer to a request it has processed (the client sees a
// 502 or no answer at all) and slow down the n-th create: what a timeout looks like from the
// client while the issue was in fact created.
class FaultyGitHub : public GitHubFixture
{
    Q_OBJECT

public:
    using GitHubFixture::GitHubFixture;

    struct LostAnswer
    {
        QByteArray method;
        QString pathEndsWith;
        int nth = 1;             // counted per (method, path) among processed requests
        FixtureResponse response;
    };
    void loseAnswer(const LostAnswer &lost) { m_lost.append(lost); }
    void delayCreate(int nth, int ms) { m_delayNth = nth; m_delayMs = ms; }
    void delayWrites(int ms) { m_writeDelayMs = ms; }
    int creates() const { return m_creates; }

    // issues per task marker
    QMap<QString, QList<int>> issuesByTask(bool openOnly = false) const
    {
        QMap<QString, QList<int>> map;
        for (const IssueData &issue : issues()) {
            if (openOnly && issue.state != QLatin1String("open"))
                continue;
            const QString id = TaskIssue::taskIdFromBody(issue.body);
            if (!id.isEmpty())
                map[id].append(issue.number);
        }
        return map;
    }

signals:
    void created(int count);

protected:
    FixtureResponse handle(const FixtureRequest &request) override
    {
        FixtureResponse response = GitHubFixture::handle(request);
        const QString key = QString::fromLatin1(request.method) + QLatin1Char(' ')
                            + request.path.section(QLatin1Char('/'), -1);
        const int count = ++m_counts[key];
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/issues"))
            && response.status == 201) {
            ++m_creates;
            if (m_creates == m_delayNth)
                response.delayMs = m_delayMs;
            emit created(m_creates);
        }
        if (request.method != "GET" && m_writeDelayMs > 0 && response.delayMs == 0)
            response.delayMs = m_writeDelayMs;
        for (const LostAnswer &lost : std::as_const(m_lost)) {
            if (request.method == lost.method && request.path.endsWith(lost.pathEndsWith)
                && count == lost.nth)
                return lost.response;
        }
        return response;
    }

private:
    QList<LostAnswer> m_lost;
    QHash<QString, int> m_counts;
    int m_creates = 0;
    int m_delayNth = 0;
    int m_delayMs = 0;
    int m_writeDelayMs = 0;
};

net::RetryPolicy fastRetry()
{
    net::RetryPolicy policy;
    policy.maxRetries = 2;
    policy.baseDelayMs = 100;
    policy.timeScale = 0.01;
    return policy;
}

BoardSyncOptions fastOptions(const QString &workspace = QStringLiteral("bigfoot"))
{
    BoardSyncOptions options;
    options.workspaceName = workspace;
    options.requestTimeoutMs = 1500;
    options.baseBackoffMs = 40;
    options.maxBackoffMs = 400;
    options.writePauseMs = 5;
    options.pollIntervalMs = 0;
    return options;
}

// One War Room: its store, GitHub client, board and sync.
struct Rig
{
    Rig(const QUrl &api, const QString &repo, const QString &storePath = QStringLiteral(":memory:"),
        const BoardSyncOptions &options = fastOptions())
    {
        QString error;
        store = IncidentStore::open(storePath, &error);
        http = std::make_unique<net::HttpClient>();
        http->setRetryPolicy(fastRetry());
        GitHubConfig config;
        config.apiUrl = api.toString();
        config.repo = repo;
        config.token = QStringLiteral("t0ken");
        tracker = std::make_unique<GitHubIssueTracker>(http.get(), config);
        model = std::make_unique<BoardModel>(store.get());
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        sync = std::make_unique<BoardSync>(store.get(), tracker.get(), options);
        sync->setModel(model.get());
    }
    ~Rig()
    {
        sync.reset();
        tracker.reset();
        http.reset();
    }
    bool settled() const { return sync->isIdle() && !sync->isBusy(); }

    std::unique_ptr<IncidentStore> store;
    std::unique_ptr<net::HttpClient> http;
    std::unique_ptr<GitHubIssueTracker> tracker;
    std::unique_ptr<BoardModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<BoardSync> sync;
};

// Four hourly DAGs in a chain plus a side one, over a three-hour outage.
RecoveryPlan samplePlan(int extraDags = 0)
{
    QList<DagInfo> dags{dag(QStringLiteral("ingest"), QStringLiteral("0 * * * *"), 2),
                        dag(QStringLiteral("mart"), QStringLiteral("@hourly"), 8, {QStringLiteral("ingest")}),
                        dag(QStringLiteral("report"), QStringLiteral("30 * * * *"), 4, {QStringLiteral("mart")}),
                        dag(QStringLiteral("side"), QStringLiteral("*/30 * * * *"), 1)};
    for (int i = 0; i < extraDags; ++i)
        dags.append(dag(QStringLiteral("extra_%1").arg(i), QStringLiteral("0 * * * *"), 0.5,
                        {QStringLiteral("mart")}));
    return RecoveryPlanner::plan(input(dags));
}

// An Airflow with DAG "ingest" after an outage: the 02:00 run failed in extract (and so its
// load is upstream_failed), the 03:00 run failed in load after extract succeeded, and the
// 04:00 run never happened. DAG "other" failed at 02:00 too and must not be touched.
void seedOutage(AirflowFixture &airflow)
{
    const auto addRun = [&](const QString &dag, const char *at, const QString &state) {
        AirflowFixture::DagRun run;
        run.dagId = dag;
        run.logicalDate = toDateTime(ts(at));
        run.runId = QStringLiteral("scheduled__") + formatRfc3339(ts(at));
        run.state = state;
        run.startDate = run.logicalDate.addSecs(3600);
        run.endDate = run.startDate.addSecs(600);
        airflow.addRun(run);
        return run.runId;
    };
    const auto addTask = [&](const QString &dag, const QString &run, const QString &task,
                             const QString &state) {
        AirflowFixture::TaskInstance ti;
        ti.dagId = dag;
        ti.runId = run;
        ti.taskId = task;
        ti.state = state;
        airflow.addTask(ti);
    };
    const QString r1 = addRun("ingest", "2026-06-05T01:00:00Z", "success");
    addTask("ingest", r1, "extract", "success");
    const QString r2 = addRun("ingest", "2026-06-05T02:00:00Z", "failed");
    addTask("ingest", r2, "extract", "failed");
    addTask("ingest", r2, "load", "upstream_failed");
    const QString r3 = addRun("ingest", "2026-06-05T03:00:00Z", "failed");
    addTask("ingest", r3, "extract", "success");
    addTask("ingest", r3, "load", "failed");
    const QString o = addRun("other", "2026-06-05T02:00:00Z", "failed");
    addTask("other", o, "extract", "failed");
}

RerunTarget outageTarget()
{
    RerunTarget target;
    target.boardTaskId = QStringLiteral("rerun:ingest");
    target.dagId = QStringLiteral("ingest");
    target.logicalDates = {ts("2026-06-05T02:00:00Z"), ts("2026-06-05T03:00:00Z"),
                           ts("2026-06-05T04:00:00Z")};
    return target;
}

struct Airflow
{
    explicit Airflow(int version)
        : fixture(version)
    {
        if (!fixture.start())
            qFatal("airflow fixture did not start");
        net::RetryPolicy policy;
        policy.maxRetries = 1;
        policy.baseDelayMs = 20;
        policy.timeScale = 0.05;
        http.setRetryPolicy(policy);
        AirflowRerunner::Config config;
        config.apiUrl = fixture.apiUrl().toString();
        config.token = QStringLiteral("s3cret-airflow-token");
        config.timeoutMs = 2000;
        fixture.setToken(config.token);
        rerunner = std::make_unique<AirflowRerunner>(&http, config);
    }

    RerunPreview preview(const RerunTarget &target)
    {
        std::optional<RerunPreview> result;
        rerunner->preview(target, nullptr, [&](const RerunPreview &p) { result = p; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            qFatal("no preview");
        return *result;
    }
    RerunOutcome execute(const RerunPreview &preview)
    {
        std::optional<RerunOutcome> result;
        rerunner->execute(preview, nullptr, [&](const RerunOutcome &o) { result = o; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            qFatal("no outcome");
        return *result;
    }
    TriggerResult trigger(const QString &dag, EpochMicros date)
    {
        std::optional<TriggerResult> result;
        rerunner->triggerRun(dag, date, nullptr, [&](const TriggerResult &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            qFatal("no trigger result");
        return *result;
    }
    QStringList states() const
    {
        QStringList list;
        for (const auto &ti : fixture.taskInstances())
            list.append(ti.dagId + QLatin1Char('/') + ti.runId + QLatin1Char('/') + ti.taskId + QLatin1Char('=') + ti.state);
        for (const auto &run : fixture.runs())
            list.append(run.dagId + QLatin1Char('/') + run.runId + QLatin1Char('=') + run.state);
        return list;
    }

    AirflowFixture fixture;
    net::HttpClient http;
    std::unique_ptr<AirflowRerunner> rerunner;
};

QStringList instanceKeys(const QList<AirflowTaskInstance> &instances)
{
    QStringList keys;
    for (const AirflowTaskInstance &ti : instances)
        keys.append(ti.taskId + QLatin1Char('@') + formatRfc3339(parseTimestamp(ti.logicalDate).value_or(0)));
    return keys;
}

// Runs warroom-cli with the event loop turning (the fixtures live in this process).
int runCli(const QStringList &args, QByteArray *out, const QProcessEnvironment &env,
           int timeoutMs = 120000)
{
    const QString cli = qEnvironmentVariable("WARROOM_BIN_DIR") + QStringLiteral("/warroom-cli");
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cli, args);
    if (!p.waitForStarted())
        return -1;
    if (p.state() != QProcess::NotRunning) {
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return -3;
    }
    if (out)
        *out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (!err.isEmpty())
        qInfo("stderr: %s", err.left(2000).constData());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cron_data();
    void cron();
    void cronErrors_data();
    void cronErrors();
    void startDates_data();
    void startDates();
    void timedeltaFromStartDate();
    void planOrderAndCycles();
    void planUsesAirflowRuns();
    void planOngoingWindowAndSummary();
    void inputFromLineage();
    void mergeKeepsAssignments();
    void boardMovesPersistBeforeModel();
    void progressAndFilters();
    void issueFormat();
    void syncCreatesOneIssuePerTask();
    void syncSurvivesFaults();
    void syncPullsChangesFromGitHub();
    void twoWarRoomsConverge();
    void killInTheMiddleOfSync();
    void cliBoardSyncOnDemo();
    void rerunDryRunChangesNothing_data();
    void rerunDryRunChangesNothing();
    void rerunConfirmClearsAndTriggers_data();
    void rerunConfirmClearsAndTriggers();
    void rerunRefusesWithoutPreview();
    void rerunTriggerConflict();
    void rerunErrors_data();
    void rerunErrors();
    void rerunFixtureValidates();
    void cliRerunOnDemo();
};

void TestRecovery::initTestCase()
{
    qRegisterMetaType<QList<Issue>>();
}

void TestRecovery::cron_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expected");

    // an outage 02:00-05:00 misses the runs started at 02:00, 03:00, 04:00, whose logical
    // dates (data interval starts) are 01:00, 02:00, 03:00
    QTest::newRow("hourly cron, UTC") << "0 * * * *" << "UTC" << "2026-06-05T02:00:00Z"
                                      << "2026-06-05T05:00:00Z"
                                      << QStringList{"2026-06-05T01:00:00Z", "2026-06-05T02:00:00Z",
                                                     "2026-06-05T03:00:00Z"};
    QTest::newRow("@hourly, Asia/Tokyo") << "@hourly" << "Asia/Tokyo" << "2026-06-05T02:00:00Z"
                                         << "2026-06-05T05:00:00Z"
                                         << QStringList{"2026-06-05T01:00:00Z", "2026-06-05T02:00:00Z",
                                                        "2026-06-05T03:00:00Z"};
    // midnight in Tokyo is 15:00Z: the run of 2026-06-05 00:00 JST has logical date 06-04 JST
    QTest::newRow("@daily, Asia/Tokyo midnight inside") << "@daily" << "Asia/Tokyo"
                                                        << "2026-06-04T14:00:00Z" << "2026-06-04T16:00:00Z"
                                                        << QStringList{"2026-06-03T15:00:00Z"};
    QTest::newRow("@daily, Asia/Tokyo midnight outside") << "@daily" << "Asia/Tokyo"
                                                         << "2026-06-04T16:00:00Z" << "2026-06-04T18:00:00Z"
                                                         << QStringList{};
    QTest::newRow("@daily, UTC vs Tokyo window") << "@daily" << "UTC" << "2026-06-04T14:00:00Z"
                                                 << "2026-06-04T16:00:00Z" << QStringList{};
    QTest::newRow("steps and ranges") << "*/15 2-3 * * *" << "UTC" << "2026-06-05T02:00:00Z"
                                      << "2026-06-05T03:00:00Z"
                                      << QStringList{"2026-06-04T03:45:00Z", "2026-06-05T02:00:00Z",
                                                     "2026-06-05T02:15:00Z", "2026-06-05T02:30:00Z"};
    QTest::newRow("list of minutes") << "5,35 1 * * *" << "UTC" << "2026-06-05T01:00:00Z"
                                     << "2026-06-05T01:40:00Z"
                                     << QStringList{"2026-06-04T01:35:00Z", "2026-06-05T01:05:00Z"};
    // Saturday 00:00 to Monday 01:00: only Monday's run is due; it covers Friday
    QTest::newRow("weekday names") << "0 0 * * MON-FRI" << "UTC" << "2026-06-06T00:00:00Z"
                                   << "2026-06-08T01:00:00Z" << QStringList{"2026-06-05T00:00:00Z"};
    // both day fields restricted: the 13th OR a Friday
    QTest::newRow("day-of-month or day-of-week") << "0 12 13 * 5" << "UTC" << "2026-06-05T00:00:00Z"
                                                 << "2026-06-14T00:00:00Z"
                                                 << QStringList{"2026-05-29T12:00:00Z", "2026-06-05T12:00:00Z",
                                                                "2026-06-12T12:00:00Z"};
    QTest::newRow("@monthly") << "@monthly" << "UTC" << "2026-05-31T23:00:00Z"
                              << "2026-06-01T01:00:00Z" << QStringList{"2026-05-01T00:00:00Z"};
    QTest::newRow("sunday as 7") << "0 6 * * 7" << "UTC" << "2026-06-07T00:00:00Z"
                                 << "2026-06-08T00:00:00Z" << QStringList{"2026-05-31T06:00:00Z"};
    // 2026-03-08 02:30 does not exist in New York (DST starts at 02:00)
    QTest::newRow("DST gap skipped") << "30 2 * * *" << "America/New_York" << "2026-03-08T00:00:00Z"
                                     << "2026-03-09T00:00:00Z" << QStringList{};
    // 01:00 EST (06:00Z) then 03:00 EDT (07:00Z): one hour of wall clock never happens
    QTest::newRow("DST start hourly") << "0 * * * *" << "America/New_York" << "2026-03-08T06:00:00Z"
                                      << "2026-03-08T08:00:00Z"
                                      << QStringList{"2026-03-08T05:00:00Z", "2026-03-08T06:00:00Z"};
    QTest::newRow("None") << "None" << "UTC" << "2026-06-05T02:00:00Z" << "2026-06-05T05:00:00Z"
                          << QStringList{};
    QTest::newRow("@once") << "@once" << "UTC" << "2026-06-05T02:00:00Z" << "2026-06-05T05:00:00Z"
                           << QStringList{};
    QTest::newRow("empty window") << "* * * * *" << "UTC" << "2026-06-05T02:00:00Z"
                                  << "2026-06-05T02:00:00Z" << QStringList{};
    // timedelta schedules, without a start_date: every interval from local midnight
    QTest::newRow("timedelta(hours=1)") << "timedelta(hours=1)" << "UTC" << "2026-06-05T02:00:00Z"
                                        << "2026-06-05T05:00:00Z"
                                        << QStringList{"2026-06-05T01:00:00Z", "2026-06-05T02:00:00Z",
                                                       "2026-06-05T03:00:00Z"};
    QTest::newRow("datetime.timedelta(minutes=30)") << "datetime.timedelta(minutes=30)" << "UTC"
                                                    << "2026-06-05T02:00:00Z" << "2026-06-05T03:00:00Z"
                                                    << QStringList{"2026-06-05T01:30:00Z", "2026-06-05T02:00:00Z"};
    QTest::newRow("timedelta(days=1), Asia/Tokyo") << "timedelta(days=1)" << "Asia/Tokyo"
                                                   << "2026-06-04T14:00:00Z" << "2026-06-04T16:00:00Z"
                                                   << QStringList{"2026-06-03T15:00:00Z"};
    QTest::newRow("pendulum.duration(hours=6)") << "pendulum.duration(hours=6)" << "UTC"
                                                << "2026-06-05T00:00:00Z" << "2026-06-05T13:00:00Z"
                                                << QStringList{"2026-06-04T18:00:00Z", "2026-06-05T00:00:00Z",
                                                               "2026-06-05T06:00:00Z"};
}

void TestRecovery::cron()
{
    QFETCH(QString, schedule);
    QFETCH(QString, zone);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expected);
    QString error;
    const QList<EpochMicros> dates = RecoveryPlanner::missedLogicalDates(
        schedule, zone, *parseTimestamp(from), *parseTimestamp(to), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rfc(dates), expected);
}

void TestRecovery::cronErrors_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::newRow("minute out of range") << "61 * * * *";
    QTest::newRow("three fields") << "* * *";
    QTest::newRow("unknown preset") << "@fortnightly";
    QTest::newRow("zero step") << "*/0 * * * *";
    QTest::newRow("reversed range") << "5-1 * * * *";
    QTest::newRow("bad name") << "0 0 * * FUNDAY";
    QTest::newRow("empty list item") << "0,,5 * * * *";
    QTest::newRow("timedelta of a variable") << "timedelta(hours=INTERVAL)";
    QTest::newRow("timedelta of nothing") << "timedelta(0)";
    QTest::newRow("timedelta of months") << "timedelta(months=1)";
}

void TestRecovery::cronErrors()
{
    QFETCH(QString, schedule);
    QString error;
    QVERIFY(!CronSchedule::parse(schedule, &error));
    QVERIFY(!error.isEmpty());
    // the planner reports it and goes on
    const RecoveryPlan plan = RecoveryPlanner::plan(
        input({dag(QStringLiteral("bad"), schedule, 1), dag(QStringLiteral("good"), QStringLiteral("@hourly"), 1)}));
    QCOMPARE(ids(plan), QStringList{QStringLiteral("rerun:good")});
    QVERIFY(plan.diagnostics.join(QLatin1Char('\n')).contains(QLatin1String("bad")));
}

void TestRecovery::startDates_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");   // RFC 3339, empty: not readable
    QTest::addColumn<QString>("zone");

    QTest::newRow("pendulum, tz keyword") << R"(pendulum.datetime(2024, 1, 1, tz="Asia/Tokyo"))"
                                          << "2023-12-31T15:00:00Z" << "Asia/Tokyo";
    QTest::newRow("pendulum, time, single quotes") << "pendulum.datetime(2024, 3, 2, 9, 30, tz='UTC')"
                                                   << "2024-03-02T09:30:00Z" << "UTC";
    QTest::newRow("pendulum without tz is UTC") << "pendulum.datetime(2024, 1, 1)"
                                                << "2024-01-01T00:00:00Z" << "";
    QTest::newRow("keywords") << R"(pendulum.datetime(year=2024, month=6, day=5, tz="Europe/Berlin"))"
                              << "2024-06-04T22:00:00Z" << "Europe/Berlin";
    QTest::newRow("datetime tzinfo pendulum.timezone")
        << R"(datetime(2024, 1, 1, tzinfo=pendulum.timezone("Asia/Tokyo")))" << "2023-12-31T15:00:00Z"
        << "Asia/Tokyo";
    QTest::newRow("datetime.datetime tzinfo ZoneInfo")
        << R"(datetime.datetime(2024, 1, 1, tzinfo=ZoneInfo("America/New_York")))"
        << "2024-01-01T05:00:00Z" << "America/New_York";
    QTest::newRow("datetime tzinfo timezone.utc") << "datetime(2024, 1, 1, tzinfo=timezone.utc)"
                                                  << "2024-01-01T00:00:00Z" << "UTC";
    QTest::newRow("naive datetime: workspace zone") << "datetime(2024, 1, 1)"
                                                    << "2023-12-31T15:00:00Z" << "";
    QTest::newRow("string") << R"("2024-01-01T00:00:00+09:00")" << "2023-12-31T15:00:00Z" << "";
    QTest::newRow("days_ago") << "days_ago(1)" << "" << "";
    QTest::newRow("zone in a variable") << "pendulum.datetime(2024, 1, 1, tz=local_tz)" << "" << "";
    QTest::newRow("bad date") << "pendulum.datetime(2024, 13, 1)" << "" << "";
    QTest::newRow("unknown zone") << R"(pendulum.datetime(2024, 1, 1, tz="Mars/Olympus"))" << "" << "";
}

void TestRecovery::startDates()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    QFETCH(QString, zone);
    const auto start = parseDagStartDate(expression, QStringLiteral("Asia/Tokyo"));
    if (expected.isEmpty()) {
        QVERIFY(!start);
        return;
    }
    QVERIFY(start);
    QCOMPARE(formatRfc3339(start->at), expected);
    QCOMPARE(start->timezone, zone);
}

void TestRecovery::timedeltaFromStartDate()
{
    // every 2 hours from 00:15 Tokyo time: runs start at 15:15Z, 17:15Z, ... in UTC terms
    DagInfo d = dag("every2h", "timedelta(hours=2)", 5);
    const auto start = parseDagStartDate(R"(pendulum.datetime(2024, 1, 1, 0, 15, tz="Asia/Tokyo"))");
    QVERIFY(start);
    d.startDate = start->at;
    d.timezone = start->timezone;
    const RecoveryPlan plan = RecoveryPlanner::plan(input({d}, "2026-06-05T02:00:00Z", "2026-06-05T08:00:00Z"));
    QCOMPARE(plan.tasks.size(), 1);
    // fire times in the window: 03:15Z, 05:15Z, 07:15Z -> logical dates one interval earlier
    QCOMPARE(rfc(plan.tasks.first().logicalDates),
             (QStringList{"2026-06-05T01:15:00Z", "2026-06-05T03:15:00Z", "2026-06-05T05:15:00Z"}));
    QCOMPARE(plan.tasks.first().timezone, QStringLiteral("Asia/Tokyo"));
    QVERIFY2(plan.tasks.first().datesSummary.contains(QLatin1String("10:15")),
             qPrintable(plan.tasks.first().datesSummary)); // local time, one range
    QVERIFY2(!plan.tasks.first().datesSummary.contains(QLatin1Char(',')),
             qPrintable(plan.tasks.first().datesSummary));
    // the same schedule anchored at midnight: other dates
    d.startDate.reset();
    const RecoveryPlan unanchored = RecoveryPlanner::plan(input({d}, "2026-06-05T02:00:00Z", "2026-06-05T08:00:00Z"));
    QCOMPARE(rfc(unanchored.tasks.first().logicalDates),
             (QStringList{"2026-06-05T01:00:00Z", "2026-06-05T03:00:00Z", "2026-06-05T05:00:00Z"}));
}

void TestRecovery::planOrderAndCycles()
{
    const QList<DagInfo> dags{
        dag("ingest", "0 * * * *", 1),
        dag("mart", "0 * * * *", 5, {"ingest"}),
        dag("report", "0 * * * *", 3, {"mart"}),
        dag("side", "0 * * * *", 10),
        dag("once_dag", "@once", 7, {"ingest"}),      // needs no re-run, but passes order on
        dag("after_once", "0 * * * *", 2, {"once_dag"}),
        dag("cycA", "0 * * * *", 4, {"cycB", "mart"}),
        dag("cycB", "0 * * * *", 6, {"cycA"}),
        dag("self", "0 * * * *", 0.5, {"self", "unknown_dag"}),
    };
    const RecoveryPlan plan = RecoveryPlanner::plan(input(dags));
    QCOMPARE(ids(plan), (QStringList{"rerun:side", "rerun:ingest", "rerun:mart", "rerun:cycB",
                                     "rerun:cycA", "rerun:report", "rerun:after_once",
                                     "rerun:self"}));
    QCOMPARE(plan.cycles, (QList<QStringList>{{"rerun:cycA", "rerun:cycB"}}));
    QCOMPARE(plan.task("rerun:cycA")->after, QStringList{"rerun:mart"});
    QVERIFY(plan.task("rerun:cycB")->after.isEmpty());
    QVERIFY(plan.task("rerun:cycA")->onCycle);
    QCOMPARE(plan.task("rerun:after_once")->after, QStringList{"rerun:ingest"});
    QCOMPARE(plan.task("rerun:report")->after, QStringList{"rerun:mart"});
    QVERIFY(plan.task("rerun:self")->after.isEmpty());
    QVERIFY(!plan.task("rerun:once_dag"));
    QVERIFY(plan.skipped.join(QLatin1Char('\n')).contains(QLatin1String("once_dag")));
    // every task comes after everything it waits for
    QHash<QString, int> position;
    for (int i = 0; i < plan.tasks.size(); ++i)
        position.insert(plan.tasks.at(i).id, i);
    for (const RecoveryTask &t : plan.tasks) {
        for (const QString &up : t.after)
            QVERIFY2(position.value(up) < position.value(t.id), qPrintable(t.id));
    }
    QCOMPARE(plan.task("rerun:side")->priorityLevel, QStringLiteral("P1"));
    QCOMPARE(plan.task("rerun:cycB")->priorityLevel, QStringLiteral("P2"));
    QCOMPARE(plan.task("rerun:cycA")->priorityLevel, QStringLiteral("P3"));
    QCOMPARE(plan.task("rerun:ingest")->priorityLevel, QStringLiteral("P4"));
    QCOMPARE(plan.task("rerun:mart")->logicalDates.size(), 3);
    QCOMPARE(plan.task("rerun:mart")->tables, QStringList{"proj.ds.mart"});

    // a big cycle terminates too
    QList<DagInfo> ring;
    for (int i = 0; i < 2000; ++i)
        ring.append(dag(QStringLiteral("r%1").arg(i), "@hourly", i % 7,
                        {QStringLiteral("r%1").arg((i + 1) % 2000)}));
    const RecoveryPlan ringPlan = RecoveryPlanner::plan(input(ring));
    QCOMPARE(ringPlan.tasks.size(), 2000);
    QCOMPARE(ringPlan.cycles.size(), 1);
    QCOMPARE(ringPlan.cycles.first().size(), 2000);
}

void TestRecovery::planUsesAirflowRuns()
{
    RecoveryInput in = input({dag("mart", "0 * * * *", 1), dag("other", "@daily", 1)});
    in.runs = {
        {"mart", ts("2026-06-05T02:00:00Z"), "success", 600.0},
        {"mart", ts("2026-06-04T23:00:00Z"), "success", 1200.0},
        {"mart", ts("2026-06-05T03:00:00Z"), "failed", std::nullopt},
        {"mart", ts("2026-06-04T20:00:00Z"), "failed", std::nullopt}, // long before: ignored
        {"other", ts("2026-06-05T02:10:00Z"), "failed", std::nullopt}, // a manual run that failed
    };
    const RecoveryPlan plan = RecoveryPlanner::plan(in);
    QCOMPARE(rfc(plan.task("rerun:mart")->logicalDates),
             (QStringList{"2026-06-05T01:00:00Z", "2026-06-05T03:00:00Z"}));
    // median of the successful durations (600, 1200 -> 1200 s) times two runs
    QCOMPARE(plan.task("rerun:mart")->estimateMinutes.value_or(-1), 40);
    QCOMPARE(rfc(plan.task("rerun:other")->logicalDates), QStringList{"2026-06-05T02:10:00Z"});

    DagInfo typical = dag("typical", "0 * * * *", 1);
    typical.typicalDurationMinutes = 7;
    QCOMPARE(RecoveryPlanner::plan(input({typical})).tasks.first().estimateMinutes.value_or(-1), 21);
}

void TestRecovery::planOngoingWindowAndSummary()
{
    DagInfo tokyo = dag("tokyo", "0 * * * *", 1);
    tokyo.timezone = QStringLiteral("Asia/Tokyo");
    RecoveryInput in = input({tokyo, dag("daily", "@daily", 1), dag("odd", "0 1,3 * * *", 1)},
                             "2026-06-04T00:30:00Z", "2026-06-04T00:30:00Z");
    in.windowEnd = 0;                                   // ongoing
    in.now = ts("2026-06-06T04:30:00Z");
    const RecoveryPlan plan = RecoveryPlanner::plan(in);
    QCOMPARE(plan.windowEnd, in.now);
    QCOMPARE(plan.task("rerun:tokyo")->logicalDates.size(), 52); // 01:00Z 06-04 .. 04:00Z 06-06
    QCOMPARE(plan.task("rerun:tokyo")->datesSummary, QStringLiteral("2026-06-04 09:00–2026-06-06 12:00 JST"));
    QCOMPARE(plan.task("rerun:daily")->datesSummary, QStringLiteral("2026-06-04, 2026-06-05").replace(", ", "–"));
    // 01:00 and 03:00 daily: the first run due (06-04 01:00) covers 06-03 03:00; one range
    QCOMPARE(plan.task("rerun:odd")->datesSummary,
             QStringLiteral("2026-06-03 03:00–2026-06-06 01:00 UTC"));
    QVERIFY(plan.task("rerun:tokyo")->title.contains(QLatin1String("(52 run")));

    // success runs split the range
    RecoveryInput split = input({dag("h", "0 * * * *", 1)});
    split.runs = {{"h", ts("2026-06-05T02:00:00Z"), "success", std::nullopt}};
    QCOMPARE(RecoveryPlanner::plan(split).tasks.first().datesSummary,
             QStringLiteral("2026-06-05 01:00, 2026-06-05 03:00 UTC"));
}

void TestRecovery::inputFromLineage()
{
    using namespace warroom::lineage;
    LineageGraph graph;
    const auto dagWithTask = [&](const std::string &dagId, const std::string &schedule,
                                 const std::string &task) {
        const NodeId d = graph.addNode(NodeKind::Dag, "dag:" + dagId);
        graph.mutableNode(d).setAttribute("dag_id", dagId);
        if (!schedule.empty())
            graph.mutableNode(d).setAttribute("schedule", schedule);
        const NodeId t = graph.addNode(NodeKind::DagTask, dagId + "." + task);
        graph.mutableNode(t).setAttribute("dag_id", dagId);
        graph.addEdge(d, t, EdgeKind::Contains, SourceDag);
        return t;
    };
    const NodeId load = dagWithTask("ingest", "@hourly", "load");
    const NodeId build = dagWithTask("mart", "0 * * * *", "build");
    const NodeId kpi = dagWithTask("report", "30 * * * *", "kpi");
    const NodeId events = graph.addNode(NodeKind::Table, "p.raw.events");
    const NodeId daily = graph.addNode(NodeKind::Table, "p.mart.daily");
    const NodeId kpiTable = graph.addNode(NodeKind::Table, "p.rep.kpi");
    graph.addEdge(load, events, EdgeKind::Writes, SourceDag);
    graph.addEdge(events, build, EdgeKind::ReadBy, SourceDag);
    graph.addEdge(build, daily, EdgeKind::Writes, SourceDag);
    // report runs a SQL file that reads the mart and writes the KPI table
    const NodeId sql = graph.addNode(NodeKind::SqlFile, "/ws/sql/rep/kpi.sql");
    graph.addEdge(sql, kpi, EdgeKind::RunBy, SourceDag);
    graph.addEdge(daily, sql, EdgeKind::ReadBy, SourceSql);
    graph.addEdge(sql, kpiTable, EdgeKind::Writes, SourceSql);
    graph.addEdge(daily, kpi, EdgeKind::ReadBy, SourceDag);

    QHash<QString, TableUsageFacts> usage{{"p.rep.kpi", {120, 6}}, {"mart.daily", {3, 1}}};
    Diagnostics diagnostics;
    RecoveryInput in = buildRecoveryInputFromGraph(graph, {"dag:ingest", "nosuch.table"},
                                                   ts("2026-06-05T02:00:00Z"), ts("2026-06-05T05:00:00Z"),
                                                   usage, "Asia/Tokyo", &diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QVERIFY(diagnostics.first().message.contains("nosuch.table"));
    QCOMPARE(in.affectedDags.size(), 3);
    QCOMPARE(in.defaultTimezone, QStringLiteral("Asia/Tokyo"));
    QHash<QString, DagInfo> byId;
    for (const DagInfo &d : in.affectedDags)
        byId.insert(d.dagId, d);
    QCOMPARE(byId.value("mart").schedule, QStringLiteral("0 * * * *"));
    QCOMPARE(byId.value("mart").upstreamDags, QStringList{"ingest"});
    QCOMPARE(byId.value("report").upstreamDags, QStringList{"mart"});
    QCOMPARE(byId.value("report").tablesWritten, QStringList{"p.rep.kpi"});
    QCOMPARE(byId.value("ingest").tablesWritten, QStringList{"p.raw.events"});
    QVERIFY(byId.value("report").priority > byId.value("mart").priority);
    QVERIFY(byId.value("mart").priority > 0); // downstream reach and its few readers
    QVERIFY(byId.value("report").priorityExplanation.contains("p.rep.kpi"));

    const RecoveryPlan plan = RecoveryPlanner::plan(in);
    QCOMPARE(ids(plan), (QStringList{"rerun:ingest", "rerun:mart", "rerun:report"}));
    QCOMPARE(plan.task("rerun:report")->after, QStringList{"rerun:mart"});

    // a broken table: only what is downstream of it re-runs
    in = buildRecoveryInputFromGraph(graph, {"raw.events"}, ts("2026-06-05T02:00:00Z"),
                                     ts("2026-06-05T05:00:00Z"), usage, {}, nullptr);
    QStringList dags;
    for (const DagInfo &d : in.affectedDags)
        dags.append(d.dagId);
    QCOMPARE(dags, (QStringList{"mart", "report"}));
}

void TestRecovery::mergeKeepsAssignments()
{
    auto store = memoryStore();
    BoardModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<DagInfo> first{dag("a", "@hourly", 3), dag("b", "@hourly", 2, {"a"}),
                               dag("c", "@hourly", 1), dag("e", "@hourly", 1)};
    QVERIFY(model.applyPlan(RecoveryPlanner::plan(input(first))));
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.assignTasks({"rerun:a"}, "@alice"));
    QVERIFY(model.moveTasks({"rerun:a"}, TaskStatus::Rerunning));
    QVERIFY(model.moveTasks({"rerun:b"}, TaskStatus::Verifying));
    auto c = *store->task("rerun:c");
    c.issueNumber = 7; // mirrored already
    QVERIFY(store->upsertTask(c));
    model.reload();

    // causes changed: a's window grew, b, c and e left the plan, d joined
    const QList<DagInfo> second{dag("a", "@hourly", 3), dag("d", "@hourly", 5, {"a"})};
    QVERIFY(model.applyPlan(RecoveryPlanner::plan(input(second, "2026-06-05T01:00:00Z"))));
    const BoardTask a = *model.task("rerun:a");
    QCOMPARE(a.assignee, QStringLiteral("alice"));
    QCOMPARE(a.status, TaskStatus::Rerunning);
    QCOMPARE(a.logicalDates.size(), 4);
    QVERIFY(!a.obsolete);
    QVERIFY(model.task("rerun:b")->obsolete);          // touched: kept, obsolete
    QCOMPARE(model.task("rerun:b")->status, TaskStatus::Verifying);
    QVERIFY(model.task("rerun:c")->obsolete);          // has an issue: kept, obsolete
    QCOMPARE(model.task("rerun:c")->issueNumber, 7);
    QVERIFY(!model.task("rerun:e"));                   // untouched: gone
    QVERIFY(!store->task("rerun:e"));
    QCOMPARE(model.task("rerun:d")->status, TaskStatus::Todo);
    QCOMPARE(model.task("rerun:d")->after, QStringList{"rerun:a"});
    // live tasks first, in execution order
    QCOMPARE(model.index(0).data(BoardModel::IdRole).toString(), QStringLiteral("rerun:a"));
    QCOMPARE(model.index(1).data(BoardModel::IdRole).toString(), QStringLiteral("rerun:d"));

    // b comes back: not obsolete any more, its status kept
    QVERIFY(model.applyPlan(RecoveryPlanner::plan(input(first))));
    QVERIFY(!model.task("rerun:b")->obsolete);
    QCOMPARE(model.task("rerun:b")->status, TaskStatus::Verifying);
    QCOMPARE(model.task("rerun:a")->assignee, QStringLiteral("alice"));
}

void TestRecovery::boardMovesPersistBeforeModel()
{
    auto store = memoryStore();
    BoardModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOutboxEnabled(true);
    model.setActor(QStringLiteral("alice"));
    QVERIFY(model.applyPlan(samplePlan()));
    const int queuedByPlan = int(store->pendingOutbox().size());
    QCOMPARE(queuedByPlan, 4);

    QString storedStatusWhenModelChanged;
    int outboxWhenModelChanged = -1;
    QString modelStatusWhenQueued;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&] {
        storedStatusWhenModelChanged = store->task("rerun:mart")->status;
        outboxWhenModelChanged = int(store->pendingOutbox().size());
    });
    connect(&model, &BoardModel::outboxEnqueued, this, [&] {
        modelStatusWhenQueued = model.task("rerun:mart")->status == TaskStatus::Rerunning
                                    ? QStringLiteral("rerunning") : QStringLiteral("other");
    });
    const QModelIndex mart = model.index(model.rowOf("rerun:mart"));
    QVERIFY(model.setData(mart, int(TaskStatus::Rerunning), BoardModel::ColumnRole));
    QCOMPARE(storedStatusWhenModelChanged, QStringLiteral("rerunning")); // store first
    QCOMPARE(outboxWhenModelChanged, queuedByPlan);                     // outbox last
    QCOMPARE(modelStatusWhenQueued, QStringLiteral("rerunning"));
    QCOMPARE(store->pendingOutbox().size(), queuedByPlan + 1);
    QCOMPARE(store->pendingOutbox().last().key, QStringLiteral("rerun:mart"));
    QVERIFY(store->task("rerun:mart")->extra.contains("\"dirtyStatus\":true"));
    // the timeline says who did it
    const auto timeline = store->timeline();
    QVERIFY(!timeline.isEmpty());
    QCOMPARE(timeline.last().actor, QStringLiteral("alice"));
    QCOMPARE(timeline.last().ref, QStringLiteral("rerun:mart"));

    // a failing store leaves the model alone
    QVERIFY(!model.setData(mart, 42, BoardModel::ColumnRole));
    QVERIFY(model.setData(mart, QStringLiteral("done"), BoardModel::StatusRole));
    QCOMPARE(model.index(model.rowOf("rerun:mart")).data(BoardModel::StatusRole).toString(),
             QStringLiteral("done"));
    // what BoardModel shows is what a fresh model reads back from the store
    BoardModel reread(store.get());
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int role : {int(BoardModel::IdRole), int(BoardModel::StatusRole),
                         int(BoardModel::AssigneeRole), int(BoardModel::DatesRole)})
            QCOMPARE(reread.index(row).data(role), model.index(row).data(role));
    }
}

void TestRecovery::progressAndFilters()
{
    auto store = memoryStore();
    BoardModel model(store.get());
    model.setClock([] { return ts("2026-06-05T06:00:00Z"); });
    model.setIncidentStart(ts("2026-06-05T02:00:00Z"));
    QVERIFY(model.applyPlan(RecoveryPlanner::plan(input({
        dag("ingest", "@hourly", 6, {}, {"p.raw.events", "p.raw.users"}),
        dag("mart", "@hourly", 3, {"ingest"}, {"p.mart.daily"}),
        dag("report", "@hourly", 1, {"mart"}, {"p.mart.daily", "p.rep.kpi"}),
    }))));
    BoardFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    BoardModel::Progress p = model.progress();
    QCOMPARE(p.tasksTotal, 3);
    QCOMPARE(p.tasksDone, 0);
    QCOMPARE(p.tablesAffected, 4);
    QCOMPARE(p.elapsedSeconds, 4 * 3600);
    QCOMPARE(model.index(model.rowOf("rerun:report")).data(BoardModel::WaitingOnRole).toStringList(),
             QStringList{"rerun:mart"});

    proxy.setBlockedOnly(true); // waiting on upstream or Blocked
    QCOMPARE(proxy.rowCount(), 2);
    QVERIFY(model.moveTasks({"rerun:ingest"}, TaskStatus::Done));
    QCOMPARE(proxy.rowCount(), 1);
    p = model.progress();
    QCOMPARE(p.tasksDone, 1);
    QCOMPARE(p.tablesRestored, 2);
    QCOMPARE(qRound(p.weightedPercent), 60);
    QVERIFY(model.moveTasks({"rerun:mart"}, TaskStatus::Done));
    p = model.progress();
    QCOMPARE(p.tablesRestored, 2); // p.mart.daily waits for report as well
    QCOMPARE(qRound(p.weightedPercent), 90);
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(model.moveTasks({"rerun:report"}, TaskStatus::Blocked));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setBlockedOnly(false);

    proxy.setColumn(int(TaskStatus::Done));
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.index(0, 0).data(BoardModel::IdRole).toString(), QStringLiteral("rerun:ingest"));
    proxy.setColumn(-1);
    QVERIFY(model.assignTasks({"rerun:mart", "rerun:report"}, "bob"));
    proxy.setMine("BOB");
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setMine({});
    proxy.setUnassignedOnly(true);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(BoardModel::DagRole).toString(), QStringLiteral("ingest"));
    proxy.setUnassignedOnly(false);

    // drag payload round trip
    std::unique_ptr<QMimeData> mime(model.mimeData({model.index(0), model.index(2)}));
    QCOMPARE(BoardModel::idsFromMime(mime.get()).size(), 2);
}

void TestRecovery::issueFormat()
{
    const RecoveryPlan plan = samplePlan();
    BoardTask t;
    t.id = plan.tasks.at(1).id;
    const RecoveryTask &p = plan.tasks.at(1);
    t.dagId = p.dagId;
    t.logicalDates = p.logicalDates;
    t.tables = p.tables;
    t.after = p.after;
    t.title = p.title;
    t.datesSummary = p.datesSummary;
    t.priority = p.priority;
    t.priorityLevel = p.priorityLevel;
    t.status = TaskStatus::Verifying;
    const QString body = TaskIssue::body(t, QStringLiteral("bigfoot"));
    QVERIFY(body.contains(TaskIssue::marker(t.id)));
    QCOMPARE(TaskIssue::taskIdFromBody(body), t.id);
    const auto back = TaskIssue::taskFromBody(body);
    QVERIFY(back);
    QCOMPARE(back->dagId, t.dagId);
    QCOMPARE(back->logicalDates, t.logicalDates);
    QCOMPARE(back->after, t.after);
    const QStringList labels = TaskIssue::labels(t, {"recovery", "status:todo", "team:data"}, "recovery");
    QVERIFY(labels.contains("team:data"));
    QVERIFY(labels.contains("status:verifying"));
    QVERIFY(!labels.contains("status:todo"));
    QCOMPARE(labels.count("recovery"), 1);
    Issue issue;
    issue.state = QStringLiteral("open");
    issue.labels = {"recovery", "status:rerunning"};
    QCOMPARE(TaskIssue::statusOf(issue), TaskStatus::Rerunning);
    issue.labels = {"status:done"};
    QCOMPARE(TaskIssue::statusOf(issue), TaskStatus::Verifying); // reopened
    issue.state = QStringLiteral("closed");
    QCOMPARE(TaskIssue::statusOf(issue), TaskStatus::Done);
    issue.state = QStringLiteral("open");
    issue.labels = {"bug"};
    QVERIFY(!TaskIssue::statusOf(issue));
}

void TestRecovery::syncCreatesOneIssuePerTask()
{
    FaultyGitHub github;
    QVERIFY(github.start());
    github.setToken(QStringLiteral("t0ken"));
    github.delayWrites(40); // each write answers late: the next request must wait for it
    Rig rig(github.apiUrl(), github.repo());
    QVERIFY(rig.model->applyPlan(samplePlan()));
    rig.model->assignTasks({"rerun:mart"}, "alice");
    rig.sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled() && rig.sync->allSynced(), 20000);

    const auto byTask = github.issuesByTask();
    QCOMPARE(byTask.size(), 4);
    for (const BoardTask &t : rig.model->tasks()) {
        QCOMPARE(byTask.value(t.id).size(), 1);
        QCOMPARE(byTask.value(t.id).first(), t.issueNumber);
        const auto issue = github.issue(t.issueNumber);
        QCOMPARE(issue.title, t.title);
        QVERIFY(issue.labels.contains("recovery"));
        QVERIFY(issue.labels.contains("status:todo"));
        QVERIFY(issue.labels.contains(TaskIssue::priorityLabel(t.priorityLevel)));
        QVERIFY(rig.model->index(rig.model->rowOf(t.id)).data(BoardModel::SyncedRole).toBool());
    }
    QCOMPARE(github.issue(rig.model->task("rerun:mart")->issueNumber).assignees, QStringList{"alice"});
    // every request carried the documented headers
    for (const FixtureRequest &r : github.requests()) {
        QCOMPARE(r.header("X-GitHub-Api-Version"), QByteArray("2022-11-28"));
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer t0ken"));
    }
    // writes were serialized: nothing was sent while a write's answer was pending
    const auto requests = github.requests();
    for (int i = 0; i + 1 < requests.size(); ++i) {
        if (requests.at(i).method != "GET")
            QVERIFY2(requests.at(i).receivedAt.msecsTo(requests.at(i + 1).receivedAt) >= 39,
                     qPrintable(QString::number(i)));
    }
    // and labels were created before an issue used them
    int firstIssuePost = -1;
    int lastLabelPost = -1;
    for (int i = 0; i < requests.size(); ++i) {
        if (requests.at(i).method == "POST" && requests.at(i).path.endsWith("/issues") && firstIssuePost < 0)
            firstIssuePost = i;
        if (requests.at(i).method == "POST" && requests.at(i).path.endsWith("/labels")
            && requests.at(i).body.contains("status:todo"))
            lastLabelPost = i;
    }
    QVERIFY(lastLabelPost >= 0 && lastLabelPost < firstIssuePost);

    // a move goes to GitHub; a second start writes nothing new
    const auto patches = [&] {
        int n = 0;
        for (const FixtureRequest &r : github.requests())
            n += r.method == "PATCH" ? 1 : 0;
        return n;
    };
    const int patchesBefore = patches();
    QVERIFY(rig.model->moveTasks({"rerun:report"}, TaskStatus::Done));
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    const auto report = github.issue(rig.model->task("rerun:report")->issueNumber);
    QCOMPARE(report.state, QStringLiteral("closed"));
    QVERIFY(report.labels.contains("status:done"));
    QVERIFY(!report.labels.contains("status:todo"));
    QCOMPARE(patches(), patchesBefore + 1); // one PATCH (after creating the status:done label)
    const int writes = github.writeRequests();
    rig.sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    rig.sync->poll();
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    QCOMPARE(github.writeRequests(), writes);
    QVERIFY(rig.sync->lastSyncedAt().isValid());
}

void TestRecovery::syncSurvivesFaults()
{
    FaultyGitHub github;
    QVERIFY(github.start());
    github.setAssignable({"alice", "bob"});
    // label creation: two 500s
    github.injectFault({"/labels", "POST", 2, FixtureResponse::json(QByteArray(R"({"message":"Server Error"})"), 500)});
    // the first create is processed but its answer is lost (502 from a proxy)
    github.loseAnswer({"POST", "/issues", 1, FixtureResponse::json(QByteArray(R"({"message":"Bad Gateway"})"), 502)});
    // the second create is processed and never answered: the client times out
    FixtureResponse hang;
    hang.hang = true;
    github.loseAnswer({"POST", "/issues", 2, hang});
    // the third create attempt hits the secondary rate limit (not processed)
    FixtureResponse secondary = FixtureResponse::json(QByteArray(
        R"({"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"})"), 403);
    secondary.header("retry-after", "2");
    // the list used by findByMarker fails once with 503 then succeeds
    github.injectFault({"/issues", "GET", 1, FixtureResponse::json(QByteArray(R"({"message":"Unavailable"})"), 503)});

    Rig rig(github.apiUrl(), github.repo());
    QVERIFY(rig.model->applyPlan(samplePlan(3)));
    const int taskCount = rig.model->rowCount();
    QCOMPARE(taskCount, 7);
    QVERIFY(rig.model->assignTasks({"rerun:mart"}, "alice"));
    QVERIFY(rig.model->assignTasks({"rerun:report"}, "mallory")); // cannot be assigned: 422
    QSignalSpy backoffs(rig.sync.get(), &BoardSync::backingOff);
    connect(&github, &FaultyGitHub::created, this, [&](int count) {
        if (count == 3)
            github.injectFault({"/issues", "POST", 1, secondary});
    });
    rig.sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled() && rig.sync->allSynced(), 60000);
    QVERIFY(backoffs.count() >= 2);

    // no duplicates, none missing
    const auto byTask = github.issuesByTask();
    QCOMPARE(byTask.size(), taskCount);
    QCOMPARE(github.issues().size(), taskCount);
    for (const BoardTask &t : rig.model->tasks()) {
        QCOMPARE(byTask.value(t.id), QList<int>{t.issueNumber});
    }
    QCOMPARE(github.issue(rig.model->task("rerun:mart")->issueNumber).assignees, QStringList{"alice"});
    // the unassignable login was dropped, the issue exists, the card says why
    const BoardTask report = *rig.model->task("rerun:report");
    QVERIFY(github.issue(report.issueNumber).assignees.isEmpty());
    QVERIFY(report.assignee.isEmpty());
    QVERIFY2(report.syncError.contains("mallory"), qPrintable(report.syncError));
    QVERIFY(!rig.model->index(rig.model->rowOf("rerun:report")).data(BoardModel::SyncErrorRole).toString().isEmpty());

    // the board converges with GitHub after a poll
    rig.sync->poll();
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 20000);
    QCOMPARE(github.issues().size(), taskCount);
    for (const BoardTask &t : rig.model->tasks()) {
        const auto issue = github.issue(t.issueNumber);
        QCOMPARE(issue.state == QLatin1String("closed"), t.isDone());
        QVERIFY(issue.labels.contains(TaskIssue::statusLabel(t.status)));
        QCOMPARE(issue.assignees.value(0), t.assignee);
    }
}

void TestRecovery::syncPullsChangesFromGitHub()
{
    FaultyGitHub github;
    QVERIFY(github.start());
    Rig rig(github.apiUrl(), github.repo());
    QVERIFY(rig.model->applyPlan(samplePlan()));
    rig.sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled() && rig.sync->allSynced(), 20000);
    const int ingest = rig.model->task("rerun:ingest")->issueNumber;
    const int mart = rig.model->task("rerun:mart")->issueNumber;
    const int report = rig.model->task("rerun:report")->issueNumber;
    // people work on GitHub
    github.editIssue(ingest, [](GitHubFixture::IssueData &i) { i.state = "closed"; });
    github.editIssue(mart, [](GitHubFixture::IssueData &i) {
        i.assignees = {"bob"};
        i.labels.removeAll("status:todo");
        i.labels.append("status:rerunning");
        i.labels.append("team:data");
    });
    github.editIssue(report, [](GitHubFixture::IssueData &i) { i.labels.append("status:blocked"); });
    // ... while here someone assigns report: a field GitHub did not change
    QVERIFY(rig.model->assignTasks({"rerun:report"}, "carol"));
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    QSignalSpy polled(rig.sync.get(), &BoardSync::pollFinished);
    rig.sync->poll();
    QTRY_VERIFY_WITH_TIMEOUT(!polled.isEmpty() && rig.settled(), 10000);
    QCOMPARE(polled.first().first().toBool(), true);
    QCOMPARE(rig.model->task("rerun:ingest")->status, TaskStatus::Done);
    QCOMPARE(rig.model->task("rerun:mart")->status, TaskStatus::Rerunning);
    QCOMPARE(rig.model->task("rerun:mart")->assignee, QStringLiteral("bob"));
    QCOMPARE(rig.model->task("rerun:report")->status, TaskStatus::Blocked);
    QCOMPARE(rig.model->task("rerun:report")->assignee, QStringLiteral("carol"));
    // ingest was closed with status:todo still on it: the labels are put in line
    QTRY_VERIFY_WITH_TIMEOUT(github.issue(ingest).labels.contains("status:done"), 10000);
    QVERIFY(!github.issue(ingest).labels.contains("status:todo"));
    // a foreign label survives our writes
    QVERIFY(rig.model->moveTasks({"rerun:mart"}, TaskStatus::Verifying));
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    QVERIFY(github.issue(mart).labels.contains("team:data"));
    QVERIFY(github.issue(mart).labels.contains("status:verifying"));
    QCOMPARE(github.issue(mart).assignees, QStringList{"bob"});
    QCOMPARE(github.issue(report).assignees, QStringList{"carol"});
    // a board with no plan of its own (the manager's) imports the tasks from the issues
    Rig manager(github.apiUrl(), github.repo());
    manager.sync->poll();
    QTRY_VERIFY_WITH_TIMEOUT(manager.settled() && manager.model->rowCount() == 4, 10000);
    for (const BoardTask &t : rig.model->tasks()) {
        const auto m = manager.model->task(t.id);
        QVERIFY(m);
        QCOMPARE(m->status, t.status);
        QCOMPARE(m->assignee, t.assignee);
        QCOMPARE(m->logicalDates, t.logicalDates);
        QCOMPARE(m->order, t.order);
    }
    QCOMPARE(manager.model->index(0).data(BoardModel::IdRole), rig.model->index(0).data(BoardModel::IdRole));
}

void TestRecovery::twoWarRoomsConverge()
{
    FaultyGitHub github;
    QVERIFY(github.start());
    Rig a(github.apiUrl(), github.repo());
    Rig b(github.apiUrl(), github.repo());
    QVERIFY(a.model->applyPlan(samplePlan(2)));
    QVERIFY(b.model->applyPlan(samplePlan(2)));
    QVERIFY(a.model->assignTasks({"rerun:ingest"}, "alice"));
    QVERIFY(b.model->moveTasks({"rerun:side"}, TaskStatus::Rerunning));
    // both start at once: they may race to create the same issue
    a.sync->start();
    b.sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(a.settled() && b.settled(), 30000);
    for (int round = 0; round < 2; ++round) {
        a.sync->poll();
        b.sync->poll();
        QTRY_VERIFY_WITH_TIMEOUT(a.settled() && b.settled(), 30000);
    }
    const int tasks = a.model->rowCount();
    QCOMPARE(b.model->rowCount(), tasks);
    const auto open = github.issuesByTask(/*openOnly=*/true);
    QCOMPARE(open.size(), tasks);
    qInfo("%d issues for %d tasks (duplicates from the race are closed)",
          int(github.issues().size()), tasks);
    for (auto it = open.begin(); it != open.end(); ++it)
        QCOMPARE(it.value().size(), 1);
    for (const BoardTask &t : a.model->tasks()) {
        const BoardTask u = *b.model->task(t.id);
        QCOMPARE(u.issueNumber, t.issueNumber);
        QCOMPARE(open.value(t.id), QList<int>{t.issueNumber});
        QCOMPARE(u.status, t.status);
        QCOMPARE(u.assignee, t.assignee);
    }
    QCOMPARE(a.model->task("rerun:ingest")->assignee, QStringLiteral("alice"));
    QCOMPARE(b.model->task("rerun:ingest")->assignee, QStringLiteral("alice"));
    QCOMPARE(a.model->task("rerun:side")->status, TaskStatus::Rerunning);

    // a move on one board reaches the other on its next poll
    QVERIFY(a.model->moveTasks({"rerun:mart"}, TaskStatus::Done));
    QTRY_VERIFY_WITH_TIMEOUT(a.settled(), 10000);
    b.sync->poll();
    QTRY_VERIFY_WITH_TIMEOUT(b.settled() && b.model->task("rerun:mart")->status == TaskStatus::Done, 10000);
    QCOMPARE(b.model->progress().tasksDone, a.model->progress().tasksDone);
}

void TestRecovery::killInTheMiddleOfSync()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("state.sqlite"));
    {
        QString error;
        auto store = IncidentStore::open(db, &error);
        QVERIFY2(store, qPrintable(error));
        BoardModel model(store.get());
        model.setOutboxEnabled(true);
        QVERIFY(model.applyPlan(samplePlan(2)));
        QCOMPARE(model.rowCount(), 6);
    }
    FaultyGitHub github;
    QVERIFY(github.start());
    github.delayCreate(3, 60000); // the third issue is created, its answer takes a minute
    const QStringList args{QStringLiteral("--sync-child"), db, github.apiUrl().toString(), github.repo()};
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), args);
    QVERIFY(child.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(github.creates() >= 3, 30000);
    child.kill(); // SIGKILL, with the third create done on the server and unknown to the child
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(github.issues().size(), 3);
    {
        QString error;
        auto store = IncidentStore::open(db, &error);
        int mirrored = 0;
        for (const auto &t : store->tasks())
            mirrored += t.issueNumber != 0 ? 1 : 0;
        QCOMPARE(mirrored, 2); // the store never heard of the third
        QVERIFY(!store->pendingOutbox().isEmpty());
    }
    github.delayCreate(0, 0);
    child.start(QCoreApplication::applicationFilePath(), args);
    QVERIFY(child.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 60000);
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    const auto byTask = github.issuesByTask();
    QCOMPARE(byTask.size(), 6);
    QCOMPARE(github.issues().size(), 6);
    QString error;
    auto store = IncidentStore::open(db, &error);
    for (const auto &t : store->tasks())
        QCOMPARE(byTask.value(t.id), QList<int>{t.issueNumber});
    QVERIFY(store->pendingOutbox().isEmpty());
}

void TestRecovery::cliBoardSyncOnDemo()
{
    const QString cli = qEnvironmentVariable("WARROOM_BIN_DIR") + QStringLiteral("/warroom-cli");
    if (!QFileInfo::exists(cli))
        QSKIP("warroom-cli is not built");
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("demo"));
    const auto run = [&](const QStringList &args, QByteArray *out, int timeoutMs = 120000) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WARROOM_GITHUB_TOKEN"), QStringLiteral("t0ken"));
        p.setProcessEnvironment(env);
        p.start(cli, args);
        if (!p.waitForStarted())
            return -1;
        if (p.state() != QProcess::NotRunning) { // the event loop runs: the fixture keeps serving
            QEventLoop loop;
            connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
            return -3;
        }
        if (out)
            *out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        if (!err.isEmpty())
            qInfo("stderr: %s", err.left(2000).constData());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    };
    QCOMPARE(run({"demo", "--out", ws}, nullptr), 0);
    FaultyGitHub github;
    QVERIFY(github.start());
    github.setToken(QStringLiteral("t0ken"));
    github.injectFault({"/issues", "POST", 1, FixtureResponse::json(QByteArray(R"({"message":"oops"})"), 502)});
    QFile yaml(ws + QStringLiteral("/warroom.yaml"));
    QVERIFY(yaml.open(QIODevice::Append));
    yaml.write(QStringLiteral("\ngithub:\n  api_url: %1\n  repo: %2\n  recovery_label: recovery\n")
                   .arg(github.apiUrl().toString(), github.repo()).toUtf8());
    yaml.close();

    QByteArray out;
    QCOMPARE(run({"board", "--workspace", ws, "--sync", "--format", "json"}, &out), 0);
    const QJsonObject doc = QJsonDocument::fromJson(out).object();
    const QJsonArray tasks = doc.value("tasks").toArray();
    QVERIFY(!tasks.isEmpty());
    QSet<QString> seen;
    QSet<int> numbers;
    for (const QJsonValue &v : tasks) {
        const QJsonObject t = v.toObject();
        for (const QJsonValue &a : t.value("after").toArray())
            QVERIFY2(seen.contains(a.toString()), qPrintable(t.value("id").toString())); // order
        seen.insert(t.value("id").toString());
        QVERIFY(t.value("issue").isDouble());
        numbers.insert(t.value("issue").toInt());
        QVERIFY(!t.value("logical_dates").toArray().isEmpty());
        QVERIFY(t.value("dag_id").isString());
    }
    QCOMPARE(numbers.size(), tasks.size());
    QCOMPARE(github.issuesByTask().size(), tasks.size());
    QCOMPARE(github.issues().size(), tasks.size());
    // again: nothing new, same numbers
    QByteArray again;
    QCOMPARE(run({"board", "--workspace", ws, "--sync", "--format", "json"}, &again), 0);
    QCOMPARE(QJsonDocument::fromJson(again).object().value("tasks").toArray(), tasks);
    QCOMPARE(github.issues().size(), tasks.size());
    // bad input: a clear error and a non-zero exit
    QVERIFY(run({"board", "--workspace", ws, "--broken", "no.such_table", "--format", "json"}, nullptr) > 0);
    QVERIFY(run({"board", "--workspace", ws, "--since", "yesterday"}, nullptr) > 0);
}

// The child of killInTheMiddleOfSync: syncs the store at argv[2] to the fixture and exits 0
// when every task has its issue.
static int runSyncChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 5)
        return 2;
    QString error;
    auto store = IncidentStore::open(QString::fromLocal8Bit(argv[2]), &error);
    if (!store)
        return 2;
    net::HttpClient http;
    http.setRetryPolicy(fastRetry());
    GitHubConfig config;
    config.apiUrl = QString::fromLocal8Bit(argv[3]);
    config.repo = QString::fromLocal8Bit(argv[4]);
    GitHubIssueTracker tracker(&http, config);
    BoardSyncOptions options = fastOptions();
    options.requestTimeoutMs = 120000;
    BoardSync sync(store.get(), &tracker, options);
    QObject::connect(&sync, &BoardSync::idle, &app, [&] {
        if (sync.allSynced())
            app.exit(0);
    });
    QTimer::singleShot(45000, &app, [&] { app.exit(3); });
    sync.start();
    return app.exec();
}


// --- Re-run in Airflow -----------------------------------------------------------------------

void TestRecovery::rerunDryRunChangesNothing_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("Airflow 2 (/api/v1)") << 1;
    QTest::newRow("Airflow 3 (/api/v2)") << 2;
}

void TestRecovery::rerunDryRunChangesNothing()
{
    QFETCH(int, version);
    Airflow airflow(version);
    seedOutage(airflow.fixture);
    const QStringList before = airflow.states();
    const RerunPreview preview = airflow.preview(outageTarget());
    QVERIFY2(preview.ok(), qPrintable(preview.error));
    // failed and upstream_failed task instances of ingest in 02:00..04:00; nothing of "other"
    QCOMPARE(instanceKeys(preview.toClear),
             (QStringList{"extract@2026-06-05T02:00:00Z", "load@2026-06-05T02:00:00Z",
                          "load@2026-06-05T03:00:00Z"}));
    for (const AirflowTaskInstance &ti : preview.toClear)
        QCOMPARE(ti.dagId, QStringLiteral("ingest"));
    QCOMPARE(rfc(preview.toTrigger), QStringList{"2026-06-05T04:00:00Z"});
    QCOMPARE(airflow.states(), before);
    QCOMPARE(airflow.fixture.clearCalls(true), 1);
    QCOMPARE(airflow.fixture.clearCalls(false), 0);
    // the body asks for exactly that: a dry run, failed only, no neighbours
    const auto requests = airflow.fixture.requests();
    const auto clear = std::find_if(requests.cbegin(), requests.cend(), [](const FixtureRequest &r) {
        return r.path.endsWith(QLatin1String("/clearTaskInstances"));
    });
    QVERIFY(clear != requests.cend());
    QCOMPARE(clear->method, QByteArray("POST"));
    const QJsonObject body = QJsonDocument::fromJson(clear->body).object();
    QCOMPARE(body.value("dry_run").toBool(false), true);
    QCOMPARE(body.value("only_failed").toBool(false), true);
    QCOMPARE(body.value("include_downstream").toBool(true), false);
    QCOMPARE(body.value("include_upstream").toBool(true), false);
    QCOMPARE(body.value("start_date").toString(), QStringLiteral("2026-06-05T02:00:00Z"));
    QCOMPARE(body.value("end_date").toString(), QStringLiteral("2026-06-05T04:00:00Z"));
    QCOMPARE(clear->header("Authorization"), QByteArray("Bearer s3cret-airflow-token"));
}

void TestRecovery::rerunConfirmClearsAndTriggers_data()
{
    rerunDryRunChangesNothing_data();
}

void TestRecovery::rerunConfirmClearsAndTriggers()
{
    QFETCH(int, version);
    Airflow airflow(version);
    seedOutage(airflow.fixture);
    const RerunPreview preview = airflow.preview(outageTarget());
    QVERIFY2(preview.ok(), qPrintable(preview.error));
    const RerunOutcome outcome = airflow.execute(preview);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QVERIFY(outcome.changedSomething());
    QCOMPARE(instanceKeys(outcome.cleared), instanceKeys(preview.toClear));
    QCOMPARE(outcome.triggeredRunIds, QStringList{"warroom__2026-06-05T04:00:00Z"});
    const AirflowFixture &f = airflow.fixture;
    const QString r2 = QStringLiteral("scheduled__2026-06-05T02:00:00Z");
    const QString r3 = QStringLiteral("scheduled__2026-06-05T03:00:00Z");
    QCOMPARE(f.taskState("ingest", r2, "extract"), QString());
    QCOMPARE(f.taskState("ingest", r2, "load"), QString());
    QCOMPARE(f.taskState("ingest", r3, "extract"), QStringLiteral("success")); // not failed
    QCOMPARE(f.taskState("ingest", r3, "load"), QString());
    QCOMPARE(f.taskState("other", "scheduled__2026-06-05T02:00:00Z", "extract"), QStringLiteral("failed"));
    QCOMPARE(f.run("ingest", r2)->state, QStringLiteral("queued"));
    QCOMPARE(f.run("ingest", "scheduled__2026-06-05T01:00:00Z")->state, QStringLiteral("success"));
    const auto created = f.run("ingest", "warroom__2026-06-05T04:00:00Z");
    QVERIFY(created);
    QCOMPARE(created->state, QStringLiteral("queued"));
    QCOMPARE(created->logicalDate, toDateTime(ts("2026-06-05T04:00:00Z")));
    QCOMPARE(f.clearCalls(false), 1);

    // confirming the same preview again runs nothing twice: nothing failed is left to clear,
    // and the trigger's deterministic run id answers 409, which is reported, not retried
    const int runs = int(f.runs().size());
    const int posts = f.requestCount(QStringLiteral("/dagRuns"));
    const RerunOutcome again = airflow.execute(preview);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(again.cleared.isEmpty());
    QVERIFY(again.triggeredRunIds.isEmpty());
    QCOMPARE(again.existingRunIds, QStringList{"warroom__2026-06-05T04:00:00Z"});
    QCOMPARE(f.runs().size(), runs);
    // one POST answered 409, one GET of the existing run: no second POST
    int postsAfter = 0;
    for (const FixtureRequest &r : f.requests())
        postsAfter += r.method == "POST" && r.path.endsWith(QLatin1String("/dagRuns"));
    QCOMPARE(postsAfter, 2);
    QVERIFY(f.requestCount(QStringLiteral("/dagRuns")) > posts);
}

void TestRecovery::rerunRefusesWithoutPreview()
{
    Airflow airflow(1);
    seedOutage(airflow.fixture);
    RerunPreview failed;
    failed.target = outageTarget();
    failed.error = QStringLiteral("dry run failed");
    failed.toClear.append(AirflowTaskInstance{"ingest", "extract", "r", "2026-06-05T02:00:00Z", {}, -1});
    RerunOutcome outcome = airflow.execute(failed);
    QVERIFY(!outcome.ok());
    RerunPreview empty;
    empty.target = outageTarget();
    outcome = airflow.execute(empty);
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error.contains(QLatin1String("nothing")), qPrintable(outcome.error));
    QCOMPARE(airflow.fixture.requests().size(), 0);
    // a card without dates is not even previewed
    RerunTarget noDates = outageTarget();
    noDates.logicalDates.clear();
    const RerunPreview preview = airflow.preview(noDates);
    QVERIFY(!preview.ok());
    QCOMPARE(airflow.fixture.requests().size(), 0);
}

void TestRecovery::rerunTriggerConflict()
{
    Airflow airflow(1);
    seedOutage(airflow.fixture);
    const EpochMicros five = ts("2026-06-05T05:00:00Z");
    const TriggerResult first = airflow.trigger("ingest", five);
    QVERIFY2(first.ok(), qPrintable(first.error));
    QCOMPARE(first.runId, QStringLiteral("warroom__2026-06-05T05:00:00Z"));
    QCOMPARE(first.state, QStringLiteral("queued"));
    QCOMPARE(airflow.fixture.run("ingest", first.runId)->runType, QStringLiteral("manual"));
    // same id again: 409, reported with the existing run's state
    const TriggerResult second = airflow.trigger("ingest", five);
    QVERIFY(second.conflict);
    QVERIFY(!second.ok());
    QCOMPARE(second.httpStatus, 409);
    QVERIFY2(second.error.contains(QLatin1String("queued")) && second.error.contains(first.runId),
             qPrintable(second.error));
    // a date that has a scheduled run under another id: 409 as well, nothing created
    const int runs = int(airflow.fixture.runs().size());
    const TriggerResult scheduled = airflow.trigger("ingest", ts("2026-06-05T02:00:00Z"));
    QVERIFY(scheduled.conflict);
    QVERIFY2(scheduled.error.contains(QLatin1String("2026-06-05T02:00:00Z")), qPrintable(scheduled.error));
    QCOMPARE(airflow.fixture.runs().size(), runs);
    // unknown DAG: 404 with a hint
    const TriggerResult unknown = airflow.trigger("nope", five);
    QVERIFY(!unknown.conflict);
    QCOMPARE(unknown.httpStatus, 404);
    QVERIFY2(unknown.error.contains(QLatin1String("nope")), qPrintable(unknown.error));
}

void TestRecovery::rerunErrors_data()
{
    QTest::addColumn<QString>("fault");     // what goes wrong
    QTest::addColumn<int>("status");        // the status the result reports
    QTest::addColumn<QString>("mentions");

    QTest::newRow("401 bad token") << "401" << 401 << "WARROOM_AIRFLOW_TOKEN";
    QTest::newRow("403 forbidden") << "403" << 403 << "edit permission";
    QTest::newRow("404 unknown DAG") << "404" << 404 << "Dag id ghost not found";
    QTest::newRow("503 every time") << "503" << 503 << "try again later";
    QTest::newRow("timeout") << "hang" << 0 << "timed out";
    QTest::newRow("malformed JSON") << "json" << 200 << "invalid JSON";
    QTest::newRow("no task_instances") << "shape" << 200 << "task_instances";
}

void TestRecovery::rerunErrors()
{
    QFETCH(QString, fault);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    Airflow airflow(1);
    seedOutage(airflow.fixture);
    RerunTarget target = outageTarget();
    if (fault == QLatin1String("401")) {
        airflow.fixture.setToken(QStringLiteral("another"));
    } else if (fault == QLatin1String("404")) {
        target.dagId = QStringLiteral("ghost");
    } else {
        Fault f;
        f.pathContains = QStringLiteral("/clearTaskInstances");
        f.count = 100;
        if (fault == QLatin1String("403"))
            f.response = FixtureResponse::json(QByteArray(R"({"detail":"Forbidden","status":403,"title":"Forbidden"})"), 403);
        else if (fault == QLatin1String("503"))
            f.response = FixtureResponse::json(QByteArray(R"({"detail":"upstream unavailable"})"), 503);
        else if (fault == QLatin1String("hang"))
            f.response.hang = true;
        else if (fault == QLatin1String("json"))
            f.response = FixtureResponse::json(QByteArray(R"({"task_instances": [)"));
        else
            f.response = FixtureResponse::json(QByteArray(R"({"dag_runs": []})"));
        airflow.fixture.injectFault(f);
    }
    if (fault == QLatin1String("hang")) {
        AirflowRerunner::Config config = airflow.rerunner->config();
        config.timeoutMs = 300;
        airflow.rerunner = std::make_unique<AirflowRerunner>(&airflow.http, config);
    }
    const QStringList before = airflow.states();
    const RerunPreview preview = airflow.preview(target);
    QVERIFY(!preview.ok());
    QCOMPARE(preview.httpStatus, status);
    QVERIFY2(preview.error.contains(mentions), qPrintable(preview.error));
    QVERIFY2(!preview.error.contains(QLatin1String("s3cret")), qPrintable(preview.error));
    QVERIFY(preview.toClear.isEmpty());
    QCOMPARE(airflow.states(), before);
    // and a confirmation of that failed preview still does nothing
    const RerunOutcome outcome = airflow.execute(preview);
    QVERIFY(!outcome.ok());
    QCOMPARE(airflow.fixture.clearCalls(false), 0);
    QCOMPARE(airflow.states(), before);

    // the same faults on the real call, after a good dry run
    if (fault == QLatin1String("401") || fault == QLatin1String("404"))
        return;
    airflow.fixture.clearFaults();
    const RerunPreview good = airflow.preview(outageTarget());
    QVERIFY2(good.ok(), qPrintable(good.error));
    Fault onReal;
    onReal.pathContains = QStringLiteral("/clearTaskInstances");
    onReal.method = "POST";
    onReal.count = 100;
    onReal.response = fault == QLatin1String("hang") ? FixtureResponse{} : FixtureResponse::json(QByteArray(R"({"detail":"boom"})"), 500);
    onReal.response.hang = fault == QLatin1String("hang");
    airflow.fixture.injectFault(onReal);
    const RerunOutcome failed = airflow.execute(good);
    QVERIFY(!failed.ok());
    QVERIFY(failed.triggeredRunIds.isEmpty()); // nothing triggered after a failed clear
    QVERIFY2(failed.error.contains(QLatin1String("may or may not")), qPrintable(failed.error));
    QCOMPARE(airflow.states(), before);
}

void TestRecovery::rerunFixtureValidates()
{
    // the fixture rejects what real Airflow rejects, so a wrong client body cannot pass
    Airflow airflow(1);
    seedOutage(airflow.fixture);
    const auto post = [&](const QString &path, const QByteArray &body) {
        net::HttpRequest request;
        request.url = QUrl(airflow.fixture.apiUrl().toString() + path);
        request.method = "POST";
        request.body = body;
        request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cret-airflow-token")));
        std::optional<net::HttpResponse> response;
        airflow.http.send(request, nullptr, [&](const net::HttpResponse &r) { response = r; });
        if (!QTest::qWaitFor([&] { return response.has_value(); }, 10000))
            qFatal("no answer");
        return *response;
    };
    QCOMPARE(post("/dags/ingest/clearTaskInstances", R"({"dry_run": "yes"})").status, 400);
    QCOMPARE(post("/dags/ingest/clearTaskInstances", R"({"dry_run": true, "colour": 1})").status, 400);
    QCOMPARE(post("/dags/ingest/clearTaskInstances", R"({"start_date": "yesterday"})").status, 400);
    QCOMPARE(post("/dags/ingest/clearTaskInstances",
                  R"({"start_date": "2026-06-05T04:00:00Z", "end_date": "2026-06-05T02:00:00Z"})").status, 400);
    QCOMPARE(post("/dags/ingest/clearTaskInstances", "not json").status, 400);
    QCOMPARE(post("/dags/ingest/dagRuns", R"({"conf": "x"})").status, 400);
    // omitted dry_run means a dry run, as documented: nothing changes
    const QStringList before = airflow.states();
    const net::HttpResponse dry = post("/dags/ingest/clearTaskInstances", "{}");
    QVERIFY2(dry.ok(), qPrintable(dry.error));
    QCOMPARE(dry.json.object().value("task_instances").toArray().size(), 3); // no range: every failed one of ingest
    QCOMPARE(airflow.states(), before);
}


void TestRecovery::cliRerunOnDemo()
{
    const QString cli = qEnvironmentVariable("WARROOM_BIN_DIR") + QStringLiteral("/warroom-cli");
    if (!QFileInfo::exists(cli))
        QSKIP("warroom-cli is not built");
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("demo"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WARROOM_AIRFLOW_TOKEN"), QStringLiteral("airflow-t0ken"));
    QCOMPARE(runCli({"demo", "--out", ws}, nullptr, env), 0);
    AirflowFixture airflow(1);
    QVERIFY(airflow.start());
    airflow.setToken(QStringLiteral("airflow-t0ken"));

    // without airflow.rerun the option is refused
    QByteArray out;
    QVERIFY(runCli({"board", "--workspace", ws, "--rerun", "x"}, &out, env) != 0);
    QVERIFY(runCli({"board", "--workspace", ws, "--confirm"}, &out, env) != 0);
    QFile yaml(ws + QStringLiteral("/warroom.yaml"));
    QVERIFY(yaml.open(QIODevice::Append));
    yaml.write(QStringLiteral("\nairflow:\n  api_url: %1\n  rerun: true\n").arg(airflow.apiUrl().toString()).toUtf8());
    yaml.close();

    QCOMPARE(runCli({"board", "--workspace", ws, "--format", "json"}, &out, env), 0);
    const QJsonObject first = QJsonDocument::fromJson(out).object().value("tasks").toArray().at(0).toObject();
    const QString dagId = first.value("dag_id").toString();
    const QJsonArray dates = first.value("logical_dates").toArray();
    QVERIFY(dates.size() >= 2);
    // the first date ran and failed; the others never ran
    AirflowFixture::DagRun run;
    run.dagId = dagId;
    run.runId = QStringLiteral("scheduled__first");
    run.logicalDate = toDateTime(*parseTimestamp(dates.at(0).toString()));
    airflow.addRun(run);
    AirflowFixture::TaskInstance ti;
    ti.dagId = dagId;
    ti.runId = run.runId;
    ti.taskId = QStringLiteral("load");
    airflow.addTask(ti);

    // the dry run: listed, nothing changed, the card stays where it is
    QCOMPARE(runCli({"board", "--workspace", ws, "--rerun", dagId}, &out, env), 0);
    QJsonObject doc = QJsonDocument::fromJson(out).object();
    QJsonObject rerun = doc.value("rerun").toObject();
    QCOMPARE(rerun.value("dry_run").toBool(), true);
    QCOMPARE(rerun.value("to_clear").toArray().size(), 1);
    QCOMPARE(rerun.value("to_clear").toArray().at(0).toObject().value("task_id").toString(), QStringLiteral("load"));
    QCOMPARE(rerun.value("to_trigger").toArray().size(), dates.size() - 1);
    QCOMPARE(airflow.taskState(dagId, run.runId, "load"), QStringLiteral("failed"));
    QCOMPARE(airflow.runs().size(), 1);
    QCOMPARE(doc.value("tasks").toArray().at(0).toObject().value("status").toString(), QStringLiteral("todo"));

    // confirmed: cleared, triggered, the card re-running
    QCOMPARE(runCli({"board", "--workspace", ws, "--rerun", dagId, "--confirm"}, &out, env), 0);
    doc = QJsonDocument::fromJson(out).object();
    rerun = doc.value("rerun").toObject();
    QCOMPARE(rerun.value("dry_run").toBool(), false);
    QCOMPARE(rerun.value("cleared").toArray().size(), 1);
    QCOMPARE(rerun.value("triggered").toArray().size(), dates.size() - 1);
    QCOMPARE(airflow.taskState(dagId, run.runId, "load"), QString());
    QCOMPARE(airflow.runs().size(), dates.size());
    QCOMPARE(doc.value("tasks").toArray().at(0).toObject().value("status").toString(), QStringLiteral("rerunning"));

    // a wrong token: a clear message and a non-zero exit
    env.insert(QStringLiteral("WARROOM_AIRFLOW_TOKEN"), QStringLiteral("wrong"));
    QVERIFY(runCli({"board", "--workspace", ws, "--rerun", dagId}, &out, env) != 0);
    QVERIFY(QJsonDocument::fromJson(out).object().value("rerun").toObject().value("error").toString().contains(QLatin1String("401")));
}

int main(int argc, char **argv)
{
    if (argc >= 2 && qstrcmp(argv[1], "--sync-child") == 0)
        return runSyncChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
