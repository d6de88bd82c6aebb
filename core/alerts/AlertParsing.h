#pragma once

#include "core/alerts/Alert.h"

namespace warroom {

// Severity from labels such as "severity:critical", "severity/high", "sev1", "P1", "critical".
// The most severe match wins; `fallback` when none matches.
Severity severityFromLabels(const QStringList &labels, Severity fallback = Severity::Warning);

// Fills what a source could not tell directly, from labels ("dag:ID", "dag_id:ID", "table:T",
// "task:ID"), the title and the body ("dag_id: x", "DAG x failed", "table: `p.d.t`",
// "ASSERT ... FROM t"): dagId, taskId, table when empty; then groupKey when empty
// ("dag:ID" > "table:T" > "<source>:<title without numbers>").
void inferAlertContext(Alert &alert);

} // namespace warroom
