#pragma once

#include <QAbstractTableModel>
#include <QTimeZone>

namespace warroom {

class AlertFeed;

// The feed as a table: one row per group of repeated alerts (alerts without a group key are
// a group of one), newest group first. Owned by its AlertFeed, which inserts rows once per
// event-loop turn. Display strings are plain text; the time is shown in the workspace
// time zone. Views style rows from the semantic roles, never from colours in the model.
class AlertFeedModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SeverityColumn,
        SourceColumn,
        TimeColumn,
        TitleColumn,
        CountColumn,
        AckColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SeverityRole = Qt::UserRole + 1, // int (warroom::Severity), the group's highest
        SeverityNameRole,                // "info" ... "critical"
        SourceRole,                      // "github" | "airflow" | "webhook" | "replay"
        AlertIdRole,                     // id of the group's latest alert
        AlertKeyRole,                    // "source/id" of the group's latest alert
        GroupKeyRole,                    // effective group key (acknowledgeGroup takes it)
        GroupCountRole,                  // number of distinct alerts in the group
        MemberKeysRole,                  // QStringList of "source/id"
        TimeRole,                        // qint64 epoch micros of the latest alert
        TitleRole,
        BodyRole, // plain text
        UrlRole,
        StateRole,        // "open" when any member is open
        AcknowledgedRole, // bool: every member acknowledged
        AckCountRole,     // members acknowledged
        AckByRole,
        AckAtRole, // qint64 epoch micros
        AckNoteRole,
        DagIdRole,
        TableRole,
        LabelsRole, // QStringList
    };
    Q_ENUM(Role)

    // Workspace time zone as an IANA id ("Asia/Tokyo"); unknown ids fall back to UTC.
    void setTimeZone(const QString &ianaId);
    QString timeZoneId() const;
    // Formats an instant the way the time column does.
    QString formatTime(qint64 epochMicros) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Row of a group, -1 when unknown.
    int rowOfGroup(const QString &groupKey) const;
    QString groupKeyAt(int row) const;

private:
    friend class AlertFeed;
    explicit AlertFeedModel(AlertFeed *feed);
    int groupIndexOfRow(int row) const { return m_rows - 1 - row; }
    int rowOfGroupIndex(int group) const { return m_rows - 1 - group; }
    void announceGroups(int newRows); // begin/endInsertRows for groups appended
    void groupsChanged(int firstGroup, int lastGroup);
    void resetAll();

    AlertFeed *m_feed;
    int m_rows = 0; // groups announced to views; newer groups wait for the next turn
    QTimeZone m_zone;
    QString m_zoneId;
};

} // namespace warroom
