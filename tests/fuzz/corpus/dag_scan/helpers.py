"""Not a DAG: shared helpers."""
def table_name(dataset, table):
    return f"{dataset}.{table}"
