#include "core/usage/JobsReader.h"

#include "core/usage/UsageTypes.h"

#include <QFile>
#include <QIODevice>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace warroom::usage {

QString formatName(JobsFormat format)
{
    switch (format) {
    case JobsFormat::JsonArray:
        return QStringLiteral("JSON array");
    case JobsFormat::NdJson:
        return QStringLiteral("newline-delimited JSON");
    case JobsFormat::Csv:
        return QStringLiteral("CSV");
    case JobsFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

void JobRecord::clear()
{
    line = 0;
    creationTime.reset();
    userEmail.clear();
    projectId.clear();
    jobId.clear();
    parentJobId.clear();
    statementType.clear();
    jobType.clear();
    state.clear();
    hasError = false;
    cacheHit = false;
    totalBytesProcessed = 0;
    referencedTables.clear();
    destinationTable.clear();
}

std::string normalizeTableName(std::string_view text, std::string_view defaultProject)
{
    std::string s;
    s.reserve(text.size());
    for (char c : text) {
        if (c != '`' && c != '"' && c != ' ' && c != '\t' && c != '\r' && c != '\n')
            s.push_back(c);
    }
    if (s.empty())
        return s;
    const size_t last = s.rfind('.');
    if (last == std::string::npos || last == 0 || last + 1 == s.size())
        return {};
    const size_t second = s.rfind('.', last - 1);
    if (second == std::string::npos) {
        const size_t colon = s.find(':');
        if (colon != std::string::npos && colon > 0 && colon < last) {
            s[colon] = '.'; // legacy "project:dataset.table"
            return s;
        }
        if (defaultProject.empty())
            return s; // "dataset.table": no project known
        return std::string(defaultProject) + '.' + s;
    }
    if (second == 0)
        return {};
    return s;
}

namespace {

enum class Field {
    Other,
    CreationTime,
    StartTime,
    EndTime,
    UserEmail,
    ProjectId,
    JobId,
    ParentJobId,
    StatementType,
    JobType,
    State,
    ErrorResult,
    CacheHit,
    TotalBytesProcessed,
    ReferencedTables,
    DestinationTable,
    // parts of a table reference
    PartProject,
    PartDataset,
    PartTable,
};

Field topField(std::string_view key)
{
    static const std::unordered_map<std::string_view, Field> fields = {
        {"creation_time", Field::CreationTime},
        {"start_time", Field::StartTime},
        {"end_time", Field::EndTime},
        {"user_email", Field::UserEmail},
        {"project_id", Field::ProjectId},
        {"job_id", Field::JobId},
        {"parent_job_id", Field::ParentJobId},
        {"statement_type", Field::StatementType},
        {"job_type", Field::JobType},
        {"state", Field::State},
        {"error_result", Field::ErrorResult},
        {"cache_hit", Field::CacheHit},
        {"total_bytes_processed", Field::TotalBytesProcessed},
        {"referenced_tables", Field::ReferencedTables},
        {"destination_table", Field::DestinationTable},
    };
    const auto it = fields.find(key);
    return it == fields.end() ? Field::Other : it->second;
}

Field partField(std::string_view key)
{
    if (key == "project_id" || key == "projectId")
        return Field::PartProject;
    if (key == "dataset_id" || key == "datasetId")
        return Field::PartDataset;
    if (key == "table_id" || key == "tableId")
        return Field::PartTable;
    return Field::Other;
}

struct TableParts
{
    std::string project, dataset, table, whole;
    void clear()
    {
        project.clear();
        dataset.clear();
        table.clear();
        whole.clear();
    }
    bool empty() const
    {
        return project.empty() && dataset.empty() && table.empty() && whole.empty();
    }
    std::string name(std::string_view defaultProject) const
    {
        if (!whole.empty())
            return normalizeTableName(whole, defaultProject);
        if (dataset.empty() || table.empty())
            return {};
        std::string p = project.empty() ? std::string(defaultProject) : project;
        if (p.empty())
            return dataset + '.' + table;
        return p + '.' + dataset + '.' + table;
    }
};

bool parseBool(std::string_view s)
{
    return s == "true" || s == "TRUE" || s == "True" || s == "1";
}

bool parseInt(std::string_view s, qint64 &out)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '"'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\r'))
        s.remove_suffix(1);
    if (s.empty()) {
        out = 0;
        return true;
    }
    qint64 v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size()) {
        out = v;
        return true;
    }
    double d = 0;
    auto [end2, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec2 == std::errc() && end2 == s.data() + s.size() && std::isfinite(d)) {
        out = static_cast<qint64>(std::llround(d));
        return true;
    }
    return false;
}

bool isNullText(std::string_view s)
{
    return s.empty() || s == "null" || s == "NULL" || s == "\\N";
}

// Collects one row's fields, whatever the input syntax, and turns them into a JobRecord.
struct RowBuilder
{
    JobRecord record;
    std::string times[3]; // creation, start, end (raw text)
    std::vector<TableParts> refs;
    size_t refCount = 0;
    TableParts dest;
    std::string error;

    void clear()
    {
        record.clear();
        for (auto &t : times)
            t.clear();
        refCount = 0;
        dest.clear();
        error.clear();
    }
    TableParts &newRef()
    {
        if (refCount == refs.size())
            refs.emplace_back();
        TableParts &p = refs[refCount++];
        p.clear();
        return p;
    }

    void setScalar(Field f, std::string_view value)
    {
        switch (f) {
        case Field::CreationTime:
            times[0].assign(value);
            break;
        case Field::StartTime:
            times[1].assign(value);
            break;
        case Field::EndTime:
            times[2].assign(value);
            break;
        case Field::UserEmail:
            record.userEmail.assign(value);
            break;
        case Field::ProjectId:
            record.projectId.assign(value);
            break;
        case Field::JobId:
            record.jobId.assign(value);
            break;
        case Field::ParentJobId:
            record.parentJobId.assign(value);
            break;
        case Field::StatementType:
            record.statementType.assign(value);
            break;
        case Field::JobType:
            record.jobType.assign(value);
            break;
        case Field::State:
            record.state.assign(value);
            break;
        case Field::ErrorResult:
            if (!isNullText(value))
                record.hasError = true;
            break;
        case Field::CacheHit:
            record.cacheHit = parseBool(value);
            break;
        case Field::TotalBytesProcessed:
            if (!parseInt(value, record.totalBytesProcessed) && error.empty())
                error = "bad total_bytes_processed '" + std::string(value.substr(0, 40)) + "'";
            break;
        case Field::DestinationTable:
            if (!isNullText(value))
                dest.whole.assign(value);
            break;
        case Field::ReferencedTables:
            addTableList(value);
            break;
        default:
            break;
        }
    }

    // "p.d.t, p.d.u" (also ; | or whitespace separated): one reference per name.
    void addTableList(std::string_view v)
    {
        if (isNullText(v))
            return;
        size_t start = 0;
        for (size_t i = 0; i <= v.size(); ++i) {
            if (i == v.size() || v[i] == ',' || v[i] == ';' || v[i] == ' ' || v[i] == '\n'
                || v[i] == '|') {
                if (i > start)
                    newRef().whole.assign(v.substr(start, i - start));
                start = i + 1;
            }
        }
    }

    // Returns false when the row is malformed (error says why).
    bool finish()
    {
        if (!error.empty())
            return false;
        static const char *const names[3] = {"creation_time", "start_time", "end_time"};
        for (int i = 0; i < 3; ++i) {
            if (isNullText(times[i]))
                continue;
            const auto t = parseTimestamp(std::string_view(times[i]));
            if (!t) {
                error = std::string("bad ") + names[i] + " '" + times[i].substr(0, 40) + "'";
                return false;
            }
            if (!record.creationTime)
                record.creationTime = t;
        }
        if (!record.creationTime) {
            error = "row has no creation_time";
            return false;
        }
        record.referencedTables.clear();
        for (size_t i = 0; i < refCount; ++i) {
            if (refs[i].empty())
                continue;
            std::string name = refs[i].name(record.projectId);
            if (name.empty()) {
                error = "bad referenced table '" + refs[i].whole + refs[i].dataset + "'";
                return false;
            }
            record.referencedTables.push_back(std::move(name));
        }
        if (!dest.empty())
            record.destinationTable = dest.name(record.projectId);
        return true;
    }
};

// nlohmann SAX handler for one row object. Only the fields the ranking needs are kept.
class RowSax
{
public:
    using json = nlohmann::json;
    explicit RowSax(RowBuilder &row)
        : m_row(row)
    {}

    bool null() { return value({}, true); }
    bool boolean(bool b) { return value(b ? "true" : "false"); }
    bool number_integer(json::number_integer_t v) { return number(v); }
    bool number_unsigned(json::number_unsigned_t v) { return number(static_cast<qint64>(v)); }
    bool number_float(json::number_float_t, const json::string_t &s) { return value(s); }
    bool string(json::string_t &s) { return value(s); }
    bool binary(json::binary_t &) { return true; }
    bool start_object(std::size_t)
    {
        const size_t d = m_stack.size();
        if (d == 0) {
            m_stack.push_back('{');
            return true;
        }
        if (d == 1) {
            if (m_top == Field::ErrorResult)
                m_row.record.hasError = true;
        } else if (d == 2 && m_top == Field::ReferencedTables && m_stack[1] == '[') {
            m_ref = &m_row.newRef();
        }
        m_stack.push_back('{');
        return true;
    }
    bool end_object()
    {
        m_stack.pop_back();
        if (m_stack.size() == 2)
            m_ref = nullptr;
        return true;
    }
    bool start_array(std::size_t)
    {
        if (m_stack.empty()) {
            m_notObject = true;
            return false;
        }
        m_stack.push_back('[');
        return true;
    }
    bool end_array()
    {
        m_stack.pop_back();
        return true;
    }
    bool key(json::string_t &k) { return onKey(k); }
    bool onKey(std::string_view k)
    {
        const size_t d = m_stack.size();
        if (d == 1)
            m_top = topField(k);
        else
            m_key = partField(k);
        return true;
    }
    // Entry points for JsonScanner: raw text, decoded only when the value is kept.
    bool wantsStrings() const
    {
        const size_t d = m_stack.size();
        return d == 0 || (d == 1 && m_top != Field::Other) || m_top == Field::ReferencedTables
               || m_top == Field::DestinationTable;
    }
    bool onString(std::string_view decoded) { return value(decoded); }
    bool onNumber(std::string_view raw) { return value(raw); }
    bool onBool(bool b) { return value(b ? "true" : "false"); }
    bool onNull() { return value({}, true); }
    bool parse_error(std::size_t position, const std::string &,
                     const nlohmann::detail::exception &e)
    {
        m_error = e.what();
        m_errorPosition = position;
        return false;
    }

    std::string m_error;
    size_t m_errorPosition = 0;
    bool m_notObject = false;

private:
    bool number(qint64 v)
    {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
        return value(std::string_view(buf, static_cast<size_t>(end - buf)));
    }
    bool value(std::string_view v, bool isNull = false)
    {
        const size_t d = m_stack.size();
        if (d == 0) {
            m_notObject = true;
            return false;
        }
        if (d == 1) {
            if (!isNull)
                m_row.setScalar(m_top, v);
            return true;
        }
        if (isNull)
            return true;
        if (m_top == Field::ReferencedTables) {
            if (d == 2 && m_stack[1] == '[') {
                m_row.newRef().whole.assign(v);
            } else if (d == 3 && m_ref) {
                assignPart(*m_ref, v);
            }
        } else if (m_top == Field::DestinationTable && d == 2 && m_stack[1] == '{') {
            assignPart(m_row.dest, v);
        }
        return true;
    }
    void assignPart(TableParts &p, std::string_view v)
    {
        switch (m_key) {
        case Field::PartProject:
            p.project.assign(v);
            break;
        case Field::PartDataset:
            p.dataset.assign(v);
            break;
        case Field::PartTable:
            p.table.assign(v);
            break;
        default:
            break;
        }
    }

    RowBuilder &m_row;
    std::vector<char> m_stack;
    Field m_top = Field::Other;
    Field m_key = Field::Other;
    TableParts *m_ref = nullptr;
};

// A strict JSON scanner for one row, tuned for JOBS rows: strings the row does not keep
// (the query text is most of the bytes) are skipped with memchr, never decoded or copied.
template<typename Handler>
class JsonScanner
{
public:
    JsonScanner(std::string_view text, Handler &handler)
        : m_s(text)
        , m_h(handler)
    {}

    bool run()
    {
        skipWs();
        if (!value(0))
            return false;
        skipWs();
        if (m_pos != m_s.size())
            return fail("unexpected text after the row");
        return true;
    }
    size_t errorPosition() const { return m_pos; }
    const std::string &error() const { return m_error; }

private:
    bool fail(const char *message)
    {
        if (m_error.empty())
            m_error = message;
        return false;
    }
    void skipWs()
    {
        while (m_pos < m_s.size()) {
            const char c = m_s[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }
    bool value(int depth)
    {
        if (depth > 64)
            return fail("nested too deeply");
        if (m_pos >= m_s.size())
            return fail("unexpected end of row");
        const char c = m_s[m_pos];
        switch (c) {
        case '{':
            return object(depth);
        case '[':
            return array(depth);
        case '"': {
            std::string_view raw;
            bool escaped = false;
            if (!string(raw, escaped))
                return false;
            if (!m_h.wantsStrings())
                return true;
            if (!escaped)
                return m_h.onString(raw) || fail("not a JSON object");
            if (!decode(raw, m_decoded))
                return false;
            return m_h.onString(m_decoded) || fail("not a JSON object");
        }
        case 't':
            return literal("true") && (m_h.onBool(true) || fail("not a JSON object"));
        case 'f':
            return literal("false") && (m_h.onBool(false) || fail("not a JSON object"));
        case 'n':
            return literal("null") && (m_h.onNull() || fail("not a JSON object"));
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number();
            return fail("unexpected character where a value should be");
        }
    }
    bool literal(std::string_view word)
    {
        if (m_s.substr(m_pos, word.size()) != word)
            return fail("invalid literal");
        m_pos += word.size();
        return true;
    }
    bool number()
    {
        const size_t start = m_pos;
        if (m_s[m_pos] == '-')
            ++m_pos;
        const size_t intStart = m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
            ++m_pos;
        if (m_pos == intStart)
            return fail("invalid number");
        if (m_pos < m_s.size() && m_s[m_pos] == '.') {
            ++m_pos;
            const size_t f = m_pos;
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
                ++m_pos;
            if (m_pos == f)
                return fail("invalid number");
        }
        if (m_pos < m_s.size() && (m_s[m_pos] == 'e' || m_s[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_s.size() && (m_s[m_pos] == '+' || m_s[m_pos] == '-'))
                ++m_pos;
            const size_t e = m_pos;
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
                ++m_pos;
            if (m_pos == e)
                return fail("invalid number");
        }
        return m_h.onNumber(m_s.substr(start, m_pos - start)) || fail("not a JSON object");
    }
    // On success `raw` is the text between the quotes and m_pos is after the closing quote.
    bool string(std::string_view &raw, bool &escaped)
    {
        const size_t start = ++m_pos;
        const char *base = m_s.data();
        const size_t n = m_s.size();
        size_t p = start;
        for (;;) {
            const void *q = std::memchr(base + p, '"', n - p);
            if (!q) {
                m_pos = n;
                return fail("unterminated string");
            }
            const size_t quote = static_cast<size_t>(static_cast<const char *>(q) - base);
            const void *b = std::memchr(base + p, '\\', quote - p);
            if (!b) {
                raw = m_s.substr(start, quote - start);
                m_pos = quote + 1;
                return true;
            }
            escaped = true;
            size_t e = static_cast<size_t>(static_cast<const char *>(b) - base) + 1;
            if (e >= n) {
                m_pos = n;
                return fail("unterminated string");
            }
            const char c = base[e];
            if (c == 'u') {
                for (size_t i = 1; i <= 4; ++i) {
                    if (e + i >= n || !std::isxdigit(static_cast<unsigned char>(base[e + i]))) {
                        m_pos = e;
                        return fail("invalid \\u escape");
                    }
                }
                p = e + 5;
            } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n'
                       || c == 'r' || c == 't') {
                p = e + 1;
            } else {
                m_pos = e;
                return fail("invalid escape in string");
            }
        }
    }
    static void appendUtf8(std::string &out, unsigned cp)
    {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    bool decode(std::string_view raw, std::string &out)
    {
        out.clear();
        for (size_t i = 0; i < raw.size(); ++i) {
            const char c = raw[i];
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            const char e = raw[++i];
            switch (e) {
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u': {
                unsigned cp = 0;
                std::from_chars(raw.data() + i + 1, raw.data() + i + 5, cp, 16);
                i += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < raw.size() + 0 && raw[i + 1] == '\\'
                    && raw[i + 2] == 'u') {
                    unsigned low = 0;
                    std::from_chars(raw.data() + i + 3, raw.data() + i + 7, low, 16);
                    if (low >= 0xDC00 && low < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    }
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                out.push_back(e);
                break;
            }
        }
        return true;
    }
    bool object(int depth)
    {
        ++m_pos;
        if (!m_h.start_object(0))
            return fail("not a JSON object");
        skipWs();
        if (m_pos < m_s.size() && m_s[m_pos] == '}') {
            ++m_pos;
            return m_h.end_object();
        }
        for (;;) {
            skipWs();
            if (m_pos >= m_s.size() || m_s[m_pos] != '"')
                return fail("expected a quoted key");
            std::string_view key;
            bool escaped = false;
            if (!string(key, escaped))
                return false;
            if (escaped) {
                decode(key, m_key);
                key = m_key;
            }
            m_h.onKey(key);
            skipWs();
            if (m_pos >= m_s.size() || m_s[m_pos] != ':')
                return fail("expected ':' after a key");
            ++m_pos;
            skipWs();
            if (!value(depth + 1))
                return false;
            skipWs();
            if (m_pos >= m_s.size())
                return fail("unexpected end of row inside an object");
            if (m_s[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_s[m_pos] == '}') {
                ++m_pos;
                return m_h.end_object();
            }
            return fail("expected ',' or '}' in an object");
        }
    }
    bool array(int depth)
    {
        ++m_pos;
        if (!m_h.start_array(0))
            return fail("not a JSON object");
        skipWs();
        if (m_pos < m_s.size() && m_s[m_pos] == ']') {
            ++m_pos;
            return m_h.end_array();
        }
        for (;;) {
            skipWs();
            if (!value(depth + 1))
                return false;
            skipWs();
            if (m_pos >= m_s.size())
                return fail("unexpected end of row inside an array");
            if (m_s[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_s[m_pos] == ']') {
                ++m_pos;
                return m_h.end_array();
            }
            return fail("expected ',' or ']' in an array");
        }
    }

    std::string_view m_s;
    Handler &m_h;
    size_t m_pos = 0;
    std::string m_error;
    std::string m_decoded;
    std::string m_key;
};

std::string_view trimView(std::string_view s)
{
    while (!s.empty()
           && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty()
           && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

// Shared bookkeeping of a read: row delivery, diagnostics.
struct ReadContext
{
    const JobsReader::RowSink &sink;
    ReadStats &stats;
    QString file;
    int maxDiagnostics;
    RowBuilder row;

    void malformed(qint64 line, const QString &message, int column = 0)
    {
        ++stats.malformed;
        if (stats.diagnostics.size() < maxDiagnostics)
            stats.diagnostics.append(
                Diagnostic::warning(file, static_cast<int>(line), column, message));
    }
    void formatError(qint64 line, const QString &message)
    {
        stats.diagnostics.append(Diagnostic::error(file, static_cast<int>(line), 0, message));
    }
    void deliver()
    {
        if (!row.finish()) {
            malformed(row.record.line,
                      Tr::tr("skipped row: %1").arg(QString::fromStdString(row.error)));
            return;
        }
        ++stats.rows;
        sink(row.record);
    }
    void parseJsonRow(std::string_view text, qint64 line)
    {
        row.clear();
        row.record.line = line;
        RowSax sax(row);
        JsonScanner<RowSax> scanner(text, sax);
        if (!scanner.run()) {
            if (sax.m_notObject) {
                malformed(line, Tr::tr("skipped row: not a JSON object"));
            } else {
                // Point at the line inside a multi-line (pretty-printed) row.
                const size_t upTo = std::min(scanner.errorPosition(), text.size());
                const qint64 at = line + std::count(text.begin(), text.begin() + upTo, '\n');
                const size_t lineStart = text.substr(0, upTo).rfind('\n');
                const size_t column
                    = upTo - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
                // Columns are exact for NDJSON lines; a pretty-printed row keeps its indentation.
                malformed(at,
                          Tr::tr("skipped malformed JSON row: %1")
                              .arg(QString::fromStdString(scanner.error())),
                          static_cast<int>(column));
            }
            return;
        }
        deliver();
    }
};

// Splits a stream into top-level JSON values: either the elements of a top-level array
// (bq --format=json/prettyjson) or concatenated values. Memory: one element at a time.
class JsonSplitter
{
public:
    JsonSplitter(ReadContext &ctx, bool arrayMode)
        : m_ctx(ctx)
        , m_arrayMode(arrayMode)
    {}

    void feed(const char *data, size_t size)
    {
        size_t i = 0;
        while (i < size) {
            if (m_depth > 0) {
                // Inside a row: find where it ends, then copy the whole run at once.
                const size_t runStart = i;
                bool complete = false;
                while (i < size) {
                    if (m_inString && !m_escape) {
                        // Skip string contents with memchr (query texts are long).
                        const void *q = std::memchr(data + i, '"', size - i);
                        size_t stop
                            = q ? static_cast<size_t>(static_cast<const char *>(q) - data) : size;
                        if (const void *b = std::memchr(data + i, '\\', stop - i))
                            stop = static_cast<size_t>(static_cast<const char *>(b) - data);
                        m_line += std::count(data + i, data + stop, '\n');
                        i = stop;
                        if (i == size)
                            break;
                    }
                    const char c = data[i++];
                    if (m_inString) {
                        if (m_escape)
                            m_escape = false;
                        else if (c == '\\')
                            m_escape = true;
                        else if (c == '"')
                            m_inString = false;
                        continue;
                    }
                    if (c == '"') {
                        m_inString = true;
                    } else if (c == '{' || c == '[') {
                        ++m_depth;
                    } else if (c == '}' || c == ']') {
                        if (--m_depth == 0) {
                            complete = true;
                            break;
                        }
                    } else if (c == '\n') {
                        ++m_line;
                    }
                }
                m_element.append(data + runStart, i - runStart);
                if (complete)
                    flush();
                continue;
            }
            if (m_inScalar) {
                // The rest of a scalar row begun in the previous chunk: already reported.
                skipScalar(data, size, i);
                continue;
            }
            const char c = data[i++];
            if (c == '\n') {
                ++m_line;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r')
                continue;
            if (m_arrayMode && !m_inArray) {
                if (c == '[') {
                    m_inArray = true;
                    m_expectValue = true;
                    continue;
                }
                if (!m_reportedGarbage) {
                    m_ctx.formatError(m_line, Tr::tr("unexpected text outside the JSON array"));
                    m_reportedGarbage = true;
                }
                continue;
            }
            if (m_arrayMode && c == ']') {
                m_inArray = false;
                continue;
            }
            if (m_arrayMode && c == ',') {
                continue;
            }
            if (c == '{' || c == '[') {
                m_element.clear();
                m_element.push_back(c);
                m_depth = 1;
                m_elementLine = m_line;
                continue;
            }
            // A scalar where a row should be: skip to the next separator.
            m_ctx.malformed(m_line, Tr::tr("skipped row: not a JSON object"));
            skipScalar(data, size, i);
        }
    }

    void finish()
    {
        if (m_depth > 0) {
            m_ctx.malformed(m_elementLine,
                            Tr::tr("skipped row: unexpected end of file inside a JSON row"));
            m_depth = 0;
        } else if (m_arrayMode && m_inArray) {
            m_ctx.formatError(m_line,
                              Tr::tr("unexpected end of file: the JSON array is not closed"));
        }
    }

private:
    void skipScalar(const char *data, size_t size, size_t &i)
    {
        while (i < size && data[i] != ',' && data[i] != '\n' && data[i] != ']' && data[i] != '{')
            ++i;
        m_inScalar = i == size; // a chunk boundary cut the scalar: the next feed goes on skipping
    }
    void flush()
    {
        m_ctx.parseJsonRow(std::string_view(m_element.data(), m_element.size()), m_elementLine);
        m_element.clear();
    }

    ReadContext &m_ctx;
    bool m_arrayMode;
    bool m_inArray = false;
    bool m_expectValue = false;
    bool m_reportedGarbage = false;
    bool m_inScalar = false;
    bool m_inString = false;
    bool m_escape = false;
    int m_depth = 0;
    qint64 m_line = 1;
    qint64 m_elementLine = 1;
    std::string m_element;
};

// Newline-delimited JSON: one row per line, so one bad line never affects the next.
class LineSplitter
{
public:
    explicit LineSplitter(ReadContext &ctx)
        : m_ctx(ctx)
    {}
    void feed(const char *data, size_t size)
    {
        const char *p = data;
        const char *end = data + size;
        while (p < end) {
            const char *nl
                = static_cast<const char *>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
            if (!nl) {
                m_pending.append(p, static_cast<size_t>(end - p));
                return;
            }
            if (m_pending.empty()) {
                line(std::string_view(p, static_cast<size_t>(nl - p)));
            } else {
                m_pending.append(p, static_cast<size_t>(nl - p));
                line(m_pending);
                m_pending.clear();
            }
            p = nl + 1;
        }
    }
    void finish()
    {
        if (!m_pending.empty()) {
            line(m_pending);
            m_pending.clear();
        }
    }

private:
    void line(std::string_view text)
    {
        ++m_line;
        const std::string_view t = trimView(text);
        if (t.empty())
            return;
        m_ctx.parseJsonRow(t, m_line);
    }
    ReadContext &m_ctx;
    std::string m_pending;
    qint64 m_line = 0;
};

// RFC 4180 CSV with a header row. Quoted fields may span lines.
class CsvParser
{
public:
    explicit CsvParser(ReadContext &ctx)
        : m_ctx(ctx)
    {}

    void feed(const char *data, size_t size)
    {
        for (size_t i = 0; i < size; ++i) {
            const char c = data[i];
            if (m_inQuotes) {
                if (m_quotePending) {
                    m_quotePending = false;
                    if (c == '"') {
                        m_field.push_back('"');
                        continue;
                    }
                    m_inQuotes = false; // fall through: c ends the quoted part
                } else if (c == '"') {
                    m_quotePending = true;
                    continue;
                } else {
                    if (c == '\n')
                        ++m_line;
                    m_field.push_back(c);
                    continue;
                }
            }
            if (c == '"' && m_field.empty() && !m_fieldQuoted) {
                m_inQuotes = true;
                m_fieldQuoted = true;
            } else if (c == ',') {
                endField();
            } else if (c == '\n') {
                endField();
                endRecord();
                ++m_line;
                m_recordLine = m_line;
            } else if (c == '\r') {
                // CRLF
            } else {
                m_field.push_back(c);
            }
        }
    }
    void finish()
    {
        if (m_inQuotes && !m_quotePending) {
            m_ctx.malformed(m_recordLine, Tr::tr("skipped row: unterminated quoted CSV field"));
            m_fields.clear();
            m_fieldCount = 0;
            return;
        }
        m_inQuotes = false;
        if (!m_field.empty() || m_fieldCount > 0) {
            endField();
            endRecord();
        }
    }

private:
    enum Flat {
        FlatNone,
        FlatProject,
        FlatDataset,
        FlatTable,
        DestProject,
        DestDataset,
        DestTable
    };

    void endField()
    {
        if (m_fieldCount == m_fields.size())
            m_fields.emplace_back();
        m_fields[m_fieldCount].swap(m_field);
        m_field.clear();
        ++m_fieldCount;
        m_fieldQuoted = false;
    }
    void endRecord()
    {
        const size_t count = m_fieldCount;
        m_fieldCount = 0;
        if (count == 0 || (count == 1 && trimView(m_fields[0]).empty()))
            return; // blank line
        if (!m_haveHeader) {
            header(count);
            return;
        }
        if (count != m_columns.size()) {
            m_ctx.malformed(m_recordLine, Tr::tr("skipped row: %1 fields, the header has %2")
                                              .arg(count)
                                              .arg(m_columns.size()));
            return;
        }
        RowBuilder &row = m_ctx.row;
        row.clear();
        row.record.line = m_recordLine;
        TableParts flatRef;
        for (size_t i = 0; i < count; ++i) {
            const std::string &value = m_fields[i];
            const Field f = m_columns[i];
            if (f == Field::ReferencedTables) {
                referencedTables(row, value);
            } else if (f == Field::DestinationTable) {
                destination(row, value);
            } else if (f != Field::Other) {
                row.setScalar(f, value);
            } else {
                switch (m_flat[i]) {
                case FlatProject:
                    flatRef.project = value;
                    break;
                case FlatDataset:
                    flatRef.dataset = value;
                    break;
                case FlatTable:
                    flatRef.table = value;
                    break;
                case DestProject:
                    row.dest.project = value;
                    break;
                case DestDataset:
                    row.dest.dataset = value;
                    break;
                case DestTable:
                    row.dest.table = value;
                    break;
                default:
                    break;
                }
            }
        }
        if (!isNullText(flatRef.dataset) && !isNullText(flatRef.table)) {
            TableParts &p = row.newRef();
            p = flatRef;
        }
        m_ctx.deliver();
    }
    void header(size_t count)
    {
        m_haveHeader = true;
        m_columns.assign(count, Field::Other);
        m_flat.assign(count, FlatNone);
        for (size_t i = 0; i < count; ++i) {
            std::string name(trimView(m_fields[i]));
            if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0)
                name.erase(0, 3);
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            std::replace(name.begin(), name.end(), '.', '_');
            m_columns[i] = topField(name);
            if (m_columns[i] != Field::Other)
                continue;
            if (name == "referenced_tables_project_id" || name == "referenced_table_project_id")
                m_flat[i] = FlatProject;
            else if (name == "referenced_tables_dataset_id"
                     || name == "referenced_table_dataset_id")
                m_flat[i] = FlatDataset;
            else if (name == "referenced_tables_table_id" || name == "referenced_table_table_id")
                m_flat[i] = FlatTable;
            else if (name == "destination_table_project_id")
                m_flat[i] = DestProject;
            else if (name == "destination_table_dataset_id")
                m_flat[i] = DestDataset;
            else if (name == "destination_table_table_id")
                m_flat[i] = DestTable;
            else if (name == "referenced_table")
                m_columns[i] = Field::ReferencedTables;
        }
    }
    // JSON text ([{"project_id":…}] or ["p.d.t"]) or a list of names separated by , ; or space.
    void referencedTables(RowBuilder &row, const std::string &value)
    {
        const std::string_view v = trimView(value);
        if (isNullText(v) || v == "[]")
            return;
        if (v.front() == '[' || v.front() == '{') {
            RowBuilder tmp;
            const std::string wrapped = "{\"referenced_tables\":" + std::string(v) + "}";
            RowSax sax(tmp);
            if (!nlohmann::json::sax_parse(wrapped.begin(), wrapped.end(), &sax)) {
                row.error = "referenced_tables is not valid JSON";
                return;
            }
            if (v.front() == '{' && tmp.refCount == 0) {
                // A single record rather than an array.
                nlohmann::json j = nlohmann::json::parse(v, nullptr, false);
                if (j.is_object()) {
                    TableParts &p = row.newRef();
                    p.project = j.value("project_id", std::string());
                    p.dataset = j.value("dataset_id", std::string());
                    p.table = j.value("table_id", std::string());
                }
            }
            for (size_t i = 0; i < tmp.refCount; ++i)
                row.newRef() = tmp.refs[i];
            return;
        }
        row.addTableList(v);
    }
    void destination(RowBuilder &row, const std::string &value)
    {
        const std::string_view v = trimView(value);
        if (isNullText(v))
            return;
        if (v.front() == '{') {
            nlohmann::json j = nlohmann::json::parse(v, nullptr, false);
            if (!j.is_object()) {
                row.error = "destination_table is not valid JSON";
                return;
            }
            auto str = [&](const char *k) {
                const auto it = j.find(k);
                return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
            };
            row.dest.project = str("project_id");
            row.dest.dataset = str("dataset_id");
            row.dest.table = str("table_id");
            return;
        }
        row.dest.whole.assign(v);
    }

    ReadContext &m_ctx;
    bool m_haveHeader = false;
    bool m_inQuotes = false;
    bool m_quotePending = false;
    bool m_fieldQuoted = false;
    std::string m_field;
    std::vector<std::string> m_fields;
    size_t m_fieldCount = 0;
    std::vector<Field> m_columns;
    std::vector<Flat> m_flat;
    qint64 m_line = 1;
    qint64 m_recordLine = 1;
};

// True when the first JSON value in `head` ends on its first line (then: NDJSON lines).
bool firstValueOnOneLine(std::string_view head)
{
    int depth = 0;
    bool inString = false, escape = false, started = false;
    for (char c : head) {
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '\n' && started)
            return depth == 0;
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
            started = true;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return true;
        }
    }
    return true;
}

} // namespace

JobsFormat JobsReader::detectFormat(std::string_view head)
{
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    const std::string_view t = trimView(head);
    if (t.empty())
        return JobsFormat::Unknown;
    if (t.front() == '[')
        return JobsFormat::JsonArray;
    if (t.front() == '{')
        return JobsFormat::NdJson;
    // CSV: a header line naming at least one JOBS column.
    std::string first(t.substr(0, t.find('\n')));
    std::transform(first.begin(), first.end(), first.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char *column : {"creation_time", "referenced_table", "user_email", "job_id"}) {
        if (first.find(column) != std::string::npos && first.find(',') != std::string::npos)
            return JobsFormat::Csv;
    }
    return JobsFormat::Unknown;
}

bool JobsReader::readFile(const QString &path, const RowSink &sink, ReadStats *stats)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        stats->diagnostics.append(
            Diagnostic::error(path, 0, 0, Tr::tr("cannot open: %1").arg(file.errorString())));
        return false;
    }
    return read(&file, path, sink, stats);
}

bool JobsReader::read(QIODevice *device, const QString &name, const RowSink &sink, ReadStats *stats)
{
    ReadContext ctx{sink, *stats, name, m_maxDiagnostics, {}};
    const qint64 total = device->isSequential() ? -1 : device->size();

    // The head (enough to tell the format) is read at once, then fed in chunkSize slices.
    const size_t chunk = static_cast<size_t>(std::max<qint64>(m_chunkSize, 1));
    std::vector<char> buffer(std::max<size_t>(chunk, 64 * 1024));
    qint64 got = device->read(buffer.data(), static_cast<qint64>(buffer.size()));
    if (got < 0) {
        ctx.formatError(0, Tr::tr("cannot read: %1").arg(device->errorString()));
        return false;
    }
    std::string_view head(buffer.data(), static_cast<size_t>(got));
    // Skip leading blank lines so the head holds something to look at.
    stats->format = detectFormat(head);
    if (stats->format == JobsFormat::Unknown) {
        if (trimView(head).empty())
            return true; // an empty log: no rows, nothing wrong
        ctx.formatError(1,
                        Tr::tr("not a JOBS log: expected a JSON array, newline-delimited JSON or "
                               "CSV with a header row"));
        return false;
    }
    size_t skip = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;

    std::unique_ptr<JsonSplitter> json;
    std::unique_ptr<LineSplitter> lines;
    std::unique_ptr<CsvParser> csv;
    switch (stats->format) {
    case JobsFormat::JsonArray:
        json = std::make_unique<JsonSplitter>(ctx, true);
        break;
    case JobsFormat::NdJson:
        if (firstValueOnOneLine(head.substr(skip)))
            lines = std::make_unique<LineSplitter>(ctx);
        else
            json = std::make_unique<JsonSplitter>(ctx, false);
        break;
    default:
        csv = std::make_unique<CsvParser>(ctx);
        break;
    }
    auto feed = [&](const char *data, size_t size) {
        if (json)
            json->feed(data, size);
        else if (lines)
            lines->feed(data, size);
        else
            csv->feed(data, size);
    };

    qint64 done = 0;
    while (got > 0) {
        for (size_t pos = 0; pos < static_cast<size_t>(got); pos += chunk) {
            const size_t end = std::min(static_cast<size_t>(got), pos + chunk);
            const size_t from = std::max(pos, skip);
            if (end > from)
                feed(buffer.data() + from, end - from);
            done += static_cast<qint64>(end - pos);
            stats->bytes = done;
            if (m_progress && !m_progress(done, total)) {
                stats->cancelled = true;
                return true;
            }
        }
        skip = 0;
        got = device->read(buffer.data(), static_cast<qint64>(chunk));
    }
    if (got < 0)
        ctx.formatError(0, Tr::tr("read error: %1").arg(device->errorString()));
    if (json)
        json->finish();
    else if (lines)
        lines->finish();
    else
        csv->finish();
    return true;
}

UserKind classifyUser(const QString &email)
{
    if (email.isEmpty())
        return UserKind::Unknown;
    if (email.endsWith(QLatin1String(".gserviceaccount.com"), Qt::CaseInsensitive))
        return UserKind::ServiceAccount;
    return UserKind::Person;
}

QString userDomain(const QString &email)
{
    const int at = email.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : email.mid(at + 1).toLower();
}

std::optional<double> TableUsage::trend() const
{
    if (!hasTrend || previousReferences == 0)
        return std::nullopt;
    return static_cast<double>(references - previousReferences)
           / static_cast<double>(previousReferences);
}

} // namespace warroom::usage
