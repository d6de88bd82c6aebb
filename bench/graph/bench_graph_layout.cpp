// Lineage graph layout: own layered (Sugiyama) layout vs Graphviz dot (libgvc) on synthetic
// blast radii of 500 / 2,000 / 5,000 nodes (about 2 edges per node), and an incremental
// layout after merging 50 nodes into the 2,000-node graph.
//
//   bench_graph_layout [--no-graphviz] [--graphviz-max=N (default 5000)] [REPEAT=3]

#include "core/graph/LineageLayout.h"
#include "core/graph/SyntheticSubgraph.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

using namespace warroom;

static LayoutInput inputOf(const LineageSubgraph &g)
{
    LayoutInput in;
    for (const auto &n : g.nodes)
        in.nodes.append(n.id);
    for (const auto &e : g.edges)
        in.edges.append({e.from, e.to});
    return in;
}

static int crossings(const LayoutInput &in, const LayoutResult &r)
{
    // straight segments between consecutive route points, counted pairwise per column gap
    // (approximate, sampled): only used to compare engines on the same input
    struct Seg
    {
        double x0, y0, x1, y1;
    };
    std::vector<Seg> segs;
    for (const auto &rt : r.routes) {
        for (int i = 1; i < rt.points.size(); ++i) {
            QPointF a = rt.points[i - 1], b = rt.points[i];
            if (a.x() > b.x())
                std::swap(a, b);
            segs.push_back({a.x(), a.y(), b.x(), b.y()});
        }
    }
    if (segs.size() > 6000)
        segs.resize(6000);
    int c = 0;
    for (size_t i = 0; i < segs.size(); ++i) {
        for (size_t j = i + 1; j < segs.size(); ++j) {
            const Seg &s = segs[i], &t = segs[j];
            const double lo = std::max(s.x0, t.x0), hi = std::min(s.x1, t.x1);
            if (hi - lo < 1)
                continue;
            auto yAt = [](const Seg &q, double x) {
                return q.x1 == q.x0 ? q.y0 : q.y0 + (q.y1 - q.y0) * (x - q.x0) / (q.x1 - q.x0);
            };
            if ((yAt(s, lo) - yAt(t, lo)) * (yAt(s, hi) - yAt(t, hi)) < 0)
                ++c;
        }
    }
    return c;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bool graphviz = LineageLayout::graphvizAvailable();
    int repeat = 3;
    int graphvizMax = 5000;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--no-graphviz")
            graphviz = false;
        else if (QByteArray(argv[i]).startsWith("--graphviz-max="))
            graphvizMax = QByteArray(argv[i]).mid(15).toInt();
        else
            repeat = std::max(1, atoi(argv[i]));
    }
    std::printf("%-10s %7s %7s %12s %12s %8s %8s %10s\n", "engine", "nodes", "edges", "best ms",
                "median ms", "layers", "dummies", "crossings*");
    for (int n : {500, 2000, 5000}) {
        const LineageSubgraph g = syntheticSubgraph(n, 2.0, 7);
        LayoutInput in = inputOf(g);
        for (LayoutEngine engine : {LayoutEngine::Layered, LayoutEngine::Graphviz}) {
            if (engine == LayoutEngine::Graphviz && (!graphviz || n > graphvizMax))
                continue;
            in.options.engine = engine;
            std::vector<double> times;
            LayoutResult r;
            const int reps = engine == LayoutEngine::Graphviz && n >= 2000 ? 1 : repeat;
            for (int k = 0; k < reps; ++k) {
                r = LineageLayout::compute(in);
                times.push_back(r.elapsedMs);
            }
            std::sort(times.begin(), times.end());
            std::printf("%-10s %7d %7d %12.1f %12.1f %8d %8d %10d\n",
                        engine == LayoutEngine::Layered ? "layered" : "graphviz", n,
                        int(in.edges.size()), times.front(), times[times.size() / 2], r.layers,
                        r.dummyNodes, crossings(in, r));
            std::fflush(stdout);
        }
    }
    // incremental: 2,000 laid out, then 50 more nodes merged next to their neighbours
    {
        const LineageSubgraph big = syntheticSubgraph(2050, 2.0, 7);
        LineageSubgraph first;
        QSet<QString> firstIds;
        for (int i = 0; i < 2000; ++i) {
            first.nodes.append(big.nodes[i]);
            firstIds.insert(big.nodes[i].id);
        }
        for (const auto &e : big.edges) {
            if (firstIds.contains(e.from) && firstIds.contains(e.to))
                first.edges.append(e);
        }
        LayoutInput in = inputOf(first);
        const LayoutResult base = LineageLayout::compute(in);
        LayoutInput grown = inputOf(big);
        grown.previous = base.positions;
        const LayoutResult r = LineageLayout::compute(grown);
        std::printf("incremental: 2000 placed + 50 merged (%d edges): %.1f ms\n",
                    int(grown.edges.size()), r.elapsedMs);
    }
    std::printf("* crossings counted on the first 6,000 route segments only\n");
    return 0;
}
