#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace warroom {

class IncidentController;
class TimelineModel;

// The incident timeline (time in the workspace zone, kind, who, what) with an "Add note"
// box. Follows the bottom while new events arrive, unless the user scrolled up.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    TimelineView(TimelineModel *model, IncidentController *controller, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    QLineEdit *noteEdit() const { return m_note; }

public slots:
    bool addNote();

signals:
    void errorOccurred(const QString &message);

private:
    TimelineModel *m_model;
    IncidentController *m_controller;
    QTableView *m_table;
    QLineEdit *m_note;
    QPushButton *m_add;
};

} // namespace warroom
