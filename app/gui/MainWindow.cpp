#include "app/gui/MainWindow.h"

#include "core/session/WorkspaceSession.h"
#include "core/store/IncidentStore.h"
#include "widgets/common/PlaceholderPane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace warroom {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/warroom.svg")));
    setDockNestingEnabled(true);
    setDocumentMode(true);

    m_centre = new QStackedWidget(this);
    setCentralWidget(m_centre);

    createDocks();
    createActions();
    createStatusBar();
    m_defaultState = saveState();
    restoreLayout();
    showWelcome();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPane(const QString &objectName, const QString &title, QWidget *content,
                                 Qt::DockWidgetArea area, const QKeySequence &shortcut)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                      | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    QAction *toggle = dock->toggleViewAction();
    toggle->setShortcut(shortcut);
    return dock;
}

void MainWindow::createDocks()
{
    m_alertsDock = addPane(QStringLiteral("alertsDock"), tr("Alerts"),
                           new PlaceholderPane(tr("Alerts"), tr("Open a workspace to see its alerts."), this),
                           Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_1));
    m_timelineDock = addPane(QStringLiteral("timelineDock"), tr("Timeline"),
                             new PlaceholderPane(tr("Timeline"), tr("Everything that happens during the incident appears here."), this),
                             Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_5));
    m_rankingDock = addPane(QStringLiteral("rankingDock"), tr("Usage ranking"),
                            new PlaceholderPane(tr("Usage ranking"), tr("Open a workspace with a JOBS log to rank its tables by use."), this),
                            Qt::RightDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_3));
    m_boardDock = addPane(QStringLiteral("boardDock"), tr("Recovery board"),
                          new PlaceholderPane(tr("Recovery board"), tr("Start an incident to plan its re-runs."), this),
                          Qt::BottomDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_4));
    tabifyDockWidget(m_alertsDock, m_timelineDock);
    m_alertsDock->raise();
    resizeDocks({m_alertsDock, m_rankingDock}, {460, 420}, Qt::Horizontal);
    resizeDocks({m_boardDock}, {260}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Workspace..."), this, &MainWindow::openWorkspaceDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *demo = file->addAction(tr("Open &Demo"), this, &MainWindow::openDemo);
    demo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    file->addSeparator();
    QAction *problems = file->addAction(tr("Workspace &Problems..."), this, &MainWindow::showProblems);
    problems->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_alertsDock->toggleViewAction());
    view->addAction(m_rankingDock->toggleViewAction());
    view->addAction(m_boardDock->toggleViewAction());
    view->addAction(m_timelineDock->toggleViewAction());
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full Screen"), this, [this](bool on) {
        on ? showFullScreen() : showNormal();
    });
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About War Room"), this, &MainWindow::about);
}

void MainWindow::createStatusBar()
{
    m_workspaceLabel = new QLabel(this);
    m_workspaceLabel->setTextFormat(Qt::PlainText);
    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_incidentLabel = new QLabel(this);
    m_incidentLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_workspaceLabel);
    statusBar()->addWidget(m_problemsLabel);
    statusBar()->addPermanentWidget(m_incidentLabel);
}

void MainWindow::showWelcome()
{
    if (!m_welcome) {
        m_welcome = new QWidget(this);
        auto *layout = new QVBoxLayout(m_welcome);
        auto *title = new QLabel(tr("War Room"), m_welcome);
        QFont font = title->font();
        font.setPointSizeF(font.pointSizeF() * 2.2);
        font.setBold(true);
        title->setFont(font);
        title->setAlignment(Qt::AlignCenter);
        auto *text = new QLabel(tr("Scope an ETL incident in minutes: what is happening, what is affected, "
                                   "who is hurt, and who re-runs what.\n\nOpen a workspace (a folder with a "
                                   "warroom.yaml), or explore the demo: a warehouse of 300 tables whose "
                                   "Composer environment has just gone down."), m_welcome);
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setAlignment(Qt::AlignCenter);
        text->setFixedWidth(560);
        auto *demo = new QPushButton(tr("Open the Demo"), m_welcome);
        demo->setDefault(true);
        connect(demo, &QPushButton::clicked, this, &MainWindow::openDemo);
        auto *open = new QPushButton(tr("Open a Workspace..."), m_welcome);
        connect(open, &QPushButton::clicked, this, &MainWindow::openWorkspaceDialog);
        layout->addStretch(1);
        layout->addWidget(title);
        layout->addWidget(text, 0, Qt::AlignHCenter);
        layout->addSpacing(16);
        layout->addWidget(demo, 0, Qt::AlignHCenter);
        layout->addWidget(open, 0, Qt::AlignHCenter);
        layout->addStretch(2);
        m_centre->addWidget(m_welcome);
    }
    m_centre->setCurrentWidget(m_welcome);
    // The welcome page has the window to itself; the docks come back with a workspace.
    for (QDockWidget *dock : {m_alertsDock, m_rankingDock, m_boardDock, m_timelineDock})
        dock->hide();
}

bool MainWindow::openWorkspace(const QString &path)
{
    Diagnostics diagnostics;
    auto session = WorkspaceSession::open(path, &diagnostics);
    if (!session) {
        QStringList lines;
        for (const Diagnostic &d : std::as_const(diagnostics))
            lines.append(d.toString());
        QMessageBox box(QMessageBox::Critical, tr("Cannot open workspace"),
                        tr("The workspace %1 could not be opened.").arg(path), QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.setInformativeText(lines.value(0));
        if (!property("headless").toBool())
            box.exec();
        return false;
    }
    installSession(std::move(session));
    QSettings().setValue(QStringLiteral("lastWorkspace"), m_session->config().rootDir);
    return true;
}

bool MainWindow::openDemo()
{
    // Filled in when the demo generator lands (core/demo).
    QMessageBox::information(this, tr("Demo"), tr("The demo workspace is not available in this build."));
    return false;
}

void MainWindow::installSession(std::unique_ptr<WorkspaceSession> session)
{
    m_session = std::move(session);
    if (!m_lineagePage) {
        m_lineagePage = new PlaceholderPane(tr("Lineage"), tr("Add a broken table or DAG to the incident to see its blast radius."), this);
        m_centre->addWidget(m_lineagePage);
    }
    m_centre->setCurrentWidget(m_lineagePage);
    for (QDockWidget *dock : {m_alertsDock, m_rankingDock, m_boardDock, m_timelineDock})
        dock->show();
    m_alertsDock->raise();
    updateTitle();
}

void MainWindow::updateTitle()
{
    if (!m_session) {
        setWindowTitle(tr("War Room"));
        m_workspaceLabel->setText(tr("No workspace"));
        m_problemsLabel->clear();
        m_incidentLabel->clear();
        return;
    }
    const WorkspaceConfig &config = m_session->config();
    setWindowTitle(tr("%1 — War Room").arg(config.name));
    m_workspaceLabel->setText(tr("Workspace: %1").arg(config.name));
    const int problems = int(m_session->diagnostics().size());
    m_problemsLabel->setText(problems ? tr("%n problem(s) — Ctrl+Shift+P", nullptr, problems) : QString());
    const auto incident = m_session->store()->currentIncident();
    m_incidentLabel->setText(incident ? tr("Incident: %1").arg(incident->name) : tr("No incident"));
}

void MainWindow::showProblems()
{
    QStringList lines;
    if (m_session) {
        for (const Diagnostic &d : m_session->diagnostics())
            lines.append(d.toString());
    }
    QMessageBox box(QMessageBox::Information, tr("Workspace problems"),
                    lines.isEmpty() ? tr("No problems were found.")
                                    : tr("%n problem(s) were found while reading the workspace.", nullptr, int(lines.size())),
                    QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);
    if (!lines.isEmpty())
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}

void MainWindow::openWorkspaceDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open Workspace"), QSettings().value(QStringLiteral("lastWorkspace")).toString());
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::showView(View view)
{
    switch (view) {
    case View::Alerts: m_alertsDock->show(); m_alertsDock->raise(); break;
    case View::Timeline: m_timelineDock->show(); m_timelineDock->raise(); break;
    case View::Ranking: m_rankingDock->show(); m_rankingDock->raise(); break;
    case View::Board: m_boardDock->show(); m_boardDock->raise(); break;
    case View::Lineage: break;
    }
}

bool MainWindow::viewFromName(const QString &name, View *view)
{
    static const QHash<QString, View> names = {{QStringLiteral("alerts"), View::Alerts},
                                               {QStringLiteral("lineage"), View::Lineage},
                                               {QStringLiteral("ranking"), View::Ranking},
                                               {QStringLiteral("board"), View::Board},
                                               {QStringLiteral("timeline"), View::Timeline}};
    const auto it = names.constFind(name);
    if (it == names.constEnd())
        return false;
    *view = *it;
    return true;
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    for (QDockWidget *dock : {m_alertsDock, m_rankingDock, m_boardDock, m_timelineDock})
        dock->show();
    m_alertsDock->raise();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About War Room"),
                       tr("War Room %1\n\nScope ETL incidents in minutes: live alerts, lineage of what "
                          "broke, who is hurt, and a recovery board shared through GitHub issues.")
                           .arg(QApplication::applicationVersion()));
}

} // namespace warroom
