#pragma once

#include "core/common/Timestamps.h"

#include <QList>
#include <QString>

#include <bitset>
#include <optional>

class QTimeZone;

namespace warroom::recovery {

// An Airflow schedule: a 5-field cron expression ("minute hour day-of-month month
// day-of-week", with `*`, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, month and day
// names JAN..DEC / SUN..SAT, day-of-week 0-7 with 0 and 7 both Sunday) or a preset
// (@hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually). When both day fields
// are restricted a day matches either (Vixie cron, as croniter does). `@once`, `None`, an
// empty string and `@continuous` parse as non-periodic schedules with no fire times.
// Fire times are evaluated in a time zone: local wall-clock times that do not exist (a DST
// gap) are skipped, times that exist twice (DST end) fire once, at their first occurrence.
// A `timedelta(...)` schedule (also `datetime.timedelta`, `pendulum.duration`, positional
// days or days/seconds/microseconds/milliseconds/minutes/hours/weeks keywords) fires every
// interval from its anchor, the DAG's start_date (setAnchor()); without one, from local
// midnight of 2000-01-01 in the zone. Whole days step in local calendar days (as pendulum).
class CronSchedule
{
public:
    static std::optional<CronSchedule> parse(const QString &expression, QString *error = nullptr);

    QString expression() const { return m_expression; }
    bool isPeriodic() const { return m_periodic; }
    bool isInterval() const { return m_interval; }
    void setAnchor(std::optional<EpochMicros> startDate) { m_anchor = startDate; }

    // Fire times t with from <= t < to, ascending, at most `limit` of them.
    QList<EpochMicros> fireTimes(EpochMicros from, EpochMicros to, const QTimeZone &zone,
                                 int limit = 100000) const;
    // The latest fire time strictly before `before` (searching back up to 8 years).
    std::optional<EpochMicros> previous(EpochMicros before, const QTimeZone &zone) const;
    // The earliest fire time strictly after `after` (searching up to 8 years ahead).
    std::optional<EpochMicros> next(EpochMicros after, const QTimeZone &zone) const;

private:
    EpochMicros anchorIn(const QTimeZone &zone) const;
    EpochMicros intervalPoint(qint64 k, EpochMicros anchor, const QTimeZone &zone) const;
    qint64 approximatePeriod() const;

    QString m_expression;
    bool m_interval = false;
    qint64 m_stepDays = 0;
    qint64 m_stepMicros = 0;
    std::optional<EpochMicros> m_anchor;
    bool m_periodic = false;
    bool m_domRestricted = false;
    bool m_dowRestricted = false;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;    // 1..31
    std::bitset<13> m_months;  // 1..12
    std::bitset<7> m_weekdays; // 0 = Sunday

    friend struct CronParser;
};

// A DAG's start_date as written in its file: `pendulum.datetime(2024, 1, 1, tz="Asia/Tokyo")`,
// `datetime(2024, 1, 1, 9, 30, tzinfo=ZoneInfo("Asia/Tokyo"))` (also pendulum.timezone,
// pytz.timezone, timezone.utc), keyword arguments, or an RFC 3339 / date string. pendulum's
// default zone is UTC; a naive datetime is read in `defaultZone`. nullopt for what cannot be
// evaluated without running Python (days_ago(1), variables).
struct DagStartDate
{
    EpochMicros at = 0;
    QString timezone;   // IANA id when the expression names one, else empty
};
std::optional<DagStartDate> parseDagStartDate(const QString &expression,
                                              const QString &defaultZone = QStringLiteral("UTC"));

} // namespace warroom::recovery
