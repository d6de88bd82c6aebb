#include "core/alerts/AlertParsing.h"

#include <QRegularExpression>

#include <optional>

namespace warroom {

namespace {

std::optional<Severity> severityFromLabel(const QString &label)
{
    QString l = label.trimmed().toLower();
    static const QRegularExpression prefixed(QStringLiteral("^(?:severity|sev|priority|level)\\s*[:/=_ -]\\s*(.+)$"));
    if (const auto m = prefixed.match(l); m.hasMatch())
        l = m.captured(1).trimmed();
    static const QRegularExpression pLevel(QStringLiteral("^(?:p|sev)\\s*([0-5])$"));
    if (const auto m = pLevel.match(l); m.hasMatch()) {
        switch (m.captured(1).toInt()) {
        case 0:
        case 1: return Severity::Critical;
        case 2: return Severity::Error;
        case 3: return Severity::Warning;
        default: return Severity::Info;
        }
    }
    if (l.size() == 1 && l.at(0).isDigit()) {
        const int n = l.toInt();
        return n <= 1 ? Severity::Critical : n == 2 ? Severity::Error : n == 3 ? Severity::Warning : Severity::Info;
    }
    const Severity marker = Severity(-1);
    const Severity s = severityFromName(l, marker);
    if (s != marker)
        return s;
    if (l == QLatin1String("blocker") || l == QLatin1String("urgent") || l == QLatin1String("emergency"))
        return Severity::Critical;
    return std::nullopt;
}

QString firstCapture(const QRegularExpression &re, const QString &text)
{
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

Severity severityFromLabels(const QStringList &labels, Severity fallback)
{
    std::optional<Severity> best;
    for (const QString &label : labels) {
        if (const auto s = severityFromLabel(label); s && (!best || int(*s) > int(*best)))
            best = s;
    }
    return best.value_or(fallback);
}

void inferAlertContext(Alert &alert)
{
    static const QRegularExpression labelKv(QStringLiteral("^(dag|dag_id|task|task_id|table)\\s*[:=]\\s*(\\S+)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (const QString &label : std::as_const(alert.labels)) {
        const auto m = labelKv.match(label.trimmed());
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1).toLower();
        const QString value = m.captured(2);
        if (key.startsWith(QLatin1String("dag")) && alert.dagId.isEmpty())
            alert.dagId = value;
        else if (key.startsWith(QLatin1String("task")) && alert.taskId.isEmpty())
            alert.taskId = value;
        else if (key == QLatin1String("table") && alert.table.isEmpty())
            alert.table = value;
    }
    const QString text = alert.title + QLatin1Char('\n') + alert.body;
    static const QRegularExpression dagKv(QStringLiteral("\\bdag[_ ]?id\\s*[:=]\\s*[`'\"]?([A-Za-z0-9_.\\-]+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dagWord(QStringLiteral("\\bDAG\\s+[`'\"]?([A-Za-z0-9_.\\-]+)[`'\"]?\\s+(?:failed|has failed|is failing|timed out|missed)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression taskKv(QStringLiteral("\\btask[_ ]?id\\s*[:=]\\s*[`'\"]?([A-Za-z0-9_.\\-]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tableKv(QStringLiteral("\\btable\\s*[:=]\\s*[`'\"]?([A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+){1,2})"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression assertFrom(QStringLiteral("ASSERT[^\\n]*?\\bFROM\\s+`?([A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+){1,2})`?"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (alert.dagId.isEmpty()) {
        alert.dagId = firstCapture(dagKv, text);
        if (alert.dagId.isEmpty())
            alert.dagId = firstCapture(dagWord, text);
    }
    if (alert.taskId.isEmpty())
        alert.taskId = firstCapture(taskKv, text);
    if (alert.table.isEmpty()) {
        alert.table = firstCapture(tableKv, text);
        if (alert.table.isEmpty())
            alert.table = firstCapture(assertFrom, text);
    }
    if (alert.groupKey.isEmpty()) {
        if (!alert.dagId.isEmpty()) {
            alert.groupKey = QStringLiteral("dag:") + alert.dagId;
        } else if (!alert.table.isEmpty()) {
            alert.groupKey = QStringLiteral("table:") + alert.table;
        } else {
            static const QRegularExpression noise(QStringLiteral("[0-9]+|[\\s#:_\\-]+"));
            QString title = alert.title.toLower();
            title.replace(noise, QStringLiteral(" "));
            alert.groupKey = alert.source + QLatin1Char(':') + title.simplified();
        }
    }
}

} // namespace warroom
