#pragma once

// Internal to core/demo: the INFORMATION_SCHEMA.JOBS log writer.

#include "core/demo/DemoWarehouse.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace warroom::demo::Internal {

// The scripted incident, in seconds since the Unix epoch (UTC).
struct OutageWindow
{
    std::int64_t since = 0;
    std::int64_t until = 0;
    std::int64_t logBegin = 0; // the JOBS log covers [logBegin, logEnd)
    std::int64_t logEnd = 0;
    std::vector<int> failedDags; // DAG indices whose runs fail during the outage
};

OutageWindow outageWindow(const Warehouse &warehouse, std::uint64_t seed);

struct JobsLogOptions
{
    std::int64_t rows = 0;
    int users = 80;
    std::uint64_t seed = 0;
};

// Writes the JOBS export (bq --format=json: one JSON array, one row object per line) to
// `path`. Returns bytes written, or -1 with `error` set.
std::int64_t writeJobsLog(const std::string &path, const Warehouse &warehouse,
                          const OutageWindow &outage, const JobsLogOptions &options,
                          std::string *error, const std::function<void(int permille)> &progress);

// "2026-11-19 01:23:45" (bq's TIMESTAMP printing) and "2026-11-19T01:23:45Z".
std::string formatBqTimestamp(std::int64_t seconds);
std::string formatRfc3339Seconds(std::int64_t seconds);

} // namespace warroom::demo::Internal
