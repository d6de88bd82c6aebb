#include "core/demo/DemoWarehouse.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_set>
#include <utility>

namespace warroom::demo::Internal {

const char *datasetName(Layer layer)
{
    switch (layer) {
    case Layer::Raw:
        return "raw";
    case Layer::Staging:
        return "staging";
    case Layer::Mart:
        return "mart";
    case Layer::Analytics:
        return "analytics";
    case Layer::MlFeatures:
        return "ml_features";
    case Layer::Report:
        return "report";
    }
    return "raw";
}

const std::vector<Service> &services()
{
    static const std::vector<Service> list = {
        {"", "core", "shared users, sessions and clickstream"},
        {"market", "market", "the handmade marketplace"},
        {"shop", "shop", "the e-commerce shop builder"},
        {"hosting", "hosting", "web hosting"},
        {"domain", "domain", "the domain registrar"},
        {"print", "print", "print-on-demand goods"},
    };
    return list;
}

namespace {

struct Candidate
{
    int service;
    const char *name;
};

// Raw sources, per service, in the order they are used (interleaved below).
const Candidate rawCandidates[] = {
    {0, "users"},          {1, "orders"},          {2, "shops"},          {3, "accounts"},
    {4, "domains"},        {5, "orders"},          {0, "sessions"},       {1, "order_items"},
    {2, "orders"},         {3, "hosting_plans"},   {4, "dns_records"},    {5, "designs"},
    {0, "page_views"},     {1, "creators"},        {2, "order_items"},    {3, "invoices"},
    {4, "registrations"},  {5, "products"},        {0, "events_*"},       {1, "listings"},
    {2, "products"},       {3, "payments"},        {4, "renewals"},       {5, "creators"},
    {0, "ad_clicks"},      {1, "payments"},        {2, "payments"},       {3, "servers"},
    {4, "transfers"},      {5, "shipments"},       {0, "ad_impressions"}, {1, "favorites"},
    {2, "customers"},      {3, "mailboxes"},       {4, "payments"},       {5, "payments"},
    {0, "search_queries"}, {1, "reviews"},         {2, "inventory"},      {3, "ssl_certificates"},
    {4, "whois_contacts"}, {5, "factories"},       {0, "app_events_*"},   {1, "messages"},
    {2, "carts"},          {3, "support_tickets"}, {4, "auctions"},       {0, "email_sends"},
    {1, "payouts"},        {2, "subscriptions"},   {3, "usage_metrics"},  {0, "email_opens"},
    {1, "carts"},          {2, "coupons"},         {3, "cancellations"},  {0, "push_notifications"},
    {1, "cart_items"},     {2, "refunds"},         {3, "databases"},      {0, "ab_assignments"},
    {1, "refunds"},        {2, "shipments"},       {3, "backups"},        {0, "campaigns"},
    {1, "shipments"},      {2, "reviews"},         {0, "fx_rates"},       {1, "categories"},
    {2, "app_installs"},   {0, "referrals"},       {1, "coupons"},        {0, "access_logs_*"},
    {1, "follows"},        {0, "user_profiles"},
};

const Candidate martCandidates[] = {
    {1, "orders"},
    {1, "order_items"},
    {2, "shops"},
    {0, "users"},
    {5, "print_orders"},
    {2, "shop_kpi"},
    {3, "hosting_plans"},
    {4, "domains"},
    {1, "creators"},
    {2, "daily_sales"},
    {2, "payments"},
    {0, "active_users_daily"},
    {1, "gmv_daily"},
    {3, "hosting_accounts"},
    {4, "domain_renewals"},
    {1, "listings"},
    {2, "products"},
    {0, "user_sessions"},
    {3, "hosting_revenue_monthly"},
    {1, "creator_sales_daily"},
    {5, "designs"},
    {2, "customer_ltv"},
    {0, "retention_cohorts"},
    {4, "domain_registrations_daily"},
    {1, "reviews"},
    {1, "refunds"},
    {2, "subscriptions"},
    {3, "server_utilization"},
    {0, "page_views_daily"},
    {5, "print_sales_daily"},
    {1, "gmv_hourly"},
    {2, "inventory_snapshot"},
    {3, "hosting_churn"},
    {4, "dns_changes"},
    {0, "search_performance"},
    {1, "listing_performance"},
    {2, "shop_orders"},
    {3, "support_tickets_daily"},
    {4, "domain_revenue_monthly"},
    {0, "ad_performance_daily"},
    {1, "payouts_monthly"},
    {2, "coupon_usage"},
    {3, "mailbox_usage"},
    {5, "factory_throughput"},
    {0, "campaign_attribution"},
    {1, "category_sales"},
    {2, "shop_churn"},
    {3, "ssl_renewals"},
    {4, "transfers_daily"},
    {0, "email_engagement"},
    {1, "favorites_daily"},
    {5, "print_creators"},
    {0, "ab_test_results"},
    {0, "user_ltv"},
    {0, "active_users_monthly"},
};

const Candidate analyticsCandidates[] = {
    {0, "user_segments"},        {0, "attribution_touchpoints"}, {0, "cohort_retention_weekly"},
    {0, "funnel_daily"},         {0, "experiment_results"},      {0, "cross_service_users"},
    {0, "customer_360"},         {1, "creator_segments"},        {2, "shop_segments"},
    {0, "marketing_mix"},        {0, "churn_signals"},           {0, "session_paths"},
    {3, "hosting_usage_trends"}, {4, "domain_portfolio"},        {5, "design_trends"},
};

const Candidate mlCandidates[] = {
    {0, "user_features_daily"},
    {2, "shop_features"},
    {1, "creator_features"},
    {1, "listing_features"},
    {0, "churn_features"},
    {1, "fraud_features"},
    {1, "recommendation_candidates"},
    {0, "search_ranking_features"},
    {4, "domain_renewal_features"},
    {3, "hosting_churn_features"},
    {5, "design_features"},
};

const Candidate reportCandidates[] = {
    {2, "daily_sales"},
    {2, "shop_kpi"},
    {0, "executive_kpi_daily"},
    {0, "weekly_kpi"},
    {0, "monthly_revenue"},
    {1, "creator_ranking"},
    {1, "market_gmv"},
    {3, "hosting_churn"},
    {4, "domain_renewal_forecast"},
    {0, "marketing_roi"},
    {0, "finance_revenue_close"},
    {3, "support_sla"},
    {5, "print_sales"},
    {0, "growth_dashboard"},
    {0, "board_metrics_monthly"},
    {1, "market_weekly_review"},
    {2, "shop_weekly_review"},
    {4, "domain_kpi"},
    {3, "hosting_kpi"},
    {5, "print_kpi"},
};

const char *const variants[] = {
    "jp",     "global", "v2",      "by_region", "by_device", "by_channel",  "snapshot", "history",
    "latest", "weekly", "monthly", "archive",   "legacy",    "partitioned", "backfill", "sandbox"};
const char *const stagingVariants[] = {"dedup", "latest",  "snapshot",    "enriched", "history",
                                       "daily", "cleaned", "sessionized", "scd2",     "flattened"};

const char *const serviceKeys[]
    = {"user_id", "creator_id", "shop_id", "account_id", "domain_id", "design_id"};

std::string withPrefix(int service, const std::string &name, Layer layer)
{
    // raw and staging tables carry the service prefix ("market_orders"); the shared
    // service (0) has none.
    const char *prefix = services()[std::size_t(service)].name;
    if ((layer == Layer::Raw || layer == Layer::Staging) && *prefix)
        return std::string(prefix) + "_" + name;
    return name;
}

std::string singularKey(std::string entity)
{
    if (entity.size() > 2 && entity.compare(entity.size() - 2, 2, "_*") == 0)
        entity.resize(entity.size() - 2);
    // last word only: "order_items" -> "order_item", "search_queries" -> "search_query"
    if (entity.size() > 3 && entity.compare(entity.size() - 3, 3, "ies") == 0)
        entity = entity.substr(0, entity.size() - 3) + "y";
    else if (entity.size() > 4 && entity.compare(entity.size() - 4, 4, "sses") == 0)
        entity.resize(entity.size() - 2);
    else if (entity.size() > 1 && entity.back() == 's')
        entity.pop_back();
    return entity + "_id";
}

// Names for `count` tables of one layer: each candidate once, then with variant suffixes.
template<std::size_t N>
std::vector<std::pair<int, std::string>> layerNames(const Candidate (&candidates)[N], Layer layer,
                                                    int count)
{
    std::vector<std::pair<int, std::string>> result;
    std::unordered_set<std::string> used;
    result.reserve(std::size_t(count));
    for (int round = 0; int(result.size()) < count; ++round) {
        for (std::size_t i = 0; i < N && int(result.size()) < count; ++i) {
            std::string base = candidates[i].name;
            bool sharded = false;
            if (base.size() > 2 && base.compare(base.size() - 2, 2, "_*") == 0) {
                sharded = true;
                base.resize(base.size() - 2);
            }
            if (round > 0) {
                const std::size_t nv = sizeof(variants) / sizeof(variants[0]);
                const std::size_t v = std::size_t(round - 1);
                base += "_";
                base += variants[v % nv];
                if (v >= nv)
                    base += std::to_string(v / nv + 1);
            }
            std::string name = withPrefix(candidates[i].service, base, layer);
            if (sharded)
                name += "_*";
            if (used.insert(name).second)
                result.emplace_back(candidates[i].service, std::move(name));
        }
    }
    return result;
}

double logUniform(Rng &rng, double lo, double hi)
{
    return std::exp(std::log(lo) + rng.unit() * (std::log(hi) - std::log(lo)));
}

SqlForm pickForm(Rng &rng, Layer layer)
{
    const double x = rng.unit();
    switch (layer) {
    case Layer::Staging:
        return x < 0.25   ? SqlForm::Merge
               : x < 0.55 ? SqlForm::BareSelect
               : x < 0.75 ? SqlForm::CtasCte
               : x < 0.90 ? SqlForm::JinjaCtas
                          : SqlForm::DeleteInsert;
    case Layer::Mart:
    case Layer::Analytics:
        return x < 0.32   ? SqlForm::CtasCte
               : x < 0.52 ? SqlForm::BareSelect
               : x < 0.64 ? SqlForm::Merge
               : x < 0.78 ? SqlForm::JinjaCtas
               : x < 0.90 ? SqlForm::InsertSelect
                          : SqlForm::DeleteInsert;
    case Layer::MlFeatures:
        return x < 0.5 ? SqlForm::CtasCte : x < 0.8 ? SqlForm::BareSelect : SqlForm::JinjaCtas;
    case Layer::Report:
        return x < 0.4 ? SqlForm::BareSelect : x < 0.8 ? SqlForm::CtasCte : SqlForm::JinjaCtas;
    case Layer::Raw:
        break;
    }
    return SqlForm::Load;
}

// Pickers over one layer: per service and for the whole layer. Weights follow a random
// rank (Zipf-like), so a few tables become hubs that feed many others.
struct LayerPickers
{
    WeightedPicker all;
    std::vector<WeightedPicker> byService;
};

LayerPickers makePickers(const Warehouse &w, Layer layer, Rng &rng)
{
    LayerPickers p;
    p.byService.resize(services().size());
    const int begin = w.layerBegin[int(layer)], end = w.layerBegin[int(layer) + 1];
    std::vector<int> rank(std::size_t(end - begin));
    for (std::size_t i = 0; i < rank.size(); ++i)
        rank[i] = int(i);
    rng.shuffle(rank);
    for (int t = begin; t < end; ++t) {
        const Table &table = w.tables[std::size_t(t)];
        double weight = 1.0 / std::pow(double(rank[std::size_t(t - begin)]) + 1.0, 0.9);
        if (table.service == 0)
            weight *= 2.0; // shared users/sessions tables are joined everywhere
        // the first tables of a layer carry the canonical names (orders, users, ...)
        if (t - begin < 12)
            weight *= 3.0;
        p.all.add(t, weight);
        p.byService[std::size_t(table.service)].add(t, weight);
    }
    return p;
}

int pickFrom(const LayerPickers &p, int service, double sameServiceBias, Rng &rng)
{
    if (p.all.empty())
        return -1;
    const double x = rng.unit();
    const WeightedPicker &same = p.byService[std::size_t(service)];
    const WeightedPicker &shared = p.byService[0];
    if (x < sameServiceBias && !same.empty())
        return same.pick(rng);
    if (x < sameServiceBias + 0.25 && !shared.empty())
        return shared.pick(rng);
    return p.all.pick(rng);
}

void addUpstream(Table &table, int upstream)
{
    if (upstream < 0)
        return;
    if (std::find(table.upstream.begin(), table.upstream.end(), upstream) == table.upstream.end())
        table.upstream.push_back(upstream);
}

int upstreamCount(Rng &rng, int lo, int hi)
{
    // skewed towards the low end
    const double x = rng.unit();
    return lo + int(std::floor(x * x * double(hi - lo + 1)));
}

const char *layerWord(Layer layer)
{
    switch (layer) {
    case Layer::Raw:
        return "raw_load";
    case Layer::Staging:
        return "staging";
    case Layer::Mart:
        return "mart";
    case Layer::Analytics:
        return "analytics";
    case Layer::MlFeatures:
        return "ml_features";
    case Layer::Report:
        return "report";
    }
    return "raw";
}

struct ScheduleChoice
{
    const char *cron;
    int minute; // minute past the hour (hourly) or minute of the JST day (daily)
    bool weekly;
};

ScheduleChoice pickSchedule(Rng &rng, Layer layer)
{
    static const ScheduleChoice raw[] = {{"5 * * * *", 5, false},
                                         {"@hourly", 0, false},
                                         {"10 * * * *", 10, false},
                                         {"0 * * * *", 0, false}};
    static const ScheduleChoice staging[] = {{"20 * * * *", 20, false},
                                             {"30 * * * *", 30, false},
                                             {"@hourly", 0, false},
                                             {"45 * * * *", 45, false}};
    static const ScheduleChoice mart[] = {{"@daily", 0, false},
                                          {"30 3 * * *", 210, false},
                                          {"0 4 * * *", 240, false},
                                          {"15 2 * * *", 135, false},
                                          {"0 1 * * *", 60, false}};
    static const ScheduleChoice analytics[]
        = {{"0 5 * * *", 300, false}, {"30 2 * * *", 150, false}, {"0 6 * * *", 360, false}};
    static const ScheduleChoice ml[] = {{"0 3 * * *", 180, false}, {"0 7 * * *", 420, false}};
    static const ScheduleChoice report[] = {{"0 6 * * *", 360, false},
                                            {"30 7 * * *", 450, false},
                                            {"0 8 * * 1", 480, true},
                                            {"0 9 * * *", 540, false}};
    switch (layer) {
    case Layer::Raw:
        return rng.pick(raw);
    case Layer::Staging:
        return rng.pick(staging);
    case Layer::Mart:
        return rng.pick(mart);
    case Layer::Analytics:
        return rng.pick(analytics);
    case Layer::MlFeatures:
        return rng.pick(ml);
    case Layer::Report:
        return rng.pick(report);
    }
    return raw[0];
}

void assignDags(Warehouse &w, int dagCount, Rng &rng)
{
    // Groups: one per (layer, service) that has tables, in layer order.
    struct Group
    {
        Layer layer;
        int service;
        std::vector<int> tables;
    };
    std::vector<Group> groups;
    for (int l = 0; l < LayerCount; ++l) {
        for (std::size_t s = 0; s < services().size(); ++s) {
            Group g{Layer(l), int(s), {}};
            for (int t = w.layerBegin[l]; t < w.layerBegin[l + 1]; ++t)
                if (w.tables[std::size_t(t)].service == int(s))
                    g.tables.push_back(t);
            if (!g.tables.empty())
                groups.push_back(std::move(g));
        }
    }
    const int tableCount = int(w.tables.size());
    dagCount = std::clamp(dagCount, 1, tableCount);

    struct Chunk
    {
        Layer layer;
        int service;
        std::vector<int> tables;
        int part;
        int parts;
    };
    std::vector<Chunk> chunks;
    if (dagCount >= int(groups.size())) {
        // Every group gets one DAG, the rest are shared out by size (largest remainder).
        std::vector<int> parts(groups.size(), 1);
        int extra = dagCount - int(groups.size());
        while (extra > 0) {
            int best = -1;
            double bestLoad = 0;
            for (std::size_t g = 0; g < groups.size(); ++g) {
                if (parts[g] >= int(groups[g].tables.size()))
                    continue;
                const double load = double(groups[g].tables.size()) / parts[g];
                if (best < 0 || load > bestLoad) {
                    best = int(g);
                    bestLoad = load;
                }
            }
            if (best < 0)
                break;
            ++parts[std::size_t(best)];
            --extra;
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const auto &tables = groups[g].tables;
            const int n = int(tables.size());
            for (int p = 0; p < parts[g]; ++p) {
                Chunk c{groups[g].layer, groups[g].service, {}, p, parts[g]};
                const int b = n * p / parts[g], e = n * (p + 1) / parts[g];
                c.tables.assign(tables.begin() + b, tables.begin() + e);
                chunks.push_back(std::move(c));
            }
        }
    } else {
        // Fewer DAGs than groups: consecutive groups share a DAG.
        std::vector<int> all;
        for (const Group &g : groups)
            all.insert(all.end(), g.tables.begin(), g.tables.end());
        const int n = int(all.size());
        for (int p = 0; p < dagCount; ++p) {
            const int b = n * p / dagCount, e = n * (p + 1) / dagCount;
            const Table &first = w.tables[std::size_t(all[std::size_t(b)])];
            Chunk c{first.layer, first.service, {}, p, dagCount};
            c.tables.assign(all.begin() + b, all.begin() + e);
            chunks.push_back(std::move(c));
        }
    }

    std::unordered_set<std::string> usedIds;
    for (Chunk &c : chunks) {
        Dag dag;
        dag.layer = c.layer;
        dag.service = c.service;
        dag.tables = std::move(c.tables);
        const ScheduleChoice sc = pickSchedule(rng, c.layer);
        dag.schedule = sc.cron;
        dag.hourly = c.layer == Layer::Raw || c.layer == Layer::Staging;
        dag.minuteOfDay = sc.minute;
        dag.weekly = sc.weekly;
        std::string id = std::string(services()[std::size_t(c.service)].tag) + "_"
                         + layerWord(c.layer)
                         + (dag.hourly  ? "_hourly"
                            : sc.weekly ? "_weekly"
                                        : "_daily");
        if (c.parts > 1) {
            char part[16];
            std::snprintf(part, sizeof part, "_%02d", c.part + 1);
            id += part;
        }
        while (!usedIds.insert(id).second)
            id += "_x";
        dag.id = std::move(id);
        const std::string svc = services()[std::size_t(c.service)].description;
        switch (c.layer) {
        case Layer::Raw:
            dag.description = "Loads the exports of " + svc + " from GCS into raw.";
            break;
        case Layer::Staging:
            dag.description = "Cleans and deduplicates the raw data of " + svc + " into staging.";
            break;
        case Layer::Mart:
            dag.description = "Builds the mart tables of " + svc + " from staging.";
            break;
        case Layer::Analytics:
            dag.description = "Cross-service analytics tables.";
            break;
        case Layer::MlFeatures:
            dag.description = "Feature tables for the ML models (recommendation, churn, fraud).";
            break;
        case Layer::Report:
            dag.description = "Report tables behind the Looker dashboards.";
            break;
        }
        const int index = int(w.dags.size());
        std::unordered_set<std::string> tasks;
        for (int t : dag.tables) {
            Table &table = w.tables[std::size_t(t)];
            table.dag = index;
            std::string task = (table.layer == Layer::Raw ? "load_" : "build_") + table.shardBase();
            if (!tasks.insert(task).second) {
                task = std::string("build_") + datasetName(table.layer) + "_" + table.shardBase();
                tasks.insert(task);
            }
            table.task = std::move(task);
        }
        w.dags.push_back(std::move(dag));
    }
}

void addChecks(Warehouse &w)
{
    std::unordered_set<int> chosen;
    auto add = [&](int t) {
        if (t < 0 || !chosen.insert(t).second)
            return;
        const Table &table = w.tables[std::size_t(t)];
        Check check;
        check.table = t;
        const std::string dt = w.datasetTable(t);
        if (table.layer == Layer::Staging) {
            check.kind = 1;
            check.name = std::string(datasetName(table.layer)) + "_" + table.name + "_fresh";
            check.message = dt + " is stale: no new rows in the last 3 hours";
        } else if (table.layer == Layer::Mart && (t % 3) == 1) {
            check.kind = 2;
            check.name = std::string(datasetName(table.layer)) + "_" + table.name + "_unique_key";
            check.message = "duplicate " + table.key + " in " + dt;
        } else {
            check.kind = 0;
            check.name = std::string(datasetName(table.layer)) + "_" + table.name + "_not_empty";
            check.message = dt + " is empty for yesterday";
        }
        const int index = int(w.checks.size());
        w.checks.push_back(std::move(check));
        w.dags[std::size_t(table.dag)].checks.push_back(index);
    };
    // the first built table of every DAG, then every 12th built table
    for (const Dag &dag : w.dags)
        for (int t : dag.tables)
            if (w.tables[std::size_t(t)].layer != Layer::Raw) {
                add(t);
                break;
            }
    for (int t = w.layerBegin[int(Layer::Staging)]; t < int(w.tables.size()); t += 12)
        add(t);
}

} // namespace

std::string Warehouse::qualified(int table) const
{
    const Table &t = tables[std::size_t(table)];
    return project + "." + datasetName(t.layer) + "." + t.name;
}

std::string Warehouse::datasetTable(int table) const
{
    const Table &t = tables[std::size_t(table)];
    return std::string(datasetName(t.layer)) + "." + t.name;
}

std::string Warehouse::sqlPath(int table) const
{
    const Table &t = tables[std::size_t(table)];
    return std::string("sql/") + datasetName(t.layer) + "/" + t.name + ".sql";
}

Warehouse buildWarehouse(const std::string &project, int tableCount, int dagCount,
                         std::uint64_t seed)
{
    Warehouse w;
    w.project = project;
    Rng rng(seed, 1);

    // Layer sizes.
    static const double shares[LayerCount] = {0.22, 0.28, 0.22, 0.08, 0.06, 0.14};
    int counts[LayerCount];
    int assigned = 0;
    for (int l = 0; l < LayerCount; ++l) {
        counts[l] = std::max(1, int(std::floor(shares[l] * tableCount)));
        assigned += counts[l];
    }
    counts[int(Layer::Staging)] += tableCount - assigned; // remainder (may be negative when tiny)
    if (counts[int(Layer::Staging)] < 1)
        counts[int(Layer::Staging)] = 1;

    w.tables.reserve(std::size_t(tableCount));
    auto pushLayer = [&](Layer layer, const std::vector<std::pair<int, std::string>> &names) {
        w.layerBegin[int(layer)] = int(w.tables.size());
        for (const auto &[service, name] : names) {
            Table t;
            t.name = name;
            t.layer = layer;
            t.service = service;
            w.tables.push_back(std::move(t));
        }
        w.layerBegin[int(layer) + 1] = int(w.tables.size());
    };

    // raw
    pushLayer(Layer::Raw, layerNames(rawCandidates, Layer::Raw, counts[0]));
    for (int t = w.layerBegin[0]; t < w.layerBegin[1]; ++t) {
        Table &table = w.tables[std::size_t(t)];
        std::string entity = table.shardBase();
        const char *prefix = services()[std::size_t(table.service)].name;
        if (*prefix && entity.rfind(std::string(prefix) + "_", 0) == 0)
            entity = entity.substr(std::strlen(prefix) + 1);
        table.key = singularKey(entity);
        table.sizeGb = logUniform(rng, 20, 8000);
    }

    // staging mirrors raw: staging.market_orders reads raw.market_orders, later ones are
    // variants (market_orders_dedup, ...).
    {
        const int nRaw = counts[0];
        std::vector<std::pair<int, std::string>> names;
        std::unordered_set<std::string> used;
        for (int j = 0; int(names.size()) < counts[1]; ++j) {
            const Table &raw = w.tables[std::size_t(j % nRaw)];
            std::string name = raw.shardBase();
            const int round = j / nRaw;
            if (round > 0) {
                const std::size_t nv = sizeof(stagingVariants) / sizeof(stagingVariants[0]);
                const std::size_t v = std::size_t(round - 1);
                name += "_";
                name += stagingVariants[v % nv];
                if (v >= nv)
                    name += std::to_string(v / nv + 1);
            }
            if (used.insert(name).second)
                names.emplace_back(raw.service, name);
        }
        pushLayer(Layer::Staging, names);
        const LayerPickers stagingHubs = [&] {
            LayerPickers p;
            p.byService.resize(services().size());
            return p;
        }();
        const LayerPickers rawPickers = makePickers(w, Layer::Raw, rng);
        for (int t = w.layerBegin[1]; t < w.layerBegin[2]; ++t) {
            Table &table = w.tables[std::size_t(t)];
            const int j = t - w.layerBegin[1];
            const Table &raw = w.tables[std::size_t(j % nRaw)];
            table.key = raw.key;
            addUpstream(table, j % nRaw);
            if (rng.chance(0.3)) {
                // a lookup join: an earlier staging hub (users, sessions) or another raw source
                if (j > 4 && rng.chance(0.6))
                    addUpstream(table,
                                w.layerBegin[1] + int(rng.below(std::uint64_t(std::min(j, 12)))));
                else
                    addUpstream(table, pickFrom(rawPickers, table.service, 0.7, rng));
            }
            table.form = pickForm(rng, Layer::Staging);
            table.sizeGb = raw.sizeGb * (0.3 + 0.6 * rng.unit());
        }
        (void)stagingHubs;
    }

    // mart, analytics, ml_features, report
    pushLayer(Layer::Mart, layerNames(martCandidates, Layer::Mart, counts[2]));
    pushLayer(Layer::Analytics, layerNames(analyticsCandidates, Layer::Analytics, counts[3]));
    pushLayer(Layer::MlFeatures, layerNames(mlCandidates, Layer::MlFeatures, counts[4]));
    pushLayer(Layer::Report, layerNames(reportCandidates, Layer::Report, counts[5]));

    const LayerPickers staging = makePickers(w, Layer::Staging, rng);
    const LayerPickers mart = makePickers(w, Layer::Mart, rng);
    const LayerPickers analytics = makePickers(w, Layer::Analytics, rng);
    const LayerPickers ml = makePickers(w, Layer::MlFeatures, rng);
    (void)ml;

    for (int t = w.layerBegin[2]; t < int(w.tables.size()); ++t) {
        Table &table = w.tables[std::size_t(t)];
        table.key = serviceKeys[table.service];
        const int begin = w.layerBegin[int(table.layer)];
        switch (table.layer) {
        case Layer::Mart: {
            const int n = upstreamCount(rng, 2, 5);
            for (int i = 0; i < n; ++i)
                addUpstream(table, pickFrom(staging, table.service, 0.6, rng));
            // chains and diamonds: an earlier mart of the same service
            if (t > begin && rng.chance(0.3)) {
                for (int tries = 0; tries < 4; ++tries) {
                    const int m = begin + int(rng.below(std::uint64_t(std::min(t - begin, 40))));
                    if (w.tables[std::size_t(m)].service == table.service || tries == 3) {
                        addUpstream(table, m);
                        break;
                    }
                }
            }
            table.sizeGb = logUniform(rng, 1, 800);
            break;
        }
        case Layer::Analytics: {
            const int n = upstreamCount(rng, 2, 4);
            for (int i = 0; i < n; ++i)
                addUpstream(table, rng.chance(0.65) ? pickFrom(mart, table.service, 0.4, rng)
                                                    : pickFrom(staging, table.service, 0.4, rng));
            table.sizeGb = logUniform(rng, 1, 300);
            break;
        }
        case Layer::MlFeatures: {
            const int n = upstreamCount(rng, 2, 4);
            for (int i = 0; i < n; ++i) {
                const double x = rng.unit();
                addUpstream(table, x < 0.5    ? pickFrom(mart, table.service, 0.5, rng)
                                   : x < 0.75 ? pickFrom(analytics, table.service, 0.3, rng)
                                              : pickFrom(staging, table.service, 0.5, rng));
            }
            table.sizeGb = logUniform(rng, 5, 500);
            break;
        }
        case Layer::Report: {
            const int n = upstreamCount(rng, 1, 4);
            for (int i = 0; i < n; ++i)
                addUpstream(table, rng.chance(0.75) ? pickFrom(mart, table.service, 0.6, rng)
                                                    : pickFrom(analytics, table.service, 0.3, rng));
            if (table.upstream.empty())
                addUpstream(table, pickFrom(staging, table.service, 0.6, rng));
            table.sizeGb = logUniform(rng, 0.01, 20);
            break;
        }
        default:
            break;
        }
        if (table.upstream.empty()) // tiny warehouses: read the previous table
            addUpstream(table, t - 1);
        std::sort(table.upstream.begin(), table.upstream.end());
        table.form = pickForm(rng, table.layer);
    }

    for (Table &table : w.tables) {
        if (table.layer != Layer::Raw)
            table.style = rng.chance(0.45) ? 1 : 0;
        for (int u : table.upstream)
            ++w.tables[std::size_t(u)].downstream;
    }

    // Read popularity for the JOBS log: a Zipf-like law over a random order, leaning to the
    // tables people query (marts and reports).
    {
        static const double layerFactor[LayerCount] = {0.15, 0.5, 1.6, 0.8, 0.35, 2.2};
        std::vector<int> order(w.tables.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        rng.shuffle(order);
        for (std::size_t r = 0; r < order.size(); ++r) {
            Table &table = w.tables[std::size_t(order[r])];
            table.popularity = layerFactor[int(table.layer)] / std::pow(double(r) + 1.0, 1.05);
            // the canonical tables (orders, users, daily_sales, shop_kpi...) are read most
            if (order[r] - w.layerBegin[int(table.layer)] < 6)
                table.popularity += layerFactor[int(table.layer)] * 0.08;
        }
    }

    const int dags
        = dagCount > 0 ? dagCount : std::max(std::min(40, tableCount), (tableCount + 3) / 7);
    assignDags(w, dags, rng);
    addChecks(w);
    return w;
}

// ---------------------------------------------------------------------------------------
// SQL text

namespace {

std::string ref(const Warehouse &w, int table, int style, bool jinja)
{
    const Table &t = w.tables[std::size_t(table)];
    if (jinja)
        return std::string("`{{ params.project }}.") + datasetName(t.layer) + "." + t.name + "`";
    if (style == 1 || t.sharded())
        return "`" + w.qualified(table) + "`";
    return w.datasetTable(table);
}

std::string alias(const Table &t, const char *prefix)
{
    return std::string(prefix) + t.shardBase();
}

struct Body
{
    std::string text;
    std::vector<std::string> columns;
};

// WITH ... SELECT over the upstream tables. `filter` is the date condition of the base CTE.
Body selectBody(const Warehouse &w, const Table &target, bool jinja, const std::string &indent)
{
    Body body;
    const std::string &key = target.key;
    std::string &s = body.text;
    s += indent + "WITH\n";
    const int base = target.upstream.front();
    const Table &b = w.tables[std::size_t(base)];
    const std::string baseAlias = alias(b, "src_");
    s += indent + "  " + baseAlias + " AS (\n";
    s += indent + "    SELECT\n";
    s += indent + "      " + key + ",\n";
    if (b.sharded()) {
        s += indent + "      DATE(TIMESTAMP_MICROS(event_timestamp), 'Asia/Tokyo') AS dt,\n";
        s += indent + "      event_name AS status,\n";
        s += indent
             + "      (SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'value') AS "
               "amount\n";
        s += indent + "    FROM " + ref(w, base, target.style, jinja) + "\n";
        s += indent
             + "    WHERE _TABLE_SUFFIX BETWEEN FORMAT_DATE('%Y%m%d', "
               "DATE_SUB(CURRENT_DATE('Asia/Tokyo'), INTERVAL 1 DAY))\n";
        s += indent + "      AND FORMAT_DATE('%Y%m%d', CURRENT_DATE('Asia/Tokyo'))\n";
    } else {
        s += indent + "      DATE(updated_at, 'Asia/Tokyo') AS dt,\n";
        s += indent + "      status,\n";
        s += indent + "      SAFE_CAST(amount AS NUMERIC) AS amount\n";
        s += indent + "    FROM " + ref(w, base, target.style, jinja) + "\n";
        if (jinja)
            s += indent + "    WHERE DATE(updated_at, 'Asia/Tokyo') = DATE('{{ ds }}')\n";
        else if (target.form == SqlForm::DeleteInsert)
            s += indent + "    WHERE DATE(updated_at, 'Asia/Tokyo') = run_date\n";
        else
            s += indent
                 + "    WHERE DATE(updated_at, 'Asia/Tokyo') >= "
                   "DATE_SUB(CURRENT_DATE('Asia/Tokyo'), INTERVAL 3 DAY)\n";
    }
    s += indent + "  )";
    std::vector<std::string> aggs;
    std::vector<std::string> names; // column prefix per upstream, unique
    for (std::size_t i = 1; i < target.upstream.size(); ++i) {
        const Table &u = w.tables[std::size_t(target.upstream[i])];
        std::string n = u.shardBase();
        if (std::find(names.begin(), names.end(), n) != names.end() || n == b.shardBase())
            n = std::string(datasetName(u.layer)) + "_" + n;
        names.push_back(n);
        const std::string a = "agg_" + n;
        aggs.push_back(a);
        s += ",\n" + indent + "  " + a + " AS (\n";
        s += indent + "    SELECT\n";
        s += indent + "      " + key + ",\n";
        s += indent + "      COUNT(*) AS " + n + "_rows,\n";
        s += indent + "      SUM(IFNULL(amount, 0)) AS " + n + "_amount\n";
        s += indent + "    FROM " + ref(w, target.upstream[i], target.style, jinja);
        if (u.sharded())
            s += "\n" + indent
                 + "    WHERE _TABLE_SUFFIX = FORMAT_DATE('%Y%m%d', CURRENT_DATE('Asia/Tokyo'))";
        s += "\n" + indent + "    GROUP BY " + key + "\n";
        s += indent + "  )";
    }
    s += "\n" + indent + "SELECT\n";
    body.columns = {key, "dt", "status", "amount"};
    s += indent + "  " + baseAlias + "." + key + ",\n";
    s += indent + "  " + baseAlias + ".dt,\n";
    s += indent + "  " + baseAlias + ".status,\n";
    s += indent + "  " + baseAlias + ".amount";
    for (std::size_t i = 1; i < target.upstream.size(); ++i) {
        const std::string &n = names[i - 1];
        const std::string &a = aggs[i - 1];
        s += ",\n" + indent + "  IFNULL(" + a + "." + n + "_rows, 0) AS " + n + "_rows";
        s += ",\n" + indent + "  IFNULL(" + a + "." + n + "_amount, 0) AS " + n + "_amount";
        body.columns.push_back(n + "_rows");
        body.columns.push_back(n + "_amount");
    }
    s += "\n" + indent + "FROM " + baseAlias + "\n";
    for (const std::string &a : aggs)
        s += indent + "LEFT JOIN " + a + " USING (" + key + ")\n";
    if (target.layer == Layer::Report)
        s += indent + "WHERE " + baseAlias + ".status != 'test'\n";
    return body;
}

void endStatement(std::string &s)
{
    if (!s.empty() && s.back() == '\n')
        s.pop_back();
    s += ";\n";
}

std::string joinColumns(const std::vector<std::string> &columns, const char *prefix)
{
    std::string s;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i)
            s += ", ";
        s += prefix;
        s += columns[i];
    }
    return s;
}

} // namespace

std::string renderSql(const Warehouse &w, int index)
{
    const Table &t = w.tables[std::size_t(index)];
    const Dag &dag = w.dags[std::size_t(t.dag)];
    const bool jinja = t.form == SqlForm::JinjaCtas;
    const std::string target = ref(w, index, t.style, jinja);
    std::string s;
    s.reserve(2048);
    s += "-- " + w.datasetTable(index) + ": " + services()[std::size_t(t.service)].description
         + ", " + datasetName(t.layer) + " layer.\n";
    s += "-- Built by DAG " + dag.id + " (" + dag.schedule + ", Asia/Tokyo), task " + t.task
         + ".\n";
    s += "-- Owner: data-platform. Do not edit in the console; changes go through review.\n";
    switch (t.form) {
    case SqlForm::CtasCte:
    case SqlForm::JinjaCtas: {
        if (jinja)
            s += "-- Rendered by Airflow: params.project comes from the DAG, ds is the logical "
                 "date.\n";
        s += "CREATE OR REPLACE TABLE " + target + "\n";
        s += "PARTITION BY dt\n";
        s += "CLUSTER BY " + t.key + "\n";
        s += "OPTIONS (description = \"" + std::string(datasetName(t.layer)) + " table, rebuilt by "
             + dag.id + "\")\n";
        s += "AS\n";
        s += selectBody(w, t, jinja, "").text;
        endStatement(s);
        break;
    }
    case SqlForm::InsertSelect: {
        const Body body = selectBody(w, t, false, "");
        s += "INSERT INTO " + target + " (" + joinColumns(body.columns, "") + ")\n";
        s += body.text;
        endStatement(s);
        break;
    }
    case SqlForm::Merge: {
        const Body body = selectBody(w, t, false, "  ");
        s += "MERGE " + target + " AS T\n";
        s += "USING (\n" + body.text + ") AS S\n";
        s += "ON T." + t.key + " = S." + t.key + " AND T.dt = S.dt\n";
        s += "WHEN MATCHED THEN\n  UPDATE SET ";
        for (std::size_t i = 2; i < body.columns.size(); ++i) {
            if (i > 2)
                s += ", ";
            s += body.columns[i] + " = S." + body.columns[i];
        }
        s += "\nWHEN NOT MATCHED THEN\n  INSERT (" + joinColumns(body.columns, "") + ")\n";
        s += "  VALUES (" + joinColumns(body.columns, "S.") + ");\n";
        break;
    }
    case SqlForm::BareSelect: {
        s += "-- A plain SELECT: the DAG writes the result to " + w.datasetTable(index)
             + " (WRITE_TRUNCATE).\n";
        s += selectBody(w, t, false, "").text;
        break;
    }
    case SqlForm::DeleteInsert: {
        const Body body = selectBody(w, t, false, "");
        s += "DECLARE run_date DATE DEFAULT DATE_SUB(CURRENT_DATE('Asia/Tokyo'), INTERVAL 1 "
             "DAY);\n\n";
        s += "DELETE FROM " + target + "\nWHERE dt = run_date;\n\n";
        s += "INSERT INTO " + target + " (" + joinColumns(body.columns, "") + ")\n";
        s += body.text;
        endStatement(s);
        break;
    }
    case SqlForm::Load:
        break;
    }
    return s;
}

std::string renderCheckSql(const Warehouse &w, const Check &check)
{
    const Table &t = w.tables[std::size_t(check.table)];
    const Dag &dag = w.dags[std::size_t(t.dag)];
    const std::string r = ref(w, check.table, t.style, false);
    std::string s;
    s += "-- Validation for " + w.datasetTable(check.table) + ", run by " + dag.id
         + " (task assert_" + check.name + ").\n";
    s += "-- A failed ASSERT fails the task; the alert bot opens a GitHub issue labelled alert.\n";
    switch (check.kind) {
    case 0:
        s += "ASSERT (\n  (\n    SELECT COUNT(*)\n    FROM " + r + "\n";
        s += "    WHERE dt = DATE_SUB(CURRENT_DATE('Asia/Tokyo'), INTERVAL 1 DAY)\n  ) > 0\n";
        s += ") AS '" + check.message + "';\n";
        break;
    case 1:
        s += "ASSERT (\n  (\n    SELECT TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), MAX(updated_at), "
             "MINUTE)\n";
        s += "    FROM " + r + "\n  ) <= 180\n";
        s += ") AS '" + check.message + "';\n";
        break;
    default:
        s += "ASSERT NOT EXISTS (\n  SELECT " + t.key + "\n  FROM " + r + "\n";
        s += "  WHERE dt = DATE_SUB(CURRENT_DATE('Asia/Tokyo'), INTERVAL 1 DAY)\n";
        s += "  GROUP BY " + t.key + "\n  HAVING COUNT(*) > 1\n";
        s += ") AS '" + check.message + "';\n";
        break;
    }
    return s;
}

} // namespace warroom::demo::Internal
