#pragma once

#include "core/usage/UsageTypes.h"

#include <QByteArray>

namespace warroom::usage {

// CSV of a ranking: rank,table,references,distinct_users,distinct_people,last_read,
// bytes_processed,previous_references,trend,top_users ("user (n); user (n)").
// Cells that a spreadsheet would read as a formula (= + - @) are prefixed with a quote.
QByteArray rankingToCsv(const QList<TableUsage> &tables);

// One CSV cell, quoted when needed and defused against formula injection.
QByteArray csvCell(const QString &text);

} // namespace warroom::usage
