#pragma once

#include "core/common/Timestamps.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace warroom::recovery {

// What the planner needs to know about one affected DAG. The lead fills it from the lineage
// engine (tables written, upstream DAGs, schedule from the DAG file) and the usage ranking.
struct DagInfo
{
    QString dagId;
    QString schedule;        // cron "0 * * * *", @hourly/@daily/.../@once/None, timedelta(hours=1)
    QString timezone;        // IANA, the DAG's start_date tz; empty: RecoveryInput::defaultTimezone
    std::optional<EpochMicros> startDate; // anchors timedelta schedules (parseDagStartDate)
    QStringList tablesWritten;
    QStringList upstreamDags;// DAGs that write what it reads (need not be affected)
    double priority = 0;     // usage-based score, higher first
    QString priorityExplanation;
    std::optional<int> typicalDurationMinutes;
};

// One DAG run as Airflow reports it (GET /dags/{id}/dagRuns).
struct AirflowRunInfo
{
    QString dagId;
    EpochMicros logicalDate = 0;
    QString state;           // success | failed | running | queued | upstream_failed ...
    std::optional<double> durationSeconds;
};

struct RecoveryInput
{
    EpochMicros windowStart = 0;
    EpochMicros windowEnd = 0;   // 0: ongoing (until `now`)
    QList<DagInfo> affectedDags;
    QList<AirflowRunInfo> runs;  // optional; empty offline
    QString defaultTimezone = QStringLiteral("UTC"); // the workspace's
    EpochMicros now = 0;         // 0: the current time (only used while the window is open)
};

// One re-run: a DAG and the logical dates to backfill.
struct RecoveryTask
{
    QString id;                  // "rerun:<dag_id>"
    QString dagId;
    QList<EpochMicros> logicalDates; // ascending
    QString title;               // "Re-run dag for 2026-06-05 02:00–04:00 JST (3 runs)"
    QString datesSummary;        // the date ranges alone, in the DAG's time zone
    QStringList tables;
    QStringList after;           // task ids that must finish first (none inside a cycle)
    double priority = 0;
    QString priorityLevel;       // P1 (most urgent) .. P4, relative to the plan's top score
    QString priorityExplanation;
    QString schedule;
    QString timezone;
    std::optional<int> estimateMinutes; // all its runs, one after the other
    bool onCycle = false;        // upstream/downstream of itself through other tasks
};

struct RecoveryPlan
{
    EpochMicros windowStart = 0;
    EpochMicros windowEnd = 0;   // the end actually used (now, for an ongoing window)
    QList<RecoveryTask> tasks;   // in execution order (upstream first, then priority)
    QList<QStringList> cycles;   // task ids of each dependency cycle found
    QStringList skipped;         // "dag: why" for affected DAGs that need no re-run
    QStringList diagnostics;     // schedules that could not be read, unknown time zones

    const RecoveryTask *task(const QString &id) const;
};

class CronSchedule;

class RecoveryPlanner
{
public:
    static RecoveryPlan plan(const RecoveryInput &input);

    static QString taskId(const QString &dagId) { return QStringLiteral("rerun:") + dagId; }
    // Logical dates whose runs fell due (run time = the next fire time) inside
    // [windowStart, windowEnd), per Airflow's data-interval semantics.
    static QList<EpochMicros> missedLogicalDates(const QString &schedule, const QString &timezone,
                                                 EpochMicros windowStart, EpochMicros windowEnd,
                                                 QString *error = nullptr);
    static QList<EpochMicros> missedLogicalDates(const CronSchedule &schedule,
                                                 const QString &timezone, EpochMicros windowStart,
                                                 EpochMicros windowEnd);
    // "2026-06-05 02:00–04:00, 06:00" style summary of dates in `timezone`; consecutive
    // fire times of `schedule` form one range.
    static QString summarizeDates(const QList<EpochMicros> &dates, const QString &schedule,
                                  const QString &timezone,
                                  std::optional<EpochMicros> startDate = std::nullopt);
    static QString levelFor(double priority, double topPriority);
};

} // namespace warroom::recovery
