SELECT * FROM {{ params.src }}
