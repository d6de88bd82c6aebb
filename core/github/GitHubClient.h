#pragma once

#include "core/github/IssueTracker.h"
#include "core/net/HttpClient.h"

#include <QJsonArray>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QJsonObject;

namespace warroom {

struct GitHubConfig
{
    QString apiUrl = QStringLiteral("https://api.github.com"); // GHE: https://HOST/api/v3
    QString repo;            // owner/name
    QString token;           // sent as "Authorization: Bearer"; never logged
    int maxPages = 100;      // guard against a server that pages forever
    int transferTimeoutMs = 30000; // an attempt with no bytes for this long times out
    int totalTimeoutMs = 120000;   // one attempt may not take longer than this
};

// Thin GitHub REST layer over net::HttpClient: the documented headers
// (Accept: application/vnd.github+json, X-GitHub-Api-Version: 2022-11-28), URLs below a
// configurable API root, all pages via Link rel="next".
class GitHubClient : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kApiVersion = "2022-11-28";

    GitHubClient(net::HttpClient *http, const GitHubConfig &config, QObject *parent = nullptr);

    const GitHubConfig &config() const { return m_config; }
    // Timeouts of every later request (GitHubConfig::transferTimeoutMs / totalTimeoutMs).
    void setTransferTimeoutMs(int ms) { m_config.transferTimeoutMs = ms; }
    void setTotalTimeoutMs(int ms) { m_config.totalTimeoutMs = ms; }
    net::HttpClient *http() const { return m_http; }

    // "/repos/o/r/issues" below the API root; `path` may contain {repo}.
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    net::HttpRequest request(const QUrl &url, const QByteArray &method = "GET") const;
    // Validates the configuration: repo "owner/name", an http(s) API URL.
    QString configError() const;

    struct PagedResult
    {
        QJsonArray items;
        QString error;
        bool rateLimited = false;
        QDateTime retryAt;
        int pages = 0;
        int notModifiedPages = 0;
    };
    // GETs `first` and every rel="next" page (conditional per page), concatenating arrays.
    void getAllPages(const QUrl &first, QObject *context,
                     std::function<void(const PagedResult &)> done);
    // One JSON request (POST/PATCH/DELETE with a body, or GET).
    void send(const QByteArray &method, const QUrl &url, const QJsonObject &body, QObject *context,
              net::HttpClient::Callback done);

    static Issue parseIssue(const QJsonObject &object);
    static bool isPullRequest(const QJsonObject &object) ;

private:
    void fetchPage(const QUrl &url, std::shared_ptr<PagedResult> result, QObject *context,
                   std::function<void(const PagedResult &)> done);

    net::HttpClient *m_http;
    GitHubConfig m_config;
};

// IssueTracker on GitHub Issues (github.com or Enterprise).
class GitHubIssueTracker : public IssueTracker
{
    Q_OBJECT

public:
    GitHubIssueTracker(net::HttpClient *http, const GitHubConfig &config, QObject *parent = nullptr);

    GitHubClient *client() const { return m_client; }

    quint64 listIssues(const IssueQuery &query) override;
    quint64 getIssue(int number) override;
    quint64 findByMarker(const QString &marker, const IssueQuery &scope) override;
    quint64 createIssue(const IssueFields &fields) override;
    quint64 updateIssue(int number, const IssueFields &fields) override;
    quint64 ensureLabel(const QString &name, const QString &color,
                        const QString &description) override;

    // The list URL for `query` (sorted by update, newest first, 100 per page).
    QUrl listUrl(const IssueQuery &query) const;

private:
    quint64 nextId() { return ++m_lastId; }
    void failLater(quint64 id, const net::HttpResponse &response);

    GitHubClient *m_client;
    quint64 m_lastId = 0;
};

IssueTrackerError toTrackerError(const net::HttpResponse &response);

} // namespace warroom
