#pragma once

#include "core/alerts/Alert.h"

#include <QColor>

class QPalette;

namespace warroom::Theme {

// Severity colours chosen to stay legible on both light and dark palettes: the hue is
// fixed, the lightness follows the palette's base so text on top keeps its contrast.
QColor severityColor(Severity severity, const QPalette &palette);
// A short text label for the severity, so colour is never the only signal.
QString severityBadge(Severity severity);
bool isDark(const QPalette &palette);
// A colour between the palette's text and base, for secondary information.
QColor mutedText(const QPalette &palette);

} // namespace warroom::Theme
