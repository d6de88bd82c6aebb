// The board view: keyboard moves, a drop from another lane, multi-select assignment,
// filters, read-only big-screen mode, and "Re-run in Airflow…" against a local Airflow-like
// fixture (dry run listed, Cancel by default, confirmation clears and triggers). Assertions
// are on the store, the model and the fixture's state.
#include "core/net/HttpClient.h"
#include "core/recovery/AirflowRerunner.h"
#include "core/recovery/BoardModel.h"
#include "core/recovery/RecoveryPlan.h"
#include "core/store/IncidentStore.h"
#include "tests/fixtures/AirflowFixture.h"
#include "widgets/board/BoardView.h"
#include "widgets/board/RerunDialog.h"

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
    void rerunInAirflow();

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

void TestBoardView::rerunInAirflow()
{
    using fixtures::AirflowFixture;
    AirflowFixture airflow(1);
    QVERIFY(airflow.start());
    airflow.addDag(QStringLiteral("mart"));
    const BoardTask mart = *m_model->task(QStringLiteral("rerun:mart"));
    QVERIFY(mart.logicalDates.size() >= 3);
    // the first two dates ran and failed; the others never ran
    for (int i = 0; i < 2; ++i) {
        AirflowFixture::DagRun run;
        run.dagId = QStringLiteral("mart");
        run.logicalDate = toDateTime(mart.logicalDates.at(i));
        run.runId = QStringLiteral("scheduled__%1").arg(i);
        airflow.addRun(run);
        AirflowFixture::TaskInstance ti;
        ti.dagId = run.dagId;
        ti.runId = run.runId;
        ti.taskId = QStringLiteral("build");
        airflow.addTask(ti);
    }
    net::HttpClient http;
    AirflowRerunner::Config config;
    config.apiUrl = airflow.apiUrl().toString();
    AirflowRerunner rerunner(&http, config);

    // without a rerunner (the workspace does not allow re-runs) the action stays disabled
    select(0, {"rerun:mart"});
    QVERIFY(!m_view->rerunAction()->isEnabled());
    QVERIFY(!m_view->rerunSelected());
    m_view->setRerunner(&rerunner);
    QVERIFY(m_view->rerunAction()->isEnabled());
    // in every lane's context menu
    QCOMPARE(m_view->lane(0)->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(m_view->lane(0)->actions().contains(m_view->rerunAction()));
    // two cards selected: which one? disabled
    select(0, {"rerun:mart", "rerun:report"});
    QVERIFY(!m_view->rerunAction()->isEnabled());
    select(0, {"rerun:mart"});
    QVERIFY(m_view->rerunAction()->isEnabled());

    QSignalSpy finished(m_view.get(), &BoardView::rerunFinished);
    const auto before = [&] {
        QStringList list;
        for (const auto &ti : airflow.taskInstances())
            list.append(ti.runId + QLatin1Char('=') + ti.state);
        return list + QStringList{QString::number(airflow.runs().size())};
    };
    const QStringList initial = before();

    // 1. the shortcut: the dialog lists the dry run; Cancel (the default) changes nothing
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_view->lane(0)->setFocus();
    QTest::keyClick(m_view->lane(0), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_view->rerunDialog());
    RerunDialog *dialog = m_view->rerunDialog();
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->list()->topLevelItemCount(), 2 + int(mart.logicalDates.size()) - 2);
    QCOMPARE(dialog->list()->topLevelItem(0)->text(1), QStringLiteral("build"));
    QCOMPARE(dialog->list()->topLevelItem(2)->text(4),
             AirflowRerunner::runIdFor(mart.logicalDates.at(2)));
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->confirmButton()->isDefault());
    QVERIFY(dialog->summaryText().contains(QLatin1String("dry run")));
    QCOMPARE(airflow.clearCalls(true), 1);
    QVERIFY(!m_view->rerunAction()->isEnabled()); // one re-run at a time
    QTest::keyClick(dialog, Qt::Key_Return);      // Enter hits Cancel
    QTRY_VERIFY(!m_view->rerunDialog());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    QCOMPARE(before(), initial);
    QCOMPARE(airflow.clearCalls(false), 0);
    QCOMPARE(storedStatus("rerun:mart"), QStringLiteral("todo"));

    // 2. the context-menu action, then an explicit click on "Clear and re-run"
    QVERIFY(m_view->rerunAction()->isEnabled());
    m_view->rerunAction()->trigger();
    QTRY_VERIFY(m_view->rerunDialog() && m_view->rerunDialog()->isVisible());
    dialog = m_view->rerunDialog();
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(before(), initial);
    m_view->rerunAction()->trigger();
    QTRY_VERIFY(m_view->rerunDialog() && m_view->rerunDialog()->isVisible());
    QTest::mouseClick(m_view->rerunDialog()->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 3);
    QVERIFY2(finished.at(2).at(1).toBool(), qPrintable(finished.at(2).at(2).toString()));
    QCOMPARE(airflow.clearCalls(false), 1);
    QCOMPARE(airflow.taskState("mart", "scheduled__0", "build"), QString());
    QCOMPARE(airflow.taskState("mart", "scheduled__1", "build"), QString());
    QVERIFY(airflow.run("mart", AirflowRerunner::runIdFor(mart.logicalDates.at(2))));
    // the card moved through the model (store + timeline), not around it
    QCOMPARE(storedStatus("rerun:mart"), QStringLiteral("rerunning"));
    QCOMPARE(m_view->lane(int(TaskStatus::Rerunning))->model()->rowCount(), 1);
    bool logged = false;
    for (const auto &event : m_store->timeline())
        logged |= event.kind == QLatin1String("airflow") && event.ref == QLatin1String("rerun:mart");
    QVERIFY(logged);
    QVERIFY(m_view->rerunText().contains(QLatin1String("cleared")));

    // 3. the big screen never re-runs
    m_view->setReadOnly(true);
    select(1, {"rerun:mart"});
    QVERIFY(!m_view->rerunAction()->isEnabled());
    QVERIFY(!m_view->rerunSelected());
}

QTEST_MAIN(TestBoardView)
#include "tst_boardview.moc"
