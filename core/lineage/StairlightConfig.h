#pragma once

#include "core/common/Diagnostic.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warroom::lineage {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// One entry of stairlight.yaml's Include section. Only TemplateSourceType "File" is read;
// GCS, S3, Redash and dbt entries are kept (type and line) so they can be named in a warning.
struct StairlightInclude
{
    std::string sourceType;          // "File", "GCS", "S3", "Redash", "dbt"
    std::string fileSystemPath;      // as written
    std::string regex;               // Python `re.fullmatch` against the file's key
    std::string defaultTablePrefix;  // prefixed to table names with at most one dot
    int line = 0;
    // Resolved (File only): the absolute folder searched, and the key prefix -- the path as
    // stairlight's pathlib would print it ("./sql/" -> "sql"), which Regex and FileSuffix see.
    QString resolvedRoot;
    std::string keyPrefix;
};

struct StairlightExclude
{
    std::string sourceType;
    std::string regex; // Python `re.search` against the key
    int line = 0;
};

struct MappingTable
{
    std::string tableName;
    KeyValues parameters;                 // flattened: "params.PROJECT" -> "p1"
    std::vector<std::string> ignoreParameters;
    KeyValues labels;
    QString file;
    int line = 0;
};

struct MappingEntry
{
    std::string sourceType; // "File", ...
    std::string fileSuffix; // File, dbt: matched with key.endswith(FileSuffix)
    std::string uri;        // GCS, S3
    std::vector<MappingTable> tables;
    QString file;
    int line = 0;
};

struct ExtraLabel
{
    std::string tableName;
    KeyValues labels;
};

// A stairlight configuration directory, read as stairlight reads it (stairlight.yaml +
// mapping files). See README "Lineage" for the few places where War Room differs.
struct StairlightConfig
{
    QString dir;              // absolute configuration directory
    QString stairlightFile;   // the stairlight.yaml / .yml read
    QStringList mappingFiles; // in the order merged
    std::vector<StairlightInclude> includes;
    std::vector<StairlightExclude> excludes;
    std::string mappingPrefix = "mapping";
    std::vector<std::string> mappingFilesRegex;
    KeyValues globalParameters;
    std::vector<MappingEntry> mappings;
    std::vector<ExtraLabel> extraLabels;

    // First File/dbt mapping whose FileSuffix ends `key` (stairlight's rule), or nullptr.
    const MappingEntry *findMapping(std::string_view key) const;
    // True when an Exclude entry of type File matches `key` (re.search).
    bool isExcluded(std::string_view key) const;

    // Compiled Exclude regexes (filled by the reader).
    std::vector<QRegularExpression> excludeRegexes;
};

struct StairlightReadOptions
{
    // Folders a relative FileSystemPath is tried against, in order; the first where it exists
    // wins. Empty: the configuration folder's parent, then the configuration folder itself,
    // then the current directory. (stairlight resolves against the current directory, from
    // which it is usually run with `-c config`, the parent of the configuration folder; trying
    // the parent first keeps the answer independent of where War Room is started.)
    QStringList searchBases;
};

class StairlightConfigReader
{
public:
    // Reads `dir`. Returns nullopt (with an error naming the file and line) when stairlight.yaml
    // is missing or unreadable; problems in mapping files and unsupported sources are reported
    // and the rest is read.
    static std::optional<StairlightConfig> read(const QString &dir, Diagnostics *diagnostics,
                                                const StairlightReadOptions &options = {});
    // read() in two steps, so that the mapping files (the big part) can be parsed while the
    // Include folders are walked: readSettings() reads stairlight.yaml and lists the mapping
    // files (config.mappingFiles); readMappings() reads them into config.mappings etc.
    static std::optional<StairlightConfig> readSettings(const QString &dir, Diagnostics *diagnostics,
                                                        const StairlightReadOptions &options = {});
    static void readMappings(StairlightConfig &config, Diagnostics *diagnostics);
    // pathlib-style normalisation: "./a//b/" -> "a/b", "." and "" -> ".".
    static std::string normalizeKeyPrefix(std::string_view path);
};

} // namespace warroom::lineage
