// BigQuery REST decoding: a jobs.query / getQueryResults body ({"schema": {"fields": [...]},
// "rows": [{"f": [{"v": ...}]}], "totalRows": "n"}) decoded by schema, turned into a usage
// ranking as the pushdown path does, and the same body read as an error answer.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/usage/BigQueryClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace warroom;

WARROOM_FUZZ_TARGET(bigquery_rows)
{
    const QByteArray body = fuzz::bytes(data, size);
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    usage::BigQueryResult result;
    result.jobId = object.value(QLatin1String("jobReference")).toObject().value(QLatin1String("jobId")).toString();
    result.schema = usage::parseBigQuerySchema(
        object.value(QLatin1String("schema")).toObject().value(QLatin1String("fields")).toArray());
    result.totalRows = object.value(QLatin1String("totalRows")).toString().toLongLong();
    for (const QJsonValue &row : object.value(QLatin1String("rows")).toArray()) {
        const QVariantList decoded = usage::decodeBigQueryRow(result.schema, row.toObject());
        WARROOM_FUZZ_CHECK("bigquery_rows", decoded.size() <= result.schema.size() || result.schema.isEmpty());
        result.rows.append(decoded);
    }
    for (const bool previous : {false, true}) {
        usage::RankingOptions options;
        if (previous) {
            options.since = 1700000000000000LL;
            options.until = 1700600000000000LL;
        }
        QString error;
        const usage::UsageRanking ranking = usage::rankingFromBigQuery(result, options, &error);
        for (const auto &table : ranking.tables)
            (void)table.trend();
    }
    const usage::BigQueryError error = usage::parseBigQueryError(400, body);
    (void)error.toString();
    return 0;
}
