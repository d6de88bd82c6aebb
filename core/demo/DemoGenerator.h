#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <functional>
#include <vector>

namespace warroom::demo {

// Bumped whenever the generated output changes for the same options; part of the demo's
// cache folder name ("demo-<version>").
constexpr int GeneratorVersion = 1;

// What to generate. Every output is a pure function of these options (own PRNG, no
// std::*_distribution), so the same options give byte-identical files everywhere.
struct GeneratorOptions
{
    int tables = 320;         // all tables, raw included
    int dags = 0;             // 0: automatic (about one DAG per 7 tables, at least 40 for the demo)
    qint64 jobsRows = 100000; // rows in logs/jobs.json
    int users = 80; // distinct user_email values in the JOBS log (people + service accounts)
    quint64 seed = 20261119;
    QString project = QStringLiteral("bigfoot-prod");
};

// Counts of what generateWorkspace() wrote.
struct GenerationSummary
{
    int tables = 0;      // raw tables (loaded by GCSToBigQueryOperator) + built tables
    int dags = 0;        // dags/*.py files
    int sqlFiles = 0;    // sql/**/*.sql, checks included
    int checkFiles = 0;  // sql/checks/*.sql
    qint64 jobsRows = 0; // rows in logs/jobs.json
    int alerts = 0;      // lines in alerts/outage.ndjson
    qint64 bytes = 0;    // bytes written, all files
};

// One SQL file as the generator means it: the table it writes and the tables it reads,
// all as "project.dataset.table" (wildcard reads as "project.raw.events_*").
struct SqlFileInfo
{
    QString path;   // relative to the workspace, e.g. "sql/mart/orders.sql"
    QString target; // empty for sql/checks/*.sql (validation queries write nothing)
    QStringList sources;
};

// The layout and formats are described in the README.md it writes. Writes into `dir` (created if
// missing). Refuses a folder that is not empty unless it holds a previous generator output
// (".warroom-generated"), whose generated files are then replaced. Returns false with a one-line
// `error` on failure.
bool generateWorkspace(const QString &dir, const GeneratorOptions &options, QString *error,
                       std::function<void(int percent)> progress = {},
                       GenerationSummary *summary = nullptr);

// The SQL files generateWorkspace() writes for these options, with the tables each one
// claims to read and write (for tests and benchmarks; no file is written).
std::vector<SqlFileInfo> describeSqlFiles(const GeneratorOptions &options);

// Writes the demo (default options) once into
// QStandardPaths::writableLocation(CacheLocation)/demo-<GeneratorVersion>, atomically (a
// temporary folder renamed into place, with a ".complete" marker), and returns its path.
// Later calls return the existing folder at once. Empty string and `error` on failure.
QString ensureDemoWorkspace(QString *error);

} // namespace warroom::demo
