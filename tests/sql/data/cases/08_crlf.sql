-- case: windows line endings
-- sources: ds.a, ds.b
SELECT *
FROM ds.a -- c
JOIN ds.b ON TRUE
