#include "core/store/IncidentStore.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace warroom {

namespace {

// Each migration takes the schema from version (index) to version (index + 1).
// Never edit a shipped migration: append a new one and bump kSchemaVersion.
const char *const kMigrations[] = {
    // 0 -> 1
    R"(CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
       CREATE TABLE http_validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
           body BLOB, fetched_at INTEGER NOT NULL DEFAULT 0);
       CREATE TABLE alerts (source TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL,
           url TEXT, severity TEXT NOT NULL, state TEXT NOT NULL, group_key TEXT,
           created_at INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0,
           payload BLOB, ack_by TEXT, ack_at INTEGER NOT NULL DEFAULT 0, ack_note TEXT,
           PRIMARY KEY (source, id));
       CREATE TABLE timeline (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,
           kind TEXT NOT NULL, actor TEXT, text TEXT NOT NULL, ref TEXT);
       CREATE TABLE incidents (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,
           severity TEXT, status TEXT NOT NULL, window_start INTEGER NOT NULL DEFAULT 0,
           window_end INTEGER NOT NULL DEFAULT 0, started_at INTEGER NOT NULL DEFAULT 0,
           ended_at INTEGER NOT NULL DEFAULT 0, commander TEXT, communications TEXT,
           causes TEXT NOT NULL DEFAULT '');
       CREATE TABLE tasks (id TEXT PRIMARY KEY, dag_id TEXT NOT NULL, logical_dates TEXT,
           tables TEXT, after TEXT, priority REAL NOT NULL DEFAULT 0, status TEXT NOT NULL,
           assignee TEXT, issue_number INTEGER NOT NULL DEFAULT 0,
           updated_at INTEGER NOT NULL DEFAULT 0);
       CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
           key TEXT NOT NULL, payload BLOB, attempts INTEGER NOT NULL DEFAULT 0,
           last_error TEXT, created_at INTEGER NOT NULL, done_at INTEGER NOT NULL DEFAULT 0);)",
    // 1 -> 2: free-form task details, and indexes for the polls that run every few seconds
    R"(ALTER TABLE tasks ADD COLUMN extra BLOB;
       CREATE INDEX alerts_updated ON alerts (updated_at);
       CREATE INDEX outbox_pending ON outbox (done_at, id);)",
};
static_assert(std::size(kMigrations) == IncidentStore::kSchemaVersion);

qint64 nowMicros()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// Lists are stored as text with one item per line: items never contain a newline
// (tables, dates, task ids), and the column stays readable in the sqlite3 shell.
QString joinList(const QStringList &list)
{
    // Never a null QString: Qt binds that as SQL NULL, which NOT NULL columns refuse.
    return list.isEmpty() ? QStringLiteral("") : list.join(QLatin1Char('\n'));
}

QStringList splitList(const QVariant &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

} // namespace

class IncidentStore::Private
{
public:
    QString path;
    QString connectionName;
    QSqlDatabase db;
    QString lastError;
    int version = 0;
    int transactionDepth = 0;

    bool fail(const QSqlError &error, const char *what)
    {
        lastError = QStringLiteral("%1: %2").arg(QString::fromLatin1(what), error.text());
        qWarning("IncidentStore: %s", qPrintable(lastError));
        return false;
    }

    bool exec(QSqlQuery &query, const char *what)
    {
        return query.exec() || fail(query.lastError(), what);
    }

    QSqlQuery prepare(const char *sql)
    {
        QSqlQuery query(db);
        query.prepare(QString::fromUtf8(sql));
        return query;
    }

    bool execScript(const QString &script, const char *what)
    {
        for (const QString &statement : script.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (statement.trimmed().isEmpty())
                continue;
            QSqlQuery query(db);
            if (!query.exec(statement))
                return fail(query.lastError(), what);
        }
        return true;
    }

    // A single write outside an explicit transaction is its own (auto-committed) transaction.
    template<typename Work>
    bool write(Work work)
    {
        if (transactionDepth > 0)
            return work();
        if (!begin())
            return false;
        if (!work()) {
            db.rollback();
            return false;
        }
        return commit();
    }

    // BEGIN IMMEDIATE takes the write lock up front, waiting (busy timeout) for another
    // writer. A deferred BEGIN would take it only at the first write, and a transaction that
    // read first then fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT) when
    // another connection committed in between - the busy timeout does not apply to that.
    bool begin()
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(query.lastError(), "begin");
        return true;
    }

    // A failed COMMIT (SQLITE_BUSY, disk full) leaves the transaction open: roll it back, or
    // every later write fails with "cannot start a transaction within a transaction".
    bool commit()
    {
        if (db.commit())
            return true;
        fail(db.lastError(), "commit");
        db.rollback();
        return false;
    }
};

IncidentStore::IncidentStore()
    : d(std::make_unique<Private>())
{}

IncidentStore::~IncidentStore()
{
    const QString name = d->connectionName;
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

std::unique_ptr<IncidentStore> IncidentStore::open(const QString &path, QString *error)
{
    static QAtomicInt counter;
    std::unique_ptr<IncidentStore> store(new IncidentStore);
    Private &d = *store->d;
    d.path = path;
    d.connectionName = QStringLiteral("warroom-store-%1").arg(counter.fetchAndAddRelaxed(1));

    auto failOpen = [&](const QString &message) -> std::unique_ptr<IncidentStore> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, message);
        return nullptr;
    };

    if (path != QLatin1String(":memory:")) {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath()))
            return failOpen(QStringLiteral("cannot create folder %1").arg(info.absolutePath()));
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return failOpen(QStringLiteral("the Qt SQLite driver is not installed (libqt6sql6-sqlite)"));

    d.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d.connectionName);
    d.db.setDatabaseName(path);
    d.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!d.db.open())
        return failOpen(d.db.lastError().text());

    // WAL lets a reader (the board in another window) run beside the writer; FULL makes
    // every commit durable before we tell the user it is done.
    QSqlQuery pragma(d.db);
    if (path != QLatin1String(":memory:")) {
        if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !pragma.next()
            || pragma.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return failOpen(QStringLiteral("cannot switch to WAL mode: %1").arg(pragma.lastError().text()));
    }
    pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"));

    if (!pragma.exec(QStringLiteral("PRAGMA user_version")) || !pragma.next())
        return failOpen(pragma.lastError().text());
    d.version = pragma.value(0).toInt();
    if (d.version > kSchemaVersion)
        return failOpen(QStringLiteral("written by a newer War Room (schema %1, this one knows %2)")
                            .arg(d.version)
                            .arg(kSchemaVersion));
    while (d.version < kSchemaVersion) {
        const int next = d.version + 1;
        const bool ok = d.write([&] {
            return d.execScript(QString::fromUtf8(kMigrations[d.version]), "migration")
                   && d.execScript(QStringLiteral("PRAGMA user_version=%1").arg(next), "version");
        });
        if (!ok)
            return failOpen(QStringLiteral("migration to schema %1 failed: %2").arg(next).arg(d.lastError));
        d.version = next;
    }
    return store;
}

QString IncidentStore::path() const { return d->path; }
int IncidentStore::schemaVersion() const { return d->version; }
QString IncidentStore::lastError() const { return d->lastError; }

bool IncidentStore::transaction(const std::function<bool()> &work)
{
    if (d->transactionDepth > 0)
        return work();
    if (!d->begin())
        return false;
    ++d->transactionDepth;
    const bool ok = work();
    --d->transactionDepth;
    if (!ok) {
        d->db.rollback();
        return false;
    }
    return d->commit();
}

QString IncidentStore::value(const QString &key, const QString &defaultValue) const
{
    QSqlQuery query = d->prepare("SELECT value FROM settings WHERE key = ?");
    query.addBindValue(key);
    if (d->exec(query, "read setting") && query.next())
        return query.value(0).toString();
    return defaultValue;
}

bool IncidentStore::setValue(const QString &key, const QString &value)
{
    return d->write([&] {
        QSqlQuery query = d->prepare("INSERT INTO settings (key, value) VALUES (?, ?) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        query.addBindValue(key);
        query.addBindValue(value);
        return d->exec(query, "write setting");
    });
}

std::optional<IncidentStore::HttpValidator> IncidentStore::validator(const QString &url) const
{
    QSqlQuery query = d->prepare(
        "SELECT etag, last_modified, body, fetched_at FROM http_validators WHERE url = ?");
    query.addBindValue(url);
    if (!d->exec(query, "read validator") || !query.next())
        return std::nullopt;
    return HttpValidator{url, query.value(0).toString(), query.value(1).toString(),
                         query.value(2).toByteArray(), query.value(3).toLongLong()};
}

bool IncidentStore::putValidator(const HttpValidator &validator)
{
    return d->write([&] {
        QSqlQuery query = d->prepare(
            "INSERT INTO http_validators (url, etag, last_modified, body, fetched_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, body = excluded.body, "
            "fetched_at = excluded.fetched_at");
        query.addBindValue(validator.url);
        query.addBindValue(validator.etag);
        query.addBindValue(validator.lastModified);
        query.addBindValue(validator.body);
        query.addBindValue(validator.fetchedAt ? validator.fetchedAt : nowMicros());
        return d->exec(query, "write validator");
    });
}

bool IncidentStore::upsertAlerts(const QList<AlertRecord> &alerts)
{
    if (alerts.isEmpty())
        return true;
    return d->write([&] {
        QSqlQuery query = d->prepare(
            "INSERT INTO alerts (source, id, title, url, severity, state, group_key, created_at, "
            "updated_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(source, id) DO UPDATE SET title = excluded.title, url = excluded.url, "
            "severity = excluded.severity, state = excluded.state, group_key = excluded.group_key, "
            "created_at = excluded.created_at, updated_at = excluded.updated_at, "
            "payload = excluded.payload");
        for (const AlertRecord &a : alerts) {
            query.addBindValue(a.source);
            query.addBindValue(a.id);
            query.addBindValue(a.title);
            query.addBindValue(a.url);
            query.addBindValue(a.severity);
            query.addBindValue(a.state);
            query.addBindValue(a.groupKey);
            query.addBindValue(a.createdAt);
            query.addBindValue(a.updatedAt);
            query.addBindValue(a.payload);
            if (!d->exec(query, "write alert"))
                return false;
        }
        return true;
    });
}

static IncidentStore::AlertRecord alertFromQuery(const QSqlQuery &q)
{
    IncidentStore::AlertRecord a;
    a.source = q.value(0).toString();
    a.id = q.value(1).toString();
    a.title = q.value(2).toString();
    a.url = q.value(3).toString();
    a.severity = q.value(4).toString();
    a.state = q.value(5).toString();
    a.groupKey = q.value(6).toString();
    a.createdAt = q.value(7).toLongLong();
    a.updatedAt = q.value(8).toLongLong();
    a.payload = q.value(9).toByteArray();
    a.ackBy = q.value(10).toString();
    a.ackAt = q.value(11).toLongLong();
    a.ackNote = q.value(12).toString();
    return a;
}

#define WARROOM_ALERT_COLUMNS                                                                      \
    "source, id, title, url, severity, state, group_key, created_at, updated_at, payload, "        \
    "ack_by, ack_at, ack_note"

QList<IncidentStore::AlertRecord> IncidentStore::alerts() const
{
    QList<AlertRecord> result;
    QSqlQuery query = d->prepare("SELECT " WARROOM_ALERT_COLUMNS
                                 " FROM alerts ORDER BY created_at, source, id");
    if (!d->exec(query, "read alerts"))
        return result;
    while (query.next())
        result.append(alertFromQuery(query));
    return result;
}

std::optional<IncidentStore::AlertRecord> IncidentStore::alert(const QString &source,
                                                               const QString &id) const
{
    QSqlQuery query = d->prepare("SELECT " WARROOM_ALERT_COLUMNS
                                 " FROM alerts WHERE source = ? AND id = ?");
    query.addBindValue(source);
    query.addBindValue(id);
    if (!d->exec(query, "read alert") || !query.next())
        return std::nullopt;
    return alertFromQuery(query);
}

bool IncidentStore::acknowledge(const QString &source, const QString &id, const QString &who,
                                const QString &note, qint64 at)
{
    return d->write([&] {
        QSqlQuery query = d->prepare(
            "UPDATE alerts SET ack_by = ?, ack_at = ?, ack_note = ? WHERE source = ? AND id = ?");
        query.addBindValue(who);
        query.addBindValue(at ? at : nowMicros());
        query.addBindValue(note);
        query.addBindValue(source);
        query.addBindValue(id);
        if (!d->exec(query, "acknowledge"))
            return false;
        if (query.numRowsAffected() != 1) {
            d->lastError = QStringLiteral("acknowledge: no alert %1/%2").arg(source, id);
            return false;
        }
        return true;
    });
}

qint64 IncidentStore::appendTimeline(const TimelineEvent &event)
{
    qint64 id = 0;
    d->write([&] {
        QSqlQuery query = d->prepare(
            "INSERT INTO timeline (at, kind, actor, text, ref) VALUES (?, ?, ?, ?, ?)");
        query.addBindValue(event.at ? event.at : nowMicros());
        query.addBindValue(event.kind);
        query.addBindValue(event.actor);
        query.addBindValue(event.text);
        query.addBindValue(event.ref);
        if (!d->exec(query, "append timeline"))
            return false;
        id = query.lastInsertId().toLongLong();
        return true;
    });
    return id;
}

QList<IncidentStore::TimelineEvent> IncidentStore::timeline(qint64 afterId) const
{
    QList<TimelineEvent> result;
    QSqlQuery query = d->prepare(
        "SELECT id, at, kind, actor, text, ref FROM timeline WHERE id > ? ORDER BY id");
    query.addBindValue(afterId);
    if (!d->exec(query, "read timeline"))
        return result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toLongLong(),
                       query.value(2).toString(), query.value(3).toString(),
                       query.value(4).toString(), query.value(5).toString()});
    }
    return result;
}

std::optional<IncidentStore::IncidentRecord> IncidentStore::currentIncident() const
{
    QSqlQuery query = d->prepare(
        "SELECT id, name, severity, status, window_start, window_end, started_at, ended_at, "
        "commander, communications, causes FROM incidents ORDER BY id DESC LIMIT 1");
    if (!d->exec(query, "read incident") || !query.next())
        return std::nullopt;
    IncidentRecord r;
    r.id = query.value(0).toLongLong();
    r.name = query.value(1).toString();
    r.severity = query.value(2).toString();
    r.status = query.value(3).toString();
    r.windowStart = query.value(4).toLongLong();
    r.windowEnd = query.value(5).toLongLong();
    r.startedAt = query.value(6).toLongLong();
    r.endedAt = query.value(7).toLongLong();
    r.commander = query.value(8).toString();
    r.communications = query.value(9).toString();
    r.causes = splitList(query.value(10));
    return r;
}

qint64 IncidentStore::saveIncident(const IncidentRecord &r)
{
    qint64 id = r.id;
    const bool ok = d->write([&] {
        QSqlQuery query = d->prepare(
            r.id == 0 ? "INSERT INTO incidents (name, severity, status, window_start, window_end, "
                        "started_at, ended_at, commander, communications, causes) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      : "UPDATE incidents SET name = ?, severity = ?, status = ?, window_start = ?, "
                        "window_end = ?, started_at = ?, ended_at = ?, commander = ?, "
                        "communications = ?, causes = ? WHERE id = ?");
        query.addBindValue(r.name);
        query.addBindValue(r.severity);
        query.addBindValue(r.status.isEmpty() ? QStringLiteral("active") : r.status);
        query.addBindValue(r.windowStart);
        query.addBindValue(r.windowEnd);
        query.addBindValue(r.startedAt ? r.startedAt : nowMicros());
        query.addBindValue(r.endedAt);
        query.addBindValue(r.commander);
        query.addBindValue(r.communications);
        query.addBindValue(joinList(r.causes));
        if (r.id != 0)
            query.addBindValue(r.id);
        if (!d->exec(query, "write incident"))
            return false;
        if (r.id == 0)
            id = query.lastInsertId().toLongLong();
        else if (query.numRowsAffected() != 1) {
            d->lastError = QStringLiteral("write incident: no incident %1").arg(r.id);
            return false;
        }
        return true;
    });
    return ok ? id : 0;
}

bool IncidentStore::upsertTask(const TaskRecord &t)
{
    return d->write([&] {
        QSqlQuery query = d->prepare(
            "INSERT INTO tasks (id, dag_id, logical_dates, tables, after, priority, status, "
            "assignee, issue_number, updated_at, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET dag_id = excluded.dag_id, "
            "logical_dates = excluded.logical_dates, tables = excluded.tables, "
            "after = excluded.after, priority = excluded.priority, status = excluded.status, "
            "assignee = excluded.assignee, issue_number = excluded.issue_number, "
            "updated_at = excluded.updated_at, extra = excluded.extra");
        query.addBindValue(t.id);
        query.addBindValue(t.dagId);
        query.addBindValue(joinList(t.logicalDates));
        query.addBindValue(joinList(t.tables));
        query.addBindValue(joinList(t.after));
        query.addBindValue(t.priority);
        query.addBindValue(t.status.isEmpty() ? QStringLiteral("todo") : t.status);
        query.addBindValue(t.assignee);
        query.addBindValue(t.issueNumber);
        query.addBindValue(t.updatedAt ? t.updatedAt : nowMicros());
        query.addBindValue(t.extra);
        return d->exec(query, "write task");
    });
}

static IncidentStore::TaskRecord taskFromQuery(const QSqlQuery &q)
{
    IncidentStore::TaskRecord t;
    t.id = q.value(0).toString();
    t.dagId = q.value(1).toString();
    t.logicalDates = splitList(q.value(2));
    t.tables = splitList(q.value(3));
    t.after = splitList(q.value(4));
    t.priority = q.value(5).toDouble();
    t.status = q.value(6).toString();
    t.assignee = q.value(7).toString();
    t.issueNumber = q.value(8).toInt();
    t.updatedAt = q.value(9).toLongLong();
    t.extra = q.value(10).toByteArray();
    return t;
}

#define WARROOM_TASK_COLUMNS                                                                       \
    "id, dag_id, logical_dates, tables, after, priority, status, assignee, issue_number, "         \
    "updated_at, extra"

QList<IncidentStore::TaskRecord> IncidentStore::tasks() const
{
    QList<TaskRecord> result;
    QSqlQuery query = d->prepare("SELECT " WARROOM_TASK_COLUMNS " FROM tasks ORDER BY rowid");
    if (!d->exec(query, "read tasks"))
        return result;
    while (query.next())
        result.append(taskFromQuery(query));
    return result;
}

std::optional<IncidentStore::TaskRecord> IncidentStore::task(const QString &id) const
{
    QSqlQuery query = d->prepare("SELECT " WARROOM_TASK_COLUMNS " FROM tasks WHERE id = ?");
    query.addBindValue(id);
    if (!d->exec(query, "read task") || !query.next())
        return std::nullopt;
    return taskFromQuery(query);
}

bool IncidentStore::removeTask(const QString &id)
{
    return d->write([&] {
        QSqlQuery query = d->prepare("DELETE FROM tasks WHERE id = ?");
        query.addBindValue(id);
        return d->exec(query, "remove task");
    });
}

qint64 IncidentStore::enqueue(const QString &kind, const QString &key, const QByteArray &payload)
{
    qint64 id = 0;
    d->write([&] {
        QSqlQuery query = d->prepare(
            "INSERT INTO outbox (kind, key, payload, created_at) VALUES (?, ?, ?, ?)");
        query.addBindValue(kind);
        query.addBindValue(key);
        query.addBindValue(payload);
        query.addBindValue(nowMicros());
        if (!d->exec(query, "enqueue"))
            return false;
        id = query.lastInsertId().toLongLong();
        return true;
    });
    return id;
}

QList<IncidentStore::OutboxEntry> IncidentStore::pendingOutbox() const
{
    QList<OutboxEntry> result;
    QSqlQuery query = d->prepare("SELECT id, kind, key, payload, attempts, last_error, created_at, "
                                 "done_at FROM outbox WHERE done_at = 0 ORDER BY id");
    if (!d->exec(query, "read outbox"))
        return result;
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toString(),
                       query.value(2).toString(), query.value(3).toByteArray(),
                       query.value(4).toInt(), query.value(5).toString(),
                       query.value(6).toLongLong(), query.value(7).toLongLong()});
    }
    return result;
}

bool IncidentStore::markOutboxDone(qint64 id)
{
    return d->write([&] {
        QSqlQuery query = d->prepare("UPDATE outbox SET done_at = ? WHERE id = ?");
        query.addBindValue(nowMicros());
        query.addBindValue(id);
        return d->exec(query, "outbox done");
    });
}

bool IncidentStore::markOutboxFailed(qint64 id, const QString &error)
{
    return d->write([&] {
        QSqlQuery query = d->prepare(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?");
        query.addBindValue(error);
        query.addBindValue(id);
        return d->exec(query, "outbox failed");
    });
}

} // namespace warroom
