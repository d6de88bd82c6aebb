<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>warroom::AcknowledgeDialog</name>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n alert(s) as %1?</source>
        <translation>
            <numerusform>Acknowledge %n alert as %1?</numerusform>
            <numerusform>Acknowledge %n alerts as %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Optional note (what you are doing about it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::AirflowAlertSource</name>
    <message>
        <source>airflow: api_url must be an http(s) URL ending in /api/v1, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1: no &quot;dag_runs&quot; array in the response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG %1 failed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG %1 failed (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no /api/v1 here: Airflow 3 serves its REST API at /api/v2; set airflow.api_url to .../api/v2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (check WARROOM_AIRFLOW_TOKEN or WARROOM_AIRFLOW_USER/PASSWORD)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::AlertFeed</name>
    <message>
        <source>%1 → %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert arrived [%1]: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n alert(s): %1</source>
        <translation>
            <numerusform>Could not save %n alert: %1</numerusform>
            <numerusform>Could not save %n alerts: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown alert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the acknowledgement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown alert group %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::AlertFeedModel</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::AlertFeedView</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (groups: every member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start incident from selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacknowledged only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter alerts (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts yet. Alerts from GitHub, Airflow and webhooks appear here as they arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts match the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) in this group</source>
        <translation>
            <numerusform>%n alert in this group</numerusform>
            <numerusform>%n alerts in this group</numerusform>
        </translation>
    </message>
    <message>
        <source>DAG %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::AlertSources</name>
    <message>
        <source>github: no alert_labels in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook: WARROOM_WEBHOOK_SECRET is not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::AlertState</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::GitHubAlertSource</name>
    <message>
        <source>github: no alert_labels configured for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::GitHubClient</name>
    <message>
        <source>github.repo must be &apos;owner/name&apos;, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>github.api_url must be an http(s) URL, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1: expected a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1: more than %2 pages, stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1: Link rel=&quot;next&quot; points to another host (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::ImpactAnalysis</name>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Usage rank %1: %n reference(s)</source>
        <translation>
            <numerusform>Usage rank %1: %n reference</numerusform>
            <numerusform>Usage rank %1: %n references</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n distinct user(s)</source>
        <translation>
            <numerusform>%n distinct user</numerusform>
            <numerusform>%n distinct users</numerusform>
        </translation>
    </message>
    <message>
        <source>Top users: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::ImpactExporter</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window end (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commander</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery tasks done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and accounts affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated at (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path from cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owning DAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owning task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logical dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the workbook into place at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>
… and %n more in the spreadsheet.
</source>
        <translation>
            <numerusform>
… and %n more in the spreadsheet.
</numerusform>
            <numerusform>
… and %n more in the spreadsheet.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Postmortem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::IncidentController</name>
    <message>
        <source>No incident store is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the incident: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident “%1” is still active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident started: %1 (%2, window from %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity set to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status “%1” (expected active, mitigated or resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status set to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window must start before it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window set: from %1, ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window set: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commander cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commander: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communications lead cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communications: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a cause: use dataset.table, project.dataset.table or dag:DAG_ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::IncidentDialog</name>
    <message>
        <source>Ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset.table, project.dataset.table or dag:DAG_ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window &amp;start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window &amp;end:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Commander:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ommunications:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest from alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root causes (failed DAGs, broken tables):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a cause: use dataset.table, project.dataset.table or dag:DAG_ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::IncidentHeader</name>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%nd</source>
        <translation>
            <numerusform>%nd</numerusform>
            <numerusform>%nd</numerusform>
        </translation>
    </message>
    <message>
        <source>No incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an incident from the alert feed or here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1 · %2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commander: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comms: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No causes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::IncidentStatus</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::LineageDetailsPane</name>
    <message>
        <source>Select a node to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand downstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::LineageGraphModel</name>
    <message numerus="yes">
        <source>%1 (%n nodes)</source>
        <translation>
            <numerusform>%1 (%n node)</numerusform>
            <numerusform>%1 (%n nodes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collapsed dataset %1: %n nodes</source>
        <translation>
            <numerusform>Collapsed dataset %1: %n node</numerusform>
            <numerusform>Collapsed dataset %1: %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::LineageNodeItem</name>
    <message>
        <source>#%1</source>
        <comment>usage rank on a lineage node</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d%1</source>
        <comment>depth from the broken node, on a lineage node</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::LineageView</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find table, SQL file, task… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show nodes up to this many levels from a broken node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAGs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path A→B…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the paths between two nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay the whole graph out again (positions were kept while it grew)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible nodes (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incident: add a broken table or DAG to see its blast radius.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path between these two nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 direct, %2 in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 (score %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand dataset group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse every dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand every dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapsed into one node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand downstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse downstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight paths through it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show path to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the path between two nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick two nodes of the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole graph; the frame is what the view shows. Click or drag to move there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name; Enter selects and centres the best match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Depth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels shown downstream of the broken nodes; the lowest value shows all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1 (%2); hidden ones fold into the edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset filter and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broken nodes and the most affected ones, SQL files and tasks folded into the edges (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every node of the shown kinds: no depth limit, no path or dataset filter (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the graph in the view at a legible size (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges shown · layout %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 nodes, %2 edges shown · layout %3 ms · %n edge(s) close a cycle (dashed)</source>
        <translation>
            <numerusform>%1 nodes, %2 edges shown · layout %3 ms · %n edge closes a cycle (dashed)</numerusform>
            <numerusform>%1 nodes, %2 edges shown · layout %3 ms · %n edges close a cycle (dashed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more node(s) shown</source>
        <translation>
            <numerusform>%n more node shown</numerusform>
            <numerusform>%n more nodes shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Path: %1 of %2 nodes. Esc or “Show all” shows everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview: %1 of %2 nodes, the broken ones and the most affected. “+N” shows more; “Show all” shows everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 nodes shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes shown. Tab to the graph, then arrow keys move between nodes once one is selected (search with Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1, %2, depth %3; %4 upstream, %5 downstream. Arrow keys follow the edges, Enter shows more downstream, Shift+Enter upstream, Esc clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show %n more upstream</source>
        <translation>
            <numerusform>Show %n more upstream</numerusform>
            <numerusform>Show %n more upstream</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n more downstream</source>
        <translation>
            <numerusform>Show %n more downstream</numerusform>
            <numerusform>Show %n more downstream</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n downstream</source>
        <translation>
            <numerusform>Show all %n downstream</numerusform>
            <numerusform>Show all %n downstream</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::MainWindow</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace to see its alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything that happens during the incident appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace with a JOBS log to rank its tables by use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an incident to plan its re-runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace &amp;Problems...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About War Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>War Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope an ETL incident in minutes: what is happening, what is affected, who is hurt, and who re-runs what.

Open a workspace (a folder with a warroom.yaml), or explore the demo: a warehouse of 300 tables whose Composer environment has just gone down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Workspace...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — War Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) — Ctrl+Shift+P</source>
        <translation>
            <numerusform>%n problem — Ctrl+Shift+P</numerusform>
            <numerusform>%n problems — Ctrl+Shift+P</numerusform>
        </translation>
    </message>
    <message>
        <source>Incident: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) were found while reading the workspace.</source>
        <translation>
            <numerusform>%n problem was found while reading the workspace.</numerusform>
            <numerusform>%n problems were found while reading the workspace.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About War Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>War Room %1

Scope ETL incidents in minutes: live alerts, lineage of what broke, who is hurt, and a recovery board shared through GitHub issues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the stored alerts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert sources configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the lineage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Impact...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the incident&apos;s impact as a spreadsheet, with a Markdown summary and a postmortem draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the recovery plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no impact to export yet: start an incident and add what broke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the impact workbook...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact exported to %1; the summary is on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The impact workbook was saved to %1.
A Markdown summary is on the clipboard, ready to paste into Slack or an issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rank in BigQuery: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking in BigQuery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery answered something unexpected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Usage ranked in BigQuery: %n table(s)</source>
        <translation>
            <numerusform>Usage ranked in BigQuery: %n table</numerusform>
            <numerusform>Usage ranked in BigQuery: %n tables</numerusform>
        </translation>
    </message>
    <message>
        <source>Ranking in BigQuery failed (the local JOBS log is used): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %p%</source>
        <comment>loading stage and percentage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert source health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failing (%2); last success %3; next poll %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ok; last success %2; next poll %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::ReminderBanner</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still unacknowledged (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) still unacknowledged, the most severe (%1): %2</source>
        <translation>
            <numerusform>%n alert still unacknowledged (%1): %2</numerusform>
            <numerusform>%n alerts still unacknowledged, the most severe (%1): %2</numerusform>
        </translation>
    </message>
    <message>
        <source>War Room reminder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::ReplaySource</name>
    <message>
        <source>invalid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;title&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot; (info, warning, error, critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot; (open, closed, resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;created_at&quot; is not an RFC 3339 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;offset_seconds&quot; must be a number from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::SecretStore</name>
    <message>
        <source>the environment is read-only; set %1 before starting War Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variables (WARROOM_*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable system keychain (%1). On Linux it needs a running Secret Service such as GNOME Keyring or KWallet over D-Bus; tokens can come from WARROOM_* environment variables instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain did not answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::Severity</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::Theme</name>
    <message>
        <source>CRIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::TimelineKind</name>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::TimelineModel</name>
    <message>
        <source>Time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::TimelineView</name>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note for the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::WebhookReceiver</name>
    <message>
        <source>unknown path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use POST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or wrong secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither an Alertmanager nor a Cloud Monitoring payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook: refusing to listen on %1: only loopback addresses (127.0.0.1, ::1) are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook: no shared secret (set WARROOM_WEBHOOK_SECRET)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook: cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager payload without an &quot;alerts&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager alert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud Monitoring payload without an &quot;incident&quot; object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud Monitoring incident without &quot;incident_id&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::WorkspaceReader</name>
    <message>
        <source>&apos;%1&apos; must be a mapping of keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: secrets never go in warroom.yaml; use the system keychain or the WARROOM_* environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a single value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a value or a list of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; items must be single values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number from %2 to %3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 does not exist (paths are relative to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;timezone&apos;: unknown time zone &apos;%1&apos; (use an IANA name such as Asia/Tokyo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;github.api_url&apos; must be an http(s) URL such as https://api.github.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;github.repo&apos; must be owner/name, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;airflow.api_url&apos; must be an http(s) URL ending in /api/v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an RFC 3339 time such as 2026-06-05T02:00:00+09:00, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no warroom.yaml in this folder; a workspace is a folder with a warroom.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large for a workspace configuration (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;airflow.rerun&apos; must be true or false, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::WorkspaceSession</name>
    <message>
        <source>cannot open the incident store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the JOBS log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n malformed row(s) in all</source>
        <translation>
            <numerusform>%n malformed row in all</numerusform>
            <numerusform>%n malformed rows in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::demo::DemoGenerator</name>
    <message>
        <source>No writable cache folder for the demo workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the demo workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the demo workspace into %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::lineage::LineageLoader</name>
    <message>
        <source>SQL path not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG path not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL file &apos;%1&apos; of task &apos;%2&apos; was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inline SQL of task &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL file &apos;%1&apos; of task &apos;%2&apos;: parameter &apos;%3&apos; has no value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::lineage::LineageLogs</name>
    <message>
        <source>cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected end of file inside the object starting here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::lineage::StairlightConfig</name>
    <message>
        <source>a mapping file must be a YAML mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Mapping&apos; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;Mapping&apos; entry must be a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Mapping&apos; entry of type %1 has no FileSuffix; it maps nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;Tables&apos; entry must be a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Tables&apos; entry without a TableName</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Tables&apos; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a stairlight configuration folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stairlight.y(a)ml is not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stairlight.yaml must be a YAML mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Include&apos; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an &apos;Include&apos; entry must be a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include source &apos;%1&apos; is not supported (only local files, TemplateSourceType File, are read); it is skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File include without FileSystemPath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FileSystemPath &apos;%1&apos; was not found (tried against %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid Regex &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid Exclude Regex &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mapping file (%1*.yaml): SQL files are mapped to tables only by what their statements write</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::net::HttpClient</name>
    <message>
        <source>%1 %2: aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: response larger than %2 bytes, aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP 304 Not Modified without a cached response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: timed out after %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: timed out (no data for %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: TLS error: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected JSON but got Content-Type &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: invalid JSON at offset %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (rate limited; retry after %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2 response unusable after %3 bytes: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed before the advertised %1 bytes arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (HTTP %1 response cut off after %2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::recovery::AirflowRerunner</name>
    <message>
        <source>airflow.api_url must be an http(s) URL ending in /api/v1 or /api/v2, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HTTP client for Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow rejected the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Airflow did not accept the credentials: check WARROOM_AIRFLOW_TOKEN or WARROOM_AIRFLOW_USER/PASSWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the Airflow account may not edit DAG %2: clearing and triggering need edit permission on it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no /api/v1 here? Airflow 3 serves its REST API at /api/v2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Airflow does not know DAG %2: is it deployed and parsed?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (a run with that id or logical date exists already)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Airflow failed; try again later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to re-run: the card names no DAG or no logical dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST %1: the answer has no &quot;task_instances&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1: the answer has no &quot;dag_runs&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not re-running %1: its dry run did not succeed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not re-running %1: its dry run found nothing to re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the clear may or may not have reached Airflow: check DAG %2 there before trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run from the War Room recovery board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG %1 already has run %2 (%3); not triggered again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG %1 already has a run for %2; not triggered again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::recovery::BoardModel</name>
    <message>
        <source>No incident store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the recovery plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the board: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not queue the GitHub update of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 assigned to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the timeline: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::recovery::BoardSync</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from GitHub within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not assign %1 on GitHub: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::recovery::BoardTask</name>
    <message>
        <source>To do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::recovery::CronSchedule</name>
    <message>
        <source>%1 field &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty list item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of range %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown schedule preset &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cron expression &apos;%1&apos; has %2 fields, expected 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos; in schedule &apos;%2&apos; (numbers for days, hours, minutes, seconds or weeks only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule &apos;%1&apos; must be an interval of at least one second</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::recovery::RecoveryInputBuilder</name>
    <message>
        <source>--broken %1: no such table or DAG in the lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAG %1 has no schedule the scanner could read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read the JOBS log for usage priorities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::recovery::RecoveryPlanner</name>
    <message>
        <source>%1: unknown time zone &apos;%2&apos;, using UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: schedule not understood: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not scheduled (%2); trigger it by hand if needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no run fell due in the window (schedule %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: schedule not understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Re-run %1 for %2 (%n run(s))</source>
        <translation>
            <numerusform>Re-run %1 for %2 (%n run)</numerusform>
            <numerusform>Re-run %1 for %2 (%n runs)</numerusform>
        </translation>
    </message>
    <message>
        <source>dependency cycle between %1; they are ordered by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::recovery::TaskIssue</name>
    <message>
        <source>Re-run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[obsolete] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**No longer needed:** the current recovery plan does not include this re-run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run the Airflow DAG %1 for the logical dates below, then verify its tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| DAG | %1 |</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>| Logical dates | %1 (%n run(s)) |</source>
        <translation>
            <numerusform>| Logical dates | %1 (%n run) |</numerusform>
            <numerusform>| Logical dates | %1 (%n runs) |</numerusform>
        </translation>
    </message>
    <message>
        <source>| Schedule | %1 (%2) |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| Tables | %1 |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| After | %1 |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing (can start now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| Priority | %1 (score %2) |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| Why | %1 |</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>| Estimate | about %n minute(s) |</source>
        <translation>
            <numerusform>| Estimate | about %n minute |</numerusform>
            <numerusform>| Estimate | about %n minutes |</numerusform>
        </translation>
    </message>
    <message>
        <source>| Note | on a dependency cycle; ordered by priority |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;details&gt;&lt;summary&gt;Logical dates (UTC)&lt;/summary&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>- … and %n more</source>
        <translation>
            <numerusform>- … and %n more</numerusform>
            <numerusform>- … and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Managed by War Room (workspace %1). Move the card on the board, or change the status label / assignee / state here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by War Room. Move the card on the board, or change the status label / assignee / state here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>War Room recovery board: card status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>War Room recovery board: priority from table usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>War Room recovery board: re-run tasks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::usage</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query result has no column &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach BigQuery at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery did not finish the query and named no job to poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery sent a page token but no job to page through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped row: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped row: not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped malformed JSON row: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text outside the JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped row: unexpected end of file inside a JSON row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected end of file: the JSON array is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped row: unterminated quoted CSV field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped row: %1 fields, the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JOBS log: expected a JSON array, newline-delimited JSON or CSV with a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a BigQuery region: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a project id: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority = %1 × log2(1 + references) + %2 × log2(1 + people) + %3 × log2(1 + downstream tables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
= %2 × log2(1 + %3) + %4 × log2(1 + %5) + %6 × log2(1 + %7)
= %8 + %9 + %10 = %11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response is larger than %1 bytes; aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no complete answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data for %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection closed before the advertised %1 bytes arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to BigQuery at %1 broke: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the response was cut off after %1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery sent a response that is not a JSON object (Content-Type &apos;%1&apos;, %2 bytes): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::usage::TableUsersModel</name>
    <message>
        <source>service account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::usage::UsageRankingModel</name>
    <message>
        <source>%1 references in this window, %2 in the previous one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::widgets::BoardCardDelegate</name>
    <message>
        <source>not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1 (%n run)</numerusform>
            <numerusform>%1 (%n runs)</numerusform>
        </translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… waiting on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::widgets::BoardView</name>
    <message>
        <source>%p% by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery progress, weighted by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cards assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cards nobody has taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cards that are blocked or wait on an upstream re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the selected cards (empty login: unassign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recovery plan yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 tasks done · %3/%4 tables restored · %5% by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced with GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only my cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only unassigned cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only blocked or waiting cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub login to assign the selected cards to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the selected cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run in Airflow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Airflow what re-running the selected card would clear and start, then confirm (only when the workspace allows re-runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run the selected card in Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 tasks done · %3/%4 tables restored · %5% by priority · %6h %7m elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Airflow what re-running %1 would change (dry run)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run of %1 not started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow has nothing to re-run for %1: no failed task instances, and every logical date has a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run of %1 cancelled: nothing changed in Airflow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-running %1 in Airflow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the re-run of %1 in the dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Airflow cleared %n task instance(s) of %1.</source>
        <translation>
            <numerusform>Airflow cleared %n task instance of %1.</numerusform>
            <numerusform>Airflow cleared %n task instances of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Airflow started %n new run(s) of %1.</source>
        <translation>
            <numerusform>Airflow started %n new run of %1.</numerusform>
            <numerusform>Airflow started %n new runs of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of %1 existed already and were left alone: %2.</source>
        <translation>
            <numerusform>%n run of %1 existed already and was left alone: %2.</numerusform>
            <numerusform>%n runs of %1 existed already and were left alone: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-run of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airflow changed nothing for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n change waiting</numerusform>
            <numerusform>%1 · %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · GitHub unreachable, retrying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::widgets::RankingChart</name>
    <message>
        <source>Most referenced tables</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warroom::widgets::RankingView</name>
    <message>
        <source>Filter tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted up to the newest job in the log; the trend compares with the window of equal length before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by service accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ranking as shown as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table usage ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a table to see who reads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users of the selected table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage-ranking.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Users of %1: %Ln distinct</source>
        <translation>
            <numerusform>Users of %1: %Ln distinct</numerusform>
            <numerusform>Users of %1: %Ln distinct</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln table(s) · %L1 rows read, %L2 used, %L3 malformed</source>
        <translation>
            <numerusform>%Ln table · %L1 rows read, %L2 used, %L3 malformed</numerusform>
            <numerusform>%Ln tables · %L1 rows read, %L2 used, %L3 malformed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln table(s)</source>
        <translation>
            <numerusform>%Ln table</numerusform>
            <numerusform>%Ln tables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::widgets::RerunDialog</name>
    <message>
        <source>Re-run %1 in Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Airflow will clear %n failed task instance(s) of DAG %1, so that they run again.</source>
        <translation>
            <numerusform>Airflow will clear %n failed task instance of DAG %1, so that they run again.</numerusform>
            <numerusform>Airflow will clear %n failed task instances of DAG %1, so that they run again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Airflow will start %n new run(s) of DAG %1 for logical dates that never ran.</source>
        <translation>
            <numerusform>Airflow will start %n new run of DAG %1 for logical dates that never ran.</numerusform>
            <numerusform>Airflow will start %n new runs of DAG %1 for logical dates that never ran.</numerusform>
        </translation>
    </message>
    <message>
        <source>This was a dry run: nothing has changed in Airflow yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the re-run changes in Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logical date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole DAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear and re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear and re-run in Airflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the re-run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
