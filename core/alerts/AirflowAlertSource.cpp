#include "core/alerts/AirflowAlertSource.h"

#include "core/alerts/AlertParsing.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

namespace warroom {

namespace {
QString field(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString() : QString();
}

QString runId(const QJsonObject &run)
{
    const QString id = field(run, "dag_run_id");
    return id.isEmpty() ? field(run, "run_id") : id;
}
} // namespace

AirflowAlertSource::AirflowAlertSource(net::HttpClient *http, const AirflowConfig &config,
                                       QObject *parent)
    : AlertSource(parent)
    , m_http(http)
    , m_config(config)
{
    m_apiVersion = WorkspaceConfig::Airflow::normalizeApiUrl(&m_config.apiUrl);
    m_config.pageLimit = std::clamp(m_config.pageLimit, 1, 100);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AirflowAlertSource::pollNow);
}

void AirflowAlertSource::start()
{
    m_running = true;
    pollNow();
}

void AirflowAlertSource::stop()
{
    m_running = false;
    m_timer.stop();
}

net::HttpRequest AirflowAlertSource::request(const QUrl &url) const
{
    net::HttpRequest request;
    request.url = url;
    request.conditional = true;
    if (m_config.transferTimeoutMs > 0)
        request.transferTimeoutMs = m_config.transferTimeoutMs;
    if (m_config.totalTimeoutMs > 0)
        request.totalTimeoutMs = m_config.totalTimeoutMs;
    if (!m_config.token.isEmpty()) {
        request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + m_config.token.toUtf8()));
    } else if (!m_config.user.isEmpty()) {
        const QByteArray credentials = (m_config.user + QLatin1Char(':') + m_config.password).toUtf8();
        request.headers.append(qMakePair(QByteArray("Authorization"), "Basic " + credentials.toBase64()));
    }
    return request;
}

QUrl AirflowAlertSource::apiUrl(const QString &path, const QUrlQuery &query) const
{
    QUrl url(m_config.apiUrl + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QString AirflowAlertSource::webUrl(const QString &dagId, const QString &runId) const
{
    QString web = m_config.apiUrl;
    web.chop(QStringLiteral("/api/v1").size());
    const QString dag = QString::fromLatin1(QUrl::toPercentEncoding(dagId));
    const QString run = QString::fromLatin1(QUrl::toPercentEncoding(runId));
    if (m_apiVersion == 2)
        return web + QStringLiteral("/dags/%1/runs/%2").arg(dag, run);
    return web + QStringLiteral("/dags/%1/grid?dag_run_id=%2").arg(dag, run);
}

void AirflowAlertSource::pollNow()
{
    if (m_polling)
        return;
    m_timer.stop();
    const QUrl base(m_config.apiUrl);
    if (m_config.apiUrl.isEmpty() || !base.isValid()
        || (base.scheme() != QLatin1String("https") && base.scheme() != QLatin1String("http"))) {
        recordError(tr("airflow: api_url must be an http(s) URL ending in /api/v1, got '%1'")
                        .arg(m_config.apiUrl));
        emit pollFinished(false);
        return;
    }
    m_polling = true;
    m_pollRuns.clear();
    m_pollAlerts.clear();
    m_taskQueue.clear();
    m_retryAt = {};
    // Whole hours, so the URL (and any validator) stays the same between nearby polls.
    QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600LL * m_config.lookbackHours);
    start.setTime(QTime(start.time().hour(), 0));
    m_windowStart = start.toString(Qt::ISODate);
    fetchRuns(0);
}

void AirflowAlertSource::fetchRuns(int offset)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("failed"));
    query.addQueryItem(QStringLiteral("end_date_gte"), m_windowStart);
    query.addQueryItem(QStringLiteral("order_by"), QStringLiteral("-end_date"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_config.pageLimit));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    // QUrlQuery leaves '+' alone, which servers read as a space: encode it.
    QUrl url = apiUrl(QStringLiteral("/dags/~/dagRuns"));
    url.setQuery(query.query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QLatin1String("%2B")));
    m_http->send(request(url), this, [this, offset](const net::HttpResponse &response) {
        if (!response.ok()) {
            QString error = response.error;
            if (response.status == 404 && m_apiVersion == 1)
                error = tr("%1 (no /api/v1 here: Airflow 3 serves its REST API at /api/v2; "
                           "set airflow.api_url to .../api/v2)")
                            .arg(error);
            else if (response.status == 401 || response.status == 403)
                error = tr("%1 (check WARROOM_AIRFLOW_TOKEN or WARROOM_AIRFLOW_USER/PASSWORD)")
                            .arg(error);
            m_retryAt = response.retryAt;
            finishPoll(error);
            return;
        }
        const QJsonObject object = response.json.object();
        const QJsonValue runsValue = object.value(QLatin1String("dag_runs"));
        if (!runsValue.isArray()) {
            finishPoll(tr("GET %1: no \"dag_runs\" array in the response").arg(response.url.toString()));
            return;
        }
        const QJsonArray runs = runsValue.toArray();
        for (const QJsonValue &value : runs)
            m_pollRuns.append(value.toObject());
        const int total = object.value(QLatin1String("total_entries")).toInt(-1);
        const int next = offset + int(runs.size());
        if (!runs.isEmpty() && total >= 0 && next < total && next < m_config.maxRuns) {
            fetchRuns(next);
            return;
        }
        for (const QJsonObject &run : std::as_const(m_pollRuns)) {
            if (field(run, "state") != QLatin1String("failed"))
                continue;
            const QString key = field(run, "dag_id") + QLatin1Char('/') + runId(run);
            if (!m_reported.contains(key))
                m_taskQueue.append(run);
        }
        fetchNextTasks();
    });
}

void AirflowAlertSource::fetchNextTasks()
{
    if (m_taskQueue.isEmpty()) {
        finishPoll({});
        return;
    }
    const QJsonObject run = m_taskQueue.takeFirst();
    const QString dagId = field(run, "dag_id");
    const QString id = runId(run);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("failed"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    const QUrl url = apiUrl(QStringLiteral("/dags/%1/dagRuns/%2/taskInstances")
                                .arg(QString::fromLatin1(QUrl::toPercentEncoding(dagId)),
                                     QString::fromLatin1(QUrl::toPercentEncoding(id))),
                            query);
    m_http->send(request(url), this, [this, run, dagId, id](const net::HttpResponse &response) {
        QList<QJsonObject> tasks;
        if (response.ok()) {
            for (const QJsonValue &value : response.json.object().value(QLatin1String("task_instances")).toArray()) {
                const QJsonObject task = value.toObject();
                if (field(task, "state") == QLatin1String("failed"))
                    tasks.append(task);
            }
            m_reported.insert(dagId + QLatin1Char('/') + id);
        }
        // Without task details the run is still an alert; the details come on a later poll.
        m_pollAlerts.append(toAlert(run, tasks));
        fetchNextTasks();
    });
}

Alert AirflowAlertSource::toAlert(const QJsonObject &run, const QList<QJsonObject> &failedTasks) const
{
    Alert alert;
    alert.source = QStringLiteral("airflow");
    alert.dagId = field(run, "dag_id");
    const QString id = runId(run);
    alert.id = alert.dagId + QLatin1Char('/') + id;
    QString logical = field(run, "logical_date");
    if (logical.isEmpty())
        logical = field(run, "execution_date");
    QStringList taskIds;
    QStringList taskLines;
    for (const QJsonObject &task : failedTasks) {
        const QString taskId = field(task, "task_id");
        taskIds.append(taskId);
        const int mapIndex = task.value(QLatin1String("map_index")).toInt(-1);
        taskLines.append(QStringLiteral("%1%2 (try %3)")
                             .arg(taskId,
                                  mapIndex >= 0 ? QStringLiteral("[%1]").arg(mapIndex) : QString())
                             .arg(task.value(QLatin1String("try_number")).toInt()));
    }
    taskIds.removeDuplicates();
    alert.title = taskIds.isEmpty()
                      ? tr("DAG %1 failed (%2)").arg(alert.dagId, id)
                      : tr("DAG %1 failed (%2): %3").arg(alert.dagId, id, taskIds.join(QStringLiteral(", ")));
    alert.url = webUrl(alert.dagId, id);
    alert.severity = Severity::Error;
    alert.state = QStringLiteral("open");
    const QString ended = field(run, "end_date");
    const QString started = field(run, "start_date");
    alert.createdAt = parseTimestamp(!ended.isEmpty() ? ended : !started.isEmpty() ? started : logical).value_or(0);
    alert.updatedAt = alert.createdAt;
    if (taskIds.size() == 1)
        alert.taskId = taskIds.first();
    alert.labels.append(QStringLiteral("dag:") + alert.dagId);
    for (const QString &taskId : std::as_const(taskIds))
        alert.labels.append(QStringLiteral("task:") + taskId);
    const QString runType = field(run, "run_type");
    if (!runType.isEmpty())
        alert.labels.append(QStringLiteral("run_type:") + runType);
    QStringList body;
    body.append(QStringLiteral("dag_id: ") + alert.dagId);
    body.append(QStringLiteral("run_id: ") + id);
    if (!logical.isEmpty())
        body.append(QStringLiteral("logical_date: ") + logical);
    if (!started.isEmpty())
        body.append(QStringLiteral("start_date: ") + started);
    if (!ended.isEmpty())
        body.append(QStringLiteral("end_date: ") + ended);
    if (!taskLines.isEmpty())
        body.append(QStringLiteral("failed tasks: ") + taskLines.join(QStringLiteral(", ")));
    alert.body = body.join(QLatin1Char('\n'));
    alert.groupKey = QStringLiteral("dag:") + alert.dagId;
    inferAlertContext(alert);
    return alert;
}

void AirflowAlertSource::finishPoll(const QString &error)
{
    m_polling = false;
    const QDateTime next = m_retryAt.isValid() ? m_retryAt
                                               : QDateTime::currentDateTimeUtc().addMSecs(m_intervalMs);
    if (m_running) {
        const qint64 ms = std::max<qint64>(1000, QDateTime::currentDateTimeUtc().msecsTo(next));
        m_timer.start(int(std::min<qint64>(ms, 24LL * 3600 * 1000)));
    }
    if (!error.isEmpty()) {
        recordError(error, m_running ? next : QDateTime());
        emit pollFinished(false);
        return;
    }
    recordSuccess(m_running ? next : QDateTime());
    if (!m_pollAlerts.isEmpty())
        emit alertsReceived(m_pollAlerts);
    m_pollAlerts.clear();
    emit pollFinished(true);
}

} // namespace warroom
