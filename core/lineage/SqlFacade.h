#pragma once

// Internal: the one place core/lineage calls the SQL table extractor (core/sql).

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace warroom::lineage::detail {

struct SqlRef
{
    std::string name;
    int line = 0;           // first occurrence
    std::vector<int> lines; // every occurrence (sources and targets)
};

struct SqlTables
{
    std::vector<SqlRef> sources;
    std::vector<SqlRef> targets;
    std::vector<SqlRef> errors; // name = message
};

SqlTables extractTables(std::string_view sql);
// Jinja `{{ a.b }}` with values keyed by their dotted path ("params.x").
std::string renderTemplate(std::string_view text,
                           const std::unordered_map<std::string, std::string> &values,
                           std::vector<std::string> *unresolved);
// The same with values from a lookup (nullptr: no value).
std::string renderTemplate(std::string_view text,
                           const std::function<const std::string *(std::string_view)> &lookup,
                           std::vector<std::string> *unresolved);

} // namespace warroom::lineage::detail
