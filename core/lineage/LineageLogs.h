#pragma once

#include "core/common/Diagnostic.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace warroom::lineage {

// One row of evidence that data flowed from `inputs` to `outputs` (table names as
// `project.dataset.table`). `job` is the OpenLineage job name (Airflow's `dag_id.task_id`).
struct TableFlow
{
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
    std::string job;
    int line = 0; // line of the row in its file
};

using TableFlowSink = std::function<void(TableFlow &&)>;

// INFORMATION_SCHEMA.JOBS rows (bq --format=json array, or NDJSON): `referenced_tables` ->
// `destination_table` ({project_id, dataset_id, table_id}). Anonymous `_...` datasets and
// INFORMATION_SCHEMA are skipped. Streams the file (bounded memory); a bad row is a problem
// naming its line and the rest is read. Returns false when the file cannot be read at all.
bool readJobsFile(const QString &path, const TableFlowSink &sink, Diagnostics *diagnostics,
                  int *rowCount = nullptr);

// OpenLineage RunEvents (NDJSON or a JSON array): inputs -> outputs. Datasets of the
// `bigquery` namespace become `project.dataset.table`; others are skipped.
bool readOpenLineageFile(const QString &path, const TableFlowSink &sink, Diagnostics *diagnostics,
                         int *eventCount = nullptr);

} // namespace warroom::lineage
