#pragma once

#include "core/alerts/Alert.h"
#include "core/store/IncidentStore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace warroom {

class AlertFeedModel;
class AlertSource;
class IncidentStore;

// Identifies one alert: a source's alert is one alert however often it is reported.
struct AlertKey
{
    QString source;
    QString id;

    // "source/id" (the id may itself contain '/'; the source never does).
    QString toString() const { return source + QLatin1Char('/') + id; }
    static AlertKey fromString(const QString &text);
    static AlertKey of(const Alert &alert) { return {alert.source, alert.id}; }
    bool isValid() const { return !source.isEmpty() && !id.isEmpty(); }
    friend bool operator==(const AlertKey &, const AlertKey &) = default;
};
size_t qHash(const AlertKey &key, size_t seed = 0) noexcept;

// An alert as the feed keeps it: the latest report plus its acknowledgement.
struct FeedAlert
{
    Alert alert;
    QString ackBy; // empty while unacknowledged
    EpochMicros ackAt = 0;
    QString ackNote;
    EpochMicros seenAt = 0; // when this feed (or the store) first saw it, by the feed's clock

    bool isAcknowledged() const { return !ackBy.isEmpty(); }
    bool isOpen() const; // state is neither "closed" nor "resolved"
};

// The live alert feed. Sources push `QList<Alert>`; the feed queues them and, once per
// event-loop turn (QTimer::singleShot(0), as Wireshark's packet list does), de-duplicates
// them by (source, id), groups repeats by `groupKey`, persists the turn's changes to the
// IncidentStore in one transaction with "alert"/"state" timeline events, and inserts all
// new groups into the model with one beginInsertRows(). A turn is bounded by a count and a
// time budget so a burst of any size never blocks the UI; the rest follows on the next turns.
//
// Acknowledgements go to the store first (committed) and only then to the model, so an
// acknowledgement the UI shows is never lost.
class AlertFeed : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<EpochMicros()>;

    // `store` may be null (nothing persisted); it must outlive the feed.
    explicit AlertFeed(IncidentStore *store, QObject *parent = nullptr);
    ~AlertFeed() override;

    AlertFeedModel *model() const;
    IncidentStore *store() const;

    // Listens to `source->alertsReceived`. The feed does not own or start sources.
    void addSource(AlertSource *source);
    void removeSource(AlertSource *source);
    QList<AlertSource *> sources() const;

    // Time source for seen/acknowledged times and timeline events (tests inject one).
    void setClock(Clock clock);
    EpochMicros now() const;

    // Who acknowledges and writes (defaults to the login name).
    void setActor(const QString &who);
    QString actor() const;

    // A turn handles at most maxBatch() alerts (default 2000) and stops early once it has
    // spent turnBudget() ms (default 15) on them; the rest follows on the next turns.
    void setMaxBatch(int alerts);
    int maxBatch() const;
    void setTurnBudget(int ms);
    int turnBudget() const;

    // On (the default for a file store): the feed's own writes (alerts and their
    // "alert"/"state" timeline events) go to the same database file through a second
    // connection on a writer thread, in transactions of at most 250 alerts, so a slow disk
    // never blocks the UI. Off, or with an in-memory store: written on this thread in one
    // transaction per turn. Acknowledgements are always written synchronously.
    void setBackgroundWrites(bool on);
    bool backgroundWrites() const;
    // Blocks until every write handed to the writer thread is committed.
    void waitForWrites();

    // Loads alerts persisted earlier (with their acknowledgements) into the model, without
    // timeline events, so a restart neither forgets acknowledgements nor re-announces
    // alerts. Call once, before sources start. Returns false with `error` on failure.
    bool loadFromStore(QString *error = nullptr);

    // Queues alerts; they are processed on the next event-loop turn(s).
    void ingest(const QList<warroom::Alert> &alerts);
    // Processes everything queued now, in maxBatch() slices, and waits for the writes
    // (tests, CLI, shutdown).
    void flushNow();
    int pendingCount() const;

    int alertCount() const;
    std::optional<FeedAlert> alert(const AlertKey &key) const;
    QList<FeedAlert> alerts() const; // in arrival order
    QList<AlertKey> groupMembers(const QString &groupKey) const;
    // Open, unacknowledged alerts at or above `minimum`.
    QList<FeedAlert> unacknowledged(Severity minimum = Severity::Info) const;

    // Store first, then the model. Already acknowledged keys are skipped; unknown keys fail.
    // Returns false (nothing changed, lastError() set) when the store refused.
    bool acknowledge(const QList<warroom::AlertKey> &keys, const QString &note = {});
    // Acknowledges every member of a group (see AlertFeedModel::GroupKeyRole).
    bool acknowledgeGroup(const QString &groupKey, const QString &note = {});
    QString lastError() const;

signals:
    // After persisting a turn: alerts seen for the first time, alerts whose report changed.
    void alertsArrived(const QList<warroom::Alert> &alerts);
    void alertsUpdated(const QList<warroom::Alert> &alerts);
    // A closed issue re-opened or an open one closed/resolved.
    void alertStateChanged(const warroom::Alert &alert, const QString &previousState);
    void acknowledged(const QList<warroom::AlertKey> &keys, const QString &who,
                      const QString &note);
    // Something was appended to the store's timeline.
    void timelineChanged();
    // Everything ingested so far is committed to the store.
    void persisted();
    void storeError(const QString &message);
    // One turn's batch was processed; `remaining` alerts are still queued.
    void batchProcessed(int processed, int remaining);

private:
    void scheduleFlush();
    void flushBatch();
    void setError(const QString &message);
    void startWriter();
    void stopWriter();

    friend class AlertFeedModel;
    class Private;
    std::unique_ptr<Private> d;
};

// The stored form of an alert (the payload keeps every field, as JSON), shared by every writer
// of the store's alerts table so the GUI and the CLI store alerts alike.
IncidentStore::AlertRecord alertRecord(const Alert &alert);

} // namespace warroom

Q_DECLARE_METATYPE(warroom::AlertKey)
