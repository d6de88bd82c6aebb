#include "core/session/ImpactReportBuilder.h"

#include "core/recovery/RecoveryPlan.h"
#include "core/session/ImpactAnalysis.h"
#include "core/store/IncidentStore.h"
#include "core/usage/RecoveryPriority.h"
#include "core/usage/UsageTypes.h"
#include "core/workspace/Workspace.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace warroom {

ImpactReport buildImpactReport(const ImpactInputs &in)
{
    ImpactReport r;
    const WorkspaceConfig *config = in.config;
    if (config) {
        r.workspace = config->name;
        r.timezone = config->timezone;
    }
    r.generatedAt = in.now ? in.now : QDateTime::currentMSecsSinceEpoch() * 1000;
    const ImpactAnalysis &analysis = *in.analysis;
    r.causes = analysis.causes;

    std::optional<IncidentStore::IncidentRecord> incident;
    if (in.store)
        incident = in.store->currentIncident();
    if (incident) {
        r.incidentName = incident->name;
        r.severity = incident->severity;
        r.status = incident->status;
        r.commander = incident->commander;
        r.communications = incident->communications;
        r.windowStart = incident->windowStart;
        r.windowEnd = incident->windowEnd;
        r.startedAt = incident->startedAt;
    }
    if (!in.incidentName.isEmpty())
        r.incidentName = in.incidentName;
    if (in.windowStart)
        r.windowStart = in.windowStart;
    if (in.windowEnd)
        r.windowEnd = in.windowEnd;
    if (r.incidentName.isEmpty() && config)
        r.incidentName = config->incident.name;
    if (r.status.isEmpty())
        r.status = QStringLiteral("active");

    // Usage by table and the tasks that rebuild each table.
    QHash<QString, int> rankOf;
    if (in.ranking) {
        for (int i = 0; i < in.ranking->tables.size(); ++i)
            rankOf.insert(in.ranking->tables.at(i).table, i + 1);
    }
    QHash<QString, IncidentStore::TaskRecord> stored;
    if (in.store) {
        for (const IncidentStore::TaskRecord &t : in.store->tasks())
            stored.insert(t.id, t);
    }
    const QString issueBase = config && config->github.isConfigured()
                                  ? QStringLiteral("https://github.com/%1/issues/").arg(config->github.repo)
                                  : QString();
    auto issueUrl = [&](int number) {
        if (number <= 0 || issueBase.isEmpty())
            return QString();
        // GitHub Enterprise: https://HOST/api/v3 -> https://HOST/owner/name/issues/N
        if (config->github.apiUrl.endsWith(QLatin1String("/api/v3")))
            return config->github.apiUrl.chopped(7) + QLatin1Char('/') + config->github.repo
                   + QStringLiteral("/issues/") + QString::number(number);
        return issueBase + QString::number(number);
    };

    QHash<QString, QString> taskOfTable;
    if (in.plan) {
        for (const recovery::RecoveryTask &t : in.plan->tasks) {
            ImpactReport::RecoveryTask task;
            task.id = t.id;
            task.dagId = t.dagId;
            for (const EpochMicros d : t.logicalDates)
                task.logicalDates.append(formatRfc3339(d));
            task.after = t.after;
            task.tables = t.tables;
            task.priority = t.priority;
            task.status = QStringLiteral("todo");
            if (const auto it = stored.constFind(t.id); it != stored.constEnd()) {
                task.status = it->status;
                task.assignee = it->assignee;
                task.issueNumber = it->issueNumber;
            }
            task.issueUrl = issueUrl(task.issueNumber);
            for (const QString &table : t.tables)
                taskOfTable.insert(table, t.id);
            r.tasks.append(task);
        }
    } else {
        for (const IncidentStore::TaskRecord &t : std::as_const(stored)) {
            r.tasks.append({t.id, t.dagId, t.logicalDates, t.after, t.tables, t.priority,
                            t.assignee, t.status, t.issueNumber, issueUrl(t.issueNumber)});
            for (const QString &table : t.tables)
                taskOfTable.insert(table, t.id);
        }
    }
    QHash<QString, const ImpactReport::RecoveryTask *> taskById;
    for (const ImpactReport::RecoveryTask &t : std::as_const(r.tasks))
        taskById.insert(t.id, &t);
    int done = 0;
    for (const ImpactReport::RecoveryTask &t : std::as_const(r.tasks))
        done += t.status == QLatin1String("done");
    if (!r.tasks.isEmpty() && done == r.tasks.size() && in.store) {
        // Recovered when the last task was marked done: the latest task update.
        for (const IncidentStore::TaskRecord &t : std::as_const(stored))
            r.recoveredAt = std::max(r.recoveredAt, t.updatedAt);
    }

    for (const ImpactAnalysis::Table &t : analysis.tables) {
        ImpactReport::AffectedTable row;
        row.table = t.name;
        row.dataset = t.dataset;
        row.kind = QStringLiteral("table");
        row.depth = t.depth;
        row.path = t.path;
        row.owningDag = t.owningDag;
        row.owningTask = t.owningTask;
        const int rank = rankOf.value(t.name);
        qint64 references = 0;
        int people = 0;
        if (rank > 0) {
            const usage::TableUsage &u = in.ranking->tables.at(rank - 1);
            row.usageRank = rank;
            references = u.references;
            people = u.distinctPeople;
            row.references = u.references;
            row.distinctUsers = u.distinctUsers;
            for (const usage::UserCount &c : u.topUsers)
                row.topUsers.append(c.user);
        }
        const usage::PriorityScore score = usage::recoveryPriority(references, people, t.downstreamTables);
        row.priority = score.value;
        row.priorityExplanation = score.explanation;
        row.recoveryTask = taskOfTable.value(t.name);
        if (const auto *task = taskById.value(row.recoveryTask)) {
            row.recoveryStatus = task->status;
            row.issueUrl = task->issueUrl;
        }
        r.tables.append(row);
    }
    // Most urgent first: priority, then usage, then depth, then name.
    std::stable_sort(r.tables.begin(), r.tables.end(), [](const auto &a, const auto &b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        if (a.references != b.references)
            return a.references > b.references;
        if (a.depth != b.depth)
            return a.depth < b.depth;
        return a.table < b.table;
    });

    // Who is affected: every user who read an affected table in the ranking window.
    if (in.ranking) {
        QSet<QString> affected;
        for (const ImpactAnalysis::Table &t : analysis.tables)
            affected.insert(t.name);
        for (const usage::UserUsage &u : in.ranking->users) {
            ImpactReport::AffectedPerson person;
            person.user = u.user;
            person.group = u.kind == usage::UserKind::ServiceAccount ? QStringLiteral("service account")
                           : u.kind == usage::UserKind::Person     ? QStringLiteral("person")
                                                                    : QStringLiteral("unknown");
            for (const usage::UserTableCount &t : u.tables) {
                if (affected.contains(t.table)) {
                    person.tables.append(t.table);
                    person.references += t.references;
                }
            }
            if (!person.tables.isEmpty())
                r.people.append(person);
        }
        std::stable_sort(r.people.begin(), r.people.end(),
                         [](const auto &a, const auto &b) { return a.references > b.references; });
    }

    if (in.store) {
        for (const IncidentStore::TimelineEvent &e : in.store->timeline())
            r.timeline.append({e.at, e.kind, e.actor, e.text});
        for (const IncidentStore::AlertRecord &a : in.store->alerts()) {
            if (a.createdAt && (r.detectedAt == 0 || a.createdAt < r.detectedAt))
                r.detectedAt = a.createdAt;
        }
        // Scoped: the first impact export recorded on the timeline, else now.
        for (const IncidentStore::TimelineEvent &e : in.store->timeline()) {
            if (e.kind == QLatin1String("export")) {
                r.scopedAt = e.at;
                break;
            }
        }
    }
    if (r.scopedAt == 0)
        r.scopedAt = r.generatedAt;
    return r;
}

} // namespace warroom
