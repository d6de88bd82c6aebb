// The demo/benchmark warehouse generator: determinism, sizes, and that every file it writes
// has the shape the rest of War Room reads (JOBS rows, SQL, stairlight, DAGs, outage replay).

#include "core/common/Timestamps.h"
#include "core/demo/DemoGenerator.h"
#include "core/lineage/LineageLoader.h"
#include "core/workspace/Workspace.h"

#if __has_include("core/sql/SqlExtractor.h") && __has_include("core/sql/SqlTemplate.h")
#include "core/sql/SqlExtractor.h"
#include "core/sql/SqlTemplate.h"
#define WARROOM_HAVE_SQL_EXTRACTOR 1
#endif

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

using namespace warroom;
using namespace warroom::demo;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Relative path -> content of every file under `root`.
std::map<QString, QByteArray> snapshot(const QString &root)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext()) {
        const QString path = it.next();
        files[base.relativeFilePath(path)] = readAll(path);
    }
    return files;
}

QStringList filesUnder(const QString &dir, const QString &pattern)
{
    QStringList result;
    QDirIterator it(dir, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        result << it.next();
    result.sort();
    return result;
}

// Every row of a bq --format=json export (the generator puts one row per line).
std::vector<nlohmann::json> readJobs(const QString &path, QString *problem)
{
    std::vector<nlohmann::json> rows;
    const QByteArray data = readAll(path);
    const QList<QByteArray> lines = data.split('\n');
    int lineNo = 0;
    for (QByteArray line : lines) {
        ++lineNo;
        line = line.trimmed();
        if (line.startsWith('['))
            line = line.mid(1);
        if (line.endsWith(']'))
            line.chop(1);
        if (line.endsWith(','))
            line.chop(1);
        if (line.isEmpty())
            continue;
        try {
            rows.push_back(nlohmann::json::parse(line.constData(), line.constData() + line.size()));
        } catch (const std::exception &e) {
            *problem = QStringLiteral("line %1: %2").arg(lineNo).arg(QString::fromUtf8(e.what()));
            return rows;
        }
    }
    // and the whole file is one valid JSON array
    try {
        const auto whole = nlohmann::json::parse(data.constData(), data.constData() + data.size());
        if (!whole.is_array() || whole.size() != rows.size())
            *problem = QStringLiteral("the file is not one JSON array of the same rows");
    } catch (const std::exception &e) {
        *problem = QStringLiteral("whole file: %1").arg(QString::fromUtf8(e.what()));
    }
    return rows;
}

QString qualify(QString name, const QString &project)
{
    if (name.count(QLatin1Char('.')) == 1)
        name = project + QLatin1Char('.') + name;
    return name;
}

} // namespace

class tst_DemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void determinism();
    void sizes_data();
    void sizes();
    void jobsLog();
    void sqlFilesNameWhatTheyClaim();
    void dagsNameTheirTables();
    void lineageLoadsWithoutProblems();
    void stairlightConfiguration();
    void outageReplay();
    void refusesForeignFolder();
    void regeneratesPreviousOutput();
    void badOptions_data();
    void badOptions();
    void ensureDemoWorkspace();
    void cli();

private:
    QTemporaryDir m_tmp;
    QString m_demo; // the default demo, written once
    GenerationSummary m_demoSummary;
};

void tst_DemoGenerator::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_demo = m_tmp.filePath(QStringLiteral("demo"));
    QString error;
    QElapsedTimer timer;
    timer.start();
    QList<int> percents;
    QVERIFY2(generateWorkspace(
                 m_demo, GeneratorOptions{}, &error, [&](int p) { percents << p; }, &m_demoSummary),
             qPrintable(error));
    qInfo("default demo written in %lld ms (%lld bytes)", timer.elapsed(),
          static_cast<long long>(m_demoSummary.bytes));
    QVERIFY(!percents.isEmpty());
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));
    QCOMPARE(percents.last(), 100);
}

void tst_DemoGenerator::determinism()
{
    GeneratorOptions options;
    options.tables = 150;
    options.jobsRows = 4000;
    options.users = 30;
    const QString a = m_tmp.filePath(QStringLiteral("det-a"));
    const QString b = m_tmp.filePath(QStringLiteral("det-b"));
    const QString c = m_tmp.filePath(QStringLiteral("det-c"));
    QString error;
    QVERIFY2(generateWorkspace(a, options, &error), qPrintable(error));
    QVERIFY2(generateWorkspace(b, options, &error), qPrintable(error));
    const auto sa = snapshot(a), sb = snapshot(b);
    QVERIFY(sa.size() > 100);
    QCOMPARE(sa.size(), sb.size());
    for (const auto &[path, content] : sa) {
        QVERIFY2(sb.count(path), qPrintable(path));
        QVERIFY2(sb.at(path) == content, qPrintable(QStringLiteral("%1 differs").arg(path)));
    }

    options.seed += 1;
    QVERIFY2(generateWorkspace(c, options, &error), qPrintable(error));
    const auto sc = snapshot(c);
    QVERIFY(sc.at(QStringLiteral("logs/jobs.json")) != sa.at(QStringLiteral("logs/jobs.json")));
    int differentSql = 0;
    for (const auto &[path, content] : sc)
        if (path.startsWith(QLatin1String("sql/")) && (!sa.count(path) || sa.at(path) != content))
            ++differentSql;
    QVERIFY2(differentSql > 10, qPrintable(QString::number(differentSql)));
}

void tst_DemoGenerator::sizes_data()
{
    QTest::addColumn<int>("tables");
    QTest::addColumn<int>("dags");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<int>("users");
    QTest::newRow("smallest") << 12 << 0 << 50 << 2;
    QTest::newRow("small, fixed dags") << 60 << 9 << 1000 << 10;
    QTest::newRow("fewer dags than groups") << 200 << 5 << 500 << 20;
    QTest::newRow("demo shape") << 320 << 0 << 3000 << 80;
    QTest::newRow("many dags") << 2000 << 400 << 2000 << 80;
    QTest::newRow("20k tables") << 20000 << 0 << 1000 << 80;
}

void tst_DemoGenerator::sizes()
{
    QFETCH(int, tables);
    QFETCH(int, dags);
    QFETCH(int, jobs);
    QFETCH(int, users);
    GeneratorOptions options;
    options.tables = tables;
    options.dags = dags;
    options.jobsRows = jobs;
    options.users = users;
    const QString dir = m_tmp.filePath(QStringLiteral("size-%1-%2").arg(tables).arg(dags));
    QString error;
    GenerationSummary summary;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(generateWorkspace(dir, options, &error, {}, &summary), qPrintable(error));
    qInfo("%d tables, %d dags, %d jobs rows: %lld ms", tables, summary.dags, jobs, timer.elapsed());

    QCOMPARE(summary.tables, tables);
    if (dags > 0)
        QCOMPARE(summary.dags, dags);
    else
        QVERIFY(summary.dags >= std::min(40, tables / 7));
    QCOMPARE(summary.jobsRows, qint64(jobs));

    // Count from the files themselves: built tables have a SQL file, raw tables a load task.
    const QStringList dagFiles = filesUnder(dir + QStringLiteral("/dags"), QStringLiteral("*.py"));
    QCOMPARE(dagFiles.size(), summary.dags);
    int loads = 0;
    for (const QString &file : dagFiles)
        loads += QString::fromUtf8(readAll(file)).count(QStringLiteral("GCSToBigQueryOperator(\n"));
    const QStringList sql = filesUnder(dir + QStringLiteral("/sql"), QStringLiteral("*.sql"));
    const QStringList checks
        = filesUnder(dir + QStringLiteral("/sql/checks"), QStringLiteral("*.sql"));
    QCOMPARE(sql.size(), summary.sqlFiles);
    QCOMPARE(checks.size(), summary.checkFiles);
    QCOMPARE(sql.size() - checks.size() + loads, tables);

    QString problem;
    const auto rows = readJobs(dir + QStringLiteral("/logs/jobs.json"), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(int(rows.size()), jobs);
}

void tst_DemoGenerator::jobsLog()
{
    QVERIFY(m_demoSummary.tables >= 300);
    QVERIFY(m_demoSummary.dags >= 40);
    QCOMPARE(m_demoSummary.jobsRows, qint64(100000));

    QString problem;
    const auto rows = readJobs(m_demo + QStringLiteral("/logs/jobs.json"), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(int(rows.size()), 100000);

    const YAML::Node yaml
        = YAML::LoadFile((m_demo + QStringLiteral("/warroom.yaml")).toStdString());
    const auto since = parseTimestamp(yaml["incident"]["since"].as<std::string>());
    const auto until = parseTimestamp(yaml["incident"]["until"].as<std::string>());
    QVERIFY(since && until && *since < *until);

    static const char *const columns[] = {"creation_time",
                                          "project_id",
                                          "job_id",
                                          "user_email",
                                          "job_type",
                                          "statement_type",
                                          "priority",
                                          "start_time",
                                          "end_time",
                                          "state",
                                          "error_result",
                                          "total_bytes_processed",
                                          "total_slot_ms",
                                          "cache_hit",
                                          "referenced_tables",
                                          "destination_table",
                                          "parent_job_id",
                                          "query"};
    const QRegularExpression bqTime(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"));
    std::set<std::string> users, jobIds, parents, statements;
    std::map<std::string, int> tableRefs;
    int failed = 0, infoSchema = 0, anonymous = 0, children = 0, airflowInOutage = 0, loads = 0;
    EpochMicros first = 0, last = 0, previous = 0;
    for (const auto &row : rows) {
        QVERIFY(row.is_object());
        for (const char *column : columns)
            QVERIFY2(row.contains(column), column);
        const std::string created = row["creation_time"];
        QVERIFY2(bqTime.match(QString::fromStdString(created)).hasMatch(), created.c_str());
        const auto t = parseTimestamp(created);
        QVERIFY(t);
        QVERIFY(*t >= previous); // ordered by creation_time
        previous = *t;
        if (!first)
            first = *t;
        last = *t;
        QVERIFY(parseTimestamp(row["start_time"].get<std::string>()) >= t);
        QVERIFY(parseTimestamp(row["end_time"].get<std::string>())
                >= parseTimestamp(row["start_time"].get<std::string>()));
        // bq prints INT64 and BOOL as strings
        QVERIFY(row["total_slot_ms"].is_string());
        QVERIFY(row["cache_hit"] == "true" || row["cache_hit"] == "false");
        QVERIFY(row["state"] == "DONE");
        const std::string user = row["user_email"];
        users.insert(user);
        QVERIFY(jobIds.insert(row["job_id"].get<std::string>()).second);
        if (!row["error_result"].is_null()) {
            ++failed;
            QVERIFY(row["error_result"]["reason"].is_string());
            QVERIFY(row["error_result"]["message"].is_string());
        }
        if (!row["statement_type"].is_null())
            statements.insert(row["statement_type"].get<std::string>());
        if (row["job_type"] == "LOAD")
            ++loads;
        else
            QVERIFY(row["total_bytes_processed"].is_string());
        if (row["query"].is_string()
            && row["query"].get<std::string>().find("INFORMATION_SCHEMA") != std::string::npos)
            ++infoSchema;
        for (const auto &ref : row["referenced_tables"]) {
            QVERIFY(ref["project_id"].is_string() && ref["dataset_id"].is_string()
                    && ref["table_id"].is_string());
            ++tableRefs[ref["dataset_id"].get<std::string>() + "."
                        + ref["table_id"].get<std::string>()];
        }
        if (row["destination_table"].is_object()) {
            const std::string ds = row["destination_table"]["dataset_id"];
            if (!ds.empty() && ds[0] == '_')
                ++anonymous;
        }
        if (!row["parent_job_id"].is_null()) {
            ++children;
            parents.insert(row["parent_job_id"].get<std::string>());
        }
        if (user.rfind("airflow@", 0) == 0 && *t >= *since && *t < *until)
            ++airflowInOutage;
    }
    QVERIFY2(users.size() >= 75 && users.size() <= 80, qPrintable(QString::number(users.size())));
    QVERIFY(users.count("airflow@bigfoot-prod.iam.gserviceaccount.com"));
    QVERIFY(users.count("looker-sa@bigfoot-prod.iam.gserviceaccount.com"));
    int domains = 0;
    for (const char *domain : {"@bigfoot.example", "@partner-agency.example"})
        domains += std::any_of(users.begin(), users.end(), [&](const std::string &u) {
            return u.find(domain) != std::string::npos;
        });
    QCOMPARE(domains, 2);
    QVERIFY(failed > 100);
    QVERIFY(infoSchema > 10);
    QVERIFY(anonymous > 10000);
    QVERIFY(loads > 100);
    QVERIFY(children > 100);
    for (const char *s :
         {"SELECT", "CREATE_TABLE_AS_SELECT", "INSERT", "MERGE", "DELETE", "SCRIPT", "ASSERT"})
        QVERIFY2(statements.count(s), s);
    for (const std::string &parent : parents)
        QVERIFY2(jobIds.count(parent), parent.c_str()); // every child's parent is in the log
    QCOMPARE(airflowInOutage, 0);
    // 30 days that end just after the outage
    QVERIFY(last >= *until && last - *until < EpochMicros(6) * 3600 * 1000000);
    QVERIFY(last - first > EpochMicros(29) * 86400 * 1000000);
    QVERIFY(last - first <= EpochMicros(30) * 86400 * 1000000);
    // long tail: the top 10% of tables take most of the reads, many tables are read rarely
    std::vector<int> counts;
    long total = 0;
    for (const auto &[table, n] : tableRefs) {
        counts.push_back(n);
        total += n;
    }
    std::sort(counts.rbegin(), counts.rend());
    long top = 0;
    for (std::size_t i = 0; i < counts.size() / 10; ++i)
        top += counts[i];
    QVERIFY2(top * 2 > total, qPrintable(QStringLiteral("%1 of %2").arg(top).arg(total)));
    QVERIFY(counts.back() * 50 < counts.front());
}

void tst_DemoGenerator::sqlFilesNameWhatTheyClaim()
{
    const GeneratorOptions options;
    const QString project = options.project;
    const auto files = describeSqlFiles(options);
    QVERIFY(files.size() > 250);
    const QStringList written
        = filesUnder(m_demo + QStringLiteral("/sql"), QStringLiteral("*.sql"));
    QCOMPARE(int(files.size()), written.size());

    // Our own scan: every `project.dataset.table` / dataset.table the text names, outside
    // strings after "AS '" (ASSERT messages). Independent of core/sql.
    const QRegularExpression ref(QStringLiteral(
        "(?:`?(?:\\{\\{ params\\.project \\}\\}|[a-z0-9-]+)\\.)?\\b(raw|staging|mart|analytics|"
        "ml_features|report)\\.([a-z0-9_]*[a-z0-9](?:_\\*)?)`?"));
    int forms[6] = {};
    int extractorChecked = 0;
    for (const SqlFileInfo &info : files) {
        const QString text = QString::fromUtf8(readAll(m_demo + QLatin1Char('/') + info.path));
        QVERIFY2(!text.isEmpty(), qPrintable(info.path));
        std::set<QString> named;
        QString scanned = text;
        scanned.remove(QRegularExpression(QStringLiteral("AS '[^']*'")));
        auto it = ref.globalMatch(scanned);
        while (it.hasNext()) {
            const auto m = it.next();
            named.insert(project + QLatin1Char('.') + m.captured(1) + QLatin1Char('.')
                         + m.captured(2));
        }
        std::set<QString> claimed(info.sources.begin(), info.sources.end());
        if (!info.target.isEmpty())
            claimed.insert(info.target);
        // a bare SELECT names only its sources; the file path names its target
        const bool bare = !text.contains(QLatin1String("CREATE OR REPLACE TABLE"))
                          && !text.contains(QLatin1String("INSERT INTO"))
                          && !text.contains(QLatin1String("MERGE ")) && !info.target.isEmpty();
        if (bare) {
            named.insert(info.target);
            const QString expected = QStringLiteral("sql/%1.sql")
                                         .arg(info.target.section(QLatin1Char('.'), 1)
                                                  .replace(QLatin1Char('.'), QLatin1Char('/')));
            QCOMPARE(info.path, expected);
            ++forms[0];
        }
        QVERIFY2(named == claimed, qPrintable(info.path));
        if (text.contains(QLatin1String("{{ params.project }}")))
            ++forms[1];
        if (text.contains(QLatin1String("MERGE ")))
            ++forms[2];
        if (text.contains(QLatin1String("_*`")))
            ++forms[3];
        if (text.contains(QLatin1String("ASSERT")))
            ++forms[4];
        if (text.contains(QLatin1String("DELETE FROM")))
            ++forms[5];

#ifdef WARROOM_HAVE_SQL_EXTRACTOR
        // The real extractor (core/sql) agrees with what the generator claims.
        std::vector<std::string> unresolved;
        const std::string rendered = sql::renderTemplate(
            text.toStdString(), {{"params.project", project.toStdString()}, {"ds", "2026-11-19"}},
            &unresolved);
        const sql::ExtractResult result = sql::extractTables(rendered);
        if (!result.ok())
            QFAIL(qPrintable(info.path + QLatin1String(": ")
                             + QString::fromStdString(result.errors.front().message)));
        std::set<QString> sources, targets;
        for (const auto &s : result.sources)
            sources.insert(qualify(QString::fromStdString(s.name), project));
        for (const auto &t : result.targets)
            targets.insert(qualify(QString::fromStdString(t.name), project));
        sources.erase(info.target); // MERGE and DELETE read their target too
        const std::set<QString> claimedSources(info.sources.begin(), info.sources.end());
        QVERIFY2(sources == claimedSources, qPrintable(info.path));
        if (targets.empty())
            QVERIFY2(info.target.isEmpty() || bare, qPrintable(info.path)); // check / bare SELECT
        else
            QVERIFY2(targets == std::set<QString>{info.target}, qPrintable(info.path));
        ++extractorChecked;
#endif
    }
    qInfo("bare %d, jinja %d, merge %d, wildcard %d, assert %d, delete %d; extractor checked %d",
          forms[0], forms[1], forms[2], forms[3], forms[4], forms[5], extractorChecked);
    for (int n : forms)
        QVERIFY(n > 0);
}

// The demo is the first thing a user opens: its status bar must not start with problems.
void tst_DemoGenerator::lineageLoadsWithoutProblems()
{
    Diagnostics diagnostics;
    const std::optional<WorkspaceConfig> config = WorkspaceReader::read(m_demo, &diagnostics);
    QVERIFY(config);
    lineage::LoadStats stats;
    const lineage::LineageGraph graph
        = lineage::LineageLoader::loadWorkspace(*config, &diagnostics, &stats);
    QStringList problems;
    for (const Diagnostic &d : std::as_const(diagnostics))
        problems.append(d.toString());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(QLatin1Char('\n'))));
    QVERIFY(stats.dags >= 40);
    QVERIFY(graph.nodeCount() > 500);
}

void tst_DemoGenerator::dagsNameTheirTables()
{
    // Every SQL file is run by exactly one DAG task, and bare SELECTs get a destination.
    const auto files = describeSqlFiles(GeneratorOptions{});
    QString allDags;
    const QStringList dagFiles
        = filesUnder(m_demo + QStringLiteral("/dags"), QStringLiteral("*.py"));
    int hourly = 0, daily = 0;
    const QRegularExpression dagId(QStringLiteral("dag_id=\"([a-z0-9_]+)\""));
    for (const QString &file : dagFiles) {
        const QString text = QString::fromUtf8(readAll(file));
        const auto m = dagId.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(file));
        QCOMPARE(m.captured(1) + QStringLiteral(".py"), QFileInfo(file).fileName());
        QVERIFY(text.contains(QLatin1String("with DAG(")));
        QVERIFY(text.contains(
            QLatin1String("start_date=pendulum.datetime(2026, 1, 1, tz=\"Asia/Tokyo\")")));
        if (text.contains(QLatin1String(" * * * *\""))
            || text.contains(QLatin1String("\"@hourly\"")))
            ++hourly;
        else
            ++daily;
        allDags += text;
    }
    QVERIFY(hourly >= 10);
    QVERIFY(daily >= 10);
    QVERIFY(allDags.contains(QLatin1String("BigQueryExecuteQueryOperator(")));
    QVERIFY(allDags.contains(QLatin1String("BigQueryCheckOperator(")));
    QVERIFY(allDags.contains(QLatin1String("destination_dataset_table=")));
    QVERIFY(allDags.contains(QLatin1String("\"destinationTable\"")));
    QVERIFY(allDags.contains(QLatin1String("] >> ")));
    for (const SqlFileInfo &info : files) {
        const QString include = QStringLiteral("{% include '%1' %}").arg(info.path);
        const QString sqlArg = QStringLiteral("sql=\"%1\"").arg(info.path);
        const int uses = allDags.count(include) + allDags.count(sqlArg);
        QVERIFY2(uses == 1, qPrintable(info.path));
    }
}

void tst_DemoGenerator::stairlightConfiguration()
{
    const YAML::Node config
        = YAML::LoadFile((m_demo + QStringLiteral("/stairlight/stairlight.yaml")).toStdString());
    QCOMPARE(config["Include"][0]["TemplateSourceType"].as<std::string>(), std::string("File"));
    const std::string path = config["Include"][0]["FileSystemPath"].as<std::string>();
    QVERIFY(QFileInfo(m_demo + QLatin1Char('/') + QString::fromStdString(path)).isDir());
    QVERIFY(config["Include"][0]["Regex"].IsScalar());
    QCOMPARE(config["Settings"]["MappingPrefix"].as<std::string>(), std::string("mapping"));
    QCOMPARE(config["Exclude"][0]["TemplateSourceType"].as<std::string>(), std::string("File"));

    const YAML::Node mapping
        = YAML::LoadFile((m_demo + QStringLiteral("/stairlight/mapping.yaml")).toStdString());
    QCOMPARE(mapping["Global"]["Parameters"]["params"]["project"].as<std::string>(),
             std::string("bigfoot-prod"));
    std::map<QString, QString> mapped;
    for (const auto &entry : mapping["Mapping"]) {
        QCOMPARE(entry["TemplateSourceType"].as<std::string>(), std::string("File"));
        const QString suffix = QString::fromStdString(entry["FileSuffix"].as<std::string>());
        QVERIFY2(QFileInfo::exists(m_demo + QLatin1Char('/') + suffix), qPrintable(suffix));
        QCOMPARE(entry["Tables"].size(), std::size_t(1));
        QVERIFY(mapped
                    .emplace(suffix, QString::fromStdString(
                                         entry["Tables"][0]["TableName"].as<std::string>()))
                    .second);
    }
    int builders = 0;
    for (const SqlFileInfo &info : describeSqlFiles(GeneratorOptions{})) {
        if (info.target.isEmpty())
            continue; // checks are excluded from stairlight
        ++builders;
        QVERIFY2(mapped.count(info.path), qPrintable(info.path));
        QCOMPARE(mapped.at(info.path), info.target);
    }
    QCOMPARE(int(mapped.size()), builders);
    QVERIFY(mapping["ExtraLabels"].size() > 10);
}

void tst_DemoGenerator::outageReplay()
{
    const YAML::Node yaml
        = YAML::LoadFile((m_demo + QStringLiteral("/warroom.yaml")).toStdString());
    QCOMPARE(yaml["name"].as<std::string>(), std::string("bigfoot"));
    QCOMPARE(yaml["timezone"].as<std::string>(), std::string("Asia/Tokyo"));
    QCOMPARE(yaml["lineage"]["jobs"].as<std::string>(), std::string("logs/jobs.json"));
    QCOMPARE(yaml["usage"]["window_days"].as<int>(), 30);
    QVERIFY(!yaml["github"]);
    QVERIFY(!yaml["airflow"]);
    for (const char *key : {"stairlight", "jobs"})
        QVERIFY(
            QFileInfo::exists(m_demo + QLatin1Char('/')
                              + QString::fromStdString(yaml["lineage"][key].as<std::string>())));
    const QString replayFile = QString::fromStdString(yaml["replay"]["file"].as<std::string>());
    QCOMPARE(yaml["replay"]["speed"].as<double>(), 60.0);
    const auto since = parseTimestamp(yaml["incident"]["since"].as<std::string>());
    const auto until = parseTimestamp(yaml["incident"]["until"].as<std::string>());
    QVERIFY(since && until);
    // 02:00-05:00 Asia/Tokyo
    QCOMPARE(toDateTime(*since).toTimeZone(QTimeZone("Asia/Tokyo")).time(), QTime(2, 0));
    QCOMPARE(toDateTime(*until).toTimeZone(QTimeZone("Asia/Tokyo")).time(), QTime(5, 0));
    std::set<std::string> broken;
    for (const auto &b : yaml["incident"]["broken"]) {
        const std::string dag = b.as<std::string>();
        QVERIFY(dag.rfind("dag:", 0) == 0);
        QVERIFY2(QFileInfo::exists(m_demo + QStringLiteral("/dags/")
                                   + QString::fromStdString(dag.substr(4)) + QStringLiteral(".py")),
                 dag.c_str());
        broken.insert(dag.substr(4));
    }
    QVERIFY(broken.size() >= 6);

    const QList<QByteArray> lines = readAll(m_demo + QLatin1Char('/') + replayFile).split('\n');
    int previous = -1, airflowFailures = 0, resolved = 0, githubIssues = 0;
    std::map<std::string, int> titles;
    std::set<std::string> kinds;
    const std::set<std::string> allowedKinds{"airflow", "github", "monitoring", "alertmanager"};
    const std::set<std::string> severities{"critical", "error", "warning", "info"};
    const std::set<std::string> states{"open", "resolved", "closed"};
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const auto e = nlohmann::json::parse(line.constData(), line.constData() + line.size());
        for (const char *key :
             {"offset_seconds", "source", "kind", "id", "title", "severity", "state", "created_at",
              "url", "dag_id", "task_id", "table", "labels", "body"})
            QVERIFY2(e.contains(key), key);
        const int offset = e["offset_seconds"];
        QVERIFY(offset >= previous);
        if (previous < 0)
            QCOMPARE(offset, 0);
        previous = offset;
        QVERIFY(EpochMicros(offset) * 1000000 <= *until - *since);
        QCOMPARE(*parseTimestamp(e["created_at"].get<std::string>()),
                 *since + EpochMicros(offset) * 1000000);
        QCOMPARE(e["source"].get<std::string>(), std::string("replay"));
        QVERIFY(allowedKinds.count(e["kind"]));
        QVERIFY(severities.count(e["severity"]));
        QVERIFY(states.count(e["state"]));
        QVERIFY(e["labels"].is_array());
        kinds.insert(e["kind"].get<std::string>());
        ++titles[e["title"].get<std::string>()];
        if (e["kind"] == "airflow" && e["severity"] == "error") {
            ++airflowFailures;
            QVERIFY(broken.count(e["dag_id"].get<std::string>()));
        }
        if (e["kind"] == "github") {
            ++githubIssues;
            QVERIFY(e["url"].get<std::string>().find("/issues/") != std::string::npos);
        }
        if (!e["dag_id"].get<std::string>().empty())
            QVERIFY(QFileInfo::exists(m_demo + QStringLiteral("/dags/")
                                      + QString::fromStdString(e["dag_id"].get<std::string>())
                                      + QStringLiteral(".py")));
        if (e["state"] == "resolved")
            ++resolved;
    }
    QCOMPARE(kinds, allowedKinds);
    QCOMPARE(airflowFailures, 12);
    QVERIFY(githubIssues >= 12);
    QVERIFY(resolved >= 3);
    QVERIFY(std::any_of(titles.begin(), titles.end(), [](const auto &t) { return t.second >= 3; }));
    QCOMPARE(int(std::count_if(lines.begin(), lines.end(),
                               [](const QByteArray &l) { return !l.trimmed().isEmpty(); })),
             m_demoSummary.alerts);

    // OpenLineage events
    for (const QByteArray &line :
         readAll(m_demo + QStringLiteral("/lineage/events.ndjson")).split('\n')) {
        if (line.isEmpty())
            continue;
        const auto e = nlohmann::json::parse(line.constData(), line.constData() + line.size());
        QVERIFY(e["eventType"] == "START" || e["eventType"] == "COMPLETE");
        QVERIFY(e["run"]["runId"].is_string());
        QVERIFY(e["inputs"].is_array() && e["outputs"].is_array());
    }
}

void tst_DemoGenerator::refusesForeignFolder()
{
    const QString dir = m_tmp.filePath(QStringLiteral("foreign"));
    QVERIFY(QDir().mkpath(dir));
    QFile keep(dir + QStringLiteral("/notes.txt"));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.write("mine\n");
    keep.close();
    QString error;
    GeneratorOptions options;
    options.tables = 20;
    options.jobsRows = 10;
    QVERIFY(!generateWorkspace(dir, options, &error));
    QVERIFY2(error.contains(QLatin1String("not empty")), qPrintable(error));
    QVERIFY2(error.contains(dir), qPrintable(error));
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("notes.txt")});

    // a file where the folder should be
    QVERIFY(!generateWorkspace(dir + QStringLiteral("/notes.txt"), options, &error));
    QVERIFY(!error.isEmpty());
}

void tst_DemoGenerator::regeneratesPreviousOutput()
{
    const QString dir = m_tmp.filePath(QStringLiteral("again"));
    GeneratorOptions options;
    options.tables = 200;
    options.jobsRows = 100;
    QString error;
    QVERIFY2(generateWorkspace(dir, options, &error), qPrintable(error));
    QDir().mkpath(dir + QStringLiteral("/.warroom"));
    QFile state(dir + QStringLiteral("/.warroom/state.sqlite"));
    QVERIFY(state.open(QIODevice::WriteOnly));
    state.close();
    options.tables = 40;
    GenerationSummary summary;
    QVERIFY2(generateWorkspace(dir, options, &error, {}, &summary), qPrintable(error));
    // no stale files from the bigger warehouse; the user's state is kept
    QCOMPARE(filesUnder(dir + QStringLiteral("/sql"), QStringLiteral("*.sql")).size(),
             summary.sqlFiles);
    QCOMPARE(filesUnder(dir + QStringLiteral("/dags"), QStringLiteral("*.py")).size(),
             summary.dags);
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/.warroom/state.sqlite")));
}

void tst_DemoGenerator::badOptions_data()
{
    QTest::addColumn<int>("tables");
    QTest::addColumn<int>("dags");
    QTest::addColumn<int>("users");
    QTest::addColumn<QString>("project");
    QTest::newRow("too few tables") << 3 << 0 << 80 << QStringLiteral("p");
    QTest::newRow("more dags than tables") << 50 << 51 << 80 << QStringLiteral("p");
    QTest::newRow("one user") << 50 << 0 << 1 << QStringLiteral("p");
    QTest::newRow("dotted project") << 50 << 0 << 80 << QStringLiteral("a.b");
}

void tst_DemoGenerator::badOptions()
{
    QFETCH(int, tables);
    QFETCH(int, dags);
    QFETCH(int, users);
    QFETCH(QString, project);
    GeneratorOptions options;
    options.tables = tables;
    options.dags = dags;
    options.users = users;
    options.project = project;
    options.jobsRows = 10;
    const QString dir = m_tmp.filePath(QStringLiteral("bad"));
    QString error;
    QVERIFY(!generateWorkspace(dir, options, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(dir));
    QVERIFY(describeSqlFiles(options).empty());
}

void tst_DemoGenerator::ensureDemoWorkspace()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir(cache).removeRecursively();
    QString error;
    QElapsedTimer timer;
    timer.start();
    const QString path = demo::ensureDemoWorkspace(&error);
    const qint64 firstMs = timer.elapsed();
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QVERIFY(path.startsWith(cache));
    QVERIFY(path.endsWith(QStringLiteral("/demo-%1").arg(GeneratorVersion)));
    QVERIFY(QFileInfo::exists(path + QStringLiteral("/.complete")));
    QVERIFY(QFileInfo::exists(path + QStringLiteral("/warroom.yaml")));
    // the same bytes as a demo written anywhere else
    QCOMPARE(readAll(path + QStringLiteral("/logs/jobs.json")),
             readAll(m_demo + QStringLiteral("/logs/jobs.json")));
    // no temporary folders left behind
    QCOMPARE(QDir(cache).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    timer.restart();
    QCOMPARE(demo::ensureDemoWorkspace(&error), path);
    qInfo("ensureDemoWorkspace: first call %lld ms, second %lld ms", firstMs, timer.elapsed());
    QVERIFY(timer.elapsed() < 100);

    // an interrupted earlier attempt (no .complete) is replaced
    QFile::remove(path + QStringLiteral("/.complete"));
    QFile::remove(path + QStringLiteral("/warroom.yaml"));
    QCOMPARE(demo::ensureDemoWorkspace(&error), path);
    QVERIFY(QFileInfo::exists(path + QStringLiteral("/warroom.yaml")));
    QDir(cache).removeRecursively();
}

void tst_DemoGenerator::cli()
{
    const QString cli = qEnvironmentVariable("WARROOM_BIN_DIR") + QStringLiteral("/warroom-cli");
    if (!QFileInfo(cli).isExecutable())
        QSKIP("warroom-cli is not built");
    const QString dir = m_tmp.filePath(QStringLiteral("cli"));
    QProcess p;
    p.start(cli, {QStringLiteral("generate"), QStringLiteral("--out"), dir,
                  QStringLiteral("--tables"), QStringLiteral("40"), QStringLiteral("--jobs"),
                  QStringLiteral("500"), QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const auto json = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
    QCOMPARE(json["tables"].get<int>(), 40);
    QCOMPARE(json["jobs_rows"].get<int>(), 500);
    QVERIFY(json["sql_files"].get<int>() > 0);
    QVERIFY(json["bytes"].get<qint64>() > 0);

    // a foreign, non-empty folder: refused with one line on stderr
    const QString foreign = m_tmp.filePath(QStringLiteral("cli-foreign"));
    QDir().mkpath(foreign);
    QFile f(foreign + QStringLiteral("/x"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    p.start(cli, {QStringLiteral("demo"), QStringLiteral("--out"), foreign});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.exitCode() != 0);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.startsWith("warroom-cli demo: refusing"), err.constData());
    QCOMPARE(err.count('\n'), 1);

    p.start(cli, {QStringLiteral("generate"), QStringLiteral("--out"), dir,
                  QStringLiteral("--tables"), QStringLiteral("lots")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
}

QTEST_GUILESS_MAIN(tst_DemoGenerator)
#include "tst_demogenerator.moc"
