#include "core/store/IncidentStore.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace warroom;

// The child half of the kill tests: writes until killed, printing each id only after the
// store has committed it. Started as `tst_incidentstore --child MODE PATH`.
static int runChild(const QString &mode, const QString &path)
{
    QString error;
    auto store = IncidentStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    store->upsertAlerts({{QStringLiteral("replay"), QStringLiteral("a"), QStringLiteral("t"), {},
                          QStringLiteral("critical"), QStringLiteral("open")}});
    if (mode == QLatin1String("uncommitted")) {
        // A transaction that is never committed: the parent kills us inside it.
        store->transaction([&] {
            for (int i = 0; i < 100; ++i)
                store->appendTimeline({0, 0, QStringLiteral("note"), {}, QStringLiteral("uncommitted"), {}});
            std::printf("inside\n");
            std::fflush(stdout);
            for (;;)
                QThread::msleep(100);
            return true;
        });
        return 0;
    }
    for (int i = 0;; ++i) {
        const qint64 id = store->appendTimeline(
            {0, 0, QStringLiteral("note"), QStringLiteral("child"), QStringLiteral("entry %1").arg(i), {}});
        if (id == 0)
            return 2;
        if (i % 10 == 0 && !store->acknowledge(QStringLiteral("replay"), QStringLiteral("a"),
                                               QStringLiteral("ack%1").arg(i), {}, 0))
            return 3;
        std::printf("%lld %d\n", id, i);
        std::fflush(stdout);
    }
}

class tst_IncidentStore : public QObject
{
    Q_OBJECT

private slots:
    void opensWithCurrentSchemaInWal();
    void migratesFromVersion1();
    void refusesNewerSchema();
    void settingsAndValidators();
    void alertsUpsertKeepsAcknowledgement();
    void acknowledgeUnknownAlertFails();
    void timelineInOrder();
    void incidentRoundTrip();
    void tasksRoundTrip();
    void outboxLifecycle();
    void transactionRollsBack();
    void killedWriterLosesNothingCommitted();
    void killedInsideTransactionLeavesNoTrace();

private:
    QTemporaryDir m_dir;
    QString dbPath(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

void tst_IncidentStore::opensWithCurrentSchemaInWal()
{
    QString error;
    auto store = IncidentStore::open(dbPath("nested/folder/state.sqlite"), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->schemaVersion(), IncidentStore::kSchemaVersion);
    QVERIFY(QFile::exists(dbPath("nested/folder/state.sqlite")));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(dbPath("nested/folder/state.sqlite"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
}

void tst_IncidentStore::migratesFromVersion1()
{
    const QString path = dbPath("v1.sqlite");
    {
        // A database exactly as schema version 1 left it, with data in it.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE tasks (id TEXT PRIMARY KEY, dag_id TEXT NOT NULL, logical_dates TEXT, "
            "tables TEXT, after TEXT, priority REAL NOT NULL DEFAULT 0, status TEXT NOT NULL, "
            "assignee TEXT, issue_number INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0)")));
        for (const char *table : {"settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                                  "http_validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, body BLOB, fetched_at INTEGER NOT NULL DEFAULT 0)",
                                  "alerts (source TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, url TEXT, severity TEXT NOT NULL, state TEXT NOT NULL, group_key TEXT, created_at INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0, payload BLOB, ack_by TEXT, ack_at INTEGER NOT NULL DEFAULT 0, ack_note TEXT, PRIMARY KEY (source, id))",
                                  "timeline (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT, text TEXT NOT NULL, ref TEXT)",
                                  "incidents (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, severity TEXT, status TEXT NOT NULL, window_start INTEGER NOT NULL DEFAULT 0, window_end INTEGER NOT NULL DEFAULT 0, started_at INTEGER NOT NULL DEFAULT 0, ended_at INTEGER NOT NULL DEFAULT 0, commander TEXT, communications TEXT, causes TEXT NOT NULL DEFAULT '')",
                                  "outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, key TEXT NOT NULL, payload BLOB, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at INTEGER NOT NULL, done_at INTEGER NOT NULL DEFAULT 0)"}) {
            QVERIFY2(q.exec(QStringLiteral("CREATE TABLE ") + QString::fromLatin1(table)), qPrintable(q.lastError().text()));
        }
        QVERIFY(q.exec(QStringLiteral("INSERT INTO tasks (id, dag_id, status, tables) VALUES ('t1', 'orders_daily', 'todo', 'mart.orders\nmart.items')")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    QString error;
    auto store = IncidentStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->schemaVersion(), 2);
    const auto task = store->task(QStringLiteral("t1"));
    QVERIFY(task);
    QCOMPARE(task->dagId, QStringLiteral("orders_daily"));
    QCOMPARE(task->tables, QStringList({QStringLiteral("mart.orders"), QStringLiteral("mart.items")}));
    auto updated = *task;
    updated.extra = R"({"estimate_minutes": 12})";
    QVERIFY(store->upsertTask(updated));
    QCOMPARE(store->task(QStringLiteral("t1"))->extra, updated.extra);
}

void tst_IncidentStore::refusesNewerSchema()
{
    const QString path = dbPath("future.sqlite");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    QString error;
    QVERIFY(!IncidentStore::open(path, &error));
    QVERIFY2(error.contains(QLatin1String("newer War Room")), qPrintable(error));
    QVERIFY(error.contains(path));
}

void tst_IncidentStore::settingsAndValidators()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    QVERIFY(store);
    QCOMPARE(store->value(QStringLiteral("missing"), QStringLiteral("dflt")), QStringLiteral("dflt"));
    QVERIFY(store->setValue(QStringLiteral("k"), QStringLiteral("v1")));
    QVERIFY(store->setValue(QStringLiteral("k"), QStringLiteral("v2")));
    QCOMPARE(store->value(QStringLiteral("k")), QStringLiteral("v2"));

    QVERIFY(!store->validator(QStringLiteral("https://x/issues")));
    QVERIFY(store->putValidator({QStringLiteral("https://x/issues"), QStringLiteral("W/\"abc\""), {}, "[]", 0}));
    QVERIFY(store->putValidator({QStringLiteral("https://x/issues"), QStringLiteral("\"def\""), QStringLiteral("Tue"), "[1]", 5}));
    const auto v = store->validator(QStringLiteral("https://x/issues"));
    QVERIFY(v);
    QCOMPARE(v->etag, QStringLiteral("\"def\""));
    QCOMPARE(v->lastModified, QStringLiteral("Tue"));
    QCOMPARE(v->body, QByteArray("[1]"));
    QCOMPARE(v->fetchedAt, 5);
}

void tst_IncidentStore::alertsUpsertKeepsAcknowledgement()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    IncidentStore::AlertRecord a{QStringLiteral("github"), QStringLiteral("42"), QStringLiteral("orders_daily failed"),
                                 QStringLiteral("https://github.com/o/r/issues/42"), QStringLiteral("error"),
                                 QStringLiteral("open"), QStringLiteral("dag:orders_daily"), 100, 100};
    QVERIFY(store->upsertAlerts({a}));
    QVERIFY(store->acknowledge(a.source, a.id, QStringLiteral("mika"), QStringLiteral("looking"), 200));
    a.state = QStringLiteral("closed");
    a.updatedAt = 300;
    QVERIFY(store->upsertAlerts({a}));
    const auto all = store->alerts();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].state, QStringLiteral("closed"));
    QCOMPARE(all[0].updatedAt, 300);
    QCOMPARE(all[0].ackBy, QStringLiteral("mika"));
    QCOMPARE(all[0].ackNote, QStringLiteral("looking"));
    QCOMPARE(all[0].ackAt, 200);
}

void tst_IncidentStore::acknowledgeUnknownAlertFails()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    QVERIFY(!store->acknowledge(QStringLiteral("github"), QStringLiteral("1"), QStringLiteral("x"), {}, 0));
    QVERIFY(store->lastError().contains(QLatin1String("no alert")));
}

void tst_IncidentStore::timelineInOrder()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    const qint64 a = store->appendTimeline({0, 10, QStringLiteral("alert"), {}, QStringLiteral("first"), {}});
    const qint64 b = store->appendTimeline({0, 5, QStringLiteral("note"), QStringLiteral("ken"), QStringLiteral("second"), QStringLiteral("x")});
    QVERIFY(a > 0 && b > a);
    const auto all = store->timeline();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].text, QStringLiteral("first"));
    QCOMPARE(all[1].actor, QStringLiteral("ken"));
    QCOMPARE(store->timeline(a).size(), 1);
}

void tst_IncidentStore::incidentRoundTrip()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    QVERIFY(!store->currentIncident());
    IncidentStore::IncidentRecord r;
    r.name = QStringLiteral("Composer outage");
    r.windowStart = 1000;
    r.causes = {QStringLiteral("dag:orders_hourly"), QStringLiteral("mart.orders")};
    r.id = store->saveIncident(r);
    QVERIFY(r.id > 0);
    r.commander = QStringLiteral("aya");
    r.windowEnd = 2000;
    QCOMPARE(store->saveIncident(r), r.id);
    const auto current = store->currentIncident();
    QVERIFY(current);
    QCOMPARE(current->commander, QStringLiteral("aya"));
    QCOMPARE(current->causes, r.causes);
    QCOMPARE(current->status, QStringLiteral("active"));
    QCOMPARE(current->windowEnd, 2000);

    // An incident without causes (declared before anyone knows what broke) saves too.
    IncidentStore::IncidentRecord bare;
    bare.name = QStringLiteral("Unknown yet");
    QVERIFY2(store->saveIncident(bare) > 0, qPrintable(store->lastError()));
    QVERIFY(store->currentIncident()->causes.isEmpty());
}

void tst_IncidentStore::tasksRoundTrip()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    IncidentStore::TaskRecord t;
    t.id = QStringLiteral("rerun:orders_hourly");
    t.dagId = QStringLiteral("orders_hourly");
    t.logicalDates = {QStringLiteral("2026-11-19T17:00:00Z"), QStringLiteral("2026-11-19T18:00:00Z")};
    t.after = {QStringLiteral("rerun:raw_loads")};
    t.priority = 87.5;
    QVERIFY(store->upsertTask(t));
    t.status = QStringLiteral("rerunning");
    t.issueNumber = 12;
    QVERIFY(store->upsertTask(t));
    QCOMPARE(store->tasks().size(), 1);
    const auto back = *store->task(t.id);
    QCOMPARE(back.status, QStringLiteral("rerunning"));
    QCOMPARE(back.logicalDates, t.logicalDates);
    QCOMPARE(back.after, t.after);
    QCOMPARE(back.issueNumber, 12);
    QCOMPARE(back.priority, 87.5);
    QVERIFY(store->removeTask(t.id));
    QVERIFY(store->tasks().isEmpty());
}

void tst_IncidentStore::outboxLifecycle()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    const qint64 first = store->enqueue(QStringLiteral("issue.upsert"), QStringLiteral("t1"), "{}");
    const qint64 second = store->enqueue(QStringLiteral("issue.upsert"), QStringLiteral("t2"), "{}");
    QVERIFY(first > 0 && second > first);
    QVERIFY(store->markOutboxFailed(first, QStringLiteral("HTTP 502")));
    auto pending = store->pendingOutbox();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending[0].attempts, 1);
    QCOMPARE(pending[0].lastError, QStringLiteral("HTTP 502"));
    QVERIFY(store->markOutboxDone(first));
    pending = store->pendingOutbox();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending[0].key, QStringLiteral("t2"));
}

void tst_IncidentStore::transactionRollsBack()
{
    QString error;
    auto store = IncidentStore::open(QStringLiteral(":memory:"), &error);
    QVERIFY(!store->transaction([&] {
        store->appendTimeline({0, 1, QStringLiteral("note"), {}, QStringLiteral("gone"), {}});
        return false;
    }));
    QVERIFY(store->timeline().isEmpty());
    QVERIFY(store->transaction([&] {
        return store->appendTimeline({0, 1, QStringLiteral("note"), {}, QStringLiteral("kept"), {}}) > 0;
    }));
    QCOMPARE(store->timeline().size(), 1);
}

void tst_IncidentStore::killedWriterLosesNothingCommitted()
{
    const QString path = dbPath("killed.sqlite");
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), QStringLiteral("writer"), path});
    QVERIFY(child.waitForStarted());
    QList<QPair<qint64, int>> reported;
    QByteArray pendingOutput;
    // Let it commit a few hundred entries, then SIGKILL it at whatever point it is.
    while (reported.size() < 300 && child.state() == QProcess::Running) {
        child.waitForReadyRead(5000);
        pendingOutput += child.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pendingOutput.indexOf('\n')) >= 0) {
            const QList<QByteArray> parts = pendingOutput.left(nl).split(' ');
            pendingOutput.remove(0, nl + 1);
            if (parts.size() == 2)
                reported.append({parts[0].toLongLong(), parts[1].toInt()});
        }
    }
    QCOMPARE(child.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    QString error;
    auto store = IncidentStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QSet<qint64> present;
    for (const auto &event : store->timeline())
        present.insert(event.id);
    for (const auto &[id, i] : std::as_const(reported))
        QVERIFY2(present.contains(id), qPrintable(QStringLiteral("timeline entry %1 was reported done but is missing").arg(id)));
    // The last acknowledgement reported done is there too.
    const int lastAck = (reported.last().second / 10) * 10;
    QCOMPARE(store->alert(QStringLiteral("replay"), QStringLiteral("a"))->ackBy.mid(3).toInt() >= lastAck, true);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    q = QSqlQuery();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void tst_IncidentStore::killedInsideTransactionLeavesNoTrace()
{
    const QString path = dbPath("uncommitted.sqlite");
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), QStringLiteral("uncommitted"), path});
    QVERIFY(child.waitForStarted());
    QByteArray output;
    QDeadlineTimer deadline(10000);
    while (!output.contains("inside") && !deadline.hasExpired() && child.waitForReadyRead(1000))
        output += child.readAllStandardOutput();
    QVERIFY2(output.contains("inside"), output.constData());
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QString error;
    auto store = IncidentStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(store->alert(QStringLiteral("replay"), QStringLiteral("a"))); // committed before
    QVERIFY(store->timeline().isEmpty());                                // never committed
}

int main(int argc, char *argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    QCoreApplication app(argc, argv);
    tst_IncidentStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_incidentstore.moc"
