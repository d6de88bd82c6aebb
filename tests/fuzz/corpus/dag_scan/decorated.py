from airflow.decorators import dag, task
from airflow.providers.google.cloud.operators.bigquery import BigQueryInsertJobOperator


@dag(dag_id="taskflow_etl", schedule="@hourly", catchup=False)
def pipeline():
    @task
    def extract():
        return {"rows": 1}

    @task(task_id="notify_done")
    def notify(result):
        print(result)

    load = BigQueryInsertJobOperator(
        task_id="load_g",
        configuration={"query": {"query": "INSERT INTO PROJECT_A.main.g SELECT * FROM PROJECT_A.main.e", "useLegacySql": False}},
    )
    extract() >> load >> notify({})


pipeline()
