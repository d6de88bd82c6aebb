#pragma once

#include "core/recovery/BoardModel.h"
#include "core/recovery/BoardSync.h"

#include <QListView>
#include <QPointer>
#include <QWidget>

#include <array>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QToolButton;

namespace warroom::widgets {

class BoardCardDelegate;

// One column of the board: a list of cards that takes drops and keyboard moves.
class BoardLane : public QListView
{
    Q_OBJECT

public:
    BoardLane(int column, QWidget *parent = nullptr);
    int column() const { return m_column; }
    void setReadOnly(bool on);

signals:
    void dropped(const QStringList &taskIds, int column);
    void moveBy(int delta);         // Ctrl+Left / Ctrl+Right
    void moveTo(int column);        // keys 1..5

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    int m_column;
    bool m_readOnly = false;
};

// The recovery board: a progress header, filters (mine, unassigned, blocked), multi-select
// assignment, and five lanes (To do, Re-running, Verifying, Done, Blocked) over a BoardModel.
// Cards move by drag and drop, Ctrl+Left/Right, or the keys 1-5. Every move goes through
// BoardModel (store, then model, then outbox). setReadOnly(true) + setLargeType(true) is the
// managers' big-screen board (`warroom --board`), which shows when it last synced.
class BoardView : public QWidget
{
    Q_OBJECT

public:
    explicit BoardView(QWidget *parent = nullptr);
    ~BoardView() override;

    void setModel(recovery::BoardModel *model);
    recovery::BoardModel *model() const { return m_model; }
    void setSync(recovery::BoardSync *sync);       // optional: last-synced line, errors
    void setCurrentUser(const QString &login);     // for "Mine"
    QString currentUser() const { return m_user; }
    void setReadOnly(bool on);
    bool isReadOnly() const { return m_readOnly; }
    void setLargeType(bool on);
    bool isLargeType() const { return m_large; }

    BoardLane *lane(int column) const;
    recovery::BoardFilterProxy *laneProxy(int column) const;
    QStringList selectedTaskIds() const;
    bool moveSelectedTo(int column);
    bool moveSelectedBy(int delta);
    bool assignSelected(const QString &login);

    void setFilterMine(bool on);
    void setFilterUnassigned(bool on);
    void setFilterBlocked(bool on);
    QString progressText() const;
    QString syncText() const;

signals:
    void taskActivated(const QString &taskId, const QString &issueUrl);

private:
    void refreshHeader();
    void refreshSync();
    void applyFilters();
    void moveIds(const QStringList &ids, int column);
    void reselect(const QStringList &ids);

    QPointer<recovery::BoardModel> m_model;
    QPointer<recovery::BoardSync> m_sync;
    std::array<recovery::BoardFilterProxy *, 5> m_proxies{};
    std::array<BoardLane *, 5> m_lanes{};
    std::array<QLabel *, 5> m_laneTitles{};
    BoardCardDelegate *m_delegate;
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QLabel *m_syncLabel;
    QToolButton *m_mine;
    QToolButton *m_unassigned;
    QToolButton *m_blocked;
    QLineEdit *m_login;
    QPushButton *m_assign;
    QWidget *m_controls;
    QTimer *m_clock;
    QString m_user;
    bool m_readOnly = false;
    bool m_large = false;
    QFont m_baseFont;
};

} // namespace warroom::widgets
