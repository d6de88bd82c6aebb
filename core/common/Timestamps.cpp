#include "core/common/Timestamps.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <charconv>
#include <cmath>

namespace warroom {

qint64 daysFromCivil(int year, unsigned month, unsigned day)
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

namespace {

bool digits(std::string_view s, size_t pos, size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    int value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::optional<EpochMicros> parseEpochNumber(std::string_view s)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    const double magnitude = std::fabs(value);
    // Seconds until year ~5138, then milliseconds, then microseconds.
    if (magnitude < 1e11)
        return static_cast<EpochMicros>(std::llround(value * 1e6));
    if (magnitude < 1e14)
        return static_cast<EpochMicros>(std::llround(value * 1e3));
    if (magnitude < 1e17)
        return static_cast<EpochMicros>(std::llround(value));
    return std::nullopt;
}

} // namespace

std::optional<EpochMicros> parseTimestamp(std::string_view text)
{
    const std::string_view s = trimmed(text);
    if (s.empty())
        return std::nullopt;
    if (s.size() < 10 || s[4] != '-')
        return parseEpochNumber(s);

    int year, month, day;
    if (!digits(s, 0, 4, year) || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-'
        || !digits(s, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;

    int hour = 0, minute = 0, second = 0;
    qint64 fractionMicros = 0;
    size_t pos = 10;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        if (!digits(s, pos + 1, 2, hour) || pos + 3 >= s.size() || s[pos + 3] != ':'
            || !digits(s, pos + 4, 2, minute))
            return std::nullopt;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(s, pos + 1, 2, second))
                return std::nullopt;
            pos += 3;
        }
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int scale = 100000;
            const size_t start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                fractionMicros += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start)
                return std::nullopt;
        }
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;

    while (pos < s.size() && s[pos] == ' ')
        ++pos;
    qint64 offsetSeconds = 0;
    const std::string_view zone = s.substr(pos);
    if (zone.empty() || zone == "Z" || zone == "z" || zone == "UTC" || zone == "+00" || zone == "GMT") {
        // UTC
    } else if (zone[0] == '+' || zone[0] == '-') {
        int oh = 0, om = 0;
        if (!digits(zone, 1, 2, oh))
            return std::nullopt;
        size_t p = 3;
        if (p < zone.size() && zone[p] == ':')
            ++p;
        if (p < zone.size() && !digits(zone, p, 2, om))
            return std::nullopt;
        if (p < zone.size() && p + 2 != zone.size())
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }

    const qint64 days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000000 + fractionMicros;
}

std::optional<EpochMicros> parseTimestamp(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return parseTimestamp(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
}

QDateTime toDateTime(EpochMicros micros)
{
    // Floor division so instants before 1970 keep their sub-millisecond part right.
    qint64 ms = micros / 1000;
    if (micros % 1000 < 0)
        --ms;
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

EpochMicros fromDateTime(const QDateTime &dateTime)
{
    return dateTime.toMSecsSinceEpoch() * 1000;
}

QString displayDateTimeFormat(bool withSeconds)
{
    const bool japanese = QLocale().language() == QLocale::Japanese;
    QString format = japanese ? QStringLiteral("yyyy/MM/dd HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm");
    if (withSeconds)
        format += QStringLiteral(":ss");
    return format;
}

QString formatRfc3339(EpochMicros micros)
{
    qint64 seconds = micros / 1000000;
    qint64 fraction = micros % 1000000;
    if (fraction < 0) {
        fraction += 1000000;
        --seconds;
    }
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    QString text = dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (fraction != 0)
        text += QStringLiteral(".%1").arg(fraction, 6, 10, QLatin1Char('0'));
    return text + QLatin1Char('Z');
}

} // namespace warroom
