#include "widgets/ranking/RankingView.h"

#include "widgets/ranking/RankingChart.h"

#include "core/usage/RankingExport.h"
#include "core/usage/UsageLog.h"
#include "core/usage/UsageRankingModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace warroom::widgets {

using usage::UsageRankingModel;

namespace {

// Affected tables in bold; trend arrows coloured from the palette (never fixed colours).
class RankingDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(UsageRankingModel::AffectedRole).toBool())
            option->font.setBold(true);
        if (index.column() == UsageRankingModel::TrendColumn) {
            const QVariant trend = index.data(UsageRankingModel::TrendRole);
            if (trend.isValid() && trend.toDouble() != 0) {
                const bool up = trend.toDouble() > 0;
                option->text = (up ? QStringLiteral("▲ ") : QStringLiteral("▼ ")) + option->text;
                if (!(option->state & QStyle::State_Selected))
                    option->palette.setColor(
                        QPalette::Text,
                        option->palette.color(up ? QPalette::Link : QPalette::PlaceholderText));
            }
        }
    }
};

constexpr qint64 DayMicros = 86400LL * 1000000LL;

} // namespace

RankingView::RankingView(UsageRankingModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_filter = new usage::UsageFilterProxyModel(this);
    m_filter->setSourceModel(model);
    m_filter->sort(UsageRankingModel::RankColumn, Qt::AscendingOrder);
    m_top = new usage::TopNProxyModel(10, this);
    m_top->setSourceModel(m_filter);
    m_users = new usage::TableUsersModel(this);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Filter tables…"));
    m_search->setClearButtonEnabled(true);
    // The bar is crowded in a dock (and more so in Japanese): keep the search usable.
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 14);
    m_search->setAccessibleName(tr("Filter tables"));
    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_searchDebounce, &QTimer::timeout, this,
            [this] { m_filter->setFilterText(m_search->text().trimmed()); });

    m_window = new QComboBox(this);
    m_window->setAccessibleName(tr("Time window"));
    m_window->addItem(tr("All rows"), 0);
    m_window->addItem(tr("Last 24 hours"), 1);
    m_window->addItem(tr("Last 7 days"), 7);
    m_window->addItem(tr("Last 30 days"), 30);
    m_window->addItem(tr("Last 90 days"), 90);
    m_window->setToolTip(tr("Counted up to the newest job in the log; the trend compares with the "
                            "window of equal length before it"));
    connect(m_window, &QComboBox::currentIndexChanged, this, &RankingView::applyWindow);

    m_group = new QComboBox(this);
    m_group->setAccessibleName(tr("Users"));
    // Sized to the current choice, not the longest one ("Read by service accounts").
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_group->setMinimumContentsLength(9);
    m_group->addItem(tr("All users"), static_cast<int>(usage::UserGroup::All));
    m_group->addItem(tr("Read by people"), static_cast<int>(usage::UserGroup::People));
    m_group->addItem(tr("Read by service accounts"),
                     static_cast<int>(usage::UserGroup::ServiceAccounts));
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setUserGroup(static_cast<usage::UserGroup>(m_group->currentData().toInt()));
    });

    m_affectedOnly = new QCheckBox(tr("Affected only"), this);
    connect(m_affectedOnly, &QCheckBox::toggled, m_filter,
            &usage::UsageFilterProxyModel::setAffectedOnly);

    m_exportAction = new QAction(tr("Export CSV…"), this);
    m_exportAction->setToolTip(tr("Save the ranking as shown as a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &RankingView::exportWithDialog);
    auto *exportButton = new QToolButton(this);
    exportButton->setDefaultAction(m_exportAction);
    addAction(m_exportAction);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_window);
    bar->addWidget(m_group);
    bar->addWidget(m_affectedOnly);
    bar->addWidget(exportButton);

    m_table = new QTableView(this);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsageRankingModel::RankColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setItemDelegate(new RankingDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(UsageRankingModel::TableColumn,
                                                      QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Table usage ranking"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });

    m_chart = new RankingChart(m_top, UsageRankingModel::TableColumn,
                               UsageRankingModel::ReferencesColumn, this);
    m_chart->setMinimumHeight(200);

    m_usersTitle = new QLabel(tr("Select a table to see who reads it."), this);
    m_usersTitle->setTextFormat(Qt::PlainText);
    m_usersTitle->setWordWrap(true); // long translations must not widen the side panel
    m_userTable = new QTableView(this);
    m_userTable->setModel(m_users);
    m_userTable->verticalHeader()->hide();
    m_userTable->horizontalHeader()->setSectionResizeMode(usage::TableUsersModel::UserColumn,
                                                          QHeaderView::Stretch);
    m_userTable->setAccessibleName(tr("Users of the selected table"));

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_formula = new QLabel(usage::priorityFormula(), this);
    m_formula->setTextFormat(Qt::PlainText);
    m_formula->setWordWrap(true);
    m_formula->setForegroundRole(QPalette::PlaceholderText);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_chart, 3);
    sideLayout->addWidget(m_usersTitle);
    sideLayout->addWidget(m_userTable, 2);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_formula);

    connect(m_model, &UsageRankingModel::rankingChanged, this, &RankingView::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the users list in step with a re-ranked model.
        const QString table = m_users->table();
        if (!table.isEmpty())
            selectTable(table);
    });
    updateSummary();
}

RankingView::~RankingView() = default;

QString RankingView::selectedTable() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(UsageRankingModel::TableRole).toString() : QString();
}

void RankingView::selectTable(const QString &table)
{
    const int sourceRow = m_model->rowOfTable(table);
    if (sourceRow < 0) {
        m_users->clear();
        m_usersTitle->setText(tr("Select a table to see who reads it."));
        return;
    }
    const QModelIndex proxy
        = m_filter->mapFromSource(m_model->index(sourceRow, UsageRankingModel::TableColumn));
    if (proxy.isValid()) {
        m_table->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
        m_table->scrollTo(proxy);
    }
}

void RankingView::onCurrentChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        m_users->clear();
        return;
    }
    const QModelIndex source = m_filter->mapToSource(current);
    const usage::TableUsage *usage = m_model->usageAt(source.row());
    if (!usage)
        return;
    const QString previous = m_users->table();
    m_users->setTable(*usage);
    m_usersTitle->setText(
        tr("Users of %1: %Ln distinct", nullptr, usage->distinctUsers).arg(usage->table));
    if (previous != usage->table)
        emit tableSelected(usage->table);
}

void RankingView::setWindowDays(int days)
{
    const int index = m_window->findData(days);
    if (index >= 0)
        m_window->setCurrentIndex(index);
}

int RankingView::windowDays() const
{
    return m_window->currentData().toInt();
}

void RankingView::setChartSize(int bars)
{
    m_top->setLimit(bars);
}

void RankingView::applyWindow()
{
    const auto log = m_model->log();
    const int days = windowDays();
    if (!log)
        return;
    if (days <= 0 || !log->latest()) {
        m_model->setWindow(std::nullopt, std::nullopt);
        return;
    }
    const EpochMicros until = *log->latest() + 1;
    m_model->setWindow(until - days * DayMicros, until);
}

void RankingView::updateSummary()
{
    const usage::RowCounts &rows = m_model->ranking().rows;
    const int tables = static_cast<int>(m_model->ranking().tables.size());
    // %Ln and %L1: digit grouping of the UI locale.
    if (rows.read > 0 || rows.malformed > 0)
        m_summary->setText(
            tr("%Ln table(s) · %L1 rows read, %L2 used, %L3 malformed", nullptr, tables)
                .arg(rows.read)
                .arg(rows.used)
                .arg(rows.malformed));
    else
        m_summary->setText(tr("%Ln table(s)", nullptr, tables));
}

bool RankingView::exportCsv(const QString &path, QString *error) const
{
    QList<usage::TableUsage> rows;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex source = m_filter->mapToSource(m_filter->index(row, 0));
        if (const usage::TableUsage *u = m_model->usageAt(source.row()))
            rows.append(*u);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(usage::rankingToCsv(rows));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void RankingView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export ranking"), tr("usage-ranking.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export ranking"),
                             tr("Could not save %1: %2").arg(path, error));
}

} // namespace warroom::widgets
