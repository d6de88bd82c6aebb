#include "widgets/incident/IncidentHeader.h"

#include "core/alerts/Alert.h"
#include "core/common/Timestamps.h"
#include "core/incident/IncidentController.h"
#include "widgets/incident/IncidentDialog.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace warroom {

namespace {
QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

IncidentHeader::IncidentHeader(IncidentController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_name(plainLabel(this))
    , m_status(plainLabel(this))
    , m_started(plainLabel(this))
    , m_elapsed(plainLabel(this))
    , m_roles(plainLabel(this))
    , m_causes(plainLabel(this))
    , m_edit(new QPushButton(this))
    , m_ticker(new QTimer(this))
{
    setAccessibleName(tr("Incident"));
    QFont big = m_name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_name->setFont(big);
    QFont mono = m_elapsed->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setBold(true);
    m_elapsed->setFont(mono);
    m_elapsed->setAccessibleName(tr("Elapsed"));
    m_causes->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_name);
    top->addWidget(m_status);
    top->addStretch();
    top->addWidget(m_started);
    top->addWidget(m_elapsed);
    top->addWidget(m_edit);
    layout->addLayout(top);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_roles);
    bottom->addWidget(m_causes, 1);
    layout->addLayout(bottom);

    connect(m_edit, &QPushButton::clicked, this, &IncidentHeader::openDialog);
    connect(controller, &IncidentController::incidentChanged, this, &IncidentHeader::refresh);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &IncidentHeader::tick);
    refresh();
}

void IncidentHeader::setTimeZone(const QString &ianaId)
{
    m_zoneId = ianaId;
    refresh();
}

void IncidentHeader::setEditable(bool editable)
{
    m_editable = editable;
    m_edit->setVisible(editable);
}

QString IncidentHeader::nameText() const
{
    return m_name->text();
}
QString IncidentHeader::elapsedText() const
{
    return m_elapsed->text();
}
QString IncidentHeader::causesText() const
{
    return m_causes->text();
}

QString IncidentHeader::formatElapsed(qint64 micros)
{
    qint64 s = std::max<qint64>(0, micros / 1000000);
    const qint64 days = s / 86400;
    s %= 86400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg(s / 3600, 2, 10, QLatin1Char('0'))
                            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? tr("%nd", nullptr, int(days)) + QLatin1Char(' ') + hms : hms;
}

void IncidentHeader::refresh()
{
    const std::optional<IncidentController::Incident> incident = m_controller->incident();
    if (!incident) {
        m_name->setText(tr("No incident"));
        m_status->clear();
        m_started->clear();
        m_elapsed->clear();
        m_roles->clear();
        m_causes->setText(tr("Start an incident from the alert feed or here."));
        m_edit->setText(tr("Start incident…"));
        m_ticker->stop();
        return;
    }
    QTimeZone zone(m_zoneId.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    auto local = [&](qint64 micros) {
        return QDateTime::fromMSecsSinceEpoch(micros / 1000, zone)
            .toString(displayDateTimeFormat());
    };
    m_name->setText(incident->name);
    m_status->setText(tr("[%1 · %2]").arg(incidentStatusTitle(incident->status),
                                          severityTitle(severityFromName(incident->severity))));
    m_started->setText(
        incident->windowEnd == 0
            ? tr("since %1 %2").arg(local(incident->windowStart), m_zoneId)
            : tr("%1 – %2 %3")
                  .arg(local(incident->windowStart), local(incident->windowEnd), m_zoneId));
    QStringList roles;
    if (!incident->commander.isEmpty())
        roles << tr("Commander: %1").arg(incident->commander);
    if (!incident->communications.isEmpty())
        roles << tr("Comms: %1").arg(incident->communications);
    m_roles->setText(roles.join(QStringLiteral(" · ")));
    m_causes->setText(incident->causes.isEmpty()
                          ? tr("No causes yet")
                          : tr("Causes: %1").arg(incident->causes.join(QStringLiteral(", "))));
    m_edit->setText(tr("Edit…"));
    m_edit->setVisible(m_editable);
    tick();
    if (incident->windowEnd == 0 && incident->status != QLatin1String("resolved"))
        m_ticker->start();
    else
        m_ticker->stop();
}

void IncidentHeader::tick()
{
    const std::optional<IncidentController::Incident> incident = m_controller->incident();
    if (!incident || incident->windowStart == 0) {
        m_elapsed->clear();
        return;
    }
    const qint64 end = incident->windowEnd ? incident->windowEnd : m_controller->now();
    m_elapsed->setText(formatElapsed(end - incident->windowStart));
}

void IncidentHeader::openDialog()
{
    IncidentDialog dialog(m_controller, this);
    dialog.setTimeZone(m_zoneId);
    dialog.exec();
}

} // namespace warroom
