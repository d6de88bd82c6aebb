#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace warroom {

// Per-incident state in SQLite (WAL): alerts, acknowledgements, the timeline, the incident,
// board tasks, HTTP validators and the GitHub outbox. Every method commits before it
// returns true, so whatever the UI reports done survives a crash or a kill.
// Not thread-safe: use one IncidentStore per thread (each opens its own connection).
// Times are microseconds since the epoch (UTC), as in core/common/Timestamps.h.
class IncidentStore
{
public:
    static constexpr int kSchemaVersion = 2;

    // Opens (creating folders and file, migrating older schemas) the database at `path`.
    // ":memory:" gives a private in-memory store for tests.
    static std::unique_ptr<IncidentStore> open(const QString &path, QString *error);
    ~IncidentStore();

    QString path() const;
    int schemaVersion() const;
    QString lastError() const;

    // Runs `work` in one transaction; commits when it returns true, rolls back otherwise.
    bool transaction(const std::function<bool()> &work);

    // --- key/value settings scoped to this workspace's state
    QString value(const QString &key, const QString &defaultValue = {}) const;
    bool setValue(const QString &key, const QString &value);

    // --- HTTP validators, so a restart makes conditional requests (ETag / Last-Modified)
    struct HttpValidator
    {
        QString url;
        QString etag;
        QString lastModified;
        QByteArray body;         // the last 200 body, replayed on 304
        qint64 fetchedAt = 0;
    };
    std::optional<HttpValidator> validator(const QString &url) const;
    bool putValidator(const HttpValidator &validator);

    // --- alerts, one row per distinct (source, id)
    struct AlertRecord
    {
        QString source;          // github | airflow | webhook | replay
        QString id;              // stable within its source
        QString title;           // plain text
        QString url;
        QString severity;        // critical | error | warning | info
        QString state;           // open | closed | resolved
        QString groupKey;        // alerts with the same key are grouped (same DAG, same check)
        qint64 createdAt = 0;
        qint64 updatedAt = 0;
        QByteArray payload;      // source-specific JSON
        QString ackBy;           // empty while unacknowledged
        qint64 ackAt = 0;
        QString ackNote;
    };
    // Inserts or updates by (source, id); acknowledgement fields are never overwritten here.
    bool upsertAlerts(const QList<AlertRecord> &alerts);
    QList<AlertRecord> alerts() const;
    std::optional<AlertRecord> alert(const QString &source, const QString &id) const;
    bool acknowledge(const QString &source, const QString &id, const QString &who,
                     const QString &note, qint64 at);

    // --- the timeline: everything that happened, in order
    struct TimelineEvent
    {
        qint64 id = 0;           // assigned by the store
        qint64 at = 0;
        QString kind;            // alert | ack | incident | cause | task | note | sync ...
        QString actor;
        QString text;
        QString ref;             // what it is about: an alert, a task, a table
    };
    qint64 appendTimeline(const TimelineEvent &event); // returns the id, 0 on failure
    QList<TimelineEvent> timeline(qint64 afterId = 0) const;

    // --- the incident (one current incident per workspace state)
    struct IncidentRecord
    {
        qint64 id = 0;
        QString name;
        QString severity;
        QString status;          // active | mitigated | resolved
        qint64 windowStart = 0;
        qint64 windowEnd = 0;    // 0 while ongoing
        qint64 startedAt = 0;
        qint64 endedAt = 0;
        QString commander;
        QString communications;
        QStringList causes;      // "dataset.table", "project.dataset.table", "dag:DAG_ID"
    };
    std::optional<IncidentRecord> currentIncident() const;
    qint64 saveIncident(const IncidentRecord &incident); // insert (id 0) or update; returns id

    // --- recovery board tasks
    struct TaskRecord
    {
        QString id;
        QString dagId;
        QStringList logicalDates;
        QStringList tables;
        QStringList after;       // task ids that must finish first
        double priority = 0;
        QString status;          // todo | rerunning | verifying | done | blocked
        QString assignee;
        int issueNumber = 0;     // 0 while not mirrored
        qint64 updatedAt = 0;
        QByteArray extra;        // JSON for anything else
    };
    bool upsertTask(const TaskRecord &task);
    QList<TaskRecord> tasks() const;
    std::optional<TaskRecord> task(const QString &id) const;
    bool removeTask(const QString &id);

    // --- the outbox: writes to GitHub, replayed in order until done
    struct OutboxEntry
    {
        qint64 id = 0;
        QString kind;            // e.g. "issue.upsert"
        QString key;             // idempotency key (a task id)
        QByteArray payload;      // JSON
        int attempts = 0;
        QString lastError;
        qint64 createdAt = 0;
        qint64 doneAt = 0;       // 0 while pending
    };
    qint64 enqueue(const QString &kind, const QString &key, const QByteArray &payload);
    QList<OutboxEntry> pendingOutbox() const;
    bool markOutboxDone(qint64 id);
    bool markOutboxFailed(qint64 id, const QString &error);

private:
    IncidentStore();
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace warroom
