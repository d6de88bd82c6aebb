-- Cases where regular-expression extractors (stairlight's and similar) get it wrong.

-- case: from inside a string literal
-- sources: ds.real
SELECT 'join ds.fake1 on' AS a, "FROM ds.fake2" AS b FROM ds.real

-- case: from inside a comment block spanning lines
-- sources: ds.real
/*
  old version:
  SELECT * FROM ds.fake1 JOIN ds.fake2
*/
SELECT * FROM ds.real

-- case: extract date from timestamp
-- sources: ds.t
SELECT EXTRACT(DATE FROM created_at AT TIME ZONE 'Asia/Tokyo') AS d FROM ds.t

-- case: cte name equals from word
-- sources: ds.a
WITH from_a AS (SELECT * FROM ds.a) SELECT * FROM from_a

-- case: multiline cte with identifiers on own lines
-- sources: proj.ds.a, proj.ds.b
WITH
  c1
  AS
  (
    SELECT *
    FROM
      `proj.ds.a`
  ),
  c2 AS (
    SELECT * FROM
      proj.ds.b
  )
SELECT * FROM c1 INNER JOIN c2 USING (id)

-- case: table name inside column alias
-- sources: ds.t
SELECT x AS from_table, y AS join_key FROM ds.t

-- case: join keyword inside identifier
-- sources: ds.joined, ds.fromage
SELECT * FROM ds.joined JOIN ds.fromage USING (id)

-- case: unnest in exists
-- sources: ds.t
SELECT * FROM ds.t WHERE EXISTS (SELECT * FROM UNNEST(t.arr) AS a WHERE a = 'x')

-- case: from after closing paren of function on same line
-- sources: ds.t
SELECT COUNT(DISTINCT(x)) FROM ds.t

-- case: union of same table
-- sources: ds.t
SELECT a FROM ds.t UNION ALL SELECT b FROM ds.t

-- case: nested join in parentheses with aliases
-- sources: ds.a, ds.b, ds.c
SELECT * FROM ds.a AS x LEFT JOIN (ds.b AS y INNER JOIN ds.c AS z ON y.id = z.id) ON x.id = y.id

-- case: string with escaped quote then from
-- sources: ds.t
SELECT 'don\'t FROM ds.fake' FROM ds.t

-- case: triple quoted with inner single quotes
-- sources: ds.t
SELECT '''it's 'quoted' FROM ds.fake''' FROM ds.t

-- case: comment marker inside string
-- sources: ds.t, ds.u
SELECT '-- not a comment', '/* nor this', '# nor this' FROM ds.t JOIN ds.u ON TRUE

-- case: string marker inside comment
-- sources: ds.t
SELECT 1 -- don't
FROM ds.t

-- case: backtick path containing keyword
-- sources: proj.select.from
SELECT * FROM `proj.select.from`

-- case: table alias named like a table
-- sources: ds.orders
SELECT * FROM ds.orders customers WHERE customers.id > 0

-- case: from in window frame
-- sources: ds.t
SELECT SUM(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) FROM ds.t

-- case: keyword after from on next line
-- sources: ds.t
SELECT *
FROM
-- the table
ds.t

-- case: cte referenced in subquery
-- sources: ds.a
WITH c AS (SELECT * FROM ds.a) SELECT * FROM (SELECT * FROM c) WHERE x IN (SELECT x FROM c)

-- case: select from unnest of struct array with from keyword field
-- sources: ds.t
SELECT s.`from` FROM ds.t, UNNEST(t.structs) AS s

-- case: params with default value
-- sources: {{ params.project | default('p') }}.ds.t
SELECT * FROM {{ params.project | default('p') }}.ds.t

-- case: join on subquery with from
-- sources: ds.a, ds.b
SELECT * FROM ds.a JOIN (SELECT id FROM ds.b) b ON a.id = b.id

-- case: into inside string in bigquery
-- sources: ds.t
SELECT 'INSERT INTO ds.fake' FROM ds.t

-- case: dml keywords as columns
-- sources: ds.t
SELECT t.update, t.delete, t.insert, t.merge FROM ds.t

-- case: field named table after dot
-- sources: ds.t
SELECT x.table FROM ds.t x

-- case: date function in partition filter
-- sources: ds.t
SELECT * FROM ds.t WHERE DATE(_PARTITIONTIME) = DATE_SUB(CURRENT_DATE(), INTERVAL 1 DAY)

-- case: tvf output alias column path
-- sources: ds.t
SELECT p.predicted_label FROM ML.PREDICT(MODEL ds.m, TABLE ds.t) AS p

-- case: lambda-like array functions
-- sources: ds.t
SELECT ARRAY(SELECT x * 2 FROM UNNEST(t.xs) AS x) FROM ds.t

-- case: trailing comma before from and unnest in exists
-- sources: PROJECT_d.DATASET_e.TABLE_f
SELECT
    TABLE_f.id,
    TABLE_f.test_column,
FROM
    PROJECT_d.DATASET_e.TABLE_f
WHERE
    EXISTS (
        SELECT
            *
        FROM
            UNNEST(struct_column.array_column) AS a
        WHERE
            a.id = 1
    )

-- case: one line cte with joins on ctes
-- sources: PROJECT_B.DATASET_B.TABLE_B, PROJECT_C.DATASET_C.TABLE_C, PROJECT_d.DATASET_d.TABLE_d
WITH c AS (SELECT test_id, col_c FROM PROJECT_C.DATASET_C.TABLE_C WHERE 0 = 0),d AS (SELECT test_id, col_d FROM PROJECT_d.DATASET_d.TABLE_d WHERE 0 = 0) SELECT * FROM PROJECT_B.DATASET_B.TABLE_B AS b INNER JOIN c ON b.test_id = c.test_id INNER JOIN d ON b.test_id = d.test_id WHERE 1 = 1

-- case: table name in trailing comment of a from line
-- sources: project.dataset.table_test_A, project.dataset.table_test_C
WITH a AS (
	SELECT *
	FROM
		project.dataset.table_test_A -- table_test_B
)
SELECT * FROM a
JOIN project.dataset.table_test_C AS test_C USING (id)
