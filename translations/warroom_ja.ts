<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>warroom::AcknowledgeDialog</name>
    <message>
        <source>Acknowledge</source>
        <translation>確認済みにする</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge %n alert(s) as %1?</source>
        <translation>
            <numerusform>%n 件のアラートを %1 として確認済みにしますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>Optional note (what you are doing about it)</source>
        <translation>メモ（任意：対応内容など）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>warroom::AirflowAlertSource</name>
    <message>
        <source>airflow: api_url must be an http(s) URL ending in /api/v1, got &apos;%1&apos;</source>
        <translation>airflow: api_url は /api/v1 で終わる http(s) の URL にしてください（指定値: &apos;%1&apos;）</translation>
    </message>
    <message>
        <source>GET %1: no &quot;dag_runs&quot; array in the response</source>
        <translation>GET %1: レスポンスに &quot;dag_runs&quot; 配列がありません</translation>
    </message>
    <message>
        <source>DAG %1 failed (%2)</source>
        <translation>DAG %1 が失敗しました（%2）</translation>
    </message>
    <message>
        <source>DAG %1 failed (%2): %3</source>
        <translation>DAG %1 が失敗しました（%2）: %3</translation>
    </message>
    <message>
        <source>%1 (no /api/v1 here: Airflow 3 serves its REST API at /api/v2; set airflow.api_url to .../api/v2)</source>
        <translation>%1（/api/v1 がありません。Airflow 3 の REST API は /api/v2 です。airflow.api_url を .../api/v2 に設定してください）</translation>
    </message>
    <message>
        <source>%1 (check WARROOM_AIRFLOW_TOKEN or WARROOM_AIRFLOW_USER/PASSWORD)</source>
        <translation>%1（WARROOM_AIRFLOW_TOKEN または WARROOM_AIRFLOW_USER/PASSWORD を確認してください）</translation>
    </message>
</context>
<context>
    <name>warroom::AlertFeed</name>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>Alert arrived [%1]: %2</source>
        <translation>アラート受信 [%1]: %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not save %n alert(s): %1</source>
        <translation>
            <numerusform>%n 件のアラートを保存できませんでした: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown alert %1</source>
        <translation>不明なアラート %1</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>確認済み: %1</translation>
    </message>
    <message>
        <source>Acknowledged: %1 (%2)</source>
        <translation>確認済み: %1（%2）</translation>
    </message>
    <message>
        <source>Could not save the acknowledgement: %1</source>
        <translation>確認状態を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Unknown alert group %1</source>
        <translation>不明なアラートグループ %1</translation>
    </message>
</context>
<context>
    <name>warroom::AlertFeedModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>%1 が %2 に確認済み</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2: %3</source>
        <translation>%1 が %2 に確認済み: %3</translation>
    </message>
    <message>
        <source>Severity %1</source>
        <translation>重大度 %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>時刻（%1）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認済み</translation>
    </message>
</context>
<context>
    <name>warroom::AlertFeedView</name>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>Alert details</source>
        <translation>アラートの詳細</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>ブラウザーで開く</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>確認済みにする…</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (groups: every member)</source>
        <translation>選択したアラートを確認済みにする（グループはすべてのメンバー）</translation>
    </message>
    <message>
        <source>Start incident from selection</source>
        <translation>選択からインシデントを開始</translation>
    </message>
    <message>
        <source>Find alerts</source>
        <translation>アラートを検索</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>すべてのソース</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Airflow</source>
        <translation>Airflow</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>リプレイ</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>最低重大度</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>すべての重大度</translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation>警告以上</translation>
    </message>
    <message>
        <source>Error and above</source>
        <translation>エラー以上</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>重大のみ</translation>
    </message>
    <message>
        <source>Unacknowledged only</source>
        <translation>未確認のみ</translation>
    </message>
    <message>
        <source>Filter alerts (Ctrl+F)</source>
        <translation>アラートを絞り込み（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>絞り込みテキスト</translation>
    </message>
    <message>
        <source>No alerts yet. Alerts from GitHub, Airflow and webhooks appear here as they arrive.</source>
        <translation>アラートはまだありません。GitHub、Airflow、Webhook からのアラートは届きしだいここに表示されます。</translation>
    </message>
    <message>
        <source>No alerts match the filters.</source>
        <translation>条件に一致するアラートはありません。</translation>
    </message>
    <message>
        <source>No alert selected</source>
        <translation>アラートが選択されていません</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) in this group</source>
        <translation>
            <numerusform>このグループのアラート %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>DAG %1</source>
        <translation>DAG %1</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>テーブル %1</translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2</source>
        <translation>%1 が %2 に確認済み</translation>
    </message>
</context>
<context>
    <name>warroom::AlertSources</name>
    <message>
        <source>github: no alert_labels in %1</source>
        <translation>github: %1 に alert_labels がありません</translation>
    </message>
    <message>
        <source>webhook: WARROOM_WEBHOOK_SECRET is not set</source>
        <translation>webhook: WARROOM_WEBHOOK_SECRET が設定されていません</translation>
    </message>
</context>
<context>
    <name>warroom::AlertState</name>
    <message>
        <source>Open</source>
        <translation>オープン</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>クローズ</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
</context>
<context>
    <name>warroom::GitHubAlertSource</name>
    <message>
        <source>github: no alert_labels configured for %1</source>
        <translation>github: %1 に alert_labels が設定されていません</translation>
    </message>
</context>
<context>
    <name>warroom::GitHubClient</name>
    <message>
        <source>github.repo must be &apos;owner/name&apos;, got &apos;%1&apos;</source>
        <translation>github.repo は &apos;owner/name&apos; の形式にしてください（指定値: &apos;%1&apos;）</translation>
    </message>
    <message>
        <source>github.api_url must be an http(s) URL, got &apos;%1&apos;</source>
        <translation>github.api_url は http(s) の URL にしてください（指定値: &apos;%1&apos;）</translation>
    </message>
    <message>
        <source>GET %1: expected a JSON array</source>
        <translation>GET %1: JSON 配列ではありません</translation>
    </message>
    <message>
        <source>GET %1: more than %2 pages, stopped</source>
        <translation>GET %1: %2 ページを超えたため中止しました</translation>
    </message>
    <message>
        <source>GET %1: Link rel=&quot;next&quot; points to another host (%2)</source>
        <translation>GET %1: Link rel=&quot;next&quot; が別のホストを指しています（%2）</translation>
    </message>
</context>
<context>
    <name>warroom::ImpactAnalysis</name>
    <message>
        <source>%1, line %2</source>
        <translation>%1、%2 行目</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>オペレーター: %1</translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation>スケジュール: %1</translation>
    </message>
    <message numerus="yes">
        <source>Usage rank %1: %n reference(s)</source>
        <translation>
            <numerusform>利用順位 %1: 参照 %n 回</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n distinct user(s)</source>
        <translation>
            <numerusform>ユーザー %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Top users: %1</source>
        <translation>主なユーザー: %1</translation>
    </message>
</context>
<context>
    <name>warroom::ImpactExporter</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>ワークスペース</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Window start (%1)</source>
        <translation>期間の開始（%1）</translation>
    </message>
    <message>
        <source>Window end (%1)</source>
        <translation>期間の終了（%1）</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>継続中</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>コマンダー</translation>
    </message>
    <message>
        <source>Communications</source>
        <translation>連絡担当</translation>
    </message>
    <message>
        <source>Affected tables</source>
        <translation>影響を受けたテーブル</translation>
    </message>
    <message>
        <source>Recovery tasks</source>
        <translation>復旧タスク</translation>
    </message>
    <message>
        <source>Recovery tasks done</source>
        <translation>完了した復旧タスク</translation>
    </message>
    <message>
        <source>People and accounts affected</source>
        <translation>影響を受けたユーザーとアカウント</translation>
    </message>
    <message>
        <source>Time to detect</source>
        <translation>検知までの時間</translation>
    </message>
    <message>
        <source>Time to scope</source>
        <translation>影響範囲の特定までの時間</translation>
    </message>
    <message>
        <source>Time to recover</source>
        <translation>復旧までの時間</translation>
    </message>
    <message>
        <source>Generated at (%1)</source>
        <translation>作成日時（%1）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Who is affected</source>
        <translation>影響を受けるユーザー</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深さ</translation>
    </message>
    <message>
        <source>Path from cause</source>
        <translation>原因からの経路</translation>
    </message>
    <message>
        <source>Usage rank</source>
        <translation>利用順位</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参照数</translation>
    </message>
    <message>
        <source>Distinct users</source>
        <translation>ユーザー数</translation>
    </message>
    <message>
        <source>Top users</source>
        <translation>主なユーザー</translation>
    </message>
    <message>
        <source>Owning DAG</source>
        <translation>所属 DAG</translation>
    </message>
    <message>
        <source>Owning task</source>
        <translation>所属タスク</translation>
    </message>
    <message>
        <source>Recovery task</source>
        <translation>復旧タスク</translation>
    </message>
    <message>
        <source>Recovery status</source>
        <translation>復旧ステータス</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>DAG</source>
        <translation>DAG</translation>
    </message>
    <message>
        <source>Logical dates</source>
        <translation>論理日付</translation>
    </message>
    <message>
        <source>Upstream tasks</source>
        <translation>上流タスク</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Tables read</source>
        <translation>参照テーブル</translation>
    </message>
    <message>
        <source>Table count</source>
        <translation>テーブル数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>実行者</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 を作成できません</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>エクスポートを中止しました</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>cannot move the workbook into place at %1</source>
        <translation>ワークブックを %1 に配置できません</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2（%3）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>復旧</translation>
    </message>
    <message>
        <source>People affected</source>
        <translation>影響を受けた人数</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message numerus="yes">
        <source>
… and %n more in the spreadsheet.
</source>
        <translation>
            <numerusform>
…ほか %n 件はスプレッドシートを参照してください。
</numerusform>
        </translation>
    </message>
    <message>
        <source>Postmortem</source>
        <translation>ポストモーテム</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影響</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>うまくいったこと</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>うまくいかなかったこと</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>アクションアイテム</translation>
    </message>
</context>
<context>
    <name>warroom::IncidentController</name>
    <message>
        <source>No incident store is open</source>
        <translation>インシデントストアが開かれていません</translation>
    </message>
    <message>
        <source>Could not save the incident: %1</source>
        <translation>インシデントを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>There is no incident</source>
        <translation>インシデントがありません</translation>
    </message>
    <message>
        <source>Incident “%1” is still active</source>
        <translation>インシデント「%1」はまだ対応中です</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>インシデント %1</translation>
    </message>
    <message>
        <source>Incident started: %1 (%2, window from %3)</source>
        <translation>インシデント開始: %1（%2、期間の開始 %3）</translation>
    </message>
    <message>
        <source>Cause added: %1</source>
        <translation>原因を追加: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1（ほか %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation>重大: %1</translation>
    </message>
    <message>
        <source>Renamed to %1</source>
        <translation>名前を %1 に変更</translation>
    </message>
    <message>
        <source>Severity set to %1</source>
        <translation>重大度を %1 に設定</translation>
    </message>
    <message>
        <source>Unknown status “%1” (expected active, mitigated or resolved)</source>
        <translation>不明なステータス「%1」（active、mitigated、resolved のいずれかを指定）</translation>
    </message>
    <message>
        <source>Status set to %1</source>
        <translation>ステータスを %1 に設定</translation>
    </message>
    <message>
        <source>The window must start before it ends</source>
        <translation>期間の開始は終了より前にしてください</translation>
    </message>
    <message>
        <source>Window set: from %1, ongoing</source>
        <translation>期間を設定: %1 から継続中</translation>
    </message>
    <message>
        <source>Window set: %1 to %2</source>
        <translation>期間を設定: %1 〜 %2</translation>
    </message>
    <message>
        <source>Commander cleared</source>
        <translation>コマンダーを解除</translation>
    </message>
    <message>
        <source>Commander: %1</source>
        <translation>コマンダー: %1</translation>
    </message>
    <message>
        <source>Communications lead cleared</source>
        <translation>連絡担当を解除</translation>
    </message>
    <message>
        <source>Communications: %1</source>
        <translation>連絡担当: %1</translation>
    </message>
    <message>
        <source>“%1” is not a cause: use dataset.table, project.dataset.table or dag:DAG_ID</source>
        <translation>「%1」は原因として指定できません。dataset.table、project.dataset.table、dag:DAG_ID のいずれかで指定してください</translation>
    </message>
    <message>
        <source>Cause removed: %1</source>
        <translation>原因を削除: %1</translation>
    </message>
    <message>
        <source>The note is empty</source>
        <translation>メモが空です</translation>
    </message>
    <message>
        <source>Could not save the note: %1</source>
        <translation>メモを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>warroom::IncidentDialog</name>
    <message>
        <source>Ongoing</source>
        <translation>継続中</translation>
    </message>
    <message>
        <source>Edit incident</source>
        <translation>インシデントを編集</translation>
    </message>
    <message>
        <source>Start incident</source>
        <translation>インシデントを開始</translation>
    </message>
    <message>
        <source>dataset.table, project.dataset.table or dag:DAG_ID</source>
        <translation>dataset.table、project.dataset.table または dag:DAG_ID</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>重大度(&amp;S):</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>ステータス(&amp;T):</translation>
    </message>
    <message>
        <source>Window &amp;start:</source>
        <translation>期間の開始(&amp;S):</translation>
    </message>
    <message>
        <source>Window &amp;end:</source>
        <translation>期間の終了(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Commander:</source>
        <translation>コマンダー(&amp;C):</translation>
    </message>
    <message>
        <source>C&amp;ommunications:</source>
        <translation>連絡担当(&amp;O):</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Suggest from alerts</source>
        <translation>アラートから提案</translation>
    </message>
    <message>
        <source>Root causes (failed DAGs, broken tables):</source>
        <translation>根本原因（失敗した DAG、壊れたテーブル）:</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>時刻は %1</translation>
    </message>
    <message>
        <source>“%1” is not a cause: use dataset.table, project.dataset.table or dag:DAG_ID</source>
        <translation>「%1」は原因として指定できません。dataset.table、project.dataset.table、dag:DAG_ID のいずれかで指定してください</translation>
    </message>
</context>
<context>
    <name>warroom::IncidentHeader</name>
    <message>
        <source>Incident</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>経過時間</translation>
    </message>
    <message numerus="yes">
        <source>%nd</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message>
        <source>No incident</source>
        <translation>インシデントなし</translation>
    </message>
    <message>
        <source>Start an incident from the alert feed or here.</source>
        <translation>アラートフィードまたはここからインシデントを開始します。</translation>
    </message>
    <message>
        <source>Start incident…</source>
        <translation>インシデントを開始…</translation>
    </message>
    <message>
        <source>[%1 · %2]</source>
        <translation>[%1 · %2]</translation>
    </message>
    <message>
        <source>since %1 %2</source>
        <translation>%1 %2 から</translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <translation>%1 〜 %2 %3</translation>
    </message>
    <message>
        <source>Commander: %1</source>
        <translation>コマンダー: %1</translation>
    </message>
    <message>
        <source>Comms: %1</source>
        <translation>連絡担当: %1</translation>
    </message>
    <message>
        <source>No causes yet</source>
        <translation>原因はまだありません</translation>
    </message>
    <message>
        <source>Causes: %1</source>
        <translation>原因: %1</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
</context>
<context>
    <name>warroom::IncidentStatus</name>
    <message>
        <source>Active</source>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>緩和済み</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
</context>
<context>
    <name>warroom::LineageDetailsPane</name>
    <message>
        <source>Select a node to see its details.</source>
        <translation>ノードを選択すると詳細が表示されます。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深さ</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上流</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>下流</translation>
    </message>
    <message>
        <source>Usage rank</source>
        <translation>利用順位</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>復旧</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Expand upstream</source>
        <translation>上流を展開</translation>
    </message>
    <message>
        <source>Expand downstream</source>
        <translation>下流を展開</translation>
    </message>
    <message>
        <source>Node details</source>
        <translation>ノードの詳細</translation>
    </message>
</context>
<context>
    <name>warroom::LineageGraphModel</name>
    <message numerus="yes">
        <source>%1 (%n nodes)</source>
        <translation>
            <numerusform>%1（%n ノード）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collapsed dataset %1: %n nodes</source>
        <translation>
            <numerusform>折りたたんだデータセット %1: %n ノード</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::LineageNodeItem</name>
    <message>
        <source>#%1</source>
        <comment>usage rank on a lineage node</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <source>d%1</source>
        <comment>depth from the broken node, on a lineage node</comment>
        <translation>深さ%1</translation>
    </message>
</context>
<context>
    <name>warroom::LineageView</name>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>View</source>
        <translation>ビュー</translation>
    </message>
    <message>
        <source>SQL file</source>
        <translation>SQL ファイル</translation>
    </message>
    <message>
        <source>DAG task</source>
        <translation>DAG タスク</translation>
    </message>
    <message>
        <source>DAG</source>
        <translation>DAG</translation>
    </message>
    <message>
        <source>Dataset group</source>
        <translation>データセットグループ</translation>
    </message>
    <message>
        <source>Find table, SQL file, task… (Ctrl+F)</source>
        <translation>テーブル、SQL ファイル、タスクを検索…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Show nodes up to this many levels from a broken node</source>
        <translation>障害ノードからこの段数までのノードを表示</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>ビュー</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>DAGs</source>
        <translation>DAG</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Path A→B…</source>
        <translation>経路 A→B…</translation>
    </message>
    <message>
        <source>Show only the paths between two nodes</source>
        <translation>2 つのノード間の経路だけを表示</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>拡大（+）</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>縮小（-）</translation>
    </message>
    <message>
        <source>Re-layout</source>
        <translation>再レイアウト</translation>
    </message>
    <message>
        <source>Lay the whole graph out again (positions were kept while it grew)</source>
        <translation>グラフ全体をレイアウトし直す（拡張中は配置を保持していました）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>画像（PNG）…</translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation>ベクター画像（SVG）…</translation>
    </message>
    <message>
        <source>Visible nodes (CSV)…</source>
        <translation>表示中のノード（CSV）…</translation>
    </message>
    <message>
        <source>No incident: add a broken table or DAG to see its blast radius.</source>
        <translation>インシデントがありません。壊れたテーブルや DAG を追加すると影響範囲が表示されます。</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>「%1」に一致するものはありません。</translation>
    </message>
    <message>
        <source>No path between these two nodes.</source>
        <translation>この 2 つのノード間に経路はありません。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 direct, %2 in all</source>
        <translation>直接 %1、合計 %2</translation>
    </message>
    <message>
        <source>#%1 (score %2)</source>
        <translation>#%1（スコア %2）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Expand dataset group</source>
        <translation>データセットグループを展開</translation>
    </message>
    <message>
        <source>Collapse dataset %1</source>
        <translation>データセット %1 を折りたたむ</translation>
    </message>
    <message>
        <source>Show all datasets</source>
        <translation>すべてのデータセットを表示</translation>
    </message>
    <message>
        <source>Collapse every dataset</source>
        <translation>すべてのデータセットを折りたたむ</translation>
    </message>
    <message>
        <source>Expand every dataset</source>
        <translation>すべてのデータセットを展開</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>表示中</translation>
    </message>
    <message>
        <source>Collapsed into one node</source>
        <translation>1 つのノードに折りたたみ</translation>
    </message>
    <message>
        <source>Expand dataset %1</source>
        <translation>データセット %1 を展開</translation>
    </message>
    <message>
        <source>Expand upstream</source>
        <translation>上流を展開</translation>
    </message>
    <message>
        <source>Expand downstream</source>
        <translation>下流を展開</translation>
    </message>
    <message>
        <source>Collapse upstream</source>
        <translation>上流を折りたたむ</translation>
    </message>
    <message>
        <source>Collapse downstream</source>
        <translation>下流を折りたたむ</translation>
    </message>
    <message>
        <source>Highlight paths through it</source>
        <translation>このノードを通る経路を強調表示</translation>
    </message>
    <message>
        <source>Show path to…</source>
        <translation>経路を表示…</translation>
    </message>
    <message>
        <source>Show the path between two nodes</source>
        <translation>2 つのノード間の経路を表示</translation>
    </message>
    <message>
        <source>From (A)</source>
        <translation>始点（A）</translation>
    </message>
    <message>
        <source>To (B)</source>
        <translation>終点（B）</translation>
    </message>
    <message>
        <source>Pick two nodes of the graph.</source>
        <translation>グラフのノードを 2 つ選んでください。</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export lineage</source>
        <translation>リネージをエクスポート</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>エクスポートするものがありません。</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>リネージ</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Minimap</source>
        <translation>ミニマップ</translation>
    </message>
    <message>
        <source>The whole graph; the frame is what the view shows. Click or drag to move there.</source>
        <translation>グラフ全体。枠がビューに表示中の範囲です。クリックまたはドラッグでその位置へ移動します。</translation>
    </message>
    <message>
        <source>Find node</source>
        <translation>ノードを検索</translation>
    </message>
    <message>
        <source>Type part of a name; Enter selects and centres the best match</source>
        <translation>名前の一部を入力します。Enter で最も一致するノードを選択して中央に表示します</translation>
    </message>
    <message>
        <source>&amp;Depth:</source>
        <translation>深さ(&amp;D):</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深さ</translation>
    </message>
    <message>
        <source>Levels shown downstream of the broken nodes; the lowest value shows all</source>
        <translation>障害ノードから下流に表示する段数。最小値ですべてを表示します</translation>
    </message>
    <message>
        <source>Show %1 (%2); hidden ones fold into the edges</source>
        <translation>%1 を表示 (%2)。非表示のものはエッジに畳み込まれます</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 を表示</translation>
    </message>
    <message>
        <source>Dataset filter and groups</source>
        <translation>データセットの絞り込みとグループ</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概観</translation>
    </message>
    <message>
        <source>The broken nodes and the most affected ones, SQL files and tasks folded into the edges (O)</source>
        <translation>障害ノードと影響の大きいノード。SQL ファイルとタスクはエッジに畳み込みます (O)</translation>
    </message>
    <message>
        <source>Every node of the shown kinds: no depth limit, no path or dataset filter (A)</source>
        <translation>表示中の種類のすべてのノード。深さ制限・経路・データセットの絞り込みなし (A)</translation>
    </message>
    <message>
        <source>Fit the graph in the view at a legible size (F)</source>
        <translation>読める大きさでグラフをビューに合わせます (F)</translation>
    </message>
    <message>
        <source>Whole graph</source>
        <translation>グラフ全体</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>グラフをエクスポート</translation>
    </message>
    <message>
        <source>Lineage graph</source>
        <translation>リネージグラフ</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges shown · layout %3 ms</source>
        <translation>%1 ノード、%2 エッジを表示 · レイアウト %3 ms</translation>
    </message>
    <message numerus="yes">
        <source>%1 nodes, %2 edges shown · layout %3 ms · %n edge(s) close a cycle (dashed)</source>
        <translation>
            <numerusform>%1 ノード、%2 エッジを表示 · レイアウト %3 ms · %n 本のエッジが循環を作っています (破線)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more node(s) shown</source>
        <translation>
            <numerusform>さらに %n ノードを表示しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Path: %1 of %2 nodes. Esc or “Show all” shows everything.</source>
        <translation>経路: %2 ノード中 %1。Esc または「すべて表示」で全体を表示します。</translation>
    </message>
    <message>
        <source>Overview: %1 of %2 nodes, the broken ones and the most affected. “+N” shows more; “Show all” shows everything.</source>
        <translation>概観: %2 ノード中 %1 (障害ノードと影響の大きいもの)。「+N」でさらに表示、「すべて表示」で全体を表示します。</translation>
    </message>
    <message>
        <source>%1 of %2 nodes shown.</source>
        <translation>%2 ノード中 %1 を表示しています。</translation>
    </message>
    <message>
        <source>%1 nodes shown. Tab to the graph, then arrow keys move between nodes once one is selected (search with Ctrl+F).</source>
        <translation>%1 ノードを表示中。Tab でグラフへ移り、ノードを選択したあとは矢印キーでノード間を移動します (検索は Ctrl+F)。</translation>
    </message>
    <message>
        <source>Selected: %1, %2, depth %3; %4 upstream, %5 downstream. Arrow keys follow the edges, Enter shows more downstream, Shift+Enter upstream, Esc clears.</source>
        <translation>選択中: %1、%2、深さ %3。上流 %4、下流 %5。矢印キーでエッジをたどり、Enter で下流を、Shift+Enter で上流をさらに表示、Esc で選択解除します。</translation>
    </message>
    <message>
        <source>%1 — broken</source>
        <translation>%1 — 障害</translation>
    </message>
    <message numerus="yes">
        <source>Show %n more upstream</source>
        <translation>
            <numerusform>上流をさらに %n 件表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n more downstream</source>
        <translation>
            <numerusform>下流をさらに %n 件表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n downstream</source>
        <translation>
            <numerusform>下流 %n 件をすべて表示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::MainWindow</name>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>Open a workspace to see its alerts.</source>
        <translation>ワークスペースを開くとアラートが表示されます。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Everything that happens during the incident appears here.</source>
        <translation>インシデント中の出来事はすべてここに表示されます。</translation>
    </message>
    <message>
        <source>Usage ranking</source>
        <translation>利用ランキング</translation>
    </message>
    <message>
        <source>Open a workspace with a JOBS log to rank its tables by use.</source>
        <translation>JOBS ログのあるワークスペースを開くと、テーブルを利用頻度順に表示します。</translation>
    </message>
    <message>
        <source>Recovery board</source>
        <translation>復旧ボード</translation>
    </message>
    <message>
        <source>Start an incident to plan its re-runs.</source>
        <translation>インシデントを開始すると再実行を計画できます。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Workspace...</source>
        <translation>ワークスペースを開く(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Demo</source>
        <translation>デモを開く(&amp;D)</translation>
    </message>
    <message>
        <source>Workspace &amp;Problems...</source>
        <translation>ワークスペースの問題(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全画面表示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About War Room</source>
        <translation>War Room について(&amp;A)</translation>
    </message>
    <message>
        <source>War Room</source>
        <translation>War Room</translation>
    </message>
    <message>
        <source>Scope an ETL incident in minutes: what is happening, what is affected, who is hurt, and who re-runs what.

Open a workspace (a folder with a warroom.yaml), or explore the demo: a warehouse of 300 tables whose Composer environment has just gone down.</source>
        <translation>ETL インシデントの影響範囲を数分で把握します。何が起きているか、何が影響を受けているか、誰が困っているか、誰が何を再実行するか。

ワークスペース（warroom.yaml のあるフォルダー）を開くか、デモを試してください。デモは Composer 環境が停止した直後の、300 テーブルのデータウェアハウスです。</translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation>デモを開く</translation>
    </message>
    <message>
        <source>Open a Workspace...</source>
        <translation>ワークスペースを開く...</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>ワークスペースを開けません</translation>
    </message>
    <message>
        <source>The workspace %1 could not be opened.</source>
        <translation>ワークスペース %1 を開けませんでした。</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>デモを開けません</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>ワークスペースなし</translation>
    </message>
    <message>
        <source>%1 — War Room</source>
        <translation>%1 — War Room</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>ワークスペース: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) — Ctrl+Shift+P</source>
        <translation>
            <numerusform>問題 %n 件 — Ctrl+Shift+P</numerusform>
        </translation>
    </message>
    <message>
        <source>Incident: %1</source>
        <translation>インシデント: %1</translation>
    </message>
    <message>
        <source>No incident</source>
        <translation>インシデントなし</translation>
    </message>
    <message>
        <source>Workspace problems</source>
        <translation>ワークスペースの問題</translation>
    </message>
    <message>
        <source>No problems were found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) were found while reading the workspace.</source>
        <translation>
            <numerusform>ワークスペースの読み込み中に %n 件の問題が見つかりました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <source>About War Room</source>
        <translation>War Room について</translation>
    </message>
    <message>
        <source>War Room %1

Scope ETL incidents in minutes: live alerts, lineage of what broke, who is hurt, and a recovery board shared through GitHub issues.</source>
        <translation>War Room %1

ETL インシデントの影響範囲を数分で把握します。リアルタイムのアラート、壊れたもののリネージ、影響を受ける人、そして GitHub Issue で共有する復旧ボード。</translation>
    </message>
    <message>
        <source>me</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>Could not read the stored alerts: %1</source>
        <translation>保存済みのアラートを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <source>%1: failing</source>
        <translation>%1: 失敗中</translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation>%1: 正常</translation>
    </message>
    <message>
        <source>No alert sources configured</source>
        <translation>アラートソースが設定されていません</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>ソース: %1</translation>
    </message>
    <message>
        <source>Not in the lineage: %1</source>
        <translation>リネージにありません: %1</translation>
    </message>
    <message>
        <source>&amp;Export Impact...</source>
        <translation>影響範囲をエクスポート(&amp;E)...</translation>
    </message>
    <message>
        <source>Save the incident&apos;s impact as a spreadsheet, with a Markdown summary and a postmortem draft</source>
        <translation>インシデントの影響範囲をスプレッドシートに保存します（Markdown の概要とポストモーテムの下書き付き）</translation>
    </message>
    <message>
        <source>Could not save the recovery plan: %1</source>
        <translation>復旧計画を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Export Impact</source>
        <translation>影響範囲をエクスポート</translation>
    </message>
    <message>
        <source>There is no impact to export yet: start an incident and add what broke.</source>
        <translation>エクスポートする影響範囲はまだありません。インシデントを開始し、壊れたものを追加してください。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the impact workbook...</source>
        <translation>影響範囲のブックを書き込み中...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Impact exported to %1</source>
        <translation>影響範囲を %1 にエクスポートしました</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>エクスポートに失敗しました: %1</translation>
    </message>
    <message>
        <source>Impact exported to %1; the summary is on the clipboard</source>
        <translation>影響範囲を %1 にエクスポートしました。概要はクリップボードにあります</translation>
    </message>
    <message>
        <source>Impact exported</source>
        <translation>影響範囲をエクスポートしました</translation>
    </message>
    <message>
        <source>The impact workbook was saved to %1.
A Markdown summary is on the clipboard, ready to paste into Slack or an issue.</source>
        <translation>影響範囲のブックを %1 に保存しました。
Markdown の概要をクリップボードにコピーしました。Slack や Issue にそのまま貼り付けられます。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation>フォルダーを表示</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot rank in BigQuery: %1</source>
        <translation>BigQuery でランキングを作成できません: %1</translation>
    </message>
    <message>
        <source>Ranking in BigQuery</source>
        <translation>BigQuery でランキングを作成中</translation>
    </message>
    <message>
        <source>BigQuery answered something unexpected: %1</source>
        <translation>BigQuery から予期しない応答がありました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Usage ranked in BigQuery: %n table(s)</source>
        <translation>
            <numerusform>BigQuery で利用ランキングを作成しました: %n テーブル</numerusform>
        </translation>
    </message>
    <message>
        <source>Ranking in BigQuery failed (the local JOBS log is used): %1</source>
        <translation>BigQuery でのランキング作成に失敗しました（ローカルの JOBS ログを使用します）: %1</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外観(&amp;A)</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>読み込みの進捗</translation>
    </message>
    <message>
        <source>%1 %p%</source>
        <comment>loading stage and percentage</comment>
        <translation>%1 %p%</translation>
    </message>
    <message>
        <source>Alert source health</source>
        <translation>アラートソースの状態</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>予定なし</translation>
    </message>
    <message>
        <source>%1: failing (%2); last success %3; next poll %4</source>
        <translation>%1: 失敗中 (%2)。最終成功 %3、次回ポーリング %4</translation>
    </message>
    <message>
        <source>%1: ok; last success %2; next poll %3</source>
        <translation>%1: 正常。最終成功 %2、次回ポーリング %3</translation>
    </message>
</context>
<context>
    <name>warroom::ReminderBanner</name>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>Still unacknowledged (%1): %2</source>
        <translation>未確認のまま（%1）: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) still unacknowledged, the most severe (%1): %2</source>
        <translation>
            <numerusform>未確認のアラートが %n 件あります。最も重大なもの（%1）: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>War Room reminder</source>
        <translation>War Room リマインダー</translation>
    </message>
</context>
<context>
    <name>warroom::ReplaySource</name>
    <message>
        <source>invalid JSON: %1</source>
        <translation>不正な JSON: %1</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>&quot;id&quot; is missing</source>
        <translation>&quot;id&quot; がありません</translation>
    </message>
    <message>
        <source>&quot;title&quot; is missing</source>
        <translation>&quot;title&quot; がありません</translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot; (info, warning, error, critical)</source>
        <translation>不明な重大度 &quot;%1&quot;（info、warning、error、critical のいずれか）</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot; (open, closed, resolved)</source>
        <translation>不明な状態 &quot;%1&quot;（open、closed、resolved のいずれか）</translation>
    </message>
    <message>
        <source>&quot;created_at&quot; is not an RFC 3339 time</source>
        <translation>&quot;created_at&quot; が RFC 3339 形式の時刻ではありません</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
    <message>
        <source>&quot;offset_seconds&quot; must be a number from 0 to %1</source>
        <translation>&quot;offset_seconds&quot; は 0 〜 %1 の数値にしてください</translation>
    </message>
</context>
<context>
    <name>warroom::SecretStore</name>
    <message>
        <source>the environment is read-only; set %1 before starting War Room</source>
        <translation>環境変数は読み取り専用です。War Room を起動する前に %1 を設定してください</translation>
    </message>
    <message>
        <source>environment variables (WARROOM_*)</source>
        <translation>環境変数（WARROOM_*）</translation>
    </message>
    <message>
        <source>no usable system keychain (%1). On Linux it needs a running Secret Service such as GNOME Keyring or KWallet over D-Bus; tokens can come from WARROOM_* environment variables instead</source>
        <translation>使用できるシステムキーチェーンがありません（%1）。Linux では D-Bus 経由で GNOME Keyring や KWallet などの Secret Service が動作している必要があります。代わりに WARROOM_* 環境変数でトークンを渡すこともできます</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>システムキーチェーン</translation>
    </message>
    <message>
        <source>the system keychain did not answer within %1 s</source>
        <translation>システムのキーチェーンが %1 秒以内に応答しませんでした</translation>
    </message>
</context>
<context>
    <name>warroom::Severity</name>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
</context>
<context>
    <name>warroom::Theme</name>
    <message>
        <source>CRIT</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>ERR</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>&amp;System Colours</source>
        <translation>システムの配色(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>ハイコントラスト(&amp;H)</translation>
    </message>
</context>
<context>
    <name>warroom::TimelineKind</name>
    <message>
        <source>Alert</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>Alert state</source>
        <translation>アラート状態</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Recovery task</source>
        <translation>復旧タスク</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
</context>
<context>
    <name>warroom::TimelineModel</name>
    <message>
        <source>Time (%1)</source>
        <translation>時刻（%1）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>誰が</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>warroom::TimelineView</name>
    <message>
        <source>Add note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Write a note for the timeline</source>
        <translation>タイムラインに残すメモを入力</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>warroom::WebhookReceiver</name>
    <message>
        <source>unknown path</source>
        <translation>不明なパス</translation>
    </message>
    <message>
        <source>use POST</source>
        <translation>POST を使用してください</translation>
    </message>
    <message>
        <source>body larger than %1 bytes</source>
        <translation>本文が %1 バイトを超えています</translation>
    </message>
    <message>
        <source>missing or wrong secret</source>
        <translation>シークレットがないか、正しくありません</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>オフセット %1 で不正な JSON: %2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>neither an Alertmanager nor a Cloud Monitoring payload</source>
        <translation>Alertmanager と Cloud Monitoring のどちらのペイロードでもありません</translation>
    </message>
    <message>
        <source>webhook: refusing to listen on %1: only loopback addresses (127.0.0.1, ::1) are allowed</source>
        <translation>webhook: %1 での待ち受けを拒否しました。ループバックアドレス（127.0.0.1、::1）のみ使用できます</translation>
    </message>
    <message>
        <source>webhook: no shared secret (set WARROOM_WEBHOOK_SECRET)</source>
        <translation>webhook: 共有シークレットがありません（WARROOM_WEBHOOK_SECRET を設定してください）</translation>
    </message>
    <message>
        <source>webhook: cannot listen on %1:%2: %3</source>
        <translation>webhook: %1:%2 で待ち受けできません: %3</translation>
    </message>
    <message>
        <source>Alertmanager payload without an &quot;alerts&quot; array</source>
        <translation>Alertmanager のペイロードに &quot;alerts&quot; 配列がありません</translation>
    </message>
    <message>
        <source>Alertmanager alert %1</source>
        <translation>Alertmanager アラート %1</translation>
    </message>
    <message>
        <source>Cloud Monitoring payload without an &quot;incident&quot; object</source>
        <translation>Cloud Monitoring のペイロードに &quot;incident&quot; オブジェクトがありません</translation>
    </message>
    <message>
        <source>Cloud Monitoring incident without &quot;incident_id&quot;</source>
        <translation>Cloud Monitoring のインシデントに &quot;incident_id&quot; がありません</translation>
    </message>
</context>
<context>
    <name>warroom::WorkspaceReader</name>
    <message>
        <source>&apos;%1&apos; must be a mapping of keys</source>
        <translation>&apos;%1&apos; はキーのマッピングにしてください</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: secrets never go in warroom.yaml; use the system keychain or the WARROOM_* environment variables</source>
        <translation>&apos;%1&apos;: シークレットは warroom.yaml に書かないでください。システムキーチェーンか WARROOM_* 環境変数を使用してください</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (ignored)</source>
        <translation>不明なキー &apos;%1&apos;（無視します）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a single value</source>
        <translation>&apos;%1&apos; は単一の値にしてください</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a value or a list of values</source>
        <translation>&apos;%1&apos; は値または値のリストにしてください</translation>
    </message>
    <message>
        <source>&apos;%1&apos; items must be single values</source>
        <translation>&apos;%1&apos; の各項目は単一の値にしてください</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number from %2 to %3, not &apos;%4&apos;</source>
        <translation>&apos;%1&apos; は %2 〜 %3 の数値にしてください（指定値: &apos;%4&apos;）</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 does not exist (paths are relative to %3)</source>
        <translation>&apos;%1&apos;: %2 が存在しません（パスは %3 からの相対パスです）</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>YAML として不正です: %1</translation>
    </message>
    <message>
        <source>&apos;timezone&apos;: unknown time zone &apos;%1&apos; (use an IANA name such as Asia/Tokyo)</source>
        <translation>&apos;timezone&apos;: 不明なタイムゾーン &apos;%1&apos;（Asia/Tokyo のような IANA 名を使用してください）</translation>
    </message>
    <message>
        <source>&apos;github.api_url&apos; must be an http(s) URL such as https://api.github.com</source>
        <translation>&apos;github.api_url&apos; は https://api.github.com のような http(s) の URL にしてください</translation>
    </message>
    <message>
        <source>&apos;github.repo&apos; must be owner/name, not &apos;%1&apos;</source>
        <translation>&apos;github.repo&apos; は owner/name の形式にしてください（指定値: &apos;%1&apos;）</translation>
    </message>
    <message>
        <source>&apos;airflow.api_url&apos; must be an http(s) URL ending in /api/v1</source>
        <translation>&apos;airflow.api_url&apos; は /api/v1 で終わる http(s) の URL にしてください</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an RFC 3339 time such as 2026-06-05T02:00:00+09:00, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; は 2026-06-05T02:00:00+09:00 のような RFC 3339 形式の時刻にしてください（指定値: &apos;%2&apos;）</translation>
    </message>
    <message>
        <source>no warroom.yaml in this folder; a workspace is a folder with a warroom.yaml</source>
        <translation>このフォルダーに warroom.yaml がありません。ワークスペースは warroom.yaml のあるフォルダーです</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>too large for a workspace configuration (%1 bytes)</source>
        <translation>ワークスペース設定としては大きすぎます（%1 バイト）</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
    <message>
        <source>&apos;airflow.rerun&apos; must be true or false, not &apos;%1&apos;</source>
        <translation>&apos;airflow.rerun&apos; は true か false で指定してください (&apos;%1&apos; は使えません)</translation>
    </message>
</context>
<context>
    <name>warroom::WorkspaceSession</name>
    <message>
        <source>cannot open the incident store: %1</source>
        <translation>インシデントストアを開けません: %1</translation>
    </message>
    <message>
        <source>Reading lineage</source>
        <translation>リネージを読み込み中</translation>
    </message>
    <message>
        <source>Reading the JOBS log</source>
        <translation>JOBS ログを読み込み中</translation>
    </message>
    <message numerus="yes">
        <source>%n malformed row(s) in all</source>
        <translation>
            <numerusform>不正な行が合計 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::demo::DemoGenerator</name>
    <message>
        <source>No writable cache folder for the demo workspace.</source>
        <translation>デモワークスペース用の書き込み可能なキャッシュフォルダーがありません。</translation>
    </message>
    <message>
        <source>Cannot write the demo workspace: %1</source>
        <translation>デモワークスペースを書き込めません: %1</translation>
    </message>
    <message>
        <source>Cannot move the demo workspace into %1</source>
        <translation>デモワークスペースを %1 に移動できません</translation>
    </message>
</context>
<context>
    <name>warroom::lineage::LineageLoader</name>
    <message>
        <source>SQL path not found</source>
        <translation>SQL のパスが見つかりません</translation>
    </message>
    <message>
        <source>DAG path not found</source>
        <translation>DAG のパスが見つかりません</translation>
    </message>
    <message>
        <source>cannot read the file</source>
        <translation>ファイルを読み込めません</translation>
    </message>
    <message>
        <source>SQL file &apos;%1&apos; of task &apos;%2&apos; was not found</source>
        <translation>タスク &apos;%2&apos; の SQL ファイル &apos;%1&apos; が見つかりません</translation>
    </message>
    <message>
        <source>inline SQL of task &apos;%1&apos;: %2</source>
        <translation>タスク &apos;%1&apos; のインライン SQL: %2</translation>
    </message>
    <message>
        <source>SQL file &apos;%1&apos; of task &apos;%2&apos;: parameter &apos;%3&apos; has no value</source>
        <translation>タスク &apos;%2&apos; の SQL ファイル &apos;%1&apos;: パラメータ &apos;%3&apos; に値がありません</translation>
    </message>
</context>
<context>
    <name>warroom::lineage::LineageLogs</name>
    <message>
        <source>cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation>不正な JSON</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>unexpected end of file inside the object starting here</source>
        <translation>ここから始まるオブジェクトの途中でファイルが終わっています</translation>
    </message>
    <message>
        <source>%1 more errors</source>
        <translation>ほかに %1 件のエラー</translation>
    </message>
</context>
<context>
    <name>warroom::lineage::StairlightConfig</name>
    <message>
        <source>a mapping file must be a YAML mapping</source>
        <translation>マッピングファイルは YAML のマッピングにしてください</translation>
    </message>
    <message>
        <source>&apos;Mapping&apos; must be a list</source>
        <translation>&apos;Mapping&apos; はリストにしてください</translation>
    </message>
    <message>
        <source>a &apos;Mapping&apos; entry must be a mapping</source>
        <translation>&apos;Mapping&apos; の項目はマッピングにしてください</translation>
    </message>
    <message>
        <source>&apos;Mapping&apos; entry of type %1 has no FileSuffix; it maps nothing</source>
        <translation>種類 %1 の &apos;Mapping&apos; 項目に FileSuffix がないため、何もマッピングされません</translation>
    </message>
    <message>
        <source>a &apos;Tables&apos; entry must be a mapping</source>
        <translation>&apos;Tables&apos; の項目はマッピングにしてください</translation>
    </message>
    <message>
        <source>&apos;Tables&apos; entry without a TableName</source>
        <translation>TableName のない &apos;Tables&apos; 項目があります</translation>
    </message>
    <message>
        <source>&apos;Tables&apos; must be a list</source>
        <translation>&apos;Tables&apos; はリストにしてください</translation>
    </message>
    <message>
        <source>not a stairlight configuration folder</source>
        <translation>stairlight の設定フォルダーではありません</translation>
    </message>
    <message>
        <source>stairlight.y(a)ml is not found</source>
        <translation>stairlight.y(a)ml が見つかりません</translation>
    </message>
    <message>
        <source>stairlight.yaml must be a YAML mapping</source>
        <translation>stairlight.yaml は YAML のマッピングにしてください</translation>
    </message>
    <message>
        <source>&apos;Include&apos; must be a list</source>
        <translation>&apos;Include&apos; はリストにしてください</translation>
    </message>
    <message>
        <source>an &apos;Include&apos; entry must be a mapping</source>
        <translation>&apos;Include&apos; の項目はマッピングにしてください</translation>
    </message>
    <message>
        <source>Include source &apos;%1&apos; is not supported (only local files, TemplateSourceType File, are read); it is skipped</source>
        <translation>Include のソース &apos;%1&apos; には対応していません（読み込めるのはローカルファイル、TemplateSourceType File のみ）。スキップします</translation>
    </message>
    <message>
        <source>File include without FileSystemPath</source>
        <translation>FileSystemPath のない File Include があります</translation>
    </message>
    <message>
        <source>FileSystemPath &apos;%1&apos; was not found (tried against %2)</source>
        <translation>FileSystemPath &apos;%1&apos; が見つかりません（%2 を基準に検索）</translation>
    </message>
    <message>
        <source>invalid Regex &apos;%1&apos;</source>
        <translation>不正な Regex &apos;%1&apos;</translation>
    </message>
    <message>
        <source>invalid Exclude Regex &apos;%1&apos;</source>
        <translation>不正な Exclude Regex &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no mapping file (%1*.yaml): SQL files are mapped to tables only by what their statements write</source>
        <translation>マッピングファイル（%1*.yaml）がありません。SQL ファイルは、その文が書き込むテーブルだけに対応付けられます</translation>
    </message>
</context>
<context>
    <name>warroom::net::HttpClient</name>
    <message>
        <source>%1 %2: aborted</source>
        <translation>%1 %2: 中止しました</translation>
    </message>
    <message>
        <source>%1: aborted</source>
        <translation>%1: 中止しました</translation>
    </message>
    <message>
        <source>%1: response larger than %2 bytes, aborted</source>
        <translation>%1: レスポンスが %2 バイトを超えたため中止しました</translation>
    </message>
    <message>
        <source>%1: HTTP 304 Not Modified without a cached response</source>
        <translation>%1: キャッシュがないのに HTTP 304 Not Modified が返されました</translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation>%1: HTTP %2 %3</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1: timed out after %2 ms</source>
        <translation>%1: %2 ms でタイムアウトしました</translation>
    </message>
    <message>
        <source>%1: timed out (no data for %2 ms)</source>
        <translation>%1: タイムアウトしました（%2 ms の間データなし）</translation>
    </message>
    <message>
        <source>%1: TLS error: %2</source>
        <translation>%1: TLS エラー: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>ネットワークエラー</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>レート制限中</translation>
    </message>
    <message>
        <source>%1: expected JSON but got Content-Type &apos;%2&apos;</source>
        <translation>%1: JSON を期待しましたが Content-Type は &apos;%2&apos; でした</translation>
    </message>
    <message>
        <source>%1: invalid JSON at offset %2: %3</source>
        <translation>%1: オフセット %2 で不正な JSON: %3</translation>
    </message>
    <message>
        <source>%1 (rate limited; retry after %2)</source>
        <translation>%1（レート制限中。%2 以降に再試行）</translation>
    </message>
    <message>
        <source>%1: HTTP %2 response unusable after %3 bytes: %4</source>
        <translation>%1: HTTP %2 の応答は %3 バイトの時点で使えなくなりました: %4</translation>
    </message>
    <message>
        <source>connection closed before the advertised %1 bytes arrived</source>
        <translation>予告された %1 バイトが届く前に接続が閉じられました</translation>
    </message>
    <message>
        <source> (HTTP %1 response cut off after %2 bytes)</source>
        <translation> (HTTP %1 の応答が %2 バイトで途切れました)</translation>
    </message>
</context>
<context>
    <name>warroom::recovery::AirflowRerunner</name>
    <message>
        <source>airflow.api_url must be an http(s) URL ending in /api/v1 or /api/v2, got &apos;%1&apos;</source>
        <translation>airflow.api_url は /api/v1 または /api/v2 で終わる http(s) の URL にしてください (&apos;%1&apos; が指定されています)</translation>
    </message>
    <message>
        <source>No HTTP client for Airflow</source>
        <translation>Airflow 用の HTTP クライアントがありません</translation>
    </message>
    <message>
        <source>Airflow rejected the request: %1</source>
        <translation>Airflow がリクエストを拒否しました: %1</translation>
    </message>
    <message>
        <source>%1 (Airflow did not accept the credentials: check WARROOM_AIRFLOW_TOKEN or WARROOM_AIRFLOW_USER/PASSWORD)</source>
        <translation>%1 (Airflow が認証情報を受け付けませんでした。WARROOM_AIRFLOW_TOKEN または WARROOM_AIRFLOW_USER/PASSWORD を確認してください)</translation>
    </message>
    <message>
        <source>%1 (the Airflow account may not edit DAG %2: clearing and triggering need edit permission on it)</source>
        <translation>%1 (この Airflow アカウントには DAG %2 の編集権限がないようです。クリアとトリガーには編集権限が必要です)</translation>
    </message>
    <message>
        <source>%1 (no /api/v1 here? Airflow 3 serves its REST API at /api/v2)</source>
        <translation>%1 (/api/v1 がありません。Airflow 3 の REST API は /api/v2 です)</translation>
    </message>
    <message>
        <source>%1 (Airflow does not know DAG %2: is it deployed and parsed?)</source>
        <translation>%1 (Airflow は DAG %2 を知りません。デプロイされ、パースされていますか?)</translation>
    </message>
    <message>
        <source>%1 (a run with that id or logical date exists already)</source>
        <translation>%1 (その ID または論理日付の実行はすでにあります)</translation>
    </message>
    <message>
        <source>%1 (Airflow failed; try again later)</source>
        <translation>%1 (Airflow でエラーが起きました。しばらくしてから再度お試しください)</translation>
    </message>
    <message>
        <source>Nothing to re-run: the card names no DAG or no logical dates</source>
        <translation>再実行するものがありません: カードに DAG または論理日付がありません</translation>
    </message>
    <message>
        <source>POST %1: the answer has no &quot;task_instances&quot; array</source>
        <translation>POST %1: 応答に &quot;task_instances&quot; 配列がありません</translation>
    </message>
    <message>
        <source>GET %1: the answer has no &quot;dag_runs&quot; array</source>
        <translation>GET %1: 応答に &quot;dag_runs&quot; 配列がありません</translation>
    </message>
    <message>
        <source>Not re-running %1: its dry run did not succeed</source>
        <translation>%1 は再実行しません: ドライランが成功しませんでした</translation>
    </message>
    <message>
        <source>Not re-running %1: its dry run found nothing to re-run</source>
        <translation>%1 は再実行しません: ドライランで再実行するものが見つかりませんでした</translation>
    </message>
    <message>
        <source>%1; the clear may or may not have reached Airflow: check DAG %2 there before trying again</source>
        <translation>%1。クリアが Airflow に届いたかどうかは不明です。再試行する前に Airflow で DAG %2 を確認してください</translation>
    </message>
    <message>
        <source>Re-run from the War Room recovery board</source>
        <translation>War Room の復旧ボードから再実行</translation>
    </message>
    <message>
        <source>DAG %1 already has run %2 (%3); not triggered again</source>
        <translation>DAG %1 には実行 %2 (%3) がすでにあります。再トリガーはしません</translation>
    </message>
    <message>
        <source>DAG %1 already has a run for %2; not triggered again</source>
        <translation>DAG %1 には %2 の実行がすでにあります。再トリガーはしません</translation>
    </message>
</context>
<context>
    <name>warroom::recovery::BoardModel</name>
    <message>
        <source>No incident store</source>
        <translation>インシデントストアがありません</translation>
    </message>
    <message>
        <source>Could not save the recovery plan: %1</source>
        <translation>復旧計画を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Could not save the board: %1</source>
        <translation>ボードを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Could not queue the GitHub update of %1: %2</source>
        <translation>%1 の GitHub 更新をキューに追加できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 を %2 に移動</translation>
    </message>
    <message>
        <source>%1 unassigned</source>
        <translation>%1 の担当者を解除</translation>
    </message>
    <message>
        <source>%1 assigned to %2</source>
        <translation>%1 の担当者を %2 に設定</translation>
    </message>
    <message>
        <source>Tables: %1</source>
        <translation>テーブル: %1</translation>
    </message>
    <message>
        <source>Priority %1: %2</source>
        <translation>優先度 %1: %2</translation>
    </message>
    <message>
        <source>GitHub: %1</source>
        <translation>GitHub: %1</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1、%2、%3</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>Could not save the timeline: %1</source>
        <translation>タイムラインを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>warroom::recovery::BoardSync</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>no answer from GitHub within %1 s</source>
        <translation>GitHub から %1 秒以内に応答がありません</translation>
    </message>
    <message>
        <source>Could not assign %1 on GitHub: %2</source>
        <translation>GitHub で %1 を割り当てられませんでした: %2</translation>
    </message>
</context>
<context>
    <name>warroom::recovery::BoardTask</name>
    <message>
        <source>To do</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>Re-running</source>
        <translation>再実行中</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>検証中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>ブロック中</translation>
    </message>
    <message>
        <source>Re-run %1</source>
        <translation>%1 を再実行</translation>
    </message>
</context>
<context>
    <name>warroom::recovery::CronSchedule</name>
    <message>
        <source>%1 field &apos;%2&apos;: %3</source>
        <translation>%1 フィールド &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>empty list item</source>
        <translation>リストの項目が空です</translation>
    </message>
    <message>
        <source>bad step</source>
        <translation>不正なステップ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a value</source>
        <translation>&apos;%1&apos; は値ではありません</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a range</source>
        <translation>&apos;%1&apos; は範囲ではありません</translation>
    </message>
    <message>
        <source>out of range %1-%2</source>
        <translation>範囲 %1-%2 の外です</translation>
    </message>
    <message>
        <source>unknown schedule preset &apos;%1&apos;</source>
        <translation>不明なスケジュールプリセット &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cron expression &apos;%1&apos; has %2 fields, expected 5</source>
        <translation>cron 式 &apos;%1&apos; のフィールドが %2 個あります（5 個が必要です）</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos; in schedule &apos;%2&apos; (numbers for days, hours, minutes, seconds or weeks only)</source>
        <translation>スケジュール &apos;%2&apos; の &apos;%1&apos; を読めません (days、hours、minutes、seconds、weeks の数値のみ使えます)</translation>
    </message>
    <message>
        <source>schedule &apos;%1&apos; must be an interval of at least one second</source>
        <translation>スケジュール &apos;%1&apos; は 1 秒以上の間隔にしてください</translation>
    </message>
</context>
<context>
    <name>warroom::recovery::RecoveryInputBuilder</name>
    <message>
        <source>--broken %1: no such table or DAG in the lineage</source>
        <translation>--broken %1: リネージにそのテーブルまたは DAG がありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>DAG %1 has no schedule the scanner could read</source>
        <translation>DAG %1 には読み取れるスケジュールがありません</translation>
    </message>
    <message>
        <source>could not read the JOBS log for usage priorities</source>
        <translation>利用状況による優先度のための JOBS ログを読み込めませんでした</translation>
    </message>
</context>
<context>
    <name>warroom::recovery::RecoveryPlanner</name>
    <message>
        <source>%1: unknown time zone &apos;%2&apos;, using UTC</source>
        <translation>%1: 不明なタイムゾーン &apos;%2&apos;。UTC を使用します</translation>
    </message>
    <message>
        <source>%1: schedule not understood: %2</source>
        <translation>%1: スケジュールを解釈できません: %2</translation>
    </message>
    <message>
        <source>%1: not scheduled (%2); trigger it by hand if needed</source>
        <translation>%1: スケジュールされていません（%2）。必要なら手動でトリガーしてください</translation>
    </message>
    <message>
        <source>%1: no run fell due in the window (schedule %2)</source>
        <translation>%1: 期間内に実行予定はありませんでした（スケジュール %2）</translation>
    </message>
    <message>
        <source>%1: schedule not understood</source>
        <translation>%1: スケジュールを解釈できません</translation>
    </message>
    <message numerus="yes">
        <source>Re-run %1 for %2 (%n run(s))</source>
        <translation>
            <numerusform>%1 を %2 について再実行（%n 回）</numerusform>
        </translation>
    </message>
    <message>
        <source>dependency cycle between %1; they are ordered by priority</source>
        <translation>%1 の間に依存関係の循環があります。優先度の順に並べます</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (ほか %n 件)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::recovery::TaskIssue</name>
    <message>
        <source>Re-run %1</source>
        <translation>%1 を再実行</translation>
    </message>
    <message>
        <source>[obsolete] %1</source>
        <translation>[不要] %1</translation>
    </message>
    <message>
        <source>**No longer needed:** the current recovery plan does not include this re-run.</source>
        <translation>**不要になりました:** 現在の復旧計画にはこの再実行が含まれていません。</translation>
    </message>
    <message>
        <source>Re-run the Airflow DAG %1 for the logical dates below, then verify its tables.</source>
        <translation>Airflow の DAG %1 を下記の論理日付について再実行し、テーブルを検証してください。</translation>
    </message>
    <message>
        <source>| DAG | %1 |</source>
        <translation>| DAG | %1 |</translation>
    </message>
    <message numerus="yes">
        <source>| Logical dates | %1 (%n run(s)) |</source>
        <translation>
            <numerusform>| 論理日付 | %1（%n 回） |</numerusform>
        </translation>
    </message>
    <message>
        <source>| Schedule | %1 (%2) |</source>
        <translation>| スケジュール | %1（%2） |</translation>
    </message>
    <message>
        <source>| Tables | %1 |</source>
        <translation>| テーブル | %1 |</translation>
    </message>
    <message>
        <source>| After | %1 |</source>
        <translation>| 先行タスク | %1 |</translation>
    </message>
    <message>
        <source>nothing (can start now)</source>
        <translation>なし（すぐに開始できます）</translation>
    </message>
    <message>
        <source>| Priority | %1 (score %2) |</source>
        <translation>| 優先度 | %1（スコア %2） |</translation>
    </message>
    <message>
        <source>| Why | %1 |</source>
        <translation>| 理由 | %1 |</translation>
    </message>
    <message numerus="yes">
        <source>| Estimate | about %n minute(s) |</source>
        <translation>
            <numerusform>| 見積もり | 約 %n 分 |</numerusform>
        </translation>
    </message>
    <message>
        <source>| Note | on a dependency cycle; ordered by priority |</source>
        <translation>| 備考 | 依存関係の循環上にあるため、優先度の順に並べています |</translation>
    </message>
    <message>
        <source>&lt;details&gt;&lt;summary&gt;Logical dates (UTC)&lt;/summary&gt;</source>
        <translation>&lt;details&gt;&lt;summary&gt;論理日付（UTC）&lt;/summary&gt;</translation>
    </message>
    <message numerus="yes">
        <source>- … and %n more</source>
        <translation>
            <numerusform>- …ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Managed by War Room (workspace %1). Move the card on the board, or change the status label / assignee / state here.</source>
        <translation>War Room（ワークスペース %1）で管理しています。ボード上でカードを移動するか、ここでステータスラベル・担当者・状態を変更してください。</translation>
    </message>
    <message>
        <source>Managed by War Room. Move the card on the board, or change the status label / assignee / state here.</source>
        <translation>War Room で管理しています。ボード上でカードを移動するか、ここでステータスラベル・担当者・状態を変更してください。</translation>
    </message>
    <message>
        <source>War Room recovery board: card status</source>
        <translation>War Room 復旧ボード: カードのステータス</translation>
    </message>
    <message>
        <source>War Room recovery board: priority from table usage</source>
        <translation>War Room 復旧ボード: テーブル利用状況による優先度</translation>
    </message>
    <message>
        <source>War Room recovery board: re-run tasks</source>
        <translation>War Room 復旧ボード: 再実行タスク</translation>
    </message>
</context>
<context>
    <name>warroom::usage</name>
    <message>
        <source>unknown error</source>
        <translation>不明なエラー</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>場所: %1</translation>
    </message>
    <message>
        <source>BigQuery answered HTTP %1</source>
        <translation>BigQuery が HTTP %1 を返しました</translation>
    </message>
    <message>
        <source>the query result has no column &apos;%1&apos;</source>
        <translation>クエリ結果に列 &apos;%1&apos; がありません</translation>
    </message>
    <message>
        <source>cannot reach BigQuery at %1: %2</source>
        <translation>%1 の BigQuery に接続できません: %2</translation>
    </message>
    <message>
        <source>BigQuery did not finish the query and named no job to poll</source>
        <translation>BigQuery はクエリを完了せず、ポーリングするジョブも示しませんでした</translation>
    </message>
    <message>
        <source>BigQuery sent a page token but no job to page through</source>
        <translation>BigQuery はページトークンを返しましたが、ページングするジョブがありません</translation>
    </message>
    <message>
        <source>skipped row: %1</source>
        <translation>行をスキップ: %1</translation>
    </message>
    <message>
        <source>skipped row: not a JSON object</source>
        <translation>行をスキップ: JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>skipped malformed JSON row: %1</source>
        <translation>不正な JSON 行をスキップ: %1</translation>
    </message>
    <message>
        <source>unexpected text outside the JSON array</source>
        <translation>JSON 配列の外に予期しないテキストがあります</translation>
    </message>
    <message>
        <source>skipped row: unexpected end of file inside a JSON row</source>
        <translation>行をスキップ: JSON 行の途中でファイルが終わっています</translation>
    </message>
    <message>
        <source>unexpected end of file: the JSON array is not closed</source>
        <translation>予期しないファイルの終わり: JSON 配列が閉じていません</translation>
    </message>
    <message>
        <source>skipped row: unterminated quoted CSV field</source>
        <translation>行をスキップ: 引用符で囲まれた CSV フィールドが閉じていません</translation>
    </message>
    <message>
        <source>skipped row: %1 fields, the header has %2</source>
        <translation>行をスキップ: フィールドが %1 個（ヘッダーは %2 個）</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>開けません: %1</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>読み込めません: %1</translation>
    </message>
    <message>
        <source>not a JOBS log: expected a JSON array, newline-delimited JSON or CSV with a header row</source>
        <translation>JOBS ログではありません: JSON 配列、改行区切り JSON、またはヘッダー行付きの CSV が必要です</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>読み込みエラー: %1</translation>
    </message>
    <message>
        <source>not a BigQuery region: &apos;%1&apos;</source>
        <translation>BigQuery のリージョンではありません: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a project id: &apos;%1&apos;</source>
        <translation>プロジェクト ID ではありません: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>priority = %1 × log2(1 + references) + %2 × log2(1 + people) + %3 × log2(1 + downstream tables)</source>
        <translation>優先度 = %1 × log2(1 + 参照数) + %2 × log2(1 + 人数) + %3 × log2(1 + 下流テーブル数)</translation>
    </message>
    <message>
        <source>%1
= %2 × log2(1 + %3) + %4 × log2(1 + %5) + %6 × log2(1 + %7)
= %8 + %9 + %10 = %11</source>
        <translation>%1
= %2 × log2(1 + %3) + %4 × log2(1 + %5) + %6 × log2(1 + %7)
= %8 + %9 + %10 = %11</translation>
    </message>
    <message>
        <source>the response is larger than %1 bytes; aborted</source>
        <translation>応答が %1 バイトを超えたため中止しました</translation>
    </message>
    <message>
        <source>no complete answer within %1 ms</source>
        <translation>%1 ms 以内に応答が完了しませんでした</translation>
    </message>
    <message>
        <source>no data for %1 ms</source>
        <translation>%1 ms の間データが届きませんでした</translation>
    </message>
    <message>
        <source>the response could not be read: %1</source>
        <translation>応答を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>the connection closed before the advertised %1 bytes arrived</source>
        <translation>予告された %1 バイトが届く前に接続が閉じられました</translation>
    </message>
    <message>
        <source>the connection to BigQuery at %1 broke: %2</source>
        <translation>%1 の BigQuery への接続が切れました: %2</translation>
    </message>
    <message>
        <source> (the response was cut off after %1 bytes)</source>
        <translation> (応答が %1 バイトで途切れました)</translation>
    </message>
    <message>
        <source>BigQuery sent a response that is not a JSON object (Content-Type &apos;%1&apos;, %2 bytes): %3</source>
        <translation>BigQuery の応答が JSON オブジェクトではありません (Content-Type &apos;%1&apos;、%2 バイト): %3</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>オブジェクトではありません</translation>
    </message>
</context>
<context>
    <name>warroom::usage::TableUsersModel</name>
    <message>
        <source>service account</source>
        <translation>サービスアカウント</translation>
    </message>
    <message>
        <source>person</source>
        <translation>個人</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参照数</translation>
    </message>
</context>
<context>
    <name>warroom::usage::UsageRankingModel</name>
    <message>
        <source>%1 references in this window, %2 in the previous one</source>
        <translation>この期間の参照数 %1、前の期間は %2</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>affected</source>
        <translation>影響あり</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参照数</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>最終参照</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>傾向</translation>
    </message>
    <message>
        <source>Bytes processed</source>
        <translation>処理バイト数</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>影響</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先度</translation>
    </message>
</context>
<context>
    <name>warroom::widgets::BoardCardDelegate</name>
    <message>
        <source>not synced</source>
        <translation>未同期</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1（%n 回）</numerusform>
        </translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>↻ cycle</source>
        <translation>↻ 循環</translation>
    </message>
    <message>
        <source>⚠ GitHub</source>
        <translation>⚠ GitHub</translation>
    </message>
    <message>
        <source>… waiting on %1</source>
        <translation>… %1 待ち</translation>
    </message>
</context>
<context>
    <name>warroom::widgets::BoardView</name>
    <message>
        <source>%p% by priority</source>
        <translation>優先度加重 %p%</translation>
    </message>
    <message>
        <source>Recovery progress, weighted by priority</source>
        <translation>優先度で重み付けした復旧の進捗</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未割り当て</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>ブロック中</translation>
    </message>
    <message>
        <source>Only cards assigned to you</source>
        <translation>自分に割り当てられたカードのみ</translation>
    </message>
    <message>
        <source>Only cards nobody has taken</source>
        <translation>誰も担当していないカードのみ</translation>
    </message>
    <message>
        <source>Only cards that are blocked or wait on an upstream re-run</source>
        <translation>ブロック中または上流の再実行待ちのカードのみ</translation>
    </message>
    <message>
        <source>GitHub login</source>
        <translation>GitHub ログイン名</translation>
    </message>
    <message>
        <source>Assign selected</source>
        <translation>選択を割り当て</translation>
    </message>
    <message>
        <source>Assign the selected cards (empty login: unassign)</source>
        <translation>選択したカードを割り当てる（ログイン名が空なら割り当て解除）</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No recovery plan yet</source>
        <translation>復旧計画はまだありません</translation>
    </message>
    <message>
        <source>%1/%2 tasks done · %3/%4 tables restored · %5% by priority</source>
        <translation>タスク %1/%2 完了 · テーブル %3/%4 復旧 · 優先度加重 %5%</translation>
    </message>
    <message>
        <source>Not synced with GitHub</source>
        <translation>GitHub と同期していません</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>最終同期 %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>未同期</translation>
    </message>
    <message>
        <source>Show only my cards</source>
        <translation>自分のカードだけを表示</translation>
    </message>
    <message>
        <source>Show only unassigned cards</source>
        <translation>未割り当てのカードだけを表示</translation>
    </message>
    <message>
        <source>Show only blocked or waiting cards</source>
        <translation>ブロック中または待ちのカードだけを表示</translation>
    </message>
    <message>
        <source>GitHub login to assign the selected cards to</source>
        <translation>選択したカードを割り当てる GitHub ログイン名</translation>
    </message>
    <message>
        <source>Assign the selected cards</source>
        <translation>選択したカードを割り当て</translation>
    </message>
    <message>
        <source>Recovery progress</source>
        <translation>復旧の進捗</translation>
    </message>
    <message>
        <source>GitHub sync status</source>
        <translation>GitHub 同期の状態</translation>
    </message>
    <message>
        <source>Re-run in Airflow…</source>
        <translation>Airflow で再実行…</translation>
    </message>
    <message>
        <source>Ask Airflow what re-running the selected card would clear and start, then confirm (only when the workspace allows re-runs)</source>
        <translation>選択したカードを再実行すると何がクリア・開始されるかを Airflow に問い合わせ、確認してから実行します (ワークスペースで再実行が許可されている場合のみ)</translation>
    </message>
    <message>
        <source>Re-run the selected card in Airflow</source>
        <translation>選択したカードを Airflow で再実行</translation>
    </message>
    <message>
        <source>%1/%2 tasks done · %3/%4 tables restored · %5% by priority · %6h %7m elapsed</source>
        <translation>タスク %1/%2 完了 · テーブル %3/%4 復旧 · 優先度加重 %5% · 経過 %6時間%7分</translation>
    </message>
    <message>
        <source>Asking Airflow what re-running %1 would change (dry run)…</source>
        <translation>%1 の再実行で何が変わるかを Airflow に問い合わせています (ドライラン)…</translation>
    </message>
    <message>
        <source>Re-run of %1 not started: %2</source>
        <translation>%1 の再実行は開始されませんでした: %2</translation>
    </message>
    <message>
        <source>Airflow has nothing to re-run for %1: no failed task instances, and every logical date has a run.</source>
        <translation>%1 について Airflow で再実行するものはありません: 失敗したタスクインスタンスはなく、すべての論理日付に実行があります。</translation>
    </message>
    <message>
        <source>Re-run of %1 cancelled: nothing changed in Airflow.</source>
        <translation>%1 の再実行を取り消しました: Airflow では何も変わっていません。</translation>
    </message>
    <message>
        <source>Re-running %1 in Airflow…</source>
        <translation>Airflow で %1 を再実行しています…</translation>
    </message>
    <message>
        <source>Confirm the re-run of %1 in the dialog.</source>
        <translation>ダイアログで %1 の再実行を確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>Airflow cleared %n task instance(s) of %1.</source>
        <translation>
            <numerusform>Airflow は %1 のタスクインスタンスを %n 件クリアしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Airflow started %n new run(s) of %1.</source>
        <translation>
            <numerusform>Airflow は %1 の新しい実行を %n 件開始しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of %1 existed already and were left alone: %2.</source>
        <translation>
            <numerusform>%1 の実行 %n 件はすでにあったため、そのままにしました: %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-run of %1 failed: %2</source>
        <translation>%1 の再実行に失敗しました: %2</translation>
    </message>
    <message>
        <source>Airflow changed nothing for %1.</source>
        <translation>Airflow は %1 について何も変更しませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · 未送信の変更 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · GitHub unreachable, retrying</source>
        <translation>%1 · GitHub に接続できません。再試行中</translation>
    </message>
</context>
<context>
    <name>warroom::widgets::RankingChart</name>
    <message>
        <source>Most referenced tables</source>
        <translation>参照数の多いテーブル</translation>
    </message>
</context>
<context>
    <name>warroom::widgets::RankingView</name>
    <message>
        <source>Filter tables…</source>
        <translation>テーブルを絞り込み…</translation>
    </message>
    <message>
        <source>Filter tables</source>
        <translation>テーブルを絞り込み</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>過去 90 日間</translation>
    </message>
    <message>
        <source>Counted up to the newest job in the log; the trend compares with the window of equal length before it</source>
        <translation>ログ内の最新ジョブまでを集計します。傾向は直前の同じ長さの期間との比較です</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>すべてのユーザー</translation>
    </message>
    <message>
        <source>Read by people</source>
        <translation>人による参照</translation>
    </message>
    <message>
        <source>Read by service accounts</source>
        <translation>サービスアカウントによる参照</translation>
    </message>
    <message>
        <source>Affected only</source>
        <translation>影響ありのみ</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>Save the ranking as shown as a CSV file</source>
        <translation>表示中のランキングを CSV ファイルに保存</translation>
    </message>
    <message>
        <source>Table usage ranking</source>
        <translation>テーブル利用ランキング</translation>
    </message>
    <message>
        <source>Select a table to see who reads it.</source>
        <translation>テーブルを選択すると、参照しているユーザーが表示されます。</translation>
    </message>
    <message>
        <source>Users of the selected table</source>
        <translation>選択したテーブルのユーザー</translation>
    </message>
    <message>
        <source>Export ranking</source>
        <translation>ランキングをエクスポート</translation>
    </message>
    <message>
        <source>usage-ranking.csv</source>
        <translation>usage-ranking.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 を保存できませんでした: %2</translation>
    </message>
    <message numerus="yes">
        <source>Users of %1: %Ln distinct</source>
        <translation>
            <numerusform>%1 のユーザー: %Ln 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln table(s) · %L1 rows read, %L2 used, %L3 malformed</source>
        <translation>
            <numerusform>%Ln テーブル · 読み込み %L1 行、使用 %L2 行、不正 %L3 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln table(s)</source>
        <translation>
            <numerusform>%Ln テーブル</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>warroom::widgets::RerunDialog</name>
    <message>
        <source>Re-run %1 in Airflow</source>
        <translation>Airflow で %1 を再実行</translation>
    </message>
    <message numerus="yes">
        <source>Airflow will clear %n failed task instance(s) of DAG %1, so that they run again.</source>
        <translation>
            <numerusform>Airflow は DAG %1 の失敗したタスクインスタンス %n 件をクリアし、再実行させます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Airflow will start %n new run(s) of DAG %1 for logical dates that never ran.</source>
        <translation>
            <numerusform>Airflow は一度も実行されていない論理日付について、DAG %1 の新しい実行を %n 件開始します。</numerusform>
        </translation>
    </message>
    <message>
        <source>This was a dry run: nothing has changed in Airflow yet.</source>
        <translation>これはドライランです: Airflow ではまだ何も変わっていません。</translation>
    </message>
    <message>
        <source>What the re-run changes in Airflow</source>
        <translation>再実行で Airflow 上で変わるもの</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Logical date</source>
        <translation>論理日付</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source>whole DAG</source>
        <translation>DAG 全体</translation>
    </message>
    <message>
        <source>never ran</source>
        <translation>未実行</translation>
    </message>
    <message>
        <source>Clear and re-run</source>
        <translation>クリアして再実行</translation>
    </message>
    <message>
        <source>Clear and re-run in Airflow</source>
        <translation>Airflow でクリアして再実行</translation>
    </message>
    <message>
        <source>Cancel the re-run</source>
        <translation>再実行を取り消す</translation>
    </message>
</context>
</TS>
