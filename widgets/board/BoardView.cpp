#include "widgets/board/BoardView.h"

#include "core/recovery/BoardModel.h"
#include "core/recovery/BoardSync.h"
#include "widgets/board/BoardCardDelegate.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace warroom::widgets {

using recovery::BoardFilterProxy;
using recovery::BoardModel;
using recovery::TaskStatus;

BoardLane::BoardLane(int column, QWidget *parent)
    : QListView(parent)
    , m_column(column)
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setUniformItemSizes(true);
    setSpacing(2);
    setWordWrap(false);
}

void BoardLane::setReadOnly(bool on)
{
    m_readOnly = on;
    setDragEnabled(!on);
    setAcceptDrops(!on);
    setDragDropMode(on ? QAbstractItemView::NoDragDrop : QAbstractItemView::DragDrop);
}

void BoardLane::keyPressEvent(QKeyEvent *event)
{
    if (!m_readOnly) {
        const bool ctrl = event->modifiers() & Qt::ControlModifier;
        if (ctrl && (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right)) {
            emit moveBy(event->key() == Qt::Key_Left ? -1 : 1);
            event->accept();
            return;
        }
        if (!ctrl && event->key() >= Qt::Key_1 && event->key() <= Qt::Key_5) {
            emit moveTo(event->key() - Qt::Key_1);
            event->accept();
            return;
        }
    }
    QListView::keyPressEvent(event);
}

void BoardLane::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_readOnly && event->mimeData()->hasFormat(QLatin1String(BoardModel::kMimeType))) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
        return;
    }
    event->ignore();
}

void BoardLane::dragMoveEvent(QDragMoveEvent *event)
{
    if (!m_readOnly && event->mimeData()->hasFormat(QLatin1String(BoardModel::kMimeType))) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
        return;
    }
    event->ignore();
}

void BoardLane::dropEvent(QDropEvent *event)
{
    const QStringList ids = BoardModel::idsFromMime(event->mimeData());
    if (m_readOnly || ids.isEmpty()) {
        event->ignore();
        return;
    }
    // the model moves the cards; the view must not remove rows itself
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit dropped(ids, m_column);
}

// ---------------------------------------------------------------------------------------------

BoardView::BoardView(QWidget *parent)
    : QWidget(parent)
    , m_delegate(new BoardCardDelegate(this))
    , m_progressLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_syncLabel(new QLabel(this))
    , m_mine(new QToolButton(this))
    , m_unassigned(new QToolButton(this))
    , m_blocked(new QToolButton(this))
    , m_login(new QLineEdit(this))
    , m_assign(new QPushButton(this))
    , m_controls(new QWidget(this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("boardView"));
    m_baseFont = font();
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressLabel->setObjectName(QStringLiteral("boardProgress"));
    m_syncLabel->setTextFormat(Qt::PlainText);
    m_syncLabel->setObjectName(QStringLiteral("boardSync"));
    m_progressBar->setRange(0, 100);
    m_progressBar->setFormat(tr("%p% by priority"));
    m_progressBar->setAccessibleName(tr("Recovery progress, weighted by priority"));

    m_mine->setText(tr("Mine"));
    m_unassigned->setText(tr("Unassigned"));
    m_blocked->setText(tr("Blocked"));
    m_mine->setToolTip(tr("Only cards assigned to you"));
    m_unassigned->setToolTip(tr("Only cards nobody has taken"));
    m_blocked->setToolTip(tr("Only cards that are blocked or wait on an upstream re-run"));
    for (QToolButton *b : {m_mine, m_unassigned, m_blocked}) {
        b->setCheckable(true);
        connect(b, &QToolButton::toggled, this, &BoardView::applyFilters);
    }
    m_mine->setObjectName(QStringLiteral("filterMine"));
    m_unassigned->setObjectName(QStringLiteral("filterUnassigned"));
    m_blocked->setObjectName(QStringLiteral("filterBlocked"));
    m_login->setObjectName(QStringLiteral("assignLogin"));
    m_login->setPlaceholderText(tr("GitHub login"));
    m_login->setClearButtonEnabled(true);
    m_assign->setObjectName(QStringLiteral("assignButton"));
    m_assign->setText(tr("Assign selected"));
    m_assign->setToolTip(tr("Assign the selected cards (empty login: unassign)"));
    connect(m_assign, &QPushButton::clicked, this, [this] { assignSelected(m_login->text()); });
    connect(m_login, &QLineEdit::returnPressed, m_assign, &QPushButton::click);

    auto *controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(new QLabel(tr("Show:"), m_controls));
    controls->addWidget(m_mine);
    controls->addWidget(m_unassigned);
    controls->addWidget(m_blocked);
    controls->addStretch();
    controls->addWidget(m_login);
    controls->addWidget(m_assign);

    auto *header = new QHBoxLayout;
    header->addWidget(m_progressLabel, 1);
    header->addWidget(m_progressBar);
    header->addWidget(m_syncLabel);

    auto *lanes = new QHBoxLayout;
    for (int c = 0; c < recovery::kStatusCount; ++c) {
        auto *column = new QVBoxLayout;
        m_laneTitles[c] = new QLabel(this);
        m_laneTitles[c]->setTextFormat(Qt::PlainText);
        QFont bold = m_laneTitles[c]->font();
        bold.setBold(true);
        m_laneTitles[c]->setFont(bold);
        m_proxies[c] = new BoardFilterProxy(this);
        m_proxies[c]->setColumn(c);
        m_lanes[c] = new BoardLane(c, this);
        m_lanes[c]->setObjectName(QStringLiteral("lane_%1").arg(recovery::statusName(TaskStatus(c))));
        m_lanes[c]->setAccessibleName(recovery::statusTitle(TaskStatus(c)));
        m_lanes[c]->setItemDelegate(m_delegate);
        m_lanes[c]->setModel(m_proxies[c]);
        connect(m_lanes[c], &BoardLane::dropped, this, &BoardView::moveIds);
        connect(m_lanes[c], &BoardLane::moveBy, this, &BoardView::moveSelectedBy);
        connect(m_lanes[c], &BoardLane::moveTo, this, &BoardView::moveSelectedTo);
        connect(m_lanes[c], &QListView::activated, this, [this](const QModelIndex &index) {
            emit taskActivated(index.data(BoardModel::IdRole).toString(),
                               index.data(BoardModel::IssueUrlRole).toString());
        });
        m_laneTitles[c]->setBuddy(m_lanes[c]);
        column->addWidget(m_laneTitles[c]);
        column->addWidget(m_lanes[c], 1);
        lanes->addLayout(column, 1);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_controls);
    layout->addLayout(lanes, 1);

    m_clock->setInterval(15000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        refreshHeader();
        refreshSync();
    });
    m_clock->start();
    refreshHeader();
    refreshSync();
}

BoardView::~BoardView() = default;

void BoardView::setModel(BoardModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    for (auto *proxy : m_proxies)
        proxy->setSourceModel(model);
    if (model) {
        connect(model, &BoardModel::boardChanged, this, &BoardView::refreshHeader);
        connect(model, &QAbstractItemModel::modelReset, this, &BoardView::refreshHeader);
    }
    refreshHeader();
}

void BoardView::setSync(recovery::BoardSync *sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (sync) {
        connect(sync, &recovery::BoardSync::lastSyncedChanged, this, &BoardView::refreshSync);
        connect(sync, &recovery::BoardSync::errorOccurred, this, &BoardView::refreshSync);
        connect(sync, &recovery::BoardSync::pollFinished, this, &BoardView::refreshSync);
    }
    refreshSync();
}

void BoardView::setCurrentUser(const QString &login)
{
    m_user = login;
    m_mine->setEnabled(!login.isEmpty());
    applyFilters();
}

void BoardView::setReadOnly(bool on)
{
    m_readOnly = on;
    m_controls->setVisible(!on);
    for (BoardLane *lane : m_lanes)
        lane->setReadOnly(on);
}

void BoardView::setLargeType(bool on)
{
    m_large = on;
    QFont f = m_baseFont;
    if (on)
        f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 1.6 : 16);
    setFont(f);
    for (int c = 0; c < recovery::kStatusCount; ++c) {
        QFont bold = f;
        bold.setBold(true);
        m_laneTitles[c]->setFont(bold);
        m_lanes[c]->doItemsLayout();
    }
}

BoardLane *BoardView::lane(int column) const
{
    return column >= 0 && column < recovery::kStatusCount ? m_lanes[column] : nullptr;
}

BoardFilterProxy *BoardView::laneProxy(int column) const
{
    return column >= 0 && column < recovery::kStatusCount ? m_proxies[column] : nullptr;
}

QStringList BoardView::selectedTaskIds() const
{
    QStringList ids;
    for (BoardLane *lane : m_lanes) {
        if (!lane->selectionModel())
            continue;
        QModelIndexList rows = lane->selectionModel()->selectedIndexes();
        std::sort(rows.begin(), rows.end(),
                  [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        for (const QModelIndex &index : rows)
            ids.append(index.data(BoardModel::IdRole).toString());
    }
    return ids;
}

void BoardView::moveIds(const QStringList &ids, int column)
{
    if (!m_model || m_readOnly || ids.isEmpty() || column < 0 || column >= recovery::kStatusCount)
        return;
    m_model->moveTasks(ids, TaskStatus(column));
    reselect(ids);
}

void BoardView::reselect(const QStringList &ids)
{
    // keep the moved cards selected (and focused) in their new lane, so moves can repeat
    BoardLane *focusLane = nullptr;
    for (int c = 0; c < recovery::kStatusCount; ++c) {
        BoardLane *lane = m_lanes[c];
        lane->clearSelection();
        for (int row = 0; row < m_proxies[c]->rowCount(); ++row) {
            const QModelIndex index = m_proxies[c]->index(row, 0);
            if (ids.contains(index.data(BoardModel::IdRole).toString())) {
                lane->selectionModel()->select(index, QItemSelectionModel::Select);
                lane->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
                focusLane = lane;
            }
        }
    }
    if (focusLane && isVisible())
        focusLane->setFocus();
}

bool BoardView::moveSelectedTo(int column)
{
    const QStringList ids = selectedTaskIds();
    if (!m_model || m_readOnly || ids.isEmpty())
        return false;
    moveIds(ids, column);
    return true;
}

bool BoardView::moveSelectedBy(int delta)
{
    if (!m_model || m_readOnly)
        return false;
    QStringList ids;
    int target = -1;
    for (const QString &id : selectedTaskIds()) {
        const auto task = m_model->task(id);
        if (!task)
            continue;
        const int column = std::clamp(int(task->status) + delta, 0, recovery::kStatusCount - 1);
        target = target < 0 ? column : target;
        ids.append(id);
    }
    if (ids.isEmpty())
        return false;
    // a multi-lane selection moves by the first card's step, to one lane
    moveIds(ids, target);
    return true;
}

bool BoardView::assignSelected(const QString &login)
{
    const QStringList ids = selectedTaskIds();
    if (!m_model || m_readOnly || ids.isEmpty())
        return false;
    const bool ok = m_model->assignTasks(ids, login);
    reselect(ids);
    return ok;
}

void BoardView::setFilterMine(bool on)
{
    m_mine->setChecked(on);
}

void BoardView::setFilterUnassigned(bool on)
{
    m_unassigned->setChecked(on);
}

void BoardView::setFilterBlocked(bool on)
{
    m_blocked->setChecked(on);
}

void BoardView::applyFilters()
{
    for (BoardFilterProxy *proxy : m_proxies) {
        proxy->setMine(m_mine->isChecked() ? m_user : QString());
        proxy->setUnassignedOnly(m_unassigned->isChecked());
        proxy->setBlockedOnly(m_blocked->isChecked());
    }
    refreshHeader();
}

QString BoardView::progressText() const
{
    return m_progressLabel->text();
}

QString BoardView::syncText() const
{
    return m_syncLabel->text();
}

void BoardView::refreshHeader()
{
    for (int c = 0; c < recovery::kStatusCount; ++c) {
        m_laneTitles[c]->setText(tr("%1 (%2)").arg(recovery::statusTitle(TaskStatus(c)))
                                     .arg(m_proxies[c]->rowCount()));
    }
    if (!m_model) {
        m_progressLabel->setText(tr("No recovery plan yet"));
        m_progressBar->setValue(0);
        return;
    }
    const BoardModel::Progress p = m_model->progress();
    QString text = tr("%1/%2 tasks done · %3/%4 tables restored · %5% by priority")
                       .arg(p.tasksDone)
                       .arg(p.tasksTotal)
                       .arg(p.tablesRestored)
                       .arg(p.tablesAffected)
                       .arg(qRound(p.weightedPercent));
    if (p.elapsedSeconds > 0) {
        const qint64 h = p.elapsedSeconds / 3600;
        const qint64 m = (p.elapsedSeconds % 3600) / 60;
        text += tr(" · %1h %2m elapsed").arg(h).arg(m, 2, 10, QLatin1Char('0'));
    }
    m_progressLabel->setText(text);
    m_progressBar->setValue(qRound(p.weightedPercent));
}

void BoardView::refreshSync()
{
    if (!m_sync) {
        m_syncLabel->setText(tr("Not synced with GitHub"));
        return;
    }
    const QDateTime last = m_sync->lastSyncedAt();
    QString text = last.isValid()
                       ? tr("Last synced %1").arg(last.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                       : tr("Not synced yet");
    const int pending = m_sync->pendingCount();
    if (pending > 0)
        text += tr(" · %n change(s) waiting", nullptr, pending);
    if (!m_sync->lastError().isEmpty() && m_sync->isBusy())
        text += tr(" · GitHub unreachable, retrying");
    m_syncLabel->setText(text);
    m_syncLabel->setToolTip(m_sync->lastError());
}

} // namespace warroom::widgets
