// warroom-cli lineage: the tables one SQL text reads and writes, as JSON.
#include "app/cli/CliCommand.h"

#include "core/sql/SqlExtractor.h"
#include "core/sql/SqlTemplate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <unordered_map>

namespace warroom::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LineageCommand)
};

void printError(const QString &line)
{
    const QByteArray utf8 = line.toUtf8() + '\n';
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
}

int runLineage(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Prints the tables one SQL text reads (sources) and writes (targets) as JSON:\n"
        "  {\"sources\": [...], \"targets\": [...], \"references\": [{\"name\", \"line\", "
        "\"column\", \"kind\"}]}\n"
        "Names are as written, quotes removed; legacy [p:d.t] is reported as p.d.t.\n"
        "Jinja placeholders ({{ params.x }}) are rendered from --param values first; "
        "placeholders without a value stay as written and are listed under "
        "\"unresolved_parameters\".\n"
        "On malformed SQL (unterminated string or comment, unbalanced parentheses, binary "
        "input) each error is printed on stderr as FILE:LINE:COL: error: MESSAGE, the JSON of "
        "what could still be extracted is printed on stdout, and the exit code is 1. "
        "An unreadable file prints nothing on stdout and exits with 1; bad options exit with 2."));
    parser.addOption({QStringLiteral("sql-file"),
                      Tr::tr("SQL file to read ('-' for standard input)."), Tr::tr("file")});
    parser.addOption({QStringLiteral("dialect"),
                      Tr::tr("SQL dialect: bigquery (default) or ansi."), Tr::tr("dialect"),
                      QStringLiteral("bigquery")});
    parser.addOption({QStringLiteral("param"),
                      Tr::tr("Template value for {{ params.KEY }} / {{ KEY }} (repeatable)."),
                      Tr::tr("key=value")});
    parser.addOption({QStringLiteral("format"), Tr::tr("Output format: json."), Tr::tr("format"),
                      QStringLiteral("json")});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, "lineage", exitCode))
        return exitCode;

    if (!parser.isSet(QStringLiteral("sql-file")))
        return fail("lineage", Tr::tr("--sql-file is required"), ExitUsage);
    if (parser.value(QStringLiteral("format")) != QLatin1String("json"))
        return fail("lineage",
                    Tr::tr("unsupported --format '%1' (only json)")
                        .arg(parser.value(QStringLiteral("format"))),
                    ExitUsage);
    sql::ExtractOptions options;
    const QByteArray dialectName = parser.value(QStringLiteral("dialect")).toUtf8();
    if (!sql::parseDialect(std::string_view(dialectName.constData(), dialectName.size()),
                           &options.dialect))
        return fail("lineage",
                    Tr::tr("unknown --dialect '%1' (bigquery or ansi)")
                        .arg(QString::fromUtf8(dialectName)),
                    ExitUsage);

    std::unordered_map<std::string, std::string> values;
    for (const QString &param : parser.values(QStringLiteral("param"))) {
        const qsizetype eq = param.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail("lineage", Tr::tr("--param expects key=value, got '%1'").arg(param),
                        ExitUsage);
        values[param.left(eq).toStdString()] = param.mid(eq + 1).toStdString();
    }

    const QString fileName = parser.value(QStringLiteral("sql-file"));
    QFile file;
    bool opened = false;
    if (fileName == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(fileName);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return fail("lineage",
                    Tr::tr("%1: error: cannot read: %2").arg(fileName, file.errorString()));
    const QByteArray data = file.readAll();
    const QString shownName = fileName == QLatin1String("-") ? QStringLiteral("<stdin>") : fileName;

    std::string text(data.constData(), static_cast<size_t>(data.size()));
    std::vector<std::string> unresolved;
    if (!values.empty())
        text = sql::renderTemplate(text, values, &unresolved);
    const sql::ExtractResult result = sql::extractTables(text, options);

    nlohmann::ordered_json sources = nlohmann::ordered_json::array();
    nlohmann::ordered_json targets = nlohmann::ordered_json::array();
    nlohmann::ordered_json references = nlohmann::ordered_json::array();
    auto reference = [](const sql::TableReference &r, const char *kind) {
        return nlohmann::ordered_json{{"name", r.name}, {"line", r.line},   {"column", r.column},
                                      {"kind", kind},   {"lines", r.lines}};
    };
    for (const sql::TableReference &r : result.sources) {
        sources.push_back(r.name);
        references.push_back(reference(r, "source"));
    }
    for (const sql::TableReference &r : result.targets) {
        targets.push_back(r.name);
        references.push_back(reference(r, "target"));
    }
    nlohmann::ordered_json document{
        {"sources", sources}, {"targets", targets}, {"references", references}};
    if (!unresolved.empty())
        document["unresolved_parameters"] = unresolved;
    if (!result.ok()) {
        nlohmann::ordered_json errors = nlohmann::ordered_json::array();
        for (const sql::SqlError &e : result.errors) {
            errors.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
            printError(QStringLiteral("%1:%2:%3: error: %4")
                           .arg(shownName)
                           .arg(e.line)
                           .arg(e.column)
                           .arg(QString::fromStdString(e.message)));
        }
        document["errors"] = errors;
    }
    printJson(document);
    return result.ok() ? ExitOk : ExitFailure;
}

const CliRegistration registration{
    {"lineage", "Tables read and written by one SQL text (JSON)", &runLineage}};

} // namespace

} // namespace warroom::cli
