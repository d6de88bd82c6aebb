#include "core/feed/AlertFeedModel.h"

#include "core/common/Timestamps.h"
#include "core/feed/AlertFeed_p.h"

#include <QDateTime>

namespace warroom {

AlertFeedModel::AlertFeedModel(AlertFeed *feed)
    : QAbstractTableModel(feed)
    , m_feed(feed)
    , m_zone(QTimeZone::utc())
    , m_zoneId(QStringLiteral("UTC"))
{}

void AlertFeedModel::setTimeZone(const QString &ianaId)
{
    QTimeZone zone(ianaId.toUtf8());
    if (!zone.isValid()) {
        zone = QTimeZone::utc();
        m_zoneId = QStringLiteral("UTC");
    } else {
        m_zoneId = ianaId;
    }
    m_zone = zone;
    if (m_rows > 0)
        emit dataChanged(index(0, TimeColumn), index(m_rows - 1, TimeColumn), {Qt::DisplayRole});
}

QString AlertFeedModel::timeZoneId() const
{
    return m_zoneId;
}

QString AlertFeedModel::formatTime(qint64 epochMicros) const
{
    if (epochMicros == 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(epochMicros / 1000, m_zone);
    return t.toString(displayDateTimeFormat(true));
}

int AlertFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int AlertFeedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags AlertFeedModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

int AlertFeedModel::rowOfGroup(const QString &groupKey) const
{
    const int gi = m_feed->d->groupIndex.value(groupKey, -1);
    if (gi < 0 || gi >= m_rows)
        return -1;
    return rowOfGroupIndex(gi);
}

QString AlertFeedModel::groupKeyAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    return m_feed->d->groups[size_t(groupIndexOfRow(row))].key;
}

QVariant AlertFeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertFeed::Private &d = *m_feed->d;
    const Internal::FeedGroup &g = d.groups[size_t(groupIndexOfRow(index.row()))];
    const FeedAlert &latest = d.alerts[size_t(g.latest)];
    const Alert &a = latest.alert;
    const FeedAlert *acked = g.lastAck >= 0 ? &d.alerts[size_t(g.lastAck)] : nullptr;
    const int count = int(g.members.size());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityTitle(g.severity);
        case SourceColumn:
            return a.source;
        case TimeColumn:
            return formatTime(a.createdAt);
        case TitleColumn:
            return a.title;
        case CountColumn:
            return count;
        case AckColumn:
            if (g.acked == 0)
                return QString();
            if (g.acked == count)
                return acked->ackBy;
            return tr("%1 of %2").arg(g.acked).arg(count);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return a.title;
        if (index.column() == AckColumn && acked)
            return acked->ackNote.isEmpty()
                       ? tr("Acknowledged by %1 at %2").arg(acked->ackBy, formatTime(acked->ackAt))
                       : tr("Acknowledged by %1 at %2: %3")
                             .arg(acked->ackBy, formatTime(acked->ackAt), acked->ackNote);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == SeverityColumn)
            return tr("Severity %1").arg(severityTitle(g.severity));
        return {};
    case SeverityRole:
        return int(g.severity);
    case SeverityNameRole:
        return severityName(g.severity);
    case SourceRole:
        return a.source;
    case AlertIdRole:
        return a.id;
    case AlertKeyRole:
        return AlertKey::of(a).toString();
    case GroupKeyRole:
        return g.key;
    case GroupCountRole:
        return count;
    case MemberKeysRole: {
        QStringList keys;
        keys.reserve(count);
        for (int m : g.members)
            keys.append(AlertKey::of(d.alerts[size_t(m)].alert).toString());
        return keys;
    }
    case TimeRole:
        return qint64(a.createdAt);
    case TitleRole:
        return a.title;
    case BodyRole:
        return a.body;
    case UrlRole:
        return a.url;
    case StateRole:
        return g.open > 0 ? QStringLiteral("open") : a.state;
    case AcknowledgedRole:
        return g.acked == count;
    case AckCountRole:
        return g.acked;
    case AckByRole:
        return acked ? acked->ackBy : QString();
    case AckAtRole:
        return acked ? qint64(acked->ackAt) : qint64(0);
    case AckNoteRole:
        return acked ? acked->ackNote : QString();
    case DagIdRole:
        return a.dagId;
    case TableRole:
        return a.table;
    case LabelsRole:
        return a.labels;
    }
    return {};
}

QVariant AlertFeedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case SourceColumn:
        return tr("Source");
    case TimeColumn:
        return tr("Time (%1)").arg(m_zoneId);
    case TitleColumn:
        return tr("Title");
    case CountColumn:
        return tr("Count");
    case AckColumn:
        return tr("Acknowledged");
    }
    return {};
}

QHash<int, QByteArray> AlertFeedModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(SeverityNameRole, "severityName");
    names.insert(SourceRole, "source");
    names.insert(AlertIdRole, "alertId");
    names.insert(AlertKeyRole, "alertKey");
    names.insert(GroupKeyRole, "groupKey");
    names.insert(GroupCountRole, "groupCount");
    names.insert(MemberKeysRole, "memberKeys");
    names.insert(TimeRole, "time");
    names.insert(TitleRole, "title");
    names.insert(BodyRole, "body");
    names.insert(UrlRole, "url");
    names.insert(StateRole, "state");
    names.insert(AcknowledgedRole, "acknowledged");
    names.insert(AckCountRole, "ackCount");
    names.insert(AckByRole, "ackBy");
    names.insert(AckAtRole, "ackAt");
    names.insert(AckNoteRole, "ackNote");
    names.insert(DagIdRole, "dagId");
    names.insert(TableRole, "table");
    names.insert(LabelsRole, "labels");
    return names;
}

void AlertFeedModel::announceGroups(int newRows)
{
    if (newRows <= 0)
        return;
    // The new groups sit at the end of the group list, i.e. at the top of the view.
    beginInsertRows({}, 0, newRows - 1);
    m_rows += newRows;
    endInsertRows();
}

void AlertFeedModel::groupsChanged(int firstGroup, int lastGroup)
{
    if (m_rows == 0)
        return;
    firstGroup = std::max(firstGroup, 0);
    lastGroup = std::min(lastGroup, m_rows - 1);
    if (firstGroup > lastGroup)
        return;
    emit dataChanged(index(rowOfGroupIndex(lastGroup), 0),
                     index(rowOfGroupIndex(firstGroup), ColumnCount - 1));
}

void AlertFeedModel::resetAll()
{
    beginResetModel();
    m_rows = int(m_feed->d->groups.size());
    endResetModel();
}

} // namespace warroom
