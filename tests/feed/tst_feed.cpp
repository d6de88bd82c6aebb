#include "core/feed/AlertFeed.h"
#include "core/feed/AlertFeedModel.h"
#include "core/feed/AlertFilterProxy.h"
#include "core/feed/AlertReminders.h"
#include "core/incident/IncidentController.h"
#include "core/incident/TimelineModel.h"
#include "core/store/IncidentStore.h"

#include "FeedTestSupport.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace warroom;
using namespace warroom::test;

namespace {

std::unique_ptr<IncidentStore> openStore(const QString &path = QStringLiteral(":memory:"))
{
    QString error;
    auto store = IncidentStore::open(path, &error);
    if (!store)
        qFatal("cannot open store %s: %s", qPrintable(path), qPrintable(error));
    return store;
}

int countKind(const IncidentStore &store, const QString &kind)
{
    int n = 0;
    for (const IncidentStore::TimelineEvent &e : store.timeline())
        n += e.kind == kind;
    return n;
}

// The child of the kill test: acknowledges alerts and writes notes, printing each item only
// after the store returned, until it is killed.
int runKillChild(const QString &path)
{
    QString error;
    auto store = IncidentStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 1;
    }
    AlertFeed feed(store.get());
    feed.setActor(QStringLiteral("child"));
    if (!feed.loadFromStore(&error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 1;
    }
    IncidentController controller(store.get(), &feed);
    const QList<FeedAlert> alerts = feed.alerts();
    for (int i = 0; i < 1000000; ++i) {
        if (i < alerts.size()) {
            const AlertKey key = AlertKey::of(alerts.at(i).alert);
            if (!feed.acknowledge({key}, QStringLiteral("note %1").arg(i)))
                return 2;
            std::printf("ack %s\n", qPrintable(key.toString()));
        }
        const QString note = QStringLiteral("child note %1").arg(i);
        if (!controller.addNote(note))
            return 3;
        std::printf("note %s\n", qPrintable(note));
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

class TestFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void deduplicatesBySourceAndId();
    void updateReplacesAndSignalsDataChanged();
    void stateChangesGoOnTheTimeline();
    void groupsRepeats_data();
    void groupsRepeats();
    void newestFirstAndTimeZone();
    void burstIsOneInsertPerTurn();
    void largeBurstIsSlicedAcrossTurns();
    void backgroundWritesReachTheFile();
    void modelTesterDuringLiveUpdates();
    void proxyFilters_data();
    void proxyFilters();
    void acknowledgeGroupPersists();
    void acknowledgeUnknownFails();
    void restartRemembersAlertsAndAcks();
    void killedChildLosesNothing();

    void quietHours_data();
    void quietHours();
    void remindersWithInjectedClock();
    void remindersDuringQuietHours();

    void incidentFromAlerts();
    void incidentEditsGoOnTheTimeline();
    void incidentAutoStartsOnCritical();
    void incidentRejectsBadInput();
    void incidentDefaults();
    void timelineModelIsLive();
};

void TestFeed::initTestCase()
{
    qRegisterMetaType<QList<warroom::Alert>>();
}

void TestFeed::deduplicatesBySourceAndId()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    QAbstractItemModelTester tester(feed.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    TestSource github(QStringLiteral("github"));
    feed.addSource(&github);
    QSignalSpy arrived(&feed, &AlertFeed::alertsArrived);

    const Alert a
        = makeAlert(QStringLiteral("github"), QStringLiteral("42"), QStringLiteral("DAG failed"));
    Alert sameIdOtherSource = a;
    sameIdOtherSource.source = QStringLiteral("airflow");
    github.push({a, a});
    github.push({a, sameIdOtherSource});
    QTRY_COMPARE(feed.model()->rowCount(), 2);
    QCOMPARE(feed.alertCount(), 2);
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(arrived.first().first().value<QList<Alert>>().size(), 2);
    QCOMPARE(store->alerts().size(), 2);
    QCOMPARE(countKind(*store, QStringLiteral("alert")), 2);

    // Seen again on a later poll, unchanged: nothing happens.
    github.push({a});
    QTRY_COMPARE(feed.pendingCount(), 0);
    QCOMPARE(feed.model()->rowCount(), 2);
    QCOMPARE(countKind(*store, QStringLiteral("alert")), 2);
    QCOMPARE(arrived.count(), 1);
}

void TestFeed::updateReplacesAndSignalsDataChanged()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    QAbstractItemModelTester tester(feed.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    Alert a
        = makeAlert(QStringLiteral("github"), QStringLiteral("7"), QStringLiteral("first title"));
    feed.ingest({a});
    feed.flushNow();
    QSignalSpy changed(feed.model(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(feed.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy updated(&feed, &AlertFeed::alertsUpdated);
    a.title = QStringLiteral("second <b>title</b>");
    a.updatedAt += kSecond;
    feed.ingest({a});
    feed.flushNow();
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(feed.model()->index(0, AlertFeedModel::TitleColumn).data().toString(), a.title);
    QCOMPARE(store->alert(a.source, a.id)->title, a.title);
}

void TestFeed::stateChangesGoOnTheTimeline()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    QSignalSpy stateSpy(&feed, &AlertFeed::alertStateChanged);
    Alert a
        = makeAlert(QStringLiteral("github"), QStringLiteral("9"), QStringLiteral("Table empty"));
    feed.ingest({a});
    feed.flushNow();
    a.state = QStringLiteral("closed");
    a.updatedAt += kSecond;
    feed.ingest({a});
    feed.flushNow();
    QCOMPARE(feed.model()->index(0, 0).data(AlertFeedModel::StateRole).toString(),
             QStringLiteral("closed"));
    a.state = QStringLiteral("open"); // re-opened
    a.updatedAt += kSecond;
    feed.ingest({a});
    feed.flushNow();
    QCOMPARE(stateSpy.count(), 2);
    QCOMPARE(stateSpy.at(0).at(1).toString(), QStringLiteral("open"));
    QCOMPARE(stateSpy.at(1).at(1).toString(), QStringLiteral("closed"));
    QCOMPARE(countKind(*store, QStringLiteral("state")), 2);
    QCOMPARE(countKind(*store, QStringLiteral("alert")), 1);
    QCOMPARE(feed.model()->rowCount(), 1);
    QCOMPARE(store->alert(a.source, a.id)->state, QStringLiteral("open"));
}

void TestFeed::groupsRepeats_data()
{
    QTest::addColumn<int>("repeats");
    QTest::addColumn<bool>("sameBatch");
    QTest::newRow("two in one batch") << 2 << true;
    QTest::newRow("five across batches") << 5 << false;
    QTest::newRow("fifty in one batch") << 50 << true;
}

void TestFeed::groupsRepeats()
{
    QFETCH(int, repeats);
    QFETCH(bool, sameBatch);
    auto store = openStore();
    AlertFeed feed(store.get());
    QAbstractItemModelTester tester(feed.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Alert> runs;
    Severity highest = Severity::Info;
    for (int i = 0; i < repeats; ++i) {
        const Severity s = i == repeats / 2 ? Severity::Critical : Severity::Warning;
        highest = std::max(highest, s);
        runs.append(makeAlert(QStringLiteral("airflow"), QStringLiteral("etl_daily/run_%1").arg(i),
                              QStringLiteral("etl_daily failed (run %1)").arg(i), s,
                              QStringLiteral("dag:etl_daily"), kBase + i * kSecond,
                              QStringLiteral("etl_daily")));
    }
    runs.append(makeAlert(QStringLiteral("github"), QStringLiteral("1"), QStringLiteral("other")));
    if (sameBatch) {
        feed.ingest(runs);
    } else {
        for (const Alert &a : std::as_const(runs))
            feed.ingest({a});
    }
    feed.flushNow();
    QCOMPARE(feed.model()->rowCount(), 2);
    const int row = feed.model()->rowOfGroup(QStringLiteral("dag:etl_daily"));
    QVERIFY(row >= 0);
    const QModelIndex idx = feed.model()->index(row, AlertFeedModel::CountColumn);
    QCOMPARE(idx.data(AlertFeedModel::GroupCountRole).toInt(), repeats);
    QCOMPARE(idx.data().toInt(), repeats);
    QCOMPARE(idx.data(AlertFeedModel::SeverityRole).toInt(), int(highest));
    QCOMPARE(idx.data(AlertFeedModel::AlertIdRole).toString(), runs.at(repeats - 1).id); // latest
    QCOMPARE(idx.data(AlertFeedModel::MemberKeysRole).toStringList().size(), repeats);
    QCOMPARE(feed.groupMembers(QStringLiteral("dag:etl_daily")).size(), repeats);
    QCOMPARE(store->alerts().size(), repeats + 1); // every member is stored
}

void TestFeed::newestFirstAndTimeZone()
{
    AlertFeed feed(nullptr);
    QList<Alert> alerts;
    for (int i = 0; i < 5; ++i) // delivered oldest-last, as GitHub lists newest first
        alerts.append(makeAlert(QStringLiteral("github"), QString::number(i),
                                QStringLiteral("t%1").arg(i), Severity::Error, {},
                                kBase - i * 3600 * kSecond));
    feed.ingest(alerts);
    feed.flushNow();
    feed.ingest({makeAlert(QStringLiteral("github"), QStringLiteral("new"),
                           QStringLiteral("newest"), Severity::Error, {}, kBase + kSecond)});
    feed.flushNow();
    AlertFeedModel *m = feed.model();
    for (int row = 1; row < m->rowCount(); ++row)
        QVERIFY(m->index(row - 1, 0).data(AlertFeedModel::TimeRole).toLongLong()
                >= m->index(row, 0).data(AlertFeedModel::TimeRole).toLongLong());
    QCOMPARE(m->index(0, AlertFeedModel::TitleColumn).data().toString(), QStringLiteral("newest"));
    const QModelIndex time = m->index(1, AlertFeedModel::TimeColumn);
    QCOMPARE(time.data().toString(), QStringLiteral("2026-06-05 00:00:00"));
    QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
    m->setTimeZone(QStringLiteral("Asia/Tokyo"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(time.data().toString(), QStringLiteral("2026-06-05 09:00:00"));
    QVERIFY(m->headerData(AlertFeedModel::TimeColumn, Qt::Horizontal)
                .toString()
                .contains(QStringLiteral("Asia/Tokyo")));
    m->setTimeZone(QStringLiteral("Not/AZone"));
    QCOMPARE(m->timeZoneId(), QStringLiteral("UTC"));
}

void TestFeed::burstIsOneInsertPerTurn()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    feed.setMaxBatch(100000);
    feed.setTurnBudget(60000); // no early stop: the whole burst in one turn
    TestSource source(QStringLiteral("replay"));
    feed.addSource(&source);
    QSignalSpy inserted(feed.model(), &QAbstractItemModel::rowsInserted);
    const QList<Alert> burst = makeBurst(3000);
    // Many emissions within one event-loop turn...
    for (qsizetype i = 0; i < burst.size(); i += 100)
        source.push(burst.mid(i, 100));
    QCOMPARE(inserted.count(), 0); // nothing before the event loop runs
    QCOMPARE(feed.pendingCount(), 3000);
    // ...become exactly one beginInsertRows on the next turn.
    QTRY_COMPARE(feed.pendingCount(), 0);
    QCOMPARE(inserted.count(), 1);
    int groups = 0;
    QSet<QString> keys;
    for (const Alert &a : burst)
        keys.insert(a.groupKey.isEmpty() ? a.source + a.id : a.groupKey);
    groups = int(keys.size());
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), groups - 1);
    QCOMPARE(feed.model()->rowCount(), groups);
    QCOMPARE(store->alerts().size(), burst.size());
}

void TestFeed::largeBurstIsSlicedAcrossTurns()
{
    AlertFeed feed(nullptr);
    feed.setMaxBatch(500);
    feed.setTurnBudget(60000);
    QAbstractItemModelTester tester(feed.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Alert> burst;
    for (int i = 0; i < 2000; ++i)
        burst.append(
            makeAlert(QStringLiteral("replay"), QString::number(i), QStringLiteral("a%1").arg(i)));
    QSignalSpy inserted(feed.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy batches(&feed, &AlertFeed::batchProcessed);
    feed.ingest(burst);
    QTRY_COMPARE(feed.model()->rowCount(), 2000);
    QCOMPARE(batches.count(), 4);
    QCOMPARE(inserted.count(), 4);
    for (const QList<QVariant> &args : std::as_const(inserted))
        QCOMPARE(args.at(2).toInt() - args.at(1).toInt() + 1, 500);
    QCOMPARE(batches.last().at(1).toInt(), 0);

    // With the default time budget a turn may stop early, but it is still one insert per turn.
    AlertFeed timed(nullptr);
    QAbstractItemModelTester timedTester(timed.model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy timedInserted(timed.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy timedBatches(&timed, &AlertFeed::batchProcessed);
    timed.ingest(makeBurst(5000));
    QTRY_COMPARE(timed.pendingCount(), 0);
    QCOMPARE(timedInserted.count(), timedBatches.count());
    int processed = 0;
    for (const QList<QVariant> &args : std::as_const(timedBatches))
        processed += args.at(0).toInt();
    QCOMPARE(processed, 5000);
}

void TestFeed::backgroundWritesReachTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.sqlite"));
    auto store = openStore(path);
    AlertFeed feed(store.get());
    QVERIFY(feed.backgroundWrites());
    QSignalSpy persisted(&feed, &AlertFeed::persisted);
    QSignalSpy timeline(&feed, &AlertFeed::timelineChanged);
    const QList<Alert> burst = makeBurst(1200);
    feed.ingest(burst);
    QVERIFY(persisted.wait(20000));
    QVERIFY(timeline.count() >= 1);
    QCOMPARE(store->alerts().size(), burst.size());
    QCOMPARE(countKind(*store, QStringLiteral("alert")), int(burst.size()));
    // Everything an alert carries survives the round trip (DAG, table, labels, body).
    AlertFeed reader(store.get());
    reader.setBackgroundWrites(false);
    QVERIFY(!reader.backgroundWrites());
    QVERIFY(reader.loadFromStore());
    const Alert &original = burst.at(10);
    const auto loaded = reader.alert(AlertKey::of(original));
    QVERIFY(loaded);
    QCOMPARE(loaded->alert.dagId, original.dagId);
    QVERIFY(!original.dagId.isEmpty());
    QCOMPARE(loaded->alert.body, original.body);
    QCOMPARE(loaded->alert.severity, original.severity);
    QCOMPARE(loaded->alert.groupKey, original.groupKey);
}

void TestFeed::modelTesterDuringLiveUpdates()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    feed.setMaxBatch(64);
    AlertFilterProxy proxy;
    proxy.setSourceModel(feed.model());
    proxy.setMinimumSeverity(Severity::Warning);
    proxy.setUnacknowledgedOnly(true);
    proxy.sort(AlertFeedModel::TimeColumn, Qt::DescendingOrder);
    QAbstractItemModelTester t1(feed.model(),
                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Alert> burst = makeBurst(400);
    feed.ingest(burst);
    QTRY_COMPARE(feed.pendingCount(), 0);
    for (int i = 0; i < 400; i += 3) {
        burst[i].state = QStringLiteral("closed");
        burst[i].updatedAt += kSecond;
    }
    feed.ingest(burst);
    QTRY_COMPARE(feed.pendingCount(), 0);
    const int before = proxy.rowCount();
    QVERIFY(before > 0);
    const QString group = proxy.index(0, 0).data(AlertFeedModel::GroupKeyRole).toString();
    QVERIFY(feed.acknowledgeGroup(group, QStringLiteral("on it")));
    QCOMPARE(proxy.rowCount(), before - 1); // unacknowledged-only hides it
    proxy.setText(QStringLiteral("number 1"));
    proxy.clearFilters();
    QCOMPARE(proxy.rowCount(), feed.model()->rowCount());
}

void TestFeed::proxyFilters_data()
{
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<bool>("unacked");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << QStringList() << 0 << false << QString();
    QTest::newRow("github") << QStringList{QStringLiteral("github")} << 0 << false << QString();
    QTest::newRow("github+webhook")
        << QStringList{QStringLiteral("github"), QStringLiteral("webhook")} << 0 << false
        << QString();
    QTest::newRow("error+") << QStringList() << 2 << false << QString();
    QTest::newRow("critical unacked") << QStringList() << 3 << true << QString();
    QTest::newRow("text title") << QStringList() << 0 << false << QStringLiteral("LOADER");
    QTest::newRow("text dag") << QStringList() << 0 << false << QStringLiteral("etl_");
    QTest::newRow("text table") << QStringList() << 0 << false << QStringLiteral("sales.orders");
    QTest::newRow("all") << QStringList{QStringLiteral("airflow")} << 1 << true
                         << QStringLiteral("failed");
}

void TestFeed::proxyFilters()
{
    QFETCH(QStringList, sources);
    QFETCH(int, minimum);
    QFETCH(bool, unacked);
    QFETCH(QString, text);

    AlertFeed feed(nullptr);
    QList<Alert> alerts;
    const QStringList srcs{QStringLiteral("github"), QStringLiteral("airflow"),
                           QStringLiteral("webhook")};
    for (int i = 0; i < 60; ++i) {
        Alert a = makeAlert(srcs[i % 3], QString::number(i),
                            i % 5 == 0 ? QStringLiteral("Loader failed %1").arg(i)
                                       : QStringLiteral("Check %1").arg(i),
                            Severity(i % 4), {}, kBase + i * kSecond,
                            i % 4 == 1 ? QStringLiteral("etl_%1").arg(i) : QString(),
                            i % 6 == 0 ? QStringLiteral("sales.orders") : QString());
        alerts.append(a);
    }
    feed.ingest(alerts);
    feed.flushNow();
    QList<AlertKey> toAck;
    for (int i = 0; i < 60; i += 4)
        toAck.append(AlertKey::of(alerts[i]));
    QVERIFY(feed.acknowledge(toAck));

    AlertFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(feed.model());
    QSignalSpy changed(&proxy, &AlertFilterProxy::filterChanged);
    proxy.setSources(sources);
    proxy.setMinimumSeverity(Severity(minimum));
    proxy.setUnacknowledgedOnly(unacked);
    proxy.setText(text);

    int expected = 0;
    for (const Alert &a : std::as_const(alerts)) {
        const bool acked = feed.alert(AlertKey::of(a))->isAcknowledged();
        const bool textOk = text.isEmpty() || a.title.contains(text, Qt::CaseInsensitive)
                            || a.source.contains(text, Qt::CaseInsensitive)
                            || a.id.contains(text, Qt::CaseInsensitive)
                            || a.dagId.contains(text, Qt::CaseInsensitive)
                            || a.table.contains(text, Qt::CaseInsensitive)
                            || a.body.contains(text, Qt::CaseInsensitive)
                            || QStringLiteral("alert:%1/%2")
                                   .arg(a.source, a.id)
                                   .contains(text, Qt::CaseInsensitive);
        expected += (sources.isEmpty() || sources.contains(a.source)) && int(a.severity) >= minimum
                    && (!unacked || !acked) && textOk;
    }
    QCOMPARE(proxy.rowCount(), expected);
    QCOMPARE(proxy.isFiltering(), !sources.isEmpty() || minimum > 0 || unacked || !text.isEmpty());
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex idx = proxy.index(row, 0);
        QVERIFY(idx.data(AlertFeedModel::SeverityRole).toInt() >= minimum);
        if (unacked)
            QVERIFY(!idx.data(AlertFeedModel::AcknowledgedRole).toBool());
    }
}

void TestFeed::acknowledgeGroupPersists()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.sqlite"));
    QList<Alert> runs;
    for (int i = 0; i < 3; ++i)
        runs.append(makeAlert(QStringLiteral("airflow"), QStringLiteral("load/%1").arg(i),
                              QStringLiteral("load failed"), Severity::Error,
                              QStringLiteral("dag:load"), kBase + i * kSecond,
                              QStringLiteral("load")));
    {
        auto store = openStore(path);
        AlertFeed feed(store.get());
        feed.setActor(QStringLiteral("alice"));
        feed.setClock([] { return kBase + 100 * kSecond; });
        QAbstractItemModelTester tester(feed.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        feed.ingest(runs);
        feed.flushNow();
        QSignalSpy acked(&feed, &AlertFeed::acknowledged);
        QSignalSpy changed(feed.model(), &QAbstractItemModel::dataChanged);
        QVERIFY(feed.acknowledgeGroup(QStringLiteral("dag:load"), QStringLiteral("rerunning it")));
        QCOMPARE(acked.count(), 1);
        QCOMPARE(acked.first().at(0).value<QList<AlertKey>>().size(), 3);
        QCOMPARE(changed.count(), 1);
        const QModelIndex idx = feed.model()->index(0, AlertFeedModel::AckColumn);
        QVERIFY(idx.data(AlertFeedModel::AcknowledgedRole).toBool());
        QCOMPARE(idx.data().toString(), QStringLiteral("alice"));
        QCOMPARE(idx.data(AlertFeedModel::AckNoteRole).toString(), QStringLiteral("rerunning it"));
        // acknowledging again changes nothing
        QVERIFY(feed.acknowledgeGroup(QStringLiteral("dag:load")));
        QCOMPARE(acked.count(), 1);
        // a new repeat makes the group unacknowledged again, partially
        feed.ingest({makeAlert(QStringLiteral("airflow"), QStringLiteral("load/3"),
                               QStringLiteral("load failed"), Severity::Error,
                               QStringLiteral("dag:load"), kBase + 3 * kSecond)});
        feed.flushNow();
        QVERIFY(!idx.data(AlertFeedModel::AcknowledgedRole).toBool());
        QCOMPARE(idx.data(AlertFeedModel::AckCountRole).toInt(), 3);
    }
    // Reopen the file: the acknowledgements are there.
    auto reopened = openStore(path);
    for (const Alert &a : std::as_const(runs)) {
        const auto record = reopened->alert(a.source, a.id);
        QVERIFY(record);
        QCOMPARE(record->ackBy, QStringLiteral("alice"));
        QCOMPARE(record->ackNote, QStringLiteral("rerunning it"));
        QCOMPARE(record->ackAt, kBase + 100 * kSecond);
    }
    QVERIFY(!reopened->alert(QStringLiteral("airflow"), QStringLiteral("load/3"))->ackAt);
    QCOMPARE(countKind(*reopened, QStringLiteral("ack")), 3);
}

void TestFeed::acknowledgeUnknownFails()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    QVERIFY(!feed.acknowledge({{QStringLiteral("github"), QStringLiteral("nope")}}));
    QVERIFY(feed.lastError().contains(QStringLiteral("github/nope")));
    QVERIFY(!feed.acknowledgeGroup(QStringLiteral("dag:none")));
    QCOMPARE(countKind(*store, QStringLiteral("ack")), 0);
}

void TestFeed::restartRemembersAlertsAndAcks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.sqlite"));
    const QList<Alert> burst = makeBurst(200);
    QString ackedGroup;
    int rows = 0;
    {
        auto store = openStore(path);
        AlertFeed feed(store.get());
        feed.ingest(burst);
        feed.flushNow();
        rows = feed.model()->rowCount();
        ackedGroup = feed.model()->groupKeyAt(3);
        QVERIFY(feed.acknowledgeGroup(ackedGroup));
    }
    auto store = openStore(path);
    const int timelineBefore = int(store->timeline().size());
    AlertFeed feed(store.get());
    QAbstractItemModelTester tester(feed.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(feed.loadFromStore());
    QCOMPARE(feed.model()->rowCount(), rows);
    QCOMPARE(feed.alertCount(), burst.size());
    const int row = feed.model()->rowOfGroup(ackedGroup);
    QVERIFY(feed.model()->index(row, 0).data(AlertFeedModel::AcknowledgedRole).toBool());
    // newest first after a restart too
    QCOMPARE(feed.model()->index(0, 0).data(AlertFeedModel::TimeRole).toLongLong(),
             burst.last().createdAt);
    // Polling the same alerts again announces nothing new.
    QSignalSpy arrived(&feed, &AlertFeed::alertsArrived);
    feed.ingest(burst);
    feed.flushNow();
    QCOMPARE(arrived.count(), 0);
    QCOMPARE(int(store->timeline().size()), timelineBefore);
}

void TestFeed::killedChildLosesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.sqlite"));
    {
        auto store = openStore(path);
        AlertFeed feed(store.get());
        feed.ingest(makeBurst(3000));
        feed.flushNow();
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--kill-child"), path});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (out.count('\n') < 300 && timer.elapsed() < 60000 && child.state() == QProcess::Running) {
        child.waitForReadyRead(1000);
        out += child.readAllStandardOutput();
    }
    QVERIFY2(child.state() == QProcess::Running,
             qPrintable(QStringLiteral("child ended early: ")
                        + QString::fromUtf8(child.readAllStandardError())));
    child.kill(); // SIGKILL mid-way
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    out += child.readAllStandardOutput();
    // Only complete lines were reported as done.
    QList<QByteArray> lines = out.split('\n');
    lines.removeLast();
    QVERIFY(lines.size() >= 300);

    auto store = openStore(path);
    QSet<QString> notes;
    for (const IncidentStore::TimelineEvent &e : store->timeline())
        if (e.kind == QLatin1String("note"))
            notes.insert(e.text);
    int acks = 0;
    for (const QByteArray &line : std::as_const(lines)) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(QLatin1String("ack "))) {
            const AlertKey key = AlertKey::fromString(text.mid(4));
            const auto record = store->alert(key.source, key.id);
            QVERIFY2(record && record->ackBy == QLatin1String("child"), qPrintable(text));
            ++acks;
        } else {
            QVERIFY2(text.startsWith(QLatin1String("note ")), qPrintable(text));
            QVERIFY2(notes.contains(text.mid(5)), qPrintable(text));
        }
    }
    QVERIFY(acks > 0);
    qInfo("child reported %d acknowledgements and %lld notes before SIGKILL; all persisted", acks,
          qlonglong(lines.size() - acks));
}

void TestFeed::quietHours_data()
{
    QTest::addColumn<QTime>("start");
    QTest::addColumn<QTime>("end");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<bool>("quiet");
    // Workspace zone Asia/Tokyo (UTC+9)
    QTest::newRow("night spans midnight, 23:00 JST")
        << QTime(22, 0) << QTime(7, 0) << "2026-06-05T14:00:00Z" << true;
    QTest::newRow("night spans midnight, 06:59 JST")
        << QTime(22, 0) << QTime(7, 0) << "2026-06-05T21:59:00Z" << true;
    QTest::newRow("night spans midnight, 07:00 JST")
        << QTime(22, 0) << QTime(7, 0) << "2026-06-05T22:00:00Z" << false;
    QTest::newRow("night spans midnight, noon JST")
        << QTime(22, 0) << QTime(7, 0) << "2026-06-05T03:00:00Z" << false;
    QTest::newRow("lunch 12-13, 12:30 JST")
        << QTime(12, 0) << QTime(13, 0) << "2026-06-05T03:30:00Z" << true;
    QTest::newRow("lunch 12-13, 13:00 JST")
        << QTime(12, 0) << QTime(13, 0) << "2026-06-05T04:00:00Z" << false;
    QTest::newRow("start == end: none")
        << QTime(8, 0) << QTime(8, 0) << "2026-06-04T23:00:00Z" << false;
    QTest::newRow("unset: none") << QTime() << QTime() << "2026-06-05T14:00:00Z" << false;
}

void TestFeed::quietHours()
{
    QFETCH(QTime, start);
    QFETCH(QTime, end);
    QFETCH(QString, utc);
    QFETCH(bool, quiet);
    AlertFeed feed(nullptr);
    AlertReminders reminders(&feed);
    AlertReminders::Settings s;
    s.quietStart = start;
    s.quietEnd = end;
    s.timeZone = QStringLiteral("Asia/Tokyo");
    reminders.setSettings(s);
    QCOMPARE(reminders.isQuietTime(*parseTimestamp(utc)), quiet);
}

void TestFeed::remindersWithInjectedClock()
{
    qint64 now = kBase;
    auto clock = [&now] {
        return now;
    };
    auto store = openStore();
    AlertFeed feed(store.get());
    feed.setClock(clock);
    AlertReminders reminders(&feed);
    reminders.setClock(clock);
    AlertReminders::Settings s;
    s.minimumSeverity = Severity::Error;
    s.intervalSeconds = 600;
    reminders.setSettings(s);
    QSignalSpy due(&reminders, &AlertReminders::reminderDue);

    const Alert warning = makeAlert(QStringLiteral("github"), QStringLiteral("1"),
                                    QStringLiteral("warn"), Severity::Warning);
    const Alert error = makeAlert(QStringLiteral("github"), QStringLiteral("2"),
                                  QStringLiteral("err"), Severity::Error);
    const Alert critical = makeAlert(QStringLiteral("github"), QStringLiteral("3"),
                                     QStringLiteral("crit"), Severity::Critical);
    Alert closed = makeAlert(QStringLiteral("github"), QStringLiteral("4"),
                             QStringLiteral("closed"), Severity::Critical);
    closed.state = QStringLiteral("closed");
    feed.ingest({warning, error, critical, closed});
    feed.flushNow();

    QVERIFY(reminders.check().isEmpty());
    now += 599 * kSecond;
    QVERIFY(reminders.check().isEmpty());
    now += kSecond;
    QList<Alert> first = reminders.check();
    QCOMPARE(first.size(), 2);
    QCOMPARE(due.count(), 1);
    QSet<QString> ids;
    for (const Alert &a : first)
        ids.insert(a.id);
    QCOMPARE(ids, (QSet<QString>{QStringLiteral("2"), QStringLiteral("3")}));
    now += kSecond;
    QVERIFY(reminders.check().isEmpty()); // not again before the interval
    now += 600 * kSecond;
    QCOMPARE(reminders.check().size(), 2); // and again after it
    QVERIFY(feed.acknowledge({AlertKey::of(error)}));
    now += 600 * kSecond;
    const QList<Alert> third = reminders.check();
    QCOMPARE(third.size(), 1);
    QCOMPARE(third.first().id, critical.id);
    QCOMPARE(due.count(), 3);
    s.enabled = false;
    reminders.setSettings(s);
    now += 6000 * kSecond;
    QVERIFY(reminders.check().isEmpty());
}

void TestFeed::remindersDuringQuietHours()
{
    // 2026-06-05T13:00:00Z is 22:00 in Tokyo.
    qint64 now = *parseTimestamp(QStringLiteral("2026-06-05T13:00:00Z"));
    auto clock = [&now] {
        return now;
    };
    AlertFeed feed(nullptr);
    feed.setClock(clock);
    AlertReminders reminders(&feed);
    reminders.setClock(clock);
    AlertReminders::Settings s;
    s.minimumSeverity = Severity::Warning;
    s.intervalSeconds = 900;
    s.quietStart = QTime(22, 0);
    s.quietEnd = QTime(7, 0);
    s.timeZone = QStringLiteral("Asia/Tokyo");
    reminders.setSettings(s);
    const Alert error = makeAlert(QStringLiteral("webhook"), QStringLiteral("e"),
                                  QStringLiteral("err"), Severity::Error);
    const Alert critical = makeAlert(QStringLiteral("webhook"), QStringLiteral("c"),
                                     QStringLiteral("crit"), Severity::Critical);
    feed.ingest({error, critical});
    feed.flushNow();
    now += 3600 * kSecond; // 23:00 JST: quiet, only critical
    QList<Alert> dueNow = reminders.check();
    QCOMPARE(dueNow.size(), 1);
    QCOMPARE(dueNow.first().id, critical.id);
    now = *parseTimestamp(QStringLiteral("2026-06-05T21:59:00Z")); // 06:59 JST
    QCOMPARE(reminders.check().size(), 1);
    now = *parseTimestamp(QStringLiteral("2026-06-05T22:00:00Z")); // 07:00 JST, quiet hours over
    dueNow = reminders.check();
    QCOMPARE(dueNow.size(), 1); // the suppressed error at last (critical reminded 1 min ago)
    QCOMPARE(dueNow.first().id, error.id);
}

void TestFeed::incidentFromAlerts()
{
    auto store = openStore();
    qint64 now = kBase + 3600 * kSecond;
    AlertFeed feed(store.get());
    feed.setClock([&now] { return now; });
    feed.setActor(QStringLiteral("bob"));
    IncidentController controller(store.get(), &feed);
    QSignalSpy causes(&controller, &IncidentController::causesChanged);
    QSignalSpy window(&controller, &IncidentController::windowChanged);
    QSignalSpy changed(&controller, &IncidentController::incidentChanged);
    QVERIFY(!controller.isActive());
    QVERIFY(controller.causes().isEmpty());

    const QList<Alert> selected{
        makeAlert(QStringLiteral("airflow"), QStringLiteral("a"), QStringLiteral("etl failed"),
                  Severity::Error, {}, kBase + 60 * kSecond, QStringLiteral("etl_daily")),
        makeAlert(QStringLiteral("github"), QStringLiteral("b"), QStringLiteral("orders empty"),
                  Severity::Critical, {}, kBase + 10 * kSecond, {},
                  QStringLiteral("`proj.sales.orders`")),
        makeAlert(QStringLiteral("airflow"), QStringLiteral("c"),
                  QStringLiteral("etl failed again"), Severity::Warning, {}, kBase + 120 * kSecond,
                  QStringLiteral("etl_daily")),
    };
    QCOMPARE(IncidentController::suggestCauses(selected),
             (QStringList{QStringLiteral("dag:etl_daily"), QStringLiteral("proj.sales.orders")}));
    QVERIFY(controller.startFromAlerts(selected));
    QVERIFY(controller.isActive());
    QVERIFY(controller.isOngoing());
    QCOMPARE(controller.windowStart(), kBase + 10 * kSecond); // earliest alert
    QCOMPARE(controller.windowEnd(), 0);
    QCOMPARE(controller.causes(),
             (QStringList{QStringLiteral("dag:etl_daily"), QStringLiteral("proj.sales.orders")}));
    QCOMPARE(controller.incident()->severity, QStringLiteral("critical"));
    QCOMPARE(causes.count(), 1);
    QCOMPARE(window.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store->currentIncident()->causes, controller.causes());
    QCOMPARE(countKind(*store, QStringLiteral("incident")), 1);
    QCOMPARE(countKind(*store, QStringLiteral("cause")), 2);
    // a second start while active adds the causes of the new selection instead
    QVERIFY(!controller.startIncident(QStringLiteral("another"), Severity::Error));
    QVERIFY(controller.startFromAlerts(
        {makeAlert(QStringLiteral("airflow"), QStringLiteral("d"), QStringLiteral("x"),
                   Severity::Error, {}, kBase, QStringLiteral("loader"))}));
    QCOMPARE(controller.causes().size(), 3);
    QCOMPARE(store->currentIncident()->id, controller.incident()->id);
}

void TestFeed::incidentEditsGoOnTheTimeline()
{
    auto store = openStore();
    qint64 now = kBase;
    IncidentController controller(store.get());
    controller.setClock([&now] { return now; });
    controller.setActor(QStringLiteral("carol"));
    QVERIFY(!controller.addCause(QStringLiteral("sales.orders"))); // no incident yet
    QVERIFY(controller.startIncident(QStringLiteral("Composer down"), Severity::Critical,
                                     kBase - 3600 * kSecond));
    QSignalSpy causes(&controller, &IncidentController::causesChanged);
    now += kSecond;
    QVERIFY(controller.addCause(QStringLiteral("dag:load_orders")));
    QVERIFY(controller.addCause(QStringLiteral("sales.orders")));
    QVERIFY(controller.addCause(QStringLiteral("sales.orders"))); // already there: no event
    QVERIFY(controller.removeCause(QStringLiteral("dag:load_orders")));
    QVERIFY(controller.setCommander(QStringLiteral("carol")));
    QVERIFY(controller.setCommunications(QStringLiteral("dave")));
    QVERIFY(controller.setSeverity(Severity::Error));
    QVERIFY(controller.setStatus(QStringLiteral("mitigated")));
    QVERIFY(controller.setWindow(kBase - 7200 * kSecond, kBase));
    QVERIFY(controller.addNote(QStringLiteral("Composer is back")));
    QVERIFY(controller.resolve());
    QCOMPARE(causes.count(), 3);
    QCOMPARE(causes.last().first().toStringList(), QStringList{QStringLiteral("sales.orders")});

    QStringList kinds;
    for (const IncidentStore::TimelineEvent &e : store->timeline()) {
        kinds << e.kind;
        QCOMPARE(e.actor, QStringLiteral("carol"));
        QVERIFY(!e.text.isEmpty());
    }
    QCOMPARE(kinds, (QStringList{"incident", "cause", "cause", "cause", "role", "role", "incident",
                                 "incident", "incident", "note", "incident"}));
    const auto saved = store->currentIncident();
    QCOMPARE(saved->status, QStringLiteral("resolved"));
    QCOMPARE(saved->commander, QStringLiteral("carol"));
    QCOMPARE(saved->communications, QStringLiteral("dave"));
    QCOMPARE(saved->windowStart, kBase - 7200 * kSecond);
    QCOMPARE(saved->windowEnd, kBase);
    QCOMPARE(saved->severity, QStringLiteral("error"));
    QVERIFY(!controller.isActive());
    // a resolved incident makes way for a new one
    QVERIFY(controller.startIncident(QStringLiteral("Next"), Severity::Warning));
    QVERIFY(controller.incident()->id != saved->id);
    QVERIFY(controller.causes().isEmpty());
}

void TestFeed::incidentAutoStartsOnCritical()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    IncidentController controller(store.get(), &feed);
    feed.ingest({makeAlert(QStringLiteral("webhook"), QStringLiteral("c0"),
                           QStringLiteral("first critical"), Severity::Critical)});
    feed.flushNow();
    QVERIFY(!controller.isActive()); // off by default
    controller.setAutoStartOnCritical(true);
    feed.ingest(
        {makeAlert(QStringLiteral("webhook"), QStringLiteral("w"), QStringLiteral("warn"),
                   Severity::Warning),
         makeAlert(QStringLiteral("webhook"), QStringLiteral("c1"), QStringLiteral("bq down"),
                   Severity::Critical, {}, kBase + kSecond, QStringLiteral("export_dag"))});
    feed.flushNow();
    QVERIFY(controller.isActive());
    QVERIFY(controller.incident()->name.contains(QStringLiteral("bq down")));
    QCOMPARE(controller.causes(), QStringList{QStringLiteral("dag:export_dag")});
    const qint64 id = controller.incident()->id;
    feed.ingest({makeAlert(QStringLiteral("webhook"), QStringLiteral("c2"), QStringLiteral("again"),
                           Severity::Critical)});
    feed.flushNow();
    QCOMPARE(controller.incident()->id, id); // only the first starts one
}

void TestFeed::incidentRejectsBadInput()
{
    auto store = openStore();
    IncidentController controller(store.get());
    QVERIFY(controller.startIncident(QStringLiteral("x"), Severity::Error));
    QSignalSpy errors(&controller, &IncidentController::errorOccurred);
    QVERIFY(!controller.addCause(QStringLiteral("not a table")));
    QVERIFY(!controller.addCause(QStringLiteral("dag:")));
    QVERIFY(!controller.setStatus(QStringLiteral("sleeping")));
    QVERIFY(!controller.setWindow(kBase, kBase - kSecond));
    QVERIFY(!controller.setCauses({QStringLiteral("a.b"), QStringLiteral("; DROP TABLE")}));
    QCOMPARE(errors.count(), 5);
    QVERIFY(controller.causes().isEmpty());
    QCOMPARE(IncidentController::normalizeCause(QStringLiteral(" `my-proj.sales.orders` ")),
             QStringLiteral("my-proj.sales.orders"));
    QCOMPARE(IncidentController::normalizeCause(QStringLiteral("DAG:etl")),
             QStringLiteral("dag:etl"));
    QCOMPARE(IncidentController::normalizeCause(QStringLiteral("orders")), QString());
}

void TestFeed::incidentDefaults()
{
    auto store = openStore();
    IncidentController controller(store.get());
    WorkspaceConfig::IncidentDefaults defaults;
    defaults.name = QStringLiteral("Composer outage");
    defaults.since = QStringLiteral("2026-06-05T01:00:00Z");
    defaults.until = QStringLiteral("2026-06-05T04:00:00Z");
    defaults.broken = {QStringLiteral("dag:load_orders"), QStringLiteral("sales.orders")};
    QVERIFY(controller.applyDefaults(defaults));
    QCOMPARE(controller.windowStart(), *parseTimestamp(defaults.since));
    QCOMPARE(controller.windowEnd(), *parseTimestamp(defaults.until));
    QCOMPARE(controller.causes(), defaults.broken);
    // Not applied twice: a stored incident wins.
    IncidentController again(store.get());
    QVERIFY(!again.applyDefaults(defaults));
    QCOMPARE(again.causes(), defaults.broken);
}

void TestFeed::timelineModelIsLive()
{
    auto store = openStore();
    AlertFeed feed(store.get());
    IncidentController controller(store.get(), &feed);
    TimelineModel model(store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.watch(&feed);
    model.watch(&controller);
    model.setTimeZone(QStringLiteral("Asia/Tokyo"));
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    feed.ingest(makeBurst(20));
    QTRY_COMPARE(model.rowCount(), 20);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(controller.startIncident(QStringLiteral("x"), Severity::Error));
    QVERIFY(controller.addNote(QStringLiteral("note <i>plain</i>")));
    QTRY_COMPARE(model.rowCount(), 22);
    QCOMPARE(inserted.count(), 2); // coalesced per turn
    const QModelIndex last = model.index(21, TimelineModel::TextColumn);
    QCOMPARE(last.data().toString(), QStringLiteral("note <i>plain</i>"));
    QCOMPARE(last.data(TimelineModel::KindRole).toString(), QStringLiteral("note"));
    // the stored kind is a key; the column shows its (translatable) title
    QCOMPARE(model.index(21, TimelineModel::KindColumn).data().toString(), QStringLiteral("Note"));
    // writers the model cannot see are picked up by polling
    store->appendTimeline({0,
                           kBase,
                           QStringLiteral("task"),
                           QStringLiteral("board"),
                           QStringLiteral("assigned"),
                           {}});
    model.setPollInterval(20);
    QTRY_COMPARE(model.rowCount(), 23);
    const QModelIndex time = model.index(22, TimelineModel::TimeColumn);
    QCOMPARE(time.data().toString(), QStringLiteral("2026-06-05 09:00:00"));
    // a second model over the same store starts with everything
    TimelineModel fresh(store.get());
    QCOMPARE(fresh.rowCount(), 23);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--kill-child") == 0) {
        QCoreApplication app(argc, argv);
        return runKillChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestFeed test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_feed.moc"
