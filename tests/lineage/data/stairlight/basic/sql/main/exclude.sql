SELECT * FROM main.e
