#pragma once

#include "core/export/ImpactReport.h"

namespace warroom {

struct ImpactAnalysis;
struct WorkspaceConfig;
class IncidentStore;
namespace usage { struct UsageRanking; }
namespace recovery { struct RecoveryPlan; }

// Everything the impact report needs, gathered from the engines by the GUI or the CLI.
struct ImpactInputs
{
    const WorkspaceConfig *config = nullptr;
    const IncidentStore *store = nullptr;       // incident, board tasks, timeline, alerts
    const ImpactAnalysis *analysis = nullptr;   // required
    const usage::UsageRanking *ranking = nullptr; // optional: no usage columns without it
    const recovery::RecoveryPlan *plan = nullptr; // optional: stored board tasks win by id
    QString incidentName;                       // overrides the stored incident's
    EpochMicros windowStart = 0;                // overrides (0: the stored incident's)
    EpochMicros windowEnd = 0;
    EpochMicros now = 0;                        // generated at (0: the clock)
};

// Builds the report: affected tables ranked by priority (usage and reach), recovery tasks
// with their board state, who is affected (people who read affected tables), the timeline.
ImpactReport buildImpactReport(const ImpactInputs &inputs);

} // namespace warroom
