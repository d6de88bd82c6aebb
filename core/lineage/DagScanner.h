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
// TaskGroups (`with TaskGroup("g")`, `TaskGroup(group_id=...)`, `task_group=tg`, `@task_group`)
// prefix their task ids as Airflow does ("outer.inner.task"; `prefix_group_id=False` turns it
// off for that group's own children), and `a >> group` / `group >> b` link `a` to the group's
// root tasks and the group's leaf tasks to `b` (roots/leaves by the dependencies inside the
// group found anywhere in the file).
struct DagScan
{
    struct Dag
    {
        std::string dagId;
        std::string schedule;     // `schedule` / `schedule_interval` as written ("@daily", cron)
        std::vector<std::string> templateSearchPath;
        // start_date expression as written (`pendulum.datetime(2024, 1, 1, tz="Asia/Tokyo")`,
        // `"2024-01-01"` with its quotes), from `start_date=` or the `default_args` dict (inline
        // or a module-level variable); variables holding it are followed. Empty when absent.
        // The loader stores it as the DAG node's "start_date" attribute, which
        // recovery::parseDagStartDate() reads.
        std::string startDate;
        // `params={...}` of the DAG (also `default_args["params"]`): literal strings/numbers
        // only, keyed "params.x". Already merged into every task's `params`.
        std::vector<std::pair<std::string, std::string>> params;
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
        // "params.x" -> value: the DAG's params overridden by the operator's own `params=`;
        // literal strings/numbers only (anything else stays a placeholder, as before).
        std::vector<std::pair<std::string, std::string>> params;
        std::string groupId;      // innermost TaskGroup's full group_id, empty outside groups
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

// The SQL text of a file (or inline SQL) `task` names with the task's params rendered into its
// `{{ params.x }}` placeholders (core/sql renderTemplate); placeholders without a value stay as
// written and are appended to *unresolved. Tables extracted from the result are the ones this
// task reads and writes.
std::string renderTaskSql(std::string_view sql, const DagScan::Task &task,
                          std::vector<std::string> *unresolved = nullptr);

} // namespace warroom::lineage
