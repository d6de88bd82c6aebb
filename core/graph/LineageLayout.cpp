#include "core/graph/LineageLayout.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#ifdef WARROOM_HAVE_GRAPHVIZ
#include <gvc.h>
#endif

namespace warroom {

namespace {

struct Cancelled
{
};

struct Graph
{
    int n = 0;                                // real nodes
    std::vector<std::pair<int, int>> edges;   // deduplicated, no self-loops
    std::vector<int> edgeOfInput;             // input edge index -> edges index (-1 ignored)
};

Graph indexGraph(const LayoutInput &in, QHash<QString, int> &index)
{
    Graph g;
    index.reserve(in.nodes.size());
    for (const QString &id : in.nodes) {
        if (!index.contains(id))
            index.insert(id, int(index.size()));
    }
    g.n = int(index.size());
    QHash<quint64, int> seen;
    g.edgeOfInput.reserve(in.edges.size());
    for (const LineageEdgeId &e : in.edges) {
        const int a = index.value(e.from, -1);
        const int b = index.value(e.to, -1);
        if (a < 0 || b < 0 || a == b) {
            g.edgeOfInput.push_back(-1);
            continue;
        }
        const quint64 key = (quint64(quint32(a)) << 32) | quint32(b);
        auto it = seen.constFind(key);
        if (it != seen.cend()) {
            g.edgeOfInput.push_back(*it);
            continue;
        }
        seen.insert(key, int(g.edges.size()));
        g.edgeOfInput.push_back(int(g.edges.size()));
        g.edges.emplace_back(a, b);
    }
    return g;
}

// Weighted isotonic regression (pool adjacent violators): the non-decreasing sequence
// closest to `target` in the weighted least-squares sense.
void isotonic(std::vector<double> &target, const std::vector<double> &weight)
{
    const size_t n = target.size();
    std::vector<double> value, w;
    std::vector<size_t> count;
    value.reserve(n);
    w.reserve(n);
    count.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        value.push_back(target[i]);
        w.push_back(weight[i]);
        count.push_back(1);
        while (value.size() > 1 && value[value.size() - 2] > value.back()) {
            const double w2 = w.back() + w[w.size() - 2];
            const double v2 = (value.back() * w.back() + value[value.size() - 2] * w[w.size() - 2])
                              / w2;
            const size_t c2 = count.back() + count[count.size() - 2];
            value.pop_back();
            w.pop_back();
            count.pop_back();
            value.back() = v2;
            w.back() = w2;
            count.back() = c2;
        }
    }
    size_t k = 0;
    for (size_t b = 0; b < value.size(); ++b) {
        for (size_t c = 0; c < count[b]; ++c)
            target[k++] = value[b];
    }
}

class Layered
{
public:
    Layered(const Graph &g, const LayoutOptions &o, const std::function<bool()> &cancelled)
        : m_g(g)
        , m_o(o)
        , m_cancelled(cancelled)
    {
    }

    // Fills x/y of real nodes (centres), routes per graph edge, reversed flags.
    void run()
    {
        breakCycles();
        check();
        assignLayers();
        check();
        insertDummies();
        order();
        check();
        coordinates();
    }

    std::vector<double> x, y;                // per node (real and dummy)
    std::vector<bool> reversed;              // per graph edge
    std::vector<std::vector<int>> chain;     // per graph edge: dummies in layer order
    int layerCount = 0;
    int dummies = 0;

private:
    void check()
    {
        if (m_cancelled && m_cancelled())
            throw Cancelled{};
    }

    void breakCycles()
    {
        const int n = m_g.n;
        std::vector<std::vector<std::pair<int, int>>> out(n); // (target, edge)
        std::vector<int> indeg(n, 0);
        for (int e = 0; e < int(m_g.edges.size()); ++e) {
            out[m_g.edges[e].first].emplace_back(m_g.edges[e].second, e);
            ++indeg[m_g.edges[e].second];
        }
        reversed.assign(m_g.edges.size(), false);
        std::vector<char> state(n, 0); // 0 new, 1 on stack, 2 done
        std::vector<std::pair<int, size_t>> stack;
        auto dfs = [&](int root) {
            state[root] = 1;
            stack.emplace_back(root, 0);
            while (!stack.empty()) {
                auto &[v, i] = stack.back();
                if (i < out[v].size()) {
                    const auto [w, e] = out[v][i++];
                    if (state[w] == 1) {
                        reversed[e] = true;
                    } else if (state[w] == 0) {
                        state[w] = 1;
                        stack.emplace_back(w, 0);
                    }
                } else {
                    state[v] = 2;
                    stack.pop_back();
                }
            }
        };
        for (int v = 0; v < n; ++v) {
            if (indeg[v] == 0 && state[v] == 0)
                dfs(v);
        }
        for (int v = 0; v < n; ++v) {
            if (state[v] == 0)
                dfs(v);
        }
    }

    void assignLayers()
    {
        const int n = m_g.n;
        m_dagOut.assign(n, {});
        m_dagIn.assign(n, {});
        for (size_t e = 0; e < m_g.edges.size(); ++e) {
            auto [a, b] = m_g.edges[e];
            if (reversed[e])
                std::swap(a, b);
            m_dagOut[a].push_back(b);
            m_dagIn[b].push_back(a);
        }
        // Kahn topological order; longest path from the sources.
        std::vector<int> indeg(n);
        std::vector<int> topo;
        topo.reserve(n);
        for (int v = 0; v < n; ++v) {
            indeg[v] = int(m_dagIn[v].size());
            if (indeg[v] == 0)
                topo.push_back(v);
        }
        for (size_t i = 0; i < topo.size(); ++i) {
            for (int w : m_dagOut[topo[i]]) {
                if (--indeg[w] == 0)
                    topo.push_back(w);
            }
        }
        m_layer.assign(n, 0);
        for (int v : topo) {
            for (int w : m_dagOut[v])
                m_layer[w] = std::max(m_layer[w], m_layer[v] + 1);
        }
        // Pull sources next to their first consumer (an input table read at layer 5 sits at
        // layer 4, not at 0 with a long edge).
        for (int v = 0; v < n; ++v) {
            if (m_dagIn[v].empty() && !m_dagOut[v].empty()) {
                int m = INT_MAX;
                for (int w : m_dagOut[v])
                    m = std::min(m, m_layer[w]);
                m_layer[v] = std::max(0, m - 1);
            }
        }
        layerCount = 0;
        for (int v = 0; v < n; ++v)
            layerCount = std::max(layerCount, m_layer[v] + 1);
    }

    void insertDummies()
    {
        const int n = m_g.n;
        m_up.assign(n, {});
        m_down.assign(n, {});
        chain.assign(m_g.edges.size(), {});
        for (size_t e = 0; e < m_g.edges.size(); ++e) {
            auto [a, b] = m_g.edges[e];
            if (reversed[e])
                std::swap(a, b);
            int prev = a;
            for (int l = m_layer[a] + 1; l < m_layer[b]; ++l) {
                const int d = int(m_layer.size());
                m_layer.push_back(l);
                m_up.push_back({});
                m_down.push_back({});
                m_down[prev].push_back(d);
                m_up[d].push_back(prev);
                chain[e].push_back(d);
                prev = d;
            }
            m_down[prev].push_back(b);
            m_up[b].push_back(prev);
        }
        dummies = int(m_layer.size()) - n;
    }

    bool isDummy(int v) const { return v >= m_g.n; }

    void order()
    {
        const int total = int(m_layer.size());
        m_layers.assign(layerCount, {});
        // Initial order: depth-first from the roots, so that subtrees start together.
        std::vector<char> seen(total, 0);
        std::vector<int> stack;
        auto visit = [&](int root) {
            stack.push_back(root);
            while (!stack.empty()) {
                const int v = stack.back();
                stack.pop_back();
                if (seen[v])
                    continue;
                seen[v] = 1;
                m_layers[m_layer[v]].push_back(v);
                for (auto it = m_down[v].rbegin(); it != m_down[v].rend(); ++it) {
                    if (!seen[*it])
                        stack.push_back(*it);
                }
            }
        };
        for (int v = 0; v < m_g.n; ++v) {
            if (m_up[v].empty())
                visit(v);
        }
        for (int v = 0; v < total; ++v) {
            if (!seen[v])
                visit(v);
        }
        m_pos.assign(total, 0);
        for (auto &layer : m_layers) {
            for (int i = 0; i < int(layer.size()); ++i)
                m_pos[layer[i]] = i;
        }
        std::vector<std::pair<double, int>> keyed;
        auto sweep = [&](int l, const std::vector<std::vector<int>> &adj) {
            auto &layer = m_layers[l];
            keyed.clear();
            for (int v : layer) {
                double key = m_pos[v];
                if (!adj[v].empty()) {
                    double s = 0;
                    for (int w : adj[v])
                        s += m_pos[w];
                    key = s / double(adj[v].size());
                }
                keyed.emplace_back(key, v);
            }
            std::stable_sort(keyed.begin(), keyed.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            for (int i = 0; i < int(keyed.size()); ++i) {
                layer[i] = keyed[i].second;
                m_pos[layer[i]] = i;
            }
        };
        for (int s = 0; s < m_o.sweeps; ++s) {
            for (int l = 1; l < layerCount; ++l)
                sweep(l, m_up);
            check();
            for (int l = layerCount - 2; l >= 0; --l)
                sweep(l, m_down);
            check();
        }
    }

    double height(int v) const { return isDummy(v) ? 0.0 : m_o.nodeHeight; }
    double separation(int a, int b) const
    {
        const double gap = (isDummy(a) || isDummy(b)) ? m_o.dummyGap : m_o.nodeGap;
        return (height(a) + height(b)) / 2 + gap;
    }

    // Places one layer as close as possible to the wanted y values, keeping order and gaps.
    void place(const std::vector<int> &layer, const std::vector<double> &want,
               const std::vector<double> &weight)
    {
        const size_t k = layer.size();
        if (k == 0)
            return;
        std::vector<double> offset(k, 0.0), t(k);
        for (size_t i = 1; i < k; ++i)
            offset[i] = offset[i - 1] + separation(layer[i - 1], layer[i]);
        for (size_t i = 0; i < k; ++i)
            t[i] = want[i] - offset[i];
        isotonic(t, weight);
        for (size_t i = 0; i < k; ++i)
            y[layer[i]] = t[i] + offset[i];
    }

    void coordinates()
    {
        const int total = int(m_layer.size());
        x.assign(total, 0);
        y.assign(total, 0);
        for (int v = 0; v < total; ++v)
            x[v] = m_layer[v] * (m_o.nodeWidth + m_o.layerGap) + m_o.nodeWidth / 2;
        for (auto &layer : m_layers) {
            double cur = 0;
            for (size_t i = 0; i < layer.size(); ++i) {
                if (i > 0)
                    cur += separation(layer[i - 1], layer[i]);
                y[layer[i]] = cur;
            }
            for (int v : layer)
                y[v] -= cur / 2;
        }
        std::vector<double> want, weight;
        auto pass = [&](int l, bool useUp, bool useDown) {
            const auto &layer = m_layers[l];
            want.assign(layer.size(), 0);
            weight.assign(layer.size(), 0);
            for (size_t i = 0; i < layer.size(); ++i) {
                const int v = layer[i];
                double s = 0;
                int c = 0;
                if (useUp) {
                    for (int w : m_up[v]) {
                        s += y[w];
                        ++c;
                    }
                }
                if (useDown) {
                    for (int w : m_down[v]) {
                        s += y[w];
                        ++c;
                    }
                }
                want[i] = c ? s / c : y[v];
                // Priority: edge bends are worst, so dummies pull hardest; unconnected
                // nodes barely pull.
                weight[i] = c == 0 ? 0.05 : (isDummy(v) ? 4.0 : 1.0 + 0.25 * c);
            }
            place(layer, want, weight);
        };
        for (int s = 0; s < m_o.coordinateSweeps; ++s) {
            for (int l = 1; l < layerCount; ++l)
                pass(l, true, false);
            for (int l = layerCount - 2; l >= 0; --l)
                pass(l, false, true);
            check();
        }
        for (int l = 0; l < layerCount; ++l)
            pass(l, true, true);
    }

    const Graph &m_g;
    const LayoutOptions &m_o;
    const std::function<bool()> &m_cancelled;
    std::vector<int> m_layer;                       // per node (real + dummy)
    std::vector<std::vector<int>> m_dagOut, m_dagIn; // real nodes, cycles broken
    std::vector<std::vector<int>> m_up, m_down;     // with dummies
    std::vector<std::vector<int>> m_layers;
    std::vector<int> m_pos;
};

QList<QPointF> straightRoute(QPointF a, QPointF b, const LayoutOptions &o)
{
    const double hw = o.nodeWidth / 2;
    if (b.x() >= a.x())
        return {QPointF(a.x() + hw, a.y()), QPointF(b.x() - hw, b.y())};
    return {QPointF(a.x() - hw, a.y()), QPointF(b.x() + hw, b.y())};
}

QRectF boundsOf(const QHash<QString, QPointF> &positions, const LayoutOptions &o)
{
    if (positions.isEmpty())
        return {};
    double x0 = std::numeric_limits<double>::max(), y0 = x0;
    double x1 = std::numeric_limits<double>::lowest(), y1 = x1;
    for (const QPointF &p : positions) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    return QRectF(QPointF(x0 - o.nodeWidth / 2, y0 - o.nodeHeight / 2),
                  QPointF(x1 + o.nodeWidth / 2, y1 + o.nodeHeight / 2));
}

void layered(const LayoutInput &in, const std::function<bool()> &cancelled, LayoutResult &r)
{
    QHash<QString, int> index;
    const Graph g = indexGraph(in, index);
    Layered l(g, in.options, cancelled);
    l.run();
    QStringList ids(g.n);
    for (auto it = index.cbegin(); it != index.cend(); ++it)
        ids[it.value()] = it.key();
    r.positions.reserve(g.n);
    for (int v = 0; v < g.n; ++v)
        r.positions.insert(ids[v], QPointF(l.x[v], l.y[v]));
    r.layers = l.layerCount;
    r.dummyNodes = l.dummies;
    const double hw = in.options.nodeWidth / 2;
    r.routes.reserve(in.edges.size());
    for (int i = 0; i < int(in.edges.size()); ++i) {
        LayoutEdgeRoute route;
        route.id = in.edges[i];
        const int e = g.edgeOfInput[i];
        if (e >= 0) {
            auto [a, b] = g.edges[e];
            route.reversed = l.reversed[e];
            if (route.reversed) {
                // drawn from a's left side back through the dummies to b's right side
                route.points.append(QPointF(l.x[a] - hw, l.y[a]));
                for (auto it = l.chain[e].rbegin(); it != l.chain[e].rend(); ++it)
                    route.points.append(QPointF(l.x[*it], l.y[*it]));
                route.points.append(QPointF(l.x[b] + hw, l.y[b]));
                if (!r.reversedEdges.contains(route.id))
                    r.reversedEdges.append(route.id);
            } else {
                route.points.append(QPointF(l.x[a] + hw, l.y[a]));
                for (int d : l.chain[e])
                    route.points.append(QPointF(l.x[d], l.y[d]));
                route.points.append(QPointF(l.x[b] - hw, l.y[b]));
            }
        }
        r.routes.append(route);
    }
}

void incremental(const LayoutInput &in, const std::function<bool()> &cancelled, LayoutResult &r)
{
    const LayoutOptions &o = in.options;
    const double pitchX = o.nodeWidth + o.layerGap;
    const double pitchY = o.nodeHeight + o.nodeGap;
    auto columnOf = [&](double x) { return int(std::lround((x - o.nodeWidth / 2) / pitchX)); };
    QHash<QString, QPointF> pos;
    QHash<int, std::vector<double>> columns; // column -> sorted occupied centres
    QStringList pending;
    for (const QString &id : in.nodes) {
        auto it = in.previous.constFind(id);
        if (it != in.previous.cend() && !pos.contains(id)) {
            pos.insert(id, *it);
            columns[columnOf(it->x())].push_back(it->y());
        } else if (!pos.contains(id) && !pending.contains(id)) {
            pending.append(id);
        }
    }
    for (auto &c : columns)
        std::sort(c.begin(), c.end());
    QHash<QString, QStringList> in_, out_;
    for (const LineageEdgeId &e : in.edges) {
        if (e.from == e.to)
            continue;
        out_[e.from].append(e.to);
        in_[e.to].append(e.from);
    }
    auto freeSlot = [&](std::vector<double> &occ, double target) {
        const double eps = 1e-6;
        double down = target;
        auto i = std::lower_bound(occ.begin(), occ.end(), down - pitchY + eps);
        while (i != occ.end() && *i < down + pitchY - eps) {
            down = *i + pitchY;
            ++i;
        }
        double up = target;
        auto j = std::upper_bound(occ.begin(), occ.end(), up + pitchY - eps);
        while (j != occ.begin() && *(j - 1) > up - pitchY + eps) {
            --j;
            up = *j - pitchY;
        }
        const double y = (std::abs(up - target) < std::abs(down - target)) ? up : down;
        occ.insert(std::upper_bound(occ.begin(), occ.end(), y), y);
        return y;
    };
    // Grow outwards from the placed nodes, one ring at a time.
    bool progress = true;
    while (!pending.isEmpty() && progress) {
        if (cancelled && cancelled())
            throw Cancelled{};
        progress = false;
        QStringList next;
        QList<QPair<QString, QPointF>> placedNow;
        for (const QString &id : std::as_const(pending)) {
            double sy = 0, maxCol = -1e9, minCol = 1e9;
            int np = 0, ns = 0;
            for (const QString &p : in_.value(id)) {
                auto it = pos.constFind(p);
                if (it != pos.cend()) {
                    sy += it->y();
                    maxCol = std::max(maxCol, double(columnOf(it->x())));
                    ++np;
                }
            }
            double sy2 = 0;
            for (const QString &s : out_.value(id)) {
                auto it = pos.constFind(s);
                if (it != pos.cend()) {
                    sy2 += it->y();
                    minCol = std::min(minCol, double(columnOf(it->x())));
                    ++ns;
                }
            }
            if (np == 0 && ns == 0) {
                next.append(id);
                continue;
            }
            const int col = np ? int(maxCol) + 1 : int(minCol) - 1;
            const double target = np ? sy / np : sy2 / ns;
            const double y = freeSlot(columns[col], target);
            placedNow.append({id, QPointF(col * pitchX + o.nodeWidth / 2, y)});
            progress = true;
        }
        for (const auto &[id, p] : std::as_const(placedNow))
            pos.insert(id, p);
        pending = next;
    }
    if (!pending.isEmpty()) {
        // Components with nothing placed yet: a full layout of their own, below the rest.
        LayoutInput sub;
        sub.options = o;
        sub.nodes = pending;
        const QSet<QString> set(pending.cbegin(), pending.cend());
        for (const LineageEdgeId &e : in.edges) {
            if (set.contains(e.from) && set.contains(e.to))
                sub.edges.append(e);
        }
        LayoutResult part;
        layered(sub, cancelled, part);
        const QRectF placed = boundsOf(pos, o);
        const QRectF b = boundsOf(part.positions, o);
        const QPointF shift(placed.isNull() ? -b.left() : placed.left() - b.left(),
                            (placed.isNull() ? 0 : placed.bottom() + 3 * pitchY) - b.top());
        for (auto it = part.positions.cbegin(); it != part.positions.cend(); ++it)
            pos.insert(it.key(), *it + shift);
        for (LayoutEdgeRoute rt : std::as_const(part.routes)) {
            for (QPointF &p : rt.points)
                p += shift;
            r.routes.append(rt); // appended below in input order instead
        }
        r.reversedEdges = part.reversedEdges;
    }
    QHash<LineageEdgeId, LayoutEdgeRoute> subRoutes;
    for (const LayoutEdgeRoute &rt : std::as_const(r.routes))
        subRoutes.insert(rt.id, rt);
    r.routes.clear();
    r.routes.reserve(in.edges.size());
    for (const LineageEdgeId &e : in.edges) {
        LayoutEdgeRoute rt;
        rt.id = e;
        if (subRoutes.contains(e)) {
            rt = subRoutes.value(e);
        } else if (pos.contains(e.from) && pos.contains(e.to) && e.from != e.to) {
            auto prev = in.previousRoutes.constFind(e);
            if (prev != in.previousRoutes.cend() && in.previous.contains(e.from)
                && in.previous.contains(e.to)) {
                rt.points = *prev;
            } else {
                rt.points = straightRoute(pos[e.from], pos[e.to], o);
            }
            rt.reversed = pos[e.to].x() < pos[e.from].x();
        }
        r.routes.append(rt);
    }
    r.positions = pos;
    r.incremental = true;
}

#ifdef WARROOM_HAVE_GRAPHVIZ
void graphviz(const LayoutInput &in, LayoutResult &r)
{
    QHash<QString, int> index;
    const Graph g = indexGraph(in, index);
    const LayoutOptions &o = in.options;
    GVC_t *gvc = gvContext();
    Agraph_t *graph = agopen(const_cast<char *>("g"), Agdirected, nullptr);
    agattr(graph, AGRAPH, const_cast<char *>("rankdir"), const_cast<char *>("LR"));
    agattr(graph, AGRAPH, const_cast<char *>("nodesep"),
           QByteArray::number(o.nodeGap / 72.0).data());
    agattr(graph, AGRAPH, const_cast<char *>("ranksep"),
           QByteArray::number(o.layerGap / 72.0).data());
    agattr(graph, AGRAPH, const_cast<char *>("splines"), const_cast<char *>("false"));
    agattr(graph, AGNODE, const_cast<char *>("shape"), const_cast<char *>("box"));
    agattr(graph, AGNODE, const_cast<char *>("fixedsize"), const_cast<char *>("true"));
    agattr(graph, AGNODE, const_cast<char *>("label"), const_cast<char *>(""));
    agattr(graph, AGNODE, const_cast<char *>("width"),
           QByteArray::number(o.nodeWidth / 72.0).data());
    agattr(graph, AGNODE, const_cast<char *>("height"),
           QByteArray::number(o.nodeHeight / 72.0).data());
    std::vector<Agnode_t *> nodes(g.n);
    for (int v = 0; v < g.n; ++v)
        nodes[v] = agnode(graph, QByteArray::number(v).data(), 1);
    for (const auto &[a, b] : g.edges)
        agedge(graph, nodes[a], nodes[b], nullptr, 1);
    if (gvLayout(gvc, graph, "dot") != 0) {
        r.error = QStringLiteral("Graphviz dot layout failed");
    } else {
        QStringList ids(g.n);
        for (auto it = index.cbegin(); it != index.cend(); ++it)
            ids[it.value()] = it.key();
        for (int v = 0; v < g.n; ++v)
            r.positions.insert(ids[v], QPointF(ND_coord(nodes[v]).x, -ND_coord(nodes[v]).y));
        for (int i = 0; i < int(in.edges.size()); ++i) {
            LayoutEdgeRoute rt;
            rt.id = in.edges[i];
            if (g.edgeOfInput[i] >= 0)
                rt.points = straightRoute(r.positions[rt.id.from], r.positions[rt.id.to], o);
            r.routes.append(rt);
        }
        gvFreeLayout(gvc, graph);
    }
    agclose(graph);
    gvFreeContext(gvc);
}
#endif

} // namespace

bool LineageLayout::graphvizAvailable()
{
#ifdef WARROOM_HAVE_GRAPHVIZ
    return true;
#else
    return false;
#endif
}

LayoutResult LineageLayout::compute(const LayoutInput &input,
                                    const std::function<bool()> &isCancelled)
{
    QElapsedTimer timer;
    timer.start();
    LayoutResult r;
    try {
        bool anyPrevious = false;
        for (const QString &id : input.nodes) {
            if (input.previous.contains(id)) {
                anyPrevious = true;
                break;
            }
        }
        if (anyPrevious) {
            incremental(input, isCancelled, r);
        } else if (input.options.engine == LayoutEngine::Graphviz) {
#ifdef WARROOM_HAVE_GRAPHVIZ
            graphviz(input, r);
#else
            r.error = QStringLiteral("built without Graphviz");
#endif
        } else {
            layered(input, isCancelled, r);
        }
    } catch (const Cancelled &) {
        r = LayoutResult();
        r.cancelled = true;
    }
    r.bounds = boundsOf(r.positions, input.options);
    r.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return r;
}

QFuture<LayoutResult> LineageLayout::computeAsync(LayoutInput input)
{
    return QtConcurrent::run(
        [](QPromise<LayoutResult> &promise, const LayoutInput &in) {
            LayoutResult r = compute(in, [&promise] { return promise.isCanceled(); });
            if (!r.cancelled)
                promise.addResult(std::move(r));
        },
        std::move(input));
}

} // namespace warroom
