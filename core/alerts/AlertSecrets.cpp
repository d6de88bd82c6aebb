#include "core/alerts/AlertSecrets.h"

#include "core/workspace/SecretStore.h"

namespace warroom {

QString alertSecret(const QString &name)
{
    EnvironmentSecretStore environment;
    return environment.secret(name).value_or(QString()).trimmed();
}

} // namespace warroom
