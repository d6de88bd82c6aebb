// warroom-cli demo / generate: write the demo workspace or a synthetic warehouse of any size.

#include "app/cli/CliCommand.h"

#include "core/demo/DemoGenerator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>

#include <nlohmann/json.hpp>

namespace warroom::cli {

namespace {

int writeWorkspace(const char *command, const QString &out, const demo::GeneratorOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    demo::GenerationSummary summary;
    if (!demo::generateWorkspace(out, options, &error, {}, &summary))
        return fail(command, error);
    nlohmann::ordered_json json;
    json["out"] = QDir(out).absolutePath().toStdString();
    json["tables"] = summary.tables;
    json["dags"] = summary.dags;
    json["sql_files"] = summary.sqlFiles;
    json["check_files"] = summary.checkFiles;
    json["jobs_rows"] = summary.jobsRows;
    json["alerts"] = summary.alerts;
    json["bytes"] = summary.bytes;
    json["seed"] = options.seed;
    json["generator_version"] = demo::GeneratorVersion;
    json["elapsed_ms"] = timer.elapsed();
    printJson(json);
    return ExitOk;
}

bool readInt(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
             qint64 *value, const char *command, int &exitCode)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        exitCode = fail(command,
                        QStringLiteral("--%1 must be a whole number from %2 to %3, not \"%4\"")
                            .arg(name)
                            .arg(min)
                            .arg(max)
                            .arg(parser.value(name)),
                        ExitUsage);
        return false;
    }
    *value = v;
    return true;
}

int runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the demo workspace (300+ tables, 40+ DAGs, a 100k-row JOBS log and a scripted "
        "Composer outage) to a folder."));
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Folder to write (new, empty, or a previous output)."),
                      QStringLiteral("DIR")});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, "demo", exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("out")))
        return fail("demo", QStringLiteral("--out DIR is required"), ExitUsage);
    return writeWorkspace("demo", parser.value(QStringLiteral("out")), demo::GeneratorOptions{});
}

int runGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a synthetic warehouse of any size (SQL, DAGs, stairlight configuration, JOBS "
        "log, outage replay) for benchmarks. The same options always give the same files."));
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Folder to write (new, empty, or a previous output)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("tables"),
                      QStringLiteral("Number of tables, raw included (default 320)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("dags"),
                      QStringLiteral("Number of DAG files (default: automatic)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("jobs"),
                      QStringLiteral("Rows in logs/jobs.json (default 100000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("users"),
                      QStringLiteral("Distinct users in the JOBS log (default 80)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 20261119)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("project"),
                      QStringLiteral("GCP project id (default bigfoot-prod)."),
                      QStringLiteral("ID")});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, "generate", exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("out")))
        return fail("generate", QStringLiteral("--out DIR is required"), ExitUsage);

    demo::GeneratorOptions options;
    qint64 tables = options.tables, dags = options.dags, jobs = options.jobsRows,
           users = options.users;
    if (!readInt(parser, QStringLiteral("tables"), 12, 1000000, &tables, "generate", exitCode)
        || !readInt(parser, QStringLiteral("dags"), 0, 1000000, &dags, "generate", exitCode)
        || !readInt(parser, QStringLiteral("jobs"), 0, 100000000, &jobs, "generate", exitCode)
        || !readInt(parser, QStringLiteral("users"), 2, 10000, &users, "generate", exitCode))
        return exitCode;
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return fail("generate",
                        QStringLiteral("--seed must be a non-negative whole number, not \"%1\"")
                            .arg(parser.value(QStringLiteral("seed"))),
                        ExitUsage);
    }
    if (parser.isSet(QStringLiteral("project")))
        options.project = parser.value(QStringLiteral("project"));
    options.tables = int(tables);
    options.dags = int(dags);
    options.jobsRows = jobs;
    options.users = int(users);
    return writeWorkspace("generate", parser.value(QStringLiteral("out")), options);
}

const CliRegistration demoRegistration{{"demo", "Write the demo workspace to a folder", &runDemo}};
const CliRegistration generateRegistration{
    {"generate", "Write a synthetic warehouse of any size for benchmarks", &runGenerate}};

} // namespace

} // namespace warroom::cli
