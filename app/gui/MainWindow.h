#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDockWidget;
class QLabel;
class QStackedWidget;

namespace warroom {

class WorkspaceSession;

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
    void showView(View view);
    WorkspaceSession *session() const { return m_session.get(); }

    static bool viewFromName(const QString &name, View *view);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createStatusBar();
    void showWelcome();
    void installSession(std::unique_ptr<WorkspaceSession> session);
    void updateTitle();
    void restoreLayout();
    void saveLayout();
    void resetLayout();
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
    QByteArray m_defaultState;
};

} // namespace warroom
