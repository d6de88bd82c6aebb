#pragma once

#include "core/common/Diagnostic.h"
#include "core/workspace/SecretStore.h"
#include "core/workspace/Workspace.h"

#include <QObject>

#include <memory>

namespace warroom {

class IncidentStore;
class SecretStore;

// One open workspace: its configuration, its incident store and its secrets, and the
// problems found while reading them. The GUI and the CLI both work through a session.
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

private:
    WorkspaceSession() = default;

    WorkspaceConfig m_config;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    Diagnostics m_diagnostics;
};

} // namespace warroom
