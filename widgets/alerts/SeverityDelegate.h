#pragma once

#include <QStyledItemDelegate>

namespace warroom {

// Paints AlertFeedModel::SeverityRole as a badge whose shape and letter carry the meaning
// (circle "I" info, triangle "W" warning, square "E" error, octagon "C" critical), so it
// reads without colour; the fill is tinted from the palette (light or dark) and the
// selection is drawn by the style. Sized in em units.
class SeverityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SeverityDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Also used by the detail pane and the reminder banner.
    static void paintBadge(QPainter *painter, const QRectF &rect, int severity,
                           const QPalette &palette);
    static QColor badgeColor(int severity, const QPalette &palette);
    static QChar badgeLetter(int severity);
};

} // namespace warroom
