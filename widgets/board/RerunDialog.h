#pragma once

#include "core/recovery/AirflowRerunner.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace warroom::widgets {

// Asks before anything changes in Airflow: lists what the dry run of a re-run found (task
// instances to clear with their logical dates and states, dates without a run to trigger).
// Cancel is the default button; only "Clear and re-run" accepts.
class RerunDialog : public QDialog
{
    Q_OBJECT

public:
    RerunDialog(const recovery::RerunPreview &preview, const QString &timezone,
                QWidget *parent = nullptr);

    const recovery::RerunPreview &preview() const { return m_preview; }
    QTreeWidget *list() const { return m_list; }
    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *cancelButton() const { return m_cancel; }
    QString summaryText() const;

private:
    recovery::RerunPreview m_preview;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
};

} // namespace warroom::widgets
