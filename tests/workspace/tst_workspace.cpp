#include "core/workspace/SecretStore.h"
#include "core/workspace/Workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace warroom;

class tst_Workspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullExampleFromDesign();
    void defaults();
    void problems_data();
    void problems();
    void readsFolderOrFile();
    void missingFileNamesFolder();
    void environmentSecrets();
    void chainedSecretsFallBack();
    void keychainRoundTrip();

private:
    QTemporaryDir m_dir;
    QString root() const { return m_dir.path(); }
};

void tst_Workspace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QDir d(root());
    for (const char *folder : {"stairlight", "sql", "dags", "logs", "lineage", "alerts"})
        QVERIFY(d.mkpath(QString::fromLatin1(folder)));
    for (const char *file : {"logs/jobs.json", "lineage/events.ndjson", "alerts/outage.ndjson"}) {
        QFile f(d.filePath(QString::fromLatin1(file)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
}

void tst_Workspace::fullExampleFromDesign()
{
    // The example of DESIGN.md, verbatim.
    const QByteArray yaml = R"(name: bigfoot
timezone: Asia/Tokyo
lineage:
  stairlight: stairlight/          # a stairlight configuration directory, read as it is
  sql: [sql/]                      # SQL files (a bare SELECT writes <dataset>/<table>.sql)
  dags: [dags/]                    # Airflow DAG files (dag_id, task_id, SQL files, destinations)
  jobs: logs/jobs.json             # INFORMATION_SCHEMA.JOBS export (bq --format=json or NDJSON)
  openlineage: [lineage/events.ndjson]
usage:
  jobs: logs/jobs.json
  window_days: 30
  bigquery: {project: my-proj, region: region-us}   # optional: rank in BigQuery itself
github:
  api_url: https://api.github.com  # GitHub Enterprise: https://HOST/api/v3
  repo: owner/name
  alert_labels: [alert, dag-failure]
  recovery_label: recovery
airflow:
  api_url: https://AIRFLOW/api/v1  # Composer web server URL, or a self-hosted Airflow
  rerun: true                      # the board may clear and trigger runs (after confirmation)
webhook:
  port: 8787                       # loopback only
replay: {file: alerts/outage.ndjson, speed: 120}
incident: {name: Composer outage, since: "2026-11-19T17:00:00Z", until: "2026-11-19T20:00:00Z", broken: ["dag:orders_hourly", mart.orders]}
)";
    Diagnostics diags;
    const auto config = WorkspaceReader::fromYaml(yaml, root(), &diags);
    QVERIFY(config);
    QVERIFY2(diags.isEmpty(), qPrintable(diags.value(0).toString()));
    QCOMPARE(config->name, QStringLiteral("bigfoot"));
    QCOMPARE(config->timezone, QStringLiteral("Asia/Tokyo"));
    QCOMPARE(config->lineage.stairlight, QDir(root()).filePath(QStringLiteral("stairlight")));
    QCOMPARE(config->lineage.sql, QStringList{QDir(root()).filePath(QStringLiteral("sql"))});
    QCOMPARE(config->lineage.jobs, QDir(root()).filePath(QStringLiteral("logs/jobs.json")));
    QCOMPARE(config->lineage.openlineage.size(), 1);
    QCOMPARE(config->usage.windowDays, 30);
    QCOMPARE(config->usage.bigqueryProject, QStringLiteral("my-proj"));
    QCOMPARE(config->usage.bigqueryRegion, QStringLiteral("region-us"));
    QCOMPARE(config->github.repo, QStringLiteral("owner/name"));
    QCOMPARE(config->github.alertLabels, (QStringList{QStringLiteral("alert"), QStringLiteral("dag-failure")}));
    QCOMPARE(config->airflow.apiUrl, QStringLiteral("https://AIRFLOW/api/v1"));
    QVERIFY(config->airflow.rerunAllowed());
    QCOMPARE(config->webhook.port, 8787);
    QCOMPARE(config->replay.speed, 120.0);
    QCOMPARE(config->incident.broken, (QStringList{QStringLiteral("dag:orders_hourly"), QStringLiteral("mart.orders")}));
    QCOMPARE(config->stateDatabasePath(), QDir(root()).filePath(QStringLiteral(".warroom/state.sqlite")));
}

void tst_Workspace::defaults()
{
    Diagnostics diags;
    const auto config = WorkspaceReader::fromYaml("", root(), &diags);
    QVERIFY(config);
    QVERIFY(diags.isEmpty());
    QCOMPARE(config->name, QFileInfo(root()).fileName());
    QCOMPARE(config->timezone, QStringLiteral("UTC"));
    QCOMPARE(config->github.apiUrl, QStringLiteral("https://api.github.com"));
    QCOMPARE(config->usage.windowDays, 30);
    QVERIFY(!config->github.isConfigured());
    QVERIFY(!config->airflow.isConfigured());
    QVERIFY(!config->airflow.rerunAllowed());
}

void tst_Workspace::problems_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("usable");      // a config still comes back
    QTest::addColumn<bool>("isError");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("bad yaml") << QByteArray("name: [unclosed\n") << false << true << 2 << "not valid YAML";
    QTest::newRow("tab indentation") << QByteArray("lineage:\n\tsql: x\n") << false << true << 2 << "not valid YAML";
    QTest::newRow("top level list") << QByteArray("- a\n- b\n") << false << true << 1 << "mapping";
    QTest::newRow("unknown key warns") << QByteArray("name: x\ncolour: red\n") << true << false << 2 << "unknown key 'colour'";
    QTest::newRow("unknown nested key") << QByteArray("github:\n  repo: a/b\n  labels: [x]\n") << true << false << 3 << "github.labels";
    QTest::newRow("missing path") << QByteArray("lineage:\n  jobs: logs/nope.json\n") << true << true << 2 << "logs/nope.json does not exist";
    QTest::newRow("missing path in list") << QByteArray("lineage:\n  sql:\n    - sql/\n    - other/\n") << true << true << 4 << "other/ does not exist";
    QTest::newRow("bad repo") << QByteArray("github: {repo: justname}\n") << true << true << 1 << "owner/name";
    QTest::newRow("bad url") << QByteArray("github:\n  api_url: api.github.com\n") << true << true << 2 << "http(s) URL";
    QTest::newRow("bad port") << QByteArray("webhook:\n  port: 99999\n") << true << true << 2 << "webhook.port";
    QTest::newRow("port not a number") << QByteArray("webhook:\n  port: eighty\n") << true << true << 2 << "eighty";
    QTest::newRow("window days zero") << QByteArray("usage:\n  window_days: 0\n") << true << true << 2 << "usage.window_days";
    QTest::newRow("bad timezone") << QByteArray("timezone: Mars/Olympus\n") << true << true << 1 << "Mars/Olympus";
    QTest::newRow("token in file") << QByteArray("github:\n  repo: a/b\n  token: ghp_x\n") << true << true << 3 << "secrets never go";
    QTest::newRow("section not a map") << QByteArray("lineage: sql/\n") << true << true << 1 << "'lineage' must be a mapping";
    QTest::newRow("list where value") << QByteArray("name: [a, b]\n") << true << true << 1 << "single value";
    QTest::newRow("rerun not a boolean") << QByteArray("airflow:\n  api_url: https://a/api/v1\n  rerun: yes please\n") << true << true << 3 << "airflow.rerun";
    QTest::newRow("bad incident time") << QByteArray("incident:\n  since: yesterday\n") << true << true << 2 << "RFC 3339";
}

void tst_Workspace::problems()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, usable);
    QFETCH(bool, isError);
    QFETCH(int, line);
    QFETCH(QString, mentions);

    Diagnostics diags;
    const auto config = WorkspaceReader::fromYaml(yaml, root(), &diags);
    QCOMPARE(bool(config), usable);
    QCOMPARE(diags.size(), 1);
    const Diagnostic &d = diags.first();
    QCOMPARE(d.isError(), isError);
    QCOMPARE(d.line, line);
    QVERIFY2(d.message.contains(mentions), qPrintable(d.message));
    QVERIFY2(d.toString().startsWith(QDir(root()).filePath(QStringLiteral("warroom.yaml")) + QLatin1Char(':') + QString::number(line)),
             qPrintable(d.toString()));
}

void tst_Workspace::readsFolderOrFile()
{
    QFile f(QDir(root()).filePath(QStringLiteral("warroom.yaml")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name: from-file\nlineage:\n  sql: sql\n");
    f.close();
    Diagnostics diags;
    const auto viaFolder = WorkspaceReader::read(root(), &diags);
    const auto viaFile = WorkspaceReader::read(f.fileName(), &diags);
    QVERIFY(viaFolder && viaFile);
    QVERIFY(diags.isEmpty());
    QCOMPARE(viaFolder->name, QStringLiteral("from-file"));
    QCOMPARE(viaFile->lineage.sql, viaFolder->lineage.sql);
    QCOMPARE(viaFolder->rootDir, QDir(root()).absolutePath());
    f.remove();
}

void tst_Workspace::missingFileNamesFolder()
{
    QTemporaryDir empty;
    Diagnostics diags;
    QVERIFY(!WorkspaceReader::read(empty.path(), &diags));
    QCOMPARE(diags.size(), 1);
    QVERIFY(diags[0].toString().contains(QLatin1String("warroom.yaml")));
    QVERIFY(diags[0].message.contains(QLatin1String("no warroom.yaml")));
}

void tst_Workspace::environmentSecrets()
{
    QCOMPARE(Secret::environmentVariable(Secret::GitHubToken), QStringLiteral("WARROOM_GITHUB_TOKEN"));
    QCOMPARE(Secret::environmentVariable(Secret::AirflowPassword), QStringLiteral("WARROOM_AIRFLOW_PASSWORD"));
    qputenv("WARROOM_GITHUB_TOKEN", "ghp_test");
    qunsetenv("WARROOM_GOOGLE_TOKEN");
    EnvironmentSecretStore env;
    QCOMPARE(env.secret(Secret::GitHubToken).value_or(QString()), QStringLiteral("ghp_test"));
    QVERIFY(!env.secret(Secret::GoogleToken));
    QString error;
    QVERIFY(!env.setSecret(Secret::GoogleToken, QStringLiteral("x"), &error));
    QVERIFY(error.contains(QLatin1String("WARROOM_GOOGLE_TOKEN")));
    // Without a D-Bus session (or with WARROOM_NO_KEYCHAIN, as here) the default is the environment.
    QCOMPARE(createDefaultSecretStore()->secret(Secret::GitHubToken).value_or(QString()), QStringLiteral("ghp_test"));
}

void tst_Workspace::chainedSecretsFallBack()
{
    auto primary = std::make_unique<MemorySecretStore>();
    QString error;
    QVERIFY(primary->setSecret(Secret::AirflowToken, QStringLiteral("from-keychain"), &error));
    qputenv("WARROOM_AIRFLOW_TOKEN", "from-env");
    qputenv("WARROOM_WEBHOOK_SECRET", "hook");
    ChainedSecretStore chained(std::move(primary), std::make_unique<EnvironmentSecretStore>());
    QCOMPARE(*chained.secret(Secret::AirflowToken), QStringLiteral("from-keychain"));
    QCOMPARE(*chained.secret(Secret::WebhookSecret), QStringLiteral("hook"));
    QVERIFY(chained.setSecret(Secret::GoogleToken, QStringLiteral("g"), &error));
    QCOMPARE(*chained.secret(Secret::GoogleToken), QStringLiteral("g"));
}

void tst_Workspace::keychainRoundTrip()
{
    // Runs for real only under tests/workspace/run-with-keyring.sh (CTest: keychain_integration).
    if (!qEnvironmentVariableIsSet("WARROOM_KEYCHAIN_TEST"))
        QSKIP("needs a D-Bus session with a Secret Service: see the keychain_integration test");
    KeychainSecretStore keychain(QStringLiteral("warroom-test"));
    QString why;
    QVERIFY2(keychain.available(&why), qPrintable(why));
    QString error;
    QVERIFY2(keychain.setSecret(Secret::GitHubToken, QStringLiteral("ghp_from_keyring"), &error), qPrintable(error));
    QCOMPARE(keychain.secret(Secret::GitHubToken).value_or(QString()), QStringLiteral("ghp_from_keyring"));
    QVERIFY(!keychain.secret(Secret::GoogleToken));
    QVERIFY2(keychain.removeSecret(Secret::GitHubToken, &error), qPrintable(error));
    QVERIFY(!keychain.secret(Secret::GitHubToken));
}

QTEST_GUILESS_MAIN(tst_Workspace)
#include "tst_workspace.moc"
