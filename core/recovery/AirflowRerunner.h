#pragma once

#include "core/common/Timestamps.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace warroom::net {
class HttpClient;
struct HttpRequest;
struct HttpResponse;
} // namespace warroom::net

namespace warroom::recovery {

struct BoardTask;

// One task instance as Airflow names it in a clearTaskInstances answer.
struct AirflowTaskInstance
{
    QString dagId;
    QString taskId;
    QString runId;
    QString logicalDate; // as Airflow sent it (RFC 3339)
    QString state;       // v2 answers only; empty in v1's task instance references
    int mapIndex = -1;
};

// What a board card asks Airflow to re-run: one DAG and the logical dates of its missing runs.
struct RerunTarget
{
    QString boardTaskId;
    QString dagId;
    QList<EpochMicros> logicalDates; // sorted, unique

    static RerunTarget fromTask(const BoardTask &task);
    bool isValid() const { return !dagId.isEmpty() && !logicalDates.isEmpty(); }
    EpochMicros first() const { return logicalDates.isEmpty() ? 0 : logicalDates.first(); }
    EpochMicros last() const { return logicalDates.isEmpty() ? 0 : logicalDates.last(); }
};

// The answer of a dry run: what a confirmation would change. Nothing in Airflow has changed.
struct RerunPreview
{
    RerunTarget target;
    QList<AirflowTaskInstance> toClear; // failed task instances in the dates' range
    QList<EpochMicros> toTrigger;       // logical dates without any DAG run: triggered
    QString error;                      // empty when the dry run succeeded
    int httpStatus = 0;

    bool ok() const { return error.isEmpty(); }
    bool isEmpty() const { return toClear.isEmpty() && toTrigger.isEmpty(); }
};

// The answer of a confirmed re-run.
struct RerunOutcome
{
    QString boardTaskId;
    QString dagId;
    QList<AirflowTaskInstance> cleared;
    QStringList triggeredRunIds;
    QStringList existingRunIds; // 409: a run with that id or date exists already (reported)
    QString error;              // empty when every step succeeded
    int httpStatus = 0;

    bool ok() const { return error.isEmpty(); }
    bool changedSomething() const { return !cleared.isEmpty() || !triggeredRunIds.isEmpty(); }
};

// The answer of one trigger.
struct TriggerResult
{
    QString dagId;
    QString runId;
    EpochMicros logicalDate = 0;
    QString state;         // of the created run, or of the existing one on a conflict
    bool conflict = false; // 409: the run (id or logical date) existed; nothing was created
    QString error;         // empty on success; set on conflicts too
    int httpStatus = 0;

    bool ok() const { return error.isEmpty(); }
};

// Re-runs board tasks in Airflow through its stable REST API (v1: Airflow 2 / Cloud Composer 2,
// v2: Airflow 3), over the shared HttpClient (retries, timeouts, redacted errors):
//   preview(): POST {api}/dags/{dag}/clearTaskInstances with dry_run=true over the logical
//              dates' range (only_failed, no upstream/downstream/past/future) plus
//              GET {api}/dags/{dag}/dagRuns in that range to find dates that never ran;
//   execute(): only with a successful preview, i.e. after the user confirmed what it lists:
//              the same clear with dry_run=false and reset_dag_runs=true, then one
//              POST {api}/dags/{dag}/dagRuns per date that never ran, with a deterministic
//              dag_run_id (warroom__<logical date>) so a repeat answers 409 instead of running
//              twice; a 409 is reported with the existing run's state, never retried.
// Errors (401/403/404/409/400/5xx, timeouts, malformed JSON) come back as one readable line.
class AirflowRerunner : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QString apiUrl; // ".../api/v1" or ".../api/v2"
        QString token;  // bearer; otherwise basic auth with user/password
        QString user;
        QString password;
        int timeoutMs = 30000; // per attempt
    };

    using PreviewCallback = std::function<void(const RerunPreview &)>;
    using OutcomeCallback = std::function<void(const RerunOutcome &)>;
    using TriggerCallback = std::function<void(const TriggerResult &)>;

    AirflowRerunner(net::HttpClient *http, const Config &config, QObject *parent = nullptr);
    ~AirflowRerunner() override;

    Config config() const { return m_config; }
    int apiVersion() const { return m_apiVersion; }
    // Empty when the configuration is usable; otherwise why not (shown instead of calling).
    QString configurationError() const;

    // `done` runs once on the event loop unless `context` died first.
    void preview(const RerunTarget &target, QObject *context, PreviewCallback done);
    // Refuses (error, no request) a preview that failed or lists nothing.
    void execute(const RerunPreview &confirmed, QObject *context, OutcomeCallback done);
    void triggerRun(const QString &dagId, EpochMicros logicalDate, QObject *context,
                    TriggerCallback done);

    static QString runIdFor(EpochMicros logicalDate); // "warroom__2026-06-05T02:00:00Z"
    // The JSON body of the clear (exposed for tests and for showing it).
    static QByteArray clearBody(const RerunTarget &target, bool dryRun);

signals:
    void previewFinished(const RerunPreview &preview);
    void executed(const RerunOutcome &outcome);

private:
    net::HttpRequest request(const QString &path, const QByteArray &method,
                             const QByteArray &body = {}) const;
    QString explain(const net::HttpResponse &response, const QString &dagId) const;
    QString dagPath(const QString &dagId) const;
    void triggerNext(std::shared_ptr<RerunOutcome> outcome, QList<EpochMicros> dates,
                     QPointer<QObject> context, bool hasContext, OutcomeCallback done);

    net::HttpClient *m_http;
    Config m_config;
    int m_apiVersion = 1;
};

} // namespace warroom::recovery
