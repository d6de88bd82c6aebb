#pragma once

#include "core/common/Timestamps.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace warroom::usage {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::usage)
};

// Who ran a job: a person, or a service account (`*.gserviceaccount.com`, i.e. a pipeline).
enum class UserKind { Unknown, Person, ServiceAccount };

UserKind classifyUser(const QString &email);
// "example.com" for "ann@example.com"; empty when there is no '@'.
QString userDomain(const QString &email);

// Which users a ranking (or a filter) looks at.
enum class UserGroup { All, People, ServiceAccounts };

struct UserCount
{
    QString user;
    qint64 references = 0;
};

// The usage of one table over a window [since, until).
struct TableUsage
{
    QString table;          // "project.dataset.table"
    qint64 references = 0;  // jobs that read the table (a job counts once)
    int distinctUsers = 0;  // distinct non-empty user_email among those jobs
    int distinctPeople = 0; // ... of which are people
    int distinctServiceAccounts = 0;
    std::optional<EpochMicros> lastRead; // latest creation_time of those jobs
    qint64 bytesProcessed = 0;           // sum of total_bytes_processed of those jobs
    qint64 previousReferences = 0;       // same count over the previous window of equal length
    bool hasTrend = false;               // false when the window is open-ended (no previous window)
    QList<UserCount> topUsers;           // most references first, ties by name; at most topUsers
    QList<UserCount> users;              // every user, same order

    // (references - previous) / previous; nullopt without a previous window or previous == 0.
    std::optional<double> trend() const;
};

// Per person (or service account): the tables they read, so the team knows whom to tell.
struct UserTableCount
{
    QString table;
    qint64 references = 0;
};

struct UserUsage
{
    QString user;
    UserKind kind = UserKind::Unknown;
    QString domain;
    qint64 references = 0;
    QList<UserTableCount> tables; // most references first, ties by name
};

struct RowCounts
{
    qint64 read = 0;      // well-formed rows
    qint64 used = 0;      // rows that contributed at least one reference in the window
    qint64 malformed = 0; // rows that could not be read (reported with their line)
};

struct RankingOptions
{
    std::optional<EpochMicros> since;  // inclusive
    std::optional<EpochMicros> until;  // exclusive
    bool includeFailed = false;        // count jobs with error_result or state != DONE
    bool excludeOwnDestination = true; // a job's reference to its own destination is a write
    int topUsers = 5;
    UserGroup userGroup = UserGroup::All; // only count jobs run by this group
};

struct UsageRanking
{
    QList<TableUsage> tables; // most referenced first, ties by table name
    QList<UserUsage> users;   // most references first, ties by name
    RowCounts rows;
    std::optional<EpochMicros> since;
    std::optional<EpochMicros> until;
};

} // namespace warroom::usage
