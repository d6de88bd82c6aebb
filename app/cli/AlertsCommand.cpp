// warroom-cli alerts: poll every configured alert source (GitHub issues by label, failed
// Airflow runs, the replay file) once and print the alerts. HTTP validators persist in the
// workspace state, so the next run makes conditional requests. Logic lives in core/alerts.
#include "app/cli/CliCommand.h"

#include "core/alerts/AlertSources.h"
#include "core/alerts/WebhookReceiver.h"
#include "core/common/Timestamps.h"
#include "core/feed/AlertFeed.h"
#include "core/net/HttpCache.h"
#include "core/net/HttpClient.h"
#include "core/store/IncidentStore.h"
#include "core/workspace/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace warroom::cli {

static void printStderr(const QString &text)
{
    const QByteArray utf8 = text.toUtf8() + '\n';
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
}

static std::string utf8(const QString &text)
{
    return text.toStdString();
}

static nlohmann::ordered_json toJson(const Alert &alert)
{
    nlohmann::ordered_json j;
    j["source"] = utf8(alert.source);
    j["id"] = utf8(alert.id);
    j["title"] = utf8(alert.title);
    j["url"] = utf8(alert.url);
    j["severity"] = utf8(severityName(alert.severity));
    j["state"] = utf8(alert.state);
    j["created_at"] = alert.createdAt ? nlohmann::ordered_json(utf8(formatRfc3339(alert.createdAt)))
                                      : nlohmann::ordered_json();
    j["updated_at"] = alert.updatedAt ? nlohmann::ordered_json(utf8(formatRfc3339(alert.updatedAt)))
                                      : nlohmann::ordered_json();
    j["group_key"] = utf8(alert.groupKey);
    j["dag_id"] = utf8(alert.dagId);
    j["task_id"] = utf8(alert.taskId);
    j["table"] = utf8(alert.table);
    nlohmann::ordered_json labels = nlohmann::ordered_json::array();
    for (const QString &label : alert.labels)
        labels.push_back(utf8(label));
    j["labels"] = labels;
    j["body"] = utf8(alert.body);
    return j;
}


static int runAlerts(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Poll every alert source configured in a workspace once and print the alerts as JSON:\n"
        "{\"alerts\": [{\"source\", \"id\", \"title\", \"url\", \"severity\", \"state\", "
        "\"created_at\", ...}]}.\n"
        "Secrets come from the environment: WARROOM_GITHUB_TOKEN, WARROOM_AIRFLOW_TOKEN or\n"
        "WARROOM_AIRFLOW_USER + WARROOM_AIRFLOW_PASSWORD. The webhook receiver is a push\n"
        "source and is not polled. Exits 1 when a source cannot be reached."));
    parser.addOptions({
        {QStringLiteral("workspace"), QStringLiteral("The workspace folder (or its warroom.yaml)."), QStringLiteral("DIR")},
        {QStringLiteral("once"), QStringLiteral("Poll once and exit (required).")},
        {QStringLiteral("format"), QStringLiteral("json (the only format)."), QStringLiteral("FORMAT"), QStringLiteral("json")},
        {QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds (default 300)."), QStringLiteral("SECONDS"), QStringLiteral("300")},
    });
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, "alerts", exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("workspace")))
        return fail("alerts", QStringLiteral("--workspace DIR is required"), ExitUsage);
    if (!parser.isSet(QStringLiteral("once")))
        return fail("alerts", QStringLiteral("only --once is supported (the GUI follows alerts live)"), ExitUsage);
    if (parser.value(QStringLiteral("format")) != QLatin1String("json"))
        return fail("alerts", QStringLiteral("--format: only 'json' is supported, got '%1'")
                                  .arg(parser.value(QStringLiteral("format"))), ExitUsage);
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        return fail("alerts", QStringLiteral("--timeout: expected a positive number of seconds"), ExitUsage);

    Diagnostics diagnostics;
    const auto config = WorkspaceReader::read(parser.value(QStringLiteral("workspace")), &diagnostics);
    for (const Diagnostic &diagnostic : std::as_const(diagnostics))
        printStderr(diagnostic.toString());
    if (!config || hasErrors(diagnostics))
        return fail("alerts", QStringLiteral("cannot read the workspace %1").arg(parser.value(QStringLiteral("workspace"))));
    if (!config->github.isConfigured() && !config->airflow.isConfigured()
        && !config->replay.isConfigured()) {
        return fail("alerts", QStringLiteral("%1 configures no pollable alert source "
                                             "(github.repo, airflow.api_url or replay.file)")
                                  .arg(config->configFile));
    }

    QString storeError;
    auto store = IncidentStore::open(config->stateDatabasePath(), &storeError);
    if (!store)
        return fail("alerts", QStringLiteral("cannot open %1: %2").arg(config->stateDatabasePath(), storeError));
    net::StoreHttpCache cache(store.get());
    net::HttpClient http;
    http.setCache(&cache);
    net::RetryPolicy policy;
    policy.maxRateLimitWaitMs = 60000; // a script would rather fail than hang for an hour
    http.setRetryPolicy(policy);

    QStringList errors;
    AlertSourceOptions options;
    options.includePushSources = false;
    const QList<AlertSource *> sources = createAlertSources(*config, &http, options, &http, &errors);
    if (!errors.isEmpty())
        return fail("alerts", errors.join(QStringLiteral("; ")));

    AlertPollOnce poll;
    QEventLoop loop;
    QObject::connect(&poll, &AlertPollOnce::finished, &loop, &QEventLoop::quit);
    bool timedOut = false;
    QTimer::singleShot(timeoutSeconds * 1000, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    poll.run(sources);
    if (!poll.isFinished())
        loop.exec();
    if (timedOut) {
        http.abortAll();
        return fail("alerts", QStringLiteral("gave up after %1 s").arg(timeoutSeconds));
    }
    if (!poll.errors().isEmpty()) {
        const QStringList lines = poll.errors();
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            printStderr(QStringLiteral("warroom-cli alerts: ") + lines.at(i));
        return fail("alerts", lines.constLast());
    }

    const QList<Alert> alerts = poll.alerts();
    QList<IncidentStore::AlertRecord> records;
    for (const Alert &alert : alerts)
        records.append(alertRecord(alert));
    if (!records.isEmpty() && !store->upsertAlerts(records))
        printStderr(QStringLiteral("warroom-cli alerts: warning: alerts not saved: %1").arg(store->lastError()));

    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Alert &alert : alerts)
        list.push_back(toJson(alert));
    nlohmann::ordered_json document;
    document["alerts"] = list;
    printJson(document);
    return ExitOk;
}

static const CliRegistration reg{{"alerts", "Poll the workspace's alert sources once (JSON)", &runAlerts}};

} // namespace warroom::cli
