#pragma once

#include "core/recovery/BoardTask.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace warroom {
class IncidentStore;
class IssueTracker;
struct Issue;
struct IssueFields;
struct IssueTrackerError;
}

namespace warroom::recovery {

class BoardModel;

struct BoardSyncOptions
{
    QString recoveryLabel = QStringLiteral("recovery"); // the workspace's github.recovery_label
    QString workspaceName;         // named in issue bodies
    int requestTimeoutMs = 90000;  // no answer for this long: treated as a (retryable) timeout
    int baseBackoffMs = 2000;      // after a retryable failure; doubles per attempt
    int maxBackoffMs = 300000;
    int writePauseMs = 1000;       // between content-creating writes (GitHub secondary limits)
    int pollIntervalMs = 60000;    // 0: poll only when asked
};

// Mirrors every board task to a GitHub issue through an IssueTracker. Writes come from the
// store's outbox ("issue.upsert" keyed by task id, "issue.close" for duplicates), one at a
// time, each idempotent: before creating, the issue is looked up by its hidden marker, so a
// retry after a timeout adopts the issue it created instead of creating a second one. Labels
// are ensured before use; retryable failures (5xx, timeouts, rate limits) back off
// exponentially and never run in parallel; 422s are recorded on the task (an unassignable
// login is dropped and the issue written without it). Only fields that differ from the issue
// as last seen are written, so concurrent edits on GitHub are not overwritten.
// poll() lists the issues with the recovery label and takes status (labels, closed) and
// assignee from GitHub for every field not edited here since; issues of tasks this board does
// not know are imported from their hidden plan data; duplicates (two War Rooms racing) are
// resolved to the lowest issue number and the others closed. GitHub is the shared truth:
// boards watching the same repository converge.
class BoardSync : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kCloseKind = "issue.close";

    BoardSync(IncidentStore *store, IssueTracker *tracker, const BoardSyncOptions &options,
              QObject *parent = nullptr);
    ~BoardSync() override;

    // Optional: rows are reloaded after remote changes, and its edits start the outbox.
    void setModel(BoardModel *model);
    const BoardSyncOptions &options() const { return m_options; }

    // Queues every task that has no issue yet or has unsent changes (also repairs a crash
    // between a store commit and its outbox entry), processes the outbox, starts polling.
    void start();
    void stop();
    void enqueueAll();
    void enqueueTask(const QString &taskId);
    void poll();               // after whatever is in flight
    void processOutbox();      // now, unless busy or backing off

    bool isBusy() const;       // a request in flight or a backoff pending
    bool isIdle() const;       // nothing in flight, nothing pending in the outbox
    int pendingCount() const;  // outbox entries not done
    bool allSynced() const;    // every live task has its issue number
    QDateTime lastSyncedAt() const { return m_lastSynced; } // last successful poll or write
    QString lastError() const { return m_lastError; }
    int writeCount() const { return m_writes; }

signals:
    void idle();
    void pollFinished(bool ok);
    void tasksChanged(const QStringList &ids);
    void lastSyncedChanged(const QDateTime &at);
    void errorOccurred(const QString &message);
    void backingOff(qint64 ms, const QString &reason);

private:
    enum class Step { None, EnsureLabel, Find, Create, Update, Close, Poll };

    void scheduleNext(int delayMs);
    void next();
    void continueTask();
    void send(Step step, quint64 requestId);
    // Writes keep at least writePauseMs between them (GitHub: secondary limits).
    void sendWrite(Step step, const std::function<quint64()> &call);
    void finishEntry(bool wrote);
    void fail(const QString &message, bool retryable, bool validation);
    void onIssueReceived(quint64 id, const warroom::Issue &issue);
    void onIssueNotFound(quint64 id);
    void onLabelEnsured(quint64 id, const QString &name);
    void onIssuesListed(quint64 id, const QList<warroom::Issue> &issues);
    void onRequestFailed(quint64 id, const warroom::IssueTrackerError &error);
    void onTimeout();
    void startPoll();
    void markSynced();
    std::optional<BoardTask> loadTask(const QString &id) const;
    bool saveTask(const BoardTask &task);
    // Takes the issue as last seen (and, for fields not edited here, its status/assignee).
    void absorbIssue(BoardTask &task, const warroom::Issue &issue, bool pull) const;
    bool hasPending(const QString &key) const;
    void notifyChanged(const QStringList &ids);

    IncidentStore *m_store;
    QPointer<IssueTracker> m_tracker;
    BoardSyncOptions m_options;
    QPointer<BoardModel> m_model;

    // the entry being processed
    Step m_step = Step::None;
    quint64 m_request = 0;
    QList<qint64> m_entryIds;  // coalesced outbox entries with the same key
    QString m_taskId;
    int m_closeNumber = 0;
    int m_entryAttempts = 0;
    qint64 m_revisionSent = 0;
    bool m_dropAssignees = false;
    bool m_wrote = false;
    int m_restarts = 0;
    QString m_labelInFlight;

    QSet<QString> m_ensuredLabels; // lower-case
    bool m_pollWanted = false;
    bool m_stopped = false;
    bool m_sentAssignees = false;
    QElapsedTimer m_monotonic;
    qint64 m_backoffUntil = 0;  // on m_monotonic, ms
    qint64 m_lastWrite = -1;    // on m_monotonic, ms
    qint64 m_retryAfterMs = 0;  // from the last rate-limited failure
    qint64 backoffRemaining() const;
    QTimer m_nextTimer;
    QTimer m_timeoutTimer;
    QTimer m_pollTimer;
    int m_consecutiveFailures = 0;
    QDateTime m_lastSynced;
    QString m_lastError;
    int m_writes = 0;
};

} // namespace warroom::recovery
