#pragma once

#include "core/alerts/AlertSource.h"
#include "core/github/GitHubClient.h"

#include <QHash>
#include <QTimer>

namespace warroom {

// GitHub issues carrying any of the alert labels (one listing per label: GitHub's
// `labels=a,b` means a AND b), state=all, every page, pull requests skipped, conditional
// requests per page (validators in the HttpClient's cache). The first poll reports every
// issue; later polls ask only for issues updated since the newest one seen (`since`) and
// report new, updated, closed and re-opened issues.
class GitHubAlertSource : public AlertSource
{
    Q_OBJECT

public:
    GitHubAlertSource(net::HttpClient *http, const GitHubConfig &config, const QStringList &labels,
                      QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("github"); }
    void start() override;
    void stop() override;
    void pollNow() override;

    void setInterval(int ms) { m_intervalMs = ms; }
    int interval() const { return m_intervalMs; }
    bool isPolling() const { return m_pending > 0; }
    QString since() const { return m_since; }      // the incremental watermark, RFC 3339
    GitHubClient *client() const { return m_client; }

    static Alert toAlert(const Issue &issue);

private:
    void finishPoll();
    void scheduleNext(const QDateTime &at);

    GitHubClient *m_client;
    QStringList m_labels;
    int m_intervalMs = 60000;
    bool m_running = false;
    QTimer m_timer;
    int m_pending = 0;
    QString m_pollError;
    QDateTime m_retryAt;
    QHash<int, Issue> m_pollIssues;          // merged across labels for this poll
    QHash<int, QString> m_seen;              // issue -> fingerprint already reported
    QString m_since;
};

} // namespace warroom
