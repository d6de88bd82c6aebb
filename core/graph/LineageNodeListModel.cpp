#include "core/graph/LineageNodeListModel.h"

#include "core/graph/LineageGraphModel.h"

#include <QIODevice>
#include <QMetaEnum>

namespace warroom {

namespace {

QByteArray csvCell(QString s)
{
    if (!s.isEmpty()
        && (s.front() == QLatin1Char('=') || s.front() == QLatin1Char('+')
            || s.front() == QLatin1Char('-') || s.front() == QLatin1Char('@'))) {
        s.prepend(QLatin1Char('\''));
    }
    if (s.contains(QLatin1Char('"')) || s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('\n'))
        || s.contains(QLatin1Char('\r'))) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s.toUtf8();
}

QString kindName(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Table: return QStringLiteral("table");
    case LineageNodeKind::View: return QStringLiteral("view");
    case LineageNodeKind::SqlFile: return QStringLiteral("sql_file");
    case LineageNodeKind::DagTask: return QStringLiteral("dag_task");
    case LineageNodeKind::Dag: return QStringLiteral("dag");
    case LineageNodeKind::Group: return QStringLiteral("group");
    }
    return {};
}

} // namespace

LineageNodeListModel::LineageNodeListModel(LineageGraphModel *graph, QObject *parent)
    : QAbstractListModel(parent)
    , m_graph(graph)
{
    connect(graph, &LineageGraphModel::modelReset, this, &LineageNodeListModel::resetRows);
    connect(graph, &LineageGraphModel::nodeAdded, this, &LineageNodeListModel::onNodeAdded);
    connect(graph, &LineageGraphModel::nodeRemoved, this, &LineageNodeListModel::onNodeRemoved);
    connect(graph, &LineageGraphModel::nodeUpdated, this, &LineageNodeListModel::onNodeUpdated);
    connect(graph, &LineageGraphModel::visibilityChanged, this, [this] {
        if (m_visibleOnly)
            resetRows();
    });
    resetRows();
}

void LineageNodeListModel::setVisibleOnly(bool visibleOnly)
{
    if (m_visibleOnly == visibleOnly)
        return;
    m_visibleOnly = visibleOnly;
    resetRows();
}

QString LineageNodeListModel::nodeId(int row) const
{
    return m_ids.value(row);
}

void LineageNodeListModel::resetRows()
{
    beginResetModel();
    m_ids = m_visibleOnly ? m_graph->visibleNodeIds() : m_graph->nodeIds();
    m_rows.clear();
    for (int i = 0; i < m_ids.size(); ++i)
        m_rows.insert(m_ids[i], i);
    endResetModel();
}

void LineageNodeListModel::onNodeAdded(const QString &id)
{
    if (m_rows.contains(id) || (m_visibleOnly && m_graph->isHidden(id)))
        return;
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_ids.append(id);
    m_rows.insert(id, row);
    endInsertRows();
}

void LineageNodeListModel::onNodeRemoved(const QString &id)
{
    const int row = m_rows.value(id, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    m_rows.remove(id);
    reindexFrom(row);
    endRemoveRows();
}

void LineageNodeListModel::reindexFrom(int row)
{
    for (int i = row; i < m_ids.size(); ++i)
        m_rows[m_ids[i]] = i;
}

void LineageNodeListModel::onNodeUpdated(const QString &id)
{
    const int row = m_rows.value(id, -1);
    if (row < 0) {
        // with visibleOnly a node that became visible is picked up by visibilityChanged
        return;
    }
    const QModelIndex i = index(row);
    emit dataChanged(i, i);
}

int LineageNodeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant LineageNodeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &id = m_ids[index.row()];
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return m_graph->nodeData(id, LineageNodeRole::Name);
    if (role == Qt::ToolTipRole)
        return m_graph->nodeData(id, LineageNodeRole::Detail);
    const int r = role - (Qt::UserRole + 1);
    if (r >= 0 && r <= int(LineageNodeRole::DownstreamCount))
        return m_graph->nodeData(id, LineageNodeRole(r));
    return {};
}

QHash<int, QByteArray> LineageNodeListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    const QMetaEnum e = QMetaEnum::fromType<LineageNodeRole>();
    for (int i = 0; i < e.keyCount(); ++i) {
        QByteArray key = e.key(i);
        key[0] = QChar::toLower(key[0]);
        names.insert(role(LineageNodeRole(e.value(i))), key);
    }
    return names;
}

QByteArray LineageNodeListModel::toCsv() const
{
    QByteArray out = "id,kind,name,dataset,depth,broken,usage_rank,usage_score,recovery_status,"
                     "upstream,downstream\r\n";
    for (const QString &id : m_ids) {
        const LineageNodeData n = m_graph->node(id);
        QList<QByteArray> cells{csvCell(n.id),
                                csvCell(kindName(n.kind)),
                                csvCell(n.name),
                                csvCell(n.dataset),
                                QByteArray::number(n.depth),
                                n.broken ? "true" : "false",
                                n.usageRank > 0 ? QByteArray::number(n.usageRank) : QByteArray(),
                                QByteArray::number(n.usageScore, 'g', 10),
                                csvCell(n.recoveryStatus),
                                QByteArray::number(m_graph->inNodes(id).size()),
                                QByteArray::number(m_graph->outNodes(id).size())};
        out += cells.join(',');
        out += "\r\n";
    }
    return out;
}

bool LineageNodeListModel::writeCsv(QIODevice *device) const
{
    const QByteArray csv = toCsv();
    return device && device->write(csv) == csv.size();
}

} // namespace warroom
