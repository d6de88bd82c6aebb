#include "core/recovery/AirflowRerunner.h"

#include "core/net/HttpClient.h"
#include "core/recovery/BoardTask.h"
#include "core/workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <tuple>

namespace warroom::recovery {

namespace {

QString field(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString() : QString();
}

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

// Parses the task instances of a clearTaskInstances answer: v1 TaskInstanceReference
// {task_id, dag_id, execution_date, dag_run_id}, v2 TaskInstanceResponse (logical_date, state,
// map_index). nullopt when the answer has no task_instances array.
std::optional<QList<AirflowTaskInstance>> parseInstances(const QJsonDocument &json)
{
    const QJsonValue list = json.object().value(QLatin1String("task_instances"));
    if (!json.isObject() || !list.isArray())
        return std::nullopt;
    QList<AirflowTaskInstance> instances;
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject object = value.toObject();
        AirflowTaskInstance ti;
        ti.dagId = field(object, "dag_id");
        ti.taskId = field(object, "task_id");
        ti.runId = field(object, "dag_run_id");
        if (ti.runId.isEmpty())
            ti.runId = field(object, "run_id");
        ti.logicalDate = field(object, "logical_date");
        if (ti.logicalDate.isEmpty())
            ti.logicalDate = field(object, "execution_date");
        ti.state = field(object, "state");
        ti.mapIndex = object.value(QLatin1String("map_index")).toInt(-1);
        if (ti.taskId.isEmpty())
            continue;
        instances.append(ti);
    }
    std::stable_sort(instances.begin(), instances.end(),
                     [](const AirflowTaskInstance &a, const AirflowTaskInstance &b) {
                         return std::tie(a.logicalDate, a.taskId, a.mapIndex)
                                < std::tie(b.logicalDate, b.taskId, b.mapIndex);
                     });
    return instances;
}

} // namespace

RerunTarget RerunTarget::fromTask(const BoardTask &task)
{
    RerunTarget target;
    target.boardTaskId = task.id;
    target.dagId = task.dagId;
    target.logicalDates = task.logicalDates;
    std::sort(target.logicalDates.begin(), target.logicalDates.end());
    target.logicalDates.erase(std::unique(target.logicalDates.begin(), target.logicalDates.end()),
                              target.logicalDates.end());
    return target;
}

AirflowRerunner::AirflowRerunner(net::HttpClient *http, const Config &config, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_config(config)
{
    m_apiVersion = WorkspaceConfig::Airflow::normalizeApiUrl(&m_config.apiUrl);
}

AirflowRerunner::~AirflowRerunner() = default;

QString AirflowRerunner::configurationError() const
{
    const QUrl url(m_config.apiUrl);
    if (m_config.apiUrl.isEmpty() || !url.isValid()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return tr("airflow.api_url must be an http(s) URL ending in /api/v1 or /api/v2, got '%1'")
            .arg(m_config.apiUrl);
    if (!m_http)
        return tr("No HTTP client for Airflow");
    return {};
}

QString AirflowRerunner::runIdFor(EpochMicros logicalDate)
{
    return QStringLiteral("warroom__") + formatRfc3339(logicalDate);
}

QByteArray AirflowRerunner::clearBody(const RerunTarget &target, bool dryRun)
{
    // Only this DAG's failed task instances in the dates' range: nothing upstream, downstream,
    // in the past or the future (the board orders those as their own cards).
    QJsonObject body{{QStringLiteral("dry_run"), dryRun},
                     {QStringLiteral("start_date"), formatRfc3339(target.first())},
                     {QStringLiteral("end_date"), formatRfc3339(target.last())},
                     {QStringLiteral("only_failed"), true},
                     {QStringLiteral("only_running"), false},
                     {QStringLiteral("reset_dag_runs"), true},
                     {QStringLiteral("include_upstream"), false},
                     {QStringLiteral("include_downstream"), false},
                     {QStringLiteral("include_future"), false},
                     {QStringLiteral("include_past"), false}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString AirflowRerunner::dagPath(const QString &dagId) const
{
    return QStringLiteral("/dags/") + encoded(dagId);
}

net::HttpRequest AirflowRerunner::request(const QString &path, const QByteArray &method,
                                          const QByteArray &body) const
{
    net::HttpRequest request;
    QString url = m_config.apiUrl + path;
    request.url = QUrl(url, QUrl::StrictMode);
    request.method = method;
    request.body = body;
    if (!body.isEmpty())
        request.contentType = "application/json";
    request.transferTimeoutMs = m_config.timeoutMs;
    request.totalTimeoutMs = std::max(m_config.timeoutMs, 1000) * 2;
    if (!m_config.token.isEmpty()) {
        request.headers.append(
            qMakePair(QByteArray("Authorization"), "Bearer " + m_config.token.toUtf8()));
    } else if (!m_config.user.isEmpty()) {
        const QByteArray credentials
            = (m_config.user + QLatin1Char(':') + m_config.password).toUtf8();
        request.headers.append(
            qMakePair(QByteArray("Authorization"), "Basic " + credentials.toBase64()));
    }
    return request;
}

QString AirflowRerunner::explain(const net::HttpResponse &response, const QString &dagId) const
{
    const QString error = response.error;
    switch (response.status) {
    case 400:
    case 422:
        return tr("Airflow rejected the request: %1").arg(error);
    case 401:
        return tr("%1 (Airflow did not accept the credentials: check WARROOM_AIRFLOW_TOKEN or "
                  "WARROOM_AIRFLOW_USER/PASSWORD)")
            .arg(error);
    case 403:
        return tr("%1 (the Airflow account may not edit DAG %2: clearing and triggering need "
                  "edit permission on it)")
            .arg(error, dagId);
    case 404:
        if (m_apiVersion == 1 && !error.contains(dagId))
            return tr("%1 (no /api/v1 here? Airflow 3 serves its REST API at /api/v2)").arg(error);
        return tr("%1 (Airflow does not know DAG %2: is it deployed and parsed?)")
            .arg(error, dagId);
    case 409:
        return tr("%1 (a run with that id or logical date exists already)").arg(error);
    default:
        break;
    }
    if (response.status >= 500)
        return tr("%1 (Airflow failed; try again later)").arg(error);
    return error;
}

void AirflowRerunner::preview(const RerunTarget &target, QObject *context, PreviewCallback done)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto finish = [this, guard, hasContext, done](const RerunPreview &preview) {
        emit previewFinished(preview);
        if (done && (!hasContext || guard))
            done(preview);
    };
    RerunPreview result;
    result.target = target;
    if (const QString config = configurationError(); !config.isEmpty()) {
        result.error = config;
        finish(result);
        return;
    }
    if (!target.isValid()) {
        result.error = tr("Nothing to re-run: the card names no DAG or no logical dates");
        finish(result);
        return;
    }
    const net::HttpRequest clear
        = request(dagPath(target.dagId) + QStringLiteral("/clearTaskInstances"), "POST",
                  clearBody(target, /*dryRun=*/true));
    m_http->send(clear, this, [this, result, finish](const net::HttpResponse &response) mutable {
        result.httpStatus = response.status;
        if (!response.ok()) {
            result.error = explain(response, result.target.dagId);
            finish(result);
            return;
        }
        const auto instances = parseInstances(response.json);
        if (!instances) {
            result.error = tr("POST %1: the answer has no \"task_instances\" array")
                               .arg(response.url.toString());
            finish(result);
            return;
        }
        result.toClear = *instances;
        // Which logical dates have a run at all? Those without one are triggered instead.
        auto existing = std::make_shared<QSet<EpochMicros>>();
        auto page = std::make_shared<std::function<void(int)>>();
        *page = [this, result, finish, existing, page](int offset) mutable {
            QUrlQuery query;
            const QString dateField = m_apiVersion == 2 ? QStringLiteral("logical_date")
                                                        : QStringLiteral("execution_date");
            query.addQueryItem(dateField + QStringLiteral("_gte"),
                               formatRfc3339(result.target.first()));
            query.addQueryItem(dateField + QStringLiteral("_lte"),
                               formatRfc3339(result.target.last()));
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
            query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
            net::HttpRequest list
                = request(dagPath(result.target.dagId) + QStringLiteral("/dagRuns"), "GET");
            list.url.setQuery(
                query.query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QLatin1String("%2B")));
            m_http->send(
                list, this,
                [this, result, finish, existing, page,
                 offset](const net::HttpResponse &response) mutable {
                    if (!response.ok()) {
                        result.httpStatus = response.status;
                        result.error = explain(response, result.target.dagId);
                        *page = nullptr; // break the cycle
                        finish(result);
                        return;
                    }
                    const QJsonValue runs = response.json.object().value(QLatin1String("dag_runs"));
                    if (!runs.isArray()) {
                        result.error = tr("GET %1: the answer has no \"dag_runs\" array")
                                           .arg(response.url.toString());
                        *page = nullptr;
                        finish(result);
                        return;
                    }
                    const QJsonArray array = runs.toArray();
                    for (const QJsonValue &value : array) {
                        const QJsonObject run = value.toObject();
                        QString logical = field(run, "logical_date");
                        if (logical.isEmpty())
                            logical = field(run, "execution_date");
                        if (const auto at = parseTimestamp(logical))
                            existing->insert(*at);
                    }
                    const int total
                        = response.json.object().value(QLatin1String("total_entries")).toInt(-1);
                    const int next = offset + int(array.size());
                    if (!array.isEmpty() && total >= 0 && next < total && next < 10000) {
                        (*page)(next);
                        return;
                    }
                    for (EpochMicros date : std::as_const(result.target.logicalDates)) {
                        if (!existing->contains(date))
                            result.toTrigger.append(date);
                    }
                    *page = nullptr;
                    finish(result);
                });
        };
        (*page)(0);
    });
}

void AirflowRerunner::execute(const RerunPreview &confirmed, QObject *context, OutcomeCallback done)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto outcome = std::make_shared<RerunOutcome>();
    outcome->boardTaskId = confirmed.target.boardTaskId;
    outcome->dagId = confirmed.target.dagId;
    auto refuse = [&](const QString &why) {
        outcome->error = why;
        emit executed(*outcome);
        if (done && (!hasContext || guard))
            done(*outcome);
    };
    if (const QString config = configurationError(); !config.isEmpty())
        return refuse(config);
    if (!confirmed.ok() || !confirmed.target.isValid())
        return refuse(
            tr("Not re-running %1: its dry run did not succeed").arg(confirmed.target.dagId));
    if (confirmed.isEmpty())
        return refuse(tr("Not re-running %1: its dry run found nothing to re-run")
                          .arg(confirmed.target.dagId));

    const QList<EpochMicros> dates = confirmed.toTrigger;
    if (confirmed.toClear.isEmpty()) {
        triggerNext(outcome, dates, guard, hasContext, done);
        return;
    }
    const net::HttpRequest clear
        = request(dagPath(confirmed.target.dagId) + QStringLiteral("/clearTaskInstances"), "POST",
                  clearBody(confirmed.target, /*dryRun=*/false));
    m_http->send(
        clear, this,
        [this, outcome, dates, guard, hasContext, done](const net::HttpResponse &response) {
            outcome->httpStatus = response.status;
            if (!response.ok()) {
                // After a timeout or a server error the clear may have happened: say so instead of
                // suggesting a blind retry (a retry is harmless, as only failed instances are
                // cleared, but the user should look first).
                outcome->error
                    = response.status == 0 || response.status >= 500
                          ? tr("%1; the clear may or may not have reached Airflow: check "
                               "DAG %2 there before trying again")
                                .arg(response.error, outcome->dagId)
                          : explain(response, outcome->dagId);
                emit executed(*outcome);
                if (done && (!hasContext || guard))
                    done(*outcome);
                return;
            }
            const auto instances = parseInstances(response.json);
            if (!instances) {
                outcome->error = tr("POST %1: the answer has no \"task_instances\" array")
                                     .arg(response.url.toString());
                emit executed(*outcome);
                if (done && (!hasContext || guard))
                    done(*outcome);
                return;
            }
            outcome->cleared = *instances;
            triggerNext(outcome, dates, guard, hasContext, done);
        });
}

void AirflowRerunner::triggerNext(std::shared_ptr<RerunOutcome> outcome, QList<EpochMicros> dates,
                                  QPointer<QObject> context, bool hasContext, OutcomeCallback done)
{
    if (dates.isEmpty()) {
        emit executed(*outcome);
        if (done && (!hasContext || context))
            done(*outcome);
        return;
    }
    const EpochMicros date = dates.takeFirst();
    triggerRun(outcome->dagId, date, this,
               [this, outcome, dates, context, hasContext, done](const TriggerResult &result) {
                   if (result.conflict) {
                       outcome->existingRunIds.append(result.runId.isEmpty()
                                                          ? formatRfc3339(result.logicalDate)
                                                          : result.runId);
                   } else if (!result.ok()) {
                       outcome->httpStatus = result.httpStatus;
                       outcome->error = result.error;
                       emit executed(*outcome);
                       if (done && (!hasContext || context))
                           done(*outcome);
                       return;
                   } else {
                       outcome->triggeredRunIds.append(result.runId);
                   }
                   triggerNext(outcome, dates, context, hasContext, done);
               });
}

void AirflowRerunner::triggerRun(const QString &dagId, EpochMicros logicalDate, QObject *context,
                                 TriggerCallback done)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    TriggerResult result;
    result.dagId = dagId;
    result.logicalDate = logicalDate;
    result.runId = runIdFor(logicalDate);
    auto finish = [guard, hasContext, done](const TriggerResult &r) {
        if (done && (!hasContext || guard))
            done(r);
    };
    if (const QString config = configurationError(); !config.isEmpty()) {
        result.error = config;
        finish(result);
        return;
    }
    QJsonObject body{{QStringLiteral("dag_run_id"), result.runId},
                     {QStringLiteral("logical_date"), formatRfc3339(logicalDate)},
                     {QStringLiteral("conf"), QJsonObject()},
                     {QStringLiteral("note"), tr("Re-run from the War Room recovery board")}};
    const net::HttpRequest post = request(dagPath(dagId) + QStringLiteral("/dagRuns"), "POST",
                                          QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_http->send(post, this, [this, result, finish](const net::HttpResponse &response) mutable {
        result.httpStatus = response.status;
        if (response.ok()) {
            const QJsonObject run = response.json.object();
            if (!field(run, "dag_run_id").isEmpty())
                result.runId = field(run, "dag_run_id");
            result.state = field(run, "state");
            finish(result);
            return;
        }
        result.error = explain(response, result.dagId);
        if (response.status != 409) {
            finish(result);
            return;
        }
        // A run exists (perhaps our own from an earlier attempt whose answer got lost): report
        // it with its state instead of triggering again under another id.
        result.conflict = true;
        const net::HttpRequest get = request(
            dagPath(result.dagId) + QStringLiteral("/dagRuns/") + encoded(result.runId), "GET");
        m_http->send(get, this, [this, result, finish](const net::HttpResponse &existing) mutable {
            if (existing.ok()) {
                result.state = field(existing.json.object(), "state");
                result.error = tr("DAG %1 already has run %2 (%3); not triggered again")
                                   .arg(result.dagId, result.runId, result.state);
            } else {
                // the date has a run under another id
                result.runId.clear();
                result.error = tr("DAG %1 already has a run for %2; not triggered again")
                                   .arg(result.dagId, formatRfc3339(result.logicalDate));
            }
            finish(result);
        });
    });
}

} // namespace warroom::recovery
