#pragma once

#include "core/alerts/Alert.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace warroom {

class AlertFeed;
class AlertFilterProxy;
class IncidentController;

// The live alert feed: a filter bar (source, minimum severity, unacknowledged only, text
// with a 300 ms debounce), the table (newest first, severity badges), a detail pane (plain
// text body, "Open in browser"), and actions: Acknowledge (Ctrl+K, asks for a note),
// Start incident from selection (Ctrl+Shift+I), Open in browser (Ctrl+O), Find (Ctrl+F).
// It only displays and forwards intent to AlertFeed / IncidentController.
class AlertFeedView : public QWidget
{
    Q_OBJECT

public:
    // `proxy` may be null: the view makes its own over feed->model().
    explicit AlertFeedView(AlertFeed *feed, AlertFilterProxy *proxy = nullptr,
                           QWidget *parent = nullptr);

    // With a controller, "Start incident from selection" calls it directly; either way
    // startIncidentRequested() is emitted.
    void setIncidentController(IncidentController *controller);
    // Off: acknowledge without asking for a note.
    void setAskForNote(bool ask);

    AlertFilterProxy *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *acknowledgeAction() const { return m_ackAction; }
    QAction *startIncidentAction() const { return m_incidentAction; }
    QAction *openAction() const { return m_openAction; }

    // Every member alert of the selected rows (groups expand to their members).
    QList<warroom::Alert> selectedAlerts() const;
    bool isShowingEmptyState() const;

public slots:
    // Acknowledges the selected groups with `note` (no dialog). Returns false on failure.
    bool acknowledgeSelection(const QString &note);
    void focusFilter();

signals:
    void startIncidentRequested(const QList<warroom::Alert> &alerts);
    void errorOccurred(const QString &message);

private:
    void buildFilterBar(QWidget *bar);
    void applyFilters();
    void updateDetail();
    void updateEmptyState();
    void updateActions();
    void acknowledgeWithDialog();
    void startIncident();
    void openInBrowser();
    QStringList selectedGroupKeys() const;

    AlertFeed *m_feed;
    AlertFilterProxy *m_proxy;
    IncidentController *m_controller = nullptr;
    bool m_askForNote = true;

    QComboBox *m_sourceCombo = nullptr;
    QComboBox *m_severityCombo = nullptr;
    QCheckBox *m_unackedCheck = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_debounce = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailMeta = nullptr;
    QPlainTextEdit *m_detailBody = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_ackButton = nullptr;
    QAction *m_ackAction = nullptr;
    QAction *m_incidentAction = nullptr;
    QAction *m_openAction = nullptr;
};

} // namespace warroom
