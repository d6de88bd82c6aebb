-- case: with cte
-- sources: ds.t
WITH c AS (SELECT * FROM ds.t) SELECT * FROM c

-- case: multiple ctes referencing each other
-- sources: ds.a, ds.b
WITH x AS (SELECT * FROM ds.a), y AS (SELECT * FROM x JOIN ds.b ON TRUE) SELECT * FROM y, x

-- case: cte shadowing a real table
-- sources: raw.orders
WITH orders AS (SELECT * FROM raw.orders) SELECT * FROM orders

-- case: cte shadows single-part table inside its scope only
-- sources: orders
WITH orders AS (SELECT * FROM orders WHERE x > 0) SELECT * FROM orders

-- case: cte scope ends at statement end
-- sources: ds.a, c
WITH c AS (SELECT * FROM ds.a) SELECT * FROM c; SELECT * FROM c;

-- case: cte name case-insensitive
-- sources: ds.a
WITH Cte AS (SELECT * FROM ds.a) SELECT * FROM CTE

-- case: qualified name with cte name is a table
-- sources: ds.a, ds.c
WITH c AS (SELECT * FROM ds.a) SELECT * FROM c JOIN ds.c ON TRUE

-- case: recursive cte
-- sources: ds.edges
WITH RECURSIVE r AS (
  SELECT 1 AS n, id FROM ds.edges
  UNION ALL
  SELECT n + 1, e.id FROM r JOIN ds.edges e ON e.parent = r.id WHERE n < 10
) SELECT * FROM r

-- case: recursive cte with later plain cte
-- sources: ds.t
WITH RECURSIVE a AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM a WHERE n < 3),
b AS (SELECT * FROM a CROSS JOIN ds.t)
SELECT * FROM b

-- case: nested with in subquery
-- sources: ds.t, ds.u
SELECT * FROM (WITH inner_c AS (SELECT * FROM ds.t) SELECT * FROM inner_c) JOIN ds.u ON TRUE

-- case: nested cte scope does not leak
-- sources: ds.t, inner_c
SELECT * FROM (WITH inner_c AS (SELECT * FROM ds.t) SELECT * FROM inner_c) x JOIN inner_c ON TRUE

-- case: cte inside cte body
-- sources: ds.t
WITH outer_c AS (WITH i AS (SELECT * FROM ds.t) SELECT * FROM i) SELECT * FROM outer_c

-- case: cte with column list
-- sources: ds.t
WITH c (a, b) AS (SELECT x, y FROM ds.t) SELECT a FROM c

-- case: backticked cte name
-- sources: ds.t
WITH `c` AS (SELECT * FROM ds.t) SELECT * FROM `c`

-- case: unnest is not a table
-- sources: ds.t
SELECT x FROM ds.t, UNNEST(t.arr) AS x

-- case: unnest alias
-- sources: ds.t
SELECT * FROM ds.t CROSS JOIN UNNEST(items) AS item WITH OFFSET AS pos

-- case: unnest literal
-- sources:
SELECT * FROM UNNEST([1, 2, 3]) AS n

-- case: unnest with offset no alias
-- sources:
SELECT * FROM UNNEST(GENERATE_ARRAY(1, 10)) WITH OFFSET

-- case: correlated array path with table name
-- sources: ds.t
SELECT * FROM ds.t, t.arr

-- case: correlated array path with alias
-- sources: ds.orders
SELECT i.sku FROM ds.orders AS o, o.items AS i

-- case: correlated array path via join
-- sources: ds.orders
SELECT * FROM ds.orders o LEFT JOIN o.items i ON TRUE

-- case: correlated deep path
-- sources: ds.t
SELECT * FROM ds.t AS x, x.a.b AS y

-- case: correlated in scalar subquery of select list
-- sources: ds.orders
SELECT (SELECT SUM(i.qty) FROM o.items i) AS q FROM ds.orders o

-- case: correlated in exists
-- sources: ds.orders
SELECT * FROM ds.orders o WHERE EXISTS (SELECT 1 FROM o.items WHERE sku = 'x')

-- case: alias shadows dataset name only after definition
-- sources: ds.t, x.u
SELECT * FROM x.u JOIN ds.t AS x ON TRUE

-- case: unnest of correlated path in subquery
-- sources: ds.t
SELECT ARRAY(SELECT AS STRUCT * FROM UNNEST(t.arr) a WHERE a.x > 0) FROM ds.t

-- case: wildcard table
-- sources: ds.events_*
SELECT * FROM ds.events_* WHERE _TABLE_SUFFIX BETWEEN '20200101' AND '20200131'

-- case: wildcard backticked
-- sources: proj.ds.events_*
SELECT * FROM `proj.ds.events_*` WHERE _TABLE_SUFFIX > '2021'

-- case: wildcard backticked with hyphen project
-- sources: bigquery-public-data.noaa_gsod.gsod19*
SELECT max, year FROM `bigquery-public-data.noaa_gsod.gsod19*` WHERE _TABLE_SUFFIX BETWEEN '29' and '35'

-- case: wildcard with full prefix
-- sources: proj.analytics_123.events_2023*
SELECT event_name FROM `proj.analytics_123.events_2023*`

-- case: for system_time as of
-- sources: ds.t
SELECT * FROM ds.t FOR SYSTEM_TIME AS OF TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)

-- case: for system_time with alias
-- sources: ds.t, ds.u
SELECT * FROM ds.t AS t FOR SYSTEM_TIME AS OF '2021-01-01' JOIN ds.u ON TRUE

-- case: for system time spelled out
-- sources: ds.t
SELECT * FROM ds.t FOR SYSTEM TIME AS OF CURRENT_TIMESTAMP()

-- case: tablesample
-- sources: ds.t
SELECT * FROM ds.t TABLESAMPLE SYSTEM (10 PERCENT)

-- case: tablesample then join
-- sources: ds.t, ds.u
SELECT * FROM ds.t TABLESAMPLE SYSTEM (10 PERCENT) JOIN ds.u USING (id)

-- case: pivot
-- sources: ds.produce
SELECT * FROM ds.produce PIVOT(SUM(sales) FOR quarter IN ('Q1', 'Q2', 'Q3', 'Q4'))

-- case: pivot with alias
-- sources: ds.produce
SELECT * FROM (SELECT * FROM ds.produce) PIVOT(SUM(sales) AS total FOR quarter IN ('Q1' AS q1, 'Q2')) AS p

-- case: unpivot
-- sources: ds.produce
SELECT * FROM ds.produce UNPIVOT(sales FOR quarter IN (Q1, Q2, Q3, Q4))

-- case: unpivot include nulls multiple columns
-- sources: ds.produce
SELECT * FROM ds.produce UNPIVOT INCLUDE NULLS ((first_half_sales, second_half_sales) FOR semesters IN ((Q1, Q2) AS 'semester_1', (Q3, Q4) AS 'semester_2'))

-- case: information schema with region
-- sources: region-us.INFORMATION_SCHEMA.JOBS
SELECT * FROM region-us.INFORMATION_SCHEMA.JOBS WHERE creation_time > '2024-01-01'

-- case: information schema backticked region
-- sources: region-us.INFORMATION_SCHEMA.JOBS_BY_PROJECT
SELECT * FROM `region-us`.INFORMATION_SCHEMA.JOBS_BY_PROJECT

-- case: information schema with project and region
-- sources: my-proj.region-asia-northeast1.INFORMATION_SCHEMA.JOBS
SELECT user_email FROM `my-proj`.`region-asia-northeast1`.INFORMATION_SCHEMA.JOBS

-- case: dataset information schema
-- sources: ds.INFORMATION_SCHEMA.TABLES
SELECT table_name FROM ds.INFORMATION_SCHEMA.TABLES

-- case: information schema fully backticked
-- sources: proj.ds.INFORMATION_SCHEMA.COLUMNS
SELECT * FROM `proj.ds.INFORMATION_SCHEMA.COLUMNS`

-- case: table valued function with table arg
-- sources: ds.t
SELECT * FROM ds.my_tvf(TABLE ds.t, 10)

-- case: ml predict table arg
-- sources: ds.input
SELECT * FROM ML.PREDICT(MODEL ds.my_model, TABLE ds.input)

-- case: ml predict subquery arg
-- sources: ds.input
SELECT * FROM ML.PREDICT(MODEL `ds.m`, (SELECT * FROM ds.input WHERE d = CURRENT_DATE()))

-- case: appends change history
-- sources: ds.t
SELECT * FROM APPENDS(TABLE ds.t, NULL, NULL)

-- case: external query strings are not tables
-- sources:
SELECT * FROM EXTERNAL_QUERY("proj.us.conn", "SELECT * FROM pg_table;")

-- case: vector search
-- sources: ds.base, ds.queries
SELECT * FROM VECTOR_SEARCH(TABLE ds.base, 'embedding', (SELECT * FROM ds.queries), top_k => 5)

-- case: extract from is not a table
-- sources: ds.t
SELECT EXTRACT(YEAR FROM ts) AS y, EXTRACT(DAYOFWEEK FROM DATE(ts)) FROM ds.t

-- case: extract only
-- sources:
SELECT EXTRACT(MONTH FROM DATE '2020-01-01')

-- case: functions that look like tables
-- sources: ds.t
SELECT DATE(x), TIMESTAMP(y), ds_fn.f(z), SAFE.PARSE_DATE('%Y', s) FROM ds.t

-- case: struct field paths are not tables
-- sources: ds.t
SELECT a.b.c, STRUCT(1 AS x).x, (SELECT AS STRUCT 1 AS y).y FROM ds.t

-- case: array subscript
-- sources: ds.t
SELECT arr[OFFSET(0)], arr[SAFE_ORDINAL(1)], ['a', 'b'][OFFSET(1)] FROM ds.t

-- case: is distinct from
-- sources: ds.t
SELECT * FROM ds.t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d

-- case: interval and date functions
-- sources: ds.t
SELECT DATE_SUB(CURRENT_DATE(), INTERVAL 1 DAY), DATE_TRUNC(d, MONTH) FROM ds.t

-- case: cast format
-- sources: ds.t
SELECT CAST(x AS STRING FORMAT 'YYYY') FROM ds.t

-- case: query parameters
-- sources: ds.t
SELECT * FROM ds.t WHERE d = @run_date AND x IN UNNEST(@ids) AND y = ?

-- case: system variables
-- sources:
SELECT @@project_id, @@dataset_id

-- case: string containing from
-- sources: ds.t
SELECT 'SELECT * FROM fake.table' AS s FROM ds.t

-- case: double-quoted string in bigquery
-- sources: ds.t
SELECT "FROM fake.one" FROM ds.t

-- case: triple quoted string
-- sources: ds.t
SELECT """
  SELECT * FROM fake.two;
  it's "quoted"
""" FROM ds.t

-- case: triple single quoted string
-- sources: ds.t
SELECT '''FROM fake.three ''' FROM ds.t

-- case: raw string
-- sources: ds.t
SELECT r'\d+ FROM fake', R"FROM fake2" FROM ds.t

-- case: byte strings
-- sources: ds.t
SELECT b'FROM fake', B"x", rb'FROM \x', BR'y', rB"""FROM
fake""" FROM ds.t

-- case: escaped quotes in string
-- sources: ds.t
SELECT 'it\'s FROM fake', "say \"FROM fake\"" FROM ds.t

-- case: line comment dashes
-- sources: ds.t
SELECT * -- FROM fake.a
FROM ds.t -- JOIN fake.b

-- case: hash comment
-- sources: ds.t
# FROM fake.a
SELECT * FROM ds.t # JOIN fake.b

-- case: block comment
-- sources: ds.t
SELECT /* FROM fake.a */ * FROM /* x */ ds.t /* JOIN
fake.b */

-- case: comment between path parts
-- sources: ds.t
SELECT * FROM ds./* c */t

-- case: comment directly after table
-- sources: ds.t, ds.u
SELECT * FROM ds.t--comment
JOIN ds.u/*x*/ON TRUE

-- case: standardSQL marker
-- sources: ds.t
#standardSQL
SELECT * FROM ds.t

-- case: pipe syntax
-- sources: ds.t, ds.u
FROM ds.t
|> WHERE x > 1
|> JOIN ds.u USING (id)
|> SELECT a, b

-- case: pipe syntax in subquery
-- sources: ds.t
SELECT * FROM (FROM ds.t |> WHERE a = 1)

-- case: javascript udf body is a string
-- sources: ds.t
CREATE TEMP FUNCTION f(x STRING) RETURNS STRING LANGUAGE js AS r"""
  // SELECT * FROM fake.js;
  return x.replace('FROM fake', '');
""";
SELECT f(a) FROM ds.t;

-- case: javascript udf with options library
-- sources: ds.t
CREATE TEMP FUNCTION g(x FLOAT64) RETURNS FLOAT64 LANGUAGE js
OPTIONS (library = ['gs://bucket/lib.js'])
AS '''return x * 2; // FROM fake''';
SELECT g(v) FROM ds.t

-- case: sql udf reading a table
-- sources: ds.lookup, ds.t
CREATE TEMP FUNCTION lk(k STRING) AS ((SELECT v FROM ds.lookup WHERE key = k));
SELECT lk(a) FROM ds.t

-- case: persistent function not a target
-- sources: ds.t
-- targets:
CREATE OR REPLACE FUNCTION ds.f(x INT64) RETURNS INT64 AS (x + 1);
SELECT ds.f(a) FROM ds.t

-- case: table function definition
-- sources: ds.t
CREATE OR REPLACE TABLE FUNCTION ds.tvf(d DATE) AS SELECT * FROM ds.t WHERE day = d

-- case: struct and array types
-- sources: ds.t
SELECT CAST(NULL AS STRUCT<a INT64, b ARRAY<STRING>>), ARRAY<INT64>[1, 2] FROM ds.t

-- case: json path
-- sources: ds.t
SELECT JSON_VALUE(j, '$.a.b'), j.a.b FROM ds.t

-- case: case expression
-- sources: ds.t, ds.u
SELECT CASE WHEN a IN (SELECT x FROM ds.u) THEN 1 ELSE 0 END FROM ds.t

-- case: cross join unnest of joined table
-- sources: ds.a, ds.b
SELECT * FROM ds.a JOIN ds.b ON a.id = b.id, UNNEST(b.tags) AS tag

-- case: safe unnest of json
-- sources: ds.t
SELECT * FROM ds.t, UNNEST(JSON_QUERY_ARRAY(j, '$.items')) AS item

-- case: table named with digits after hyphen
-- sources: proj-123456.ds_1.tbl_2
SELECT * FROM proj-123456.ds_1.tbl_2

-- case: unicode in string and identifier
-- sources: ds.t
SELECT 'æ—¥æœ¬èªž FROM fake', `ãƒ†ã‚¹ãƒˆ` FROM ds.t

-- case: column called table-ish
-- sources: ds.t
SELECT t.from_date, t.`from`, t.select FROM ds.t

-- case: date literal
-- sources: ds.t
SELECT DATE '2020-01-01', TIMESTAMP '2020-01-01 00:00:00', NUMERIC '1.5', JSON '{"a":1}' FROM ds.t

-- case: group by rollup
-- sources: ds.t
SELECT a, b FROM ds.t GROUP BY ROLLUP (a, b)

-- case: limit in subquery
-- sources: ds.t
SELECT * FROM (SELECT * FROM ds.t LIMIT 10)

-- case: left join lateral-like unnest
-- sources: ds.t
SELECT * FROM ds.t LEFT JOIN UNNEST(t.arr) AS e ON e.x = t.x

-- case: approximate functions and safe prefix
-- sources: ds.t
SELECT APPROX_QUANTILES(x, 100)[OFFSET(50)], SAFE_DIVIDE(a, b) FROM ds.t

-- case: range variable as whole row
-- sources: ds.t
SELECT TO_JSON_STRING(t) FROM ds.t AS t

-- case: backtick table with dash in table part
-- sources: proj.ds.my-table
SELECT * FROM `proj.ds.my-table`

-- case: dataset only information schema schemata
-- sources: proj.INFORMATION_SCHEMA.SCHEMATA
SELECT * FROM proj.INFORMATION_SCHEMA.SCHEMATA

-- case: gap fill table arg
-- sources: ds.series
SELECT * FROM GAP_FILL(TABLE ds.series, ts_column => 'time', bucket_width => INTERVAL 1 MINUTE)

-- case: changes tvf
-- sources: ds.t
SELECT * FROM CHANGES(TABLE `ds.t`, NULL, CURRENT_TIMESTAMP())

-- case: function with from keyword argument trim
-- sources: ds.t
SELECT TRIM(BOTH 'x' FROM y), SUBSTRING(a FROM 2 FOR 3) FROM ds.t

-- case: any_value having
-- sources: ds.t
SELECT ANY_VALUE(x HAVING MAX y) FROM ds.t

-- case: array function with subquery
-- sources: ds.t, ds.u
SELECT ARRAY(SELECT id FROM ds.u WHERE u.k = t.k) FROM ds.t
