// Usage ranking benchmark: reads a JOBS log (any supported format) and ranks it, printing
// wall/CPU time per phase and peak RSS. Without a file it first writes a synthetic
// NDJSON log of --rows rows (default 1,000,000) resembling BigQuery's export.
//   bench_usage [FILE] [--rows N] [--keep]
#include "core/usage/JobsReader.h"
#include "core/usage/UsageLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>
#include <random>

using namespace warroom;
using namespace warroom::usage;

static double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
           + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

static bool writeSynthetic(const QString &path, qint64 rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    std::mt19937_64 rng(20261125);
    const int tables = 5000, people = 400, services = 40;
    std::uniform_int_distribution<int> table(0, tables - 1), refs(1, 4), person(0, people - 1),
        service(0, services - 1), kind(0, 9), pct(0, 99);
    const qint64 start = 1780272000; // 2026-06-01T00:00:00Z
    QByteArray line;
    for (qint64 i = 0; i < rows; ++i) {
        const qint64 t = start + i * 30 * 86400 / rows;
        const bool svc = kind(rng) < 3;
        const QByteArray user
            = svc ? "etl-" + QByteArray::number(service(rng)) + "@proj.iam.gserviceaccount.com"
                  : "user" + QByteArray::number(person(rng)) + "@example.com";
        line = "{\"creation_time\":\"" + QByteArray::number(t)
               + ".25\",\"project_id\":\"proj\",\"job_id\":\"job_" + QByteArray::number(i)
               + "\",\"user_email\":\"" + user
               + "\",\"job_type\":\"QUERY\",\"statement_type\":\"SELECT\",\"state\":\"DONE\","
                 "\"error_result\":"
               + (pct(rng) < 2 ? "{\"reason\":\"invalidQuery\",\"message\":\"Syntax error\"}"
                               : "null")
               + ",\"total_bytes_processed\":\"" + QByteArray::number(qint64(rng() % 1000000000))
               + "\",\"cache_hit\":false," + "\"referenced_tables\":[";
        const int n = refs(rng);
        for (int r = 0; r < n; ++r) {
            const int tb = std::min(table(rng), table(rng)); // skewed towards low numbers
            line += (r ? "," : "") + QByteArray("{\"project_id\":\"proj\",\"dataset_id\":\"ds")
                    + QByteArray::number(tb % 50) + "\",\"table_id\":\"t" + QByteArray::number(tb)
                    + "\"}";
        }
        line += "],\"destination_table\":{\"project_id\":\"proj\",\"dataset_id\":\"_abc\",\"table_"
                "id\":\"anon"
                + QByteArray::number(i)
                + "\"},\"query\":\"SELECT a, b, COUNT(*) FROM t WHERE dt >= '2026-06-01' "
                  "GROUP BY a, b -- padding to resemble a real query text of a few hundred bytes "
                  ".......... "
                  "............................................................................\"}"
                  "\n";
        f.write(line);
    }
    return true;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    qint64 rows = 1000000;
    const int rowsAt = args.indexOf(QStringLiteral("--rows"));
    if (rowsAt >= 0 && rowsAt + 1 < args.size()) {
        rows = args.at(rowsAt + 1).toLongLong();
        args.remove(rowsAt, 2);
    }
    const bool keep = args.removeAll(QStringLiteral("--keep")) > 0;
    QTemporaryDir dir;
    dir.setAutoRemove(!keep);
    QString path = args.value(0);
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("jobs.ndjson"));
        QElapsedTimer gen;
        gen.start();
        if (!writeSynthetic(path, rows)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        std::printf("generated %lld rows (%.0f MB) in %.2f s: %s\n", rows,
                    double(QFileInfo(path).size()) / 1e6, gen.elapsed() / 1000.0, qPrintable(path));
    }
    const long rssBefore = peakRssKb();
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    ReadStats stats;
    auto log = UsageLog::load(path, &stats);
    if (!log) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 1;
    }
    const double loadWall = wall.elapsed() / 1000.0;
    const double cpu1 = cpuSeconds();
    wall.restart();
    const UsageRanking all = log->rank();
    RankingOptions week;
    week.until = *log->latest() + 1;
    week.since = *week.until - 7LL * 86400 * 1000000;
    const UsageRanking lastWeek = log->rank(week);
    const double rankWall = wall.elapsed() / 1000.0;
    const double cpu2 = cpuSeconds();
    std::printf("file: %s (%.0f MB, %s)\n", qPrintable(path), double(QFileInfo(path).size()) / 1e6,
                qPrintable(formatName(stats.format)));
    std::printf("rows: %lld read, %lld malformed; %d tables, %d users\n", stats.rows,
                stats.malformed, log->tableCount(), log->userCount());
    std::printf("load (read + parse + intern): %.2f s wall, %.2f s CPU\n", loadWall, cpu1 - cpu0);
    std::printf("rank x2 (all rows: %lld tables; last 7 days with trend: %lld tables): %.2f s "
                "wall, %.2f s CPU\n",
                qint64(all.tables.size()), qint64(lastWeek.tables.size()), rankWall, cpu2 - cpu1);
    std::printf("total: %.2f s wall, %.2f s CPU; peak RSS %.0f MB (%.0f MB before loading)\n",
                loadWall + rankWall, cpu2 - cpu0, peakRssKb() / 1024.0, rssBefore / 1024.0);
    if (!all.tables.isEmpty())
        std::printf("top: %s %lld references, %d users\n", qPrintable(all.tables.first().table),
                    all.tables.first().references, all.tables.first().distinctUsers);
    return 0;
}
