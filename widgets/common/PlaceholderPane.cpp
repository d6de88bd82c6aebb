#include "widgets/common/PlaceholderPane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace warroom {

PlaceholderPane::PlaceholderPane(const QString &title, const QString &text, QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(text, this))
{
    auto *heading = new QLabel(title, this);
    heading->setTextFormat(Qt::PlainText);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);

    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(heading);
    layout->addWidget(m_text);
    layout->addStretch(2);
    layout->setContentsMargins(24, 24, 24, 24);
    setAccessibleName(title);
}

void PlaceholderPane::setText(const QString &text)
{
    m_text->setText(text);
}

} // namespace warroom
