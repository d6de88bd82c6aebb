#include "core/feed/AlertFilterProxy.h"

#include "core/feed/AlertFeedModel.h"

namespace warroom {

AlertFilterProxy::AlertFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void AlertFilterProxy::setSources(const QStringList &sources)
{
    if (sources == m_sources)
        return;
    m_sources = sources;
    changed();
}

void AlertFilterProxy::setMinimumSeverity(Severity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    changed();
}

void AlertFilterProxy::setUnacknowledgedOnly(bool on)
{
    if (on == m_unacknowledgedOnly)
        return;
    m_unacknowledgedOnly = on;
    changed();
}

void AlertFilterProxy::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    changed();
}

void AlertFilterProxy::clearFilters()
{
    m_sources.clear();
    m_minimumSeverity = Severity::Info;
    m_unacknowledgedOnly = false;
    m_text.clear();
    changed();
}

bool AlertFilterProxy::isFiltering() const
{
    return !m_sources.isEmpty() || m_minimumSeverity != Severity::Info || m_unacknowledgedOnly
           || !m_text.isEmpty();
}

void AlertFilterProxy::changed()
{
    invalidateFilter();
    emit filterChanged();
}

bool AlertFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex idx = m->index(sourceRow, 0, sourceParent);
    if (!m_sources.isEmpty()
        && !m_sources.contains(idx.data(AlertFeedModel::SourceRole).toString()))
        return false;
    if (idx.data(AlertFeedModel::SeverityRole).toInt() < int(m_minimumSeverity))
        return false;
    if (m_unacknowledgedOnly && idx.data(AlertFeedModel::AcknowledgedRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    for (int role : {int(AlertFeedModel::TitleRole), int(AlertFeedModel::SourceRole),
                     int(AlertFeedModel::AlertIdRole), int(AlertFeedModel::DagIdRole),
                     int(AlertFeedModel::TableRole), int(AlertFeedModel::GroupKeyRole),
                     int(AlertFeedModel::BodyRole)}) {
        if (idx.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool AlertFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    switch (left.column()) {
    case AlertFeedModel::SeverityColumn:
        return left.data(AlertFeedModel::SeverityRole).toInt()
               < right.data(AlertFeedModel::SeverityRole).toInt();
    case AlertFeedModel::TimeColumn:
        return left.data(AlertFeedModel::TimeRole).toLongLong()
               < right.data(AlertFeedModel::TimeRole).toLongLong();
    case AlertFeedModel::CountColumn:
        return left.data(AlertFeedModel::GroupCountRole).toInt()
               < right.data(AlertFeedModel::GroupCountRole).toInt();
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace warroom
