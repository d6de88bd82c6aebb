#pragma once

#include "core/common/Diagnostic.h"
#include "core/workspace/SecretStore.h"
#include "core/workspace/Workspace.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace warroom {

class IncidentStore;
namespace lineage { class LineageGraph; }
namespace usage { class UsageLog; }

// One open workspace: its configuration, its incident store and its secrets, the problems
// found while reading them, and -- loaded off the GUI thread -- its lineage graph and its
// JOBS log. The GUI and the CLI both work through a session.
class WorkspaceSession : public QObject
{
    Q_OBJECT

public:
    // Opens the workspace folder (or its warroom.yaml). Returns null only when nothing
    // usable was read; problems that leave a usable workspace are in diagnostics().
    static std::unique_ptr<WorkspaceSession> open(const QString &path, Diagnostics *diagnostics,
                                                  std::unique_ptr<SecretStore> secrets = {});
    ~WorkspaceSession() override;

    const WorkspaceConfig &config() const { return m_config; }
    IncidentStore *store() const { return m_store.get(); }
    SecretStore *secrets() const { return m_secrets.get(); }
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    // Reads the lineage sources and the JOBS log in the background; each result arrives with
    // its signal. Returns at once. Calling it again while loading does nothing.
    void startLoading();
    bool isLoading() const;
    // Null until loaded (or when the workspace names no such source).
    std::shared_ptr<const lineage::LineageGraph> lineage() const { return m_lineage; }
    std::shared_ptr<const usage::UsageLog> usageLog() const { return m_usage; }

    // Blocks until both loads are done (CLI, tests).
    void waitForLoaded();

signals:
    void loadProgress(const QString &stage, int percent);
    void lineageLoaded();
    void usageLoaded();
    void loadFinished();
    void diagnosticsChanged();

private:
    WorkspaceSession() = default;
    void addDiagnostics(const Diagnostics &found);
    void checkFinished();

    struct LineageResult;
    struct UsageResult;

    WorkspaceConfig m_config;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    Diagnostics m_diagnostics;
    std::shared_ptr<const lineage::LineageGraph> m_lineage;
    std::shared_ptr<const usage::UsageLog> m_usage;
    QFutureWatcher<std::shared_ptr<LineageResult>> *m_lineageWatcher = nullptr;
    QFutureWatcher<std::shared_ptr<UsageResult>> *m_usageWatcher = nullptr;
};

} // namespace warroom
