#pragma once

#include "core/alerts/Alert.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QSystemTrayIcon;

namespace warroom {

// A visible banner for AlertReminders::reminderDue, plus a desktop notification through
// the system tray when one is available. Connect reminderDue to showReminder().
class ReminderBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ReminderBanner(QWidget *parent = nullptr);

    // Off: no system tray notifications (tests, the read-only board).
    void setTrayEnabled(bool enabled);
    QString text() const;
    int alertCount() const { return m_count; }

public slots:
    void showReminder(const QList<warroom::Alert> &alerts);
    void dismiss();

signals:
    void showAlertsRequested(); // "Show" pressed: bring the feed (unacknowledged) forward
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_label;
    QPushButton *m_show;
    QPushButton *m_dismiss;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_trayEnabled = true;
    int m_count = 0;
    int m_severity = 0;
};

} // namespace warroom
