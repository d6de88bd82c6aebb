-- case: declare with default subquery
-- sources: ds.t
DECLARE max_d DATE DEFAULT (SELECT MAX(d) FROM ds.t);

-- case: declare and set
-- sources: ds.t, ds.u
-- targets: ds.out
DECLARE x INT64;
DECLARE y, z STRING DEFAULT 'a';
SET x = (SELECT COUNT(*) FROM ds.t);
SET (y, z) = (SELECT AS STRUCT a, b FROM ds.u LIMIT 1);
INSERT INTO ds.out SELECT x, y, z;

-- case: if then else
-- sources: ds.a, ds.b, ds.c
-- targets: ds.x, ds.y
IF (SELECT COUNT(*) FROM ds.a) > 0 THEN
  INSERT INTO ds.x SELECT * FROM ds.b;
ELSEIF EXISTS (SELECT 1 FROM ds.c) THEN
  DELETE FROM ds.y WHERE TRUE;
ELSE
  SELECT 1;
END IF;

-- case: if then merge
-- sources: ds.s
-- targets: ds.t
IF TRUE THEN
  MERGE ds.t USING ds.s ON t.id = s.id
  WHEN MATCHED THEN UPDATE SET v = s.v
  WHEN NOT MATCHED THEN INSERT ROW;
END IF;

-- case: begin exception end
-- sources: ds.a
-- targets: ds.b, ds.errors
BEGIN
  INSERT INTO ds.b SELECT * FROM ds.a;
EXCEPTION WHEN ERROR THEN
  INSERT INTO ds.errors (msg) VALUES (@@error.message);
  RAISE USING MESSAGE = 'failed';
END;

-- case: nested begin blocks
-- sources: ds.a, ds.b
-- targets: ds.c
BEGIN
  BEGIN
    CREATE TEMP TABLE t AS SELECT * FROM ds.a;
  END;
  INSERT INTO ds.c SELECT * FROM t JOIN ds.b USING (id);
END;

-- case: for in loop
-- sources: ds.dates, ds.events
-- targets: ds.daily
FOR rec IN (SELECT d FROM ds.dates ORDER BY d) DO
  INSERT INTO ds.daily SELECT rec.d, COUNT(*) FROM ds.events WHERE day = rec.d;
END FOR;

-- case: while loop
-- sources: ds.q
-- targets: ds.log
DECLARE i INT64 DEFAULT 0;
WHILE i < 10 DO
  SET i = i + 1;
  INSERT INTO ds.log SELECT i, (SELECT COUNT(*) FROM ds.q);
END WHILE;

-- case: loop with leave
-- sources: ds.t
LOOP
  IF (SELECT COUNT(*) FROM ds.t) > 10 THEN LEAVE; END IF;
  BREAK;
END LOOP;

-- case: repeat until
-- sources: ds.t
REPEAT
  SET x = x + 1;
  UNTIL (SELECT MAX(a) FROM ds.t) > x
END REPEAT;

-- case: assert
-- sources: ds.t
ASSERT (SELECT COUNT(*) FROM ds.t) > 0 AS 'ds.t must not be empty';

-- case: assert exists
-- sources: ds.t
ASSERT EXISTS (SELECT 1 FROM ds.t WHERE d = CURRENT_DATE());

-- case: call procedure
-- sources:
-- targets:
CALL ds.my_proc('x', 1);

-- case: execute immediate string
-- sources:
EXECUTE IMMEDIATE 'SELECT * FROM fake.t WHERE x = ?' USING 1;

-- case: create procedure body
-- sources: ds.s, ds.t
-- targets: ds.t
CREATE OR REPLACE PROCEDURE ds.p(IN d DATE, OUT n INT64)
BEGIN
  DELETE FROM ds.t WHERE day = d;
  INSERT INTO ds.t SELECT * FROM ds.s WHERE day = d;
  SET n = (SELECT COUNT(*) FROM ds.t);
END;

-- case: transaction
-- sources: ds.s
-- targets: ds.t
BEGIN TRANSACTION;
DELETE ds.t WHERE TRUE;
INSERT INTO ds.t SELECT * FROM ds.s;
COMMIT TRANSACTION;

-- case: case statement in script
-- sources: ds.a, ds.b
CASE (SELECT COUNT(*) FROM ds.a)
  WHEN 0 THEN SELECT 'empty';
  ELSE SELECT * FROM ds.b;
END CASE;

-- case: temp tables in script neither sources nor targets
-- sources: ds.raw, ds.dim
-- targets: ds.fact
CREATE TEMP TABLE stage1 AS SELECT * FROM ds.raw WHERE d = @d;
CREATE TEMP TABLE stage2 AS SELECT s.*, d.name FROM stage1 s JOIN ds.dim d USING (id);
INSERT INTO stage2 SELECT * FROM stage1;
UPDATE stage2 SET name = 'x' WHERE name IS NULL;
INSERT INTO ds.fact SELECT * FROM stage2;

-- case: script with labels and iterate
-- sources: ds.t
label1: LOOP
  ITERATE label1;
END LOOP label1;
SELECT * FROM ds.t;

-- case: legacy sql bracket
-- sources: bigquery-public-data.samples.shakespeare
#legacySQL
SELECT word FROM [bigquery-public-data:samples.shakespeare] WHERE corpus = 'hamlet'

-- case: legacy dataset table
-- sources: ds.t
#legacySQL
SELECT * FROM [ds.t]

-- case: legacy comma union
-- sources: proj.ds.a, proj.ds.b
#legacySQL
SELECT x FROM [proj:ds.a], [proj:ds.b]

-- case: legacy join each
-- sources: p.d.a, p.d.b
#legacySQL
SELECT * FROM [p:d.a] AS a JOIN EACH [p:d.b] AS b ON a.id = b.id

-- case: legacy table date range
-- sources: mydata.people
#legacySQL
SELECT name FROM TABLE_DATE_RANGE([mydata.people], TIMESTAMP('2014-03-25'), TIMESTAMP('2014-03-27'))

-- case: legacy table date range with project
-- sources: proj.logs.events_
#legacySQL
SELECT COUNT(*) FROM (TABLE_DATE_RANGE([proj:logs.events_], DATE_ADD(CURRENT_TIMESTAMP(), -7, 'DAY'), CURRENT_TIMESTAMP()))

-- case: legacy flatten
-- sources: p.d.t
#legacySQL
SELECT a FROM FLATTEN([p:d.t], arr)

-- case: legacy subquery
-- sources: p.d.t
#legacySQL
SELECT x FROM (SELECT x FROM [p:d.t] WHERE y > 0)

-- case: legacy without marker still recognised in from
-- sources: p.d.t
SELECT a FROM [p:d.t]

-- case: array literal not a legacy table
-- sources:
SELECT * FROM UNNEST(['a', 'b'])

-- case: subscript not legacy
-- sources: ds.t
SELECT arr[idx] FROM ds.t

-- case: jinja placeholders kept in names
-- sources: {{ params.project }}.ds.t
SELECT * FROM {{ params.project }}.ds.t

-- case: jinja placeholder inside backticks
-- sources: {{ params.project }}.ds.t
SELECT * FROM `{{ params.project }}.ds.t`

-- case: jinja suffix
-- sources: ds.events_{{ ds_nodash }}
SELECT * FROM ds.events_{{ ds_nodash }}

-- case: jinja statements skipped
-- sources: ds.a, ds.b
{% if params.full %}
SELECT * FROM ds.a
{% else %}
SELECT * FROM ds.b
{% endif %}

-- case: jinja comment
-- sources: ds.a
{# SELECT * FROM fake #}
SELECT * FROM ds.a

-- case: hive variable substitution
-- dialect: ansi
-- sources: ${db}.t
SELECT * FROM ${db}.t

-- case: airflow macro in where
-- sources: ds.t
SELECT * FROM ds.t WHERE d = '{{ ds }}'
