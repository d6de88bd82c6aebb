#include "core/recovery/BoardTask.h"
#include "core/recovery/RecoveryPlan.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace warroom::recovery {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::recovery::BoardTask)
};
const char *const kStatusNames[] = {"todo", "rerunning", "verifying", "done", "blocked"};
} // namespace

QString statusName(TaskStatus status)
{
    return QLatin1String(kStatusNames[int(status)]);
}

std::optional<TaskStatus> statusFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (int i = 0; i < kStatusCount; ++i) {
        if (lower == QLatin1String(kStatusNames[i]))
            return TaskStatus(i);
    }
    if (lower == QLatin1String("to do") || lower == QLatin1String("to-do"))
        return TaskStatus::Todo;
    if (lower == QLatin1String("re-running") || lower == QLatin1String("running"))
        return TaskStatus::Rerunning;
    return std::nullopt;
}

QString statusTitle(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo:
        return Tr::tr("To do");
    case TaskStatus::Rerunning:
        return Tr::tr("Re-running");
    case TaskStatus::Verifying:
        return Tr::tr("Verifying");
    case TaskStatus::Done:
        return Tr::tr("Done");
    case TaskStatus::Blocked:
        return Tr::tr("Blocked");
    }
    return {};
}

BoardTask BoardTask::fromRecord(const IncidentStore::TaskRecord &r)
{
    BoardTask t;
    t.id = r.id;
    t.dagId = r.dagId;
    for (const QString &d : r.logicalDates) {
        if (const auto micros = parseTimestamp(d))
            t.logicalDates.append(*micros);
    }
    t.tables = r.tables;
    t.after = r.after;
    t.priority = r.priority;
    t.status = statusFromName(r.status).value_or(TaskStatus::Todo);
    t.assignee = r.assignee;
    t.issueNumber = r.issueNumber;
    t.updatedAt = r.updatedAt;
    const QJsonObject x = QJsonDocument::fromJson(r.extra).object();
    t.order = x.value(QLatin1String("order")).toInt();
    t.title = x.value(QLatin1String("title")).toString();
    t.datesSummary = x.value(QLatin1String("datesSummary")).toString();
    t.schedule = x.value(QLatin1String("schedule")).toString();
    t.timezone = x.value(QLatin1String("timezone")).toString();
    t.priorityLevel = x.value(QLatin1String("priorityLevel")).toString(QStringLiteral("P3"));
    t.priorityExplanation = x.value(QLatin1String("priorityExplanation")).toString();
    if (x.contains(QLatin1String("estimateMinutes")))
        t.estimateMinutes = x.value(QLatin1String("estimateMinutes")).toInt();
    t.onCycle = x.value(QLatin1String("onCycle")).toBool();
    t.obsolete = x.value(QLatin1String("obsolete")).toBool();
    t.revision = qint64(x.value(QLatin1String("revision")).toDouble());
    t.pushedRevision = qint64(x.value(QLatin1String("pushedRevision")).toDouble());
    t.dirtyStatus = x.value(QLatin1String("dirtyStatus")).toBool();
    t.dirtyAssignee = x.value(QLatin1String("dirtyAssignee")).toBool();
    const QJsonObject remote = x.value(QLatin1String("remote")).toObject();
    t.remoteKnown = !remote.isEmpty();
    t.remoteTitle = remote.value(QLatin1String("title")).toString();
    t.remoteBodyHash = remote.value(QLatin1String("bodyHash")).toString();
    for (const QJsonValue &v : remote.value(QLatin1String("labels")).toArray())
        t.remoteLabels.append(v.toString());
    for (const QJsonValue &v : remote.value(QLatin1String("assignees")).toArray())
        t.remoteAssignees.append(v.toString());
    t.remoteState = remote.value(QLatin1String("state")).toString();
    t.issueUrl = x.value(QLatin1String("issueUrl")).toString();
    t.syncError = x.value(QLatin1String("syncError")).toString();
    t.statusChangedAt = qint64(x.value(QLatin1String("statusChangedAt")).toDouble());
    if (t.title.isEmpty())
        t.title = Tr::tr("Re-run %1").arg(t.dagId);
    return t;
}

IncidentStore::TaskRecord BoardTask::toRecord() const
{
    IncidentStore::TaskRecord r;
    r.id = id;
    r.dagId = dagId;
    r.logicalDates = logicalDateStrings();
    r.tables = tables;
    r.after = after;
    r.priority = priority;
    r.status = statusName(status);
    r.assignee = assignee;
    r.issueNumber = issueNumber;
    r.updatedAt = updatedAt;
    QJsonObject x{{QStringLiteral("order"), order},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("datesSummary"), datesSummary},
                  {QStringLiteral("schedule"), schedule},
                  {QStringLiteral("timezone"), timezone},
                  {QStringLiteral("priorityLevel"), priorityLevel},
                  {QStringLiteral("priorityExplanation"), priorityExplanation},
                  {QStringLiteral("onCycle"), onCycle},
                  {QStringLiteral("obsolete"), obsolete},
                  {QStringLiteral("revision"), double(revision)},
                  {QStringLiteral("pushedRevision"), double(pushedRevision)},
                  {QStringLiteral("dirtyStatus"), dirtyStatus},
                  {QStringLiteral("dirtyAssignee"), dirtyAssignee},
                  {QStringLiteral("issueUrl"), issueUrl},
                  {QStringLiteral("syncError"), syncError},
                  {QStringLiteral("statusChangedAt"), double(statusChangedAt)}};
    if (estimateMinutes)
        x.insert(QStringLiteral("estimateMinutes"), *estimateMinutes);
    if (remoteKnown) {
        x.insert(QStringLiteral("remote"),
                 QJsonObject{{QStringLiteral("title"), remoteTitle},
                             {QStringLiteral("bodyHash"), remoteBodyHash},
                             {QStringLiteral("labels"), QJsonArray::fromStringList(remoteLabels)},
                             {QStringLiteral("assignees"), QJsonArray::fromStringList(remoteAssignees)},
                             {QStringLiteral("state"), remoteState}});
    }
    r.extra = QJsonDocument(x).toJson(QJsonDocument::Compact);
    return r;
}

QStringList BoardTask::logicalDateStrings() const
{
    QStringList list;
    for (EpochMicros d : logicalDates)
        list.append(formatRfc3339(d));
    return list;
}

std::optional<QStringList> mergePlanIntoStore(IncidentStore &store, const RecoveryPlan &plan,
                                              EpochMicros now)
{
    QStringList changed;
    const bool ok = store.transaction([&] {
        QHash<QString, BoardTask> existing;
        for (const auto &record : store.tasks())
            existing.insert(record.id, BoardTask::fromRecord(record));
        int order = 0;
        for (const RecoveryTask &p : plan.tasks) {
            BoardTask t = existing.value(p.id);
            const bool isNew = !existing.contains(p.id);
            const BoardTask before = t;
            t.id = p.id;
            t.dagId = p.dagId;
            t.logicalDates = p.logicalDates;
            t.tables = p.tables;
            t.after = p.after;
            t.priority = p.priority;
            t.order = order++;
            t.title = p.title;
            t.datesSummary = p.datesSummary;
            t.schedule = p.schedule;
            t.timezone = p.timezone;
            t.priorityLevel = p.priorityLevel;
            t.priorityExplanation = p.priorityExplanation;
            t.estimateMinutes = p.estimateMinutes;
            t.onCycle = p.onCycle;
            t.obsolete = false;
            const bool detailsChanged = isNew || before.obsolete || before.logicalDates != t.logicalDates
                                        || before.tables != t.tables || before.after != t.after
                                        || before.title != t.title
                                        || before.priorityLevel != t.priorityLevel
                                        || before.priorityExplanation != t.priorityExplanation
                                        || before.estimateMinutes != t.estimateMinutes
                                        || before.order != t.order || before.priority != t.priority;
            if (!detailsChanged)
                continue;
            if (isNew)
                t.statusChangedAt = now;
            ++t.revision;
            t.updatedAt = now;
            if (!store.upsertTask(t.toRecord()))
                return false;
            changed.append(t.id);
        }
        for (auto it = existing.begin(); it != existing.end(); ++it) {
            if (plan.task(it.key()) || it->obsolete)
                continue;
            BoardTask t = it.value();
            const bool touched = t.issueNumber != 0 || !t.assignee.isEmpty()
                                 || t.status != TaskStatus::Todo;
            if (!touched) {
                if (!store.removeTask(t.id))
                    return false;
                continue;
            }
            t.obsolete = true;
            t.order = order++;
            ++t.revision;
            t.updatedAt = now;
            if (!store.upsertTask(t.toRecord()))
                return false;
            changed.append(t.id);
        }
        return true;
    });
    if (!ok)
        return std::nullopt;
    return changed;
}

} // namespace warroom::recovery
