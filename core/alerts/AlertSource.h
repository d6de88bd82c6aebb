#pragma once

#include "core/alerts/Alert.h"

#include <QDateTime>
#include <QList>
#include <QObject>

namespace warroom {

// One origin of alerts (GitHub issues by label, failed Airflow runs, webhooks, replay).
// Sources emit what they saw; de-duplication, grouping and storage happen downstream
// (the feed), so a source may report the same alert again when it changes or re-polls.
class AlertSource : public QObject
{
    Q_OBJECT

public:
    struct Health
    {
        QDateTime lastSuccess;
        QDateTime lastError;
        QString lastErrorText;
        QDateTime nextPoll;      // invalid for push sources (webhook) and finished replays
        bool ok() const { return lastError.isNull() || lastSuccess > lastError; }
    };

    using QObject::QObject;

    virtual QString name() const = 0;     // "github" | "airflow" | "webhook" | "replay"
    virtual void start() = 0;             // begin polling / listening / replaying
    virtual void stop() = 0;
    virtual void pollNow() = 0;           // one poll now (no-op for push sources)

    Health health() const { return m_health; }

signals:
    void alertsReceived(const QList<warroom::Alert> &alerts);
    void healthChanged();
    // One poll finished (successfully or not); `ok` false carries the error in health().
    void pollFinished(bool ok);

protected:
    void recordSuccess(const QDateTime &nextPoll = {})
    {
        m_health.lastSuccess = QDateTime::currentDateTimeUtc();
        m_health.nextPoll = nextPoll;
        emit healthChanged();
    }
    void recordError(const QString &text, const QDateTime &nextPoll = {})
    {
        m_health.lastError = QDateTime::currentDateTimeUtc();
        m_health.lastErrorText = text;
        m_health.nextPoll = nextPoll;
        emit healthChanged();
    }

private:
    Health m_health;
};

} // namespace warroom
