#include "core/github/GitHubClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

namespace warroom {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::GitHubClient)
};

EpochMicros timeField(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isString())
        return 0;
    return parseTimestamp(value.toString()).value_or(0);
}

QJsonObject toJson(const IssueFields &fields)
{
    QJsonObject object;
    if (fields.title)
        object.insert(QStringLiteral("title"), *fields.title);
    if (fields.body)
        object.insert(QStringLiteral("body"), *fields.body);
    if (fields.state)
        object.insert(QStringLiteral("state"), *fields.state);
    if (fields.labels)
        object.insert(QStringLiteral("labels"), QJsonArray::fromStringList(*fields.labels));
    if (fields.assignees)
        object.insert(QStringLiteral("assignees"), QJsonArray::fromStringList(*fields.assignees));
    return object;
}

const int kIssueMetaTypes = [] {
    qRegisterMetaType<warroom::Issue>();
    qRegisterMetaType<QList<warroom::Issue>>();
    qRegisterMetaType<warroom::IssueTrackerError>();
    return 0;
}();
} // namespace

GitHubClient::GitHubClient(net::HttpClient *http, const GitHubConfig &config, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_config(config)
{
    while (m_config.apiUrl.endsWith(QLatin1Char('/')))
        m_config.apiUrl.chop(1);
}

QString GitHubClient::configError() const
{
    static const QRegularExpression repo(QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
    if (!repo.match(m_config.repo).hasMatch())
        return Tr::tr("github.repo must be 'owner/name', got '%1'").arg(m_config.repo);
    const QUrl api(m_config.apiUrl);
    if (!api.isValid() || (api.scheme() != QLatin1String("https") && api.scheme() != QLatin1String("http"))
        || api.host().isEmpty())
        return Tr::tr("github.api_url must be an http(s) URL, got '%1'").arg(m_config.apiUrl);
    return {};
}

QUrl GitHubClient::url(const QString &path, const QUrlQuery &query) const
{
    QString p = path;
    p.replace(QLatin1String("{repo}"), m_config.repo);
    QUrl url(m_config.apiUrl + p);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

net::HttpRequest GitHubClient::request(const QUrl &url, const QByteArray &method) const
{
    net::HttpRequest request;
    request.url = url;
    request.method = method;
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/vnd.github+json")));
    request.headers.append(qMakePair(QByteArray("X-GitHub-Api-Version"), QByteArray(kApiVersion)));
    if (!m_config.token.isEmpty())
        request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + m_config.token.toUtf8()));
    request.conditional = method == "GET";
    if (m_config.transferTimeoutMs > 0)
        request.transferTimeoutMs = m_config.transferTimeoutMs;
    if (m_config.totalTimeoutMs > 0)
        request.totalTimeoutMs = m_config.totalTimeoutMs;
    return request;
}

void GitHubClient::getAllPages(const QUrl &first, QObject *context,
                               std::function<void(const PagedResult &)> done)
{
    fetchPage(first, std::make_shared<PagedResult>(), context, std::move(done));
}

void GitHubClient::fetchPage(const QUrl &pageUrl, std::shared_ptr<PagedResult> result,
                             QObject *context, std::function<void(const PagedResult &)> done)
{
    m_http->send(request(pageUrl), context, [this, result, context, done](const net::HttpResponse &response) {
        if (!response.ok()) {
            result->error = response.error;
            result->rateLimited = response.rateLimited;
            result->retryAt = response.retryAt;
            done(*result);
            return;
        }
        ++result->pages;
        if (response.notModified)
            ++result->notModifiedPages;
        if (!response.json.isArray()) {
            result->error = Tr::tr("GET %1: expected a JSON array").arg(response.url.toString());
            done(*result);
            return;
        }
        for (const QJsonValue &value : response.json.array())
            result->items.append(value);
        const QUrl next = response.nextLink();
        if (next.isValid() && !next.isEmpty()) {
            if (result->pages >= m_config.maxPages) {
                result->error = Tr::tr("GET %1: more than %2 pages, stopped")
                                    .arg(response.url.toString())
                                    .arg(m_config.maxPages);
                done(*result);
                return;
            }
            // Only follow links to the same API host: a Link header must not send the token
            // elsewhere.
            const QUrl api(m_config.apiUrl);
            if (next.host() != api.host() || next.scheme() != api.scheme()
                || next.port() != api.port()) {
                result->error = Tr::tr("GET %1: Link rel=\"next\" points to another host (%2)")
                                    .arg(response.url.toString(), next.host());
                done(*result);
                return;
            }
            fetchPage(next, result, context, done);
            return;
        }
        done(*result);
    });
}

void GitHubClient::send(const QByteArray &method, const QUrl &url, const QJsonObject &body,
                        QObject *context, net::HttpClient::Callback done)
{
    net::HttpRequest req = request(url, method);
    if (method != "GET" && method != "DELETE")
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    else if (method == "DELETE" && !body.isEmpty())
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    req.conditional = false;
    // writes are not idempotent in general: retry only what never reached the server
    net::RetryPolicy policy = m_http->retryPolicy();
    if (method == "POST")
        policy.maxRetries = 0;
    req.retry = policy;
    m_http->send(req, context, std::move(done));
}

bool GitHubClient::isPullRequest(const QJsonObject &object)
{
    return object.contains(QLatin1String("pull_request"));
}

Issue GitHubClient::parseIssue(const QJsonObject &object)
{
    Issue issue;
    issue.number = object.value(QLatin1String("number")).toInt();
    issue.title = object.value(QLatin1String("title")).toString();
    issue.body = object.value(QLatin1String("body")).toString();
    issue.state = object.value(QLatin1String("state")).toString();
    issue.stateReason = object.value(QLatin1String("state_reason")).toString();
    issue.url = object.value(QLatin1String("html_url")).toString();
    issue.author = object.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString();
    for (const QJsonValue &label : object.value(QLatin1String("labels")).toArray()) {
        // labels are objects {"name": ...}; some payloads use bare strings
        const QString name = label.isString() ? label.toString()
                                              : label.toObject().value(QLatin1String("name")).toString();
        if (!name.isEmpty())
            issue.labels.append(name);
    }
    for (const QJsonValue &assignee : object.value(QLatin1String("assignees")).toArray())
        issue.assignees.append(assignee.toObject().value(QLatin1String("login")).toString());
    if (issue.assignees.isEmpty()) {
        const QString single = object.value(QLatin1String("assignee")).toObject().value(QLatin1String("login")).toString();
        if (!single.isEmpty())
            issue.assignees.append(single);
    }
    issue.createdAt = timeField(object, "created_at");
    issue.updatedAt = timeField(object, "updated_at");
    issue.closedAt = timeField(object, "closed_at");
    return issue;
}

IssueTrackerError toTrackerError(const net::HttpResponse &response)
{
    IssueTrackerError error;
    error.httpStatus = response.status;
    error.message = response.error;
    error.validation = response.status == 422;
    error.retryable = response.status == 0 || response.status >= 500 || response.rateLimited
                      || response.status == 429;
    error.rateLimited = response.rateLimited || response.status == 429;
    error.retryAt = response.retryAt;
    if (error.validation && response.json.isNull()) {
        // 422 bodies: {"message": "Validation Failed", "errors": [{"resource","field","code"}]}
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        QStringList details;
        for (const QJsonValue &value : object.value(QLatin1String("errors")).toArray()) {
            const QJsonObject e = value.toObject();
            details.append(QStringLiteral("%1.%2 %3")
                               .arg(e.value(QLatin1String("resource")).toString(),
                                    e.value(QLatin1String("field")).toString(),
                                    e.value(QLatin1String("code")).toString()));
        }
        if (!details.isEmpty())
            error.message += QStringLiteral(" [") + details.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    return error;
}

// ---------------------------------------------------------------------------------------------

GitHubIssueTracker::GitHubIssueTracker(net::HttpClient *http, const GitHubConfig &config,
                                       QObject *parent)
    : IssueTracker(parent)
    , m_client(new GitHubClient(http, config, this))
{}

void GitHubIssueTracker::failLater(quint64 id, const net::HttpResponse &response)
{
    emit requestFailed(id, toTrackerError(response));
}

QUrl GitHubIssueTracker::listUrl(const IssueQuery &query) const
{
    QUrlQuery q;
    if (!query.labels.isEmpty())
        q.addQueryItem(QStringLiteral("labels"), query.labels.join(QLatin1Char(',')));
    q.addQueryItem(QStringLiteral("state"), query.state.isEmpty() ? QStringLiteral("all") : query.state);
    q.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    q.addQueryItem(QStringLiteral("sort"), QStringLiteral("updated"));
    q.addQueryItem(QStringLiteral("direction"), QStringLiteral("desc"));
    if (!query.since.isEmpty())
        q.addQueryItem(QStringLiteral("since"), query.since);
    return m_client->url(QStringLiteral("/repos/{repo}/issues"), q);
}

quint64 GitHubIssueTracker::listIssues(const IssueQuery &query)
{
    const quint64 id = nextId();
    m_client->getAllPages(listUrl(query), this, [this, id](const GitHubClient::PagedResult &result) {
        if (!result.error.isEmpty()) {
            IssueTrackerError error;
            error.message = result.error;
            error.retryable = true;
            error.rateLimited = result.rateLimited;
            error.retryAt = result.retryAt;
            emit requestFailed(id, error);
            return;
        }
        QList<Issue> issues;
        for (const QJsonValue &value : result.items) {
            const QJsonObject object = value.toObject();
            if (!GitHubClient::isPullRequest(object))
                issues.append(GitHubClient::parseIssue(object));
        }
        emit issuesListed(id, issues);
    });
    return id;
}

quint64 GitHubIssueTracker::getIssue(int number)
{
    const quint64 id = nextId();
    const QUrl url = m_client->url(QStringLiteral("/repos/{repo}/issues/%1").arg(number));
    m_client->http()->send(m_client->request(url), this, [this, id](const net::HttpResponse &response) {
        if (response.status == 404 || response.status == 410) {
            emit issueNotFound(id);
            return;
        }
        if (!response.ok()) {
            failLater(id, response);
            return;
        }
        emit issueReceived(id, GitHubClient::parseIssue(response.json.object()));
    });
    return id;
}

quint64 GitHubIssueTracker::findByMarker(const QString &marker, const IssueQuery &scope)
{
    const quint64 id = nextId();
    m_client->getAllPages(listUrl(scope), this, [this, id, marker](const GitHubClient::PagedResult &result) {
        if (!result.error.isEmpty()) {
            IssueTrackerError error;
            error.message = result.error;
            error.retryable = true;
            error.rateLimited = result.rateLimited;
            error.retryAt = result.retryAt;
            emit requestFailed(id, error);
            return;
        }
        for (const QJsonValue &value : result.items) {
            const QJsonObject object = value.toObject();
            if (GitHubClient::isPullRequest(object))
                continue;
            if (object.value(QLatin1String("body")).toString().contains(marker)) {
                emit issueReceived(id, GitHubClient::parseIssue(object));
                return;
            }
        }
        emit issueNotFound(id);
    });
    return id;
}

quint64 GitHubIssueTracker::createIssue(const IssueFields &fields)
{
    const quint64 id = nextId();
    const QUrl url = m_client->url(QStringLiteral("/repos/{repo}/issues"));
    m_client->send("POST", url, toJson(fields), this, [this, id](const net::HttpResponse &response) {
        if (!response.ok()) {
            failLater(id, response);
            return;
        }
        emit issueReceived(id, GitHubClient::parseIssue(response.json.object()));
    });
    return id;
}

quint64 GitHubIssueTracker::updateIssue(int number, const IssueFields &fields)
{
    const quint64 id = nextId();
    const QUrl url = m_client->url(QStringLiteral("/repos/{repo}/issues/%1").arg(number));
    m_client->send("PATCH", url, toJson(fields), this, [this, id](const net::HttpResponse &response) {
        if (response.status == 404 || response.status == 410) {
            emit issueNotFound(id);
            return;
        }
        if (!response.ok()) {
            failLater(id, response);
            return;
        }
        emit issueReceived(id, GitHubClient::parseIssue(response.json.object()));
    });
    return id;
}

quint64 GitHubIssueTracker::ensureLabel(const QString &name, const QString &color,
                                        const QString &description)
{
    const quint64 id = nextId();
    const QUrl url = m_client->url(QStringLiteral("/repos/{repo}/labels"));
    QJsonObject body{{QStringLiteral("name"), name}};
    if (!color.isEmpty())
        body.insert(QStringLiteral("color"), QString(color).remove(QLatin1Char('#')));
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    m_client->send("POST", url, body, this, [this, id, name](const net::HttpResponse &response) {
        if (response.ok()) {
            emit labelEnsured(id, name);
            return;
        }
        if (response.status == 422) {
            const QJsonObject object = QJsonDocument::fromJson(response.body).object();
            for (const QJsonValue &value : object.value(QLatin1String("errors")).toArray()) {
                if (value.toObject().value(QLatin1String("code")).toString() == QLatin1String("already_exists")) {
                    emit labelEnsured(id, name);
                    return;
                }
            }
        }
        failLater(id, response);
    });
    return id;
}

} // namespace warroom
