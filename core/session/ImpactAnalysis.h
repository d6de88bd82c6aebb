#pragma once

#include "core/graph/LineageSubgraph.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace warroom {

namespace lineage { class LineageGraph; }
namespace usage { struct UsageRanking; }

// What an incident's causes reach in the lineage graph, in the shapes the views, the
// recovery plan and the export need. Computed from the engine's affected closure.
struct ImpactAnalysis
{
    struct Table
    {
        QString name;            // project.dataset.table
        QString dataset;
        int depth = 0;           // 0: broken itself (or written by a broken DAG)
        QStringList path;        // cause ... this table (tables and DAG tasks)
        QString owningDag;       // the DAG whose task writes it, when known
        QString owningTask;
        int downstreamTables = 0;// tables downstream of it inside the closure
    };

    QStringList causes;
    QStringList unresolved;      // causes that name nothing in the lineage graph
    QList<Table> tables;         // topological order (upstream first)
    QStringList dags;            // DAGs with affected tasks, topological order
    QHash<QString, QStringList> dagTables;   // DAG -> affected tables its tasks write
    QHash<QString, QStringList> dagUpstream; // DAG -> affected DAGs that write what it reads
    QHash<QString, QString> dagSchedule;     // DAG -> schedule as written in the DAG file
    QList<QStringList> cycles;   // cycles met in the closure, by node name
    LineageSubgraph subgraph;    // the blast radius: every affected node and edge

    bool isEmpty() const { return tables.isEmpty() && dags.isEmpty(); }
    const Table *table(const QString &name) const;
};

// The downstream closure of `causes` ("dag:ID", "dataset.table", "project.dataset.table").
ImpactAnalysis analyzeImpact(const lineage::LineageGraph &graph, const QStringList &causes);

// One engine node as the graph view shows it (id = the engine's node id as text).
LineageNodeData lineageNodeData(const lineage::LineageGraph &graph, quint32 node, int depth);

// Fills each table node's usage rank and score, and the detail text, from a ranking.
void annotateUsage(LineageSubgraph &subgraph, const usage::UsageRanking &ranking);

} // namespace warroom
