#pragma once

#include "core/common/Timestamps.h"

#include <QString>
#include <QStringList>

namespace warroom {

enum class Severity { Info = 0, Warning = 1, Error = 2, Critical = 3 };

QString severityName(Severity severity);                  // "info" ... "critical"
QString severityTitle(Severity severity);                 // translated, for display: "Critical"
QString alertStateTitle(const QString &state);            // "open" -> "Open" (translated)
Severity severityFromName(const QString &name, Severity fallback = Severity::Warning);

// One alert as every source reports it. A source's alert is identified by (source, id):
// a GitHub issue is one alert however often it is polled.
struct Alert
{
    QString source;          // "github" | "airflow" | "webhook" | "replay"
    QString id;              // stable within the source (issue number, dag_id/run_id, fingerprint)
    QString title;           // plain text, never rich text
    QString url;             // where to look in a browser; may be empty
    Severity severity = Severity::Warning;
    QString state;           // "open" | "closed" | "resolved"
    EpochMicros createdAt = 0;
    EpochMicros updatedAt = 0;
    QString groupKey;        // repeated alerts (same DAG, same check) share it
    QString dagId;           // when the alert is about a DAG
    QString taskId;
    QString table;           // when the alert is about a table
    QStringList labels;
    QString body;            // plain text detail
};

} // namespace warroom
