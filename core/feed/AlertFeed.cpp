#include "core/feed/AlertFeed.h"

#include "core/alerts/AlertSource.h"
#include "core/feed/AlertFeedModel.h"
#include "core/feed/AlertFeed_p.h"
#include "core/store/IncidentStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace warroom {

Q_LOGGING_CATEGORY(lcFeed, "warroom.feed", QtInfoMsg)

using Internal::FeedGroup;

AlertKey AlertKey::fromString(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return {};
    return {text.left(slash), text.mid(slash + 1)};
}

size_t qHash(const AlertKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.source, key.id);
}

bool FeedAlert::isOpen() const
{
    const QString s = alert.state.toLower();
    return s != QLatin1String("closed") && s != QLatin1String("resolved");
}

namespace {

QString effectiveGroupKey(const Alert &alert)
{
    if (!alert.groupKey.isEmpty())
        return alert.groupKey;
    return QStringLiteral("alert:") + alert.source + QLatin1Char('/') + alert.id;
}

bool sameReport(const Alert &a, const Alert &b)
{
    return a.title == b.title && a.url == b.url && a.severity == b.severity && a.state == b.state
           && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt && a.groupKey == b.groupKey
           && a.dagId == b.dagId && a.taskId == b.taskId && a.table == b.table
           && a.labels == b.labels && a.body == b.body;
}

QByteArray payloadOf(const Alert &alert)
{
    QJsonObject o;
    if (!alert.dagId.isEmpty())
        o.insert(QLatin1String("dag_id"), alert.dagId);
    if (!alert.taskId.isEmpty())
        o.insert(QLatin1String("task_id"), alert.taskId);
    if (!alert.table.isEmpty())
        o.insert(QLatin1String("table"), alert.table);
    if (!alert.labels.isEmpty())
        o.insert(QLatin1String("labels"), QJsonArray::fromStringList(alert.labels));
    if (!alert.body.isEmpty())
        o.insert(QLatin1String("body"), alert.body);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}


QList<IncidentStore::AlertRecord> recordsOf(const QList<Alert> &alerts)
{
    QList<IncidentStore::AlertRecord> records;
    records.reserve(alerts.size());
    for (const Alert &a : alerts)
        records.append(alertRecord(a));
    return records;
}

Alert alertOf(const IncidentStore::AlertRecord &r)
{
    Alert a;
    a.source = r.source;
    a.id = r.id;
    a.title = r.title;
    a.url = r.url;
    a.severity = severityFromName(r.severity);
    a.state = r.state;
    a.groupKey = r.groupKey;
    a.createdAt = r.createdAt;
    a.updatedAt = r.updatedAt;
    const QJsonObject o = QJsonDocument::fromJson(r.payload).object();
    a.dagId = o.value(QLatin1String("dag_id")).toString();
    a.taskId = o.value(QLatin1String("task_id")).toString();
    a.table = o.value(QLatin1String("table")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("labels")).toArray())
        a.labels.append(v.toString());
    a.body = o.value(QLatin1String("body")).toString();
    return a;
}

QString loginName()
{
    QString who = qEnvironmentVariable("USER");
    if (who.isEmpty())
        who = qEnvironmentVariable("USERNAME");
    return who.isEmpty() ? QStringLiteral("me") : who;
}

} // namespace

IncidentStore::AlertRecord alertRecord(const Alert &alert)
{
    IncidentStore::AlertRecord r;
    r.source = alert.source;
    r.id = alert.id;
    r.title = alert.title;
    r.url = alert.url;
    r.severity = severityName(alert.severity);
    r.state = alert.state;
    r.groupKey = alert.groupKey;
    r.createdAt = alert.createdAt;
    r.updatedAt = alert.updatedAt;
    r.payload = payloadOf(alert);
    return r;
}

void AlertFeed::Private::recompute(FeedGroup &group) const
{
    group.latest = -1;
    group.lastAck = -1;
    group.severity = Severity::Info;
    group.acked = 0;
    group.open = 0;
    for (int m : std::as_const(group.members)) {
        const FeedAlert &fa = alerts[size_t(m)];
        if (group.latest < 0 || fa.alert.createdAt >= alerts[size_t(group.latest)].alert.createdAt)
            group.latest = m;
        if (fa.alert.severity > group.severity)
            group.severity = fa.alert.severity;
        if (fa.isAcknowledged()) {
            ++group.acked;
            if (group.lastAck < 0 || fa.ackAt >= alerts[size_t(group.lastAck)].ackAt)
                group.lastAck = m;
        }
        if (fa.isOpen())
            ++group.open;
    }
}

AlertFeed::AlertFeed(IncidentStore *store, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<warroom::Alert>();
    qRegisterMetaType<QList<warroom::Alert>>();
    qRegisterMetaType<warroom::AlertKey>();
    qRegisterMetaType<QList<warroom::AlertKey>>();
    d->store = store;
    d->actor = loginName();
    d->clock = [] {
        return QDateTime::currentMSecsSinceEpoch() * 1000;
    };
    d->model = new AlertFeedModel(this);
    startWriter();
}

AlertFeed::~AlertFeed()
{
    stopWriter();
    delete d->model;
}

void AlertFeed::startWriter()
{
    if (d->writerThread || !d->store)
        return;
    const QString path = d->store->path();
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return; // a private in-memory database cannot be shared with a second connection
    d->writer = std::make_shared<Internal::FeedWriterState>();
    d->writer->path = path;
    d->writerThread = new QThread;
    d->writerThread->setObjectName(QStringLiteral("warroom-feed-writer"));
    d->writerContext = new QObject;
    d->writerContext->moveToThread(d->writerThread);
    d->writerThread->start();
    QMetaObject::invokeMethod(d->writerContext, [state = d->writer] {
        state->store = IncidentStore::open(state->path, &state->openError);
    });
}

void AlertFeed::stopWriter()
{
    if (!d->writerThread)
        return;
    // Queued after every pending write, so everything handed over is committed first.
    QThread *thread = d->writerThread;
    QMetaObject::invokeMethod(d->writerContext, [state = d->writer, thread] {
        state->store.reset();
        thread->quit();
    });
    thread->wait();
    delete d->writerContext;
    delete thread;
    d->writerContext = nullptr;
    d->writerThread = nullptr;
    d->writer.reset();
    d->writesInFlight = 0;
}

void AlertFeed::setBackgroundWrites(bool on)
{
    if (on)
        startWriter();
    else
        stopWriter();
}

bool AlertFeed::backgroundWrites() const
{
    return d->writerThread != nullptr;
}

void AlertFeed::waitForWrites()
{
    if (!d->writerThread)
        return;
    QMetaObject::invokeMethod(
        d->writerContext, [] {}, Qt::BlockingQueuedConnection);
    // Deliver the writer's reports (errors, timelineChanged, persisted) now.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

AlertFeedModel *AlertFeed::model() const
{
    return d->model;
}
IncidentStore *AlertFeed::store() const
{
    return d->store;
}

void AlertFeed::addSource(AlertSource *source)
{
    if (!source || sources().contains(source))
        return;
    d->sources.append(source);
    connect(source, &AlertSource::alertsReceived, this, &AlertFeed::ingest);
}

void AlertFeed::removeSource(AlertSource *source)
{
    if (!source)
        return;
    disconnect(source, nullptr, this, nullptr);
    d->sources.removeAll(QPointer<AlertSource>(source));
}

QList<AlertSource *> AlertFeed::sources() const
{
    QList<AlertSource *> result;
    for (const QPointer<AlertSource> &s : std::as_const(d->sources)) {
        if (s)
            result.append(s.data());
    }
    return result;
}

void AlertFeed::setClock(Clock clock)
{
    if (clock)
        d->clock = std::move(clock);
}

EpochMicros AlertFeed::now() const
{
    return d->clock();
}

void AlertFeed::setActor(const QString &who)
{
    d->actor = who.trimmed().isEmpty() ? loginName() : who.trimmed();
}

QString AlertFeed::actor() const
{
    return d->actor;
}

void AlertFeed::setMaxBatch(int alerts)
{
    d->maxBatch = std::max(1, alerts);
}
int AlertFeed::maxBatch() const
{
    return d->maxBatch;
}
void AlertFeed::setTurnBudget(int ms)
{
    d->turnBudgetMs = std::max(1, ms);
}
int AlertFeed::turnBudget() const
{
    return d->turnBudgetMs;
}
QString AlertFeed::lastError() const
{
    return d->lastError;
}

void AlertFeed::setError(const QString &message)
{
    d->lastError = message;
    qCWarning(lcFeed).noquote() << message;
    emit storeError(message);
}

bool AlertFeed::loadFromStore(QString *error)
{
    if (!d->store)
        return true;
    const QList<IncidentStore::AlertRecord> records = d->store->alerts();
    if (records.isEmpty() && !d->store->lastError().isEmpty()) {
        if (error)
            *error = d->store->lastError();
        return false;
    }
    const EpochMicros at = now();
    d->model->beginResetModel();
    QSet<int> dirty;
    for (const IncidentStore::AlertRecord &r : records) {
        const Alert a = alertOf(r);
        const AlertKey key = AlertKey::of(a);
        if (!key.isValid())
            continue;
        int idx = d->index.value(key, -1);
        if (idx < 0) {
            idx = int(d->alerts.size());
            d->alerts.push_back({});
            d->index.insert(key, idx);
            const QString gk = effectiveGroupKey(a);
            int gi = d->groupIndex.value(gk, -1);
            if (gi < 0) {
                gi = int(d->groups.size());
                d->groups.push_back({});
                d->groups.back().key = gk;
                d->groupIndex.insert(gk, gi);
            }
            d->groups[size_t(gi)].members.append(idx);
            d->groupOf.push_back(gi);
            dirty.insert(gi);
        }
        FeedAlert &fa = d->alerts[size_t(idx)];
        fa.alert = a;
        fa.ackBy = r.ackBy;
        fa.ackAt = r.ackAt;
        fa.ackNote = r.ackNote;
        fa.seenAt = at;
    }
    for (int gi : std::as_const(dirty))
        d->recompute(d->groups[size_t(gi)]);
    // Newest group on top: order groups by their latest alert's time.
    std::vector<int> order(d->groups.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [this](int x, int y) {
        return d->alerts[size_t(d->groups[size_t(x)].latest)].alert.createdAt
               < d->alerts[size_t(d->groups[size_t(y)].latest)].alert.createdAt;
    });
    std::vector<FeedGroup> sorted;
    sorted.reserve(order.size());
    d->groupIndex.clear();
    for (int gi : order) {
        sorted.push_back(std::move(d->groups[size_t(gi)]));
        const int now = int(sorted.size()) - 1;
        d->groupIndex.insert(sorted.back().key, now);
        for (int m : std::as_const(sorted.back().members))
            d->groupOf[size_t(m)] = now;
    }
    d->groups = std::move(sorted);
    d->model->m_rows = int(d->groups.size());
    d->model->endResetModel();
    return true;
}

void AlertFeed::ingest(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    if (d->queue.isEmpty())
        d->queue = alerts; // implicitly shared: no copy of a big burst on the emitting turn
    else
        d->queue.append(alerts);
    scheduleFlush();
}

void AlertFeed::scheduleFlush()
{
    if (d->flushScheduled)
        return;
    d->flushScheduled = true;
    QTimer::singleShot(0, this, &AlertFeed::flushBatch);
}

int AlertFeed::pendingCount() const
{
    return int(d->queue.size() - d->queueHead);
}

void AlertFeed::flushNow()
{
    while (pendingCount() > 0)
        flushBatch();
    waitForWrites();
}

void AlertFeed::flushBatch()
{
    d->flushScheduled = false;
    const qsizetype available = d->queue.size() - d->queueHead;
    const qsizetype n = std::min<qsizetype>(available, d->maxBatch);
    if (n <= 0)
        return;

    QElapsedTimer phase;
    phase.start();
    const EpochMicros at = now();
    QList<Alert> records; // converted to AlertRecord where they are written
    QList<IncidentStore::TimelineEvent> events;
    QList<Alert> arrived;
    QList<Alert> updated;
    QList<std::pair<Alert, QString>> stateChanges;
    QSet<int> dirtyGroups;
    std::vector<FeedGroup> fresh;
    QHash<QString, int> freshIndex;
    QList<std::pair<int, int>> freshMembers; // (alert index, fresh group position)
    records.reserve(n);

    // A time budget as well as a count: a turn stops early on a slow (or busy) machine.
    const qint64 budgetNs = qint64(d->turnBudgetMs) * 1000 * 1000;
    qsizetype processed = 0;
    for (qsizetype i = d->queueHead; i < d->queueHead + n; ++i) {
        if (processed > 0 && (processed & 63) == 0 && phase.nsecsElapsed() > budgetNs)
            break;
        ++processed;
        const Alert &a = d->queue.at(i);
        const AlertKey key = AlertKey::of(a);
        if (!key.isValid()) {
            qCWarning(lcFeed) << "ignoring an alert without source or id:" << a.title;
            continue;
        }
        const int existing = d->index.value(key, -1);
        if (existing >= 0) {
            FeedAlert &fa = d->alerts[size_t(existing)];
            if (sameReport(fa.alert, a))
                continue;
            const QString previousState = fa.alert.state;
            const QString groupKey = fa.alert.groupKey; // membership is fixed at first sight
            fa.alert = a;
            fa.alert.groupKey = groupKey;
            records.append(fa.alert);
            updated.append(fa.alert);
            const int gi = d->groupOf[size_t(existing)];
            if (gi >= 0)
                dirtyGroups.insert(gi);
            if (previousState.compare(a.state, Qt::CaseInsensitive) != 0) {
                stateChanges.append({fa.alert, previousState});
                events.append({0, at, QStringLiteral("state"), a.source,
                               tr("%1 → %2: %3").arg(previousState, a.state, a.title),
                               key.toString()});
            }
            continue;
        }
        const int idx = int(d->alerts.size());
        FeedAlert fa;
        fa.alert = a;
        fa.seenAt = at;
        d->alerts.push_back(fa);
        d->index.insert(key, idx);
        const QString gk = effectiveGroupKey(a);
        const int gi = d->groupIndex.value(gk, -1);
        if (gi >= 0) {
            d->groups[size_t(gi)].members.append(idx);
            d->groupOf.push_back(gi);
            dirtyGroups.insert(gi);
        } else {
            int fi = freshIndex.value(gk, -1);
            if (fi < 0) {
                fi = int(fresh.size());
                fresh.push_back({});
                fresh.back().key = gk;
                freshIndex.insert(gk, fi);
            }
            fresh[size_t(fi)].members.append(idx);
            d->groupOf.push_back(-1);
            freshMembers.append({idx, fi});
        }
        records.append(a);
        arrived.append(a);
        events.append({0, at, QStringLiteral("alert"), a.source,
                       tr("Alert arrived [%1]: %2").arg(severityName(a.severity), a.title),
                       key.toString()});
    }

    d->queueHead += processed;
    if (d->queueHead >= d->queue.size()) {
        d->queue.clear();
        d->queueHead = 0;
    } else if (d->queueHead > 262144) { // rare: a queue that never drains
        d->queue.remove(0, d->queueHead);
        d->queueHead = 0;
    }

    const qint64 dedupNs = phase.nsecsElapsed();
    if (d->store && (!records.isEmpty() || !events.isEmpty())) {
        if (d->writerThread) {
            // Hand the turn's writes to the writer thread; it reports back when committed.
            ++d->writesInFlight;
            QMetaObject::invokeMethod(d->writerContext, [this, state = d->writer, records, events] {
                QString error = state->openError;
                bool ok = state->store != nullptr;
                constexpr qsizetype kChunk = 250; // short transactions: GUI writes interleave
                for (qsizetype i = 0; ok && i < std::max(records.size(), events.size());
                     i += kChunk) {
                    ok = state->store->transaction([&] {
                        if (i < records.size()
                            && !state->store->upsertAlerts(recordsOf(records.mid(i, kChunk))))
                            return false;
                        for (qsizetype e = i; e < std::min(events.size(), i + kChunk); ++e) {
                            if (state->store->appendTimeline(events.at(e)) == 0)
                                return false;
                        }
                        return true;
                    });
                    if (!ok)
                        error = state->store->lastError();
                }
                const int count = int(records.size());
                const bool anyEvents = !events.isEmpty();
                QMetaObject::invokeMethod(this, [this, ok, error, count, anyEvents] {
                    --d->writesInFlight;
                    if (!ok)
                        setError(tr("Could not save %n alert(s): %1", nullptr, count).arg(error));
                    else if (anyEvents)
                        emit timelineChanged();
                    if (d->writesInFlight == 0 && pendingCount() == 0)
                        emit persisted();
                });
            });
        } else {
            // One transaction for the turn's alerts and timeline events.
            IncidentStore *store = d->store;
            const bool ok = store->transaction([&] {
                if (!records.isEmpty() && !store->upsertAlerts(recordsOf(records)))
                    return false;
                for (const IncidentStore::TimelineEvent &e : std::as_const(events)) {
                    if (store->appendTimeline(e) == 0)
                        return false;
                }
                return true;
            });
            if (!ok)
                setError(tr("Could not save %n alert(s): %1", nullptr, int(records.size()))
                             .arg(store->lastError()));
        }
    }

    const qint64 storeNs = phase.nsecsElapsed();
    // Then the model: new groups newest-last in arrival order, so the newest shows on top.
    for (FeedGroup &g : fresh)
        d->recompute(g);
    std::vector<int> order(fresh.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return d->alerts[size_t(fresh[size_t(x)].latest)].alert.createdAt
               < d->alerts[size_t(fresh[size_t(y)].latest)].alert.createdAt;
    });
    std::vector<int> finalIndex(fresh.size());
    for (int pos : order) {
        finalIndex[size_t(pos)] = int(d->groups.size());
        d->groupIndex.insert(fresh[size_t(pos)].key, int(d->groups.size()));
        d->groups.push_back(std::move(fresh[size_t(pos)]));
    }
    for (const auto &[alertIndex, pos] : std::as_const(freshMembers))
        d->groupOf[size_t(alertIndex)] = finalIndex[size_t(pos)];

    int firstDirty = INT_MAX, lastDirty = -1;
    for (int gi : std::as_const(dirtyGroups)) {
        d->recompute(d->groups[size_t(gi)]);
        firstDirty = std::min(firstDirty, gi);
        lastDirty = std::max(lastDirty, gi);
    }
    if (!fresh.empty())
        d->model->announceGroups(int(fresh.size()));
    if (lastDirty >= 0)
        d->model->groupsChanged(firstDirty, lastDirty);

    const int remaining = pendingCount();
    if (remaining > 0)
        scheduleFlush();
    qCDebug(lcFeed, "batch of %lld: de-dup %.1f ms, store %.1f ms, model+views %.1f ms",
            qlonglong(processed), dedupNs / 1e6, (storeNs - dedupNs) / 1e6,
            (phase.nsecsElapsed() - storeNs) / 1e6);

    if (!arrived.isEmpty())
        emit alertsArrived(arrived);
    if (!updated.isEmpty())
        emit alertsUpdated(updated);
    for (const auto &[alert, previous] : std::as_const(stateChanges))
        emit alertStateChanged(alert, previous);
    if (!events.isEmpty() && d->store && !d->writerThread)
        emit timelineChanged();
    emit batchProcessed(int(processed), remaining);
    if (remaining == 0 && d->writesInFlight == 0)
        emit persisted();
}

int AlertFeed::alertCount() const
{
    return int(d->alerts.size());
}

std::optional<FeedAlert> AlertFeed::alert(const AlertKey &key) const
{
    const int idx = d->index.value(key, -1);
    if (idx < 0)
        return std::nullopt;
    return d->alerts[size_t(idx)];
}

QList<FeedAlert> AlertFeed::alerts() const
{
    return QList<FeedAlert>(d->alerts.begin(), d->alerts.end());
}

QList<AlertKey> AlertFeed::groupMembers(const QString &groupKey) const
{
    QList<AlertKey> keys;
    const int gi = d->groupIndex.value(groupKey, -1);
    if (gi < 0)
        return keys;
    for (int m : std::as_const(d->groups[size_t(gi)].members))
        keys.append(AlertKey::of(d->alerts[size_t(m)].alert));
    return keys;
}

QList<FeedAlert> AlertFeed::unacknowledged(Severity minimum) const
{
    QList<FeedAlert> result;
    for (const FeedAlert &fa : d->alerts) {
        if (!fa.isAcknowledged() && fa.isOpen() && fa.alert.severity >= minimum)
            result.append(fa);
    }
    return result;
}

bool AlertFeed::acknowledge(const QList<AlertKey> &keys, const QString &note)
{
    QList<int> targets;
    for (const AlertKey &key : keys) {
        const int idx = d->index.value(key, -1);
        if (idx < 0) {
            d->lastError = tr("Unknown alert %1").arg(key.toString());
            return false;
        }
        if (!d->alerts[size_t(idx)].isAcknowledged() && !targets.contains(idx))
            targets.append(idx);
    }
    if (targets.isEmpty())
        return true;

    const EpochMicros at = now();
    const QString who = d->actor;
    const QString trimmedNote = note.trimmed();
    if (d->store) {
        // Alerts still on their way to the store go first, so the timeline stays in order.
        waitForWrites();
        IncidentStore *store = d->store;
        const bool ok = store->transaction([&] {
            for (int idx : std::as_const(targets)) {
                const Alert &a = d->alerts[size_t(idx)].alert;
                // (an upsert never touches acknowledgement fields; it makes sure the row exists)
                if (!store->upsertAlerts({alertRecord(a)})
                    || !store->acknowledge(a.source, a.id, who, trimmedNote, at))
                    return false;
                const QString text = trimmedNote.isEmpty()
                                         ? tr("Acknowledged: %1").arg(a.title)
                                         : tr("Acknowledged: %1 (%2)").arg(a.title, trimmedNote);
                if (store->appendTimeline(
                        {0, at, QStringLiteral("ack"), who, text, AlertKey::of(a).toString()})
                    == 0)
                    return false;
            }
            return true;
        });
        if (!ok) {
            setError(tr("Could not save the acknowledgement: %1").arg(store->lastError()));
            return false;
        }
    }

    QList<AlertKey> done;
    int firstGroup = INT_MAX, lastGroup = -1;
    QSet<int> groups;
    for (int idx : std::as_const(targets)) {
        FeedAlert &fa = d->alerts[size_t(idx)];
        fa.ackBy = who;
        fa.ackAt = at;
        fa.ackNote = trimmedNote;
        done.append(AlertKey::of(fa.alert));
        groups.insert(d->groupOf[size_t(idx)]);
    }
    for (int gi : std::as_const(groups)) {
        if (gi < 0)
            continue;
        d->recompute(d->groups[size_t(gi)]);
        firstGroup = std::min(firstGroup, gi);
        lastGroup = std::max(lastGroup, gi);
    }
    if (lastGroup >= 0)
        d->model->groupsChanged(firstGroup, lastGroup);
    emit acknowledged(done, who, trimmedNote);
    if (d->store)
        emit timelineChanged();
    return true;
}

bool AlertFeed::acknowledgeGroup(const QString &groupKey, const QString &note)
{
    const QList<AlertKey> members = groupMembers(groupKey);
    if (members.isEmpty()) {
        d->lastError = tr("Unknown alert group %1").arg(groupKey);
        return false;
    }
    return acknowledge(members, note);
}

} // namespace warroom
