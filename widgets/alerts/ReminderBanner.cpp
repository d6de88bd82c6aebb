#include "widgets/alerts/ReminderBanner.h"

#include "widgets/alerts/SeverityDelegate.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QSystemTrayIcon>

namespace warroom {

ReminderBanner::ReminderBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_show(new QPushButton(tr("Show"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAccessibleName(tr("Reminder"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    const int em = fontMetrics().height();
    layout->setContentsMargins(em * 2, em / 3, em / 3, em / 3); // room for the badge
    layout->addWidget(m_label, 1);
    layout->addWidget(m_show);
    layout->addWidget(m_dismiss);
    connect(m_show, &QPushButton::clicked, this, [this] {
        emit showAlertsRequested();
        dismiss();
    });
    connect(m_dismiss, &QPushButton::clicked, this, &ReminderBanner::dismiss);
    hide();
}

void ReminderBanner::setTrayEnabled(bool enabled)
{
    m_trayEnabled = enabled;
}

QString ReminderBanner::text() const
{
    return m_label->text();
}

void ReminderBanner::showReminder(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    m_count = int(alerts.size());
    m_severity = 0;
    const Alert *top = &alerts.first();
    for (const Alert &a : alerts) {
        if (a.severity > top->severity)
            top = &a;
    }
    m_severity = int(top->severity);
    const QString message
        = m_count == 1
              ? tr("Still unacknowledged (%1): %2").arg(severityName(top->severity), top->title)
              : tr("%n alert(s) still unacknowledged, the most severe (%1): %2", nullptr, m_count)
                    .arg(severityName(top->severity), top->title);
    m_label->setText(message);
    show();
    update();

    if (m_trayEnabled && QSystemTrayIcon::isSystemTrayAvailable()
        && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(this);
            QIcon icon = QApplication::windowIcon();
            if (icon.isNull())
                icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
            m_tray->setIcon(icon);
            connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                    &ReminderBanner::showAlertsRequested);
        }
        m_tray->show();
        m_tray->showMessage(tr("War Room reminder"), message,
                            top->severity >= Severity::Error ? QSystemTrayIcon::Critical
                                                             : QSystemTrayIcon::Warning);
    }
}

void ReminderBanner::dismiss()
{
    hide();
    emit dismissed();
}

void ReminderBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    const int em = fontMetrics().height();
    SeverityDelegate::paintBadge(&painter, QRectF(em / 2.0, (height() - em) / 2.0, em, em),
                                 m_severity, palette());
}

} // namespace warroom
