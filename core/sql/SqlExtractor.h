#pragma once

// Table extraction from SQL text: which tables a script reads (sources) and writes (targets).
// Built on a real tokenizer (see SqlLexer.h) and a scope-aware scanner, not regular expressions:
// CTEs (nested, recursive, shadowing a real table), subqueries, UNNEST and correlated array
// paths, wildcard tables, legacy [p:d.t] references, DML/DDL targets and BigQuery scripts.
// The hot path is plain std::string_view code without Qt (>= 100 MB/s per core).
//
// Script semantics: sources are every table read and targets every table written, over all
// statements. Temporary tables (CREATE TEMP TABLE, LOAD DATA INTO TEMP TABLE, SELECT INTO
// #tmp, _SESSION.x) are neither; a table the script CREATEs and later DROPs counts as a scratch
// table too; ALTER TABLE x RENAME TO y renames an output the script wrote (no lineage
// otherwise). A table written and then read back (INSERT ...; ASSERT (SELECT ... FROM it))
// is both a target and a source. Names are unique case-insensitively, first spelling kept.

#include <string>
#include <string_view>
#include <vector>

namespace warroom::sql {

enum class Dialect { BigQuery, Ansi };

// A table as written, quotes/backticks removed and parts joined by '.', e.g. "p-1.ds.t";
// legacy [p:d.t] becomes "p.d.t". line/column (1-based, column in characters) locate its
// first occurrence; `lines` holds the line of every occurrence (as the same kind of
// reference), ascending and without repeats, `line` first among them.
struct TableReference
{
    std::string name;
    int line = 0;
    int column = 0;
    std::vector<int> lines;
};

struct SqlError
{
    int line = 0;
    int column = 0;
    std::string message;
};

struct ExtractOptions
{
    Dialect dialect = Dialect::BigQuery;
};

struct ExtractResult
{
    // Tables read, unique by name, in order of first occurrence.
    std::vector<TableReference> sources;
    // Tables written (INSERT/MERGE/UPDATE/DELETE/TRUNCATE/CREATE ... AS/CREATE VIEW/LOAD DATA
    // INTO), unique by name, in order of first occurrence.
    std::vector<TableReference> targets;
    // Unterminated string/comment, unbalanced parentheses, binary garbage... Extraction goes
    // on past an error, so sources/targets hold what could be recognised.
    std::vector<SqlError> errors;

    bool ok() const { return errors.empty(); }
};

// Never throws on bad input, never hangs (linear in the input size).
ExtractResult extractTables(std::string_view sql, const ExtractOptions &options = {});

// "bigquery" / "ansi" (case-insensitive; also "standard", "legacy", "googlesql" -> BigQuery,
// and common ANSI-family names: "mysql", "hive", "spark", "sparksql", "tsql", "mssql",
// "postgres", "snowflake", "redshift"...). Returns false for an unknown name.
bool parseDialect(std::string_view name, Dialect *dialect);

} // namespace warroom::sql
