#include "widgets/common/Theme.h"

#include <QCoreApplication>
#include <QPalette>

namespace warroom::Theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor severityColor(Severity severity, const QPalette &palette)
{
    const bool dark = isDark(palette);
    int hue = 210;
    switch (severity) {
    case Severity::Critical: hue = 0; break;
    case Severity::Error: hue = 25; break;
    case Severity::Warning: hue = 45; break;
    case Severity::Info: hue = 210; break;
    }
    return QColor::fromHsl(hue, dark ? 170 : 200, dark ? 150 : 105);
}

QString severityBadge(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QCoreApplication::translate("warroom::Theme", "CRIT");
    case Severity::Error: return QCoreApplication::translate("warroom::Theme", "ERR");
    case Severity::Warning: return QCoreApplication::translate("warroom::Theme", "WARN");
    case Severity::Info: return QCoreApplication::translate("warroom::Theme", "INFO");
    }
    return {};
}

QColor mutedText(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor((text.red() * 2 + base.red()) / 3, (text.green() * 2 + base.green()) / 3,
                  (text.blue() * 2 + base.blue()) / 3);
}

} // namespace warroom::Theme
