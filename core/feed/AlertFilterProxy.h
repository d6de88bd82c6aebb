#pragma once

#include "core/alerts/Alert.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace warroom {

// Filters an AlertFeedModel: sources, minimum severity, unacknowledged only, free text
// (case-insensitive substring of title, source, id, DAG, table, group key and body).
// One filterAcceptsRow(); typed setters. Sorting (when a view enables it) compares the
// semantic roles, so "Time" sorts by instant and "Severity" by rank.
class AlertFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AlertFilterProxy(QObject *parent = nullptr);

    void setSources(const QStringList &sources); // empty: every source
    QStringList sources() const { return m_sources; }
    void setMinimumSeverity(warroom::Severity severity);
    Severity minimumSeverity() const { return m_minimumSeverity; }
    void setUnacknowledgedOnly(bool on);
    bool unacknowledgedOnly() const { return m_unacknowledgedOnly; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    void clearFilters();
    bool isFiltering() const;

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changed();

    QStringList m_sources;
    Severity m_minimumSeverity = Severity::Info;
    bool m_unacknowledgedOnly = false;
    QString m_text;
};

} // namespace warroom
