WITH orders AS (
  SELECT o.*, c.region FROM `acme-prod.sales.orders` AS o
  JOIN `acme-prod`.crm.customers c USING (customer_id)
), recent AS (SELECT * FROM orders WHERE ts > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 DAY))
SELECT region, COUNT(*) FROM recent, UNNEST(recent.items) AS item GROUP BY region
