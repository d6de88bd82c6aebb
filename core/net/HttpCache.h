#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace warroom {
class IncidentStore;
}

namespace warroom::net {

// What a conditional request needs from the last 200: validators and the body to replay.
struct CachedResponse
{
    QByteArray etag;
    QByteArray lastModified;
    QByteArray body;
    QByteArray link;       // the Link header (paging survives a 304 without one)
    qint64 fetchedAt = 0;  // epoch micros
};

// Keyed by the redacted URL (see redactedUrl()).
class HttpCache
{
public:
    virtual ~HttpCache() = default;
    virtual std::optional<CachedResponse> lookup(const QString &url) = 0;
    virtual void store(const QString &url, const CachedResponse &response) = 0;
};

class MemoryHttpCache : public HttpCache
{
public:
    std::optional<CachedResponse> lookup(const QString &url) override;
    void store(const QString &url, const CachedResponse &response) override;
    int size() const { return int(m_entries.size()); }

private:
    QHash<QString, CachedResponse> m_entries;
};

// Persists validators in the workspace's IncidentStore (HttpValidator rows), so a restart
// makes conditional requests. The Link header is kept as a store value "http.link <url>".
class StoreHttpCache : public HttpCache
{
public:
    explicit StoreHttpCache(IncidentStore *store) : m_store(store) {}
    std::optional<CachedResponse> lookup(const QString &url) override;
    void store(const QString &url, const CachedResponse &response) override;

private:
    IncidentStore *m_store;
};

} // namespace warroom::net
