// Impact export speed: the workbook, CSV files and Markdown for N affected tables.
// Target (issue 8): 5,000 affected tables exported in < 2 s.
#include "core/export/ImpactReport.h"

#include <QDir>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace warroom;

static ImpactReport makeReport(int tables)
{
    ImpactReport r;
    r.incidentName = QStringLiteral("Composer outage");
    r.timezone = QStringLiteral("Asia/Tokyo");
    r.windowStart = 1'795'000'000'000'000;
    r.windowEnd = r.windowStart + 3 * 3600'000'000LL;
    for (int i = 0; i < tables; ++i) {
        ImpactReport::AffectedTable t;
        t.table = QStringLiteral("bigfoot-prod.mart_%1.table_%2").arg(i % 40).arg(i);
        t.dataset = QStringLiteral("mart_%1").arg(i % 40);
        t.kind = QStringLiteral("table");
        t.depth = i % 7;
        t.path = {QStringLiteral("raw.orders"), QStringLiteral("staging.orders"), t.table};
        t.usageRank = i + 1;
        t.references = 100000 / (i + 1);
        t.distinctUsers = 80 / (1 + i % 9);
        t.topUsers = {QStringLiteral("ken@example.com"), QStringLiteral("mika@example.com"), QStringLiteral("looker-sa@bigfoot-prod.iam.gserviceaccount.com")};
        t.owningDag = QStringLiteral("dag_%1").arg(i % 60);
        t.recoveryTask = QStringLiteral("rerun:dag_%1").arg(i % 60);
        t.recoveryStatus = QStringLiteral("todo");
        t.issueUrl = QStringLiteral("https://github.com/bigfoot/data/issues/%1").arg(i % 60 + 1);
        t.priority = 1000.0 / (i + 1);
        r.tables.append(t);
    }
    for (int d = 0; d < 60; ++d)
        r.tasks.append({QStringLiteral("rerun:dag_%1").arg(d), QStringLiteral("dag_%1").arg(d), {QStringLiteral("2026-11-19T17:00:00Z")}, {}, {}, 10.0, {}, QStringLiteral("todo"), d + 1, QStringLiteral("https://github.com/bigfoot/data/issues/%1").arg(d + 1)});
    for (int u = 0; u < 80; ++u)
        r.people.append({QStringLiteral("user%1@example.com").arg(u), QStringLiteral("person"), {QStringLiteral("mart.orders"), QStringLiteral("mart.items")}, 100});
    return r;
}

static void BM_Xlsx(benchmark::State &state)
{
    const ImpactReport report = makeReport(int(state.range(0)));
    QTemporaryDir dir;
    for (auto _ : state) {
        QString error;
        if (!ImpactExporter::writeXlsx(report, dir.filePath(QStringLiteral("impact.xlsx")), &error))
            state.SkipWithError(qPrintable(error));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Xlsx)->Arg(500)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond);

static void BM_Csv(benchmark::State &state)
{
    const ImpactReport report = makeReport(int(state.range(0)));
    QTemporaryDir dir;
    for (auto _ : state) {
        QString error;
        benchmark::DoNotOptimize(ImpactExporter::writeCsv(report, dir.filePath(QStringLiteral("csv")), &error));
    }
}
BENCHMARK(BM_Csv)->Arg(5000)->Unit(benchmark::kMillisecond);

static void BM_Markdown(benchmark::State &state)
{
    const ImpactReport report = makeReport(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(ImpactExporter::postmortemDraft(report));
}
BENCHMARK(BM_Markdown)->Arg(5000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
