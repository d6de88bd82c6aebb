// warroom-cli rank: usage ranking of tables from an INFORMATION_SCHEMA.JOBS log, or the
// equivalent pushdown query for BigQuery itself (--sql). Logic lives in core/usage.
#include "app/cli/CliCommand.h"

#include "core/common/Timestamps.h"
#include "core/usage/JobsReader.h"
#include "core/usage/PushdownSql.h"
#include "core/usage/RankingExport.h"
#include "core/usage/UsageLog.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace warroom::cli {

using namespace warroom::usage;

static bool parseTime(const QCommandLineParser &parser, const QString &name,
                      std::optional<EpochMicros> &out, int &exitCode)
{
    if (!parser.isSet(name))
        return true;
    const QString text = parser.value(name);
    out = parseTimestamp(text);
    if (!out) {
        exitCode = fail("rank",
                        QStringLiteral("--%1: not a timestamp: '%2' (use RFC 3339, e.g. "
                                       "2026-06-05T00:00:00Z)")
                            .arg(name, text),
                        ExitUsage);
        return false;
    }
    return true;
}

static void printStderr(const QString &text)
{
    const QByteArray utf8 = text.toUtf8() + '\n';
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
}

static int runRank(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Rank tables by how often they are read, from an INFORMATION_SCHEMA.JOBS log "
        "(bq --format=json or prettyjson, newline-delimited JSON, or CSV; detected by content).\n"
        "Without --since/--until every row of the file is ranked."));
    parser.addOptions({
        {QStringLiteral("jobs"), QStringLiteral("The JOBS log."), QStringLiteral("FILE")},
        {QStringLiteral("since"), QStringLiteral("Window start, inclusive (RFC 3339)."),
         QStringLiteral("T")},
        {QStringLiteral("until"), QStringLiteral("Window end, exclusive (RFC 3339)."),
         QStringLiteral("T")},
        {QStringLiteral("top"), QStringLiteral("Only the N most referenced tables."),
         QStringLiteral("N")},
        {QStringLiteral("top-users"), QStringLiteral("Users listed per table (default 5)."),
         QStringLiteral("N"), QStringLiteral("5")},
        {QStringLiteral("include-failed"), QStringLiteral("Also count failed jobs.")},
        {QStringLiteral("users"), QStringLiteral("Count jobs of: all, people, service-accounts."),
         QStringLiteral("GROUP"), QStringLiteral("all")},
        {QStringLiteral("format"), QStringLiteral("json (default) or csv."),
         QStringLiteral("FORMAT"), QStringLiteral("json")},
        {QStringLiteral("sql"), QStringLiteral("Print the BigQuery pushdown query instead.")},
        {QStringLiteral("region"),
         QStringLiteral("Region qualifier for --sql (default region-us)."), QStringLiteral("R"),
         QStringLiteral("region-us")},
        {QStringLiteral("project"),
         QStringLiteral("Project for --sql (JOBS_BY_PROJECT of that project)."),
         QStringLiteral("P")},
    });
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, "rank", exitCode))
        return exitCode;

    RankingOptions options;
    if (!parseTime(parser, QStringLiteral("since"), options.since, exitCode)
        || !parseTime(parser, QStringLiteral("until"), options.until, exitCode))
        return exitCode;
    if (options.since && options.until && *options.until <= *options.since)
        return fail("rank", QStringLiteral("--until must be later than --since"), ExitUsage);
    options.includeFailed = parser.isSet(QStringLiteral("include-failed"));
    bool ok = true;
    options.topUsers = parser.value(QStringLiteral("top-users")).toInt(&ok);
    if (!ok || options.topUsers < 0)
        return fail("rank", QStringLiteral("--top-users: not a count"), ExitUsage);
    int top = -1;
    if (parser.isSet(QStringLiteral("top"))) {
        top = parser.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 0)
            return fail(
                "rank",
                QStringLiteral("--top: not a count: '%1'").arg(parser.value(QStringLiteral("top"))),
                ExitUsage);
    }
    const QString group = parser.value(QStringLiteral("users"));
    if (group == QLatin1String("people"))
        options.userGroup = UserGroup::People;
    else if (group == QLatin1String("service-accounts"))
        options.userGroup = UserGroup::ServiceAccounts;
    else if (group != QLatin1String("all"))
        return fail("rank", QStringLiteral("--users: expected all, people or service-accounts"),
                    ExitUsage);
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        return fail("rank", QStringLiteral("--format: expected json or csv, got '%1'").arg(format),
                    ExitUsage);

    if (parser.isSet(QStringLiteral("sql"))) {
        PushdownOptions sql;
        sql.ranking = options;
        sql.region = parser.value(QStringLiteral("region"));
        sql.project = parser.value(QStringLiteral("project"));
        sql.topTables = top;
        QString error;
        const QString text = pushdownSql(sql, &error);
        if (text.isEmpty())
            return fail("rank", error, ExitUsage);
        printText(text);
        return ExitOk;
    }

    if (!parser.isSet(QStringLiteral("jobs")))
        return fail("rank", QStringLiteral("--jobs FILE is required (or --sql)"), ExitUsage);
    const QString path = parser.value(QStringLiteral("jobs"));
    ReadStats stats;
    const std::unique_ptr<UsageLog> log = UsageLog::load(path, &stats);
    for (const Diagnostic &d : stats.diagnostics)
        printStderr(d.toString());
    if (stats.malformed > stats.diagnostics.size())
        printStderr(
            QStringLiteral("%1: warning: %2 malformed rows in all").arg(path).arg(stats.malformed));
    if (!log)
        return fail("rank", QStringLiteral("cannot read %1").arg(path));
    if (hasErrors(stats.diagnostics) && stats.rows == 0)
        return fail("rank", QStringLiteral("%1: no usable rows").arg(path));
    if (stats.rows == 0 && stats.malformed > 0)
        return fail(
            "rank",
            QStringLiteral("%1: no usable rows (%2 malformed)").arg(path).arg(stats.malformed));

    UsageRanking ranking = log->rank(options);
    if (top >= 0 && ranking.tables.size() > top)
        ranking.tables.resize(top);

    if (format == QLatin1String("csv")) {
        printText(QString::fromUtf8(rankingToCsv(ranking.tables)));
        return ExitOk;
    }
    nlohmann::ordered_json tables = nlohmann::ordered_json::array();
    for (const TableUsage &t : ranking.tables) {
        nlohmann::ordered_json users = nlohmann::ordered_json::array();
        for (const UserCount &u : t.topUsers)
            users.push_back({{"user", u.user.toStdString()}, {"references", u.references}});
        nlohmann::ordered_json row;
        row["table"] = t.table.toStdString();
        row["references"] = t.references;
        row["distinct_users"] = t.distinctUsers;
        row["distinct_people"] = t.distinctPeople;
        row["last_read"] = t.lastRead ? formatRfc3339(*t.lastRead).toStdString() : std::string();
        row["top_users"] = std::move(users);
        row["bytes_processed"] = t.bytesProcessed;
        if (t.hasTrend)
            row["previous_references"] = t.previousReferences;
        else
            row["previous_references"] = nullptr;
        if (const auto trend = t.trend())
            row["trend"] = *trend;
        else
            row["trend"] = nullptr;
        tables.push_back(std::move(row));
    }
    nlohmann::ordered_json document;
    document["tables"] = std::move(tables);
    document["rows"] = {{"read", ranking.rows.read},
                        {"used", ranking.rows.used},
                        {"malformed", ranking.rows.malformed}};
    if (ranking.since)
        document["since"] = formatRfc3339(*ranking.since).toStdString();
    if (ranking.until)
        document["until"] = formatRfc3339(*ranking.until).toStdString();
    printJson(document);
    return ExitOk;
}

static const CliRegistration reg{{"rank", "Rank tables by usage from a JOBS log", &runRank}};

} // namespace warroom::cli
