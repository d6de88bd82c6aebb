#pragma once

#include <QList>
#include <QMainWindow>
#include <QPalette>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QToolBar;
class QStackedWidget;

namespace warroom {

class WorkspaceSession;
class AlertFeed;
class AlertFeedView;
class AlertReminders;
class AlertSource;
class IncidentController;
class IncidentHeader;
class LineageView;
class ReminderBanner;
class TimelineModel;
struct ImpactAnalysis;
namespace net { class HttpClient; }
namespace usage { class UsageRankingModel; }
namespace widgets { class RankingView; class BoardView; }
namespace recovery { class BoardModel; class BoardSync; }
namespace Theme { enum class Appearance; }

// The war-room shell: the lineage graph in the centre, the alert feed, usage ranking,
// recovery board and timeline in docks, the incident at the top, source health below.
// It owns the open WorkspaceSession and hands its models to the views.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Alerts, Lineage, Ranking, Board, Timeline };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder; problems are shown, a fatal one in a message box.
    bool openWorkspace(const QString &path);
    bool openDemo();
    // Writes the impact workbook (and its Markdown summary and postmortem draft beside it)
    // off the GUI thread. Empty path: ask. Returns false when nothing could be started.
    bool exportImpact(const QString &path = {});
    void showView(View view);
    // The read-only, large-type recovery board for a big screen (warroom --board).
    void setManagerMode(bool on);
    bool isManagerMode() const { return m_managerMode; }
    WorkspaceSession *session() const { return m_session.get(); }

    static bool viewFromName(const QString &name, View *view);
    // Nothing is loading and no layout is running: what a screenshot should wait for.
    bool isSettled() const;
    // System colours, dark or high contrast for the whole application; remembered.
    void setAppearance(Theme::Appearance appearance);

signals:
    void impactExported(const QString &path, bool ok, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createStatusBar();
    void showWelcome();
    void installSession(std::unique_ptr<WorkspaceSession> session);
    void setPane(QDockWidget *dock, QWidget *view);
    void createRankingView();
    void createIncidentViews();
    void createLineageView();
    void createBoardView();
    void replan();
    void startAlertSources();
    net::HttpClient *sessionHttpClient();
    void onUsageLoaded();
    void rankInBigQuery();
    void refreshImpact();
    void onExpandRequested(const QString &id, int direction);
    void updateSourceHealth();
    void onLoadProgress(const QString &stage, int percent);
    void updateTitle();
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    void applyDefaultDockSizes();
    void openWorkspaceDialog();
    void showProblems();
    void about();
    QDockWidget *addPane(const QString &objectName, const QString &title, QWidget *content,
                         Qt::DockWidgetArea area, const QKeySequence &shortcut);

    std::unique_ptr<WorkspaceSession> m_session;
    QStackedWidget *m_centre = nullptr;
    QWidget *m_welcome = nullptr;
    QWidget *m_lineagePage = nullptr;
    QDockWidget *m_alertsDock = nullptr;
    QDockWidget *m_rankingDock = nullptr;
    QDockWidget *m_boardDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_incidentLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    // Per-session models: parented here and deleted with the session they show.
    QObject *m_sessionScope = nullptr;
    usage::UsageRankingModel *m_rankingModel = nullptr;
    widgets::RankingView *m_rankingView = nullptr;
    AlertFeed *m_feed = nullptr;
    IncidentController *m_incident = nullptr;
    AlertReminders *m_reminders = nullptr;
    TimelineModel *m_timeline = nullptr;
    QList<AlertSource *> m_sources;
    IncidentHeader *m_incidentHeader = nullptr;
    QToolBar *m_incidentBar = nullptr;
    QAction *m_incidentHeaderAction = nullptr;
    ReminderBanner *m_banner = nullptr;
    LineageView *m_lineageView = nullptr;
    QLabel *m_healthLabel = nullptr;
    std::shared_ptr<const ImpactAnalysis> m_impact;
    recovery::BoardModel *m_boardModel = nullptr;
    recovery::BoardSync *m_boardSync = nullptr;
    widgets::BoardView *m_boardView = nullptr;
    bool m_managerMode = false;
    QPalette m_systemPalette;
    QList<QAction *> m_appearanceActions;
    bool m_hasSavedLayout = false;
    bool m_rankedInBigQuery = false;
    net::HttpClient *m_http = nullptr;
    QByteArray m_defaultState;
};

} // namespace warroom
