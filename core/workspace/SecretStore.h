#pragma once

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace warroom {

// Where tokens come from. They never live in warroom.yaml, the store, logs or exports.
// Names are the stable keys below; each maps to a WARROOM_* environment variable for
// headless use and CI, and to a keychain entry "warroom/<name>" for desktop use.
namespace Secret {
inline const QString GitHubToken = QStringLiteral("github-token");          // WARROOM_GITHUB_TOKEN
inline const QString AirflowToken = QStringLiteral("airflow-token");        // WARROOM_AIRFLOW_TOKEN
inline const QString AirflowUser = QStringLiteral("airflow-user");          // WARROOM_AIRFLOW_USER
inline const QString AirflowPassword = QStringLiteral("airflow-password");  // WARROOM_AIRFLOW_PASSWORD
inline const QString GoogleToken = QStringLiteral("google-token");          // WARROOM_GOOGLE_TOKEN
inline const QString WebhookSecret = QStringLiteral("webhook-secret");      // WARROOM_WEBHOOK_SECRET
QString environmentVariable(const QString &name);                           // "WARROOM_GITHUB_TOKEN"
} // namespace Secret

class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // Empty optional: not set here (or the store is unavailable: see available()).
    virtual std::optional<QString> secret(const QString &name) = 0;
    virtual bool setSecret(const QString &name, const QString &value, QString *error) = 0;
    // False with a user-facing reason when this store cannot be used on this machine.
    virtual bool available(QString *why) = 0;
    virtual QString description() const = 0;
};

// The WARROOM_* environment variables (read-only).
class EnvironmentSecretStore final : public SecretStore
{
public:
    std::optional<QString> secret(const QString &name) override;
    bool setSecret(const QString &name, const QString &value, QString *error) override;
    bool available(QString *why) override;
    QString description() const override;
};

// In memory: for tests and for a session that must not persist what was typed.
class MemorySecretStore final : public SecretStore
{
public:
    std::optional<QString> secret(const QString &name) override;
    bool setSecret(const QString &name, const QString &value, QString *error) override;
    bool available(QString *) override { return true; }
    QString description() const override { return QStringLiteral("memory"); }

private:
    QHash<QString, QString> m_values;
};

// The OS keychain through QtKeychain (Secret Service on Linux). Jobs are asynchronous in
// QtKeychain; this class waits for each with a local event loop and a timeout, because a
// missing D-Bus or locked keyring must turn into a clear message, never a hang.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("warroom"), int timeoutMs = 5000);
    std::optional<QString> secret(const QString &name) override;
    bool setSecret(const QString &name, const QString &value, QString *error) override;
    bool available(QString *why) override;
    QString description() const override;
    bool removeSecret(const QString &name, QString *error);

private:
    QString m_service;
    int m_timeoutMs;
    std::optional<bool> m_available;
    QString m_unavailableReason;
};

// The keychain first, then the environment; writes go to the keychain.
class ChainedSecretStore final : public SecretStore
{
public:
    ChainedSecretStore(std::unique_ptr<SecretStore> primary, std::unique_ptr<SecretStore> fallback);
    std::optional<QString> secret(const QString &name) override;
    bool setSecret(const QString &name, const QString &value, QString *error) override;
    bool available(QString *why) override;
    QString description() const override;

private:
    std::unique_ptr<SecretStore> m_primary;
    std::unique_ptr<SecretStore> m_fallback;
};

// The store the applications use: the environment when WARROOM_NO_KEYCHAIN is set or
// no D-Bus session exists (CI, SSH), else keychain-then-environment.
std::unique_ptr<SecretStore> createDefaultSecretStore();

} // namespace warroom
