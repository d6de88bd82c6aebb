# start_date in its usual places: the DAG call, @dag, inline and module-level default_args.
import datetime

import pendulum
from airflow import DAG
from airflow.decorators import dag
from airflow.operators.empty import EmptyOperator

with DAG(
    dag_id="tokyo_direct",
    schedule="0 9 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="Asia/Tokyo"),
) as direct:
    EmptyOperator(task_id="noop")

START = pendulum.datetime(2023, 6, 1, 2, 30, tz="Europe/Berlin")


@dag(dag_id="berlin_variable", schedule="@daily", start_date=START)
def berlin():
    EmptyOperator(task_id="noop")


berlin()

default_args = {
    "owner": "data",
    "start_date": pendulum.datetime(2024, 3, 1, tz="Asia/Tokyo"),
    "retries": 2,
}

module_defaults = DAG("tokyo_module_defaults", default_args=default_args, schedule="@hourly")

inline_defaults = DAG(
    "utc_inline_defaults",
    default_args={"start_date": datetime.datetime(2024, 2, 1, tzinfo=datetime.timezone.utc)},
)

dict_defaults = DAG("string_dict_defaults", default_args=dict(start_date="2024-04-01T00:00:00Z"))

# an explicit start_date wins over default_args
both = DAG("explicit_wins", default_args=default_args, start_date=pendulum.datetime(2022, 1, 1, tz="America/New_York"))

days_ago = DAG("days_ago_dag", start_date=days_ago(1))

no_start = DAG("no_start_dag", schedule=None)
