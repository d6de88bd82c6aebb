import pendulum
from airflow import DAG
from airflow.models.baseoperator import chain, cross_downstream
from airflow.providers.google.cloud.operators.bigquery import (
    BigQueryInsertJobOperator, BigQueryCheckOperator)
from airflow.providers.google.cloud.transfers.gcs_to_bigquery import GCSToBigQueryOperator

default_args = {"retries": 2, "owner": "data"}

with DAG(
    dag_id='daily_sales',
    schedule="0 3 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    template_searchpath=["/home/airflow/gcs/dags/sql", f"{BASE}/sql"],
    catchup=False,
    default_args=default_args,
) as dag:
    load = GCSToBigQueryOperator(task_id="load_orders", bucket="landing",
        source_objects=["orders/*.csv"], destination_project_dataset_table="acme-prod:sales.raw_orders")
    transform = BigQueryInsertJobOperator(
        task_id="transform",
        configuration={"query": {"query": "{% include 'sql/transform.sql' %}", "useLegacySql": False,
                       "destinationTable": {"projectId": "acme-prod", "datasetId": "sales", "tableId": "orders"}}},
        params={"PROJECT": "acme-prod", 'DATASET': 'sales'},
    )
    check = BigQueryCheckOperator(task_id='check', sql="""SELECT COUNT(*) > 0 FROM `acme-prod.sales.orders`
        WHERE dt = '{{ ds }}'""")
    tasks = [BigQueryInsertJobOperator(task_id=f"part_{i}", configuration={}) for i in range(3)]
    load >> transform >> [check, tasks[0]]
    check << load
    chain(load, transform, check)
    check.set_downstream(tasks[1]); transform.set_upstream(load)
