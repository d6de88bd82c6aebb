SELECT * FROM main.e WHERE dt = '{{ execution_date.add(days=1).isoformat() }}'
