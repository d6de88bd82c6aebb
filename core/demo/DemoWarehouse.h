#pragma once

// Internal to core/demo: the synthetic warehouse model the generator writes out.

#include "core/demo/DemoRandom.h"

#include <cstdint>
#include <string>
#include <vector>

namespace warroom::demo::Internal {

enum class Layer { Raw, Staging, Mart, Analytics, MlFeatures, Report };
constexpr int LayerCount = 6;
const char *datasetName(Layer layer);

// How a SQL file builds its table.
enum class SqlForm {
    Load,         // raw: loaded from GCS by GCSToBigQueryOperator, no SQL file
    CtasCte,      // CREATE OR REPLACE TABLE ... AS WITH ... SELECT
    InsertSelect, // INSERT INTO ... SELECT
    Merge,        // MERGE ... USING (SELECT ...)
    BareSelect,   // SELECT only; the DAG names the destination (file path = dataset/table)
    JinjaCtas,    // CREATE OR REPLACE TABLE `{{ params.project }}.ds.t` AS ...
    DeleteInsert, // DECLARE; DELETE FROM ...; INSERT INTO ... SELECT (a script)
};

struct Table
{
    std::string name; // table id; sharded raw tables end with "_*"
    Layer layer = Layer::Raw;
    int service = 0;           // index into services()
    std::string key;           // key column, e.g. "order_id"
    std::vector<int> upstream; // indices of tables read (always lower indices)
    SqlForm form = SqlForm::Load;
    int style = 0; // 0: dataset.table, 1: `project.dataset.table`
    int dag = -1;
    std::string task;      // task id in its DAG ("load_x", "build_x")
    int downstream = 0;    // how many tables read this one
    double popularity = 0; // relative read frequency in the JOBS log
    double sizeGb = 1;     // for total_bytes_processed
    bool sharded() const { return !name.empty() && name.back() == '*'; }
    std::string shardBase() const { return sharded() ? name.substr(0, name.size() - 2) : name; }
};

struct Check
{
    int table = -1;
    int kind = 0;        // 0 not empty, 1 fresh, 2 unique key
    std::string name;    // file stem, e.g. "mart_orders_not_empty"
    std::string message; // the ASSERT message
};

struct Dag
{
    std::string id;
    std::string schedule; // cron or preset
    bool hourly = false;
    int minuteOfDay = 0; // JST run time for daily DAGs; minute past the hour for hourly
    bool weekly = false;
    Layer layer = Layer::Raw;
    int service = 0;
    std::vector<int> tables;
    std::vector<int> checks;
    std::string description;
};

struct Service
{
    const char *name; // table-name prefix ("" for shared tables)
    const char *tag;
    const char *description;
};
const std::vector<Service> &services();

struct Warehouse
{
    std::string project;
    std::vector<Table> tables;
    std::vector<Check> checks;
    std::vector<Dag> dags;
    int layerBegin[LayerCount + 1] = {}; // tables of layer L: [layerBegin[L], layerBegin[L+1])

    std::string qualified(int table) const;    // "project.dataset.table"
    std::string datasetTable(int table) const; // "dataset.table"
    std::string sqlPath(int table) const;      // "sql/dataset/table.sql"
};

// Builds tables, their dependencies, DAGs and checks. Deterministic in (seed, counts).
Warehouse buildWarehouse(const std::string &project, int tableCount, int dagCount,
                         std::uint64_t seed);

// The SQL text of a built table and the exact list of tables it names besides its target.
std::string renderSql(const Warehouse &warehouse, int table);
std::string renderCheckSql(const Warehouse &warehouse, const Check &check);

} // namespace warroom::demo::Internal
