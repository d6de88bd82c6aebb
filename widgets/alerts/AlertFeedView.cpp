#include "widgets/alerts/AlertFeedView.h"

#include "core/feed/AlertFeed.h"
#include "core/feed/AlertFeedModel.h"
#include "core/feed/AlertFilterProxy.h"
#include "core/incident/IncidentController.h"
#include "widgets/alerts/AcknowledgeDialog.h"
#include "widgets/alerts/SeverityDelegate.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace warroom {

AlertFeedView::AlertFeedView(AlertFeed *feed, AlertFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_feed(feed)
    , m_proxy(proxy ? proxy : new AlertFilterProxy(this))
{
    if (!m_proxy->sourceModel())
        m_proxy->setSourceModel(feed->model());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QWidget(this);
    buildFilterBar(bar);
    layout->addWidget(bar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_stack = new QStackedWidget(splitter);

    m_table = new QTableView(m_stack);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(AlertFeedModel::SeverityColumn,
                                      new SeverityDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Fixed row heights: no per-row size hints, so a burst of rows costs nothing to lay out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 3 / 2);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(AlertFeedModel::TitleColumn, QHeaderView::Stretch);
    const int em = fontMetrics().height();
    header->resizeSection(AlertFeedModel::SeverityColumn, em * 6);
    header->resizeSection(AlertFeedModel::SourceColumn, em * 5);
    header->resizeSection(AlertFeedModel::TimeColumn, em * 9);
    header->resizeSection(AlertFeedModel::CountColumn, em * 3);
    header->resizeSection(AlertFeedModel::AckColumn, em * 7);
    m_table->setAccessibleName(tr("Alerts"));
    m_stack->addWidget(m_table);

    m_emptyLabel = new QLabel(m_stack);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setEnabled(false);
    m_stack->addWidget(m_emptyLabel);
    splitter->addWidget(m_stack);

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setTextFormat(Qt::PlainText);
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_detailTitle->font();
    bold.setBold(true);
    m_detailTitle->setFont(bold);
    m_detailMeta = new QLabel(detail);
    m_detailMeta->setTextFormat(Qt::PlainText);
    m_detailMeta->setWordWrap(true);
    m_detailMeta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailBody = new QPlainTextEdit(detail); // plain text only: no rich text, no images
    m_detailBody->setReadOnly(true);
    m_detailBody->setAccessibleName(tr("Alert details"));
    auto *buttons = new QHBoxLayout;
    m_openButton = new QPushButton(tr("Open in browser"), detail);
    m_ackButton = new QPushButton(tr("Acknowledge…"), detail);
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_ackButton);
    buttons->addStretch();
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailMeta);
    detailLayout->addWidget(m_detailBody, 1);
    detailLayout->addLayout(buttons);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_ackAction = new QAction(tr("Acknowledge…"), this);
    m_ackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_ackAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_ackAction->setToolTip(tr("Acknowledge the selected alerts (groups: every member)"));
    connect(m_ackAction, &QAction::triggered, this, &AlertFeedView::acknowledgeWithDialog);
    m_incidentAction = new QAction(tr("Start incident from selection"), this);
    m_incidentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_incidentAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_incidentAction, &QAction::triggered, this, &AlertFeedView::startIncident);
    m_openAction = new QAction(tr("Open in browser"), this);
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_openAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_openAction, &QAction::triggered, this, &AlertFeedView::openInBrowser);
    auto *findAction = new QAction(tr("Find alerts"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, &AlertFeedView::focusFilter);
    addAction(m_ackAction);
    addAction(m_incidentAction);
    addAction(m_openAction);
    addAction(findAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_ackAction);
    m_table->addAction(m_incidentAction);
    m_table->addAction(m_openAction);
    connect(m_openButton, &QPushButton::clicked, m_openAction, &QAction::trigger);
    connect(m_ackButton, &QPushButton::clicked, m_ackAction, &QAction::trigger);
    connect(m_table, &QTableView::activated, this, &AlertFeedView::openInBrowser);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertFeedView::updateDetail);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AlertFeedView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AlertFeedView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlertFeedView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AlertFeedView::updateEmptyState);
    connect(m_feed, &AlertFeed::storeError, this, &AlertFeedView::errorOccurred);

    updateEmptyState();
    updateDetail();
    updateActions();
}

void AlertFeedView::buildFilterBar(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 4, 4, 4);

    m_sourceCombo = new QComboBox(bar);
    m_sourceCombo->setAccessibleName(tr("Source"));
    m_sourceCombo->addItem(tr("All sources"), QString());
    m_sourceCombo->addItem(tr("GitHub"), QStringLiteral("github"));
    m_sourceCombo->addItem(tr("Airflow"), QStringLiteral("airflow"));
    m_sourceCombo->addItem(tr("Webhook"), QStringLiteral("webhook"));
    m_sourceCombo->addItem(tr("Replay"), QStringLiteral("replay"));

    m_severityCombo = new QComboBox(bar);
    m_severityCombo->setAccessibleName(tr("Minimum severity"));
    m_severityCombo->addItem(tr("Any severity"), int(Severity::Info));
    m_severityCombo->addItem(tr("Warning and above"), int(Severity::Warning));
    m_severityCombo->addItem(tr("Error and above"), int(Severity::Error));
    m_severityCombo->addItem(tr("Critical only"), int(Severity::Critical));

    m_unackedCheck = new QCheckBox(tr("Unacknowledged only"), bar);

    m_filter = new QLineEdit(bar);
    m_filter->setPlaceholderText(tr("Filter alerts (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter text"));

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &AlertFeedView::applyFilters);
    connect(m_filter, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        applyFilters();
        m_table->setFocus();
    });
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, &AlertFeedView::applyFilters);
    connect(m_severityCombo, &QComboBox::currentIndexChanged, this, &AlertFeedView::applyFilters);
    connect(m_unackedCheck, &QCheckBox::toggled, this, &AlertFeedView::applyFilters);

    layout->addWidget(m_sourceCombo);
    layout->addWidget(m_severityCombo);
    layout->addWidget(m_unackedCheck);
    layout->addWidget(m_filter, 1);
}

void AlertFeedView::setIncidentController(IncidentController *controller)
{
    m_controller = controller;
}

void AlertFeedView::setAskForNote(bool ask)
{
    m_askForNote = ask;
}

void AlertFeedView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void AlertFeedView::applyFilters()
{
    const QString source = m_sourceCombo->currentData().toString();
    m_proxy->setSources(source.isEmpty() ? QStringList() : QStringList{source});
    m_proxy->setMinimumSeverity(Severity(m_severityCombo->currentData().toInt()));
    m_proxy->setUnacknowledgedOnly(m_unackedCheck->isChecked());
    m_proxy->setText(m_filter->text());
    updateEmptyState();
    updateDetail();
    updateActions();
}

void AlertFeedView::updateEmptyState()
{
    const bool empty = m_proxy->rowCount() == 0;
    if (empty) {
        m_emptyLabel->setText(m_feed->model()->rowCount() == 0
                                  ? tr("No alerts yet. Alerts from GitHub, Airflow and webhooks "
                                       "appear here as they arrive.")
                                  : tr("No alerts match the filters."));
    }
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyLabel) : m_table);
}

bool AlertFeedView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

QStringList AlertFeedView::selectedGroupKeys() const
{
    QStringList keys;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const QString key = row.data(AlertFeedModel::GroupKeyRole).toString();
        if (!key.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

QList<Alert> AlertFeedView::selectedAlerts() const
{
    QList<Alert> alerts;
    for (const QString &group : selectedGroupKeys()) {
        for (const AlertKey &key : m_feed->groupMembers(group)) {
            if (const std::optional<FeedAlert> fa = m_feed->alert(key))
                alerts.append(fa->alert);
        }
    }
    return alerts;
}

void AlertFeedView::updateActions()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    bool anyUnacked = false;
    for (const QModelIndex &row : rows)
        anyUnacked = anyUnacked || !row.data(AlertFeedModel::AcknowledgedRole).toBool();
    m_ackAction->setEnabled(anyUnacked);
    m_ackButton->setEnabled(anyUnacked);
    m_incidentAction->setEnabled(!rows.isEmpty());
    const QModelIndex current = m_table->currentIndex();
    const QUrl url(current.data(AlertFeedModel::UrlRole).toString());
    const bool web
        = current.isValid() && url.isValid()
          && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
    m_openAction->setEnabled(web);
    m_openButton->setEnabled(web);
}

void AlertFeedView::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detailTitle->setText(tr("No alert selected"));
        m_detailMeta->clear();
        m_detailBody->clear();
        return;
    }
    m_detailTitle->setText(current.data(AlertFeedModel::TitleRole).toString());
    const AlertFeedModel *model = m_feed->model();
    QStringList meta;
    meta << severityTitle(Severity(current.data(AlertFeedModel::SeverityRole).toInt()))
         << current.data(AlertFeedModel::SourceRole).toString()
         << current.data(AlertFeedModel::AlertIdRole).toString()
         << alertStateTitle(current.data(AlertFeedModel::StateRole).toString())
         << model->formatTime(current.data(AlertFeedModel::TimeRole).toLongLong());
    const int count = current.data(AlertFeedModel::GroupCountRole).toInt();
    if (count > 1)
        meta << tr("%n alert(s) in this group", nullptr, count);
    const QString dag = current.data(AlertFeedModel::DagIdRole).toString();
    if (!dag.isEmpty())
        meta << tr("DAG %1").arg(dag);
    const QString table = current.data(AlertFeedModel::TableRole).toString();
    if (!table.isEmpty())
        meta << tr("table %1").arg(table);
    const QString ackBy = current.data(AlertFeedModel::AckByRole).toString();
    if (!ackBy.isEmpty()) {
        QString ack
            = tr("acknowledged by %1 at %2")
                  .arg(ackBy,
                       model->formatTime(current.data(AlertFeedModel::AckAtRole).toLongLong()));
        const QString note = current.data(AlertFeedModel::AckNoteRole).toString();
        if (!note.isEmpty())
            ack += QStringLiteral(": ") + note;
        meta << ack;
    }
    meta.removeAll(QString());
    m_detailMeta->setText(meta.join(QStringLiteral(" · ")));
    const QString body = current.data(AlertFeedModel::BodyRole).toString();
    if (m_detailBody->toPlainText() != body)
        m_detailBody->setPlainText(body);
}

bool AlertFeedView::acknowledgeSelection(const QString &note)
{
    const QStringList groups = selectedGroupKeys();
    if (groups.isEmpty())
        return false;
    QList<AlertKey> keys;
    for (const QString &group : groups)
        keys.append(m_feed->groupMembers(group));
    if (!m_feed->acknowledge(keys, note)) {
        emit errorOccurred(m_feed->lastError());
        return false;
    }
    return true;
}

void AlertFeedView::acknowledgeWithDialog()
{
    const QList<Alert> alerts = selectedAlerts();
    int unacked = 0;
    for (const Alert &a : alerts) {
        const std::optional<FeedAlert> fa = m_feed->alert(AlertKey::of(a));
        unacked += fa && !fa->isAcknowledged();
    }
    if (unacked == 0)
        return;
    QString note;
    if (m_askForNote) {
        AcknowledgeDialog dialog(unacked, m_feed->actor(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        note = dialog.note();
    }
    acknowledgeSelection(note);
}

void AlertFeedView::startIncident()
{
    const QList<Alert> alerts = selectedAlerts();
    if (alerts.isEmpty())
        return;
    if (m_controller && !m_controller->startFromAlerts(alerts))
        emit errorOccurred(m_controller->lastError());
    emit startIncidentRequested(alerts);
}

void AlertFeedView::openInBrowser()
{
    const QUrl url(m_table->currentIndex().data(AlertFeedModel::UrlRole).toString());
    // Only web links: an alert must never be able to launch a local program.
    if (url.isValid()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
        QDesktopServices::openUrl(url);
}

} // namespace warroom
