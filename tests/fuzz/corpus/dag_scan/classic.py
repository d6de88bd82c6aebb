"""Classic style: DAG object assigned, tasks take dag=dag."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.google.cloud.operators.bigquery import (
    BigQueryExecuteQueryOperator,
    BigQueryInsertJobOperator,
)

default_args = {"owner": "data", "retries": 1, "retry_delay": timedelta(minutes=5)}
SQL_C = "sql/main/c.sql"

dag = DAG(
    "classic_daily",
    default_args=default_args,
    schedule_interval="@daily",
    start_date=datetime(2024, 1, 1),
    catchup=False,
)

build_b = BigQueryInsertJobOperator(
    task_id="build_b",
    configuration={
        "query": {
            "query": "{% include 'sql/main/b.sql' %}",
            "useLegacySql": False,
            "destinationTable": {"projectId": "PROJECT_A", "datasetId": "main", "tableId": "b"},
            "writeDisposition": "WRITE_TRUNCATE",
        }
    },
    dag=dag,
)

build_c = BigQueryExecuteQueryOperator(
    task_id='build_c',
    sql=SQL_C,
    destination_dataset_table="PROJECT_A:main.c",  # legacy form
    use_legacy_sql=False,
    dag=dag,
)

build_d = BigQueryExecuteQueryOperator(task_id="build_d", sql="sql/main/d.sql", dag=dag)

build_b >> build_d
build_d << build_c
