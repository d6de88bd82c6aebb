#include "core/net/HttpCache.h"

#include "core/store/IncidentStore.h"

namespace warroom::net {

std::optional<CachedResponse> MemoryHttpCache::lookup(const QString &url)
{
    auto it = m_entries.constFind(url);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

void MemoryHttpCache::store(const QString &url, const CachedResponse &response)
{
    m_entries.insert(url, response);
}

static QString linkKey(const QString &url)
{
    return QStringLiteral("http.link ") + url;
}

std::optional<CachedResponse> StoreHttpCache::lookup(const QString &url)
{
    if (!m_store)
        return std::nullopt;
    const auto validator = m_store->validator(url);
    if (!validator)
        return std::nullopt;
    CachedResponse cached;
    cached.etag = validator->etag.toLatin1();
    cached.lastModified = validator->lastModified.toLatin1();
    cached.body = validator->body;
    cached.fetchedAt = validator->fetchedAt;
    cached.link = m_store->value(linkKey(url)).trimmed().toLatin1();
    return cached;
}

void StoreHttpCache::store(const QString &url, const CachedResponse &response)
{
    if (!m_store)
        return;
    IncidentStore::HttpValidator validator;
    validator.url = url;
    validator.etag = QString::fromLatin1(response.etag);
    validator.lastModified = QString::fromLatin1(response.lastModified);
    validator.body = response.body;
    validator.fetchedAt = response.fetchedAt;
    // " " for "no Link header": never a NULL value, and it overwrites a stale link
    const QString link = response.link.isEmpty() ? QStringLiteral(" ") : QString::fromLatin1(response.link);
    m_store->transaction([&] {
        return m_store->putValidator(validator) && m_store->setValue(linkKey(url), link);
    });
}

} // namespace warroom::net
