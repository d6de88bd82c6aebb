#include "core/recovery/BoardSync.h"

#include "core/github/IssueTracker.h"
#include "core/recovery/BoardModel.h"
#include "core/recovery/TaskIssue.h"
#include "core/store/IncidentStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace warroom::recovery {

namespace {
const QLatin1String kUpsertKind(BoardModel::kOutboxKind);

QByteArray taskPayload(const QString &id)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("task"), id}}).toJson(QJsonDocument::Compact);
}

EpochMicros nowMicros()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}
} // namespace

BoardSync::BoardSync(IncidentStore *store, IssueTracker *tracker, const BoardSyncOptions &options,
                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_tracker(tracker)
    , m_options(options)
{
    m_monotonic.start();
    m_nextTimer.setSingleShot(true);
    m_timeoutTimer.setSingleShot(true);
    connect(&m_nextTimer, &QTimer::timeout, this, &BoardSync::next);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &BoardSync::onTimeout);
    connect(&m_pollTimer, &QTimer::timeout, this, &BoardSync::poll);
    if (tracker) {
        connect(tracker, &IssueTracker::issueReceived, this, &BoardSync::onIssueReceived);
        connect(tracker, &IssueTracker::issueNotFound, this, &BoardSync::onIssueNotFound);
        connect(tracker, &IssueTracker::labelEnsured, this, &BoardSync::onLabelEnsured);
        connect(tracker, &IssueTracker::issuesListed, this, &BoardSync::onIssuesListed);
        connect(tracker, &IssueTracker::requestFailed, this, &BoardSync::onRequestFailed);
    }
}

BoardSync::~BoardSync() = default;

void BoardSync::setModel(BoardModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        model->setOutboxEnabled(true);
        connect(model, &BoardModel::outboxEnqueued, this, [this] { processOutbox(); });
    }
}

void BoardSync::start()
{
    m_stopped = false;
    enqueueAll();
    if (m_options.pollIntervalMs > 0)
        m_pollTimer.start(m_options.pollIntervalMs);
    scheduleNext(0);
}

void BoardSync::stop()
{
    m_stopped = true;
    m_pollTimer.stop();
    m_nextTimer.stop();
}

bool BoardSync::hasPending(const QString &key) const
{
    const auto entries = m_store->pendingOutbox();
    return std::any_of(entries.begin(), entries.end(),
                       [&](const IncidentStore::OutboxEntry &e) { return e.key == key; });
}

void BoardSync::enqueueTask(const QString &taskId)
{
    if (!hasPending(taskId))
        m_store->enqueue(kUpsertKind, taskId, taskPayload(taskId));
    scheduleNext(0);
}

void BoardSync::enqueueAll()
{
    QSet<QString> pending;
    for (const auto &e : m_store->pendingOutbox())
        pending.insert(e.key);
    for (const auto &record : m_store->tasks()) {
        const BoardTask t = BoardTask::fromRecord(record);
        const bool needs = (t.issueNumber == 0 && !t.obsolete) || t.isDirty()
                           || (t.obsolete && t.issueNumber != 0
                               && t.remoteState != QLatin1String("closed"));
        if (needs && !pending.contains(t.id)) {
            m_store->enqueue(kUpsertKind, t.id, taskPayload(t.id));
            pending.insert(t.id);
        }
    }
}

void BoardSync::poll()
{
    m_pollWanted = true;
    scheduleNext(0);
}

void BoardSync::processOutbox()
{
    scheduleNext(0);
}

bool BoardSync::isBusy() const
{
    return m_step != Step::None || backoffRemaining() > 0;
}

bool BoardSync::isIdle() const
{
    return m_step == Step::None && !m_pollWanted && m_store->pendingOutbox().isEmpty();
}

int BoardSync::pendingCount() const
{
    return int(m_store->pendingOutbox().size());
}

bool BoardSync::allSynced() const
{
    for (const auto &record : m_store->tasks()) {
        const BoardTask t = BoardTask::fromRecord(record);
        if (!t.obsolete && t.issueNumber == 0)
            return false;
    }
    return true;
}

qint64 BoardSync::backoffRemaining() const
{
    return std::max<qint64>(0, m_backoffUntil - m_monotonic.elapsed());
}

void BoardSync::scheduleNext(int delayMs)
{
    if (m_stopped || m_step != Step::None)
        return;
    qint64 ms = delayMs;
    ms = std::max<qint64>(ms, backoffRemaining());
    if (!m_nextTimer.isActive() || m_nextTimer.remainingTime() > ms)
        m_nextTimer.start(int(ms));
}

std::optional<BoardTask> BoardSync::loadTask(const QString &id) const
{
    const auto record = m_store->task(id);
    if (!record)
        return std::nullopt;
    return BoardTask::fromRecord(*record);
}

bool BoardSync::saveTask(const BoardTask &task)
{
    if (m_store->upsertTask(task.toRecord()))
        return true;
    m_lastError = tr("Could not save %1: %2").arg(task.id, m_store->lastError());
    emit errorOccurred(m_lastError);
    return false;
}

void BoardSync::notifyChanged(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    if (m_model)
        m_model->reloadTasks(ids);
    emit tasksChanged(ids);
}

void BoardSync::markSynced()
{
    m_lastSynced = QDateTime::currentDateTimeUtc();
    emit lastSyncedChanged(m_lastSynced);
}

void BoardSync::next()
{
    if (m_stopped || m_step != Step::None || !m_tracker)
        return;
    if (m_pollWanted) {
        m_pollWanted = false;
        startPoll();
        return;
    }
    const auto entries = m_store->pendingOutbox();
    if (entries.isEmpty()) {
        emit idle();
        return;
    }
    const IncidentStore::OutboxEntry &first = entries.first();
    m_entryIds.clear();
    for (const auto &e : entries) {
        if (e.kind == first.kind && e.key == first.key)
            m_entryIds.append(e.id);
    }
    m_entryAttempts = first.attempts;
    m_wrote = false;
    m_dropAssignees = false;
    m_restarts = 0;
    m_taskId.clear();
    if (first.kind == kUpsertKind) {
        m_taskId = first.key;
        continueTask();
    } else if (first.kind == QLatin1String(kCloseKind)) {
        m_closeNumber = QJsonDocument::fromJson(first.payload).object().value(QLatin1String("number")).toInt();
        if (m_closeNumber <= 0) {
            finishEntry(false);
            return;
        }
        IssueFields fields;
        fields.state = QStringLiteral("closed");
        sendWrite(Step::Close, [this, fields] { return m_tracker->updateIssue(m_closeNumber, fields); });
    } else {
        finishEntry(false); // unknown kind: not ours to replay
    }
}

void BoardSync::sendWrite(Step step, const std::function<quint64()> &call)
{
    const qint64 wait = m_lastWrite < 0
                            ? 0
                            : m_options.writePauseMs - (m_monotonic.elapsed() - m_lastWrite);
    m_step = step;
    m_request = 0;
    if (wait > 0) {
        QTimer::singleShot(int(wait), this, [this, step, call] {
            if (m_step != step || m_request != 0)
                return;
            m_lastWrite = m_monotonic.elapsed();
            send(step, call());
        });
        return;
    }
    m_lastWrite = m_monotonic.elapsed();
    send(step, call());
}

void BoardSync::send(Step step, quint64 requestId)
{
    m_step = step;
    m_request = requestId;
    m_timeoutTimer.start(m_options.requestTimeoutMs);
}

namespace {
struct Diff
{
    IssueFields fields;
    bool any = false;
    bool assignees = false;
};

Diff diffFor(const BoardTask &t, const QString &recoveryLabel, const QString &workspace,
             bool create, bool dropAssignees)
{
    Diff d;
    const QString title = TaskIssue::title(t);
    const QString body = TaskIssue::body(t, workspace);
    const QStringList labels = TaskIssue::labels(t, t.remoteLabels, recoveryLabel);
    const QStringList assignees = TaskIssue::assignees(t);
    const QString state = TaskIssue::state(t);
    const bool known = t.remoteKnown && !create;
    if (create || !known || t.remoteTitle != title)
        d.fields.title = title;
    if (create || !known || t.remoteBodyHash != TaskIssue::bodyHash(body))
        d.fields.body = body;
    if (create || !known || !TaskIssue::sameSet(labels, t.remoteLabels))
        d.fields.labels = labels;
    if (!dropAssignees && (create ? !assignees.isEmpty()
                                  : (!known || !TaskIssue::sameSet(assignees, t.remoteAssignees)))) {
        d.fields.assignees = assignees;
        d.assignees = true;
    }
    if (!create && (!known || t.remoteState != state))
        d.fields.state = state;
    d.any = d.fields.title || d.fields.body || d.fields.labels || d.fields.assignees
            || d.fields.state;
    return d;
}
} // namespace

void BoardSync::continueTask()
{
    auto task = loadTask(m_taskId);
    if (!task) {
        finishEntry(m_wrote);
        return;
    }
    if (task->issueNumber == 0 && task->obsolete) {
        finishEntry(m_wrote); // never mirrored, no longer needed
        return;
    }
    const QStringList labels = TaskIssue::labels(*task, task->remoteLabels, m_options.recoveryLabel);
    for (const QString &label : labels) {
        if (!TaskIssue::isOurLabel(label, m_options.recoveryLabel)
            || m_ensuredLabels.contains(label.toLower()))
            continue;
        m_labelInFlight = label;
        sendWrite(Step::EnsureLabel, [this, label] {
            return m_tracker->ensureLabel(label, TaskIssue::labelColor(label),
                                          TaskIssue::labelDescription(label));
        });
        return;
    }
    m_revisionSent = task->revision;
    if (task->issueNumber == 0) {
        IssueQuery scope;
        scope.labels = QStringList{m_options.recoveryLabel};
        scope.state = QStringLiteral("all");
        send(Step::Find, m_tracker->findByMarker(TaskIssue::marker(task->id), scope));
        return;
    }
    if (m_restarts > 4) {
        finishEntry(m_wrote); // the server keeps normalising something; do not loop
        return;
    }
    const Diff diff = diffFor(*task, m_options.recoveryLabel, m_options.workspaceName, false,
                              m_dropAssignees);
    if (!diff.any) {
        if (task->pushedRevision != task->revision || task->dirtyStatus || task->dirtyAssignee) {
            task->pushedRevision = task->revision;
            task->dirtyStatus = false;
            task->dirtyAssignee = m_dropAssignees ? task->dirtyAssignee : false;
            saveTask(*task);
        }
        finishEntry(m_wrote);
        return;
    }
    m_sentAssignees = diff.assignees;
    ++m_restarts;
    const int number = task->issueNumber;
    const IssueFields fields = diff.fields;
    sendWrite(Step::Update, [this, number, fields] { return m_tracker->updateIssue(number, fields); });
}

void BoardSync::absorbIssue(BoardTask &task, const Issue &issue, bool pull) const
{
    task.remoteKnown = true;
    task.remoteTitle = issue.title;
    task.remoteBodyHash = TaskIssue::bodyHash(issue.body);
    task.remoteLabels = issue.labels;
    task.remoteAssignees = issue.assignees;
    task.remoteState = issue.state;
    task.issueUrl = issue.url;
    if (!pull)
        return;
    if (!task.dirtyStatus && !task.obsolete) {
        if (const auto status = TaskIssue::statusOf(issue); status && *status != task.status) {
            task.status = *status;
            task.statusChangedAt = issue.updatedAt ? issue.updatedAt : nowMicros();
        }
    }
    if (!task.dirtyAssignee && !issue.assignees.contains(task.assignee))
        task.assignee = issue.assignees.value(0);
}

void BoardSync::onIssueReceived(quint64 id, const Issue &issue)
{
    if (id == 0 || id != m_request)
        return;
    m_timeoutTimer.stop();
    const Step step = m_step;
    m_step = Step::None;
    m_request = 0;
    m_consecutiveFailures = 0;
    if (step == Step::Close) {
        ++m_writes;
        finishEntry(true);
        return;
    }
    auto task = loadTask(m_taskId);
    if (!task) {
        finishEntry(m_wrote || step != Step::Find);
        return;
    }
    if (step == Step::Find) {
        // adopted: made by an earlier attempt whose answer was lost, or by another War Room
        task->issueNumber = issue.number;
        absorbIssue(*task, issue, /*pull=*/true);
        saveTask(*task);
        notifyChanged({task->id});
        continueTask();
        return;
    }
    // Create or Update answered with the issue as it now is
    ++m_writes;
    m_wrote = true;
    task->issueNumber = issue.number;
    absorbIssue(*task, issue, /*pull=*/step == Step::Update);
    if (task->revision == m_revisionSent) {
        task->pushedRevision = task->revision;
        task->dirtyStatus = false;
        if (m_sentAssignees || !m_dropAssignees)
            task->dirtyAssignee = false;
    }
    if (step == Step::Create || step == Step::Update)
        task->syncError = m_dropAssignees ? task->syncError : QString();
    saveTask(*task);
    notifyChanged({task->id});
    markSynced();
    continueTask(); // e.g. close it after creating a task that is already done
}

void BoardSync::onIssueNotFound(quint64 id)
{
    if (id == 0 || id != m_request)
        return;
    m_timeoutTimer.stop();
    const Step step = m_step;
    m_step = Step::None;
    m_request = 0;
    m_consecutiveFailures = 0;
    if (step == Step::Close) {
        finishEntry(false);
        return;
    }
    auto task = loadTask(m_taskId);
    if (!task) {
        finishEntry(m_wrote);
        return;
    }
    if (step == Step::Find) {
        const Diff diff = diffFor(*task, m_options.recoveryLabel, m_options.workspaceName, true,
                                  m_dropAssignees);
        m_sentAssignees = diff.assignees;
        m_revisionSent = task->revision;
        const IssueFields fields = diff.fields;
        sendWrite(Step::Create, [this, fields] { return m_tracker->createIssue(fields); });
        return;
    }
    // Update: the issue was deleted or moved away; find or create it again
    task->issueNumber = 0;
    task->remoteKnown = false;
    saveTask(*task);
    if (++m_restarts > 4) {
        finishEntry(m_wrote);
        return;
    }
    continueTask();
}

void BoardSync::onLabelEnsured(quint64 id, const QString &name)
{
    if (id == 0 || id != m_request)
        return;
    m_timeoutTimer.stop();
    m_step = Step::None;
    m_request = 0;
    m_ensuredLabels.insert(name.toLower());
    m_ensuredLabels.insert(m_labelInFlight.toLower());
    continueTask();
}

void BoardSync::onRequestFailed(quint64 id, const IssueTrackerError &error)
{
    if (id == 0 || id != m_request)
        return;
    // Rate limits come as data (the message is translated text and is never parsed).
    const bool rateLimited = error.rateLimited || error.httpStatus == 429;
    m_retryAfterMs = 0;
    if (error.retryAt.isValid())
        m_retryAfterMs = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(error.retryAt));
    fail(error.message, error.retryable || rateLimited, error.validation);
}

void BoardSync::onTimeout()
{
    if (m_step == Step::None)
        return;
    m_retryAfterMs = 0;
    fail(tr("no answer from GitHub within %1 s").arg(m_options.requestTimeoutMs / 1000.0), true,
         false);
}

void BoardSync::fail(const QString &message, bool retryable, bool validation)
{
    m_timeoutTimer.stop();
    const Step step = m_step;
    m_step = Step::None;
    m_request = 0;
    m_lastError = message;
    emit errorOccurred(message);
    if (step == Step::Poll) {
        emit pollFinished(false);
        scheduleNext(0);
        return;
    }
    if (validation && step == Step::EnsureLabel) {
        // creating an issue with the label creates it too; do not insist
        m_ensuredLabels.insert(m_labelInFlight.toLower());
        continueTask();
        return;
    }
    if (validation && (step == Step::Create || step == Step::Update) && m_sentAssignees
        && !m_dropAssignees) {
        // most often a login that cannot be assigned: keep GitHub's assignees, say why
        if (auto task = loadTask(m_taskId)) {
            task->syncError = tr("Could not assign %1 on GitHub: %2").arg(task->assignee, message);
            task->assignee = task->remoteKnown ? task->remoteAssignees.value(0) : QString();
            task->dirtyAssignee = false;
            saveTask(*task);
            notifyChanged({task->id});
        }
        m_dropAssignees = true;
        continueTask();
        return;
    }
    if (validation) {
        // the request itself is wrong: retrying cannot help; keep the reason on the card
        if (auto task = loadTask(m_taskId)) {
            task->syncError = message;
            saveTask(*task);
            notifyChanged({task->id});
        }
        for (qint64 entry : std::as_const(m_entryIds)) {
            m_store->markOutboxFailed(entry, message);
            m_store->markOutboxDone(entry);
        }
        m_entryIds.clear();
        scheduleNext(m_options.writePauseMs);
        return;
    }
    // retryable (5xx, timeouts, rate limits) or not obviously permanent (401/403/404 of the
    // repository): keep the entry, back off, try again later. Never in parallel.
    for (qint64 entry : std::as_const(m_entryIds))
        m_store->markOutboxFailed(entry, message);
    ++m_consecutiveFailures;
    const int shift = std::min(m_consecutiveFailures - 1, 12);
    qint64 delay = std::min<qint64>(m_options.maxBackoffMs, qint64(m_options.baseBackoffMs) << shift);
    if (!retryable)
        delay = std::max<qint64>(delay, std::min<qint64>(m_options.maxBackoffMs, m_options.baseBackoffMs * 8LL));
    delay = std::max(delay, m_retryAfterMs);
    delay += QRandomGenerator::global()->bounded(delay / 10 + 1);
    m_backoffUntil = m_monotonic.elapsed() + delay;
    emit backingOff(delay, message);
    m_nextTimer.start(int(delay));
}

void BoardSync::finishEntry(bool wrote)
{
    m_timeoutTimer.stop();
    m_step = Step::None;
    m_request = 0;
    for (qint64 entry : std::as_const(m_entryIds))
        m_store->markOutboxDone(entry);
    m_entryIds.clear();
    m_taskId.clear();
    m_consecutiveFailures = 0;
    m_backoffUntil = 0;
    if (wrote)
        markSynced();
    scheduleNext(wrote ? m_options.writePauseMs : 0);
}

void BoardSync::startPoll()
{
    IssueQuery query;
    query.labels = QStringList{m_options.recoveryLabel};
    query.state = QStringLiteral("all");
    send(Step::Poll, m_tracker->listIssues(query));
}

void BoardSync::onIssuesListed(quint64 id, const QList<Issue> &issues)
{
    if (id == 0 || id != m_request)
        return;
    m_timeoutTimer.stop();
    m_step = Step::None;
    m_request = 0;

    QMap<QString, QList<Issue>> byTask;
    for (const Issue &issue : issues) {
        const QString taskId = TaskIssue::taskIdFromBody(issue.body);
        if (!taskId.isEmpty())
            byTask[taskId].append(issue);
    }
    QSet<QString> pending;
    for (const auto &e : m_store->pendingOutbox())
        pending.insert(e.key);
    QStringList changed;
    int nextOrder = 0;
    for (const auto &record : m_store->tasks())
        nextOrder = std::max(nextOrder, BoardTask::fromRecord(record).order + 1);
    for (auto it = byTask.begin(); it != byTask.end(); ++it) {
        QList<Issue> &list = it.value();
        std::sort(list.begin(), list.end(),
                  [](const Issue &a, const Issue &b) { return a.number < b.number; });
        // the lowest number wins everywhere; later duplicates are closed
        for (qsizetype i = 1; i < list.size(); ++i) {
            const QString key = QStringLiteral("#%1").arg(list.at(i).number);
            if (list.at(i).state == QLatin1String("open") && !pending.contains(key)) {
                m_store->enqueue(QLatin1String(kCloseKind), key,
                                 QJsonDocument(QJsonObject{{QStringLiteral("number"), list.at(i).number}})
                                     .toJson(QJsonDocument::Compact));
                pending.insert(key);
            }
        }
        const Issue &issue = list.first();
        auto task = loadTask(it.key());
        if (!task) {
            auto imported = TaskIssue::taskFromBody(issue.body);
            if (!imported)
                continue;
            imported->issueNumber = issue.number;
            imported->obsolete = issue.labels.contains(TaskIssue::obsoleteLabel(), Qt::CaseInsensitive);
            imported->order = std::max(imported->order, nextOrder++);
            absorbIssue(*imported, issue, /*pull=*/true);
            imported->revision = imported->pushedRevision = 1;
            if (saveTask(*imported))
                changed.append(imported->id);
            continue;
        }
        const IncidentStore::TaskRecord before = task->toRecord();
        if (task->issueNumber != 0 && task->issueNumber != issue.number) {
            // we raced another War Room and our issue lost: what we set here (and wrote to the
            // losing duplicate) moves over unless the winning issue says something already
            const auto remoteStatus = TaskIssue::statusOf(issue);
            if (task->status != TaskStatus::Todo
                && (!remoteStatus || *remoteStatus == TaskStatus::Todo))
                task->dirtyStatus = true;
            if (!task->assignee.isEmpty() && issue.assignees.isEmpty())
                task->dirtyAssignee = true;
        }
        task->issueNumber = issue.number;
        absorbIssue(*task, issue, /*pull=*/true);
        const IncidentStore::TaskRecord after = task->toRecord();
        if (before.status != after.status || before.assignee != after.assignee
            || before.issueNumber != after.issueNumber || before.extra != after.extra) {
            if (saveTask(*task))
                changed.append(task->id);
        }
        // labels or state out of line with the card (e.g. closed but labelled rerunning)
        if (!pending.contains(task->id)
            && diffFor(*task, m_options.recoveryLabel, m_options.workspaceName, false, false).any) {
            m_store->enqueue(kUpsertKind, task->id, taskPayload(task->id));
            pending.insert(task->id);
        }
    }
    markSynced();
    notifyChanged(changed);
    emit pollFinished(true);
    scheduleNext(0);
}

} // namespace warroom::recovery
