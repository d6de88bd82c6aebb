#include "core/recovery/BoardModel.h"
#include "core/recovery/RecoveryPlan.h"
#include "core/store/IncidentStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSet>

#include <algorithm>

namespace warroom::recovery {

BoardModel::BoardModel(IncidentStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    reload();
}

BoardModel::~BoardModel() = default;

EpochMicros BoardModel::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch() * 1000;
}

void BoardModel::setIncidentStart(EpochMicros start)
{
    m_incidentStart = start;
    emit boardChanged();
}

void BoardModel::fail(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

void BoardModel::reload()
{
    beginResetModel();
    m_tasks.clear();
    m_rows.clear();
    if (m_store) {
        for (const auto &record : m_store->tasks())
            m_tasks.append(BoardTask::fromRecord(record));
    }
    std::stable_sort(m_tasks.begin(), m_tasks.end(), [](const BoardTask &a, const BoardTask &b) {
        if (a.obsolete != b.obsolete)
            return !a.obsolete;
        return a.order < b.order;
    });
    for (int i = 0; i < m_tasks.size(); ++i)
        m_rows.insert(m_tasks.at(i).id, i);
    endResetModel();
    emit boardChanged();
}

void BoardModel::reloadTasks(const QStringList &ids)
{
    if (!m_store)
        return;
    bool structural = false;
    for (const QString &id : ids) {
        const auto record = m_store->task(id);
        if (!record || !m_rows.contains(id)) {
            structural = true;
            break;
        }
        const BoardTask fresh = BoardTask::fromRecord(*record);
        if (fresh.obsolete != m_tasks.at(m_rows.value(id)).obsolete) {
            structural = true;
            break;
        }
    }
    if (structural) {
        reload();
        return;
    }
    for (const QString &id : ids)
        m_tasks[m_rows.value(id)] = BoardTask::fromRecord(*m_store->task(id));
    if (!m_tasks.isEmpty() && !ids.isEmpty()) // waitingOn of downstream cards may change too
        emit dataChanged(index(0), index(int(m_tasks.size()) - 1));
    emit boardChanged();
}

bool BoardModel::applyPlan(const RecoveryPlan &plan)
{
    if (!m_store) {
        fail(tr("No incident store"));
        return false;
    }
    const auto changed = mergePlanIntoStore(*m_store, plan, now());
    if (!changed) {
        fail(tr("Could not save the recovery plan: %1").arg(m_store->lastError()));
        return false;
    }
    reload();
    enqueue(*changed);
    return true;
}

bool BoardModel::edit(const QStringList &ids, const std::function<bool(BoardTask &)> &change,
                      const QString &what)
{
    if (!m_store) {
        fail(tr("No incident store"));
        return false;
    }
    const EpochMicros at = now();
    QList<BoardTask> updated;
    for (const QString &id : ids) {
        const int row = m_rows.value(id, -1);
        if (row < 0)
            continue;
        BoardTask t = m_tasks.at(row);
        if (!change(t))
            continue;
        ++t.revision;
        t.updatedAt = at;
        updated.append(t);
    }
    if (updated.isEmpty())
        return true;
    // 1. the store, committed
    const bool ok = m_store->transaction([&] {
        for (const BoardTask &t : std::as_const(updated)) {
            if (!m_store->upsertTask(t.toRecord()))
                return false;
            IncidentStore::TimelineEvent event;
            event.at = at;
            event.kind = QStringLiteral("task");
            event.actor = m_actor;
            event.text = what.arg(t.dagId);
            event.ref = t.id;
            if (m_store->appendTimeline(event) == 0)
                return false;
        }
        return true;
    });
    if (!ok) {
        fail(tr("Could not save the board: %1").arg(m_store->lastError()));
        return false;
    }
    // 2. the model
    QStringList changedIds;
    for (const BoardTask &t : std::as_const(updated)) {
        m_tasks[m_rows.value(t.id)] = t;
        changedIds.append(t.id);
    }
    emit dataChanged(index(0), index(int(m_tasks.size()) - 1));
    emit boardChanged();
    // 3. the outbox
    enqueue(changedIds);
    return true;
}

void BoardModel::enqueue(const QStringList &ids)
{
    if (!m_outboxEnabled || !m_store || ids.isEmpty())
        return;
    for (const QString &id : ids) {
        const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("task"), id}})
                                       .toJson(QJsonDocument::Compact);
        if (m_store->enqueue(QLatin1String(kOutboxKind), id, payload) == 0)
            fail(tr("Could not queue the GitHub update of %1: %2").arg(id, m_store->lastError()));
    }
    emit outboxEnqueued(ids);
}

bool BoardModel::moveTasks(const QStringList &ids, TaskStatus status)
{
    const EpochMicros at = now();
    return edit(
        ids,
        [&](BoardTask &t) {
            if (t.status == status)
                return false;
            t.status = status;
            t.statusChangedAt = at;
            t.dirtyStatus = true;
            return true;
        },
        tr("%1 moved to %2").arg(QStringLiteral("%1"), statusTitle(status)));
}

bool BoardModel::logTaskEvent(const QString &id, const QString &kind, const QString &text)
{
    if (!m_store) {
        fail(tr("No incident store"));
        return false;
    }
    IncidentStore::TimelineEvent event;
    event.at = now();
    event.kind = kind;
    event.actor = m_actor;
    event.text = text;
    event.ref = id;
    if (m_store->appendTimeline(event) == 0) {
        fail(tr("Could not save the timeline: %1").arg(m_store->lastError()));
        return false;
    }
    return true;
}

bool BoardModel::assignTasks(const QStringList &ids, const QString &login)
{
    const QString who = login.trimmed().startsWith(QLatin1Char('@')) ? login.trimmed().mid(1)
                                                                     : login.trimmed();
    return edit(
        ids,
        [&](BoardTask &t) {
            if (t.assignee == who)
                return false;
            t.assignee = who;
            t.dirtyAssignee = true;
            return true;
        },
        who.isEmpty() ? tr("%1 unassigned")
                      : tr("%1 assigned to %2").arg(QStringLiteral("%1"), who));
}

std::optional<BoardTask> BoardModel::task(const QString &id) const
{
    const int row = m_rows.value(id, -1);
    if (row < 0)
        return std::nullopt;
    return m_tasks.at(row);
}

int BoardModel::rowOf(const QString &id) const
{
    return m_rows.value(id, -1);
}

QStringList BoardModel::waitingOn(const BoardTask &task) const
{
    QStringList waiting;
    if (task.isDone())
        return waiting;
    for (const QString &up : task.after) {
        const int row = m_rows.value(up, -1);
        if (row >= 0 && !m_tasks.at(row).isDone() && !m_tasks.at(row).obsolete)
            waiting.append(up);
    }
    return waiting;
}

BoardModel::Progress BoardModel::progress() const
{
    Progress p;
    QHash<QString, bool> tableDone; // table -> every live task writing it is done
    double total = 0;
    double done = 0;
    for (const BoardTask &t : m_tasks) {
        if (t.obsolete)
            continue;
        ++p.tasksTotal;
        total += std::max(0.0, t.priority);
        if (t.isDone()) {
            ++p.tasksDone;
            done += std::max(0.0, t.priority);
        }
        for (const QString &table : t.tables)
            tableDone[table] = tableDone.value(table, true) && t.isDone();
    }
    p.tablesAffected = int(tableDone.size());
    for (auto it = tableDone.cbegin(); it != tableDone.cend(); ++it)
        p.tablesRestored += it.value() ? 1 : 0;
    if (total > 0)
        p.weightedPercent = 100.0 * done / total;
    else if (p.tasksTotal > 0)
        p.weightedPercent = 100.0 * p.tasksDone / p.tasksTotal;
    if (m_incidentStart > 0)
        p.elapsedSeconds = std::max<qint64>(0, (now() - m_incidentStart) / 1000000);
    return p;
}

int BoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

QVariant BoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BoardTask &t = m_tasks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return t.title;
    case Qt::ToolTipRole: {
        QStringList lines{t.title};
        if (!t.tables.isEmpty())
            lines.append(tr("Tables: %1").arg(t.tables.join(QStringLiteral(", "))));
        if (!t.priorityExplanation.isEmpty())
            lines.append(tr("Priority %1: %2").arg(t.priorityLevel, t.priorityExplanation));
        if (!t.syncError.isEmpty())
            lines.append(tr("GitHub: %1").arg(t.syncError));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3").arg(t.title, statusTitle(t.status),
                                    t.assignee.isEmpty() ? tr("unassigned") : t.assignee);
    case IdRole:
        return t.id;
    case DagRole:
        return t.dagId;
    case DatesRole:
        return t.logicalDateStrings();
    case DatesSummaryRole:
        return t.datesSummary;
    case DateCountRole:
        return int(t.logicalDates.size());
    case TablesRole:
        return t.tables;
    case AfterRole:
        return t.after;
    case PriorityRole:
        return t.priority;
    case PriorityLevelRole:
        return t.priorityLevel;
    case PriorityExplanationRole:
        return t.priorityExplanation;
    case StatusRole:
        return statusName(t.status);
    case ColumnRole:
        return int(t.status);
    case AssigneeRole:
        return t.assignee;
    case IssueNumberRole:
        return t.issueNumber;
    case IssueUrlRole:
        return t.issueUrl;
    case SyncedRole:
        return t.issueNumber != 0;
    case SyncErrorRole:
        return t.syncError;
    case WaitingOnRole:
        return waitingOn(t);
    case WaitingOnDagsRole: {
        QStringList dags;
        for (const QString &id : waitingOn(t)) {
            const int row = m_rows.value(id, -1);
            dags.append(row >= 0 ? m_tasks.at(row).dagId : id);
        }
        return dags;
    }
    case ObsoleteRole:
        return t.obsolete;
    case OnCycleRole:
        return t.onCycle;
    case EstimateMinutesRole:
        return t.estimateMinutes ? QVariant(*t.estimateMinutes) : QVariant();
    case OrderRole:
        return t.order;
    default:
        return {};
    }
}

bool BoardModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString id = m_tasks.at(index.row()).id;
    if (role == ColumnRole) {
        bool ok = false;
        const int column = value.toInt(&ok);
        if (!ok || column < 0 || column >= kStatusCount)
            return false;
        return moveTasks({id}, TaskStatus(column));
    }
    if (role == StatusRole) {
        const auto status = statusFromName(value.toString());
        return status && moveTasks({id}, *status);
    }
    if (role == AssigneeRole)
        return assignTasks({id}, value.toString());
    return false;
}

Qt::ItemFlags BoardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
           | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> BoardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "taskId");
    names.insert(DagRole, "dag");
    names.insert(TitleRole, "title");
    names.insert(DatesRole, "dates");
    names.insert(DatesSummaryRole, "datesSummary");
    names.insert(DateCountRole, "dateCount");
    names.insert(TablesRole, "tables");
    names.insert(AfterRole, "after");
    names.insert(PriorityRole, "priority");
    names.insert(PriorityLevelRole, "priorityLevel");
    names.insert(PriorityExplanationRole, "priorityExplanation");
    names.insert(StatusRole, "status");
    names.insert(ColumnRole, "column");
    names.insert(AssigneeRole, "assignee");
    names.insert(IssueNumberRole, "issueNumber");
    names.insert(IssueUrlRole, "issueUrl");
    names.insert(SyncedRole, "synced");
    names.insert(SyncErrorRole, "syncError");
    names.insert(WaitingOnRole, "waitingOn");
    names.insert(WaitingOnDagsRole, "waitingOnDags");
    names.insert(ObsoleteRole, "obsolete");
    names.insert(OnCycleRole, "onCycle");
    names.insert(EstimateMinutesRole, "estimateMinutes");
    names.insert(OrderRole, "order");
    return names;
}

QStringList BoardModel::mimeTypes() const
{
    return {QLatin1String(kMimeType)};
}

QMimeData *BoardModel::mimeData(const QModelIndexList &indexes) const
{
    QJsonArray ids;
    QSet<int> seen;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this && !seen.contains(index.row())) {
            seen.insert(index.row());
            ids.append(m_tasks.at(index.row()).id);
        }
    }
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kMimeType), QJsonDocument(ids).toJson(QJsonDocument::Compact));
    return mime;
}

Qt::DropActions BoardModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList BoardModel::idsFromMime(const QMimeData *mime)
{
    QStringList ids;
    if (!mime || !mime->hasFormat(QLatin1String(kMimeType)))
        return ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(mime->data(QLatin1String(kMimeType))).array())
        ids.append(v.toString());
    return ids;
}

// ---------------------------------------------------------------------------------------------

BoardFilterProxy::BoardFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

void BoardFilterProxy::changed()
{
    invalidateFilter();
}

void BoardFilterProxy::setColumn(int column)
{
    if (m_column == column)
        return;
    m_column = column;
    changed();
}

void BoardFilterProxy::setMine(const QString &login)
{
    if (m_mine == login)
        return;
    m_mine = login;
    changed();
}

void BoardFilterProxy::setUnassignedOnly(bool on)
{
    if (m_unassigned == on)
        return;
    m_unassigned = on;
    changed();
}

void BoardFilterProxy::setBlockedOnly(bool on)
{
    if (m_blocked == on)
        return;
    m_blocked = on;
    changed();
}

void BoardFilterProxy::setShowObsolete(bool on)
{
    if (m_obsolete == on)
        return;
    m_obsolete = on;
    changed();
}

bool BoardFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_obsolete && index.data(BoardModel::ObsoleteRole).toBool())
        return false;
    if (m_column >= 0 && index.data(BoardModel::ColumnRole).toInt() != m_column)
        return false;
    const QString assignee = index.data(BoardModel::AssigneeRole).toString();
    if (!m_mine.isEmpty() && assignee.compare(m_mine, Qt::CaseInsensitive) != 0)
        return false;
    if (m_unassigned && !assignee.isEmpty())
        return false;
    if (m_blocked
        && index.data(BoardModel::ColumnRole).toInt() != int(TaskStatus::Blocked)
        && index.data(BoardModel::WaitingOnRole).toStringList().isEmpty())
        return false;
    return true;
}

bool BoardFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return left.data(BoardModel::OrderRole).toInt() < right.data(BoardModel::OrderRole).toInt();
}

} // namespace warroom::recovery
