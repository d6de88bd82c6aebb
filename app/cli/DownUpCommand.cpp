// `warroom-cli down|up`: stairlight-compatible downstream/upstream queries, on a stairlight
// configuration directory (-c) or on a whole workspace (--workspace).

#include "app/cli/CliCommand.h"

#include "core/lineage/LineageLoader.h"
#include "core/lineage/StairlightQuery.h"
#include "core/workspace/Workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>

#include <malloc.h>

namespace warroom::cli {

static void printNote(const QString &command, const QString &text)
{
    const QByteArray line = QStringLiteral("warroom-cli %1: %2\n").arg(command, text).toUtf8();
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
}

static int runDownUp(const QStringList &arguments, lineage::Direction direction)
{
    const char *name = direction == lineage::Direction::Downstream ? "down" : "up";
    QCommandLineParser parser;
    parser.setApplicationDescription(
        direction == lineage::Direction::Downstream
            ? QStringLiteral("Tables downstream of a table (stairlight-compatible JSON).")
            : QStringLiteral("Tables upstream of a table (stairlight-compatible JSON)."));
    parser.addOption({{QStringLiteral("c"), QStringLiteral("config")},
                      QStringLiteral("A stairlight configuration directory."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("workspace"),
                      QStringLiteral("A War Room workspace (all its lineage sources)."), QStringLiteral("DIR")});
    parser.addOption({{QStringLiteral("t"), QStringLiteral("table")},
                      QStringLiteral("Table to search from (project.dataset.table, dataset.table or "
                                     "dag:DAG_ID); repeatable."),
                      QStringLiteral("TABLE")});
    parser.addOption({{QStringLiteral("r"), QStringLiteral("recursive")}, QStringLiteral("Search recursively.")});
    parser.addOption({{QStringLiteral("v"), QStringLiteral("verbose")}, QStringLiteral("Verbose (nested) results.")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Output type: table or uri."), QStringLiteral("TYPE"),
                      QStringLiteral("table")});
    parser.addOption({QStringLiteral("quiet"), QStringLiteral("Do not print warnings about the inputs.")});
    parser.addOption({QStringLiteral("timing"), QStringLiteral("Print load and query times on stderr.")});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;

    const QString command = QString::fromLatin1(name);
    const QStringList tables = parser.values(QStringLiteral("table"));
    if (tables.isEmpty())
        return fail(name, QStringLiteral("-t/--table is required"), ExitUsage);
    const bool haveConfig = parser.isSet(QStringLiteral("config"));
    const bool haveWorkspace = parser.isSet(QStringLiteral("workspace"));
    if (haveConfig == haveWorkspace)
        return fail(name, QStringLiteral("give exactly one of -c/--config DIR and --workspace DIR"), ExitUsage);
    const QString output = parser.value(QStringLiteral("output"));
    if (output != QLatin1String("table") && output != QLatin1String("uri"))
        return fail(name, QStringLiteral("-o must be 'table' or 'uri', not '%1'").arg(output), ExitUsage);

    QElapsedTimer timer;
    timer.start();
    Diagnostics diagnostics;
    lineage::LoadStats stats;
    // Deliberately never freed: the process ends right after the answer, and tearing down a
    // graph of a hundred thousand nodes would cost more than the query.
    auto *graph = new std::optional<lineage::LineageGraph>;
    lineage::LineageLoader::setProcessExitsAfterLoad(true);
    // Loading allocates ~100 MB in small pieces on three threads. glibc's default grows (and
    // trims) each heap a few pages at a time, one system call and lock round each: on a
    // 20,000-table warehouse that was a third of the run. Grow in big steps, never trim.
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    if (haveConfig) {
        *graph = lineage::LineageLoader::loadStairlight(parser.value(QStringLiteral("config")),
                                                        &diagnostics, &stats);
    } else {
        const std::optional<WorkspaceConfig> workspace =
            WorkspaceReader::read(parser.value(QStringLiteral("workspace")), &diagnostics);
        if (workspace)
            *graph = lineage::LineageLoader::loadWorkspace(*workspace, &diagnostics, &stats);
    }
    const qint64 loadMs = timer.elapsed();
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    for (const Diagnostic &d : std::as_const(diagnostics)) {
        if (!*graph || d.isError() || !quiet)
            printNote(command, d.toString());
    }
    if (!*graph)
        return fail(name, QStringLiteral("cannot read the lineage configuration"));

    lineage::StairlightQuery query;
    for (const QString &t : tables)
        query.tables.push_back(t.toStdString());
    query.direction = direction;
    query.recursive = parser.isSet(QStringLiteral("recursive"));
    query.verbose = parser.isSet(QStringLiteral("verbose"));
    query.output = output == QLatin1String("uri") ? lineage::StairlightQuery::Output::Uri
                                                  : lineage::StairlightQuery::Output::Table;
    timer.restart();
    const lineage::StairlightAnswer answer = lineage::answerStairlightQuery(**graph, query);
    if (parser.isSet(QStringLiteral("timing"))) {
        printNote(command,
                  QStringLiteral("load %1 ms wall (CPU ms: config %2, discover %3, dags %4, sql %5 [%6 files, %7 MB], "
                                 "logs %8, graph %9); %10 nodes, %11 edges; query %12 ms")
                      .arg(loadMs)
                      .arg(stats.msConfig, 0, 'f', 1)
                      .arg(stats.msDiscover, 0, 'f', 1)
                      .arg(stats.msDags, 0, 'f', 1)
                      .arg(stats.msSql, 0, 'f', 1)
                      .arg(stats.sqlFiles)
                      .arg(double(stats.sqlBytes) / 1e6, 0, 'f', 1)
                      .arg(stats.msLogs, 0, 'f', 1)
                      .arg(stats.msGraph, 0, 'f', 1)
                      .arg((*graph)->nodeCount())
                      .arg((*graph)->edgeCount())
                      .arg(timer.elapsed()));
    }
    for (const std::string &note : answer.notes)
        printNote(command, QString::fromStdString(note));
    std::fwrite(answer.json.data(), 1, answer.json.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return ExitOk;
}

static const CliRegistration downRegistration{
    {"down", "Downstream tables of a table (stairlight-compatible)",
     [](const QStringList &arguments) { return runDownUp(arguments, lineage::Direction::Downstream); }}};
static const CliRegistration upRegistration{
    {"up", "Upstream tables of a table (stairlight-compatible)",
     [](const QStringList &arguments) { return runDownUp(arguments, lineage::Direction::Upstream); }}};

} // namespace warroom::cli
