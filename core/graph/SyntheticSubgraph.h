#pragma once

#include "core/graph/LineageSubgraph.h"

namespace warroom {

// A deterministic synthetic blast radius for benchmarks, screenshots and tests: a few broken
// tables at depth 0 and `nodes` nodes downstream of them in ~`nodes / 160 + 6` depth levels
// (tables, views, SQL files, DAG tasks in 12+ datasets), about `edgesPerNode` edges per node,
// mostly to the next level, some skipping levels, a few cycles (views reading each other).
LineageSubgraph syntheticSubgraph(int nodes, double edgesPerNode = 2.0, quint32 seed = 1);

} // namespace warroom
