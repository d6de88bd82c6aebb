#pragma once

#include "core/usage/UsageTypes.h"

namespace warroom::usage {

struct PushdownOptions
{
    RankingOptions ranking;                       // window, includeFailed, topUsers, userGroup
    QString region = QStringLiteral("region-us"); // "region-us", "region-asia-northeast1", or "us"
    QString project;                              // empty: the job's default project
    bool organization = false;                    // JOBS_BY_ORGANIZATION instead of JOBS_BY_PROJECT
    int topTables = -1;                           // LIMIT; -1: every table
};

// The GoogleSQL query that computes, inside BigQuery, the same ranking UsageLog::rank()
// computes locally. Result columns: table_name, reference_count, distinct_users,
// distinct_people, last_read, bytes_processed, previous_reference_count,
// top_users ARRAY<STRUCT<user STRING, reference_count INT64>>.
// Returns an empty string (and `error`) for a region or project that is not a plain name.
QString pushdownSql(const PushdownOptions &options, QString *error = nullptr);

// "US" for region-us, "EU" for region-eu, "asia-northeast1" for region-asia-northeast1.
QString locationForRegion(const QString &region);

} // namespace warroom::usage
