WITH bb AS (
  SELECT * FROM main.b
)
SELECT *
FROM bb
JOIN main.c USING (id)
