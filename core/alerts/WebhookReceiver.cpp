#include "core/alerts/WebhookReceiver.h"

#include "core/alerts/AlertParsing.h"

#include <QAbstractHttpServer>
#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

#include <algorithm>

namespace warroom {

namespace {

QString str(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return {};
}

QStringList labelList(const QJsonObject &labels)
{
    QStringList list;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        list.append(it.key() + QLatin1Char('=') + it.value().toString());
    return list;
}

void takeContext(Alert &alert, const QJsonObject &labels)
{
    for (const char *key : {"dag_id", "dag"}) {
        if (alert.dagId.isEmpty())
            alert.dagId = str(labels, key);
    }
    for (const char *key : {"task_id", "task"}) {
        if (alert.taskId.isEmpty())
            alert.taskId = str(labels, key);
    }
    for (const char *key : {"table", "table_id"}) {
        if (alert.table.isEmpty())
            alert.table = str(labels, key);
    }
}

EpochMicros epochField(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isDouble()) {
        // Epoch seconds; anything outside ±1e11 s (year ~5000) or NaN is not a time (and would
        // overflow the cast: found by fuzz_webhook_payloads).
        const double seconds = value.toDouble();
        if (!(seconds > -1e11 && seconds < 1e11))
            return 0;
        return EpochMicros(seconds * 1e6);
    }
    if (value.isString())
        return parseTimestamp(value.toString()).value_or(0);
    return 0;
}

QByteArray statusPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    default: return "Error";
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

// Counts what each connection sends before QHttpServer buffers it: a request body that keeps
// coming past the limit is answered 413 and the connection closed, instead of being read
// into memory whole. (Our readyRead slot is connected first, so it sees every chunk.)
class LimitedTcpServer : public QTcpServer
{
public:
    LimitedTcpServer(qint64 limit, std::function<void()> onOverflow, QObject *parent)
        : QTcpServer(parent)
        , m_limit(limit)
        , m_onOverflow(std::move(onOverflow))
    {}

    // A complete request arrived on `socket`: start counting afresh.
    void requestDone(QTcpSocket *socket)
    {
        if (m_received.value(socket) >= 0)
            m_received.remove(socket);
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            qint64 &received = m_received[socket];
            if (received < 0) {
                // already answered 413: drain without buffering (so the client can read the
                // answer), up to a cap; then drop the connection
                received -= socket->readAll().size();
                if (-received > kDrainCap)
                    socket->abort();
                return;
            }
            received += socket->bytesAvailable();
            if (received <= m_limit)
                return;
            received = -1;
            socket->readAll();
            const QByteArray body = R"({"error":"request too large"})";
            socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->flush();
            m_onOverflow();
        });
        connect(socket, &QObject::destroyed, this, [this, socket] { m_received.remove(socket); });
        addPendingConnection(socket);
    }

private:
    static constexpr qint64 kDrainCap = 64LL * 1024 * 1024;
    qint64 m_limit;
    std::function<void()> m_onOverflow;
    QHash<QTcpSocket *, qint64> m_received;
};

class WebhookReceiver::Server : public QAbstractHttpServer
{
public:
    explicit Server(WebhookReceiver *receiver)
        : QAbstractHttpServer(receiver)
        , m_receiver(receiver)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (m_tcp)
            m_tcp->requestDone(socket);
        QHttpServerResponder responder = makeResponder(request, socket);
        const auto reply = [&](int status, const QJsonObject &body) {
            if (status != 200)
                emit m_receiver->requestRejected(status, body.value(QLatin1String("error")).toString());
            const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
            responder.write(data, {{"Content-Type", "application/json"}},
                            static_cast<QHttpServerResponder::StatusCode>(status));
        };
        const auto error = [&](int status, const QString &text) {
            reply(status, QJsonObject{{QStringLiteral("error"), text}});
        };

        const QString path = request.url().path();
        if (path == QLatin1String("/healthz")) {
            reply(200, QJsonObject{{QStringLiteral("ok"), true}});
            return true;
        }
        const bool known = path == QLatin1String("/") || path == QLatin1String("/webhook")
                           || path == QLatin1String("/alertmanager")
                           || path == QLatin1String("/cloud-monitoring");
        if (!known) {
            error(404, WebhookReceiver::tr("unknown path"));
            return true;
        }
        if (request.method() != QHttpServerRequest::Method::Post) {
            error(405, WebhookReceiver::tr("use POST"));
            return true;
        }
        bool lengthOk = false;
        const qint64 declared = request.value("Content-Length").toLongLong(&lengthOk);
        if ((lengthOk && declared > m_receiver->m_options.maxBodyBytes)
            || request.body().size() > m_receiver->m_options.maxBodyBytes) {
            error(413, WebhookReceiver::tr("body larger than %1 bytes").arg(m_receiver->m_options.maxBodyBytes));
            return true;
        }
        if (!authorized(request)) {
            error(401, WebhookReceiver::tr("missing or wrong secret"));
            return true;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            error(400, parseError.error != QJsonParseError::NoError
                           ? WebhookReceiver::tr("invalid JSON at offset %1: %2")
                                 .arg(parseError.offset)
                                 .arg(parseError.errorString())
                           : WebhookReceiver::tr("expected a JSON object"));
            return true;
        }
        const QJsonObject payload = doc.object();
        bool alertmanager = path == QLatin1String("/alertmanager");
        bool cloudMonitoring = path == QLatin1String("/cloud-monitoring");
        if (!alertmanager && !cloudMonitoring) {
            alertmanager = payload.value(QLatin1String("alerts")).isArray();
            cloudMonitoring = payload.value(QLatin1String("incident")).isObject();
        }
        QString parseFailure;
        QList<Alert> alerts;
        if (alertmanager)
            alerts = WebhookReceiver::parseAlertmanager(payload, &parseFailure);
        else if (cloudMonitoring)
            alerts = WebhookReceiver::parseCloudMonitoring(payload, &parseFailure);
        else
            parseFailure = WebhookReceiver::tr("neither an Alertmanager nor a Cloud Monitoring payload");
        if (!parseFailure.isEmpty()) {
            error(400, parseFailure);
            return true;
        }
        reply(200, QJsonObject{{QStringLiteral("accepted"), int(alerts.size())}});
        m_receiver->recordSuccess();
        if (!alerts.isEmpty())
            emit m_receiver->alertsReceived(alerts);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

public:
    LimitedTcpServer *m_tcp = nullptr;

private:
    bool authorized(const QHttpServerRequest &request) const
    {
        const QByteArray &secret = m_receiver->m_options.secret;
        bool ok = false;
        // Evaluate every form, so timing does not tell which one was tried.
        ok |= WebhookReceiver::secretMatches(request.value("X-WarRoom-Secret"), secret);
        const QByteArray authorization = request.value("Authorization");
        if (authorization.startsWith("Bearer ") || authorization.startsWith("bearer "))
            ok |= WebhookReceiver::secretMatches(authorization.mid(7).trimmed(), secret);
        if (authorization.startsWith("Basic ") || authorization.startsWith("basic ")) {
            const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
            const qsizetype colon = decoded.indexOf(':');
            if (colon >= 0)
                ok |= WebhookReceiver::secretMatches(decoded.mid(colon + 1), secret);
        }
        const QString token = request.query().queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
        if (!token.isEmpty())
            ok |= WebhookReceiver::secretMatches(token.toUtf8(), secret);
        return ok;
    }

    WebhookReceiver *m_receiver;
};

// ---------------------------------------------------------------------------------------------

WebhookReceiver::WebhookReceiver(const WebhookOptions &options, QObject *parent)
    : AlertSource(parent)
    , m_options(options)
{}

WebhookReceiver::~WebhookReceiver() = default;

bool WebhookReceiver::secretMatches(const QByteArray &given, const QByteArray &expected)
{
    if (given.isEmpty() || expected.isEmpty())
        return false;
    // Hash both: equal-length digests make the comparison independent of the secret's length.
    const QByteArray a = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool WebhookReceiver::listen(QString *error)
{
    const auto failWith = [&](const QString &text) {
        if (error)
            *error = text;
        recordError(text);
        return false;
    };
    if (isListening())
        return true;
    if (!m_options.address.isLoopback())
        return failWith(tr("webhook: refusing to listen on %1: only loopback addresses "
                           "(127.0.0.1, ::1) are allowed")
                            .arg(m_options.address.toString()));
    if (m_options.secret.isEmpty())
        return failWith(tr("webhook: no shared secret (set WARROOM_WEBHOOK_SECRET)"));
    // headers and the request line get 64 KiB on top of the body limit
    auto *tcp = new LimitedTcpServer(m_options.maxBodyBytes + 64 * 1024, [this] {
        emit requestRejected(413, tr("body larger than %1 bytes").arg(m_options.maxBodyBytes));
    }, this);
    if (!tcp->listen(m_options.address, m_options.port)) {
        const QString text = tr("webhook: cannot listen on %1:%2: %3")
                                 .arg(m_options.address.toString())
                                 .arg(m_options.port)
                                 .arg(tcp->errorString());
        delete tcp;
        return failWith(text);
    }
    m_server = new Server(this);
    m_server->m_tcp = tcp;
    m_server->bind(tcp);
    recordSuccess();
    return true;
}

void WebhookReceiver::start()
{
    listen(nullptr);
}

void WebhookReceiver::stop()
{
    if (m_server) {
        const auto servers = m_server->servers();
        for (QTcpServer *server : servers)
            server->close();
        delete m_server;
        m_server = nullptr;
    }
}

bool WebhookReceiver::isListening() const
{
    return m_server && !m_server->servers().isEmpty() && m_server->servers().first()->isListening();
}

quint16 WebhookReceiver::serverPort() const
{
    if (!isListening())
        return 0;
    return m_server->servers().first()->serverPort();
}

QList<Alert> WebhookReceiver::parseAlertmanager(const QJsonObject &payload, QString *error)
{
    QList<Alert> alerts;
    const QJsonValue list = payload.value(QLatin1String("alerts"));
    if (!list.isArray()) {
        if (error)
            *error = tr("Alertmanager payload without an \"alerts\" array");
        return alerts;
    }
    const QString groupKey = str(payload, "groupKey");
    const QString topStatus = str(payload, "status");
    const QJsonObject commonLabels = payload.value(QLatin1String("commonLabels")).toObject();
    const QString externalUrl = str(payload, "externalURL");
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject item = value.toObject();
        const QJsonObject labels = item.value(QLatin1String("labels")).toObject();
        const QJsonObject annotations = item.value(QLatin1String("annotations")).toObject();
        Alert alert;
        alert.source = QStringLiteral("webhook");
        QString fingerprint = str(item, "fingerprint");
        if (fingerprint.isEmpty()) {
            // stable identity from the sorted label set, as Alertmanager computes its own
            QByteArray identity;
            for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
                identity += it.key().toUtf8() + '=' + it.value().toString().toUtf8() + '\n';
            fingerprint = QString::fromLatin1(
                QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(16));
        }
        alert.id = QStringLiteral("alertmanager:") + fingerprint;
        const QString alertname = str(labels, "alertname");
        const QString summary = str(annotations, "summary");
        alert.title = alertname.isEmpty() ? summary
                      : summary.isEmpty() ? alertname
                                          : alertname + QStringLiteral(": ") + summary;
        if (alert.title.isEmpty())
            alert.title = tr("Alertmanager alert %1").arg(fingerprint);
        alert.body = str(annotations, "description");
        alert.url = str(item, "generatorURL");
        if (alert.url.isEmpty())
            alert.url = externalUrl;
        QString status = str(item, "status");
        if (status.isEmpty())
            status = topStatus;
        alert.state = status == QLatin1String("resolved") ? QStringLiteral("resolved") : QStringLiteral("open");
        QString severity = str(labels, "severity");
        if (severity.isEmpty())
            severity = str(commonLabels, "severity");
        alert.severity = severityFromLabels({severity}, Severity::Warning);
        alert.createdAt = epochField(item, "startsAt");
        const EpochMicros ends = epochField(item, "endsAt");
        // endsAt is "0001-01-01T00:00:00Z" while firing
        alert.updatedAt = alert.state == QLatin1String("resolved") && ends > 0 ? ends : alert.createdAt;
        alert.labels = labelList(labels);
        takeContext(alert, labels);
        alert.groupKey = !alertname.isEmpty() ? QStringLiteral("alertmanager:") + alertname
                                              : groupKey;
        if (!alert.dagId.isEmpty())
            alert.groupKey = QStringLiteral("dag:") + alert.dagId;
        inferAlertContext(alert);
        alerts.append(alert);
    }
    return alerts;
}

QList<Alert> WebhookReceiver::parseCloudMonitoring(const QJsonObject &payload, QString *error)
{
    const QJsonValue incidentValue = payload.value(QLatin1String("incident"));
    if (!incidentValue.isObject()) {
        if (error)
            *error = tr("Cloud Monitoring payload without an \"incident\" object");
        return {};
    }
    const QJsonObject incident = incidentValue.toObject();
    Alert alert;
    alert.source = QStringLiteral("webhook");
    QString incidentId = str(incident, "incident_id");
    if (incidentId.isEmpty()) {
        if (error)
            *error = tr("Cloud Monitoring incident without \"incident_id\"");
        return {};
    }
    alert.id = QStringLiteral("cloud-monitoring:") + incidentId;
    const QString policy = str(incident, "policy_name");
    const QString summary = str(incident, "summary");
    const QString subject = str(incident.value(QLatin1String("documentation")).toObject(), "subject");
    alert.title = !subject.isEmpty() ? subject
                  : policy.isEmpty() ? summary
                  : summary.isEmpty() ? policy
                                      : policy + QStringLiteral(": ") + summary;
    alert.body = summary;
    const QString doc = str(incident.value(QLatin1String("documentation")).toObject(), "content");
    if (!doc.isEmpty())
        alert.body += QStringLiteral("\n\n") + doc;
    alert.url = str(incident, "url");
    const QString state = str(incident, "state").toLower();
    alert.state = state == QLatin1String("closed") ? QStringLiteral("closed") : QStringLiteral("open");
    const QJsonObject userLabels = incident.value(QLatin1String("policy_user_labels")).toObject();
    QStringList severityHints{str(incident, "severity"), str(userLabels, "severity")};
    alert.severity = severityFromLabels(severityHints, Severity::Error);
    alert.createdAt = epochField(incident, "started_at");
    const EpochMicros ended = epochField(incident, "ended_at");
    alert.updatedAt = ended > 0 ? ended : alert.createdAt;
    alert.labels = labelList(userLabels);
    const QJsonObject resourceLabels =
        incident.value(QLatin1String("resource")).toObject().value(QLatin1String("labels")).toObject();
    takeContext(alert, userLabels);
    takeContext(alert, resourceLabels);
    takeContext(alert, incident.value(QLatin1String("metric")).toObject().value(QLatin1String("labels")).toObject());
    if (!policy.isEmpty())
        alert.groupKey = QStringLiteral("cloud-monitoring:") + policy;
    if (!alert.dagId.isEmpty())
        alert.groupKey = QStringLiteral("dag:") + alert.dagId;
    inferAlertContext(alert);
    return {alert};
}

} // namespace warroom
