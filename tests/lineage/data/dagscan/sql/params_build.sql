INSERT INTO `{{ params.project }}.{{ params.dataset }}.{{ params.table }}`
SELECT *
FROM `{{ params.project }}.raw.events`
WHERE day >= DATE_SUB(CURRENT_DATE(), INTERVAL {{ params.days }} DAY)
