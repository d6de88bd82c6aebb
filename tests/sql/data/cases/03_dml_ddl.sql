-- case: insert select
-- sources: ds.src
-- targets: ds.dst
INSERT INTO ds.dst SELECT * FROM ds.src

-- case: insert without into
-- sources: ds.src
-- targets: ds.dst
INSERT ds.dst (a, b) SELECT a, b FROM ds.src

-- case: insert values
-- targets: ds.dst
INSERT INTO ds.dst (a, b) VALUES (1, 'x'), (2, 'y')

-- case: insert column list adjacent
-- sources: ds.s
-- targets: ds.t
INSERT INTO ds.t(a,b) SELECT a,b FROM ds.s

-- case: insert with cte after target
-- sources: ds.raw
-- targets: ds.clean
INSERT INTO ds.clean
WITH c AS (SELECT * FROM ds.raw)
SELECT * FROM c

-- case: insert into backticked
-- sources: p-1.ds.s
-- targets: p-1.ds.t
INSERT INTO `p-1.ds.t` SELECT * FROM `p-1.ds.s`

-- case: insert subquery in parens
-- sources: ds.s
-- targets: ds.t
INSERT INTO ds.t (SELECT * FROM ds.s)

-- case: insert reads itself
-- sources: ds.t
-- targets: ds.t
INSERT INTO ds.t SELECT * FROM ds.t WHERE d = '2020-01-01'

-- case: merge
-- sources: ds.src
-- targets: ds.dst
MERGE ds.dst T
USING ds.src S
ON T.id = S.id
WHEN MATCHED THEN UPDATE SET v = S.v
WHEN NOT MATCHED THEN INSERT (id, v) VALUES (S.id, S.v)

-- case: merge into with subquery source
-- sources: ds.a, ds.b
-- targets: ds.dst
MERGE INTO ds.dst AS T
USING (SELECT a.id, b.v FROM ds.a JOIN ds.b USING (id)) AS S
ON T.id = S.id
WHEN MATCHED AND S.v IS NULL THEN DELETE
WHEN MATCHED THEN UPDATE SET T.v = S.v
WHEN NOT MATCHED BY TARGET THEN INSERT ROW
WHEN NOT MATCHED BY SOURCE THEN DELETE

-- case: merge with subquery in condition
-- sources: ds.s, ds.flags
-- targets: ds.t
MERGE ds.t USING ds.s ON t.id = s.id
WHEN MATCHED AND s.k IN (SELECT k FROM ds.flags) THEN UPDATE SET x = 1

-- case: merge insert values
-- sources: ds.s
-- targets: ds.t
MERGE ds.t t USING ds.s s ON FALSE WHEN NOT MATCHED THEN INSERT VALUES (s.a, s.b)

-- case: update
-- targets: ds.t
UPDATE ds.t SET x = 1 WHERE y = 2

-- case: update with alias
-- targets: ds.t
UPDATE ds.t AS t SET t.x = t.x + 1 WHERE TRUE

-- case: update from
-- sources: ds.s
-- targets: ds.t
UPDATE ds.t t SET x = s.x FROM ds.s s WHERE t.id = s.id

-- case: update with subquery
-- sources: ds.s
-- targets: ds.t
UPDATE ds.t SET x = (SELECT MAX(x) FROM ds.s) WHERE id IN (SELECT id FROM ds.s)

-- case: update set list commas
-- sources: ds.s
-- targets: ds.t
UPDATE ds.t SET a = 1, b = 2, c = s.c FROM ds.s, UNNEST(s.arr) WHERE TRUE

-- case: delete
-- targets: ds.t
DELETE FROM ds.t WHERE d < '2020-01-01'

-- case: delete without from
-- targets: ds.t
DELETE ds.t WHERE TRUE

-- case: delete with subquery
-- sources: ds.s
-- targets: ds.t
DELETE FROM ds.t t WHERE t.id IN (SELECT id FROM ds.s)

-- case: delete with exists
-- sources: ds.s
-- targets: ds.t
DELETE ds.t WHERE NOT EXISTS (SELECT 1 FROM ds.s WHERE s.id = t.id)

-- case: truncate
-- targets: ds.t
TRUNCATE TABLE ds.t

-- case: create table as select
-- sources: ds.src
-- targets: ds.dst
CREATE TABLE ds.dst AS SELECT * FROM ds.src

-- case: create or replace table as
-- sources: ds.src
-- targets: ds.dst
CREATE OR REPLACE TABLE ds.dst
PARTITION BY DATE(ts)
CLUSTER BY a, b
OPTIONS (description = 'x', expiration_timestamp = TIMESTAMP '2030-01-01')
AS SELECT * FROM ds.src

-- case: create table if not exists as
-- sources: ds.src
-- targets: ds.dst
CREATE TABLE IF NOT EXISTS ds.dst AS (SELECT * FROM ds.src)

-- case: create table with columns and select
-- sources: ds.src
-- targets: ds.dst
CREATE TABLE ds.dst (a INT64, b STRING) AS SELECT a, b FROM ds.src

-- case: create table with struct columns
-- targets: ds.dst
CREATE TABLE ds.dst (a STRUCT<x INT64, y ARRAY<STRING>>, b DATE OPTIONS(description = "from x")) PARTITION BY b

-- case: create table with cte
-- sources: ds.a
-- targets: ds.dst
CREATE TABLE ds.dst AS WITH c AS (SELECT * FROM ds.a) SELECT * FROM c

-- case: create view
-- sources: ds.t
-- targets: ds.v
CREATE VIEW ds.v AS SELECT * FROM ds.t

-- case: create or replace view with options
-- sources: ds.t
-- targets: ds.v
CREATE OR REPLACE VIEW `ds.v` OPTIONS (description = 'view') AS SELECT a FROM ds.t

-- case: create view if not exists with columns
-- sources: ds.t
-- targets: ds.v
CREATE VIEW IF NOT EXISTS ds.v (a, b) AS SELECT x, y FROM ds.t

-- case: create materialized view
-- sources: ds.t
-- targets: ds.mv
CREATE MATERIALIZED VIEW ds.mv PARTITION BY d AS SELECT d, COUNT(*) c FROM ds.t GROUP BY d

-- case: create or replace materialized view
-- sources: ds.t
-- targets: ds.mv
CREATE OR REPLACE MATERIALIZED VIEW ds.mv OPTIONS (enable_refresh = true) AS SELECT * FROM ds.t

-- case: create table like
-- sources: ds.s
-- targets: ds.t
CREATE TABLE ds.t LIKE ds.s

-- case: create table copy
-- sources: ds.s
-- targets: ds.t
CREATE TABLE ds.t COPY ds.s

-- case: create snapshot table clone
-- sources: ds.s
-- targets: ds.snap
CREATE SNAPSHOT TABLE ds.snap CLONE ds.s FOR SYSTEM_TIME AS OF TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)

-- case: create table clone
-- sources: ds.s
-- targets: ds.t
CREATE TABLE ds.t CLONE ds.s

-- case: create external table
-- targets: ds.ext
CREATE OR REPLACE EXTERNAL TABLE ds.ext OPTIONS (format = 'CSV', uris = ['gs://b/*.csv'])

-- case: create table plain columns
-- targets: ds.t
CREATE TABLE ds.t (id INT64 NOT NULL, name STRING DEFAULT 'x')

-- case: create schema reports nothing
-- sources:
-- targets:
CREATE SCHEMA IF NOT EXISTS proj.ds OPTIONS (location = 'US')

-- case: drop reports nothing
-- sources:
-- targets:
DROP TABLE IF EXISTS ds.t

-- case: drop view and schema
-- targets:
DROP VIEW ds.v; DROP SCHEMA ds CASCADE; DROP TABLE FUNCTION ds.f

-- case: alter reports nothing
-- targets:
ALTER TABLE ds.t ADD COLUMN x STRING; ALTER TABLE ds.t SET OPTIONS (description = 'from x')

-- case: alter rename alone has no lineage
-- sources:
-- targets:
ALTER TABLE ds.old RENAME TO ds.new_name

-- case: rename of a table the script wrote renames the output
-- sources: ds.src
-- targets: ds.final
CREATE OR REPLACE TABLE ds.final_tmp AS SELECT * FROM ds.src;
ALTER TABLE ds.final_tmp RENAME TO ds.final;

-- case: drop of a table the script created makes it scratch
-- sources: ds.a
-- targets: ds.c
CREATE TABLE ds.scratch AS SELECT * FROM ds.a;
INSERT INTO ds.c SELECT * FROM ds.scratch;
DROP TABLE ds.scratch;

-- case: create after drop is still a target
-- targets: ds.t
DROP TABLE IF EXISTS ds.t; CREATE TABLE IF NOT EXISTS ds.t (a STRING)

-- case: drop after create leaves nothing
-- targets:
CREATE TABLE IF NOT EXISTS ds.t (a STRING); DROP TABLE IF EXISTS ds.t

-- case: load data into
-- targets: ds.t
LOAD DATA INTO ds.t FROM FILES (format = 'CSV', uris = ['gs://bucket/path/*.csv'])

-- case: load data overwrite with partition
-- targets: ds.t
LOAD DATA OVERWRITE ds.t (x INT64, y STRING) PARTITION BY _PARTITIONDATE
FROM FILES (format = 'PARQUET', uris = ['gs://b/f.parquet'])
WITH PARTITION COLUMNS

-- case: load data into temp table
-- targets:
LOAD DATA INTO TEMP TABLE tmp FROM FILES (format = 'AVRO', uris = ['gs://b/x.avro']);
SELECT * FROM tmp

-- case: export data reads only
-- sources: ds.t
-- targets:
EXPORT DATA OPTIONS (uri = 'gs://bucket/folder/*.csv', format = 'CSV', overwrite = true, header = true)
AS SELECT a, b FROM ds.t ORDER BY a LIMIT 10

-- case: export data with connection
-- sources: ds.t
-- targets:
EXPORT DATA WITH CONNECTION `proj.us.conn` OPTIONS (uri = 'gs://b/*', format = 'PARQUET') AS (SELECT * FROM ds.t)

-- case: create temp table not reported
-- sources: ds.src
-- targets: ds.out
CREATE TEMP TABLE tmp AS SELECT * FROM ds.src;
INSERT INTO ds.out SELECT * FROM tmp;

-- case: create temporary table not reported
-- sources: ds.src
-- targets:
CREATE TEMPORARY TABLE tmp2 (a INT64);
INSERT INTO tmp2 SELECT a FROM ds.src;
SELECT * FROM tmp2;

-- case: create or replace temp table
-- sources: ds.a
-- targets: ds.b
CREATE OR REPLACE TEMP TABLE stage AS (SELECT * FROM ds.a);
CREATE OR REPLACE TABLE ds.b AS SELECT * FROM stage;
DROP TABLE stage;

-- case: session temp prefix
-- sources: ds.a
-- targets:
CREATE TEMP TABLE t1 AS SELECT * FROM ds.a;
SELECT * FROM _SESSION.t1

-- case: insert overwrite not bigquery but tolerated
-- sources: ds.s
-- targets: ds.t
INSERT OVERWRITE TABLE ds.t SELECT * FROM ds.s

-- case: statement order targets and sources
-- sources: ds.a, ds.b, ds.c
-- targets: ds.x, ds.y
INSERT INTO ds.x SELECT * FROM ds.a;
MERGE ds.y USING ds.b ON TRUE WHEN MATCHED THEN DELETE;
SELECT * FROM ds.c;

-- case: create table then read it
-- sources: ds.a, ds.stage
-- targets: ds.stage, ds.final
CREATE TABLE ds.stage AS SELECT * FROM ds.a;
INSERT INTO ds.final SELECT * FROM ds.stage;

-- case: delete then insert pattern
-- sources: ds.s
-- targets: ds.t
DELETE FROM ds.t WHERE d = @d;
INSERT INTO ds.t SELECT * FROM ds.s WHERE d = @d;

-- case: create model reads training table
-- sources: ds.train
-- targets:
CREATE OR REPLACE MODEL ds.m OPTIONS (model_type = 'linear_reg') AS SELECT * FROM ds.train

-- case: create row access policy
-- targets:
CREATE ROW ACCESS POLICY p ON ds.t GRANT TO ('user:a@b.com') FILTER USING (region = 'US')

-- case: grant revoke
-- targets:
GRANT `roles/bigquery.dataViewer` ON TABLE ds.t TO 'user:a@b.com';
REVOKE `roles/bigquery.dataViewer` ON TABLE ds.t FROM 'user:a@b.com';

-- case: create view with union
-- sources: ds.a, ds.b
-- targets: ds.v
CREATE VIEW ds.v AS SELECT * FROM ds.a UNION ALL SELECT * FROM ds.b

-- case: insert from unnest literal
-- targets: ds.t
INSERT INTO ds.t (x) SELECT * FROM UNNEST([1, 2, 3])

-- case: merge with when not matched by source update
-- sources: ds.s
-- targets: ds.t
MERGE ds.t USING (SELECT * FROM ds.s) s ON t.k = s.k
WHEN NOT MATCHED BY SOURCE AND t.d < CURRENT_DATE() THEN UPDATE SET active = FALSE

-- case: create view referencing cte shadowing target name
-- sources: ds.v_src
-- targets: ds.v
CREATE VIEW ds.v AS WITH v AS (SELECT * FROM ds.v_src) SELECT * FROM v

-- case: create table partition expiration options commas
-- sources: ds.s
-- targets: ds.t
CREATE TABLE ds.t PARTITION BY DATE_TRUNC(d, MONTH) CLUSTER BY a, b, c AS SELECT * FROM ds.s
