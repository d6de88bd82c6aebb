// warroom-cli impact: the incident's impact as a workbook, CSV files, Markdown and a
// postmortem draft, from the same core the GUI uses.
#include "app/cli/CliCommand.h"

#include "core/export/ImpactReport.h"
#include "core/lineage/LineageGraph.h"
#include "core/recovery/RecoveryInputBuilder.h"
#include "core/recovery/RecoveryPlan.h"
#include "core/session/ImpactAnalysis.h"
#include "core/session/ImpactReportBuilder.h"
#include "core/session/WorkspaceSession.h"
#include "core/store/IncidentStore.h"
#include "core/usage/UsageLog.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace warroom::cli {
namespace {

constexpr qint64 DayMicros = 86400LL * 1000000;

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int runImpact(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The impact of an incident: every table downstream of what broke, ranked by recovery\n"
        "priority (usage and reach), the re-run tasks, who reads the affected tables, and the\n"
        "timeline. Causes and window default to the workspace's stored incident (or the\n"
        "incident: section of warroom.yaml). Prints a JSON summary on stdout."));
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("The workspace folder."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("broken"), QStringLiteral("What broke: dataset.table, project.dataset.table or dag:DAG_ID (repeatable)."), QStringLiteral("cause")});
    parser.addOption({QStringLiteral("since"), QStringLiteral("Incident window start, RFC 3339."), QStringLiteral("time")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("Incident window end, RFC 3339 (default: ongoing)."), QStringLiteral("time")});
    parser.addOption({QStringLiteral("xlsx"), QStringLiteral("Write the impact workbook here."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("csv"), QStringLiteral("Write one CSV file per sheet into this folder."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("markdown"), QStringLiteral("Write the Markdown summary here."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("postmortem"), QStringLiteral("Write the postmortem draft (Markdown) here."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Summary format on stdout: json."), QStringLiteral("format"), QStringLiteral("json")});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, "impact", exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("workspace")))
        return fail("impact", QStringLiteral("--workspace DIR is required"), ExitUsage);
    if (parser.value(QStringLiteral("format")) != QLatin1String("json"))
        return fail("impact", QStringLiteral("--format must be json"), ExitUsage);
    std::optional<EpochMicros> since, until;
    for (const char *name : {"since", "until"}) {
        const QString text = parser.value(QString::fromLatin1(name));
        if (text.isEmpty())
            continue;
        const auto t = parseTimestamp(text);
        if (!t)
            return fail("impact", QStringLiteral("--%1: not an RFC 3339 time: %2").arg(QLatin1String(name), text), ExitUsage);
        (qstrcmp(name, "since") == 0 ? since : until) = t;
    }

    Diagnostics diagnostics;
    auto session = WorkspaceSession::open(parser.value(QStringLiteral("workspace")), &diagnostics,
                                          std::make_unique<EnvironmentSecretStore>());
    if (!session) {
        for (const Diagnostic &d : std::as_const(diagnostics))
            fail("impact", d.toString());
        return ExitFailure;
    }
    const WorkspaceConfig &config = session->config();
    const auto stored = session->store()->currentIncident();

    QStringList causes = parser.values(QStringLiteral("broken"));
    if (causes.isEmpty())
        causes = stored && !stored->causes.isEmpty() ? stored->causes : config.incident.broken;
    if (causes.isEmpty())
        return fail("impact", QStringLiteral("nothing broken: give --broken, or start an incident in the workspace"), ExitUsage);
    if (!since) {
        if (stored && stored->windowStart)
            since = stored->windowStart;
        else if (!config.incident.since.isEmpty())
            since = parseTimestamp(config.incident.since);
    }
    if (!until) {
        if (stored && stored->windowEnd)
            until = stored->windowEnd;
        else if (!config.incident.until.isEmpty())
            until = parseTimestamp(config.incident.until);
    }

    session->startLoading();
    session->waitForLoaded();
    QCoreApplication::processEvents(); // deliver the loads' results to the session
    for (const Diagnostic &d : session->diagnostics()) {
        if (d.isError())
            fail("impact", d.toString());
    }
    const auto graph = session->lineage();
    if (!graph)
        return fail("impact", QStringLiteral("the workspace names no lineage sources (lineage: in %1)").arg(config.configFile));

    const ImpactAnalysis analysis = analyzeImpact(*graph, causes);
    for (const QString &cause : analysis.unresolved)
        fail("impact", QStringLiteral("warning: %1 is not in the lineage graph").arg(cause));
    if (analysis.unresolved.size() == causes.size())
        return fail("impact", QStringLiteral("none of the causes is in the lineage graph"));

    // Usage: the window_days before the incident, so the ranking says who normally reads.
    std::optional<usage::UsageRanking> ranking;
    if (const auto log = session->usageLog()) {
        usage::RankingOptions options;
        EpochMicros end = since.value_or(QDateTime::currentMSecsSinceEpoch() * 1000);
        if (log->latest() && *log->latest() < end)
            end = *log->latest() + 1;
        options.until = end;
        options.since = end - config.usage.windowDays * DayMicros;
        ranking = log->rank(options);
    }

    QHash<QString, recovery::TableUsageFacts> facts;
    if (ranking) {
        for (const usage::TableUsage &t : ranking->tables)
            facts.insert(t.table, {t.references, t.distinctPeople});
    }
    Diagnostics planDiagnostics;
    const recovery::RecoveryPlan plan = recovery::RecoveryPlanner::plan(recovery::buildRecoveryInputFromGraph(
        *graph, causes, since.value_or(0), until.value_or(0), facts, config.timezone, &planDiagnostics));

    ImpactInputs inputs;
    inputs.config = &config;
    inputs.store = session->store();
    inputs.analysis = &analysis;
    inputs.ranking = ranking ? &*ranking : nullptr;
    inputs.plan = &plan;
    inputs.windowStart = since.value_or(0);
    inputs.windowEnd = until.value_or(0);
    const ImpactReport report = buildImpactReport(inputs);

    nlohmann::ordered_json files = nlohmann::ordered_json::object();
    QString error;
    if (const QString path = parser.value(QStringLiteral("xlsx")); !path.isEmpty()) {
        if (!ImpactExporter::writeXlsx(report, path, &error))
            return fail("impact", error);
        files["xlsx"] = path.toStdString();
    }
    if (const QString dir = parser.value(QStringLiteral("csv")); !dir.isEmpty()) {
        const QStringList written = ImpactExporter::writeCsv(report, dir, &error);
        if (written.isEmpty())
            return fail("impact", error);
        for (const QString &f : written)
            files["csv"].push_back(f.toStdString());
    }
    if (const QString path = parser.value(QStringLiteral("markdown")); !path.isEmpty()) {
        if (!writeText(path, ImpactExporter::markdownSummary(report), &error))
            return fail("impact", error);
        files["markdown"] = path.toStdString();
    }
    if (const QString path = parser.value(QStringLiteral("postmortem")); !path.isEmpty()) {
        if (!writeText(path, ImpactExporter::postmortemDraft(report), &error))
            return fail("impact", error);
        files["postmortem"] = path.toStdString();
    }

    nlohmann::ordered_json out;
    out["incident"] = report.incidentName.toStdString();
    out["causes"] = nlohmann::ordered_json::array();
    for (const QString &c : report.causes)
        out["causes"].push_back(c.toStdString());
    out["window"] = {{"since", report.windowStart ? formatRfc3339(report.windowStart).toStdString() : ""},
                     {"until", report.windowEnd ? nlohmann::ordered_json(formatRfc3339(report.windowEnd).toStdString()) : nlohmann::ordered_json(nullptr)}};
    out["affected_tables"] = report.tables.size();
    out["recovery_tasks"] = report.tasks.size();
    out["people_affected"] = report.people.size();
    nlohmann::ordered_json top = nlohmann::ordered_json::array();
    for (int i = 0; i < std::min<int>(10, int(report.tables.size())); ++i) {
        const auto &t = report.tables.at(i);
        top.push_back({{"table", t.table.toStdString()}, {"depth", t.depth}, {"priority", t.priority},
                       {"references", t.references}, {"distinct_users", t.distinctUsers}});
    }
    out["top_tables"] = top;
    out["files"] = files;
    printJson(out);
    return ExitOk;
}

const CliRegistration registration{{"impact", "The incident's impact as a workbook, CSV, Markdown", &runImpact}};

} // namespace
} // namespace warroom::cli
