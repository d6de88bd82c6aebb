// bench_sql: throughput of warroom::sql::extractTables on a realistic mixed BigQuery corpus.
// The corpus (~50 MB by default) is generated here: SQL "files" of a few KB mixing SELECTs with
// CTEs and joins, INSERT/MERGE/CREATE ... AS, scripts with DECLARE/IF/BEGIN...EXCEPTION,
// comments, all string forms, UNNEST, wildcard tables, INFORMATION_SCHEMA and JS UDFs.
// Usage: bench_sql [megabytes] [rounds]

#include "core/sql/SqlExtractor.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

std::mt19937_64 rng(20261125);

int pick(int n)
{
    return int(rng() % uint64_t(n));
}

std::string table()
{
    static const char *const projects[] = {"", "my-proj.", "analytics-prod-42.", "`p-1`."};
    static const char *const datasets[] = {"raw", "staging", "mart", "ods", "dwh_core", "events"};
    std::string name = projects[pick(4)];
    name += datasets[pick(6)];
    name += ".tbl_" + std::to_string(pick(2000));
    if (pick(5) == 0)
        return "`" + name + "`";
    return name;
}

std::string column()
{
    static const char *const cols[] = {"user_id", "event_ts", "amount", "country", "device.os",
                                       "items", "status", "created_at", "payload", "session_id"};
    return cols[pick(10)];
}

std::string selectQuery(int depth)
{
    std::string q;
    if (pick(3) == 0 && depth == 0) {
        q += "WITH base AS (\n  SELECT " + column() + ", " + column() + ", COUNT(*) AS n\n  FROM "
             + table() + "\n  WHERE DATE(event_ts) = @run_date -- partition filter\n  GROUP BY 1, 2\n),\n";
        q += "enriched AS (\n  SELECT b.*, d.name\n  FROM base AS b\n  LEFT JOIN " + table()
             + " AS d USING (user_id)\n)\n";
    }
    q += "SELECT\n  " + column() + ",\n  EXTRACT(YEAR FROM created_at) AS y,\n  SAFE_DIVIDE(amount, 100) AS amt,\n"
         "  CASE WHEN status = 'done' THEN \"ok\" ELSE 'it\\'s pending' END AS s,\n"
         "  ARRAY(SELECT AS STRUCT x.sku FROM UNNEST(items) AS x WHERE x.qty > 0) AS skus\n";
    q += "FROM " + table() + " AS t\n";
    switch (pick(5)) {
    case 0:
        q += "JOIN " + table() + " AS u ON t.user_id = u.user_id\n";
        break;
    case 1:
        q += "CROSS JOIN UNNEST(t.items) AS item WITH OFFSET AS pos\n";
        break;
    case 2:
        q += ", t.items AS i\n";
        break;
    case 3:
        q += "LEFT JOIN `analytics-prod-42.events.events_*` AS e ON e.session_id = t.session_id\n";
        break;
    default:
        q += "JOIN (SELECT user_id, MAX(event_ts) AS last_ts FROM " + table()
             + " GROUP BY user_id) AS l USING (user_id)\n";
    }
    q += "WHERE t.country IN ('JP', 'US') /* markets */ AND t.amount > 0\n";
    if (depth < 1 && pick(3) == 0)
        q += "  AND t.user_id IN (" + selectQuery(depth + 1) + ")\n";
    q += "QUALIFY ROW_NUMBER() OVER (PARTITION BY t.user_id ORDER BY t.event_ts DESC) = 1\n";
    return q;
}

std::string statement()
{
    switch (pick(8)) {
    case 0:
        return "INSERT INTO " + table() + " (user_id, amount)\n" + selectQuery(0) + ";\n";
    case 1:
        return "MERGE " + table() + " AS T\nUSING (" + selectQuery(1) + ") AS S\nON T.user_id = S.user_id\n"
               "WHEN MATCHED THEN UPDATE SET amount = S.amount\n"
               "WHEN NOT MATCHED THEN INSERT ROW;\n";
    case 2:
        return "CREATE OR REPLACE TABLE " + table()
               + "\nPARTITION BY DATE(event_ts)\nCLUSTER BY user_id\n"
                 "OPTIONS (description = '''Daily snapshot, see FROM docs''')\nAS\n"
               + selectQuery(0) + ";\n";
    case 3:
        return "DECLARE run_date DATE DEFAULT (SELECT MAX(d) FROM " + table()
               + ");\nBEGIN\n  CREATE TEMP TABLE tmp AS " + selectQuery(1)
               + ";\n  INSERT INTO " + table()
               + " SELECT * FROM tmp;\nEXCEPTION WHEN ERROR THEN\n  SELECT @@error.message;\nEND;\n";
    case 4:
        return "CREATE TEMP FUNCTION parse(s STRING) RETURNS STRING LANGUAGE js AS r\"\"\"\n"
               "  // SELECT * FROM nowhere\n  return s.split('|')[0];\n\"\"\";\n"
               "SELECT parse(payload) FROM "
               + table() + " WHERE _TABLE_SUFFIX > '2024';\n";
    case 5:
        return "SELECT user_email, COUNT(*) AS jobs\nFROM `region-us`.INFORMATION_SCHEMA.JOBS_BY_PROJECT\n"
               "WHERE creation_time > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)\nGROUP BY 1;\n";
    case 6:
        return "IF (SELECT COUNT(*) FROM " + table() + ") = 0 THEN\n  DELETE FROM " + table()
               + " WHERE d = CURRENT_DATE();\nEND IF;\nASSERT (SELECT COUNT(*) FROM " + table()
               + ") > 0 AS 'must not be empty';\n";
    default:
        return "# standardSQL\n" + selectQuery(0) + ";\n";
    }
}

// CPU time of this thread: "MB/s per core" whatever else the machine is doing.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

} // namespace

int main(int argc, char **argv)
{
    const double megabytes = argc > 1 ? std::atof(argv[1]) : 50.0;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const size_t totalBytes = size_t(megabytes * 1024 * 1024);

    std::vector<std::string> files;
    size_t bytes = 0;
    while (bytes < totalBytes) {
        std::string file = "-- generated file " + std::to_string(files.size()) + "\n";
        const int statements = 1 + pick(4);
        for (int s = 0; s < statements; ++s)
            file += statement();
        bytes += file.size();
        files.push_back(std::move(file));
    }
    std::string whole;
    whole.reserve(bytes);
    for (const std::string &f : files)
        whole += f;

    std::printf("corpus: %zu files, %.1f MB (avg %.1f KB/file)\n", files.size(), bytes / 1048576.0,
                bytes / 1024.0 / double(files.size()));

    using Clock = std::chrono::steady_clock;
    double bestPerFileWall = 0;
    double bestPerFile = 0;
    double bestWhole = 0;
    size_t refs = 0;
    size_t errors = 0;
    for (int r = 0; r < rounds; ++r) {
        refs = errors = 0;
        auto start = Clock::now();
        double cpu = cpuSeconds();
        for (const std::string &f : files) {
            const warroom::sql::ExtractResult result = warroom::sql::extractTables(f);
            refs += result.sources.size() + result.targets.size();
            errors += result.errors.size();
        }
        const double wall = std::chrono::duration<double>(Clock::now() - start).count();
        bestPerFileWall = std::max(bestPerFileWall, bytes / 1048576.0 / wall);
        bestPerFile = std::max(bestPerFile, bytes / 1048576.0 / (cpuSeconds() - cpu));

        cpu = cpuSeconds();
        const warroom::sql::ExtractResult all = warroom::sql::extractTables(whole);
        bestWhole = std::max(bestWhole, bytes / 1048576.0 / (cpuSeconds() - cpu));
        if (r == 0)
            std::printf("whole corpus as one script: %zu sources, %zu targets, %zu errors\n",
                        all.sources.size(), all.targets.size(), all.errors.size());
    }
    std::printf("per-file: %zu table references, %zu errors\n", refs, errors);
    std::printf("extractTables, file by file  : %8.1f MB/s of CPU time (best of %d, one core)\n",
                bestPerFile, rounds);
    std::printf("extractTables, one big call  : %8.1f MB/s of CPU time\n", bestWhole);
    std::printf("file by file, wall clock     : %8.1f MB/s (depends on machine load)\n",
                bestPerFileWall);
    return errors == 0 ? 0 : 1;
}
