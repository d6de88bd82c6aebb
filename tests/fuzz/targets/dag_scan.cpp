// The Airflow DAG file scanner on any bytes: every dependency names real tasks.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/lineage/DagScanner.h"

WARROOM_FUZZ_TARGET(dag_scan)
{
    const warroom::lineage::DagScan scan = warroom::lineage::scanDagFile(warroom::fuzz::view(data, size));
    const int tasks = int(scan.tasks.size());
    for (const auto &[up, down] : scan.dependencies) {
        WARROOM_FUZZ_CHECK("dag_scan", up >= 0 && up < tasks);
        WARROOM_FUZZ_CHECK("dag_scan", down >= 0 && down < tasks);
    }
    size_t total = 0;
    for (const auto &dag : scan.dags)
        total += dag.dagId.size() + dag.schedule.size() + dag.templateSearchPath.size();
    for (const auto &task : scan.tasks) {
        total += task.taskId.size() + task.dagId.size() + task.variable.size() + task.operatorName.size();
        for (const auto *list : {&task.sqlFiles, &task.inlineSql, &task.destinations, &task.sourceTables})
            for (const std::string &s : *list)
                total += s.size();
        for (const auto &[k, v] : task.params)
            total += k.size() + v.size();
    }
    for (const auto &problem : scan.problems)
        WARROOM_FUZZ_CHECK("dag_scan", !problem.message.empty());
    static volatile size_t sink;
    sink = total;
    return 0;
}
