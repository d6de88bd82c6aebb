#pragma once

#include "core/common/Timestamps.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace warroom {

// Everything the impact spreadsheet, the CSV files, the Markdown summary and the
// postmortem draft say, gathered once from the incident, lineage, ranking and board.
// Plain data: the exporters never reach back into the engines.
struct ImpactReport
{
    QString workspace;
    QString timezone = QStringLiteral("UTC");   // IANA id: times are shown in it
    QString incidentName;
    QString severity;
    QString status;                             // active | mitigated | resolved
    QString commander;
    QString communications;
    QStringList causes;                         // "dag:ID", "dataset.table"
    EpochMicros windowStart = 0;
    EpochMicros windowEnd = 0;                  // 0: ongoing
    EpochMicros detectedAt = 0;                 // first alert
    EpochMicros startedAt = 0;                  // incident declared
    EpochMicros scopedAt = 0;                   // first impact export / lineage scoped
    EpochMicros recoveredAt = 0;                // last recovery task done
    EpochMicros generatedAt = 0;

    struct AffectedTable
    {
        QString table;                          // project.dataset.table (or dataset.table)
        QString dataset;
        QString kind;                           // table | view | ...
        int depth = 0;                          // 0: a cause itself
        QStringList path;                       // cause ... table
        int usageRank = 0;                      // 0: unknown
        qint64 references = 0;
        int distinctUsers = 0;
        QStringList topUsers;
        QString owningDag;
        QString owningTask;
        QString recoveryTask;
        QString recoveryStatus;
        QString issueUrl;
        double priority = 0;
        QString priorityExplanation;
    };
    QList<AffectedTable> tables;

    struct RecoveryTask
    {
        QString id;
        QString dagId;
        QStringList logicalDates;               // RFC 3339
        QStringList after;                      // task ids
        QStringList tables;
        double priority = 0;
        QString assignee;
        QString status;
        int issueNumber = 0;
        QString issueUrl;
    };
    QList<RecoveryTask> tasks;

    struct AffectedPerson
    {
        QString user;
        QString group;                          // "person", "service account", a domain
        QStringList tables;
        qint64 references = 0;
    };
    QList<AffectedPerson> people;

    struct TimelineEntry
    {
        EpochMicros at = 0;
        QString kind;
        QString actor;
        QString text;
    };
    QList<TimelineEntry> timeline;
};

// Progress in [0, 100]; return false to cancel.
using ExportProgress = std::function<bool(int percent)>;

class ImpactExporter
{
public:
    // The workbook: Summary, Affected tables, Recovery tasks, Who is affected, Timeline.
    static bool writeXlsx(const ImpactReport &report, const QString &path, QString *error,
                          const ExportProgress &progress = {});
    // One UTF-8 (with BOM) CSV file per sheet in `dir`; returns the files written.
    static QStringList writeCsv(const ImpactReport &report, const QString &dir, QString *error);
    // A summary that pastes well into Slack or a GitHub issue.
    static QString markdownSummary(const ImpactReport &report);
    // The postmortem draft: timeline, impact, recovery, durations, and the headings the
    // team fills in after every incident.
    static QString postmortemDraft(const ImpactReport &report);

    // A cell text that a spreadsheet must not run: starts with = + - @ or a tab/CR.
    static bool looksLikeFormula(const QString &text);
    // CSV-safe form: such cells get a leading apostrophe (OWASP's advice).
    static QString neutralizedForCsv(const QString &text);

    // The sheet layouts, shared by the workbook and the CSV files.
    static QStringList sheetNames();
    static QStringList headers(int sheet);
};

} // namespace warroom
