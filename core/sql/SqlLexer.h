#pragma once

// The tokenizer under the SQL table extractor: plain std::string_view code, no Qt, no
// allocation per token. It knows every lexical form of BigQuery GoogleSQL (comments --, #, /* */;
// '...', "...", '''...''', """...""", raw r'' and byte b''/rb'' strings; `quoted` paths) and the
// ANSI-ish forms people write elsewhere ("quoted" and [bracketed] identifiers, MySQL backticks).
// Jinja placeholders ({{ x }}, ${x}) come out as one Template token; {% %} / {# #} are skipped.

#include "core/sql/SqlExtractor.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace warroom::sql::detail {

enum class TokenKind : uint8_t {
    End,      // end of input
    Ident,    // bare word (keyword or identifier); `kw` tells which keyword, if any
    Quoted,   // `quoted`, "quoted" (ANSI) or [quoted] (ANSI) identifier
    String,   // any string or bytes literal
    Number,   // numeric literal
    Param,    // @param, @@system_variable, ?
    Template, // {{ jinja }} or ${var}: treated like an identifier part
    Punct,    // one character: ( ) , . ; * - [ ] etc. (`ch` holds it)
};

// Keywords the extractor cares about. Kw::None for every other word.
enum class Kw : uint16_t {
    None = 0,
#define WARROOM_SQL_KW(name, text, flags) name,
#include "core/sql/SqlKeywords.inc"
#undef WARROOM_SQL_KW
    Count
};

enum KwFlag : uint8_t {
    NotAlias = 1,   // cannot be a table alias / cannot start a table name
    ClauseEnd = 2,  // ends a FROM clause (its commas no longer separate tables)
};

struct Token
{
    uint32_t pos = 0;   // byte offset of the first character
    uint32_t len = 0;   // byte length
    TokenKind kind = TokenKind::End;
    char ch = 0;        // the character for Punct tokens
    bool space = false; // whitespace or a comment precedes the token
    Kw kw = Kw::None;
};

uint8_t keywordFlags(Kw kw);

// Pull lexer: next() yields one token at a time; errors (unterminated literal or comment,
// control characters) are appended to `errors` and lexing goes on.
class Lexer
{
public:
    Lexer(std::string_view text, Dialect dialect, std::vector<SqlError> *errors,
          std::vector<uint32_t> *errorOffsets);
    Token next();

    std::string_view text() const { return m_text; }

private:
    void skipSpace(bool &sawSpace);
    void error(uint32_t pos, const char *message);
    uint32_t scanQuoted(uint32_t start, char quote, bool allowNewline, bool doubling);
    Token string(uint32_t start, uint32_t bodyStart);

    std::string_view m_text;
    uint32_t m_pos = 0;
    Dialect m_dialect;
    std::vector<SqlError> *m_errors;
    std::vector<uint32_t> *m_errorOffsets;
    int m_controlErrors = 0;
};

// The text of an identifier-like token without its quotes: `a.b` -> a.b, "x""y" -> x"y.
std::string_view unquotedView(std::string_view text, const Token &token);

// 1-based line and column (in characters, UTF-8 aware) of byte offsets, computed lazily
// and fastest for increasing offsets.
class LineIndex
{
public:
    explicit LineIndex(std::string_view text) : m_text(text) {}
    void locate(uint32_t offset, int &line, int &column);

private:
    std::string_view m_text;
    uint32_t m_pos = 0;
    int m_line = 1;
    uint32_t m_lineStart = 0;
};

} // namespace warroom::sql::detail
