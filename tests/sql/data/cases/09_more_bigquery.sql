-- case: in unnest of array literal
-- sources: ds.t
SELECT * FROM ds.t WHERE x IN UNNEST([1, 2, 3])

-- case: nested unnest chain
-- sources: ds.t
SELECT * FROM ds.t AS t, UNNEST(t.a) AS a, UNNEST(a.b) AS b, b.c AS c

-- case: join unnest after comma
-- sources: ds.t, ds.u
SELECT * FROM ds.t, UNNEST(t.tags) tag JOIN ds.u ON u.tag = tag

-- case: correlated path after join of two tables
-- sources: ds.t1, ds.t2
SELECT * FROM ds.t1 t1 JOIN ds.t2 t2 USING (id), t1.arr AS a

-- case: backtick dataset and wildcard table parts
-- sources: ds.events_*
SELECT * FROM `ds`.`events_*`

-- case: system time with parameter
-- sources: ds.t
SELECT * FROM ds.t FOR SYSTEM_TIME AS OF @snapshot_ts

-- case: create table copy backticked
-- sources: p.d.s
-- targets: p.d.t
CREATE OR REPLACE TABLE `p.d.t` COPY `p.d.s`

-- case: insert values bigquery without into
-- targets: ds.t
INSERT ds.t (a, b) VALUES (1, 'x')

-- case: insert with cte shadowing target name
-- sources: ds.t
-- targets: ds.t
INSERT INTO ds.t WITH t AS (SELECT * FROM ds.t WHERE d = @d) SELECT * FROM t

-- case: declare without tables
-- sources:
DECLARE d DATE DEFAULT CURRENT_DATE('Asia/Tokyo');
DECLARE arr ARRAY<STRING> DEFAULT ['a', 'b'];
SET @@dataset_project_id = 'p';

-- case: execute immediate format
-- sources:
-- targets:
EXECUTE IMMEDIATE FORMAT("INSERT INTO %s SELECT 1", target_name);

-- case: call system procedure
-- targets:
CALL BQ.REFRESH_MATERIALIZED_VIEW('ds.mv');

-- case: nested subquery in unnest exists
-- sources: ds.t, ds.u
SELECT * FROM ds.t WHERE EXISTS (SELECT * FROM UNNEST(arr) x WHERE x IN (SELECT y FROM ds.u))

-- case: scalar subquery without outer from
-- sources: ds.u
SELECT (SELECT COUNT(*) FROM ds.u) AS cnt

-- case: assert not exists
-- sources: ds.t
ASSERT NOT EXISTS (SELECT 1 FROM ds.t WHERE id IS NULL) AS 'ids must be set';

-- case: delete with alias and subquery
-- sources: ds.s
-- targets: ds.t
DELETE FROM ds.t AS x WHERE x.id IN (SELECT id FROM ds.s)

-- case: truncate backticked
-- targets: p.d.t
TRUNCATE TABLE `p.d.t`

-- case: legacy snapshot decorator
-- sources: ds.t
#legacySQL
SELECT COUNT(*) FROM [ds.t@-3600000]

-- case: legacy partition decorator
-- sources: p.ds.t
#legacySQL
SELECT * FROM [p:ds.t$20200101]

-- case: legacy from list with subquery
-- sources: p.d.a, p.d.b
#legacySQL
SELECT x FROM [p:d.a], (SELECT x FROM [p:d.b])

-- case: pipe syntax aliases and aggregate
-- sources: ds.orders, ds.customers
FROM ds.orders
|> AS o
|> JOIN ds.customers AS c ON o.cid = c.id
|> AGGREGATE SUM(o.amount) AS total GROUP BY c.country
|> ORDER BY total DESC

-- case: trailing comment after last statement
-- sources: ds.t
SELECT * FROM ds.t LIMIT 10; -- FROM ds.fake

-- case: tabs and odd spacing
-- sources: ds.t, ds.u
SELECT	*	FROM	ds.t
	JOIN		ds.u	ON	TRUE

-- case: create view then read view in same script
-- sources: ds.t, ds.v
-- targets: ds.v
CREATE VIEW ds.v AS SELECT * FROM ds.t; SELECT * FROM ds.v

-- case: tablesample with parameter
-- sources: ds.t
SELECT * FROM ds.t TABLESAMPLE SYSTEM (@pct PERCENT)

-- case: non-reserved keywords as aliases
-- sources: ds.t, ds.u
SELECT * FROM ds.t data JOIN ds.u AS model ON data.id = model.id

-- case: parenthesised single table bigquery
-- sources: ds.a
SELECT * FROM (ds.a)

-- case: backtick alias
-- sources: ds.t
SELECT `x`.a FROM ds.t `x`

-- case: export data with cte
-- sources: ds.t
-- targets:
EXPORT DATA OPTIONS (uri = 'gs://b/*.json', format = 'JSON') AS
WITH c AS (SELECT * FROM ds.t) SELECT * FROM c

-- case: airflow macro expressions in strings
-- sources: ds.t
SELECT * FROM ds.t WHERE d BETWEEN '{{ macros.ds_add(ds, -7) }}' AND '{{ ds }}'

-- case: struct constructor typed
-- sources: ds.t
SELECT STRUCT<a INT64, b STRING>(1, 'x') AS s FROM ds.t

-- case: unicode backtick path
-- sources: proj.データ.表
SELECT * FROM `proj.データ.表`

-- case: join on parenthesised condition
-- sources: ds.t1, ds.t2
SELECT * FROM ds.t1 JOIN ds.t2 ON (t1.a = t2.a AND t1.b = t2.b)

-- case: merge with cte in using subquery and temp table
-- sources: ds.raw
-- targets: ds.dim
CREATE TEMP TABLE changes AS SELECT * FROM ds.raw WHERE updated > @since;
MERGE ds.dim d
USING (WITH c AS (SELECT * FROM changes) SELECT * FROM c) s
ON d.id = s.id
WHEN MATCHED THEN UPDATE SET name = s.name
WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name);

-- case: merge into temp table not a target
-- sources: ds.s
-- targets:
CREATE TEMP TABLE acc (id INT64);
MERGE acc USING ds.s ON acc.id = s.id WHEN NOT MATCHED THEN INSERT ROW;

-- case: insert select with window and qualify
-- sources: ds.events
-- targets: ds.latest
INSERT INTO ds.latest
SELECT * FROM ds.events
WHERE TRUE
QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC) = 1

-- case: information schema partitions and options
-- sources: proj.ds.INFORMATION_SCHEMA.PARTITIONS, region-eu.INFORMATION_SCHEMA.TABLE_OPTIONS
SELECT * FROM `proj.ds.INFORMATION_SCHEMA.PARTITIONS` p
JOIN `region-eu`.INFORMATION_SCHEMA.TABLE_OPTIONS o USING (table_name)

-- case: date literal and keyword-like functions
-- sources: ds.t
SELECT CURRENT_DATE, CURRENT_TIMESTAMP, LEFT(s, 2), RIGHT(s, 2), IF(a, 1, 2), REPLACE(s, 'a', 'b') FROM ds.t

-- case: left and right functions before from
-- sources: ds.t, ds.u
SELECT LEFT(a, 1) FROM ds.t LEFT JOIN ds.u ON RIGHT(t.b, 1) = u.b

-- case: exception block with nested if
-- sources: ds.a, ds.b
-- targets: ds.log
BEGIN
  IF (SELECT COUNT(*) FROM ds.a) = 0 THEN
    RAISE USING MESSAGE = 'empty';
  END IF;
  INSERT INTO ds.log SELECT CURRENT_TIMESTAMP(), COUNT(*) FROM ds.b;
EXCEPTION WHEN ERROR THEN
  SELECT @@error.message, @@error.statement_text;
END;

-- case: for loop over information schema
-- sources: ds.INFORMATION_SCHEMA.TABLES
FOR t IN (SELECT table_name FROM ds.INFORMATION_SCHEMA.TABLES WHERE table_name LIKE 'tmp_%') DO
  EXECUTE IMMEDIATE FORMAT('DROP TABLE ds.%s', t.table_name);
END FOR;

-- case: while with break and continue
-- sources: ds.q
DECLARE n INT64 DEFAULT 0;
WHILE TRUE DO
  SET n = n + 1;
  IF n > (SELECT MAX(k) FROM ds.q) THEN BREAK; ELSE CONTINUE; END IF;
END WHILE;

-- case: select with struct in from subquery alias path
-- sources: ds.t
SELECT s.x.y FROM (SELECT STRUCT(STRUCT(1 AS y) AS x) AS s FROM ds.t)

-- case: union inside insert and cte
-- sources: ds.a, ds.b, ds.c
-- targets: ds.all
INSERT INTO ds.all
WITH x AS (SELECT * FROM ds.a UNION ALL SELECT * FROM ds.b)
SELECT * FROM x UNION DISTINCT SELECT * FROM ds.c

-- case: table function call in join
-- sources: ds.t, ds.param_src
SELECT * FROM ds.t JOIN ds.tvf((SELECT MAX(d) FROM ds.param_src)) AS f ON TRUE

-- case: three-level correlated path in subquery from select list
-- sources: ds.orders
SELECT o.id, (SELECT SUM(li.qty) FROM o.shipments s, s.line_items li) AS q FROM ds.orders o

-- case: alias equal to a dataset name makes a later path an array path (BigQuery rule)
-- sources: ds.t
SELECT * FROM ds.t AS ds JOIN ds.u ON TRUE

-- case: create table function then select from it
-- sources: ds.base
CREATE TABLE FUNCTION ds.f(x INT64) AS (SELECT * FROM ds.base WHERE k = x);
SELECT * FROM ds.f(1);

-- case: create materialized view as replica
-- sources: ds.src
-- targets: ds.mv
CREATE MATERIALIZED VIEW ds.mv OPTIONS (enable_refresh = false) AS (SELECT * FROM ds.src)

-- case: create snapshot table
-- sources: ds.t
-- targets: ds.t_snapshot
CREATE SNAPSHOT TABLE IF NOT EXISTS ds.t_snapshot CLONE ds.t OPTIONS (expiration_timestamp = TIMESTAMP '2030-01-01')

-- case: create external table with connection
-- targets: ds.biglake
CREATE EXTERNAL TABLE ds.biglake WITH CONNECTION `p.us.c` OPTIONS (format = 'PARQUET', uris = ['gs://b/*'])

-- case: select from model evaluation
-- sources: ds.eval
SELECT * FROM ML.EVALUATE(MODEL `ds.m`, TABLE ds.eval)

-- case: reserved word dataset needs no special handling when quoted
-- sources: proj.select.t
SELECT * FROM `proj`.`select`.t

-- case: with offset alias used later
-- sources: ds.t
SELECT off, v FROM ds.t, UNNEST(t.vals) AS v WITH OFFSET AS off ORDER BY off

-- case: group by all and order by all
-- sources: ds.t
SELECT a, b, SUM(c) FROM ds.t GROUP BY ALL ORDER BY ALL

-- case: insert into tableau of column list then cte
-- sources: ds.s
-- targets: ds.t
INSERT INTO ds.t (a, b)
WITH x AS (SELECT a, b FROM ds.s)
SELECT * FROM x

-- case: keyword table name quoted in backticks
-- sources: ds.order, ds.group
SELECT * FROM ds.`order` JOIN `ds.group` ON TRUE
