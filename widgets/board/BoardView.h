#pragma once

#include "core/recovery/BoardModel.h"
#include "core/recovery/BoardSync.h"

#include <QListView>
#include <QPointer>
#include <QWidget>

#include <array>

class QAction;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QToolButton;

namespace warroom::recovery {
class AirflowRerunner;
struct RerunPreview;
struct RerunOutcome;
} // namespace warroom::recovery

namespace warroom::widgets {

class BoardCardDelegate;
class RerunDialog;

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
// With setRerunner() (only when the workspace allows re-runs), "Re-run in Airflow…"
// (context menu, Ctrl+Shift+R) asks Airflow for a dry run, lists it in a RerunDialog whose
// default is Cancel, and only after the confirmation clears/triggers; the card then moves to
// Re-running through BoardModel (store, timeline, outbox).
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
    // Optional (not owned): enables "Re-run in Airflow…". Null disables it.
    void setRerunner(recovery::AirflowRerunner *rerunner);
    recovery::AirflowRerunner *rerunner() const;
    void setTimezone(const QString &ianaId);       // for dates in the re-run dialog
    QAction *rerunAction() const { return m_rerunAction; }
    // Starts the dry run for the one selected card; false when not possible now.
    bool rerunSelected();
    RerunDialog *rerunDialog() const;              // while the confirmation is open
    QString rerunText() const;                     // the last re-run status line

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
    void rerunPreviewShown(const QString &taskId);   // the confirmation dialog is open
    void rerunFinished(const QString &taskId, bool ok, const QString &message);

private:
    void refreshHeader();
    void refreshSync();
    void applyFilters();
    void moveIds(const QStringList &ids, int column);
    void reselect(const QStringList &ids);
    void updateActions();
    void fitProgressBar();
    void showPreview(const recovery::RerunPreview &preview);
    void finishRerun(const recovery::RerunOutcome &outcome);
    void setRerunStatus(const QString &text, bool error);

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
    QHBoxLayout *m_lanesLayout = nullptr;
    QAction *m_rerunAction;
    QLabel *m_rerunLabel;
    QPointer<recovery::AirflowRerunner> m_rerunner;
    QPointer<RerunDialog> m_rerunDialog;
    QString m_timezone;
    bool m_rerunBusy = false;
    QString m_user;
    bool m_readOnly = false;
    bool m_large = false;
    QFont m_baseFont;
};

} // namespace warroom::widgets
