#include "core/sql/SqlLexer.h"

#include <array>
#include <cstring>

namespace warroom::sql::detail {

namespace {

// Character classes, one table lookup per byte on the hot path.
enum : uint8_t { CIdent = 1, CDigit = 2, CSpace = 4, CControl = 8 };

constexpr std::array<uint8_t, 256> makeClasses()
{
    std::array<uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = CIdent;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = CIdent;
    t['_'] = CIdent;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = CDigit;
    for (int c = 0x80; c < 0x100; ++c)
        t[c] = CIdent; // UTF-8 lead and continuation bytes: part of words
    t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = t['\v'] = CSpace;
    for (int c = 0; c < 0x20; ++c) {
        if (!t[c])
            t[c] = CControl;
    }
    t[0x7f] = CControl;
    return t;
}
constexpr std::array<uint8_t, 256> kClass = makeClasses();

inline uint8_t cls(char c) { return kClass[static_cast<unsigned char>(c)]; }
inline bool isWordChar(char c) { return cls(c) & (CIdent | CDigit); }

struct KeywordEntry
{
    const char *text;
    uint8_t flags;
};

constexpr KeywordEntry kKeywords[] = {
    {"", 0},
#define WARROOM_SQL_KW(name, text, flags) {text, flags},
#include "core/sql/SqlKeywords.inc"
#undef WARROOM_SQL_KW
};

constexpr size_t kMaxKeyword = 24;
constexpr size_t kBuckets = 1024;

inline char foldCase(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

inline uint32_t hashLower(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; ++i)
        h = (h ^ static_cast<unsigned char>(foldCase(p[i]))) * 16777619u;
    return h ^ static_cast<uint32_t>(n);
}

struct KeywordTable
{
    std::array<uint16_t, kBuckets> slots{};
    KeywordTable()
    {
        for (uint16_t k = 1; k < static_cast<uint16_t>(Kw::Count); ++k) {
            const char *text = kKeywords[k].text;
            uint32_t h = hashLower(text, std::strlen(text)) & (kBuckets - 1);
            while (slots[h])
                h = (h + 1) & (kBuckets - 1);
            slots[h] = k;
        }
    }
    Kw find(const char *p, size_t n) const
    {
        if (n > kMaxKeyword || n < 2)
            return Kw::None;
        uint32_t h = hashLower(p, n) & (kBuckets - 1);
        while (uint16_t k = slots[h]) {
            const char *text = kKeywords[k].text;
            size_t i = 0;
            for (; i < n; ++i) {
                if (text[i] != foldCase(p[i]) || !text[i])
                    break;
            }
            if (i == n && !text[n])
                return static_cast<Kw>(k);
            h = (h + 1) & (kBuckets - 1);
        }
        return Kw::None;
    }
};

// Built during static initialisation: no guard check per identifier.
const KeywordTable g_keywordTable;

inline const KeywordTable &keywordTable()
{
    return g_keywordTable;
}

} // namespace

uint8_t keywordFlags(Kw kw)
{
    return kKeywords[static_cast<size_t>(kw)].flags;
}

Lexer::Lexer(std::string_view text, Dialect dialect, std::vector<SqlError> *errors,
             std::vector<uint32_t> *errorOffsets)
    : m_text(text)
    , m_dialect(dialect)
    , m_errors(errors)
    , m_errorOffsets(errorOffsets)
{
    if (m_text.size() >= 3 && m_text.substr(0, 3) == "\xEF\xBB\xBF")
        m_pos = 3; // UTF-8 byte order mark
}

void Lexer::error(uint32_t pos, const char *message)
{
    if (m_errors->size() >= 64)
        return; // enough to fix; a binary file must not produce megabytes of errors
    m_errors->push_back(SqlError{0, 0, message});
    m_errorOffsets->push_back(pos);
}

void Lexer::skipSpace(bool &sawSpace)
{
    const char *s = m_text.data();
    const uint32_t n = static_cast<uint32_t>(m_text.size());
    while (m_pos < n) {
        const char c = s[m_pos];
        const uint8_t k = cls(c);
        if (k & CSpace) {
            ++m_pos;
            sawSpace = true;
            continue;
        }
        if (k & CControl) {
            // Binary garbage: report the first few, then once more at the end of input.
            if (m_controlErrors < 3)
                error(m_pos, "unexpected control character (binary input?)");
            ++m_controlErrors;
            ++m_pos;
            sawSpace = true;
            continue;
        }
        bool lineComment = false;
        if (c == '-' && m_pos + 1 < n && s[m_pos + 1] == '-')
            lineComment = true;
        else if (c == '#') {
            if (m_dialect == Dialect::BigQuery)
                lineComment = true;
            else {
                // ANSI: MySQL '# comments', but T-SQL #temp names and Postgres #> operators.
                bool lineStart = true;
                for (uint32_t p = m_pos; p > 0; --p) {
                    const char b = s[p - 1];
                    if (b == '\n')
                        break;
                    if (b != ' ' && b != '\t' && b != '\r') {
                        lineStart = false;
                        break;
                    }
                }
                lineComment = lineStart || m_pos + 1 >= n || (cls(s[m_pos + 1]) & CSpace);
            }
        }
        if (lineComment) {
            const void *nl = std::memchr(s + m_pos, '\n', n - m_pos);
            m_pos = nl ? static_cast<uint32_t>(static_cast<const char *>(nl) - s) : n;
            sawSpace = true;
            continue;
        }
        if (c == '/' && m_pos + 1 < n && s[m_pos + 1] == '*') {
            const uint32_t start = m_pos;
            const size_t end = m_text.find("*/", m_pos + 2);
            if (end == std::string_view::npos) {
                error(start, "unterminated comment");
                m_pos = n;
            } else {
                m_pos = static_cast<uint32_t>(end + 2);
            }
            sawSpace = true;
            continue;
        }
        if (c == '{' && m_pos + 1 < n && (s[m_pos + 1] == '%' || s[m_pos + 1] == '#')) {
            // Jinja statement / comment: {% if %} ... {% endif %} keep both branches' SQL.
            const char closeFirst = s[m_pos + 1] == '%' ? '%' : '#';
            const uint32_t start = m_pos;
            const char close[3] = {closeFirst, '}', 0};
            const size_t end = m_text.find(close, m_pos + 2);
            if (end == std::string_view::npos) {
                error(start, "unterminated template tag");
                m_pos = n;
            } else {
                m_pos = static_cast<uint32_t>(end + 2);
            }
            sawSpace = true;
            continue;
        }
        break;
    }
    if (m_pos >= n && m_controlErrors > 3) {
        error(n, "input contains many control characters; is it a binary file?");
        m_controlErrors = 0;
    }
}

// Scans a quoted run starting at `start` (the opening quote). Returns the offset after the
// closing quote, or reports an error and returns where scanning stopped.
uint32_t Lexer::scanQuoted(uint32_t start, char quote, bool allowNewline, bool doubling)
{
    const char *s = m_text.data();
    const uint32_t n = static_cast<uint32_t>(m_text.size());
    uint32_t p = start + 1;
    while (p < n) {
        const char c = s[p];
        if (c == '\\' && quote != ']') {
            p += 2;
            continue;
        }
        if (c == quote) {
            if (doubling && p + 1 < n && s[p + 1] == quote) {
                p += 2;
                continue;
            }
            return p + 1;
        }
        if (c == '\n' && !allowNewline)
            break;
        ++p;
    }
    if (p > n)
        p = n;
    error(start, quote == '`'   ? "unterminated quoted identifier"
                 : quote == ']' ? "unterminated bracketed identifier"
                                : "unterminated string literal");
    return p;
}

Token Lexer::string(uint32_t start, uint32_t bodyStart)
{
    const char *s = m_text.data();
    const uint32_t n = static_cast<uint32_t>(m_text.size());
    const char q = s[bodyStart];
    Token t;
    t.pos = start;
    t.kind = TokenKind::String;
    if (m_dialect == Dialect::BigQuery && bodyStart + 2 < n && s[bodyStart + 1] == q
        && s[bodyStart + 2] == q) {
        // Triple-quoted: runs to the next unescaped triple quote, newlines allowed.
        uint32_t p = bodyStart + 3;
        bool closed = false;
        while (p < n) {
            const char c = s[p];
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (c == q && p + 2 < n && s[p + 1] == q && s[p + 2] == q) {
                p += 3;
                closed = true;
                break;
            }
            ++p;
        }
        if (!closed) {
            error(start, "unterminated triple-quoted string literal");
            p = n;
        }
        m_pos = p > n ? n : p;
    } else {
        // BigQuery strings cannot span lines; stopping there keeps one stray quote from
        // swallowing the rest of the file.
        m_pos = scanQuoted(bodyStart, q, m_dialect != Dialect::BigQuery, m_dialect != Dialect::BigQuery);
    }
    t.len = m_pos - start;
    return t;
}

Token Lexer::next()
{
    bool sawSpace = false;
    skipSpace(sawSpace);
    Token t;
    t.space = sawSpace;
    t.pos = m_pos;
    const char *s = m_text.data();
    const uint32_t n = static_cast<uint32_t>(m_text.size());
    if (m_pos >= n) {
        t.kind = TokenKind::End;
        return t;
    }
    const uint32_t start = m_pos;
    const char c = s[m_pos];
    const uint8_t k = cls(c);
    if (k & CIdent || (c == '#' && m_dialect == Dialect::Ansi)) {
        uint32_t p = m_pos + 1;
        while (p < n && isWordChar(s[p]))
            ++p;
        if (c == '#')
            while (p < n && (isWordChar(s[p]) || s[p] == '#'))
                ++p;
        const uint32_t len = p - start;
        // String prefixes: r'..', b"..", rb'..', and N'..' / E'..' / X'..' in ANSI.
        if (len <= 2 && p < n && (s[p] == '\'' || (s[p] == '"' && m_dialect == Dialect::BigQuery))) {
            bool prefix = true;
            for (uint32_t i = start; i < p; ++i) {
                const char l = static_cast<char>(s[i] | 0x20);
                const bool ok = l == 'r' || l == 'b'
                                || (m_dialect == Dialect::Ansi && len == 1
                                    && (l == 'n' || l == 'e' || l == 'x' || l == 'u'));
                if (!ok)
                    prefix = false;
            }
            if (prefix) {
                Token st = string(start, p);
                st.space = sawSpace;
                return st;
            }
        }
        t.kind = TokenKind::Ident;
        t.len = len;
        t.kw = keywordTable().find(s + start, len);
        m_pos = p;
        return t;
    }
    if (k & CDigit) {
        uint32_t p = m_pos + 1;
        while (p < n && cls(s[p]) & CDigit)
            ++p;
        if (p + 1 < n && s[p] == '.' && cls(s[p + 1]) & CDigit) {
            p += 2;
            while (p < n && cls(s[p]) & CDigit)
                ++p;
        }
        if (p < n && (s[p] == 'e' || s[p] == 'E')) {
            uint32_t q = p + 1;
            if (q < n && (s[q] == '+' || s[q] == '-'))
                ++q;
            if (q < n && cls(s[q]) & CDigit) {
                p = q;
                while (p < n && cls(s[p]) & CDigit)
                    ++p;
            }
        }
        t.kind = TokenKind::Number;
        if (p < n && cls(s[p]) & CIdent) {
            // 2024_sales, 0x1F, 1st: a word that starts with digits.
            while (p < n && isWordChar(s[p]))
                ++p;
            t.kind = TokenKind::Ident;
        }
        t.len = p - start;
        m_pos = p;
        return t;
    }
    switch (c) {
    case '`':
        m_pos = scanQuoted(start, '`', false, false);
        t.kind = TokenKind::Quoted;
        t.len = m_pos - start;
        return t;
    case '\'': {
        Token st = string(start, start);
        st.space = sawSpace;
        return st;
    }
    case '"':
        if (m_dialect == Dialect::BigQuery) {
            Token st = string(start, start);
            st.space = sawSpace;
            return st;
        }
        m_pos = scanQuoted(start, '"', true, true);
        t.kind = TokenKind::Quoted;
        t.len = m_pos - start;
        return t;
    case '[':
        if (m_dialect == Dialect::Ansi) {
            m_pos = scanQuoted(start, ']', false, false);
            t.kind = TokenKind::Quoted;
            t.len = m_pos - start;
            return t;
        }
        break;
    case '@':
    case '?':
    case ':': {
        uint32_t p = m_pos + 1;
        if (c == '@' && p < n && s[p] == '@')
            ++p;
        if (c == ':' && (p >= n || !(cls(s[p]) & CIdent) || (start > 0 && isWordChar(s[start - 1]))))
            break; // a plain ':' (legacy project:dataset, slices, casts)
        while (p < n && isWordChar(s[p]))
            ++p;
        t.kind = TokenKind::Param;
        t.len = p - start;
        m_pos = p;
        return t;
    }
    case '{':
        if (m_pos + 1 < n && s[m_pos + 1] == '{') {
            const size_t end = m_text.find("}}", m_pos + 2);
            if (end == std::string_view::npos) {
                error(start, "unterminated template placeholder");
                m_pos = n;
            } else {
                m_pos = static_cast<uint32_t>(end + 2);
            }
            t.kind = TokenKind::Template;
            t.len = m_pos - start;
            return t;
        }
        break;
    case '$':
        if (m_dialect == Dialect::Ansi) {
            // Postgres dollar quoting: $$ body $$ or $tag$ body $tag$ (function bodies).
            uint32_t p = m_pos + 1;
            while (p < n && cls(s[p]) & CIdent)
                ++p;
            if (p < n && s[p] == '$') {
                const std::string_view tag = m_text.substr(start, p + 1 - start);
                const size_t end = m_text.find(tag, p + 1);
                if (end == std::string_view::npos) {
                    error(start, "unterminated dollar-quoted string");
                    m_pos = n;
                } else {
                    m_pos = static_cast<uint32_t>(end + tag.size());
                }
                t.kind = TokenKind::String;
                t.len = m_pos - start;
                return t;
            }
        }
        if (m_pos + 1 < n && s[m_pos + 1] == '{') {
            const size_t end = m_text.find('}', m_pos + 2);
            const size_t nl = m_text.find('\n', m_pos + 2);
            if (end == std::string_view::npos || end > nl) {
                error(start, "unterminated template placeholder");
                m_pos = end == std::string_view::npos ? n : static_cast<uint32_t>(end + 1);
            } else {
                m_pos = static_cast<uint32_t>(end + 1);
            }
            t.kind = TokenKind::Template;
            t.len = m_pos - start;
            return t;
        }
        break;
    default:
        break;
    }
    t.kind = TokenKind::Punct;
    t.ch = c;
    t.len = 1;
    m_pos = start + 1;
    return t;
}

std::string_view unquotedView(std::string_view text, const Token &token)
{
    std::string_view v = text.substr(token.pos, token.len);
    if (token.kind == TokenKind::Quoted && v.size() >= 2) {
        const char open = v.front();
        const char close = open == '[' ? ']' : open;
        if (v.back() == close)
            return v.substr(1, v.size() - 2);
        return v.substr(1);
    }
    return v;
}

void LineIndex::locate(uint32_t offset, int &line, int &column)
{
    if (offset > m_text.size())
        offset = static_cast<uint32_t>(m_text.size());
    if (offset < m_pos) {
        m_pos = 0;
        m_line = 1;
        m_lineStart = 0;
    }
    const char *s = m_text.data();
    while (m_pos < offset) {
        const void *nl = std::memchr(s + m_pos, '\n', offset - m_pos);
        if (!nl) {
            m_pos = offset;
            break;
        }
        m_pos = static_cast<uint32_t>(static_cast<const char *>(nl) - s) + 1;
        m_lineStart = m_pos;
        ++m_line;
    }
    int col = 1;
    for (uint32_t p = m_lineStart; p < offset; ++p) {
        if ((static_cast<unsigned char>(s[p]) & 0xC0) != 0x80)
            ++col;
    }
    line = m_line;
    column = col;
}

} // namespace warroom::sql::detail
