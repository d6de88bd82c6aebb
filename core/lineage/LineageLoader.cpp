#include "core/lineage/LineageLoader.h"

#include "core/lineage/DagScanner.h"
#include "core/lineage/LineageLogs.h"
#include "core/lineage/SqlFacade.h"
#include "core/lineage/StairlightConfig.h"
#include "core/workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace warroom::lineage {

namespace fs = std::filesystem;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::lineage::LineageLoader)
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool readWholeFile(const std::string &path, std::string &out)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        out.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        out.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return n >= 0;
}

struct Problem
{
    int line = 0;
    std::string message;
    bool error = false;
};

struct SqlJob
{
    std::string path; // absolute
    std::string key;  // stairlight key, or the path relative to its SQL folder
    const StairlightInclude *include = nullptr;
    const MappingEntry *mapping = nullptr;
    std::string conventionTarget; // <dataset>.<table> from the folder layout
    bool fromStairlight = false;
    bool fromSql = false;
    bool fromDag = false;
};

struct Ref
{
    std::string name;
    std::vector<int> lines;
};

struct Flow
{
    std::string nodeName; // SqlFile node: the path, or path#Table for multi-table mappings
    std::vector<Ref> sources;
    std::vector<std::string> targets;
    const MappingTable *mappingTable = nullptr;
};

struct SqlOutcome
{
    std::vector<Flow> flows;
    std::vector<Problem> problems;
    std::size_t bytes = 0;
    bool failed = false;
};

std::string applyPrefix(const std::string &name, const std::string &prefix)
{
    if (prefix.empty() || std::count(name.begin(), name.end(), '.') > 1)
        return name;
    return prefix + '.' + name;
}

bool usableTableName(const std::string &name)
{
    if (name.empty() || name.find('.') == std::string::npos)
        return false; // a bare name: a temporary table, a CTE or an unresolved alias
    return name.find_first_of("{}%") == std::string::npos;
}

void collectRefs(const std::vector<detail::SqlRef> &refs, const std::string &prefix,
                 std::vector<Ref> &out)
{
    for (const detail::SqlRef &r : refs) {
        std::string name = applyPrefix(r.name, prefix);
        if (!usableTableName(name))
            continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const Ref &x) { return x.name == name; });
        if (it == out.end()) {
            out.push_back({std::move(name), {}});
            it = out.end() - 1;
        }
        if (r.line > 0 && std::find(it->lines.begin(), it->lines.end(), r.line) == it->lines.end())
            it->lines.push_back(r.line);
    }
}

std::unordered_map<std::string, std::string> valuesOf(const KeyValues &global, const KeyValues &local)
{
    std::unordered_map<std::string, std::string> values;
    for (const auto &[k, v] : global)
        values[k] = v;
    for (const auto &[k, v] : local)
        values[k] = v;
    return values;
}

void addErrors(const detail::SqlTables &tables, SqlOutcome &outcome)
{
    for (const detail::SqlRef &e : tables.errors)
        outcome.problems.push_back({e.line, e.name, true});
}

SqlOutcome processJob(const SqlJob &job, const StairlightConfig *config)
{
    SqlOutcome outcome;
    std::string text;
    if (!readWholeFile(job.path, text)) {
        outcome.failed = true;
        outcome.problems.push_back({0, "cannot read the file", true});
        return outcome;
    }
    outcome.bytes = text.size();
    if (text.find('\0') != std::string::npos) {
        outcome.failed = true;
        outcome.problems.push_back({0, "binary file, not SQL", true});
        return outcome;
    }
    const std::string prefix = job.include ? job.include->defaultTablePrefix : std::string();
    const KeyValues noValues;
    const KeyValues &global = config ? config->globalParameters : noValues;
    if (job.mapping && !job.mapping->tables.empty()) {
        const bool several = job.mapping->tables.size() > 1;
        for (const MappingTable &table : job.mapping->tables) {
            std::string source = text;
            for (const std::string &ignore : table.ignoreParameters) {
                const std::string pattern = "{{ " + ignore + " }}";
                for (std::size_t at = source.find(pattern); at != std::string::npos;
                     at = source.find(pattern, at + 7))
                    source.replace(at, pattern.size(), "ignored");
            }
            std::vector<std::string> unresolved;
            const std::string rendered = source.find("{{") == std::string::npos
                                             ? source
                                             : detail::renderTemplate(source, valuesOf(global, table.parameters),
                                                                      &unresolved);
            const detail::SqlTables tables = detail::extractTables(rendered);
            addErrors(tables, outcome);
            Flow flow;
            flow.nodeName = several ? job.path + '#' + table.tableName : job.path;
            flow.mappingTable = &table;
            collectRefs(tables.sources, prefix, flow.sources);
            flow.targets.push_back(table.tableName);
            for (const detail::SqlRef &t : tables.targets) {
                std::string name = applyPrefix(t.name, prefix);
                if (usableTableName(name)
                    && std::find(flow.targets.begin(), flow.targets.end(), name) == flow.targets.end())
                    flow.targets.push_back(std::move(name));
            }
            for (const std::string &u : unresolved)
                outcome.problems.push_back({0, "template parameter '" + u + "' has no value for table "
                                                   + table.tableName, false});
            outcome.flows.push_back(std::move(flow));
        }
    } else {
        std::vector<std::string> unresolved;
        const std::string rendered = text.find("{{") == std::string::npos
                                         ? text
                                         : detail::renderTemplate(text, valuesOf(global, {}), &unresolved);
        const detail::SqlTables tables = detail::extractTables(rendered);
        addErrors(tables, outcome);
        Flow flow;
        flow.nodeName = job.path;
        collectRefs(tables.sources, prefix, flow.sources);
        for (const detail::SqlRef &t : tables.targets) {
            std::string name = applyPrefix(t.name, prefix);
            if (usableTableName(name)
                && std::find(flow.targets.begin(), flow.targets.end(), name) == flow.targets.end())
                flow.targets.push_back(std::move(name));
        }
        if (flow.targets.empty() && !job.conventionTarget.empty())
            flow.targets.push_back(applyPrefix(job.conventionTarget, prefix));
        if (flow.targets.empty() && !job.fromDag) {
            outcome.problems.push_back(
                {0,
                 job.fromStairlight
                     ? "not in any stairlight mapping and writes no table: its reads have no target"
                     : "writes no table and is not laid out as <dataset>/<table>.sql: its reads have no target",
                 false});
        }
        outcome.flows.push_back(std::move(flow));
    }
    // A statement reading what it writes (incremental INSERT ... SELECT FROM itself) is not a
    // lineage cycle.
    for (Flow &flow : outcome.flows) {
        flow.sources.erase(std::remove_if(flow.sources.begin(), flow.sources.end(),
                                          [&](const Ref &r) {
                                              return std::find(flow.targets.begin(), flow.targets.end(),
                                                               r.name)
                                                     != flow.targets.end();
                                          }),
                           flow.sources.end());
    }
    return outcome;
}

// Mapping lookup that keeps stairlight's "first entry whose FileSuffix ends the key" rule but
// does not scan every entry for every file.
class MappingIndex
{
public:
    explicit MappingIndex(const StairlightConfig &config) : m_config(config)
    {
        for (std::size_t i = 0; i < config.mappings.size(); ++i) {
            const MappingEntry &m = config.mappings[i];
            if ((m.sourceType != "File" && m.sourceType != "dbt") || m.fileSuffix.empty())
                continue;
            const auto slash = m.fileSuffix.rfind('/');
            if (slash == std::string::npos)
                m_loose.push_back(i);
            else
                m_byBase[m.fileSuffix.substr(slash + 1)].push_back(i);
        }
    }
    const MappingEntry *find(const std::string &key) const
    {
        const auto slash = key.rfind('/');
        const std::string base = slash == std::string::npos ? key : key.substr(slash + 1);
        std::size_t best = SIZE_MAX;
        auto check = [&](std::size_t i) {
            const std::string &suffix = m_config.mappings[i].fileSuffix;
            if (i < best && suffix.size() <= key.size()
                && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0)
                best = i;
        };
        if (auto it = m_byBase.find(base); it != m_byBase.end()) {
            for (std::size_t i : it->second)
                check(i);
        }
        for (std::size_t i : m_loose)
            check(i);
        return best == SIZE_MAX ? nullptr : &m_config.mappings[best];
    }

private:
    const StairlightConfig &m_config;
    std::unordered_map<std::string, std::vector<std::size_t>> m_byBase;
    std::vector<std::size_t> m_loose;
};

template<typename Visit>
void walkFiles(const fs::path &root, const char *extension, Visit visit, Diagnostics *diagnostics)
{
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
        visit(root);
        return;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(QString::fromStdString(root.string()), 0, 0,
                                                  QString::fromStdString(ec.message())));
        return;
    }
    std::vector<fs::path> files;
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
            break;
        const fs::directory_entry &entry = *it;
        if (entry.is_directory(ec) && entry.path().filename().string().front() == '.') {
            it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file(ec))
            continue;
        if (extension && entry.path().extension() != extension)
            continue;
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path &p : files)
        visit(p);
}

struct TaskRecord
{
    std::string nodeName;     // dag_id.task_id
    DagScan::Task task;
    std::string dagFile;
    std::vector<std::string> sqlPaths; // resolved absolute
    std::vector<Ref> inlineSources;
    std::vector<std::string> inlineTargets;
};

} // namespace

LineageSources LineageLoader::sourcesOf(const WorkspaceConfig &workspace)
{
    LineageSources s;
    s.rootDir = workspace.rootDir;
    s.stairlightDir = workspace.lineage.stairlight;
    s.sqlPaths = workspace.lineage.sql;
    s.dagPaths = workspace.lineage.dags;
    s.jobsFile = workspace.lineage.jobs;
    s.openLineageFiles = workspace.lineage.openlineage;
    s.defaultProject = workspace.usage.bigqueryProject.toStdString();
    return s;
}

static bool loadInto(const LineageSources &sources, LineageGraph &graph, Diagnostics *diagnostics,
                     LoadStats *statsOut)
{
    LoadStats stats;
    // CPU time of the whole process (all threads) per stage: meaningful on a busy machine too.
    auto cpuNow = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    };
    double clock = cpuNow();
    auto lap = [&clock, &cpuNow](double &into) {
        const double now = cpuNow();
        into += now - clock;
        clock = now;
    };
    Diagnostics local;
    Diagnostics *diags = diagnostics ? diagnostics : &local;

    // 1. stairlight configuration
    std::optional<StairlightConfig> config;
    if (!sources.stairlightDir.isEmpty()) {
        StairlightReadOptions options;
        if (!sources.rootDir.isEmpty()) {
            options.searchBases << sources.rootDir;
            QDir parent(sources.stairlightDir);
            if (parent.cdUp())
                options.searchBases << parent.absolutePath();
            options.searchBases << QFileInfo(sources.stairlightDir).absoluteFilePath();
        }
        config = StairlightConfigReader::read(sources.stairlightDir, diags, options);
        if (!config)
            return false;
    }

    lap(stats.msConfig);
    std::vector<SqlJob> jobs;
    std::unordered_map<std::string, std::size_t> jobByPath;
    auto jobFor = [&](const std::string &path) -> SqlJob & {
        auto [it, inserted] = jobByPath.emplace(path, jobs.size());
        if (inserted) {
            jobs.emplace_back();
            jobs.back().path = path;
        }
        return jobs[it->second];
    };

    if (config) {
        const MappingIndex index(*config);
        for (const StairlightInclude &inc : config->includes) {
            if (inc.sourceType != "File" || inc.resolvedRoot.isEmpty())
                continue;
            QRegularExpression re(QRegularExpression::anchoredPattern(
                qs(inc.regex.empty() ? std::string(".*\\.sql") : inc.regex)));
            const fs::path root = inc.resolvedRoot.toStdString();
            walkFiles(root, nullptr, [&](const fs::path &p) {
                const std::string rel = p.lexically_relative(root).generic_string();
                const std::string key = inc.keyPrefix == "." ? rel
                                        : inc.keyPrefix == "/" ? "/" + rel
                                                               : inc.keyPrefix + '/' + rel;
                if (!re.match(qs(key)).hasMatch() || config->isExcluded(key))
                    return;
                SqlJob &job = jobFor(p.lexically_normal().string());
                if (job.fromStairlight)
                    return; // two includes of the same file: the first one wins
                job.fromStairlight = true;
                job.key = key;
                job.include = &inc;
                job.mapping = index.find(key);
            }, diags);
        }
    }

    for (const QString &sqlPath : sources.sqlPaths) {
        const fs::path root = fs::path(sqlPath.toStdString()).lexically_normal();
        std::error_code ec;
        if (!fs::exists(root, ec)) {
            diags->append(Diagnostic::error(sqlPath, 0, 0, Tr::tr("SQL path not found")));
            continue;
        }
        const bool single = fs::is_regular_file(root, ec);
        walkFiles(root, ".sql", [&](const fs::path &p) {
            SqlJob &job = jobFor(p.string());
            job.fromSql = true;
            const fs::path rel = single ? p.filename() : p.lexically_relative(root);
            if (job.key.empty())
                job.key = single ? p.filename().string() : rel.generic_string();
            const fs::path parent = single ? p.parent_path().filename() : rel.parent_path();
            if (!parent.empty() && parent.filename() != "." && !parent.filename().empty())
                job.conventionTarget = parent.filename().string() + '.' + p.stem().string();
        }, diags);
    }

    lap(stats.msDiscover);
    // 2. DAG files (before the SQL pass: they name SQL files that may lie outside sqlPaths).
    std::vector<TaskRecord> taskRecords;
    struct DagRecord
    {
        DagScan::Dag dag;
        std::string file;
    };
    std::vector<DagRecord> dagRecords;
    std::vector<std::pair<std::string, std::string>> taskDeps; // node names
    for (const QString &dagPath : sources.dagPaths) {
        const fs::path root = fs::path(dagPath.toStdString()).lexically_normal();
        std::error_code ec;
        if (!fs::exists(root, ec)) {
            diags->append(Diagnostic::error(dagPath, 0, 0, Tr::tr("DAG path not found")));
            continue;
        }
        walkFiles(root, ".py", [&](const fs::path &p) {
            std::string text;
            const QString file = QString::fromStdString(p.string());
            if (!readWholeFile(p.string(), text)) {
                diags->append(Diagnostic::error(file, 0, 0, Tr::tr("cannot read the file")));
                return;
            }
            ++stats.dagFiles;
            if (text.find("DAG") == std::string::npos && text.find("dag") == std::string::npos)
                return;
            const DagScan scan = scanDagFile(text);
            for (const DagScan::Problem &problem : scan.problems) {
                diags->append(problem.error
                                  ? Diagnostic::error(file, problem.line, 0, qs(problem.message))
                                  : Diagnostic::warning(file, problem.line, 0, qs(problem.message)));
            }
            std::vector<fs::path> bases{p.parent_path()};
            for (const DagScan::Dag &dag : scan.dags) {
                for (const std::string &sp : dag.templateSearchPath)
                    bases.push_back(fs::path(sp).is_absolute() ? fs::path(sp) : p.parent_path() / sp);
                dagRecords.push_back({dag, p.string()});
            }
            bases.push_back(fs::is_directory(root, ec) ? root : root.parent_path());
            if (!sources.rootDir.isEmpty())
                bases.push_back(sources.rootDir.toStdString());
            for (const QString &sqlPath : sources.sqlPaths) {
                const fs::path sp = sqlPath.toStdString();
                bases.push_back(sp);
                bases.push_back(sp.parent_path());
            }
            std::vector<std::size_t> local;
            for (const DagScan::Task &task : scan.tasks) {
                TaskRecord record;
                record.task = task;
                record.dagFile = p.string();
                record.nodeName = task.dagId + '.' + task.taskId;
                for (const std::string &sql : task.sqlFiles) {
                    std::string found;
                    const fs::path candidate(sql);
                    if (candidate.is_absolute()) {
                        if (fs::is_regular_file(candidate, ec))
                            found = candidate.lexically_normal().string();
                    } else {
                        for (const fs::path &base : bases) {
                            const fs::path c = (base / candidate).lexically_normal();
                            if (fs::is_regular_file(c, ec)) {
                                found = c.string();
                                break;
                            }
                        }
                    }
                    if (found.empty()) {
                        diags->append(Diagnostic::warning(
                            file, task.line, 0,
                            Tr::tr("SQL file '%1' of task '%2' was not found")
                                .arg(qs(sql), qs(task.taskId))));
                        continue;
                    }
                    SqlJob &job = jobFor(found);
                    job.fromDag = true;
                    if (job.key.empty())
                        job.key = sql;
                    record.sqlPaths.push_back(found);
                }
                std::unordered_map<std::string, std::string> params(task.params.begin(), task.params.end());
                for (const std::string &sql : task.inlineSql) {
                    const std::string rendered = sql.find("{{") == std::string::npos
                                                     ? sql
                                                     : detail::renderTemplate(sql, params, nullptr);
                    const detail::SqlTables tables = detail::extractTables(rendered);
                    for (const detail::SqlRef &e : tables.errors)
                        diags->append(Diagnostic::warning(
                            file, task.line, 0,
                            Tr::tr("inline SQL of task '%1': %2").arg(qs(task.taskId), qs(e.name))));
                    collectRefs(tables.sources, {}, record.inlineSources);
                    for (const detail::SqlRef &t : tables.targets) {
                        if (usableTableName(t.name))
                            record.inlineTargets.push_back(t.name);
                    }
                }
                local.push_back(taskRecords.size());
                taskRecords.push_back(std::move(record));
            }
            for (const auto &[up, down] : scan.dependencies)
                taskDeps.emplace_back(taskRecords[local[up]].nodeName, taskRecords[local[down]].nodeName);
            stats.dags += static_cast<int>(scan.dags.size());
            stats.tasks += static_cast<int>(scan.tasks.size());
        }, diags);
    }

    lap(stats.msDags);
    // 3. SQL files, in parallel.
    std::vector<SqlOutcome> outcomes(jobs.size());
    {
        const StairlightConfig *cfg = config ? &*config : nullptr;
        std::atomic<std::size_t> next{0};
        auto worker = [&]() {
            for (std::size_t i = next++; i < jobs.size(); i = next++)
                outcomes[i] = processJob(jobs[i], cfg);
        };
        unsigned threads = sources.threads > 0 ? static_cast<unsigned>(sources.threads)
                                               : std::max(1u, std::thread::hardware_concurrency());
        threads = static_cast<unsigned>(std::min<std::size_t>(threads, (jobs.size() + 63) / 64));
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(worker);
        worker();
        for (std::thread &t : pool)
            t.join();
    }
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        ++stats.sqlFiles;
        stats.sqlBytes += static_cast<qint64>(outcomes[i].bytes);
        if (outcomes[i].failed)
            ++stats.sqlFilesFailed;
        const QString file = QString::fromStdString(jobs[i].path);
        for (const Problem &p : outcomes[i].problems)
            diags->append(p.error ? Diagnostic::error(file, p.line, 0, qs(p.message))
                                  : Diagnostic::warning(file, p.line, 0, qs(p.message)));
    }

    lap(stats.msSql);
    // 4. Logs.
    std::vector<std::pair<TableFlow, SourceSet>> logFlows;
    if (!sources.jobsFile.isEmpty()) {
        readJobsFile(sources.jobsFile, [&](TableFlow &&f) { logFlows.emplace_back(std::move(f), SourceJobs); },
                     diags, &stats.jobsRows);
    }
    for (const QString &ol : sources.openLineageFiles) {
        int events = 0;
        readOpenLineageFile(ol, [&](TableFlow &&f) { logFlows.emplace_back(std::move(f), SourceOpenLineage); },
                            diags, &events);
        stats.openLineageEvents += events;
    }

    lap(stats.msLogs);
    // 5. Canonical table names: `dataset.table` -> the only `project.dataset.table` seen.
    graph.setDefaultProject(sources.defaultProject);
    std::unordered_map<std::string, std::string> uniqueFull; // "ds.t" -> "p.ds.t" or "" if ambiguous
    auto see = [&](const std::string &raw) {
        const std::string n = graph.normalizeTableName(raw);
        if (std::count(n.begin(), n.end(), '.') != 2)
            return;
        const std::string suffix = n.substr(n.find('.') + 1);
        auto [it, inserted] = uniqueFull.emplace(suffix, n);
        if (!inserted && it->second != n)
            it->second.clear();
    };
    if (sources.defaultProject.empty()) {
        for (const SqlOutcome &o : outcomes) {
            for (const Flow &f : o.flows) {
                for (const Ref &r : f.sources)
                    see(r.name);
                for (const std::string &t : f.targets)
                    see(t);
            }
        }
        for (const TaskRecord &t : taskRecords) {
            for (const std::string &n : t.task.destinations)
                see(n);
            for (const std::string &n : t.task.sourceTables)
                see(n);
            for (const Ref &r : t.inlineSources)
                see(r.name);
            for (const std::string &n : t.inlineTargets)
                see(n);
        }
        for (const auto &[f, s] : logFlows) {
            for (const std::string &n : f.inputs)
                see(n);
            for (const std::string &n : f.outputs)
                see(n);
        }
    }
    auto table = [&](const std::string &raw) -> NodeId {
        std::string n = graph.normalizeTableName(raw);
        if (sources.defaultProject.empty() && std::count(n.begin(), n.end(), '.') == 1) {
            if (auto it = uniqueFull.find(n); it != uniqueFull.end() && !it->second.empty())
                n = it->second;
        }
        return graph.addNode(NodeKind::Table, n);
    };

    // 6. The graph.
    graph.reserve(jobs.size() * 3 + taskRecords.size() * 2, jobs.size() * 4 + taskRecords.size() * 4);
    std::unordered_map<std::string, std::vector<std::size_t>> flowsByPath; // path -> job index
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const SqlJob &job = jobs[i];
        const SourceSet source = job.fromStairlight ? SourceSet(SourceStairlight) : SourceSet(SourceSql);
        for (const Flow &flow : outcomes[i].flows) {
            const NodeId file = graph.addNode(NodeKind::SqlFile, flow.nodeName);
            Node &fileNode = graph.mutableNode(file);
            fileNode.file = job.path;
            fileNode.label = job.key.empty() ? job.path : job.key;
            if (flow.mappingTable)
                fileNode.label += " (" + flow.mappingTable->tableName + ')';
            fileNode.setAttribute("key", job.key);
            fileNode.setAttribute("uri", job.path);
            for (const Ref &r : flow.sources) {
                const EdgeId e = graph.addEdge(table(r.name), file, EdgeKind::ReadBy, source);
                Edge &edge = graph.mutableEdge(e);
                for (int l : r.lines) {
                    if (std::find(edge.lines.begin(), edge.lines.end(), l) == edge.lines.end())
                        edge.lines.push_back(l);
                }
            }
            for (const std::string &t : flow.targets) {
                const NodeId target = table(t);
                graph.addEdge(file, target, EdgeKind::Writes, source);
                if (flow.mappingTable) {
                    Node &tn = graph.mutableNode(target);
                    for (const auto &[k, v] : flow.mappingTable->labels)
                        tn.setAttribute("label." + k, v);
                }
            }
        }
        flowsByPath[job.path].push_back(i);
    }
    if (config) {
        for (const ExtraLabel &extra : config->extraLabels) {
            for (NodeId id : graph.findTables(extra.tableName)) {
                for (const auto &[k, v] : extra.labels)
                    graph.mutableNode(id).setAttribute("extra_label." + k, v);
            }
        }
    }
    for (const DagRecord &d : dagRecords) {
        const NodeId dag = graph.addNode(NodeKind::Dag, "dag:" + d.dag.dagId);
        Node &n = graph.mutableNode(dag);
        n.file = d.file;
        n.line = d.dag.line;
        n.setAttribute("dag_id", d.dag.dagId);
        if (!d.dag.schedule.empty())
            n.setAttribute("schedule", d.dag.schedule);
    }
    for (const TaskRecord &r : taskRecords) {
        const NodeId task = graph.addNode(NodeKind::DagTask, r.nodeName);
        {
            Node &n = graph.mutableNode(task);
            n.label = r.task.taskId;
            n.file = r.dagFile;
            n.line = r.task.line;
            n.setAttribute("dag_id", r.task.dagId);
            n.setAttribute("task_id", r.task.taskId);
            n.setAttribute("operator", r.task.operatorName);
        }
        if (!r.task.dagId.empty())
            graph.addEdge(graph.addNode(NodeKind::Dag, "dag:" + r.task.dagId), task, EdgeKind::Contains,
                          SourceDag);
        std::vector<NodeId> destinations;
        for (const std::string &d : r.task.destinations)
            destinations.push_back(table(d));
        for (const std::string &path : r.sqlPaths) {
            auto it = flowsByPath.find(path);
            if (it == flowsByPath.end())
                continue;
            for (std::size_t jobIndex : it->second) {
                for (const Flow &flow : outcomes[jobIndex].flows) {
                    const NodeId file = graph.addNode(NodeKind::SqlFile, flow.nodeName);
                    graph.addEdge(file, task, EdgeKind::RunBy, SourceDag);
                    for (const Ref &src : flow.sources)
                        graph.addEdge(table(src.name), task, EdgeKind::ReadBy, SourceDag);
                    for (const std::string &t : flow.targets)
                        graph.addEdge(task, table(t), EdgeKind::Writes, SourceDag);
                    if (flow.targets.empty()) {
                        for (NodeId dest : destinations)
                            graph.addEdge(file, dest, EdgeKind::Writes, SourceDag);
                    }
                }
            }
        }
        for (const Ref &src : r.inlineSources)
            graph.addEdge(table(src.name), task, EdgeKind::ReadBy, SourceDag);
        for (const std::string &t : r.inlineTargets)
            graph.addEdge(task, table(t), EdgeKind::Writes, SourceDag);
        for (const std::string &s : r.task.sourceTables)
            graph.addEdge(table(s), task, EdgeKind::ReadBy, SourceDag);
        for (NodeId dest : destinations)
            graph.addEdge(task, dest, EdgeKind::Writes, SourceDag);
    }
    for (const auto &[up, down] : taskDeps) {
        graph.addEdge(graph.addNode(NodeKind::DagTask, up), graph.addNode(NodeKind::DagTask, down),
                      EdgeKind::Precedes, SourceDag);
    }
    // Logged flows: confirm an existing query (SQL file or task) that reads the input and
    // writes the output, or else link the tables directly.
    for (const auto &[flow, source] : logFlows) {
        NodeId task = InvalidNode;
        if (!flow.job.empty())
            task = graph.findNode(NodeKind::DagTask, flow.job);
        std::vector<NodeId> outputs;
        for (const std::string &o : flow.outputs)
            outputs.push_back(table(o));
        for (const std::string &in : flow.inputs) {
            const NodeId a = table(in);
            if (task != InvalidNode) {
                graph.addEdge(a, task, EdgeKind::ReadBy, source);
                continue;
            }
            for (NodeId b : outputs) {
                if (a == b)
                    continue;
                bool confirmed = false;
                for (EdgeId e : std::vector<EdgeId>(graph.outEdges(a).begin(), graph.outEdges(a).end())) {
                    const NodeId via = graph.edge(e).to;
                    const EdgeId second = graph.findEdge(via, b);
                    if (second != 0xffffffffu && graph.node(via).kind != NodeKind::Table) {
                        graph.mutableEdge(e).sources |= source;
                        graph.mutableEdge(second).sources |= source;
                        confirmed = true;
                    }
                }
                if (!confirmed)
                    graph.addEdge(a, b, EdgeKind::Feeds, source);
            }
        }
        if (task != InvalidNode) {
            for (NodeId b : outputs)
                graph.addEdge(task, b, EdgeKind::Writes, source);
        }
    }
    graph.finalize();
    lap(stats.msGraph);
    if (statsOut)
        *statsOut = stats;
    return true;
}

LineageGraph LineageLoader::load(const LineageSources &sources, Diagnostics *diagnostics,
                                 LoadStats *stats)
{
    LineageGraph graph;
    loadInto(sources, graph, diagnostics, stats);
    return graph;
}

LineageGraph LineageLoader::loadWorkspace(const WorkspaceConfig &workspace, Diagnostics *diagnostics,
                                          LoadStats *stats)
{
    return load(sourcesOf(workspace), diagnostics, stats);
}

std::optional<LineageGraph> LineageLoader::loadStairlight(const QString &configDir,
                                                          Diagnostics *diagnostics, LoadStats *stats)
{
    LineageSources sources;
    sources.stairlightDir = configDir;
    LineageGraph graph;
    if (!loadInto(sources, graph, diagnostics, stats))
        return std::nullopt;
    return graph;
}

} // namespace warroom::lineage
