#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QAction;
class QModelIndex;

namespace warroom::usage {
class UsageRankingModel;
class UsageFilterProxyModel;
class TopNProxyModel;
class TableUsersModel;
} // namespace warroom::usage

namespace warroom::widgets {

class RankingChart;

// Who is hurt: the usage ranking as a sortable, filterable table, a bar chart of the top
// tables, and the users of the selected table. Selecting a row emits tableSelected() (the main
// window highlights the table in the lineage graph).
class RankingView : public QWidget
{
    Q_OBJECT
public:
    explicit RankingView(usage::UsageRankingModel *model, QWidget *parent = nullptr);
    ~RankingView() override;

    usage::UsageRankingModel *model() const { return m_model; }
    usage::UsageFilterProxyModel *filterModel() const { return m_filter; }
    usage::TableUsersModel *usersModel() const { return m_users; }
    QString selectedTable() const;
    void selectTable(const QString &table);

    // Windows are relative to the newest job of the log (a file's "now"), in days; 0: all rows.
    void setWindowDays(int days);
    int windowDays() const;
    void setChartSize(int bars);

    // Writes the rows as shown (filtered and sorted) as CSV. False with `error` on failure.
    bool exportCsv(const QString &path, QString *error = nullptr) const;

signals:
    void tableSelected(const QString &table);

private:
    void applyWindow();
    void onCurrentChanged(const QModelIndex &current);
    void updateSummary();
    void exportWithDialog();

    usage::UsageRankingModel *m_model;
    usage::UsageFilterProxyModel *m_filter;
    usage::TopNProxyModel *m_top;
    usage::TableUsersModel *m_users;
    QLineEdit *m_search;
    QTimer *m_searchDebounce;
    QComboBox *m_window;
    QComboBox *m_group;
    QCheckBox *m_affectedOnly;
    QTableView *m_table;
    QTableView *m_userTable;
    QLabel *m_usersTitle;
    QLabel *m_summary;
    QLabel *m_formula;
    RankingChart *m_chart;
    QAction *m_exportAction;
};

} // namespace warroom::widgets
