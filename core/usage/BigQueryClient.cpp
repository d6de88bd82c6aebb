#include "core/usage/BigQueryClient.h"

#include <QJsonArray>

#include <cmath>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace warroom::usage {

QString BigQueryError::toString() const
{
    QString text = message.isEmpty() ? Tr::tr("unknown error") : message;
    QStringList details;
    if (httpStatus > 0)
        details << QStringLiteral("HTTP %1").arg(httpStatus);
    if (!status.isEmpty())
        details << status;
    if (!reason.isEmpty())
        details << reason;
    if (!location.isEmpty())
        details << Tr::tr("at %1").arg(location);
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!url.isEmpty())
        text = url + QStringLiteral(": ") + text;
    return text;
}

QList<BigQueryField> parseBigQuerySchema(const QJsonArray &fields)
{
    QList<BigQueryField> out;
    for (const QJsonValue &v : fields) {
        const QJsonObject o = v.toObject();
        BigQueryField f;
        f.name = o.value(QLatin1String("name")).toString();
        f.type = o.value(QLatin1String("type")).toString().toUpper();
        f.mode = o.value(QLatin1String("mode")).toString(QStringLiteral("NULLABLE")).toUpper();
        f.fields = parseBigQuerySchema(o.value(QLatin1String("fields")).toArray());
        out.append(f);
    }
    return out;
}

static QVariant decodeScalar(const BigQueryField &field, const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return {};
    const QString &t = field.type;
    if (t == QLatin1String("RECORD") || t == QLatin1String("STRUCT")) {
        const QJsonArray cells = v.toObject().value(QLatin1String("f")).toArray();
        QVariantMap map;
        for (int i = 0; i < field.fields.size() && i < cells.size(); ++i)
            map.insert(field.fields.at(i).name,
                       decodeBigQueryCell(field.fields.at(i),
                                          cells.at(i).toObject().value(QLatin1String("v"))));
        return map;
    }
    const QString s = v.isString() ? v.toString() : QString();
    if (t == QLatin1String("INTEGER") || t == QLatin1String("INT64")) {
        if (v.isDouble()) {
            // Out of INT64's range (or not finite) is no INT64: null, never an undefined cast.
            const double d = v.toDouble();
            if (!std::isfinite(d) || d < -9.2e18 || d > 9.2e18)
                return QVariant();
            return QVariant::fromValue<qlonglong>(static_cast<qlonglong>(d));
        }
        bool ok = false;
        const qlonglong n = s.toLongLong(&ok);
        return ok ? QVariant::fromValue(n) : QVariant();
    }
    if (t == QLatin1String("FLOAT") || t == QLatin1String("FLOAT64")
        || t == QLatin1String("NUMERIC") || t == QLatin1String("BIGNUMERIC")) {
        if (v.isDouble())
            return v.toDouble();
        bool ok = false;
        const double d = s.toDouble(&ok);
        return ok ? QVariant(d) : QVariant();
    }
    if (t == QLatin1String("BOOLEAN") || t == QLatin1String("BOOL"))
        return v.isBool() ? v.toBool() : s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    if (t == QLatin1String("TIMESTAMP")) {
        // Seconds as a float string ("1.780622625E9"), or int64 micros with useInt64Timestamp.
        const auto micros
            = parseTimestamp(v.isDouble() ? QString::number(v.toDouble(), 'f', 6) : s);
        return micros ? QVariant::fromValue<qlonglong>(*micros) : QVariant();
    }
    return v.isString() ? QVariant(s) : v.toVariant();
}

QVariant decodeBigQueryCell(const BigQueryField &field, const QJsonValue &v)
{
    if (field.mode == QLatin1String("REPEATED")) {
        QVariantList list;
        for (const QJsonValue &e : v.toArray())
            list.append(decodeScalar(field, e.toObject().value(QLatin1String("v"))));
        return list;
    }
    return decodeScalar(field, v);
}

QVariantList decodeBigQueryRow(const QList<BigQueryField> &schema, const QJsonObject &row)
{
    const QJsonArray cells = row.value(QLatin1String("f")).toArray();
    QVariantList out;
    out.reserve(schema.size());
    for (int i = 0; i < schema.size(); ++i)
        out.append(i < cells.size() ? decodeBigQueryCell(
                       schema.at(i), cells.at(i).toObject().value(QLatin1String("v")))
                                    : QVariant());
    return out;
}

BigQueryError parseBigQueryError(int httpStatus, const QByteArray &body)
{
    BigQueryError e;
    e.httpStatus = httpStatus;
    const QJsonObject error
        = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    e.message = error.value(QLatin1String("message")).toString();
    e.status = error.value(QLatin1String("status")).toString();
    const QJsonObject first = error.value(QLatin1String("errors")).toArray().first().toObject();
    e.reason = first.value(QLatin1String("reason")).toString();
    e.location = first.value(QLatin1String("location")).toString();
    if (e.message.isEmpty())
        e.message = first.value(QLatin1String("message")).toString();
    if (e.message.isEmpty())
        e.message = Tr::tr("BigQuery answered HTTP %1").arg(httpStatus);
    return e;
}

UsageRanking rankingFromBigQuery(const BigQueryResult &result, const RankingOptions &options,
                                 QString *error)
{
    UsageRanking ranking;
    ranking.since = options.since;
    ranking.until = options.until;
    QHash<QString, int> column;
    for (int i = 0; i < result.schema.size(); ++i)
        column.insert(result.schema.at(i).name, i);
    for (const char *required : {"table_name", "reference_count"}) {
        if (!column.contains(QLatin1String(required))) {
            if (error)
                *error = Tr::tr("the query result has no column '%1'").arg(QLatin1String(required));
            return ranking;
        }
    }
    const bool hasPrevious = options.since && options.until && *options.until > *options.since;
    auto cell = [&](const QVariantList &row, const char *name) {
        const int i = column.value(QLatin1String(name), -1);
        return i >= 0 && i < row.size() ? row.at(i) : QVariant();
    };
    for (const QVariantList &row : result.rows) {
        TableUsage t;
        t.table = cell(row, "table_name").toString();
        t.references = cell(row, "reference_count").toLongLong();
        t.distinctUsers = cell(row, "distinct_users").toInt();
        t.distinctPeople = cell(row, "distinct_people").toInt();
        t.distinctServiceAccounts = std::max(0, t.distinctUsers - t.distinctPeople);
        const QVariant last = cell(row, "last_read");
        if (last.isValid())
            t.lastRead = last.toLongLong();
        t.bytesProcessed = cell(row, "bytes_processed").toLongLong();
        t.previousReferences = cell(row, "previous_reference_count").toLongLong();
        t.hasTrend = hasPrevious;
        for (const QVariant &u : cell(row, "top_users").toList()) {
            const QVariantMap m = u.toMap();
            t.topUsers.append({m.value(QStringLiteral("user")).toString(),
                               m.value(QStringLiteral("reference_count")).toLongLong()});
        }
        t.users = t.topUsers;
        ranking.rows.used += t.references;
        ranking.tables.append(t);
    }
    std::stable_sort(
        ranking.tables.begin(), ranking.tables.end(), [](const TableUsage &a, const TableUsage &b) {
            return a.references != b.references ? a.references > b.references : a.table < b.table;
        });
    return ranking;
}

BigQueryClient::BigQueryClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(QStringLiteral("https://bigquery.googleapis.com/bigquery/v2"))
{
    qRegisterMetaType<BigQueryResult>();
    qRegisterMetaType<BigQueryError>();
}

BigQueryClient::~BigQueryClient()
{
    cancel();
}

void BigQueryClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    QString path = m_baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    m_baseUrl.setPath(path);
}

void BigQueryClient::cancel()
{
    ++m_generation;
    m_running = false;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
        reply->deleteLater();
    }
}

void BigQueryClient::query(const QString &project, const QString &sql, const QString &location)
{
    cancel();
    m_running = true;
    m_project = project;
    m_location = location;
    m_result = {};
    m_retries = 0;
    QJsonObject body{{QStringLiteral("query"), sql},
                     {QStringLiteral("useLegacySql"), false},
                     {QStringLiteral("timeoutMs"), m_timeoutMs}};
    if (m_maxResults > 0)
        body.insert(QStringLiteral("maxResults"), m_maxResults);
    if (!location.isEmpty())
        body.insert(QStringLiteral("location"), location);
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path()
                + QStringLiteral("/projects/%1/queries")
                      .arg(QString::fromUtf8(QUrl::toPercentEncoding(project))));
    send(true, url, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void BigQueryClient::getResults(const QString &pageToken)
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path()
                + QStringLiteral("/projects/%1/queries/%2")
                      .arg(QString::fromUtf8(QUrl::toPercentEncoding(m_project)),
                           QString::fromUtf8(QUrl::toPercentEncoding(m_result.jobId))));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("timeoutMs"), QString::number(m_timeoutMs));
    if (!m_location.isEmpty())
        q.addQueryItem(QStringLiteral("location"), m_location);
    if (m_maxResults > 0)
        q.addQueryItem(QStringLiteral("maxResults"), QString::number(m_maxResults));
    if (!pageToken.isEmpty())
        q.addQueryItem(QStringLiteral("pageToken"), pageToken);
    url.setQuery(q);
    m_retries = 0;
    send(false, url, {});
}

namespace {
// What a call's reply went through, beyond what QNetworkReply itself records.
struct CallState
{
    bool tooLarge = false;
    bool timedOut = false;
    qint64 received = 0;
};

QString describeCall(bool post, const QUrl &url)
{
    // The token travels in a header; the URL holds nothing secret.
    return QString::fromLatin1(post ? "POST " : "GET ") + url.toString(QUrl::RemoveUserInfo);
}
} // namespace

void BigQueryClient::send(bool post, const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_transferTimeoutMs > 0 ? m_transferTimeoutMs : m_timeoutMs + 30000);
    QNetworkReply *reply = post ? m_network->post(request, body) : m_network->get(request);
    m_reply = reply;
    const quint64 generation = m_generation;
    auto state = std::make_shared<CallState>();
    const qint64 maxBytes = m_maxResponseBytes;
    // Bounded memory: an advertised or accumulating body over the cap aborts the call.
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, state, maxBytes] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (maxBytes > 0 && length.isValid() && length.toLongLong() > maxBytes) {
            state->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply, state, maxBytes] {
        if (maxBytes > 0 && reply->bytesAvailable() > maxBytes && !state->tooLarge) {
            state->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [state](qint64 received, qint64) { state->received = received; });
    // A trickling body resets the transfer timeout with every byte: cap the whole call too.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    const int callTimeout = m_callTimeoutMs > 0 ? m_callTimeoutMs : m_timeoutMs + 120000;
    deadline->start(callTimeout);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, post, url, body, generation, state, callTimeout] {
                reply->deleteLater();
                if (generation != m_generation)
                    return;
                m_reply = nullptr;
                handleReply(reply, post, url, body, {state->tooLarge, state->timedOut,
                                                     state->received, callTimeout});
            });
}

void BigQueryClient::retryLater(bool post, const QUrl &url, const QByteArray &body)
{
    const int delay = m_retryDelayMs << m_retries;
    ++m_retries;
    const quint64 generation = m_generation;
    QTimer::singleShot(delay, this, [this, post, url, body, generation] {
        if (generation == m_generation)
            send(post, url, body);
    });
}

void BigQueryClient::handleReply(QNetworkReply *reply, bool post, const QUrl &url,
                                 const QByteArray &body, const CallOutcome &outcome)
{
    const bool tooLarge = outcome.tooLarge;
    const int callTimeoutMs = outcome.callTimeoutMs;
    const QString call = describeCall(post, url);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    if (tooLarge) {
        BigQueryError e;
        e.httpStatus = status;
        e.url = call;
        e.message = Tr::tr("the response is larger than %1 bytes; aborted").arg(m_maxResponseBytes);
        fail(e);
        return;
    }
    // Network-layer errors (1..99) also after a status line: a cut-off body is no answer.
    // Qt 6.4 may report a reset mid-body as NoError: compare with the advertised length.
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool shortBody = networkError == QNetworkReply::NoError && status > 0 && length.isValid()
                           && reply->rawHeader("Content-Encoding").isEmpty()
                           && reply->bytesAvailable() < length.toLongLong();
    // A 2xx whose body Qt could not decode (decompression bomb, broken gzip): no answer either.
    const bool unreadable = status >= 200 && status < 300 && networkError >= 100;
    if (outcome.timedOut || shortBody || unreadable
        || (networkError > QNetworkReply::NoError && networkError < 100)) {
        const qint64 received = std::max(outcome.received, reply->bytesAvailable());
        BigQueryError e;
        e.httpStatus = status;
        e.url = call;
        if (outcome.timedOut)
            e.message = Tr::tr("no complete answer within %1 ms").arg(callTimeoutMs);
        else if (networkError == QNetworkReply::OperationCanceledError)
            e.message = Tr::tr("no data for %1 ms")
                            .arg(m_transferTimeoutMs > 0 ? m_transferTimeoutMs : m_timeoutMs + 30000);
        else if (unreadable)
            e.message = Tr::tr("the response could not be read: %1").arg(reply->errorString());
        else if (shortBody)
            e.message = Tr::tr("the connection closed before the advertised %1 bytes arrived")
                            .arg(length.toLongLong());
        else if (status > 0)
            e.message = Tr::tr("the connection to BigQuery at %1 broke: %2")
                            .arg(url.host(), reply->errorString());
        else
            e.message = Tr::tr("cannot reach BigQuery at %1: %2").arg(url.host(), reply->errorString());
        if (status > 0)
            e.message += Tr::tr(" (the response was cut off after %1 bytes)").arg(received);
        // Reading results again is harmless; jobs.query is not retried (it would start a
        // second job).
        if (!post && m_retries < m_maxRetries) {
            retryLater(post, url, body);
            return;
        }
        fail(e);
        return;
    }
    const QByteArray data = reply->readAll();
    if (status == 429 || status == 500 || status == 502 || status == 503) {
        if (m_retries < m_maxRetries) {
            retryLater(post, url, body);
            return;
        }
    }
    if (status >= 400) {
        BigQueryError e = parseBigQueryError(status, data);
        e.url = call;
        fail(e);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject()) {
        BigQueryError e;
        e.httpStatus = status;
        e.url = call;
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        e.message = Tr::tr("BigQuery sent a response that is not a JSON object (Content-Type '%1', "
                           "%2 bytes): %3")
                        .arg(type.isEmpty() ? QStringLiteral("none") : type)
                        .arg(data.size())
                        .arg(parseError.error == QJsonParseError::NoError
                                 ? Tr::tr("not an object")
                                 : parseError.errorString());
        fail(e);
        return;
    }
    handleResponse(doc.object());
}

void BigQueryClient::handleResponse(const QJsonObject &response)
{
    const QJsonObject jobRef = response.value(QLatin1String("jobReference")).toObject();
    if (m_result.jobId.isEmpty())
        m_result.jobId = jobRef.value(QLatin1String("jobId")).toString();
    if (m_location.isEmpty())
        m_location = jobRef.value(QLatin1String("location")).toString();

    const bool complete = response.value(QLatin1String("jobComplete")).toBool(false);
    const QJsonArray errors = response.value(QLatin1String("errors")).toArray();
    if (!complete) {
        if (m_result.jobId.isEmpty()) {
            BigQueryError e;
            e.message = Tr::tr("BigQuery did not finish the query and named no job to poll");
            fail(e);
            return;
        }
        ++m_result.polls;
        getResults({});
        return;
    }
    if (!errors.isEmpty() && !response.contains(QLatin1String("schema"))) {
        const QJsonObject first = errors.first().toObject();
        BigQueryError e;
        e.reason = first.value(QLatin1String("reason")).toString();
        e.message = first.value(QLatin1String("message")).toString();
        e.location = first.value(QLatin1String("location")).toString();
        fail(e);
        return;
    }
    if (m_result.schema.isEmpty())
        m_result.schema = parseBigQuerySchema(response.value(QLatin1String("schema"))
                                                  .toObject()
                                                  .value(QLatin1String("fields"))
                                                  .toArray());
    m_result.totalRows = response.value(QLatin1String("totalRows")).toString().toLongLong();
    for (const QJsonValue &row : response.value(QLatin1String("rows")).toArray())
        m_result.rows.append(decodeBigQueryRow(m_result.schema, row.toObject()));
    ++m_result.pages;
    emit progress(m_result.rows.size(), m_result.totalRows);

    const QString pageToken = response.value(QLatin1String("pageToken")).toString();
    if (!pageToken.isEmpty()) {
        if (m_result.jobId.isEmpty()) {
            BigQueryError e;
            e.message = Tr::tr("BigQuery sent a page token but no job to page through");
            fail(e);
            return;
        }
        getResults(pageToken);
        return;
    }
    m_running = false;
    emit finished(m_result);
}

void BigQueryClient::fail(const BigQueryError &error)
{
    m_running = false;
    emit failed(error);
}

} // namespace warroom::usage
