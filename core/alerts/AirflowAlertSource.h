#pragma once

#include "core/alerts/AlertSource.h"
#include "core/net/HttpClient.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

namespace warroom {

struct AirflowConfig
{
    QString apiUrl;          // ".../api/v1" (Airflow 2, Cloud Composer 2) or ".../api/v2" (Airflow 3)
    QString token;           // bearer (Composer: a Google OAuth access token; Airflow 3: a JWT)
    QString user;            // basic auth when no token
    QString password;
    int lookbackHours = 24;  // failed runs that ended within this window
    int pageLimit = 100;
    int maxRuns = 2000;      // guard against a server that pages forever
    int transferTimeoutMs = 30000; // an attempt with no bytes for this long times out
    int totalTimeoutMs = 120000;   // one attempt may not take longer than this
};

// Failed DAG runs from the Airflow stable REST API:
//   GET {api}/dags/~/dagRuns?state=failed&end_date_gte=T&order_by=-end_date&limit=L&offset=O
// paged with limit/offset until total_entries, then for each new failed run
//   GET {api}/dags/{dag_id}/dagRuns/{run_id}/taskInstances?state=failed
// One alert per failed run (id "dag_id/run_id"), naming its failed tasks.
// Airflow 3 (/api/v2) differs in field names (logical_date, no execution_date) and UI URLs;
// both are handled. A 404 from an /api/v1 root is reported as "probably Airflow 3".
class AirflowAlertSource : public AlertSource
{
    Q_OBJECT

public:
    AirflowAlertSource(net::HttpClient *http, const AirflowConfig &config, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("airflow"); }
    void start() override;
    void stop() override;
    void pollNow() override;

    void setInterval(int ms) { m_intervalMs = ms; }
    bool isPolling() const { return m_polling; }
    int apiVersion() const { return m_apiVersion; } // 1 or 2

    // Parses one dagRun object (v1 or v2) and its failed task instances into an alert.
    Alert toAlert(const QJsonObject &dagRun, const QList<QJsonObject> &failedTasks) const;

private:
    net::HttpRequest request(const QUrl &url) const;
    QUrl apiUrl(const QString &path, const QUrlQuery &query = {}) const;
    QString webUrl(const QString &dagId, const QString &runId) const;
    void fetchRuns(int offset);
    void fetchNextTasks();
    void finishPoll(const QString &error);

    net::HttpClient *m_http;
    AirflowConfig m_config;
    int m_apiVersion = 1;
    int m_intervalMs = 60000;
    bool m_running = false;
    bool m_polling = false;
    QTimer m_timer;
    QString m_windowStart;
    QList<QJsonObject> m_pollRuns;
    QList<QJsonObject> m_taskQueue;
    QList<Alert> m_pollAlerts;
    QSet<QString> m_reported;              // dag_id/run_id reported with its task details
    QDateTime m_retryAt;
};

} // namespace warroom
