#pragma once

#include "core/common/Diagnostic.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace warroom {

// A workspace is a folder with a warroom.yaml (see DESIGN.md, "The workspace").
// Every path here is already resolved to an absolute path against that folder;
// an empty path or list means the key was absent. Secrets never live here.
struct WorkspaceConfig
{
    QString rootDir;        // absolute folder holding warroom.yaml
    QString configFile;     // absolute path of warroom.yaml
    QString name;           // defaults to the folder name
    QString timezone;       // IANA id; defaults to "UTC"

    struct Lineage
    {
        QString stairlight;       // stairlight configuration directory
        QStringList sql;          // folders or files of SQL
        QStringList dags;         // folders or files of Airflow DAGs (*.py)
        QString jobs;             // INFORMATION_SCHEMA.JOBS export (JSON array, NDJSON or CSV)
        QStringList openlineage;  // OpenLineage RunEvent files (NDJSON or JSON array)
    } lineage;

    struct Usage
    {
        QString jobs;
        int windowDays = 30;
        QString bigqueryProject;  // optional: rank inside BigQuery itself
        QString bigqueryRegion;   // e.g. "region-us"
    } usage;

    struct GitHub
    {
        QString apiUrl = QStringLiteral("https://api.github.com");
        QString repo;             // "owner/name"
        QStringList alertLabels;
        QString recoveryLabel = QStringLiteral("recovery");
        bool isConfigured() const { return !repo.isEmpty(); }
    } github;

    struct Airflow
    {
        QString apiUrl;           // ".../api/v1"
        bool rerun = false;       // `rerun: true`: the board may clear/trigger runs (confirmed)
        bool isConfigured() const { return !apiUrl.isEmpty(); }
        bool rerunAllowed() const { return isConfigured() && rerun; }
        // Strips trailing slashes from an Airflow REST base URL and returns its API version:
        // 2 for ".../api/v2" (Airflow 3), else 1. One rule for every Airflow client.
        static int normalizeApiUrl(QString *apiUrl)
        {
            while (apiUrl->endsWith(QLatin1Char('/')))
                apiUrl->chop(1);
            return apiUrl->endsWith(QLatin1String("/api/v2")) ? 2 : 1;
        }
    } airflow;

    struct Webhook
    {
        int port = 0;             // 0: no receiver; loopback only
        bool isConfigured() const { return port > 0; }
    } webhook;

    // A recorded alert timeline played back in accelerated time (the demo's outage).
    struct Replay
    {
        QString file;             // NDJSON, one alert event per line (core/alerts/ReplaySource.h)
        double speed = 60.0;      // seconds of recorded time per second of wall time
        bool isConfigured() const { return !file.isEmpty(); }
    } replay;

    // The current incident's window when none is stored yet (the demo's scripted outage).
    struct IncidentDefaults
    {
        QString name;
        QString since;            // RFC 3339
        QString until;            // RFC 3339, empty when ongoing
        QStringList broken;       // "dataset.table", "project.dataset.table" or "dag:DAG_ID"
    } incident;

    // Per-incident state: <rootDir>/.warroom/state.sqlite
    QString stateDir() const;
    QString stateDatabasePath() const;
};

// Reads warroom.yaml. Errors (bad YAML, wrong types, missing paths a key names) name the
// file and line; unknown keys are warnings. Returns nullopt only when nothing usable was read.
class WorkspaceReader
{
public:
    // `path` is the folder or the warroom.yaml itself.
    static std::optional<WorkspaceConfig> read(const QString &path, Diagnostics *diagnostics);
    static std::optional<WorkspaceConfig> fromYaml(const QByteArray &yaml, const QString &rootDir,
                                                   Diagnostics *diagnostics);
};

} // namespace warroom
