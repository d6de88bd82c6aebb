# params: the DAG's, overridden by an operator's own; only literal values render.
import pendulum
from airflow import DAG
from airflow.providers.google.cloud.operators.bigquery import BigQueryInsertJobOperator

TARGET_DATASET = "mart"

with DAG(
    "params_dag",
    start_date=pendulum.datetime(2024, 1, 1),
    params={"project": "PROJECT_P", "dataset": TARGET_DATASET, "table": "daily", "days": 7},
    template_searchpath=["sql"],
) as dag:
    uses_dag = BigQueryInsertJobOperator(
        task_id="uses_dag",
        configuration={"query": {"query": "{% include 'params_build.sql' %}", "useLegacySql": False}},
    )
    overrides = BigQueryInsertJobOperator(
        task_id="overrides",
        configuration={"query": {"query": "{% include 'params_build.sql' %}", "useLegacySql": False}},
        params={"dataset": "staging", "table": "orders"},
    )
    dynamic = BigQueryInsertJobOperator(
        task_id="dynamic",
        configuration={"query": {"query": "params_build.sql", "useLegacySql": False}},
        params={"table": get_table_name()},
    )
    inline = BigQueryInsertJobOperator(
        task_id="inline",
        configuration={
            "query": {
                "query": "INSERT INTO {{ params.project }}.{{ params.dataset }}.inline_t SELECT 1 FROM {{ params.project }}.raw.src",
                "useLegacySql": False,
            }
        },
    )
    uses_dag >> overrides >> dynamic >> inline
