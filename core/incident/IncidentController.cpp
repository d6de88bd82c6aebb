#include "core/incident/IncidentController.h"

#include "core/common/Timestamps.h"
#include "core/feed/AlertFeed.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace warroom {

namespace {

QString loginName()
{
    QString who = qEnvironmentVariable("USER");
    if (who.isEmpty())
        who = qEnvironmentVariable("USERNAME");
    return who.isEmpty() ? QStringLiteral("me") : who;
}

QString timeText(EpochMicros at)
{
    return at == 0 ? QString() : formatRfc3339(at);
}

} // namespace

IncidentController::IncidentController(IncidentStore *store, AlertFeed *feed, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_feed(feed)
{
    if (feed) {
        m_clock = [feed] {
            return feed->now();
        };
        connect(feed, &AlertFeed::alertsArrived, this, &IncidentController::onAlertsArrived);
    } else {
        m_clock = [] {
            return QDateTime::currentMSecsSinceEpoch() * 1000;
        };
    }
    reload();
}

void IncidentController::setClock(Clock clock)
{
    if (clock)
        m_clock = std::move(clock);
}

EpochMicros IncidentController::now() const
{
    return m_clock();
}

void IncidentController::setActor(const QString &who)
{
    m_actor = who.trimmed();
}

QString IncidentController::actor() const
{
    if (!m_actor.isEmpty())
        return m_actor;
    return m_feed ? m_feed->actor() : loginName();
}

void IncidentController::reload()
{
    m_incident = m_store ? m_store->currentIncident() : std::nullopt;
}

std::optional<IncidentController::Incident> IncidentController::incident() const
{
    return m_incident;
}

bool IncidentController::isActive() const
{
    return m_incident && m_incident->status != QLatin1String("resolved");
}

QStringList IncidentController::causes() const
{
    return m_incident ? m_incident->causes : QStringList();
}

EpochMicros IncidentController::windowStart() const
{
    return m_incident ? m_incident->windowStart : 0;
}

EpochMicros IncidentController::windowEnd() const
{
    return m_incident ? m_incident->windowEnd : 0;
}

QStringList IncidentController::statuses()
{
    return {QStringLiteral("active"), QStringLiteral("mitigated"), QStringLiteral("resolved")};
}

QString IncidentController::normalizeCause(const QString &cause)
{
    QString c = cause.trimmed();
    c.remove(QLatin1Char('`'));
    if (c.startsWith(QLatin1String("dag:"), Qt::CaseInsensitive)) {
        const QString dag = c.mid(4).trimmed();
        static const QRegularExpression dagId(QStringLiteral("^[A-Za-z0-9_.\\-]+$"));
        return dagId.match(dag).hasMatch() ? QStringLiteral("dag:") + dag : QString();
    }
    // dataset.table or project.dataset.table (projects may contain '-' and ':' for domains).
    static const QRegularExpression table(
        QStringLiteral("^([A-Za-z0-9_\\-:]+\\.)?[A-Za-z0-9_\\-$]+\\.[A-Za-z0-9_\\-$*]+$"));
    return table.match(c).hasMatch() ? c : QString();
}

QStringList IncidentController::suggestCauses(const QList<Alert> &alerts)
{
    QStringList causes;
    for (const Alert &a : alerts) {
        if (!a.dagId.isEmpty()) {
            const QString c = normalizeCause(QStringLiteral("dag:") + a.dagId);
            if (!c.isEmpty() && !causes.contains(c))
                causes.append(c);
        }
        if (!a.table.isEmpty()) {
            const QString c = normalizeCause(a.table);
            if (!c.isEmpty() && !causes.contains(c))
                causes.append(c);
        }
    }
    return causes;
}

IncidentStore::TimelineEvent IncidentController::event(const QString &kind, const QString &text,
                                                       const QString &ref) const
{
    IncidentStore::TimelineEvent e;
    e.at = now();
    e.kind = kind;
    e.actor = actor();
    e.text = text;
    e.ref = ref.isEmpty() && m_incident ? QStringLiteral("incident:%1").arg(m_incident->id) : ref;
    return e;
}

bool IncidentController::commit(const Incident &next,
                                const QList<IncidentStore::TimelineEvent> &events)
{
    if (!m_store) {
        m_lastError = tr("No incident store is open");
        emit errorOccurred(m_lastError);
        return false;
    }
    const std::optional<Incident> before = m_incident;
    Incident saved = next;
    const bool ok = m_store->transaction([&] {
        const qint64 id = m_store->saveIncident(saved);
        if (id <= 0)
            return false;
        saved.id = id;
        for (IncidentStore::TimelineEvent e : events) {
            if (e.ref.isEmpty() || e.ref == QLatin1String("incident:0"))
                e.ref = QStringLiteral("incident:%1").arg(id);
            if (m_store->appendTimeline(e) == 0)
                return false;
        }
        return true;
    });
    if (!ok) {
        m_lastError = tr("Could not save the incident: %1").arg(m_store->lastError());
        emit errorOccurred(m_lastError);
        return false;
    }
    m_incident = saved;
    emit incidentChanged();
    if (!before || before->causes != saved.causes)
        emit causesChanged(saved.causes);
    if (!before || before->windowStart != saved.windowStart || before->windowEnd != saved.windowEnd)
        emit windowChanged(saved.windowStart, saved.windowEnd);
    if (!events.isEmpty())
        emit timelineChanged();
    return true;
}

bool IncidentController::requireIncident()
{
    if (m_incident)
        return true;
    m_lastError = tr("There is no incident");
    emit errorOccurred(m_lastError);
    return false;
}

bool IncidentController::startIncident(const QString &name, Severity severity,
                                       EpochMicros windowStart, const QStringList &causes)
{
    if (isActive()) {
        m_lastError = tr("Incident “%1” is still active").arg(m_incident->name);
        emit errorOccurred(m_lastError);
        return false;
    }
    const EpochMicros at = now();
    Incident next;
    next.name = name.trimmed().isEmpty()
                    ? tr("Incident %1")
                          .arg(QDateTime::fromMSecsSinceEpoch(at / 1000).toUTC().toString(
                              QStringLiteral("yyyy-MM-dd HH:mm")))
                    : name.trimmed();
    next.severity = severityName(severity);
    next.status = QStringLiteral("active");
    next.windowStart = windowStart > 0 ? windowStart : at;
    next.startedAt = at;
    QList<IncidentStore::TimelineEvent> events;
    const QString who = actor();
    events.append({0,
                   at,
                   QStringLiteral("incident"),
                   who,
                   tr("Incident started: %1 (%2, window from %3)")
                       .arg(next.name, next.severity, timeText(next.windowStart)),
                   {}});
    for (const QString &cause : causes) {
        const QString c = normalizeCause(cause);
        if (c.isEmpty() || next.causes.contains(c))
            continue;
        next.causes.append(c);
        events.append({0, at, QStringLiteral("cause"), who, tr("Cause added: %1").arg(c), c});
    }
    return commit(next, events);
}

bool IncidentController::startFromAlerts(const QList<Alert> &alerts, const QString &name)
{
    const QStringList suggested = suggestCauses(alerts);
    if (isActive()) {
        QStringList causes = m_incident->causes;
        for (const QString &c : suggested) {
            if (!causes.contains(c))
                causes.append(c);
        }
        return setCauses(causes);
    }
    Severity severity = Severity::Info;
    EpochMicros start = 0;
    for (const Alert &a : alerts) {
        severity = std::max(severity, a.severity);
        if (a.createdAt > 0 && (start == 0 || a.createdAt < start))
            start = a.createdAt;
    }
    QString title = name;
    if (title.trimmed().isEmpty() && !alerts.isEmpty())
        title
            = alerts.size() == 1
                  ? alerts.first().title
                  : tr("%1 (+%n more)", nullptr, int(alerts.size() - 1)).arg(alerts.first().title);
    return startIncident(title, alerts.isEmpty() ? Severity::Error : severity, start, suggested);
}

void IncidentController::setAutoStartOnCritical(bool on)
{
    m_autoStart = on;
}

void IncidentController::onAlertsArrived(const QList<Alert> &alerts)
{
    if (!m_autoStart || isActive())
        return;
    for (const Alert &a : alerts) {
        const QString state = a.state.toLower();
        if (a.severity == Severity::Critical && state != QLatin1String("closed")
            && state != QLatin1String("resolved")) {
            startFromAlerts({a}, tr("Critical: %1").arg(a.title));
            return;
        }
    }
}

bool IncidentController::applyDefaults(const WorkspaceConfig::IncidentDefaults &defaults)
{
    if (m_incident
        || (defaults.name.isEmpty() && defaults.since.isEmpty() && defaults.broken.isEmpty()))
        return false;
    const EpochMicros since = parseTimestamp(defaults.since).value_or(0);
    if (!startIncident(defaults.name, Severity::Critical, since, defaults.broken))
        return false;
    if (!defaults.until.isEmpty()) {
        if (const std::optional<EpochMicros> until = parseTimestamp(defaults.until))
            return setWindow(m_incident->windowStart, *until);
    }
    return true;
}

bool IncidentController::setName(const QString &name)
{
    if (!requireIncident())
        return false;
    const QString n = name.trimmed();
    if (n.isEmpty() || n == m_incident->name)
        return !n.isEmpty();
    Incident next = *m_incident;
    next.name = n;
    return commit(next, {event(QStringLiteral("incident"), tr("Renamed to %1").arg(n))});
}

QString incidentStatusTitle(const QString &status)
{
    if (status == QLatin1String("active"))
        return QCoreApplication::translate("warroom::IncidentStatus", "Active");
    if (status == QLatin1String("mitigated"))
        return QCoreApplication::translate("warroom::IncidentStatus", "Mitigated");
    if (status == QLatin1String("resolved"))
        return QCoreApplication::translate("warroom::IncidentStatus", "Resolved");
    return status;
}

bool IncidentController::setSeverity(Severity severity)
{
    if (!requireIncident())
        return false;
    const QString s = severityName(severity);
    if (s == m_incident->severity)
        return true;
    Incident next = *m_incident;
    next.severity = s;
    return commit(next, {event(QStringLiteral("incident"), tr("Severity set to %1").arg(severityTitle(severity)))});
}

bool IncidentController::setStatus(const QString &status)
{
    if (!requireIncident())
        return false;
    const QString s = status.trimmed().toLower();
    if (!statuses().contains(s)) {
        m_lastError
            = tr("Unknown status “%1” (expected active, mitigated or resolved)").arg(status);
        emit errorOccurred(m_lastError);
        return false;
    }
    if (s == m_incident->status)
        return true;
    Incident next = *m_incident;
    next.status = s;
    const EpochMicros at = now();
    if (s == QLatin1String("resolved")) {
        next.endedAt = at;
        if (next.windowEnd == 0)
            next.windowEnd = at;
    } else {
        next.endedAt = 0;
    }
    return commit(next, {event(QStringLiteral("incident"), tr("Status set to %1").arg(incidentStatusTitle(s)))});
}

bool IncidentController::resolve()
{
    return setStatus(QStringLiteral("resolved"));
}

bool IncidentController::setWindow(EpochMicros start, EpochMicros end)
{
    if (!requireIncident())
        return false;
    if (start <= 0 || (end != 0 && end < start)) {
        m_lastError = tr("The window must start before it ends");
        emit errorOccurred(m_lastError);
        return false;
    }
    if (start == m_incident->windowStart && end == m_incident->windowEnd)
        return true;
    Incident next = *m_incident;
    next.windowStart = start;
    next.windowEnd = end;
    const QString text = end == 0 ? tr("Window set: from %1, ongoing").arg(timeText(start))
                                  : tr("Window set: %1 to %2").arg(timeText(start), timeText(end));
    return commit(next, {event(QStringLiteral("incident"), text)});
}

bool IncidentController::setCommander(const QString &who)
{
    if (!requireIncident())
        return false;
    const QString w = who.trimmed();
    if (w == m_incident->commander)
        return true;
    Incident next = *m_incident;
    next.commander = w;
    const QString text = w.isEmpty() ? tr("Commander cleared") : tr("Commander: %1").arg(w);
    return commit(next, {event(QStringLiteral("role"), text)});
}

bool IncidentController::setCommunications(const QString &who)
{
    if (!requireIncident())
        return false;
    const QString w = who.trimmed();
    if (w == m_incident->communications)
        return true;
    Incident next = *m_incident;
    next.communications = w;
    const QString text
        = w.isEmpty() ? tr("Communications lead cleared") : tr("Communications: %1").arg(w);
    return commit(next, {event(QStringLiteral("role"), text)});
}

bool IncidentController::addCause(const QString &cause)
{
    if (!requireIncident())
        return false;
    const QString c = normalizeCause(cause);
    if (c.isEmpty()) {
        m_lastError = tr("“%1” is not a cause: use dataset.table, project.dataset.table or "
                         "dag:DAG_ID")
                          .arg(cause);
        emit errorOccurred(m_lastError);
        return false;
    }
    if (m_incident->causes.contains(c))
        return true;
    Incident next = *m_incident;
    next.causes.append(c);
    return commit(next, {event(QStringLiteral("cause"), tr("Cause added: %1").arg(c), c)});
}

bool IncidentController::removeCause(const QString &cause)
{
    if (!requireIncident())
        return false;
    const QString c = normalizeCause(cause).isEmpty() ? cause.trimmed() : normalizeCause(cause);
    if (!m_incident->causes.contains(c))
        return true;
    Incident next = *m_incident;
    next.causes.removeAll(c);
    return commit(next, {event(QStringLiteral("cause"), tr("Cause removed: %1").arg(c), c)});
}

bool IncidentController::setCauses(const QStringList &causes)
{
    if (!requireIncident())
        return false;
    QStringList wanted;
    for (const QString &cause : causes) {
        const QString c = normalizeCause(cause);
        if (c.isEmpty()) {
            m_lastError = tr("“%1” is not a cause: use dataset.table, project.dataset.table or "
                             "dag:DAG_ID")
                              .arg(cause);
            emit errorOccurred(m_lastError);
            return false;
        }
        if (!wanted.contains(c))
            wanted.append(c);
    }
    if (wanted == m_incident->causes)
        return true;
    QList<IncidentStore::TimelineEvent> events;
    for (const QString &c : std::as_const(m_incident->causes)) {
        if (!wanted.contains(c))
            events.append(event(QStringLiteral("cause"), tr("Cause removed: %1").arg(c), c));
    }
    for (const QString &c : std::as_const(wanted)) {
        if (!m_incident->causes.contains(c))
            events.append(event(QStringLiteral("cause"), tr("Cause added: %1").arg(c), c));
    }
    Incident next = *m_incident;
    next.causes = wanted;
    return commit(next, events);
}

bool IncidentController::addNote(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        m_lastError = tr("The note is empty");
        return false;
    }
    if (!m_store) {
        m_lastError = tr("No incident store is open");
        return false;
    }
    // Notes are welcome with or without an incident: they are the team's log.
    if (m_store->appendTimeline(event(QStringLiteral("note"), t)) == 0) {
        m_lastError = tr("Could not save the note: %1").arg(m_store->lastError());
        emit errorOccurred(m_lastError);
        return false;
    }
    emit timelineChanged();
    return true;
}

} // namespace warroom
