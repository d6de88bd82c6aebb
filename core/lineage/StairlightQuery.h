#pragma once

#include "core/lineage/LineageGraph.h"

#include <string>
#include <vector>

namespace warroom::lineage {

// `stairlight down|up` answered from a LineageGraph, in stairlight's JSON shape:
//  - plain: a sorted list of table names (or of SQL file URIs with output Uri); with
//    `recursive` every table reachable, each once, however many paths lead to it;
//  - verbose: {"TABLE": {"Downstairs"|"Upstairs": {"NEXT": {"Attributes": [...],
//    "Downstairs": {...}}}}}, Attributes being stairlight's mapped templates
//    (TemplateSourceType, Key, Uri, Lines[{LineNumber, LineString}], Labels). With `recursive`
//    a table's own subtree is written once, under its first parent at its minimum depth;
//    elsewhere it appears with its Attributes only (stairlight repeats or cuts it).
//  - several tables: a list with one such result per table.
struct StairlightQuery
{
    enum class Output { Table, Uri };
    std::vector<std::string> tables; // `-t`, each in either form, or `dag:ID`
    Direction direction = Direction::Downstream;
    bool recursive = false;
    bool verbose = false;
    Output output = Output::Table;
};

struct StairlightAnswer
{
    std::string json;               // pretty-printed, two-space indent, like stairlight
    std::vector<std::string> notes; // for stderr: unknown tables, cycles met
};

StairlightAnswer answerStairlightQuery(const LineageGraph &graph, const StairlightQuery &query);

} // namespace warroom::lineage
