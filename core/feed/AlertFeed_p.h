#pragma once

// Internal state shared by AlertFeed and AlertFeedModel (not part of the public API).

#include "core/feed/AlertFeed.h"

#include <QPointer>

#include <memory>
#include <vector>

class QThread;

namespace warroom {

class AlertFeedModel;

namespace Internal {

// Lives in the writer thread only: its own connection to the same SQLite file.
struct FeedWriterState
{
    QString path;
    std::unique_ptr<IncidentStore> store;
    QString openError;
};

struct FeedGroup
{
    QString key;
    QList<int> members; // indexes into AlertFeed::Private::alerts, arrival order
    int latest = -1;    // member with the latest createdAt (ties: later arrival)
    int lastAck = -1;   // member acknowledged last
    Severity severity = Severity::Info;
    int acked = 0;
    int open = 0;
};

} // namespace Internal

class AlertFeed::Private
{
public:
    IncidentStore *store = nullptr;
    AlertFeedModel *model = nullptr;
    QList<QPointer<AlertSource>> sources;
    Clock clock;
    QString actor;
    int maxBatch = 2000;
    int turnBudgetMs = 15;
    QString lastError;

    std::vector<FeedAlert> alerts;
    std::vector<int> groupOf; // alert index -> group index
    QHash<AlertKey, int> index;
    std::vector<Internal::FeedGroup> groups; // arrival order; the model shows them reversed
    QHash<QString, int> groupIndex;

    // Background persistence of the feed's own writes (alerts, "alert"/"state" events) so a
    // slow disk never stalls the GUI; acknowledgements stay synchronous.
    QThread *writerThread = nullptr;
    QObject *writerContext = nullptr; // lives in writerThread
    std::shared_ptr<Internal::FeedWriterState> writer;
    int writesInFlight = 0;

    QList<Alert> queue;
    qsizetype queueHead = 0;
    bool flushScheduled = false;

    void recompute(Internal::FeedGroup &group) const;
};

} // namespace warroom
