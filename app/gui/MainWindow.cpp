#include "app/gui/MainWindow.h"

#include "core/demo/DemoGenerator.h"
#include "core/session/WorkspaceSession.h"
#include "core/store/IncidentStore.h"
#include "core/alerts/AlertSources.h"
#include "core/feed/AlertFeed.h"
#include "core/feed/AlertFeedModel.h"
#include "core/feed/AlertReminders.h"
#include "core/graph/LineageGraphModel.h"
#include "core/incident/IncidentController.h"
#include "core/incident/TimelineModel.h"
#include "core/github/GitHubClient.h"
#include "core/lineage/LineageGraph.h"
#include "core/recovery/AirflowRerunner.h"
#include "core/recovery/BoardModel.h"
#include "core/recovery/BoardSync.h"
#include "core/recovery/RecoveryInputBuilder.h"
#include "core/recovery/RecoveryPlan.h"
#include "core/store/IncidentStore.h"
#include "core/net/HttpCache.h"
#include "core/net/HttpClient.h"
#include "core/session/ImpactAnalysis.h"
#include "core/session/ImpactReportBuilder.h"
#include "core/usage/BigQueryClient.h"
#include "core/usage/PushdownSql.h"
#include "core/usage/UsageLog.h"
#include "core/usage/UsageRankingModel.h"
#include "widgets/alerts/AlertFeedView.h"
#include "widgets/board/BoardView.h"
#include "widgets/alerts/ReminderBanner.h"
#include "widgets/common/PlaceholderPane.h"
#include "widgets/common/Theme.h"
#include "widgets/incident/IncidentHeader.h"
#include "widgets/incident/TimelineView.h"
#include "widgets/lineage/LineageView.h"
#include "widgets/ranking/RankingView.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QActionGroup>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QClipboard>
#include <QDesktopServices>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStandardPaths>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
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
    // The platform's palette is kept so "System Colours" can go back to it.
    // (captured once per process: a second window must not take a dark palette for the system's)
    static const QPalette systemPalette = QApplication::palette();
    m_systemPalette = systemPalette;
    Theme::Appearance appearance = Theme::Appearance::System;
    Theme::appearanceFromName(QSettings().value(QStringLiteral("appearance")).toString(), &appearance);
    setAppearance(appearance);
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
                            Qt::BottomDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_3));
    m_boardDock = addPane(QStringLiteral("boardDock"), tr("Recovery board"),
                          new PlaceholderPane(tr("Recovery board"), tr("Start an incident to plan its re-runs."), this),
                          Qt::BottomDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_4));
    // The blast radius keeps the centre; the ranking's table, chart and users fit the wide
    // bottom area, in a tab beside the board.
    tabifyDockWidget(m_alertsDock, m_timelineDock);
    tabifyDockWidget(m_boardDock, m_rankingDock);
    m_alertsDock->raise();
    m_boardDock->raise();
    resizeDocks({m_alertsDock}, {420}, Qt::Horizontal);
    resizeDocks({m_boardDock}, {320}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Workspace..."), this, &MainWindow::openWorkspaceDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *demo = file->addAction(tr("Open &Demo"), this, &MainWindow::openDemo);
    demo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QAction *exportAction = file->addAction(tr("&Export Impact..."), this, [this] { exportImpact(); });
    exportAction->setObjectName(QStringLiteral("exportImpactAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Save the incident's impact as a spreadsheet, with a Markdown summary and a postmortem draft"));
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

    QMenu *appearance = view->addMenu(tr("&Appearance"));
    auto *appearanceGroup = new QActionGroup(this);
    for (Theme::Appearance a :
         {Theme::Appearance::System, Theme::Appearance::Dark, Theme::Appearance::HighContrast}) {
        QAction *action = appearance->addAction(Theme::appearanceTitle(a), this,
                                                [this, a] { setAppearance(a); });
        action->setCheckable(true);
        action->setData(Theme::appearanceName(a));
        appearanceGroup->addAction(action);
    }
    m_appearanceActions = appearanceGroup->actions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About War Room"), this, &MainWindow::about);
}

bool MainWindow::isSettled() const
{
    if (!m_session)
        return true;
    return !m_session->isLoading() && (!m_lineageView || !m_lineageView->isLayoutRunning());
}

void MainWindow::setAppearance(Theme::Appearance appearance)
{
    QApplication::setPalette(Theme::paletteFor(appearance, m_systemPalette));
    qApp->setStyleSheet(Theme::styleSheetFor(appearance));
    for (QAction *action : std::as_const(m_appearanceActions))
        action->setChecked(action->data().toString() == Theme::appearanceName(appearance));
    QSettings().setValue(QStringLiteral("appearance"), Theme::appearanceName(appearance));
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
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_incidentLabel);
}

void MainWindow::onLoadProgress(const QString &stage, int percent)
{
    m_progress->setFormat(tr("%1 %p%", "loading stage and percentage").arg(stage));
    m_progress->setValue(percent);
    m_progress->show();
}

void MainWindow::setPane(QDockWidget *dock, QWidget *view)
{
    QWidget *old = dock->widget();
    dock->setWidget(view);
    if (old != view)
        delete old;
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
        // An aligned layout item gets its sizeHint height, not heightForWidth: reserve the
        // wrapped height, or longer (e.g. Japanese) text is clipped.
        text->setMinimumHeight(text->heightForWidth(560));
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
    if (m_incidentBar)
        m_incidentBar->hide();
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
        else
            qWarning("warroom: cannot open %s:\n%s", qPrintable(path), qPrintable(lines.join(QLatin1Char('\n'))));
        return false;
    }
    installSession(std::move(session));
    QSettings().setValue(QStringLiteral("lastWorkspace"), m_session->config().rootDir);
    return true;
}

bool MainWindow::openDemo()
{
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString path = demo::ensureDemoWorkspace(&error);
    QApplication::restoreOverrideCursor();
    if (path.isEmpty()) {
        if (!property("headless").toBool())
            QMessageBox::critical(this, tr("Cannot open the demo"), error);
        else
            qWarning("warroom: cannot write the demo workspace: %s", qPrintable(error));
        return false;
    }
    return openWorkspace(path);
}

void MainWindow::installSession(std::unique_ptr<WorkspaceSession> session)
{
    // The new views replace (and delete) the old ones before the old models and session go:
    // a view must never outlive the model it shows.
    std::unique_ptr<QObject> oldScope(m_sessionScope);
    std::unique_ptr<WorkspaceSession> oldSession = std::move(m_session);
    m_sessionScope = new QObject(this);
    m_session = std::move(session);

    m_sources.clear();
    m_lineageView = nullptr;
    m_rankingModel = nullptr;
    m_impact.reset();
    m_boardModel = nullptr;
    m_boardSync = nullptr;
    m_http = nullptr;
    createIncidentViews();
    createLineageView();
    createRankingView();
    createBoardView();
    m_rankedInBigQuery = false;
    oldScope.reset();
    oldSession.reset();

    connect(m_session.get(), &WorkspaceSession::loadProgress, this, &MainWindow::onLoadProgress);
    connect(m_session.get(), &WorkspaceSession::usageLoaded, this, &MainWindow::onUsageLoaded);
    connect(m_session.get(), &WorkspaceSession::lineageLoaded, this, &MainWindow::refreshImpact);
    connect(m_session.get(), &WorkspaceSession::diagnosticsChanged, this, &MainWindow::updateTitle);
    connect(m_session.get(), &WorkspaceSession::loadFinished, m_progress, &QWidget::hide);
    m_session->startLoading();
    startAlertSources();
    rankInBigQuery();

    m_centre->setCurrentWidget(m_lineagePage);
    for (QDockWidget *dock : {m_alertsDock, m_rankingDock, m_boardDock, m_timelineDock})
        dock->show();
    m_incidentBar->show();
    m_alertsDock->raise();
    m_boardDock->raise();
    if (!m_hasSavedLayout)
        QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
    if (m_managerMode)
        setManagerMode(true);
    updateTitle();
}

void MainWindow::createIncidentViews()
{
    const WorkspaceConfig &config = m_session->config();
    IncidentStore *store = m_session->store();

    m_feed = new AlertFeed(store, m_sessionScope);
    m_feed->setActor(qEnvironmentVariable("USER", tr("me")));
    m_feed->model()->setTimeZone(config.timezone);
    QString error;
    if (!m_feed->loadFromStore(&error))
        statusBar()->showMessage(tr("Could not read the stored alerts: %1").arg(error));

    m_incident = new IncidentController(store, m_feed, m_sessionScope);
    m_incident->setActor(m_feed->actor());
    // The workspace's incident (the demo's outage) applies when none is stored yet.
    if (!m_incident->incident() && !config.incident.name.isEmpty())
        m_incident->applyDefaults(config.incident);
    connect(m_incident, &IncidentController::causesChanged, this, &MainWindow::refreshImpact);
    connect(m_incident, &IncidentController::windowChanged, this, &MainWindow::replan);
    connect(m_incident, &IncidentController::incidentChanged, this, &MainWindow::updateTitle);

    m_reminders = new AlertReminders(m_feed, m_sessionScope);
    AlertReminders::Settings reminderSettings;
    reminderSettings.timeZone = config.timezone;
    m_reminders->setSettings(reminderSettings);
    m_reminders->start();

    m_timeline = new TimelineModel(store, m_sessionScope);
    m_timeline->setTimeZone(config.timezone);
    m_timeline->watch(m_feed);
    m_timeline->watch(m_incident);
    m_timeline->setPollInterval(2000);

    auto *feedView = new AlertFeedView(m_feed);
    feedView->setIncidentController(m_incident);
    // In the side dock the title needs the room; the source filter and the detail pane
    // still say where each alert came from.
    feedView->tableView()->setColumnHidden(AlertFeedModel::SourceColumn, true);
    setPane(m_alertsDock, feedView);
    setPane(m_timelineDock, new TimelineView(m_timeline, m_incident));

    if (!m_incidentBar) {
        m_incidentBar = addToolBar(tr("Incident"));
        m_incidentBar->setObjectName(QStringLiteral("incidentBar"));
        m_incidentBar->setMovable(false);
    }
    delete m_incidentHeaderAction; // owns the previous header
    m_incidentHeader = new IncidentHeader(m_incident, m_incidentBar);
    m_incidentHeader->setTimeZone(config.timezone);
    m_incidentHeaderAction = m_incidentBar->addWidget(m_incidentHeader);
}

void MainWindow::createLineageView()
{
    // The centre: the reminder banner above the blast radius.
    delete m_lineagePage;
    m_lineagePage = new QWidget(this);
    auto *layout = new QVBoxLayout(m_lineagePage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new ReminderBanner(m_lineagePage);
    m_banner->hide();
    connect(m_reminders, &AlertReminders::reminderDue, m_banner, &ReminderBanner::showReminder);
    connect(m_banner, &ReminderBanner::showAlertsRequested, this, [this] { showView(View::Alerts); });
    m_lineageView = new LineageView(m_lineagePage);
    // SQL files sit between every table and its task: hidden by default, one click away.
    m_lineageView->setKindVisible(LineageNodeKind::SqlFile, false);
    connect(m_lineageView, &LineageView::expandRequested, this,
            [this](const QString &id, LineageDirection direction) { onExpandRequested(id, int(direction)); });
    layout->addWidget(m_banner);
    layout->addWidget(m_lineageView, 1);
    m_centre->addWidget(m_lineagePage);
}

net::HttpClient *MainWindow::sessionHttpClient()
{
    // One client per session: its validator cache is the workspace store, shared by the alert
    // sources and the board sync, and both go away with the session's scope.
    if (!m_http) {
        m_http = new net::HttpClient(m_sessionScope);
        auto *cache = new net::StoreHttpCache(m_session->store());
        connect(m_sessionScope, &QObject::destroyed, [cache] { delete cache; });
        m_http->setCache(cache);
    }
    return m_http;
}

void MainWindow::startAlertSources()
{
    SecretStore *secrets = m_session->secrets();
    net::HttpClient *http = sessionHttpClient();
    AlertSourceOptions options;
    options.secret = [secrets](const QString &name) { return secrets->secret(name).value_or(QString()); };
    QStringList errors;
    m_sources = createAlertSources(m_session->config(), http, options, m_sessionScope, &errors);
    for (const QString &e : std::as_const(errors))
        statusBar()->showMessage(e, 15000);
    for (AlertSource *source : std::as_const(m_sources)) {
        m_feed->addSource(source);
        connect(source, &AlertSource::healthChanged, this, &MainWindow::updateSourceHealth);
        source->start();
    }
    updateSourceHealth();
}

void MainWindow::updateSourceHealth()
{
    if (!m_healthLabel) {
        m_healthLabel = new QLabel(this);
        m_healthLabel->setTextFormat(Qt::PlainText);
        m_healthLabel->setAccessibleName(tr("Alert source health"));
        statusBar()->addWidget(m_healthLabel);
    }
    QStringList parts;
    QStringList details;
    for (AlertSource *source : std::as_const(m_sources)) {
        const AlertSource::Health h = source->health();
        const bool failing = !h.ok();
        parts.append(failing ? tr("%1: failing").arg(source->name()) : tr("%1: ok").arg(source->name()));
        const QLocale locale;
        const QString last = h.lastSuccess.isValid()
            ? locale.toString(h.lastSuccess.toLocalTime().time(), QLocale::ShortFormat)
            : tr("never");
        const QString next = h.nextPoll.isValid()
            ? locale.toString(h.nextPoll.toLocalTime().time(), QLocale::ShortFormat)
            : tr("not scheduled");
        // Whole sentences, so a translation can order the parts its own way.
        const QString detail = failing
            ? tr("%1: failing (%2); last success %3; next poll %4")
                  .arg(source->name(), h.lastErrorText, last, next)
            : tr("%1: ok; last success %2; next poll %3").arg(source->name(), last, next);
        details.append(detail);
    }
    m_healthLabel->setText(parts.isEmpty() ? tr("No alert sources configured") : tr("Sources: %1").arg(parts.join(QStringLiteral(" · "))));
    m_healthLabel->setToolTip(details.join(QLatin1Char('\n')));
}

void MainWindow::refreshImpact()
{
    if (!m_session || !m_incident || !m_lineageView)
        return;
    const auto graph = m_session->lineage();
    const QStringList causes = m_incident->causes();
    if (!graph) {
        m_lineageView->model()->clear();
        return;
    }
    auto impact = std::make_shared<ImpactAnalysis>(analyzeImpact(*graph, causes));
    if (m_rankingModel && !m_rankingModel->ranking().tables.isEmpty())
        annotateUsage(impact->subgraph, m_rankingModel->ranking());
    m_impact = impact;
    m_lineageView->model()->setSubgraph(impact->subgraph);
    replan();

    QSet<QString> affected;
    QHash<QString, double> reach;
    for (const ImpactAnalysis::Table &t : impact->tables) {
        affected.insert(t.name);
        reach.insert(t.name, t.downstreamTables);
    }
    if (m_rankingModel) {
        m_rankingModel->setAffectedTables(affected);
        m_rankingModel->setDownstreamReach(reach);
    }
    if (!impact->unresolved.isEmpty())
        statusBar()->showMessage(tr("Not in the lineage: %1").arg(impact->unresolved.join(QStringLiteral(", "))), 15000);
}

void MainWindow::onExpandRequested(const QString &id, int direction)
{
    const auto graph = m_session ? m_session->lineage() : nullptr;
    bool ok = false;
    const lineage::NodeId node = id.toUInt(&ok);
    if (!graph || !ok || node >= graph->nodeCount())
        return;
    // One more level around the node, merged so nothing already laid out moves.
    LineageSubgraph more;
    lineage::TraversalOptions options;
    options.maxDepth = 1;
    options.metric = lineage::DepthMetric::Hops;
    const auto add = [&](lineage::Direction d) {
        for (const lineage::Reached &r : graph->traverse(std::span<const lineage::NodeId>(&node, 1), d, options)) {
            const int depth = m_lineageView->model()->nodeData(id, LineageNodeRole::Depth).toInt();
            more.nodes.append(lineageNodeData(*graph, r.node,
                                              d == lineage::Direction::Upstream ? depth - 1 : depth + 1));
            const lineage::NodeId from = d == lineage::Direction::Upstream ? r.node : node;
            const lineage::NodeId to = d == lineage::Direction::Upstream ? node : r.node;
            more.edges.append({QString::number(from), QString::number(to), {}});
        }
    };
    if (direction != int(LineageDirection::Downstream))
        add(lineage::Direction::Upstream);
    if (direction != int(LineageDirection::Upstream))
        add(lineage::Direction::Downstream);
    m_lineageView->model()->mergeSubgraph(more);
}

void MainWindow::createBoardView()
{
    const WorkspaceConfig &config = m_session->config();
    m_boardModel = new recovery::BoardModel(m_session->store(), m_sessionScope);
    m_boardModel->setActor(m_feed->actor());
    m_boardModel->setIncidentStart(m_incident->windowStart());
    m_boardView = new widgets::BoardView;
    m_boardView->setModel(m_boardModel);
    m_boardView->setCurrentUser(m_feed->actor());
    m_boardView->setTimezone(config.timezone);
    setPane(m_boardDock, m_boardView);

    // Re-running in Airflow from a card is opt-in per workspace (airflow: {rerun: true}).
    if (config.airflow.rerunAllowed()) {
        SecretStore *secrets = m_session->secrets();
        recovery::AirflowRerunner::Config airflow;
        airflow.apiUrl = config.airflow.apiUrl;
        airflow.token = secrets->secret(Secret::AirflowToken).value_or(QString());
        airflow.user = secrets->secret(Secret::AirflowUser).value_or(QString());
        airflow.password = secrets->secret(Secret::AirflowPassword).value_or(QString());
        m_boardView->setRerunner(
            new recovery::AirflowRerunner(sessionHttpClient(), airflow, m_sessionScope));
    }

    // GitHub is the shared truth when the workspace names a repository and a token exists.
    const std::optional<QString> token = m_session->secrets()->secret(Secret::GitHubToken);
    if (config.github.isConfigured() && token) {
        net::HttpClient *http = sessionHttpClient();
        GitHubConfig github;
        github.apiUrl = config.github.apiUrl;
        github.repo = config.github.repo;
        github.token = *token;
        auto *tracker = new GitHubIssueTracker(http, github, m_sessionScope);
        recovery::BoardSyncOptions options;
        options.recoveryLabel = config.github.recoveryLabel;
        options.workspaceName = config.name;
        m_boardSync = new recovery::BoardSync(m_session->store(), tracker, options, m_sessionScope);
        m_boardSync->setModel(m_boardModel);
        m_boardView->setSync(m_boardSync);
        m_boardSync->start();
    }
}

void MainWindow::replan()
{
    const auto graph = m_session ? m_session->lineage() : nullptr;
    if (!graph || !m_boardModel || !m_incident || !m_incident->isActive())
        return;
    QHash<QString, recovery::TableUsageFacts> usage;
    if (m_rankingModel) {
        for (const usage::TableUsage &t : m_rankingModel->ranking().tables)
            usage.insert(t.table, {t.references, t.distinctPeople});
    }
    Diagnostics diagnostics;
    const recovery::RecoveryInput input = recovery::buildRecoveryInputFromGraph(
        *graph, m_incident->causes(), m_incident->windowStart(), m_incident->windowEnd(), usage,
        m_session->config().timezone, &diagnostics);
    m_boardModel->setIncidentStart(m_incident->windowStart());
    if (!m_boardModel->applyPlan(recovery::RecoveryPlanner::plan(input)))
        statusBar()->showMessage(tr("Could not save the recovery plan: %1").arg(m_session->store()->lastError()), 15000);
}

void MainWindow::setManagerMode(bool on)
{
    m_managerMode = on;
    if (!m_boardView)
        return;
    m_boardView->setReadOnly(on);
    m_boardView->setLargeType(on);
    if (on) {
        // The board fills the window; everything an engineer edits is out of the way.
        m_boardDock->setWidget(nullptr);
        m_centre->addWidget(m_boardView);
        m_centre->setCurrentWidget(m_boardView);
        for (QDockWidget *dock : {m_alertsDock, m_rankingDock, m_boardDock, m_timelineDock})
            dock->hide();
        if (m_incidentHeader)
            m_incidentHeader->setEditable(false);
        menuBar()->hide();
    }
}

bool MainWindow::exportImpact(const QString &requestedPath)
{
    if (!m_session || !m_impact || m_impact->isEmpty()) {
        if (!property("headless").toBool())
            QMessageBox::information(this, tr("Export Impact"), tr("There is no impact to export yet: start an incident and add what broke."));
        return false;
    }
    const WorkspaceConfig &config = m_session->config();
    QString path = requestedPath;
    if (path.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString suggested = QDir(folder).filePath(QStringLiteral("%1-impact-%2.xlsx").arg(config.name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
        path = QFileDialog::getSaveFileName(this, tr("Export Impact"), suggested, tr("Excel workbook (*.xlsx)"));
        if (path.isEmpty())
            return false;
        if (!path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
            path += QStringLiteral(".xlsx");
    }

    ImpactInputs inputs;
    inputs.config = &config;
    inputs.store = m_session->store();
    inputs.analysis = m_impact.get();
    if (m_rankingModel && !m_rankingModel->ranking().tables.isEmpty())
        inputs.ranking = &m_rankingModel->ranking();
    const ImpactReport report = buildImpactReport(inputs);
    QGuiApplication::clipboard()->setText(ImpactExporter::markdownSummary(report));

    auto *progress = new QProgressDialog(tr("Writing the impact workbook..."), tr("Cancel"), 0, 100, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });

    struct Outcome { bool ok; QString error; };
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress, path] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        progress->deleteLater();
        if (outcome.ok && m_session) {
            m_session->store()->appendTimeline({0, 0, QStringLiteral("export"), m_feed ? m_feed->actor() : QString(),
                                                tr("Impact exported to %1").arg(QFileInfo(path).fileName()), path});
        }
        emit impactExported(path, outcome.ok, outcome.error);
        if (!outcome.ok) {
            statusBar()->showMessage(tr("Export failed: %1").arg(outcome.error), 15000);
            if (!property("headless").toBool())
                QMessageBox::warning(this, tr("Export Impact"), outcome.error);
            return;
        }
        statusBar()->showMessage(tr("Impact exported to %1; the summary is on the clipboard").arg(path), 15000);
        if (property("headless").toBool())
            return;
        // Window-modal but not blocking: the war room keeps updating behind it.
        auto *box = new QMessageBox(QMessageBox::Information, tr("Impact exported"),
                                    tr("The impact workbook was saved to %1.\nA Markdown summary is on the clipboard, ready to paste into Slack or an issue.").arg(path),
                                    QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextFormat(Qt::PlainText);
        QPushButton *open = box->addButton(tr("Open"), QMessageBox::AcceptRole);
        QPushButton *folder = box->addButton(tr("Show Folder"), QMessageBox::ActionRole);
        connect(box, &QMessageBox::buttonClicked, this, [open, folder, path](QAbstractButton *button) {
            if (button == open)
                QDesktopServices::openUrl(QUrl::fromLocalFile(path));
            else if (button == folder)
                QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        });
        box->open();
    });
    watcher->setFuture(QtConcurrent::run([report, path, cancelled](QPromise<Outcome> &promise) {
        promise.setProgressRange(0, 100);
        QString error;
        bool ok = ImpactExporter::writeXlsx(report, path, &error, [&](int percent) {
            promise.setProgressValue(percent);
            return !*cancelled;
        });
        // The Markdown summary and the postmortem draft go beside the workbook.
        const QString base = path.left(path.size() - 5);
        for (const auto &[suffix, text] : {std::pair{QStringLiteral(".md"), ImpactExporter::markdownSummary(report)},
                                          std::pair{QStringLiteral("-postmortem.md"), ImpactExporter::postmortemDraft(report)}}) {
            if (!ok)
                break;
            QSaveFile file(base + suffix);
            ok = file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit();
            if (!ok)
                error = tr("cannot write %1: %2").arg(base + suffix, file.errorString());
        }
        promise.addResult(Outcome{ok, error});
    }));
    return true;
}

void MainWindow::createRankingView()
{
    m_rankingModel = new usage::UsageRankingModel(m_sessionScope);
    m_rankingView = new widgets::RankingView(m_rankingModel);
    setPane(m_rankingDock, m_rankingView);
    // Table names share their project prefix: cut from the left so the table part shows.
    for (QAbstractItemView *view : m_rankingView->findChildren<QAbstractItemView *>())
        view->setTextElideMode(Qt::ElideLeft);
    // Selecting a table in the ranking finds it in the blast radius.
    connect(m_rankingView, &widgets::RankingView::tableSelected, this, [this](const QString &table) {
        if (!m_impact)
            return;
        for (const LineageNodeData &node : m_impact->subgraph.nodes) {
            if (node.name == table) {
                m_lineageView->highlightNode(node.id);
                m_lineageView->centerOnNode(node.id);
                return;
            }
        }
        m_lineageView->highlightNode(QString());
    });
}

void MainWindow::rankInBigQuery()
{
    // At scale the ranking runs where the data lives: the pushdown query in BigQuery.
    const WorkspaceConfig &config = m_session->config();
    const std::optional<QString> token = m_session->secrets()->secret(Secret::GoogleToken);
    if (config.usage.bigqueryProject.isEmpty() || !token)
        return;
    usage::PushdownOptions options;
    const EpochMicros now = QDateTime::currentMSecsSinceEpoch() * 1000;
    options.ranking.until = now;
    options.ranking.since = now - qint64(config.usage.windowDays) * 86400 * 1000000;
    options.project = config.usage.bigqueryProject;
    if (!config.usage.bigqueryRegion.isEmpty())
        options.region = config.usage.bigqueryRegion;
    QString error;
    const QString sql = usage::pushdownSql(options, &error);
    if (sql.isEmpty()) {
        statusBar()->showMessage(tr("Cannot rank in BigQuery: %1").arg(error), 15000);
        return;
    }
    auto *network = new QNetworkAccessManager(m_sessionScope);
    auto *client = new usage::BigQueryClient(network, m_sessionScope);
    client->setAccessToken(*token);
    connect(client, &usage::BigQueryClient::progress, this, [this](qint64 rows, qint64 total) {
        onLoadProgress(tr("Ranking in BigQuery"), total > 0 ? int(rows * 100 / total) : 0);
    });
    connect(client, &usage::BigQueryClient::finished, this, [this, options](const usage::BigQueryResult &result) {
        QString error;
        const usage::UsageRanking ranking = usage::rankingFromBigQuery(result, options.ranking, &error);
        m_progress->hide();
        if (!error.isEmpty()) {
            statusBar()->showMessage(tr("BigQuery answered something unexpected: %1").arg(error), 15000);
            return;
        }
        m_rankedInBigQuery = true;
        m_rankingModel->setRanking(ranking);
        statusBar()->showMessage(tr("Usage ranked in BigQuery: %n table(s)", nullptr, int(ranking.tables.size())), 10000);
        refreshImpact();
    });
    connect(client, &usage::BigQueryClient::failed, this, [this](const usage::BigQueryError &error) {
        m_progress->hide();
        statusBar()->showMessage(tr("Ranking in BigQuery failed (the local JOBS log is used): %1").arg(error.message), 20000);
    });
    client->query(config.usage.bigqueryProject, sql, usage::locationForRegion(options.region));
}

void MainWindow::onUsageLoaded()
{
    const auto log = m_session->usageLog();
    if (!log || m_rankedInBigQuery)
        return;
    m_rankingModel->setLog(log);
    m_rankingView->setWindowDays(m_session->config().usage.windowDays);
    refreshImpact(); // usage ranks and priorities now exist for the blast radius
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
    if (m_managerMode)
        return; // the board fills the window; the engineers' panes stay hidden
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
    m_hasSavedLayout = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::applyDefaultDockSizes()
{
    // In proportion to the window: the blast radius keeps the centre.
    const int w = width();
    const int h = height();
    resizeDocks({m_alertsDock}, {w * 32 / 100}, Qt::Horizontal);
    resizeDocks({m_boardDock}, {h * 30 / 100}, Qt::Vertical);
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
    m_boardDock->raise();
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
