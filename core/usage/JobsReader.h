#pragma once

#include "core/common/Diagnostic.h"
#include "core/common/Timestamps.h"

#include <QString>
#include <QtGlobal>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace warroom::usage {

// The shapes a JOBS log comes in. Detected from the content, never from the file name.
enum class JobsFormat {
    Unknown,
    JsonArray, // bq --format=json / prettyjson: one JSON array of row objects
    NdJson,    // newline-delimited JSON (a BigQuery export), also concatenated objects
    Csv,       // a header row; nested referenced_tables as JSON text, "p.d.t" lists, or
               // flattened referenced_tables_project_id / referenced_tables.project_id columns
};

QString formatName(JobsFormat format);

// One INFORMATION_SCHEMA.JOBS row, reduced to what the ranking needs. Strings are UTF-8;
// the reader reuses one record between rows, so sinks copy what they keep.
struct JobRecord
{
    qint64 line = 0;                         // 1-based line where the row starts
    std::optional<EpochMicros> creationTime; // creation_time, else start_time, else end_time
    std::string userEmail;
    std::string projectId;
    std::string jobId;
    std::string parentJobId;
    std::string statementType;
    std::string jobType;
    std::string state;     // empty when the log has no state column
    bool hasError = false; // error_result is present and not null
    bool cacheHit = false;
    qint64 totalBytesProcessed = 0;
    std::vector<std::string> referencedTables; // "project.dataset.table" (as they appear)
    std::string destinationTable;              // "project.dataset.table" or empty

    void clear();
};

struct ReadStats
{
    JobsFormat format = JobsFormat::Unknown;
    qint64 rows = 0;      // rows handed to the sink
    qint64 malformed = 0; // rows skipped, each with a diagnostic (the first maxDiagnostics)
    qint64 bytes = 0;
    bool cancelled = false;
    Diagnostics diagnostics;
};

// Streams a JOBS log: memory use is bounded by the largest single row, whatever the file size.
// Malformed rows are counted and reported with their line; they never stop the read.
class JobsReader
{
public:
    using RowSink = std::function<void(const JobRecord &row)>;
    // Called after each chunk with bytes consumed so far and the total (-1 if unknown).
    // Returning false cancels the read.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setMaxDiagnostics(int max) { m_maxDiagnostics = max; }
    void setChunkSize(qint64 bytes) { m_chunkSize = bytes; }

    // False (with a diagnostic) when the file cannot be opened or is not a JOBS log at all.
    bool readFile(const QString &path, const RowSink &sink, ReadStats *stats);
    bool read(QIODevice *device, const QString &name, const RowSink &sink, ReadStats *stats);

    static JobsFormat detectFormat(std::string_view head);

private:
    Progress m_progress;
    int m_maxDiagnostics = 200;
    qint64 m_chunkSize = 1 << 20;
};

// "p.d.t" from parts (legacy "p:d.t" and backticks accepted in `text`); empty on nonsense.
std::string normalizeTableName(std::string_view text, std::string_view defaultProject = {});

} // namespace warroom::usage
