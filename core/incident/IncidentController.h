#pragma once

#include "core/alerts/Alert.h"
#include "core/store/IncidentStore.h"
#include "core/workspace/Workspace.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace warroom {

class AlertFeed;

// The current incident over the IncidentStore: a time window (start, end or ongoing),
// severity, status, roles and root causes ("dag:DAG_ID", "dataset.table",
// "project.dataset.table"). Every change is saved together with a timeline event in one
// transaction before any signal is emitted. The lineage view and the recovery board take
// causes() and the window as their input and follow causesChanged()/windowChanged().
class IncidentController : public QObject
{
    Q_OBJECT

public:
    using Incident = IncidentStore::IncidentRecord;
    using Clock = std::function<EpochMicros()>;

    // `feed` is optional: with it, alerts can start an incident automatically and the actor
    // and clock default to the feed's. Both must outlive the controller.
    explicit IncidentController(IncidentStore *store, AlertFeed *feed = nullptr,
                                QObject *parent = nullptr);

    void setClock(Clock clock);
    EpochMicros now() const;
    void setActor(const QString &who);
    QString actor() const;

    // --- reading (cached; reload() re-reads the store)
    void reload();
    std::optional<Incident> incident() const; // the current incident, resolved or not
    bool isActive() const;                    // there is one and it is not resolved
    QStringList causes() const;               // empty when no incident
    EpochMicros windowStart() const;          // 0 when no incident
    EpochMicros windowEnd() const;            // 0 while ongoing
    bool isOngoing() const { return isActive() && windowEnd() == 0; }
    QString lastError() const { return m_lastError; }

    // --- starting
    // Starts a new incident (fails while another is active). `windowStart` 0 means now.
    bool startIncident(const QString &name, Severity severity, EpochMicros windowStart = 0,
                       const QStringList &causes = {});
    // From selected alerts: window from the earliest alert, highest severity, causes
    // suggested from their DAG/table fields. With an active incident, adds those causes to it.
    bool startFromAlerts(const QList<warroom::Alert> &alerts, const QString &name = {});
    // When on, the first open critical alert the feed reports starts an incident if none is
    // active. Off by default.
    void setAutoStartOnCritical(bool on);
    bool autoStartOnCritical() const { return m_autoStart; }
    // The workspace's incident defaults (the demo's outage) when no incident is stored yet.
    bool applyDefaults(const WorkspaceConfig::IncidentDefaults &defaults);

    // --- editing (each returns false with lastError() when there is no incident, the value is
    // invalid or the store refused)
    bool setName(const QString &name);
    bool setSeverity(warroom::Severity severity);
    bool setStatus(const QString &status);              // active | mitigated | resolved
    bool setWindow(EpochMicros start, EpochMicros end); // end 0: ongoing
    bool setCommander(const QString &who);
    bool setCommunications(const QString &who);
    bool addCause(const QString &cause);
    bool removeCause(const QString &cause);
    bool setCauses(const QStringList &causes);
    bool addNote(const QString &text);
    bool resolve(); // status resolved, window closed now if open

    // "dag:ID" for alerts with a DAG, the table for alerts about a table; de-duplicated.
    static QStringList suggestCauses(const QList<warroom::Alert> &alerts);
    // Normalises a cause ("`p.d.t`" -> "p.d.t", "DAG:x" -> "dag:x"); empty when invalid.
    static QString normalizeCause(const QString &cause);
    static QStringList statuses();

signals:
    void incidentChanged();
    void causesChanged(const QStringList &causes);
    void windowChanged(qint64 start, qint64 end);
    void timelineChanged();
    void errorOccurred(const QString &message);

private:
    bool commit(const Incident &next, const QList<IncidentStore::TimelineEvent> &events);
    bool requireIncident();
    IncidentStore::TimelineEvent event(const QString &kind, const QString &text,
                                       const QString &ref = {}) const;
    void onAlertsArrived(const QList<warroom::Alert> &alerts);

    IncidentStore *m_store;
    AlertFeed *m_feed;
    Clock m_clock;
    QString m_actor;
    std::optional<Incident> m_incident;
    bool m_autoStart = false;
    QString m_lastError;
};

// "active" -> "Active", "mitigated", "resolved" (translated, for display); other words as given.
QString incidentStatusTitle(const QString &status);

} // namespace warroom
