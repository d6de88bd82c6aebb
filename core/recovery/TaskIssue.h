#pragma once

#include "core/recovery/BoardTask.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace warroom {
struct Issue;
}

namespace warroom::recovery {

// How a board task looks as a GitHub issue, and how an issue reads back as a task.
namespace TaskIssue {

QString marker(const QString &taskId);          // "<!-- warroom:task=ID -->"
QString taskIdFromBody(const QString &body);    // empty when the body has no marker
QString title(const BoardTask &task);
// The plan details as Markdown, the hidden marker, and a hidden JSON copy of the plan
// details (so a War Room that has no plan of its own can show the board).
QString body(const BoardTask &task, const QString &workspaceName);
// The task described by an issue body's hidden JSON (plan details only); nullopt if none.
std::optional<BoardTask> taskFromBody(const QString &body);
QString bodyHash(const QString &body);

QString statusLabel(TaskStatus status);         // "status:rerunning"
QString priorityLabel(const QString &level);    // "priority:P1"
QString obsoleteLabel();                        // "status:obsolete"
bool isOurLabel(const QString &label, const QString &recoveryLabel);
// Our labels for the task plus every foreign label the issue carries.
QStringList labels(const BoardTask &task, const QStringList &remoteLabels,
                   const QString &recoveryLabel);
QString labelColor(const QString &label);
QString labelDescription(const QString &label);
QString state(const BoardTask &task);           // "open" | "closed"
QStringList assignees(const BoardTask &task);

// The status an issue states: closed is Done; otherwise its status:* label (a reopened issue
// still labelled done is Verifying); nullopt when it states none.
std::optional<TaskStatus> statusOf(const Issue &issue);

bool sameSet(const QStringList &a, const QStringList &b); // case-insensitive

} // namespace TaskIssue
} // namespace warroom::recovery
