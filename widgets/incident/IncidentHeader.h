#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace warroom {

class IncidentController;

// The strip at the top of the main window: incident name, status, severity, started
// (workspace time zone), elapsed time of the window (ticking while ongoing), roles and
// causes. "Edit…" / "Start incident…" open the IncidentDialog.
class IncidentHeader : public QWidget
{
    Q_OBJECT

public:
    explicit IncidentHeader(IncidentController *controller, QWidget *parent = nullptr);

    void setTimeZone(const QString &ianaId);
    // Off: no edit button (read-only board).
    void setEditable(bool editable);

    QString nameText() const;
    QString elapsedText() const;
    QString causesText() const;

    // "2h 05m 09s" style.
    static QString formatElapsed(qint64 micros);

public slots:
    void refresh();
    void openDialog();

signals:
    void errorOccurred(const QString &message);

private:
    void tick();

    IncidentController *m_controller;
    QString m_zoneId = QStringLiteral("UTC");
    QLabel *m_name;
    QLabel *m_status;
    QLabel *m_started;
    QLabel *m_elapsed;
    QLabel *m_roles;
    QLabel *m_causes;
    QPushButton *m_edit;
    QTimer *m_ticker;
    bool m_editable = true;
};

} // namespace warroom
