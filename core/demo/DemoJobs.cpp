#include "core/demo/DemoJobs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

namespace warroom::demo::Internal {

namespace {

constexpr std::int64_t Day = 86400;

// Howard Hinnant's days <-> civil date conversions.
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(std::int64_t(yoe) + era * 400 + (m <= 2));
}

// Writes "YYYY-MM-DD?HH:MM:SS" (19 chars) with `sep` between date and time.
void formatTime(char *out, std::int64_t seconds, char sep)
{
    std::int64_t days = seconds / Day;
    std::int64_t rem = seconds % Day;
    if (rem < 0) {
        rem += Day;
        --days;
    }
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    const int hh = int(rem / 3600), mm = int(rem / 60 % 60), ss = int(rem % 60);
    auto two = [](char *p, int v) {
        p[0] = char('0' + v / 10);
        p[1] = char('0' + v % 10);
    };
    out[0] = char('0' + y / 1000 % 10);
    out[1] = char('0' + y / 100 % 10);
    out[2] = char('0' + y / 10 % 10);
    out[3] = char('0' + y % 10);
    out[4] = '-';
    two(out + 5, int(m));
    out[7] = '-';
    two(out + 8, int(d));
    out[10] = sep;
    two(out + 11, hh);
    out[13] = ':';
    two(out + 14, mm);
    out[16] = ':';
    two(out + 17, ss);
}

// Buffered file output: one big buffer, flushed with fwrite.
class Sink
{
public:
    explicit Sink(std::FILE *file)
        : m_file(file)
    {
        m_buffer.reserve(Capacity + 65536);
    }
    ~Sink() { flush(); }
    void put(char c) { m_buffer.push_back(c); }
    void put(const char *s, std::size_t n) { m_buffer.append(s, n); }
    void put(const char *s) { m_buffer.append(s); }
    void put(const std::string &s) { m_buffer.append(s); }
    void number(std::int64_t v)
    {
        char tmp[24];
        const int n = std::snprintf(tmp, sizeof tmp, "%lld", static_cast<long long>(v));
        m_buffer.append(tmp, std::size_t(n));
    }
    // A JSON string value, escaped.
    void str(const char *s, std::size_t n)
    {
        m_buffer.push_back('"');
        std::size_t start = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_buffer.append(s + start, i - start);
            switch (c) {
            case '"':
                m_buffer.append("\\\"");
                break;
            case '\\':
                m_buffer.append("\\\\");
                break;
            case '\n':
                m_buffer.append("\\n");
                break;
            case '\t':
                m_buffer.append("\\t");
                break;
            case '\r':
                m_buffer.append("\\r");
                break;
            default: {
                char tmp[8];
                std::snprintf(tmp, sizeof tmp, "\\u%04x", c);
                m_buffer.append(tmp);
            }
            }
            start = i + 1;
        }
        m_buffer.append(s + start, n - start);
        m_buffer.push_back('"');
    }
    void str(const std::string &s) { str(s.data(), s.size()); }
    void quotedNumber(std::int64_t v)
    {
        m_buffer.push_back('"');
        number(v);
        m_buffer.push_back('"');
    }
    void time(std::int64_t seconds)
    {
        char tmp[19];
        formatTime(tmp, seconds, ' ');
        m_buffer.push_back('"');
        m_buffer.append(tmp, 19);
        m_buffer.push_back('"');
    }
    void maybeFlush()
    {
        if (m_buffer.size() >= Capacity)
            flush();
    }
    void flush()
    {
        if (!m_buffer.empty()) {
            if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
                m_failed = true;
            m_written += std::int64_t(m_buffer.size());
            m_buffer.clear();
        }
    }
    bool failed() const { return m_failed; }
    std::int64_t written() const { return m_written; }

private:
    static constexpr std::size_t Capacity = 4 << 20;
    std::FILE *m_file;
    std::string m_buffer;
    std::int64_t m_written = 0;
    bool m_failed = false;
};

enum class Kind : std::uint8_t {
    AirflowQuery,  // a DAG task's query (CTAS, INSERT, MERGE, SELECT with destination)
    AirflowLoad,   // GCSToBigQueryOperator
    AirflowAssert, // a validation ASSERT
    AirflowScript, // DECLARE/DELETE/INSERT script parent
    AirflowChild,  // a statement of that script
    Interactive,   // people in the console or bq
    Bi,            // Looker / Redash
    UserScript,    // a person's multi-statement script
    UserChild,
    InfoSchema, // INFORMATION_SCHEMA reads
    Ml,         // Vertex AI pipelines reading features
};

enum UserKind : std::uint8_t { Person, Airflow, Looker, Redash, Vertex, Transfer };

struct User
{
    std::string email;
    UserKind kind;
    std::string anonDataset;
};

struct Job
{
    std::int64_t created; // seconds
    std::uint64_t id;     // random id bits (parent's for children)
    std::int32_t table;   // destination table, or the primary table read, -1 none
    std::int32_t aux;     // dag index / check index / child number
    std::int32_t refBegin;
    std::uint16_t refCount;
    std::int16_t user;
    std::int32_t durationMs;
    std::int32_t queueMs;
    Kind kind;
    std::uint8_t error; // 0: none, else 1 + index into errors
    bool cache;
    std::uint8_t statement; // index into statementNames
    std::int64_t logical;   // airflow logical date (seconds)
};

const char *const statementNames[]
    = {"SELECT", "CREATE_TABLE_AS_SELECT", "INSERT", "MERGE", "DELETE", "SCRIPT", "ASSERT", ""};
enum Statement : std::uint8_t { Select, Ctas, Insert, Merge, Delete, Script, Assert, NoStatement };

struct ErrorInfo
{
    const char *reason;
    const char *message;
};
const ErrorInfo errors[] = {
    {"invalidQuery", "Unrecognized name: gmv_jpy at [4:7]"},
    {"invalidQuery", "Syntax error: Expected end of input but got keyword SELECT at [12:1]"},
    {"accessDenied", "Access Denied: User does not have permission to query table"},
    {"resourcesExceeded", "Resources exceeded during query execution: Not enough resources for "
                          "query planning - too many subqueries or query is too complex."},
    {"rateLimitExceeded", "Exceeded rate limits: too many table update operations for this table."},
    {"notFound", "Not found: Table was not found in location asia-northeast1"},
    {"stopped", "Job execution was cancelled: User requested cancellation"},
    {"invalid", "Query error: ASSERT failed: table is empty for yesterday"},
};
constexpr int ErrorAssert = 8; // 1 + index of the ASSERT failure

std::vector<User> makeUsers(const std::string &project, int count, Rng &rng)
{
    static const char *const first[]
        = {"haruka", "kenji",  "yuki",  "sota",  "aoi",   "ren",    "mei",     "daiki",  "sakura",
           "takumi", "yui",    "kaito", "hina",  "riku",  "mio",    "hiroshi", "naoko",  "emma",
           "liam",   "olivia", "noah",  "chen",  "wei",   "priya",  "arjun",   "sara",   "lucas",
           "mina",   "jun",    "akira", "shota", "ayaka", "kazuki", "nanami",  "yusuke", "misaki"};
    static const char *const last[]
        = {"sato",     "suzuki",    "takahashi", "tanaka", "watanabe", "ito",
           "yamamoto", "nakamura",  "kobayashi", "kato",   "yoshida",  "yamada",
           "sasaki",   "matsumoto", "inoue",     "kimura", "hayashi",  "shimizu",
           "mori",     "ikeda",     "smith",     "garcia", "kim",      "lee",
           "wang",     "nguyen",    "patel",     "muller", "ono",      "fujita"};
    std::vector<User> users;
    const std::string sa = "@" + project + ".iam.gserviceaccount.com";
    users.push_back({"airflow" + sa, Airflow, {}});
    if (count >= 4) {
        users.push_back({"looker-sa" + sa, Looker, {}});
        users.push_back({"redash" + sa, Redash, {}});
        users.push_back({"vertex-pipelines" + sa, Vertex, {}});
    }
    if (count >= 10)
        users.push_back({"service-481516234200@gcp-sa-bigquerydatatransfer.iam.gserviceaccount.com",
                         Transfer,
                         {}});
    std::vector<std::string> used;
    const int people = std::max(1, count - int(users.size()));
    for (int i = 0; i < people; ++i) {
        std::string name = std::string(rng.pick(first)) + "." + rng.pick(last);
        int n = 2;
        std::string candidate = name;
        while (std::find(used.begin(), used.end(), candidate) != used.end())
            candidate = name + std::to_string(n++);
        used.push_back(candidate);
        // about one in five people work at the partner agency
        const bool partner = (i % 5) == 4;
        users.push_back(
            {candidate + (partner ? "@partner-agency.example" : "@bigfoot.example"), Person, {}});
    }
    for (User &u : users) {
        char hex[48];
        std::snprintf(hex, sizeof hex, "_%016llx%016llx%08llx",
                      static_cast<unsigned long long>(rng.next()),
                      static_cast<unsigned long long>(rng.next()),
                      static_cast<unsigned long long>(rng.next() & 0xffffffffULL));
        u.anonDataset = hex;
    }
    return users;
}

double hourWeight(int hourJst)
{
    static const double w[24] = {0.2, 0.1, 0.1, 0.05, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0,
                                 1.2, 1.8, 2.0, 2.0,  1.8,  1.6, 1.2, 0.8, 0.6, 0.5, 0.4, 0.3};
    return w[hourJst];
}

} // namespace

std::string formatBqTimestamp(std::int64_t seconds)
{
    char tmp[19];
    formatTime(tmp, seconds, ' ');
    return std::string(tmp, 19);
}

std::string formatRfc3339Seconds(std::int64_t seconds)
{
    char tmp[19];
    formatTime(tmp, seconds, 'T');
    return std::string(tmp, 19) + "Z";
}

OutageWindow outageWindow(const Warehouse &w, std::uint64_t seed)
{
    OutageWindow o;
    // 2026-11-20 02:00-05:00 Asia/Tokyo = 2026-11-19 17:00-20:00 UTC.
    o.since = daysFromCivil(2026, 11, 19) * Day + 17 * 3600;
    o.until = o.since + 3 * 3600;
    o.logEnd = o.until + 2 * 3600; // 07:00 JST: the log ends just after the recovery
    o.logBegin = o.logEnd - 30 * Day;

    // The DAG runs that fail: hourly DAGs, staging first (they have validation checks).
    Rng rng(seed, 7);
    std::vector<int> staging, raw;
    for (std::size_t d = 0; d < w.dags.size(); ++d) {
        if (!w.dags[d].hourly)
            continue;
        (w.dags[d].layer == Layer::Staging ? staging : raw).push_back(int(d));
    }
    rng.shuffle(staging);
    rng.shuffle(raw);
    for (std::size_t i = 0; i < staging.size() && o.failedDags.size() < 6; ++i)
        o.failedDags.push_back(staging[i]);
    for (std::size_t i = 0; i < raw.size() && o.failedDags.size() < 8; ++i)
        o.failedDags.push_back(raw[i]);
    for (std::size_t i = 6; i < staging.size() && o.failedDags.size() < 8; ++i)
        o.failedDags.push_back(staging[i]);
    if (o.failedDags.empty() && !w.dags.empty())
        o.failedDags.push_back(0);
    std::sort(o.failedDags.begin(), o.failedDags.end());
    return o;
}

std::int64_t writeJobsLog(const std::string &path, const Warehouse &w, const OutageWindow &o,
                          const JobsLogOptions &options, std::string *error,
                          const std::function<void(int permille)> &progress)
{
    Rng rng(options.seed, 11);
    const std::vector<User> users = makeUsers(w.project, options.users, rng);
    std::vector<int> people;
    for (std::size_t i = 0; i < users.size(); ++i)
        if (users[i].kind == Person)
            people.push_back(int(i));
    auto userOf = [&](UserKind kind) -> int {
        for (std::size_t i = 0; i < users.size(); ++i)
            if (users[i].kind == kind)
                return int(i);
        return 0;
    };
    const int airflowUser = userOf(Airflow);
    const int lookerUser = userOf(Looker);
    const int redashUser = userOf(Redash);
    const int vertexUser = userOf(Vertex);
    const int transferUser = userOf(Transfer);

    // People's activity is Zipf-like too: a few analysts run most queries.
    WeightedPicker personPicker;
    for (std::size_t i = 0; i < people.size(); ++i)
        personPicker.add(people[i], 1.0 / std::pow(double(i) + 1.0, 0.9));
    WeightedPicker anyTable, biTable, mlTable;
    for (std::size_t t = 0; t < w.tables.size(); ++t) {
        const Table &table = w.tables[t];
        anyTable.add(int(t), table.popularity);
        if (table.layer == Layer::Report || table.layer == Layer::Mart
            || table.layer == Layer::Analytics)
            biTable.add(int(t), table.popularity * (table.layer == Layer::Report ? 3 : 1));
        if (table.layer == Layer::MlFeatures)
            mlTable.add(int(t), table.popularity + 1e-6);
    }

    std::vector<Job> jobs;
    std::vector<std::int32_t> refs;
    jobs.reserve(std::size_t(options.rows));
    const std::int64_t rows = std::max<std::int64_t>(0, options.rows);

    auto statementOf = [](const Table &t) -> std::uint8_t {
        switch (t.form) {
        case SqlForm::CtasCte:
        case SqlForm::JinjaCtas:
            return Ctas;
        case SqlForm::InsertSelect:
            return Insert;
        case SqlForm::Merge:
            return Merge;
        case SqlForm::BareSelect:
            return Select;
        case SqlForm::DeleteInsert:
            return Script;
        case SqlForm::Load:
            return NoStatement;
        }
        return Select;
    };
    auto sizeBytes = [&](std::int32_t begin, int count, double fraction) -> std::int64_t {
        double gb = 0;
        for (int i = 0; i < count; ++i)
            gb += w.tables[std::size_t(refs[std::size_t(begin + i)])].sizeGb;
        return std::int64_t(gb * fraction * 1e9) + 10485760;
    };
    (void)sizeBytes;

    // --- Airflow: every DAG run in the log's window, sampled to ~35% of the rows.
    struct Run
    {
        std::int64_t at;
        std::int64_t logical;
        int dag;
    };
    std::vector<Run> runs;
    const std::int64_t tz = 9 * 3600;
    for (std::size_t d = 0; d < w.dags.size(); ++d) {
        const Dag &dag = w.dags[d];
        const bool failed
            = std::find(o.failedDags.begin(), o.failedDags.end(), int(d)) != o.failedDags.end();
        if (dag.hourly) {
            const std::int64_t first = (o.logBegin / 3600) * 3600;
            for (std::int64_t h = first; h < o.logEnd; h += 3600) {
                std::int64_t at = h + dag.minuteOfDay * 60;
                if (at < o.logBegin || at >= o.logEnd)
                    continue;
                std::int64_t logical = at - 3600;
                if (at >= o.since && at < o.until) {
                    // Composer is down: no run now; the missed run is retried after recovery
                    at = o.until + 300 + std::int64_t(rng.below(1800)) + (failed ? 600 : 0);
                }
                runs.push_back({at, logical, int(d)});
            }
        } else {
            const std::int64_t firstDay = (o.logBegin + tz) / Day;
            for (std::int64_t day = firstDay; day * Day - tz < o.logEnd; ++day) {
                if (dag.weekly && ((day + 3) % 7) != 0) // 1970-01-01 was a Thursday; Monday = 0
                    continue;
                std::int64_t at = day * Day - tz + dag.minuteOfDay * 60;
                if (at < o.logBegin || at >= o.logEnd)
                    continue;
                const std::int64_t logical = at - (dag.weekly ? 7 : 1) * Day;
                if (at >= o.since && at < o.until)
                    at = o.until + 900 + std::int64_t(rng.below(3600));
                runs.push_back({at, logical, int(d)});
            }
        }
    }
    std::int64_t taskRuns = 0;
    for (const Run &r : runs) {
        const Dag &dag = w.dags[std::size_t(r.dag)];
        taskRuns += std::int64_t(dag.tables.size() + dag.checks.size());
    }
    const double keep = taskRuns > 0 ? std::min(1.0, 0.35 * double(rows) / double(taskRuns)) : 0;
    for (const Run &r : runs) {
        if (std::int64_t(jobs.size()) >= rows)
            break;
        const Dag &dag = w.dags[std::size_t(r.dag)];
        std::int64_t t = r.at + 5 + std::int64_t(rng.below(60));
        for (int ti : dag.tables) {
            t += 20 + std::int64_t(rng.below(90));
            if (!rng.chance(keep) || std::int64_t(jobs.size()) >= rows)
                continue;
            const Table &table = w.tables[std::size_t(ti)];
            Job j{};
            j.created = t;
            j.id = rng.next();
            j.table = ti;
            j.aux = r.dag;
            j.user = std::int16_t(airflowUser);
            j.logical = r.logical;
            j.queueMs = int(rng.below(4000));
            j.refBegin = std::int32_t(refs.size());
            for (int u : table.upstream)
                refs.push_back(u);
            j.refCount = std::uint16_t(table.upstream.size());
            if (table.layer == Layer::Raw) {
                j.kind = Kind::AirflowLoad;
                j.statement = NoStatement;
                j.durationMs = 2000 + int(rng.below(40000));
            } else {
                j.statement = statementOf(table);
                j.kind = j.statement == Script ? Kind::AirflowScript : Kind::AirflowQuery;
                j.durationMs = 3000 + int(rng.below(240000));
            }
            if (rng.chance(0.004))
                j.error = std::uint8_t(1 + (rng.chance(0.5) ? 4 : 3));
            jobs.push_back(j);
            if (j.kind == Kind::AirflowScript) {
                // DELETE then INSERT, as children of the script job
                for (int c = 0; c < 2 && std::int64_t(jobs.size()) < rows; ++c) {
                    Job child = j;
                    child.kind = Kind::AirflowChild;
                    child.created = j.created + 1 + c * (j.durationMs / 2000);
                    child.aux = c;
                    child.statement = c == 0 ? Delete : Insert;
                    child.refCount = c == 0 ? 0 : j.refCount;
                    child.durationMs = j.durationMs / 2;
                    jobs.push_back(child);
                }
            }
        }
        for (int ci : dag.checks) {
            t += 10 + std::int64_t(rng.below(30));
            if (!rng.chance(keep) || std::int64_t(jobs.size()) >= rows)
                continue;
            const Check &check = w.checks[std::size_t(ci)];
            Job j{};
            j.created = t;
            j.id = rng.next();
            j.table = check.table;
            j.aux = ci;
            j.user = std::int16_t(airflowUser);
            j.logical = r.logical;
            j.kind = Kind::AirflowAssert;
            j.statement = Assert;
            j.refBegin = std::int32_t(refs.size());
            refs.push_back(check.table);
            j.refCount = 1;
            j.durationMs = 800 + int(rng.below(5000));
            // after the outage the freshness checks fail until the backfill is done
            if (r.at >= o.until && r.at < o.until + 3600 && check.kind == 1)
                j.error = ErrorAssert;
            jobs.push_back(j);
        }
    }
    if (progress)
        progress(250);

    // --- Everyone else, until the requested row count is reached.
    auto randomTime = [&](bool workHours) -> std::int64_t {
        for (;;) {
            const std::int64_t t
                = o.logBegin + std::int64_t(rng.below(std::uint64_t(o.logEnd - o.logBegin)));
            const std::int64_t local = t + tz;
            const int hour = int((local % Day) / 3600);
            const int weekday = int(((local / Day) + 3) % 7); // 0 = Monday
            double accept = workHours ? hourWeight(hour) / 2.0 : 0.5 + hourWeight(hour) / 4.0;
            if (workHours && weekday >= 5)
                accept *= 0.15;
            if (rng.unit() < accept)
                return t;
        }
    };
    while (std::int64_t(jobs.size()) < rows) {
        const double x = rng.unit();
        Job j{};
        j.id = rng.next();
        j.queueMs = int(rng.below(1500));
        j.refBegin = std::int32_t(refs.size());
        j.table = -1;
        if (x < 0.40 && !biTable.empty()) {
            j.kind = Kind::Bi;
            j.user = std::int16_t(rng.chance(0.8) ? lookerUser : redashUser);
            j.created = randomTime(false);
            const int n = 1 + (rng.chance(0.3) ? 1 : 0);
            for (int i = 0; i < n; ++i)
                refs.push_back(biTable.pick(rng));
            j.statement = Select;
            j.cache = rng.chance(0.35);
            j.durationMs = 400 + int(rng.below(15000));
            if (rng.chance(0.01))
                j.error = std::uint8_t(1 + 3);
        } else if (x < 0.88) {
            j.kind = Kind::Interactive;
            j.user = std::int16_t(personPicker.pick(rng));
            j.created = randomTime(true);
            int n = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
            for (int i = 0; i < n; ++i)
                refs.push_back(anyTable.pick(rng));
            j.statement = Select;
            j.cache = rng.chance(0.15);
            j.durationMs = 300 + int(rng.below(60000));
            if (rng.chance(0.03))
                j.error = std::uint8_t(1 + rng.below(3) + (rng.chance(0.3) ? 5 : 0));
            if (j.error == 7) // "stopped"
                j.error = 6;
        } else if (x < 0.93) {
            // a person's script: parent SCRIPT job plus 2-4 child statements
            j.kind = Kind::UserScript;
            j.user = std::int16_t(personPicker.pick(rng));
            j.created = randomTime(true);
            j.statement = Script;
            j.durationMs = 5000 + int(rng.below(120000));
            j.refCount = 0;
            jobs.push_back(j);
            const int children = 2 + int(rng.below(3));
            for (int c = 0; c < children && std::int64_t(jobs.size()) < rows; ++c) {
                Job child = j;
                child.kind = Kind::UserChild;
                child.aux = c;
                child.created = j.created + 1 + c * 3;
                child.refBegin = std::int32_t(refs.size());
                const int n = 1 + (rng.chance(0.4) ? 1 : 0);
                for (int i = 0; i < n; ++i)
                    refs.push_back(anyTable.pick(rng));
                child.refCount = std::uint16_t(n);
                child.statement = c + 1 == children ? Select : Ctas;
                child.durationMs = j.durationMs / children;
                jobs.push_back(child);
            }
            continue;
        } else if (x < 0.95) {
            j.kind = Kind::InfoSchema;
            j.user = std::int16_t(rng.chance(0.3) ? transferUser : personPicker.pick(rng));
            j.created = randomTime(true);
            j.statement = Select;
            j.durationMs = 800 + int(rng.below(8000));
        } else {
            j.kind = Kind::Ml;
            j.user = std::int16_t(vertexUser);
            // nightly training pipelines, 01:00-04:00 JST, never during the outage window
            j.created = randomTime(false);
            const int n = 1 + int(rng.below(3));
            for (int i = 0; i < n; ++i)
                refs.push_back(mlTable.empty() ? anyTable.pick(rng) : mlTable.pick(rng));
            j.statement = Select;
            j.durationMs = 10000 + int(rng.below(300000));
        }
        if (j.kind != Kind::UserScript)
            j.refCount = std::uint16_t(refs.size() - std::size_t(j.refBegin));
        jobs.push_back(j);
    }
    if (progress)
        progress(400);

    std::stable_sort(jobs.begin(), jobs.end(),
                     [](const Job &a, const Job &b) { return a.created < b.created; });
    if (progress)
        progress(450);

    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file) {
        if (error)
            *error = "cannot write " + path + ": " + std::strerror(errno);
        return -1;
    }
    Sink out(file);
    const std::string &project = w.project;
    const std::string quotedProject = "\"" + project + "\"";
    char idbuf[320];
    std::string query;
    query.reserve(1024);

    auto tableRef = [&](int t, std::int64_t when) {
        // referenced table object; wildcard reads list the shard of the day
        const Table &table = w.tables[std::size_t(t)];
        out.put("{\"project_id\":");
        out.put(quotedProject);
        out.put(",\"dataset_id\":\"");
        out.put(datasetName(table.layer));
        out.put("\",\"table_id\":\"");
        if (table.sharded()) {
            char day[19];
            formatTime(day, when + tz, ' ');
            out.put(table.shardBase());
            out.put('_');
            out.put(day, 4);
            out.put(day + 5, 2);
            out.put(day + 8, 2);
        } else {
            out.put(table.name);
        }
        out.put("\"}");
    };
    auto qualifiedRef = [&](int t) {
        const Table &table = w.tables[std::size_t(t)];
        query += '`';
        query += project;
        query += '.';
        query += datasetName(table.layer);
        query += '.';
        query += table.name;
        query += '`';
    };

    // Airflow's BigQuery operators name jobs airflow_<dag>_<task>_<logical date>_<hash>.
    auto airflowJobId = [&](const Job &j) -> int {
        const Table &table = w.tables[std::size_t(j.table)];
        const Dag &dag = w.dags[std::size_t(table.dag)];
        const std::string task = j.kind == Kind::AirflowAssert
                                     ? "assert_" + w.checks[std::size_t(j.aux)].name
                                     : table.task;
        char logical[20];
        formatTime(logical, j.logical, 'T');
        logical[19] = 0;
        for (char &c : logical)
            if (c == '-' || c == ':')
                c = '_';
        return std::snprintf(idbuf, sizeof idbuf, "airflow_%s_%s_%s_00_00_%016llx", dag.id.c_str(),
                             task.c_str(), logical, static_cast<unsigned long long>(j.id));
    };

    out.put("[");
    const std::size_t total = jobs.size();
    for (std::size_t i = 0; i < total; ++i) {
        const Job &j = jobs[i];
        const User &user = users[std::size_t(j.user)];
        const bool isChild = j.kind == Kind::AirflowChild || j.kind == Kind::UserChild;
        // job_id
        int idLen = 0;
        const unsigned long long id = static_cast<unsigned long long>(j.id);
        switch (j.kind) {
        case Kind::AirflowQuery:
        case Kind::AirflowLoad:
        case Kind::AirflowAssert:
        case Kind::AirflowScript:
            idLen = airflowJobId(j);
            break;
        case Kind::AirflowChild:
        case Kind::UserChild:
            idLen = std::snprintf(idbuf, sizeof idbuf, "script_job_%016llx%016llx_%d", id,
                                  static_cast<unsigned long long>(mix64(j.id)), j.aux);
            break;
        case Kind::Bi:
            idLen = std::snprintf(idbuf, sizeof idbuf, "job_%016llx%012llx", id,
                                  static_cast<unsigned long long>(mix64(j.id) >> 16));
            break;
        case Kind::Ml:
            idLen = std::snprintf(idbuf, sizeof idbuf, "vertex_pipelines_%016llx", id);
            break;
        case Kind::UserScript: // its children rebuild this id for parent_job_id
            idLen = std::snprintf(idbuf, sizeof idbuf, "bquxjob_%08llx_%011llx", id >> 32,
                                  static_cast<unsigned long long>(mix64(j.id) >> 20));
            break;
        default:
            if (id % 4 == 0)
                idLen = std::snprintf(idbuf, sizeof idbuf, "bqjob_r%016llx_%016llx_1", id,
                                      static_cast<unsigned long long>(mix64(j.id)));
            else
                idLen = std::snprintf(idbuf, sizeof idbuf, "bquxjob_%08llx_%011llx", id >> 32,
                                      static_cast<unsigned long long>(mix64(j.id) >> 20));
            break;
        }
        if (i)
            out.put(",\n");
        out.put("{\"creation_time\":");
        out.time(j.created);
        out.put(",\"project_id\":");
        out.put(quotedProject);
        out.put(",\"job_id\":");
        out.str(idbuf, std::size_t(std::max(0, std::min(idLen, int(sizeof idbuf) - 1))));
        out.put(",\"user_email\":");
        out.str(user.email);
        out.put(",\"job_type\":");
        out.put(j.kind == Kind::AirflowLoad ? "\"LOAD\"" : "\"QUERY\"");
        out.put(",\"statement_type\":");
        if (j.statement == NoStatement) {
            out.put("null");
        } else {
            out.put('"');
            out.put(statementNames[j.statement]);
            out.put('"');
        }
        out.put(",\"priority\":");
        out.put(j.kind == Kind::AirflowQuery || j.kind == Kind::AirflowChild
                        || j.kind == Kind::AirflowScript || j.kind == Kind::Ml
                    ? (j.id % 3 == 0 ? "\"BATCH\"" : "\"INTERACTIVE\"")
                    : "\"INTERACTIVE\"");
        const std::int64_t start = j.created + j.queueMs / 1000;
        const std::int64_t end = start + std::max(1, j.durationMs / 1000);
        out.put(",\"start_time\":");
        out.time(start);
        out.put(",\"end_time\":");
        out.time(end);
        out.put(",\"state\":\"DONE\",\"error_result\":");
        if (j.error) {
            const ErrorInfo &e = errors[j.error - 1];
            out.put("{\"reason\":\"");
            out.put(e.reason);
            out.put("\",\"location\":null,\"debug_info\":null,\"message\":");
            out.str(e.message, std::strlen(e.message));
            out.put('}');
        } else {
            out.put("null");
        }
        // bytes and slots
        std::int64_t bytes = 0;
        for (int r = 0; r < j.refCount; ++r)
            bytes += std::int64_t(w.tables[std::size_t(refs[std::size_t(j.refBegin + r)])].sizeGb
                                  * 1e9 * 0.002);
        bytes = bytes + std::int64_t((j.id >> 20) % 50000000);
        if (j.cache || j.kind == Kind::UserScript || j.kind == Kind::AirflowScript)
            bytes = 0;
        out.put(",\"total_bytes_processed\":");
        if (j.kind == Kind::AirflowLoad)
            out.put("null");
        else
            out.quotedNumber(bytes);
        out.put(",\"total_slot_ms\":");
        out.quotedNumber(j.cache ? 0 : std::int64_t(j.durationMs) * (2 + std::int64_t(j.id % 40)));
        out.put(",\"cache_hit\":");
        out.put(j.cache ? "\"true\"" : "\"false\"");
        out.put(",\"referenced_tables\":[");
        for (int r = 0; r < j.refCount; ++r) {
            if (r)
                out.put(',');
            tableRef(refs[std::size_t(j.refBegin + r)], j.created);
        }
        out.put("],\"destination_table\":");
        const bool writesTable = (j.kind == Kind::AirflowQuery || j.kind == Kind::AirflowLoad
                                  || j.kind == Kind::AirflowChild)
                                 && j.table >= 0;
        if (writesTable) {
            const Table &dest = w.tables[std::size_t(j.table)];
            if (dest.sharded()) {
                out.put("{\"project_id\":");
                out.put(quotedProject);
                out.put(",\"dataset_id\":\"raw\",\"table_id\":\"");
                char day[19];
                formatTime(day, j.logical + tz, ' ');
                out.put(dest.shardBase());
                out.put('_');
                out.put(day, 4);
                out.put(day + 5, 2);
                out.put(day + 8, 2);
                out.put("\"}");
            } else {
                tableRef(j.table, j.created);
            }
        } else if (j.kind == Kind::AirflowScript || j.kind == Kind::UserScript
                   || j.kind == Kind::AirflowAssert) {
            out.put("null");
        } else {
            // anonymous result table in the user's hidden dataset
            out.put("{\"project_id\":");
            out.put(quotedProject);
            out.put(",\"dataset_id\":\"");
            out.put(user.anonDataset);
            out.put("\",\"table_id\":\"anon");
            char anon[40];
            std::snprintf(anon, sizeof anon, "%016llx%016llx",
                          static_cast<unsigned long long>(mix64(j.id ^ 0x5a5a)),
                          static_cast<unsigned long long>(mix64(j.id ^ 0xa5a5)));
            out.put(anon);
            out.put("\"}");
        }
        out.put(",\"parent_job_id\":");
        if (isChild) {
            // children share the parent's random id bits, so the parent's id is rebuilt here
            if (j.kind == Kind::UserChild)
                idLen = std::snprintf(idbuf, sizeof idbuf, "bquxjob_%08llx_%011llx", id >> 32,
                                      static_cast<unsigned long long>(mix64(j.id) >> 20));
            else
                idLen = airflowJobId(j);
            out.str(idbuf, std::size_t(std::max(0, std::min(idLen, int(sizeof idbuf) - 1))));
        } else {
            out.put("null");
        }
        // query text (short: what the job ran, not the whole file)
        out.put(",\"query\":");
        query.clear();
        switch (j.kind) {
        case Kind::AirflowLoad:
            query = "null";
            break;
        case Kind::AirflowQuery:
        case Kind::AirflowScript:
        case Kind::AirflowChild: {
            const Table &t = w.tables[std::size_t(j.table)];
            query += "-- ";
            query += w.sqlPath(j.table);
            query += '\n';
            if (j.kind == Kind::AirflowChild && j.statement == Delete) {
                query += "DELETE FROM ";
                qualifiedRef(j.table);
                query += " WHERE dt = run_date";
                break;
            }
            if (j.kind == Kind::AirflowScript)
                query += "DECLARE run_date DATE DEFAULT DATE_SUB(CURRENT_DATE('Asia/Tokyo'), "
                         "INTERVAL 1 DAY); DELETE FROM ";
            if (j.kind == Kind::AirflowScript) {
                qualifiedRef(j.table);
                query += " WHERE dt = run_date; ";
            }
            switch (j.statement) {
            case Ctas:
                query += "CREATE OR REPLACE TABLE ";
                qualifiedRef(j.table);
                query += " AS ";
                break;
            case Merge:
                query += "MERGE ";
                qualifiedRef(j.table);
                query += " AS T USING (";
                break;
            case Insert:
            case Script:
                query += "INSERT INTO ";
                qualifiedRef(j.table);
                query += ' ';
                break;
            default:
                break;
            }
            query += "WITH src AS (SELECT * FROM ";
            for (std::size_t u = 0; u < t.upstream.size(); ++u) {
                if (u)
                    query += " LEFT JOIN ";
                qualifiedRef(t.upstream[u]);
                if (u)
                    query += " USING (" + t.key + ")";
            }
            query += ") SELECT * FROM src";
            if (j.statement == Merge)
                query += ") AS S ON T." + t.key + " = S." + t.key
                         + " WHEN MATCHED THEN UPDATE SET amount = S.amount WHEN NOT MATCHED THEN "
                           "INSERT ROW";
            break;
        }
        case Kind::AirflowAssert: {
            const Check &c = w.checks[std::size_t(j.aux)];
            query += "ASSERT ((SELECT COUNT(*) FROM ";
            qualifiedRef(c.table);
            query += ") > 0) AS '" + c.message + "'";
            break;
        }
        case Kind::Bi:
        case Kind::Interactive:
        case Kind::UserChild:
        case Kind::Ml: {
            if (j.kind == Kind::Bi && j.user == lookerUser)
                query += "-- Looker Query Context '{\"user_id\":" + std::to_string(j.id % 300)
                         + ",\"history_slug\":\"" + std::to_string(j.id % 100000)
                         + "\",\"instance_slug\":\"bigfoot\"}'\n";
            if (j.kind == Kind::UserChild && j.statement == Ctas)
                query += "CREATE TEMP TABLE tmp_" + std::to_string(j.aux) + " AS ";
            const int first = j.refCount ? refs[std::size_t(j.refBegin)] : -1;
            if (first < 0) {
                query += "SELECT 1";
                break;
            }
            const Table &t = w.tables[std::size_t(first)];
            query += "SELECT dt, COUNT(*) AS n, SUM(amount) AS amount FROM ";
            qualifiedRef(first);
            if (t.sharded())
                query += " WHERE _TABLE_SUFFIX >= FORMAT_DATE('%Y%m%d', DATE_SUB(CURRENT_DATE(), "
                         "INTERVAL 7 DAY))";
            for (int r = 1; r < j.refCount; ++r) {
                query += " JOIN ";
                qualifiedRef(refs[std::size_t(j.refBegin + r)]);
                query += " USING (" + t.key + ")";
            }
            if (!t.sharded())
                query += " WHERE dt >= DATE_SUB(CURRENT_DATE('Asia/Tokyo'), INTERVAL 28 DAY)";
            query += " GROUP BY dt ORDER BY dt";
            break;
        }
        case Kind::UserScript:
            query = "DECLARE since DATE DEFAULT DATE_SUB(CURRENT_DATE('Asia/Tokyo'), INTERVAL 7 "
                    "DAY);\n"
                    "CREATE TEMP TABLE tmp_0 AS SELECT ...;\nSELECT * FROM tmp_0;";
            break;
        case Kind::InfoSchema:
            query
                = (j.id & 1)
                      ? "SELECT user_email, COUNT(*) AS jobs, SUM(total_bytes_processed) AS bytes "
                        "FROM `region-asia-northeast1`.INFORMATION_SCHEMA.JOBS "
                        "WHERE creation_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 DAY) "
                        "GROUP BY 1 ORDER BY 3 DESC"
                      : "SELECT table_schema, table_name, row_count "
                        "FROM `"
                            + project
                            + ".mart`.INFORMATION_SCHEMA.PARTITIONS "
                              "WHERE partition_id = FORMAT_DATE('%Y%m%d', CURRENT_DATE())";
            break;
        }
        if (j.kind == Kind::AirflowLoad)
            out.put("null");
        else
            out.str(query);
        out.put('}');
        if ((i & 1023) == 0) {
            out.maybeFlush();
            if (progress)
                progress(450 + int(550.0 * double(i) / double(std::max<std::size_t>(1, total))));
        }
    }
    out.put("]\n");
    out.flush();
    const bool failed = out.failed();
    const std::int64_t written = out.written();
    if (std::fclose(file) != 0 || failed) {
        if (error)
            *error = "cannot write " + path + ": disk full or I/O error";
        return -1;
    }
    return written;
}

} // namespace warroom::demo::Internal
