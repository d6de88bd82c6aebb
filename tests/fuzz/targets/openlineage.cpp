// OpenLineage RunEvents (NDJSON or a JSON array) as the lineage engine reads them, from a file.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/lineage/LineageLogs.h"

using namespace warroom;

WARROOM_FUZZ_TARGET(openlineage)
{
    const QString path = fuzz::writeScratch(QStringLiteral("events.ndjson"), data, size);
    Diagnostics diagnostics;
    int events = 0;
    int flows = 0;
    const bool ok = lineage::readOpenLineageFile(
        path,
        [&](lineage::TableFlow &&flow) {
            ++flows;
            WARROOM_FUZZ_CHECK("openlineage", flow.line >= 0);
            for (const auto *list : {&flow.inputs, &flow.outputs})
                for (const std::string &table : *list)
                    WARROOM_FUZZ_CHECK("openlineage", !table.empty());
        },
        &diagnostics, &events);
    for (const Diagnostic &d : diagnostics)
        (void)d.toString();
    WARROOM_FUZZ_CHECK("openlineage", events >= 0);
    (void)ok;
    return 0;
}
