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
class CronSchedule
{
public:
    static std::optional<CronSchedule> parse(const QString &expression, QString *error = nullptr);

    QString expression() const { return m_expression; }
    bool isPeriodic() const { return m_periodic; }

    // Fire times t with from <= t < to, ascending, at most `limit` of them.
    QList<EpochMicros> fireTimes(EpochMicros from, EpochMicros to, const QTimeZone &zone,
                                 int limit = 100000) const;
    // The latest fire time strictly before `before` (searching back up to 8 years).
    std::optional<EpochMicros> previous(EpochMicros before, const QTimeZone &zone) const;
    // The earliest fire time strictly after `after` (searching up to 8 years ahead).
    std::optional<EpochMicros> next(EpochMicros after, const QTimeZone &zone) const;

private:
    QString m_expression;
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

} // namespace warroom::recovery
