#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace warroom::sql {

// Renders Jinja-style placeholders the way stairlight's mappings fill them:
// {{ params.x }}, {{ x }}, {{params['x']}}, {{ params["x"] }}. A placeholder is looked up by
// its dotted expression ("params.x", the form flattened mapping parameters take) and then by
// its last name ("x"). Placeholders not found are left untouched and their dotted expression
// is appended (once) to *unresolved. Other Jinja ({% %}, {# #}) is left as it is.
std::string renderTemplate(std::string_view text,
                           const std::unordered_map<std::string, std::string> &values,
                           std::vector<std::string> *unresolved = nullptr);

// renderTemplate() with values from a lookup function (nullptr: no value), for callers whose values
// are not in a hash map (stairlight's few mapping parameters, searched in place).
using TemplateLookup = std::function<const std::string *(std::string_view key)>;
std::string renderTemplateWith(std::string_view text, const TemplateLookup &lookup,
                           std::vector<std::string> *unresolved = nullptr);

} // namespace warroom::sql
