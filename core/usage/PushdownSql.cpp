#include "core/usage/PushdownSql.h"

#include <QRegularExpression>

#include <algorithm>

namespace warroom::usage {

namespace {

QString timestampLiteral(EpochMicros micros)
{
    // TIMESTAMP 'YYYY-MM-DD HH:MM:SS.ffffff+00' is BigQuery's canonical literal form.
    QString text = formatRfc3339(micros);
    text.replace(QLatin1Char('T'), QLatin1Char(' '));
    text.chop(1); // 'Z'
    return QStringLiteral("TIMESTAMP '%1+00'").arg(text);
}

QString normalizedRegion(const QString &region)
{
    QString r = region.trimmed();
    if (r.startsWith(QLatin1Char('`')) && r.endsWith(QLatin1Char('`')))
        r = r.mid(1, r.size() - 2);
    if (!r.startsWith(QLatin1String("region-"), Qt::CaseInsensitive))
        r.prepend(QLatin1String("region-"));
    return r.toLower();
}

} // namespace

QString locationForRegion(const QString &region)
{
    const QString r = normalizedRegion(region).mid(7);
    if (r == QLatin1String("us") || r == QLatin1String("eu"))
        return r.toUpper();
    return r;
}

QString pushdownSql(const PushdownOptions &options, QString *error)
{
    const QString region = normalizedRegion(options.region);
    static const QRegularExpression regionRe(QStringLiteral("^region-[a-z0-9-]+$"));
    static const QRegularExpression projectRe(QStringLiteral("^[a-zA-Z0-9.:_-]+$"));
    if (!regionRe.match(region).hasMatch()) {
        if (error)
            *error = Tr::tr("not a BigQuery region: '%1'").arg(options.region);
        return {};
    }
    if (!options.project.isEmpty() && !projectRe.match(options.project).hasMatch()) {
        if (error)
            *error = Tr::tr("not a project id: '%1'").arg(options.project);
        return {};
    }
    const RankingOptions &r = options.ranking;
    const QString view = options.organization ? QStringLiteral("JOBS_BY_ORGANIZATION")
                                              : QStringLiteral("JOBS_BY_PROJECT");
    const QString source = options.project.isEmpty()
                               ? QStringLiteral("`%1`.INFORMATION_SCHEMA.%2").arg(region, view)
                               : QStringLiteral("`%1`.`%2`.INFORMATION_SCHEMA.%3")
                                     .arg(options.project, region, view);

    const bool hasPrevious = r.since && r.until && *r.until > *r.since;
    QStringList where;
    QString inWindow = QStringLiteral("TRUE");
    if (hasPrevious) {
        const EpochMicros previous = *r.since - (*r.until - *r.since);
        where << QStringLiteral("creation_time >= %1").arg(timestampLiteral(previous))
              << QStringLiteral("creation_time < %1").arg(timestampLiteral(*r.until));
        inWindow = QStringLiteral("creation_time >= %1").arg(timestampLiteral(*r.since));
    } else {
        if (r.since)
            where << QStringLiteral("creation_time >= %1").arg(timestampLiteral(*r.since));
        if (r.until)
            where << QStringLiteral("creation_time < %1").arg(timestampLiteral(*r.until));
    }
    where << QStringLiteral(
        "statement_type IS DISTINCT FROM 'SCRIPT'  -- script parents: count the children");
    if (!r.includeFailed)
        where << QStringLiteral("error_result IS NULL AND state = 'DONE'  -- failed jobs");
    if (r.userGroup == UserGroup::People)
        where << QStringLiteral("NOT ENDS_WITH(user_email, '.gserviceaccount.com')");
    else if (r.userGroup == UserGroup::ServiceAccounts)
        where << QStringLiteral("ENDS_WITH(user_email, '.gserviceaccount.com')");

    QString refFilter
        = QStringLiteral("  WHERE NOT STARTS_WITH(t.dataset_id, '_')  -- anonymous datasets\n"
                         "    AND NOT CONTAINS_SUBSTR(CONCAT(t.dataset_id, '.', t.table_id), "
                         "'INFORMATION_SCHEMA')\n");
    if (r.excludeOwnDestination)
        refFilter
            += QStringLiteral("    -- a job's own destination is a write, not a read\n"
                              "    AND CONCAT(t.project_id, '.', t.dataset_id, '.', t.table_id)\n"
                              "        != IFNULL(CONCAT(j.destination_table.project_id, '.', "
                              "j.destination_table.dataset_id,\n"
                              "                         '.', j.destination_table.table_id), '')\n");

    QString sql;
    sql += QStringLiteral(
        "-- War Room usage ranking (pushdown). One row per table, most referenced first.\n"
        "-- A reference is one job that read the table (a job reading it twice counts once).\n");
    if (r.since || r.until)
        sql += QStringLiteral("-- Window: [%1, %2)%3\n")
                   .arg(r.since ? formatRfc3339(*r.since) : QStringLiteral("-inf"),
                        r.until ? formatRfc3339(*r.until) : QStringLiteral("+inf"),
                        hasPrevious ? QStringLiteral("; previous_reference_count covers the "
                                                     "window of equal length before it")
                                    : QString());
    sql += QStringLiteral("WITH jobs AS (\n"
                          "  SELECT project_id, job_id, user_email, creation_time,\n"
                          "         total_bytes_processed, destination_table, referenced_tables,\n"
                          "         %1 AS in_window\n"
                          "  FROM %2\n"
                          "  WHERE %3\n"
                          "),\n")
               .arg(inWindow, source, where.join(QStringLiteral("\n    AND ")));
    sql += QStringLiteral(
               "refs AS (\n"
               "  SELECT DISTINCT j.project_id, j.job_id, j.user_email, j.creation_time,\n"
               "         j.total_bytes_processed, j.in_window,\n"
               "         CONCAT(t.project_id, '.', t.dataset_id, '.', t.table_id) AS table_name\n"
               "  FROM jobs AS j, UNNEST(j.referenced_tables) AS t\n")
           + refFilter + QStringLiteral("),\n");
    sql += QStringLiteral("per_user AS (\n"
                          "  SELECT table_name, user_email, COUNT(*) AS reference_count\n"
                          "  FROM refs\n"
                          "  WHERE in_window AND user_email IS NOT NULL AND user_email != ''\n"
                          "  GROUP BY table_name, user_email\n"
                          "),\n"
                          "users AS (\n"
                          "  SELECT table_name,\n"
                          "         COUNTIF(NOT ENDS_WITH(user_email, '.gserviceaccount.com')) AS "
                          "distinct_people,\n"
                          "         ARRAY_AGG(STRUCT(user_email AS user, reference_count)\n"
                          "                   ORDER BY reference_count DESC, user_email LIMIT %1) "
                          "AS top_users\n"
                          "  FROM per_user\n"
                          "  GROUP BY table_name\n"
                          "),\n")
               .arg(std::max(1, r.topUsers));
    sql += QStringLiteral(
        "totals AS (\n"
        "  SELECT table_name,\n"
        "         COUNTIF(in_window) AS reference_count,\n"
        "         COUNT(DISTINCT IF(in_window AND user_email != '', user_email, NULL)) AS "
        "distinct_users,\n"
        "         MAX(IF(in_window, creation_time, NULL)) AS last_read,\n"
        "         IFNULL(SUM(IF(in_window, total_bytes_processed, 0)), 0) AS bytes_processed,\n"
        "         COUNTIF(NOT in_window) AS previous_reference_count\n"
        "  FROM refs\n"
        "  GROUP BY table_name\n"
        "  HAVING reference_count > 0\n"
        ")\n"
        "SELECT t.table_name, t.reference_count, t.distinct_users,\n"
        "       IFNULL(u.distinct_people, 0) AS distinct_people, t.last_read, t.bytes_processed,\n"
        "       t.previous_reference_count, IFNULL(u.top_users, []) AS top_users\n"
        "FROM totals AS t LEFT JOIN users AS u USING (table_name)\n"
        "ORDER BY t.reference_count DESC, t.table_name");
    if (options.topTables >= 0)
        sql += QStringLiteral("\nLIMIT %1").arg(options.topTables);
    sql += QLatin1Char('\n');
    return sql;
}

} // namespace warroom::usage
