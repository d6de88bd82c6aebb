#pragma once

#include "core/common/Timestamps.h"
#include "core/store/IncidentStore.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace warroom::recovery {

struct RecoveryPlan;
struct RecoveryTask;

// Task statuses, in board column order.
enum class TaskStatus { Todo, Rerunning, Verifying, Done, Blocked };
inline constexpr int kStatusCount = 5;
QString statusName(TaskStatus status);            // "todo" | "rerunning" | ...
std::optional<TaskStatus> statusFromName(const QString &name);
QString statusTitle(TaskStatus status);           // "To do" | "Re-running" | ... (translated)

// A board card: the store's TaskRecord with its `extra` JSON unpacked.
struct BoardTask
{
    // TaskRecord columns
    QString id;
    QString dagId;
    QList<EpochMicros> logicalDates;
    QStringList tables;
    QStringList after;
    double priority = 0;
    TaskStatus status = TaskStatus::Todo;
    QString assignee;            // GitHub login, empty when unassigned
    int issueNumber = 0;         // 0 until mirrored
    EpochMicros updatedAt = 0;

    // plan details (extra)
    int order = 0;               // execution order
    QString title;
    QString datesSummary;
    QString schedule;
    QString timezone;
    QString priorityLevel = QStringLiteral("P3");
    QString priorityExplanation;
    std::optional<int> estimateMinutes;
    bool onCycle = false;
    bool obsolete = false;       // no longer in the plan; kept because it has an issue or history

    // sync bookkeeping (extra)
    qint64 revision = 0;         // bumped by every local edit
    qint64 pushedRevision = 0;   // the revision last written to the issue
    bool dirtyStatus = false;    // the user changed it here and GitHub has not got it yet
    bool dirtyAssignee = false;
    // the issue as last seen on GitHub (poll or write answer); writes send only differences
    bool remoteKnown = false;
    QString remoteTitle;
    QString remoteBodyHash;
    QStringList remoteLabels;    // foreign labels are kept when ours change
    QStringList remoteAssignees;
    QString remoteState;
    QString issueUrl;
    QString syncError;           // last problem mirroring this task (plain text)
    EpochMicros statusChangedAt = 0;

    bool isDirty() const { return revision > pushedRevision || dirtyStatus || dirtyAssignee; }
    bool isDone() const { return status == TaskStatus::Done; }

    static BoardTask fromRecord(const IncidentStore::TaskRecord &record);
    IncidentStore::TaskRecord toRecord() const;
    QStringList logicalDateStrings() const; // RFC 3339, UTC
};

// Writes `plan` into the store's tasks in one transaction, merging by task id: plan details
// are replaced, status, assignee and issue number are kept; tasks that left the plan become
// obsolete (removed only when nobody touched them and they have no issue). Returns the ids
// whose details changed (their issues need an update), or nullopt when the store failed.
std::optional<QStringList> mergePlanIntoStore(IncidentStore &store, const RecoveryPlan &plan,
                                              EpochMicros now);

} // namespace warroom::recovery
