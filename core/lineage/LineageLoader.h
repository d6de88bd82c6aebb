#pragma once

#include "core/common/Diagnostic.h"
#include "core/lineage/LineageGraph.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace warroom {
struct WorkspaceConfig;
}

namespace warroom::lineage {

// What to read. Paths are absolute (or relative to the current directory).
struct LineageSources
{
    QString rootDir;            // workspace folder: base for SQL paths named by DAGs and
                                // for a stairlight FileSystemPath
    QString stairlightDir;      // stairlight configuration directory
    QStringList sqlPaths;       // folders/files; a bare SELECT in <dataset>/<table>.sql
                                // writes <dataset>.<table>
    QStringList dagPaths;       // folders/files of Airflow DAGs (*.py)
    QString jobsFile;           // INFORMATION_SCHEMA.JOBS export
    QStringList openLineageFiles;
    std::string defaultProject; // project of `dataset.table` names, when known
    int threads = 0;            // SQL files read in parallel; 0: hardware concurrency
};

struct LoadStats
{
    int sqlFiles = 0;
    int sqlFilesFailed = 0;
    int dagFiles = 0;
    int dags = 0;
    int tasks = 0;
    int jobsRows = 0;
    int openLineageEvents = 0;
    qint64 sqlBytes = 0;
    // CPU milliseconds (all threads) per stage.
    double msConfig = 0, msDiscover = 0, msDags = 0, msSql = 0, msLogs = 0, msGraph = 0;
};

class LineageLoader
{
public:
    static LineageSources sourcesOf(const WorkspaceConfig &workspace);

    // Builds the whole graph. Every problem (a bad file, an unsupported stairlight source, an
    // unresolvable SQL path in a DAG) is appended to `diagnostics`; one bad file never stops
    // the rest. Table names are normalized (see LineageGraph::normalizeTableName); a
    // `dataset.table` name is completed to the only `project.dataset.table` seen anywhere
    // in the inputs when no default project is known.
    static LineageGraph load(const LineageSources &sources, Diagnostics *diagnostics,
                             LoadStats *stats = nullptr);
    static LineageGraph loadWorkspace(const WorkspaceConfig &workspace, Diagnostics *diagnostics,
                                      LoadStats *stats = nullptr);
    // A stairlight configuration directory alone; nullopt when it cannot be read at all.
    static std::optional<LineageGraph> loadStairlight(const QString &configDir,
                                                      Diagnostics *diagnostics,
                                                      LoadStats *stats = nullptr);
    // For command-line tools that exit once they have answered: the loaders then leave their
    // big temporary structures (parsed configuration, per-file outcomes) allocated instead of
    // freeing them, which costs more than the query. Off by default.
    static void setProcessExitsAfterLoad(bool exits);
};

} // namespace warroom::lineage
