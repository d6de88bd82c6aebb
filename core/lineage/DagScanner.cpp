#include "core/lineage/DagScanner.h"

#include "core/sql/SqlTemplate.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace warroom::lineage {

namespace {

// ---- tokenizer ------------------------------------------------------------------------------

enum class Tok { Name, String, Number, Op, Newline, End };

struct Token
{
    Tok type = Tok::End;
    std::string text; // Name/Op/Number: as written; String: decoded value
    int line = 0;
    int column = 0;   // 0-based column of the first character
    std::size_t begin = 0, end = 0;
    bool fstring = false;
};

bool isNameStart(unsigned char c)
{
    return std::isalpha(c) || c == '_' || c >= 0x80;
}

bool isNameChar(unsigned char c)
{
    return std::isalnum(c) || c == '_' || c >= 0x80;
}

std::vector<Token> tokenize(std::string_view s, std::vector<DagScan::Problem> &problems)
{
    std::vector<Token> tokens;
    int line = 1;
    std::size_t lineStart = 0;
    int depth = 0;
    std::size_t i = 0;
    auto push = [&](Tok type, std::string text, std::size_t b, std::size_t e, int l, int col) {
        Token t;
        t.type = type;
        t.text = std::move(text);
        t.begin = b;
        t.end = e;
        t.line = l;
        t.column = col;
        tokens.push_back(std::move(t));
    };
    auto newline = [&]() {
        if (depth == 0 && !tokens.empty() && tokens.back().type != Tok::Newline)
            push(Tok::Newline, {}, i, i, line, 0);
    };
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\n') {
            newline();
            ++line;
            ++i;
            lineStart = i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
            ++i;
            continue;
        }
        if (c == '#') {
            while (i < s.size() && s[i] != '\n')
                ++i;
            continue;
        }
        if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
            i += 2;
            if (i < s.size() && s[i - 1] == '\r' && s[i] == '\n')
                ++i;
            ++line;
            lineStart = i;
            continue;
        }
        const int col = static_cast<int>(i - lineStart);
        // String prefixes: r b u f and pairs.
        std::size_t q = i;
        bool raw = false, fstr = false;
        while (q < s.size() && q - i < 2 && std::strchr("rRbBuUfF", s[q]) && s[q] != '\0') {
            if (s[q] == 'r' || s[q] == 'R')
                raw = true;
            if (s[q] == 'f' || s[q] == 'F')
                fstr = true;
            ++q;
        }
        if (q < s.size() && (s[q] == '\'' || s[q] == '"') && (q == i || isNameStart(c))) {
            const char quote = s[q];
            const bool triple = q + 2 < s.size() && s[q + 1] == quote && s[q + 2] == quote;
            const int startLine = line;
            std::size_t j = q + (triple ? 3 : 1);
            std::string value;
            bool closed = false;
            while (j < s.size()) {
                const char ch = s[j];
                if (ch == '\\' && j + 1 < s.size()) {
                    const char n = s[j + 1];
                    if (raw) {
                        value.push_back(ch);
                        value.push_back(n);
                    } else {
                        switch (n) {
                        case 'n': value.push_back('\n'); break;
                        case 't': value.push_back('\t'); break;
                        case '\\': value.push_back('\\'); break;
                        case '\'': value.push_back('\''); break;
                        case '"': value.push_back('"'); break;
                        case '\n': break;
                        default: value.push_back('\\'); value.push_back(n); break;
                        }
                    }
                    if (n == '\n') {
                        ++line;
                        lineStart = j + 2;
                    }
                    j += 2;
                    continue;
                }
                if (ch == '\n') {
                    if (!triple)
                        break; // unterminated single-line string
                    ++line;
                    lineStart = j + 1;
                }
                if (ch == quote) {
                    if (!triple) {
                        closed = true;
                        ++j;
                        break;
                    }
                    if (j + 2 < s.size() && s[j + 1] == quote && s[j + 2] == quote) {
                        closed = true;
                        j += 3;
                        break;
                    }
                }
                value.push_back(ch);
                ++j;
            }
            if (!closed)
                problems.push_back({startLine, "unterminated string", true});
            push(Tok::String, std::move(value), i, j, startLine, col);
            tokens.back().fstring = fstr;
            i = j;
            continue;
        }
        if (isNameStart(c)) {
            std::size_t j = i;
            while (j < s.size() && isNameChar(static_cast<unsigned char>(s[j])))
                ++j;
            push(Tok::Name, std::string(s.substr(i, j - i)), i, j, line, col);
            i = j;
            continue;
        }
        if (std::isdigit(c) || (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == '_'))
                ++j;
            push(Tok::Number, std::string(s.substr(i, j - i)), i, j, line, col);
            i = j;
            continue;
        }
        // Operators
        static const char *const two[] = {">>", "<<", "**", "//", "->", ":=", "==", "!=", "<=", ">="};
        std::string op(1, static_cast<char>(c));
        for (const char *t : two) {
            if (s.substr(i, 2) == t) {
                op = t;
                break;
            }
        }
        if (op == "(" || op == "[" || op == "{")
            ++depth;
        else if ((op == ")" || op == "]" || op == "}") && depth > 0)
            --depth;
        push(Tok::Op, op, i, i + op.size(), line, col);
        i += op.size();
    }
    newline();
    push(Tok::End, {}, s.size(), s.size(), line, 0);
    return tokens;
}

// ---- values ---------------------------------------------------------------------------------

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct Value
{
    enum Type { None, Str, Name, Num, List, Dict, Call, Dep, Other } type = None;
    std::string text;                                  // Str value, Name dotted, Call callee
    std::vector<ValuePtr> items;                       // List items, Dep operands, Call positional
    std::vector<std::pair<ValuePtr, ValuePtr>> dict;   // Dict entries
    std::vector<std::pair<std::string, ValuePtr>> kwargs; // Call keywords
    std::vector<std::string> ops;                      // Dep: ">>" / "<<" between operands
    int task = -1;                                     // Call that created a task
    int dag = -1;                                      // Call that created a DAG
    int group = -1;                                    // Call that created a TaskGroup
    std::size_t begin = 0, end = 0;
    int line = 0;

    const Value *kwarg(std::string_view key) const
    {
        for (const auto &[k, v] : kwargs) {
            if (k == key)
                return v.get();
        }
        return nullptr;
    }
    const Value *get(std::string_view key) const
    {
        for (const auto &[k, v] : dict) {
            if (k && k->type == Str && k->text == key)
                return v.get();
        }
        return nullptr;
    }
};

std::string lastSegment(const std::string &dotted)
{
    const auto p = dotted.rfind('.');
    return p == std::string::npos ? dotted : dotted.substr(p + 1);
}

class Scanner
{
public:
    Scanner(std::string_view source) : m_source(source) {}

    DagScan run()
    {
        m_tokens = tokenize(m_source, m_scan.problems);
        std::size_t i = 0;
        while (i < m_tokens.size() && m_tokens[i].type != Tok::End) {
            std::size_t end = i;
            while (m_tokens[end].type != Tok::Newline && m_tokens[end].type != Tok::End)
                ++end;
            statement(i, end);
            i = end + (m_tokens[end].type == Tok::Newline ? 1 : 0);
        }
        finish();
        return std::move(m_scan);
    }

private:
    struct Scope
    {
        int indent;
        int dag;
    };
    struct GroupScope
    {
        int indent;
        int group;
    };
    struct Group
    {
        std::string groupId; // full, as Airflow computes it
        bool prefix = true;  // prefix_group_id
        std::vector<int> tasks; // its own and its nested groups' tasks
        int depth = 1;
    };
    // An operand of `>>`: a task or a TaskGroup.
    struct Endpoint
    {
        int task = -1;
        int group = -1;
    };

    // ---- expression parser over [m_pos, m_end) ----
    const Token &peek(std::size_t ahead = 0) const
    {
        const std::size_t p = std::min(m_pos + ahead, m_end);
        return p < m_end ? m_tokens[p] : m_endToken;
    }
    bool atOp(std::string_view op, std::size_t ahead = 0) const
    {
        const Token &t = peek(ahead);
        return t.type == Tok::Op && t.text == op;
    }
    bool done() const { return m_pos >= m_end; }

    ValuePtr expr(int guard = 0)
    {
        if (guard > 200) { // pathological nesting
            m_pos = m_end;
            return std::make_shared<Value>();
        }
        ValuePtr first = concat(guard);
        if (!(atOp(">>") || atOp("<<")))
            return first;
        auto dep = std::make_shared<Value>();
        dep->type = Value::Dep;
        dep->items.push_back(first);
        while (atOp(">>") || atOp("<<")) {
            dep->ops.push_back(peek().text);
            ++m_pos;
            dep->items.push_back(concat(guard));
        }
        return dep;
    }

    // Operand with binary operators other than >> << skipped; adjacent/`+` strings joined.
    ValuePtr concat(int guard)
    {
        ValuePtr v = unary(guard);
        while (!done()) {
            const Token &t = peek();
            if (t.type != Tok::Op)
                break;
            static const char *const binary[] = {"+", "-", "*", "/", "%", "//", "**", "==", "!=",
                                                 "<", ">", "<=", ">=", "|", "&", "^", "@"};
            bool isBinary = false;
            for (const char *b : binary)
                isBinary = isBinary || t.text == b;
            if (!isBinary)
                break;
            const std::string op = t.text;
            ++m_pos;
            ValuePtr rhs = unary(guard);
            if (op == "+" && v->type == Value::Str && rhs->type == Value::Str) {
                v->text += rhs->text;
                v->end = rhs->end;
            } else if (!(op == "%" && v->type == Value::Str)) {
                auto other = std::make_shared<Value>();
                other->type = Value::Other;
                other->begin = v->begin;
                other->end = rhs->end;
                v = other;
            }
        }
        // Conditional expressions and keywords: `x if c else y`, `not x`, `lambda`.
        while (!done() && peek().type == Tok::Name
               && (peek().text == "if" || peek().text == "else" || peek().text == "and"
                   || peek().text == "or" || peek().text == "for" || peek().text == "in"
                   || peek().text == "is")) {
            ++m_pos;
            unary(guard);
        }
        return v;
    }

    ValuePtr unary(int guard)
    {
        while (!done() && ((peek().type == Tok::Op && (peek().text == "-" || peek().text == "*"
                                                       || peek().text == "**" || peek().text == "~"))
                           || (peek().type == Tok::Name && (peek().text == "not" || peek().text == "await"))))
            ++m_pos;
        if (!done() && peek().type == Tok::Name && peek().text == "lambda") {
            while (!done() && !atOp(":"))
                ++m_pos;
            if (!done())
                ++m_pos;
        }
        return postfix(guard);
    }

    ValuePtr postfix(int guard)
    {
        ValuePtr v = primary(guard);
        while (!done()) {
            if (atOp(".") && peek(1).type == Tok::Name) {
                if (v->type == Value::Name)
                    v->text += "." + peek(1).text;
                else {
                    auto other = std::make_shared<Value>();
                    other->type = Value::Other;
                    other->begin = v->begin;
                    v = other;
                }
                m_pos += 2;
                v->end = m_tokens[m_pos - 1].end;
            } else if (atOp("(")) {
                v = call(v, guard);
            } else if (atOp("[")) {
                ++m_pos;
                skipUntilClose("]", guard);
                auto other = std::make_shared<Value>();
                other->type = Value::Other;
                other->begin = v->begin;
                other->end = m_pos > 0 ? m_tokens[m_pos - 1].end : v->end;
                v = other;
            } else {
                break;
            }
        }
        return v;
    }

    void skipUntilClose(std::string_view close, int guard)
    {
        while (!done() && !atOp(close)) {
            const std::size_t before = m_pos;
            expr(guard + 1);
            if (m_pos == before)
                ++m_pos;
        }
        if (!done())
            ++m_pos;
    }

    ValuePtr primary(int guard)
    {
        auto v = std::make_shared<Value>();
        if (done())
            return v;
        const Token &t = peek();
        v->begin = t.begin;
        v->end = t.end;
        v->line = t.line;
        if (t.type == Tok::String) {
            v->type = Value::Str;
            while (!done() && peek().type == Tok::String) { // implicit concatenation
                v->text += peek().text;
                v->end = peek().end;
                ++m_pos;
            }
            return v;
        }
        if (t.type == Tok::Number) {
            v->type = Value::Num;
            v->text = t.text;
            ++m_pos;
            return v;
        }
        if (t.type == Tok::Name) {
            v->type = Value::Name;
            v->text = t.text;
            ++m_pos;
            return v;
        }
        if (t.type == Tok::Op && (t.text == "(" || t.text == "[" || t.text == "{")) {
            const std::string close = t.text == "(" ? ")" : t.text == "[" ? "]" : "}";
            const bool isDict = t.text == "{";
            ++m_pos;
            v->type = t.text == "(" ? Value::List : isDict ? Value::Dict : Value::List;
            bool sawComma = false;
            while (!done() && !atOp(close)) {
                const std::size_t before = m_pos;
                if (atOp("**")) { // dict unpacking
                    ++m_pos;
                    expr(guard + 1);
                } else {
                    ValuePtr item = expr(guard + 1);
                    if (isDict && atOp(":")) {
                        ++m_pos;
                        ValuePtr value = expr(guard + 1);
                        v->dict.emplace_back(item, value);
                    } else {
                        v->items.push_back(item);
                    }
                }
                if (atOp(",")) {
                    sawComma = true;
                    ++m_pos;
                } else if (!atOp(close) && m_pos == before) {
                    ++m_pos; // something we do not model (comprehension keywords, ':')
                }
            }
            if (!done()) {
                v->end = peek().end;
                ++m_pos;
            }
            if (t.text == "(" && !sawComma && v->items.size() == 1)
                return v->items.front(); // parenthesised expression
            return v;
        }
        ++m_pos;
        v->type = Value::Other;
        return v;
    }

    ValuePtr call(ValuePtr callee, int guard)
    {
        auto v = std::make_shared<Value>();
        v->type = Value::Call;
        v->text = callee->type == Value::Name ? callee->text : std::string();
        v->begin = callee->begin;
        v->line = callee->line;
        ++m_pos; // (
        while (!done() && !atOp(")")) {
            const std::size_t before = m_pos;
            if (atOp("*") || atOp("**")) {
                ++m_pos;
                expr(guard + 1);
            } else if (peek().type == Tok::Name && atOp("=", 1)) {
                const std::string key = peek().text;
                m_pos += 2;
                v->kwargs.emplace_back(key, expr(guard + 1));
            } else {
                v->items.push_back(expr(guard + 1));
            }
            if (atOp(","))
                ++m_pos;
            else if (!atOp(")") && m_pos == before)
                ++m_pos;
        }
        if (!done()) {
            v->end = peek().end;
            ++m_pos;
        }
        onCall(*v);
        return v;
    }

    // ---- semantics ----
    const Value *resolve(const Value *v, int guard = 0) const
    {
        while (v && v->type == Value::Name && guard++ < 16) {
            auto it = m_variables.find(v->text);
            if (it == m_variables.end())
                return v;
            v = it->second.get();
        }
        return v;
    }

    std::string stringOf(const Value *v) const
    {
        v = resolve(v);
        return v && v->type == Value::Str ? v->text : std::string();
    }

    std::string sourceText(const Value *v) const
    {
        if (!v || v->end <= v->begin)
            return {};
        return std::string(m_source.substr(v->begin, v->end - v->begin));
    }

    static bool isDagCallee(const std::string &callee)
    {
        return callee == "DAG" || callee == "models.DAG" || callee == "airflow.DAG"
               || callee == "airflow.models.DAG";
    }

    static bool isOperatorCallee(const std::string &callee)
    {
        const std::string last = lastSegment(callee);
        if (last.size() > 8 && last.compare(last.size() - 8, 8, "Operator") == 0)
            return true;
        if (last.size() > 6 && last.compare(last.size() - 6, 6, "Sensor") == 0)
            return true;
        return false;
    }

    void onCall(Value &call)
    {
        if (isDagCallee(call.text)) {
            DagScan::Dag dag;
            dag.line = call.line;
            dag.dagId = call.items.empty() ? std::string() : stringOf(call.items.front().get());
            if (const Value *id = call.kwarg("dag_id"))
                dag.dagId = stringOf(id);
            fillDag(dag, call);
            if (dag.dagId.empty())
                m_scan.problems.push_back({call.line, "DAG without a literal dag_id", false});
            call.dag = static_cast<int>(m_scan.dags.size());
            m_scan.dags.push_back(std::move(dag));
            return;
        }
        if (isOperatorCallee(call.text)) {
            call.task = addTask(call, lastSegment(call.text));
            return;
        }
        const std::string last = lastSegment(call.text);
        if (last == "TaskGroup") {
            std::string label = call.items.empty() ? std::string() : stringOf(call.items.front().get());
            if (const Value *id = call.kwarg("group_id"))
                label = stringOf(id);
            const Value *prefix = call.kwarg("prefix_group_id");
            call.group = addGroup(label, !(prefix && prefix->type == Value::Name && prefix->text == "False"),
                                  groupOf(call.kwarg("parent_group")));
            return;
        }
        if (auto it = m_groupFunctions.find(call.text); it != m_groupFunctions.end()) {
            call.group = it->second;
            return;
        }
        if (last == "chain") {
            for (std::size_t k = 0; k + 1 < call.items.size(); ++k)
                link(call.items[k].get(), call.items[k + 1].get());
            return;
        }
        if (last == "set_downstream" || last == "set_upstream") {
            const std::string owner = call.text.substr(0, call.text.size() - last.size() - 1);
            Value self;
            self.type = Value::Name;
            self.text = owner;
            for (const auto &arg : call.items) {
                if (last == "set_downstream")
                    link(&self, arg.get());
                else
                    link(arg.get(), &self);
            }
            return;
        }
        // A call to a @task-decorated function creates that task; tasks passed to it as
        // arguments (XComArgs: `enrich(clean())`, `load(t.output)`) run before it.
        if (auto it = m_taskFunctions.find(call.text); it != m_taskFunctions.end()) {
            call.task = it->second;
            for (const auto &arg : call.items)
                link(arg.get(), &call);
            for (const auto &[key, arg] : call.kwargs)
                link(arg.get(), &call);
        }
    }

    // The expression text behind `v`, following variables (`start_date=START`).
    std::string expressionText(const Value *v) const
    {
        const Value *r = resolve(v);
        if (r && r->end > r->begin && r->type != Value::Name)
            return sourceText(r);
        return sourceText(v);
    }

    // `{"k": v}` or `dict(k=v)`, variables followed: the value under `key`.
    const Value *dictEntry(const Value *dict, std::string_view key) const
    {
        dict = resolve(dict);
        if (!dict)
            return nullptr;
        if (dict->type == Value::Dict)
            return dict->get(key);
        if (dict->type == Value::Call && lastSegment(dict->text) == "dict")
            return dict->kwarg(key);
        return nullptr;
    }

    // Literal (string/number, variables followed) entries of a params dict into `out`; every
    // key named, literal or not, into *named.
    void literalParams(const Value *params, std::vector<std::pair<std::string, std::string>> &out,
                       std::set<std::string> *named = nullptr) const
    {
        params = resolve(params);
        if (!params)
            return;
        auto add = [&](const std::string &key, const Value *value) {
            if (named && !key.empty())
                named->insert("params." + key);
            const Value *rv = resolve(value);
            if (key.empty() || !rv || !(rv->type == Value::Str || rv->type == Value::Num))
                return;
            const std::string name = "params." + key;
            for (auto &[k, v] : out) {
                if (k == name) {
                    v = rv->text;
                    return;
                }
            }
            out.emplace_back(name, rv->text);
        };
        if (params->type == Value::Dict) {
            for (const auto &[k, v] : params->dict) {
                if (k && k->type == Value::Str)
                    add(k->text, v.get());
            }
        } else if (params->type == Value::Call && lastSegment(params->text) == "dict") {
            for (const auto &[k, v] : params->kwargs)
                add(k, v.get());
        }
    }

    void fillDag(DagScan::Dag &dag, const Value &call)
    {
        const Value *defaults = call.kwarg("default_args");
        if (const Value *start = call.kwarg("start_date"))
            dag.startDate = expressionText(start);
        else if (const Value *fromDefaults = dictEntry(defaults, "start_date"))
            dag.startDate = expressionText(fromDefaults);
        literalParams(dictEntry(defaults, "params"), dag.params);
        literalParams(call.kwarg("params"), dag.params);
        for (const char *key : {"schedule", "schedule_interval", "timetable"}) {
            if (const Value *s = call.kwarg(key)) {
                const Value *r = resolve(s);
                dag.schedule = r && r->type == Value::Str ? r->text : sourceText(s);
                break;
            }
        }
        if (const Value *p = resolve(call.kwarg("template_searchpath"))) {
            if (p->type == Value::Str)
                dag.templateSearchPath.push_back(p->text);
            for (const auto &item : p->items) {
                if (std::string s = stringOf(item.get()); !s.empty())
                    dag.templateSearchPath.push_back(s);
            }
        }
    }

    void addSql(DagScan::Task &task, const std::string &text)
    {
        std::string s = text;
        const auto first = s.find_first_not_of(" \t\r\n");
        if (first == std::string::npos)
            return;
        s = s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
        bool found = false;
        std::size_t at = 0;
        while ((at = s.find("{%", at)) != std::string::npos) {
            const std::size_t close = s.find("%}", at);
            if (close == std::string::npos)
                break;
            std::string inner = s.substr(at + 2, close - at - 2);
            const auto inc = inner.find("include");
            if (inc != std::string::npos) {
                const auto q1 = inner.find_first_of("'\"", inc);
                if (q1 != std::string::npos) {
                    const auto q2 = inner.find(inner[q1], q1 + 1);
                    if (q2 != std::string::npos) {
                        task.sqlFiles.push_back(inner.substr(q1 + 1, q2 - q1 - 1));
                        found = true;
                    }
                }
            }
            at = close + 2;
        }
        if (found)
            return;
        const bool oneWord = s.find_first_of(" \t\r\n") == std::string::npos;
        if (oneWord && s.size() > 4 && s.compare(s.size() - 4, 4, ".sql") == 0)
            task.sqlFiles.push_back(s);
        else
            task.inlineSql.push_back(s);
    }

    static std::string tableFromRef(const Value *ref, const Scanner &self)
    {
        // {"projectId": ..., "datasetId": ..., "tableId": ...}
        ref = self.resolve(ref);
        if (!ref)
            return {};
        if (ref->type == Value::Str)
            return ref->text;
        if (ref->type != Value::Dict)
            return {};
        const std::string p = self.stringOf(ref->get("projectId"));
        const std::string d = self.stringOf(ref->get("datasetId"));
        const std::string t = self.stringOf(ref->get("tableId"));
        if (d.empty() || t.empty())
            return {};
        return p.empty() ? d + '.' + t : p + '.' + d + '.' + t;
    }

    void addStrings(const Value *v, std::vector<std::string> &out) const
    {
        v = resolve(v);
        if (!v)
            return;
        if (v->type == Value::Str && !v->text.empty())
            out.push_back(v->text);
        else if (v->type == Value::List) {
            for (const auto &item : v->items)
                addStrings(item.get(), out);
        }
    }

    int addTask(const Value &call, const std::string &operatorName, const std::string &defaultId = {})
    {
        DagScan::Task task;
        task.operatorName = operatorName;
        task.line = call.line;
        task.taskId = stringOf(call.kwarg("task_id"));
        if (task.taskId.empty())
            task.taskId = sourceText(call.kwarg("task_id"));
        if (task.taskId.empty())
            task.taskId = defaultId;
        if (task.taskId.empty())
            m_scan.problems.push_back({call.line, operatorName + " without a literal task_id", false});
        if (const Value *dag = call.kwarg("dag")) {
            const Value *r = resolve(dag);
            if (r && r->type == Value::Call && r->dag >= 0)
                task.dagId = m_scan.dags[r->dag].dagId;
            else if (dag->type == Value::Name)
                m_pendingDagVar.emplace(m_scan.tasks.size(), dag->text);
        } else if (!m_scopes.empty()) {
            task.dagId = m_scan.dags[m_scopes.back().dag].dagId;
        }
        // SQL
        for (const char *key : {"sql", "query", "bql"}) {
            std::vector<std::string> sql;
            addStrings(call.kwarg(key), sql);
            for (const auto &s : sql)
                addSql(task, s);
        }
        if (const Value *conf = resolve(call.kwarg("configuration")); conf && conf->type == Value::Dict) {
            if (const Value *q = resolve(conf->get("query")); q && q->type == Value::Dict) {
                if (std::string sql = stringOf(q->get("query")); !sql.empty())
                    addSql(task, sql);
                if (std::string dest = tableFromRef(q->get("destinationTable"), *this); !dest.empty())
                    task.destinations.push_back(dest);
            }
            for (const char *job : {"load", "copy"}) {
                if (const Value *j = resolve(conf->get(job)); j && j->type == Value::Dict) {
                    if (std::string dest = tableFromRef(j->get("destinationTable"), *this); !dest.empty())
                        task.destinations.push_back(dest);
                    if (const Value *src = resolve(j->get("sourceTables")); src && src->type == Value::List) {
                        for (const auto &item : src->items) {
                            if (std::string t = tableFromRef(item.get(), *this); !t.empty())
                                task.sourceTables.push_back(t);
                        }
                    }
                    if (std::string t = tableFromRef(j->get("sourceTable"), *this); !t.empty())
                        task.sourceTables.push_back(t);
                }
            }
        }
        for (const char *key : {"destination_dataset_table", "destination_project_dataset_table",
                                "destination_table"})
            addStrings(call.kwarg(key), task.destinations);
        for (const char *key : {"source_project_dataset_tables", "source_project_dataset_table",
                                "source_table"})
            addStrings(call.kwarg(key), task.sourceTables);
        // dataset_id + table_id style operators and sensors.
        {
            const std::string dataset = stringOf(call.kwarg("dataset_id"));
            const std::string table = stringOf(call.kwarg("table_id"));
            const std::string project = stringOf(call.kwarg("project_id"));
            if (!dataset.empty() && !table.empty()) {
                const std::string name = project.empty() ? dataset + '.' + table
                                                         : project + '.' + dataset + '.' + table;
                static const char *const writers[] = {"Create", "Delete", "Insert", "Upsert",
                                                      "Update", "Patch", "Truncate"};
                bool writes = false;
                for (const char *w : writers)
                    writes = writes || operatorName.find(w) != std::string::npos;
                (writes ? task.destinations : task.sourceTables).push_back(name);
            }
        }
        if (operatorName.find("IntervalCheck") != std::string::npos)
            addStrings(call.kwarg("table"), task.sourceTables);
        std::set<std::string> named;
        literalParams(call.kwarg("params"), task.params, &named);
        // TaskGroup: `task_group=tg`, else the innermost `with TaskGroup` / @task_group body.
        int group = groupOf(call.kwarg("task_group"));
        if (group < 0 && !m_groupScopes.empty())
            group = m_groupScopes.back().group;
        const int index = static_cast<int>(m_scan.tasks.size());
        if (!named.empty())
            m_taskParamKeys[index] = std::move(named);
        if (group >= 0) {
            const Group &g = m_groups[group];
            task.groupId = g.groupId;
            if (g.prefix && !g.groupId.empty() && !task.taskId.empty())
                task.taskId = g.groupId + '.' + task.taskId;
            for (int k = group; k >= 0; k = m_groupParents[k])
                m_groups[k].tasks.push_back(index);
        }
        m_scan.tasks.push_back(std::move(task));
        return index;
    }

    // The TaskGroup a value names (a TaskGroup(...) call, a variable holding one, a call of
    // a @task_group function), else -1.
    int groupOf(const Value *v) const
    {
        const Value *r = resolve(v);
        if (r && r->type == Value::Call && r->group >= 0)
            return r->group;
        if (r && r->type == Value::Name) {
            if (auto f = m_groupFunctions.find(r->text); f != m_groupFunctions.end())
                return f->second;
        }
        return -1;
    }

    int addGroup(const std::string &label, bool prefix, int parent)
    {
        if (parent < 0 && !m_groupScopes.empty())
            parent = m_groupScopes.back().group;
        if (parent >= 0 && m_groups[parent].depth >= 64) {
            // garbage or generated chains: ids and memberships would grow quadratically
            if (m_groups[parent].depth == 64)
                m_scan.problems.push_back({m_tokens[m_pos > 0 ? m_pos - 1 : 0].line,
                                           "TaskGroups nested deeper than 64: the rest are read as top-level groups",
                                           false});
            m_groups[parent].depth = 65;
            parent = -1;
        }
        Group g;
        g.prefix = prefix;
        g.groupId = label;
        g.depth = parent >= 0 ? m_groups[parent].depth + 1 : 1;
        if (parent >= 0 && m_groups[parent].prefix && !m_groups[parent].groupId.empty() && !label.empty())
            g.groupId = m_groups[parent].groupId + '.' + label;
        m_groups.push_back(std::move(g));
        m_groupParents.push_back(parent);
        return static_cast<int>(m_groups.size()) - 1;
    }

    // Tasks and groups an operand of `>>` stands for.
    void tasksOf(const Value *v, std::vector<Endpoint> &out, int guard = 0) const
    {
        if (!v || guard > 32)
            return;
        if (v->type == Value::Call && v->task >= 0) {
            out.push_back({v->task, -1});
            return;
        }
        if (v->type == Value::Call && v->group >= 0) {
            out.push_back({-1, v->group});
            return;
        }
        if (v->type == Value::Name) {
            std::string name = v->text;
            // `t.output` and similar attribute access on a task variable.
            if (m_variables.find(name) == m_variables.end()) {
                const auto dot = name.find('.');
                if (dot != std::string::npos)
                    name = name.substr(0, dot);
            }
            auto it = m_variables.find(name);
            if (it != m_variables.end())
                tasksOf(it->second.get(), out, guard + 1);
            else if (auto f = m_taskFunctions.find(name); f != m_taskFunctions.end())
                out.push_back({f->second, -1});
            else if (auto g = m_groupFunctions.find(name); g != m_groupFunctions.end())
                out.push_back({-1, g->second});
            return;
        }
        if (v->type == Value::List) {
            for (const auto &item : v->items)
                tasksOf(item.get(), out, guard + 1);
        }
        if (v->type == Value::Dep && !v->items.empty()) {
            // (a >> b) used as an operand stands for its last element
            tasksOf(v->items.back().get(), out, guard + 1);
        }
    }

    // Task-to-task links are recorded at once; links involving a group wait for finish(),
    // when the dependencies inside the group (which may come later in the file) are known.
    void link(const Value *up, const Value *down)
    {
        std::vector<Endpoint> a, b;
        tasksOf(up, a);
        tasksOf(down, b);
        for (const Endpoint &x : a) {
            for (const Endpoint &y : b) {
                if (x.task >= 0 && y.task >= 0) {
                    if (x.task != y.task)
                        m_scan.dependencies.emplace_back(x.task, y.task);
                } else if (m_groupLinks.size() < 100000) {
                    m_groupLinks.emplace_back(x, y);
                }
            }
        }
    }

    // A group's root tasks (no upstream inside the group) or leaf tasks (no downstream inside).
    std::vector<int> groupEnds(int group, bool roots) const
    {
        const std::vector<int> &tasks = m_groups[group].tasks;
        const std::set<int> members(tasks.begin(), tasks.end());
        std::set<int> inner; // tasks with an upstream (roots) / downstream (leaves) in the group
        for (const auto &[up, down] : m_scan.dependencies) {
            if (members.count(up) && members.count(down))
                inner.insert(roots ? down : up);
        }
        std::vector<int> ends;
        for (int t : members) {
            if (!inner.count(t))
                ends.push_back(t);
        }
        return ends;
    }

    void resolveGroupLinks()
    {
        // (group, roots) -> (dependency count when computed, ends)
        std::map<std::pair<int, bool>, std::pair<std::size_t, std::vector<int>>> cache;
        auto ends = [&](int group, bool roots) -> std::vector<int> {
            auto &entry = cache[{group, roots}];
            if (entry.second.empty() || entry.first != m_scan.dependencies.size())
                entry = {m_scan.dependencies.size(), groupEnds(group, roots)};
            return entry.second;
        };
        std::set<std::pair<std::pair<int, int>, std::pair<int, int>>> seen;
        for (const auto &[x, y] : m_groupLinks) {
            if (!seen.insert({{x.task, x.group}, {y.task, y.group}}).second)
                continue;
            const std::vector<int> a = x.task >= 0 ? std::vector<int>{x.task} : ends(x.group, false);
            const std::vector<int> b = y.task >= 0 ? std::vector<int>{y.task} : ends(y.group, true);
            for (int u : a) {
                for (int d : b) {
                    if (u != d)
                        m_scan.dependencies.emplace_back(u, d);
                }
            }
        }
    }

    void dependencies(const Value &dep)
    {
        for (std::size_t k = 0; k + 1 < dep.items.size(); ++k) {
            if (dep.ops[k] == ">>")
                link(dep.items[k].get(), dep.items[k + 1].get());
            else
                link(dep.items[k + 1].get(), dep.items[k].get());
        }
    }

    void statement(std::size_t begin, std::size_t end)
    {
        if (begin >= end)
            return;
        const int indent = m_tokens[begin].column;
        while (!m_scopes.empty() && indent <= m_scopes.back().indent)
            m_scopes.pop_back();
        while (!m_groupScopes.empty() && indent <= m_groupScopes.back().indent)
            m_groupScopes.pop_back();
        m_pos = begin;
        m_end = end;
        const Token &first = m_tokens[begin];
        if (first.type == Tok::Op && first.text == "@") {
            ++m_pos;
            ValuePtr deco = expr();
            const std::string name = lastSegment(deco->type == Value::Call ? deco->text : deco->text);
            if (name == "dag" || name == "task" || name == "task_group"
                || (deco->type == Value::Name && deco->text.rfind("task.", 0) == 0)) {
                m_pendingDecorator = deco;
                m_pendingDecoratorName = name == "dag" || name == "task_group" ? name : "task";
            }
            return;
        }
        if (first.type == Tok::Name && (first.text == "def" || first.text == "async")) {
            std::size_t k = begin + (first.text == "async" ? 2 : 1);
            const std::string fname = k < end && m_tokens[k].type == Tok::Name ? m_tokens[k].text : std::string();
            if (m_pendingDecorator && !fname.empty()) {
                const Value *deco = m_pendingDecorator.get();
                if (m_pendingDecoratorName == "dag") {
                    DagScan::Dag dag;
                    dag.line = first.line;
                    dag.dagId = deco->type == Value::Call ? stringOf(deco->kwarg("dag_id")) : std::string();
                    if (dag.dagId.empty())
                        dag.dagId = fname;
                    if (deco->type == Value::Call)
                        fillDag(dag, *deco);
                    m_scopes.push_back({indent, static_cast<int>(m_scan.dags.size())});
                    m_dagFunctions[fname] = static_cast<int>(m_scan.dags.size());
                    m_scan.dags.push_back(std::move(dag));
                } else if (m_pendingDecoratorName == "task_group") {
                    std::string label = fname;
                    bool prefix = true;
                    if (deco->type == Value::Call) {
                        if (const Value *id = deco->kwarg("group_id"); id && !stringOf(id).empty())
                            label = stringOf(id);
                        const Value *p = deco->kwarg("prefix_group_id");
                        prefix = !(p && p->type == Value::Name && p->text == "False");
                    }
                    const int group = addGroup(label, prefix, -1);
                    m_groupScopes.push_back({indent, group});
                    m_groupFunctions[fname] = group;
                } else {
                    Value fake;
                    fake.type = Value::Call;
                    fake.line = first.line;
                    if (deco->type == Value::Call)
                        fake.kwargs = deco->kwargs;
                    m_taskFunctions[fname] = addTask(fake, "@task", fname);
                }
            }
            m_pendingDecorator.reset();
            return;
        }
        m_pendingDecorator.reset();
        if (first.type == Tok::Name && first.text == "with") {
            ++m_pos;
            while (!done()) {
                ValuePtr ctx = expr();
                std::string as;
                if (!done() && peek().type == Tok::Name && peek().text == "as") {
                    ++m_pos;
                    if (!done() && peek().type == Tok::Name) {
                        as = peek().text;
                        ++m_pos;
                    }
                }
                const Value *r = resolve(ctx.get());
                if (r && r->type == Value::Call && r->dag >= 0) {
                    m_scopes.push_back({indent, r->dag});
                    if (!as.empty())
                        m_variables[as] = ctx;
                }
                if (r && r->type == Value::Call && r->group >= 0) {
                    m_groupScopes.push_back({indent, r->group});
                    if (!as.empty())
                        m_variables[as] = ctx;
                }
                if (atOp(","))
                    ++m_pos;
                else
                    break;
            }
            return;
        }
        if (first.type == Tok::Name
            && (first.text == "import" || first.text == "from" || first.text == "class"
                || first.text == "return" || first.text == "pass" || first.text == "raise"))
        {
            if (first.text == "return") {
                ++m_pos;
                ValuePtr v = expr();
                if (v->type == Value::Dep)
                    dependencies(*v);
            }
            return;
        }
        // Loops and conditions: scan the header's expressions, the body is its own statements.
        if (first.type == Tok::Name
            && (first.text == "for" || first.text == "if" || first.text == "elif"
                || first.text == "else" || first.text == "while" || first.text == "try"
                || first.text == "except" || first.text == "finally")) {
            ++m_pos;
            while (!done()) {
                const std::size_t before = m_pos;
                expr();
                if (m_pos == before)
                    ++m_pos;
            }
            return;
        }
        // Assignment or expression statement.
        std::vector<std::string> targets;
        while (true) {
            std::size_t k = m_pos;
            std::vector<std::string> names;
            while (k < end && m_tokens[k].type == Tok::Name) {
                std::string n = m_tokens[k].text;
                ++k;
                while (k + 1 < end && m_tokens[k].type == Tok::Op && m_tokens[k].text == "."
                       && m_tokens[k + 1].type == Tok::Name) {
                    n += "." + m_tokens[k + 1].text;
                    k += 2;
                }
                names.push_back(n);
                if (k < end && m_tokens[k].type == Tok::Op && m_tokens[k].text == ",")
                    ++k;
                else
                    break;
            }
            // optional annotation `x: T = ...`
            if (!names.empty() && k < end && m_tokens[k].type == Tok::Op && m_tokens[k].text == ":"
                && names.size() == 1) {
                std::size_t a = k + 1;
                while (a < end && !(m_tokens[a].type == Tok::Op && m_tokens[a].text == "="))
                    ++a;
                if (a < end) {
                    targets.push_back(names.front());
                    m_pos = a + 1;
                    continue;
                }
            }
            if (!names.empty() && k < end && m_tokens[k].type == Tok::Op && m_tokens[k].text == "=") {
                if (names.size() == 1)
                    targets.push_back(names.front());
                m_pos = k + 1;
                continue;
            }
            break;
        }
        ValuePtr value = expr();
        while (!done()) { // anything left (augmented assignments, slices...) is scanned for calls
            const std::size_t before = m_pos;
            ValuePtr more = expr();
            if (more->type == Value::Dep)
                dependencies(*more);
            if (m_pos == before)
                ++m_pos;
        }
        if (value->type == Value::Dep)
            dependencies(*value);
        for (const std::string &t : targets) {
            m_variables[t] = value;
            if (value->type == Value::Call && value->task >= 0 && m_scan.tasks[value->task].variable.empty())
                m_scan.tasks[value->task].variable = t;
        }
    }

    void finish()
    {
        for (const auto &[index, var] : m_pendingDagVar) {
            auto it = m_variables.find(var);
            const Value *r = it == m_variables.end() ? nullptr : resolve(it->second.get());
            if (r && r->type == Value::Call && r->dag >= 0)
                m_scan.tasks[index].dagId = m_scan.dags[r->dag].dagId;
        }
        for (DagScan::Task &task : m_scan.tasks) {
            if (task.dagId.empty() && m_scan.dags.size() == 1)
                task.dagId = m_scan.dags.front().dagId;
            if (task.dagId.empty())
                m_scan.problems.push_back({task.line, "task '" + task.taskId + "' belongs to no DAG found in this file", false});
            // the DAG's params under the operator's own
            for (const DagScan::Dag &dag : m_scan.dags) {
                if (task.dagId.empty() || dag.dagId != task.dagId)
                    continue;
                std::vector<std::pair<std::string, std::string>> merged;
                const auto own = m_taskParamKeys.find(static_cast<int>(&task - m_scan.tasks.data()));
                for (const auto &entry : dag.params) {
                    // an operator's own params entry hides the DAG's, even when not literal
                    if (own == m_taskParamKeys.end() || !own->second.count(entry.first))
                        merged.push_back(entry);
                }
                for (const auto &param : task.params) { // (no binding: clang 14 can't capture one)
                    auto it = std::find_if(merged.begin(), merged.end(),
                                           [&](const auto &e) { return e.first == param.first; });
                    if (it != merged.end())
                        it->second = param.second;
                    else
                        merged.push_back(param);
                }
                task.params = std::move(merged);
                break;
            }
        }
        resolveGroupLinks();
        std::sort(m_scan.dependencies.begin(), m_scan.dependencies.end());
        m_scan.dependencies.erase(std::unique(m_scan.dependencies.begin(), m_scan.dependencies.end()),
                                  m_scan.dependencies.end());
    }

    std::string_view m_source;
    std::vector<Token> m_tokens;
    Token m_endToken;
    std::size_t m_pos = 0, m_end = 0;
    DagScan m_scan;
    std::map<std::string, ValuePtr> m_variables;
    std::map<std::string, int> m_taskFunctions;
    std::map<std::string, int> m_dagFunctions;
    std::map<std::string, int> m_groupFunctions;
    std::map<int, std::set<std::string>> m_taskParamKeys; // task -> params keys it names
    std::vector<Group> m_groups;
    std::vector<int> m_groupParents;
    std::vector<GroupScope> m_groupScopes;
    std::vector<std::pair<Endpoint, Endpoint>> m_groupLinks;
    std::multimap<std::size_t, std::string> m_pendingDagVar;
    std::vector<Scope> m_scopes;
    ValuePtr m_pendingDecorator;
    std::string m_pendingDecoratorName;
};

} // namespace

DagScan scanDagFile(std::string_view source)
{
    Scanner scanner(source);
    return scanner.run();
}

std::string renderTaskSql(std::string_view sql, const DagScan::Task &task,
                          std::vector<std::string> *unresolved)
{
    if (sql.find("{{") == std::string_view::npos)
        return std::string(sql);
    const std::unordered_map<std::string, std::string> values(task.params.begin(), task.params.end());
    return sql::renderTemplate(sql, values, unresolved);
}

} // namespace warroom::lineage
