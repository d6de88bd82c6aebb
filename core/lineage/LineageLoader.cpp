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
#include <memory>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <dirent.h>
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

// Reads files into one reused buffer, opening each relative to its (cached) folder: most of
// the cost of reading 15,000 small files is path lookup and page faults on fresh buffers.
class FileReader
{
public:
    FileReader() = default;
    FileReader(const FileReader &) = delete;
    FileReader &operator=(const FileReader &) = delete;
    ~FileReader()
    {
        if (m_dirFd >= 0)
            ::close(m_dirFd);
    }

    // The file's bytes (valid until the next read), or false.
    bool read(const std::string &path, std::string_view *text)
    {
        const int fd = open(path);
        if (fd < 0)
            return false;
        std::size_t size = 0;
        for (;;) {
            if (m_buffer.size() < size + 65536)
                m_buffer.resize(std::max(m_buffer.size() * 2, size + 65536));
            const ssize_t n = ::read(fd, m_buffer.data() + size, m_buffer.size() - size);
            if (n < 0) {
                ::close(fd);
                return false;
            }
            if (n == 0)
                break;
            size += static_cast<std::size_t>(n);
        }
        ::close(fd);
        *text = std::string_view(m_buffer.data(), size);
        return true;
    }

    // The file's bytes copied into blocks that live as long as this reader, or false.
    bool keep(const std::string &path, std::string_view *text)
    {
        const int fd = open(path);
        if (fd < 0)
            return false;
        struct stat st;
        if (::fstat(fd, &st) != 0 || st.st_size < 0) {
            ::close(fd);
            return false;
        }
        // One byte more than the size: reading 0 bytes there proves the end was reached.
        const std::size_t want = static_cast<std::size_t>(st.st_size) + 1;
        if (m_blocks.empty() || m_blockSize - m_blockUsed < want) {
            m_blockSize = std::max<std::size_t>(want, 1 << 20);
            m_blocks.emplace_back(new char[m_blockSize]);
            m_blockUsed = 0;
        }
        char *at = m_blocks.back().get() + m_blockUsed;
        std::size_t size = 0;
        ssize_t n;
        while (size < want && (n = ::read(fd, at + size, want - size)) > 0)
            size += static_cast<std::size_t>(n);
        ::close(fd);
        if (size == want || n < 0)
            return false; // grew while read, or failed: read it again later
        m_blockUsed += size;
        *text = std::string_view(at, size);
        return true;
    }

private:
    int open(const std::string &path)
    {
        const std::size_t slash = path.rfind('/');
        int fd = -1;
        if (slash != std::string::npos && slash > 0) {
            const std::string_view dir(path.data(), slash);
            if (m_dirFd < 0 || dir != m_dir) {
                if (m_dirFd >= 0)
                    ::close(m_dirFd);
                m_dir.assign(dir);
                m_dirFd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            }
            if (m_dirFd >= 0)
                fd = ::openat(m_dirFd, path.c_str() + slash + 1, O_RDONLY | O_CLOEXEC);
            else
                fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        } else {
            fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        }
        return fd;
    }

    std::string m_dir;
    int m_dirFd = -1;
    std::vector<char> m_buffer;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::size_t m_blockSize = 0;
    std::size_t m_blockUsed = 0;
};

std::atomic<bool> g_exitsAfterLoad{false};

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
    bool preloaded = false;     // `text` holds the file (read while the mapping files parsed)
    std::string_view text;
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
        // Every line the table occurs on (the first occurrence's first).
        if (r.line > 0 && std::find(it->lines.begin(), it->lines.end(), r.line) == it->lines.end())
            it->lines.push_back(r.line);
        for (int l : r.lines) {
            if (l > 0 && std::find(it->lines.begin(), it->lines.end(), l) == it->lines.end())
                it->lines.push_back(l);
        }
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

// The value of `key` in `local`, else in `global` (the last of several equal keys wins), like
// valuesOf() without building a map for every file.
const std::string *lookupValue(const KeyValues &global, const KeyValues &local, std::string_view key)
{
    for (auto it = local.rbegin(); it != local.rend(); ++it) {
        if (it->first == key)
            return &it->second;
    }
    for (auto it = global.rbegin(); it != global.rend(); ++it) {
        if (it->first == key)
            return &it->second;
    }
    return nullptr;
}

void addErrors(const detail::SqlTables &tables, SqlOutcome &outcome)
{
    for (const detail::SqlRef &e : tables.errors)
        outcome.problems.push_back({e.line, e.name, true});
}

SqlOutcome processJob(const SqlJob &job, const StairlightConfig *config, FileReader &reader,
                      const LineageGraph &graph)
{
    SqlOutcome outcome;
    std::string_view text;
    if (job.preloaded) {
        text = job.text;
    } else if (!reader.read(job.path, &text)) {
        outcome.failed = true;
        outcome.problems.push_back({0, "cannot read the file", true});
        return outcome;
    }
    outcome.bytes = text.size();
    if (text.find('\0') != std::string_view::npos) {
        outcome.failed = true;
        outcome.problems.push_back({0, "binary file, not SQL", true});
        return outcome;
    }
    const std::string noPrefix;
    const std::string &prefix = job.include ? job.include->defaultTablePrefix : noPrefix;
    const KeyValues noValues;
    const KeyValues &global = config ? config->globalParameters : noValues;
    const bool hasTemplate = text.find("{{") != std::string_view::npos;
    if (job.mapping && !job.mapping->tables.empty()) {
        const bool several = job.mapping->tables.size() > 1;
        outcome.flows.reserve(job.mapping->tables.size());
        for (const MappingTable &table : job.mapping->tables) {
            std::string ignored;
            std::string_view source = text;
            if (!table.ignoreParameters.empty() && hasTemplate) {
                ignored.assign(text);
                for (const std::string &ignore : table.ignoreParameters) {
                    const std::string pattern = "{{ " + ignore + " }}";
                    for (std::size_t at = ignored.find(pattern); at != std::string::npos;
                         at = ignored.find(pattern, at + 7))
                        ignored.replace(at, pattern.size(), "ignored");
                }
                source = ignored;
            }
            std::vector<std::string> unresolved;
            std::string renderedText;
            if (hasTemplate && source.find("{{") != std::string_view::npos) {
                renderedText = detail::renderTemplate(
                    source,
                    [&](std::string_view key) { return lookupValue(global, table.parameters, key); },
                    &unresolved);
                source = renderedText;
            }
            const detail::SqlTables tables = detail::extractTables(source);
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
        std::string renderedText;
        std::string_view source = text;
        if (hasTemplate) {
            const KeyValues none;
            renderedText = detail::renderTemplate(
                text, [&](std::string_view key) { return lookupValue(global, none, key); }, &unresolved);
            source = renderedText;
        }
        const detail::SqlTables tables = detail::extractTables(source);
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
        // Table names as the graph keys them, here on the worker threads rather than while
        // the graph is assembled (normalizing twice gives the same name).
        std::string scratch;
        for (Ref &r : flow.sources) {
            if (graph.normalizedTableName(r.name, scratch).data() == scratch.data())
                r.name = scratch;
        }
        for (std::string &t : flow.targets) {
            if (graph.normalizedTableName(t, scratch).data() == scratch.data())
                t = scratch;
        }
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

// Regular files under `root` (a folder), hidden folders skipped, symbolic links to folders
// not followed, in the order std::filesystem::path comparison sorts them -- what walkFiles()
// visits, by readdir and plain strings (a folder's entries sorted by name, depth first).
void listFiles(const std::string &dir, std::vector<std::string> &files)
{
    DIR *d = ::opendir(dir.c_str());
    if (!d)
        return;
    struct Entry
    {
        std::string name;
        unsigned char type;
    };
    std::vector<Entry> entries;
    while (const dirent *e = ::readdir(d)) {
        const char *n = e->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0')))
            continue;
        entries.push_back({n, e->d_type});
    }
    ::closedir(d);
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.name < b.name; });
    std::string path = dir;
    if (path.empty() || path.back() != '/')
        path.push_back('/');
    const std::size_t base = path.size();
    for (const Entry &e : entries) {
        path.resize(base);
        path += e.name;
        bool directory = e.type == DT_DIR;
        bool regular = e.type == DT_REG;
        if (e.type != DT_DIR && e.type != DT_REG) {
            struct stat st;
            if (::lstat(path.c_str(), &st) != 0)
                continue;
            if (S_ISLNK(st.st_mode)) {
                // followed for files, never recursed into (recursive_directory_iterator's rule)
                regular = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
            } else {
                directory = S_ISDIR(st.st_mode);
                regular = S_ISREG(st.st_mode);
            }
        }
        if (directory) {
            if (e.name.front() != '.')
                listFiles(path, files);
        } else if (regular) {
            files.push_back(path);
        }
    }
}

struct TaskRecord
{
    std::string nodeName;     // dag_id.task_id
    DagScan::Task task;
    std::string dagFile;
    std::vector<std::string> sqlPaths; // resolved absolute
    std::vector<Ref> inlineSources;
    std::vector<std::string> inlineTargets;
    // SQL files rendered with this task's params (`{{ params.x }}`): their tables for this
    // task come from the rendering, not from the file's shared (stairlight-parameter) reading.
    std::vector<std::string> renderedPaths;
    std::vector<Ref> renderedSources;
    std::vector<std::string> renderedTargets;
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
        config = StairlightConfigReader::readSettings(sources.stairlightDir, diags, options);
        if (!config)
            return false;
    }
    // The mapping files (megabytes of YAML) are parsed on a thread of their own while the
    // Include folders are walked; their diagnostics keep their place (before the walk's).
    Diagnostics mappingDiags, includeWalkDiags;
    Diagnostics *walkDiags = config ? &includeWalkDiags : diags;
    std::thread mappingThread;
    double mappingCpuMs = 0;
    std::atomic<bool> mappingDone{false};
    if (config && !config->mappingFiles.isEmpty()) {
        mappingThread = std::thread([&config, &mappingDiags, &mappingCpuMs, &mappingDone] {
            StairlightConfigReader::readMappings(*config, &mappingDiags);
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            mappingCpuMs = double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
            mappingDone.store(true, std::memory_order_release);
        });
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
        for (const StairlightInclude &inc : config->includes) {
            if (inc.sourceType != "File" || inc.resolvedRoot.isEmpty())
                continue;
            QRegularExpression re(QRegularExpression::anchoredPattern(
                qs(inc.regex.empty() ? std::string(".*\\.sql") : inc.regex)));
            const std::string rootString = inc.resolvedRoot.toStdString();
            const fs::path root = rootString;
            auto visit = [&](const std::string &path, const std::string &rel) {
                const std::string key = inc.keyPrefix == "." ? rel
                                        : inc.keyPrefix == "/" ? "/" + rel
                                                               : inc.keyPrefix + '/' + rel;
                if (!re.match(qs(key)).hasMatch() || config->isExcluded(key))
                    return;
                SqlJob &job = jobFor(path);
                if (job.fromStairlight)
                    return; // two includes of the same file: the first one wins
                job.fromStairlight = true;
                job.key = key;
                job.include = &inc;
            };
            std::error_code ec;
            const bool directory = fs::is_directory(root, ec);
            const bool plain = directory && rootString == root.lexically_normal().string()
                               && rootString.find("//") == std::string::npos;
            if (!plain) {
                // A file, a missing folder, or an unusual spelling: the general walk.
                walkFiles(root, nullptr, [&](const fs::path &p) {
                    visit(p.lexically_normal().string(), p.lexically_relative(root).generic_string());
                }, walkDiags);
                continue;
            }
            std::vector<std::string> files;
            listFiles(rootString, files);
            const std::size_t skip = rootString.back() == '/' ? rootString.size() : rootString.size() + 1;
            for (const std::string &path : files)
                visit(path, path.substr(skip));
        }
    }
    // While the mapping files are still being parsed, read the SQL files (most of the cost of
    // the SQL pass is opening and reading 15,000 small files).
    FileReader preloader;
    for (std::size_t i = 0; mappingThread.joinable() && i < jobs.size()
                            && !mappingDone.load(std::memory_order_acquire);
         ++i) {
        jobs[i].preloaded = preloader.keep(jobs[i].path, &jobs[i].text);
    }
    if (mappingThread.joinable())
        mappingThread.join();
    if (config) {
        diags->append(mappingDiags);
        diags->append(*walkDiags);
        const MappingIndex index(*config);
        for (SqlJob &job : jobs) {
            if (job.fromStairlight)
                job.mapping = index.find(job.key);
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
    // CPU of the mapping thread counts as configuration, not as the walk it overlapped.
    stats.msDiscover -= mappingCpuMs;
    stats.msConfig += mappingCpuMs;
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
                    if (task.params.empty())
                        continue;
                    std::ifstream in(found, std::ios::binary);
                    const std::string text((std::istreambuf_iterator<char>(in)),
                                           std::istreambuf_iterator<char>());
                    if (text.find("{{") == std::string::npos)
                        continue;
                    std::vector<std::string> unresolved;
                    const std::string rendered = renderTaskSql(text, task, &unresolved);
                    const detail::SqlTables tables = detail::extractTables(rendered);
                    // Only the task's own params: Airflow fills `{{ ds }}`, `{{ macros… }}` and
                    // the like at run time, and they do not name tables.
                    for (const std::string &u : unresolved) {
                        if (u.rfind("params.", 0) != 0)
                            continue;
                        diags->append(Diagnostic::warning(
                            file, task.line, 0,
                            Tr::tr("SQL file '%1' of task '%2': parameter '%3' has no value")
                                .arg(qs(sql), qs(task.taskId), qs(u))));
                    }
                    collectRefs(tables.sources, {}, record.renderedSources);
                    for (const detail::SqlRef &t : tables.targets) {
                        if (usableTableName(t.name))
                            record.renderedTargets.push_back(t.name);
                    }
                    record.renderedPaths.push_back(found);
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
    // Canonical table names: `dataset.table` -> the only `project.dataset.table` seen (only
    // without a default project; see the "see" pass below).
    graph.setDefaultProject(sources.defaultProject);
    std::unordered_map<std::string, std::string> uniqueFull; // "ds.t" -> "p.ds.t" or "" if ambiguous
    std::string tableScratch;
    auto table = [&](const std::string &raw) -> NodeId {
        std::string_view n = graph.normalizedTableName(raw, tableScratch);
        if (sources.defaultProject.empty() && std::count(n.begin(), n.end(), '.') == 1) {
            if (auto it = uniqueFull.find(std::string(n)); it != uniqueFull.end() && !it->second.empty())
                n = it->second;
        }
        return graph.addNode(NodeKind::Table, n);
    };
    // Would table() consult uniqueFull for a name of this outcome?
    auto needsUniqueFull = [&](const SqlOutcome &o) {
        if (!sources.defaultProject.empty())
            return false;
        std::string s;
        auto oneDot = [&](const std::string &raw) {
            const std::string_view n = graph.normalizedTableName(raw, s);
            return std::count(n.begin(), n.end(), '.') == 1;
        };
        for (const Flow &f : o.flows) {
            for (const Ref &r : f.sources) {
                if (oneDot(r.name))
                    return true;
            }
            for (const std::string &t : f.targets) {
                if (oneDot(t))
                    return true;
            }
        }
        return false;
    };

    graph.reserve(jobs.size() * 3 + taskRecords.size() * 2, jobs.size() * 4 + taskRecords.size() * 4);
    std::unordered_map<std::string, std::vector<std::size_t>> flowsByPath; // path -> job index
    std::vector<SqlOutcome> outcomes(jobs.size());
    // The SQL file nodes and edges of job i (step 6, in job order).
    auto addFlows = [&](std::size_t i) {
        const SqlJob &job = jobs[i];
        const SourceSet source = job.fromStairlight ? SourceSet(SourceStairlight) : SourceSet(SourceSql);
        for (const Flow &flow : outcomes[i].flows) {
            const NodeId file = graph.addNode(NodeKind::SqlFile, flow.nodeName);
            Node &fileNode = graph.mutableNode(file);
            fileNode.file = job.path;
            fileNode.label = job.key.empty() ? job.path : job.key;
            if (flow.mappingTable) {
                fileNode.label.reserve(fileNode.label.size() + flow.mappingTable->tableName.size() + 3);
                fileNode.label += " (";
                fileNode.label += flow.mappingTable->tableName;
                fileNode.label += ')';
            }
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
                    std::string key;
                    for (const auto &[k, v] : flow.mappingTable->labels) {
                        key.assign("label.");
                        key += k;
                        tn.setAttribute(key, v);
                    }
                }
            }
        }
        if (!taskRecords.empty())
            flowsByPath[job.path].push_back(i);
    };
    auto threadCpuMs = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    };

    // 3. SQL files, in parallel. When SQL files are all the graph is made of (a stairlight
    // configuration, a SQL-only workspace), this thread assembles the graph from the outcomes
    // in job order as they complete, and extracts files itself while it waits. Job order, and
    // so every node id, is the same as assembling afterwards.
    std::size_t consumed = 0;
    bool streamedAll = false; // every outcome assembled while streaming
    double streamedGraphMs = 0;
    {
        const StairlightConfig *cfg = config ? &*config : nullptr;
        std::atomic<std::size_t> next{0};
        std::vector<std::atomic<std::uint8_t>> done(jobs.size());
        auto worker = [&]() {
            FileReader reader;
            for (std::size_t i = next++; i < jobs.size(); i = next++) {
                outcomes[i] = processJob(jobs[i], cfg, reader, graph);
                done[i].store(1, std::memory_order_release);
            }
        };
        unsigned threads = sources.threads > 0 ? static_cast<unsigned>(sources.threads)
                                               : std::max(1u, std::thread::hardware_concurrency());
        threads = static_cast<unsigned>(std::min<std::size_t>(threads, (jobs.size() + 63) / 64));
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(worker);
        const bool stream = threads > 1 && taskRecords.empty() && sources.jobsFile.isEmpty()
                            && sources.openLineageFiles.isEmpty();
        if (stream) {
            FileReader reader;
            while (consumed < jobs.size()) {
                if (done[consumed].load(std::memory_order_acquire)) {
                    // A `dataset.table` name needs every outcome first (uniqueFull).
                    if (needsUniqueFull(outcomes[consumed]))
                        break;
                    const double t0 = threadCpuMs();
                    addFlows(consumed++);
                    streamedGraphMs += threadCpuMs() - t0;
                    continue;
                }
                const std::size_t i = next++;
                if (i < jobs.size()) {
                    outcomes[i] = processJob(jobs[i], cfg, reader, graph);
                    done[i].store(1, std::memory_order_release);
                } else {
                    std::this_thread::yield();
                }
            }
        }
        streamedAll = stream && consumed == jobs.size();
        worker();
        for (std::thread &t : pool)
            t.join();
    }
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        ++stats.sqlFiles;
        stats.sqlBytes += static_cast<qint64>(outcomes[i].bytes);
        if (outcomes[i].failed)
            ++stats.sqlFilesFailed;
        if (outcomes[i].problems.empty())
            continue;
        const QString file = QString::fromStdString(jobs[i].path);
        for (const Problem &p : outcomes[i].problems)
            diags->append(p.error ? Diagnostic::error(file, p.line, 0, qs(p.message))
                                  : Diagnostic::warning(file, p.line, 0, qs(p.message)));
    }

    lap(stats.msSql);
    stats.msSql -= streamedGraphMs;
    stats.msGraph += streamedGraphMs;
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
    // 5. Canonical table names: every `project.dataset.table` seen (not needed when all the
    // outcomes were assembled above: none of them had a `dataset.table` name).
    std::string scratch;
    auto see = [&](const std::string &raw) {
        const std::string_view n = graph.normalizedTableName(raw, scratch);
        if (std::count(n.begin(), n.end(), '.') != 2)
            return;
        const std::string_view suffix = n.substr(n.find('.') + 1);
        auto it = uniqueFull.find(std::string(suffix));
        if (it == uniqueFull.end())
            uniqueFull.emplace(std::string(suffix), std::string(n));
        else if (it->second != n)
            it->second.clear();
    };
    if (sources.defaultProject.empty() && !streamedAll) {
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

    // 6. The graph (what was not assembled while the SQL was read).
    for (std::size_t i = consumed; i < jobs.size(); ++i)
        addFlows(i);
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
        // The expression as written (e.g. pendulum.datetime(2024, 1, 1, tz="Asia/Tokyo")): the
        // recovery planner evaluates it for the DAG's logical dates and time zone.
        if (!d.dag.startDate.empty())
            n.setAttribute("start_date", d.dag.startDate);
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
            const bool rendered = std::find(r.renderedPaths.begin(), r.renderedPaths.end(), path)
                                  != r.renderedPaths.end();
            for (std::size_t jobIndex : it->second) {
                for (const Flow &flow : outcomes[jobIndex].flows) {
                    const NodeId file = graph.addNode(NodeKind::SqlFile, flow.nodeName);
                    graph.addEdge(file, task, EdgeKind::RunBy, SourceDag);
                    if (rendered)
                        continue; // this task's own rendering, below
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
        for (const Ref &src : r.renderedSources)
            graph.addEdge(table(src.name), task, EdgeKind::ReadBy, SourceDag);
        for (const std::string &t : r.renderedTargets)
            graph.addEdge(task, table(t), EdgeKind::Writes, SourceDag);
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
    if (g_exitsAfterLoad.load(std::memory_order_relaxed)) {
        // The process ends right after the answer: hand the big temporaries to a holder that
        // is never freed instead of spending tens of milliseconds on their destructors.
        struct Scratch
        {
            std::vector<SqlJob> jobs;
            std::unordered_map<std::string, std::size_t> jobByPath;
            std::vector<SqlOutcome> outcomes;
            std::optional<StairlightConfig> config;
            std::vector<TaskRecord> taskRecords;
            std::unordered_map<std::string, std::vector<std::size_t>> flowsByPath;
            std::unordered_map<std::string, std::string> uniqueFull;
        };
        new Scratch{std::move(jobs), std::move(jobByPath), std::move(outcomes), std::move(config),
                    std::move(taskRecords), std::move(flowsByPath), std::move(uniqueFull)};
    }
    return true;
}

void LineageLoader::setProcessExitsAfterLoad(bool exits)
{
    g_exitsAfterLoad.store(exits, std::memory_order_relaxed);
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
