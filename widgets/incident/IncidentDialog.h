#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;

namespace warroom {

class IncidentController;

// Creates or edits the current incident: name, severity, status, window (start, end or
// ongoing; shown in the workspace time zone), commander, communications and causes. The
// dialog only collects input; apply() hands it to the IncidentController, which validates,
// saves and writes the timeline. Errors keep the dialog open with the message shown.
class IncidentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit IncidentDialog(IncidentController *controller, QWidget *parent = nullptr);

    void setTimeZone(const QString &ianaId);
    // Offered by "Suggest" (e.g. IncidentController::suggestCauses over the open alerts).
    void setSuggestedCauses(const QStringList &causes);

    QStringList causes() const;
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *causeEdit() const { return m_causeEdit; }
    QLineEdit *commanderEdit() const { return m_commander; }

public slots:
    bool apply();
    void accept() override;

private:
    void load();
    void addCauseFromEdit();

    IncidentController *m_controller;
    QString m_zoneId = QStringLiteral("UTC");
    QStringList m_suggested;
    QLineEdit *m_name;
    QComboBox *m_severity;
    QComboBox *m_status;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QCheckBox *m_ongoing;
    QLineEdit *m_commander;
    QLineEdit *m_communications;
    QListWidget *m_causes;
    QLineEdit *m_causeEdit;
    QLabel *m_zoneLabel;
    QLabel *m_error;
};

} // namespace warroom
