#include "core/net/HttpClient.h"

#include "core/net/HttpCache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace warroom::net {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::net::HttpClient)
};

const QStringList &secretQueryKeys()
{
    static const QStringList keys{QStringLiteral("token"),         QStringLiteral("access_token"),
                                  QStringLiteral("password"),      QStringLiteral("secret"),
                                  QStringLiteral("key"),           QStringLiteral("api_key"),
                                  QStringLiteral("client_secret"), QStringLiteral("sig"),
                                  QStringLiteral("signature"),     QStringLiteral("auth")};
    return keys;
}

int monthFromName(const QString &name)
{
    static const QStringList months{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                    QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                    QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                    QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return int(months.indexOf(name.left(3).toLower())) + 1;
}

QString snippet(const QByteArray &body)
{
    // GitHub and Airflow put the reason in {"message": ...} / {"detail": ...} / {"title": ...}
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject object = doc.object();
        for (const char *key : {"message", "detail", "title", "error"}) {
            const QJsonValue value = object.value(QLatin1String(key));
            if (value.isString() && !value.toString().isEmpty())
                return value.toString().left(300);
        }
    }
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += QStringLiteral("...");
    return text;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/json" || type.endsWith("+json") || type == "text/json";
}

} // namespace

// ---------------------------------------------------------------------------------------------

QUrl HttpResponse::nextLink() const
{
    return parseLinkHeader(headers.value("link")).value(QStringLiteral("next"));
}

QHash<QString, QUrl> parseLinkHeader(const QByteArray &value)
{
    QHash<QString, QUrl> links;
    static const QRegularExpression entry(QStringLiteral("<([^>]*)>([^<]*)"));
    static const QRegularExpression relParam(
        QStringLiteral("(?:^|;)\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(value);
    auto it = entry.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QUrl url(match.captured(1).trimmed());
        const auto rel = relParam.match(match.captured(2));
        if (!rel.hasMatch() || !url.isValid())
            continue;
        const QString rels = rel.captured(1).isEmpty() ? rel.captured(2) : rel.captured(1);
        for (const QString &name : rels.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            links.insert(name.toLower(), url);
    }
    return links;
}

QDateTime parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).trimmed();
    // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" and RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT"
    static const QRegularExpression imf(QStringLiteral(
        "^[A-Za-z]+,\\s*(\\d{1,2})[ -]([A-Za-z]{3})[ -](\\d{2,4})\\s+(\\d\\d):(\\d\\d):(\\d\\d)"));
    // asctime "Sun Nov  6 08:49:37 1994"
    static const QRegularExpression asctime(QStringLiteral(
        "^[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d\\d):(\\d\\d):(\\d\\d)\\s+(\\d{4})"));
    int year = 0, month = 0, day = 0, h = 0, m = 0, s = 0;
    if (const auto match = imf.match(text); match.hasMatch()) {
        day = match.captured(1).toInt();
        month = monthFromName(match.captured(2));
        year = match.captured(3).toInt();
        if (year < 100)
            year += year < 70 ? 2000 : 1900;
        h = match.captured(4).toInt();
        m = match.captured(5).toInt();
        s = match.captured(6).toInt();
    } else if (const auto match = asctime.match(text); match.hasMatch()) {
        month = monthFromName(match.captured(1));
        day = match.captured(2).toInt();
        h = match.captured(3).toInt();
        m = match.captured(4).toInt();
        s = match.captured(5).toInt();
        year = match.captured(6).toInt();
    } else {
        return {};
    }
    const QDate date(year, month, day);
    const QTime time(h, m, s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const QDateTime &serverNow)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok) {
        if (std::isnan(seconds))
            return std::nullopt;
        // Capped (~31 years) so that the milliseconds fit a qint64: any such wait is too long.
        return seconds < 0 ? 0 : qint64(std::min(seconds, 1e9) * 1000.0);
    }
    const QDateTime at = parseHttpDate(trimmed);
    if (!at.isValid())
        return std::nullopt;
    const QDateTime now = serverNow.isValid() ? serverNow : QDateTime::currentDateTimeUtc();
    return std::max<qint64>(0, now.msecsTo(at));
}

QString redactedUrl(const QUrl &url)
{
    QUrl copy = url;
    copy.setUserInfo(QString());
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        auto items = query.queryItems(QUrl::FullyEncoded);
        bool changed = false;
        for (auto &item : items) {
            if (secretQueryKeys().contains(item.first.toLower())) {
                item.second = QStringLiteral("REDACTED");
                changed = true;
            }
        }
        if (changed) {
            QUrlQuery redacted;
            redacted.setQueryItems(items);
            copy.setQuery(redacted.query(QUrl::FullyEncoded), QUrl::StrictMode);
        }
    }
    return copy.toString(QUrl::FullyEncoded);
}

QString redact(QString text, const QString &secret)
{
    if (secret.size() >= 4)
        text.replace(secret, QStringLiteral("***"));
    return text;
}

// ---------------------------------------------------------------------------------------------

class HttpClient::Exchange : public QObject
{
public:
    Exchange(HttpClient *client, HttpRequest request, QObject *context, Callback done)
        : QObject(client)
        , m_client(client)
        , m_request(std::move(request))
        , m_context(context)
        , m_hasContext(context != nullptr)
        , m_done(std::move(done))
        , m_policy(m_request.retry.value_or(client->m_policy))
    {
        m_cacheKey = redactedUrl(m_request.url);
        m_attemptTimer.setSingleShot(true);
        connect(&m_attemptTimer, &QTimer::timeout, this, [this] {
            if (m_reply) {
                m_totalTimedOut = true;
                m_reply->abort();
            }
        });
        m_waitTimer.setSingleShot(true);
        connect(&m_waitTimer, &QTimer::timeout, this, [this] { startAttempt(); });
        m_response.url = QUrl(m_cacheKey);
        if (m_request.conditional && client->m_cache)
            m_cached = client->m_cache->lookup(m_cacheKey);
    }

    ~Exchange() override
    {
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
        }
    }

    void start() { startAttempt(); }

    void abort()
    {
        m_userAborted = true;
        m_waitTimer.stop();
        if (m_reply)
            m_reply->abort();
        else
            fail(Tr::tr("%1 %2: aborted").arg(method(), m_cacheKey));
    }

private:
    QString method() const { return QString::fromLatin1(m_request.method); }
    QString prefix() const { return method() + QLatin1Char(' ') + m_cacheKey; }

    void startAttempt()
    {
        ++m_response.attempts;
        m_buffer.clear();
        m_received = 0;
        m_tooLarge = false;
        m_totalTimedOut = false;

        QNetworkRequest request(m_request.url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::SameOriginRedirectPolicy);
        request.setTransferTimeout(m_request.transferTimeoutMs);
        request.setHeader(QNetworkRequest::UserAgentHeader, m_client->m_userAgent);
        bool hasAccept = false;
        for (const auto &header : std::as_const(m_request.headers)) {
            request.setRawHeader(header.first, header.second);
            if (header.first.compare("accept", Qt::CaseInsensitive) == 0)
                hasAccept = true;
        }
        if (!hasAccept && m_request.expectJson)
            request.setRawHeader("Accept", "application/json");
        if (m_cached) {
            if (!m_cached->etag.isEmpty())
                request.setRawHeader("If-None-Match", m_cached->etag);
            if (!m_cached->lastModified.isEmpty())
                request.setRawHeader("If-Modified-Since", m_cached->lastModified);
        }
        QNetworkAccessManager *manager = m_client->m_manager;
        if (m_request.body.isEmpty() && m_request.method == "GET") {
            m_reply = manager->get(request);
        } else {
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              m_request.contentType.isEmpty() ? QByteArray("application/json")
                                                              : m_request.contentType);
            m_reply = manager->sendCustomRequest(request, m_request.method, m_request.body);
        }
        connect(m_reply, &QNetworkReply::metaDataChanged, this, &Exchange::onMetaData);
        connect(m_reply, &QNetworkReply::readyRead, this, &Exchange::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &Exchange::onFinished);
        // No sslErrors handler: TLS problems fail the request with a clear error.
        m_attemptTimer.start(m_request.totalTimeoutMs);
    }

    void onMetaData()
    {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_request.maxBodyBytes) {
            m_tooLarge = true;
            m_reply->abort();
        } else if (length.isValid() && length.toLongLong() > m_buffer.capacity()) {
            m_buffer.reserve(length.toLongLong()); // one allocation, no copies while growing
        }
    }

    void onReadyRead()
    {
        if (!m_reply || m_tooLarge)
            return;
        const QByteArray chunk = m_reply->readAll();
        m_received += chunk.size();
        m_buffer += chunk;
        if (m_buffer.size() > m_request.maxBodyBytes) {
            m_tooLarge = true;
            m_buffer.clear();
            m_reply->abort();
        }
    }

    void onFinished()
    {
        m_attemptTimer.stop();
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        reply->disconnect(this);
        if (!m_tooLarge && reply->isOpen()) {
            const QByteArray rest = reply->readAll();
            m_received += rest.size();
            m_buffer += rest;
            if (m_buffer.size() > m_request.maxBodyBytes) {
                m_tooLarge = true;
                m_buffer.clear();
            }
        }

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QNetworkReply::NetworkError error = reply->error();

        if (m_userAborted) {
            fail(Tr::tr("%1: aborted").arg(prefix()));
            return;
        }
        if (m_tooLarge) {
            fail(Tr::tr("%1: response larger than %2 bytes, aborted")
                     .arg(prefix())
                     .arg(m_request.maxBodyBytes));
            return;
        }
        // Network-layer errors (1..99: reset, closed, timed out, aborted) can come after the
        // status line: a 200 whose body was cut off is a failed transfer, never a success.
        if (status == 0 || (error > QNetworkReply::NoError && error < 100)) {
            handleTransportError(error, reply->errorString(), status);
            return;
        }
        // A 2xx whose body Qt could not decode (a decompression bomb, a broken gzip stream):
        // the error is a content error (>= 100), not a network one, but it is no success.
        if (status >= 200 && status < 300 && error != QNetworkReply::NoError) {
            fail(Tr::tr("%1: HTTP %2 response unusable after %3 bytes: %4")
                     .arg(prefix())
                     .arg(status)
                     .arg(m_received)
                     .arg(reply->errorString()));
            return;
        }
        // Qt 6.4 may report a connection reset mid-body as NoError: compare with the
        // advertised length (unless the body was decompressed, which changes its size).
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
        if (status != 304 && status != 204 && m_request.method != "HEAD"
            && length.isValid() && (encoding.isEmpty() || encoding == "identity")
            && m_received < length.toLongLong()) {
            handleTransportError(QNetworkReply::RemoteHostClosedError,
                                 Tr::tr("connection closed before the advertised %1 bytes arrived")
                                     .arg(length.toLongLong()),
                                 status);
            return;
        }

        m_response.status = status;
        m_response.headers.clear();
        for (const auto &pair : reply->rawHeaderPairs())
            m_response.headers.insert(pair.first.toLower(), pair.second);
        const QDateTime serverNow = serverTime();
        readRateLimit(serverNow);

        if (status == 304) {
            if (!m_cached) {
                fail(Tr::tr("%1: HTTP 304 Not Modified without a cached response").arg(prefix()));
                return;
            }
            m_response.notModified = true;
            m_response.fromCache = true;
            m_response.body = m_cached->body;
            if (!m_response.headers.contains("link") && !m_cached->link.isEmpty())
                m_response.headers.insert("link", m_cached->link);
            succeed(/*fromNetwork=*/false);
            return;
        }
        if (status >= 200 && status < 300) {
            m_response.body = m_buffer;
            succeed(true);
            return;
        }

        m_response.body = m_buffer;
        const QString httpError = Tr::tr("%1: HTTP %2 %3").arg(prefix()).arg(status).arg(reason);
        const QString detail = snippet(m_buffer);
        const QString message = detail.isEmpty() ? httpError : httpError + QStringLiteral(": ") + detail;

        if (isRateLimited(status, detail)) {
            handleRateLimit(serverNow, message);
            return;
        }
        if (status == 500 || status == 502 || status == 503 || status == 504) {
            const auto retryAfter = parseRetryAfterMs(m_response.header("retry-after"), serverNow);
            if (m_response.attempts <= m_policy.maxRetries) {
                waitAndRetry(retryAfter ? std::min<qint64>(*retryAfter, m_policy.maxDelayMs)
                                        : backoffMs(),
                             Tr::tr("HTTP %1").arg(status));
                return;
            }
        }
        fail(message);
    }

    void handleTransportError(QNetworkReply::NetworkError error, const QString &errorString,
                              int status)
    {
        const bool timedOut = m_totalTimedOut || error == QNetworkReply::OperationCanceledError
                              || error == QNetworkReply::TimeoutError;
        QString message;
        bool retry = false;
        // When the status line had arrived, say how much of the body did.
        const QString cutOff = status == 0 ? QString()
                                           : Tr::tr(" (HTTP %1 response cut off after %2 bytes)")
                                                 .arg(status)
                                                 .arg(m_received);
        if (timedOut) {
            message = m_totalTimedOut
                          ? Tr::tr("%1: timed out after %2 ms").arg(prefix()).arg(m_request.totalTimeoutMs)
                          : Tr::tr("%1: timed out (no data for %2 ms)")
                                .arg(prefix())
                                .arg(m_request.transferTimeoutMs);
            message += cutOff;
            retry = true;
        } else if (error == QNetworkReply::SslHandshakeFailedError) {
            message = Tr::tr("%1: TLS error: %2").arg(prefix(), errorString);
        } else {
            message = Tr::tr("%1: %2").arg(prefix(), errorString) + cutOff;
            retry = error == QNetworkReply::RemoteHostClosedError
                    || error == QNetworkReply::TemporaryNetworkFailureError
                    || error == QNetworkReply::NetworkSessionFailedError
                    || error == QNetworkReply::ProxyTimeoutError
                    || error == QNetworkReply::UnknownNetworkError;
        }
        // errorString() may quote the URL; make sure nothing secret survives.
        message = message.replace(m_request.url.toString(), m_cacheKey);
        if (retry && m_response.attempts <= m_policy.maxRetries) {
            waitAndRetry(backoffMs(), timedOut ? Tr::tr("timeout") : Tr::tr("network error"));
            return;
        }
        fail(message);
    }

    bool isRateLimited(int status, const QString &detail) const
    {
        if (status == 429)
            return true;
        if (status != 403)
            return false;
        return m_response.rateLimitRemaining == 0 || m_response.headers.contains("retry-after")
               || detail.contains(QLatin1String("rate limit"), Qt::CaseInsensitive);
    }

    void handleRateLimit(const QDateTime &serverNow, const QString &message)
    {
        ++m_rateLimitHits;
        qint64 waitMs = 0;
        if (const auto retryAfter = parseRetryAfterMs(m_response.header("retry-after"), serverNow)) {
            waitMs = *retryAfter;
        } else if (m_response.rateLimitRemaining == 0 && m_response.rateLimitReset.isValid()) {
            // Computed on the server's clock: our own clock may be skewed.
            waitMs = std::max<qint64>(0, serverNow.msecsTo(m_response.rateLimitReset)) + 1000;
        } else {
            waitMs = qint64(m_policy.secondaryLimitWaitMs) << std::min(m_rateLimitHits - 1, 6);
        }
        const qint64 jitter = QRandomGenerator::global()->bounded(qint64(waitMs / 10 + 1));
        const qint64 total = waitMs + jitter;
        m_response.retryAt = QDateTime::currentDateTimeUtc().addMSecs(qint64(total * m_policy.timeScale));
        if (total > m_policy.maxRateLimitWaitMs || m_rateLimitHits > m_policy.maxRetries) {
            m_response.rateLimited = true;
            fail(Tr::tr("%1 (rate limited; retry after %2)")
                     .arg(message, m_response.retryAt.toString(Qt::ISODate)));
            return;
        }
        waitAndRetry(total, Tr::tr("rate limited"));
    }

    qint64 backoffMs() const
    {
        const int step = std::min(m_response.attempts - 1, 20);
        const qint64 full = std::min<qint64>(m_policy.maxDelayMs, qint64(m_policy.baseDelayMs) << step);
        // "equal jitter": half fixed, half random, so retries from many clients spread out
        return full / 2 + QRandomGenerator::global()->bounded(full / 2 + 1);
    }

    void waitAndRetry(qint64 serverMs, const QString &reason)
    {
        const qint64 ms = qint64(double(serverMs) * m_policy.timeScale);
        emit m_client->waiting(m_cacheKey, reason, serverMs);
        m_response.waitedMs += ms;
        m_waitTimer.start(int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
    }

    QDateTime serverTime() const
    {
        const QDateTime date = parseHttpDate(m_response.header("date"));
        return date.isValid() ? date : QDateTime::currentDateTimeUtc();
    }

    void readRateLimit(const QDateTime &)
    {
        bool ok = false;
        const int remaining = m_response.header("x-ratelimit-remaining").toInt(&ok);
        m_response.rateLimitRemaining = ok ? remaining : -1;
        const qint64 reset = m_response.header("x-ratelimit-reset").toLongLong(&ok);
        m_response.rateLimitReset = ok ? QDateTime::fromSecsSinceEpoch(reset, Qt::UTC) : QDateTime();
        if (m_response.rateLimitRemaining >= 0)
            emit m_client->rateLimitChanged(m_response.rateLimitRemaining, m_response.rateLimitReset);
    }

    void succeed(bool fromNetwork)
    {
        if (m_request.expectJson && m_response.status != 204 && !m_response.body.isEmpty()) {
            const QByteArray contentType = m_response.header("content-type");
            if (fromNetwork && !isJsonContentType(contentType)) {
                fail(Tr::tr("%1: expected JSON but got Content-Type '%2'")
                         .arg(prefix(), QString::fromLatin1(contentType.isEmpty() ? "none" : contentType)));
                return;
            }
            QJsonParseError parseError;
            m_response.json = QJsonDocument::fromJson(m_response.body, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                fail(Tr::tr("%1: invalid JSON at offset %2: %3")
                         .arg(prefix())
                         .arg(parseError.offset)
                         .arg(parseError.errorString()));
                return;
            }
        }
        if (fromNetwork && m_request.conditional && m_client->m_cache && m_request.method == "GET") {
            const QByteArray etag = m_response.header("etag");
            const QByteArray lastModified = m_response.header("last-modified");
            if (!etag.isEmpty() || !lastModified.isEmpty()) {
                CachedResponse cached;
                cached.etag = etag;
                cached.lastModified = lastModified;
                cached.body = m_response.body;
                cached.link = m_response.header("link");
                cached.fetchedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
                m_client->m_cache->store(m_cacheKey, cached);
            }
        }
        finish();
    }

    void fail(const QString &message)
    {
        QString text = message;
        for (const auto &header : std::as_const(m_request.headers)) {
            const QByteArray name = header.first.toLower();
            if (name != "authorization" && !name.contains("token") && !name.contains("secret")
                && name != "cookie")
                continue;
            const QString value = QString::fromLatin1(header.second);
            const QString secretPart = value.section(QLatin1Char(' '), -1);
            text = redact(text, secretPart);
        }
        m_response.error = text;
        finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        const bool deliver = !m_hasContext || m_context;
        Callback done = std::move(m_done);
        const HttpResponse response = m_response;
        HttpClient *client = m_client;
        client->finishExchange(this);
        if (deliver && done)
            done(response);
    }

    HttpClient *m_client;
    HttpRequest m_request;
    QPointer<QObject> m_context;
    bool m_hasContext;
    Callback m_done;
    RetryPolicy m_policy;
    QString m_cacheKey;
    std::optional<CachedResponse> m_cached;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_buffer;
    qint64 m_received = 0;
    QTimer m_attemptTimer;
    QTimer m_waitTimer;
    HttpResponse m_response;
    int m_rateLimitHits = 0;
    bool m_tooLarge = false;
    bool m_totalTimedOut = false;
    bool m_userAborted = false;
    bool m_finished = false;
};

// ---------------------------------------------------------------------------------------------

HttpClient::HttpClient(QObject *parent)
    : HttpClient(nullptr, parent)
{}

HttpClient::HttpClient(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager ? manager : new QNetworkAccessManager(this))
{}

HttpClient::~HttpClient()
{
    const QList<Exchange *> exchanges = m_exchanges;
    m_exchanges.clear();
    qDeleteAll(exchanges);
}

void HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    auto *exchange = new Exchange(this, request, context, std::move(done));
    m_exchanges.append(exchange);
    exchange->start();
}

void HttpClient::abortAll()
{
    const QList<Exchange *> exchanges = m_exchanges;
    for (Exchange *exchange : exchanges) {
        if (m_exchanges.contains(exchange))
            exchange->abort();
    }
}

int HttpClient::pendingCount() const
{
    return int(m_exchanges.size());
}

void HttpClient::finishExchange(Exchange *exchange)
{
    m_exchanges.removeOne(exchange);
    exchange->deleteLater();
}

} // namespace warroom::net
