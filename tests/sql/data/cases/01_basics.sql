-- Data-driven cases for tst_sql. Each case starts with a "-- case: NAME" line, followed by
-- header lines (-- dialect: bigquery|ansi, -- sources: a, b, -- targets: c, -- errors: yes|no);
-- the SQL runs to the next "-- case:" line. Sources and targets compare as sets.

-- case: simple select
-- sources: ds.t
SELECT a FROM ds.t

-- case: three-part name
-- sources: proj.ds.t
SELECT * FROM proj.ds.t WHERE x = 1

-- case: backticked whole path with hyphen
-- sources: my-project.ds.t
SELECT * FROM `my-project.ds.t`

-- case: backticked per part
-- sources: p-1.ds.t
SELECT * FROM `p-1`.ds.t

-- case: backticked every part
-- sources: p-1.ds.t
SELECT * FROM `p-1`.`ds`.`t`

-- case: unquoted hyphenated project
-- sources: my-project-123.ds.t
SELECT * FROM my-project-123.ds.t

-- case: hyphen with digits in the middle
-- sources: proj-2-dev.analytics.orders
SELECT id FROM proj-2-dev.analytics.orders o

-- case: single name table
-- sources: orders
SELECT * FROM orders

-- case: alias with AS
-- sources: ds.orders
SELECT o.id FROM ds.orders AS o

-- case: alias without AS
-- sources: ds.orders
SELECT o.id FROM ds.orders o WHERE o.x > 1

-- case: join
-- sources: ds.a, ds.b
SELECT * FROM ds.a JOIN ds.b ON a.id = b.id

-- case: left outer join
-- sources: ds.a, ds.b
SELECT * FROM ds.a LEFT OUTER JOIN ds.b USING (id)

-- case: several join kinds
-- sources: ds.a, ds.b, ds.c, ds.d, ds.e
SELECT * FROM ds.a
INNER JOIN ds.b ON a.id = b.id
RIGHT JOIN ds.c ON c.id = a.id
FULL OUTER JOIN ds.d ON d.id = a.id
CROSS JOIN ds.e

-- case: comma join
-- sources: ds.a, ds.b, ds.c
SELECT * FROM ds.a, ds.b, ds.c WHERE a.id = b.id

-- case: comma join with aliases
-- sources: ds.a, ds.b
SELECT * FROM ds.a x, ds.b AS y WHERE x.id = y.id

-- case: comma after join condition
-- sources: ds.a, ds.b, ds.c
SELECT * FROM ds.a JOIN ds.b ON a.id = b.id, ds.c

-- case: commas in select list are not tables
-- sources: ds.t
SELECT a, b, c, d FROM ds.t

-- case: commas in group by are not tables
-- sources: ds.t
SELECT a, b, COUNT(*) FROM ds.t GROUP BY a, b ORDER BY a, b

-- case: subquery in from
-- sources: ds.t
SELECT * FROM (SELECT a FROM ds.t) sub

-- case: subquery alias not a table
-- sources: ds.t, ds.u
SELECT * FROM (SELECT a FROM ds.t) AS x JOIN ds.u ON x.a = u.a

-- case: nested subqueries
-- sources: ds.t
SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM ds.t)))

-- case: subquery in where
-- sources: ds.a, ds.b
SELECT * FROM ds.a WHERE id IN (SELECT id FROM ds.b)

-- case: exists subquery
-- sources: ds.a, ds.b
SELECT * FROM ds.a WHERE EXISTS (SELECT 1 FROM ds.b WHERE b.id = a.id)

-- case: scalar subquery in select list
-- sources: ds.a, ds.b
SELECT (SELECT MAX(x) FROM ds.b) AS m, a.* FROM ds.a

-- case: union
-- sources: ds.a, ds.b, ds.c
SELECT x FROM ds.a UNION ALL SELECT x FROM ds.b UNION DISTINCT SELECT x FROM ds.c

-- case: intersect and except
-- sources: ds.a, ds.b, ds.c
SELECT x FROM ds.a INTERSECT DISTINCT SELECT x FROM ds.b EXCEPT DISTINCT SELECT x FROM ds.c

-- case: parenthesised union members
-- sources: ds.a, ds.b
(SELECT x FROM ds.a) UNION ALL (SELECT x FROM ds.b)

-- case: duplicates reported once
-- sources: ds.a
SELECT * FROM ds.a JOIN ds.a b ON TRUE JOIN ds.a c ON TRUE

-- case: select without from
-- sources:
SELECT 1, 'a', CURRENT_DATE()

-- case: keywords in lower case
-- sources: ds.a, ds.b
select * from ds.a join ds.b on a.id = b.id

-- case: mixed case keywords
-- sources: ds.a
SeLeCt * FrOm ds.a

-- case: newlines everywhere
-- sources: ds.a, ds.b
SELECT
  *
FROM
  ds.a
  JOIN
  ds.b
  ON TRUE

-- case: spaces around dots
-- sources: ds.t
SELECT * FROM ds . t

-- case: where clause referencing columns with dots
-- sources: ds.t
SELECT t.a.b.c FROM ds.t WHERE t.x.y = 1

-- case: order by limit offset
-- sources: ds.t
SELECT * FROM ds.t ORDER BY a DESC LIMIT 10 OFFSET 5

-- case: having and qualify
-- sources: ds.t
SELECT a, ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) AS rn FROM ds.t
WHERE TRUE QUALIFY rn = 1

-- case: window clause
-- sources: ds.t
SELECT SUM(x) OVER w FROM ds.t WINDOW w AS (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)

-- case: semicolon separated statements
-- sources: ds.a, ds.b
SELECT * FROM ds.a; SELECT * FROM ds.b;

-- case: trailing semicolons and empties
-- sources: ds.a
;; SELECT * FROM ds.a ;;;

-- case: empty input
-- sources:

-- case: only comments
-- sources:
-- nothing here
/* nor here */
# nor here

-- case: table named like a non-reserved keyword
-- sources: ds.data, ds.model, ds.view
SELECT * FROM ds.data JOIN ds.model ON TRUE JOIN ds.view ON TRUE

-- case: single-part non-reserved keyword table
-- sources: events
SELECT * FROM events

-- case: table name starting with digit
-- sources: ds.2024_sales
SELECT * FROM ds.2024_sales

-- case: select star except replace
-- sources: ds.t
SELECT * EXCEPT (a, b) REPLACE (c AS d) FROM ds.t

-- case: select distinct
-- sources: ds.t
SELECT DISTINCT a FROM ds.t

-- case: select as struct
-- sources: ds.t
SELECT AS STRUCT a, b FROM ds.t

-- case: select as value
-- sources: ds.t
SELECT AS VALUE STRUCT(a, b) FROM ds.t

-- case: natural join
-- sources: ds.a, ds.b
SELECT * FROM ds.a NATURAL JOIN ds.b

-- case: parenthesised join
-- sources: ds.a, ds.b, ds.c
SELECT * FROM (ds.a JOIN ds.b ON a.id = b.id) JOIN ds.c ON c.id = a.id

-- case: doubly parenthesised join
-- sources: ds.a, ds.b
SELECT * FROM ((ds.a JOIN ds.b USING (id)))

-- case: values table not a table
-- sources:
SELECT * FROM (VALUES (1, 2), (3, 4)) AS v(a, b)
