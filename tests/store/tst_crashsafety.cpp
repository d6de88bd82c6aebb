// Crash safety of the IncidentStore, measured: a child process applies 1,000 seeded board
// edits and acknowledgements through the real store API, printing each edit's number only
// after the store has committed it; the parent SIGKILLs it at random moments, reopens the
// store after every kill and checks that it is intact, that every edit reported done is
// there with its exact value, that nothing was applied twice and nothing half-applied, and
// restarts the child until all edits are done. A reader (the big-screen board) keeps its
// own connection open throughout, as it would in the app.
//
// The child resumes from the store's own progress marker, written in the same transaction
// as each non-idempotent edit (timeline notes, outbox writes): an edit that committed but
// whose report was lost in the kill is found there and not applied again. Idempotent edits
// (task moves, assignments, acknowledgements, incident updates) are single store calls
// followed by the marker, so a kill between the two is harmless: the edit is applied again
// with the same values.
//
// Environment: WARROOM_CRASH_SEED (default 20261125), WARROOM_CRASH_EDITS (default 1000).
#include "core/store/IncidentStore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <random>

using namespace warroom;

namespace {

constexpr int kTasks = 24;
constexpr int kAlerts = 40;
constexpr qint64 kBaseTime = 1780000000000000LL; // micros, 2026-05-28
const char *const kMarker = "crashsafety.applied";

enum class Kind { TaskStatus, TaskAssign, Ack, Incident, Note, Enqueue, OutboxDone, OutboxFail };

bool isIdempotent(Kind kind)
{
    return kind == Kind::TaskStatus || kind == Kind::TaskAssign || kind == Kind::Ack
           || kind == Kind::Incident;
}

struct Edit
{
    int seq = 0;
    Kind kind = Kind::Note;
    int target = 0; // task / alert index, or the sequence number of the enqueue it finishes
    QString value;  // status, assignee, acknowledger, commander
};

QString taskId(int i)
{
    return QStringLiteral("rerun:dag_%1").arg(i, 2, 10, QLatin1Char('0'));
}
QString alertId(int i)
{
    return QStringLiteral("alert-%1").arg(i);
}
QString outboxKey(int seq)
{
    return QStringLiteral("edit-%1").arg(seq);
}
QString noteText(int seq)
{
    return QStringLiteral("note #%1").arg(seq);
}
QString failText(int seq)
{
    return QStringLiteral("HTTP 502 (edit #%1)").arg(seq);
}

// The expected store content after a prefix of the edits.
struct Model
{
    struct Task
    {
        QString status = QStringLiteral("todo");
        QString assignee;
        qint64 updatedAt = kBaseTime;
    };
    struct Ack
    {
        QString by;
        qint64 at = 0;
        QString note;
    };
    struct Outbox
    {
        QString key;
        bool done = false;
        int attempts = 0;
        QString lastError;
    };
    QList<Task> tasks = QList<Task>(kTasks);
    QList<Ack> acks = QList<Ack>(kAlerts);
    QString commander;
    QString communications;
    QStringList notes;
    QList<Outbox> outbox; // in enqueue order

    qsizetype outboxIndex(const QString &key) const
    {
        for (qsizetype i = 0; i < outbox.size(); ++i) {
            if (outbox[i].key == key)
                return i;
        }
        return -1;
    }

    void apply(const Edit &e)
    {
        switch (e.kind) {
        case Kind::TaskStatus:
            tasks[e.target].status = e.value;
            tasks[e.target].updatedAt = kBaseTime + e.seq;
            break;
        case Kind::TaskAssign:
            tasks[e.target].assignee = e.value;
            tasks[e.target].updatedAt = kBaseTime + e.seq;
            break;
        case Kind::Ack:
            acks[e.target] = {e.value, kBaseTime + e.seq, QStringLiteral("ack #%1").arg(e.seq)};
            break;
        case Kind::Incident:
            commander = e.value;
            communications = QStringLiteral("update #%1").arg(e.seq);
            break;
        case Kind::Note:
            notes.append(noteText(e.seq));
            break;
        case Kind::Enqueue:
            outbox.append({outboxKey(e.seq)});
            break;
        case Kind::OutboxDone:
            outbox[outboxIndex(outboxKey(e.target))].done = true;
            break;
        case Kind::OutboxFail: {
            Outbox &o = outbox[outboxIndex(outboxKey(e.target))];
            ++o.attempts;
            o.lastError = failText(e.seq);
            break;
        }
        }
    }

    // One line per fact, in a fixed order: comparable with what the database holds.
    QStringList dump() const
    {
        QStringList lines;
        for (int i = 0; i < kTasks; ++i)
            lines << QStringLiteral("task %1 %2 %3 %4")
                         .arg(taskId(i), tasks[i].status, tasks[i].assignee)
                         .arg(tasks[i].updatedAt);
        for (int i = 0; i < kAlerts; ++i)
            lines << QStringLiteral("alert %1 %2 %3 %4")
                         .arg(alertId(i), acks[i].by)
                         .arg(acks[i].at)
                         .arg(acks[i].note);
        lines << QStringLiteral("incident %1 %2").arg(commander, communications);
        for (const QString &note : notes)
            lines << QStringLiteral("timeline %1").arg(note);
        for (const Outbox &o : outbox)
            lines << QStringLiteral("outbox %1 %2 %3 %4")
                         .arg(o.key)
                         .arg(o.done ? 1 : 0)
                         .arg(o.attempts)
                         .arg(o.lastError);
        return lines;
    }
};

// The seeded edit sequence; parent and child generate the same one.
QList<Edit> generateEdits(quint64 seed, int count)
{
    static const QStringList statuses{QStringLiteral("todo"), QStringLiteral("rerunning"),
                                      QStringLiteral("verifying"), QStringLiteral("done"),
                                      QStringLiteral("blocked")};
    static const QStringList people{QStringLiteral("aya"),  QStringLiteral("ken"),
                                    QStringLiteral("mika"), QStringLiteral("sora"),
                                    QStringLiteral("taro"), QString()};
    std::mt19937_64 rng(seed);
    auto pick = [&](int n) {
        return int(std::uniform_int_distribution<int>(0, n - 1)(rng));
    };
    QList<Edit> edits;
    QList<int> pending; // enqueued, not yet done
    for (int seq = 1; seq <= count; ++seq) {
        Edit e;
        e.seq = seq;
        const int roll = pick(100);
        if (roll < 24) {
            e.kind = Kind::TaskStatus;
            e.target = pick(kTasks);
            e.value = statuses[pick(int(statuses.size()))];
        } else if (roll < 38) {
            e.kind = Kind::TaskAssign;
            e.target = pick(kTasks);
            e.value = people[pick(int(people.size()))];
        } else if (roll < 58) {
            e.kind = Kind::Ack;
            e.target = pick(kAlerts);
            e.value = people[pick(int(people.size()) - 1)];
        } else if (roll < 62) {
            e.kind = Kind::Incident;
            e.value = people[pick(int(people.size()) - 1)];
        } else if (roll < 76) {
            e.kind = Kind::Note;
        } else if (roll < 90 || pending.isEmpty()) {
            e.kind = Kind::Enqueue;
            pending.append(seq);
        } else if (roll < 96) {
            e.kind = Kind::OutboxDone;
            e.target = pending.takeAt(pick(int(pending.size())));
        } else {
            e.kind = Kind::OutboxFail;
            e.target = pending[pick(int(pending.size()))];
        }
        edits.append(e);
    }
    return edits;
}

quint64 seedFromEnvironment()
{
    bool ok = false;
    const quint64 seed = qEnvironmentVariable("WARROOM_CRASH_SEED").toULongLong(&ok);
    return ok ? seed : 20261125;
}

int editCountFromEnvironment()
{
    bool ok = false;
    const int count = qEnvironmentVariableIntValue("WARROOM_CRASH_EDITS", &ok);
    return ok && count > 0 ? count : 1000;
}

// --- the child -------------------------------------------------------------------------------

bool applyEdit(IncidentStore &store, const Edit &e, QString *error)
{
    auto failed = [&](const char *what) {
        *error = QStringLiteral("edit %1 (%2): %3")
                     .arg(e.seq)
                     .arg(QLatin1String(what), store.lastError());
        return false;
    };
    const QString marker = QString::fromLatin1(kMarker);
    const QString seq = QString::number(e.seq);
    switch (e.kind) {
    case Kind::TaskStatus:
    case Kind::TaskAssign: {
        auto task = store.task(taskId(e.target));
        if (!task)
            return failed("task missing");
        if (e.kind == Kind::TaskStatus)
            task->status = e.value;
        else
            task->assignee = e.value;
        task->updatedAt = kBaseTime + e.seq;
        if (!store.upsertTask(*task))
            return failed("upsertTask");
        break;
    }
    case Kind::Ack:
        if (!store.acknowledge(QStringLiteral("replay"), alertId(e.target), e.value,
                               QStringLiteral("ack #%1").arg(e.seq), kBaseTime + e.seq))
            return failed("acknowledge");
        break;
    case Kind::Incident: {
        auto incident = store.currentIncident();
        if (!incident)
            return failed("incident missing");
        incident->commander = e.value;
        incident->communications = QStringLiteral("update #%1").arg(e.seq);
        if (store.saveIncident(*incident) != incident->id)
            return failed("saveIncident");
        break;
    }
    case Kind::Note:
        if (!store.transaction([&] {
                return store.appendTimeline({0,
                                             kBaseTime + e.seq,
                                             QStringLiteral("note"),
                                             QStringLiteral("crash-child"),
                                             noteText(e.seq),
                                             {}})
                           > 0
                       && store.setValue(marker, seq);
            }))
            return failed("appendTimeline");
        return true;
    case Kind::Enqueue:
        if (!store.transaction([&] {
                return store.enqueue(QStringLiteral("issue.upsert"), outboxKey(e.seq),
                                     QByteArray("{\"seq\":") + seq.toLatin1() + '}')
                           > 0
                       && store.setValue(marker, seq);
            }))
            return failed("enqueue");
        return true;
    case Kind::OutboxDone:
    case Kind::OutboxFail: {
        const bool ok = store.transaction([&] {
            qint64 id = 0;
            for (const auto &entry : store.pendingOutbox()) {
                if (entry.key == outboxKey(e.target))
                    id = entry.id;
            }
            if (id == 0)
                return false;
            const bool written = e.kind == Kind::OutboxDone
                                     ? store.markOutboxDone(id)
                                     : store.markOutboxFailed(id, failText(e.seq));
            return written && store.setValue(marker, seq);
        });
        if (!ok)
            return failed("outbox");
        return true;
    }
    }
    // Idempotent edits: the edit committed on its own, now the progress marker.
    if (!store.setValue(marker, seq))
        return failed("marker");
    return true;
}

// `tst_crashsafety --child PATH SEED COUNT`: applies the edits after the store's marker,
// printing "resume N" first and then each edit's number once it is committed.
int runChild(const QString &path, quint64 seed, int count)
{
    QString error;
    auto store = IncidentStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 1;
    }
    const QList<Edit> edits = generateEdits(seed, count);
    const int applied = store->value(QString::fromLatin1(kMarker), QStringLiteral("0")).toInt();
    std::printf("resume %d\n", applied + 1);
    std::fflush(stdout);
    for (int i = applied; i < edits.size(); ++i) {
        if (!applyEdit(*store, edits[i], &error)) {
            std::fprintf(stderr, "child: %s\n", qPrintable(error));
            return 2;
        }
        // The UI acts on "done" a moment after the commit; widen that window so that kills
        // land in it and the exactly-once resume is exercised, not just possible.
        QThread::usleep(700);
        std::printf("%d\n", edits[i].seq);
        std::fflush(stdout);
    }
    std::printf("done\n");
    std::fflush(stdout);
    return 0;
}

// `tst_crashsafety --contend PATH NAME COUNT`: COUNT read-then-write transactions, as the
// board's plan merge does (read the tasks, write one back, note it on the timeline), while
// another writer does the same. Exits 3 on the first failed transaction.
int runContender(const QString &path, const QString &name, int count)
{
    QString error;
    auto store = IncidentStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(error));
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        const bool ok = store->transaction([&] {
            const auto tasks = store->tasks();
            if (tasks.isEmpty())
                return false;
            auto task = tasks[i % tasks.size()];
            task.assignee = name;
            task.updatedAt = kBaseTime + i;
            return store->upsertTask(task)
                   && store->appendTimeline({0, kBaseTime + i, QStringLiteral("task"), name,
                                             QStringLiteral("%1 #%2").arg(name).arg(i), task.id})
                          > 0;
        });
        if (!ok) {
            std::fprintf(stderr, "%s: transaction %d failed: %s\n", qPrintable(name), i,
                         qPrintable(store->lastError()));
            return 3;
        }
    }
    return 0;
}

// --- the parent's view of the database --------------------------------------------------------

struct Snapshot
{
    QString integrity;
    int marker = 0;
    QStringList lines;
    QStringList duplicates; // outbox keys or timeline notes present more than once
    QString error;
};

Snapshot readSnapshot(const QString &path)
{
    Snapshot s;
    const QString name = QStringLiteral("crashsafety-verify");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            s.error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            auto run = [&](const QString &sql) {
                if (!q.exec(sql) && s.error.isEmpty())
                    s.error = sql + QStringLiteral(": ") + q.lastError().text();
            };
            run(QStringLiteral("PRAGMA integrity_check"));
            QStringList integrity;
            while (q.next())
                integrity << q.value(0).toString();
            s.integrity = integrity.join(QLatin1Char('\n'));
            run(QStringLiteral("SELECT value FROM settings WHERE key = '%1'")
                    .arg(QLatin1String(kMarker)));
            if (q.next())
                s.marker = q.value(0).toInt();
            run(QStringLiteral(
                "SELECT id, status, COALESCE(assignee, ''), updated_at FROM tasks ORDER BY id"));
            while (q.next())
                s.lines << QStringLiteral("task %1 %2 %3 %4")
                               .arg(q.value(0).toString(), q.value(1).toString(),
                                    q.value(2).toString())
                               .arg(q.value(3).toLongLong());
            run(QStringLiteral(
                "SELECT id, COALESCE(ack_by, ''), ack_at, COALESCE(ack_note, '') FROM alerts "
                "ORDER BY CAST(substr(id, 7) AS INTEGER)"));
            while (q.next())
                s.lines << QStringLiteral("alert %1 %2 %3 %4")
                               .arg(q.value(0).toString(), q.value(1).toString())
                               .arg(q.value(2).toLongLong())
                               .arg(q.value(3).toString());
            run(QStringLiteral(
                "SELECT COALESCE(commander, ''), COALESCE(communications, '') FROM incidents"));
            while (q.next())
                s.lines << QStringLiteral("incident %1 %2")
                               .arg(q.value(0).toString(), q.value(1).toString());
            run(QStringLiteral("SELECT text FROM timeline ORDER BY id"));
            while (q.next())
                s.lines << QStringLiteral("timeline %1").arg(q.value(0).toString());
            run(QStringLiteral("SELECT key, done_at > 0, attempts, COALESCE(last_error, '') FROM "
                               "outbox ORDER BY id"));
            while (q.next())
                s.lines << QStringLiteral("outbox %1 %2 %3 %4")
                               .arg(q.value(0).toString())
                               .arg(q.value(1).toInt())
                               .arg(q.value(2).toInt())
                               .arg(q.value(3).toString());
            run(QStringLiteral(
                "SELECT key FROM outbox GROUP BY key HAVING COUNT(*) > 1 "
                "UNION ALL SELECT text FROM timeline GROUP BY text HAVING COUNT(*) > 1"));
            while (q.next())
                s.duplicates << q.value(0).toString();
            q = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return s;
}

QString firstDifference(const QStringList &actual, const QStringList &expected)
{
    for (qsizetype i = 0; i < std::max(actual.size(), expected.size()); ++i) {
        const QString a = actual.value(i, QStringLiteral("<none>"));
        const QString e = expected.value(i, QStringLiteral("<none>"));
        if (a != e)
            return QStringLiteral("line %1: store has '%2', expected '%3'").arg(i).arg(a, e);
    }
    return {};
}

} // namespace

class tst_CrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void editSequenceIsDeterministic();
    void concurrentWritersDoNotFail();
    void thousandEditsSurviveRandomKills_data();
    void thousandEditsSurviveRandomKills();
};

void tst_CrashSafety::editSequenceIsDeterministic()
{
    const QList<Edit> a = generateEdits(7, 1000);
    const QList<Edit> b = generateEdits(7, 1000);
    QCOMPARE(a.size(), 1000);
    Model ma, mb;
    QHash<int, int> kinds;
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].seq, b[i].seq);
        QCOMPARE(int(a[i].kind), int(b[i].kind));
        QCOMPARE(a[i].value, b[i].value);
        ma.apply(a[i]);
        mb.apply(b[i]);
        ++kinds[int(a[i].kind)];
    }
    QCOMPARE(ma.dump(), mb.dump());
    QVERIFY(ma.dump() != [] {
        Model other;
        for (const Edit &e : generateEdits(8, 1000))
            other.apply(e);
        return other.dump();
    }());
    // Every kind of edit occurs, so the kill test exercises each code path.
    for (int kind = int(Kind::TaskStatus); kind <= int(Kind::OutboxFail); ++kind)
        QVERIFY2(kinds.value(kind) > 0,
                 qPrintable(QStringLiteral("kind %1 never generated").arg(kind)));
}

void tst_CrashSafety::concurrentWritersDoNotFail()
{
    // Two connections writing at once (the GUI and warroom-cli, or the feed's writer thread
    // and the board): a transaction that reads before it writes must wait its turn, not fail
    // with "database is locked" because the other writer committed in between.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("contended.sqlite"));
    {
        QString error;
        auto store = IncidentStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        for (int i = 0; i < kTasks; ++i) {
            IncidentStore::TaskRecord t;
            t.id = taskId(i);
            t.dagId = QStringLiteral("dag_%1").arg(i);
            QVERIFY(store->upsertTask(t));
        }
    }
    constexpr int kEach = 300;
    QList<QProcess *> writers;
    for (const char *name : {"gui", "cli"}) {
        auto *child = new QProcess(this);
        child->start(
            QCoreApplication::applicationFilePath(),
            {QStringLiteral("--contend"), path, QString::fromLatin1(name), QString::number(kEach)});
        writers.append(child);
    }
    for (QProcess *child : std::as_const(writers)) {
        QVERIFY(child->waitForFinished(60000));
        const QString stderrText = QString::fromLocal8Bit(child->readAllStandardError());
        QVERIFY2(child->exitStatus() == QProcess::NormalExit && child->exitCode() == 0,
                 qPrintable(QStringLiteral("exit %1: %2").arg(child->exitCode()).arg(stderrText)));
        delete child;
    }
    QString error;
    auto store = IncidentStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->timeline().size(), 2 * kEach);
}

void tst_CrashSafety::thousandEditsSurviveRandomKills_data()
{
    QTest::addColumn<quint64>("seed");
    // Kills come at a random moment up to twice (start-up + editsPerKill edits) after the
    // child starts, measured as the run goes: the same coverage on a fast disk as a slow one.
    QTest::addColumn<int>("editsPerKill");
    QTest::addColumn<int>("budgetMs"); // then the last child runs to the end unkilled
    QTest::addColumn<int>("editCount");
    const quint64 seed = seedFromEnvironment();
    const int edits = editCountFromEnvironment();
    // Mostly mid-run, through all 1,000 edits; then mostly while the child starts up and
    // opens the store (WAL recovery after the previous kill), on a shorter sequence.
    QTest::newRow("kills mid-run") << seed << 8 << 40000 << edits;
    QTest::newRow("kills around start-up") << seed + 1 << 0 << 8000 << std::min(edits, 300);
}

void tst_CrashSafety::thousandEditsSurviveRandomKills()
{
    QFETCH(quint64, seed);
    QFETCH(int, editsPerKill);
    QFETCH(int, budgetMs);
    QFETCH(int, editCount);
    const QList<Edit> edits = generateEdits(seed, editCount);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state/incident.sqlite"));

    // The board as it stands when the edits begin: tasks, alerts, the incident.
    {
        QString error;
        auto store = IncidentStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->transaction([&] {
            for (int i = 0; i < kTasks; ++i) {
                IncidentStore::TaskRecord t;
                t.id = taskId(i);
                t.dagId = QStringLiteral("dag_%1").arg(i);
                t.logicalDates = {QStringLiteral("2026-11-19T17:00:00Z")};
                t.updatedAt = kBaseTime;
                if (!store->upsertTask(t))
                    return false;
            }
            QList<IncidentStore::AlertRecord> alerts;
            for (int i = 0; i < kAlerts; ++i)
                alerts.append({QStringLiteral("replay"),
                               alertId(i),
                               QStringLiteral("DAG dag_%1 failed").arg(i),
                               {},
                               QStringLiteral("error"),
                               QStringLiteral("open"),
                               {},
                               kBaseTime + i,
                               kBaseTime + i});
            IncidentStore::IncidentRecord incident;
            incident.name = QStringLiteral("Composer outage");
            return store->upsertAlerts(alerts) && store->saveIncident(incident) > 0;
        }));
    }

    // Expected states after 0..N edits.
    QList<QStringList> expected;
    {
        Model model;
        expected.append(model.dump());
        for (const Edit &e : edits) {
            model.apply(e);
            expected.append(model.dump());
        }
    }

    // The board: a reader that stays open across every crash, as a second window would.
    QString error;
    auto board = IncidentStore::open(path, &error);
    QVERIFY2(board, qPrintable(error));

    QRandomGenerator timing(quint32(seed ^ 0x5eed));
    QElapsedTimer total;
    total.start();
    const qint64 killBudgetMs = budgetMs; // then let the last child finish, to bound the test
    int kills = 0;
    int killsBeforeFirstEdit = 0;
    int committedUnreported = 0; // marker one past the last report: the kill fell in between
    int idempotentReapplied = 0; // an idempotent edit committed, its marker not yet
    int reportedTotal = 0;
    int skippedOnResume = 0; // edits the restarted child found already committed
    int boardReads = 0;
    int unkilledEdits = 0;
    int lastUnreportedMarker = -1;
    double startupTotalMs = 0; // child start to its "resume" line (open + WAL recovery)
    int startupSamples = 0;
    double editTotalMs = 0; // per edit, as measured from the reports
    int editsTimed = 0;     // done by the last child, which ran to the end
    QList<int> perRound;
    int lastReported = 0;  // the last edit the child reported done
    int lastKnownDone = 0; // ... or found committed when it resumed
    bool finished = false;
    int rounds = 0;

    while (!finished) {
        QVERIFY2(rounds < 5000, "too many rounds");
        ++rounds;
        QProcess child;
        child.start(
            QCoreApplication::applicationFilePath(),
            {QStringLiteral("--child"), path, QString::number(seed), QString::number(editCount)});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        const bool mayKill = total.elapsed() < killBudgetMs;
        const double startupMs = startupSamples ? startupTotalMs / startupSamples : 20.0;
        const double msPerEdit = editsTimed ? editTotalMs / editsTimed : 3.0;
        const int delayMs
            = 1 + int(timing.bounded(std::max(2.0, 2 * (startupMs + editsPerKill * msPerEdit))));
        qint64 resumeSeenMs = -1;
        qint64 lastReportMs = -1;
        QElapsedTimer clock;
        clock.start();
        QByteArray pending;
        const int knownBefore = lastKnownDone;
        int roundReported = 0;
        bool sawDone = false;
        int resumeAt = -1;
        auto parse = [&] {
            pending += child.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl).trimmed();
                pending.remove(0, nl + 1);
                if (line == "done") {
                    sawDone = true;
                } else if (line.startsWith("resume ")) {
                    resumeAt = line.mid(7).toInt();
                    resumeSeenMs = clock.elapsed();
                    lastKnownDone = std::max(lastKnownDone, resumeAt - 1);
                } else {
                    const int seq = line.toInt();
                    if (seq != lastKnownDone + 1)
                        qWarning("child reported edit %d after %d", seq, lastKnownDone);
                    lastReported = std::max(lastReported, seq);
                    lastKnownDone = std::max(lastKnownDone, seq);
                    lastReportMs = clock.elapsed();
                    ++roundReported;
                }
            }
        };
        while (child.state() == QProcess::Running && (!mayKill || clock.elapsed() < delayMs)) {
            const int left = mayKill ? std::max<int>(1, delayMs - int(clock.elapsed())) : 50;
            child.waitForReadyRead(std::min(left, 10));
            parse();
            board->tasks(); // the big screen keeps reading while the writer works
            ++boardReads;
        }
        bool killed = false;
        if (child.state() == QProcess::Running) {
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));
            // It may have finished its last edit and exited just before the signal.
            killed = child.exitStatus() == QProcess::CrashExit;
        }
        if (killed) {
            ++kills;
            if (roundReported == 0)
                ++killsBeforeFirstEdit;
        } else {
            child.waitForFinished(10000);
            QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                     qPrintable(QStringLiteral("child failed (exit %1): %2")
                                    .arg(child.exitCode())
                                    .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        }
        parse();
        // The child resumes after the store's marker: at most one edit past the last report.
        if (resumeAt > 0) {
            QVERIFY2(resumeAt >= knownBefore + 1 && resumeAt <= knownBefore + 2,
                     qPrintable(QStringLiteral("resumed at %1 after report %2")
                                    .arg(resumeAt)
                                    .arg(knownBefore)));
            skippedOnResume += resumeAt - (knownBefore + 1);
        }
        reportedTotal += roundReported;
        if (resumeSeenMs >= 0) {
            startupTotalMs += double(resumeSeenMs);
            ++startupSamples;
        }
        if (roundReported > 1 && resumeSeenMs >= 0) {
            editTotalMs += double(lastReportMs - resumeSeenMs);
            editsTimed += roundReported;
        }
        perRound.append(roundReported);
        if (!killed)
            unkilledEdits += roundReported;
        finished = sawDone;

        // Reopen and check: intact, every reported edit there, nothing twice, nothing half.
        const Snapshot s = readSnapshot(path);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.integrity, QStringLiteral("ok"));
        QVERIFY2(s.duplicates.isEmpty(),
                 qPrintable(QStringLiteral("applied twice: ") + s.duplicates.join(u',')));
        QVERIFY2(s.marker >= lastReported,
                 qPrintable(QStringLiteral("edit %1 was reported done, the store only has up to %2")
                                .arg(lastReported)
                                .arg(s.marker)));
        QVERIFY2(
            s.marker <= lastKnownDone + 1,
            qPrintable(
                QStringLiteral("store at %1, last report %2").arg(s.marker).arg(lastKnownDone)));
        if (s.marker == lastKnownDone + 1 && s.marker != lastUnreportedMarker) {
            ++committedUnreported; // counted once, though later kills may find it again
            lastUnreportedMarker = s.marker;
        }
        QString diff = firstDifference(s.lines, expected[s.marker]);
        if (!diff.isEmpty() && s.marker < editCount && isIdempotent(edits[s.marker].kind)
            && firstDifference(s.lines, expected[s.marker + 1]).isEmpty()) {
            diff.clear();
            ++idempotentReapplied;
        }
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("after round %1 (store at edit %2): %3")
                                                .arg(rounds)
                                                .arg(s.marker)
                                                .arg(diff)));
        {
            QString openError;
            auto reopened = IncidentStore::open(path, &openError);
            QVERIFY2(reopened, qPrintable(openError));
            QCOMPARE(reopened->schemaVersion(), IncidentStore::kSchemaVersion);
            QCOMPARE(reopened->tasks().size(), kTasks);
        }
        if (finished)
            QCOMPARE(s.marker, editCount);
    }
    QVERIFY2(board->lastError().isEmpty(), qPrintable(board->lastError()));
    QCOMPARE(board->tasks().size(), kTasks);
    QCOMPARE(lastKnownDone, editCount);

    std::sort(perRound.begin(), perRound.end());
    const qint64 ms = total.elapsed();
    qInfo("crash safety (%s): seed %llu, %d edits: %d rounds, %d SIGKILLs "
          "(%d before the first edit was reported), %.1f s total (child start-up %.1f ms, "
          "%.2f ms per committed edit)",
          QTest::currentDataTag(), seed, editCount, rounds, kills, killsBeforeFirstEdit,
          double(ms) / 1000.0, startupSamples ? startupTotalMs / startupSamples : 0.0,
          editsTimed ? editTotalMs / editsTimed : 0.0);
    qInfo("crash safety: edits per round min %d / median %d / max %d (%d edits under kill "
          "pressure); %d edit reports, every reported edit found in the store with its value "
          "after every kill (0 lost); %d edits in the final store, each applied once",
          perRound.first(), perRound[perRound.size() / 2], perRound.last(),
          editCount - unkilledEdits, reportedTotal, editCount);
    qInfo("crash safety: %d kills fell between an edit's commit and its report (found committed, "
          "not applied again: %d edits skipped on resume); %d idempotent edits re-applied after "
          "a kill before their progress marker; %d board reads alongside; integrity_check ok "
          "after each of %d reopenings",
          committedUnreported, skippedOnResume, idempotentReapplied, boardReads, rounds);
    QVERIFY(kills >= 10);
}

int main(int argc, char *argv[])
{
    if (argc == 5 && qstrcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        return runChild(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toULongLong(),
                        QByteArray(argv[4]).toInt());
    }
    if (argc == 5 && qstrcmp(argv[1], "--contend") == 0) {
        QCoreApplication app(argc, argv);
        return runContender(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                            QByteArray(argv[4]).toInt());
    }
    QCoreApplication app(argc, argv);
    tst_CrashSafety test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
