MERGE `p.d.inventory` T
USING (SELECT product, SUM(qty) AS qty FROM p.d.new_arrivals GROUP BY product) S
ON T.product = S.product
WHEN MATCHED AND S.qty = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = T.qty + S.qty
WHEN NOT MATCHED BY TARGET THEN INSERT (product, qty) VALUES (product, qty)
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET qty = 0;
