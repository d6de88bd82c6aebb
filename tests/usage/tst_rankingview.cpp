// The ranking view driven like a user: type in the search box, toggle "affected only",
// pick a time window, select a row (users list + signal), export CSV; the chart follows.
#include "core/usage/JobsReader.h"
#include "core/usage/UsageLog.h"
#include "core/usage/UsageRankingModel.h"
#include "widgets/ranking/RankingChart.h"
#include "widgets/ranking/RankingView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace warroom;
using namespace warroom::usage;
using warroom::widgets::RankingChart;
using warroom::widgets::RankingView;

class tst_RankingView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void searchBoxFiltersAfterDebounce();
    void affectedToggle();
    void selectingARowListsUsersAndSignals();
    void timeWindow();
    void chartShowsTopN();
    void exportCsv();

private:
    std::shared_ptr<const UsageLog> m_log;
    UsageRankingModel *m_model = nullptr;
    RankingView *m_view = nullptr;
    QTableView *rankingTable() const
    {
        for (QTableView *v : m_view->findChildren<QTableView *>()) {
            if (v->model() == m_view->filterModel())
                return v;
        }
        return nullptr;
    }
};

void tst_RankingView::init()
{
    ReadStats stats;
    m_log = UsageLog::load(QDir(QString::fromLocal8Bit(qgetenv("WARROOM_TEST_DATA")))
                               .filePath(QStringLiteral("jobs.ndjson")),
                           &stats);
    QVERIFY(m_log);
    m_model = new UsageRankingModel;
    m_model->setLog(m_log);
    m_view = new RankingView(m_model);
    m_view->resize(1100, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_RankingView::cleanup()
{
    delete m_view;
    delete m_model;
    m_view = nullptr;
    m_model = nullptr;
}

void tst_RankingView::searchBoxFiltersAfterDebounce()
{
    QLineEdit *search = m_view->findChild<QLineEdit *>();
    QVERIFY(search);
    QCOMPARE(m_view->filterModel()->rowCount(), 3);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("stag"));
    // Debounced: nothing filtered while typing...
    QCOMPARE(m_view->filterModel()->rowCount(), 3);
    // ...then the filter applies once typing stops.
    QTRY_COMPARE_WITH_TIMEOUT(m_view->filterModel()->rowCount(), 1, 2000);
    QCOMPARE(m_view->filterModel()->index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.staging.customers"));
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_view->filterModel()->rowCount(), 3, 2000);
}

void tst_RankingView::affectedToggle()
{
    m_model->setAffectedTables({QStringLiteral("p.staging.customers")});
    QTableView *view = rankingTable();
    QVERIFY(view);
    // Affected tables rank first.
    QCOMPARE(view->model()->index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.staging.customers"));
    QCheckBox *affected = m_view->findChild<QCheckBox *>();
    QVERIFY(affected);
    QTest::mouseClick(affected, Qt::LeftButton, {}, QPoint(5, affected->height() / 2));
    QVERIFY(affected->isChecked());
    QCOMPARE(view->model()->rowCount(), 1);
    QTest::mouseClick(affected, Qt::LeftButton, {}, QPoint(5, affected->height() / 2));
    QCOMPARE(view->model()->rowCount(), 3);
}

void tst_RankingView::selectingARowListsUsersAndSignals()
{
    QSignalSpy selected(m_view, &RankingView::tableSelected);
    QTableView *view = rankingTable();
    QVERIFY(view);
    const QRect cell = view->visualRect(view->model()->index(1, UsageRankingModel::TableColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toString(), QStringLiteral("p.sales.customers"));
    QCOMPARE(m_view->selectedTable(), QStringLiteral("p.sales.customers"));
    QCOMPARE(m_view->usersModel()->table(), QStringLiteral("p.sales.customers"));
    QCOMPARE(m_view->usersModel()->rowCount(), 4);
    // Keyboard: the next row.
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.last().first().toString(), QStringLiteral("p.staging.customers"));
    QCOMPARE(m_view->usersModel()->rowCount(), 1);
    QCOMPARE(m_view->usersModel()->index(0, 0).data().toString(),
             QStringLiteral("etl@p.iam.gserviceaccount.com"));
    // Programmatic selection from the lineage graph.
    m_view->selectTable(QStringLiteral("p.sales.orders"));
    QCOMPARE(selected.last().first().toString(), QStringLiteral("p.sales.orders"));
}

void tst_RankingView::timeWindow()
{
    QComboBox *window = nullptr;
    for (QComboBox *c : m_view->findChildren<QComboBox *>()) {
        if (c->findData(7) >= 0)
            window = c;
    }
    QVERIFY(window);
    QCOMPARE(m_model->index(0, UsageRankingModel::ReferencesColumn).data().toLongLong(), 7);
    // Last 24 hours up to the newest job (2026-06-06 00:00): j6 and j10 read orders, j7 and
    // j9 read customers; a tie, so by name.
    window->setCurrentIndex(window->findData(1));
    QCOMPARE(m_view->windowDays(), 1);
    QCOMPARE(m_model->options().until.value(), m_log->latest().value() + 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.sales.customers"));
    QCOMPARE(m_model->index(0, UsageRankingModel::ReferencesColumn).data().toLongLong(), 2);
    QCOMPARE(m_model->index(1, UsageRankingModel::TableColumn).data().toString(),
             QStringLiteral("p.sales.orders"));
    QCOMPARE(m_model->index(1, UsageRankingModel::ReferencesColumn).data().toLongLong(), 2);
    m_view->setWindowDays(0);
    QVERIFY(!m_model->options().since);
    QCOMPARE(m_model->index(0, UsageRankingModel::ReferencesColumn).data().toLongLong(), 7);
}

void tst_RankingView::chartShowsTopN()
{
    RankingChart *chart = m_view->findChild<RankingChart *>();
    QVERIFY(chart);
    QCOMPARE(chart->barCount(), 3);
    QCOMPARE(chart->categories().first(), QStringLiteral("p.sales.orders"));
    QCOMPARE(chart->values().first(), 7.0);
    m_view->setChartSize(2);
    QTRY_COMPARE(chart->barCount(), 2);
    QLineEdit *search = m_view->findChild<QLineEdit *>();
    QTest::keyClicks(search, QStringLiteral("customers"));
    QTRY_COMPARE_WITH_TIMEOUT(
        chart->categories(),
        QStringList({QStringLiteral("p.sales.customers"), QStringLiteral("p.staging.customers")}),
        2000);
    QCOMPARE(chart->values(), QList<double>({4.0, 1.0}));

    // The chart's model chain passes the model tester too.
    QAbstractItemModelTester tester(m_view->filterModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setAffectedTables({QStringLiteral("p.sales.orders")});
}

void tst_RankingView::exportCsv()
{
    QTemporaryDir dir;
    QLineEdit *search = m_view->findChild<QLineEdit *>();
    QTest::keyClicks(search, QStringLiteral("sales"));
    QTRY_COMPARE_WITH_TIMEOUT(m_view->filterModel()->rowCount(), 2, 2000);
    const QString path = dir.filePath(QStringLiteral("ranking.csv"));
    QString error;
    QVERIFY2(m_view->exportCsv(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // header + the two rows shown
    QVERIFY(lines.at(1).startsWith("1,p.sales.orders,7,"));
    QVERIFY(lines.at(2).startsWith("2,p.sales.customers,4,"));
    QVERIFY(!m_view->exportCsv(dir.filePath(QStringLiteral("missing/dir/x.csv")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(tst_RankingView)
#include "tst_rankingview.moc"
