SELECT * FROM `unterminated.backtick
WHERE x = "open string
/* open comment
((( SELECT ( FROM ) ) ) ))