#pragma once

// Internal: a light YAML document built from yaml-cpp's event parser. yaml-cpp's own Node
// tree costs several allocations per node; a stairlight mapping file of 15,000 entries
// (5 MB) loads about 3x faster this way. The API mirrors the part of YAML::Node we use.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warroom::lineage::detail {

class YamlNode
{
public:
    enum class Kind { Undefined, Null, Scalar, Sequence, Map };

    explicit operator bool() const { return m_kind != Kind::Undefined; }
    bool IsNull() const { return m_kind == Kind::Null || m_kind == Kind::Undefined; }
    bool IsScalar() const { return m_kind == Kind::Scalar; }
    bool IsSequence() const { return m_kind == Kind::Sequence; }
    bool IsMap() const { return m_kind == Kind::Map; }
    const std::string &Scalar() const { return m_scalar; }
    int line() const { return m_line; }     // 1-based
    int column() const { return m_column; } // 1-based

    // Map lookup (an undefined node when absent or not a map).
    const YamlNode &operator[](std::string_view key) const;
    // Sequence items (empty unless a sequence).
    const std::vector<YamlNode> &items() const { return m_items; }
    // Map entries in document order (empty unless a map).
    const std::vector<std::pair<std::string, YamlNode>> &entries() const { return m_entries; }

    static const YamlNode &undefined();

private:
    friend class YamlBuilder;
    friend class BlockYamlParser;
    Kind m_kind = Kind::Undefined;
    std::string m_scalar;
    std::vector<YamlNode> m_items;
    std::vector<std::pair<std::string, YamlNode>> m_entries;
    int m_line = 0;
    int m_column = 0;
};

struct YamlError
{
    int line = 0;
    int column = 0;
    std::string message;
};

// Parses the first document of `text`. On a syntax error returns false with the error.
// Plain block-style documents (what stairlight writes and people edit: maps, lists, plain and
// quoted scalars, comments) take a fast path; anything else goes through yaml-cpp.
bool parseYaml(const std::string &text, YamlNode *root, YamlError *error, bool allowFastPath = true);

} // namespace warroom::lineage::detail
