#pragma once

#include <QAbstractTableModel>
#include <QTimeZone>

#include <vector>

#include "core/store/IncidentStore.h"

class QTimer;

namespace warroom {

class AlertFeed;
class IncidentController;

// The store's timeline as a live table, oldest first: rows are appended as the store grows.
// refresh() reads only events after the last one shown; refreshSoon() coalesces requests to
// one refresh per event-loop turn. It follows an AlertFeed / IncidentController through
// watch(), and polls (setPollInterval) for writers it cannot see (other modules or processes).
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, KindColumn, ActorColumn, TextColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        AtRole,   // qint64 epoch micros
        KindRole, // alert | state | ack | incident | cause | role | note | task ...
        ActorRole,
        TextRole, // plain text
        RefRole,  // what it is about: "source/id", a cause, "incident:ID"
    };
    Q_ENUM(Role)

    explicit TimelineModel(IncidentStore *store, QObject *parent = nullptr);

    void setTimeZone(const QString &ianaId);
    QString timeZoneId() const { return m_zoneId; }
    QString formatTime(qint64 epochMicros) const;

    void watch(AlertFeed *feed);
    void watch(IncidentController *controller);
    void setPollInterval(int ms); // 0 stops polling

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    IncidentStore::TimelineEvent event(int row) const;

public slots:
    void refresh();
    void refreshSoon();

private:
    IncidentStore *m_store;
    std::vector<IncidentStore::TimelineEvent> m_events;
    qint64 m_lastId = 0;
    bool m_refreshScheduled = false;
    QTimer *m_poll = nullptr;
    QTimeZone m_zone;
    QString m_zoneId;
};

// The timeline's event kinds as stored ("alert", "ack", "cause"...) → a translated column
// title. The kinds stay untranslated in the store: exports and other tools read them.
QString timelineKindTitle(const QString &kind);

} // namespace warroom
