from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("broken_dag", schedule="@daily") as dag:
    ok = EmptyOperator(task_id="ok")
    bad = EmptyOperator(task_id="bad", doc="""never closed
