#include "widgets/board/BoardView.h"

#include "core/recovery/AirflowRerunner.h"
#include "core/recovery/BoardModel.h"
#include "core/recovery/BoardSync.h"
#include "widgets/board/BoardCardDelegate.h"
#include "widgets/board/RerunDialog.h"

#include <QAction>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
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
    , m_rerunAction(new QAction(this))
    , m_rerunLabel(new QLabel(this))
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
    fitProgressBar();

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
    m_mine->setAccessibleName(tr("Show only my cards"));
    m_unassigned->setAccessibleName(tr("Show only unassigned cards"));
    m_blocked->setAccessibleName(tr("Show only blocked or waiting cards"));
    m_login->setAccessibleName(tr("GitHub login to assign the selected cards to"));
    m_assign->setAccessibleName(tr("Assign the selected cards"));
    m_progressLabel->setAccessibleName(tr("Recovery progress"));
    m_syncLabel->setAccessibleName(tr("GitHub sync status"));
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

    m_rerunAction->setObjectName(QStringLiteral("rerunAction"));
    m_rerunAction->setText(tr("Re-run in Airflow…"));
    m_rerunAction->setToolTip(tr("Ask Airflow what re-running the selected card would clear and "
                                 "start, then confirm (only when the workspace allows re-runs)"));
    m_rerunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_rerunAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_rerunAction->setEnabled(false);
    m_rerunAction->setVisible(false);
    addAction(m_rerunAction);
    connect(m_rerunAction, &QAction::triggered, this, [this] { rerunSelected(); });
    auto *rerunButton = new QToolButton(m_controls);
    rerunButton->setObjectName(QStringLiteral("rerunButton"));
    rerunButton->setDefaultAction(m_rerunAction);
    rerunButton->setAccessibleName(tr("Re-run the selected card in Airflow"));
    m_rerunLabel->setObjectName(QStringLiteral("rerunStatus"));
    m_rerunLabel->setTextFormat(Qt::PlainText);
    m_rerunLabel->setWordWrap(true);
    m_rerunLabel->setVisible(false);

    auto *controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(new QLabel(tr("Show:"), m_controls));
    controls->addWidget(m_mine);
    controls->addWidget(m_unassigned);
    controls->addWidget(m_blocked);
    controls->addStretch();
    controls->addWidget(m_login);
    controls->addWidget(m_assign);
    controls->addWidget(rerunButton);

    auto *header = new QHBoxLayout;
    header->addWidget(m_progressLabel, 1);
    header->addWidget(m_progressBar);
    header->addWidget(m_syncLabel);

    auto *lanes = new QHBoxLayout;
    m_lanesLayout = lanes;
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
        m_lanes[c]->setContextMenuPolicy(Qt::ActionsContextMenu);
        m_lanes[c]->addAction(m_rerunAction);
        connect(m_lanes[c]->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &BoardView::updateActions);
        m_laneTitles[c]->setBuddy(m_lanes[c]);
        column->addWidget(m_laneTitles[c]);
        column->addWidget(m_lanes[c], 1);
        lanes->addLayout(column, 1);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_controls);
    layout->addWidget(m_rerunLabel);
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
    updateActions();
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
    if (on)
        m_rerunLabel->setVisible(false);
    updateActions();
}

void BoardView::setLargeType(bool on)
{
    m_large = on;
    QFont f = m_baseFont;
    if (on)
        f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 1.6 : 16);
    setFont(f);
    m_delegate->setLargeType(on);
    fitProgressBar();
    for (int c = 0; c < recovery::kStatusCount; ++c) {
        QFont bold = f;
        bold.setBold(true);
        m_laneTitles[c]->setFont(bold);
        m_lanes[c]->doItemsLayout();
    }
}

void BoardView::fitProgressBar()
{
    // the bar draws "N% by priority" inside itself: make room for the widest value
    const QString widest = m_progressBar->format().replace(QLatin1String("%p"), QLatin1String("100"));
    const QFontMetrics fm(m_progressBar->font());
    m_progressBar->setMinimumWidth(fm.horizontalAdvance(widest) + fm.height() * 2);
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
        // lanes with cards get the room; empty ones stay narrow but visible (drop targets)
        m_lanesLayout->setStretch(c, m_proxies[c]->rowCount() > 0 ? 3 : 1);
        m_laneTitles[c]->setText(tr("%1 (%2)").arg(recovery::statusTitle(TaskStatus(c)))
                                     .arg(m_proxies[c]->rowCount()));
    }
    if (!m_model) {
        m_progressLabel->setText(tr("No recovery plan yet"));
        m_progressBar->setValue(0);
        return;
    }
    const BoardModel::Progress p = m_model->progress();
    // whole sentences for the translators, one with and one without the elapsed time
    QString text;
    if (p.elapsedSeconds > 0) {
        const qint64 h = p.elapsedSeconds / 3600;
        const qint64 m = (p.elapsedSeconds % 3600) / 60;
        text = tr("%1/%2 tasks done · %3/%4 tables restored · %5% by priority · %6h %7m elapsed")
                   .arg(p.tasksDone)
                   .arg(p.tasksTotal)
                   .arg(p.tablesRestored)
                   .arg(p.tablesAffected)
                   .arg(qRound(p.weightedPercent))
                   .arg(h)
                   .arg(m, 2, 10, QLatin1Char('0'));
    } else {
        text = tr("%1/%2 tasks done · %3/%4 tables restored · %5% by priority")
                   .arg(p.tasksDone)
                   .arg(p.tasksTotal)
                   .arg(p.tablesRestored)
                   .arg(p.tablesAffected)
                   .arg(qRound(p.weightedPercent));
    }
    m_progressLabel->setText(text);
    m_progressBar->setValue(qRound(p.weightedPercent));
}

// --- re-run in Airflow ----------------------------------------------------------------------

void BoardView::setRerunner(recovery::AirflowRerunner *rerunner)
{
    if (m_rerunner)
        disconnect(m_rerunner, nullptr, this, nullptr);
    m_rerunner = rerunner;
    if (rerunner) {
        // a rerunner deleted mid-flight never answers: do not stay busy for ever
        connect(rerunner, &QObject::destroyed, this, [this] {
            m_rerunBusy = false;
            m_rerunAction->setVisible(false);
            updateActions();
        });
    }
    // only workspaces that allow re-runs show the action at all
    m_rerunAction->setVisible(rerunner != nullptr);
    updateActions();
}

recovery::AirflowRerunner *BoardView::rerunner() const
{
    return m_rerunner;
}

void BoardView::setTimezone(const QString &ianaId)
{
    m_timezone = ianaId;
}

RerunDialog *BoardView::rerunDialog() const
{
    return m_rerunDialog;
}

QString BoardView::rerunText() const
{
    return m_rerunLabel->text();
}

void BoardView::updateActions()
{
    const bool possible = m_rerunner && m_model && !m_readOnly && !m_rerunBusy
                          && selectedTaskIds().size() == 1;
    m_rerunAction->setEnabled(possible);
}

void BoardView::setRerunStatus(const QString &text, bool error)
{
    m_rerunLabel->setText(text);
    QFont f = font(); // errors in bold: readable in every palette
    f.setBold(error);
    m_rerunLabel->setFont(f);
    m_rerunLabel->setVisible(!text.isEmpty() && !m_readOnly);
}

bool BoardView::rerunSelected()
{
    updateActions();
    if (!m_rerunAction->isEnabled())
        return false;
    const auto task = m_model->task(selectedTaskIds().constFirst());
    if (!task)
        return false;
    m_rerunBusy = true;
    updateActions();
    setRerunStatus(tr("Asking Airflow what re-running %1 would change (dry run)…").arg(task->dagId),
                   false);
    m_rerunner->preview(recovery::RerunTarget::fromTask(*task), this,
                        [this](const recovery::RerunPreview &preview) { showPreview(preview); });
    return true;
}

void BoardView::showPreview(const recovery::RerunPreview &preview)
{
    const QString id = preview.target.boardTaskId;
    const QString dag = preview.target.dagId;
    if (!preview.ok() || preview.isEmpty()) {
        m_rerunBusy = false;
        const QString text = !preview.ok()
                                 ? tr("Re-run of %1 not started: %2").arg(dag, preview.error)
                                 : tr("Airflow has nothing to re-run for %1: no failed task "
                                      "instances, and every logical date has a run.")
                                       .arg(dag);
        setRerunStatus(text, !preview.ok());
        updateActions();
        emit rerunFinished(id, false, text);
        return;
    }
    auto *dialog = new RerunDialog(preview, m_timezone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_rerunDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, id, dag](int result) {
        const recovery::RerunPreview confirmed = dialog->preview();
        if (result != QDialog::Accepted || !m_rerunner) {
            m_rerunBusy = false;
            const QString text = tr("Re-run of %1 cancelled: nothing changed in Airflow.").arg(dag);
            setRerunStatus(text, false);
            updateActions();
            emit rerunFinished(id, false, text);
            return;
        }
        setRerunStatus(tr("Re-running %1 in Airflow…").arg(dag), false);
        m_rerunner->execute(confirmed, this,
                            [this](const recovery::RerunOutcome &outcome) { finishRerun(outcome); });
    });
    setRerunStatus(tr("Confirm the re-run of %1 in the dialog.").arg(dag), false);
    dialog->open();
    emit rerunPreviewShown(id);
}

void BoardView::finishRerun(const recovery::RerunOutcome &outcome)
{
    m_rerunBusy = false;
    QStringList sentences;
    if (!outcome.cleared.isEmpty())
        sentences.append(tr("Airflow cleared %n task instance(s) of %1.", nullptr,
                            int(outcome.cleared.size()))
                             .arg(outcome.dagId));
    if (!outcome.triggeredRunIds.isEmpty())
        sentences.append(tr("Airflow started %n new run(s) of %1.", nullptr,
                            int(outcome.triggeredRunIds.size()))
                             .arg(outcome.dagId));
    if (!outcome.existingRunIds.isEmpty())
        sentences.append(tr("%n run(s) of %1 existed already and were left alone: %2.", nullptr,
                            int(outcome.existingRunIds.size()))
                             .arg(outcome.dagId, outcome.existingRunIds.join(QStringLiteral(", "))));
    if (!outcome.ok())
        sentences.append(tr("Re-run of %1 failed: %2").arg(outcome.dagId, outcome.error));
    if (sentences.isEmpty())
        sentences.append(tr("Airflow changed nothing for %1.").arg(outcome.dagId));
    const QString text = sentences.join(QLatin1Char(' '));
    if (m_model) {
        // the timeline keeps what was done in Airflow; the move goes through the outbox
        m_model->logTaskEvent(outcome.boardTaskId, QStringLiteral("airflow"), text);
        if (outcome.changedSomething())
            m_model->moveTasks({outcome.boardTaskId}, TaskStatus::Rerunning);
    }
    setRerunStatus(text, !outcome.ok());
    updateActions();
    emit rerunFinished(outcome.boardTaskId, outcome.ok() && outcome.changedSomething(), text);
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
    // %1 is the sentence so far; the translator places the addition around it
    const int pending = m_sync->pendingCount();
    if (pending > 0)
        text = tr("%1 · %n change(s) waiting", nullptr, pending).arg(text);
    if (!m_sync->lastError().isEmpty() && m_sync->isBusy())
        text = tr("%1 · GitHub unreachable, retrying").arg(text);
    m_syncLabel->setText(text);
    m_syncLabel->setToolTip(m_sync->lastError());
}

} // namespace warroom::widgets
