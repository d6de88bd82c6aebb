#include "core/workspace/SecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace warroom {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::SecretStore)
};

// Runs a QtKeychain job to completion or timeout. Returns the job's error (NoError on success).
QKeychain::Error runJob(QKeychain::Job &job, int timeoutMs, QString *errorText)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        if (errorText)
            // Spelled out: lupdate loses the class context inside this QKeychain function.
            *errorText = QCoreApplication::translate(
                             "warroom::SecretStore", "the system keychain did not answer within %1 s")
                             .arg(timeoutMs / 1000);
        return QKeychain::OtherError;
    }
    if (errorText)
        *errorText = job.errorString();
    return job.error();
}
} // namespace

QString Secret::environmentVariable(const QString &name)
{
    return QStringLiteral("WARROOM_") + QString(name).replace(QLatin1Char('-'), QLatin1Char('_')).toUpper();
}

std::optional<QString> EnvironmentSecretStore::secret(const QString &name)
{
    const QByteArray value = qgetenv(Secret::environmentVariable(name).toLatin1().constData());
    if (value.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(value);
}

bool EnvironmentSecretStore::setSecret(const QString &name, const QString &, QString *error)
{
    if (error)
        *error = Tr::tr("the environment is read-only; set %1 before starting War Room")
                     .arg(Secret::environmentVariable(name));
    return false;
}

bool EnvironmentSecretStore::available(QString *)
{
    return true;
}

QString EnvironmentSecretStore::description() const
{
    return Tr::tr("environment variables (WARROOM_*)");
}

std::optional<QString> MemorySecretStore::secret(const QString &name)
{
    const auto it = m_values.constFind(name);
    if (it == m_values.constEnd())
        return std::nullopt;
    return *it;
}

bool MemorySecretStore::setSecret(const QString &name, const QString &value, QString *)
{
    m_values.insert(name, value);
    return true;
}

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{}

bool KeychainSecretStore::available(QString *why)
{
    if (!m_available) {
        // QtKeychain has no availability check of its own: a read of a name that does not
        // exist proves the service answers.
        QKeychain::ReadPasswordJob probe(m_service);
        probe.setInsecureFallback(false);
        probe.setKey(QStringLiteral("__probe__"));
        QString text;
        const QKeychain::Error error = runJob(probe, m_timeoutMs, &text);
        m_available = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
        if (!*m_available) {
            m_unavailableReason = Tr::tr("no usable system keychain (%1). On Linux it needs a running "
                                         "Secret Service such as GNOME Keyring or KWallet over D-Bus; "
                                         "tokens can come from WARROOM_* environment variables instead")
                                      .arg(text);
        }
    }
    if (why && !*m_available)
        *why = m_unavailableReason;
    return *m_available;
}

std::optional<QString> KeychainSecretStore::secret(const QString &name)
{
    if (!available(nullptr))
        return std::nullopt;
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(name);
    if (runJob(job, m_timeoutMs, nullptr) != QKeychain::NoError)
        return std::nullopt;
    return job.textData();
}

bool KeychainSecretStore::setSecret(const QString &name, const QString &value, QString *error)
{
    if (!available(error))
        return false;
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(name);
    job.setTextData(value);
    return runJob(job, m_timeoutMs, error) == QKeychain::NoError;
}

bool KeychainSecretStore::removeSecret(const QString &name, QString *error)
{
    if (!available(error))
        return false;
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(name);
    const QKeychain::Error result = runJob(job, m_timeoutMs, error);
    return result == QKeychain::NoError || result == QKeychain::EntryNotFound;
}

QString KeychainSecretStore::description() const
{
    return Tr::tr("system keychain");
}

ChainedSecretStore::ChainedSecretStore(std::unique_ptr<SecretStore> primary,
                                       std::unique_ptr<SecretStore> fallback)
    : m_primary(std::move(primary))
    , m_fallback(std::move(fallback))
{}

std::optional<QString> ChainedSecretStore::secret(const QString &name)
{
    if (auto value = m_primary->secret(name))
        return value;
    return m_fallback->secret(name);
}

bool ChainedSecretStore::setSecret(const QString &name, const QString &value, QString *error)
{
    return m_primary->setSecret(name, value, error);
}

bool ChainedSecretStore::available(QString *why)
{
    return m_primary->available(why);
}

QString ChainedSecretStore::description() const
{
    return m_primary->description() + QStringLiteral(", ") + m_fallback->description();
}

std::unique_ptr<SecretStore> createDefaultSecretStore()
{
    if (qEnvironmentVariableIsSet("WARROOM_NO_KEYCHAIN")
        || !qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        return std::make_unique<EnvironmentSecretStore>();
    return std::make_unique<ChainedSecretStore>(std::make_unique<KeychainSecretStore>(),
                                                std::make_unique<EnvironmentSecretStore>());
}

} // namespace warroom
