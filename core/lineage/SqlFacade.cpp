#include "core/lineage/SqlFacade.h"

#include "core/sql/SqlExtractor.h"
#include "core/sql/SqlTemplate.h"

namespace warroom::lineage::detail {

SqlTables extractTables(std::string_view sql)
{
    warroom::sql::ExtractResult r = warroom::sql::extractTables(sql);
    SqlTables out;
    out.sources.reserve(r.sources.size());
    out.targets.reserve(r.targets.size());
    for (auto &t : r.sources)
        out.sources.push_back({std::move(t.name), t.line, std::move(t.lines)});
    for (auto &t : r.targets)
        out.targets.push_back({std::move(t.name), t.line, std::move(t.lines)});
    for (const auto &e : r.errors)
        out.errors.push_back({e.message, e.line, {}});
    return out;
}

std::string renderTemplate(std::string_view text,
                           const std::unordered_map<std::string, std::string> &values,
                           std::vector<std::string> *unresolved)
{
    return warroom::sql::renderTemplate(text, values, unresolved);
}

std::string renderTemplate(std::string_view text,
                           const std::function<const std::string *(std::string_view)> &lookup,
                           std::vector<std::string> *unresolved)
{
    return warroom::sql::renderTemplateWith(text, lookup, unresolved);
}

} // namespace warroom::lineage::detail
