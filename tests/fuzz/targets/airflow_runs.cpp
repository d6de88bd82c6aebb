// Airflow REST decoding: a dagRuns page ({"dag_runs": [...], "total_entries": n}, v1 or v2
// field names) and the failed task instances ({"task_instances": [...]}) of the same document,
// each run turned into an alert as the poller does. The poller's own page walk is only
// reachable through HTTP; this drives the same public decoder (toAlert) with the same shapes.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/alerts/AirflowAlertSource.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace warroom;

WARROOM_FUZZ_TARGET(airflow_runs)
{
    static net::HttpClient http;
    static AirflowAlertSource source(&http, [] {
        AirflowConfig config;
        config.apiUrl = QStringLiteral("https://composer.example.com/api/v1");
        config.token = QStringLiteral("fuzz-token");
        return config;
    }());

    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size));
    const QJsonObject object = doc.object();
    QList<QJsonObject> tasks;
    for (const QJsonValue &value : object.value(QLatin1String("task_instances")).toArray())
        tasks.append(value.toObject());
    QJsonArray runs = object.value(QLatin1String("dag_runs")).toArray();
    if (doc.isArray())
        runs = doc.array();
    (void)object.value(QLatin1String("total_entries")).toInt(-1);
    int count = 0;
    for (const QJsonValue &value : runs) {
        if (++count > 200)
            break;
        const Alert alert = source.toAlert(value.toObject(), tasks);
        WARROOM_FUZZ_CHECK("airflow_runs", alert.source == QLatin1String("airflow"));
        WARROOM_FUZZ_CHECK("airflow_runs", !alert.title.isEmpty());
        (void)alert.url.size();
    }
    if (runs.isEmpty() && doc.isObject())
        (void)source.toAlert(object, tasks); // a single dagRun object (GET .../dagRuns/{id})
    return 0;
}
