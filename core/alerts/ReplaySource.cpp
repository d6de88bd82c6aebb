#include "core/alerts/ReplaySource.h"

#include "core/alerts/AlertParsing.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace warroom {

ReplaySource::ReplaySource(const QString &file, double speed, QObject *parent)
    : AlertSource(parent)
    , m_file(file)
    , m_speed(speed > 0 && std::isfinite(speed) ? speed : 1.0)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplaySource::emitDue);
}

QList<ReplaySource::Event> ReplaySource::parse(const QByteArray &data, const QString &fileName,
                                               Diagnostics *diagnostics)
{
    QList<Event> events;
    const auto error = [&](int line, const QString &message) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(fileName, line, 0, message));
    };
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            if (diagnostics)
                diagnostics->append(Diagnostic::error(fileName, lineNo, int(parseError.offset) + 1,
                                                      tr("invalid JSON: %1").arg(parseError.errorString())));
            continue;
        }
        if (!doc.isObject()) {
            error(lineNo, tr("expected a JSON object"));
            continue;
        }
        const QJsonObject o = doc.object();
        const QJsonValue offset = o.value(QLatin1String("offset_seconds"));
        // At most ~31 years: keeps offsetMs (and its microseconds) inside qint64.
        constexpr double maxOffsetSeconds = 1e9;
        const double seconds = offset.toDouble();
        if (!offset.isDouble() || !(seconds >= 0 && seconds <= maxOffsetSeconds)) {
            error(lineNo, tr("\"offset_seconds\" must be a number from 0 to %1")
                              .arg(maxOffsetSeconds, 0, 'g', 10));
            continue;
        }
        const QString id = o.value(QLatin1String("id")).isDouble()
                               ? QString::number(o.value(QLatin1String("id")).toDouble(), 'g', 15)
                               : o.value(QLatin1String("id")).toString();
        if (id.isEmpty()) {
            error(lineNo, tr("\"id\" is missing"));
            continue;
        }
        const QString title = o.value(QLatin1String("title")).toString();
        if (title.isEmpty()) {
            error(lineNo, tr("\"title\" is missing"));
            continue;
        }
        Event event;
        event.offsetMs = qint64(offset.toDouble() * 1000.0);
        event.kind = o.value(QLatin1String("kind")).toString();
        Alert &alert = event.alert;
        alert.source = QStringLiteral("replay");
        alert.id = id;
        alert.title = title;
        alert.url = o.value(QLatin1String("url")).toString();
        const QString severity = o.value(QLatin1String("severity")).toString();
        const Severity invalid = Severity(-1);
        alert.severity = severity.isEmpty() ? Severity::Warning : severityFromName(severity, invalid);
        if (alert.severity == invalid) {
            error(lineNo, tr("unknown severity \"%1\" (info, warning, error, critical)").arg(severity));
            continue;
        }
        alert.state = o.value(QLatin1String("state")).toString(QStringLiteral("open")).toLower();
        if (alert.state != QLatin1String("open") && alert.state != QLatin1String("closed")
            && alert.state != QLatin1String("resolved")) {
            error(lineNo, tr("unknown state \"%1\" (open, closed, resolved)").arg(alert.state));
            continue;
        }
        const QJsonValue created = o.value(QLatin1String("created_at"));
        if (!created.isUndefined() && !created.isNull()) {
            const auto micros = created.isString() ? parseTimestamp(created.toString())
                                                   : std::optional<EpochMicros>();
            if (!micros) {
                error(lineNo, tr("\"created_at\" is not an RFC 3339 time"));
                continue;
            }
            alert.createdAt = *micros;
            event.hasCreatedAt = true;
        }
        alert.dagId = o.value(QLatin1String("dag_id")).toString();
        alert.taskId = o.value(QLatin1String("task_id")).toString();
        alert.table = o.value(QLatin1String("table")).toString();
        alert.body = o.value(QLatin1String("body")).toString();
        alert.groupKey = o.value(QLatin1String("group_key")).toString();
        const QJsonValue labels = o.value(QLatin1String("labels"));
        if (labels.isArray()) {
            for (const QJsonValue &label : labels.toArray())
                alert.labels.append(label.toString());
        } else if (labels.isObject()) {
            const QJsonObject map = labels.toObject();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it)
                alert.labels.append(it.key() + QLatin1Char(':') + it.value().toString());
        }
        inferAlertContext(alert);
        events.append(event);
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event &a, const Event &b) { return a.offsetMs < b.offsetMs; });
    return events;
}

bool ReplaySource::load(Diagnostics *diagnostics)
{
    if (m_loaded) {
        if (diagnostics)
            diagnostics->append(m_diagnostics);
        return !m_loadFailed;
    }
    m_loaded = true;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadFailed = true;
        m_diagnostics.append(Diagnostic::error(m_file, 0, 0, tr("cannot read: %1").arg(file.errorString())));
    } else {
        m_events = parse(file.readAll(), m_file, &m_diagnostics);
    }
    if (diagnostics)
        diagnostics->append(m_diagnostics);
    reportDiagnostics();
    return !m_loadFailed;
}

void ReplaySource::reportDiagnostics()
{
    if (m_diagnostics.isEmpty())
        return;
    QStringList lines;
    for (const Diagnostic &d : std::as_const(m_diagnostics))
        lines.append(d.toString());
    recordError(lines.join(QLatin1Char('\n')));
}

void ReplaySource::start()
{
    load();
    m_next = 0;
    m_startedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_clock.start();
    emitDue();
}

void ReplaySource::stop()
{
    m_timer.stop();
}

void ReplaySource::pollNow()
{
    load();
    if (m_startedAt == 0)
        m_startedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_timer.stop();
    QList<Alert> alerts;
    // All at once: undated events keep their recorded spacing and the last one is "now".
    const EpochMicros now = QDateTime::currentMSecsSinceEpoch() * 1000;
    const qint64 lastOffsetMs = m_events.isEmpty() ? 0 : m_events.constLast().offsetMs;
    for (; m_next < m_events.size(); ++m_next) {
        Event &event = m_events[m_next];
        if (!event.hasCreatedAt)
            event.alert.createdAt = now - (lastOffsetMs - event.offsetMs) * 1000;
        event.alert.updatedAt = std::max(event.alert.updatedAt, event.alert.createdAt);
        alerts.append(event.alert);
    }
    if (m_diagnostics.isEmpty() || !m_loadFailed)
        recordSuccess();
    if (!alerts.isEmpty())
        emit alertsReceived(alerts);
    emit pollFinished(!m_loadFailed && m_diagnostics.isEmpty());
    emit finished();
}

void ReplaySource::emitDue()
{
    if (!m_clock.isValid())
        return;
    const double recordedMs = double(m_clock.elapsed()) * m_speed;
    QList<Alert> alerts;
    while (m_next < m_events.size() && double(m_events.at(m_next).offsetMs) <= recordedMs) {
        Event &event = m_events[m_next++];
        if (!event.hasCreatedAt) // stamped when it arrives on the wall clock
            event.alert.createdAt = m_startedAt + EpochMicros(double(event.offsetMs) * 1000.0 / m_speed);
        event.alert.updatedAt = std::max(event.alert.updatedAt, event.alert.createdAt);
        alerts.append(event.alert);
    }
    if (!alerts.isEmpty()) {
        if (m_diagnostics.isEmpty())
            recordSuccess(m_next < m_events.size() ? QDateTime::currentDateTimeUtc().addMSecs(
                              qint64((m_events.at(m_next).offsetMs - recordedMs) / m_speed))
                                                   : QDateTime());
        emit alertsReceived(alerts);
    }
    if (m_next >= m_events.size()) {
        emit finished();
        return;
    }
    scheduleNext();
}

void ReplaySource::scheduleNext()
{
    const double recordedMs = double(m_clock.elapsed()) * m_speed;
    const double waitMs = (double(m_events.at(m_next).offsetMs) - recordedMs) / m_speed;
    m_timer.start(int(std::clamp(std::ceil(waitMs), 0.0, 3600.0 * 1000)));
}

} // namespace warroom
