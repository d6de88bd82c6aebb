#pragma once

#include "core/alerts/AlertSource.h"
#include "core/common/Diagnostic.h"

#include <QElapsedTimer>
#include <QTimer>

namespace warroom {

// Plays a recorded alert timeline (NDJSON, one event per line) in accelerated time:
//   {"offset_seconds": 90, "source": "replay", "kind": "dag_failure", "id": "…", "title": "…",
//    "severity": "critical", "state": "open", "created_at": "RFC 3339", "url": "…",
//    "dag_id": "…", "task_id": "…", "table": "…", "labels": ["…"], "body": "…"}
// `offset_seconds` (required, >= 0) is recorded time since the start; `speed` is recorded
// seconds per wall second. Emitted alerts have source "replay". Without created_at an event
// is stamped with its wall-clock arrival (pollNow(): recorded spacing, the last one "now"). Blank lines and lines starting with '#' are skipped;
// malformed lines become diagnostics naming file and line and are skipped.
class ReplaySource : public AlertSource
{
    Q_OBJECT

public:
    struct Event
    {
        qint64 offsetMs = 0;
        bool hasCreatedAt = false;
        QString kind;
        Alert alert;
    };

    ReplaySource(const QString &file, double speed, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("replay"); }
    void start() override;   // loads (once) and plays from the beginning
    void stop() override;
    void pollNow() override; // emits everything not yet played at once

    // Reads the file; true when it was readable (even with malformed lines).
    bool load(Diagnostics *diagnostics = nullptr);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    const QList<Event> &events() const { return m_events; }
    int remaining() const { return int(m_events.size()) - m_next; }
    bool isFinished() const { return m_loaded && m_next >= m_events.size(); }
    double speed() const { return m_speed; }

    static QList<Event> parse(const QByteArray &data, const QString &fileName,
                              Diagnostics *diagnostics);

signals:
    void finished();

private:
    void emitDue();
    void scheduleNext();
    void reportDiagnostics();

    QString m_file;
    double m_speed;
    bool m_loaded = false;
    bool m_loadFailed = false;
    QList<Event> m_events;
    Diagnostics m_diagnostics;
    int m_next = 0;
    QElapsedTimer m_clock;
    EpochMicros m_startedAt = 0;
    QTimer m_timer;
};

} // namespace warroom
