#include "core/sql/SqlTemplate.h"

#include <algorithm>

namespace warroom::sql {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
           || c == '-';
}

// "params.x", "x", "params['x']", "params[\"x\"]" -> "params.x" / "x"; empty if the
// expression is anything else (filters, calls, arithmetic).
std::string normalise(std::string_view expr)
{
    while (!expr.empty() && isSpace(expr.front()))
        expr.remove_prefix(1);
    while (!expr.empty() && isSpace(expr.back()))
        expr.remove_suffix(1);
    std::string out;
    size_t i = 0;
    while (i < expr.size()) {
        const char c = expr[i];
        if (isNameChar(c)) {
            out.push_back(c);
            ++i;
        } else if (c == '.') {
            if (out.empty() || out.back() == '.')
                return {};
            out.push_back('.');
            ++i;
        } else if (c == '[') {
            size_t j = i + 1;
            while (j < expr.size() && isSpace(expr[j]))
                ++j;
            if (j >= expr.size() || (expr[j] != '\'' && expr[j] != '"'))
                return {};
            const char q = expr[j];
            const size_t close = expr.find(q, j + 1);
            if (close == std::string_view::npos)
                return {};
            const std::string_view key = expr.substr(j + 1, close - j - 1);
            size_t k = close + 1;
            while (k < expr.size() && isSpace(expr[k]))
                ++k;
            if (k >= expr.size() || expr[k] != ']' || key.empty() || out.empty())
                return {};
            out.push_back('.');
            out.append(key);
            i = k + 1;
        } else {
            return {};
        }
    }
    if (!out.empty() && out.back() == '.')
        return {};
    return out;
}

} // namespace

std::string renderTemplate(std::string_view text,
                           const std::unordered_map<std::string, std::string> &values,
                           std::vector<std::string> *unresolved)
{
    return renderTemplateWith(
        text,
        [&values](std::string_view key) -> const std::string * {
            auto it = values.find(std::string(key));
            return it == values.end() ? nullptr : &it->second;
        },
        unresolved);
}

std::string renderTemplateWith(std::string_view text, const TemplateLookup &lookup,
                           std::vector<std::string> *unresolved)
{
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t open = text.find("{{", pos);
        if (open == std::string_view::npos)
            break;
        const size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            break;
        out.append(text.substr(pos, open - pos));
        const std::string_view whole = text.substr(open, close + 2 - open);
        const std::string key = normalise(text.substr(open + 2, close - open - 2));
        const std::string *value = nullptr;
        if (!key.empty()) {
            value = lookup(key);
            if (!value) {
                const size_t dot = key.rfind('.');
                if (dot != std::string::npos)
                    value = lookup(std::string_view(key).substr(dot + 1));
            }
        }
        if (value) {
            out.append(*value);
        } else {
            out.append(whole);
            if (unresolved) {
                std::string name = key.empty() ? std::string(whole) : key;
                if (std::find(unresolved->begin(), unresolved->end(), name) == unresolved->end())
                    unresolved->push_back(std::move(name));
            }
        }
        pos = close + 2;
    }
    out.append(text.substr(pos));
    return out;
}

} // namespace warroom::sql
