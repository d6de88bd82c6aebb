// GitHub REST decoding: an issue or a page of issues (pull requests skipped, as the tracker
// does), the alert made from each issue, the error body of a failed request, and the response
// headers the HTTP layer decodes (Link paging, Retry-After, Date). Input: either a JSON body, or
// one header line (Link / Retry-After / HTTP date) followed by the JSON body.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/alerts/GitHubAlertSource.h"
#include "core/github/GitHubClient.h"
#include "core/net/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace warroom;

namespace {

void exerciseIssue(const QJsonObject &object)
{
    if (GitHubClient::isPullRequest(object))
        return;
    const Issue issue = GitHubClient::parseIssue(object);
    const Alert alert = GitHubAlertSource::toAlert(issue);
    (void)severityName(alert.severity);
    WARROOM_FUZZ_CHECK("github_issues", alert.source == QLatin1String("github"));
}

} // namespace

WARROOM_FUZZ_TARGET(github_issues)
{
    QByteArray body = fuzz::bytes(data, size);
    QByteArray header = body;
    if (!body.startsWith('{') && !body.startsWith('[')) {
        const qsizetype newline = body.indexOf('\n');
        header = newline < 0 ? body : body.left(newline);
        body = newline < 0 ? QByteArray() : body.mid(newline + 1);
    }
    header.truncate(4096);

    const QHash<QString, QUrl> links = net::parseLinkHeader(header);
    for (auto it = links.begin(); it != links.end(); ++it)
        (void)net::redactedUrl(it.value());
    const QDateTime serverNow = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    if (const auto wait = net::parseRetryAfterMs(header, serverNow))
        WARROOM_FUZZ_CHECK("github_issues", *wait >= 0);
    (void)net::parseHttpDate(header);

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (doc.isArray()) {
        for (const QJsonValue &value : doc.array())
            exerciseIssue(value.toObject());
    } else if (doc.isObject()) {
        exerciseIssue(doc.object());
    }

    net::HttpResponse response;
    response.status = 422;
    response.body = body;
    response.json = doc;
    response.error = QStringLiteral("POST https://api.github.com/repos/o/r/issues: HTTP 422");
    response.headers.insert("link", header);
    response.headers.insert("retry-after", header);
    (void)response.nextLink();
    const IssueTrackerError trackerError = toTrackerError(response);
    (void)trackerError.message.size();
    return 0;
}
