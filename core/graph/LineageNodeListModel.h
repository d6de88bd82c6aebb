#pragma once

#include "core/graph/LineageSubgraph.h"

#include <QAbstractListModel>
#include <QHash>

class QIODevice;

namespace warroom {

class LineageGraphModel;

// A flat list of the graph model's nodes (one row per current node, insertion order) for the
// search completer and the CSV export. Qt::DisplayRole/EditRole is the full name; the other
// roles are role(LineageNodeRole). With visibleOnly, hidden nodes are left out.
class LineageNodeListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int role(LineageNodeRole r) { return Qt::UserRole + 1 + int(r); }

    explicit LineageNodeListModel(LineageGraphModel *graph, QObject *parent = nullptr);

    void setVisibleOnly(bool visibleOnly);
    bool visibleOnly() const { return m_visibleOnly; }
    QString nodeId(int row) const;
    int rowOf(const QString &id) const { return m_rows.value(id, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // CSV (RFC 4180, UTF-8, header row) of the rows: id, kind, name, dataset, depth, broken,
    // usage_rank, usage_score, recovery_status, upstream, downstream. Cells that a spreadsheet
    // would read as a formula (= + - @) are prefixed with an apostrophe.
    bool writeCsv(QIODevice *device) const;
    QByteArray toCsv() const;

private:
    void resetRows();
    void onNodeAdded(const QString &id);
    void onNodeRemoved(const QString &id);
    void onNodeUpdated(const QString &id);
    void reindexFrom(int row);

    LineageGraphModel *m_graph;
    bool m_visibleOnly = false;
    QStringList m_ids;
    QHash<QString, int> m_rows;
};

} // namespace warroom
