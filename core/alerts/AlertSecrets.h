#pragma once

#include <QString>

namespace warroom {

// The one place alert sources read secrets from when no lookup is given: `name` is one of
// the Secret:: keys of core/workspace/SecretStore.h (Secret::GitHubToken, AirflowToken,
// AirflowUser, AirflowPassword, WebhookSecret), read from the WARROOM_* environment.
// The GUI passes a keychain-backed lookup through AlertSourceOptions::secret instead.
QString alertSecret(const QString &name);

} // namespace warroom
