SELECT * FROM ds.src
