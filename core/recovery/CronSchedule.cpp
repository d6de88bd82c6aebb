#include "core/recovery/CronSchedule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

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

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Splits "a, b=(1, 2), c='x,y'" at top-level commas.
QStringList splitArguments(const QString &text)
{
    QStringList parts;
    QString current;
    int depth = 0;
    QChar quote;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            current += c;
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']')) {
            --depth;
        } else if (c == QLatin1Char(',') && depth == 0) {
            parts.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        parts.append(current.trimmed());
    return parts;
}

// "name(args)" with an optional dotted module prefix: returns name (lower case) and args.
bool splitCall(const QString &text, QString *name, QString *args)
{
    static const QRegularExpression call(
        QStringLiteral("^(?:[A-Za-z_][A-Za-z0-9_]*\\.)*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto m = call.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    *name = m.captured(1).toLower();
    *args = m.captured(2);
    return true;
}

QString unquote(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() >= 2 && (t.front() == QLatin1Char('"') || t.front() == QLatin1Char('\''))
        && t.back() == t.front())
        return t.mid(1, t.size() - 2);
    return {};
}
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
    {
        QString name;
        QString args;
        if (splitCall(text, &name, &args)
            && (name == QLatin1String("timedelta") || name == QLatin1String("duration"))) {
            static const QStringList positional{QStringLiteral("days"), QStringLiteral("seconds"),
                                                QStringLiteral("microseconds"), QStringLiteral("milliseconds"),
                                                QStringLiteral("minutes"), QStringLiteral("hours"),
                                                QStringLiteral("weeks")};
            static const QHash<QString, double> micros{
                {QStringLiteral("days"), double(kDayMicros)},
                {QStringLiteral("weeks"), 7.0 * double(kDayMicros)},
                {QStringLiteral("hours"), 3600e6},
                {QStringLiteral("minutes"), 60e6},
                {QStringLiteral("seconds"), 1e6},
                {QStringLiteral("milliseconds"), 1e3},
                {QStringLiteral("microseconds"), 1.0}};
            double days = 0;
            double rest = 0;
            const QStringList parts = splitArguments(args);
            for (int i = 0; i < parts.size(); ++i) {
                QString key;
                QString value = parts.at(i);
                const int eq = value.indexOf(QLatin1Char('='));
                if (eq > 0) {
                    key = value.left(eq).trimmed();
                    value = value.mid(eq + 1).trimmed();
                } else if (i < positional.size()) {
                    key = positional.at(i);
                }
                bool ok = false;
                const double number = value.toDouble(&ok);
                if (!micros.contains(key) || !ok || !std::isfinite(number)) {
                    if (error)
                        *error = Tr::tr("cannot read '%1' in schedule '%2' (numbers for days, hours, "
                                        "minutes, seconds or weeks only)")
                                     .arg(parts.at(i), text);
                    return std::nullopt;
                }
                if (key == QLatin1String("days") || key == QLatin1String("weeks"))
                    days += number * (key == QLatin1String("weeks") ? 7 : 1);
                else
                    rest += number * micros.value(key);
            }
            // whole days step in calendar days; their fractions join the fixed part
            const double wholeDays = std::floor(days);
            rest += (days - wholeDays) * double(kDayMicros);
            if (wholeDays < 0 || rest < 0 || (wholeDays == 0 && rest < 1e6) || wholeDays > 36600) {
                if (error)
                    *error = Tr::tr("schedule '%1' must be an interval of at least one second").arg(text);
                return std::nullopt;
            }
            schedule.m_interval = true;
            schedule.m_stepDays = qint64(wholeDays);
            schedule.m_stepMicros = qint64(std::llround(rest));
            schedule.m_periodic = true;
            return schedule;
        }
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
    if (m_interval) {
        const EpochMicros anchor = anchorIn(tz);
        qint64 k = floorDiv(from - anchor, approximatePeriod()) - 1;
        while (intervalPoint(k, anchor, tz) < from)
            ++k;
        for (EpochMicros t = intervalPoint(k, anchor, tz); t < to && result.size() < limit;
             t = intervalPoint(++k, anchor, tz))
            result.append(t);
        return result;
    }
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

EpochMicros CronSchedule::anchorIn(const QTimeZone &zone) const
{
    if (m_anchor)
        return *m_anchor;
    return QDateTime(QDate(2000, 1, 1), QTime(0, 0), zone).toMSecsSinceEpoch() * 1000;
}

qint64 CronSchedule::approximatePeriod() const
{
    return std::max<qint64>(1, m_stepDays * kDayMicros + m_stepMicros);
}

EpochMicros CronSchedule::intervalPoint(qint64 k, EpochMicros anchor, const QTimeZone &zone) const
{
    if (m_stepDays == 0)
        return anchor + k * m_stepMicros;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(anchor / 1000, zone);
    return local.addDays(k * m_stepDays).toMSecsSinceEpoch() * 1000 + anchor % 1000
           + k * m_stepMicros;
}

std::optional<EpochMicros> CronSchedule::previous(EpochMicros before, const QTimeZone &zone) const
{
    if (!m_periodic)
        return std::nullopt;
    if (m_interval) {
        const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
        const EpochMicros anchor = anchorIn(tz);
        qint64 k = floorDiv(before - anchor, approximatePeriod()) + 1;
        while (intervalPoint(k, anchor, tz) >= before)
            --k;
        return intervalPoint(k, anchor, tz);
    }
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
    if (m_interval) {
        const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
        const EpochMicros anchor = anchorIn(tz);
        qint64 k = floorDiv(after - anchor, approximatePeriod()) - 1;
        while (intervalPoint(k, anchor, tz) <= after)
            ++k;
        return intervalPoint(k, anchor, tz);
    }
    for (qint64 days : {2LL, 35LL, 370LL, 8LL * 366}) {
        const QList<EpochMicros> times = fireTimes(after + 1, after + days * kDayMicros, zone, 1);
        if (!times.isEmpty())
            return times.first();
    }
    return std::nullopt;
}

std::optional<DagStartDate> parseDagStartDate(const QString &expression, const QString &defaultZone)
{
    const QString text = expression.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (const QString literal = unquote(text); !literal.isEmpty()) {
        if (const auto at = parseTimestamp(literal))
            return DagStartDate{*at, {}};
        return std::nullopt;
    }
    QString name;
    QString args;
    if (!splitCall(text, &name, &args) || name != QLatin1String("datetime"))
        return std::nullopt; // days_ago(1), variables: not without running Python
    const bool isPendulum = text.startsWith(QLatin1String("pendulum."));
    static const QStringList positional{QStringLiteral("year"), QStringLiteral("month"),
                                        QStringLiteral("day"), QStringLiteral("hour"),
                                        QStringLiteral("minute"), QStringLiteral("second")};
    QHash<QString, int> fields{{QStringLiteral("hour"), 0}, {QStringLiteral("minute"), 0},
                               {QStringLiteral("second"), 0}};
    QString zoneId;
    bool zoneNamed = false;
    const QStringList parts = splitArguments(args);
    for (int i = 0; i < parts.size(); ++i) {
        QString key;
        QString value = parts.at(i);
        const int eq = value.indexOf(QLatin1Char('='));
        if (eq > 0 && !value.left(eq).contains(QLatin1Char('('))) {
            key = value.left(eq).trimmed();
            value = value.mid(eq + 1).trimmed();
        } else if (i < positional.size()) {
            key = positional.at(i);
        } else {
            continue;
        }
        if (key == QLatin1String("tz") || key == QLatin1String("tzinfo")) {
            QString inner = unquote(value);
            QString call;
            QString callArgs;
            if (inner.isEmpty() && splitCall(value, &call, &callArgs)
                && (call == QLatin1String("timezone") || call == QLatin1String("zoneinfo")
                    || call == QLatin1String("gettz")))
                inner = unquote(callArgs);
            if (inner.isEmpty() && (value.endsWith(QLatin1String(".utc")) || value.endsWith(QLatin1String(".UTC"))
                                    || value == QLatin1String("UTC")))
                inner = QStringLiteral("UTC");
            if (inner.isEmpty())
                return std::nullopt; // a zone held in a variable
            zoneId = inner;
            zoneNamed = true;
            continue;
        }
        if (!positional.contains(key))
            continue; // microsecond, fold: irrelevant here
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok)
            return std::nullopt;
        fields.insert(key, number);
    }
    if (!fields.contains(QStringLiteral("year")) || !fields.contains(QStringLiteral("month"))
        || !fields.contains(QStringLiteral("day")))
        return std::nullopt;
    const QDate date(fields.value(QStringLiteral("year")), fields.value(QStringLiteral("month")),
                     fields.value(QStringLiteral("day")));
    const QTime time(fields.value(QStringLiteral("hour")), fields.value(QStringLiteral("minute")),
                     fields.value(QStringLiteral("second")));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    if (!zoneNamed)
        zoneId = isPendulum ? QStringLiteral("UTC") : defaultZone;
    const QTimeZone zone = zoneId.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0
                               ? QTimeZone::utc()
                               : QTimeZone(zoneId.toUtf8());
    if (!zone.isValid())
        return std::nullopt;
    DagStartDate result;
    result.at = QDateTime(date, time, zone).toMSecsSinceEpoch() * 1000;
    result.timezone = zoneNamed ? zoneId : QString();
    return result;
}

} // namespace warroom::recovery
