// The usage JOBS log reader (JSON array, NDJSON, CSV) from a buffer. The same bytes are read
// with the default chunk size and with tiny chunks: a row split across chunks must come out
// exactly as when it arrives whole (same rows, same malformed count, same diagnostics).
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/usage/JobsReader.h"

#include <QBuffer>

using namespace warroom;

namespace {

struct Outcome
{
    bool ok = false;
    usage::ReadStats stats;
    std::string rows; // a digest of every field of every row
};

Outcome readWith(const QByteArray &input, qint64 chunk)
{
    Outcome out;
    QByteArray copy = input;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    usage::JobsReader reader;
    reader.setChunkSize(chunk);
    out.ok = reader.read(&buffer, QStringLiteral("fuzz.jobs"),
                         [&](const usage::JobRecord &r) {
                             out.rows += std::to_string(r.line) + '|';
                             out.rows += r.creationTime ? std::to_string(*r.creationTime) : "-";
                             for (const std::string *s : {&r.userEmail, &r.projectId, &r.jobId, &r.parentJobId,
                                                          &r.statementType, &r.jobType, &r.state,
                                                          &r.destinationTable})
                                 out.rows += '|' + *s;
                             out.rows += r.hasError ? "|E" : "|-";
                             out.rows += r.cacheHit ? "C" : "-";
                             out.rows += std::to_string(r.totalBytesProcessed);
                             for (const std::string &t : r.referencedTables)
                                 out.rows += ',' + t;
                             out.rows += '\n';
                         },
                         &out.stats);
    return out;
}

} // namespace

WARROOM_FUZZ_TARGET(jobs_reader)
{
    const QByteArray input = fuzz::bytes(data, size);
    const Outcome whole = readWith(input, 1 << 20);
    for (const Diagnostic &d : whole.stats.diagnostics)
        (void)d.toString();
    (void)usage::formatName(whole.stats.format);
    WARROOM_FUZZ_CHECK("jobs_reader", whole.stats.rows >= 0 && whole.stats.malformed >= 0);
    WARROOM_FUZZ_CHECK("jobs_reader", whole.stats.bytes <= qint64(size));

    // The head (64 KiB) decides the format, so below that size chunking must not matter.
    if (size < 64 * 1024) {
        const Outcome sliced = readWith(input, size < 4096 ? 1 : 7);
        if (sliced.stats.malformed != whole.stats.malformed || sliced.rows != whole.rows
            || sliced.stats.diagnostics.size() != whole.stats.diagnostics.size()) {
            for (const Outcome *o : {&whole, &sliced}) {
                std::fprintf(stderr, "--- %s: rows %lld malformed %lld\n", o == &whole ? "whole" : "sliced",
                             qlonglong(o->stats.rows), qlonglong(o->stats.malformed));
                for (const Diagnostic &d : o->stats.diagnostics)
                    std::fprintf(stderr, "%s\n", qPrintable(d.toString()));
                std::fprintf(stderr, "%s", o->rows.c_str());
            }
        }
        WARROOM_FUZZ_CHECK("jobs_reader", sliced.ok == whole.ok);
        WARROOM_FUZZ_CHECK("jobs_reader", sliced.stats.format == whole.stats.format);
        WARROOM_FUZZ_CHECK("jobs_reader", sliced.stats.rows == whole.stats.rows);
        WARROOM_FUZZ_CHECK("jobs_reader", sliced.stats.malformed == whole.stats.malformed);
        WARROOM_FUZZ_CHECK("jobs_reader", sliced.rows == whole.rows);
        WARROOM_FUZZ_CHECK("jobs_reader", sliced.stats.diagnostics.size() == whole.stats.diagnostics.size());
    }
    (void)usage::normalizeTableName(fuzz::view(data, std::min<size_t>(size, 512)), "default-project");
    return 0;
}
