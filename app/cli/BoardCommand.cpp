// warroom-cli board: the recovery plan for broken tables or DAGs (execution order), merged
// with the board state in the workspace's store; --sync mirrors it to GitHub issues;
// --rerun DAG_ID asks Airflow for a dry run of that card's re-run, --confirm then does it.
// Logic lives in core/recovery.
#include "app/cli/CliCommand.h"

#include "core/common/Timestamps.h"
#include "core/github/GitHubClient.h"
#include "core/net/HttpCache.h"
#include "core/net/HttpClient.h"
#include "core/recovery/AirflowRerunner.h"
#include "core/recovery/BoardModel.h"
#include "core/recovery/BoardSync.h"
#include "core/recovery/RecoveryInputBuilder.h"
#include "core/recovery/RecoveryPlan.h"
#include "core/store/IncidentStore.h"
#include "core/workspace/SecretStore.h"
#include "core/workspace/Workspace.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace warroom::cli {

using namespace warroom::recovery;

static void printBoardStderr(const QString &text)
{
    const QByteArray utf8 = text.toUtf8() + '\n';
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
}

static std::string s(const QString &text)
{
    return text.toStdString();
}

static int runBoard(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The recovery plan: one re-run task per affected DAG with the logical dates whose runs "
        "failed or never ran in the window, in execution order (upstream first, then by "
        "usage-based priority). Without --since/--until the window (and without --broken the "
        "causes) are the current incident's, or the workspace's incident defaults."));
    parser.addOptions({
        {QStringLiteral("workspace"), QStringLiteral("The workspace folder."), QStringLiteral("DIR")},
        {QStringLiteral("broken"), QStringLiteral("A broken table (dataset.table, project.dataset.table) or dag:DAG_ID; repeatable."), QStringLiteral("X")},
        {QStringLiteral("since"), QStringLiteral("Window start (RFC 3339)."), QStringLiteral("T")},
        {QStringLiteral("until"), QStringLiteral("Window end (RFC 3339); default: now."), QStringLiteral("T")},
        {QStringLiteral("sync"), QStringLiteral("Mirror every task to a GitHub issue (github.repo, WARROOM_GITHUB_TOKEN); exit 0 only when every task has its issue.")},
        {QStringLiteral("timeout"), QStringLiteral("Give up syncing after this many seconds (default 300)."), QStringLiteral("S"), QStringLiteral("300")},
        {QStringLiteral("format"), QStringLiteral("json (the only format)."), QStringLiteral("FORMAT"), QStringLiteral("json")},
        {QStringLiteral("rerun"), QStringLiteral("Re-run this DAG's card in Airflow (airflow.api_url, airflow.rerun: true, WARROOM_AIRFLOW_TOKEN or _USER/_PASSWORD): prints the dry run of clearTaskInstances and the dates to trigger; changes nothing without --confirm."), QStringLiteral("DAG_ID")},
        {QStringLiteral("confirm"), QStringLiteral("With --rerun: clear and trigger what the dry run listed, and move the card to Re-running.")},
    });
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, "board", exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("workspace")))
        return fail("board", QStringLiteral("--workspace DIR is required"), ExitUsage);
    if (parser.value(QStringLiteral("format")) != QLatin1String("json"))
        return fail("board", QStringLiteral("--format: only 'json' is supported, got '%1'")
                                 .arg(parser.value(QStringLiteral("format"))), ExitUsage);
    if (parser.isSet(QStringLiteral("confirm")) && !parser.isSet(QStringLiteral("rerun")))
        return fail("board", QStringLiteral("--confirm only goes with --rerun DAG_ID"), ExitUsage);
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        return fail("board", QStringLiteral("--timeout: expected a positive number of seconds"), ExitUsage);
    std::optional<EpochMicros> since;
    std::optional<EpochMicros> until;
    for (const QString &name : {QStringLiteral("since"), QStringLiteral("until")}) {
        if (!parser.isSet(name))
            continue;
        const auto t = parseTimestamp(parser.value(name));
        if (!t)
            return fail("board", QStringLiteral("--%1: not a timestamp: '%2' (use RFC 3339, e.g. 2026-06-05T02:00:00Z)")
                                     .arg(name, parser.value(name)), ExitUsage);
        (name == QLatin1String("since") ? since : until) = *t;
    }

    Diagnostics diagnostics;
    const auto config = WorkspaceReader::read(parser.value(QStringLiteral("workspace")), &diagnostics);
    for (const Diagnostic &d : std::as_const(diagnostics))
        printBoardStderr(d.toString());
    if (!config || hasErrors(diagnostics))
        return fail("board", QStringLiteral("cannot read the workspace %1").arg(parser.value(QStringLiteral("workspace"))));
    QString storeError;
    auto store = IncidentStore::open(config->stateDatabasePath(), &storeError);
    if (!store)
        return fail("board", QStringLiteral("cannot open %1: %2").arg(config->stateDatabasePath(), storeError));

    // window and causes: options, else the current incident, else the workspace's defaults
    const auto incident = store->currentIncident();
    QStringList broken = parser.values(QStringLiteral("broken"));
    if (broken.isEmpty())
        broken = incident ? incident->causes : config->incident.broken;
    if (broken.isEmpty())
        return fail("board", QStringLiteral("nothing is broken: pass --broken TABLE or --broken dag:DAG_ID"), ExitUsage);
    if (!since) {
        if (incident && incident->windowStart > 0) {
            since = incident->windowStart;
            if (!until && incident->windowEnd > 0)
                until = incident->windowEnd;
        } else if (!config->incident.since.isEmpty()) {
            since = parseTimestamp(config->incident.since);
            if (!until && !config->incident.until.isEmpty())
                until = parseTimestamp(config->incident.until);
        }
    }
    if (!since)
        return fail("board", QStringLiteral("no incident window: pass --since T [--until T]"), ExitUsage);
    if (until && *until <= *since)
        return fail("board", QStringLiteral("--until must be after --since"), ExitUsage);

    Diagnostics inputDiagnostics;
    const RecoveryInput input = buildRecoveryInput(*config, broken, *since, until.value_or(0),
                                                   &inputDiagnostics);
    bool unresolved = false;
    for (const Diagnostic &d : std::as_const(inputDiagnostics)) {
        printBoardStderr(d.toString());
        unresolved |= d.message.startsWith(QLatin1String("--broken"));
    }
    if (input.affectedDags.isEmpty() && unresolved)
        return fail("board", QStringLiteral("none of the --broken names is in the workspace's lineage"));
    const RecoveryPlan plan = RecoveryPlanner::plan(input);
    for (const QString &d : plan.diagnostics)
        printBoardStderr(QStringLiteral("warroom-cli board: warning: ") + d);

    const bool doSync = parser.isSet(QStringLiteral("sync"));
    BoardModel model(store.get());
    model.setOutboxEnabled(doSync);
    if (!model.applyPlan(plan))
        return fail("board", model.lastError());

    bool syncOk = true;
    QString syncProblem;
    if (doSync) {
        if (!config->github.isConfigured())
            return fail("board", QStringLiteral("--sync needs github.repo in %1").arg(config->configFile));
        EnvironmentSecretStore secrets;
        GitHubConfig github;
        github.apiUrl = config->github.apiUrl;
        github.repo = config->github.repo;
        github.token = secrets.secret(Secret::GitHubToken).value_or(QString());
        net::StoreHttpCache cache(store.get());
        net::HttpClient http;
        http.setCache(&cache);
        net::RetryPolicy policy;
        policy.maxRateLimitWaitMs = 60000;
        http.setRetryPolicy(policy);
        GitHubIssueTracker tracker(&http, github);
        if (const QString error = tracker.client()->configError(); !error.isEmpty())
            return fail("board", error);
        BoardSyncOptions options;
        options.recoveryLabel = config->github.recoveryLabel.isEmpty() ? QStringLiteral("recovery")
                                                                       : config->github.recoveryLabel;
        options.workspaceName = config->name;
        options.pollIntervalMs = 0;
        BoardSync sync(store.get(), &tracker, options);
        sync.setModel(&model);
        QObject::connect(&sync, &BoardSync::errorOccurred, [](const QString &message) {
            printBoardStderr(QStringLiteral("warroom-cli board: GitHub: ") + message);
        });
        QEventLoop loop;
        bool timedOut = false;
        QObject::connect(&sync, &BoardSync::idle, &loop, [&] {
            if (sync.isIdle())
                loop.quit();
        });
        QTimer::singleShot(timeoutSeconds * 1000, &loop, [&] {
            timedOut = true;
            loop.quit();
        });
        sync.poll();  // adopt issues made elsewhere and take their state first
        sync.start();
        loop.exec();
        sync.stop();
        if (timedOut) {
            http.abortAll();
            syncProblem = QStringLiteral("gave up syncing after %1 s: %2").arg(timeoutSeconds).arg(sync.lastError());
        }
        syncOk = sync.allSynced();
        if (!syncOk && syncProblem.isEmpty())
            syncProblem = QStringLiteral("some tasks have no issue: %1").arg(sync.lastError());
        model.reload();
    }

    // --rerun: the dry run always comes first; --confirm is the explicit confirmation
    nlohmann::ordered_json rerun;
    QString rerunProblem;
    if (parser.isSet(QStringLiteral("rerun"))) {
        const QString dagId = parser.value(QStringLiteral("rerun"));
        if (!config->airflow.rerunAllowed())
            return fail("board", QStringLiteral("--rerun needs airflow.api_url and airflow.rerun: true in %1")
                                     .arg(config->configFile));
        const auto task = model.task(RecoveryPlanner::taskId(dagId));
        if (!task || task->obsolete)
            return fail("board", QStringLiteral("--rerun: DAG %1 has no card on the recovery board").arg(dagId));
        EnvironmentSecretStore secrets;
        AirflowRerunner::Config airflow;
        airflow.apiUrl = config->airflow.apiUrl;
        airflow.token = secrets.secret(Secret::AirflowToken).value_or(QString());
        airflow.user = secrets.secret(Secret::AirflowUser).value_or(QString());
        airflow.password = secrets.secret(Secret::AirflowPassword).value_or(QString());
        net::HttpClient http;
        AirflowRerunner rerunner(&http, airflow);
        QEventLoop loop;
        RerunPreview preview;
        rerunner.preview(RerunTarget::fromTask(*task), nullptr, [&](const RerunPreview &p) {
            preview = p;
            loop.quit();
        });
        loop.exec();
        const auto instancesJson = [](const QList<AirflowTaskInstance> &list) {
            nlohmann::ordered_json array = nlohmann::ordered_json::array();
            for (const AirflowTaskInstance &ti : list)
                array.push_back({{"task_id", s(ti.taskId)}, {"dag_run_id", s(ti.runId)},
                                 {"logical_date", s(ti.logicalDate)},
                                 {"map_index", ti.mapIndex}});
            return array;
        };
        rerun["task"] = s(task->id);
        rerun["dag_id"] = s(dagId);
        rerun["dry_run"] = true;
        if (!preview.ok()) {
            rerunProblem = preview.error;
        } else {
            rerun["to_clear"] = instancesJson(preview.toClear);
            nlohmann::ordered_json trigger = nlohmann::ordered_json::array();
            for (EpochMicros d : preview.toTrigger)
                trigger.push_back(s(formatRfc3339(d)));
            rerun["to_trigger"] = trigger;
        }
        if (preview.ok() && parser.isSet(QStringLiteral("confirm")) && !preview.isEmpty()) {
            RerunOutcome outcome;
            rerunner.execute(preview, nullptr, [&](const RerunOutcome &o) {
                outcome = o;
                loop.quit();
            });
            loop.exec();
            rerun["dry_run"] = false;
            rerun["cleared"] = instancesJson(outcome.cleared);
            nlohmann::ordered_json triggered = nlohmann::ordered_json::array();
            for (const QString &id : outcome.triggeredRunIds)
                triggered.push_back(s(id));
            rerun["triggered"] = triggered;
            nlohmann::ordered_json existing = nlohmann::ordered_json::array();
            for (const QString &id : outcome.existingRunIds)
                existing.push_back(s(id));
            rerun["existing"] = existing;
            if (outcome.changedSomething()) {
                model.logTaskEvent(task->id, QStringLiteral("airflow"),
                                   QStringLiteral("Re-run in Airflow from the CLI: %1 task instance(s) cleared, %2 run(s) triggered")
                                       .arg(outcome.cleared.size())
                                       .arg(outcome.triggeredRunIds.size()));
                model.moveTasks({task->id}, TaskStatus::Rerunning);
            }
            if (!outcome.ok())
                rerunProblem = outcome.error;
        }
        if (!rerunProblem.isEmpty())
            rerun["error"] = s(rerunProblem);
    }

    nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
    nlohmann::ordered_json obsolete = nlohmann::ordered_json::array();
    for (const BoardTask &t : model.tasks()) {
        if (t.obsolete) {
            obsolete.push_back({{"id", s(t.id)}, {"dag_id", s(t.dagId)},
                                {"issue", t.issueNumber ? nlohmann::ordered_json(t.issueNumber) : nlohmann::ordered_json()}});
            continue;
        }
        nlohmann::ordered_json task;
        task["id"] = s(t.id);
        task["dag_id"] = s(t.dagId);
        nlohmann::ordered_json dates = nlohmann::ordered_json::array();
        for (const QString &d : t.logicalDateStrings())
            dates.push_back(s(d));
        task["logical_dates"] = dates;
        task["dates_summary"] = s(t.datesSummary);
        nlohmann::ordered_json tables = nlohmann::ordered_json::array();
        for (const QString &table : t.tables)
            tables.push_back(s(table));
        task["tables"] = tables;
        nlohmann::ordered_json after = nlohmann::ordered_json::array();
        for (const QString &a : t.after)
            after.push_back(s(a));
        task["after"] = after;
        task["priority"] = t.priority;
        task["priority_level"] = s(t.priorityLevel);
        task["status"] = s(statusName(t.status));
        task["assignee"] = t.assignee.isEmpty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s(t.assignee));
        task["issue"] = t.issueNumber ? nlohmann::ordered_json(t.issueNumber) : nlohmann::ordered_json();
        if (t.estimateMinutes)
            task["estimate_minutes"] = *t.estimateMinutes;
        if (!t.syncError.isEmpty())
            task["sync_error"] = s(t.syncError);
        tasks.push_back(task);
    }
    nlohmann::ordered_json document;
    document["window"] = {{"since", s(formatRfc3339(plan.windowStart))},
                          {"until", s(formatRfc3339(plan.windowEnd))}};
    document["tasks"] = tasks;
    if (!obsolete.empty())
        document["obsolete"] = obsolete;
    nlohmann::ordered_json cycles = nlohmann::ordered_json::array();
    for (const QStringList &cycle : plan.cycles) {
        nlohmann::ordered_json ids = nlohmann::ordered_json::array();
        for (const QString &id : cycle)
            ids.push_back(s(id));
        cycles.push_back(ids);
    }
    document["cycles"] = cycles;
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const QString &why : plan.skipped)
        skipped.push_back(s(why));
    document["skipped"] = skipped;
    if (!rerun.is_null())
        document["rerun"] = rerun;
    printJson(document);
    if (!rerunProblem.isEmpty())
        return fail("board", QStringLiteral("--rerun: ") + rerunProblem);
    if (doSync && !syncOk)
        return fail("board", syncProblem);
    return ExitOk;
}

static const CliRegistration reg{{"board", "The recovery plan for broken tables/DAGs; --sync mirrors it to GitHub issues (JSON)", &runBoard}};

} // namespace warroom::cli
