#legacySQL
SELECT a.x, b.y FROM [acme-prod:sales.orders] a JOIN EACH [acme-prod:crm.customers] b ON a.id = b.id
WHERE a.ts > DATE_ADD(CURRENT_TIMESTAMP(), -1, 'DAY')
AND a.id IN (SELECT id FROM TABLE_DATE_RANGE([p:logs.events_], TIMESTAMP('2026-01-01'), CURRENT_TIMESTAMP()))
