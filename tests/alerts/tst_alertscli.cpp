// `warroom-cli alerts --workspace DIR --once --format json` end to end, as a child process,
// against the GitHub and Airflow fixture servers running in this process.
#include "tests/fixtures/AirflowFixture.h"
#include "tests/fixtures/GitHubFixture.h"

#include <QtTest>

using namespace warroom::fixtures;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class tst_AlertsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pollsEverySourceAndIsConditionalNextTime();
    void unreachableSourceFails();
    void malformedReplayFails();
    void usageErrors();

private:
    CliRun run(const QStringList &arguments, const QProcessEnvironment &extra = {});
    QString writeWorkspace(const QString &yaml, const QByteArray &replay = {});
    QString m_cli;
    QTemporaryDir m_dir;
    int m_workspaces = 0;
};

void tst_AlertsCli::initTestCase()
{
    m_cli = qEnvironmentVariable("WARROOM_BIN_DIR") + QStringLiteral("/warroom-cli");
    QVERIFY2(QFileInfo::exists(m_cli), qPrintable(m_cli));
    QVERIFY(m_dir.isValid());
}

CliRun tst_AlertsCli::run(const QStringList &arguments, const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WARROOM_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("WARROOM_GITHUB_TOKEN"));
    env.remove(QStringLiteral("WARROOM_AIRFLOW_TOKEN"));
    env.insert(extra);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_cli, arguments);
    // spin the event loop (the fixtures live in this process) until the CLI exits
    if (!finished.wait(90000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QString tst_AlertsCli::writeWorkspace(const QString &yaml, const QByteArray &replay)
{
    const QString dir = m_dir.filePath(QStringLiteral("ws%1").arg(++m_workspaces));
    QDir().mkpath(dir);
    QFile config(dir + QStringLiteral("/warroom.yaml"));
    config.open(QIODevice::WriteOnly);
    config.write(yaml.toUtf8());
    if (!replay.isNull()) {
        QFile file(dir + QStringLiteral("/replay.ndjson"));
        file.open(QIODevice::WriteOnly);
        file.write(replay);
    }
    return dir;
}

void tst_AlertsCli::pollsEverySourceAndIsConditionalNextTime()
{
    GitHubFixture github;
    QVERIFY(github.start());
    github.setToken(QStringLiteral("ghp_cli_token"));
    QSet<QString> expectedGithub;
    for (int i = 0; i < 130; ++i) {
        GitHubFixture::IssueData issue;
        issue.title = QStringLiteral("Freshness check failed for sales.t%1").arg(i);
        issue.labels = {QStringLiteral("alert")};
        if (i < 10)
            issue.labels.append(QStringLiteral("dag-failure"));
        if (i == 7)
            issue.labels.append(QStringLiteral("severity:critical"));
        expectedGithub.insert(QString::number(github.addIssue(issue)));
    }
    GitHubFixture::IssueData pr;
    pr.title = QStringLiteral("PR");
    pr.labels = {QStringLiteral("alert")};
    pr.pullRequest = true;
    github.addIssue(pr);

    AirflowFixture airflow(1);
    QVERIFY(airflow.start());
    airflow.setBasicAuth(QStringLiteral("ops"), QStringLiteral("airflow-pw"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 4; ++i) {
        AirflowFixture::DagRun run;
        run.dagId = QStringLiteral("load_users");
        run.runId = QStringLiteral("scheduled__%1").arg(i);
        run.logicalDate = now.addDays(-1);
        run.startDate = now.addSecs(-600);
        run.endDate = now.addSecs(-60 * i);
        airflow.addRun(run);
        airflow.addTask({run.dagId, run.runId, QStringLiteral("load_bq")});
    }

    const QByteArray replay =
        R"({"offset_seconds": 0, "id": "r1", "title": "Composer down", "severity": "critical", "created_at": "2026-06-05T01:00:00Z"}
{"offset_seconds": 60, "id": "r2", "title": "DAG x failed", "severity": "error"}
{"offset_seconds": 120, "id": "r1", "title": "Composer down", "severity": "critical", "state": "resolved", "created_at": "2026-06-05T01:00:00Z"}
)";
    const QString dir = writeWorkspace(QStringLiteral(
        "name: cli-test\n"
        "github:\n  api_url: %1\n  repo: %2\n  alert_labels: [alert, dag-failure]\n"
        "airflow:\n  api_url: %3\n"
        "webhook:\n  port: 18787\n"
        "replay:\n  file: replay.ndjson\n  speed: 600\n")
        .arg(github.apiUrl().toString(), github.repo(), airflow.apiUrl().toString()), replay);
    QProcessEnvironment env;
    env.insert(QStringLiteral("WARROOM_GITHUB_TOKEN"), QStringLiteral("ghp_cli_token"));
    env.insert(QStringLiteral("WARROOM_AIRFLOW_USER"), QStringLiteral("ops"));
    env.insert(QStringLiteral("WARROOM_AIRFLOW_PASSWORD"), QStringLiteral("airflow-pw"));
    const QStringList args{QStringLiteral("alerts"), QStringLiteral("--workspace"), dir,
                           QStringLiteral("--once"), QStringLiteral("--format"), QStringLiteral("json")};

    const CliRun first = run(args, env);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(first.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, first.out.left(500).constData());
    const QJsonArray alerts = doc.object().value(QLatin1String("alerts")).toArray();
    QHash<QString, QSet<QString>> ids;
    for (const QJsonValue &value : alerts) {
        const QJsonObject alert = value.toObject();
        for (const char *key : {"source", "id", "title", "url", "severity", "state", "created_at"})
            QVERIFY2(alert.contains(QLatin1String(key)), key);
        const QString source = alert.value(QLatin1String("source")).toString();
        const QString id = alert.value(QLatin1String("id")).toString();
        QVERIFY2(!ids[source].contains(id), qPrintable(source + QLatin1Char(' ') + id)); // distinct
        ids[source].insert(id);
        QVERIFY(QDateTime::fromString(alert.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs).isValid());
        const QString state = alert.value(QLatin1String("state")).toString();
        QVERIFY(state == QLatin1String("open") || state == QLatin1String("closed") || state == QLatin1String("resolved"));
        if (source == QLatin1String("replay") && id == QLatin1String("r1"))
            QCOMPARE(state, QStringLiteral("resolved")); // the latest event of an alert wins
        if (source == QLatin1String("github") && id == QLatin1String("8"))
            QCOMPARE(alert.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
    }
    QCOMPARE(ids.value(QStringLiteral("github")), expectedGithub);
    QCOMPARE(ids.value(QStringLiteral("airflow")).size(), 4);
    QCOMPARE(ids.value(QStringLiteral("replay")), (QSet<QString>{QStringLiteral("r1"), QStringLiteral("r2")}));
    QCOMPARE(ids.size(), 3); // the webhook is a push source: not polled
    QVERIFY(!first.out.contains("ghp_cli_token") && !first.err.contains("ghp_cli_token"));
    QVERIFY(!first.out.contains("airflow-pw"));
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/.warroom/state.sqlite")));

    // alert: 131 entries -> 2 pages; dag-failure: 10 -> 1 page
    QCOMPARE(github.requestCount(QStringLiteral("/issues")), 3);
    QCOMPARE(github.conditionalRequests(), 0);

    const CliRun second = run(args, env);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QCOMPARE(github.requestCount(QStringLiteral("/issues")), 6);
    QString asked;
    for (const FixtureRequest &request : github.requests())
        asked += request.url.toString() + (request.hasHeader("If-None-Match") ? " (conditional)\n" : "\n");
    QVERIFY2(github.conditionalRequests() == 3, qPrintable(asked)); // every page asked with If-None-Match
    QCOMPARE(github.notModifiedResponses(), 3);  // and answered 304 (free of rate limit)
    const QJsonArray again = QJsonDocument::fromJson(second.out).object().value(QLatin1String("alerts")).toArray();
    QCOMPARE(again.size(), alerts.size());
    int githubAgain = 0;
    for (const QJsonValue &value : again)
        githubAgain += value.toObject().value(QLatin1String("source")).toString() == QLatin1String("github");
    QCOMPARE(githubAgain, expectedGithub.size());
}

void tst_AlertsCli::unreachableSourceFails()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString dir = writeWorkspace(QStringLiteral(
        "github:\n  api_url: http://127.0.0.1:%1\n  repo: acme/warehouse\n  alert_labels: [alert]\n").arg(port));
    QProcessEnvironment env;
    env.insert(QStringLiteral("WARROOM_GITHUB_TOKEN"), QStringLiteral("never-printed-token"));
    const CliRun result = run({QStringLiteral("alerts"), QStringLiteral("--workspace"), dir,
                               QStringLiteral("--once"), QStringLiteral("--format"), QStringLiteral("json")}, env);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("warroom-cli alerts: github: GET http://127.0.0.1:"), result.err.constData());
    QVERIFY2(result.err.contains("refused"), result.err.constData());
    QVERIFY(!result.err.contains("never-printed-token"));
}

void tst_AlertsCli::malformedReplayFails()
{
    const QString dir = writeWorkspace(QStringLiteral("replay:\n  file: replay.ndjson\n"),
                                       "{\"offset_seconds\": 0, \"id\": \"a\", \"title\": \"ok\"}\n{\"offset_seconds\": \n");
    const CliRun result = run({QStringLiteral("alerts"), QStringLiteral("--workspace"), dir, QStringLiteral("--once")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("replay.ndjson:2"), result.err.constData());
}

void tst_AlertsCli::usageErrors()
{
    CliRun result = run({QStringLiteral("alerts"), QStringLiteral("--once")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("--workspace"));
    const QString dir = writeWorkspace(QStringLiteral("name: empty\n"));
    result = run({QStringLiteral("alerts"), QStringLiteral("--workspace"), dir, QStringLiteral("--once")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("no pollable alert source"), result.err.constData());
    result = run({QStringLiteral("alerts"), QStringLiteral("--workspace"), dir, QStringLiteral("--once"),
                  QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(result.exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_AlertsCli)
#include "tst_alertscli.moc"
