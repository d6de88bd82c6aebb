#pragma once

#include "core/common/Diagnostic.h"
#include "core/recovery/RecoveryPlan.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace warroom {
struct WorkspaceConfig;
}
namespace warroom::lineage {
class LineageGraph;
}

namespace warroom::recovery {

// Usage facts of one table, for the priority of the DAGs that write it.
struct TableUsageFacts
{
    qint64 references = 0;
    int distinctPeople = 0;
};

// The adapter from the lineage engine and the usage ranking to the planner's input:
// affected DAGs = every DAG with a task in the downstream closure of `broken` (tables as
// `dataset.table` / `project.dataset.table`, or `dag:DAG_ID`), each with its schedule (from
// the DAG file), the tables its tasks write, the DAGs writing what it reads, and a priority
// = the highest recovery priority (core/usage/RecoveryPriority.h: references, people,
// downstream reach) among the tables it writes. Time zone: the DAG's start_date zone when the
// DAG node carries a "start_date" attribute naming one (parseDagStartDate), else the
// workspace's. Unresolvable causes are reported in diagnostics.
RecoveryInput buildRecoveryInputFromGraph(const lineage::LineageGraph &graph,
                                          const QStringList &broken, EpochMicros windowStart,
                                          EpochMicros windowEnd,
                                          const QHash<QString, TableUsageFacts> &usage,
                                          const QString &timezone, Diagnostics *diagnostics);

// Reads the workspace (lineage sources, the JOBS log for usage over usage.window_days before
// the window) and builds the input as above.
RecoveryInput buildRecoveryInput(const WorkspaceConfig &workspace, const QStringList &broken,
                                 EpochMicros windowStart, EpochMicros windowEnd,
                                 Diagnostics *diagnostics);

} // namespace warroom::recovery
