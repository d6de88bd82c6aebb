#include "widgets/alerts/SeverityDelegate.h"

#include "core/alerts/Alert.h"
#include "core/feed/AlertFeedModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>

namespace warroom {

SeverityDelegate::SeverityDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QChar SeverityDelegate::badgeLetter(int severity)
{
    switch (Severity(severity)) {
    case Severity::Info:
        return QLatin1Char('I');
    case Severity::Warning:
        return QLatin1Char('W');
    case Severity::Error:
        return QLatin1Char('E');
    case Severity::Critical:
        return QLatin1Char('C');
    }
    return QLatin1Char('?');
}

QColor SeverityDelegate::badgeColor(int severity, const QPalette &palette)
{
    int hue = 210;
    int saturation = 150;
    switch (Severity(severity)) {
    case Severity::Info:
        hue = 210;
        saturation = 110;
        break;
    case Severity::Warning:
        hue = 42;
        saturation = 220;
        break;
    case Severity::Error:
        hue = 18;
        saturation = 220;
        break;
    case Severity::Critical:
        hue = 350;
        saturation = 235;
        break;
    }
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsv(hue, saturation, dark ? 200 : 215);
}

void SeverityDelegate::paintBadge(QPainter *painter, const QRectF &rect, int severity,
                                  const QPalette &palette)
{
    const QColor fill = badgeColor(severity, palette);
    const QColor outline = palette.color(QPalette::Text);
    const double s = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - s / 2, rect.center().y() - s / 2, s, s);

    QPainterPath path;
    switch (Severity(severity)) {
    case Severity::Info:
        path.addEllipse(r);
        break;
    case Severity::Warning: {
        QPolygonF triangle;
        triangle << QPointF(r.center().x(), r.top()) << r.bottomRight() << r.bottomLeft();
        path.addPolygon(triangle);
        path.closeSubpath();
        break;
    }
    case Severity::Error:
        path.addRoundedRect(r.adjusted(s * 0.05, s * 0.05, -s * 0.05, -s * 0.05), s * 0.12,
                            s * 0.12);
        break;
    case Severity::Critical: {
        QPolygonF octagon;
        const double k = s * 0.29;
        octagon << QPointF(r.left() + k, r.top()) << QPointF(r.right() - k, r.top())
                << QPointF(r.right(), r.top() + k) << QPointF(r.right(), r.bottom() - k)
                << QPointF(r.right() - k, r.bottom()) << QPointF(r.left() + k, r.bottom())
                << QPointF(r.left(), r.bottom() - k) << QPointF(r.left(), r.top() + k);
        path.addPolygon(octagon);
        path.closeSubpath();
        break;
    }
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor border = outline;
    border.setAlpha(120);
    painter->setPen(QPen(border, 1));
    painter->setBrush(fill);
    painter->drawPath(path);
    QFont f = painter->font();
    f.setBold(true);
    f.setPixelSize(std::max(6, int(s * 0.52)));
    painter->setFont(f);
    painter->setPen(fill.lightness() > 150 ? Qt::black : Qt::white);
    QRectF textRect = r;
    if (Severity(severity) == Severity::Warning)
        textRect.adjust(0, s * 0.22, 0, 0);
    painter->drawText(textRect, Qt::AlignCenter, QString(badgeLetter(severity)));
    painter->restore();
}

void SeverityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

    const int em = opt.fontMetrics.height();
    const int margin = em / 4;
    const QRect badge(opt.rect.left() + margin, opt.rect.top() + (opt.rect.height() - em) / 2, em,
                      em);
    paintBadge(painter, badge, index.data(AlertFeedModel::SeverityRole).toInt(), opt.palette);

    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(
        opt.palette.color(opt.state & QStyle::State_Enabled ? QPalette::Active : QPalette::Disabled,
                          selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect = opt.rect.adjusted(margin * 2 + em + margin, 0, -margin, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize SeverityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics &fm = option.fontMetrics;
    const int em = fm.height();
    return {em / 2 + em + em / 4 + fm.horizontalAdvance(QStringLiteral("critical")) + em / 2,
            int(em * 1.4)};
}

} // namespace warroom
