// The HTTP clients under injected faults from local servers on 127.0.0.1: connection resets
// mid-response, bodies cut off or trickling past the timeouts, truncated JSON, HTML where
// JSON belongs, 200 MB answers (peak memory measured), rate-limit resets and Retry-After
// dates under clock skew, and 5xx answers before a success. Each client - net::HttpClient,
// GitHubClient, the GitHub and Airflow alert sources, the BigQuery client - must end every
// exchange with a clear error naming the URL (or recover by retrying), never crash, hang or
// hold the whole answer in memory.
#include "core/alerts/AirflowAlertSource.h"
#include "core/alerts/GitHubAlertSource.h"
#include "core/github/GitHubClient.h"
#include "core/net/HttpClient.h"
#include "core/usage/BigQueryClient.h"
#include "tests/fixtures/AirflowFixture.h"
#include "tests/fixtures/GitHubFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QtTest>

#include <memory>
#include <optional>

using namespace warroom;
using namespace warroom::fixtures;

namespace {

constexpr bool runningUnderAddressSanitizer()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

enum class Client { Http, GitHubPages, GitHubSource, AirflowSource, BigQuery };

const char *clientName(Client client)
{
    switch (client) {
    case Client::Http:
        return "http";
    case Client::GitHubPages:
        return "github";
    case Client::GitHubSource:
        return "github-alerts";
    case Client::AirflowSource:
        return "airflow-alerts";
    case Client::BigQuery:
        return "bigquery";
    }
    return "?";
}

// A plain JSON service for HttpClient, and BigQuery's jobs.query / getQueryResults as
// documented (the job is still running after jobs.query; getQueryResults has the rows).
class ScriptedServer : public FixtureServer
{
public:
    using FixtureServer::FixtureServer;

protected:
    FixtureResponse handle(const FixtureRequest &request) override
    {
        if (request.path == QLatin1String("/data"))
            return FixtureResponse::json(QByteArray(R"({"ok":true,"items":[1,2,3]})"));
        const QByteArray job
            = R"("jobReference":{"projectId":"p","jobId":"job_1","location":"US"})";
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/queries")))
            return FixtureResponse::json("{\"kind\":\"bigquery#queryResponse\"," + job
                                         + ",\"jobComplete\":false}");
        if (request.method == "GET" && request.path.contains(QLatin1String("/queries/job_1")))
            return FixtureResponse::json(
                "{\"kind\":\"bigquery#getQueryResultsResponse\"," + job
                + R"(,"jobComplete":true,"totalRows":"1","schema":{"fields":[)"
                  R"({"name":"table_name","type":"STRING","mode":"NULLABLE"},)"
                  R"({"name":"reference_count","type":"INTEGER","mode":"NULLABLE"}]},)"
                  R"("rows":[{"f":[{"v":"mart.orders"},{"v":"42"}]}]})");
        return FixtureResponse::json(QByteArray(R"({"message":"Not Found"})"), 404);
    }
};

// One server per client kind, with the path a fault is injected on.
struct Harness
{
    std::unique_ptr<FixtureServer> server;
    QString faultPath; // requests whose path contains this get the fault
    QByteArray faultMethod;
    QString urlPart; // what the error must name besides host:port
};

Harness makeHarness(Client client)
{
    Harness h;
    switch (client) {
    case Client::Http:
        h.server = std::make_unique<ScriptedServer>();
        h.faultPath = h.urlPart = QStringLiteral("/data");
        break;
    case Client::GitHubPages:
    case Client::GitHubSource: {
        auto github = std::make_unique<GitHubFixture>();
        for (int i = 1; i <= 3; ++i) {
            GitHubFixture::IssueData issue;
            issue.title = QStringLiteral("DAG orders_%1 failed").arg(i);
            issue.labels = {QStringLiteral("alert")};
            github->addIssue(issue);
        }
        h.server = std::move(github);
        h.faultPath = h.urlPart = QStringLiteral("/repos/acme/warehouse/issues");
        break;
    }
    case Client::AirflowSource: {
        auto airflow = std::make_unique<AirflowFixture>(1);
        const QDateTime ended = airflow->serverNow().addSecs(-3600);
        airflow->addRun({QStringLiteral("orders_daily"), QStringLiteral("scheduled__1"),
                         QStringLiteral("failed"), QStringLiteral("scheduled"),
                         ended.addSecs(-7200), ended.addSecs(-600), ended});
        airflow->addTask({QStringLiteral("orders_daily"), QStringLiteral("scheduled__1"),
                          QStringLiteral("load_orders")});
        h.server = std::move(airflow);
        h.faultPath = h.urlPart = QStringLiteral("/api/v1/dags/~/dagRuns");
        break;
    }
    case Client::BigQuery:
        h.server = std::make_unique<ScriptedServer>();
        h.faultPath = h.urlPart = QStringLiteral("/bigquery/v2/projects/p/queries");
        break;
    }
    return h;
}

struct Limits
{
    int transferTimeoutMs = 30000;
    int totalTimeoutMs = 120000;
    int maxRetries = 1;
    int baseDelayMs = 100;
};

struct Outcome
{
    bool ok = false;
    bool finished = false; // false: the client never answered (a hang)
    QString error;
    int attempts = -1; // where the client reports it
    int items = 0;     // rows, issues or alerts received
    qint64 elapsedMs = 0;
};

net::RetryPolicy policyFor(const Limits &limits, double timeScale = 1.0)
{
    net::RetryPolicy policy;
    policy.maxRetries = limits.maxRetries;
    policy.baseDelayMs = limits.baseDelayMs;
    policy.maxDelayMs = 1000;
    policy.secondaryLimitWaitMs = 1000;
    policy.timeScale = timeScale;
    return policy;
}

// Waits for `done` to become true, for at most `ms` (a hang shows up as finished == false).
bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

constexpr int kHangMs = 30000;

Outcome runClient(Client client, Harness &h, const Limits &limits)
{
    Outcome out;
    QElapsedTimer clock;
    clock.start();
    const QString base = h.server->baseUrl().toString();
    GitHubConfig github;
    github.apiUrl = base;
    github.repo = QStringLiteral("acme/warehouse");
    github.transferTimeoutMs = limits.transferTimeoutMs;
    github.totalTimeoutMs = limits.totalTimeoutMs;

    switch (client) {
    case Client::Http: {
        net::HttpClient http;
        http.setRetryPolicy(policyFor(limits));
        net::HttpRequest request;
        request.url = QUrl(base + QStringLiteral("/data"));
        request.transferTimeoutMs = limits.transferTimeoutMs;
        request.totalTimeoutMs = limits.totalTimeoutMs;
        std::optional<net::HttpResponse> response;
        http.send(request, &http, [&](const net::HttpResponse &r) { response = r; });
        out.finished = waitFor([&] { return response.has_value(); }, kHangMs);
        if (response) {
            out.ok = response->ok();
            out.error = response->error;
            out.attempts = response->attempts;
            out.items = int(response->json.object().value(QLatin1String("items")).toArray().size());
        }
        break;
    }
    case Client::GitHubPages: {
        net::HttpClient http;
        http.setRetryPolicy(policyFor(limits));
        GitHubClient gh(&http, github);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("labels"), QStringLiteral("alert"));
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("all"));
        std::optional<GitHubClient::PagedResult> result;
        gh.getAllPages(gh.url(QStringLiteral("/repos/{repo}/issues"), query), &gh,
                       [&](const GitHubClient::PagedResult &r) { result = r; });
        out.finished = waitFor([&] { return result.has_value(); }, kHangMs);
        if (result) {
            out.ok = result->error.isEmpty();
            out.error = result->error;
            out.items = int(result->items.size());
        }
        break;
    }
    case Client::GitHubSource:
    case Client::AirflowSource: {
        net::HttpClient http;
        http.setRetryPolicy(policyFor(limits));
        std::unique_ptr<AlertSource> source;
        if (client == Client::GitHubSource) {
            source = std::make_unique<GitHubAlertSource>(&http, github,
                                                         QStringList{QStringLiteral("alert")});
        } else {
            AirflowConfig airflow;
            airflow.apiUrl = static_cast<AirflowFixture *>(h.server.get())->apiUrl().toString();
            airflow.transferTimeoutMs = limits.transferTimeoutMs;
            airflow.totalTimeoutMs = limits.totalTimeoutMs;
            source = std::make_unique<AirflowAlertSource>(&http, airflow);
        }
        QSignalSpy finished(source.get(), &AlertSource::pollFinished);
        QSignalSpy alerts(source.get(), &AlertSource::alertsReceived);
        source->pollNow();
        out.finished = waitFor([&] { return !finished.isEmpty(); }, kHangMs);
        if (out.finished) {
            out.ok = finished.first().at(0).toBool();
            out.error = out.ok ? QString() : source->health().lastErrorText;
            for (const auto &args : std::as_const(alerts))
                out.items += int(args.at(0).value<QList<Alert>>().size());
        }
        break;
    }
    case Client::BigQuery: {
        QNetworkAccessManager network;
        usage::BigQueryClient bq(&network);
        bq.setBaseUrl(QUrl(base + QStringLiteral("/bigquery/v2")));
        bq.setAccessToken(QStringLiteral("ya29.test-token"));
        bq.setTransferTimeoutMs(limits.transferTimeoutMs);
        bq.setCallTimeoutMs(limits.totalTimeoutMs);
        bq.setMaxRetries(limits.maxRetries);
        bq.setRetryDelayMs(limits.baseDelayMs);
        QSignalSpy finished(&bq, &usage::BigQueryClient::finished);
        QSignalSpy failed(&bq, &usage::BigQueryClient::failed);
        bq.query(QStringLiteral("p"), QStringLiteral("SELECT 1"));
        out.finished = waitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kHangMs);
        if (!finished.isEmpty()) {
            out.ok = true;
            out.items = int(finished.first().at(0).value<usage::BigQueryResult>().rows.size());
        } else if (!failed.isEmpty()) {
            out.error = failed.first().at(0).value<usage::BigQueryError>().toString();
        }
        break;
    }
    }
    out.elapsedMs = clock.elapsed();
    return out;
}

// What a healthy exchange yields per client.
int expectedItems(Client client)
{
    switch (client) {
    case Client::Http:
        return 3;
    case Client::GitHubPages:
        return 3;
    case Client::GitHubSource:
        return 3;
    case Client::AirflowSource:
        return 1;
    case Client::BigQuery:
        return 1;
    }
    return 0;
}

FixtureResponse jsonHead(int status = 200)
{
    FixtureResponse r;
    r.status = status;
    r.header("Content-Type", "application/json; charset=utf-8");
    return r;
}

// The transport faults, by name. `size` bodies are JSON-shaped so a client that accepted the
// cut-off part would have something plausible in hand.
FixtureResponse fault(const QString &name)
{
    const QByteArray array = "[" + QByteArray(8000, ' ') + "{}]";
    FixtureResponse r = jsonHead();
    if (name == QLatin1String("reset mid-body")) {
        r.body = array;
        r.cutAfterBytes = 4000;
        r.cut = FixtureResponse::Cut::Reset;
    } else if (name == QLatin1String("reset after headers")) {
        r.body = array;
        r.cutAfterBytes = 0;
        r.cut = FixtureResponse::Cut::Reset;
    } else if (name == QLatin1String("closed mid-body")) {
        r.body = array;
        r.cutAfterBytes = 4000;
        r.cut = FixtureResponse::Cut::Close;
    } else if (name == QLatin1String("no answer")) {
        r.hang = true;
    } else if (name == QLatin1String("stalled body")) {
        r.body = "[";
        r.generatedBytes = 100000;
        r.trickleIntervalMs = 60000;
    } else if (name == QLatin1String("trickling body")) {
        r.body = "[";
        r.generatedBytes = 10 * 1024 * 1024;
        r.trickleIntervalMs = 40;
        r.trickleBytes = 8;
    } else if (name == QLatin1String("truncated JSON")) {
        r.body = "[{\"number\": 1, \"title\": \"DAG orders_daily fai"; // cut, quote open
    } else if (name == QLatin1String("HTML error page with 200")) {
        r = FixtureResponse();
        r.header("Content-Type", "text/html; charset=utf-8");
        r.body = "<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>";
    } else if (name == QLatin1String("HTML labelled JSON")) {
        r.body = "<html><body>502 Bad Gateway</body></html>";
    } else if (name == QLatin1String("HTTP 503")) {
        r = FixtureResponse::json(QByteArray(R"({"message":"Service Unavailable"})"), 503);
    } else if (name == QLatin1String("HTTP 502 with Retry-After date")) {
        r = FixtureResponse::json(QByteArray(R"({"message":"Bad Gateway"})"), 502);
        r.header("Retry-After",
                 FixtureServer::httpDate(QDateTime::currentDateTimeUtc().addSecs(-5)));
    }
    return r;
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so the next peak is this test's own.
bool resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

QByteArray expand(const QByteArray &spec, const FixtureServer &server)
{
    // "S+3": epoch seconds 3 s after the server's now; "D+3": that as an HTTP date;
    // "L+3": an HTTP date 3 s after *our* clock.
    if (spec.size() < 2 || !(spec[0] == 'S' || spec[0] == 'D' || spec[0] == 'L')
        || !(spec[1] == '+' || spec[1] == '-'))
        return spec;
    const qint64 offset = spec.mid(1).toLongLong();
    const QDateTime at
        = (spec[0] == 'L' ? QDateTime::currentDateTimeUtc() : server.serverNow()).addSecs(offset);
    return spec[0] == 'S' ? QByteArray::number(at.toSecsSinceEpoch()) : FixtureServer::httpDate(at);
}

} // namespace

Q_DECLARE_METATYPE(Client)

class tst_HttpFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void faultsEndInClearErrors_data();
    void faultsEndInClearErrors();
    void oneFaultThenSuccess_data();
    void oneFaultThenSuccess();
    void backoffGrowsBetweenServerErrors();
    void hugeResponseBoundedMemory_data();
    void hugeResponseBoundedMemory();
    void rateLimitClockSkew_data();
    void rateLimitClockSkew();
    void sourcesWaitForFarResets_data();
    void sourcesWaitForFarResets();
    void compressedBodyIsNotCutOff();
    void decompressionBombBoundedMemory_data();
    void decompressionBombBoundedMemory();
    void gitHubTimeoutsConfigurable();
};

void tst_HttpFaults::initTestCase()
{
    qRegisterMetaType<QList<Alert>>();
}

void tst_HttpFaults::faultsEndInClearErrors_data()
{
    QTest::addColumn<Client>("client");
    QTest::addColumn<QString>("faultName");
    QTest::addColumn<QString>("expected"); // a regular expression the error must match
    QTest::addColumn<bool>("retried");     // transport faults are retried, content errors not
    const struct
    {
        const char *name;
        const char *expected;
        bool retried;
    } faults[] = {
        {"reset mid-body", "cut off after \\d+ bytes", true},
        {"reset after headers", "cut off after \\d+ bytes", true},
        {"closed mid-body", "cut off after \\d+ bytes", true},
        {"no answer", "no data for 300 ms", true},
        {"stalled body", "no data for 300 ms", true},
        {"trickling body", "timed out after 1200 ms|no complete answer within 1200 ms", true},
        {"truncated JSON", "invalid JSON at offset \\d+|not a JSON object", false},
        {"HTML error page with 200", "Content-Type 'text/html", false},
        {"HTML labelled JSON", "invalid JSON at offset \\d+|not a JSON object", false},
    };
    for (Client client : {Client::Http, Client::GitHubPages, Client::GitHubSource,
                          Client::AirflowSource, Client::BigQuery}) {
        for (const auto &f : faults) {
            QTest::addRow("%s/%s", clientName(client), f.name)
                << client << QString::fromLatin1(f.name) << QString::fromLatin1(f.expected)
                << f.retried;
        }
    }
}

void tst_HttpFaults::faultsEndInClearErrors()
{
    QFETCH(Client, client);
    QFETCH(QString, faultName);
    QFETCH(QString, expected);
    QFETCH(bool, retried);
    Harness h = makeHarness(client);
    QVERIFY(h.server->start());
    h.server->injectFault({h.faultPath, h.faultMethod, 100, fault(faultName)});
    Limits limits;
    limits.transferTimeoutMs = 300;
    limits.totalTimeoutMs = 1200;
    const Outcome out = runClient(client, h, limits);
    QVERIFY2(out.finished, "the client never answered");
    QVERIFY2(!out.ok, "a faulty answer was taken for a good one");
    QVERIFY2(QRegularExpression(expected).match(out.error).hasMatch(), qPrintable(out.error));
    // The error names the URL: host, port and path.
    const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(h.server->port());
    QVERIFY2(out.error.contains(hostPort) && out.error.contains(h.urlPart), qPrintable(out.error));
    QVERIFY2(!out.error.contains(QLatin1String("test-token")), qPrintable(out.error));
    const int faulted = h.server->requestCount(h.faultPath);
    // BigQuery never repeats jobs.query (a second job), so only HTTP-level retries there.
    const bool postOnly = client == Client::BigQuery;
    QCOMPARE(faulted, retried && !postOnly ? 1 + limits.maxRetries : 1);
    if (out.attempts >= 0)
        QCOMPARE(out.attempts, faulted);
    // Bounded: attempts × the total timeout plus backoff, never the fault's own pace.
    QVERIFY2(out.elapsedMs < 2 * (limits.totalTimeoutMs + 1000),
             qPrintable(QString::number(out.elapsedMs)));
    qInfo("%s: %s in %lld ms", clientName(client), qPrintable(out.error), out.elapsedMs);

    // The same client kind recovers as soon as the server does (no stuck state).
    h.server->clearFaults();
    const Outcome again = runClient(client, h, limits);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.items, expectedItems(client));
}

void tst_HttpFaults::oneFaultThenSuccess_data()
{
    QTest::addColumn<Client>("client");
    QTest::addColumn<QString>("faultName");
    for (Client client : {Client::Http, Client::GitHubPages, Client::GitHubSource,
                          Client::AirflowSource, Client::BigQuery}) {
        for (const char *name : {"reset mid-body", "closed mid-body", "stalled body", "HTTP 503",
                                 "HTTP 502 with Retry-After date"}) {
            QTest::addRow("%s/%s", clientName(client), name) << client << QString::fromLatin1(name);
        }
    }
}

void tst_HttpFaults::oneFaultThenSuccess()
{
    QFETCH(Client, client);
    QFETCH(QString, faultName);
    Harness h = makeHarness(client);
    QVERIFY(h.server->start());
    // BigQuery: the fault hits getQueryResults, which is safe to ask again (jobs.query is not).
    const QByteArray method = client == Client::BigQuery ? QByteArray("GET") : QByteArray();
    h.server->injectFault({h.faultPath, method, 1, fault(faultName)});
    Limits limits;
    limits.transferTimeoutMs = 300;
    limits.totalTimeoutMs = 2000;
    limits.maxRetries = 2;
    const Outcome out = runClient(client, h, limits);
    QVERIFY2(out.finished, "the client never answered");
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.items, expectedItems(client));
    if (out.attempts >= 0)
        QCOMPARE(out.attempts, 2);
    QCOMPARE(h.server->requestCount(h.faultPath), client == Client::BigQuery ? 3 : 2);
}

void tst_HttpFaults::backoffGrowsBetweenServerErrors()
{
    ScriptedServer server;
    QVERIFY(server.start());
    server.injectFault({QStringLiteral("/data"), {}, 3, fault(QStringLiteral("HTTP 503"))});
    net::HttpClient http;
    Limits limits;
    limits.maxRetries = 3;
    limits.baseDelayMs = 100;
    http.setRetryPolicy(policyFor(limits));
    QSignalSpy waiting(&http, &net::HttpClient::waiting);
    net::HttpRequest request;
    request.url = QUrl(server.baseUrl().toString() + QStringLiteral("/data"));
    std::optional<net::HttpResponse> response;
    QElapsedTimer clock;
    clock.start();
    http.send(request, &http, [&](const net::HttpResponse &r) { response = r; });
    QVERIFY(waitFor([&] { return response.has_value(); }, kHangMs));
    QVERIFY2(response->ok(), qPrintable(response->error));
    QCOMPARE(response->attempts, 4);
    QCOMPARE(waiting.count(), 3);
    qint64 sum = 0;
    for (int i = 0; i < 3; ++i) {
        // "equal jitter": between half and all of base × 2^i
        const qint64 full = qint64(limits.baseDelayMs) << i;
        const qint64 ms = waiting.at(i).at(2).toLongLong();
        QVERIFY2(ms >= full / 2 && ms <= full,
                 qPrintable(QStringLiteral("wait %1: %2 ms").arg(i).arg(ms)));
        QCOMPARE(waiting.at(i).at(1).toString(), QStringLiteral("HTTP 503"));
        sum += ms;
    }
    QCOMPARE(response->waitedMs, sum);
    QVERIFY(clock.elapsed() >= sum * 9 / 10); // coarse timers may fire up to 5% early
}

void tst_HttpFaults::hugeResponseBoundedMemory_data()
{
    QTest::addColumn<Client>("client");
    QTest::addColumn<bool>("advertised");
    QTest::newRow("http/advertised 200 MB") << Client::Http << true;
    QTest::newRow("http/streamed 200 MB") << Client::Http << false;
    QTest::newRow("github/streamed 200 MB") << Client::GitHubPages << false;
    QTest::newRow("airflow-alerts/streamed 200 MB") << Client::AirflowSource << false;
    QTest::newRow("bigquery/advertised 200 MB") << Client::BigQuery << true;
    QTest::newRow("bigquery/streamed 200 MB") << Client::BigQuery << false;
}

void tst_HttpFaults::hugeResponseBoundedMemory()
{
    QFETCH(Client, client);
    QFETCH(bool, advertised);
    constexpr qint64 huge = 200LL * 1024 * 1024;
    Harness h = makeHarness(client);
    QVERIFY(h.server->start());
    FixtureResponse r = jsonHead();
    r.body = "[";
    r.generatedBytes = huge;
    r.advertiseLength = advertised;
    h.server->injectFault({h.faultPath, {}, 1, r});
    if (!resetPeakRss())
        QSKIP("/proc/self/clear_refs is not writable: peak RSS cannot be measured");
    const qint64 rssBeforeKb = statusKb("VmRSS:");
    Limits limits;
    limits.maxRetries = 0;
    const Outcome out = runClient(client, h, limits);
    const qint64 peakKb = statusKb("VmHWM:");
    QVERIFY2(out.finished, "the client never answered");
    QVERIFY(!out.ok);
    QVERIFY2(
        QRegularExpression(QStringLiteral("larger than \\d+ bytes")).match(out.error).hasMatch(),
        qPrintable(out.error));
    QVERIFY2(out.error.contains(h.urlPart), qPrintable(out.error));
    const qint64 cap = client == Client::BigQuery ? usage::BigQueryClient::kDefaultMaxResponseBytes
                                                  : net::HttpRequest().maxBodyBytes;
    const qint64 deltaMb = (peakKb - rssBeforeKb) / 1024;
    qInfo("%s, %s: %lld MB sent of %lld MB, peak RSS +%lld MB (cap %lld MB), %lld ms: %s",
          clientName(client), advertised ? "Content-Length advertised" : "streamed without length",
          h.server->bodyBytesWritten() >> 20, huge >> 20, deltaMb, cap >> 20, out.elapsedMs,
          qPrintable(out.error));
    // The client stopped reading near its cap, and never held much more than the cap. Under
    // AddressSanitizer freed blocks sit in its quarantine (256 MB), so RSS says nothing about
    // what the client holds: there the bytes sent (below) are the measure.
    if (!runningUnderAddressSanitizer())
        QVERIFY2(deltaMb < 2 * (cap >> 20) + 32, qPrintable(QString::number(deltaMb)));
    QVERIFY(h.server->bodyBytesWritten() < huge / 2);
    if (advertised)
        QVERIFY2(h.server->bodyBytesWritten() < cap, "an advertised oversize body was read anyway");
}

void tst_HttpFaults::rateLimitClockSkew_data()
{
    QTest::addColumn<qint64>("skew"); // the server's clock minus ours, seconds
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reset"); // x-ratelimit-reset (with remaining 0)
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("date"); // the Date header; empty: the server's clock
    QTest::addColumn<bool>("recovers");
    QTest::addColumn<qint64>("minWait"); // the wait announced, on the server's clock
    QTest::addColumn<qint64>("maxWait");

    const QByteArray none;
    // x-ratelimit-reset is epoch seconds on the server's clock: the wait is computed from
    // the server's Date, so our clock's skew does not matter. (+1 s margin, +10% jitter.)
    QTest::newRow("reset already past") << qint64(0) << 403 << QByteArray("S-30") << none << none
                                        << true << qint64(1000) << qint64(1100);
    // (A wait computed on our clock would be 1000 ms behind a slow server, an hour ahead.)
    QTest::newRow("server 1 h behind, reset in 3 s")
        << qint64(-3600) << 403 << QByteArray("S+3") << none << none << true << qint64(1900)
        << qint64(4400);
    QTest::newRow("server 1 h ahead, reset in 3 s")
        << qint64(3600) << 403 << QByteArray("S+3") << none << none << true << qint64(1900)
        << qint64(4400);
    QTest::newRow("reset in the year 2100") << qint64(0) << 403 << QByteArray("4102444800") << none
                                            << none << false << qint64(0) << qint64(0);
    QTest::newRow("reset unparseable") << qint64(0) << 403 << QByteArray("soon") << none << none
                                       << true << qint64(1000) << qint64(1100);
    QTest::newRow("reset negative") << qint64(0) << 403 << QByteArray("-5") << none << none << true
                                    << qint64(1000) << qint64(1100);
    // Retry-After as an HTTP date, also relative to the server's Date.
    QTest::newRow("Retry-After date, server 1 h ahead")
        << qint64(3600) << 429 << none << QByteArray("D+3") << none << true << qint64(1000)
        << qint64(3300);
    QTest::newRow("Retry-After date, server 1 h behind")
        << qint64(-3600) << 429 << none << QByteArray("D+3") << none << true << qint64(1000)
        << qint64(3300);
    QTest::newRow("Retry-After date in the past") << qint64(0) << 429 << none << QByteArray("D-60")
                                                  << none << true << qint64(0) << qint64(10);
    QTest::newRow("Retry-After date, Date header garbage")
        << qint64(0) << 429 << none << QByteArray("L+3") << QByteArray("yesterday") << true
        << qint64(1000) << qint64(3300);
    QTest::newRow("Retry-After 30 years") << qint64(0) << 429 << none << QByteArray("999999999")
                                          << none << false << qint64(0) << qint64(0);
    QTest::newRow("Retry-After negative")
        << qint64(0) << 429 << none << QByteArray("-5") << none << true << qint64(0) << qint64(10);
    QTest::newRow("Retry-After garbage") << qint64(0) << 429 << none << QByteArray("tomorrow")
                                         << none << true << qint64(1000) << qint64(1100);
}

void tst_HttpFaults::rateLimitClockSkew()
{
    QFETCH(qint64, skew);
    QFETCH(int, status);
    QFETCH(QByteArray, reset);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, date);
    QFETCH(bool, recovers);
    QFETCH(qint64, minWait);
    QFETCH(qint64, maxWait);

    ScriptedServer server;
    QVERIFY(server.start());
    server.setClockSkewSeconds(skew);
    FixtureResponse limited = FixtureResponse::json(
        QByteArray(R"({"message":"API rate limit exceeded for user ID 1."})"), status);
    limited.header("x-ratelimit-limit", "5000");
    if (!reset.isEmpty())
        limited.header("x-ratelimit-remaining", "0")
            .header("x-ratelimit-reset", expand(reset, server));
    if (!retryAfter.isEmpty())
        limited.header("Retry-After", expand(retryAfter, server));
    if (!date.isEmpty())
        limited.header("Date", date);
    server.injectFault({QStringLiteral("/data"), {}, 1, limited});

    net::HttpClient http;
    Limits limits;
    http.setRetryPolicy(policyFor(limits, 0.2)); // waits scaled down; announced unscaled
    QSignalSpy waiting(&http, &net::HttpClient::waiting);
    net::HttpRequest request;
    request.url = QUrl(server.baseUrl().toString() + QStringLiteral("/data"));
    std::optional<net::HttpResponse> response;
    QElapsedTimer clock;
    clock.start();
    http.send(request, &http, [&](const net::HttpResponse &r) { response = r; });
    QVERIFY2(waitFor([&] { return response.has_value(); }, kHangMs), "the client never answered");
    if (!recovers) {
        QVERIFY(!response->ok());
        QVERIFY(response->rateLimited);
        QVERIFY2(response->error.contains(QLatin1String("rate limited; retry after")),
                 qPrintable(response->error));
        QVERIFY2(response->error.contains(request.url.toString()), qPrintable(response->error));
        QVERIFY2(response->retryAt > QDateTime::currentDateTimeUtc().addDays(365),
                 qPrintable(response->retryAt.toString(Qt::ISODate)));
        QVERIFY(clock.elapsed() < 2000); // failed at once instead of sleeping for years
        QCOMPARE(waiting.count(), 0);
        return;
    }
    QVERIFY2(response->ok(), qPrintable(response->error));
    QCOMPARE(response->attempts, 2);
    QCOMPARE(waiting.count(), 1);
    QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("rate limited"));
    const qint64 ms = waiting.first().at(2).toLongLong();
    QVERIFY2(ms >= minWait && ms <= maxWait,
             qPrintable(QStringLiteral("waited %1 ms (server clock), expected %2..%3")
                            .arg(ms)
                            .arg(minWait)
                            .arg(maxWait)));
}

void tst_HttpFaults::sourcesWaitForFarResets_data()
{
    QTest::addColumn<Client>("client");
    QTest::newRow("github-alerts") << Client::GitHubSource;
    QTest::newRow("airflow-alerts") << Client::AirflowSource;
}

void tst_HttpFaults::sourcesWaitForFarResets()
{
    // A server whose clock is decades ahead announces its reset on that clock: the source
    // must neither hammer it nor sleep forever — it fails the poll, names the URL, and plans
    // the next poll no later than a day away.
    QFETCH(Client, client);
    Harness h = makeHarness(client);
    QVERIFY(h.server->start());
    h.server->setClockSkewSeconds(0);
    FixtureResponse limited = FixtureResponse::json(
        QByteArray(R"({"message":"API rate limit exceeded for user ID 1."})"), 403);
    limited.header("x-ratelimit-remaining", "0").header("x-ratelimit-reset", "4102444800");
    h.server->injectFault({h.faultPath, {}, 100, limited});

    net::HttpClient http;
    http.setRetryPolicy(policyFor(Limits()));
    std::unique_ptr<AlertSource> source;
    if (client == Client::GitHubSource) {
        GitHubConfig github;
        github.apiUrl = h.server->baseUrl().toString();
        github.repo = QStringLiteral("acme/warehouse");
        source = std::make_unique<GitHubAlertSource>(&http, github,
                                                     QStringList{QStringLiteral("alert")});
    } else {
        AirflowConfig airflow;
        airflow.apiUrl = static_cast<AirflowFixture *>(h.server.get())->apiUrl().toString();
        source = std::make_unique<AirflowAlertSource>(&http, airflow);
    }
    QSignalSpy finished(source.get(), &AlertSource::pollFinished);
    source->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const AlertSource::Health health = source->health();
    QVERIFY2(health.lastErrorText.contains(QLatin1String("rate limited"))
                 && health.lastErrorText.contains(h.urlPart),
             qPrintable(health.lastErrorText));
    QVERIFY2(health.nextPoll.date().year() >= 2099,
             qPrintable(health.nextPoll.toString(Qt::ISODate)));
    const int requests = h.server->requestCount(h.faultPath);
    QCOMPARE(requests, 1);
    QTest::qWait(1500); // no retry storm: the timer waits (at most a day), not 0 ms
    QCOMPARE(h.server->requestCount(h.faultPath), requests);
    source->stop();
}

void tst_HttpFaults::compressedBodyIsNotCutOff()
{
    // A deflated body is shorter on the wire than decoded, and a tiny one longer: the
    // "fewer bytes than Content-Length" check must not fire on either.
    for (const QByteArray &json : {QByteArray(R"({"ok":true})"),
                                   QByteArray(R"({"items":[)") + QByteArray(20000, ' ') + "]}"}) {
        ScriptedServer server;
        QVERIFY(server.start());
        FixtureResponse deflated = jsonHead();
        deflated.header("Content-Encoding", "deflate");
        deflated.body = qCompress(json).mid(4); // zlib stream (RFC 1950) without Qt's prefix
        server.injectFault({QStringLiteral("/data"), {}, 1, deflated});
        net::HttpClient http;
        net::HttpRequest request;
        request.url = QUrl(server.baseUrl().toString() + QStringLiteral("/data"));
        std::optional<net::HttpResponse> response;
        http.send(request, &http, [&](const net::HttpResponse &r) { response = r; });
        QVERIFY(waitFor([&] { return response.has_value(); }, kHangMs));
        QVERIFY2(response->ok(), qPrintable(response->error));
        QCOMPARE(response->body, json);
    }
}

void tst_HttpFaults::decompressionBombBoundedMemory_data()
{
    QTest::addColumn<Client>("client");
    QTest::newRow("http") << Client::Http;
    QTest::newRow("github-alerts") << Client::GitHubSource;
    QTest::newRow("bigquery") << Client::BigQuery;
}

void tst_HttpFaults::decompressionBombBoundedMemory()
{
    // 200 MB of JSON whitespace deflated to under a megabyte: what the body decodes to is
    // bounded, not just what crossed the wire, and a body Qt refuses to inflate is an error.
    QFETCH(Client, client);
    constexpr qint64 huge = 200LL * 1024 * 1024;
    static const QByteArray bomb = [] {
        QByteArray plain(huge, ' ');
        plain[0] = '[';
        return qCompress(plain, 1).mid(4); // zlib stream (RFC 1950) without Qt's prefix
    }();
    Harness h = makeHarness(client);
    QVERIFY(h.server->start());
    FixtureResponse r = jsonHead();
    r.header("Content-Encoding", "deflate");
    r.body = bomb;
    h.server->injectFault({h.faultPath, {}, 100, r});
    if (!resetPeakRss())
        QSKIP("/proc/self/clear_refs is not writable: peak RSS cannot be measured");
    const qint64 rssBeforeKb = statusKb("VmRSS:");
    Limits limits;
    limits.maxRetries = 0;
    const Outcome out = runClient(client, h, limits);
    const qint64 deltaMb = (statusKb("VmHWM:") - rssBeforeKb) / 1024;
    qInfo("%s, deflate bomb: %lld KB on the wire for %lld MB decoded; peak RSS +%lld MB, %lld ms: "
          "%s",
          clientName(client), qint64(bomb.size()) >> 10, huge >> 20, deltaMb, out.elapsedMs,
          qPrintable(out.error));
    QVERIFY2(out.finished, "the client never answered");
    QVERIFY(!out.ok);
    QVERIFY2(out.error.contains(h.urlPart), qPrintable(out.error));
    QVERIFY2(!out.error.contains(QLatin1String("JSON")), qPrintable(out.error)); // not misnamed
    QVERIFY2(deltaMb < 2 * (net::HttpRequest().maxBodyBytes >> 20) + 32,
             qPrintable(QString::number(deltaMb)));
}

void tst_HttpFaults::gitHubTimeoutsConfigurable()
{
    GitHubConfig config;
    config.apiUrl = QStringLiteral("http://127.0.0.1:1");
    config.repo = QStringLiteral("acme/warehouse");
    net::HttpClient http;
    GitHubClient client(&http, config);
    QCOMPARE(client.request(client.url(QStringLiteral("/x"))).transferTimeoutMs, 30000);
    client.setTransferTimeoutMs(1500);
    client.setTotalTimeoutMs(4000);
    const net::HttpRequest request = client.request(client.url(QStringLiteral("/x")), "PATCH");
    QCOMPARE(request.transferTimeoutMs, 1500);
    QCOMPARE(request.totalTimeoutMs, 4000);
    config.transferTimeoutMs = 700;
    GitHubIssueTracker tracker(&http, config);
    QCOMPARE(tracker.client()->request(QUrl(config.apiUrl)).transferTimeoutMs, 700);
}

QTEST_GUILESS_MAIN(tst_HttpFaults)

#include "tst_httpfaults.moc"
