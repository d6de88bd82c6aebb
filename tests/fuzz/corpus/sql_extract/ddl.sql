CREATE OR REPLACE TABLE `p.d.daily` PARTITION BY dt CLUSTER BY user_id
OPTIONS (description = "daily FROM x") AS
SELECT DATE(ts) dt, user_id FROM `p.d.events_*` WHERE _TABLE_SUFFIX BETWEEN '20260101' AND '20261231';
CREATE VIEW IF NOT EXISTS p.d.v AS SELECT * FROM p.d.daily;
ALTER TABLE p.d.daily RENAME TO daily_v2;
DROP TABLE IF EXISTS p.d.tmp;
TRUNCATE TABLE p.d.stage;
LOAD DATA INTO p.d.loaded FROM FILES (format = 'CSV', uris = ['gs://b/*.csv']);
EXPORT DATA OPTIONS (uri = 'gs://b/out-*.csv', format = 'CSV') AS SELECT * FROM p.d.loaded;
