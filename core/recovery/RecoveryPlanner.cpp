#include "core/recovery/CronSchedule.h"
#include "core/recovery/RecoveryPlan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

namespace warroom::recovery {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::recovery::RecoveryPlanner)
};

QTimeZone zoneFor(const QString &id)
{
    if (id.isEmpty() || id.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0)
        return QTimeZone::utc();
    const QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

bool isFailedState(const QString &state)
{
    return state == QLatin1String("failed") || state == QLatin1String("upstream_failed");
}
} // namespace

const RecoveryTask *RecoveryPlan::task(const QString &id) const
{
    for (const RecoveryTask &t : tasks) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QList<EpochMicros> RecoveryPlanner::missedLogicalDates(const QString &schedule,
                                                       const QString &timezone,
                                                       EpochMicros windowStart,
                                                       EpochMicros windowEnd, QString *error)
{
    const auto cron = CronSchedule::parse(schedule, error);
    if (!cron)
        return {};
    return missedLogicalDates(*cron, timezone, windowStart, windowEnd);
}

QList<EpochMicros> RecoveryPlanner::missedLogicalDates(const CronSchedule &cron,
                                                       const QString &timezone,
                                                       EpochMicros windowStart,
                                                       EpochMicros windowEnd)
{
    if (!cron.isPeriodic() || windowEnd <= windowStart)
        return {};
    const QTimeZone zone = zoneFor(timezone);
    // A run with logical date t_i covers [t_i, t_i+1) and is started at t_i+1: the runs due
    // inside the window are those whose t_i+1 falls in it.
    const QList<EpochMicros> runTimes = cron.fireTimes(windowStart, windowEnd, zone);
    if (runTimes.isEmpty())
        return {};
    QList<EpochMicros> dates;
    dates.reserve(runTimes.size());
    if (const auto first = cron.previous(runTimes.first(), zone))
        dates.append(*first);
    for (qsizetype i = 0; i + 1 < runTimes.size(); ++i)
        dates.append(runTimes.at(i));
    return dates;
}

QString RecoveryPlanner::summarizeDates(const QList<EpochMicros> &dates, const QString &schedule,
                                        const QString &timezone,
                                        std::optional<EpochMicros> startDate)
{
    if (dates.isEmpty())
        return {};
    const QTimeZone zone = zoneFor(timezone);
    auto cron = CronSchedule::parse(schedule);
    if (cron)
        cron->setAnchor(startDate);
    // index every date in the schedule's sequence: consecutive indexes form one range
    QHash<EpochMicros, int> index;
    if (cron && cron->isPeriodic()) {
        const QList<EpochMicros> all = cron->fireTimes(dates.first(), dates.last() + 1, zone,
                                                       1000000);
        for (int i = 0; i < all.size(); ++i)
            index.insert(all.at(i), i);
    }
    bool dateOnly = true;
    for (EpochMicros d : dates) {
        if (QDateTime::fromMSecsSinceEpoch(d / 1000, zone).time() != QTime(0, 0))
            dateOnly = false;
    }
    const auto format = [&](EpochMicros t, const QDate &sameDay) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(t / 1000, zone);
        if (dateOnly)
            return local.date().toString(Qt::ISODate);
        if (sameDay.isValid() && local.date() == sameDay)
            return local.time().toString(QStringLiteral("HH:mm"));
        return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    QStringList ranges;
    int i = 0;
    while (i < dates.size()) {
        int j = i;
        while (j + 1 < dates.size() && index.contains(dates.at(j)) && index.contains(dates.at(j + 1))
               && index.value(dates.at(j + 1)) == index.value(dates.at(j)) + 1)
            ++j;
        const QDate startDay = QDateTime::fromMSecsSinceEpoch(dates.at(i) / 1000, zone).date();
        QString text = format(dates.at(i), {});
        if (j > i)
            text += QStringLiteral("–") + format(dates.at(j), startDay);
        ranges.append(text);
        i = j + 1;
    }
    QString summary;
    if (ranges.size() > 4) {
        // one sentence for the translator: "<first three ranges> (+N more)"
        summary = Tr::tr("%1 (+%n more)", nullptr, int(ranges.size() - 3))
                      .arg(ranges.mid(0, 3).join(QStringLiteral(", ")));
    } else {
        summary = ranges.join(QStringLiteral(", "));
    }
    if (!dateOnly) {
        const QString abbreviation = zone.abbreviation(
            QDateTime::fromMSecsSinceEpoch(dates.first() / 1000, zone));
        summary += QLatin1Char(' ') + (abbreviation.isEmpty() ? QString::fromUtf8(zone.id())
                                                              : abbreviation);
    }
    return summary;
}

QString RecoveryPlanner::levelFor(double priority, double topPriority)
{
    if (topPriority <= 0)
        return QStringLiteral("P3");
    const double share = priority / topPriority;
    if (share >= 0.75)
        return QStringLiteral("P1");
    if (share >= 0.5)
        return QStringLiteral("P2");
    if (share >= 0.25)
        return QStringLiteral("P3");
    return QStringLiteral("P4");
}

RecoveryPlan RecoveryPlanner::plan(const RecoveryInput &input)
{
    RecoveryPlan plan;
    const EpochMicros now = input.now ? input.now
                                      : QDateTime::currentMSecsSinceEpoch() * 1000;
    plan.windowStart = input.windowStart;
    plan.windowEnd = input.windowEnd ? input.windowEnd : std::max(now, input.windowStart);

    // de-duplicate DAGs (first wins), keep input order for ties
    QHash<QString, int> dagIndex;
    QList<DagInfo> dags;
    for (const DagInfo &dag : input.affectedDags) {
        if (dag.dagId.isEmpty() || dagIndex.contains(dag.dagId))
            continue;
        dagIndex.insert(dag.dagId, int(dags.size()));
        dags.append(dag);
    }
    QHash<QString, QList<AirflowRunInfo>> runsByDag;
    for (const AirflowRunInfo &run : input.runs)
        runsByDag[run.dagId].append(run);

    // 1. the dates of every DAG
    QList<RecoveryTask> tasks;
    QHash<QString, int> taskIndex; // dagId -> index in tasks
    for (const DagInfo &dag : std::as_const(dags)) {
        QString tzId = dag.timezone.isEmpty() ? input.defaultTimezone : dag.timezone;
        if (tzId.isEmpty())
            tzId = QStringLiteral("UTC");
        if (tzId.compare(QLatin1String("UTC"), Qt::CaseInsensitive) != 0
            && !QTimeZone(tzId.toUtf8()).isValid()) {
            plan.diagnostics.append(Tr::tr("%1: unknown time zone '%2', using UTC")
                                        .arg(dag.dagId, tzId));
            tzId = QStringLiteral("UTC");
        }
        QString error;
        auto cron = CronSchedule::parse(dag.schedule, &error);
        if (!cron) {
            plan.diagnostics.append(Tr::tr("%1: schedule not understood: %2").arg(dag.dagId, error));
        } else {
            cron->setAnchor(dag.startDate); // timedelta schedules count from start_date
        }
        QList<EpochMicros> dates;
        if (cron && cron->isPeriodic())
            dates = missedLogicalDates(*cron, tzId, plan.windowStart, plan.windowEnd);
        const QList<AirflowRunInfo> runs = runsByDag.value(dag.dagId);
        QList<double> durations;
        if (!runs.isEmpty()) {
            QSet<EpochMicros> succeeded;
            QSet<EpochMicros> failed;
            const QTimeZone zone = zoneFor(tzId);
            EpochMicros earliest = plan.windowStart;
            if (cron && cron->isPeriodic()) {
                if (const auto p = cron->previous(plan.windowStart, zone))
                    earliest = *p;
            }
            for (const AirflowRunInfo &run : runs) {
                if (run.state == QLatin1String("success")) {
                    succeeded.insert(run.logicalDate);
                    if (run.durationSeconds && *run.durationSeconds > 0)
                        durations.append(*run.durationSeconds);
                } else if (isFailedState(run.state) && run.logicalDate >= earliest
                           && run.logicalDate < plan.windowEnd) {
                    failed.insert(run.logicalDate);
                }
            }
            for (EpochMicros d : std::as_const(failed)) {
                if (!dates.contains(d) && !succeeded.contains(d))
                    dates.append(d);
            }
            dates.removeIf([&](EpochMicros d) { return succeeded.contains(d); });
            std::sort(dates.begin(), dates.end());
        }
        if (dates.isEmpty()) {
            if (cron && !cron->isPeriodic())
                plan.skipped.append(Tr::tr("%1: not scheduled (%2); trigger it by hand if needed")
                                        .arg(dag.dagId, dag.schedule.isEmpty()
                                                            ? QStringLiteral("None")
                                                            : dag.schedule));
            else if (cron)
                plan.skipped.append(Tr::tr("%1: no run fell due in the window (schedule %2)")
                                        .arg(dag.dagId, dag.schedule));
            else
                plan.skipped.append(Tr::tr("%1: schedule not understood").arg(dag.dagId));
            continue;
        }
        RecoveryTask task;
        task.id = taskId(dag.dagId);
        task.dagId = dag.dagId;
        task.logicalDates = dates;
        task.tables = dag.tablesWritten;
        task.tables.removeDuplicates();
        task.priority = dag.priority;
        task.priorityExplanation = dag.priorityExplanation;
        task.schedule = dag.schedule;
        task.timezone = tzId;
        double perRunMinutes = -1;
        if (!durations.isEmpty()) {
            std::sort(durations.begin(), durations.end());
            perRunMinutes = durations.at(durations.size() / 2) / 60.0;
        } else if (dag.typicalDurationMinutes) {
            perRunMinutes = *dag.typicalDurationMinutes;
        }
        if (perRunMinutes >= 0)
            task.estimateMinutes = int(std::ceil(perRunMinutes * double(dates.size())));
        task.datesSummary = summarizeDates(dates, dag.schedule, tzId, dag.startDate);
        task.title = Tr::tr("Re-run %1 for %2 (%n run(s))", nullptr, int(dates.size()))
                         .arg(dag.dagId, task.datesSummary);
        taskIndex.insert(dag.dagId, int(tasks.size()));
        tasks.append(task);
    }

    // 2. upstream edges between tasks, passing through affected DAGs that need no re-run
    const int n = int(tasks.size());
    QList<QSet<int>> upstreamOf(n);
    for (int t = 0; t < n; ++t) {
        QSet<QString> visited{tasks.at(t).dagId};
        std::function<void(const QString &)> visit = [&](const QString &dagId) {
            const int di = dagIndex.value(dagId, -1);
            if (di < 0)
                return;
            for (const QString &up : dags.at(di).upstreamDags) {
                if (visited.contains(up))
                    continue;
                visited.insert(up);
                const int ti = taskIndex.value(up, -1);
                if (ti >= 0)
                    upstreamOf[t].insert(ti);
                else
                    visit(up);
            }
        };
        visit(tasks.at(t).dagId);
    }

    // 3. strongly connected components (Tarjan, iterative) so cycles never loop
    QList<int> component(n, -1);
    {
        QList<int> indexOf(n, -1), low(n, 0);
        QList<bool> onStack(n, false);
        QList<int> stack;
        int counter = 0;
        int components = 0;
        QList<QList<int>> downstream(n);
        for (int t = 0; t < n; ++t) {
            for (int u : std::as_const(upstreamOf[t]))
                downstream[u].append(t);
        }
        for (int t = 0; t < n; ++t)
            std::sort(downstream[t].begin(), downstream[t].end());
        for (int root = 0; root < n; ++root) {
            if (indexOf[root] >= 0)
                continue;
            QList<QPair<int, int>> work{{root, 0}};
            while (!work.isEmpty()) {
                auto &[v, edge] = work.last();
                if (edge == 0 && indexOf[v] < 0) {
                    indexOf[v] = low[v] = counter++;
                    stack.append(v);
                    onStack[v] = true;
                }
                if (edge < downstream[v].size()) {
                    const int w = downstream[v].at(edge++);
                    if (indexOf[w] < 0) {
                        work.append({w, 0});
                    } else if (onStack[w]) {
                        low[v] = std::min(low[v], indexOf[w]);
                    }
                    continue;
                }
                const int done = v;
                work.removeLast();
                if (!work.isEmpty())
                    low[work.last().first] = std::min(low[work.last().first], low[done]);
                if (low[done] == indexOf[done]) {
                    int w = -1;
                    do {
                        w = stack.takeLast();
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != done);
                    ++components;
                }
            }
        }
        // 4. order the condensation: Kahn, the most urgent ready component first
        QList<QList<int>> members(components);
        for (int t = 0; t < n; ++t)
            members[component[t]].append(t);
        const auto better = [&](int a, int b) {
            if (tasks.at(a).priority != tasks.at(b).priority)
                return tasks.at(a).priority > tasks.at(b).priority;
            return tasks.at(a).dagId < tasks.at(b).dagId;
        };
        QList<int> head(components);
        for (int c = 0; c < components; ++c) {
            std::sort(members[c].begin(), members[c].end(), better);
            head[c] = members[c].first();
            if (members[c].size() > 1) {
                QStringList ids;
                for (int t : std::as_const(members[c])) {
                    tasks[t].onCycle = true;
                    ids.append(tasks.at(t).id);
                }
                std::sort(ids.begin(), ids.end());
                plan.cycles.append(ids);
                plan.diagnostics.append(Tr::tr("dependency cycle between %1; they are ordered "
                                               "by priority")
                                            .arg(ids.join(QStringLiteral(", "))));
            }
        }
        QList<QSet<int>> componentUp(components);
        for (int t = 0; t < n; ++t) {
            for (int u : std::as_const(upstreamOf[t])) {
                if (component[u] != component[t])
                    componentUp[component[t]].insert(component[u]);
            }
        }
        QList<int> indegree(components, 0);
        QList<QList<int>> componentDown(components);
        for (int c = 0; c < components; ++c) {
            indegree[c] = int(componentUp[c].size());
            for (int u : std::as_const(componentUp[c]))
                componentDown[u].append(c);
        }
        const auto cmp = [&](int a, int b) { return better(head[b], head[a]); };
        std::priority_queue<int, std::vector<int>, decltype(cmp)> ready(cmp);
        for (int c = 0; c < components; ++c) {
            if (indegree[c] == 0)
                ready.push(c);
        }
        QList<int> order;
        while (!ready.empty()) {
            const int c = ready.top();
            ready.pop();
            order.append(members[c]);
            for (int d : std::as_const(componentDown[c])) {
                if (--indegree[d] == 0)
                    ready.push(d);
            }
        }
        QHash<int, int> position;
        for (int i = 0; i < order.size(); ++i)
            position.insert(order.at(i), i);
        double top = 0;
        for (const RecoveryTask &t : std::as_const(tasks))
            top = std::max(top, t.priority);
        for (int t : std::as_const(order)) {
            RecoveryTask task = tasks.at(t);
            QList<int> ups;
            for (int u : std::as_const(upstreamOf[t])) {
                if (component[u] != component[t])
                    ups.append(u);
            }
            std::sort(ups.begin(), ups.end(),
                      [&](int a, int b) { return position.value(a) < position.value(b); });
            for (int u : std::as_const(ups))
                task.after.append(tasks.at(u).id);
            task.priorityLevel = levelFor(task.priority, top);
            plan.tasks.append(task);
        }
    }
    return plan;
}

} // namespace warroom::recovery
