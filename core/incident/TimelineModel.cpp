#include "core/incident/TimelineModel.h"

#include "core/common/Timestamps.h"
#include "core/feed/AlertFeed.h"
#include "core/incident/IncidentController.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace warroom {

TimelineModel::TimelineModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_zone(QTimeZone::utc())
    , m_zoneId(QStringLiteral("UTC"))
{
    refresh();
}

void TimelineModel::setTimeZone(const QString &ianaId)
{
    const QTimeZone zone(ianaId.toUtf8());
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    m_zoneId = zone.isValid() ? ianaId : QStringLiteral("UTC");
    if (!m_events.empty())
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn),
                         {Qt::DisplayRole});
    emit headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
}

QString TimelineModel::formatTime(qint64 epochMicros) const
{
    return QDateTime::fromMSecsSinceEpoch(epochMicros / 1000, m_zone)
        .toString(displayDateTimeFormat(true));
}

void TimelineModel::watch(AlertFeed *feed)
{
    connect(feed, &AlertFeed::timelineChanged, this, &TimelineModel::refreshSoon);
}

void TimelineModel::watch(IncidentController *controller)
{
    connect(controller, &IncidentController::timelineChanged, this, &TimelineModel::refreshSoon);
}

void TimelineModel::setPollInterval(int ms)
{
    if (ms <= 0) {
        if (m_poll)
            m_poll->stop();
        return;
    }
    if (!m_poll) {
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, &TimelineModel::refresh);
    }
    m_poll->start(ms);
}

void TimelineModel::refreshSoon()
{
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, &TimelineModel::refresh);
}

void TimelineModel::refresh()
{
    m_refreshScheduled = false;
    if (!m_store)
        return;
    const QList<IncidentStore::TimelineEvent> fresh = m_store->timeline(m_lastId);
    if (fresh.isEmpty())
        return;
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_events.insert(m_events.end(), fresh.begin(), fresh.end());
    for (const IncidentStore::TimelineEvent &e : fresh)
        m_lastId = std::max(m_lastId, e.id);
    endInsertRows();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TimelineModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString timelineKindTitle(const QString &kind)
{
    static const struct { const char *kind; const char *title; } titles[] = {
        {"alert", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Alert")},
        {"state", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Alert state")},
        {"ack", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Acknowledged")},
        {"incident", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Incident")},
        {"cause", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Cause")},
        {"role", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Role")},
        {"note", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Note")},
        {"task", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Recovery task")},
        {"export", QT_TRANSLATE_NOOP("warroom::TimelineKind", "Export")},
    };
    for (const auto &t : titles) {
        if (kind == QLatin1String(t.kind))
            return QCoreApplication::translate("warroom::TimelineKind", t.title);
    }
    return kind;
}

IncidentStore::TimelineEvent TimelineModel::event(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_events[size_t(row)];
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentStore::TimelineEvent &e = m_events[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return formatTime(e.at);
        case KindColumn:
            return timelineKindTitle(e.kind);
        case ActorColumn:
            return e.actor;
        case TextColumn:
            return e.text;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == TextColumn ? e.text : QVariant();
    case EventIdRole:
        return e.id;
    case AtRole:
        return e.at;
    case KindRole:
        return e.kind;
    case ActorRole:
        return e.actor;
    case TextRole:
        return e.text;
    case RefRole:
        return e.ref;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (%1)").arg(m_zoneId);
    case KindColumn:
        return tr("Kind");
    case ActorColumn:
        return tr("Who");
    case TextColumn:
        return tr("What");
    }
    return {};
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EventIdRole, "eventId");
    names.insert(AtRole, "at");
    names.insert(KindRole, "kind");
    names.insert(ActorRole, "actor");
    names.insert(TextRole, "text");
    names.insert(RefRole, "ref");
    return names;
}

} // namespace warroom
