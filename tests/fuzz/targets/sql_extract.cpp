// SQL table extraction (both dialects) and stairlight-style template rendering on any bytes.
// Checks what the headers promise: locations are 1-based and inside the text, names are unique
// case-insensitively per list, and rendering with no values leaves the text untouched.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/sql/SqlExtractor.h"
#include "core/sql/SqlTemplate.h"

#include <algorithm>
#include <set>
#include <string>

namespace {

std::string lower(const std::string &s)
{
    std::string out = s;
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

void checkResult(std::string_view sql, const warroom::sql::ExtractResult &result)
{
    const int lines = int(std::count(sql.begin(), sql.end(), '\n')) + 1;
    for (const auto *list : {&result.sources, &result.targets}) {
        std::set<std::string> seen;
        for (const warroom::sql::TableReference &t : *list) {
            WARROOM_FUZZ_CHECK("sql_extract", !t.name.empty());
            WARROOM_FUZZ_CHECK("sql_extract", t.line >= 1 && t.line <= lines);
            WARROOM_FUZZ_CHECK("sql_extract", t.column >= 1);
            WARROOM_FUZZ_CHECK("sql_extract", seen.insert(lower(t.name)).second);
        }
    }
    for (const warroom::sql::SqlError &e : result.errors) {
        WARROOM_FUZZ_CHECK("sql_extract", !e.message.empty());
        WARROOM_FUZZ_CHECK("sql_extract", e.line >= 0 && e.line <= lines);
    }
    (void)result.ok();
}

} // namespace

WARROOM_FUZZ_TARGET(sql_extract)
{
    const std::string_view sql = warroom::fuzz::view(data, size);
    for (const auto dialect : {warroom::sql::Dialect::BigQuery, warroom::sql::Dialect::Ansi})
        checkResult(sql, warroom::sql::extractTables(sql, {dialect}));

    std::vector<std::string> unresolved;
    const std::string untouched = warroom::sql::renderTemplate(sql, {}, &unresolved);
    WARROOM_FUZZ_CHECK("sql_extract", untouched == sql);

    static const std::unordered_map<std::string, std::string> values = {
        {"params.PROJECT", "p-1"}, {"params.DATASET", "ds"}, {"TABLE", "t{{ params.x }}"},
        {"execution_date", "2024-01-01"}, {"", "empty"}};
    unresolved.clear();
    const std::string rendered = warroom::sql::renderTemplate(sql, values, &unresolved);
    std::set<std::string> once(unresolved.begin(), unresolved.end());
    WARROOM_FUZZ_CHECK("sql_extract", once.size() == unresolved.size()); // "appended (once)"
    checkResult(rendered, warroom::sql::extractTables(rendered, {}));
    return 0;
}
