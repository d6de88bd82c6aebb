#pragma once

#include "core/usage/UsageTypes.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QVariant>

class QJsonArray;
class QJsonObject;
class QJsonValue;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace warroom::usage {

// One column of a BigQuery result schema (tables/schema "fields").
struct BigQueryField
{
    QString name;
    QString type; // STRING, INTEGER/INT64, FLOAT/FLOAT64, BOOLEAN/BOOL, TIMESTAMP, RECORD/STRUCT, …
    QString mode;                // NULLABLE, REQUIRED, REPEATED
    QList<BigQueryField> fields; // RECORD members
};

struct BigQueryError
{
    int httpStatus = 0; // 0: no HTTP answer (network error) or a job error in a 200 answer
    QString status;     // "INVALID_ARGUMENT", "PERMISSION_DENIED", …
    QString reason;     // "invalidQuery", "accessDenied", "backendError", …
    QString message;
    QString location;
    QString url;        // "GET https://…/queries/JOB": the call that failed, when one did
    QString toString() const;
};

// Rows decoded by schema: INTEGER → qlonglong, FLOAT → double, BOOLEAN → bool,
// TIMESTAMP → qlonglong epoch micros, RECORD → QVariantMap, REPEATED → QVariantList,
// NULL → invalid QVariant, anything else → QString.
struct BigQueryResult
{
    QString jobId;
    QList<BigQueryField> schema;
    QList<QVariantList> rows;
    qint64 totalRows = 0;
    int pages = 0;
    int polls = 0; // getQueryResults calls made while jobComplete was false
};

QList<BigQueryField> parseBigQuerySchema(const QJsonArray &fields);
QVariant decodeBigQueryCell(const BigQueryField &field, const QJsonValue &v);
QVariantList decodeBigQueryRow(const QList<BigQueryField> &schema, const QJsonObject &row);
// Error from a BigQuery error body ({"error": {"code", "message", "status", "errors": […]}}).
BigQueryError parseBigQueryError(int httpStatus, const QByteArray &body);

// The pushdown query's result as a ranking (columns named as pushdownSql() names them).
// `options` tells whether the query had a previous window (for the trend).
UsageRanking rankingFromBigQuery(const BigQueryResult &result, const RankingOptions &options,
                                 QString *error = nullptr);

// A minimal BigQuery REST client for one query at a time: jobs.query, then
// jobs.getQueryResults while jobComplete is false and for every pageToken. Retries
// 429/500/502/503 a few times with backoff. Exactly one of finished() / failed() follows
// query(), unless cancel() is called.
class BigQueryClient : public QObject
{
    Q_OBJECT
public:
    explicit BigQueryClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~BigQueryClient() override;

    // Default https://bigquery.googleapis.com/bigquery/v2 (tests point it at a fixture).
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setAccessToken(const QString &token) { m_token = token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }       // server-side wait per call
    void setMaxResults(int rows) { m_maxResults = rows; } // page size; 0: server default
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }
    void setMaxRetries(int retries) { m_maxRetries = retries; }
    // No bytes for this long: the call fails (default: the server-side wait + 30 s).
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    // One call may not take longer than this, however slowly bytes trickle in
    // (default: the server-side wait + 120 s).
    void setCallTimeoutMs(int ms) { m_callTimeoutMs = ms; }
    // A larger answer is aborted with an error instead of being held in memory.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    static constexpr qint64 kDefaultMaxResponseBytes = 64 * 1024 * 1024;

    void query(const QString &project, const QString &sql, const QString &location = {});
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(qint64 rowsFetched, qint64 totalRows);
    void finished(const warroom::usage::BigQueryResult &result);
    void failed(const warroom::usage::BigQueryError &error);

private:
    void send(bool post, const QUrl &url, const QByteArray &body);
    struct CallOutcome
    {
        bool tooLarge = false;  // aborted at the size cap
        bool timedOut = false;  // aborted at the call deadline
        qint64 received = 0;    // body bytes that arrived
        int callTimeoutMs = 0;
    };
    void handleReply(QNetworkReply *reply, bool post, const QUrl &url, const QByteArray &body,
                     const CallOutcome &outcome);
    void retryLater(bool post, const QUrl &url, const QByteArray &body);
    void handleResponse(const QJsonObject &response);
    void getResults(const QString &pageToken);
    void fail(const BigQueryError &error);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 10000;
    int m_maxResults = 0;
    int m_retryDelayMs = 1000;
    int m_maxRetries = 3;
    int m_retries = 0;
    int m_transferTimeoutMs = 0;
    int m_callTimeoutMs = 0;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
    bool m_running = false;
    QString m_project;
    QString m_location;
    BigQueryResult m_result;
    QPointer<QNetworkReply> m_reply;
    quint64 m_generation = 0;
};

} // namespace warroom::usage

Q_DECLARE_METATYPE(warroom::usage::BigQueryResult)
Q_DECLARE_METATYPE(warroom::usage::BigQueryError)
