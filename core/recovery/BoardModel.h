#pragma once

#include "core/recovery/BoardTask.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

#include <functional>

namespace warroom {
class IncidentStore;
}

namespace warroom::recovery {

struct RecoveryPlan;

// The recovery board as a flat list of cards in execution order; the column of a card is
// its status (ColumnRole, 0..4 = To do, Re-running, Verifying, Done, Blocked). Views filter
// by column with BoardFilterProxy. Every edit is committed to the store first, then shown
// in the model, then queued in the store's outbox for the GitHub mirror (BoardSync).
class BoardModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DagRole,
        TitleRole,
        DatesRole,            // QStringList, RFC 3339 (UTC)
        DatesSummaryRole,     // "2026-06-05 02:00–04:00 JST"
        DateCountRole,
        TablesRole,           // QStringList
        AfterRole,            // QStringList of task ids
        PriorityRole,         // double score
        PriorityLevelRole,    // "P1".."P4"
        PriorityExplanationRole,
        StatusRole,           // "todo" | "rerunning" | "verifying" | "done" | "blocked"
        ColumnRole,           // int, TaskStatus
        AssigneeRole,         // login or empty
        IssueNumberRole,      // int, 0 while not mirrored
        IssueUrlRole,
        SyncedRole,           // bool: the issue number is stored
        SyncErrorRole,
        WaitingOnRole,        // QStringList: upstream task ids not done yet
        WaitingOnDagsRole,    // QStringList: their DAG ids (for display)
        ObsoleteRole,         // bool
        OnCycleRole,          // bool
        EstimateMinutesRole,  // int or invalid
        OrderRole,            // int, execution order
    };
    Q_ENUM(Role)

    static constexpr const char *kMimeType = "application/x-warroom-task-ids";
    static constexpr const char *kOutboxKind = "issue.upsert";

    struct Progress
    {
        int tasksDone = 0;
        int tasksTotal = 0;
        int tablesRestored = 0;
        int tablesAffected = 0;
        double weightedPercent = 0;  // done share of the total priority (by count if all 0)
        qint64 elapsedSeconds = 0;   // since the incident started (0 when unknown)
    };

    explicit BoardModel(IncidentStore *store, QObject *parent = nullptr);
    ~BoardModel() override;

    IncidentStore *store() const { return m_store; }
    // When on (a GitHub repository is configured), edits queue "issue.upsert" in the outbox.
    void setOutboxEnabled(bool on) { m_outboxEnabled = on; }
    bool outboxEnabled() const { return m_outboxEnabled; }
    void setActor(const QString &login) { m_actor = login; }
    QString actor() const { return m_actor; }
    void setClock(std::function<EpochMicros()> clock) { m_clock = std::move(clock); }
    EpochMicros now() const;
    void setIncidentStart(EpochMicros start);
    EpochMicros incidentStart() const { return m_incidentStart; }

    // Merges the plan into the store (keeping status, assignees, issue numbers), reloads and
    // queues the changed tasks. False (lastError()) when the store failed; nothing changes.
    bool applyPlan(const RecoveryPlan &plan);
    bool moveTasks(const QStringList &ids, TaskStatus status);
    bool assignTasks(const QStringList &ids, const QString &login); // empty login: unassign
    // Appends a timeline event about a task (kind e.g. "airflow"); the card does not change.
    bool logTaskEvent(const QString &id, const QString &kind, const QString &text);
    // Re-reads everything / some tasks from the store (after BoardSync changed them).
    void reload();
    void reloadTasks(const QStringList &ids);

    QList<BoardTask> tasks() const { return m_tasks; }
    std::optional<BoardTask> task(const QString &id) const;
    int rowOf(const QString &id) const;
    QStringList waitingOn(const BoardTask &task) const;
    Progress progress() const;
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    static QStringList idsFromMime(const QMimeData *mime);

signals:
    void boardChanged();                          // anything that changes progress()
    void outboxEnqueued(const QStringList &ids);  // BoardSync listens
    void errorOccurred(const QString &message);

private:
    bool edit(const QStringList &ids, const std::function<bool(BoardTask &)> &change,
              const QString &what);
    void enqueue(const QStringList &ids);
    void fail(const QString &message);

    IncidentStore *m_store;
    QList<BoardTask> m_tasks;
    QHash<QString, int> m_rows;
    bool m_outboxEnabled = false;
    QString m_actor;
    std::function<EpochMicros()> m_clock;
    EpochMicros m_incidentStart = 0;
    QString m_lastError;
};

// Typed filters over the board: one column (or all), mine (a login), unassigned, blocked
// (status Blocked or waiting on an upstream task), obsolete cards hidden unless asked for.
// Sorted in execution order.
class BoardFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BoardFilterProxy(QObject *parent = nullptr);

    void setColumn(int column);               // -1: every column
    int column() const { return m_column; }
    void setMine(const QString &login);       // empty: off
    QString mine() const { return m_mine; }
    void setUnassignedOnly(bool on);
    bool unassignedOnly() const { return m_unassigned; }
    void setBlockedOnly(bool on);
    bool blockedOnly() const { return m_blocked; }
    void setShowObsolete(bool on);
    bool showObsolete() const { return m_obsolete; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changed();

    int m_column = -1;
    QString m_mine;
    bool m_unassigned = false;
    bool m_blocked = false;
    bool m_obsolete = false;
};

} // namespace warroom::recovery
