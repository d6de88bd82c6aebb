#include "widgets/incident/TimelineView.h"

#include "core/incident/IncidentController.h"
#include "core/incident/TimelineModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace warroom {

TimelineView::TimelineView(TimelineModel *model, IncidentController *controller, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_controller(controller)
    , m_table(new QTableView(this))
    , m_note(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add note"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setModel(model);
    m_table->setAccessibleName(tr("Timeline"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 3 / 2);
    const int em = fontMetrics().height();
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(TimelineModel::TimeColumn, em * 9);
    header->resizeSection(TimelineModel::KindColumn, em * 5);
    header->resizeSection(TimelineModel::ActorColumn, em * 6);
    header->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *row = new QHBoxLayout;
    m_note->setPlaceholderText(tr("Write a note for the timeline"));
    m_note->setAccessibleName(tr("Note"));
    row->addWidget(m_note, 1);
    row->addWidget(m_add);
    layout->addLayout(row);

    connect(m_add, &QPushButton::clicked, this, &TimelineView::addNote);
    connect(m_note, &QLineEdit::returnPressed, this, &TimelineView::addNote);
    connect(m_note, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_add->setEnabled(m_controller && !t.trimmed().isEmpty());
    });
    m_add->setEnabled(false);

    // Keep following the newest event while the user is at the bottom.
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_table->verticalScrollBar();
        m_table->setProperty("followBottom", bar->value() >= bar->maximum());
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_table->property("followBottom").toBool())
            m_table->scrollToBottom();
    });
    m_table->scrollToBottom();
}

bool TimelineView::addNote()
{
    const QString text = m_note->text().trimmed();
    if (text.isEmpty() || !m_controller)
        return false;
    if (!m_controller->addNote(text)) {
        emit errorOccurred(m_controller->lastError());
        return false;
    }
    m_note->clear();
    m_model->refresh();
    return true;
}

} // namespace warroom
