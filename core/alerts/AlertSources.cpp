#include "core/alerts/AlertSources.h"

#include "core/alerts/AirflowAlertSource.h"
#include "core/alerts/AlertSecrets.h"
#include "core/alerts/GitHubAlertSource.h"
#include "core/alerts/ReplaySource.h"
#include "core/alerts/WebhookReceiver.h"
#include "core/workspace/SecretStore.h"
#include "core/workspace/Workspace.h"

#include <QCoreApplication>

#include <algorithm>

namespace warroom {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::AlertSources)
};
} // namespace

QList<AlertSource *> createAlertSources(const WorkspaceConfig &config, net::HttpClient *http,
                                        const AlertSourceOptions &options, QObject *parent,
                                        QStringList *errors)
{
    const auto secret = [&](const QString &name) {
        return options.secret ? options.secret(name) : alertSecret(name);
    };
    QList<AlertSource *> sources;
    if (config.github.isConfigured()) {
        GitHubConfig github;
        github.apiUrl = config.github.apiUrl.isEmpty() ? QStringLiteral("https://api.github.com")
                                                       : config.github.apiUrl;
        github.repo = config.github.repo;
        github.token = secret(Secret::GitHubToken);
        auto *source = new GitHubAlertSource(http, github, config.github.alertLabels, parent);
        source->setInterval(options.pollIntervalMs);
        sources.append(source);
        if (errors && config.github.alertLabels.isEmpty())
            errors->append(Tr::tr("github: no alert_labels in %1").arg(config.configFile));
    }
    if (config.airflow.isConfigured()) {
        AirflowConfig airflow;
        airflow.apiUrl = config.airflow.apiUrl;
        airflow.token = secret(Secret::AirflowToken);
        airflow.user = secret(Secret::AirflowUser);
        airflow.password = secret(Secret::AirflowPassword);
        auto *source = new AirflowAlertSource(http, airflow, parent);
        source->setInterval(options.pollIntervalMs);
        sources.append(source);
    }
    if (config.webhook.isConfigured() && options.includePushSources) {
        WebhookOptions webhook;
        webhook.port = quint16(std::clamp(config.webhook.port, 0, 65535));
        webhook.secret = secret(Secret::WebhookSecret).toUtf8();
        if (errors && webhook.secret.isEmpty())
            errors->append(Tr::tr("webhook: WARROOM_WEBHOOK_SECRET is not set"));
        sources.append(new WebhookReceiver(webhook, parent));
    }
    if (config.replay.isConfigured())
        sources.append(new ReplaySource(config.replay.file, config.replay.speed, parent));
    return sources;
}

void AlertPollOnce::run(const QList<AlertSource *> &sources)
{
    m_started = true;
    m_pending = int(sources.size());
    for (AlertSource *source : sources) {
        connect(source, &AlertSource::alertsReceived, this, [this](const QList<Alert> &alerts) {
            for (const Alert &alert : alerts) {
                const QString key = alert.source + QChar(0x1f) + alert.id;
                auto it = m_alerts.find(key);
                if (it == m_alerts.end()) {
                    m_alerts.insert(key, alert);
                    m_keys.append(key);
                } else if (alert.updatedAt >= it->updatedAt) {
                    *it = alert;
                }
            }
        });
        connect(source, &AlertSource::pollFinished, this,
                [this, source](bool ok) { sourceDone(source, ok); }, Qt::SingleShotConnection);
    }
    if (sources.isEmpty()) {
        emit finished();
        return;
    }
    for (AlertSource *source : sources) {
        if (qobject_cast<WebhookReceiver *>(source))
            sourceDone(source, true); // push only: nothing to poll
        else
            source->pollNow();
    }
}

void AlertPollOnce::sourceDone(AlertSource *source, bool ok)
{
    if (!ok) {
        const QString text = source->health().lastErrorText;
        m_errors.append(text.startsWith(source->name()) ? text : source->name() + QStringLiteral(": ") + text);
    }
    if (--m_pending == 0)
        emit finished();
}

QList<Alert> AlertPollOnce::alerts() const
{
    QList<Alert> list;
    list.reserve(m_keys.size());
    for (const QString &key : m_keys)
        list.append(m_alerts.value(key));
    std::stable_sort(list.begin(), list.end(), [](const Alert &a, const Alert &b) {
        if (a.createdAt != b.createdAt)
            return a.createdAt < b.createdAt;
        if (a.source != b.source)
            return a.source < b.source;
        return a.id < b.id;
    });
    return list;
}

} // namespace warroom
