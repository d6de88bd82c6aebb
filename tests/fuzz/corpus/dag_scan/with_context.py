import pendulum
from airflow import DAG
from airflow.models.baseoperator import chain
from airflow.providers.google.cloud.operators.bigquery import (
    BigQueryCheckOperator,
    BigQueryInsertJobOperator,
    BigQueryValueCheckOperator,
)
from airflow.providers.google.cloud.transfers.gcs_to_bigquery import GCSToBigQueryOperator

with DAG(
    dag_id="ctx_hourly",
    schedule="0 * * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="Asia/Tokyo"),
    tags=["raw"],
) as dag:
    load = GCSToBigQueryOperator(
        task_id="load_a",
        bucket="landing",
        source_objects=["a/{{ ds }}/*.json"],
        destination_project_dataset_table="PROJECT_A.raw.a",
        write_disposition="WRITE_APPEND",
    )
    check = BigQueryCheckOperator(task_id="check_a", sql="SELECT COUNT(*) > 0 FROM `PROJECT_A.raw.a`")
    value = BigQueryValueCheckOperator(
        task_id="value_a",
        sql="""
            SELECT COUNT(*)
            FROM PROJECT_A.raw.a  -- a comment
        """,
        pass_value=1,
    )
    transform = BigQueryInsertJobOperator(
        task_id="build_h",
        configuration={
            "query": {
                "query": "SELECT * FROM {{ params.src }}",
                "useLegacySql": False,
                "destinationTable": {
                    "projectId": "PROJECT_A",
                    "datasetId": "main",
                    "tableId": "h",
                },
            }
        },
        params={"src": "PROJECT_A.main.e"},
    )
    load >> [check, value]
    chain(check, transform)
