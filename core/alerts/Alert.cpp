#include "core/alerts/Alert.h"

#include <QCoreApplication>

namespace warroom {

QString severityTitle(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QCoreApplication::translate("warroom::Severity", "Info");
    case Severity::Warning: return QCoreApplication::translate("warroom::Severity", "Warning");
    case Severity::Error: return QCoreApplication::translate("warroom::Severity", "Error");
    case Severity::Critical: return QCoreApplication::translate("warroom::Severity", "Critical");
    }
    return QCoreApplication::translate("warroom::Severity", "Warning");
}

QString alertStateTitle(const QString &state)
{
    if (state == QLatin1String("open"))
        return QCoreApplication::translate("warroom::AlertState", "Open");
    if (state == QLatin1String("closed"))
        return QCoreApplication::translate("warroom::AlertState", "Closed");
    if (state == QLatin1String("resolved"))
        return QCoreApplication::translate("warroom::AlertState", "Resolved");
    return state; // a source's own word: shown as the source wrote it
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("warning");
}

Severity severityFromName(const QString &name, Severity fallback)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("info") || n == QLatin1String("notice") || n == QLatin1String("low"))
        return Severity::Info;
    if (n == QLatin1String("warning") || n == QLatin1String("warn") || n == QLatin1String("medium"))
        return Severity::Warning;
    if (n == QLatin1String("error") || n == QLatin1String("high") || n == QLatin1String("major"))
        return Severity::Error;
    if (n == QLatin1String("critical") || n == QLatin1String("fatal") || n == QLatin1String("page"))
        return Severity::Critical;
    return fallback;
}

} // namespace warroom
