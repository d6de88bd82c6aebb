#include "widgets/alerts/AcknowledgeDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace warroom {

AcknowledgeDialog::AcknowledgeDialog(int alertCount, const QString &who, QWidget *parent)
    : QDialog(parent)
    , m_note(new QLineEdit(this))
{
    setWindowTitle(tr("Acknowledge"));
    auto *layout = new QVBoxLayout(this);
    auto *label
        = new QLabel(tr("Acknowledge %n alert(s) as %1?", nullptr, alertCount).arg(who), this);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    m_note->setPlaceholderText(tr("Optional note (what you are doing about it)"));
    m_note->setAccessibleName(tr("Note"));
    layout->addWidget(m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Acknowledge"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_note->setFocus();
}

QString AcknowledgeDialog::note() const
{
    return m_note->text().trimmed();
}

} // namespace warroom
