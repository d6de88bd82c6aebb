#pragma once

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace warroom::tests {

// A local stand-in for the BigQuery REST API v2 (jobs.query and jobs.getQueryResults), on
// 127.0.0.1 with an ephemeral port, answering as the service documents it:
//  * bearer-token auth (401 UNAUTHENTICATED otherwise),
//  * jobs.query returns jobComplete:false while the job "runs" (pendingPolls), then
//    getQueryResults pages rows by maxResults with an opaque pageToken,
//  * rows typed as {f:[{v:…}]} with INT64 as strings, REPEATED RECORDs nested,
//  * errors in BigQuery's JSON shape: 400 invalidQuery, 404 notFound, 503 backendError,
//    and a failed job (200 with jobComplete:true and "errors", no schema).
class BigQueryFixture : public QObject
{
    Q_OBJECT
public:
    explicit BigQueryFixture(QObject *parent = nullptr);
    quint16 start();
    QString baseUrl() const;

    QString token = QStringLiteral("test-token");
    QJsonArray schemaFields;
    QJsonArray rows;         // typed rows {f:[…]}
    int pendingPolls = 0;    // getQueryResults calls answered with jobComplete:false
    int defaultPageSize = 2; // when the request names no maxResults
    int transientErrors = 0; // next N calls answer 503 backendError
    bool failJob = false;    // the job itself fails (errors, no schema)
    QStringList log;         // "POST /…", "GET /…?…" in order
    QString lastQuery;
    QJsonObject lastQueryBody;

private:
    QHttpServerResponse queryCall(const QString &project, const QHttpServerRequest &request);
    QHttpServerResponse resultsCall(const QString &project, const QString &job,
                                    const QHttpServerRequest &request);
    QHttpServerResponse page(const QString &project, int offset, int pageSize, bool getResults);
    static QHttpServerResponse error(int status, const QString &statusText, const QString &reason,
                                     const QString &message, const QString &location = {});
    bool authorized(const QHttpServerRequest &request) const;

    QHttpServer m_server;
    quint16 m_port = 0;
    QString m_jobId = QStringLiteral("job_Wr00m");
    int m_jobs = 0;
};

} // namespace warroom::tests
