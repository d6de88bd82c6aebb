#include "core/session/WorkspaceSession.h"

#include "core/lineage/LineageGraph.h"
#include "core/lineage/LineageLoader.h"
#include "core/store/IncidentStore.h"
#include "core/usage/JobsReader.h"
#include "core/usage/UsageLog.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace warroom {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::WorkspaceSession)
};
} // namespace

struct WorkspaceSession::LineageResult
{
    std::shared_ptr<const lineage::LineageGraph> graph;
    Diagnostics diagnostics;
};

struct WorkspaceSession::UsageResult
{
    std::shared_ptr<const usage::UsageLog> log;
    Diagnostics diagnostics;
};

WorkspaceSession::~WorkspaceSession()
{
    // The loads only touch their own results, but they must not outlive the process's
    // use of the session: wait rather than leave work running against a closed workspace.
    waitForLoaded();
}

std::unique_ptr<WorkspaceSession> WorkspaceSession::open(const QString &path, Diagnostics *diagnostics,
                                                         std::unique_ptr<SecretStore> secrets)
{
    Diagnostics found;
    auto config = WorkspaceReader::read(path, &found);
    if (diagnostics)
        diagnostics->append(found);
    if (!config)
        return nullptr;

    std::unique_ptr<WorkspaceSession> session(new WorkspaceSession);
    session->m_config = *config;
    session->m_diagnostics = found;
    session->m_secrets = secrets ? std::move(secrets) : createDefaultSecretStore();

    QString error;
    session->m_store = IncidentStore::open(config->stateDatabasePath(), &error);
    if (!session->m_store) {
        // Without its store the workspace cannot remember anything: refuse rather than lose work.
        const Diagnostic d = Diagnostic::error(config->stateDatabasePath(), 0, 0,
                                               Tr::tr("cannot open the incident store: %1").arg(error));
        if (diagnostics)
            diagnostics->append(d);
        return nullptr;
    }
    return session;
}

void WorkspaceSession::addDiagnostics(const Diagnostics &found)
{
    if (found.isEmpty())
        return;
    m_diagnostics.append(found);
    emit diagnosticsChanged();
}

bool WorkspaceSession::isLoading() const
{
    return (m_lineageWatcher && m_lineageWatcher->isRunning())
           || (m_usageWatcher && m_usageWatcher->isRunning());
}

void WorkspaceSession::startLoading()
{
    if (isLoading())
        return;
    const WorkspaceConfig config = m_config;

    const bool hasLineage = !config.lineage.stairlight.isEmpty() || !config.lineage.sql.isEmpty()
                            || !config.lineage.dags.isEmpty() || !config.lineage.jobs.isEmpty()
                            || !config.lineage.openlineage.isEmpty();
    if (hasLineage) {
        emit loadProgress(Tr::tr("Reading lineage"), 0);
        m_lineageWatcher = new QFutureWatcher<std::shared_ptr<LineageResult>>(this);
        connect(m_lineageWatcher, &QFutureWatcherBase::finished, this, [this] {
            const auto result = m_lineageWatcher->result();
            m_lineage = result->graph;
            addDiagnostics(result->diagnostics);
            emit lineageLoaded();
            checkFinished();
        });
        m_lineageWatcher->setFuture(QtConcurrent::run([config] {
            auto result = std::make_shared<LineageResult>();
            auto graph = std::make_shared<lineage::LineageGraph>(
                lineage::LineageLoader::loadWorkspace(config, &result->diagnostics));
            graph->finalize();
            result->graph = std::move(graph);
            return result;
        }));
    }

    const QString jobs = !config.usage.jobs.isEmpty() ? config.usage.jobs : config.lineage.jobs;
    if (!jobs.isEmpty()) {
        emit loadProgress(Tr::tr("Reading the JOBS log"), 0);
        m_usageWatcher = new QFutureWatcher<std::shared_ptr<UsageResult>>(this);
        connect(m_usageWatcher, &QFutureWatcherBase::progressValueChanged, this, [this](int percent) {
            emit loadProgress(Tr::tr("Reading the JOBS log"), percent);
        });
        connect(m_usageWatcher, &QFutureWatcherBase::finished, this, [this] {
            const auto result = m_usageWatcher->result();
            m_usage = result->log;
            addDiagnostics(result->diagnostics);
            emit usageLoaded();
            checkFinished();
        });
        m_usageWatcher->setFuture(QtConcurrent::run([jobs](QPromise<std::shared_ptr<UsageResult>> &promise) {
            auto result = std::make_shared<UsageResult>();
            usage::ReadStats stats;
            promise.setProgressRange(0, 100);
            auto log = usage::UsageLog::load(jobs, &stats, [&promise](qint64 done, qint64 total) {
                if (total > 0)
                    promise.setProgressValue(int(done * 100 / total));
                return !promise.isCanceled();
            });
            result->diagnostics = stats.diagnostics;
            if (stats.malformed > stats.diagnostics.size()) {
                result->diagnostics.append(Diagnostic::warning(jobs, 0, 0, Tr::tr("%n malformed row(s) in all", nullptr, int(stats.malformed))));
            }
            result->log = std::shared_ptr<const usage::UsageLog>(std::move(log));
            promise.addResult(result);
        }));
    }
    checkFinished();
}

void WorkspaceSession::checkFinished()
{
    if (!isLoading())
        emit loadFinished();
}

void WorkspaceSession::waitForLoaded()
{
    if (m_lineageWatcher)
        m_lineageWatcher->waitForFinished();
    if (m_usageWatcher)
        m_usageWatcher->waitForFinished();
}

} // namespace warroom
