#include "core/recovery/TaskIssue.h"

#include "core/github/IssueTracker.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace warroom::recovery::TaskIssue {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::recovery::TaskIssue)
};
const QLatin1String kStatusPrefix("status:");
const QLatin1String kPriorityPrefix("priority:");

QString code(const QString &text)
{
    QString t = text;
    t.remove(QLatin1Char('`'));
    return QLatin1Char('`') + t + QLatin1Char('`');
}
} // namespace

QString marker(const QString &taskId)
{
    return QStringLiteral("<!-- warroom:task=%1 -->").arg(taskId);
}

QString taskIdFromBody(const QString &body)
{
    static const QRegularExpression re(QStringLiteral("<!-- warroom:task=(\\S+) -->"));
    const auto m = re.match(body);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString title(const BoardTask &task)
{
    const QString t = task.title.isEmpty() ? Tr::tr("Re-run %1").arg(task.dagId) : task.title;
    return task.obsolete ? Tr::tr("[obsolete] %1").arg(t) : t;
}

QString body(const BoardTask &task, const QString &workspaceName)
{
    QStringList lines;
    if (task.obsolete)
        lines << Tr::tr("**No longer needed:** the current recovery plan does not include this "
                        "re-run.")
              << QString();
    lines << Tr::tr("Re-run the Airflow DAG %1 for the logical dates below, then verify its "
                    "tables.")
                 .arg(code(task.dagId))
          << QString() << QStringLiteral("| | |") << QStringLiteral("|---|---|")
          << Tr::tr("| DAG | %1 |").arg(code(task.dagId))
          << Tr::tr("| Logical dates | %1 (%n run(s)) |", nullptr, int(task.logicalDates.size()))
                 .arg(task.datesSummary.isEmpty() ? QStringLiteral("-") : task.datesSummary);
    if (!task.schedule.isEmpty())
        lines << Tr::tr("| Schedule | %1 (%2) |").arg(code(task.schedule), task.timezone);
    QStringList tables;
    for (const QString &t : task.tables)
        tables.append(code(t));
    lines << Tr::tr("| Tables | %1 |").arg(tables.isEmpty() ? QStringLiteral("-")
                                                             : tables.join(QStringLiteral(", ")));
    QStringList after;
    for (const QString &a : task.after)
        after.append(code(a));
    lines << Tr::tr("| After | %1 |").arg(after.isEmpty() ? Tr::tr("nothing (can start now)")
                                                          : after.join(QStringLiteral(", ")));
    lines << Tr::tr("| Priority | %1 (score %2) |")
                 .arg(task.priorityLevel, QString::number(task.priority, 'g', 4));
    if (!task.priorityExplanation.isEmpty())
        lines << Tr::tr("| Why | %1 |").arg(QString(task.priorityExplanation).replace(QLatin1Char('|'), QLatin1Char('/')));
    if (task.estimateMinutes)
        lines << Tr::tr("| Estimate | about %n minute(s) |", nullptr, *task.estimateMinutes);
    if (task.onCycle)
        lines << Tr::tr("| Note | on a dependency cycle; ordered by priority |");
    lines << QString() << Tr::tr("<details><summary>Logical dates (UTC)</summary>") << QString();
    const QStringList dates = task.logicalDateStrings();
    const int shown = std::min<int>(int(dates.size()), 500);
    for (int i = 0; i < shown; ++i)
        lines << QStringLiteral("- ") + dates.at(i);
    if (shown < dates.size())
        lines << Tr::tr("- … and %n more", nullptr, int(dates.size() - shown));
    lines << QString() << QStringLiteral("</details>") << QString();
    if (!workspaceName.isEmpty())
        lines << Tr::tr("Managed by War Room (workspace %1). Move the card on the board, or "
                        "change the status label / assignee / state here.")
                     .arg(code(workspaceName));
    else
        lines << Tr::tr("Managed by War Room. Move the card on the board, or change the status "
                        "label / assignee / state here.");
    lines << QString() << marker(task.id);
    QJsonObject data{{QStringLiteral("dag"), task.dagId},
                     {QStringLiteral("dates"), QJsonArray::fromStringList(dates)},
                     {QStringLiteral("tables"), QJsonArray::fromStringList(task.tables)},
                     {QStringLiteral("after"), QJsonArray::fromStringList(task.after)},
                     {QStringLiteral("priority"), task.priority},
                     {QStringLiteral("level"), task.priorityLevel},
                     {QStringLiteral("order"), task.order},
                     {QStringLiteral("title"), task.title},
                     {QStringLiteral("summary"), task.datesSummary},
                     {QStringLiteral("schedule"), task.schedule},
                     {QStringLiteral("timezone"), task.timezone}};
    // "--" may not appear inside an HTML comment
    const QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))
                             .replace(QStringLiteral("--"), QStringLiteral("-\\u002d"));
    lines << QStringLiteral("<!-- warroom:data=%1 -->").arg(json);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

std::optional<BoardTask> taskFromBody(const QString &body)
{
    const QString id = taskIdFromBody(body);
    static const QRegularExpression re(QStringLiteral("<!-- warroom:data=(\\{.*\\}) -->"));
    const auto m = re.match(body);
    if (id.isEmpty() || !m.hasMatch())
        return std::nullopt;
    const QJsonObject data = QJsonDocument::fromJson(m.captured(1).toUtf8()).object();
    if (data.isEmpty())
        return std::nullopt;
    BoardTask t;
    t.id = id;
    t.dagId = data.value(QLatin1String("dag")).toString();
    for (const QJsonValue &v : data.value(QLatin1String("dates")).toArray()) {
        if (const auto micros = parseTimestamp(v.toString()))
            t.logicalDates.append(*micros);
    }
    for (const QJsonValue &v : data.value(QLatin1String("tables")).toArray())
        t.tables.append(v.toString());
    for (const QJsonValue &v : data.value(QLatin1String("after")).toArray())
        t.after.append(v.toString());
    t.priority = data.value(QLatin1String("priority")).toDouble();
    t.priorityLevel = data.value(QLatin1String("level")).toString(QStringLiteral("P3"));
    t.order = data.value(QLatin1String("order")).toInt();
    t.title = data.value(QLatin1String("title")).toString();
    t.datesSummary = data.value(QLatin1String("summary")).toString();
    t.schedule = data.value(QLatin1String("schedule")).toString();
    t.timezone = data.value(QLatin1String("timezone")).toString();
    if (t.dagId.isEmpty())
        return std::nullopt;
    return t;
}

QString bodyHash(const QString &body)
{
    // servers and web editors may turn \n into \r\n or trim the end: not a change
    QString normalized = body;
    normalized.remove(QLatin1Char('\r'));
    while (!normalized.isEmpty() && normalized.back().isSpace())
        normalized.chop(1);
    return QString::fromLatin1(
        QCryptographicHash::hash(normalized.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

QString statusLabel(TaskStatus status)
{
    return kStatusPrefix + statusName(status);
}

QString priorityLabel(const QString &level)
{
    return kPriorityPrefix + level;
}

QString obsoleteLabel()
{
    return QStringLiteral("status:obsolete");
}

bool isOurLabel(const QString &label, const QString &recoveryLabel)
{
    return label.startsWith(kStatusPrefix, Qt::CaseInsensitive)
           || label.startsWith(kPriorityPrefix, Qt::CaseInsensitive)
           || label.compare(recoveryLabel, Qt::CaseInsensitive) == 0;
}

QStringList labels(const BoardTask &task, const QStringList &remoteLabels,
                   const QString &recoveryLabel)
{
    QStringList result;
    for (const QString &l : remoteLabels) {
        if (!isOurLabel(l, recoveryLabel))
            result.append(l);
    }
    result.append(recoveryLabel);
    result.append(task.obsolete ? obsoleteLabel() : statusLabel(task.status));
    result.append(priorityLabel(task.priorityLevel));
    return result;
}

QString labelColor(const QString &label)
{
    static const QHash<QString, QString> colors = {
        {QStringLiteral("status:todo"), QStringLiteral("ededed")},
        {QStringLiteral("status:rerunning"), QStringLiteral("1d76db")},
        {QStringLiteral("status:verifying"), QStringLiteral("fbca04")},
        {QStringLiteral("status:done"), QStringLiteral("0e8a16")},
        {QStringLiteral("status:blocked"), QStringLiteral("b60205")},
        {QStringLiteral("status:obsolete"), QStringLiteral("cccccc")},
        {QStringLiteral("priority:P1"), QStringLiteral("b60205")},
        {QStringLiteral("priority:P2"), QStringLiteral("d93f0b")},
        {QStringLiteral("priority:P3"), QStringLiteral("fbca04")},
        {QStringLiteral("priority:P4"), QStringLiteral("c2e0c6")},
    };
    return colors.value(label, QStringLiteral("5319e7"));
}

QString labelDescription(const QString &label)
{
    if (label.startsWith(kStatusPrefix))
        return Tr::tr("War Room recovery board: card status");
    if (label.startsWith(kPriorityPrefix))
        return Tr::tr("War Room recovery board: priority from table usage");
    return Tr::tr("War Room recovery board: re-run tasks");
}

QString state(const BoardTask &task)
{
    return (task.obsolete || task.isDone()) ? QStringLiteral("closed") : QStringLiteral("open");
}

QStringList assignees(const BoardTask &task)
{
    return task.assignee.isEmpty() ? QStringList() : QStringList{task.assignee};
}

std::optional<TaskStatus> statusOf(const Issue &issue)
{
    if (issue.state == QLatin1String("closed"))
        return TaskStatus::Done;
    QSet<TaskStatus> found;
    for (const QString &l : issue.labels) {
        if (l.startsWith(kStatusPrefix, Qt::CaseInsensitive)) {
            if (const auto s = statusFromName(l.mid(kStatusPrefix.size())))
                found.insert(*s);
        }
    }
    for (TaskStatus s : {TaskStatus::Blocked, TaskStatus::Verifying, TaskStatus::Rerunning,
                         TaskStatus::Todo}) {
        if (found.contains(s))
            return s;
    }
    if (found.contains(TaskStatus::Done))
        return TaskStatus::Verifying; // reopened after it was done
    return std::nullopt;
}

bool sameSet(const QStringList &a, const QStringList &b)
{
    QSet<QString> x;
    QSet<QString> y;
    for (const QString &s : a)
        x.insert(s.toLower());
    for (const QString &s : b)
        y.insert(s.toLower());
    return x == y;
}

} // namespace warroom::recovery::TaskIssue
