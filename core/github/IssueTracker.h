#pragma once

#include "core/common/Timestamps.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace warroom {

// An issue as every tracker reports it (GitHub today).
struct Issue
{
    int number = 0;
    QString title;
    QString body;
    QString state;          // "open" | "closed"
    QString stateReason;    // GitHub: completed | not_planned | reopened | ""
    QString url;            // html_url, for a browser
    QString author;
    QStringList labels;
    QStringList assignees;  // logins
    EpochMicros createdAt = 0;
    EpochMicros updatedAt = 0;
    EpochMicros closedAt = 0;
};

struct IssueQuery
{
    QStringList labels;     // all of them (GitHub semantics: AND)
    QString state = QStringLiteral("all"); // open | closed | all
    QString since;          // RFC 3339: only issues updated at or after
};

// A create or a partial update; unset fields are left alone.
struct IssueFields
{
    std::optional<QString> title;
    std::optional<QString> body;
    std::optional<QString> state;          // open | closed
    std::optional<QStringList> labels;     // replaces the set
    std::optional<QStringList> assignees;  // replaces the set
};

struct IssueTrackerError
{
    int httpStatus = 0;     // 0: transport error
    QString message;        // one line, no secrets
    bool retryable = false; // 5xx, timeouts, rate limits: try again later (outbox)
    bool validation = false;// 422: the request itself is wrong (bad assignee, missing title)
    // Rate limits as data: `message` is translated text and must not be parsed.
    bool rateLimited = false;
    QDateTime retryAt;      // UTC; when retrying makes sense again (invalid: unknown)
};

// The issue tracker behind the recovery board and the GitHub alert source. Asynchronous:
// each call returns a request id and later emits exactly one of the signals with that id.
class IssueTracker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual quint64 listIssues(const IssueQuery &query) = 0;        // -> issuesListed
    virtual quint64 getIssue(int number) = 0;                       // -> issueReceived | issueNotFound
    // The first issue whose body contains `marker` (e.g. "<!-- warroom:task=ID -->") among
    // those matching `scope`, newest first. Lists instead of searching: search is eventually
    // consistent and would let a retry create a duplicate.
    virtual quint64 findByMarker(const QString &marker, const IssueQuery &scope) = 0;
    virtual quint64 createIssue(const IssueFields &fields) = 0;     // -> issueReceived
    virtual quint64 updateIssue(int number, const IssueFields &fields) = 0; // -> issueReceived
    // Creates the label unless it exists already.                  // -> labelEnsured
    virtual quint64 ensureLabel(const QString &name, const QString &color,
                                const QString &description) = 0;

signals:
    void issuesListed(quint64 requestId, const QList<warroom::Issue> &issues);
    void issueReceived(quint64 requestId, const warroom::Issue &issue);
    void issueNotFound(quint64 requestId);
    void labelEnsured(quint64 requestId, const QString &name);
    void requestFailed(quint64 requestId, const warroom::IssueTrackerError &error);
};

} // namespace warroom

Q_DECLARE_METATYPE(warroom::Issue)
Q_DECLARE_METATYPE(warroom::IssueTrackerError)
