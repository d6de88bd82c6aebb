from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.google.cloud.operators.bigquery import BigQueryInsertJobOperator

TABLES = ["x1", "x2"]

with DAG("multi_first", schedule_interval=None) as first:
    start = EmptyOperator(task_id="start")
    for name in TABLES:
        step = BigQueryInsertJobOperator(
            task_id=f"build_{name}",
            configuration={"query": {"query": f"SELECT * FROM PROJECT_A.main.{name}_src", "useLegacySql": False}},
        )
        start >> step

with DAG(dag_id="multi_second", schedule_interval="30 2 * * *") as second:
    a = EmptyOperator(task_id="a")
    b = EmptyOperator(task_id="b")
    c = EmptyOperator(task_id="c")
    a.set_downstream(b)
    c.set_upstream(b)
