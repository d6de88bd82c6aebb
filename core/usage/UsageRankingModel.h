#pragma once

#include "core/usage/RecoveryPriority.h"
#include "core/usage/UsageTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

#include <memory>

namespace warroom::usage {

class UsageLog;

// The usage ranking as a table: one row per table, the incident's affected tables first, then
// by references. Roles are semantic; widgets/ranking turns them into paint.
class UsageRankingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        TableColumn,
        ReferencesColumn,
        DistinctUsersColumn,
        LastReadColumn,
        TrendColumn,
        BytesColumn,
        AffectedColumn,
        PriorityColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        TableRole = Qt::UserRole + 1, // QString "project.dataset.table"
        AffectedRole,                 // bool
        TrendRole,                    // double relative change; +inf for new; invalid: no trend
        RawValueRole,                 // the column's value as a number/string, for sorting
        PriorityRole,                 // double
        PriorityExplanationRole,      // QString: the formula with this table's numbers
        DistinctPeopleRole,           // int
        DistinctServiceAccountsRole,  // int
        ReferencesRole,               // qlonglong
    };
    Q_ENUM(Role)

    explicit UsageRankingModel(QObject *parent = nullptr);
    ~UsageRankingModel() override;

    // A local log: the model ranks it itself whenever the options change.
    void setLog(std::shared_ptr<const UsageLog> log);
    std::shared_ptr<const UsageLog> log() const { return m_log; }
    void setOptions(const RankingOptions &options);
    RankingOptions options() const { return m_options; }
    // Window [since, until); open ends with nullopt. Re-ranks a local log.
    void setWindow(std::optional<EpochMicros> since, std::optional<EpochMicros> until);

    // A ranking computed elsewhere (e.g. by BigQuery through the pushdown query).
    void setRanking(const UsageRanking &ranking);
    const UsageRanking &ranking() const { return m_ranking; }

    // The incident's tables: marked, and ranked first. Affected tables nobody read in the
    // window are listed too, with zero references.
    void setAffectedTables(const QSet<QString> &tables);
    QSet<QString> affectedTables() const { return m_affected; }
    // Downstream reach per table (from the lineage graph) for the recovery priority.
    void setDownstreamReach(const QHash<QString, double> &reach);
    void setPriorityWeights(const PriorityWeights &weights);

    int rowOfTable(const QString &table) const; // -1 when absent
    const TableUsage *usageAt(int row) const;
    PriorityScore priority(const QString &table) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void rankingChanged();

private:
    void rebuild();
    void rerank();

    std::shared_ptr<const UsageLog> m_log;
    RankingOptions m_options;
    UsageRanking m_ranking;
    QSet<QString> m_affected;
    QHash<QString, double> m_reach;
    PriorityWeights m_weights;
    QList<TableUsage> m_rows; // display order
    QList<bool> m_rowAffected;
    QList<PriorityScore> m_priorities;
    QHash<QString, int> m_rowOf;
};

// Filters the ranking with typed setters and one filterAcceptsRow(); sorts by RawValueRole.
class UsageFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit UsageFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text); // case-insensitive substring of the table name
    QString filterText() const { return m_text; }
    void setAffectedOnly(bool on);
    bool affectedOnly() const { return m_affectedOnly; }
    void setMinReferences(qint64 minimum);
    qint64 minReferences() const { return m_minReferences; }
    // Tables read by at least one person / one service account.
    void setUserGroup(UserGroup group);
    UserGroup userGroup() const { return m_group; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_affectedOnly = false;
    qint64 m_minReferences = 0;
    UserGroup m_group = UserGroup::All;
};

// The first N rows of its (already sorted and filtered) source: what the bar chart shows.
class TopNProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TopNProxyModel(int limit = 10, QObject *parent = nullptr);
    void setLimit(int limit);
    int limit() const { return m_limit; }
    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_limit;
    QList<QMetaObject::Connection> m_connections;
};

// The users of one table, most references first.
class TableUsersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { UserColumn, KindColumn, ReferencesColumn, ColumnCount };
    enum Role { UserKindRole = Qt::UserRole + 1, RawValueRole };

    explicit TableUsersModel(QObject *parent = nullptr);
    void setTable(const TableUsage &usage);
    void clear();
    QString table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_table;
    QList<UserCount> m_users;
    QList<UserKind> m_kinds;
};

} // namespace warroom::usage
