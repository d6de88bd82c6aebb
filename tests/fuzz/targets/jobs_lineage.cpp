// INFORMATION_SCHEMA.JOBS rows (JSON array or NDJSON) as the lineage engine reads them.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/lineage/LineageLogs.h"

using namespace warroom;

WARROOM_FUZZ_TARGET(jobs_lineage)
{
    const QString path = fuzz::writeScratch(QStringLiteral("jobs.json"), data, size);
    Diagnostics diagnostics;
    int rows = 0;
    const bool ok = lineage::readJobsFile(
        path,
        [&](lineage::TableFlow &&flow) {
            WARROOM_FUZZ_CHECK("jobs_lineage", flow.line >= 0);
            for (const auto *list : {&flow.inputs, &flow.outputs})
                for (const std::string &table : *list)
                    WARROOM_FUZZ_CHECK("jobs_lineage", !table.empty());
        },
        &diagnostics, &rows);
    for (const Diagnostic &d : diagnostics)
        (void)d.toString();
    WARROOM_FUZZ_CHECK("jobs_lineage", rows >= 0);
    (void)ok;
    return 0;
}
