SELECT * FROM views.v2
