#include "widgets/common/Theme.h"

#include <QCoreApplication>
#include <QPalette>

namespace warroom::Theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QString appearanceName(Appearance appearance)
{
    switch (appearance) {
    case Appearance::System: return QStringLiteral("system");
    case Appearance::Dark: return QStringLiteral("dark");
    case Appearance::HighContrast: return QStringLiteral("high-contrast");
    }
    return QStringLiteral("system");
}

bool appearanceFromName(const QString &name, Appearance *out)
{
    for (Appearance a : {Appearance::System, Appearance::Dark, Appearance::HighContrast}) {
        if (name.compare(appearanceName(a), Qt::CaseInsensitive) == 0) {
            *out = a;
            return true;
        }
    }
    return false;
}

QString appearanceTitle(Appearance appearance)
{
    switch (appearance) {
    case Appearance::System: return QCoreApplication::translate("warroom::Theme", "&System Colours");
    case Appearance::Dark: return QCoreApplication::translate("warroom::Theme", "&Dark");
    case Appearance::HighContrast: return QCoreApplication::translate("warroom::Theme", "&High Contrast");
    }
    return {};
}

QPalette paletteFor(Appearance appearance, const QPalette &system)
{
    if (appearance == Appearance::System)
        return system;
    QPalette p;
    if (appearance == Appearance::Dark) {
        // Contrast ratios ≥ 7:1 for text on window and base (WCAG AAA for body text).
        const QColor window(37, 37, 38), base(30, 30, 30), text(230, 230, 230);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(51, 51, 55));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(255, 110, 110));
        p.setColor(QPalette::Highlight, QColor(38, 110, 190));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(160, 160, 160));
        p.setColor(QPalette::Link, QColor(110, 170, 255));
        p.setColor(QPalette::Mid, QColor(70, 70, 74));
        p.setColor(QPalette::Dark, QColor(20, 20, 20));
        p.setColor(QPalette::Light, QColor(80, 80, 84));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(130, 130, 130));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(130, 130, 130));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(130, 130, 130));
        return p;
    }
    // High contrast: black ground, white text, yellow selection and links (the usual scheme
    // of the platforms' high-contrast themes), borders in white so every control is outlined.
    p.setColor(QPalette::Window, Qt::black);
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, Qt::black);
    p.setColor(QPalette::AlternateBase, QColor(28, 28, 28));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, Qt::black);
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::BrightText, Qt::yellow);
    p.setColor(QPalette::Highlight, Qt::yellow);
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::ToolTipBase, Qt::black);
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(200, 200, 200));
    p.setColor(QPalette::Link, Qt::yellow);
    p.setColor(QPalette::Mid, Qt::white);
    p.setColor(QPalette::Dark, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Shadow, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(170, 170, 170));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(170, 170, 170));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(170, 170, 170));
    return p;
}

QString styleSheetFor(Appearance appearance)
{
    if (appearance != Appearance::HighContrast)
        return {};
    return QStringLiteral(
        "QPushButton, QToolButton, QLineEdit, QComboBox, QSpinBox, QDateTimeEdit,"
        " QPlainTextEdit, QTextEdit, QAbstractItemView, QGraphicsView, QProgressBar"
        " { border: 1px solid white; }"
        " QPushButton, QToolButton { padding: 2px 6px; }"
        " QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus,"
        " QSpinBox:focus, QDateTimeEdit:focus, QPlainTextEdit:focus, QTextEdit:focus,"
        " QAbstractItemView:focus, QGraphicsView:focus { border: 2px solid yellow; }"
        " QPushButton:checked, QToolButton:checked { background: yellow; color: black; }"
        " QPushButton:disabled, QToolButton:disabled { border: 1px dashed #aaaaaa; }"
        " QProgressBar::chunk { background: yellow; } QProgressBar { color: white; text-align: center; }"
        " QHeaderView::section { border: 1px solid white; padding: 2px; }");
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
