// Recursive downstream on a synthetic warehouse: N tables, each written by one SQL file that
// reads a few earlier tables (a layered DAG plus a few diamonds), about 5 edges per table.
// Compares the LineageGraph query (Boost CSR, 0-1 BFS) with a plain
// boost::breadth_first_search over a boost::adjacency_list.
//
//   bench_lineage_graph [TABLES=100000] [EDGES=500000] [REPEAT=50]

#include "core/lineage/LineageGraph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

using namespace warroom::lineage;
using Clock = std::chrono::steady_clock;

static double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

// Thread CPU time: the figure does not depend on what else the (shared) machine runs.
struct CpuClock
{
    struct time_point
    {
        double ms;
        double operator-(const time_point &o) const { return ms - o.ms; }
    };
    static time_point now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return {double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6};
    }
};

int main(int argc, char **argv)
{
    const int tables = argc > 1 ? std::atoi(argv[1]) : 100000;
    const long edgesWanted = argc > 2 ? std::atol(argv[2]) : 500000;
    const int repeat = argc > 3 ? std::atoi(argv[3]) : 50;
    std::mt19937_64 rng(42);

    const auto t0 = Clock::now();
    LineageGraph graph;
    graph.reserve(static_cast<std::size_t>(tables) * 2, static_cast<std::size_t>(edgesWanted) + tables);
    std::vector<NodeId> tableIds(tables);
    for (int i = 0; i < tables; ++i)
        tableIds[i] = graph.addNode(NodeKind::Table, "p.ds" + std::to_string(i % 50) + ".t" + std::to_string(i));
    // Sources: the first 2% of tables. Every other table has one SQL file (read edges + 1 write).
    const int sourcesCount = std::max(1, tables / 50);
    const int built = tables - sourcesCount;
    const double readsPerFile = std::max(1.0, double(edgesWanted - built) / built);
    std::poisson_distribution<int> readCount(readsPerFile - 1.0);
    for (int i = sourcesCount; i < tables; ++i) {
        const NodeId file = graph.addNode(NodeKind::SqlFile, "/sql/ds/t" + std::to_string(i) + ".sql");
        graph.addEdge(file, tableIds[i], EdgeKind::Writes, SourceSql);
        const int reads = 1 + readCount(rng);
        for (int k = 0; k < reads; ++k) {
            // mostly recent tables (deep chains), sometimes any earlier one (wide fan-out)
            std::uniform_int_distribution<int> near(std::max(0, i - 2000), i - 1);
            std::uniform_int_distribution<int> any(0, i - 1);
            const int j = (rng() % 4 == 0) ? any(rng) : near(rng);
            graph.addEdge(tableIds[j], file, EdgeKind::ReadBy, SourceSql);
        }
    }
    const auto t1 = Clock::now();
    graph.finalize();
    const auto t2 = Clock::now();
    std::printf("graph: %zu nodes (%d tables), %zu edges; built in %.1f ms, CSR freeze %.1f ms\n",
                graph.nodeCount(), tables, graph.edgeCount(), ms(t1 - t0), ms(t2 - t1));

    // Roots: the first source table (largest closure) and random tables.
    std::vector<NodeId> roots{tableIds[0]};
    for (int i = 0; i < 20; ++i)
        roots.push_back(tableIds[rng() % tables]);

    std::size_t reachedWorst = 0;
    double worst = 0, total = 0;
    int runs = 0;
    for (int r = 0; r < repeat; ++r) {
        for (NodeId root : roots) {
            const auto a = CpuClock::now();
            const std::vector<Reached> reached = graph.downstream(std::span<const NodeId>(&root, 1));
            const double t = CpuClock::now() - a;
            if (root == tableIds[0])
                reachedWorst = reached.size();
            worst = std::max(worst, t);
            total += t;
            ++runs;
        }
    }
    // The biggest closure alone, median of `repeat` runs.
    std::vector<double> big;
    for (int r = 0; r < repeat; ++r) {
        const auto a = CpuClock::now();
        (void)graph.downstream(std::span<const NodeId>(&roots[0], 1));
        big.push_back(CpuClock::now() - a);
    }
    std::sort(big.begin(), big.end());
    std::printf("[thread CPU ms] LineageGraph::downstream (CSR, 0-1 BFS, depth per node): largest closure %zu nodes: "
                "median %.2f ms, max %.2f ms; mean over %d queries %.2f ms\n",
                reachedWorst, big[big.size() / 2], worst, runs, total / runs);

    const auto c0 = CpuClock::now();
    const AffectedClosure closure = graph.affected(std::span<const NodeId>(&roots[0], 1));
    std::printf("LineageGraph::affected (topological order + cycles) of the largest closure: %zu nodes in %.2f ms\n",
                closure.nodes.size(), CpuClock::now() - c0);
    const auto s0 = CpuClock::now();
    const auto cycles = graph.cycles();
    std::printf("LineageGraph::cycles (Tarjan over the whole graph): %zu cycles in %.2f ms\n", cycles.size(),
                CpuClock::now() - s0);

    // Same query with boost::adjacency_list + breadth_first_search.
    using Adj = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    const auto b0 = Clock::now();
    Adj adj(graph.nodeCount());
    for (EdgeId e = 0; e < graph.edgeCount(); ++e)
        boost::add_edge(graph.edge(e).from, graph.edge(e).to, adj);
    const auto b1 = Clock::now();
    std::vector<double> adjTimes;
    for (int r = 0; r < repeat; ++r) {
        const auto a = CpuClock::now();
        std::vector<boost::default_color_type> color(graph.nodeCount());
        std::vector<int> dist(graph.nodeCount(), 0);
        boost::breadth_first_search(
            adj, roots[0],
            boost::color_map(boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, adj)))
                .visitor(boost::make_bfs_visitor(boost::record_distances(
                    boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, adj)),
                    boost::on_tree_edge()))));
        adjTimes.push_back(CpuClock::now() - a);
    }
    std::sort(adjTimes.begin(), adjTimes.end());
    std::printf("boost::adjacency_list + breadth_first_search, same root: median %.2f ms (build %.1f ms)\n",
                adjTimes[adjTimes.size() / 2], ms(b1 - b0));
    return 0;
}
