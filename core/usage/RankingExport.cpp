#include "core/usage/RankingExport.h"

namespace warroom::usage {

QByteArray csvCell(const QString &text)
{
    QString t = text;
    if (!t.isEmpty()
        && (t.front() == QLatin1Char('=') || t.front() == QLatin1Char('+')
            || t.front() == QLatin1Char('-') || t.front() == QLatin1Char('@')))
        t.prepend(QLatin1Char('\''));
    QByteArray utf8 = t.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        utf8 = '"' + utf8 + '"';
    }
    return utf8;
}

QByteArray rankingToCsv(const QList<TableUsage> &tables)
{
    QByteArray out = "rank,table,references,distinct_users,distinct_people,last_read,"
                     "bytes_processed,previous_references,trend,top_users\n";
    int rank = 0;
    for (const TableUsage &t : tables) {
        QStringList top;
        for (const UserCount &u : t.topUsers)
            top.append(QStringLiteral("%1 (%2)").arg(u.user).arg(u.references));
        const auto trend = t.trend();
        out += QByteArray::number(++rank) + ',' + csvCell(t.table) + ','
               + QByteArray::number(t.references) + ',' + QByteArray::number(t.distinctUsers) + ','
               + QByteArray::number(t.distinctPeople) + ','
               + (t.lastRead ? formatRfc3339(*t.lastRead).toUtf8() : QByteArray()) + ','
               + QByteArray::number(t.bytesProcessed) + ','
               + (t.hasTrend ? QByteArray::number(t.previousReferences) : QByteArray()) + ','
               + (trend ? QByteArray::number(*trend, 'g', 6) : QByteArray()) + ','
               + csvCell(top.join(QStringLiteral("; "))) + '\n';
    }
    return out;
}

} // namespace warroom::usage
