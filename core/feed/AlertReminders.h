#pragma once

#include "core/alerts/Alert.h"
#include "core/feed/AlertFeed.h"

#include <QHash>
#include <QObject>
#include <QTime>
#include <QTimeZone>

#include <functional>

class QTimer;

namespace warroom {

// Re-notifies open, unacknowledged alerts at or above a severity every `interval` until
// someone acknowledges them (a single notification at night is easy to miss).
//
// An alert is due when `interval` has passed since the feed first saw it or since its last
// reminder. During quiet hours (local times in the workspace time zone; start > end spans
// midnight; start == end means none) only Critical alerts are reminded: a critical alert
// is exactly what must wake someone. Suppressed alerts are not forgotten; they are due at
// the first check after quiet hours end. Closed/resolved alerts never remind.
//
// Time is injectable (setClock) so tests drive check() directly; start() runs check() on a
// timer in the app.
class AlertReminders : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        bool enabled = true;
        Severity minimumSeverity = Severity::Error;
        int intervalSeconds = 15 * 60;
        QTime quietStart; // invalid or equal to quietEnd: no quiet hours
        QTime quietEnd;
        QString timeZone = QStringLiteral("UTC"); // IANA id (the workspace's)
    };

    using Clock = std::function<EpochMicros()>;

    explicit AlertReminders(AlertFeed *feed, QObject *parent = nullptr);

    void setSettings(const Settings &settings);
    Settings settings() const { return m_settings; }
    void setClock(Clock clock);

    bool isQuietTime(EpochMicros at) const;

    // Runs check() every `checkIntervalMs` (default 15 s).
    void start(int checkIntervalMs = 15000);
    void stop();

    // Evaluates reminders now; emits reminderDue when any alert is due and returns them.
    QList<Alert> check();

signals:
    void reminderDue(const QList<warroom::Alert> &alerts);

private:
    AlertFeed *m_feed;
    Settings m_settings;
    QTimeZone m_zone;
    Clock m_clock;
    QTimer *m_timer = nullptr;
    QHash<AlertKey, EpochMicros> m_lastReminded;
};

} // namespace warroom
