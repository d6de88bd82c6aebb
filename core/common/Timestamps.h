#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <string_view>

class QDateTime;

namespace warroom {

// Microseconds since the Unix epoch, UTC. The unit BigQuery itself uses for TIMESTAMP.
using EpochMicros = qint64;

// Parses every timestamp shape a JOBS export or an API gives us, without allocating:
//   "2026-06-05 01:23:45 UTC", "2026-06-05 01:23:45.123456 UTC" (bq's own printing),
//   "2026-06-05T01:23:45Z", "2026-06-05T10:23:45.5+09:00" (RFC 3339),
//   "2026-06-05" (midnight UTC), and epoch numbers: seconds ("1780622625",
//   "1.780622625E9", "1780622625.5"), milliseconds or microseconds, told apart by magnitude.
std::optional<EpochMicros> parseTimestamp(std::string_view text);
std::optional<EpochMicros> parseTimestamp(const QString &text);

// "2026-06-05T01:23:45Z" (fractions only when non-zero, as microseconds).
QString formatRfc3339(EpochMicros micros);

// The date-time pattern for display in the user's locale: ISO-like "yyyy-MM-dd HH:mm" (24 h,
// unambiguous in a war room) and Japanese "yyyy/MM/dd HH:mm". One place for every view.
QString displayDateTimeFormat(bool withSeconds = false);

QDateTime toDateTime(EpochMicros micros);
EpochMicros fromDateTime(const QDateTime &dateTime);

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int year, unsigned month, unsigned day);

} // namespace warroom
