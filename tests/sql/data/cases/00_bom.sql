-- case: utf8 byte order mark at start of file
-- sources: ds.t
-- targets: ds.out
INSERT INTO ds.out SELECT * FROM ds.t

