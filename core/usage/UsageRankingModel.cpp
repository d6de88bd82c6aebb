#include "core/usage/UsageRankingModel.h"

#include "core/usage/UsageLog.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace warroom::usage {

UsageRankingModel::UsageRankingModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

UsageRankingModel::~UsageRankingModel() = default;

void UsageRankingModel::setLog(std::shared_ptr<const UsageLog> log)
{
    m_log = std::move(log);
    rerank();
}

void UsageRankingModel::setOptions(const RankingOptions &options)
{
    m_options = options;
    rerank();
}

void UsageRankingModel::setWindow(std::optional<EpochMicros> since,
                                  std::optional<EpochMicros> until)
{
    m_options.since = since;
    m_options.until = until;
    rerank();
}

void UsageRankingModel::rerank()
{
    if (!m_log)
        return;
    m_ranking = m_log->rank(m_options);
    rebuild();
}

void UsageRankingModel::setRanking(const UsageRanking &ranking)
{
    m_log.reset();
    m_ranking = ranking;
    rebuild();
}

void UsageRankingModel::setAffectedTables(const QSet<QString> &tables)
{
    if (tables == m_affected)
        return;
    m_affected = tables;
    rebuild();
}

void UsageRankingModel::setDownstreamReach(const QHash<QString, double> &reach)
{
    m_reach = reach;
    rebuild();
}

void UsageRankingModel::setPriorityWeights(const PriorityWeights &weights)
{
    m_weights = weights;
    rebuild();
}

void UsageRankingModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_rowAffected.clear();
    m_priorities.clear();
    m_rowOf.clear();
    QList<TableUsage> rest;
    QSet<QString> seenAffected;
    for (const TableUsage &t : std::as_const(m_ranking.tables)) {
        if (m_affected.contains(t.table)) {
            m_rows.append(t);
            seenAffected.insert(t.table);
        } else {
            rest.append(t);
        }
    }
    QStringList unread;
    for (const QString &t : std::as_const(m_affected)) {
        if (!seenAffected.contains(t))
            unread.append(t);
    }
    unread.sort();
    for (const QString &t : std::as_const(unread)) {
        TableUsage u;
        u.table = t;
        u.hasTrend = m_ranking.since && m_ranking.until;
        m_rows.append(u);
    }
    const int affectedCount = m_rows.size();
    m_rows.append(rest);
    for (int i = 0; i < m_rows.size(); ++i) {
        const TableUsage &t = m_rows.at(i);
        m_rowAffected.append(i < affectedCount);
        m_priorities.append(
            recoveryPriority(t.references, t.distinctPeople, m_reach.value(t.table), m_weights));
        m_rowOf.insert(t.table, i);
    }
    endResetModel();
    emit rankingChanged();
}

int UsageRankingModel::rowOfTable(const QString &table) const
{
    return m_rowOf.value(table, -1);
}

const TableUsage *UsageRankingModel::usageAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

PriorityScore UsageRankingModel::priority(const QString &table) const
{
    const int row = rowOfTable(table);
    if (row >= 0)
        return m_priorities.at(row);
    return recoveryPriority(0, 0, m_reach.value(table), m_weights);
}

int UsageRankingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int UsageRankingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QVariant trendValue(const TableUsage &t)
{
    if (!t.hasTrend)
        return {};
    if (t.previousReferences == 0)
        return t.references > 0 ? QVariant(std::numeric_limits<double>::infinity()) : QVariant(0.0);
    return *t.trend();
}

QVariant UsageRankingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableUsage &t = m_rows.at(index.row());
    const bool affected = m_rowAffected.at(index.row());
    const PriorityScore &p = m_priorities.at(index.row());
    switch (role) {
    case TableRole:
        return t.table;
    case AffectedRole:
        return affected;
    case TrendRole:
        return trendValue(t);
    case PriorityRole:
        return p.value;
    case PriorityExplanationRole:
        return p.explanation;
    case DistinctPeopleRole:
        return t.distinctPeople;
    case DistinctServiceAccountsRole:
        return t.distinctServiceAccounts;
    case ReferencesRole:
        return QVariant::fromValue<qlonglong>(t.references);
    case RawValueRole:
        switch (index.column()) {
        case RankColumn:
            return index.row() + 1;
        case TableColumn:
            return t.table;
        case ReferencesColumn:
            return QVariant::fromValue<qlonglong>(t.references);
        case DistinctUsersColumn:
            return t.distinctUsers;
        case LastReadColumn:
            return QVariant::fromValue<qlonglong>(
                t.lastRead.value_or(std::numeric_limits<qint64>::min()));
        case TrendColumn: {
            const QVariant v = trendValue(t);
            return v.isValid() ? v.toDouble() : -std::numeric_limits<double>::infinity();
        }
        case BytesColumn:
            return QVariant::fromValue<qlonglong>(t.bytesProcessed);
        case AffectedColumn:
            return affected ? 1 : 0;
        case PriorityColumn:
            return p.value;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PriorityColumn)
            return p.explanation;
        if (index.column() == TrendColumn && t.hasTrend)
            return tr("%1 references in this window, %2 in the previous one")
                .arg(t.references)
                .arg(t.previousReferences);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TableColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::EditRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case RankColumn:
        return index.row() + 1;
    case TableColumn:
        return t.table;
    case ReferencesColumn:
        // A number, so chart mappers and views can use it directly.
        return QVariant::fromValue<qlonglong>(t.references);
    case DistinctUsersColumn:
        return t.distinctUsers;
    case LastReadColumn:
        return t.lastRead ? formatRfc3339(*t.lastRead) : QString();
    case TrendColumn: {
        const QVariant v = trendValue(t);
        if (!v.isValid())
            return QString();
        const double d = v.toDouble();
        if (std::isinf(d))
            return tr("new");
        return QStringLiteral("%1%2%")
            .arg(d > 0 ? QStringLiteral("+") : QString())
            .arg(std::round(d * 100));
    }
    case BytesColumn:
        return locale.formattedDataSize(t.bytesProcessed);
    case AffectedColumn:
        return affected ? tr("affected") : QString();
    case PriorityColumn:
        return QString::number(p.value, 'f', 1);
    }
    return {};
}

QVariant UsageRankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RankColumn:
        return tr("Rank");
    case TableColumn:
        return tr("Table");
    case ReferencesColumn:
        return tr("References");
    case DistinctUsersColumn:
        return tr("Users");
    case LastReadColumn:
        return tr("Last read");
    case TrendColumn:
        return tr("Trend");
    case BytesColumn:
        return tr("Bytes processed");
    case AffectedColumn:
        return tr("Affected");
    case PriorityColumn:
        return tr("Priority");
    }
    return {};
}

QHash<int, QByteArray> UsageRankingModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TableRole, "table");
    names.insert(AffectedRole, "affected");
    names.insert(TrendRole, "trend");
    names.insert(RawValueRole, "rawValue");
    names.insert(PriorityRole, "priority");
    names.insert(PriorityExplanationRole, "priorityExplanation");
    names.insert(DistinctPeopleRole, "distinctPeople");
    names.insert(DistinctServiceAccountsRole, "distinctServiceAccounts");
    names.insert(ReferencesRole, "references");
    return names;
}

// --- UsageFilterProxyModel

UsageFilterProxyModel::UsageFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(UsageRankingModel::RawValueRole);
    setDynamicSortFilter(true);
}

void UsageFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void UsageFilterProxyModel::setAffectedOnly(bool on)
{
    if (on == m_affectedOnly)
        return;
    m_affectedOnly = on;
    invalidateFilter();
}

void UsageFilterProxyModel::setMinReferences(qint64 minimum)
{
    if (minimum == m_minReferences)
        return;
    m_minReferences = minimum;
    invalidateFilter();
}

void UsageFilterProxyModel::setUserGroup(UserGroup group)
{
    if (group == m_group)
        return;
    m_group = group;
    invalidateFilter();
}

bool UsageFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool affected = index.data(UsageRankingModel::AffectedRole).toBool();
    if (m_affectedOnly && !affected)
        return false;
    if (!m_text.isEmpty()
        && !index.data(UsageRankingModel::TableRole)
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
        return false;
    // Affected tables stay visible even when nobody read them: that is news too.
    if (!affected && index.data(UsageRankingModel::ReferencesRole).toLongLong() < m_minReferences)
        return false;
    if (m_group == UserGroup::People
        && index.data(UsageRankingModel::DistinctPeopleRole).toInt() == 0)
        return false;
    if (m_group == UserGroup::ServiceAccounts
        && index.data(UsageRankingModel::DistinctServiceAccountsRole).toInt() == 0)
        return false;
    return true;
}

// --- TopNProxyModel

TopNProxyModel::TopNProxyModel(int limit, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_limit(limit)
{}

void TopNProxyModel::setLimit(int limit)
{
    if (limit == m_limit)
        return;
    m_limit = limit;
    invalidateFilter();
}

void TopNProxyModel::setSourceModel(QAbstractItemModel *source)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    QSortFilterProxyModel::setSourceModel(source);
    if (!source)
        return;
    // Rows shift in and out of the first N when the source inserts, removes or re-sorts.
    auto refilter = [this] {
        invalidateFilter();
    };
    m_connections << connect(source, &QAbstractItemModel::rowsInserted, this, refilter)
                  << connect(source, &QAbstractItemModel::rowsRemoved, this, refilter)
                  << connect(source, &QAbstractItemModel::rowsMoved, this, refilter)
                  << connect(source, &QAbstractItemModel::layoutChanged, this, refilter);
}

bool TopNProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && sourceRow < m_limit;
}

// --- TableUsersModel

TableUsersModel::TableUsersModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TableUsersModel::setTable(const TableUsage &usage)
{
    beginResetModel();
    m_table = usage.table;
    m_users = usage.users.isEmpty() ? usage.topUsers : usage.users;
    m_kinds.clear();
    for (const UserCount &u : std::as_const(m_users))
        m_kinds.append(classifyUser(u.user));
    endResetModel();
}

void TableUsersModel::clear()
{
    beginResetModel();
    m_table.clear();
    m_users.clear();
    m_kinds.clear();
    endResetModel();
}

int TableUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int TableUsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableUsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserCount &u = m_users.at(index.row());
    const UserKind kind = m_kinds.at(index.row());
    if (role == UserKindRole)
        return static_cast<int>(kind);
    if (role == RawValueRole) {
        switch (index.column()) {
        case UserColumn:
            return u.user;
        case KindColumn:
            return static_cast<int>(kind);
        case ReferencesColumn:
            return QVariant::fromValue<qlonglong>(u.references);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == ReferencesColumn
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case UserColumn:
        return u.user;
    case KindColumn:
        return kind == UserKind::ServiceAccount ? tr("service account")
               : kind == UserKind::Person       ? tr("person")
                                                : QString();
    case ReferencesColumn:
        return QVariant::fromValue<qlonglong>(u.references);
    }
    return {};
}

QVariant TableUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserColumn:
        return tr("User");
    case KindColumn:
        return tr("Kind");
    case ReferencesColumn:
        return tr("References");
    }
    return {};
}

} // namespace warroom::usage
