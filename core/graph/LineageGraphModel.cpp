#include "core/graph/LineageGraphModel.h"

#include <QQueue>

#include <algorithm>
#include <limits>

namespace warroom {

namespace {

const QString kGroupPrefix = QStringLiteral("group:");

QStringList unite(QStringList a, const QStringList &b)
{
    for (const QString &s : b) {
        if (!a.contains(s))
            a.append(s);
    }
    return a;
}

} // namespace

LineageGraphModel::LineageGraphModel(QObject *parent)
    : QObject(parent)
{
}

LineageGraphModel::~LineageGraphModel() = default;

QString LineageGraphModel::groupId(const QString &dataset)
{
    return kGroupPrefix + dataset;
}

void LineageGraphModel::setSubgraph(const LineageSubgraph &subgraph)
{
    m_raw.clear();
    m_rawOrder.clear();
    m_rawEdges.clear();
    m_rawEdgeOrder.clear();
    m_pathNodes.clear();
    m_pathFrom.clear();
    m_pathTo.clear();
    for (const LineageNodeData &n : subgraph.nodes) {
        if (n.id.isEmpty())
            continue;
        if (!m_raw.contains(n.id))
            m_rawOrder.append(n.id);
        m_raw.insert(n.id, n);
    }
    // the scope survives a refresh of the same incident (ids are stable); gone ids drop out
    m_scope.removeIf([this](const QString &id) { return !m_raw.contains(id); });
    for (const LineageEdgeData &e : subgraph.edges) {
        if (!m_raw.contains(e.from) || !m_raw.contains(e.to) || e.from == e.to)
            continue;
        const LineageEdgeId id{e.from, e.to};
        auto it = m_rawEdges.find(id);
        if (it == m_rawEdges.end()) {
            m_rawEdges.insert(id, e.sources);
            m_rawEdgeOrder.append(id);
        } else {
            *it = unite(*it, e.sources);
        }
    }
    rebuild(true);
}

void LineageGraphModel::mergeSubgraph(const LineageSubgraph &subgraph)
{
    for (const LineageNodeData &n : subgraph.nodes) {
        if (n.id.isEmpty() || n.id.startsWith(kGroupPrefix))
            continue;
        if (!m_raw.contains(n.id))
            m_rawOrder.append(n.id);
        m_raw.insert(n.id, n);
    }
    for (const LineageEdgeData &e : subgraph.edges) {
        if (!m_raw.contains(e.from) || !m_raw.contains(e.to) || e.from == e.to)
            continue;
        const LineageEdgeId id{e.from, e.to};
        auto it = m_rawEdges.find(id);
        if (it == m_rawEdges.end()) {
            m_rawEdges.insert(id, e.sources);
            m_rawEdgeOrder.append(id);
        } else {
            *it = unite(*it, e.sources);
        }
    }
    rebuild(false);
}

QSet<QString> LineageGraphModel::rawNodesOf(const QStringList &ids) const
{
    QSet<QString> raw;
    for (const QString &id : ids) {
        if (m_groupMembers.contains(id)) {
            for (const QString &m : m_groupMembers.value(id))
                raw.insert(m);
        } else if (m_raw.contains(id)) {
            raw.insert(id);
        }
    }
    return raw;
}

void LineageGraphModel::removeNodes(const QStringList &ids)
{
    const QSet<QString> gone = rawNodesOf(ids);
    if (gone.isEmpty())
        return;
    for (const QString &id : std::as_const(gone))
        m_raw.remove(id);
    m_rawOrder.removeIf([&](const QString &id) { return gone.contains(id); });
    m_rawEdgeOrder.removeIf([&](const LineageEdgeId &e) {
        if (gone.contains(e.from) || gone.contains(e.to)) {
            m_rawEdges.remove(e);
            return true;
        }
        return false;
    });
    rebuild(false);
}

void LineageGraphModel::clear()
{
    setSubgraph({});
}

LineageSubgraph LineageGraphModel::subgraph() const
{
    LineageSubgraph s;
    for (const QString &id : m_rawOrder)
        s.nodes.append(m_raw.value(id));
    for (const LineageEdgeId &e : m_rawEdgeOrder)
        s.edges.append({e.from, e.to, m_rawEdges.value(e)});
    return s;
}

LineageNodeData LineageGraphModel::makeGroup(const QString &dataset,
                                             const QStringList &members) const
{
    LineageNodeData g;
    g.id = groupId(dataset);
    g.kind = LineageNodeKind::Group;
    g.name = dataset;
    g.dataset = dataset;
    g.label = tr("%1 (%n nodes)", nullptr, int(members.size())).arg(dataset);
    bool first = true;
    QStringList names;
    for (const QString &m : members) {
        const LineageNodeData &n = m_raw[m];
        if (first || std::abs(n.depth) < std::abs(g.depth))
            g.depth = n.depth;
        first = false;
        g.broken = g.broken || n.broken;
        if (n.usageRank > 0 && (g.usageRank == 0 || n.usageRank < g.usageRank))
            g.usageRank = n.usageRank;
        g.usageScore += n.usageScore;
        if (names.size() < 20)
            names.append(n.name);
    }
    g.detail = tr("Collapsed dataset %1: %n nodes", nullptr, int(members.size())).arg(dataset)
               + QLatin1Char('\n') + names.join(QLatin1Char('\n'))
               + (members.size() > names.size() ? QStringLiteral("\n…") : QString());
    return g;
}

void LineageGraphModel::rebuild(bool reset)
{
    // 1. current nodes
    QHash<QString, LineageNodeData> nodes;
    QStringList order;
    QHash<QString, QStringList> groupMembers;
    QHash<QString, QString> groupOf;
    nodes.reserve(m_raw.size());
    for (const QString &id : std::as_const(m_rawOrder)) {
        const LineageNodeData &n = m_raw[id];
        if (!n.dataset.isEmpty() && m_collapsed.contains(n.dataset)) {
            const QString gid = groupId(n.dataset);
            auto it = groupMembers.find(gid);
            if (it == groupMembers.end()) {
                groupMembers.insert(gid, {id});
                order.append(gid);
            } else {
                it->append(id);
            }
            groupOf.insert(id, gid);
        } else {
            nodes.insert(id, n);
            order.append(id);
        }
    }
    for (auto it = groupMembers.cbegin(); it != groupMembers.cend(); ++it)
        nodes.insert(it.key(), makeGroup(m_raw[it->first()].dataset, it.value()));

    // 2. current edges
    QHash<LineageEdgeId, QStringList> edges;
    QList<LineageEdgeId> edgeOrder;
    edges.reserve(m_rawEdges.size());
    for (const LineageEdgeId &e : std::as_const(m_rawEdgeOrder)) {
        const LineageEdgeId d{groupOf.value(e.from, e.from), groupOf.value(e.to, e.to)};
        if (d.from == d.to)
            continue;
        auto it = edges.find(d);
        if (it == edges.end()) {
            edges.insert(d, m_rawEdges[e]);
            edgeOrder.append(d);
        } else {
            *it = unite(*it, m_rawEdges[e]);
        }
    }

    // 3. swap in, remembering the old state for the difference
    QHash<QString, LineageNodeData> oldNodes = std::exchange(m_nodes, std::move(nodes));
    QHash<LineageEdgeId, QStringList> oldEdges = std::exchange(m_edges, std::move(edges));
    const QStringList oldOrder = std::exchange(m_order, std::move(order));
    const QList<LineageEdgeId> oldEdgeOrder = std::exchange(m_edgeOrder, std::move(edgeOrder));
    m_groupMembers = std::move(groupMembers);
    m_groupOf = std::move(groupOf);
    m_out.clear();
    m_in.clear();
    for (const LineageEdgeId &e : std::as_const(m_edgeOrder)) {
        m_out[e.from].append(e.to);
        m_in[e.to].append(e.from);
    }
    if (!m_pathNodes.isEmpty()) {
        if (m_nodes.contains(m_pathFrom) && m_nodes.contains(m_pathTo)) {
            QSet<QString> p = pathBetween(m_pathFrom, m_pathTo);
            if (p.isEmpty())
                p = pathBetween(m_pathTo, m_pathFrom);
            m_pathNodes = p;
        } else {
            m_pathNodes.clear();
        }
        if (m_pathNodes.isEmpty()) {
            m_pathFrom.clear();
            m_pathTo.clear();
        }
    }
    const QSet<QString> oldHidden = m_hidden;
    const QHash<QString, int> oldMoreDown = m_moreDown;
    const QHash<QString, int> oldMoreUp = m_moreUp;
    recomputeHidden(false);

    if (reset) {
        emit modelReset();
        emit graphChanged();
        return;
    }

    bool changed = false;
    for (const LineageEdgeId &e : oldEdgeOrder) {
        if (!m_edges.contains(e)) {
            changed = true;
            emit edgeRemoved(e);
        }
    }
    for (const QString &id : oldOrder) {
        if (!m_nodes.contains(id)) {
            changed = true;
            emit nodeRemoved(id);
        }
    }
    QStringList updated;
    for (const QString &id : std::as_const(m_order)) {
        auto old = oldNodes.constFind(id);
        if (old == oldNodes.cend()) {
            changed = true;
            emit nodeAdded(id);
        } else if (!(*old == m_nodes[id]) || oldHidden.contains(id) != m_hidden.contains(id)
                   || oldMoreDown.value(id) != m_moreDown.value(id)
                   || oldMoreUp.value(id) != m_moreUp.value(id)) {
            updated.append(id);
        }
    }
    for (const LineageEdgeId &e : std::as_const(m_edgeOrder)) {
        auto old = oldEdges.constFind(e);
        if (old == oldEdges.cend()) {
            changed = true;
            emit edgeAdded(e);
        } else if (*old != m_edges[e]) {
            // sources changed: an edge update is a node-neutral change; views re-read roles
            changed = true;
        }
    }
    for (const QString &id : std::as_const(updated))
        emit nodeUpdated(id);
    if (changed)
        emit graphChanged();
    if (oldHidden != m_hidden)
        emit visibilityChanged();
}

void LineageGraphModel::endFilterChange()
{
    if (m_filterBatch > 0 && --m_filterBatch == 0 && std::exchange(m_filtersDirty, false))
        recomputeHidden(true);
}

void LineageGraphModel::recomputeHidden(bool emitSignals)
{
    if (emitSignals && m_filterBatch > 0) {
        m_filtersDirty = true;
        return;
    }
    QSet<QString> hidden;
    for (const QString &id : std::as_const(m_order)) {
        const LineageNodeData &n = m_nodes[id];
        bool hide = m_hiddenKinds.contains(n.kind)
                    || (!n.dataset.isEmpty() && m_hiddenDatasets.contains(n.dataset))
                    || (m_maxDepth >= 0 && std::abs(n.depth) > m_maxDepth)
                    || (!m_pathNodes.isEmpty() && !m_pathNodes.contains(id));
        if (!hide && m_scopeActive && !m_scope.contains(id)) {
            // a collapsed dataset is in the scope when one of its members is
            bool member = false;
            for (const QString &m : m_groupMembers.value(id)) {
                if (m_scope.contains(m)) {
                    member = true;
                    break;
                }
            }
            hide = !member;
        }
        if (hide)
            hidden.insert(id);
    }
    QSet<QString> old = std::exchange(m_hidden, std::move(hidden));
    const QHash<LineageEdgeId, QStringList> oldFolded = m_folded;
    const QHash<QString, int> oldMoreDown = m_moreDown;
    const QHash<QString, int> oldMoreUp = m_moreUp;
    computeFolding();
    if (!emitSignals)
        return;
    for (const QString &id : std::as_const(m_order)) {
        if (old.contains(id) != m_hidden.contains(id)
            || oldMoreDown.value(id) != m_moreDown.value(id)
            || oldMoreUp.value(id) != m_moreUp.value(id))
            emit nodeUpdated(id);
    }
    if (old != m_hidden || oldFolded != m_folded)
        emit visibilityChanged();
}

bool LineageGraphModel::isFrontier(const QString &id) const
{
    auto it = m_nodes.constFind(id);
    if (it == m_nodes.cend() || !m_hidden.contains(id) || m_hiddenKinds.contains(it->kind))
        return false;
    if (!it->dataset.isEmpty() && m_hiddenDatasets.contains(it->dataset))
        return false;
    if (!m_pathNodes.isEmpty() && !m_pathNodes.contains(id))
        return false;
    return true; // hidden by the depth limit or the scope only
}

void LineageGraphModel::walkFolded(
    const QString &id, bool downstream,
    const std::function<void(const QString &, const QStringList &)> &visit) const
{
    const auto &next = downstream ? m_out : m_in;
    // depth-first through hidden-kind nodes, remembering the folded nodes on the way
    struct Step
    {
        QString node;
        QStringList via;
    };
    QList<Step> stack;
    QSet<QString> seen{id};
    for (const QString &n : next.value(id))
        stack.append({n, {}});
    while (!stack.isEmpty()) {
        Step s = stack.takeLast();
        if (seen.contains(s.node))
            continue;
        seen.insert(s.node);
        const LineageNodeData &n = m_nodes[s.node];
        if (!m_hiddenKinds.contains(n.kind)) {
            visit(s.node, s.via);
            continue;
        }
        QStringList via = s.via;
        via.append(s.node);
        for (const QString &m : next.value(s.node)) {
            if (!seen.contains(m))
                stack.append({m, via});
        }
    }
}

void LineageGraphModel::computeFolding()
{
    m_folded.clear();
    m_foldedOrder.clear();
    m_moreDown.clear();
    m_moreUp.clear();
    const bool folding = !m_hiddenKinds.isEmpty();
    const bool frontier = m_scopeActive || m_maxDepth >= 0;
    if (!folding && !frontier)
        return;
    for (const QString &id : std::as_const(m_order)) {
        if (m_hidden.contains(id))
            continue;
        int more = 0;
        walkFolded(id, true, [&](const QString &n, const QStringList &via) {
            if (!m_hidden.contains(n)) {
                if (!via.isEmpty()) {
                    const LineageEdgeId e{id, n};
                    if (!m_edges.contains(e) && !m_folded.contains(e)) {
                        m_folded.insert(e, via);
                        m_foldedOrder.append(e);
                    }
                }
            } else if (frontier && isFrontier(n)) {
                ++more;
            }
        });
        if (more)
            m_moreDown.insert(id, more);
        if (!frontier)
            continue;
        more = 0;
        walkFolded(id, false, [&](const QString &n, const QStringList &) {
            if (m_hidden.contains(n) && isFrontier(n))
                ++more;
        });
        if (more)
            m_moreUp.insert(id, more);
    }
}

int LineageGraphModel::kindVisibleCount() const
{
    int count = 0;
    for (const LineageNodeData &n : m_nodes)
        count += !m_hiddenKinds.contains(n.kind);
    return count;
}

void LineageGraphModel::setScope(const QStringList &ids)
{
    m_scope = rawNodesOf(ids);
    m_scopeActive = true;
    m_maxDepth = -1;
    recomputeHidden(true);
}

void LineageGraphModel::clearScope()
{
    if (!m_scopeActive)
        return;
    m_scopeActive = false;
    m_scope.clear();
    recomputeHidden(true);
}

void LineageGraphModel::showAll()
{
    m_scopeActive = false;
    m_scope.clear();
    m_maxDepth = -1;
    m_pathNodes.clear();
    m_pathFrom.clear();
    m_pathTo.clear();
    m_hiddenDatasets.clear();
    recomputeHidden(true);
}

QStringList LineageGraphModel::moreNeighbours(const QString &id, LineageDirection direction) const
{
    QStringList out;
    if (!m_nodes.contains(id) || m_hidden.contains(id))
        return out;
    const auto collect = [&](bool downstream) {
        walkFolded(id, downstream, [&](const QString &n, const QStringList &) {
            if (isFrontier(n) && !out.contains(n))
                out.append(n);
        });
    };
    if (direction != LineageDirection::Upstream)
        collect(true);
    if (direction != LineageDirection::Downstream)
        collect(false);
    return out;
}

int LineageGraphModel::expandScope(const QString &id, LineageDirection direction, int limit)
{
    if (!m_nodes.contains(id) || m_hidden.contains(id))
        return 0;
    struct Found
    {
        QString node;
        QStringList via;
    };
    QList<Found> found;
    QSet<QString> foundSet;
    const auto collect = [&](bool downstream) {
        walkFolded(id, downstream, [&](const QString &n, const QStringList &via) {
            if (isFrontier(n) && !foundSet.contains(n)) {
                foundSet.insert(n);
                found.append({n, via});
            }
        });
    };
    if (direction != LineageDirection::Upstream)
        collect(true);
    if (direction != LineageDirection::Downstream)
        collect(false);
    if (found.isEmpty())
        return 0;
    if (limit > 0 && found.size() > limit) {
        const auto key = [this](const Found &f) {
            const LineageNodeData &n = m_nodes[f.node];
            return std::make_tuple(n.usageRank > 0 ? n.usageRank : std::numeric_limits<int>::max(),
                                   -int(m_out.value(f.node).size()), std::abs(n.depth));
        };
        std::stable_sort(found.begin(), found.end(),
                         [&](const Found &a, const Found &b) { return key(a) < key(b); });
        found.resize(limit);
    }
    QSet<QString> add;
    for (const Found &f : std::as_const(found)) {
        add.insert(f.node);
        for (const QString &v : f.via)
            add.insert(v);
    }
    if (!m_scopeActive) {
        // the depth limit becomes a scope of what it showed (folded nodes included)
        QSet<QString> scope;
        for (const QString &n : std::as_const(m_order)) {
            const LineageNodeData &d = m_nodes[n];
            if (m_maxDepth < 0 || std::abs(d.depth) <= m_maxDepth) {
                const QStringList members = m_groupMembers.value(n);
                if (members.isEmpty())
                    scope.insert(n);
                for (const QString &m : members)
                    scope.insert(m);
            }
        }
        m_scope = std::move(scope);
        m_scopeActive = true;
        m_maxDepth = -1;
    }
    int revealed = 0;
    for (const QString &n : std::as_const(add)) {
        const QStringList members = m_groupMembers.value(n);
        if (members.isEmpty()) {
            revealed += !m_scope.contains(n) && !m_hiddenKinds.contains(m_nodes[n].kind);
            m_scope.insert(n);
        } else {
            ++revealed;
            for (const QString &m : members)
                m_scope.insert(m);
        }
    }
    recomputeHidden(true);
    return revealed;
}

bool LineageGraphModel::revealInScope(const QString &id)
{
    if (!m_nodes.contains(id))
        return false;
    if (!m_scopeActive || !m_hidden.contains(id) || !isFrontier(id))
        return !m_hidden.contains(id);
    // shortest upstream path to a shown node
    QHash<QString, QString> parent;
    QQueue<QString> queue;
    queue.enqueue(id);
    parent.insert(id, QString());
    QString reached;
    while (!queue.isEmpty() && reached.isEmpty()) {
        const QString cur = queue.dequeue();
        for (const QString &n : m_in.value(cur)) {
            if (parent.contains(n))
                continue;
            parent.insert(n, cur);
            if (!m_hidden.contains(n)) {
                reached = n;
                break;
            }
            queue.enqueue(n);
        }
    }
    QString step = reached.isEmpty() ? id : parent.value(reached);
    while (!step.isEmpty()) {
        const QStringList members = m_groupMembers.value(step);
        if (members.isEmpty())
            m_scope.insert(step);
        for (const QString &m : members)
            m_scope.insert(m);
        step = parent.value(step);
    }
    recomputeHidden(true);
    return !m_hidden.contains(id);
}

QStringList LineageGraphModel::overviewNodes(int budget) const
{
    // Reach downstream, cheaply: the number of downstream paths' nodes counted with repeats
    // (a diamond counts twice), capped; good enough to order by, O(nodes + edges).
    QHash<QString, double> reach;
    reach.reserve(m_order.size());
    {
        QSet<QString> onStack;
        std::function<double(const QString &)> visit = [&](const QString &id) -> double {
            auto it = reach.constFind(id);
            if (it != reach.cend())
                return *it;
            if (onStack.contains(id))
                return 0; // a cycle
            onStack.insert(id);
            double r = 0;
            for (const QString &n : m_out.value(id))
                r += (m_hiddenKinds.contains(m_nodes[n].kind) ? 0 : 1) + visit(n);
            onStack.remove(id);
            r = std::min(r, 1e9);
            reach.insert(id, r);
            return r;
        };
        // iterative-enough: process in reverse insertion order first so that recursion stays
        // shallow on the usual upstream-first order
        for (auto it = m_order.crbegin(); it != m_order.crend(); ++it)
            visit(*it);
    }
    const auto counts = [&](const QString &id) {
        const LineageNodeData &n = m_nodes[id];
        return !m_hiddenKinds.contains(n.kind)
               && (n.dataset.isEmpty() || !m_hiddenDatasets.contains(n.dataset));
    };
    QSet<QString> chosen;
    QStringList out;
    int shown = 0;
    const auto take = [&](const QString &id) {
        if (chosen.contains(id))
            return;
        chosen.insert(id);
        out.append(id);
        shown += counts(id);
    };
    for (const QString &id : m_order) {
        if (m_nodes[id].broken)
            take(id);
    }
    if (chosen.isEmpty()) { // nothing broken: the shallowest nodes are the roots
        int best = std::numeric_limits<int>::max();
        for (const LineageNodeData &n : m_nodes)
            best = std::min(best, std::abs(n.depth));
        for (const QString &id : m_order) {
            if (std::abs(m_nodes[id].depth) == best && shown < budget)
                take(id);
        }
    }
    struct Candidate
    {
        int rank;
        double reach;
        int depth;
        int order;
        QString id;
    };
    QList<Candidate> candidates;
    int i = 0;
    for (const QString &id : m_order) {
        const LineageNodeData &n = m_nodes[id];
        if (!chosen.contains(id) && counts(id))
            candidates.append({n.usageRank > 0 ? n.usageRank : std::numeric_limits<int>::max(),
                               reach.value(id), std::abs(n.depth), i, id});
        ++i;
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.reach != b.reach)
            return a.reach > b.reach;
        return std::tie(a.depth, a.order) < std::tie(b.depth, b.order);
    });
    for (const Candidate &c : std::as_const(candidates)) {
        if (shown >= budget)
            break;
        if (chosen.contains(c.id))
            continue;
        // the shortest path from what is chosen, upstream
        QHash<QString, QString> parent{{c.id, QString()}};
        QQueue<QString> queue;
        queue.enqueue(c.id);
        QString reached;
        while (!queue.isEmpty() && reached.isEmpty()) {
            const QString cur = queue.dequeue();
            for (const QString &n : m_in.value(cur)) {
                if (parent.contains(n))
                    continue;
                parent.insert(n, cur);
                if (chosen.contains(n)) {
                    reached = n;
                    break;
                }
                queue.enqueue(n);
            }
        }
        QStringList path;
        for (QString s = reached.isEmpty() ? c.id : parent.value(reached); !s.isEmpty();
             s = parent.value(s))
            path.append(s);
        int cost = 0;
        for (const QString &s : std::as_const(path))
            cost += counts(s) && !chosen.contains(s);
        if (shown + cost > budget + 2 && shown > 0)
            continue; // a long path for one node: leave it behind a "+N more"
        for (const QString &s : std::as_const(path))
            take(s);
    }
    return out;
}

QStringList LineageGraphModel::nodeIds() const
{
    return m_order;
}

QList<LineageEdgeId> LineageGraphModel::edgeIds() const
{
    return m_edgeOrder;
}

LineageNodeData LineageGraphModel::node(const QString &id) const
{
    return m_nodes.value(id);
}

QVariant LineageGraphModel::nodeData(const QString &id, LineageNodeRole role) const
{
    auto it = m_nodes.constFind(id);
    if (it == m_nodes.cend())
        return {};
    const LineageNodeData &n = *it;
    switch (role) {
    case LineageNodeRole::Id: return n.id;
    case LineageNodeRole::Kind: return QVariant::fromValue(n.kind);
    case LineageNodeRole::Name: return n.name;
    case LineageNodeRole::Label: return n.label.isEmpty() ? n.name : n.label;
    case LineageNodeRole::Dataset: return n.dataset;
    case LineageNodeRole::Depth: return n.depth;
    case LineageNodeRole::Broken: return n.broken;
    case LineageNodeRole::UsageRank: return n.usageRank;
    case LineageNodeRole::UsageScore: return n.usageScore;
    case LineageNodeRole::RecoveryStatus: return n.recoveryStatus;
    case LineageNodeRole::Detail: return n.detail;
    case LineageNodeRole::Hidden: return m_hidden.contains(id);
    case LineageNodeRole::GroupMembers: return m_groupMembers.value(id);
    case LineageNodeRole::InDegree: return int(m_in.value(id).size());
    case LineageNodeRole::OutDegree: return int(m_out.value(id).size());
    case LineageNodeRole::UpstreamCount:
        return int(neighbours(id, LineageDirection::Upstream, -1).size());
    case LineageNodeRole::DownstreamCount:
        return int(neighbours(id, LineageDirection::Downstream, -1).size());
    case LineageNodeRole::MoreDownstream:
        return m_moreDown.value(id);
    case LineageNodeRole::MoreUpstream:
        return m_moreUp.value(id);
    }
    return {};
}

QVariant LineageGraphModel::edgeData(const LineageEdgeId &id, LineageEdgeRole role) const
{
    auto it = m_edges.constFind(id);
    const bool folded = it == m_edges.cend() && m_folded.contains(id);
    if (it == m_edges.cend() && !folded)
        return {};
    switch (role) {
    case LineageEdgeRole::From: return id.from;
    case LineageEdgeRole::To: return id.to;
    case LineageEdgeRole::Sources:
        return folded ? QStringList() : *it;
    case LineageEdgeRole::Hidden: return m_hidden.contains(id.from) || m_hidden.contains(id.to);
    case LineageEdgeRole::Via:
        return folded ? m_folded.value(id) : QStringList();
    }
    return {};
}

QStringList LineageGraphModel::inNodes(const QString &id) const
{
    return m_in.value(id);
}

QStringList LineageGraphModel::outNodes(const QString &id) const
{
    return m_out.value(id);
}

QString LineageGraphModel::groupOf(const QString &rawId) const
{
    return m_groupOf.value(rawId);
}

QString LineageGraphModel::displayedId(const QString &rawId) const
{
    return m_groupOf.value(rawId, rawId);
}

QStringList LineageGraphModel::datasets() const
{
    QSet<QString> s;
    for (const LineageNodeData &n : m_raw) {
        if (!n.dataset.isEmpty())
            s.insert(n.dataset);
    }
    QStringList l(s.cbegin(), s.cend());
    l.sort();
    return l;
}

void LineageGraphModel::collapseDataset(const QString &dataset)
{
    if (dataset.isEmpty() || m_collapsed.contains(dataset))
        return;
    m_collapsed.insert(dataset);
    rebuild(false);
}

void LineageGraphModel::expandDataset(const QString &dataset)
{
    if (!m_collapsed.remove(dataset))
        return;
    rebuild(false);
}

bool LineageGraphModel::isDatasetCollapsed(const QString &dataset) const
{
    return m_collapsed.contains(dataset);
}

void LineageGraphModel::setKindVisible(LineageNodeKind kind, bool visible)
{
    if (visible == !m_hiddenKinds.contains(kind))
        return;
    if (visible)
        m_hiddenKinds.remove(kind);
    else
        m_hiddenKinds.insert(kind);
    if (visible && m_scopeActive) {
        // unfolded nodes between two nodes of the scope join it (twice: chains of two)
        for (int pass = 0; pass < 2; ++pass) {
            for (const QString &id : std::as_const(m_order)) {
                if (m_nodes[id].kind != kind || m_scope.contains(id))
                    continue;
                const auto inScope = [this](const QStringList &l) {
                    return std::any_of(l.cbegin(), l.cend(),
                                       [this](const QString &n) { return m_scope.contains(n); });
                };
                if (inScope(m_in.value(id)) && inScope(m_out.value(id)))
                    m_scope.insert(id);
            }
        }
    }
    recomputeHidden(true);
}

bool LineageGraphModel::isKindVisible(LineageNodeKind kind) const
{
    return !m_hiddenKinds.contains(kind);
}

void LineageGraphModel::setDatasetVisible(const QString &dataset, bool visible)
{
    if (visible == !m_hiddenDatasets.contains(dataset))
        return;
    if (visible)
        m_hiddenDatasets.remove(dataset);
    else
        m_hiddenDatasets.insert(dataset);
    recomputeHidden(true);
}

bool LineageGraphModel::isDatasetVisible(const QString &dataset) const
{
    return !m_hiddenDatasets.contains(dataset);
}

void LineageGraphModel::setMaxDepth(int depth)
{
    depth = std::max(depth, -1);
    if (depth == m_maxDepth && !m_scopeActive)
        return;
    m_maxDepth = depth;
    m_scopeActive = false; // a depth chosen replaces the scope
    m_scope.clear();
    recomputeHidden(true);
}

bool LineageGraphModel::setPathFilter(const QString &from, const QString &to)
{
    if (!m_nodes.contains(from) || !m_nodes.contains(to))
        return false;
    QSet<QString> p = pathBetween(from, to);
    if (p.isEmpty())
        p = pathBetween(to, from);
    if (p.isEmpty())
        return false;
    m_pathFrom = from;
    m_pathTo = to;
    m_pathNodes = std::move(p);
    recomputeHidden(true);
    return true;
}

void LineageGraphModel::clearPathFilter()
{
    if (m_pathNodes.isEmpty())
        return;
    m_pathNodes.clear();
    m_pathFrom.clear();
    m_pathTo.clear();
    recomputeHidden(true);
}

QStringList LineageGraphModel::visibleNodeIds() const
{
    QStringList l;
    l.reserve(m_order.size() - m_hidden.size());
    for (const QString &id : m_order) {
        if (!m_hidden.contains(id))
            l.append(id);
    }
    return l;
}

QList<LineageEdgeId> LineageGraphModel::visibleEdgeIds() const
{
    QList<LineageEdgeId> l;
    for (const LineageEdgeId &e : m_edgeOrder) {
        if (!m_hidden.contains(e.from) && !m_hidden.contains(e.to))
            l.append(e);
    }
    l.append(m_foldedOrder);
    return l;
}

QStringList LineageGraphModel::search(const QString &text, int limit) const
{
    const QString t = text.trimmed();
    if (t.isEmpty() || limit <= 0)
        return {};
    struct Hit
    {
        int score;
        int length;
        int order;
        QString id;
    };
    QList<Hit> hits;
    int i = 0;
    for (const QString &id : m_order) {
        const LineageNodeData &n = m_nodes[id];
        int score = -1;
        if (n.label.startsWith(t, Qt::CaseInsensitive) || n.name.startsWith(t, Qt::CaseInsensitive))
            score = 0;
        else if (n.name.section(QLatin1Char('.'), -1).startsWith(t, Qt::CaseInsensitive))
            score = 1;
        else if (n.name.contains(t, Qt::CaseInsensitive) || n.label.contains(t, Qt::CaseInsensitive))
            score = 2;
        if (score >= 0)
            hits.append({score, int(n.name.size()), i, id});
        ++i;
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return std::tie(a.score, a.length, a.order) < std::tie(b.score, b.length, b.order);
    });
    QStringList out;
    for (const Hit &h : std::as_const(hits)) {
        if (out.size() >= limit)
            break;
        out.append(h.id);
    }
    return out;
}

QSet<QString> LineageGraphModel::neighbours(const QString &id, LineageDirection direction,
                                            int depth) const
{
    QSet<QString> seen;
    if (!m_nodes.contains(id))
        return seen;
    QQueue<QPair<QString, int>> queue;
    queue.enqueue({id, 0});
    QSet<QString> visited{id};
    while (!queue.isEmpty()) {
        // (no structured binding: clang 14, the fuzz build's compiler, cannot capture one)
        const QPair<QString, int> item = queue.dequeue();
        const QString &cur = item.first;
        const int d = item.second;
        if (depth >= 0 && d >= depth)
            continue;
        auto visit = [&](const QStringList &next) {
            for (const QString &n : next) {
                if (visited.contains(n))
                    continue;
                visited.insert(n);
                seen.insert(n);
                queue.enqueue({n, d + 1});
            }
        };
        if (direction != LineageDirection::Downstream)
            visit(m_in.value(cur));
        if (direction != LineageDirection::Upstream)
            visit(m_out.value(cur));
    }
    return seen;
}

QSet<QString> LineageGraphModel::pathsThrough(const QString &id) const
{
    if (!m_nodes.contains(id))
        return {};
    QSet<QString> s = neighbours(id, LineageDirection::Upstream, -1);
    s.unite(neighbours(id, LineageDirection::Downstream, -1));
    s.insert(id);
    return s;
}

QSet<QString> LineageGraphModel::pathBetween(const QString &from, const QString &to) const
{
    if (!m_nodes.contains(from) || !m_nodes.contains(to))
        return {};
    if (from == to)
        return {from};
    QSet<QString> down = neighbours(from, LineageDirection::Downstream, -1);
    if (!down.contains(to))
        return {};
    QSet<QString> up = neighbours(to, LineageDirection::Upstream, -1);
    down.intersect(up);
    down.insert(from);
    down.insert(to);
    return down;
}

QStringList LineageGraphModel::exclusiveClosure(const QString &id, LineageDirection direction) const
{
    if (!m_nodes.contains(id) || direction == LineageDirection::Both)
        return {};
    const bool downstream = direction == LineageDirection::Downstream;
    const auto &forward = downstream ? m_out : m_in;
    const QSet<QString> closure = neighbours(id, direction, -1);
    // Anchors: every node that stays (not in the closure, not `id`); whatever they reach in
    // `direction` without passing through `id` stays too.
    QQueue<QString> queue;
    QSet<QString> reached{id}; // never traverse through id
    for (const QString &n : m_order) {
        if (n != id && !closure.contains(n)) {
            reached.insert(n);
            queue.enqueue(n);
        }
    }
    while (!queue.isEmpty()) {
        const QString cur = queue.dequeue();
        for (const QString &n : forward.value(cur)) {
            if (!reached.contains(n)) {
                reached.insert(n);
                queue.enqueue(n);
            }
        }
    }
    QStringList out;
    for (const QString &n : m_order) {
        if (closure.contains(n) && !reached.contains(n))
            out.append(n);
    }
    return out;
}

void LineageGraphModel::collapseNeighbours(const QString &id, LineageDirection direction)
{
    const QStringList gone = exclusiveClosure(id, direction);
    if (!gone.isEmpty())
        removeNodes(gone);
}

} // namespace warroom
