#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace warroom::net {

class HttpCache;

// How long to wait and how often to retry. Every wait (backoff, rate-limit reset, retry-after)
// is multiplied by `timeScale`, so tests exercise the real logic with short delays.
struct RetryPolicy
{
    int maxRetries = 3;               // retries after the first attempt (5xx, timeouts, 429 ...)
    int baseDelayMs = 1000;           // first backoff; doubles per retry, with jitter
    int maxDelayMs = 60000;           // cap for one backoff step
    int maxRateLimitWaitMs = 120000;  // waits longer than this fail (with retryAt) instead
    int secondaryLimitWaitMs = 60000; // GitHub: "wait at least one minute" without headers
    double timeScale = 1.0;
};

struct HttpRequest
{
    QUrl url;
    QByteArray method = "GET";
    QList<QPair<QByteArray, QByteArray>> headers; // secrets (Authorization) belong here only
    QByteArray body;
    QByteArray contentType;       // for the body; "application/json" when body is set and empty
    bool conditional = false;     // send If-None-Match / If-Modified-Since from the cache
    bool expectJson = true;       // check Content-Type and parse; error on invalid JSON
    int transferTimeoutMs = 30000;// no bytes for this long: the attempt times out
    int totalTimeoutMs = 120000;  // one attempt may not take longer than this
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    std::optional<RetryPolicy> retry; // the client's policy when unset
};

struct HttpResponse
{
    QUrl url;                     // the requested URL, credentials and token queries removed
    int status = 0;               // HTTP status of the last attempt; 0 for transport errors
    QByteArray body;              // on 304 with a cache: the cached body
    QJsonDocument json;           // when expectJson and the body parsed
    QHash<QByteArray, QByteArray> headers; // lower-case names
    bool notModified = false;     // a conditional request was answered 304
    bool fromCache = false;       // `body` came from the validator cache
    QString error;                // empty on success: "GET URL: HTTP 502 Bad Gateway: ..."
    bool rateLimited = false;     // failed because of a rate limit that lasts too long
    QDateTime retryAt;            // when retrying makes sense again (rate limits), UTC
    int attempts = 0;
    qint64 waitedMs = 0;          // total time spent waiting between attempts (scaled)
    int rateLimitRemaining = -1;  // x-ratelimit-remaining, -1 when absent
    QDateTime rateLimitReset;     // x-ratelimit-reset, UTC

    bool ok() const { return error.isEmpty(); }
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    // rel="next" from the Link header (or the cached one on a 304)
    QUrl nextLink() const;
};

// Parses an RFC 8288 Link header: <url>; rel="next", <url>; rel="last" -> {"next": url, ...}
QHash<QString, QUrl> parseLinkHeader(const QByteArray &value);
// IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT") and the obsolete RFC 850 / asctime forms.
QDateTime parseHttpDate(const QByteArray &value);
// Retry-After: delta seconds or an HTTP date (relative to `serverNow`); nullopt when unusable.
std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const QDateTime &serverNow);
// The URL without user info and without token-like query items: safe for logs and errors.
QString redactedUrl(const QUrl &url);
// Replaces occurrences of `secret` in `text` with "***" (belt and braces for error texts).
QString redact(QString text, const QString &secret);

// JSON-over-HTTP helper shared by every network client: conditional requests against an
// HttpCache, Link paging, rate limits (x-ratelimit-*, 403/429, retry-after; waits computed on
// the server's clock from its Date header), retries of 5xx and timeouts with jittered
// exponential backoff, transfer and total timeouts, bounded bodies, JSON validation.
// TLS errors are never ignored. Tokens only travel in headers and never appear in errors.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit HttpClient(QObject *parent = nullptr);
    HttpClient(QNetworkAccessManager *manager, QObject *parent);
    ~HttpClient() override;

    void setCache(HttpCache *cache) { m_cache = cache; } // not owned; may be null
    HttpCache *cache() const { return m_cache; }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }
    void setUserAgent(const QByteArray &agent) { m_userAgent = agent; }
    QNetworkAccessManager *networkAccessManager() const { return m_manager; }

    // Sends `request`; `done` runs once on the event loop unless `context` died first.
    void send(const HttpRequest &request, QObject *context, Callback done);
    // Aborts everything in flight; their callbacks run with an "aborted" error.
    void abortAll();
    int pendingCount() const;

signals:
    // Emitted before each wait between attempts: why (e.g. "rate limited") and how long.
    void waiting(const QString &url, const QString &reason, qint64 ms);
    void rateLimitChanged(int remaining, const QDateTime &reset);

private:
    class Exchange;
    friend class Exchange;
    void finishExchange(Exchange *exchange);

    QNetworkAccessManager *m_manager = nullptr;
    HttpCache *m_cache = nullptr;
    RetryPolicy m_policy;
    QByteArray m_userAgent = "WarRoom/0.1";
    QList<Exchange *> m_exchanges;
};

} // namespace warroom::net
