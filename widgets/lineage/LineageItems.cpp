#include "widgets/lineage/LineageItems.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QVarLengthArray>

#include <cmath>

namespace warroom {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::LineageNodeItem)
};

constexpr double kTextLod = 0.55;
constexpr double kSubTextLod = 0.75;
constexpr double kShapeLod = 0.35;
constexpr double kBadgeWidth = 36;
constexpr double kStubWidth = 44;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor hue(int h, bool dark, double saturation = 0.65)
{
    return QColor::fromHslF(float(h) / 360.f, float(saturation), dark ? 0.68f : 0.38f);
}

int kindIndex(LineageNodeKind kind)
{
    return std::clamp(int(kind), 0, LineageStyle::KindCount - 1);
}

} // namespace

QString LineageStyle::badgeText(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Table: return QStringLiteral("TBL");
    case LineageNodeKind::View: return QStringLiteral("VIEW");
    case LineageNodeKind::SqlFile: return QStringLiteral("SQL");
    case LineageNodeKind::DagTask: return QStringLiteral("TASK");
    case LineageNodeKind::Dag: return QStringLiteral("DAG");
    case LineageNodeKind::Group: return QStringLiteral("GRP");
    }
    return {};
}

void LineageStyle::update(const QPalette &palette)
{
    background = palette.color(QPalette::Base);
    text = palette.color(QPalette::Text);
    dark = background.lightnessF() < 0.5;
    mutedText = mix(text, background, 0.35);
    highlight = palette.color(QPalette::Highlight);
    if (dark && highlight.lightnessF() < 0.45)
        highlight = highlight.lighter(150);
    highlightText = palette.color(QPalette::HighlightedText);
    broken = dark ? QColor(255, 107, 107) : QColor(198, 40, 40);
    brokenText = dark ? QColor(20, 20, 20) : QColor(255, 255, 255);
    edge = mix(text, background, 0.55);
    edgeStrong = highlight;
    edgeFaint = mix(text, background, 0.88);
    edgeReversed = dark ? QColor(255, 170, 90) : QColor(200, 100, 0);
    dimFill = mix(background, text, 0.04);
    dimBorder = mix(text, background, 0.8);
    dimText = mix(text, background, 0.65);

    static const int hues[KindCount] = {210, 170, 38, 275, 300, 0};
    for (int k = 0; k < KindCount; ++k) {
        const QColor h = k == int(LineageNodeKind::Group) ? mix(text, background, 0.4)
                                                           : hue(hues[k], dark);
        accent[k] = h;
        fill[k] = mix(background, h, dark ? 0.22 : 0.12);
    }

    labelFont = QFont();
    labelFont.setPixelSize(13);
    labelFont.setBold(true);
    subFont = QFont();
    subFont.setPixelSize(11);
    badgeFont = QFont();
    badgeFont.setPixelSize(9);
    badgeFont.setBold(true);
    glyphFont = QFont();
    glyphFont.setPixelSize(14);
    glyphFont.setBold(true);

    const double w = nodeWidth, h = nodeHeight, x0 = -w / 2, y0 = -h / 2;
    const QRectF box(x0, y0, w, h);
    for (auto &p : shape)
        p = QPainterPath();
    shape[int(LineageNodeKind::Table)].addRoundedRect(box, 9, 9);
    shape[int(LineageNodeKind::View)].addRect(box);
    {
        QPainterPath &p = shape[int(LineageNodeKind::SqlFile)];
        const double fold = 14;
        p.moveTo(x0, y0);
        p.lineTo(x0 + w - fold, y0);
        p.lineTo(x0 + w, y0 + fold);
        p.lineTo(x0 + w, y0 + h);
        p.lineTo(x0, y0 + h);
        p.closeSubpath();
        p.moveTo(x0 + w - fold, y0);
        p.lineTo(x0 + w - fold, y0 + fold);
        p.lineTo(x0 + w, y0 + fold);
    }
    {
        QPainterPath &p = shape[int(LineageNodeKind::DagTask)];
        const double c = 14;
        p.moveTo(x0 + c, y0);
        p.lineTo(x0 + w - c, y0);
        p.lineTo(x0 + w, 0);
        p.lineTo(x0 + w - c, y0 + h);
        p.lineTo(x0 + c, y0 + h);
        p.lineTo(x0, 0);
        p.closeSubpath();
    }
    shape[int(LineageNodeKind::Dag)].addRoundedRect(box, h / 2, h / 2);
    {
        QPainterPath &p = shape[int(LineageNodeKind::Group)];
        p.addRoundedRect(box.translated(6, -6), 6, 6);
        p.addRoundedRect(box, 6, 6);
    }
    for (int k = 0; k < KindCount; ++k) {
        badge[k].setText(badgeText(LineageNodeKind(k)));
        badge[k].setTextFormat(Qt::PlainText);
        badge[k].prepare(QTransform(), badgeFont);
    }
}

QColor LineageStyle::statusColor(const QString &status) const
{
    int h = -1;
    if (status == QLatin1String("todo"))
        h = 45;
    else if (status == QLatin1String("rerunning"))
        h = 205;
    else if (status == QLatin1String("verifying"))
        h = 265;
    else if (status == QLatin1String("done"))
        h = 130;
    else if (status == QLatin1String("blocked"))
        h = 0;
    return h < 0 ? mutedText : hue(h, dark, 0.7);
}

// --- LineageNodeItem ---------------------------------------------------------------------------

LineageNodeItem::LineageNodeItem(const LineageStyle *style, const LineageNodeData &data)
    : m_style(style)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemIsFocusable, false);
    setNodeData(data);
}

QRectF LineageNodeItem::boundingRect() const
{
    const double w = m_style->nodeWidth, h = m_style->nodeHeight;
    // room for the group stack (+6), the broken marker and thick borders, and the stub
    return QRectF(-w / 2 - 3, -h / 2 - 12, w + 15 + (m_more > 0 ? kStubWidth : 0), h + 15);
}

QRectF LineageNodeItem::stubRect() const
{
    if (m_more <= 0)
        return {};
    return QRectF(m_style->nodeWidth / 2 + 4, -10, kStubWidth - 6, 20);
}

QPainterPath LineageNodeItem::shape() const
{
    QPainterPath p;
    p.addRect(QRectF(-m_style->nodeWidth / 2, -m_style->nodeHeight / 2, m_style->nodeWidth,
                     m_style->nodeHeight));
    if (m_more > 0)
        p.addRect(stubRect());
    return p;
}

void LineageNodeItem::setNodeData(const LineageNodeData &data)
{
    m_data = data;
    restyle();
    update();
}

void LineageNodeItem::setMoreCount(int more)
{
    more = std::max(more, 0);
    if (more == m_more)
        return;
    prepareGeometryChange();
    m_more = more;
    m_textReady = false;
    update();
}

void LineageNodeItem::restyle()
{
    prepareGeometryChange();
    m_textReady = false;
}

void LineageNodeItem::prepareText()
{
    if (m_textReady)
        return;
    m_textReady = true;
    m_stub.setTextFormat(Qt::PlainText);
    m_stub.setText(m_more > 999 ? QStringLiteral("+999") : QStringLiteral("+%1").arg(m_more));
    m_stub.prepare(QTransform(), m_style->badgeFont);
    const double textWidth = m_style->nodeWidth - kBadgeWidth - 20;
    QString label = m_data.label.isEmpty() ? m_data.name : m_data.label;
    if (label == m_data.name
        && (m_data.kind == LineageNodeKind::Table || m_data.kind == LineageNodeKind::View)
        && !m_data.dataset.isEmpty() && m_data.name.count(QLatin1Char('.')) >= 1)
        label = m_data.name.section(QLatin1Char('.'), -1); // the dataset is on the second line
    m_label.setTextFormat(Qt::PlainText);
    m_label.setText(QFontMetricsF(m_style->labelFont).elidedText(label, Qt::ElideMiddle, textWidth));
    m_label.prepare(QTransform(), m_style->labelFont);
    QStringList parts;
    if (!m_data.dataset.isEmpty() && m_data.kind != LineageNodeKind::Group
        && m_data.dataset != label && m_data.dataset != m_data.name)
        parts << m_data.dataset;
    if (m_data.usageRank > 0)
        parts << Tr::tr("#%1", "usage rank on a lineage node").arg(m_data.usageRank);
    if (!m_data.recoveryStatus.isEmpty())
        parts << m_data.recoveryStatus;
    if (m_data.depth != 0 || m_data.broken)
        parts << Tr::tr("d%1", "depth from the broken node, on a lineage node").arg(m_data.depth);
    m_sub.setTextFormat(Qt::PlainText);
    m_sub.setText(QFontMetricsF(m_style->subFont)
                      .elidedText(parts.join(QStringLiteral(" · ")), Qt::ElideRight,
                                  textWidth - (m_data.recoveryStatus.isEmpty() ? 0 : 12)));
    m_sub.prepare(QTransform(), m_style->subFont);
}

void LineageNodeItem::setEmphasis(bool highlighted, bool dimmed)
{
    if (highlighted == m_highlighted && dimmed == m_dimmed)
        return;
    m_highlighted = highlighted;
    m_dimmed = dimmed;
    update();
}

void LineageNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const LineageStyle &s = *m_style;
    const int k = kindIndex(m_data.kind);
    const double w = s.nodeWidth, h = s.nodeHeight;
    const QRectF box(-w / 2, -h / 2, w, h);
    const bool selected = isSelected();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());

    if (lod < kShapeLod) {
        const QColor c = selected        ? s.highlight
                         : m_data.broken ? s.broken
                         : m_dimmed      ? s.dimBorder
                                         : s.accent[k];
        painter->fillRect(box, c);
        return;
    }

    QPen pen(selected        ? s.highlight
             : m_data.broken ? s.broken
             : m_dimmed      ? s.dimBorder
                             : s.accent[k]);
    pen.setWidthF(m_data.broken || selected || m_highlighted ? 3.0 : 1.4);
    if (m_data.kind == LineageNodeKind::View)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(m_dimmed ? s.dimFill : s.fill[k]);
    painter->drawPath(s.shape[k]);

    // kind badge: a box with the kind's abbreviation
    const QRectF badgeBox(-w / 2 + 8, -9, kBadgeWidth - 4, 18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_dimmed ? s.dimBorder : s.accent[k]);
    painter->drawRoundedRect(badgeBox, 3, 3);

    if (m_data.broken) {
        const QRectF mark(w / 2 - 11, -h / 2 - 11, 22, 22);
        painter->setBrush(s.broken);
        painter->drawEllipse(mark);
    }
    const QRectF stub = stubRect();
    if (!stub.isEmpty()) {
        // "+N": an outlined pill in the kind's colour, like a folded tab
        QPen stubPen(m_dimmed ? s.dimBorder : s.accent[k], 1.4);
        painter->setPen(stubPen);
        painter->setBrush(s.background);
        painter->drawRoundedRect(stub, 10, 10);
    }
    if (lod < kTextLod)
        return;
    if (!m_textReady) // not reached by the idle pass yet
        prepareText();
    if (!stub.isEmpty()) {
        painter->setPen(m_dimmed ? s.dimText : s.text);
        painter->setFont(s.badgeFont);
        const QSizeF ss = m_stub.size();
        painter->drawStaticText(
            QPointF(stub.center().x() - ss.width() / 2, stub.center().y() - ss.height() / 2),
            m_stub);
    }

    painter->setPen(s.background);
    painter->setFont(s.badgeFont);
    const QSizeF bs = s.badge[k].size();
    painter->drawStaticText(QPointF(badgeBox.center().x() - bs.width() / 2,
                                    badgeBox.center().y() - bs.height() / 2),
                            s.badge[k]);
    if (m_data.broken) {
        painter->setPen(s.brokenText);
        painter->setFont(s.glyphFont);
        painter->drawText(QRectF(w / 2 - 11, -h / 2 - 11, 22, 22), Qt::AlignCenter,
                          QStringLiteral("!"));
    }
    const double tx = -w / 2 + kBadgeWidth + 12;
    painter->setPen(m_dimmed ? s.dimText : s.text);
    painter->setFont(s.labelFont);
    const bool twoLines = lod >= kSubTextLod && !m_sub.text().isEmpty();
    painter->drawStaticText(QPointF(tx, twoLines ? -h / 2 + 7 : -m_label.size().height() / 2),
                            m_label);
    if (!twoLines)
        return;
    painter->setPen(m_dimmed ? s.dimText : s.mutedText);
    painter->setFont(s.subFont);
    painter->drawStaticText(QPointF(tx, 5), m_sub);
    if (!m_data.recoveryStatus.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.statusColor(m_data.recoveryStatus));
        painter->drawEllipse(QRectF(w / 2 - 16, h / 2 - 14, 8, 8));
    }
}

// --- LineageEdgeLayer --------------------------------------------------------------------------

LineageEdgeLayer::LineageEdgeLayer(const LineageStyle *style)
    : m_style(style)
{
    setFlag(ItemUsesExtendedStyleOption);
    // Edges are the expensive part of a frame (thousands of long lines); Qt caches the
    // visible part in device coordinates and scrolls that cache when panning.
    setCacheMode(DeviceCoordinateCache);
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
}

void LineageEdgeLayer::setEdges(std::vector<Edge> edges)
{
    prepareGeometryChange();
    m_edges = std::move(edges);
    QRectF b;
    for (Edge &e : m_edges) {
        if (e.points.empty())
            continue;
        double x0 = e.points[0].x(), x1 = x0, y0 = e.points[0].y(), y1 = y0;
        for (const QPointF &p : e.points) {
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
        e.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1)).adjusted(-10, -10, 10, 10);
        b = b.united(e.bounds);
    }
    m_bounds = b;
    update();
}

void LineageEdgeLayer::setHighlightActive(bool active)
{
    m_highlightActive = active;
    update();
}

void LineageEdgeLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const LineageStyle &s = *m_style;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF exposed = option->exposedRect;
    const bool arrows = lod >= 0.45;
    // Far out the bends through the layers cannot be told apart: one straight line per edge.
    const bool straight = lod < 0.35;
    const double arrow = 9;
    const QRectF cull = exposed.adjusted(-arrow, -arrow, arrow, arrow);
    QVarLengthArray<QLineF, 2048> normal, strong, faint, back;
    auto add = [&](QVarLengthArray<QLineF, 2048> &out, const Edge &e) {
        if (straight) {
            out.append(QLineF(e.points.front(), e.points.back()));
            return;
        }
        for (size_t i = 1; i < e.points.size(); ++i) {
            const QPointF &a = e.points[i - 1], &b = e.points[i];
            if (std::max(a.x(), b.x()) < cull.left() || std::min(a.x(), b.x()) > cull.right()
                || std::max(a.y(), b.y()) < cull.top() || std::min(a.y(), b.y()) > cull.bottom())
                continue;
            out.append(QLineF(a, b));
        }
        if (arrows && e.points.size() >= 2 && cull.contains(e.points.back())) {
            const QPointF tip = e.points.back();
            const QPointF from = e.points[e.points.size() - 2];
            QPointF d = tip - from;
            const double len = std::hypot(d.x(), d.y());
            if (len > 0.1) {
                d /= len;
                const QPointF n(-d.y(), d.x());
                out.append(QLineF(tip, tip - d * arrow + n * arrow * 0.5));
                out.append(QLineF(tip, tip - d * arrow - n * arrow * 0.5));
            }
        }
    };
    for (const Edge &e : m_edges) {
        if (!e.bounds.intersects(exposed) || !e.from->isVisible() || !e.to->isVisible())
            continue;
        if (m_highlightActive)
            add(e.highlighted ? strong : faint, e);
        else
            add(e.reversed ? back : normal, e);
    }
    // Antialiased lines cost ~3x; thin grey lines read fine without it until close up.
    const bool antialias = painter->testRenderHint(QPainter::Antialiasing);
    if (antialias && lod < 1.0)
        painter->setRenderHint(QPainter::Antialiasing, false);
    QPen pen(s.edge, 1.0);
    pen.setCosmetic(true);
    if (!faint.isEmpty()) {
        pen.setColor(s.edgeFaint);
        painter->setPen(pen);
        painter->drawLines(faint.constData(), int(faint.size()));
    }
    if (!normal.isEmpty()) {
        pen.setColor(s.edge);
        painter->setPen(pen);
        painter->drawLines(normal.constData(), int(normal.size()));
    }
    if (!back.isEmpty()) {
        pen.setColor(s.edgeReversed);
        pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->drawLines(back.constData(), int(back.size()));
        pen.setStyle(Qt::SolidLine);
    }
    if (!strong.isEmpty()) {
        pen.setColor(s.edgeStrong);
        pen.setWidthF(2.0);
        painter->setPen(pen);
        painter->drawLines(strong.constData(), int(strong.size()));
    }
    if (antialias && lod < 1.0)
        painter->setRenderHint(QPainter::Antialiasing, true);
}

} // namespace warroom
