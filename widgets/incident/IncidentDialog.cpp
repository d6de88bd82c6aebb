#include "widgets/incident/IncidentDialog.h"

#include "core/alerts/Alert.h"
#include "core/common/Timestamps.h"
#include "core/incident/IncidentController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace warroom {

namespace {

QTimeZone zoneOf(const QString &id)
{
    const QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

// QDateTimeEdit in Qt 6.4 has no time zone: it shows the workspace wall-clock time as a
// UTC value, converted on the way in and out.
QDateTime toWallClock(qint64 micros, const QTimeZone &zone)
{
    const QDateTime z = QDateTime::fromMSecsSinceEpoch(micros / 1000, zone);
    return QDateTime(z.date(), z.time(), QTimeZone::utc());
}

qint64 fromWallClock(const QDateTime &wall, const QTimeZone &zone)
{
    return QDateTime(wall.date(), wall.time(), zone).toMSecsSinceEpoch() * 1000;
}

} // namespace

IncidentDialog::IncidentDialog(IncidentController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_name(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_end(new QDateTimeEdit(this))
    , m_ongoing(new QCheckBox(tr("Ongoing"), this))
    , m_commander(new QLineEdit(this))
    , m_communications(new QLineEdit(this))
    , m_causes(new QListWidget(this))
    , m_causeEdit(new QLineEdit(this))
    , m_zoneLabel(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(controller->incident() ? tr("Edit incident") : tr("Start incident"));
    for (Severity s : {Severity::Critical, Severity::Error, Severity::Warning, Severity::Info})
        m_severity->addItem(severityTitle(s), int(s));
    for (const char *status : {"active", "mitigated", "resolved"})
        m_status->addItem(incidentStatusTitle(QLatin1String(status)), QLatin1String(status));
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(displayDateTimeFormat());
        edit->setCalendarPopup(true);
    }
    connect(m_ongoing, &QCheckBox::toggled, m_end, &QWidget::setDisabled);
    m_zoneLabel->setTextFormat(Qt::PlainText);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->hide();
    m_causeEdit->setPlaceholderText(tr("dataset.table, project.dataset.table or dag:DAG_ID"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("Window &start:"), m_start);
    auto *endRow = new QHBoxLayout;
    endRow->addWidget(m_end, 1);
    endRow->addWidget(m_ongoing);
    // The label's buddy is the date edit itself: a layout cannot take the Alt+E focus.
    auto *endLabel = new QLabel(tr("Window &end:"), this);
    endLabel->setBuddy(m_end);
    form->addRow(endLabel, endRow);
    form->addRow(QString(), m_zoneLabel);
    form->addRow(tr("&Commander:"), m_commander);
    form->addRow(tr("C&ommunications:"), m_communications);

    auto *causeButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *suggest = new QPushButton(tr("Suggest from alerts"), this);
    causeButtons->addWidget(m_causeEdit, 1);
    causeButtons->addWidget(add);
    causeButtons->addWidget(remove);
    causeButtons->addWidget(suggest);
    connect(add, &QPushButton::clicked, this, &IncidentDialog::addCauseFromEdit);
    connect(m_causeEdit, &QLineEdit::returnPressed, this, &IncidentDialog::addCauseFromEdit);
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_causes->selectedItems()); });
    connect(suggest, &QPushButton::clicked, this, [this] {
        for (const QString &c : std::as_const(m_suggested)) {
            if (m_causes->findItems(c, Qt::MatchExactly).isEmpty())
                m_causes->addItem(c);
        }
    });
    m_causes->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &IncidentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Root causes (failed DAGs, broken tables):"), this));
    layout->addWidget(m_causes, 1);
    layout->addLayout(causeButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    load();
}

void IncidentDialog::setTimeZone(const QString &ianaId)
{
    m_zoneId = zoneOf(ianaId) == QTimeZone::utc() && ianaId != QLatin1String("UTC")
                   ? QStringLiteral("UTC")
                   : ianaId;
    load();
}

void IncidentDialog::setSuggestedCauses(const QStringList &causes)
{
    m_suggested = causes;
}

QStringList IncidentDialog::causes() const
{
    QStringList result;
    for (int i = 0; i < m_causes->count(); ++i)
        result.append(m_causes->item(i)->text());
    return result;
}

void IncidentDialog::load()
{
    const QTimeZone zone = zoneOf(m_zoneId);
    m_zoneLabel->setText(tr("Times in %1").arg(m_zoneId));
    const std::optional<IncidentController::Incident> incident = m_controller->incident();
    const qint64 now = m_controller->now();
    m_causes->clear();
    if (!incident) {
        m_severity->setCurrentIndex(m_severity->findData(int(Severity::Error)));
        m_status->setCurrentIndex(0);
        m_status->setEnabled(false);
        m_start->setDateTime(toWallClock(now, zone));
        m_end->setDateTime(toWallClock(now, zone));
        m_ongoing->setChecked(true);
        m_end->setEnabled(false);
        return;
    }
    m_name->setText(incident->name);
    m_severity->setCurrentIndex(
        m_severity->findData(int(severityFromName(incident->severity, Severity::Error))));
    m_status->setCurrentIndex(std::max(0, m_status->findData(incident->status)));
    m_start->setDateTime(toWallClock(incident->windowStart, zone));
    m_end->setDateTime(toWallClock(incident->windowEnd ? incident->windowEnd : now, zone));
    m_ongoing->setChecked(incident->windowEnd == 0);
    m_end->setEnabled(incident->windowEnd != 0);
    m_commander->setText(incident->commander);
    m_communications->setText(incident->communications);
    for (const QString &c : incident->causes)
        m_causes->addItem(c);
}

void IncidentDialog::addCauseFromEdit()
{
    const QString cause = IncidentController::normalizeCause(m_causeEdit->text());
    if (cause.isEmpty()) {
        m_error->setText(tr("“%1” is not a cause: use dataset.table, project.dataset.table or "
                            "dag:DAG_ID")
                             .arg(m_causeEdit->text()));
        m_error->show();
        return;
    }
    m_error->hide();
    if (m_causes->findItems(cause, Qt::MatchExactly).isEmpty())
        m_causes->addItem(cause);
    m_causeEdit->clear();
}

bool IncidentDialog::apply()
{
    const QTimeZone zone = zoneOf(m_zoneId);
    const qint64 start = fromWallClock(m_start->dateTime(), zone);
    const qint64 end = m_ongoing->isChecked() ? 0 : fromWallClock(m_end->dateTime(), zone);
    const Severity severity = Severity(m_severity->currentData().toInt());
    bool ok = true;
    if (!m_controller->incident() || !m_controller->isActive()) {
        ok = m_controller->startIncident(m_name->text(), severity, start, causes())
             && (end == 0 || m_controller->setWindow(start, end));
    } else {
        ok = m_controller->setName(m_name->text().trimmed().isEmpty()
                                       ? m_controller->incident()->name
                                       : m_name->text())
             && m_controller->setSeverity(severity) && m_controller->setWindow(start, end)
             && m_controller->setCauses(causes())
             && m_controller->setStatus(m_status->currentData().toString());
    }
    ok = ok && m_controller->setCommander(m_commander->text())
         && m_controller->setCommunications(m_communications->text());
    if (!ok) {
        m_error->setText(m_controller->lastError());
        m_error->show();
    }
    return ok;
}

void IncidentDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace warroom
