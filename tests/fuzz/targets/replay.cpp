// Recorded alert timelines (NDJSON) as ReplaySource reads them: events in order of offset,
// every malformed line a diagnostic naming the file.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/alerts/ReplaySource.h"

using namespace warroom;

WARROOM_FUZZ_TARGET(replay)
{
    Diagnostics diagnostics;
    const QList<ReplaySource::Event> events
        = ReplaySource::parse(fuzz::bytes(data, size), QStringLiteral("timeline.ndjson"), &diagnostics);
    for (const ReplaySource::Event &event : events) {
        WARROOM_FUZZ_CHECK("replay", event.offsetMs >= 0);
        WARROOM_FUZZ_CHECK("replay", event.alert.source == QLatin1String("replay"));
        (void)severityName(event.alert.severity);
    }
    for (const Diagnostic &d : diagnostics) {
        WARROOM_FUZZ_CHECK("replay", d.toString().startsWith(QLatin1String("timeline.ndjson")));
    }
    return 0;
}
