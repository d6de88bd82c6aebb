#pragma once

#include "core/alerts/AlertSource.h"

#include <QHostAddress>

class QJsonObject;

namespace warroom {

struct WebhookOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); // loopback only
    quint16 port = 0;                                             // 0: any free port
    QByteArray secret;                                            // required, never logged
    qint64 maxBodyBytes = 1024 * 1024;
};

// Receives pushed alerts on a loopback port:
//   POST /alertmanager       Prometheus Alertmanager webhook (version 4), firing and resolved
//   POST /cloud-monitoring   Google Cloud Monitoring incident notification (version 1.2)
//   POST / or /webhook       either, told apart by shape
// The shared secret comes as header X-WarRoom-Secret, Authorization: Bearer, Authorization:
// Basic (any user, secret as password — Cloud Monitoring's basic-auth channels) or ?token=;
// it is compared in constant time. Anything but a loopback address is refused.
// Replies: 200 {"accepted": n}, 400 bad JSON/shape, 401 wrong secret, 404, 405, 413 too large.
class WebhookReceiver : public AlertSource
{
    Q_OBJECT

public:
    explicit WebhookReceiver(const WebhookOptions &options, QObject *parent = nullptr);
    ~WebhookReceiver() override;

    QString name() const override { return QStringLiteral("webhook"); }
    void start() override;          // listen(); errors go to health()
    void stop() override;
    void pollNow() override {}      // push source

    // Starts listening; false with a clear message (non-loopback address, no secret, port busy).
    bool listen(QString *error = nullptr);
    bool isListening() const;
    quint16 serverPort() const;

    static QList<Alert> parseAlertmanager(const QJsonObject &payload, QString *error);
    static QList<Alert> parseCloudMonitoring(const QJsonObject &payload, QString *error);
    // Compares without leaking the position of the first difference or the length.
    static bool secretMatches(const QByteArray &given, const QByteArray &expected);

signals:
    void requestRejected(int status, const QString &reason);

private:
    class Server;
    friend class Server;
    Server *m_server = nullptr;
    WebhookOptions m_options;
};

} // namespace warroom
