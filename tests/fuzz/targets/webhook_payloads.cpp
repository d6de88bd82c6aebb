// Pushed alert payloads: Prometheus Alertmanager (v4) and Google Cloud Monitoring (1.2), parsed
// the way the receiver does after its checks (JSON object; both decoders tried on every input).
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/alerts/WebhookReceiver.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace warroom;

WARROOM_FUZZ_TARGET(webhook_payloads)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        (void)parseError.errorString();
        return 0;
    }
    const QJsonObject payload = doc.object();
    for (auto parse : {&WebhookReceiver::parseAlertmanager, &WebhookReceiver::parseCloudMonitoring}) {
        QString error;
        const QList<Alert> alerts = parse(payload, &error);
        for (const Alert &alert : alerts) {
            WARROOM_FUZZ_CHECK("webhook_payloads", !alert.source.isEmpty());
            (void)severityName(alert.severity);
        }
    }
    const QByteArray secret = "s3cret";
    (void)WebhookReceiver::secretMatches(fuzz::bytes(data, std::min<size_t>(size, 64)), secret);
    return 0;
}
