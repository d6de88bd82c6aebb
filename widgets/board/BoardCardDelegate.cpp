#include "widgets/board/BoardCardDelegate.h"

#include "core/recovery/BoardModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace warroom::widgets {

using recovery::BoardModel;

namespace {
constexpr int kLines = 4;
constexpr int kLargeLines = 5;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}
} // namespace

QColor BoardCardDelegate::priorityColor(const QString &level, const QPalette &palette)
{
    QColor c;
    if (level == QLatin1String("P1"))
        c = QColor::fromHsl(0, 170, 0);
    else if (level == QLatin1String("P2"))
        c = QColor::fromHsl(25, 190, 0);
    else if (level == QLatin1String("P3"))
        c = QColor::fromHsl(48, 170, 0);
    else
        c = QColor::fromHsl(210, 20, 0);
    // keep the hue, follow the palette so the text on top stays legible
    c.setHsl(c.hslHue(), c.hslSaturation(), isDark(palette) ? 150 : 110);
    return c;
}

QSize BoardCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    const int width = std::max(fm.horizontalAdvance(QLatin1Char('M')) * 18, 160);
    return {width, fm.height() * (m_large ? kLargeLines : kLines) + fm.height() / 2 * 3 + 8};
}

void BoardCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = option.state & QStyle::State_HasFocus;
    const QFontMetrics fm(option.font);
    const int pad = fm.height() / 3 + 2;
    const QRectF card = QRectF(option.rect).adjusted(3, 3, -3, -3);

    QColor background = pal.color(QPalette::Base);
    if (selected)
        background = mix(background, pal.color(QPalette::Highlight), 0.25);
    QPainterPath path;
    path.addRoundedRect(card, 6, 6);
    painter->fillPath(path, background);
    QPen border(selected || focused ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid));
    border.setWidthF(selected ? 2.0 : 1.0);
    painter->setPen(border);
    painter->drawPath(path);

    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(text, pal.color(QPalette::Base), 0.4);
    QRect inner = card.toRect().adjusted(pad, pad, -pad, -pad);
    const int lineHeight = fm.height();

    // line 1: priority badge, DAG, issue number
    const QString level = index.data(BoardModel::PriorityLevelRole).toString();
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    const QRect badge(inner.left(), inner.top(), bfm.horizontalAdvance(level) + pad * 2, lineHeight);
    const QColor badgeColor = priorityColor(level, pal);
    QPainterPath badgePath;
    badgePath.addRoundedRect(QRectF(badge), 4, 4);
    painter->fillPath(badgePath, badgeColor);
    painter->setFont(bold);
    painter->setPen(badgeColor.lightness() > 140 ? Qt::black : Qt::white);
    painter->drawText(badge, Qt::AlignCenter, level);

    const int issue = index.data(BoardModel::IssueNumberRole).toInt();
    const QString issueText = issue > 0 ? QStringLiteral("#%1").arg(issue)
                                        : QCoreApplication::translate("warroom::widgets::BoardCardDelegate",
                                                                      "not synced");
    painter->setFont(option.font);
    const int issueWidth = fm.horizontalAdvance(issueText);
    painter->setPen(issue > 0 ? text : muted);
    painter->drawText(QRect(inner.right() - issueWidth, inner.top(), issueWidth, lineHeight),
                      Qt::AlignRight | Qt::AlignVCenter, issueText);

    const QString assignee = index.data(BoardModel::AssigneeRole).toString();
    QFont who = option.font;
    who.setItalic(assignee.isEmpty());
    const QFontMetrics wfm(who);
    const QString whoText = assignee.isEmpty()
                                ? QCoreApplication::translate("warroom::widgets::BoardCardDelegate", "unassigned")
                                : QStringLiteral("@") + assignee;

    QFont dagFont = bold;
    dagFont.setStrikeOut(index.data(BoardModel::ObsoleteRole).toBool());
    const QString dag = index.data(BoardModel::DagRole).toString();
    int y = inner.top();
    if (m_large) {
        // line 1: badge, assignee, issue; line 2: the DAG id across the whole card
        const int whoLeft = badge.right() + pad;
        const int whoWidth = std::max(0, inner.right() - issueWidth - pad - whoLeft);
        painter->setFont(who);
        painter->setPen(assignee.isEmpty() ? muted : text);
        painter->drawText(QRect(whoLeft, y, whoWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          wfm.elidedText(whoText, Qt::ElideRight, whoWidth));
        y += lineHeight;
        painter->setFont(dagFont);
        painter->setPen(text);
        painter->drawText(QRect(inner.left(), y, inner.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          bfm.elidedText(dag, Qt::ElideMiddle, inner.width()));
    } else {
        painter->setFont(dagFont);
        painter->setPen(text);
        const QRect dagRect(badge.right() + pad, inner.top(),
                            inner.right() - issueWidth - pad - badge.right() - pad, lineHeight);
        painter->drawText(dagRect, Qt::AlignLeft | Qt::AlignVCenter,
                          bfm.elidedText(dag, Qt::ElideMiddle, dagRect.width()));
    }

    // dates, then tables
    painter->setFont(option.font);
    painter->setPen(muted);
    y += lineHeight + pad / 2;
    const int count = index.data(BoardModel::DateCountRole).toInt();
    const QString dates = QCoreApplication::translate("warroom::widgets::BoardCardDelegate",
                                                      "%1 (%n run(s))", nullptr, count)
                              .arg(index.data(BoardModel::DatesSummaryRole).toString());
    painter->drawText(QRect(inner.left(), y, inner.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(dates, Qt::ElideRight, inner.width()));
    y += lineHeight;
    const QString tables = index.data(BoardModel::TablesRole).toStringList().join(QStringLiteral(", "));
    painter->drawText(QRect(inner.left(), y, inner.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(tables, Qt::ElideRight, inner.width()));
    y += lineHeight + pad / 2;

    // last line: assignee (small type), then markers (text symbols, never colour alone)
    int whoWidth = 0;
    if (!m_large) {
        painter->setFont(who);
        painter->setPen(assignee.isEmpty() ? muted : text);
        whoWidth = std::min(wfm.horizontalAdvance(whoText), inner.width() / 2);
        painter->drawText(QRect(inner.left(), y, whoWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          wfm.elidedText(whoText, Qt::ElideRight, whoWidth));
        whoWidth += pad;
    }

    QStringList markers;
    const QStringList waiting = index.data(BoardModel::WaitingOnDagsRole).toStringList();
    if (!waiting.isEmpty())
        markers << QCoreApplication::translate("warroom::widgets::BoardCardDelegate", "… waiting on %1")
                       .arg(waiting.join(QStringLiteral(", ")));
    if (index.data(BoardModel::OnCycleRole).toBool())
        markers << QCoreApplication::translate("warroom::widgets::BoardCardDelegate", "↻ cycle");
    if (!index.data(BoardModel::SyncErrorRole).toString().isEmpty())
        markers << QCoreApplication::translate("warroom::widgets::BoardCardDelegate", "⚠ GitHub");
    if (!markers.isEmpty()) {
        painter->setFont(option.font);
        painter->setPen(waiting.isEmpty() ? text : mix(text, priorityColor(QStringLiteral("P2"), pal), 0.5));
        const QRect markerRect(inner.left() + whoWidth, y, inner.width() - whoWidth, lineHeight);
        painter->drawText(markerRect, (m_large ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                          fm.elidedText(markers.join(QStringLiteral("  ")), Qt::ElideRight, markerRect.width()));
    }
    painter->restore();
}

} // namespace warroom::widgets
