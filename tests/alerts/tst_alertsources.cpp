// The alert sources (GitHub issues, failed Airflow runs, webhooks, replay) and the HTTP layer
// under them, against fixture servers that behave like the documented services.
#include "core/alerts/AirflowAlertSource.h"
#include "core/alerts/AlertParsing.h"
#include "core/alerts/GitHubAlertSource.h"
#include "core/alerts/ReplaySource.h"
#include "core/alerts/WebhookReceiver.h"
#include "core/github/GitHubClient.h"
#include "core/net/HttpCache.h"
#include "core/net/HttpClient.h"
#include "core/store/IncidentStore.h"
#include "tests/fixtures/AirflowFixture.h"
#include "tests/fixtures/GitHubFixture.h"

#include <QtTest>

using namespace warroom;
using namespace warroom::fixtures;

namespace {

net::HttpResponse sendAndWait(net::HttpClient &client, const net::HttpRequest &request,
                              int timeoutMs = 30000)
{
    std::optional<net::HttpResponse> result;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    client.send(request, &loop, [&](const net::HttpResponse &response) {
        result = response;
        loop.quit();
    });
    if (!result)
        loop.exec();
    if (!result) {
        net::HttpResponse timedOut;
        timedOut.error = QStringLiteral("test: no answer within %1 ms").arg(timeoutMs);
        return timedOut;
    }
    return *result;
}

net::HttpRequest getJson(const QUrl &url)
{
    net::HttpRequest request;
    request.url = url;
    return request;
}

net::RetryPolicy fastPolicy(double scale = 0.01)
{
    net::RetryPolicy policy;
    policy.baseDelayMs = 200;
    policy.timeScale = scale;
    return policy;
}

QList<Alert> collect(QSignalSpy &spy)
{
    QList<Alert> alerts;
    for (const QList<QVariant> &args : std::as_const(spy))
        alerts += args.at(0).value<QList<Alert>>();
    return alerts;
}

// Polls once and waits for pollFinished; returns ok.
bool pollOnce(AlertSource &source, int timeoutMs = 30000)
{
    QSignalSpy finished(&source, &AlertSource::pollFinished);
    source.pollNow();
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return false;
    return finished.first().at(0).toBool();
}

// Simple fixture for bare HTTP behaviour: answers GET /ok with a JSON body and an ETag.
class EchoFixture : public FixtureServer
{
public:
    using FixtureServer::FixtureServer;
    int served = 0;

protected:
    FixtureResponse handle(const FixtureRequest &request) override
    {
        ++served;
        const QByteArray body = R"({"path":")" + request.path.toUtf8() + R"(","n":)" + QByteArray::number(served) + "}";
        FixtureResponse response = FixtureResponse::json(QByteArray(R"({"ok":true})"));
        if (request.path == QLatin1String("/counter"))
            response = FixtureResponse::json(body);
        response.header("ETag", "\"v1\"");
        if (request.header("If-None-Match") == "\"v1\"") {
            FixtureResponse notModified;
            notModified.status = 304;
            return notModified;
        }
        return response;
    }
};

} // namespace

class tst_AlertSources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // net
    void linkHeader_data();
    void linkHeader();
    void httpDate();
    void redaction();
    void serverErrorThenSuccess();
    void serverErrorGivesUp();
    void timeout();
    void malformedJson();
    void wrongContentType();
    void hugeBody_data();
    void hugeBody();
    void secretsNeverInErrors();
    void rateLimitResetUsesServerClock();
    void tooManyRequestsRetryAfter();
    void secondaryLimitTooLongFails();
    void connectionRefused();
    void conditionalRequestServesCache();

    // GitHub
    void githubPagesLabelsAndPullRequests();
    void githubIncrementalAndConditional();
    void githubValidatorsSurviveRestart();
    void githubEnterpriseBaseUrl();
    void githubBadCredentials();
    void githubPrimaryRateLimitWaits();
    void githubIssueTracker();
    void severityFromLabels_data();
    void severityFromLabels();
    void alertContext();

    // Airflow
    void airflowFailedRuns_data();
    void airflowFailedRuns();
    void airflowV1AgainstAirflow3();
    void airflowUnauthorized();

    // Webhook
    void webhookRefusesNonLoopback_data();
    void webhookRefusesNonLoopback();
    void webhookRequiresSecret();
    void webhookSecret_data();
    void webhookSecret();
    void webhookOversizedBody();
    void webhookBadJson();
    void webhookAlertmanagerFiringResolved();
    void webhookCloudMonitoring();

    // Replay
    void replayTiming();
    void replayMalformedLines();
    void replayPollNowEmitsAll();

private:
    struct PostResult
    {
        int status = 0;
        QByteArray body;
    };
    PostResult post(const QUrl &url, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers);
    QNetworkAccessManager m_nam;
};

void tst_AlertSources::initTestCase()
{
    qRegisterMetaType<QList<Alert>>();
}

// --- net ----------------------------------------------------------------------------------

void tst_AlertSources::linkHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("last");
    QTest::newRow("github") << QByteArray("<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", "
                                          "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"")
                            << "https://api.github.com/repositories/1/issues?page=2"
                            << "https://api.github.com/repositories/1/issues?page=5";
    QTest::newRow("unquoted, reordered") << QByteArray("<http://h/x?page=9>; rel=last, <http://h/x?page=3>;rel=next")
                                         << "http://h/x?page=3" << "http://h/x?page=9";
    QTest::newRow("multiple rels") << QByteArray("<http://h/a>; title=\"x\"; rel=\"next last\"")
                                   << "http://h/a" << "http://h/a";
    QTest::newRow("last page") << QByteArray("<http://h/x?page=1>; rel=\"prev\", <http://h/x?page=1>; rel=\"first\"")
                               << QString() << QString();
    QTest::newRow("garbage") << QByteArray("not a link header") << QString() << QString();
}

void tst_AlertSources::linkHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, next);
    QFETCH(QString, last);
    const auto links = net::parseLinkHeader(header);
    QCOMPARE(links.value(QStringLiteral("next")).toString(), next);
    QCOMPARE(links.value(QStringLiteral("last")).toString(), last);
}

void tst_AlertSources::httpDate()
{
    const QDateTime expected(QDate(2015, 10, 21), QTime(7, 28), Qt::UTC);
    QCOMPARE(net::parseHttpDate("Wed, 21 Oct 2015 07:28:00 GMT"), expected);
    QCOMPARE(net::parseHttpDate("Wednesday, 21-Oct-15 07:28:00 GMT"), expected);
    QCOMPARE(net::parseHttpDate("Wed Oct 21 07:28:00 2015"), expected);
    QVERIFY(!net::parseHttpDate("yesterday").isValid());
    QCOMPARE(net::parseRetryAfterMs("120", {}).value_or(-1), 120000);
    QCOMPARE(net::parseRetryAfterMs("Wed, 21 Oct 2015 07:28:30 GMT", expected).value_or(-1), 30000);
    QVERIFY(!net::parseRetryAfterMs("soon", expected));
}

void tst_AlertSources::redaction()
{
    const QUrl url(QStringLiteral("https://user:pw@hook.example/x?token=abcdef&page=2"));
    const QString redacted = net::redactedUrl(url);
    QVERIFY(!redacted.contains(QLatin1String("abcdef")));
    QVERIFY(!redacted.contains(QLatin1String("pw")));
    QVERIFY(redacted.contains(QLatin1String("page=2")));
}

void tst_AlertSources::serverErrorThenSuccess()
{
    EchoFixture server;
    QVERIFY(server.start());
    FixtureResponse bad = FixtureResponse::json(QByteArray(R"({"message":"Server Error"})"), 502);
    server.injectFault({QStringLiteral("/ok"), {}, 2, bad});
    net::HttpClient client;
    client.setRetryPolicy(fastPolicy());
    QSignalSpy waiting(&client, &net::HttpClient::waiting);
    const auto response = sendAndWait(client, getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok"))));
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.attempts, 3);
    QCOMPARE(waiting.count(), 2);
    QCOMPARE(server.requestCount(QStringLiteral("/ok")), 3);
    QCOMPARE(response.json.object().value(QLatin1String("ok")).toBool(), true);
}

void tst_AlertSources::serverErrorGivesUp()
{
    EchoFixture server;
    QVERIFY(server.start());
    server.injectFault({QStringLiteral("/ok"), {}, 100,
                        FixtureResponse::json(QByteArray(R"({"message":"Server Error"})"), 503)});
    net::HttpClient client;
    net::RetryPolicy policy = fastPolicy();
    policy.maxRetries = 2;
    client.setRetryPolicy(policy);
    const QUrl url(server.baseUrl().toString() + QStringLiteral("/ok"));
    const auto response = sendAndWait(client, getJson(url));
    QVERIFY(!response.ok());
    QCOMPARE(response.attempts, 3);
    QVERIFY2(response.error.startsWith(QStringLiteral("GET ") + url.toString() + QStringLiteral(": HTTP 503")),
             qPrintable(response.error));
    QVERIFY(response.error.contains(QLatin1String("Server Error")));
}

void tst_AlertSources::timeout()
{
    EchoFixture server;
    QVERIFY(server.start());
    FixtureResponse hang;
    hang.hang = true;
    server.injectFault({QStringLiteral("/ok"), {}, 1, hang});
    net::HttpClient client;
    client.setRetryPolicy(fastPolicy());
    net::HttpRequest request = getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok")));
    request.transferTimeoutMs = 300;
    QElapsedTimer clock;
    clock.start();
    // first attempt hangs and times out, the retry succeeds
    auto response = sendAndWait(client, request);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.attempts, 2);
    QVERIFY(clock.elapsed() >= 250);

    // every attempt hangs: a clear timeout error
    server.injectFault({QStringLiteral("/ok"), {}, 10, hang});
    request.retry = fastPolicy();
    request.retry->maxRetries = 1;
    response = sendAndWait(client, request);
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(QLatin1String("timed out")), qPrintable(response.error));
}

void tst_AlertSources::malformedJson()
{
    EchoFixture server;
    QVERIFY(server.start());
    server.injectFault({QStringLiteral("/ok"), {}, 1, FixtureResponse::json(QByteArray("{\"a\": [1, 2,"))});
    net::HttpClient client;
    const auto response = sendAndWait(client, getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok"))));
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(QLatin1String("invalid JSON at offset 12")), qPrintable(response.error));
}

void tst_AlertSources::wrongContentType()
{
    EchoFixture server;
    QVERIFY(server.start());
    FixtureResponse html;
    html.body = "<html>login</html>";
    html.header("Content-Type", "text/html");
    server.injectFault({QStringLiteral("/ok"), {}, 1, html});
    net::HttpClient client;
    const auto response = sendAndWait(client, getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok"))));
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(QLatin1String("expected JSON but got Content-Type 'text/html'")),
             qPrintable(response.error));
}

void tst_AlertSources::hugeBody_data()
{
    QTest::addColumn<bool>("withLength");
    QTest::newRow("Content-Length") << true;
    QTest::newRow("streamed") << false;
}

void tst_AlertSources::hugeBody()
{
    QFETCH(bool, withLength);
    EchoFixture server;
    QVERIFY(server.start());
    FixtureResponse huge = FixtureResponse::json(QByteArray("[") + QByteArray(4 * 1024 * 1024, ' ') + "]");
    huge.omitContentLength = !withLength;
    server.injectFault({QStringLiteral("/ok"), {}, 1, huge});
    net::HttpClient client;
    net::HttpRequest request = getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok")));
    request.maxBodyBytes = 1024 * 1024;
    const auto response = sendAndWait(client, request);
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(QLatin1String("larger than 1048576 bytes")), qPrintable(response.error));
    QCOMPARE(response.attempts, 1);
}

void tst_AlertSources::secretsNeverInErrors()
{
    EchoFixture server;
    QVERIFY(server.start());
    server.injectFault({QStringLiteral("/ok"), {}, 10,
                        FixtureResponse::json(QByteArray(R"({"message":"token s3cr3t-header-token rejected"})"), 401)});
    net::HttpClient client;
    net::HttpRequest request = getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok?token=s3cr3t-query&page=1")));
    request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cr3t-header-token")));
    const auto response = sendAndWait(client, request);
    QVERIFY(!response.ok());
    QVERIFY(response.error.contains(QLatin1String("HTTP 401")));
    QVERIFY2(!response.error.contains(QLatin1String("s3cr3t")), qPrintable(response.error));
    QVERIFY(!response.url.toString().contains(QLatin1String("s3cr3t")));
    // the header reached the server, the query token too (that is the caller's choice)
    QCOMPARE(server.requests().constLast().header("Authorization"), QByteArray("Bearer s3cr3t-header-token"));
}

void tst_AlertSources::rateLimitResetUsesServerClock()
{
    // The server's clock is an hour ahead of ours; the limit resets 2 s later on *its* clock.
    EchoFixture server;
    QVERIFY(server.start());
    server.setClockSkewSeconds(3600);
    FixtureResponse limited = FixtureResponse::json(QByteArray(R"({"message":"API rate limit exceeded for user ID 1."})"), 403);
    limited.header("x-ratelimit-limit", "5000").header("x-ratelimit-remaining", "0")
        .header("x-ratelimit-reset", QByteArray::number(server.serverNow().addSecs(2).toSecsSinceEpoch()));
    server.injectFault({QStringLiteral("/ok"), {}, 1, limited});
    net::HttpClient client;
    client.setRetryPolicy(fastPolicy(0.1));
    QSignalSpy waiting(&client, &net::HttpClient::waiting);
    const auto response = sendAndWait(client, getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok"))));
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.attempts, 2);
    QCOMPARE(waiting.count(), 1);
    const qint64 waitedServerMs = waiting.first().at(2).toLongLong();
    QVERIFY2(waitedServerMs >= 1500 && waitedServerMs <= 4500, qPrintable(QString::number(waitedServerMs)));
    QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("rate limited"));
    QVERIFY(response.waitedMs >= 150);
}

void tst_AlertSources::tooManyRequestsRetryAfter()
{
    EchoFixture server;
    QVERIFY(server.start());
    FixtureResponse limited = FixtureResponse::json(QByteArray(R"({"message":"You have exceeded a secondary rate limit."})"), 429);
    limited.header("retry-after", "1");
    server.injectFault({QStringLiteral("/ok"), {}, 1, limited});
    net::HttpClient client;
    client.setRetryPolicy(fastPolicy(0.5));
    QSignalSpy waiting(&client, &net::HttpClient::waiting);
    QElapsedTimer clock;
    clock.start();
    const auto response = sendAndWait(client, getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok"))));
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.attempts, 2);
    QCOMPARE(waiting.count(), 1);
    const qint64 ms = waiting.first().at(2).toLongLong();
    QVERIFY2(ms >= 1000 && ms <= 1100, qPrintable(QString::number(ms))); // retry-after + <=10% jitter
    QVERIFY(clock.elapsed() >= 480); // scaled by 0.5
    QCOMPARE(server.requestCount(), 2);
}

void tst_AlertSources::secondaryLimitTooLongFails()
{
    EchoFixture server;
    QVERIFY(server.start());
    FixtureResponse limited = FixtureResponse::json(QByteArray(R"({"message":"You have exceeded a secondary rate limit."})"), 403);
    limited.header("retry-after", "3600");
    server.injectFault({QStringLiteral("/ok"), {}, 1, limited});
    net::HttpClient client;
    QElapsedTimer clock;
    clock.start();
    const auto response = sendAndWait(client, getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/ok"))));
    QVERIFY(!response.ok());
    QVERIFY(response.rateLimited);
    QVERIFY(clock.elapsed() < 5000);
    const qint64 inSeconds = QDateTime::currentDateTimeUtc().secsTo(response.retryAt);
    QVERIFY2(inSeconds > 3500 && inSeconds < 4000, qPrintable(QString::number(inSeconds)));
    QVERIFY(response.error.contains(QLatin1String("rate limited")));
}

void tst_AlertSources::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    net::HttpClient client;
    client.setRetryPolicy(fastPolicy());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/x").arg(port));
    const auto response = sendAndWait(client, getJson(url));
    QVERIFY(!response.ok());
    QCOMPARE(response.status, 0);
    QVERIFY2(response.error.startsWith(QStringLiteral("GET ") + url.toString() + QStringLiteral(": ")),
             qPrintable(response.error));
    QVERIFY2(response.error.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(response.error));
}

void tst_AlertSources::conditionalRequestServesCache()
{
    EchoFixture server;
    QVERIFY(server.start());
    net::MemoryHttpCache cache;
    net::HttpClient client;
    client.setCache(&cache);
    net::HttpRequest request = getJson(QUrl(server.baseUrl().toString() + QStringLiteral("/counter")));
    request.conditional = true;
    const auto first = sendAndWait(client, request);
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(!first.notModified);
    QVERIFY(!server.requests().constLast().hasHeader("If-None-Match"));
    const auto second = sendAndWait(client, request);
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(server.requests().constLast().header("If-None-Match"), QByteArray("\"v1\""));
    QVERIFY(second.notModified);
    QVERIFY(second.fromCache);
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.json, first.json);
}

// --- GitHub -------------------------------------------------------------------------------

void tst_AlertSources::githubPagesLabelsAndPullRequests()
{
    GitHubFixture github;
    QVERIFY(github.start());
    github.setToken(QStringLiteral("ghp_fixture"));
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-2);
    QSet<int> expected;
    for (int i = 0; i < 230; ++i) {
        GitHubFixture::IssueData issue;
        issue.title = QStringLiteral("Check failed #%1").arg(i);
        issue.labels = {QStringLiteral("alert")};
        if (i % 10 == 0)
            issue.labels.append(QStringLiteral("dag-failure"));
        issue.createdAt = base.addSecs(i * 60);
        expected.insert(github.addIssue(issue));
    }
    for (int i = 0; i < 25; ++i) {
        GitHubFixture::IssueData issue;
        issue.title = QStringLiteral("DAG load_users failed");
        issue.body = QStringLiteral("dag_id: load_users\ntask_id: extract");
        issue.labels = {QStringLiteral("dag-failure"), QStringLiteral("severity:critical")};
        issue.createdAt = base.addSecs(i * 90);
        expected.insert(github.addIssue(issue));
    }
    for (int i = 0; i < 7; ++i) { // pull requests carrying the label
        GitHubFixture::IssueData pr;
        pr.title = QStringLiteral("Fix alert %1").arg(i);
        pr.labels = {QStringLiteral("alert")};
        pr.pullRequest = true;
        github.addIssue(pr);
    }
    for (int i = 0; i < 12; ++i) { // unrelated issues
        GitHubFixture::IssueData other;
        other.title = QStringLiteral("Feature %1").arg(i);
        other.labels = {QStringLiteral("enhancement")};
        github.addIssue(other);
    }

    net::HttpClient http;
    GitHubConfig config;
    config.apiUrl = github.apiUrl().toString();
    config.repo = github.repo();
    config.token = QStringLiteral("ghp_fixture");
    GitHubAlertSource source(&http, config, {QStringLiteral("alert"), QStringLiteral("dag-failure")});
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    QVERIFY(pollOnce(source));
    const QList<Alert> alerts = collect(received);
    QSet<int> got;
    for (const Alert &alert : alerts) {
        QCOMPARE(alert.source, QStringLiteral("github"));
        got.insert(alert.id.toInt());
    }
    QCOMPARE(alerts.size(), expected.size()); // each issue once, though 23+25 carry both labels... 
    QCOMPARE(got, expected);                  // no pull requests, no unrelated issues
    // alert: 230 + 7 PRs = 237 -> 3 pages; dag-failure: 23 + 25 = 48 -> 1 page
    QCOMPARE(github.requestCount(QStringLiteral("/issues")), 4);
    for (const FixtureRequest &request : github.requests()) {
        QCOMPARE(request.header("X-GitHub-Api-Version"), QByteArray("2022-11-28"));
        QCOMPARE(request.header("Accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer ghp_fixture"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("state")), QStringLiteral("all"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("sort")), QStringLiteral("updated"));
        QVERIFY(!request.query.queryItemValue(QStringLiteral("labels")).contains(QLatin1Char(',')));
    }
    const auto critical = std::find_if(alerts.begin(), alerts.end(),
                                       [](const Alert &a) { return a.title == QLatin1String("DAG load_users failed"); });
    QVERIFY(critical != alerts.end());
    QCOMPARE(critical->severity, Severity::Critical);
    QCOMPARE(critical->dagId, QStringLiteral("load_users"));
    QCOMPARE(critical->taskId, QStringLiteral("extract"));
    QCOMPARE(critical->groupKey, QStringLiteral("dag:load_users"));
    QCOMPARE(critical->state, QStringLiteral("open"));
    QVERIFY(critical->url.startsWith(QLatin1String("https://")));
    QVERIFY(critical->createdAt > 0);
    QVERIFY(source.health().ok());
    QVERIFY(source.health().lastSuccess.isValid());
}

void tst_AlertSources::githubIncrementalAndConditional()
{
    GitHubFixture github;
    QVERIFY(github.start());
    const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (int i = 0; i < 150; ++i) {
        GitHubFixture::IssueData issue;
        issue.title = QStringLiteral("Freshness check failed for ds.t%1").arg(i);
        issue.labels = {QStringLiteral("alert")};
        issue.createdAt = base.addSecs(i);
        github.addIssue(issue);
    }
    net::MemoryHttpCache cache;
    net::HttpClient http;
    http.setCache(&cache);
    GitHubConfig config;
    config.apiUrl = github.apiUrl().toString();
    config.repo = github.repo();
    GitHubAlertSource source(&http, config, {QStringLiteral("alert")});
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    QVERIFY(pollOnce(source));
    QCOMPARE(collect(received).size(), 150);
    QCOMPARE(github.conditionalRequests(), 0);
    QVERIFY(!source.since().isEmpty());

    // nothing changed: the incremental request is answered 304 on its second asking
    received.clear();
    QVERIFY(pollOnce(source));
    QVERIFY(pollOnce(source));
    QCOMPARE(received.count(), 0);
    const FixtureRequest last = github.requests().constLast();
    QVERIFY(last.query.hasQueryItem(QStringLiteral("since")));
    QVERIFY(last.hasHeader("If-None-Match"));
    QVERIFY(github.conditionalRequests() >= 1);
    QVERIFY(github.notModifiedResponses() >= 1);

    // closed, then re-opened: each becomes a feed event with the new state
    github.editIssue(42, [](GitHubFixture::IssueData &issue) { issue.state = QStringLiteral("closed"); });
    QVERIFY(pollOnce(source));
    QList<Alert> alerts = collect(received);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().id, QStringLiteral("42"));
    QCOMPARE(alerts.first().state, QStringLiteral("closed"));
    received.clear();
    github.editIssue(42, [](GitHubFixture::IssueData &issue) { issue.state = QStringLiteral("open"); });
    GitHubFixture::IssueData fresh;
    fresh.title = QStringLiteral("Row count dropped");
    fresh.labels = {QStringLiteral("alert"), QStringLiteral("P1")};
    const int freshNumber = github.addIssue(fresh);
    QVERIFY(pollOnce(source));
    alerts = collect(received);
    QCOMPARE(alerts.size(), 2);
    QSet<QString> ids;
    for (const Alert &alert : alerts) {
        ids.insert(alert.id);
        QCOMPARE(alert.state, QStringLiteral("open"));
    }
    QCOMPARE(ids, (QSet<QString>{QStringLiteral("42"), QString::number(freshNumber)}));
}

void tst_AlertSources::githubValidatorsSurviveRestart()
{
    GitHubFixture github;
    QVERIFY(github.start());
    for (int i = 0; i < 120; ++i) {
        GitHubFixture::IssueData issue;
        issue.title = QStringLiteral("Alert %1").arg(i);
        issue.labels = {QStringLiteral("alert")};
        github.addIssue(issue);
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.sqlite"));
    GitHubConfig config;
    config.apiUrl = github.apiUrl().toString();
    config.repo = github.repo();
    for (int run = 0; run < 2; ++run) {
        QString error;
        auto store = IncidentStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        net::StoreHttpCache cache(store.get());
        net::HttpClient http;
        http.setCache(&cache);
        GitHubAlertSource source(&http, config, {QStringLiteral("alert")});
        QSignalSpy received(&source, &AlertSource::alertsReceived);
        QVERIFY(pollOnce(source));
        QCOMPARE(collect(received).size(), 120); // a restart still reports every alert
    }
    // the second process asked conditionally for both pages and got 304s
    QCOMPARE(github.requestCount(QStringLiteral("/issues")), 4);
    QCOMPARE(github.conditionalRequests(), 2);
    QCOMPARE(github.notModifiedResponses(), 2);
}

void tst_AlertSources::githubEnterpriseBaseUrl()
{
    GitHubFixture github(QStringLiteral("data/platform"), QStringLiteral("/api/v3"));
    QVERIFY(github.start());
    GitHubFixture::IssueData issue;
    issue.title = QStringLiteral("Composer environment unhealthy");
    issue.labels = {QStringLiteral("alert")};
    github.addIssue(issue);
    net::HttpClient http;
    GitHubConfig config;
    config.apiUrl = github.apiUrl().toString() + QLatin1Char('/'); // trailing slash tolerated
    config.repo = QStringLiteral("data/platform");
    GitHubAlertSource source(&http, config, {QStringLiteral("alert")});
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    QVERIFY(pollOnce(source));
    QCOMPARE(collect(received).size(), 1);
    QCOMPARE(github.requests().constFirst().path, QStringLiteral("/api/v3/repos/data/platform/issues"));
}

void tst_AlertSources::githubBadCredentials()
{
    GitHubFixture github;
    QVERIFY(github.start());
    github.setToken(QStringLiteral("right-token"));
    net::HttpClient http;
    GitHubConfig config;
    config.apiUrl = github.apiUrl().toString();
    config.repo = github.repo();
    config.token = QStringLiteral("wrong-token-value");
    GitHubAlertSource source(&http, config, {QStringLiteral("alert")});
    QSignalSpy health(&source, &AlertSource::healthChanged);
    QVERIFY(!pollOnce(source));
    QVERIFY(!source.health().ok());
    const QString error = source.health().lastErrorText;
    QVERIFY2(error.contains(QLatin1String("HTTP 401")) && error.contains(QLatin1String("Bad credentials")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("wrong-token-value")));
    QVERIFY(health.count() >= 1);
}

void tst_AlertSources::githubPrimaryRateLimitWaits()
{
    // The fixture's own primary limit: exhausted now, resets in ~1 s (server clock).
    GitHubFixture github;
    QVERIFY(github.start());
    GitHubFixture::IssueData issue;
    issue.title = QStringLiteral("Alert");
    issue.labels = {QStringLiteral("alert")};
    github.addIssue(issue);
    github.setRateLimit(60, 0, github.serverNow().addSecs(1));
    net::HttpClient http;
    QSignalSpy waiting(&http, &net::HttpClient::waiting);
    GitHubConfig config;
    config.apiUrl = github.apiUrl().toString();
    config.repo = github.repo();
    GitHubAlertSource source(&http, config, {QStringLiteral("alert")});
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(pollOnce(source, 20000));
    QCOMPARE(collect(received).size(), 1);
    QCOMPARE(waiting.count(), 1);
    QVERIFY(clock.elapsed() >= 900);
    QCOMPARE(github.requests().first().path, github.requests().last().path);
    QCOMPARE(github.requestCount(), 2);
}

void tst_AlertSources::githubIssueTracker()
{
    GitHubFixture github;
    QVERIFY(github.start());
    github.setAssignable({QStringLiteral("alice"), QStringLiteral("bob")});
    net::HttpClient http;
    http.setRetryPolicy(fastPolicy());
    GitHubConfig config;
    config.apiUrl = github.apiUrl().toString();
    config.repo = github.repo();
    GitHubIssueTracker tracker(&http, config);
    QSignalSpy received(&tracker, &IssueTracker::issueReceived);
    QSignalSpy failed(&tracker, &IssueTracker::requestFailed);
    QSignalSpy notFound(&tracker, &IssueTracker::issueNotFound);
    QSignalSpy listed(&tracker, &IssueTracker::issuesListed);
    QSignalSpy labelled(&tracker, &IssueTracker::labelEnsured);

    IssueFields fields;
    fields.title = QStringLiteral("Re-run load_users for 2026-06-05");
    fields.body = QStringLiteral("<!-- warroom:task=t1 -->\nBackfill");
    fields.labels = QStringList{QStringLiteral("recovery")};
    fields.assignees = QStringList{QStringLiteral("alice")};
    const quint64 created = tracker.createIssue(fields);
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.first().at(0).toULongLong(), created);
    const Issue issue = received.first().at(1).value<Issue>();
    QVERIFY(issue.number > 0);
    QCOMPARE(issue.assignees, QStringList{QStringLiteral("alice")});
    QCOMPARE(issue.labels, QStringList{QStringLiteral("recovery")});

    IssueFields close;
    close.state = QStringLiteral("closed");
    close.assignees = QStringList{QStringLiteral("bob")};
    tracker.updateIssue(issue.number, close);
    QTRY_COMPARE(received.count(), 2);
    QCOMPARE(received.at(1).at(1).value<Issue>().state, QStringLiteral("closed"));
    QCOMPARE(github.issue(issue.number).assignees, QStringList{QStringLiteral("bob")});

    IssueFields noTitle;
    noTitle.body = QStringLiteral("x");
    const quint64 bad = tracker.createIssue(noTitle);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(0).toULongLong(), bad);
    auto error = failed.first().at(1).value<IssueTrackerError>();
    QCOMPARE(error.httpStatus, 422);
    QVERIFY(error.validation);
    QVERIFY(!error.retryable);
    QVERIFY2(error.message.contains(QLatin1String("Issue.title missing_field")), qPrintable(error.message));

    IssueFields badAssignee;
    badAssignee.assignees = QStringList{QStringLiteral("mallory")};
    tracker.updateIssue(issue.number, badAssignee);
    QTRY_COMPARE(failed.count(), 2);
    error = failed.at(1).at(1).value<IssueTrackerError>();
    QVERIFY2(error.message.contains(QLatin1String("assignees invalid")), qPrintable(error.message));

    tracker.ensureLabel(QStringLiteral("recovery"), QStringLiteral("#0e8a16"), QStringLiteral("re-run tasks"));
    tracker.ensureLabel(QStringLiteral("sev:critical"), QStringLiteral("b60205"), {});
    QTRY_COMPARE(labelled.count(), 2);

    IssueQuery scope;
    scope.labels = {QStringLiteral("recovery")};
    const quint64 find = tracker.findByMarker(QStringLiteral("<!-- warroom:task=t1 -->"), scope);
    QTRY_COMPARE(received.count(), 3);
    QCOMPARE(received.at(2).at(0).toULongLong(), find);
    QCOMPARE(received.at(2).at(1).value<Issue>().number, issue.number);
    tracker.findByMarker(QStringLiteral("<!-- warroom:task=none -->"), scope);
    QTRY_COMPARE(notFound.count(), 1);
    tracker.getIssue(9999);
    QTRY_COMPARE(notFound.count(), 2);

    GitHubFixture::IssueData pr;
    pr.title = QStringLiteral("PR");
    pr.labels = {QStringLiteral("recovery")};
    pr.pullRequest = true;
    github.addIssue(pr);
    tracker.listIssues(scope);
    QTRY_COMPARE(listed.count(), 1);
    QCOMPARE(listed.first().at(1).value<QList<Issue>>().size(), 1);
}

void tst_AlertSources::severityFromLabels_data()
{
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<int>("severity");
    QTest::newRow("none") << QStringList{QStringLiteral("alert")} << int(Severity::Warning);
    QTest::newRow("severity:critical") << QStringList{QStringLiteral("alert"), QStringLiteral("severity:critical")} << int(Severity::Critical);
    QTest::newRow("severity/high") << QStringList{QStringLiteral("severity/high")} << int(Severity::Error);
    QTest::newRow("P1") << QStringList{QStringLiteral("P1")} << int(Severity::Critical);
    QTest::newRow("p3") << QStringList{QStringLiteral("p3")} << int(Severity::Warning);
    QTest::newRow("sev2") << QStringList{QStringLiteral("sev2")} << int(Severity::Error);
    QTest::newRow("critical") << QStringList{QStringLiteral("Critical")} << int(Severity::Critical);
    QTest::newRow("most severe wins") << QStringList{QStringLiteral("info"), QStringLiteral("P0")} << int(Severity::Critical);
}

void tst_AlertSources::severityFromLabels()
{
    QFETCH(QStringList, labels);
    QFETCH(int, severity);
    QCOMPARE(int(warroom::severityFromLabels(labels)), severity);
}

void tst_AlertSources::alertContext()
{
    Alert a;
    a.source = QStringLiteral("github");
    a.title = QStringLiteral("Validation failed");
    a.body = QStringLiteral("ASSERT ((SELECT COUNT(*) FROM `proj.sales.orders`) > 0)");
    inferAlertContext(a);
    QCOMPARE(a.table, QStringLiteral("proj.sales.orders"));
    QCOMPARE(a.groupKey, QStringLiteral("table:proj.sales.orders"));

    Alert b;
    b.source = QStringLiteral("github");
    b.title = QStringLiteral("DAG daily_sales failed");
    b.labels = {QStringLiteral("table:sales.daily")};
    inferAlertContext(b);
    QCOMPARE(b.dagId, QStringLiteral("daily_sales"));
    QCOMPARE(b.table, QStringLiteral("sales.daily"));
    QCOMPARE(b.groupKey, QStringLiteral("dag:daily_sales"));

    Alert c1, c2;
    c1.source = c2.source = QStringLiteral("github");
    c1.title = QStringLiteral("Disk usage 91% on node-3");
    c2.title = QStringLiteral("Disk usage 97% on node-7");
    inferAlertContext(c1);
    inferAlertContext(c2);
    QCOMPARE(c1.groupKey, c2.groupKey);
}

// --- Airflow ------------------------------------------------------------------------------

void tst_AlertSources::airflowFailedRuns_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("basicAuth");
    QTest::addColumn<int>("maxLimit");
    QTest::newRow("v1 (Composer 2), bearer") << 1 << false << 100;
    QTest::newRow("v1, basic auth, server caps limit at 50") << 1 << true << 50;
    QTest::newRow("v2 (Airflow 3), bearer") << 2 << false << 100;
}

void tst_AlertSources::airflowFailedRuns()
{
    QFETCH(int, version);
    QFETCH(bool, basicAuth);
    QFETCH(int, maxLimit);
    AirflowFixture airflow(version);
    QVERIFY(airflow.start());
    airflow.setMaxLimit(maxLimit);
    if (basicAuth)
        airflow.setBasicAuth(QStringLiteral("admin"), QStringLiteral("pa:ss"));
    else
        airflow.setToken(QStringLiteral("ya29.token"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 230; ++i) {
        AirflowFixture::DagRun run;
        run.dagId = QStringLiteral("dag_%1").arg(i % 40);
        run.runId = QStringLiteral("scheduled__%1").arg(now.addSecs(-60 * i).toString(Qt::ISODate));
        run.logicalDate = now.addDays(-1).addSecs(-60 * i);
        run.startDate = now.addSecs(-60 * i - 300);
        run.endDate = now.addSecs(-60 * i);
        run.state = i % 5 == 4 ? QStringLiteral("success") : QStringLiteral("failed");
        airflow.addRun(run);
        if (run.state == QLatin1String("failed")) {
            airflow.addTask({run.dagId, run.runId, QStringLiteral("extract"), QStringLiteral("success")});
            airflow.addTask({run.dagId, run.runId, QStringLiteral("load_bq"), QStringLiteral("failed"), 2});
        }
    }
    AirflowFixture::DagRun old; // ended before the lookback window
    old.dagId = QStringLiteral("ancient");
    old.runId = QStringLiteral("manual__old");
    old.logicalDate = now.addDays(-10);
    old.startDate = now.addDays(-10);
    old.endDate = now.addDays(-10);
    airflow.addRun(old);

    net::HttpClient http;
    AirflowConfig config;
    config.apiUrl = airflow.apiUrl().toString();
    if (basicAuth) {
        config.user = QStringLiteral("admin");
        config.password = QStringLiteral("pa:ss");
    } else {
        config.token = QStringLiteral("ya29.token");
    }
    AirflowAlertSource source(&http, config);
    QCOMPARE(source.apiVersion(), version);
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    QVERIFY2(pollOnce(source, 60000), qPrintable(source.health().lastErrorText));
    const QList<Alert> alerts = collect(received);
    QCOMPARE(alerts.size(), 184); // 230 runs, every fifth succeeded; the old one is outside
    // paged by total_entries: 184 failed runs, pages of at most `maxLimit`
    QCOMPARE(airflow.requestCount(QStringLiteral("/dags/~/dagRuns")), (184 + maxLimit - 1) / maxLimit);
    QCOMPARE(airflow.requestCount(QStringLiteral("/taskInstances")), 184);
    QSet<QString> ids;
    for (const Alert &alert : alerts) {
        ids.insert(alert.id);
        QCOMPARE(alert.source, QStringLiteral("airflow"));
        QVERIFY(alert.id.startsWith(alert.dagId + QLatin1Char('/')));
        QCOMPARE(alert.taskId, QStringLiteral("load_bq"));
        QVERIFY2(alert.title.contains(QLatin1String("load_bq")), qPrintable(alert.title));
        QVERIFY(!alert.title.contains(QLatin1String("extract")));
        QCOMPARE(alert.groupKey, QStringLiteral("dag:") + alert.dagId);
        QCOMPARE(alert.state, QStringLiteral("open"));
        QCOMPARE(alert.severity, Severity::Error);
        QVERIFY(alert.createdAt > 0);
        QVERIFY(alert.body.contains(QLatin1String("logical_date: ")));
        QVERIFY(alert.url.startsWith(airflow.baseUrl().toString() + QStringLiteral("/dags/") + alert.dagId));
        QVERIFY(alert.url.contains(version == 1 ? QLatin1String("/grid?dag_run_id=") : QLatin1String("/runs/")));
    }
    QCOMPARE(ids.size(), alerts.size());
    const FixtureRequest first = airflow.requests().constFirst();
    QCOMPARE(first.query.queryItemValue(QStringLiteral("state")), QStringLiteral("failed"));
    QVERIFY(first.query.hasQueryItem(QStringLiteral("end_date_gte")));
    QVERIFY(first.header("Authorization").startsWith(basicAuth ? "Basic " : "Bearer "));

    // a second poll only lists runs: the failed tasks of known runs are not fetched again
    received.clear();
    QVERIFY(pollOnce(source));
    QCOMPARE(received.count(), 0);
    QCOMPARE(airflow.requestCount(QStringLiteral("/taskInstances")), 184);
}

void tst_AlertSources::airflowV1AgainstAirflow3()
{
    AirflowFixture airflow(2);
    QVERIFY(airflow.start());
    net::HttpClient http;
    AirflowConfig config;
    config.apiUrl = airflow.baseUrl().toString() + QStringLiteral("/api/v1");
    AirflowAlertSource source(&http, config);
    QVERIFY(!pollOnce(source));
    const QString error = source.health().lastErrorText;
    QVERIFY2(error.contains(QLatin1String("HTTP 404")) && error.contains(QLatin1String("Airflow 3"))
                 && error.contains(QLatin1String("/api/v2")),
             qPrintable(error));
}

void tst_AlertSources::airflowUnauthorized()
{
    AirflowFixture airflow(1);
    QVERIFY(airflow.start());
    airflow.setToken(QStringLiteral("right"));
    net::HttpClient http;
    AirflowConfig config;
    config.apiUrl = airflow.apiUrl().toString();
    config.token = QStringLiteral("wrong-airflow-token");
    AirflowAlertSource source(&http, config);
    QVERIFY(!pollOnce(source));
    const QString error = source.health().lastErrorText;
    QVERIFY2(error.contains(QLatin1String("HTTP 401")) && error.contains(QLatin1String("WARROOM_AIRFLOW_TOKEN")),
             qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("wrong-airflow-token")));
}

// --- Webhook ------------------------------------------------------------------------------

tst_AlertSources::PostResult tst_AlertSources::post(const QUrl &url, const QByteArray &body,
                                                    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    PostResult result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

void tst_AlertSources::webhookRefusesNonLoopback_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("any IPv4") << QStringLiteral("0.0.0.0");
    QTest::newRow("any IPv6") << QStringLiteral("::");
    QTest::newRow("LAN") << QStringLiteral("192.168.1.20");
}

void tst_AlertSources::webhookRefusesNonLoopback()
{
    QFETCH(QString, address);
    WebhookOptions options;
    options.address = QHostAddress(address);
    options.secret = "s3cret";
    WebhookReceiver receiver(options);
    QString error;
    QVERIFY(!receiver.listen(&error));
    QVERIFY(!receiver.isListening());
    QVERIFY2(error.contains(QLatin1String("loopback")), qPrintable(error));
    QVERIFY(!receiver.health().ok());

    options.address = QHostAddress(QHostAddress::LocalHostIPv6);
    WebhookReceiver v6(options);
    if (v6.listen(&error)) // IPv6 loopback is allowed (when the machine has it)
        QVERIFY(v6.serverPort() > 0);
}

void tst_AlertSources::webhookRequiresSecret()
{
    WebhookReceiver receiver(WebhookOptions{});
    QString error;
    QVERIFY(!receiver.listen(&error));
    QVERIFY2(error.contains(QLatin1String("WARROOM_WEBHOOK_SECRET")), qPrintable(error));
}

void tst_AlertSources::webhookSecret_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::newRow("X-WarRoom-Secret") << QByteArray("X-WarRoom-Secret") << QByteArray("s3cret-value") << QString() << 200;
    QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer s3cret-value") << QString() << 200;
    QTest::newRow("basic (Cloud Monitoring)") << QByteArray("Authorization")
                                              << "Basic " + QByteArray("monitor:s3cret-value").toBase64() << QString() << 200;
    QTest::newRow("?token=") << QByteArray() << QByteArray() << QStringLiteral("s3cret-value") << 200;
    QTest::newRow("wrong secret") << QByteArray("X-WarRoom-Secret") << QByteArray("s3cret-valuE") << QString() << 401;
    QTest::newRow("prefix of the secret") << QByteArray("X-WarRoom-Secret") << QByteArray("s3cret") << QString() << 401;
    QTest::newRow("wrong token") << QByteArray() << QByteArray() << QStringLiteral("nope") << 401;
    QTest::newRow("none") << QByteArray() << QByteArray() << QString() << 401;
}

void tst_AlertSources::webhookSecret()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QString, query);
    QFETCH(int, status);
    WebhookOptions options;
    options.secret = "s3cret-value";
    WebhookReceiver receiver(options);
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QSignalSpy received(&receiver, &AlertSource::alertsReceived);
    QSignalSpy rejected(&receiver, &WebhookReceiver::requestRejected);
    QUrl url(QStringLiteral("http://127.0.0.1:%1/alertmanager").arg(receiver.serverPort()));
    if (!query.isEmpty())
        url.setQuery(QStringLiteral("token=") + query);
    const QByteArray body = R"({"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X"},"fingerprint":"f1","startsAt":"2026-06-05T01:00:00Z"}]})";
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!header.isEmpty())
        headers.append(qMakePair(header, value));
    const PostResult result = post(url, body, headers);
    QCOMPARE(result.status, status);
    QCOMPARE(received.count(), status == 200 ? 1 : 0);
    QCOMPARE(rejected.count(), status == 200 ? 0 : 1);
}

void tst_AlertSources::webhookOversizedBody()
{
    WebhookOptions options;
    options.secret = "s3cret";
    options.maxBodyBytes = 64 * 1024;
    WebhookReceiver receiver(options);
    QVERIFY(receiver.listen());
    QSignalSpy received(&receiver, &AlertSource::alertsReceived);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/").arg(receiver.serverPort()));
    const QByteArray huge = R"({"alerts":[],"pad":")" + QByteArray(200 * 1024, 'x') + "\"}";
    const PostResult result = post(url, huge, {{"X-WarRoom-Secret", "s3cret"}});
    QCOMPARE(result.status, 413);
    QCOMPARE(received.count(), 0);
    // still serving afterwards
    QCOMPARE(post(url, R"({"alerts":[]})", {{"X-WarRoom-Secret", "s3cret"}}).status, 200);

    // a body that keeps coming is cut off while it streams, not buffered whole
    QSignalSpy rejected(&receiver, &WebhookReceiver::requestRejected);
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, receiver.serverPort());
    QVERIFY(raw.waitForConnected(5000));
    raw.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-WarRoom-Secret: s3cret\r\n"
              "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n");
    const QByteArray chunk(64 * 1024, 'x');
    for (int i = 0; i < 8 && raw.state() == QAbstractSocket::ConnectedState; ++i)
        raw.write(chunk);
    QTRY_VERIFY_WITH_TIMEOUT(rejected.count() >= 1, 10000);
    QCOMPARE(rejected.first().at(0).toInt(), 413);
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += raw.readAll()).contains("\r\n\r\n"), 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QCOMPARE(received.count(), 0);
}

void tst_AlertSources::webhookBadJson()
{
    WebhookOptions options;
    options.secret = "s3cret";
    WebhookReceiver receiver(options);
    QVERIFY(receiver.listen());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/cloud-monitoring").arg(receiver.serverPort()));
    PostResult result = post(url, "{\"incident\": ", {{"X-WarRoom-Secret", "s3cret"}});
    QCOMPARE(result.status, 400);
    QVERIFY(result.body.contains("invalid JSON"));
    result = post(url, R"({"version":"1.2"})", {{"X-WarRoom-Secret", "s3cret"}});
    QCOMPARE(result.status, 400);
    QVERIFY(result.body.contains("incident"));
}

void tst_AlertSources::webhookAlertmanagerFiringResolved()
{
    WebhookOptions options;
    options.secret = "s3cret";
    WebhookReceiver receiver(options);
    QVERIFY(receiver.listen());
    QSignalSpy received(&receiver, &AlertSource::alertsReceived);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/alertmanager").arg(receiver.serverPort()));
    const QByteArray firing = R"({
      "version": "4", "groupKey": "{}:{alertname=\"ComposerSchedulerDown\"}", "truncatedAlerts": 0,
      "status": "firing", "receiver": "warroom",
      "groupLabels": {"alertname": "ComposerSchedulerDown"},
      "commonLabels": {"alertname": "ComposerSchedulerDown", "severity": "critical"},
      "commonAnnotations": {}, "externalURL": "http://alertmanager:9093",
      "alerts": [
        {"status": "firing",
         "labels": {"alertname": "ComposerSchedulerDown", "severity": "critical", "env": "prod"},
         "annotations": {"summary": "Scheduler heartbeat missing", "description": "No heartbeat for 10m"},
         "startsAt": "2026-06-05T01:02:03.123Z", "endsAt": "0001-01-01T00:00:00Z",
         "generatorURL": "http://prometheus:9090/graph?g0.expr=up", "fingerprint": "c0ffee0123456789"},
        {"status": "firing",
         "labels": {"alertname": "DagFailing", "severity": "warning", "dag_id": "load_users"},
         "annotations": {"summary": "load_users failing"},
         "startsAt": "2026-06-05T01:05:00Z", "endsAt": "0001-01-01T00:00:00Z",
         "generatorURL": "http://prometheus:9090/graph?g0.expr=dag", "fingerprint": "abad1dea00000001"}
      ]})";
    QCOMPARE(post(url, firing, {{"Authorization", "Bearer s3cret"}}).status, 200);
    QCOMPARE(received.count(), 1);
    QList<Alert> alerts = received.first().at(0).value<QList<Alert>>();
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts.at(0).source, QStringLiteral("webhook"));
    QCOMPARE(alerts.at(0).id, QStringLiteral("alertmanager:c0ffee0123456789"));
    QCOMPARE(alerts.at(0).title, QStringLiteral("ComposerSchedulerDown: Scheduler heartbeat missing"));
    QCOMPARE(alerts.at(0).severity, Severity::Critical);
    QCOMPARE(alerts.at(0).state, QStringLiteral("open"));
    QCOMPARE(alerts.at(0).url, QStringLiteral("http://prometheus:9090/graph?g0.expr=up"));
    QCOMPARE(formatRfc3339(alerts.at(0).createdAt), QStringLiteral("2026-06-05T01:02:03.123000Z"));
    QCOMPARE(alerts.at(1).severity, Severity::Warning);
    QCOMPARE(alerts.at(1).dagId, QStringLiteral("load_users"));
    QCOMPARE(alerts.at(1).groupKey, QStringLiteral("dag:load_users"));

    QByteArray resolved = firing;
    resolved.replace("\"status\": \"firing\"", "\"status\": \"resolved\"");
    resolved.replace("\"endsAt\": \"0001-01-01T00:00:00Z\"", "\"endsAt\": \"2026-06-05T02:00:00Z\"");
    QCOMPARE(post(url, resolved, {{"X-WarRoom-Secret", "s3cret"}}).status, 200);
    QCOMPARE(received.count(), 2);
    alerts = received.at(1).at(0).value<QList<Alert>>();
    QCOMPARE(alerts.at(0).id, QStringLiteral("alertmanager:c0ffee0123456789"));
    QCOMPARE(alerts.at(0).state, QStringLiteral("resolved"));
    QCOMPARE(formatRfc3339(alerts.at(0).updatedAt), QStringLiteral("2026-06-05T02:00:00Z"));
}

void tst_AlertSources::webhookCloudMonitoring()
{
    WebhookOptions options;
    options.secret = "s3cret";
    WebhookReceiver receiver(options);
    QVERIFY(receiver.listen());
    QSignalSpy received(&receiver, &AlertSource::alertsReceived);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/?token=s3cret").arg(receiver.serverPort()));
    QByteArray open = R"({
      "incident": {
        "incident_id": "0.opqiw61fsv7p", "scoping_project_id": "my-proj", "scoping_project_number": 12345,
        "url": "https://console.cloud.google.com/monitoring/alerting/incidents/0.opqiw61fsv7p?project=my-proj",
        "started_at": 1780621200, "ended_at": null, "state": "open", "summary": "Composer DAG failures above 5",
        "apigee_url": "", "observed_value": "7", "resource": {"type": "cloud_composer_environment", "labels": {"project_id": "my-proj", "environment_name": "prod"}},
        "resource_type_display_name": "Cloud Composer Environment", "resource_id": "", "resource_display_name": "prod",
        "resource_name": "my-proj prod", "metric": {"type": "composer.googleapis.com/workflow/run_count", "displayName": "Workflow Runs", "labels": {"workflow_name": "load_users", "state": "failed"}},
        "metadata": {"system_labels": {}, "user_labels": {}},
        "policy_name": "Composer failed DAG runs", "policy_user_labels": {"severity": "critical", "team": "data"},
        "documentation": {"content": "Check the Composer UI.", "mime_type": "text/markdown", "subject": "", "links": []},
        "condition": {"name": "projects/my-proj/alertPolicies/1/conditions/2", "displayName": "failed runs"},
        "condition_name": "failed runs", "threshold_value": "5", "severity": "Critical"
      },
      "version": "1.2"})";
    QCOMPARE(post(url, open, {}).status, 200);
    QCOMPARE(received.count(), 1);
    Alert alert = received.first().at(0).value<QList<Alert>>().first();
    QCOMPARE(alert.source, QStringLiteral("webhook"));
    QCOMPARE(alert.id, QStringLiteral("cloud-monitoring:0.opqiw61fsv7p"));
    QCOMPARE(alert.title, QStringLiteral("Composer failed DAG runs: Composer DAG failures above 5"));
    QCOMPARE(alert.state, QStringLiteral("open"));
    QCOMPARE(alert.severity, Severity::Critical);
    QCOMPARE(formatRfc3339(alert.createdAt), QStringLiteral("2026-06-05T01:00:00Z"));
    QVERIFY(alert.url.startsWith(QLatin1String("https://console.cloud.google.com/")));
    QVERIFY(alert.body.contains(QLatin1String("Check the Composer UI.")));

    QByteArray closed = open;
    closed.replace("\"state\": \"open\"", "\"state\": \"closed\"");
    closed.replace("\"ended_at\": null", "\"ended_at\": 1780624800");
    QCOMPARE(post(url, closed, {}).status, 200);
    QCOMPARE(received.count(), 2);
    alert = received.at(1).at(0).value<QList<Alert>>().first();
    QCOMPARE(alert.state, QStringLiteral("closed"));
    QCOMPARE(formatRfc3339(alert.updatedAt), QStringLiteral("2026-06-05T02:00:00Z"));
}

// --- Replay -------------------------------------------------------------------------------

void tst_AlertSources::replayTiming()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outage.ndjson"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"offset_seconds": 0, "source": "replay", "kind": "github_issue", "id": "a", "title": "Composer scheduler down", "severity": "critical", "state": "open", "created_at": "2026-06-05T01:00:00Z", "url": "https://example/1", "labels": ["alert"]}
{"offset_seconds": 60, "id": "b", "title": "DAG load_users failed", "severity": "error", "dag_id": "load_users", "task_id": "load_bq"}
# a comment
{"offset_seconds": 120, "id": "c", "title": "Freshness check failed", "severity": "warning", "table": "sales.orders"}
{"offset_seconds": 300, "id": "a", "title": "Composer scheduler down", "severity": "critical", "state": "resolved", "created_at": "2026-06-05T01:00:00Z"}
)");
    file.close();
    ReplaySource source(path, 1000.0); // 300 recorded seconds in 0.3 s
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    QSignalSpy finished(&source, &ReplaySource::finished);
    QList<qint64> arrivals;
    QElapsedTimer clock;
    connect(&source, &AlertSource::alertsReceived, this, [&](const QList<Alert> &alerts) {
        for (int i = 0; i < alerts.size(); ++i)
            arrivals.append(clock.elapsed());
    });
    clock.start();
    source.start();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    const QList<Alert> alerts = collect(received);
    QCOMPARE(alerts.size(), 4);
    QCOMPARE(alerts.at(0).id, QStringLiteral("a"));
    QCOMPARE(alerts.at(1).id, QStringLiteral("b"));
    QCOMPARE(alerts.at(2).id, QStringLiteral("c"));
    QCOMPARE(alerts.at(3).state, QStringLiteral("resolved"));
    for (const Alert &alert : alerts)
        QCOMPARE(alert.source, QStringLiteral("replay"));
    QCOMPARE(alerts.at(1).dagId, QStringLiteral("load_users"));
    QCOMPARE(alerts.at(2).table, QStringLiteral("sales.orders"));
    QCOMPARE(formatRfc3339(alerts.at(0).createdAt), QStringLiteral("2026-06-05T01:00:00Z"));
    // arrival times follow the recording, accelerated: 0, 60, 120, 300 s -> 0, 60, 120, 300 ms
    QVERIFY2(arrivals.at(0) < 50, qPrintable(QString::number(arrivals.at(0))));
    QVERIFY2(arrivals.at(1) >= 55, qPrintable(QString::number(arrivals.at(1))));
    QVERIFY2(arrivals.at(2) >= 115, qPrintable(QString::number(arrivals.at(2))));
    QVERIFY2(arrivals.at(3) >= 295 && arrivals.at(3) < 3000, qPrintable(QString::number(arrivals.at(3))));
    QVERIFY(source.isFinished());
    QVERIFY(source.health().ok());
}

void tst_AlertSources::replayMalformedLines()
{
    const QByteArray data = R"({"offset_seconds": 0, "id": "ok1", "title": "fine"}
{"offset_seconds": 5, "id": "x", "title": 
{"id": "no-offset", "title": "t"}
{"offset_seconds": 1, "id": "bad-sev", "title": "t", "severity": "apocalyptic"}
{"offset_seconds": 2, "id": "bad-time", "title": "t", "created_at": "yesterday"}
[1, 2]
{"offset_seconds": 3, "id": "ok2", "title": "fine too", "state": "closed"}
)";
    Diagnostics diagnostics;
    const auto events = ReplaySource::parse(data, QStringLiteral("outage.ndjson"), &diagnostics);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(1).alert.id, QStringLiteral("ok2"));
    QCOMPARE(diagnostics.size(), 5);
    QList<int> lines;
    for (const Diagnostic &d : diagnostics) {
        lines.append(d.line);
        QVERIFY(d.toString().startsWith(QStringLiteral("outage.ndjson:%1").arg(d.line)));
    }
    QCOMPARE(lines, (QList<int>{2, 3, 4, 5, 6}));
    QVERIFY(diagnostics.at(0).message.contains(QLatin1String("invalid JSON")));
    QVERIFY(diagnostics.at(1).message.contains(QLatin1String("offset_seconds")));
    QVERIFY(diagnostics.at(2).message.contains(QLatin1String("apocalyptic")));

    // as a source: the valid events still play, the health names the bad lines
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.ndjson"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    ReplaySource source(path, 60);
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    QSignalSpy finished(&source, &AlertSource::pollFinished);
    source.pollNow();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(collect(received).size(), 2);
    QVERIFY(source.health().lastErrorText.contains(path + QStringLiteral(":3")));

    ReplaySource missing(dir.filePath(QStringLiteral("nope.ndjson")), 60);
    QSignalSpy missingFinished(&missing, &AlertSource::pollFinished);
    missing.pollNow();
    QCOMPARE(missingFinished.first().at(0).toBool(), false);
    QVERIFY(missing.health().lastErrorText.contains(QLatin1String("cannot read")));
}

void tst_AlertSources::replayPollNowEmitsAll()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("o.ndjson"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"offset_seconds\": 3600, \"id\": \"late\", \"title\": \"late\"}\n"
               "{\"offset_seconds\": 0, \"id\": \"early\", \"title\": \"early\"}\n");
    file.close();
    ReplaySource source(path, 1.0);
    QSignalSpy received(&source, &AlertSource::alertsReceived);
    source.pollNow();
    QCOMPARE(received.count(), 1);
    const QList<Alert> alerts = collect(received);
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts.at(0).id, QStringLiteral("early")); // sorted by offset
    // undated events keep their recorded spacing, the last one "now"
    QCOMPARE(alerts.at(1).createdAt - alerts.at(0).createdAt, 3600LL * 1000000);
    QVERIFY(qAbs(alerts.at(1).createdAt - QDateTime::currentMSecsSinceEpoch() * 1000) < 5000000);
    QVERIFY(source.isFinished());
}

QTEST_GUILESS_MAIN(tst_AlertSources)
#include "tst_alertsources.moc"
