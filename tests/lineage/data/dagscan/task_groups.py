# TaskGroups: ids get the group prefix, dependencies on a group reach its roots / leaves.
import pendulum
from airflow import DAG
from airflow.decorators import task, task_group
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG("grouped", schedule="@daily", start_date=pendulum.datetime(2024, 1, 1)) as dag:
    start = EmptyOperator(task_id="start")
    end = EmptyOperator(task_id="end")

    with TaskGroup("extract") as extract:
        a = EmptyOperator(task_id="a")
        b = EmptyOperator(task_id="b")
        with TaskGroup(group_id="inner") as inner:
            c = EmptyOperator(task_id="c")
            d = EmptyOperator(task_id="d")
            c >> d
        a >> inner
        b >> inner

    with TaskGroup("flat", prefix_group_id=False) as flat:
        f1 = EmptyOperator(task_id="f1")
        with TaskGroup("sub") as sub:  # parent does not prefix: group id is "sub"
            s1 = EmptyOperator(task_id="s1")

    loose = TaskGroup(group_id="loose")
    l1 = EmptyOperator(task_id="l1", task_group=loose)

    @task_group(group_id="transform")
    def transform():
        @task
        def clean():
            return 1

        @task
        def enrich(x):
            return x

        enrich(clean())

    @task_group
    def publish():
        EmptyOperator(task_id="push")

    start >> extract >> transform() >> end
    flat >> publish()
    loose >> end
