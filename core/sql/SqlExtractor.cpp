#include "core/sql/SqlExtractor.h"

#include "core/sql/SqlLexer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace warroom::sql {

namespace {

using namespace detail;

inline char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (lowerAscii(a[i]) != lowerAscii(b[i]))
            return false;
    }
    return true;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = lowerAscii(c);
    return out;
}

// Tokens are lexed on demand and dropped once a statement is done, so memory stays small
// whatever the input size.
class TokenStream
{
public:
    TokenStream(Lexer &lexer, std::vector<Token> &buffer) : m_lexer(lexer), m_buffer(buffer)
    {
        m_buffer.clear();
    }

    Token at(size_t i)
    {
        const size_t k = i - m_base;
        if (k < m_buffer.size()) [[likely]]
            return m_buffer[k];
        return fill(i);
    }

    Token fill(size_t i)
    {
        while (i >= m_base + m_buffer.size()) {
            if (m_ended)
                return m_end;
            // Lex ahead in batches: one call here per 64 tokens, not per token.
            for (int n = 0; n < 64; ++n) {
                const Token t = m_lexer.next();
                if (t.kind == TokenKind::End) {
                    m_ended = true;
                    m_end = t;
                    break;
                }
                m_buffer.push_back(t);
            }
        }
        if (i < m_base)
            return Token{}; // never asked for in practice (see discardBefore)
        return m_buffer[i - m_base];
    }

    // Forgets tokens before i - 8 (a little look-behind stays available).
    void discardBefore(size_t i)
    {
        if (i < m_base + 4096 + 8)
            return;
        const size_t drop = std::min(i - 8 - m_base, m_buffer.size());
        m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(drop));
        m_base += drop;
    }

private:
    Lexer &m_lexer;
    std::vector<Token> &m_buffer;
    size_t m_base = 0;
    bool m_ended = false;
    Token m_end;
};

enum class Clause : uint8_t { None, Select, From, LateralView, Other };
enum class StmtKind : uint8_t { None, With, FromFirst, Insert, Merge, Update, Delete, Create, CreateOther, Other };
enum class RefKind : uint8_t { Source, Target };

struct Frame
{
    int id = 0;
    uint32_t openPos = 0;    // offset of '(' (for "unclosed" errors)
    size_t firstIdx = 0;     // index of the first token inside the frame
    size_t cteMark = 0;      // CTE names visible before the frame opened
    Clause clause = Clause::None;
    bool hasQuery = false;   // SELECT (or DELETE/UPDATE) seen: FROM here opens a table list
    bool fromItem = false;   // a FROM item in parentheses: an alias may follow ')'
    bool cteBody = false;
    bool cteRecursive = false;
    int caseDepth = 0;
    std::string_view cteName;
};

struct Pending
{
    std::string_view name; // into the SQL text or the extractor's name store
    uint32_t pos = 0;
    RefKind kind = RefKind::Source;
    int frame = 0;
    int seq = 0;
    int stmt = 0;         // statement index within the script
    bool created = false; // written by CREATE TABLE/VIEW
};

// DROP TABLE x / ALTER TABLE x RENAME TO y, applied once the whole script is read.
struct TableEvent
{
    enum Type { Drop, Rename } type = Drop;
    std::string name;    // lower-case
    std::string newName; // Rename: as written
    uint32_t pos = 0;
    int stmt = 0;
};

struct RangeVar
{
    int frame = 0;
    int seq = 0;
    bool isExplicit = false;
    std::string_view name;
    std::string_view table; // the table the alias stands for (explicit aliases only)
};

// Containers reused from call to call on the same thread: extracting a small file must not
// cost a dozen allocations.
struct Scratch
{
    std::vector<Token> tokens;
    std::vector<Frame> frames;
    std::vector<int> frameParents;
    std::vector<std::string_view> ctes;
    std::vector<Pending> pending;
    std::vector<RangeVar> rangeVars;
    std::vector<Pending> resolved;
    std::vector<Pending> repeats;
    std::vector<std::string_view> seen;
    std::string nameBuffer;
    bool busy = false;
};

Scratch &scratch()
{
    thread_local Scratch s;
    return s;
}

struct CaseInsensitiveHash
{
    size_t operator()(std::string_view s) const
    {
        size_t h = 1469598103934665603ull;
        for (char c : s)
            h = (h ^ static_cast<unsigned char>(lowerAscii(c))) * 1099511628211ull;
        return h;
    }
};
struct CaseInsensitiveEqual
{
    bool operator()(std::string_view a, std::string_view b) const { return iequals(a, b); }
};
struct ExactHash
{
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct ExactEqual
{
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

// Open-addressing set of string views: one contiguous array, so the lookup done for every
// table reference costs no pointer chasing (std::unordered_set's nodes did, measurably).
template<typename Hash, typename Equal>
class FlatSet
{
public:
    bool insert(std::string_view key, uint32_t value = 0)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const uint64_t h = Hash{}(key) | 1; // 0 marks an empty slot
        size_t i = h & (m_slots.size() - 1);
        for (;;) {
            Slot &slot = m_slots[i];
            if (slot.hash == 0) {
                slot = Slot{h, key, value};
                ++m_size;
                return true;
            }
            if (slot.hash == h && Equal{}(slot.key, key))
                return false;
            i = (i + 1) & (m_slots.size() - 1);
        }
    }
    // The value stored with `key`, or UINT32_MAX.
    uint32_t find(std::string_view key) const
    {
        if (m_slots.empty())
            return UINT32_MAX;
        const uint64_t h = Hash{}(key) | 1;
        for (size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot &slot = m_slots[i];
            if (slot.hash == 0)
                return UINT32_MAX;
            if (slot.hash == h && Equal{}(slot.key, key))
                return slot.value;
        }
    }
    size_t size() const { return m_size; }
    void clear()
    {
        if (m_size) {
            std::fill(m_slots.begin(), m_slots.end(), Slot{});
            m_size = 0;
        }
    }

private:
    struct Slot
    {
        uint64_t hash = 0;
        std::string_view key;
        uint32_t value = 0;
    };
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        m_size = 0;
        for (const Slot &slot : old) {
            if (slot.hash)
                insert(slot.key, slot.value);
        }
    }
    std::vector<Slot> m_slots;
    size_t m_size = 0;
};

class Extractor
{
public:
    Extractor(std::string_view sql, const ExtractOptions &options, Scratch &scratch)
        : m_sql(sql)
        , m_dialect(options.dialect)
        , m_lexer(sql, options.dialect, &m_result.errors, &m_errorOffsets)
        , m_tokens(m_lexer, scratch.tokens)
        , m_lines(sql)
        , m_frames(scratch.frames)
        , m_frameParents(scratch.frameParents)
        , m_ctes(scratch.ctes)
        , m_pending(scratch.pending)
        , m_rangeVars(scratch.rangeVars)
        , m_resolved(scratch.resolved)
        , m_repeats(scratch.repeats)
        , m_seen(scratch.seen)
        , m_nameBuffer(scratch.nameBuffer)
    {
        m_frames.clear();
        m_frameParents.clear();
        m_ctes.clear();
        m_pending.clear();
        m_rangeVars.clear();
        m_resolved.clear();
        m_repeats.clear();
    }

    ExtractResult run();

private:
    Token tok(size_t i) { return m_tokens.at(i); }
    std::string_view text(const Token &t) const { return m_sql.substr(t.pos, t.len); }
    bool isPunct(size_t i, char c) { const Token t = tok(i); return t.kind == TokenKind::Punct && t.ch == c; }
    bool afterDot(size_t i) { return i > 0 && isPunct(i - 1, '.'); }
    bool isKw(size_t i, Kw kw)
    {
        const Token t = tok(i);
        return t.kind == TokenKind::Ident && t.kw == kw && !afterDot(i);
    }
    Frame &top() { return m_frames.back(); }

    void error(uint32_t pos, const char *message)
    {
        if (m_result.errors.size() >= 64)
            return;
        m_result.errors.push_back(SqlError{0, 0, message});
        m_errorOffsets.push_back(pos);
    }

    Frame &pushFrame(size_t openIdx);
    size_t closeFrame(size_t i);
    size_t keyword(size_t i, const Token &t);
    size_t statementStart(size_t i);
    void finishStatement(size_t i, bool atSemicolon);

    // `name` stays valid until the next parsePath() call (record() copies what it keeps).
    size_t parsePath(size_t i, std::string_view &name, std::string_view &lastPart);
    size_t parseFromItem(size_t i);
    size_t parseLegacy(size_t i);
    size_t parseAlias(size_t j, std::string_view implicitName, std::string_view table);
    size_t withClause(size_t i);
    bool looksLikeCteHeader(size_t j);
    size_t cteHeader(size_t j, bool recursive);
    size_t skipParens(size_t j);
    size_t skipStatement(size_t i);
    size_t insertStatement(size_t i);
    size_t createStatement(size_t i);
    size_t alterStatement(size_t i);
    size_t loadStatement(size_t i);
    size_t selectInto(size_t i);
    size_t pathRef(size_t j, RefKind kind, bool temp = false, bool alias = false,
                   bool created = false);

    std::string_view intern(std::string_view name)
    {
        if (name.data() >= m_sql.data() && name.data() + name.size() <= m_sql.data() + m_sql.size())
            return name;
        return m_names.emplace_back(name);
    }
    void record(std::string_view name, uint32_t pos, RefKind kind, bool created = false);
    void registerRangeVar(std::string_view name, bool isExplicit, std::string_view table);
    bool isCte(std::string_view name) const;
    bool isTemp(std::string_view name) const;
    bool correlated(const Pending &p) const;
    bool isAncestor(int ancestor, int frame) const;
    void assemble();
    bool keep(const Pending &p);
    void dropStatement(size_t i);

    std::string_view m_sql;
    Dialect m_dialect;
    ExtractResult m_result;
    std::vector<uint32_t> m_errorOffsets;
    Lexer m_lexer;
    TokenStream m_tokens;
    LineIndex m_lines;

    std::vector<Frame> &m_frames;
    std::vector<int> &m_frameParents; // statement-local frame id -> parent id
    std::vector<std::string_view> &m_ctes;
    std::vector<Pending> &m_pending;
    std::vector<RangeVar> &m_rangeVars;
    std::vector<Pending> &m_resolved; // every statement's references, in order
    std::vector<Pending> &m_repeats;  // exact repeats dropped from m_resolved (their lines count)
    std::vector<std::string_view> &m_seen;
    std::string &m_nameBuffer;        // parsePath builds names here
    std::deque<std::string> m_names;  // names that are not a slice of the SQL text
    std::vector<std::string> m_newTemps;
    std::vector<std::string> m_temps; // script temp tables (few: a linear scan)
    std::vector<TableEvent> m_events;
    // Exact duplicates (same spelling, kind and CREATE-ness) need not be kept twice; cleared
    // whenever a DROP/RENAME event is recorded so that events still see what they must.
    FlatSet<ExactHash, ExactEqual> m_kept[3];
    size_t m_keptFrom = 0; // m_resolved entries before this index are not deduplicated against
    bool m_keptIndexed = false;
    size_t m_eventsSeen = 0;
    int m_stmt = 0;
    StmtKind m_kind = StmtKind::None;
    size_t m_stmtStartIdx = 0;
    bool m_atStmtStart = true;
    bool m_expectTable = false;
    int m_seq = 0;
};

Frame &Extractor::pushFrame(size_t openIdx)
{
    Frame f;
    f.id = static_cast<int>(m_frameParents.size());
    m_frameParents.push_back(m_frames.back().id);
    f.openPos = tok(openIdx).pos;
    f.firstIdx = openIdx + 1;
    f.cteMark = m_ctes.size();
    m_frames.push_back(f);
    return m_frames.back();
}

size_t Extractor::closeFrame(size_t i)
{
    if (m_frames.size() == 1) {
        error(tok(i).pos, "unbalanced ')': no matching '('");
        return i + 1;
    }
    const Frame f = m_frames.back();
    m_frames.pop_back();
    m_ctes.resize(std::min(m_ctes.size(), f.cteMark));
    const size_t j = i + 1;
    if (f.cteBody) {
        if (!f.cteRecursive)
            m_ctes.push_back(f.cteName);
        if (isPunct(j, ',') && looksLikeCteHeader(j + 1))
            return cteHeader(j + 1, f.cteRecursive);
        if (isPunct(j, ',') && isKw(j + 1, Kw::Recursive) && looksLikeCteHeader(j + 2))
            return cteHeader(j + 2, true);
        return j;
    }
    if (f.fromItem)
        return parseAlias(j, {}, {});
    return j;
}

bool Extractor::isCte(std::string_view name) const
{
    for (auto it = m_ctes.rbegin(); it != m_ctes.rend(); ++it) {
        if (iequals(*it, name))
            return true;
    }
    return false;
}

bool Extractor::isTemp(std::string_view name) const
{
    if (!name.empty() && name.front() == '#')
        return true; // T-SQL #temp / ##global temp
    if (name.size() > 9 && iequals(name.substr(0, 9), "_session."))
        return true;
    for (const std::string &t : m_temps) {
        if (iequals(t, name))
            return true;
    }
    return false;
}

void Extractor::record(std::string_view name, uint32_t pos, RefKind kind, bool created)
{
    if (name.empty() || name.find('/') != std::string_view::npos)
        return; // empty, or a file path (Spark parquet.`/data/x`), not a table
    if (name.find('.') == std::string_view::npos && isCte(name))
        return; // a CTE in scope, not a table
    Pending p;
    p.name = intern(name);
    p.pos = pos;
    p.kind = kind;
    p.frame = top().id;
    p.seq = m_seq++;
    p.stmt = m_stmt;
    p.created = created;
    m_pending.push_back(p);
}

void Extractor::registerRangeVar(std::string_view name, bool isExplicit, std::string_view table)
{
    if (name.empty())
        return;
    RangeVar v;
    v.frame = top().id;
    v.seq = m_seq++;
    v.isExplicit = isExplicit;
    v.name = intern(name);
    if (isExplicit)
        v.table = intern(table);
    m_rangeVars.push_back(v);
}

bool Extractor::isAncestor(int ancestor, int frame) const
{
    while (frame >= 0) {
        if (frame == ancestor)
            return true;
        frame = m_frameParents[static_cast<size_t>(frame)];
    }
    return false;
}

// `FROM t, t.arr` / `FROM ds.t AS x JOIN x.items`: a path whose first part is a range
// variable in scope is an array path, not a table (BigQuery resolves range variables first).
bool Extractor::correlated(const Pending &p) const
{
    const size_t dot = p.name.find('.');
    if (dot == std::string_view::npos)
        return false;
    const std::string_view first = p.name.substr(0, dot);
    for (const RangeVar &v : m_rangeVars) {
        if (!v.isExplicit && m_dialect != Dialect::BigQuery)
            continue;
        if (!iequals(v.name, first))
            continue;
        if (v.frame == p.frame ? v.seq < p.seq : isAncestor(v.frame, p.frame))
            return true;
    }
    return false;
}

bool Extractor::keep(const Pending &p)
{
    const int set = p.kind == RefKind::Source ? 0 : (p.created ? 2 : 1);
    if (m_resolved.size() - m_keptFrom < 32) {
        // Few references so far: a scan of the recent ones is cheaper than any hashing.
        for (size_t k = m_keptFrom; k < m_resolved.size(); ++k) {
            const Pending &q = m_resolved[k];
            if (q.kind == p.kind && q.created == p.created && q.name == p.name)
                return false;
        }
        return true;
    }
    if (!m_keptIndexed) {
        for (size_t k = m_keptFrom; k < m_resolved.size(); ++k) {
            const Pending &q = m_resolved[k];
            m_kept[q.kind == RefKind::Source ? 0 : (q.created ? 2 : 1)].insert(q.name);
        }
        m_keptIndexed = true;
    }
    return m_kept[set].insert(p.name);
}

void Extractor::assemble()
{
    // DROP of a table this script created: it was a scratch table, neither source nor target.
    // ALTER TABLE x RENAME TO y of a table this script wrote: the output is y.
    for (const TableEvent &e : m_events) {
        if (e.type == TableEvent::Rename) {
            for (Pending &p : m_resolved) {
                if (p.kind == RefKind::Target && p.stmt < e.stmt && iequals(p.name, e.name)) {
                    p.name = intern(e.newName);
                    p.pos = e.pos;
                }
            }
            // (a renamed output keeps the line of the RENAME only)
            m_repeats.erase(std::remove_if(m_repeats.begin(), m_repeats.end(),
                                           [&](const Pending &p) {
                                               return p.kind == RefKind::Target && p.stmt < e.stmt
                                                      && iequals(p.name, e.name);
                                           }),
                            m_repeats.end());
            continue;
        }
        int createdAt = -1;
        for (const Pending &p : m_resolved) {
            if (p.kind == RefKind::Target && p.created && p.stmt < e.stmt
                && iequals(p.name, e.name)) {
                createdAt = p.stmt;
                break;
            }
        }
        if (createdAt < 0)
            continue;
        auto scratchUse = [&](const Pending &p) {
            return p.stmt >= createdAt && p.stmt < e.stmt && iequals(p.name, e.name);
        };
        m_resolved.erase(std::remove_if(m_resolved.begin(), m_resolved.end(), scratchUse),
                         m_resolved.end());
        m_repeats.erase(std::remove_if(m_repeats.begin(), m_repeats.end(), scratchUse), m_repeats.end());
    }
    // Unique by name, case-insensitively (TAB_B and tab_b are one table to the reader).
    // Few distinct names per file: a linear scan beats hashing until there are many.
    // seen[k][j] is the first spelling of reference j (a view into the text or the name store).
    m_seen.clear();
    std::vector<std::string_view> seenTargets;
    // A repeated reference adds its line to the first one's. Lines are located afterwards
    // (one binary search each over the line starts).
    struct LineRequest
    {
        uint32_t pos;
        uint32_t index;
        int kind;
    };
    std::vector<LineRequest> requests;
    FlatSet<CaseInsensitiveHash, CaseInsensitiveEqual> byName[2]; // first spelling -> index
    auto indexOf = [&](int k, std::string_view name) -> std::size_t {
        const std::vector<std::string_view> &seen = k == 0 ? m_seen : seenTargets;
        if (seen.size() < 32) {
            for (std::size_t j = 0; j < seen.size(); ++j) {
                if (iequals(seen[j], name))
                    return j;
            }
            return SIZE_MAX;
        }
        for (std::size_t j = byName[k].size(); j < seen.size(); ++j)
            byName[k].insert(seen[j], static_cast<uint32_t>(j));
        const uint32_t j = byName[k].find(name);
        return j == UINT32_MAX ? SIZE_MAX : j;
    };
    for (const Pending &p : m_resolved) {
        const int k = p.kind == RefKind::Source ? 0 : 1;
        if (const std::size_t j = indexOf(k, p.name); j != SIZE_MAX) {
            requests.push_back({p.pos, static_cast<uint32_t>(j), k});
            continue;
        }
        (k == 0 ? m_seen : seenTargets).push_back(p.name);
        TableReference ref;
        ref.name = std::string(p.name);
        m_lines.locate(p.pos, ref.line, ref.column);
        ref.lines.push_back(ref.line);
        (k == 0 ? m_result.sources : m_result.targets).push_back(std::move(ref));
    }
    // Exact repeats were dropped per statement; their lines belong to the reference too.
    for (const Pending &p : m_repeats) {
        const int k = p.kind == RefKind::Source ? 0 : 1;
        if (const std::size_t j = indexOf(k, p.name); j != SIZE_MAX)
            requests.push_back({p.pos, static_cast<uint32_t>(j), k});
    }
    if (requests.empty())
        return;
    // Line starts, once; each request is then a binary search (requests come in statement
    // order, not strictly by position).
    std::vector<uint32_t> lineStarts{0};
    for (const char *at = m_sql.data(), *end = m_sql.data() + m_sql.size();
         (at = static_cast<const char *>(std::memchr(at, '\n', static_cast<size_t>(end - at)))) != nullptr;)
        lineStarts.push_back(static_cast<uint32_t>(++at - m_sql.data()));
    for (const LineRequest &r : requests) {
        const int line = static_cast<int>(std::upper_bound(lineStarts.begin(), lineStarts.end(), r.pos)
                                          - lineStarts.begin());
        std::vector<int> &lines = (r.kind == 0 ? m_result.sources : m_result.targets)[r.index].lines;
        if (lines.back() != line)
            lines.push_back(line);
    }
    for (std::vector<TableReference> *refs : {&m_result.sources, &m_result.targets}) {
        for (TableReference &ref : *refs) {
            if (ref.lines.size() > 1) {
                std::sort(ref.lines.begin(), ref.lines.end());
                ref.lines.erase(std::unique(ref.lines.begin(), ref.lines.end()), ref.lines.end());
            }
        }
    }
}

void Extractor::finishStatement(size_t i, bool atSemicolon)
{
    if (m_frames.size() > 1) {
        if (atSemicolon) {
            for (size_t k = 1; k < m_frames.size(); ++k)
                error(m_frames[k].openPos, "unbalanced '(': no matching ')' before ';'");
        }
        m_frames.resize(1);
    }
    // T-SQL / MySQL: UPDATE alias SET ... FROM table alias: the alias names the target.
    if (m_kind == StmtKind::Update) {
        for (Pending &p : m_pending) {
            if (p.kind != RefKind::Target || p.name.find('.') != std::string_view::npos)
                continue;
            for (const RangeVar &v : m_rangeVars) {
                if (v.isExplicit && !v.table.empty() && iequals(v.name, p.name)) {
                    const std::string_view table = v.table;
                    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                                   [&](const Pending &q) {
                                                       return q.kind == RefKind::Source
                                                              && q.name == table;
                                                   }),
                                    m_pending.end());
                    for (Pending &q : m_pending) {
                        if (q.kind == RefKind::Target && iequals(q.name, v.name))
                            q.name = table;
                    }
                    break;
                }
            }
            break;
        }
    }
    for (const Pending &p : m_pending) {
        if (isTemp(p.name))
            continue;
        if (p.kind == RefKind::Source && correlated(p))
            continue;
        if (keep(p))
            m_resolved.push_back(p);
        else
            m_repeats.push_back(p);
    }
    if (m_events.size() != m_eventsSeen) {
        m_eventsSeen = m_events.size();
        for (auto &kept : m_kept)
            kept.clear();
        m_keptFrom = m_resolved.size();
        m_keptIndexed = false;
    }
    ++m_stmt;
    for (std::string &t : m_newTemps) {
        if (!isTemp(t))
            m_temps.push_back(std::move(t));
    }
    m_newTemps.clear();
    m_pending.clear();
    m_rangeVars.clear();
    m_ctes.clear();
    m_frameParents.assign(1, -1);
    m_frames[0] = Frame{};
    m_kind = StmtKind::None;
    m_atStmtStart = true;
    m_expectTable = false;
    m_tokens.discardBefore(i);
}

// A table path: parts joined by '.', backticks removed, `my-project` hyphens, `events_*`
// wildcards, `{{ template }}` parts, legacy `project:dataset`. Returns i when there is none.
size_t Extractor::parsePath(size_t i, std::string_view &result, std::string_view &lastPart)
{
    std::string &name = m_nameBuffer;
    name.clear();
    size_t j = i;
    auto finish = [&](size_t end) {
        // The name is usually the very text of the path: no copy then.
        const Token first = tok(i);
        const Token last = tok(end - 1);
        const std::string_view raw = m_sql.substr(first.pos, last.pos + last.len - first.pos);
        result = raw == std::string_view(name) ? raw : std::string_view(name);
        return end;
    };
    for (;;) {
        const Token t = tok(j);
        const bool part = t.kind == TokenKind::Ident || t.kind == TokenKind::Quoted
                          || t.kind == TokenKind::Template
                          || (t.kind == TokenKind::Number && j != i);
        if (!part)
            return j == i ? i : finish(j - 1); // a trailing '.' is not part of the path
        if (j == i && t.kind == TokenKind::Ident && (keywordFlags(t.kw) & NotAlias)
            && !isPunct(j + 1, '.'))
            return i;
        const std::string_view v = unquotedView(m_sql, t);
        name.append(v);
        lastPart = v;
        ++j;
        for (;;) {
            const Token a = tok(j);
            if (a.space)
                break;
            if (a.kind == TokenKind::Punct && a.ch == '-') {
                const Token b = tok(j + 1);
                if (!b.space
                    && (b.kind == TokenKind::Ident || b.kind == TokenKind::Number
                        || b.kind == TokenKind::Template)) {
                    name.push_back('-');
                    name.append(text(b));
                    j += 2;
                    continue;
                }
                break;
            }
            if (a.kind == TokenKind::Punct && a.ch == '*') {
                name.push_back('*');
                ++j;
                continue;
            }
            if (a.kind == TokenKind::Ident || a.kind == TokenKind::Number
                || a.kind == TokenKind::Template) {
                name.append(text(a));
                ++j;
                continue;
            }
            break;
        }
        const Token sep = tok(j);
        if (sep.kind == TokenKind::Punct
            && (sep.ch == '.'
                || (sep.ch == ':' && m_dialect == Dialect::BigQuery && !sep.space
                    && !tok(j + 1).space))) {
            const Token b = tok(j + 1);
            if (b.kind == TokenKind::Ident || b.kind == TokenKind::Quoted
                || b.kind == TokenKind::Template || b.kind == TokenKind::Number) {
                name.push_back('.');
                ++j;
                continue;
            }
        }
        return finish(j);
    }
}

size_t Extractor::parseAlias(size_t j, std::string_view implicitName, std::string_view table)
{
    std::string_view alias;
    if (isKw(j, Kw::As)) {
        const Token a = tok(j + 1);
        if (a.kind == TokenKind::Ident || a.kind == TokenKind::Quoted) {
            alias = unquotedView(m_sql, a);
            j += 2;
        } else {
            j += 1;
        }
    } else {
        const Token a = tok(j);
        if ((a.kind == TokenKind::Ident && !(keywordFlags(a.kw) & NotAlias))
            || a.kind == TokenKind::Quoted) {
            alias = unquotedView(m_sql, a);
            j += 1;
        }
    }
    if (!alias.empty())
        registerRangeVar(alias, true, table);
    else
        registerRangeVar(implicitName, false, table);
    return j;
}

// Legacy SQL: [project:dataset.table] (or [dataset.table]) in a FROM position.
size_t Extractor::parseLegacy(size_t i)
{
    size_t j = i + 1;
    for (int n = 0; n < 64; ++n, ++j) {
        const Token t = tok(j);
        if (t.kind == TokenKind::End || (t.kind == TokenKind::Punct && t.ch == ';'))
            return i;
        if (t.kind == TokenKind::Punct && t.ch == ']')
            break;
        if (t.kind == TokenKind::String || (t.kind == TokenKind::Punct && (t.ch == '(' || t.ch == ',')))
            return i; // an array literal, not a table
    }
    if (!isPunct(j, ']'))
        return i;
    const uint32_t from = tok(i).pos + 1;
    std::string_view raw = m_sql.substr(from, tok(j).pos - from);
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t'))
        raw.remove_prefix(1);
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t'))
        raw.remove_suffix(1);
    if (raw.empty())
        return i;
    // Table decorators: [ds.t@-3600000] (snapshot), [ds.t$20200101] (partition).
    const size_t decorator = raw.find_first_of("@$");
    if (decorator != std::string_view::npos && decorator > 0)
        raw = raw.substr(0, decorator);
    std::string name(raw);
    std::replace(name.begin(), name.end(), ':', '.');
    name.erase(std::remove(name.begin(), name.end(), '`'), name.end());
    const size_t dot = raw.rfind('.');
    const std::string_view last = dot == std::string_view::npos ? raw : raw.substr(dot + 1);
    record(name, tok(i + 1).pos, RefKind::Source);
    return parseAlias(j + 1, last, name);
}

static bool isTableHint(std::string_view word)
{
    static const char *const hints[] = {"nolock", "readuncommitted", "readcommitted", "updlock",
                                        "holdlock", "rowlock", "tablock", "tablockx", "paglock",
                                        "nowait", "serializable", "repeatableread", "readpast",
                                        "xlock", "forceseek", "forcescan", "snapshot", "index"};
    for (const char *h : hints) {
        if (iequals(word, h))
            return true;
    }
    return false;
}

static bool isLegacyTableFunction(std::string_view name)
{
    return iequals(name, "TABLE_DATE_RANGE") || iequals(name, "TABLE_DATE_RANGE_STRICT")
           || iequals(name, "FLATTEN");
}

// A FROM item: a table path, (subquery or parenthesised join), UNNEST(...) or another
// table-valued function, or a legacy [project:dataset.table].
size_t Extractor::parseFromItem(size_t i)
{
    while (isKw(i, Kw::Lateral) || isKw(i, Kw::Each) || isKw(i, Kw::Only))
        ++i;
    const Token t = tok(i);
    if (t.kind == TokenKind::Punct && t.ch == '(') {
        Frame &f = pushFrame(i);
        f.fromItem = true;
        const size_t k = i + 1;
        if (!(isKw(k, Kw::Select) || isKw(k, Kw::With) || isKw(k, Kw::Values) || isKw(k, Kw::From)
              || isKw(k, Kw::Table))) {
            f.clause = Clause::From; // (a JOIN b ON ...)
            m_expectTable = true;
        }
        return i + 1;
    }
    if (t.kind == TokenKind::Punct && t.ch == '[' && m_dialect == Dialect::BigQuery)
        return parseLegacy(i);
    std::string_view name;
    std::string_view last;
    size_t j;
    if (t.kind == TokenKind::Ident && isPunct(i + 1, '(')) {
        j = i + 1; // UNNEST(...), a function call
        name = text(t);
    } else {
        j = parsePath(i, name, last);
        if (j == i)
            return i;
    }
    if (isPunct(j, '(')) {
        const Token arg = tok(j + 1);
        if (iequals(name, "IDENTIFIER") && isPunct(j + 2, ')')
            && (arg.kind == TokenKind::String || arg.kind == TokenKind::Ident
                || arg.kind == TokenKind::Quoted)) {
            // Snowflake / Databricks IDENTIFIER('schema.table')
            std::string_view v = text(arg);
            if (arg.kind == TokenKind::String) {
                while (!v.empty() && v.front() != '\'' && v.front() != '"')
                    v.remove_prefix(1);
                v = v.size() >= 2 ? v.substr(1, v.size() - 2) : std::string_view();
            } else {
                v = unquotedView(m_sql, arg);
            }
            record(v, arg.pos, RefKind::Source);
            return parseAlias(j + 3, {}, v);
        }
        if (arg.kind == TokenKind::Ident && isTableHint(text(arg)) && j != i + 1) {
            // T-SQL table hint: dbo.t(NOLOCK)
            record(name, t.pos, RefKind::Source);
            return parseAlias(skipParens(j), last, name);
        }
        // Table-valued function: its name is not a table; `TABLE x` arguments are.
        const bool legacy = m_dialect == Dialect::BigQuery && isLegacyTableFunction(name);
        Frame &f = pushFrame(j);
        f.fromItem = true;
        if (legacy && isPunct(j + 1, '['))
            m_expectTable = true;
        return j + 1;
    }
    record(name, t.pos, RefKind::Source);
    return parseAlias(j, last, name);
}

bool Extractor::looksLikeCteHeader(size_t j)
{
    const Token t = tok(j);
    if (t.kind == TokenKind::Ident) {
        if (keywordFlags(t.kw) & NotAlias)
            return false;
        if (t.kw == Kw::Ordinality || t.kw == Kw::Connection || t.kw == Kw::Time
            || t.kw == Kw::Data || t.kw == Kw::Check || t.kw == Kw::System)
            return false;
    } else if (t.kind != TokenKind::Quoted) {
        return false;
    }
    return isKw(j + 1, Kw::As) || isPunct(j + 1, '(');
}

size_t Extractor::skipParens(size_t j)
{
    int depth = 0;
    for (;; ++j) {
        const Token t = tok(j);
        if (t.kind == TokenKind::End)
            return j;
        if (t.kind != TokenKind::Punct)
            continue;
        if (t.ch == '(')
            ++depth;
        else if (t.ch == ')' && --depth <= 0)
            return j + 1;
        else if (t.ch == ';')
            return j;
    }
}

size_t Extractor::cteHeader(size_t j, bool recursive)
{
    const std::string_view name = unquotedView(m_sql, tok(j));
    ++j;
    if (isPunct(j, '(')) {
        const size_t k = j + 1;
        const bool body = isKw(k, Kw::Select) || isKw(k, Kw::With) || isKw(k, Kw::Values)
                          || isKw(k, Kw::From) || isPunct(k, '(');
        if (!body)
            j = skipParens(j); // column list
    }
    if (isKw(j, Kw::As))
        ++j;
    if (isKw(j, Kw::Not))
        ++j;
    if (isKw(j, Kw::Materialized))
        ++j;
    if (!isPunct(j, '('))
        return j;
    if (recursive)
        m_ctes.push_back(name);
    Frame &f = pushFrame(j);
    f.cteBody = true;
    f.cteName = name;
    f.cteRecursive = recursive;
    return j + 1;
}

size_t Extractor::withClause(size_t i)
{
    size_t j = i + 1;
    bool recursive = false;
    if (isKw(j, Kw::Recursive)) {
        recursive = true;
        ++j;
    }
    if (!looksLikeCteHeader(j))
        return i + 1;
    if (m_frames.size() == 1 && i == m_stmtStartIdx)
        m_kind = StmtKind::With;
    return cteHeader(j, recursive);
}

size_t Extractor::skipStatement(size_t i)
{
    size_t j = i;
    for (;; ++j) {
        const Token t = tok(j);
        if (t.kind == TokenKind::End || (t.kind == TokenKind::Punct && t.ch == ';'))
            return j;
    }
}

// Parses a path at j and records it; returns j unchanged when there is no path.
size_t Extractor::pathRef(size_t j, RefKind kind, bool temp, bool alias, bool created)
{
    std::string_view name;
    std::string_view last;
    const size_t k = parsePath(j, name, last);
    if (k == j)
        return j;
    if (temp)
        m_newTemps.push_back(lowered(name));
    else
        record(name, tok(j).pos, kind, created);
    if (alias)
        return parseAlias(k, last, name);
    return k;
}

size_t Extractor::insertStatement(size_t i)
{
    size_t j = i + 1;
    if (isKw(j, Kw::Into)) {
        ++j;
    } else if (isKw(j, Kw::Overwrite)) {
        ++j;
        if (isKw(j, Kw::Local))
            ++j;
        if (isKw(j, Kw::Directory))
            return j + 1; // INSERT OVERWRITE [LOCAL] DIRECTORY 'path': no table written
        if (isKw(j, Kw::Into))
            ++j;
    } else if (isKw(j, Kw::All)) {
        return j + 1;
    }
    if (isKw(j, Kw::Table))
        ++j;
    const size_t k = pathRef(j, RefKind::Target);
    if (m_kind == StmtKind::None || m_kind == StmtKind::With)
        m_kind = StmtKind::Insert;
    if (m_frames.size() == 1)
        top().clause = Clause::None;
    return k == j ? j : k;
}

size_t Extractor::createStatement(size_t i)
{
    size_t j = i + 1;
    bool temp = false;
    for (;;) {
        const Token t = tok(j);
        if (t.kind != TokenKind::Ident)
            break;
        if (t.kw == Kw::Temp || t.kw == Kw::Temporary || t.kw == Kw::Volatile) {
            temp = true;
        } else if (!(t.kw == Kw::Or || t.kw == Kw::Replace || t.kw == Kw::Global
                     || t.kw == Kw::Local || t.kw == Kw::Transient || t.kw == Kw::Unlogged
                     || t.kw == Kw::Multiset || t.kw == Kw::External || t.kw == Kw::Snapshot
                     || t.kw == Kw::Materialized || t.kw == Kw::Secure || t.kw == Kw::Recursive
                     || t.kw == Kw::Force)) {
            break;
        }
        ++j;
    }
    const bool table = isKw(j, Kw::Table) && !isKw(j + 1, Kw::Function);
    if (!table && !isKw(j, Kw::View)) {
        m_kind = StmtKind::CreateOther; // FUNCTION, PROCEDURE, SCHEMA, MODEL, INDEX...
        return j;
    }
    ++j;
    if (isKw(j, Kw::If) && isKw(j + 1, Kw::Not) && isKw(j + 2, Kw::Exists))
        j += 3;
    m_kind = StmtKind::Create;
    const size_t k = pathRef(j, RefKind::Target, temp, false, true);
    if (k == j)
        return j;
    j = k;
    if (isKw(j, Kw::Like) || isKw(j, Kw::Copy) || isKw(j, Kw::Clone)) {
        ++j;
        j = pathRef(j, RefKind::Source);
    }
    return j;
}

size_t Extractor::alterStatement(size_t i)
{
    size_t j = i + 1;
    if (isKw(j, Kw::Table) || isKw(j, Kw::View)) {
        ++j;
        if (isKw(j, Kw::If) && isKw(j + 1, Kw::Exists))
            j += 2;
        std::string_view view;
        std::string_view last;
        const uint32_t pos = tok(j).pos;
        const size_t k = parsePath(j, view, last);
        if (k == j)
            return skipStatement(j);
        const std::string name(view);
        if (isKw(k, Kw::Rename) && isKw(k + 1, Kw::To)) {
            // Renaming a table this script wrote renames the output; otherwise no lineage.
            std::string_view to;
            const uint32_t toPos = tok(k + 2).pos;
            if (parsePath(k + 2, to, last) != k + 2)
                m_events.push_back({TableEvent::Rename, lowered(name), std::string(to), toPos, m_stmt});
            return skipStatement(k);
        }
        // Hive EXCHANGE PARTITION (...) WITH TABLE src / Snowflake SWAP WITH src:
        // the data of src moves into the altered table.
        for (size_t e = k, n = 0; n < 256; ++e, ++n) {
            const Token t = tok(e);
            if (t.kind == TokenKind::End || (t.kind == TokenKind::Punct && t.ch == ';'))
                return e;
            if (isKw(e, Kw::With) && !isPunct(e + 1, '(')) {
                size_t f = e + 1;
                if (isKw(f, Kw::Table))
                    ++f;
                std::string_view from;
                if (parsePath(f, from, last) != f) {
                    record(from, tok(f).pos, RefKind::Source);
                    record(name, pos, RefKind::Target);
                }
                return skipStatement(f);
            }
        }
    }
    return skipStatement(j);
}

void Extractor::dropStatement(size_t i)
{
    size_t j = i + 1;
    while (isKw(j, Kw::Materialized) || isKw(j, Kw::External) || isKw(j, Kw::Snapshot)
           || isKw(j, Kw::Temp) || isKw(j, Kw::Temporary))
        ++j;
    if (!(isKw(j, Kw::Table) || isKw(j, Kw::View)) || isKw(j + 1, Kw::Function))
        return;
    ++j;
    if (isKw(j, Kw::If) && isKw(j + 1, Kw::Exists))
        j += 2;
    for (;;) {
        std::string_view name;
        std::string_view last;
        const size_t k = parsePath(j, name, last);
        if (k == j)
            return;
        m_events.push_back({TableEvent::Drop, lowered(name), {}, tok(j).pos, m_stmt});
        if (!isPunct(k, ','))
            return;
        j = k + 1;
    }
}

size_t Extractor::loadStatement(size_t i)
{
    size_t j = i + 1;
    if (!isKw(j, Kw::Data))
        return j;
    m_kind = StmtKind::Other;
    for (size_t k = j + 1, n = 0; n < 64; ++k, ++n) {
        const Token t = tok(k);
        if (t.kind == TokenKind::End || (t.kind == TokenKind::Punct && t.ch == ';'))
            return j + 1;
        if (isKw(k, Kw::Into) || isKw(k, Kw::Overwrite)) {
            bool temp = false;
            while (isKw(k, Kw::Into) || isKw(k, Kw::Overwrite) || isKw(k, Kw::Temp)
                   || isKw(k, Kw::Temporary) || isKw(k, Kw::Table)) {
                temp = temp || isKw(k, Kw::Temp) || isKw(k, Kw::Temporary);
                ++k;
            }
            return pathRef(k, RefKind::Target, temp);
        }
    }
    return j + 1;
}

// SELECT ... INTO t (T-SQL, Postgres); not INTO @var / 'file' / OUTFILE.
size_t Extractor::selectInto(size_t i)
{
    size_t j = i + 1;
    const Token t = tok(j);
    if (t.kind != TokenKind::Ident && t.kind != TokenKind::Quoted && t.kind != TokenKind::Template)
        return j;
    if (t.kw == Kw::Outfile || t.kw == Kw::Dumpfile)
        return j;
    bool temp = false;
    while (isKw(j, Kw::Temp) || isKw(j, Kw::Temporary) || isKw(j, Kw::Unlogged) || isKw(j, Kw::Table)) {
        temp = temp || isKw(j, Kw::Temp) || isKw(j, Kw::Temporary);
        ++j;
    }
    top().clause = Clause::Other;
    return pathRef(j, RefKind::Target, temp);
}

size_t Extractor::statementStart(size_t i)
{
    const Token t = tok(i);
    if (t.kind != TokenKind::Ident || t.kw == Kw::None)
        return i;
    switch (t.kw) {
    case Kw::Insert:
        return isPunct(i + 1, '(') ? i : insertStatement(i);
    case Kw::Replace:
    case Kw::Upsert:
        return isKw(i + 1, Kw::Into) ? insertStatement(i) : i;
    case Kw::Create:
        return createStatement(i);
    case Kw::Alter:
        return alterStatement(i);
    case Kw::Load:
        return loadStatement(i);
    case Kw::Table: // TABLE t  ==  SELECT * FROM t
        return pathRef(i + 1, RefKind::Source);
    case Kw::Drop:
        dropStatement(i);
        return skipStatement(i);
    case Kw::Copy:
        // COPY [INTO] t FROM 's3://...' (Postgres, Redshift, Snowflake): loads t.
        if (isKw(i + 1, Kw::Into) || tok(i + 1).kind != TokenKind::Punct) {
            const size_t j = isKw(i + 1, Kw::Into) ? i + 2 : i + 1;
            const size_t k = pathRef(j, RefKind::Target);
            return k == j ? skipStatement(i) : skipStatement(k);
        }
        return i;
    case Kw::Use:
    case Kw::Show:
    case Kw::Describe:
    case Kw::Desc:
    case Kw::Grant:
    case Kw::Revoke:
    case Kw::Comment:
    case Kw::Msck:
    case Kw::Refresh:
    case Kw::Analyze:
    case Kw::Cache:
    case Kw::Uncache:
    case Kw::Explain:
    case Kw::Lock:
    case Kw::Unlock:
    case Kw::Optimize:
    case Kw::Vacuum:
    case Kw::Add:
    case Kw::Reset:
        return skipStatement(i);
    case Kw::Set:
        // Hive/Spark/MySQL session settings; BigQuery's SET x = (SELECT ...) reads tables.
        return m_dialect == Dialect::Ansi ? skipStatement(i) : i;
    default:
        return i;
    }
}

size_t Extractor::keyword(size_t i, const Token &t)
{
    Frame &f = top();
    const bool root = m_frames.size() == 1;
    switch (t.kw) {
    case Kw::Select:
        f.hasQuery = true;
        f.clause = Clause::Select;
        return i + 1;
    case Kw::From:
        if (i > 0 && isKw(i - 1, Kw::Distinct))
            return i + 1; // IS [NOT] DISTINCT FROM
        if (f.hasQuery || i == f.firstIdx) {
            if (root && i == f.firstIdx && m_kind == StmtKind::None)
                m_kind = StmtKind::FromFirst; // pipe syntax / Hive multi-insert
            f.clause = Clause::From;
            m_expectTable = true;
        }
        return i + 1;
    case Kw::Join:
    case Kw::Apply:
    case Kw::StraightJoin:
        f.clause = Clause::From;
        m_expectTable = true;
        return i + 1;
    case Kw::Lateral:
        if ((f.clause == Clause::From || f.clause == Clause::LateralView) && isKw(i + 1, Kw::View)) {
            f.clause = Clause::LateralView; // Hive LATERAL VIEW explode(x) t AS a, b
            return i + 2;
        }
        return i + 1;
    case Kw::With:
        return withClause(i);
    case Kw::Case:
        ++f.caseDepth;
        return i + 1;
    case Kw::End:
        if (f.caseDepth > 0) {
            --f.caseDepth;
            return i + 1;
        }
        if (root) {
            // END [IF|LOOP|WHILE|FOR|REPEAT] of a script block
            finishStatement(i, false);
            size_t j = i + 1;
            if (isKw(j, Kw::If) || isKw(j, Kw::Loop) || isKw(j, Kw::While) || isKw(j, Kw::For)
                || isKw(j, Kw::Repeat) || isKw(j, Kw::Case))
                ++j;
            return j;
        }
        return i + 1;
    case Kw::Then:
    case Kw::Else:
    case Kw::Do:
    case Kw::Loop:
    case Kw::Begin:
    case Kw::Repeat:
        if (root && f.caseDepth == 0 && m_kind != StmtKind::Merge
            && !(t.kw == Kw::Do && m_kind == StmtKind::Insert)) {
            if (t.kw == Kw::Begin && (isKw(i + 1, Kw::Transaction) || isPunct(i + 1, ';')))
                return i + 1;
            finishStatement(i + 1, false); // a script statement starts after the keyword
        }
        return i + 1;
    case Kw::Into:
        if (f.clause == Clause::Select && f.hasQuery)
            return selectInto(i);
        return i + 1;
    case Kw::Insert:
        if (!root || m_kind == StmtKind::Merge || isPunct(i + 1, '('))
            return i + 1;
        if (!(m_kind == StmtKind::FromFirst || m_kind == StmtKind::With
              || (m_kind == StmtKind::None && !f.hasQuery)))
            finishStatement(i, false); // T-SQL: statements need no ';'
        return insertStatement(i);
    case Kw::Merge:
    case Kw::Update:
    case Kw::Delete:
    case Kw::Truncate: {
        if (!root || f.hasQuery || !(m_kind == StmtKind::None || m_kind == StmtKind::With))
            return i + 1;
        size_t j = i + 1;
        if (t.kw == Kw::Merge) {
            if (isKw(j, Kw::Into))
                ++j;
            m_kind = StmtKind::Merge;
            return pathRef(j, RefKind::Target, false, true);
        }
        if (t.kw == Kw::Truncate) {
            if (isKw(j, Kw::Table))
                ++j;
            m_kind = StmtKind::Other;
            return pathRef(j, RefKind::Target);
        }
        if (t.kw == Kw::Update) {
            m_kind = StmtKind::Update;
            f.hasQuery = true;
            const size_t k = pathRef(j, RefKind::Target, false, true);
            f.clause = Clause::From; // MySQL: UPDATE t1 JOIN t2 ON ... SET
            return k;
        }
        if (isKw(j, Kw::From))
            ++j;
        if (isKw(j, Kw::Table))
            ++j;
        m_kind = StmtKind::Delete;
        f.hasQuery = true;
        f.clause = Clause::Other;
        return pathRef(j, RefKind::Target, false, true);
    }
    case Kw::Using:
        if (root && (m_kind == StmtKind::Merge || m_kind == StmtKind::Delete)
            && f.clause != Clause::From) {
            f.clause = m_kind == StmtKind::Delete ? Clause::From : Clause::Other;
            m_expectTable = true;
        }
        return i + 1;
    case Kw::Table:
        // Table-valued function arguments: ML.PREDICT(MODEL m, TABLE ds.t), APPENDS(TABLE t, ...)
        if (i > 0 && (isPunct(i - 1, '(') || isPunct(i - 1, ','))) {
            const Token n = tok(i + 1);
            if (n.kind == TokenKind::Ident || n.kind == TokenKind::Quoted
                || n.kind == TokenKind::Template)
                return pathRef(i + 1, RefKind::Source);
        }
        return i + 1;
    default:
        if (keywordFlags(t.kw) & ClauseEnd) {
            if (f.clause == Clause::From || f.clause == Clause::LateralView || f.clause == Clause::Select)
                f.clause = Clause::Other;
        }
        return i + 1;
    }
}

ExtractResult Extractor::run()
{
    if (m_sql.size() >= std::numeric_limits<uint32_t>::max()) {
        m_result.errors.push_back(SqlError{1, 1, "input too large (4 GiB or more)"});
        return std::move(m_result);
    }
    m_frames.push_back(Frame{});
    m_frameParents.assign(1, -1);
    size_t i = 0;
    for (;;) {
        const Token t = tok(i);
        if (t.kind == TokenKind::End)
            break;
        if (m_expectTable) {
            m_expectTable = false;
            const size_t j = parseFromItem(i);
            if (j != i) {
                i = j;
                continue;
            }
        }
        if (m_atStmtStart) {
            m_atStmtStart = false;
            m_stmtStartIdx = i;
            m_frames[0].firstIdx = i;
            const size_t j = statementStart(i);
            if (j != i) {
                i = j;
                continue;
            }
        }
        if (t.kind == TokenKind::Punct) {
            switch (t.ch) {
            case ';':
                finishStatement(i, true);
                ++i;
                continue;
            case '(':
                pushFrame(i);
                ++i;
                continue;
            case ')':
                i = closeFrame(i);
                continue;
            case ',':
                if (top().clause == Clause::From)
                    m_expectTable = true;
                ++i;
                continue;
            default:
                ++i;
                continue;
            }
        }
        if (t.kind == TokenKind::Ident && t.kw != Kw::None && !afterDot(i)) {
            i = keyword(i, t);
            continue;
        }
        ++i;
    }
    for (size_t k = 1; k < m_frames.size(); ++k)
        error(m_frames[k].openPos, "unbalanced '(': no matching ')'");
    finishStatement(i, false);
    assemble();

    LineIndex errorLines(m_sql);
    for (size_t k = 0; k < m_result.errors.size() && k < m_errorOffsets.size(); ++k) {
        if (m_result.errors[k].line == 0)
            errorLines.locate(m_errorOffsets[k], m_result.errors[k].line, m_result.errors[k].column);
    }
    return std::move(m_result);
}

} // namespace

ExtractResult extractTables(std::string_view sql, const ExtractOptions &options)
{
    Scratch &s = scratch();
    if (s.busy) { // re-entered from the same thread (never in practice): use fresh containers
        Scratch fresh;
        fresh.busy = true;
        Extractor extractor(sql, options, fresh);
        return extractor.run();
    }
    s.busy = true;
    struct Release
    {
        Scratch &s;
        ~Release() { s.busy = false; }
    } release{s};
    Extractor extractor(sql, options, s);
    return extractor.run();
}

bool parseDialect(std::string_view name, Dialect *dialect)
{
    static const char *const bigQuery[] = {"bigquery", "standard", "googlesql", "legacy", "bq"};
    static const char *const ansi[] = {"ansi", "mysql", "hive", "spark", "sparksql", "tsql",
                                       "mssql", "sqlserver", "postgres", "postgresql", "snowflake",
                                       "redshift", "presto", "trino", "athena", "oracle",
                                       "sqlite", "databricks", "duckdb", "teradata", "generic"};
    for (const char *n : bigQuery) {
        if (iequals(name, n)) {
            *dialect = Dialect::BigQuery;
            return true;
        }
    }
    for (const char *n : ansi) {
        if (iequals(name, n)) {
            *dialect = Dialect::Ansi;
            return true;
        }
    }
    return false;
}

} // namespace warroom::sql
