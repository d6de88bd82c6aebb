-- c reads a too
SELECT
  id
FROM
  `PROJECT_A.raw.a`
