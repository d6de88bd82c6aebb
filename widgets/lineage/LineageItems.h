#pragma once

#include "core/graph/LineageSubgraph.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>

#include <array>
#include <vector>

class QPalette;

namespace warroom {

// Everything node and edge painting needs, computed once per palette change, so that paint()
// only paints. Colours follow the palette (legible in dark mode); kinds differ by shape and
// by a text badge, never by colour only.
struct LineageStyle
{
    static constexpr int KindCount = 6;
    double nodeWidth = 200;
    double nodeHeight = 48;

    QFont labelFont;
    QFont subFont;
    QFont badgeFont;
    QFont glyphFont;
    bool dark = false;
    QColor background, text, mutedText, highlight, highlightText, broken, brokenText;
    QColor edge, edgeStrong, edgeFaint, edgeReversed;
    QColor dimFill, dimBorder, dimText;
    std::array<QColor, KindCount> fill;   // pale, behind the text
    std::array<QColor, KindCount> accent; // border, badge, far-zoom fill
    std::array<QPainterPath, KindCount> shape;
    std::array<QStaticText, KindCount> badge;

    void update(const QPalette &palette);
    QColor statusColor(const QString &status) const;
    static QString badgeText(LineageNodeKind kind);
};

// One lineage node. Geometry is fixed (the style's box centred on pos()); text is elided and
// laid out once per data change by prepareText(), which the view calls in idle slices after a
// reset (paint() prepares it itself only for an item drawn before its turn came).
// paint() branches on the level of detail:
//   < 0.35  a filled rectangle (red for broken nodes)
//   < 0.55  the kind's shape, badge box, broken marker, "+N" stub
//   >= 0.55 + name; >= 0.75 + dataset, usage rank and recovery status
// A node with neighbours hidden beyond the scope carries a "+N" stub right of its box
// (stubRect()); clicking it shows them.
class LineageNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 0x4c4e };

    LineageNodeItem(const LineageStyle *style, const LineageNodeData &data);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

    void setNodeData(const LineageNodeData &data);
    const LineageNodeData &nodeData() const { return m_data; }
    const QString &id() const { return m_data.id; }
    // Next downstream nodes hidden beyond the scope ("+N" stub; 0: none).
    void setMoreCount(int more);
    int moreCount() const { return m_more; }
    QRectF stubRect() const; // item coordinates; empty without a stub
    bool textPrepared() const { return m_textReady; }
    void prepareText();
    void setPlaced(bool placed) { m_placed = placed; }
    bool isPlaced() const { return m_placed; }
    // Hover/keyboard highlight: a node on a highlighted path, or dimmed when another is.
    void setEmphasis(bool highlighted, bool dimmed);
    void restyle(); // after the style changed: text to prepare again (and new geometry)

private:
    const LineageStyle *m_style;
    LineageNodeData m_data;
    QStaticText m_label;
    QStaticText m_sub;
    QStaticText m_stub;
    int m_more = 0;
    bool m_textReady = false;
    bool m_placed = false;
    bool m_highlighted = false;
    bool m_dimmed = false;
};

// All edges in one item, drawn in batches (drawLines per pen) and culled by the exposed rect.
// Back edges (reversed to break cycles) are dashed. Hidden when either end item is hidden.
class LineageEdgeLayer : public QGraphicsItem
{
public:
    struct Edge
    {
        LineageEdgeId id;
        const LineageNodeItem *from = nullptr;
        const LineageNodeItem *to = nullptr;
        std::vector<QPointF> points;
        QRectF bounds;
        bool reversed = false;
        bool highlighted = false;
    };

    explicit LineageEdgeLayer(const LineageStyle *style);

    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

    void setEdges(std::vector<Edge> edges);
    std::vector<Edge> &edges() { return m_edges; }
    const std::vector<Edge> &edges() const { return m_edges; }
    void setHighlightActive(bool active);
    bool highlightActive() const { return m_highlightActive; }

private:
    const LineageStyle *m_style;
    std::vector<Edge> m_edges;
    QRectF m_bounds;
    bool m_highlightActive = false;
};

} // namespace warroom
