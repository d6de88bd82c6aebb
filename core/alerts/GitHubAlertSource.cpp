#include "core/alerts/GitHubAlertSource.h"

#include "core/alerts/AlertParsing.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace warroom {

GitHubAlertSource::GitHubAlertSource(net::HttpClient *http, const GitHubConfig &config,
                                     const QStringList &labels, QObject *parent)
    : AlertSource(parent)
    , m_client(new GitHubClient(http, config, this))
    , m_labels(labels)
{
    m_labels.removeAll(QString());
    m_labels.removeDuplicates();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GitHubAlertSource::pollNow);
}

void GitHubAlertSource::start()
{
    m_running = true;
    pollNow();
}

void GitHubAlertSource::stop()
{
    m_running = false;
    m_timer.stop();
}

Alert GitHubAlertSource::toAlert(const Issue &issue)
{
    Alert alert;
    alert.source = QStringLiteral("github");
    alert.id = QString::number(issue.number);
    alert.title = issue.title;
    alert.url = issue.url;
    alert.severity = severityFromLabels(issue.labels);
    alert.state = issue.state == QLatin1String("closed") ? QStringLiteral("closed") : QStringLiteral("open");
    alert.createdAt = issue.createdAt;
    alert.updatedAt = issue.updatedAt;
    alert.labels = issue.labels;
    alert.body = issue.body;
    inferAlertContext(alert);
    return alert;
}

void GitHubAlertSource::pollNow()
{
    if (m_pending > 0)
        return; // one poll at a time
    m_timer.stop();
    const QString configError = m_client->configError();
    if (!configError.isEmpty() || m_labels.isEmpty()) {
        recordError(configError.isEmpty()
                        ? tr("github: no alert_labels configured for %1").arg(m_client->config().repo)
                        : QStringLiteral("github: ") + configError);
        emit pollFinished(false);
        return;
    }
    m_pollError.clear();
    m_retryAt = {};
    m_pollIssues.clear();
    m_pending = int(m_labels.size());
    for (const QString &label : std::as_const(m_labels)) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("labels"), label);
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("all"));
        query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
        query.addQueryItem(QStringLiteral("sort"), QStringLiteral("updated"));
        query.addQueryItem(QStringLiteral("direction"), QStringLiteral("desc"));
        if (!m_since.isEmpty())
            query.addQueryItem(QStringLiteral("since"), m_since);
        const QUrl url = m_client->url(QStringLiteral("/repos/{repo}/issues"), query);
        m_client->getAllPages(url, this, [this](const GitHubClient::PagedResult &result) {
            if (!result.error.isEmpty()) {
                if (m_pollError.isEmpty())
                    m_pollError = result.error;
                if (result.retryAt.isValid())
                    m_retryAt = std::max(m_retryAt, result.retryAt);
            } else {
                for (const QJsonValue &value : result.items) {
                    const QJsonObject object = value.toObject();
                    if (GitHubClient::isPullRequest(object))
                        continue;
                    const Issue issue = GitHubClient::parseIssue(object);
                    if (issue.number > 0)
                        m_pollIssues.insert(issue.number, issue);
                }
            }
            if (--m_pending == 0)
                finishPoll();
        });
    }
}

void GitHubAlertSource::finishPoll()
{
    if (!m_pollError.isEmpty()) {
        const QDateTime next = m_retryAt.isValid()
                                   ? m_retryAt
                                   : QDateTime::currentDateTimeUtc().addMSecs(m_intervalMs);
        recordError(m_pollError, m_running ? next : QDateTime());
        scheduleNext(next);
        emit pollFinished(false);
        return;
    }
    QList<Issue> issues = m_pollIssues.values();
    std::sort(issues.begin(), issues.end(), [](const Issue &a, const Issue &b) {
        return a.updatedAt != b.updatedAt ? a.updatedAt < b.updatedAt : a.number < b.number;
    });
    QList<Alert> alerts;
    EpochMicros newest = 0;
    for (const Issue &issue : std::as_const(issues)) {
        newest = std::max(newest, issue.updatedAt);
        // updated_at has whole seconds: a close and a re-open within one second share it,
        // so the state, title and labels are part of what counts as "changed"
        const QString fingerprint = QString::number(issue.updatedAt) + QChar(0x1f) + issue.state
                                    + QChar(0x1f) + issue.title + QChar(0x1f)
                                    + issue.labels.join(QChar(0x1e));
        const auto it = m_seen.constFind(issue.number);
        if (it != m_seen.constEnd() && *it == fingerprint)
            continue;
        m_seen.insert(issue.number, fingerprint);
        alerts.append(toAlert(issue));
    }
    if (newest > 0) {
        // whole seconds, as GitHub documents `since` (YYYY-MM-DDTHH:MM:SSZ); inclusive, so the
        // newest issue comes back and is filtered by m_seen
        const QString watermark = formatRfc3339(newest - newest % 1000000);
        if (m_since.isEmpty() || watermark > m_since)
            m_since = watermark;
    }
    const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(m_intervalMs);
    recordSuccess(m_running ? next : QDateTime());
    scheduleNext(next);
    if (!alerts.isEmpty())
        emit alertsReceived(alerts);
    emit pollFinished(true);
}

void GitHubAlertSource::scheduleNext(const QDateTime &at)
{
    if (!m_running)
        return;
    const qint64 ms = std::max<qint64>(1000, QDateTime::currentDateTimeUtc().msecsTo(at));
    m_timer.start(int(std::min<qint64>(ms, 24LL * 3600 * 1000)));
}

} // namespace warroom
