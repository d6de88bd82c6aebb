#include "widgets/board/RerunDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace warroom::widgets {

namespace {
QString localTime(EpochMicros at, const QTimeZone &zone)
{
    const QDateTime time = toDateTime(at).toTimeZone(zone);
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + zone.abbreviation(time);
}
} // namespace

RerunDialog::RerunDialog(const recovery::RerunPreview &preview, const QString &timezone,
                         QWidget *parent)
    : QDialog(parent)
    , m_preview(preview)
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("rerunDialog"));
    setWindowTitle(tr("Re-run %1 in Airflow").arg(preview.target.dagId));
    const QTimeZone zone
        = QTimeZone(timezone.toUtf8()).isValid() ? QTimeZone(timezone.toUtf8()) : QTimeZone::utc();

    QStringList lines;
    const int clears = int(preview.toClear.size());
    const int triggers = int(preview.toTrigger.size());
    if (clears > 0)
        lines.append(tr("Airflow will clear %n failed task instance(s) of DAG %1, so that they run "
                        "again.",
                        nullptr, clears)
                         .arg(preview.target.dagId));
    if (triggers > 0)
        lines.append(tr("Airflow will start %n new run(s) of DAG %1 for logical dates that never "
                        "ran.",
                        nullptr, triggers)
                         .arg(preview.target.dagId));
    lines.append(tr("This was a dry run: nothing has changed in Airflow yet."));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_summary->setObjectName(QStringLiteral("rerunSummary"));

    m_list->setObjectName(QStringLiteral("rerunInstances"));
    m_list->setAccessibleName(tr("What the re-run changes in Airflow"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setHeaderLabels({tr("Action"), tr("Task"), tr("Logical date"), tr("State"), tr("Run")});
    for (const recovery::AirflowTaskInstance &ti : preview.toClear) {
        const auto at = parseTimestamp(ti.logicalDate);
        const QString task
            = ti.mapIndex >= 0 ? tr("%1 [%2]").arg(ti.taskId).arg(ti.mapIndex) : ti.taskId;
        auto *item = new QTreeWidgetItem(
            m_list, {tr("Clear"), task, at ? localTime(*at, zone) : ti.logicalDate,
                     ti.state.isEmpty() ? tr("failed") : ti.state, ti.runId});
        item->setToolTip(2, ti.logicalDate);
    }
    for (EpochMicros date : preview.toTrigger) {
        auto *item = new QTreeWidgetItem(m_list, {tr("Trigger"), tr("whole DAG"),
                                                  localTime(date, zone), tr("never ran"),
                                                  recovery::AirflowRerunner::runIdFor(date)});
        item->setToolTip(2, formatRfc3339(date));
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_confirm = buttons->addButton(tr("Clear and re-run"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("rerunConfirm"));
    m_cancel->setObjectName(QStringLiteral("rerunCancel"));
    m_confirm->setAccessibleName(tr("Clear and re-run in Airflow"));
    m_cancel->setAccessibleName(tr("Cancel the re-run"));
    // Enter must never confirm by accident: Cancel is the default and has the focus.
    m_confirm->setAutoDefault(false);
    m_confirm->setDefault(false);
    m_cancel->setAutoDefault(true);
    m_cancel->setDefault(true);
    m_confirm->setEnabled(preview.ok() && !preview.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    setTabOrder(m_list, m_cancel);
    setTabOrder(m_cancel, m_confirm);
    m_cancel->setFocus();
    resize(720, 360);
}

QString RerunDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace warroom::widgets
