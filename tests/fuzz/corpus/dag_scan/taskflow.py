from airflow.decorators import dag, task
@dag(schedule_interval='@hourly', start_date=datetime(2026, 1, 1), catchup=False, tags=["x"])
def hourly_events():
    @task(task_id="extract")
    def extract(): return {"a": 1}
    @task
    def load(rows):
        sql = 'INSERT INTO `p.d.events` SELECT * FROM p.d.staging'
    load(extract())
hourly_events()
dag2 = DAG("second", schedule=None)
op = EmptyOperator(task_id="noop", dag=dag2)
broken = BigQueryInsertJobOperator(task_id="unterminated", configuration={"query": {"query": """SELECT
