#include "BigQueryFixture.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QUrlQuery>

namespace warroom::tests {

BigQueryFixture::BigQueryFixture(QObject *parent)
    : QObject(parent)
{
    m_server.route(QStringLiteral("/bigquery/v2/projects/<arg>/queries"),
                   QHttpServerRequest::Method::Post,
                   [this](const QString &project, const QHttpServerRequest &request) {
                       return queryCall(project, request);
                   });
    m_server.route(
        QStringLiteral("/bigquery/v2/projects/<arg>/queries/<arg>"),
        QHttpServerRequest::Method::Get,
        [this](const QString &project, const QString &job, const QHttpServerRequest &request) {
            return resultsCall(project, job, request);
        });
}

quint16 BigQueryFixture::start()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port;
}

QString BigQueryFixture::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/bigquery/v2").arg(m_port);
}

bool BigQueryFixture::authorized(const QHttpServerRequest &request) const
{
    return request.value("Authorization") == "Bearer " + token.toUtf8();
}

QHttpServerResponse BigQueryFixture::error(int status, const QString &statusText,
                                           const QString &reason, const QString &message,
                                           const QString &location)
{
    QJsonObject detail{{QStringLiteral("message"), message},
                       {QStringLiteral("domain"), QStringLiteral("global")},
                       {QStringLiteral("reason"), reason}};
    if (!location.isEmpty()) {
        detail.insert(QStringLiteral("location"), location);
        detail.insert(QStringLiteral("locationType"), QStringLiteral("parameter"));
    }
    const QJsonObject body{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), status},
                                              {QStringLiteral("message"), message},
                                              {QStringLiteral("errors"), QJsonArray{detail}},
                                              {QStringLiteral("status"), statusText}}}};
    return QHttpServerResponse("application/json; charset=UTF-8",
                               QJsonDocument(body).toJson(QJsonDocument::Compact),
                               static_cast<QHttpServerResponse::StatusCode>(status));
}

QHttpServerResponse BigQueryFixture::queryCall(const QString &project,
                                               const QHttpServerRequest &request)
{
    log.append(QStringLiteral("POST %1").arg(request.url().path()));
    if (!authorized(request))
        return error(401, QStringLiteral("UNAUTHENTICATED"), QStringLiteral("required"),
                     QStringLiteral("Request is missing required authentication credential."));
    if (transientErrors > 0) {
        --transientErrors;
        return error(
            503, QStringLiteral("UNAVAILABLE"), QStringLiteral("backendError"),
            QStringLiteral("Error encountered during execution. Retrying may solve the problem."));
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    lastQueryBody = body;
    lastQuery = body.value(QStringLiteral("query")).toString();
    if (lastQuery.isEmpty() || body.value(QStringLiteral("useLegacySql")).toBool(true))
        return error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("invalid"),
                     QStringLiteral("Required parameter is missing or legacy SQL was requested"));
    if (lastQuery.contains(QLatin1String("SYNTAX_ERROR")))
        return error(
            400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("invalidQuery"),
            QStringLiteral("Syntax error: Unexpected identifier \"SYNTAX_ERROR\" at [1:1]"),
            QStringLiteral("q"));
    m_jobId = QStringLiteral("job_Wr00m_%1").arg(++m_jobs);
    const int pageSize = body.value(QStringLiteral("maxResults")).toInt(defaultPageSize);
    if (pendingPolls > 0 || failJob) {
        const QJsonObject pending{
            {QStringLiteral("kind"), QStringLiteral("bigquery#queryResponse")},
            {QStringLiteral("jobReference"),
             QJsonObject{{QStringLiteral("projectId"), project},
                         {QStringLiteral("jobId"), m_jobId},
                         {QStringLiteral("location"),
                          body.value(QStringLiteral("location")).toString(QStringLiteral("US"))}}},
            {QStringLiteral("jobComplete"), false}};
        return QHttpServerResponse("application/json",
                                   QJsonDocument(pending).toJson(QJsonDocument::Compact));
    }
    return page(project, 0, pageSize, false);
}

QHttpServerResponse BigQueryFixture::resultsCall(const QString &project, const QString &job,
                                                 const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    log.append(QStringLiteral("GET %1?%2").arg(request.url().path(), query.toString()));
    if (!authorized(request))
        return error(401, QStringLiteral("UNAUTHENTICATED"), QStringLiteral("required"),
                     QStringLiteral("Request is missing required authentication credential."));
    if (job != m_jobId)
        return error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("notFound"),
                     QStringLiteral("Not found: Job %1:%2").arg(project, job));
    if (transientErrors > 0) {
        --transientErrors;
        return error(
            503, QStringLiteral("UNAVAILABLE"), QStringLiteral("backendError"),
            QStringLiteral("Error encountered during execution. Retrying may solve the problem."));
    }
    if (pendingPolls > 0) {
        --pendingPolls;
        const QJsonObject pending{
            {QStringLiteral("kind"), QStringLiteral("bigquery#getQueryResultsResponse")},
            {QStringLiteral("jobReference"), QJsonObject{{QStringLiteral("projectId"), project},
                                                         {QStringLiteral("jobId"), m_jobId}}},
            {QStringLiteral("jobComplete"), false}};
        return QHttpServerResponse("application/json",
                                   QJsonDocument(pending).toJson(QJsonDocument::Compact));
    }
    if (failJob) {
        const QJsonObject failed{
            {QStringLiteral("kind"), QStringLiteral("bigquery#getQueryResultsResponse")},
            {QStringLiteral("jobReference"), QJsonObject{{QStringLiteral("projectId"), project},
                                                         {QStringLiteral("jobId"), m_jobId}}},
            {QStringLiteral("jobComplete"), true},
            {QStringLiteral("errors"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("reason"), QStringLiteral("accessDenied")},
                 {QStringLiteral("message"),
                  QStringLiteral(
                      "Access Denied: Table region-us.INFORMATION_SCHEMA.JOBS_BY_PROJECT")}}}}};
        return QHttpServerResponse("application/json",
                                   QJsonDocument(failed).toJson(QJsonDocument::Compact));
    }
    int offset = 0;
    const QString token = query.queryItemValue(QStringLiteral("pageToken"));
    if (!token.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(token.toLatin1());
        if (!decoded.startsWith("offset:"))
            return error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("invalid"),
                         QStringLiteral("Invalid page token"));
        offset = decoded.mid(7).toInt();
    }
    const int pageSize = query.hasQueryItem(QStringLiteral("maxResults"))
                             ? query.queryItemValue(QStringLiteral("maxResults")).toInt()
                             : defaultPageSize;
    return page(project, offset, pageSize, true);
}

QHttpServerResponse BigQueryFixture::page(const QString &project, int offset, int pageSize,
                                          bool getResults)
{
    QJsonArray slice;
    for (int i = offset; i < rows.size() && i < offset + pageSize; ++i)
        slice.append(rows.at(i));
    QJsonObject response{
        {QStringLiteral("kind"), getResults ? QStringLiteral("bigquery#getQueryResultsResponse")
                                            : QStringLiteral("bigquery#queryResponse")},
        {QStringLiteral("schema"), QJsonObject{{QStringLiteral("fields"), schemaFields}}},
        {QStringLiteral("jobReference"),
         QJsonObject{{QStringLiteral("projectId"), project},
                     {QStringLiteral("jobId"), m_jobId},
                     {QStringLiteral("location"), QStringLiteral("US")}}},
        {QStringLiteral("totalRows"), QString::number(rows.size())},
        {QStringLiteral("totalBytesProcessed"), QStringLiteral("1048576")},
        {QStringLiteral("jobComplete"), true},
        {QStringLiteral("cacheHit"), false}};
    if (!slice.isEmpty())
        response.insert(QStringLiteral("rows"), slice);
    if (offset + pageSize < rows.size())
        response.insert(
            QStringLiteral("pageToken"),
            QString::fromLatin1(
                QByteArray("offset:" + QByteArray::number(offset + pageSize)).toBase64()));
    return QHttpServerResponse("application/json",
                               QJsonDocument(response).toJson(QJsonDocument::Compact));
}

} // namespace warroom::tests
