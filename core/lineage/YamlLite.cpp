#include "core/lineage/YamlLite.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>

namespace warroom::lineage::detail {

const YamlNode &YamlNode::undefined()
{
    static const YamlNode node;
    return node;
}

const YamlNode &YamlNode::operator[](std::string_view key) const
{
    for (const auto &[k, v] : m_entries) {
        if (k == key)
            return v;
    }
    return undefined();
}

class YamlBuilder : public YAML::EventHandler
{
public:
    YamlNode root;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        YamlNode n;
        n.m_kind = YamlNode::Kind::Null;
        place(std::move(n), mark, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto it = m_anchors.find(anchor);
        place(it == m_anchors.end() ? YamlNode() : it->second, mark, 0);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        YamlNode n;
        n.m_kind = YamlNode::Kind::Scalar;
        n.m_scalar = value;
        place(std::move(n), mark, anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(YamlNode::Kind::Sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(YamlNode::Kind::Map, mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        bool expectKey = true;
        std::string key;
    };

    void open(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        Frame f;
        f.node.m_kind = kind;
        f.node.m_line = mark.line + 1;
        f.node.m_column = mark.column + 1;
        f.anchor = anchor;
        m_stack.push_back(std::move(f));
    }
    void close()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        if (f.anchor)
            m_anchors[f.anchor] = f.node;
        add(std::move(f.node));
    }
    void place(YamlNode n, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        n.m_line = mark.line + 1;
        n.m_column = mark.column + 1;
        if (anchor)
            m_anchors[anchor] = n;
        add(std::move(n));
    }
    void add(YamlNode n)
    {
        if (m_stack.empty()) {
            root = std::move(n);
            return;
        }
        Frame &top = m_stack.back();
        if (top.node.m_kind == YamlNode::Kind::Sequence) {
            top.node.m_items.push_back(std::move(n));
        } else if (top.expectKey) {
            top.key = n.m_kind == YamlNode::Kind::Scalar ? std::move(n.m_scalar) : std::string();
            top.expectKey = false;
        } else {
            top.node.m_entries.emplace_back(std::move(top.key), std::move(n));
            top.expectKey = true;
        }
    }

    std::vector<Frame> m_stack;
    std::map<YAML::anchor_t, YamlNode> m_anchors;
};

// The fast path: block YAML only. Returns false (and the caller falls back to yaml-cpp, which
// also words the errors) on anything it does not fully understand. Lines are views into the
// text; only keys and scalar values are copied.
// Valid UTF-8 without a byte-order mark in it (ASCII is checked a byte at a time, fast).
static bool isPlainUtf8(std::string_view text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = p + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if ((*p & 0xE0) == 0xC0) { length = 2; min = 0x80; cp = *p & 0x1F; }
        else if ((*p & 0xF0) == 0xE0) { length = 3; min = 0x800; cp = *p & 0x0F; }
        else if ((*p & 0xF8) == 0xF0) { length = 4; min = 0x10000; cp = *p & 0x07; }
        else
            return false;
        if (end - p < length)
            return false;
        for (int i = 1; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFEFF)
            return false;
        p += length;
    }
    return true;
}

class BlockYamlParser
{
public:
    explicit BlockYamlParser(std::string_view text)
    {
        // NUL bytes and UTF-16/32 text (a BOM of FE FF / FF FE, or NULs) are yaml-cpp's.
        if (text.find('\0') != std::string_view::npos
            || (text.size() >= 2
                && ((text[0] == '\xFE' && text[1] == '\xFF') || (text[0] == '\xFF' && text[1] == '\xFE')))) {
            m_ok = false;
            return;
        }
        // A UTF-8 byte-order mark is not part of the first key.
        if (text.substr(0, 3) == "\xEF\xBB\xBF")
            text.remove_prefix(3);
        // yaml-cpp decodes the text: invalid UTF-8 becomes U+FFFD and a BOM inside the text is
        // dropped. Such text is rare; leave it to yaml-cpp (found by fuzz_stairlight_config).
        if (!isPlainUtf8(text)) {
            m_ok = false;
            return;
        }
        m_lines.reserve(text.size() / 24 + 1);
        std::size_t start = 0;
        int number = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            ++number;
            std::string_view line(text.data() + start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            std::size_t indent = 0;
            while (indent < line.size() && line[indent] == ' ')
                ++indent;
            if (indent < line.size() && line[indent] == '\t')
                m_ok = false;
            std::string_view content = line.substr(indent);
            // Trailing blanks (spaces, tabs) are never part of a plain scalar or a key.
            while (!content.empty() && (content.back() == ' ' || content.back() == '\t'))
                content.remove_suffix(1);
            if (!content.empty() && content.front() != '#') {
                if (content.rfind("---", 0) == 0 || content.rfind("...", 0) == 0 || content.front() == '%')
                    m_ok = false;
                // Tabs inside a line (separators, quoted text): leave them to yaml-cpp.
                if (content.find('\t') != std::string_view::npos)
                    m_ok = false;
                m_lines.push_back({int(indent), number, content});
            }
            if (end == text.size())
                break;
            start = end + 1;
        }
        m_endLine = number;
    }

    bool parse(YamlNode *root)
    {
        if (!m_ok)
            return false;
        if (m_lines.empty()) {
            *root = YamlNode();
            root->m_kind = YamlNode::Kind::Null;
            return true;
        }
        std::size_t i = 0;
        YamlNode node = block(i, m_lines[0].indent);
        if (!m_ok || i != m_lines.size())
            return false;
        *root = std::move(node);
        return true;
    }

private:
    struct Line
    {
        int indent;
        int number;
        std::string_view content;
    };

    static bool isItem(std::string_view c) { return c == "-" || c.rfind("- ", 0) == 0; }

    // Characters a plain scalar (key or value) may not start with.
    static bool isIndicator(char c)
    {
        switch (c) {
        case '?': case '[': case ']': case '{': case '}': case ',': case '&': case '*': case '!':
        case '|': case '>': case '%': case '@': case '`': case '#':
            return true;
        default:
            return false;
        }
    }

    YamlNode block(std::size_t &i, int indent)
    {
        if (isItem(m_lines[i].content))
            return sequence(i, indent);
        return map(i, indent);
    }

    YamlNode sequence(std::size_t &i, int indent)
    {
        YamlNode node;
        node.m_kind = YamlNode::Kind::Sequence;
        node.m_line = m_lines[i].number;
        node.m_column = indent + 1;
        while (m_ok && i < m_lines.size() && m_lines[i].indent == indent && isItem(m_lines[i].content)) {
            Line &line = m_lines[i];
            std::size_t skip = 1;
            while (skip < line.content.size() && line.content[skip] == ' ')
                ++skip;
            // "-" alone, or "- # comment": the item is the block below (or null)
            if (skip >= line.content.size() || line.content[skip] == '#') {
                ++i;
                if (i < m_lines.size() && m_lines[i].indent > indent)
                    node.m_items.push_back(block(i, m_lines[i].indent));
                else // yaml-cpp places an empty item at the token after it
                    node.m_items.push_back(
                        nullNode(i < m_lines.size() ? m_lines[i].number : m_endLine, indent + 2));
                continue;
            }
            // "- key: value": a map whose keys sit at the item's content column
            line.indent += int(skip);
            line.content.remove_prefix(skip);
            if (isItem(line.content) || keyEnd(line.content) != std::string_view::npos) {
                node.m_items.push_back(block(i, line.indent));
            } else {
                node.m_items.push_back(scalar(line.content, line.number, line.indent));
                ++i;
                if (i < m_lines.size() && m_lines[i].indent > indent)
                    m_ok = false; // a multi-line plain scalar: leave it to yaml-cpp
            }
        }
        if (i < m_lines.size() && m_lines[i].indent > indent)
            m_ok = false;
        return node;
    }

    YamlNode map(std::size_t &i, int indent)
    {
        YamlNode node;
        node.m_kind = YamlNode::Kind::Map;
        node.m_line = m_lines[i].number;
        node.m_column = indent + 1;
        node.m_entries.reserve(4);
        while (m_ok && i < m_lines.size() && m_lines[i].indent == indent && !isItem(m_lines[i].content)) {
            const Line &line = m_lines[i];
            const std::size_t colon = keyEnd(line.content);
            if (colon == std::string_view::npos) {
                m_ok = false;
                break;
            }
            std::string_view keyText = line.content.substr(0, colon);
            while (!keyText.empty() && keyText.back() == ' ')
                keyText.remove_suffix(1);
            std::string key;
            if (!keyText.empty() && (keyText.front() == '"' || keyText.front() == '\'')) {
                YamlNode k = scalar(keyText, line.number, indent);
                key = std::move(k.m_scalar);
            } else if (keyText.empty() || isIndicator(keyText.front())
                       || (keyText.front() == '-' && (keyText.size() == 1 || keyText[1] == ' '))) {
                m_ok = false;
                break;
            } else {
                key.assign(keyText);
            }
            std::string_view rest = line.content.substr(colon + 1);
            const std::size_t first = rest.find_first_not_of(' ');
            rest = first == std::string_view::npos ? std::string_view() : rest.substr(first);
            const int valueColumn = indent + int(colon) + 2 + int(first == std::string_view::npos ? 0 : first);
            ++i;
            if (rest.empty() || rest.front() == '#') {
                if (i < m_lines.size() && m_lines[i].indent > indent)
                    node.m_entries.emplace_back(std::move(key), block(i, m_lines[i].indent));
                else if (i < m_lines.size() && m_lines[i].indent == indent && isItem(m_lines[i].content))
                    node.m_entries.emplace_back(std::move(key), sequence(i, indent));
                else
                    node.m_entries.emplace_back(std::move(key), nullNode(line.number, valueColumn));
            } else {
                node.m_entries.emplace_back(std::move(key), scalar(rest, line.number, valueColumn));
                if (i < m_lines.size() && m_lines[i].indent > indent)
                    m_ok = false; // a multi-line plain scalar: leave it to yaml-cpp
            }
        }
        if (i < m_lines.size() && m_lines[i].indent > indent)
            m_ok = false;
        return node;
    }

    // Position of the ':' ending a key ("key: v", "key:"), or npos.
    static std::size_t keyEnd(std::string_view c)
    {
        std::size_t i = 0;
        if (!c.empty() && (c.front() == '"' || c.front() == '\'')) {
            const char q = c.front();
            i = 1;
            while (i < c.size() && c[i] != q) {
                if (q == '"' && c[i] == '\\')
                    ++i;
                ++i;
            }
            ++i;
        }
        for (; i < c.size(); ++i) {
            if (c[i] == ':' && (i + 1 == c.size() || c[i + 1] == ' '))
                return i;
            if (c[i] == '#' && i > 0 && c[i - 1] == ' ')
                return std::string_view::npos;
        }
        return std::string_view::npos;
    }

    YamlNode nullNode(int line, int column)
    {
        YamlNode n;
        n.m_kind = YamlNode::Kind::Null;
        n.m_line = line;
        n.m_column = column;
        return n;
    }

    YamlNode scalar(std::string_view text, int line, int column)
    {
        YamlNode n;
        n.m_kind = YamlNode::Kind::Scalar;
        n.m_line = line;
        n.m_column = column + 1;
        if (text.empty()) {
            n.m_kind = YamlNode::Kind::Null;
            return n;
        }
        const char first = text.front();
        if (first == '"' || first == '\'') {
            std::size_t i = 1;
            std::string value;
            bool closed = false;
            while (i < text.size()) {
                const char c = text[i];
                if (first == '\'' && c == '\'') {
                    if (i + 1 < text.size() && text[i + 1] == '\'') {
                        value.push_back('\'');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                if (first == '"' && c == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (first == '"' && c == '\\') {
                    if (i + 1 >= text.size()) {
                        m_ok = false;
                        return n;
                    }
                    const char e = text[i + 1];
                    switch (e) {
                    case '"': value.push_back('"'); break;
                    case '\\': value.push_back('\\'); break;
                    case '/': value.push_back('/'); break;
                    case 'n': value.push_back('\n'); break;
                    case 't': value.push_back('\t'); break;
                    default: m_ok = false; return n; // \u, \x...: yaml-cpp knows them
                    }
                    i += 2;
                    continue;
                }
                value.push_back(c);
                ++i;
            }
            const std::size_t rest = text.find_first_not_of(' ', i);
            if (!closed || (rest != std::string_view::npos && (text[rest] != '#' || rest == i)))
                m_ok = false;
            n.m_scalar = std::move(value);
            return n;
        }
        if (isIndicator(first) || (first == '-' && (text.size() == 1 || text[1] == ' '))) {
            m_ok = false;
            return n;
        }
        std::string_view value = text;
        const std::size_t comment = value.find(" #");
        if (comment != std::string_view::npos)
            value = value.substr(0, comment);
        while (!value.empty() && value.back() == ' ')
            value.remove_suffix(1);
        if (value.find(": ") != std::string_view::npos || (!value.empty() && value.back() == ':'))
            m_ok = false; // "a: b: c" is an error yaml-cpp should word
        if (value == "~" || value == "null" || value == "Null" || value == "NULL" || value.empty())
            n.m_kind = YamlNode::Kind::Null;
        else
            n.m_scalar.assign(value);
        return n;
    }

    std::vector<Line> m_lines;
    int m_endLine = 1; // the line the text ends on
    bool m_ok = true;
};

bool parseYaml(const std::string &text, YamlNode *root, YamlError *error, bool allowFastPath)
{
    if (allowFastPath) {
        BlockYamlParser fast(text);
        if (fast.parse(root))
            return true;
    }
    std::istringstream in(text);
    try {
        YAML::Parser parser(in);
        YamlBuilder builder;
        parser.HandleNextDocument(builder);
        *root = std::move(builder.root);
        if (root->IsNull() && !*root) {
            // empty document
        }
        return true;
    } catch (const YAML::Exception &e) {
        if (error) {
            error->line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
            error->column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
            error->message = e.msg;
        }
        return false;
    }
}

} // namespace warroom::lineage::detail
