#include "core/recovery/CronSchedule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <algorithm>

namespace warroom::recovery {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::recovery::CronSchedule)
};

const char *const kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                   "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char *const kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

std::optional<int> parseValue(const QString &text, int field)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (ok)
        return value;
    const QString upper = text.toUpper();
    if (field == 3) {
        for (int i = 0; i < 12; ++i) {
            if (upper == QLatin1String(kMonthNames[i]))
                return i + 1;
        }
    } else if (field == 4) {
        for (int i = 0; i < 7; ++i) {
            if (upper == QLatin1String(kDayNames[i]))
                return i;
        }
    }
    return std::nullopt;
}

constexpr qint64 kDayMicros = 24LL * 3600 * 1000000;
} // namespace

struct CronParser
{
    // field: 0 minute, 1 hour, 2 day of month, 3 month, 4 day of week
    static bool parseField(const QString &text, int field, int min, int max,
                           std::vector<bool> &bits, bool *restricted, QString *error)
    {
        static const char *const names[] = {"minute", "hour", "day-of-month", "month",
                                            "day-of-week"};
        const auto bad = [&](const QString &why) {
            if (error)
                *error = Tr::tr("%1 field '%2': %3").arg(QLatin1String(names[field]), text, why);
            return false;
        };
        *restricted = text != QLatin1String("*") && text != QLatin1String("?");
        for (const QString &part : text.split(QLatin1Char(','))) {
            if (part.isEmpty())
                return bad(Tr::tr("empty list item"));
            QString range = part;
            int step = 1;
            const int slash = part.indexOf(QLatin1Char('/'));
            if (slash >= 0) {
                bool ok = false;
                step = part.mid(slash + 1).toInt(&ok);
                if (!ok || step <= 0)
                    return bad(Tr::tr("bad step"));
                range = part.left(slash);
            }
            int lo = min;
            int hi = max;
            if (range == QLatin1String("*") || range == QLatin1String("?")) {
                // whole range
            } else {
                const int dash = range.indexOf(QLatin1Char('-'), 1);
                const auto a = parseValue(dash < 0 ? range : range.left(dash), field);
                if (!a)
                    return bad(Tr::tr("'%1' is not a value").arg(range));
                lo = *a;
                if (dash >= 0) {
                    const auto b = parseValue(range.mid(dash + 1), field);
                    if (!b)
                        return bad(Tr::tr("'%1' is not a range").arg(range));
                    hi = *b;
                } else {
                    hi = slash >= 0 ? max : lo; // "5/15" means 5-max/15
                }
            }
            const int top = field == 4 ? 7 : max;
            if (lo < min || hi > top || lo > hi)
                return bad(Tr::tr("out of range %1-%2").arg(min).arg(top));
            for (int v = lo; v <= hi; v += step)
                bits[size_t(field == 4 ? v % 7 : v)] = true;
        }
        return true;
    }
};

std::optional<CronSchedule> CronSchedule::parse(const QString &expression, QString *error)
{
    CronSchedule schedule;
    QString text = expression.trimmed();
    if (text.size() >= 2 && (text.startsWith(QLatin1Char('"')) || text.startsWith(QLatin1Char('\'')))
        && text.endsWith(text.front()))
        text = text.mid(1, text.size() - 2).trimmed();
    schedule.m_expression = text;
    const QString lower = text.toLower();
    if (text.isEmpty() || lower == QLatin1String("none") || lower == QLatin1String("@once")
        || lower == QLatin1String("@continuous") || lower == QLatin1String("null")) {
        schedule.m_periodic = false;
        return schedule;
    }
    static const QHash<QString, QString> presets = {
        {QStringLiteral("@hourly"), QStringLiteral("0 * * * *")},
        {QStringLiteral("@daily"), QStringLiteral("0 0 * * *")},
        {QStringLiteral("@midnight"), QStringLiteral("0 0 * * *")},
        {QStringLiteral("@weekly"), QStringLiteral("0 0 * * 0")},
        {QStringLiteral("@monthly"), QStringLiteral("0 0 1 * *")},
        {QStringLiteral("@quarterly"), QStringLiteral("0 0 1 */3 *")},
        {QStringLiteral("@yearly"), QStringLiteral("0 0 1 1 *")},
        {QStringLiteral("@annually"), QStringLiteral("0 0 1 1 *")},
    };
    QString cron = text;
    if (text.startsWith(QLatin1Char('@'))) {
        if (!presets.contains(lower)) {
            if (error)
                *error = Tr::tr("unknown schedule preset '%1'").arg(text);
            return std::nullopt;
        }
        cron = presets.value(lower);
    }
    const QStringList fields = cron.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        if (error)
            *error = Tr::tr("cron expression '%1' has %2 fields, expected 5")
                         .arg(text)
                         .arg(fields.size());
        return std::nullopt;
    }
    static const int mins[] = {0, 0, 1, 1, 0};
    static const int maxs[] = {59, 23, 31, 12, 6};
    bool restricted[5] = {};
    std::vector<bool> bits[5];
    for (int f = 0; f < 5; ++f) {
        bits[f].assign(64, false);
        if (!CronParser::parseField(fields.at(f), f, mins[f], maxs[f], bits[f], &restricted[f],
                                    error))
            return std::nullopt;
    }
    for (int i = 0; i < 60; ++i)
        schedule.m_minutes[size_t(i)] = bits[0][size_t(i)];
    for (int i = 0; i < 24; ++i)
        schedule.m_hours[size_t(i)] = bits[1][size_t(i)];
    for (int i = 1; i <= 31; ++i)
        schedule.m_days[size_t(i)] = bits[2][size_t(i)];
    for (int i = 1; i <= 12; ++i)
        schedule.m_months[size_t(i)] = bits[3][size_t(i)];
    for (int i = 0; i < 7; ++i)
        schedule.m_weekdays[size_t(i)] = bits[4][size_t(i)];
    schedule.m_domRestricted = restricted[2];
    schedule.m_dowRestricted = restricted[4];
    schedule.m_periodic = true;
    return schedule;
}

QList<EpochMicros> CronSchedule::fireTimes(EpochMicros from, EpochMicros to, const QTimeZone &zone,
                                           int limit) const
{
    QList<EpochMicros> result;
    if (!m_periodic || to <= from || limit <= 0)
        return result;
    const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
    // one day of margin on both sides covers every UTC offset
    const QDate first = QDateTime::fromMSecsSinceEpoch(from / 1000, tz).date().addDays(-1);
    const QDate last = QDateTime::fromMSecsSinceEpoch(to / 1000, tz).date().addDays(1);
    for (QDate day = first; day <= last && result.size() < limit; day = day.addDays(1)) {
        if (!m_months[size_t(day.month())])
            continue;
        const bool domOk = m_days[size_t(day.day())];
        const bool dowOk = m_weekdays[size_t(day.dayOfWeek() % 7)];
        const bool dayOk = (m_domRestricted && m_dowRestricted) ? (domOk || dowOk)
                                                               : (domOk && dowOk);
        if (!dayOk)
            continue;
        for (int h = 0; h < 24; ++h) {
            if (!m_hours[size_t(h)])
                continue;
            for (int m = 0; m < 60; ++m) {
                if (!m_minutes[size_t(m)])
                    continue;
                const QTime time(h, m);
                const QDateTime local(day, time, tz);
                if (!local.isValid() || local.time() != time || local.date() != day)
                    continue; // in a DST gap
                const EpochMicros t = local.toMSecsSinceEpoch() * 1000;
                if (t >= from && t < to) {
                    result.append(t);
                    if (result.size() >= limit)
                        break;
                }
            }
            if (result.size() >= limit)
                break;
        }
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

std::optional<EpochMicros> CronSchedule::previous(EpochMicros before, const QTimeZone &zone) const
{
    if (!m_periodic)
        return std::nullopt;
    for (qint64 days : {2LL, 35LL, 370LL, 8LL * 366}) {
        const QList<EpochMicros> times = fireTimes(before - days * kDayMicros, before, zone,
                                                   days <= 2 ? 100000 : 10000000);
        if (!times.isEmpty())
            return times.last();
    }
    return std::nullopt;
}

std::optional<EpochMicros> CronSchedule::next(EpochMicros after, const QTimeZone &zone) const
{
    if (!m_periodic)
        return std::nullopt;
    for (qint64 days : {2LL, 35LL, 370LL, 8LL * 366}) {
        const QList<EpochMicros> times = fireTimes(after + 1, after + days * kDayMicros, zone, 1);
        if (!times.isEmpty())
            return times.first();
    }
    return std::nullopt;
}

} // namespace warroom::recovery
