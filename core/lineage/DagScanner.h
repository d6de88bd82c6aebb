#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warroom::lineage {

// What a light, interpreter-free scan of one Airflow DAG file finds. Handles `DAG("id", ...)`,
// `DAG(dag_id="id")`, `with DAG(...) as dag:`, the `@dag` decorator, operators created anywhere
// (assigned, inline in `>>` chains, in loops), `a >> b`, `b << a`, `a >> [b, c]`,
// `chain(...)`, `set_upstream/set_downstream`, and the arguments that name SQL and tables.
struct DagScan
{
    struct Dag
    {
        std::string dagId;
        std::string schedule;     // `schedule` / `schedule_interval` as written ("@daily", cron)
        std::vector<std::string> templateSearchPath;
        int line = 0;
    };
    struct Task
    {
        std::string dagId;        // empty when no DAG could be attributed
        std::string taskId;
        std::string variable;     // the Python name it was assigned to, if any
        std::string operatorName; // e.g. "BigQueryInsertJobOperator", "@task"
        int line = 0;
        std::vector<std::string> sqlFiles;      // paths as written (`{% include %}`, "x.sql")
        std::vector<std::string> inlineSql;     // SQL text given inline
        std::vector<std::string> destinations;  // tables written (`p.d.t`, `p:d.t`, `d.t`)
        std::vector<std::string> sourceTables;  // tables read that are named outright
        std::vector<std::pair<std::string, std::string>> params; // "params.x" -> value
    };
    struct Problem
    {
        int line = 0;
        std::string message;
        bool error = false;
    };

    std::vector<Dag> dags;
    std::vector<Task> tasks;
    // (upstream, downstream) as indexes into `tasks`.
    std::vector<std::pair<int, int>> dependencies;
    std::vector<Problem> problems;
};

// Never throws, never loops: garbage gives problems and whatever could be read.
DagScan scanDagFile(std::string_view source);

} // namespace warroom::lineage
