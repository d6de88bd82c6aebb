SELECT * FROM {{ params.DATASET }}.d
