#include "core/demo/DemoGenerator.h"

#include "core/demo/DemoJobs.h"
#include "core/demo/DemoWarehouse.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unordered_set>

namespace warroom::demo {

namespace {

using namespace Internal;
namespace fs = std::filesystem;

constexpr const char *MarkerFile = ".warroom-generated";
constexpr const char *CompleteFile = ".complete";
// Everything generateWorkspace() writes at the top level (removed before a regeneration).
// The marker stays, so an interrupted regeneration can be retried.
const char *const generatedEntries[]
    = {"sql", "dags", "stairlight", "logs", "alerts", "lineage", "warroom.yaml", "README.md"};

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::demo::DemoGenerator)
};

class Writer
{
public:
    explicit Writer(fs::path root)
        : m_root(std::move(root))
    {}

    bool write(const std::string &relative, const std::string &content)
    {
        if (!m_error.empty())
            return false;
        const fs::path path = m_root / relative;
        std::FILE *f = std::fopen(path.c_str(), "wb");
        if (!f) {
            m_error = "cannot write " + path.string() + ": " + std::strerror(errno);
            return false;
        }
        const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
        if (std::fclose(f) != 0 || !ok) {
            m_error = "cannot write " + path.string() + ": disk full or I/O error";
            return false;
        }
        m_bytes += std::int64_t(content.size());
        return true;
    }
    bool mkdir(const std::string &relative)
    {
        std::error_code ec;
        fs::create_directories(m_root / relative, ec);
        if (ec) {
            m_error = "cannot create " + (m_root / relative).string() + ": " + ec.message();
            return false;
        }
        return true;
    }
    void addBytes(std::int64_t n) { m_bytes += n; }
    const fs::path &root() const { return m_root; }
    const std::string &error() const { return m_error; }
    void setError(std::string e) { m_error = std::move(e); }
    std::int64_t bytes() const { return m_bytes; }

private:
    fs::path m_root;
    std::string m_error;
    std::int64_t m_bytes = 0;
};

// --- dags/<dag_id>.py ------------------------------------------------------------------

std::string renderDag(const Warehouse &w, int index)
{
    const Dag &dag = w.dags[std::size_t(index)];
    const std::string &project = w.project;
    bool hasLoad = false, hasExecute = false, hasInsert = false, hasCheck = !dag.checks.empty();
    for (int t : dag.tables) {
        const Table &table = w.tables[std::size_t(t)];
        if (table.layer == Layer::Raw)
            hasLoad = true;
        else if ((t % 5) == 2)
            hasExecute = true;
        else
            hasInsert = true;
    }
    if (!dag.checks.empty())
        hasInsert = true;
    std::string s;
    s.reserve(4096 + dag.tables.size() * 700);
    s += "\"\"\"" + dag.id + ": " + dag.description + "\n\n";
    s += "Schedule: " + dag.schedule + " (Asia/Tokyo). Owner: data-platform.\n";
    s += "SQL paths are relative to the repository root (template_searchpath).\n\"\"\"\n";
    s += "from __future__ import annotations\n\n";
    s += "import pendulum\n\nfrom airflow import DAG\n";
    std::vector<std::string> bq;
    if (hasCheck)
        bq.push_back("BigQueryCheckOperator");
    if (hasExecute)
        bq.push_back("BigQueryExecuteQueryOperator");
    if (hasInsert)
        bq.push_back("BigQueryInsertJobOperator");
    if (!bq.empty()) {
        s += "from airflow.providers.google.cloud.operators.bigquery import (\n";
        for (const std::string &op : bq)
            s += "    " + op + ",\n";
        s += ")\n";
    }
    if (hasLoad)
        s += "from airflow.providers.google.cloud.transfers.gcs_to_bigquery import "
             "GCSToBigQueryOperator\n";
    s += "\nPROJECT_ID = \"" + project + "\"\n";
    s += "LOCATION = \"asia-northeast1\"\n\n";
    s += "default_args = {\n    \"owner\": \"data-platform\",\n    \"retries\": 2,\n"
         "    \"retry_delay\": pendulum.duration(minutes=5),\n}\n\n";
    s += "with DAG(\n";
    s += "    dag_id=\"" + dag.id + "\",\n";
    s += "    description=\"" + dag.description + "\",\n";
    s += "    schedule=\"" + dag.schedule + "\",\n";
    s += "    start_date=pendulum.datetime(2026, 1, 1, tz=\"Asia/Tokyo\"),\n";
    s += "    catchup=False,\n";
    s += "    max_active_runs=1,\n";
    s += "    default_args=default_args,\n";
    s += "    params={\"project\": PROJECT_ID},\n";
    s += "    template_searchpath=[\"/home/airflow/gcs/data/warehouse\"],\n";
    s += "    tags=[\"" + std::string(services()[std::size_t(dag.service)].tag) + "\", \""
         + datasetName(dag.layer) + "\", \""
         + (dag.hourly   ? "hourly"
            : dag.weekly ? "weekly"
                         : "daily")
         + "\"],\n";
    s += ") as dag:\n";

    for (int t : dag.tables) {
        const Table &table = w.tables[std::size_t(t)];
        const std::string ds = datasetName(table.layer);
        s += "\n";
        if (table.layer == Layer::Raw) {
            const std::string base = table.shardBase();
            const char *prefix = services()[std::size_t(table.service)].name;
            std::string object = base;
            std::string folder = *prefix ? prefix : "core";
            if (*prefix && object.rfind(std::string(prefix) + "_", 0) == 0)
                object = object.substr(std::strlen(prefix) + 1);
            s += "    " + table.task + " = GCSToBigQueryOperator(\n";
            s += "        task_id=\"" + table.task + "\",\n";
            s += "        bucket=\"" + project + "-landing\",\n";
            s += "        source_objects=[\"" + folder + "/" + object
                 + "/{{ ds_nodash }}/{{ logical_date.strftime('%H') }}/*.json.gz\"],\n";
            s += "        source_format=\"NEWLINE_DELIMITED_JSON\",\n";
            if (table.sharded()) {
                s += "        destination_project_dataset_table=\"" + project + ".raw." + base
                     + "_{{ ds_nodash }}\",\n";
                s += "        write_disposition=\"WRITE_TRUNCATE\",\n";
            } else {
                s += "        destination_project_dataset_table=\"" + project + ".raw." + table.name
                     + "\",\n";
                s += "        write_disposition=\"WRITE_APPEND\",\n";
            }
            s += "        autodetect=True,\n";
            s += "    )\n";
            continue;
        }
        const std::string path = w.sqlPath(t);
        const bool bare = table.form == SqlForm::BareSelect;
        if ((t % 5) == 2) {
            s += "    " + table.task + " = BigQueryExecuteQueryOperator(\n";
            s += "        task_id=\"" + table.task + "\",\n";
            s += "        sql=\"" + path + "\",\n";
            if (bare) {
                s += "        destination_dataset_table=\"" + project + "." + ds + "." + table.name
                     + "\",\n";
                s += "        write_disposition=\"WRITE_TRUNCATE\",\n";
            }
            s += "        use_legacy_sql=False,\n";
            s += "        location=LOCATION,\n";
            s += "    )\n";
        } else {
            s += "    " + table.task + " = BigQueryInsertJobOperator(\n";
            s += "        task_id=\"" + table.task + "\",\n";
            s += "        configuration={\n";
            s += "            \"query\": {\n";
            s += "                \"query\": \"{% include '" + path + "' %}\",\n";
            s += "                \"useLegacySql\": False,\n";
            if (bare) {
                s += "                \"destinationTable\": {\n";
                s += "                    \"projectId\": \"" + project + "\",\n";
                s += "                    \"datasetId\": \"" + ds + "\",\n";
                s += "                    \"tableId\": \"" + table.name + "\",\n";
                s += "                },\n";
                s += "                \"writeDisposition\": \"WRITE_TRUNCATE\",\n";
            }
            s += "            }\n";
            s += "        },\n";
            s += "        location=LOCATION,\n";
            s += "    )\n";
        }
    }
    for (int c : dag.checks) {
        const Check &check = w.checks[std::size_t(c)];
        s += "\n    assert_" + check.name + " = BigQueryInsertJobOperator(\n";
        s += "        task_id=\"assert_" + check.name + "\",\n";
        s += "        configuration={\n";
        s += "            \"query\": {\n";
        s += "                \"query\": \"{% include 'sql/checks/" + check.name + ".sql' %}\",\n";
        s += "                \"useLegacySql\": False,\n";
        s += "            }\n";
        s += "        },\n";
        s += "        location=LOCATION,\n";
        s += "    )\n";
    }
    // a row-count check on the DAG's last table
    const int last = dag.tables.back();
    const Table &lastTable = w.tables[std::size_t(last)];
    std::string rowCheck;
    if (hasCheck) {
        rowCheck = "check_" + lastTable.shardBase() + "_rows";
        s += "\n    " + rowCheck + " = BigQueryCheckOperator(\n";
        s += "        task_id=\"" + rowCheck + "\",\n";
        if (lastTable.sharded())
            s += "        sql=\"SELECT COUNT(*) > 0 FROM `" + project + ".raw."
                 + lastTable.shardBase() + "_{{ ds_nodash }}`\",\n";
        else
            s += "        sql=\"SELECT COUNT(*) > 0 FROM `" + w.qualified(last) + "`\",\n";
        s += "        use_legacy_sql=False,\n";
        s += "        location=LOCATION,\n";
        s += "    )\n";
    }

    // dependencies inside the DAG
    std::string deps;
    for (int t : dag.tables) {
        const Table &table = w.tables[std::size_t(t)];
        std::vector<std::string> ups;
        for (int u : table.upstream)
            if (w.tables[std::size_t(u)].dag == index)
                ups.push_back(w.tables[std::size_t(u)].task);
        if (ups.size() == 1)
            deps += "    " + ups[0] + " >> " + table.task + "\n";
        else if (ups.size() > 1) {
            deps += "    [";
            for (std::size_t i = 0; i < ups.size(); ++i)
                deps += (i ? ", " : "") + ups[i];
            deps += "] >> " + table.task + "\n";
        }
    }
    for (int c : dag.checks) {
        const Check &check = w.checks[std::size_t(c)];
        deps
            += "    " + w.tables[std::size_t(check.table)].task + " >> assert_" + check.name + "\n";
    }
    if (!rowCheck.empty()) {
        // the row check closes the run: it waits for every table the DAG builds last
        std::unordered_set<int> feeding;
        for (int t : dag.tables)
            for (int u : w.tables[std::size_t(t)].upstream)
                feeding.insert(u);
        std::vector<std::string> leaves;
        for (int t : dag.tables)
            if (!feeding.count(t))
                leaves.push_back(w.tables[std::size_t(t)].task);
        if (leaves.size() == 1) {
            deps += "    " + leaves[0] + " >> " + rowCheck + "\n";
        } else {
            deps += "    [";
            for (std::size_t i = 0; i < leaves.size(); ++i)
                deps += (i ? ", " : "") + leaves[i];
            deps += "] >> " + rowCheck + "\n";
        }
    }
    if (!deps.empty())
        s += "\n" + deps;
    return s;
}

// --- stairlight/ ------------------------------------------------------------------------

std::string renderStairlightConfig(const Warehouse &w)
{
    std::string s;
    s += "# stairlight configuration for this warehouse "
         "(https://github.com/tosh2230/stairlight).\n";
    s += "# Run it from the workspace root, where FileSystemPath is resolved:\n";
    s += "#   stairlight -c stairlight down -t " + w.project + ".staging."
         + (w.tables.size() > std::size_t(w.layerBegin[1])
                ? w.tables[std::size_t(w.layerBegin[1])].name
                : std::string("users"))
         + " -r\n";
    s += "Include:\n";
    s += "  - TemplateSourceType: File\n";
    s += "    FileSystemPath: \"./sql\"\n";
    s += "    Regex: .*/*\\.sql$\n";
    s += "    DefaultTablePrefix: \"" + w.project + "\"\n";
    s += "Exclude:\n";
    s += "  - TemplateSourceType: File\n";
    s += "    Regex: checks/.*\\.sql$\n";
    s += "Settings:\n";
    s += "  MappingPrefix: \"mapping\"\n";
    return s;
}

std::string renderStairlightMapping(const Warehouse &w)
{
    std::string s;
    s.reserve(w.tables.size() * 260);
    s += "# Which table each SQL file builds (stairlight mapping). Generated with the SQL.\n";
    s += "Global:\n  Parameters:\n    params:\n      project: " + w.project + "\n";
    s += "Mapping:\n";
    for (std::size_t t = std::size_t(w.layerBegin[1]); t < w.tables.size(); ++t) {
        const Table &table = w.tables[t];
        s += "  - TemplateSourceType: File\n";
        s += "    FileSuffix: \"" + w.sqlPath(int(t)) + "\"\n";
        s += "    Tables:\n";
        s += "      - TableName: \"" + w.qualified(int(t)) + "\"\n";
        if (table.form == SqlForm::JinjaCtas) {
            s += "        IgnoreParameters:\n          - ds\n";
            s += "        Parameters:\n          params:\n            project: " + w.project + "\n";
        }
        s += "        Labels:\n";
        s += "          Layer: " + std::string(datasetName(table.layer)) + "\n";
        s += "          Dag: " + w.dags[std::size_t(table.dag)].id + "\n";
    }
    s += "ExtraLabels:\n";
    for (int t = w.layerBegin[0]; t < w.layerBegin[1]; ++t) {
        const Table &table = w.tables[std::size_t(t)];
        s += "  - TableName: \"" + w.qualified(t) + "\"\n";
        s += "    Labels:\n";
        s += "      Layer: raw\n";
        s += "      Source: gcs\n";
        s += "      Dag: " + w.dags[std::size_t(table.dag)].id + "\n";
    }
    return s;
}

// --- alerts/outage.ndjson -------------------------------------------------------------

struct AlertWriter
{
    std::string text;
    int count = 0;
    std::int64_t since = 0;

    void add(int offset, const char *kind, const std::string &id, const std::string &title,
             const char *severity, const char *state, const std::string &url,
             const std::string &dagId, const std::string &taskId, const std::string &table,
             const std::vector<std::string> &labels, const std::string &body)
    {
        nlohmann::ordered_json j;
        j["offset_seconds"] = offset;
        j["source"] = "replay";
        j["kind"] = kind;
        j["id"] = id;
        j["title"] = title;
        j["severity"] = severity;
        j["state"] = state;
        j["created_at"] = formatRfc3339Seconds(since + offset);
        j["url"] = url;
        j["dag_id"] = dagId;
        j["task_id"] = taskId;
        j["table"] = table;
        j["labels"] = labels;
        j["body"] = body;
        text += j.dump();
        text += '\n';
        ++count;
    }
};

struct Event
{
    int offset;
    int order;
    std::function<void(AlertWriter &)> fire;
};

std::string renderOutage(const Warehouse &w, const OutageWindow &o, int *count)
{
    AlertWriter out;
    out.since = o.since;
    const std::string composer
        = "https://4f7a2c1e9b3d-dot-asia-northeast1.composer.googleusercontent.com";
    const std::string github = "https://github.com/bigfoot/data-platform/issues/";
    const std::string monitoring
        = "https://console.cloud.google.com/monitoring/alerting/incidents/";
    const std::string env = "bigfoot-composer-prod";
    std::vector<Event> events;
    int order = 0;
    auto at = [&](int offset, std::function<void(AlertWriter &)> f) {
        events.push_back({offset, order++, std::move(f)});
    };
    int issue = 4812;

    at(0, [&](AlertWriter &a) {
        a.add(
            0, "monitoring", "composer-environment-health",
            "Cloud Composer environment " + env + " is unhealthy", "critical", "open",
            monitoring + "0.nk3p5v1xq2r8", "", "", "",
            {"composer", "environment:" + env, "policy:composer-health"},
            "composer.googleapis.com/environment/healthy = false for 5 minutes in asia-northeast1. "
            "The Airflow web server answers 502; the scheduler pod is not ready.");
    });
    at(60, [&](AlertWriter &a) {
        a.add(60, "alertmanager", "AirflowSchedulerHeartbeatMissing/" + env,
              "AirflowSchedulerHeartbeatMissing: no scheduler heartbeat for 5 minutes", "critical",
              "open", "https://alertmanager.bigfoot.example/#/alerts?receiver=data-platform", "",
              "", "",
              {"alertname=AirflowSchedulerHeartbeatMissing", "severity=critical", "env=prod"},
              "airflow_scheduler_heartbeat has not increased since 01:55 JST. No task instance is "
              "being queued.");
    });
    const int envIssue = issue++;
    at(180, [&, envIssue](AlertWriter &a) {
        a.add(180, "github", std::to_string(envIssue),
              "[alert] Cloud Composer environment " + env + " is unhealthy", "critical", "open",
              github + std::to_string(envIssue), "", "", "", {"alert", "monitoring"},
              "Opened by alert-bot from Cloud Monitoring policy composer-health. On-call: check "
              "the GKE workloads of the environment and the Composer status page.");
    });
    at(300, [&](AlertWriter &a) {
        a.add(300, "monitoring", "composer-worker-crashloop",
              "airflow-worker pods in CrashLoopBackOff (" + env + ")", "error", "open",
              monitoring + "0.mq8r2t6w0c4d", "", "", "", {"composer", "gke", "environment:" + env},
              "3 of 3 airflow-worker pods restarted more than 5 times in 10 minutes: "
              "OOMKilled after a node pool upgrade.");
    });
    if (w.layerBegin[1] > 0) {
        at(1800, [&](AlertWriter &a) {
            a.add(1800, "monitoring", "bigquery-raw-load-lag",
                  "No load jobs into " + w.project + ".raw for 30 minutes", "warning", "open",
                  monitoring + "0.pq1s9u3y7a5f", "", "", "", {"bigquery", "freshness"},
                  "Log-based metric bigquery_load_jobs{dataset=raw} is 0 since 02:00 JST.");
        });
    }

    // A dozen failed DAG runs: the hourly runs at 02:xx, 03:xx and 04:xx JST that were
    // killed or never scheduled, reported when the scheduler briefly came back.
    std::vector<std::pair<int, int>> failedRuns; // (dag, hour)
    for (int h = 0; h < 3 && failedRuns.size() < 12; ++h)
        for (int d : o.failedDags)
            if (failedRuns.size() < 12)
                failedRuns.emplace_back(d, h);
    int k = 0;
    for (const auto &[d, h] : failedRuns) {
        const Dag &dag = w.dags[std::size_t(d)];
        const int first = dag.tables.front();
        const Table &table = w.tables[std::size_t(first)];
        const std::int64_t logical = o.since + (h - 1) * 3600 + dag.minuteOfDay * 60;
        std::string logicalText = formatRfc3339Seconds(logical);
        logicalText = logicalText.substr(0, logicalText.size() - 1) + "+00:00";
        const std::string runId = "scheduled__" + logicalText;
        const int offset = h * 3600 + 900 + (k % 8) * 75;
        const int number = issue++;
        const std::string dagId = dag.id;
        const std::string task = table.task;
        const std::string qualified = w.qualified(first);
        const std::string jst = formatBqTimestamp(logical + 3600 + 9 * 3600).substr(0, 16);
        at(offset, [=](AlertWriter &a) {
            a.add(offset, "airflow", dagId + "/" + runId, "DAG run failed: " + dagId, "error",
                  "open", composer + "/dags/" + dagId + "/grid?dag_run_id=" + runId, dagId, task,
                  qualified, {"dag-failure", "hourly"},
                  "Task " + task
                      + " failed: detected as zombie (no heartbeat from the worker). "
                        "Try 3 of 3; the run "
                      + runId + " is marked failed.");
        });
        at(offset + 120, [=](AlertWriter &a) {
            a.add(offset + 120, "github", std::to_string(number),
                  "[dag-failure] " + dagId + " failed (" + jst + " JST run)", "error", "open",
                  github + std::to_string(number), dagId, task, qualified, {"alert", "dag-failure"},
                  "Opened by alert-bot. DAG " + dagId + ", run " + runId + ", task " + task
                      + ". Re-run after Composer recovers; downstream tables will be stale.");
        });
        ++k;
    }

    // Validation ASSERTs run by the data-quality runner (Cloud Run, outside Composer) every
    // 30 minutes: freshness checks of the tables the failed DAGs build. Repeats share title
    // and table, so the feed groups them.
    std::vector<int> checks;
    for (std::size_t c = 0; c < w.checks.size() && checks.size() < 3; ++c) {
        const Check &check = w.checks[c];
        const int dag = w.tables[std::size_t(check.table)].dag;
        if (std::find(o.failedDags.begin(), o.failedDags.end(), dag) != o.failedDags.end())
            checks.push_back(int(c));
    }
    for (std::size_t c = 0; c < w.checks.size() && checks.size() < 3; ++c)
        if (std::find(checks.begin(), checks.end(), int(c)) == checks.end())
            checks.push_back(int(c));
    for (std::size_t ci = 0; ci < checks.size(); ++ci) {
        const Check &check = w.checks[std::size_t(checks[ci])];
        const Table &table = w.tables[std::size_t(check.table)];
        const std::string dagId = w.dags[std::size_t(table.dag)].id;
        const std::string qualified = w.qualified(check.table);
        const std::string title = "ASSERT failed: " + check.message;
        const std::string task = "assert_" + check.name;
        const std::string file = "sql/checks/" + check.name + ".sql";
        const int number = issue++;
        for (int rep = 0; rep < 5; ++rep) {
            const int offset = 3600 + rep * 1800 + int(ci) * 40;
            if (offset > 10400)
                break;
            at(offset, [=](AlertWriter &a) {
                a.add(offset, "alertmanager",
                      "DataQualityAssertFailed/" + check.name + "/" + std::to_string(rep + 1),
                      title, "error", "open",
                      "https://alertmanager.bigfoot.example/#/alerts?filter=%7Bcheck%3D%22"
                          + check.name + "%22%7D",
                      dagId, task, qualified,
                      {"alertname=DataQualityAssertFailed", "check=" + check.name, "validation"},
                      "dq-runner ran " + file + ": " + check.message + ".");
            });
            if (rep == 0) {
                at(offset + 60, [=](AlertWriter &a) {
                    a.add(offset + 60, "github", std::to_string(number), "[validation] " + title,
                          "error", "open", github + std::to_string(number), dagId, task, qualified,
                          {"alert", "validation"},
                          "Opened by alert-bot: " + file + " failed (" + check.message
                              + "). Further failures of this check are commented here.");
                });
            }
        }
    }

    at(5400, [&](AlertWriter &a) {
        a.add(5400, "monitoring", "composer-environment-update",
              "Composer environment " + env + ": update operation started (node pool repair)",
              "info", "open", monitoring + "0.rs4v8x2z6b0h", "", "", "", {"composer", "operation"},
              "Operation projects/" + w.project
                  + "/locations/asia-northeast1/operations/"
                    "b1f0c9d2 started by data-platform-oncall.");
    });
    at(7200, [&](AlertWriter &a) {
        a.add(7200, "alertmanager", "AirflowSchedulerHeartbeatMissing/" + env,
              "AirflowSchedulerHeartbeatMissing: no scheduler heartbeat for 5 minutes", "critical",
              "open", "https://alertmanager.bigfoot.example/#/alerts?receiver=data-platform", "",
              "", "",
              {"alertname=AirflowSchedulerHeartbeatMissing", "severity=critical", "env=prod"},
              "Still firing (repeat notification, every 2 hours).");
    });
    // recovery
    at(10200, [&](AlertWriter &a) {
        a.add(10200, "monitoring", "composer-worker-crashloop",
              "airflow-worker pods in CrashLoopBackOff (" + env + ")", "error", "resolved",
              monitoring + "0.mq8r2t6w0c4d", "", "", "", {"composer", "gke", "environment:" + env},
              "Workers are running on the repaired node pool.");
    });
    at(10500, [&](AlertWriter &a) {
        a.add(10500, "alertmanager", "AirflowSchedulerHeartbeatMissing/" + env,
              "AirflowSchedulerHeartbeatMissing: no scheduler heartbeat for 5 minutes", "critical",
              "resolved", "https://alertmanager.bigfoot.example/#/alerts?receiver=data-platform",
              "", "", "",
              {"alertname=AirflowSchedulerHeartbeatMissing", "severity=critical", "env=prod"},
              "Scheduler heartbeat is back.");
    });
    at(10680, [&](AlertWriter &a) {
        a.add(10680, "monitoring", "composer-environment-health",
              "Cloud Composer environment " + env + " is unhealthy", "critical", "resolved",
              monitoring + "0.nk3p5v1xq2r8", "", "", "",
              {"composer", "environment:" + env, "policy:composer-health"},
              "composer.googleapis.com/environment/healthy = true.");
    });
    at(10800, [&](AlertWriter &a) {
        a.add(10800, "airflow", "scheduler-recovered",
              "Airflow scheduler healthy again: " + std::to_string(failedRuns.size())
                  + " failed hourly runs need a re-run (catchup=False)",
              "info", "resolved", composer + "/home", "", "", "", {"recovery"},
              "Composer is back at 05:00 JST. Runs missed between 02:00 and 05:00 JST are not "
              "caught up automatically; clear the failed runs or backfill them.");
    });

    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return a.offset != b.offset ? a.offset < b.offset : a.order < b.order;
    });
    for (const Event &e : events)
        e.fire(out);
    if (count)
        *count = out.count;
    return out.text;
}

// --- lineage/events.ndjson ------------------------------------------------------------

std::string renderLineage(const Warehouse &w, const OutageWindow &o)
{
    auto find = [&](const char *name, Layer layer) -> int {
        for (int t = w.layerBegin[int(layer)]; t < w.layerBegin[int(layer) + 1]; ++t)
            if (w.tables[std::size_t(t)].name == name)
                return t;
        return w.layerBegin[int(layer)] < w.layerBegin[int(layer) + 1] ? w.layerBegin[int(layer)]
                                                                       : -1;
    };
    auto dataset = [&](int t) {
        nlohmann::ordered_json d;
        d["namespace"] = "bigquery";
        d["name"] = w.qualified(t);
        return d;
    };
    std::string out;
    const std::string producer
        = "https://github.com/OpenLineage/OpenLineage/tree/1.9.1/integration/spark";
    const std::string schema
        = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent";
    auto push = [&](const char *type, std::int64_t at, const std::string &runId,
                    const std::string &ns, const std::string &job, nlohmann::ordered_json inputs,
                    nlohmann::ordered_json outputs) {
        nlohmann::ordered_json e;
        e["eventType"] = type;
        e["eventTime"] = formatRfc3339Seconds(at);
        e["run"] = {{"runId", runId}};
        e["job"] = {{"namespace", ns}, {"name", job}};
        e["inputs"] = std::move(inputs);
        e["outputs"] = std::move(outputs);
        e["producer"] = producer;
        e["schemaURL"] = schema;
        out += e.dump();
        out += '\n';
    };
    const int pageViews = find("page_views", Layer::Raw);
    const int payments = find("shop_payments", Layer::Raw);
    int report = find("executive_kpi_daily", Layer::Report);
    const std::int64_t t0 = o.since - 6 * 3600;
    if (pageViews >= 0) {
        nlohmann::ordered_json in = nlohmann::ordered_json::array();
        in.push_back(
            {{"namespace", "pubsub"}, {"name", "projects/" + w.project + "/topics/clickstream"}});
        nlohmann::ordered_json outs = nlohmann::ordered_json::array();
        outs.push_back(dataset(pageViews));
        const std::string run = "0190a3c2-7d1e-7b4a-9f3e-2c5d8e1a6b01";
        push("START", t0, run, "dataflow", "clickstream-to-bigquery", in, outs);
        push("COMPLETE", t0 + 3300, run, "dataflow", "clickstream-to-bigquery", in, outs);
    }
    if (payments >= 0) {
        nlohmann::ordered_json in = nlohmann::ordered_json::array();
        in.push_back({{"namespace", "postgres://payments-db.internal:5432"},
                      {"name", "payments.public.transactions"}});
        nlohmann::ordered_json outs = nlohmann::ordered_json::array();
        outs.push_back(dataset(payments));
        const std::string run = "0190a3c2-7d1e-7b4a-9f3e-2c5d8e1a6b02";
        push("START", t0 + 600, run, "cloud-run", "payments-sync", in, outs);
        push("COMPLETE", t0 + 780, run, "cloud-run", "payments-sync", in, outs);
    }
    if (report >= 0) {
        nlohmann::ordered_json in = nlohmann::ordered_json::array();
        in.push_back(dataset(report));
        const int last = w.layerBegin[int(Layer::Report) + 1] - 1;
        if (last != report && last >= w.layerBegin[int(Layer::Report)])
            in.push_back(dataset(last));
        nlohmann::ordered_json outs = nlohmann::ordered_json::array();
        outs.push_back({{"namespace", "salesforce://bigfoot.my.salesforce.com"},
                        {"name", "Account.Usage__c"}});
        const std::string run = "0190a3c2-7d1e-7b4a-9f3e-2c5d8e1a6b03";
        push("START", t0 + 1200, run, "reverse-etl", "crm-sync", in, outs);
        push("COMPLETE", t0 + 1500, run, "reverse-etl", "crm-sync", in, outs);
    }
    return out;
}

// --- warroom.yaml and README.md -------------------------------------------------------

std::string renderWorkspaceYaml(const Warehouse &w, const OutageWindow &o,
                                const GeneratorOptions &options)
{
    std::string s;
    s += "# War Room workspace: a synthetic warehouse written by warroom-cli (generator v"
         + std::to_string(GeneratorVersion) + ", seed " + std::to_string(options.seed) + ").\n";
    s += "name: bigfoot\n";
    s += "timezone: Asia/Tokyo\n";
    s += "lineage:\n";
    s += "  stairlight: stairlight/\n";
    s += "  sql: [sql/]\n";
    s += "  dags: [dags/]\n";
    s += "  jobs: logs/jobs.json\n";
    s += "  openlineage: [lineage/events.ndjson]\n";
    s += "usage:\n";
    s += "  jobs: logs/jobs.json\n";
    s += "  window_days: 30\n";
    s += "# github:\n";
    s += "#   api_url: https://api.github.com\n";
    s += "#   repo: bigfoot/data-platform\n";
    s += "#   alert_labels: [alert, dag-failure]\n";
    s += "#   recovery_label: recovery\n";
    s += "# airflow:\n";
    s += "#   api_url: "
         "https://4f7a2c1e9b3d-dot-asia-northeast1.composer.googleusercontent.com/api/v1\n";
    s += "replay: {file: alerts/outage.ndjson, speed: 60}\n";
    s += "incident: {name: \"Composer outage\", since: \"" + formatRfc3339Seconds(o.since)
         + "\", until: \"" + formatRfc3339Seconds(o.until) + "\", broken: [";
    for (std::size_t i = 0; i < o.failedDags.size(); ++i)
        s += (i ? ", \"dag:" : "\"dag:") + w.dags[std::size_t(o.failedDags[i])].id + "\"";
    s += "]}\n";
    return s;
}

std::string renderReadme(const Warehouse &w, const OutageWindow &o, const GenerationSummary &sum,
                         const GeneratorOptions &options)
{
    std::string s;
    s += "# Demo workspace: bigfoot\n\n";
    s += "A synthetic data warehouse for a company running web hosting, a domain registrar, an\n"
         "e-commerce shop builder, a handmade marketplace and print-on-demand goods, written by\n"
         "`warroom-cli demo` / `warroom-cli generate` (generator v"
         + std::to_string(GeneratorVersion) + ", seed " + std::to_string(options.seed)
         + "). Nothing here is real data; the same options always give the same bytes.\n\n";
    s += "Open it with `warroom --demo`, or `warroom` and File → Open workspace.\n\n";
    s += "## Contents\n\n";
    s += "| Path | What |\n|---|---|\n";
    s += "| `warroom.yaml` | the workspace: lineage sources, usage log, the replayed outage and "
         "the incident |\n";
    s += "| `sql/<dataset>/<table>.sql` | BigQuery SQL building each of "
         + std::to_string(sum.tables)
         + " tables outside `raw` (CTAS, INSERT, MERGE, DELETE+INSERT scripts, bare SELECTs whose "
           "DAG names the destination, Jinja `{{ params.project }}`) |\n";
    s += "| `sql/checks/*.sql` | " + std::to_string(sum.checkFiles)
         + " validation queries (`ASSERT ... AS 'message'`) |\n";
    s += "| `dags/*.py` | " + std::to_string(sum.dags)
         + " Airflow 2 DAGs (hourly loads and staging, daily marts and reports); "
           "`GCSToBigQueryOperator` loads `raw`, `BigQueryInsertJobOperator` / "
           "`BigQueryExecuteQueryOperator` run the SQL (paths relative to this folder) |\n";
    s += "| `stairlight/` | a stairlight configuration (`stairlight.yaml`, `mapping.yaml`) for "
         "`sql/`; run stairlight from this folder |\n";
    s += "| `logs/jobs.json` | " + std::to_string(sum.jobsRows)
         + " rows of `INFORMATION_SCHEMA.JOBS` as `bq --format=json` prints them (one array, one "
           "row per line; INT64 and BOOL as strings, TIMESTAMP as `YYYY-MM-DD HH:MM:SS` UTC), 30 "
           "days to "
         + formatRfc3339Seconds(o.logEnd) + " |\n";
    s += "| `alerts/outage.ndjson` | " + std::to_string(sum.alerts)
         + " alert events of the scripted outage, one JSON object per line, `offset_seconds` from "
           "the incident start |\n";
    s += "| `lineage/events.ndjson` | OpenLineage RunEvents of jobs outside Airflow (Dataflow, "
         "Cloud Run, reverse ETL) |\n\n";
    s += "## The outage\n\n";
    s += "Cloud Composer is down from " + formatRfc3339Seconds(o.since) + " to "
         + formatRfc3339Seconds(o.until)
         + " (02:00-05:00 Asia/Tokyo). No scheduled query runs in that window; hourly DAG runs\n"
           "fail, validation ASSERTs on the stale staging tables fail and are repeated every 30\n"
           "minutes, GitHub issues labelled `alert` / `dag-failure` / `validation` are opened, "
           "and\n"
           "the monitoring alerts resolve at the end. The failed DAGs are the incident's `broken`\n"
           "list in `warroom.yaml`.\n\n";
    s += "Project: `" + w.project
         + "`. Datasets: raw → staging → mart → analytics / ml_features → report.\n";
    return s;
}

bool isEmptyDir(const fs::path &dir)
{
    std::error_code ec;
    return fs::is_empty(dir, ec) && !ec;
}

bool prepareOutput(const fs::path &dir, std::string *error)
{
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) {
            *error = dir.string() + " exists and is not a folder";
            return false;
        }
        if (!isEmptyDir(dir)) {
            if (!fs::exists(dir / MarkerFile, ec)) {
                *error = "refusing to write into " + dir.string()
                         + ": the folder is not empty and holds no previous generator output ("
                         + MarkerFile + " is missing); choose a new or empty folder";
                return false;
            }
            for (const char *entry : generatedEntries) {
                fs::remove_all(dir / entry, ec);
                if (ec) {
                    *error = "cannot remove " + (dir / entry).string() + ": " + ec.message();
                    return false;
                }
            }
        }
    }
    fs::create_directories(dir, ec);
    if (ec) {
        *error = "cannot create " + dir.string() + ": " + ec.message();
        return false;
    }
    return true;
}

QString toQString(const std::string &s)
{
    return QString::fromStdString(s);
}

GeneratorOptions normalized(GeneratorOptions options)
{
    return options;
}

std::string validate(const GeneratorOptions &o)
{
    if (o.tables < 12 || o.tables > 1000000)
        return "--tables must be between 12 and 1000000";
    if (o.dags < 0 || o.dags > o.tables)
        return "--dags must be between 0 (automatic) and the number of tables";
    if (o.jobsRows < 0 || o.jobsRows > 100000000)
        return "--jobs must be between 0 and 100000000";
    if (o.users < 2 || o.users > 10000)
        return "--users must be between 2 and 10000";
    if (o.project.isEmpty() || o.project.contains(QLatin1Char('.'))
        || o.project.contains(QLatin1Char('`')) || o.project.contains(QLatin1Char('"')))
        return "the project id must be a plain GCP project id";
    return {};
}

} // namespace

bool generateWorkspace(const QString &dir, const GeneratorOptions &optionsIn, QString *error,
                       std::function<void(int percent)> progress, GenerationSummary *summary)
{
    const GeneratorOptions options = normalized(optionsIn);
    auto report = [&](int percent) {
        if (progress)
            progress(percent);
    };
    auto failWith = [&](const std::string &message) {
        if (error)
            *error = toQString(message);
        return false;
    };
    if (const std::string problem = validate(options); !problem.empty())
        return failWith(problem);
    if (dir.isEmpty())
        return failWith("no output folder given");

    const fs::path root(QFile::encodeName(QDir::cleanPath(dir)).toStdString());
    std::string problem;
    if (!prepareOutput(root, &problem))
        return failWith(problem);
    report(1);

    const std::uint64_t seed = options.seed;
    const Warehouse w
        = buildWarehouse(options.project.toStdString(), options.tables, options.dags, seed);
    const OutageWindow outage = outageWindow(w, seed);
    report(5);

    Writer out(root);
    nlohmann::ordered_json marker;
    marker["generator_version"] = GeneratorVersion;
    marker["seed"] = options.seed;
    marker["project"] = options.project.toStdString();
    marker["tables"] = options.tables;
    marker["dags"] = options.dags;
    marker["jobs_rows"] = options.jobsRows;
    marker["users"] = options.users;
    marker["complete"] = false;
    if (!out.write(MarkerFile, marker.dump(2) + "\n"))
        return failWith(out.error());
    GenerationSummary sum;
    sum.tables = int(w.tables.size());
    sum.dags = int(w.dags.size());

    // sql/
    for (int l = 1; l < LayerCount; ++l)
        out.mkdir(std::string("sql/") + datasetName(Layer(l)));
    out.mkdir("sql/checks");
    const int first = w.layerBegin[1];
    const int count = int(w.tables.size());
    for (int t = first; t < count && out.error().empty(); ++t) {
        out.write(w.sqlPath(t), renderSql(w, t));
        ++sum.sqlFiles;
        if ((t & 255) == 0)
            report(5 + 20 * (t - first) / std::max(1, count - first));
    }
    for (const Check &check : w.checks) {
        out.write("sql/checks/" + check.name + ".sql", renderCheckSql(w, check));
        ++sum.sqlFiles;
        ++sum.checkFiles;
    }
    report(25);

    // dags/
    out.mkdir("dags");
    for (std::size_t d = 0; d < w.dags.size() && out.error().empty(); ++d) {
        out.write("dags/" + w.dags[d].id + ".py", renderDag(w, int(d)));
        if ((d & 63) == 0)
            report(25 + int(10 * d / std::max<std::size_t>(1, w.dags.size())));
    }
    report(35);

    // stairlight/
    out.mkdir("stairlight");
    out.write("stairlight/stairlight.yaml", renderStairlightConfig(w));
    out.write("stairlight/mapping.yaml", renderStairlightMapping(w));
    report(40);

    // alerts/, lineage/
    out.mkdir("alerts");
    out.write("alerts/outage.ndjson", renderOutage(w, outage, &sum.alerts));
    out.mkdir("lineage");
    out.write("lineage/events.ndjson", renderLineage(w, outage));
    if (!out.error().empty())
        return failWith(out.error());

    // logs/jobs.json
    out.mkdir("logs");
    JobsLogOptions jobsOptions;
    jobsOptions.rows = options.jobsRows;
    jobsOptions.users = options.users;
    jobsOptions.seed = seed;
    std::string jobsError;
    const std::int64_t jobsBytes
        = writeJobsLog((root / "logs" / "jobs.json").string(), w, outage, jobsOptions, &jobsError,
                       [&](int permille) { report(42 + permille * 53 / 1000); });
    if (jobsBytes < 0)
        return failWith(jobsError);
    out.addBytes(jobsBytes);
    sum.jobsRows = options.jobsRows;

    out.write("warroom.yaml", renderWorkspaceYaml(w, outage, options));
    out.write("README.md", renderReadme(w, outage, sum, options));
    marker["dags"] = sum.dags;
    marker["complete"] = true;
    out.write(MarkerFile, marker.dump(2) + "\n");
    if (!out.error().empty())
        return failWith(out.error());
    sum.bytes = out.bytes();
    if (summary)
        *summary = sum;
    report(100);
    return true;
}

std::vector<SqlFileInfo> describeSqlFiles(const GeneratorOptions &options)
{
    std::vector<SqlFileInfo> files;
    if (!validate(options).empty())
        return files;
    const Warehouse w
        = buildWarehouse(options.project.toStdString(), options.tables, options.dags, options.seed);
    auto sourceName = [&](int t) {
        return toQString(w.qualified(t));
    };
    for (int t = w.layerBegin[1]; t < int(w.tables.size()); ++t) {
        SqlFileInfo info;
        info.path = toQString(w.sqlPath(t));
        info.target = toQString(w.qualified(t));
        for (int u : w.tables[std::size_t(t)].upstream)
            info.sources << sourceName(u);
        files.push_back(std::move(info));
    }
    for (const Check &check : w.checks) {
        SqlFileInfo info;
        info.path = toQString("sql/checks/" + check.name + ".sql");
        info.sources << sourceName(check.table);
        files.push_back(std::move(info));
    }
    return files;
}

QString ensureDemoWorkspace(QString *error)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty()) {
        if (error)
            *error = Tr::tr("No writable cache folder for the demo workspace.");
        return {};
    }
    const QString target = base + QStringLiteral("/demo-%1").arg(GeneratorVersion);
    if (QFileInfo::exists(target + QLatin1Char('/') + QLatin1String(CompleteFile)))
        return target;

    QDir().mkpath(base);
    const QString temp = target
                         + QStringLiteral(".tmp-%1-%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(QDateTime::currentMSecsSinceEpoch());
    QString problem;
    if (!generateWorkspace(temp, GeneratorOptions{}, &problem)) {
        QDir(temp).removeRecursively();
        if (error)
            *error = Tr::tr("Cannot write the demo workspace: %1").arg(problem);
        return {};
    }
    {
        QFile complete(temp + QLatin1Char('/') + QLatin1String(CompleteFile));
        if (!complete.open(QIODevice::WriteOnly) || complete.write("ok\n") != 3) {
            QDir(temp).removeRecursively();
            if (error)
                *error = Tr::tr("Cannot write the demo workspace: %1").arg(complete.errorString());
            return {};
        }
    }
    // Another process may have finished first; a leftover without the marker is replaced.
    if (QFileInfo::exists(target + QLatin1Char('/') + QLatin1String(CompleteFile))) {
        QDir(temp).removeRecursively();
        return target;
    }
    if (QFileInfo::exists(target))
        QDir(target).removeRecursively();
    if (!QDir().rename(temp, target)) {
        QDir(temp).removeRecursively();
        if (QFileInfo::exists(target + QLatin1Char('/') + QLatin1String(CompleteFile)))
            return target;
        if (error)
            *error = Tr::tr("Cannot move the demo workspace into %1").arg(target);
        return {};
    }
    return target;
}

} // namespace warroom::demo
