#include "core/feed/AlertReminders.h"

#include <QDateTime>
#include <QTimer>

namespace warroom {

AlertReminders::AlertReminders(AlertFeed *feed, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_zone(QTimeZone::utc())
{
    m_clock = [feed] {
        return feed->now();
    };
    connect(feed, &AlertFeed::acknowledged, this, [this](const QList<AlertKey> &keys) {
        for (const AlertKey &k : keys)
            m_lastReminded.remove(k);
    });
}

void AlertReminders::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_settings.intervalSeconds = std::max(1, settings.intervalSeconds);
    const QTimeZone zone(settings.timeZone.toUtf8());
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
}

void AlertReminders::setClock(Clock clock)
{
    if (clock)
        m_clock = std::move(clock);
}

bool AlertReminders::isQuietTime(EpochMicros at) const
{
    const QTime start = m_settings.quietStart;
    const QTime end = m_settings.quietEnd;
    if (!start.isValid() || !end.isValid() || start == end)
        return false;
    const QTime local = QDateTime::fromMSecsSinceEpoch(at / 1000, m_zone).time();
    if (start < end)
        return local >= start && local < end;
    return local >= start || local < end; // spans midnight
}

void AlertReminders::start(int checkIntervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &AlertReminders::check);
    }
    m_timer->start(std::max(100, checkIntervalMs));
}

void AlertReminders::stop()
{
    if (m_timer)
        m_timer->stop();
}

QList<Alert> AlertReminders::check()
{
    QList<Alert> due;
    if (!m_settings.enabled)
        return due;
    const EpochMicros now = m_clock();
    const EpochMicros interval = EpochMicros(m_settings.intervalSeconds) * 1000000;
    const bool quiet = isQuietTime(now);
    for (const FeedAlert &fa : m_feed->unacknowledged(m_settings.minimumSeverity)) {
        if (quiet && fa.alert.severity < Severity::Critical)
            continue;
        const AlertKey key = AlertKey::of(fa.alert);
        const EpochMicros since = std::max(fa.seenAt, m_lastReminded.value(key, 0));
        if (now - since < interval)
            continue;
        m_lastReminded.insert(key, now);
        due.append(fa.alert);
    }
    if (!due.isEmpty())
        emit reminderDue(due);
    return due;
}

} // namespace warroom
