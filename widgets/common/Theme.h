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

// The palettes the user can choose under View → Appearance (and `warroom --appearance`).
enum class Appearance { System, Dark, HighContrast };
QString appearanceName(Appearance appearance);                 // "system" | "dark" | "high-contrast"
bool appearanceFromName(const QString &name, Appearance *out);
QString appearanceTitle(Appearance appearance);                // translated, for menus
// The palette for an appearance; System returns `system` unchanged.
QPalette paletteFor(Appearance appearance, const QPalette &system);
// Fusion draws frames a shade off the window colour, invisible on black: high contrast adds
// white outlines, a yellow focus frame and a filled checked state. Empty for the others.
QString styleSheetFor(Appearance appearance);
// A colour between the palette's text and base, for secondary information.
QColor mutedText(const QPalette &palette);

} // namespace warroom::Theme
