#include "core/session/WorkspaceSession.h"

#include "core/store/IncidentStore.h"
#include "core/workspace/SecretStore.h"

#include <QCoreApplication>

namespace warroom {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::WorkspaceSession)
};
} // namespace

WorkspaceSession::~WorkspaceSession() = default;

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

} // namespace warroom
