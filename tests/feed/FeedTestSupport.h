#pragma once

// Shared by the feed suites: a source the tests emit from, and alert factories.

#include "core/alerts/AlertSource.h"

namespace warroom::test {

class TestSource : public AlertSource
{
    Q_OBJECT

public:
    explicit TestSource(QString name, QObject *parent = nullptr)
        : AlertSource(parent)
        , m_name(std::move(name))
    {}
    QString name() const override { return m_name; }
    void start() override {}
    void stop() override {}
    void pollNow() override {}
    void push(const QList<Alert> &alerts) { emit alertsReceived(alerts); }

private:
    QString m_name;
};

inline constexpr qint64 kSecond = 1000000;
inline constexpr qint64 kBase = 1780617600LL * kSecond; // 2026-06-05T00:00:00Z

inline Alert makeAlert(const QString &source, const QString &id, const QString &title,
                       Severity severity = Severity::Error, const QString &groupKey = {},
                       qint64 createdAt = kBase, const QString &dagId = {},
                       const QString &table = {})
{
    Alert a;
    a.source = source;
    a.id = id;
    a.title = title;
    a.url = QStringLiteral("https://example.invalid/%1/%2").arg(source, id);
    a.severity = severity;
    a.state = QStringLiteral("open");
    a.createdAt = createdAt;
    a.updatedAt = createdAt;
    a.groupKey = groupKey;
    a.dagId = dagId;
    a.table = table;
    a.body = QStringLiteral("Details of %1").arg(title);
    return a;
}

inline QList<Alert> makeBurst(int count, const QString &source = QStringLiteral("replay"))
{
    QList<Alert> alerts;
    alerts.reserve(count);
    static const Severity severities[]
        = {Severity::Info, Severity::Warning, Severity::Error, Severity::Critical};
    for (int i = 0; i < count; ++i) {
        // every 10th alert repeats a DAG failure so grouping is exercised too
        const QString group = i % 10 == 0 ? QStringLiteral("dag:dag_%1").arg(i % 37) : QString();
        alerts.append(makeAlert(source, QString::number(i),
                                QStringLiteral("Alert number %1").arg(i), severities[i % 4], group,
                                kBase + qint64(i) * kSecond,
                                i % 10 == 0 ? QStringLiteral("dag_%1").arg(i % 37) : QString()));
    }
    return alerts;
}

} // namespace warroom::test
