#pragma once

#include "core/graph/LineageSubgraph.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <functional>

namespace warroom {

enum class LayoutEngine {
    Layered,  // own Sugiyama: longest-path layers, barycenter sweeps, priority coordinates
    Graphviz, // Graphviz `dot` through libgvc (when built with it); for comparison
};

struct LayoutOptions
{
    LayoutEngine engine = LayoutEngine::Layered;
    double nodeWidth = 200;  // every node has the same box; positions are box centres
    double nodeHeight = 48;
    double layerGap = 90;    // horizontal space between columns
    double nodeGap = 14;     // vertical space between two nodes of a column
    double dummyGap = 6;     // ... next to an edge passing through the column
    int sweeps = 6;          // barycenter down+up sweeps
    int coordinateSweeps = 6;
};

// A snapshot in: node ids, edges (unknown ends and self-loops ignored), and optionally the
// positions the nodes had before. With `previous` covering some nodes the layout is
// incremental: those keep their place, the others go next to their neighbours (downstream to
// the right, upstream to the left) in the first free slot of that column; nodes with no
// placed neighbour are laid out together below. Otherwise it is a full layered layout.
struct LayoutInput
{
    QStringList nodes;
    QList<LineageEdgeId> edges;
    QHash<QString, QPointF> previous;
    QHash<LineageEdgeId, QList<QPointF>> previousRoutes; // kept for edges between kept nodes
    LayoutOptions options;
};

struct LayoutEdgeRoute
{
    LineageEdgeId id;
    QList<QPointF> points; // polyline from the source's side to the target's side
    bool reversed = false; // reversed to break a cycle: drawn right to left
};

struct LayoutResult
{
    QHash<QString, QPointF> positions; // node centres
    QList<LayoutEdgeRoute> routes;     // one per edge, in input order
    QList<LineageEdgeId> reversedEdges; // back edges that broke cycles
    QRectF bounds;                     // of the node boxes
    int layers = 0;
    int dummyNodes = 0;
    bool incremental = false;
    bool cancelled = false;
    double elapsedMs = 0;
    QString error; // e.g. Graphviz unavailable; positions are then empty
};

namespace LineageLayout {

// Runs on the calling thread; `isCancelled` is polled between phases and sweeps.
LayoutResult compute(const LayoutInput &input, const std::function<bool()> &isCancelled = {});
// Runs compute() on the global thread pool. future.cancel() makes it stop at the next check
// (no result is reported then).
QFuture<LayoutResult> computeAsync(LayoutInput input);
bool graphvizAvailable();

} // namespace LineageLayout

} // namespace warroom

Q_DECLARE_METATYPE(warroom::LayoutResult)
