#pragma once

#include "core/usage/UsageTypes.h"

#include <QStringList>

#include <memory>

namespace warroom::usage {

struct JobRecord;
struct ReadStats;

// A compact, interned copy of a JOBS log: every table and user string is stored once, each
// job is a few integers, and each (job, table) reference is one 64-bit word. A million jobs
// take tens of megabytes. Rank it over any window as often as needed.
//
// Semantics (what counts as a reference of table T by a job J):
//  * J read T: T is in J's referenced_tables. A job listing T twice counts once; a job that
//    appears twice in the log (same project_id + job_id) is merged, not double-counted, so
//    flattened exports (one row per referenced table) work too.
//  * SCRIPT parent jobs are excluded (statement_type = SCRIPT, or any job named as another
//    row's parent_job_id); their child jobs, which did the reading, are counted.
//  * Tables in anonymous datasets (dataset starting with '_': cached results, script temp
//    tables) and INFORMATION_SCHEMA views are excluded.
//  * Failed jobs (error_result not null, or a state other than DONE when the log has a state)
//    are excluded unless RankingOptions::includeFailed.
//  * A job's reference to its own destination table (DML/MERGE/INSERT … SELECT on the same
//    table) is a write, not a read, and is excluded unless excludeOwnDestination is false.
//  * Cache hits count: somebody did look at the table. (BigQuery leaves referenced_tables
//    empty for cache hits, so in real logs they rarely contribute.)
//  * The window is on creation_time: since inclusive, until exclusive. The trend compares
//    with the previous window of equal length [since - (until - since), since), only when
//    both ends are given.
//  * distinct users counts non-empty user_email values; bytes_processed sums the jobs'
//    total_bytes_processed (a job reading two tables adds its bytes to both).
//
// Not thread-safe for concurrent add(); rank() may be called from any one thread at a time.
class UsageLog
{
public:
    UsageLog();
    ~UsageLog();
    UsageLog(const UsageLog &) = delete;
    UsageLog &operator=(const UsageLog &) = delete;

    void add(const JobRecord &row);
    void setMalformedCount(qint64 count);

    // Reads a whole file (any supported format) into a new log. Returns nullptr only when the
    // file cannot be read at all; malformed rows are in stats.
    static std::unique_ptr<UsageLog> load(const QString &path, ReadStats *stats,
                                          const std::function<bool(qint64, qint64)> &progress = {});

    UsageRanking rank(const RankingOptions &options = {}) const;

    qint64 rowCount() const; // well-formed rows added (before merging duplicates)
    qint64 jobCount() const; // distinct jobs
    int tableCount() const;
    int userCount() const;
    std::optional<EpochMicros> earliest() const;
    std::optional<EpochMicros> latest() const;

    // True for tables the ranking never counts (anonymous datasets, INFORMATION_SCHEMA).
    static bool isExcludedTable(const QString &table);

private:
    void finalize() const;
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace warroom::usage
