WITH RECURSIVE tree(id, parent) AS (
  SELECT id, parent FROM "Schema"."Nodes" WHERE parent IS NULL
  UNION ALL SELECT n.id, n.parent FROM "Schema"."Nodes" n JOIN tree t ON n.parent = t.id
)
INSERT INTO reporting.tree_flat (id) SELECT id FROM tree;
UPDATE sales.orders SET status = 'x' FROM sales.returns r WHERE orders.id = r.id;
DELETE FROM sales.orders WHERE id IN (SELECT id FROM [dbo].[Removed]);
SELECT * INTO #tmp FROM dbo.src;
