-- case: mysql backticks
-- dialect: ansi
-- sources: schema1.tab1
SELECT col1 FROM `schema1`.`tab1`

-- case: tsql brackets
-- dialect: ansi
-- sources: schema1.tab1
SELECT * FROM [schema1].[tab1]

-- case: tsql bracket table with space
-- dialect: ansi
-- sources: dbo.Order Details
SELECT * FROM [dbo].[Order Details] od

-- case: brackets are legacy tables in bigquery
-- sources: schema1.tab1
SELECT * FROM [schema1.tab1]

-- case: double quoted identifiers
-- dialect: ansi
-- sources: Schema.My Table
SELECT "col" FROM "Schema"."My Table"

-- case: double quoted keyword column alias
-- dialect: ansi
-- sources: tab1
SELECT 1 "as" FROM tab1

-- case: insert overwrite table
-- dialect: ansi
-- sources: tab2
-- targets: tab1
INSERT OVERWRITE TABLE tab1 SELECT col1 FROM tab2

-- case: insert overwrite partition
-- dialect: ansi
-- sources: db.src
-- targets: db.dst
INSERT OVERWRITE TABLE db.dst PARTITION (dt = '2020-01-01', hr) SELECT a, b, hr FROM db.src WHERE dt = '2020-01-01'

-- case: insert overwrite partition if not exists
-- dialect: ansi
-- sources: s
-- targets: t
INSERT OVERWRITE TABLE t PARTITION (dt = '1') IF NOT EXISTS SELECT * FROM s

-- case: insert into table keyword
-- dialect: ansi
-- targets: tab1
INSERT INTO TABLE tab1 VALUES (1, 2)

-- case: insert overwrite without table keyword
-- dialect: ansi
-- sources: tab2
-- targets: tab1
INSERT OVERWRITE tab1 SELECT * FROM tab2

-- case: insert overwrite from self
-- dialect: ansi
-- sources: foo
-- targets: foo
INSERT OVERWRITE TABLE foo SELECT col FROM foo WHERE flag IS NOT NULL

-- case: insert overwrite directory
-- dialect: ansi
-- sources: tab1
-- targets:
INSERT OVERWRITE DIRECTORY 'hdfs://path/to/folder' SELECT * FROM tab1

-- case: insert overwrite local directory
-- dialect: ansi
-- sources: tab1
-- targets:
INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' ROW FORMAT DELIMITED SELECT * FROM tab1

-- case: hive multi insert
-- dialect: ansi
-- sources: src
-- targets: t1, t2
FROM src
INSERT OVERWRITE TABLE t1 SELECT a WHERE a > 0
INSERT OVERWRITE TABLE t2 SELECT b WHERE b > 0

-- case: lateral view json tuple
-- dialect: ansi
-- sources: bar
-- targets: foo
INSERT OVERWRITE TABLE foo
SELECT sc.id, q.item0, q.item1
FROM bar sc
LATERAL VIEW json_tuple(sc.json, 'key1', 'key2') q AS item0, item1

-- case: lateral view outer
-- dialect: ansi
-- sources: bar
-- targets: foo
INSERT OVERWRITE TABLE foo
SELECT sc.id, q.col1
FROM bar sc
LATERAL VIEW OUTER explode(sc.json_array) q AS col1

-- case: two lateral views then join
-- dialect: ansi
-- sources: a, b
SELECT * FROM a LATERAL VIEW explode(x) t1 AS c1 LATERAL VIEW explode(y) t2 AS c2, c3 JOIN b ON TRUE

-- case: select into
-- dialect: ansi
-- sources: films
-- targets: films_recent
SELECT * INTO films_recent FROM films WHERE date_prod >= '2002-01-01'

-- case: select into with union
-- dialect: ansi
-- sources: films, films_backup
-- targets: films_all
SELECT * INTO films_all FROM films UNION ALL SELECT * FROM films_backup

-- case: select into tsql temp table
-- dialect: ansi
-- sources: dbo.orders
-- targets:
SELECT * INTO #recent FROM dbo.orders;
SELECT * FROM #recent;

-- case: select into outfile is not a table
-- dialect: ansi
-- sources: t
-- targets:
SELECT * FROM t INTO OUTFILE '/tmp/x.csv'

-- case: create table columns no sources
-- dialect: ansi
-- sources:
-- targets: tab1
CREATE TABLE tab1 (col1 STRING)

-- case: create table if not exists columns
-- dialect: ansi
-- targets: tab1
CREATE TABLE IF NOT EXISTS tab1 (col1 STRING, col2 INT NOT NULL DEFAULT 0, PRIMARY KEY (col1))

-- case: create table like
-- dialect: ansi
-- sources: tab2
-- targets: tab1
CREATE TABLE tab1 LIKE tab2

-- case: create table as parenthesised both
-- dialect: ansi
-- sources: tab2
-- targets: tab1
CREATE TABLE tab1 AS (SELECT * FROM (tab2))

-- case: create table select without as
-- dialect: ansi
-- sources: tab2
-- targets: tab1
CREATE TABLE tab1 SELECT * FROM tab2

-- case: create spark bucket table
-- dialect: ansi
-- targets: student
CREATE TABLE student (id INT, name STRING, age INT)
USING CSV
PARTITIONED BY (age)
CLUSTERED BY (Id) INTO 4 buckets

-- case: create athena with properties
-- dialect: ansi
-- sources: foo
-- targets: bar
CREATE TABLE bar
WITH (
  bucketed_by = ARRAY['customer_id'],
  bucket_count = 8
)
AS SELECT * FROM foo

-- case: create hive serde
-- dialect: ansi
-- targets: apachelog
CREATE TABLE apachelog (
  host STRING,
  `user` STRING,
  `time` STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'
WITH SERDEPROPERTIES (
  "input.regex" = "([^]*) ([^]*) (-|\\[^\\]*\\]) ([^ \"]*|\"[^\"]*\")"
)
STORED AS TEXTFILE

-- case: create table stored as select
-- dialect: ansi
-- sources: db.src
-- targets: db.dst
CREATE TABLE db.dst STORED AS PARQUET AS SELECT * FROM db.src

-- case: create temporary view spark
-- dialect: ansi
-- sources: db.src
-- targets:
CREATE OR REPLACE TEMPORARY VIEW v AS SELECT * FROM db.src

-- case: create view ansi
-- dialect: ansi
-- sources: tab1
-- targets: view1
CREATE VIEW view1
as
SELECT
    col1,
    col2
FROM tab1
GROUP BY
col1

-- case: drop use set report nothing
-- dialect: ansi
-- sources:
-- targets:
DROP TABLE IF EXISTS tab1;
USE db1;
SET hive.exec.dynamic.partition.mode=nonstrict;
SET spark.sql.variable.substitute;
SET mapred.job.name = ${hiveconf:job_name};

-- case: ansi set then insert
-- dialect: ansi
-- sources: s
-- targets: t
SET hive.exec.dynamic.partition=true;
INSERT INTO t SELECT * FROM s;

-- case: refresh cache uncache show
-- dialect: ansi
-- targets:
REFRESH TABLE tab1;
CACHE TABLE tab1 SELECT * FROM tab2;
UNCACHE TABLE IF EXISTS tab1;
SHOW CREATE TABLE tab1;
DESC FUNCTION abs;
ADD JAR /tmp/SimpleUdf.jar;
ANALYZE tab (col1, col2);
MSCK REPAIR TABLE tab1;

-- case: create function using jar
-- dialect: ansi
-- targets:
CREATE OR REPLACE TEMPORARY FUNCTION simple_temp_udf AS 'SimpleUdf' USING JAR '/tmp/SimpleUdf.jar'

-- case: with insert table keyword
-- dialect: ansi
-- sources: tab2
-- targets: tab3
WITH tab1 AS (SELECT * FROM tab2) INSERT INTO TABLE tab3 SELECT * FROM tab1

-- case: with insert overwrite
-- dialect: ansi
-- sources: tab2
-- targets: tab3
WITH tab1 AS (SELECT * FROM tab2) INSERT OVERWRITE TABLE tab3 SELECT * FROM tab1

-- case: spark cte without as
-- dialect: ansi
-- sources: schema1.tab1
WITH wtab1 (SELECT * FROM schema1.tab1) SELECT * FROM wtab1

-- case: cte then update from
-- dialect: ansi
-- sources: tab1
-- targets: tab2
WITH cte1 AS (SELECT col1, col2 FROM tab1)
UPDATE tab2
SET tab2.col2 = cte1.col2 FROM cte1
WHERE tab2.col1 = cte1.col1;

-- case: mysql update join
-- dialect: ansi
-- sources: tab2
-- targets: tab1
UPDATE tab1 a INNER JOIN tab2 b ON a.col1=b.col1 SET a.col2=b.col2

-- case: tsql update alias from join
-- dialect: ansi
-- sources: tab2
-- targets: tab1
UPDATE a SET a.col1 = b.col1 FROM tab1 a INNER JOIN tab2 b ON a.id = b.id

-- case: postgres update from
-- dialect: ansi
-- sources: s
-- targets: t
UPDATE t SET x = s.x FROM s WHERE t.id = s.id

-- case: postgres delete using
-- dialect: ansi
-- sources: s
-- targets: t
DELETE FROM t USING s WHERE t.id = s.id

-- case: delete from table keyword
-- dialect: ansi
-- targets: tab1
DELETE FROM table tab1

-- case: insert default schema keyword
-- dialect: ansi
-- sources: tab1
-- targets: default.tab2
INSERT INTO default.tab2
    (SELECT *
    FROM tab1)

-- case: non reserved keyword table names
-- dialect: ansi
-- sources: segment
-- targets: host
WITH summary AS (SELECT * FROM segment) INSERT INTO host SELECT * FROM summary

-- case: merge into using table
-- dialect: ansi
-- sources: src
-- targets: target
MERGE INTO target
USING src ON target.k = src.k
WHEN MATCHED THEN UPDATE SET target.v = src.v

-- case: merge using cte subquery
-- dialect: ansi
-- sources: src
-- targets: tgt
MERGE INTO tgt t
USING (
    WITH base AS (
        SELECT id, max(value) AS value FROM src GROUP BY id
    )
    SELECT id, value FROM base
) s
ON t.id = s.id
WHEN MATCHED THEN
UPDATE SET t.value = s.value

-- case: insert values with subqueries
-- dialect: ansi
-- sources: tab2, tab3
-- targets: tab1
INSERT INTO tab1 VALUES (1, (SELECT max(id) FROM tab2)), (2, (SELECT max(id) FROM tab3))

-- case: tsql no semicolon
-- dialect: ansi
-- sources: foo, bar
-- targets: tab1, tab2
insert into tab1 select * from foo
insert into tab2 select * from bar

-- case: tsql declare variable
-- dialect: ansi
-- sources: People
-- targets: tgt
DECLARE @age int = 10;
INSERT INTO tgt
SELECT Name,@age
FROM People;

-- case: tsql table hint in parens
-- dialect: ansi
-- sources: dbname.dto.tablename
select * from dbname.dto.tablename(NOLOCK)

-- case: tsql with nolock
-- dialect: ansi
-- sources: dbo.t, dbo.u
SELECT * FROM dbo.t WITH (NOLOCK) JOIN dbo.u u WITH (NOLOCK) ON t.id = u.id

-- case: tsql procedure
-- dialect: ansi
-- sources: tab1, tab2
-- targets: tab2, tab3
CREATE PROCEDURE proc1()
AS
BEGIN
INSERT INTO tab2 (col1)
SELECT col1 FROM tab1;
INSERT INTO tab3 (col2)
SELECT col2 FROM tab2;
END

-- case: bigquery procedure
-- sources: tab1
CREATE PROCEDURE proc1()
BEGIN
SELECT col1 FROM tab1;
END

-- case: copy from path
-- dialect: ansi
-- targets: tab1
COPY tab1 FROM 's3://mybucket/mypath'

-- case: copy into
-- dialect: ansi
-- targets: tab1
COPY INTO tab1 FROM 's3://mybucket/mypath'

-- case: spark select from file path
-- dialect: ansi
-- sources:
SELECT * FROM parquet.`examples/src/main/resources/`

-- case: alter exchange partition
-- dialect: ansi
-- sources: tab2
-- targets: tab1
ALTER TABLE tab1 EXCHANGE PARTITION (pt='part1') WITH TABLE tab2

-- case: alter swap with
-- dialect: ansi
-- sources: tab2
-- targets: tab1
ALTER TABLE tab1 SWAP WITH tab2

-- case: rename table statement
-- dialect: ansi
-- targets:
rename table tab1 to tab2, tab3 to tab4

-- case: left semi join
-- dialect: ansi
-- sources: tab1, tab2
SELECT * FROM tab1 LEFT SEMI JOIN tab2 ON (tab1.col1 = tab2.col2)

-- case: lateral subquery
-- dialect: ansi
-- sources: foo, bar
SELECT *
FROM foo,
     LATERAL (SELECT * FROM bar WHERE bar.id = foo.bar_id) ss

-- case: lateral function
-- dialect: ansi
-- sources: manufacturers
SELECT m.name
FROM manufacturers m LEFT JOIN LATERAL get_product_names(m.id) pname ON true
WHERE pname IS NULL;

-- case: snowflake generator
-- dialect: ansi
-- sources:
SELECT seq4(), uniform(1, 10, random(12))
FROM table(generator()) v
ORDER BY 1;

-- case: snowflake flatten
-- dialect: ansi
-- sources: my_snowflake_schema.persons
SELECT id as ID, f.value AS Contact, f1.value:type AS Type
FROM my_snowflake_schema.persons p,
lateral flatten(input => p.c, path => 'contact') f,
lateral flatten(input => f.value:business) f1;

-- case: snowflake identifier
-- dialect: ansi
-- sources: target
SELECT col1 FROM identifier('target') WHERE x = 1;

-- case: identifier with bind variable
-- dialect: ansi
-- sources:
SELECT col1 FROM identifier(:target) WHERE x = 1;

-- case: unnest with ordinality
-- dialect: ansi
-- sources:
SELECT numbers, n, a
FROM (
  VALUES
    (ARRAY[2, 5]),
    (ARRAY[7, 8, 9])
) AS x (numbers)
CROSS JOIN UNNEST(numbers) WITH ORDINALITY AS t (n, a);

-- case: presto unnest cross join
-- dialect: ansi
-- sources: tests
SELECT student, score FROM tests CROSS JOIN UNNEST (scores) AS t (score)

-- case: case-insensitive duplicate
-- dialect: ansi
-- sources: tab_b
SELECT * FROM tab_b
UNION ALL
SELECT * FROM TAB_B

-- case: parenthesised single table
-- dialect: ansi
-- sources: tab1
SELECT * FROM (tab1)

-- case: parenthesised nested joins
-- dialect: ansi
-- sources: tab1, tab2, tab3
SELECT tab1.id
FROM ((tab1
    LEFT JOIN tab2 ON tab1.id = tab2.id)
    LEFT JOIN tab3 ON tab1.id = tab3.id)

-- case: many parentheses around subquery
-- dialect: ansi
-- sources: tab1
SELECT col1 FROM (((((((SELECT col1 FROM tab1))))))) dt

-- case: subquery in case
-- dialect: ansi
-- sources: tab1, tab2
select
    1,
    case
        when 1 = ( select count(*) from tab1 where col1 = 'tab2' )
            then ( select count(*) from tab2 )
        else 0
    end as cnt

-- case: trim from in ansi
-- dialect: ansi
-- sources:
SELECT trim(BOTH '  ' FROM '  abc  ')

-- case: postgres casts and json operators
-- dialect: ansi
-- sources: t
SELECT a::int, b->>'x', c #> '{a}' FROM t

-- case: mysql hash comment
-- dialect: ansi
-- sources: t
# comment FROM fake
SELECT * FROM t # another comment

-- case: mysql backslash escape
-- dialect: ansi
-- sources: t
SELECT 'it\'s FROM fake' FROM t

-- case: ansi doubled quote escape
-- dialect: ansi
-- sources: t
SELECT 'it''s FROM fake' FROM t

-- case: ansi multiline string
-- dialect: ansi
-- sources: t
SELECT 'line one
FROM fake' FROM t

-- case: oracle minus
-- dialect: ansi
-- sources: a, b
SELECT x FROM a MINUS SELECT x FROM b

-- case: distribute sort cluster by commas
-- dialect: ansi
-- sources: db.src
-- targets: db.dst
INSERT OVERWRITE TABLE db.dst SELECT a, b FROM db.src DISTRIBUTE BY a, b SORT BY a, b

-- case: hive load data inpath
-- dialect: ansi
-- targets: db.t
LOAD DATA LOCAL INPATH '/tmp/x' OVERWRITE INTO TABLE db.t PARTITION (dt = '1')

-- case: postgres on conflict do update
-- dialect: ansi
-- sources: s
-- targets: t
INSERT INTO t SELECT * FROM s ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v

-- case: mysql replace into
-- dialect: ansi
-- sources: s
-- targets: t
REPLACE INTO t SELECT * FROM s

-- case: table statement
-- dialect: ansi
-- sources: t
TABLE t

-- case: explain reports nothing
-- dialect: ansi
-- sources:
EXPLAIN SELECT * FROM t

-- case: oracle dual is reported as written
-- dialect: ansi
-- sources: dual
SELECT 1 FROM dual WHERE 1 = 0

-- case: window over partition commas
-- dialect: ansi
-- sources: foo
SELECT row_number() OVER (ORDER BY dt DESC),
   sum(foo) OVER (PARTITION BY a, b ORDER BY c, d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM foo

-- case: redshift brackets
-- dialect: ansi
-- sources: test_schema.test_table
SELECT [col1] FROM [test_schema].[test_table]

-- case: tsql three part bracket names
-- dialect: ansi
-- sources: db.dbo.t
SELECT TOP 10 * FROM [db].[dbo].[t] ORDER BY 1

-- case: ansi hyphen is minus
-- dialect: ansi
-- sources: t
SELECT a-b FROM t

-- case: postgres dollar quoted function body is a string
-- dialect: ansi
-- sources: s
-- targets:
CREATE FUNCTION f() RETURNS void AS $$ BEGIN INSERT INTO fake SELECT 1; END $$ LANGUAGE plpgsql;
CREATE FUNCTION g() RETURNS int AS $body$ SELECT count(*) FROM fake2 $body$ LANGUAGE sql;
SELECT * FROM s;

-- case: tsql temp table at line start
-- dialect: ansi
-- sources: dbo.t
-- targets:
SELECT *
INTO
#tmp
FROM dbo.t;

-- case: tsql global temp table
-- dialect: ansi
-- sources: dbo.t
-- targets: dbo.out
SELECT * INTO ##g FROM dbo.t;
INSERT INTO dbo.out SELECT * FROM ##g;

-- case: tsql go batch separator
-- dialect: ansi
-- sources: s, u
-- targets: t
INSERT INTO t SELECT * FROM s
GO
SELECT * FROM u
GO

-- case: snowflake transient table
-- dialect: ansi
-- sources: raw.events
-- targets: analytics.daily
CREATE OR REPLACE TRANSIENT TABLE analytics.daily AS SELECT * FROM raw.events

-- case: postgres with delete returning
-- dialect: ansi
-- sources: old_ids
-- targets: t
WITH gone AS (SELECT id FROM old_ids) DELETE FROM t WHERE id IN (SELECT id FROM gone) RETURNING *

-- case: postgres only keyword
-- dialect: ansi
-- sources: parent
SELECT * FROM ONLY parent

-- case: any subquery
-- dialect: ansi
-- sources: t1, t2
SELECT * FROM t1 WHERE a = ANY (SELECT b FROM t2)

-- case: mysql straight join and index hints
-- dialect: ansi
-- sources: t1, t2
SELECT * FROM t1 USE INDEX (i1) STRAIGHT_JOIN t2 FORCE INDEX (i2) ON t1.a = t2.a

-- case: mysql multi-statement with variables
-- dialect: ansi
-- sources: db.s
-- targets: db.t
SET @x = 1;
INSERT INTO db.t SELECT a, @x FROM db.s;

-- case: hive insert into with columns and partition
-- dialect: ansi
-- sources: db.s
-- targets: db.t
INSERT INTO TABLE db.t PARTITION (dt = '2024-01-01') (a, b) SELECT a, b FROM db.s

-- case: spark insert overwrite with cte and lateral view
-- dialect: ansi
-- sources: db.src
-- targets: db.dst
WITH x AS (SELECT id, arr FROM db.src)
INSERT OVERWRITE TABLE db.dst
SELECT id, e FROM x LATERAL VIEW explode(arr) t AS e

-- case: redshift unload is not a target
-- dialect: ansi
-- sources:
-- targets:
UNLOAD ('SELECT * FROM fake') TO 's3://bucket/prefix' IAM_ROLE 'arn:aws:iam::1:role/r'

-- case: ansi fetch first
-- dialect: ansi
-- sources: t
SELECT * FROM t ORDER BY a FETCH FIRST 10 ROWS ONLY

-- case: ansi natural full outer join chain
-- dialect: ansi
-- sources: a, b, c
SELECT * FROM a NATURAL FULL OUTER JOIN b, c
