#pragma once

#include "core/alerts/AlertSource.h"

#include <QHash>

#include <functional>

namespace warroom {

struct WorkspaceConfig;
namespace net {
class HttpClient;
}

struct AlertSourceOptions
{
    bool includePushSources = true;     // the webhook receiver (not for one-shot polls)
    int pollIntervalMs = 60000;
    // Secret:: key (core/workspace/SecretStore.h) -> value; defaults to alertSecret()
    // (the WARROOM_* environment). The GUI passes its SecretStore here.
    std::function<QString(const QString &)> secret;
};

// One source per configured section of the workspace (github, airflow, webhook, replay),
// sharing `http` (which carries the validator cache). Configuration problems go to `errors`.
QList<AlertSource *> createAlertSources(const WorkspaceConfig &config, net::HttpClient *http,
                                        const AlertSourceOptions &options, QObject *parent,
                                        QStringList *errors);

// Polls every source once and collects one alert per (source, id) (the newest seen) plus one
// error line per source that failed. Push sources finish at once. Used by
// `warroom-cli alerts --once`; a GUI uses the sources' own timers instead.
class AlertPollOnce : public QObject
{
    Q_OBJECT

public:
    explicit AlertPollOnce(QObject *parent = nullptr) : QObject(parent) {}

    void run(const QList<AlertSource *> &sources);
    bool isFinished() const { return m_pending == 0 && m_started; }
    QList<Alert> alerts() const;   // sorted by created_at, then source and id
    QStringList errors() const { return m_errors; }

signals:
    void finished();

private:
    void sourceDone(AlertSource *source, bool ok);

    int m_pending = 0;
    bool m_started = false;
    QHash<QString, Alert> m_alerts;
    QStringList m_keys;
    QStringList m_errors;
};

} // namespace warroom
