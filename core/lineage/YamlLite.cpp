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
// also words the errors) on anything it does not fully understand.
class BlockYamlParser
{
public:
    explicit BlockYamlParser(const std::string &text)
    {
        std::size_t start = 0;
        int number = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos)
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
            const std::string_view content = line.substr(indent);
            if (!content.empty() && content.front() != '#') {
                if (content.rfind("---", 0) == 0 || content.rfind("...", 0) == 0 || content.front() == '%')
                    m_ok = false;
                m_lines.push_back({int(indent), number, std::string(content)});
            }
            if (end == text.size())
                break;
            start = end + 1;
        }
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
        std::string content;
    };

    static bool isItem(const std::string &c) { return c == "-" || c.rfind("- ", 0) == 0; }

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
            if (skip >= line.content.size()) { // "-" alone: the item is the block below
                ++i;
                if (i < m_lines.size() && m_lines[i].indent > indent)
                    node.m_items.push_back(block(i, m_lines[i].indent));
                else
                    node.m_items.push_back(nullNode(line.number, indent + 2));
                continue;
            }
            // "- key: value": a map whose keys sit at the item's content column
            line.indent += int(skip);
            line.content.erase(0, skip);
            if (isItem(line.content) || keyEnd(line.content) != std::string::npos) {
                node.m_items.push_back(block(i, line.indent));
            } else {
                node.m_items.push_back(scalar(line.content, line.number, line.indent));
                ++i;
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
        while (m_ok && i < m_lines.size() && m_lines[i].indent == indent && !isItem(m_lines[i].content)) {
            const Line &line = m_lines[i];
            const std::size_t colon = keyEnd(line.content);
            if (colon == std::string::npos) {
                m_ok = false;
                break;
            }
            std::string key = line.content.substr(0, colon);
            while (!key.empty() && key.back() == ' ')
                key.pop_back();
            if (!key.empty() && (key.front() == '"' || key.front() == '\'')) {
                YamlNode k = scalar(key, line.number, indent);
                key = k.m_scalar;
            } else if (key.empty() || key.front() == '?' || key.front() == '[' || key.front() == '{'
                       || key.front() == '&' || key.front() == '*' || key.front() == '!') {
                m_ok = false;
                break;
            }
            std::string rest = line.content.substr(colon + 1);
            const std::size_t first = rest.find_first_not_of(' ');
            rest = first == std::string::npos ? std::string() : rest.substr(first);
            const int valueColumn = indent + int(colon) + 2 + int(first == std::string::npos ? 0 : first);
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
    static std::size_t keyEnd(const std::string &c)
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
                return std::string::npos;
        }
        return std::string::npos;
    }

    YamlNode nullNode(int line, int column)
    {
        YamlNode n;
        n.m_kind = YamlNode::Kind::Null;
        n.m_line = line;
        n.m_column = column;
        return n;
    }

    YamlNode scalar(const std::string &text, int line, int column)
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
            std::size_t rest = text.find_first_not_of(' ', i);
            if (!closed || (rest != std::string::npos && text[rest] != '#'))
                m_ok = false;
            n.m_scalar = std::move(value);
            return n;
        }
        if (first == '{' || first == '[' || first == '|' || first == '>' || first == '&' || first == '*'
            || first == '!' || first == '%' || first == '@' || first == '`' || first == '?') {
            m_ok = false;
            return n;
        }
        std::string value = text;
        const std::size_t comment = value.find(" #");
        if (comment != std::string::npos)
            value.erase(comment);
        while (!value.empty() && value.back() == ' ')
            value.pop_back();
        if (value.find(": ") != std::string::npos)
            m_ok = false; // "a: b: c" is an error yaml-cpp should word
        if (value == "~" || value == "null" || value == "Null" || value == "NULL" || value.empty())
            n.m_kind = YamlNode::Kind::Null;
        else
            n.m_scalar = std::move(value);
        return n;
    }

    std::vector<Line> m_lines;
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
