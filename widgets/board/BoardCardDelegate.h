#pragma once

#include <QStyledItemDelegate>

namespace warroom::widgets {

// Paints a board card from BoardModel roles: priority badge (text, not colour alone), DAG,
// date ranges, tables, assignee, #issue (or "not synced"), and a "waiting on" marker.
// Colours come from the palette so selection and dark themes look right; sizes follow the
// font (large type for the big-screen board). In large type the card gets a fifth line: the
// DAG id has a line of its own (the lanes are narrow for the font), and "waiting on" too.
class BoardCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor priorityColor(const QString &level, const QPalette &palette);

    void setLargeType(bool on) { m_large = on; }
    bool isLargeType() const { return m_large; }

private:
    bool m_large = false;
};

} // namespace warroom::widgets
