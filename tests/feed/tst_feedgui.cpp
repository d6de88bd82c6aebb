#include "core/feed/AlertFeed.h"
#include "core/feed/AlertFeedModel.h"
#include "core/feed/AlertFilterProxy.h"
#include "core/feed/AlertReminders.h"
#include "core/incident/IncidentController.h"
#include "core/incident/TimelineModel.h"
#include "core/store/IncidentStore.h"
#include "widgets/alerts/AcknowledgeDialog.h"
#include "widgets/alerts/AlertFeedView.h"
#include "widgets/alerts/ReminderBanner.h"
#include "widgets/alerts/SeverityDelegate.h"
#include "widgets/incident/IncidentDialog.h"
#include "widgets/incident/IncidentHeader.h"
#include "widgets/incident/TimelineView.h"

#include "FeedTestSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <QtWidgets>

using namespace warroom;
using namespace warroom::test;

class TestFeedGui : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void emptyStateThenRows();
    void typingFiltersAfterDebounce();
    void filterCombos();
    void selectAndAcknowledgeWithKeyboard();
    void startIncidentFromSelection();
    void detailPaneIsPlainText();
    void severityBadgesDifferInShape();
    void reminderBannerShows();
    void timelineViewAddsNote();
    void incidentHeaderAndDialog();

private:
    void fill(const QList<Alert> &alerts);
    QPoint rowCenter(int row) const;

    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<AlertFeed> m_feed;
    std::unique_ptr<IncidentController> m_controller;
    std::unique_ptr<AlertFeedView> m_view;
    std::unique_ptr<TestSource> m_source;
    qint64 m_now = kBase;
};

void TestFeedGui::init()
{
    QString error;
    m_store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_now = kBase + 3600 * kSecond;
    m_feed = std::make_unique<AlertFeed>(m_store.get());
    m_feed->setClock([this] { return m_now; });
    m_feed->setActor(QStringLiteral("erin"));
    m_controller = std::make_unique<IncidentController>(m_store.get(), m_feed.get());
    m_source = std::make_unique<TestSource>(QStringLiteral("github"));
    m_feed->addSource(m_source.get());
    m_view = std::make_unique<AlertFeedView>(m_feed.get());
    m_view->setIncidentController(m_controller.get());
    m_view->resize(900, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestFeedGui::cleanup()
{
    m_view.reset();
    m_controller.reset();
    m_source.reset();
    m_feed.reset();
    m_store.reset();
}

void TestFeedGui::fill(const QList<Alert> &alerts)
{
    const int before = m_feed->alertCount();
    m_source->push(alerts);
    QTRY_COMPARE(m_feed->alertCount(), before + int(alerts.size()));
}

QPoint TestFeedGui::rowCenter(int row) const
{
    QTableView *table = m_view->tableView();
    return table->visualRect(table->model()->index(row, AlertFeedModel::TitleColumn)).center();
}

QList<Alert> sampleAlerts()
{
    return {
        makeAlert(QStringLiteral("github"), QStringLiteral("1"),
                  QStringLiteral("orders table is empty"), Severity::Critical, {},
                  kBase + 1 * kSecond, {}, QStringLiteral("sales.orders")),
        makeAlert(QStringLiteral("airflow"), QStringLiteral("load/1"),
                  QStringLiteral("load_orders failed"), Severity::Error,
                  QStringLiteral("dag:load_orders"), kBase + 2 * kSecond,
                  QStringLiteral("load_orders")),
        makeAlert(QStringLiteral("airflow"), QStringLiteral("load/2"),
                  QStringLiteral("load_orders failed"), Severity::Error,
                  QStringLiteral("dag:load_orders"), kBase + 3 * kSecond,
                  QStringLiteral("load_orders")),
        makeAlert(QStringLiteral("webhook"), QStringLiteral("fp1"),
                  QStringLiteral("Disk almost full"), Severity::Warning, {}, kBase + 4 * kSecond),
        makeAlert(QStringLiteral("github"), QStringLiteral("5"),
                  QStringLiteral("<b>bold</b> <img src=x> title"), Severity::Info, {},
                  kBase + 5 * kSecond),
    };
}

void TestFeedGui::emptyStateThenRows()
{
    QVERIFY(m_view->isShowingEmptyState());
    fill(sampleAlerts());
    QVERIFY(!m_view->isShowingEmptyState());
    QCOMPARE(m_view->proxy()->rowCount(), 4); // two load_orders runs are one group
}

void TestFeedGui::typingFiltersAfterDebounce()
{
    fill(sampleAlerts());
    QAbstractItemModelTester tester(m_view->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy filterChanged(m_view->proxy(), &AlertFilterProxy::filterChanged);
    QTest::keyClicks(m_view->filterEdit(), QStringLiteral("ORDERS"));
    QCOMPARE(filterChanged.count(), 0); // debounced: nothing per keystroke
    QCOMPARE(m_view->proxy()->rowCount(), 4);
    QTRY_COMPARE(m_view->proxy()->text(), QStringLiteral("ORDERS"));
    QCOMPARE(filterChanged.count(), 1);       // once, after typing stopped
    QCOMPARE(m_view->proxy()->rowCount(), 2); // the table alert and the load_orders group
    QTest::keyClicks(m_view->filterEdit(), QStringLiteral("zzz"));
    QTRY_VERIFY(m_view->isShowingEmptyState());
    m_view->filterEdit()->clear();
    QTRY_COMPARE(m_view->proxy()->rowCount(), 4);
}

void TestFeedGui::filterCombos()
{
    fill(sampleAlerts());
    auto *severity = m_view->findChild<QComboBox *>();
    QVERIFY(severity);
    const QList<QComboBox *> combos = m_view->findChildren<QComboBox *>();
    QCOMPARE(combos.size(), 2);
    combos.at(0)->setCurrentIndex(combos.at(0)->findData(QStringLiteral("airflow")));
    QCOMPARE(m_view->proxy()->rowCount(), 1);
    combos.at(0)->setCurrentIndex(0);
    combos.at(1)->setCurrentIndex(combos.at(1)->findData(int(Severity::Error)));
    QCOMPARE(m_view->proxy()->rowCount(), 2);
    QCheckBox *unacked = m_view->findChild<QCheckBox *>();
    QVERIFY(m_feed->acknowledge({{QStringLiteral("github"), QStringLiteral("1")}}));
    unacked->click();
    QCOMPARE(m_view->proxy()->rowCount(), 1);
}

void TestFeedGui::selectAndAcknowledgeWithKeyboard()
{
    fill(sampleAlerts());
    QTableView *table = m_view->tableView();
    const int row = m_view->proxy()
                        ->mapFromSource(m_feed->model()->index(
                            m_feed->model()->rowOfGroup(QStringLiteral("dag:load_orders")), 0))
                        .row();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rowCenter(row));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_view->selectedAlerts().size(), 2); // the group's members
    QVERIFY(m_view->acknowledgeAction()->isEnabled());

    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AcknowledgeDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        QTest::keyClicks(dialog->noteEdit(), QStringLiteral("re-running load_orders"));
        QTest::keyClick(dialog->noteEdit(), Qt::Key_Return);
    });
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(dialogSeen);
    for (const QString &id : {QStringLiteral("load/1"), QStringLiteral("load/2")}) {
        const auto record = m_store->alert(QStringLiteral("airflow"), id);
        QCOMPARE(record->ackBy, QStringLiteral("erin"));
        QCOMPARE(record->ackNote, QStringLiteral("re-running load_orders"));
    }
    const QModelIndex idx = m_view->proxy()->index(row, AlertFeedModel::AckColumn);
    QVERIFY(idx.data(AlertFeedModel::AcknowledgedRole).toBool());
    QCOMPARE(idx.data().toString(), QStringLiteral("erin"));
    QVERIFY(!m_view->acknowledgeAction()->isEnabled());
}

void TestFeedGui::startIncidentFromSelection()
{
    fill(sampleAlerts());
    QTableView *table = m_view->tableView();
    table->selectAll();
    QSignalSpy requested(m_view.get(), &AlertFeedView::startIncidentRequested);
    QTest::keyClick(table, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(requested.count(), 1);
    QVERIFY(m_controller->isActive());
    QCOMPARE(m_controller->incident()->severity, QStringLiteral("critical"));
    QVERIFY(m_controller->causes().contains(QStringLiteral("dag:load_orders")));
    QVERIFY(m_controller->causes().contains(QStringLiteral("sales.orders")));
    QCOMPARE(m_controller->windowStart(), kBase + kSecond);
}

void TestFeedGui::detailPaneIsPlainText()
{
    fill(sampleAlerts());
    QTableView *table = m_view->tableView();
    const int row = m_view->proxy()
                        ->mapFromSource(m_feed->model()->index(
                            m_feed->model()->rowOfGroup(QStringLiteral("alert:github/5")), 0))
                        .row();
    table->setCurrentIndex(m_view->proxy()->index(row, 0));
    bool found = false;
    for (QLabel *label : m_view->findChildren<QLabel *>()) {
        if (label->text() == QLatin1String("<b>bold</b> <img src=x> title")) {
            QCOMPARE(label->textFormat(), Qt::PlainText);
            found = true;
        }
    }
    QVERIFY(found);
    auto *body = m_view->findChild<QPlainTextEdit *>();
    QVERIFY(body->toPlainText().contains(QStringLiteral("<img src=x>")));
    QVERIFY(m_view->openAction()->isEnabled());
}

void TestFeedGui::severityBadgesDifferInShape()
{
    // Each severity has its own letter and shape, so the badge reads without colour.
    QSet<QChar> letters;
    QList<QImage> images;
    const QPalette palette = QApplication::palette();
    for (int s = 0; s < 4; ++s) {
        letters.insert(SeverityDelegate::badgeLetter(s));
        QImage image(32, 32, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        SeverityDelegate::paintBadge(&painter, QRectF(0, 0, 32, 32), s, palette);
        painter.end();
        // compare the shapes by alpha coverage only (colour-blind view)
        QImage mask = image.convertToFormat(QImage::Format_Alpha8);
        images.append(mask);
    }
    QCOMPARE(letters.size(), 4);
    for (int i = 0; i < 4; ++i)
        for (int j = i + 1; j < 4; ++j)
            QVERIFY2(images[i] != images[j], qPrintable(QStringLiteral("%1 vs %2").arg(i).arg(j)));
    // dark palettes get their own fill
    QPalette dark = palette;
    dark.setColor(QPalette::Base, Qt::black);
    QVERIFY(SeverityDelegate::badgeColor(3, dark) != SeverityDelegate::badgeColor(3, palette));
    // the delegate renders in the table without trouble
    fill(sampleAlerts());
    QVERIFY(!m_view->tableView()->grab().isNull());
}

void TestFeedGui::reminderBannerShows()
{
    fill(sampleAlerts());
    AlertReminders reminders(m_feed.get());
    AlertReminders::Settings settings;
    settings.intervalSeconds = 60;
    settings.minimumSeverity = Severity::Error;
    reminders.setSettings(settings);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *banner = new ReminderBanner(&window);
    banner->setTrayEnabled(false);
    layout->addWidget(banner);
    connect(&reminders, &AlertReminders::reminderDue, banner, &ReminderBanner::showReminder);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!banner->isVisible());
    m_now += 61 * kSecond;
    reminders.check();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->alertCount(), 3);
    QVERIFY(banner->text().contains(QStringLiteral("orders table is empty"))); // the most severe
    QSignalSpy show(banner, &ReminderBanner::showAlertsRequested);
    auto *showButton = banner->findChild<QPushButton *>();
    QTest::mouseClick(showButton, Qt::LeftButton);
    QCOMPARE(show.count(), 1);
    QVERIFY(!banner->isVisible());
}

void TestFeedGui::timelineViewAddsNote()
{
    TimelineModel model(m_store.get());
    model.watch(m_feed.get());
    model.watch(m_controller.get());
    TimelineView view(&model, m_controller.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fill(sampleAlerts());
    QTRY_COMPARE(model.rowCount(), 5);
    QTest::keyClicks(view.noteEdit(), QStringLiteral("Called the Composer on-call"));
    QTest::keyClick(view.noteEdit(), Qt::Key_Return);
    QTRY_COMPARE(model.rowCount(), 6);
    QCOMPARE(model.index(5, TimelineModel::TextColumn).data().toString(),
             QStringLiteral("Called the Composer on-call"));
    QCOMPARE(model.index(5, TimelineModel::ActorColumn).data().toString(), QStringLiteral("erin"));
    QVERIFY(view.noteEdit()->text().isEmpty());
}

void TestFeedGui::incidentHeaderAndDialog()
{
    IncidentHeader header(m_controller.get());
    header.setTimeZone(QStringLiteral("Asia/Tokyo"));
    header.show();
    QVERIFY(QTest::qWaitForWindowExposed(&header));
    QCOMPARE(header.nameText(), QStringLiteral("No incident"));
    QVERIFY(m_controller->startIncident(QStringLiteral("Composer down"), Severity::Critical,
                                        m_now - (2 * 3600 + 5 * 60 + 9) * kSecond,
                                        {QStringLiteral("dag:load_orders")}));
    QCOMPARE(header.nameText(), QStringLiteral("Composer down"));
    QCOMPARE(header.elapsedText(), QStringLiteral("02:05:09"));
    QVERIFY(header.causesText().contains(QStringLiteral("dag:load_orders")));
    m_now += 2 * kSecond;
    QTRY_COMPARE(header.elapsedText(), QStringLiteral("02:05:11")); // ticking

    IncidentDialog dialog(m_controller.get());
    dialog.setTimeZone(QStringLiteral("Asia/Tokyo"));
    QCOMPARE(dialog.causes(), QStringList{QStringLiteral("dag:load_orders")});
    QTest::keyClicks(dialog.causeEdit(), QStringLiteral("`sales.orders`"));
    QTest::keyClick(dialog.causeEdit(), Qt::Key_Return);
    QTest::keyClicks(dialog.causeEdit(), QStringLiteral("not a cause"));
    QTest::keyClick(dialog.causeEdit(), Qt::Key_Return);
    QCOMPARE(dialog.causes().size(), 2);
    dialog.commanderEdit()->setText(QStringLiteral("erin"));
    const qint64 startBefore = m_controller->windowStart();
    QVERIFY(dialog.apply());
    QCOMPARE(m_controller->causes(),
             (QStringList{QStringLiteral("dag:load_orders"), QStringLiteral("sales.orders")}));
    QCOMPARE(m_controller->incident()->commander, QStringLiteral("erin"));
    // the window went through the Tokyo wall clock and back (minute precision)
    QCOMPARE(m_controller->windowStart() / (60 * kSecond), startBefore / (60 * kSecond));
    QVERIFY(header.causesText().contains(QStringLiteral("sales.orders")));
}

QTEST_MAIN(TestFeedGui)
#include "tst_feedgui.moc"
