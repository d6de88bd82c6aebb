// The board view: keyboard moves, a drop from another lane, multi-select assignment,
// filters, read-only big-screen mode. Assertions are on the store and the model.
#include "core/recovery/BoardModel.h"
#include "core/recovery/RecoveryPlan.h"
#include "core/store/IncidentStore.h"
#include "widgets/board/BoardView.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>
#include <QtWidgets>

using namespace warroom;
using namespace warroom::recovery;
using namespace warroom::widgets;

namespace {
DagInfo dag(const QString &id, double priority, const QStringList &upstream = {})
{
    DagInfo d;
    d.dagId = id;
    d.schedule = QStringLiteral("@hourly");
    d.priority = priority;
    d.upstreamDags = upstream;
    d.tablesWritten = {QStringLiteral("proj.ds.%1").arg(id)};
    return d;
}
} // namespace

class TestBoardView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keyboardMoves();
    void dropMovesCards();
    void multiSelectAssign();
    void filters();
    void readOnlyBigScreen();

private:
    QString storedStatus(const QString &id) const { return m_store->task(id)->status; }
    void select(int column, const QStringList &ids);

    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<BoardModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<BoardView> m_view;
};

void TestBoardView::init()
{
    QString error;
    m_store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_model = std::make_unique<BoardModel>(m_store.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    RecoveryInput in;
    in.windowStart = *parseTimestamp(QStringLiteral("2026-06-05T02:00:00Z"));
    in.windowEnd = *parseTimestamp(QStringLiteral("2026-06-05T05:00:00Z"));
    in.affectedDags = {dag("ingest", 5), dag("mart", 8, {"ingest"}), dag("report", 2, {"mart"}),
                       dag("side", 1)};
    QVERIFY(m_model->applyPlan(RecoveryPlanner::plan(in)));
    m_view = std::make_unique<BoardView>();
    m_view->setModel(m_model.get());
    m_view->resize(1200, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestBoardView::cleanup()
{
    m_view.reset();
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

void TestBoardView::select(int column, const QStringList &ids)
{
    BoardLane *lane = m_view->lane(column);
    lane->clearSelection();
    for (int row = 0; row < lane->model()->rowCount(); ++row) {
        const QModelIndex index = lane->model()->index(row, 0);
        if (ids.contains(index.data(BoardModel::IdRole).toString())) {
            lane->selectionModel()->select(index, QItemSelectionModel::Select);
            lane->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        }
    }
    lane->setFocus();
}

void TestBoardView::keyboardMoves()
{
    QCOMPARE(m_view->lane(0)->model()->rowCount(), 4);
    // click a card, then Ctrl+Right
    BoardLane *todo = m_view->lane(0);
    int martRow = -1;
    for (int row = 0; row < todo->model()->rowCount(); ++row) {
        if (todo->model()->index(row, 0).data(BoardModel::DagRole) == QLatin1String("mart"))
            martRow = row;
    }
    QVERIFY(martRow >= 0);
    const QRect rect = todo->visualRect(todo->model()->index(martRow, 0));
    QTest::mouseClick(todo->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_view->selectedTaskIds(), QStringList{"rerun:mart"});
    QTest::keyClick(todo, Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(storedStatus("rerun:mart"), QStringLiteral("rerunning"));
    QCOMPARE(m_view->lane(1)->model()->rowCount(), 1);
    QCOMPARE(m_view->lane(0)->model()->rowCount(), 3);
    // the card stays selected in its new lane: "3" sends it to Verifying
    QCOMPARE(m_view->selectedTaskIds(), QStringList{"rerun:mart"});
    QTest::keyClick(m_view->lane(1), Qt::Key_3);
    QCOMPARE(storedStatus("rerun:mart"), QStringLiteral("verifying"));
    QTest::keyClick(m_view->lane(2), Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(storedStatus("rerun:mart"), QStringLiteral("rerunning"));
    QVERIFY(m_view->progressText().contains(QLatin1String("0/4 tasks done")));
    QTest::keyClick(m_view->lane(1), Qt::Key_4);
    QCOMPARE(storedStatus("rerun:mart"), QStringLiteral("done"));
    QVERIFY(m_view->progressText().contains(QLatin1String("1/4 tasks done")));
}

void TestBoardView::dropMovesCards()
{
    // what a drag from the To do lane carries, dropped on the Done lane
    BoardLane *todo = m_view->lane(0);
    QModelIndexList dragged;
    for (int row = 0; row < todo->model()->rowCount(); ++row) {
        const QModelIndex index = todo->model()->index(row, 0);
        if (index.data(BoardModel::DagRole) == QLatin1String("ingest")
            || index.data(BoardModel::DagRole) == QLatin1String("side"))
            dragged.append(index);
    }
    QCOMPARE(dragged.size(), 2);
    std::unique_ptr<QMimeData> mime(todo->model()->mimeData(dragged));
    BoardLane *done = m_view->lane(int(TaskStatus::Done));
    const QPoint pos = done->viewport()->rect().center();
    QDragEnterEvent enter(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(done->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(done->viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(done->viewport(), &drop);
    QCOMPARE(storedStatus("rerun:ingest"), QStringLiteral("done"));
    QCOMPARE(storedStatus("rerun:side"), QStringLiteral("done"));
    QCOMPARE(done->model()->rowCount(), 2);
    QCOMPARE(m_model->rowCount(), 4); // nothing removed by the drag
    // mart no longer waits on ingest
    QVERIFY(m_model->task("rerun:mart") && m_model->waitingOn(*m_model->task("rerun:mart")).isEmpty());
}

void TestBoardView::multiSelectAssign()
{
    select(0, {"rerun:mart", "rerun:report"});
    QCOMPARE(m_view->selectedTaskIds().size(), 2);
    auto *login = m_view->findChild<QLineEdit *>(QStringLiteral("assignLogin"));
    auto *assign = m_view->findChild<QPushButton *>(QStringLiteral("assignButton"));
    QVERIFY(login && assign);
    login->clear();
    QTest::keyClicks(login, QStringLiteral("@alice"));
    QTest::mouseClick(assign, Qt::LeftButton);
    QCOMPARE(m_store->task("rerun:mart")->assignee, QStringLiteral("alice"));
    QCOMPARE(m_store->task("rerun:report")->assignee, QStringLiteral("alice"));
    QVERIFY(m_store->task("rerun:ingest")->assignee.isEmpty());
    // empty login unassigns
    select(0, {"rerun:report"});
    login->clear();
    QTest::keyClick(login, Qt::Key_Return);
    QVERIFY(m_store->task("rerun:report")->assignee.isEmpty());
}

void TestBoardView::filters()
{
    QVERIFY(m_model->assignTasks({"rerun:ingest", "rerun:side"}, "alice"));
    QVERIFY(m_model->moveTasks({"rerun:side"}, TaskStatus::Rerunning));
    m_view->setCurrentUser(QStringLiteral("alice"));
    auto *mine = m_view->findChild<QToolButton *>(QStringLiteral("filterMine"));
    auto *unassigned = m_view->findChild<QToolButton *>(QStringLiteral("filterUnassigned"));
    auto *blocked = m_view->findChild<QToolButton *>(QStringLiteral("filterBlocked"));
    QVERIFY(mine && unassigned && blocked);
    QTest::mouseClick(mine, Qt::LeftButton);
    QCOMPARE(m_view->lane(0)->model()->rowCount(), 1);
    QCOMPARE(m_view->lane(1)->model()->rowCount(), 1);
    QTest::mouseClick(mine, Qt::LeftButton);
    QTest::mouseClick(unassigned, Qt::LeftButton);
    QCOMPARE(m_view->lane(0)->model()->rowCount(), 2);
    QCOMPARE(m_view->lane(1)->model()->rowCount(), 0);
    QTest::mouseClick(unassigned, Qt::LeftButton);
    QTest::mouseClick(blocked, Qt::LeftButton); // mart waits on ingest, report on mart
    QCOMPARE(m_view->lane(0)->model()->rowCount(), 2);
    QTest::mouseClick(blocked, Qt::LeftButton);
    QCOMPARE(m_view->lane(0)->model()->rowCount(), 3);
}

void TestBoardView::readOnlyBigScreen()
{
    const int normalHeight = m_view->lane(0)->sizeHintForRow(0);
    m_view->setReadOnly(true);
    m_view->setLargeType(true);
    QVERIFY(m_view->lane(0)->sizeHintForRow(0) > normalHeight);
    select(0, {"rerun:mart"});
    QTest::keyClick(m_view->lane(0), Qt::Key_Right, Qt::ControlModifier);
    QTest::keyClick(m_view->lane(0), Qt::Key_4);
    QCOMPARE(storedStatus("rerun:mart"), QStringLiteral("todo"));
    QVERIFY(!m_view->assignSelected(QStringLiteral("bob")));
    QVERIFY(!m_view->findChild<QPushButton *>(QStringLiteral("assignButton"))->isVisible());
    QVERIFY(!m_view->syncText().isEmpty());
    // paints without trouble in both palettes
    QVERIFY(!m_view->grab().isNull());
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    m_view->setPalette(dark);
    QVERIFY(!m_view->grab().isNull());
}

QTEST_MAIN(TestBoardView)
#include "tst_boardview.moc"
