#include "widgets/lineage/LineageView.h"

#include "core/graph/LineageGraphModel.h"
#include "core/graph/LineageNodeListModel.h"
#include "widgets/lineage/LineageItems.h"

#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace warroom {

namespace Internal {

// --- minimap --------------------------------------------------------------------------------

class LineageMinimap : public QWidget
{
public:
    LineageMinimap(QGraphicsView *view, QWidget *parent)
        : QWidget(parent)
        , m_view(view)
    {
        setCursor(Qt::PointingHandCursor);
        setAttribute(Qt::WA_OpaquePaintEvent);
        setAccessibleName(LineageView::tr("Minimap"));
        setToolTip(LineageView::tr("The whole graph; the frame is what the view shows. Click or "
                                   "drag to move there."));
        resize(220, 150);
    }

    void refresh(const QRectF &sceneRect)
    {
        m_sceneRect = sceneRect;
        if (sceneRect.isEmpty()) {
            m_image = QImage();
            update();
            return;
        }
        const QSizeF s = sceneRect.size().scaled(QSizeF(width() - 8, height() - 8),
                                                 Qt::KeepAspectRatio);
        m_target = QRectF(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
        m_image = QImage(size(), QImage::Format_ARGB32_Premultiplied);
        m_image.fill(palette().color(QPalette::Base));
        QPainter p(&m_image);
        m_view->scene()->render(&p, m_target, sceneRect, Qt::KeepAspectRatio);
        update();
    }

    QPointF toScene(const QPointF &p) const
    {
        if (m_target.isEmpty())
            return {};
        const double sx = m_sceneRect.width() / m_target.width();
        const double sy = m_sceneRect.height() / m_target.height();
        return m_sceneRect.topLeft()
               + QPointF((p.x() - m_target.left()) * sx, (p.y() - m_target.top()) * sy);
    }

    QRectF fromScene(const QRectF &r) const
    {
        const double sx = m_target.width() / m_sceneRect.width();
        const double sy = m_target.height() / m_sceneRect.height();
        return QRectF(m_target.left() + (r.left() - m_sceneRect.left()) * sx,
                      m_target.top() + (r.top() - m_sceneRect.top()) * sy, r.width() * sx,
                      r.height() * sy);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().color(QPalette::Base));
        if (!m_image.isNull())
            p.drawImage(0, 0, m_image);
        if (!m_sceneRect.isEmpty()) {
            const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
            QColor h = palette().color(QPalette::Highlight);
            p.setPen(QPen(h, 1.5));
            h.setAlphaF(0.15f);
            p.setBrush(h);
            p.drawRect(fromScene(visible).intersected(QRectF(rect())).adjusted(1, 1, -1, -1));
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
    void mousePressEvent(QMouseEvent *e) override { m_view->centerOn(toScene(e->position())); }
    void mouseMoveEvent(QMouseEvent *e) override
    {
        if (e->buttons() & Qt::LeftButton)
            m_view->centerOn(toScene(e->position()));
    }

private:
    QGraphicsView *m_view;
    QImage m_image;
    QRectF m_sceneRect;
    QRectF m_target;
};

// --- the graphics view ----------------------------------------------------------------------

class LineageGraphicsView : public QGraphicsView
{
public:
    LineageGraphicsView(QGraphicsScene *scene, LineageView *owner)
        : QGraphicsView(scene)
        , m_owner(owner)
    {
        // chip example / nodeeditor settings: static scene, BSP index, no state saving.
        setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
        setViewportUpdateMode(SmartViewportUpdate);
        setCacheMode(CacheBackground);
        setTransformationAnchor(AnchorUnderMouse);
        setResizeAnchor(AnchorViewCenter);
        setDragMode(ScrollHandDrag);
        setRenderHint(QPainter::Antialiasing, true);
        setRenderHint(QPainter::TextAntialiasing, true);
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus);
        m_minimap = new LineageMinimap(this, this);
    }

    LineageMinimap *minimap() const { return m_minimap; }
    double zoom() const { return transform().m11(); }
    double minZoom = 0.25;

    void setZoom(double z)
    {
        z = std::clamp(z, minZoom, LineageView::maximumZoom());
        const double f = z / zoom();
        if (std::abs(f - 1) < 1e-9)
            return;
        m_owner->zoomChanged(); // before the repaint the scale triggers
        scale(f, f);
        // while the scale changes frames are drawn without antialiasing (the cheap path);
        // the view's zoom-settle timer brings it back
        setRenderHint(QPainter::Antialiasing, false);
        m_minimap->update();
    }

protected:
    void wheelEvent(QWheelEvent *e) override
    {
        if (e->angleDelta().y() == 0) {
            QGraphicsView::wheelEvent(e);
            return;
        }
        setTransformationAnchor(AnchorUnderMouse);
        setZoom(zoom() * std::pow(1.0015, e->angleDelta().y()));
        e->accept();
    }

    void keyPressEvent(QKeyEvent *e) override
    {
        switch (e->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
            if (e->modifiers() & Qt::ControlModifier)
                break;
            if (m_owner->selectedNode().isEmpty()) {
                // keyboard only: the first arrow key starts at a broken node
                m_owner->selectFirstNode();
                return;
            }
            m_owner->moveSelection(e->key());
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!m_owner->selectedNode().isEmpty()) {
                m_owner->activateNode(m_owner->selectedNode(),
                                      e->modifiers() & Qt::ShiftModifier);
                return;
            }
            break;
        case Qt::Key_Escape:
            m_owner->escape();
            return;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            setTransformationAnchor(AnchorViewCenter);
            setZoom(zoom() * 1.25);
            return;
        case Qt::Key_Minus:
            setTransformationAnchor(AnchorViewCenter);
            setZoom(zoom() / 1.25);
            return;
        default:
            break;
        }
        QGraphicsView::keyPressEvent(e);
    }

    void mouseMoveEvent(QMouseEvent *e) override
    {
        QGraphicsView::mouseMoveEvent(e);
        if (e->buttons() != Qt::NoButton)
            return;
        QString id;
        if (auto *item = nodeAt(e->position().toPoint()))
            id = item->id();
        if (id != m_hovered) {
            m_hovered = id;
            m_owner->setHighlightedPaths(id.isEmpty() ? m_owner->m_pinnedHighlight : id);
        }
    }

    void leaveEvent(QEvent *e) override
    {
        QGraphicsView::leaveEvent(e);
        if (!m_hovered.isEmpty()) {
            m_hovered.clear();
            m_owner->setHighlightedPaths(m_owner->m_pinnedHighlight);
        }
    }

    void mousePressEvent(QMouseEvent *e) override
    {
        if (e->button() == Qt::LeftButton) {
            if (auto *item = nodeAt(e->position().toPoint())) {
                const QPointF p = item->mapFromScene(mapToScene(e->position().toPoint()));
                if (item->stubRect().contains(p)) {
                    m_owner->selectNode(item->id(), false);
                    m_owner->expandMore(item->id(), LineageDirection::Downstream);
                    e->accept();
                    return;
                }
            }
        }
        QGraphicsView::mousePressEvent(e);
    }

    void mouseDoubleClickEvent(QMouseEvent *e) override
    {
        if (auto *item = nodeAt(e->position().toPoint())) {
            m_owner->activateNode(item->id(), e->modifiers() & Qt::ShiftModifier);
            e->accept();
            return;
        }
        QGraphicsView::mouseDoubleClickEvent(e);
    }

    void contextMenuEvent(QContextMenuEvent *e) override
    {
        if (auto *item = nodeAt(e->pos())) {
            if (!item->isSelected())
                m_owner->selectNode(item->id(), false);
            m_owner->showContextMenu(item->id(), e->globalPos());
            e->accept();
            return;
        }
        QGraphicsView::contextMenuEvent(e);
    }

    void resizeEvent(QResizeEvent *e) override
    {
        QGraphicsView::resizeEvent(e);
        placeMinimap();
    }

    void scrollContentsBy(int dx, int dy) override
    {
        QGraphicsView::scrollContentsBy(dx, dy);
        m_minimap->update();
    }

public:
    void placeMinimap()
    {
        const QRect vp = viewport()->geometry();
        const int w = std::min(220, vp.width() / 3), h = std::min(150, vp.height() / 3);
        m_minimap->setGeometry(vp.right() - w - 8, vp.bottom() - h - 8, w, h);
        m_minimap->setVisible(w > 60 && h > 40);
    }

    LineageNodeItem *nodeAt(const QPoint &viewportPos) const
    {
        for (QGraphicsItem *i : items(viewportPos)) {
            if (i->type() == LineageNodeItem::Type)
                return static_cast<LineageNodeItem *>(i);
        }
        return nullptr;
    }

private:
    LineageView *m_owner;
    LineageMinimap *m_minimap;
    QString m_hovered;
};

// --- details pane ---------------------------------------------------------------------------

class LineageDetailsPane : public QWidget
{
    Q_DECLARE_TR_FUNCTIONS(warroom::LineageDetailsPane)

public:
    explicit LineageDetailsPane(QWidget *parent)
        : QWidget(parent)
    {
        auto *layout = new QVBoxLayout(this);
        m_hint = new QLabel(tr("Select a node to see its details."), this);
        m_hint->setWordWrap(true);
        layout->addWidget(m_hint);
        m_form = new QWidget(this);
        auto *form = new QFormLayout(m_form);
        form->setContentsMargins(0, 0, 0, 0);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto add = [&](const QString &label) {
            auto *l = new QLabel(m_form);
            l->setTextFormat(Qt::PlainText);
            l->setWordWrap(true);
            l->setTextInteractionFlags(Qt::TextSelectableByMouse);
            form->addRow(label, l);
            return l;
        };
        name = add(tr("Name"));
        kind = add(tr("Kind"));
        dataset = add(tr("Dataset"));
        depth = add(tr("Depth"));
        upstream = add(tr("Upstream"));
        downstream = add(tr("Downstream"));
        usage = add(tr("Usage rank"));
        status = add(tr("Recovery"));
        detail = add(tr("Detail"));
        layout->addWidget(m_form);
        expandUp = new QPushButton(tr("Expand upstream"), this);
        expandDown = new QPushButton(tr("Expand downstream"), this);
        group = new QPushButton(this);
        layout->addWidget(expandUp);
        layout->addWidget(expandDown);
        layout->addWidget(group);
        setAccessibleName(tr("Node details"));
        layout->addStretch(1);
        setMinimumWidth(220);
        showNode(false);
    }

    void showNode(bool show)
    {
        m_hint->setVisible(!show);
        m_form->setVisible(show);
        expandUp->setVisible(show);
        expandDown->setVisible(show);
        group->setVisible(show);
    }

    QLabel *name, *kind, *dataset, *depth, *upstream, *downstream, *usage, *status, *detail;
    QPushButton *expandUp, *expandDown, *group;

private:
    QLabel *m_hint;
    QWidget *m_form;
};

} // namespace Internal

using Internal::LineageGraphicsView;

namespace {

QString kindTitle(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Table: return LineageView::tr("Table");
    case LineageNodeKind::View: return LineageView::tr("View");
    case LineageNodeKind::SqlFile: return LineageView::tr("SQL file");
    case LineageNodeKind::DagTask: return LineageView::tr("DAG task");
    case LineageNodeKind::Dag: return LineageView::tr("DAG");
    case LineageNodeKind::Group: return LineageView::tr("Dataset group");
    }
    return {};
}

} // namespace

// --- LineageView -------------------------------------------------------------------------------

LineageView::LineageView(QWidget *parent)
    : QWidget(parent)
    , m_style(std::make_unique<LineageStyle>())
    , m_ownModel(new LineageGraphModel(this))
    , m_model(m_ownModel)
{
    // wide enough for a DAG id or a table name of ~24 characters at the label size
    m_layoutOptions.nodeWidth = 240;
    m_style->nodeWidth = m_layoutOptions.nodeWidth;
    m_style->nodeHeight = m_layoutOptions.nodeHeight;
    m_style->update(palette());
    m_list = new LineageNodeListModel(m_model, this);
    buildUi();
    connectModel();
    onModelReset();
}

LineageView::~LineageView()
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->cancel();
    }
    // items refer to m_style: delete them first
    delete m_scene;
    m_scene = nullptr;
}

QGraphicsView *LineageView::graphicsView() const
{
    return m_view;
}

void LineageView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(bar);

    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Find table, SQL file, task… (Ctrl+F)"));
    m_search->setAccessibleName(tr("Find node"));
    m_search->setAccessibleDescription(
        tr("Type part of a name; Enter selects and centres the best match"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_completer = new QCompleter(m_list, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionRole(Qt::DisplayRole);
    m_completer->setMaxVisibleItems(12);
    m_search->setCompleter(m_completer);
    bar->addWidget(m_search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { search(text); });

    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(findAction);

    bar->addSeparator();
    auto *depthLabel = new QLabel(tr("&Depth:"), bar);
    depthLabel->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(depthLabel);
    m_depth = new QSpinBox(bar);
    m_depth->setRange(-1, 99);
    m_depth->setValue(-1);
    m_depth->setSpecialValueText(tr("all"));
    m_depth->setToolTip(tr("Show nodes up to this many levels from a broken node"));
    m_depth->setAccessibleName(tr("Depth"));
    m_depth->setAccessibleDescription(
        tr("Levels shown downstream of the broken nodes; the lowest value shows all"));
    depthLabel->setBuddy(m_depth);
    bar->addWidget(m_depth);
    connect(m_depth, &QSpinBox::valueChanged, this, [this](int v) {
        m_autoOverview = false;
        m_model->setMaxDepth(v);
        emit depthChanged(v);
    });

    bar->addSeparator();
    const std::pair<LineageNodeKind, QString> kinds[] = {
        {LineageNodeKind::Table, tr("Tables")},   {LineageNodeKind::View, tr("Views")},
        {LineageNodeKind::SqlFile, tr("SQL")},    {LineageNodeKind::DagTask, tr("Tasks")},
        {LineageNodeKind::Dag, tr("DAGs")},
    };
    for (const auto &[kind, text] : kinds) {
        auto *a = bar->addAction(text);
        a->setCheckable(true);
        a->setChecked(true);
        a->setToolTip(tr("Show %1 (%2); hidden ones fold into the edges")
                          .arg(kindTitle(kind), LineageStyle::badgeText(kind)));
        if (QWidget *w = bar->widgetForAction(a))
            w->setAccessibleName(tr("Show %1").arg(kindTitle(kind)));
        connect(a, &QAction::toggled, this, [this, kind = kind](bool on) {
            if (!m_applyingScope)
                m_autoOverview = false;
            m_model->setKindVisible(kind, on);
        });
        m_kindActions.insert(int(kind), a);
    }
    m_datasetButton = new QToolButton(bar);
    m_datasetButton->setText(tr("Datasets"));
    m_datasetButton->setAccessibleName(tr("Dataset filter and groups"));
    m_datasetButton->setPopupMode(QToolButton::InstantPopup);
    m_datasetButton->setMenu(new QMenu(m_datasetButton));
    connect(m_datasetButton->menu(), &QMenu::aboutToShow, this, &LineageView::rebuildDatasetMenu);
    bar->addWidget(m_datasetButton);

    bar->addSeparator();
    auto *pathAction = bar->addAction(tr("Path A→B…"));
    pathAction->setToolTip(tr("Show only the paths between two nodes"));
    connect(pathAction, &QAction::triggered, this, &LineageView::promptPath);
    m_overviewAction = bar->addAction(tr("Overview"));
    m_overviewAction->setShortcut(QKeySequence(Qt::Key_O));
    m_overviewAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_overviewAction->setToolTip(tr("The broken nodes and the most affected ones, SQL files and "
                                    "tasks folded into the edges (O)"));
    connect(m_overviewAction, &QAction::triggered, this, &LineageView::showOverview);
    m_showAll = bar->addAction(tr("Show all"));
    m_showAll->setShortcut(QKeySequence(Qt::Key_A));
    m_showAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_showAll->setToolTip(tr("Every node of the shown kinds: no depth limit, no path or dataset "
                             "filter (A)"));
    connect(m_showAll, &QAction::triggered, this, &LineageView::showAll);

    bar->addSeparator();
    auto *fit = bar->addAction(tr("Fit"));
    fit->setShortcut(QKeySequence(Qt::Key_F));
    fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    fit->setToolTip(tr("Fit the graph in the view at a legible size (F)"));
    connect(fit, &QAction::triggered, this, &LineageView::fitToView);
    auto *whole = new QAction(tr("Whole graph"), this);
    whole->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F));
    whole->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(whole, &QAction::triggered, this, &LineageView::fitAll);
    addAction(whole);
    auto *zoomIn = bar->addAction(tr("+"));
    zoomIn->setToolTip(tr("Zoom in (+)"));
    if (QWidget *w = bar->widgetForAction(zoomIn))
        w->setAccessibleName(tr("Zoom in"));
    connect(zoomIn, &QAction::triggered, this, [this] { setZoom(zoom() * 1.25); });
    auto *zoomOut = bar->addAction(tr("−"));
    zoomOut->setToolTip(tr("Zoom out (-)"));
    if (QWidget *w = bar->widgetForAction(zoomOut))
        w->setAccessibleName(tr("Zoom out"));
    connect(zoomOut, &QAction::triggered, this, [this] { setZoom(zoom() / 1.25); });
    auto *relayout = bar->addAction(tr("Re-layout"));
    relayout->setToolTip(tr("Lay the whole graph out again (positions were kept while it grew)"));
    connect(relayout, &QAction::triggered, this, [this] { scheduleLayout(true); });

    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("Export"));
    exportButton->setAccessibleName(tr("Export the graph"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    connect(exportMenu->addAction(tr("Image (PNG)…")), &QAction::triggered, this,
            [this] { exportWithDialog(QStringLiteral("png")); });
    connect(exportMenu->addAction(tr("Vector image (SVG)…")), &QAction::triggered, this,
            [this] { exportWithDialog(QStringLiteral("svg")); });
    connect(exportMenu->addAction(tr("Visible nodes (CSV)…")), &QAction::triggered, this,
            [this] { exportWithDialog(QStringLiteral("csv")); });
    exportButton->setMenu(exportMenu);
    bar->addWidget(exportButton);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);
    m_empty = new QLabel(tr("No incident: add a broken table or DAG to see its blast radius."),
                         m_stack);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    auto *splitter = new QSplitter(Qt::Horizontal, m_stack);
    m_scene = new QGraphicsScene(this);
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_scene->setBackgroundBrush(palette().color(QPalette::Base));
    m_edges = new LineageEdgeLayer(m_style.get());
    m_scene->addItem(m_edges);
    m_view = new LineageGraphicsView(m_scene, this);
    m_view->setAccessibleName(tr("Lineage graph"));
    m_minimap = m_view->minimap();
    splitter->addWidget(m_view);
    m_details = new Internal::LineageDetailsPane(splitter);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({800, 260});
    m_details->hide(); // until a node is selected
    m_stack->addWidget(splitter);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &LineageView::onSelectionChanged);

    connect(m_details->expandUp, &QPushButton::clicked, this, [this] {
        if (!selectedNode().isEmpty())
            activateNode(selectedNode(), true);
    });
    connect(m_details->expandDown, &QPushButton::clicked, this, [this] {
        if (!selectedNode().isEmpty())
            activateNode(selectedNode(), false);
    });
    connect(m_details->group, &QPushButton::clicked, this, [this] {
        const LineageNodeData n = m_model->node(selectedNode());
        if (n.kind == LineageNodeKind::Group) {
            m_needFullLayout = true;
            m_pendingFocus = n.id;
            m_model->expandDataset(n.dataset);
        } else if (!n.dataset.isEmpty()) {
            m_needFullLayout = true;
            m_pendingFocus = LineageGraphModel::groupId(n.dataset);
            m_model->collapseDataset(n.dataset);
        }
    });

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    m_scopeLabel = new QLabel(this);
    m_scopeLabel->setTextFormat(Qt::PlainText);
    m_scopeLabel->setContentsMargins(6, 2, 6, 2);
    m_scopeLabel->setWordWrap(false);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(6, 2, 6, 2);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bottom->addWidget(m_scopeLabel, 1);
    bottom->addWidget(m_status);
    layout->addLayout(bottom);

    // keyboard: every toolbar control is reachable with Tab, in reading order, then the graph
    QWidget *previous = m_search;
    for (QAction *a : bar->actions()) {
        QWidget *w = bar->widgetForAction(a);
        if (!w || w == m_search)
            continue;
        if (qobject_cast<QToolButton *>(w))
            w->setFocusPolicy(Qt::TabFocus);
        if (w->focusPolicy() == Qt::NoFocus)
            continue;
        setTabOrder(previous, w);
        previous = w;
    }
    setTabOrder(previous, m_view);
    setTabOrder(m_view, m_details->expandUp);
    setTabOrder(m_details->expandUp, m_details->expandDown);
    setTabOrder(m_details->expandDown, m_details->group);

    m_textTimer = new QTimer(this);
    m_textTimer->setInterval(0);
    connect(m_textTimer, &QTimer::timeout, this, &LineageView::prepareTextSlice);
    m_zoomSettle = new QTimer(this);
    m_zoomSettle->setSingleShot(true);
    m_zoomSettle->setInterval(180);
    connect(m_zoomSettle, &QTimer::timeout, this, [this] {
        // zooming has stopped: antialiasing back (close enough to see it), and the edges
        // cached at this scale again (panning scrolls the cache)
        // (from the zoom where names show: below it nodes are small boxes without text, and
        // antialiased borders cost ~40 % of a panning frame for nothing visible)
        m_view->setRenderHint(QPainter::Antialiasing, zoom() >= 0.55);
        m_edges->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        m_view->viewport()->update();
    });
}

void LineageView::setModel(LineageGraphModel *model)
{
    if (!model)
        model = m_ownModel;
    if (model == m_model)
        return;
    for (const auto &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    delete m_list;
    m_list = new LineageNodeListModel(m_model, this);
    m_completer->setModel(m_list);
    connectModel();
    onModelReset();
}

void LineageView::connectModel()
{
    m_modelConnections = {
        connect(m_model, &LineageGraphModel::modelReset, this, &LineageView::onModelReset),
        connect(m_model, &LineageGraphModel::nodeAdded, this, &LineageView::onNodeAdded),
        connect(m_model, &LineageGraphModel::nodeRemoved, this, &LineageView::onNodeRemoved),
        connect(m_model, &LineageGraphModel::nodeUpdated, this, &LineageView::onNodeUpdated),
        connect(m_model, &LineageGraphModel::graphChanged, this,
                [this] {
                    // the edge layer must not keep pointers to removed items
                    updateVisibility();
                    scheduleLayout(false);
                    updateEmptyState();
                }),
        connect(m_model, &LineageGraphModel::visibilityChanged, this,
                [this] {
                    if (m_depth->value() != m_model->maxDepth()) {
                        const QSignalBlocker block(m_depth);
                        m_depth->setValue(m_model->maxDepth());
                    }
                    updateVisibility();
                    updateScopeLabel();
                    scheduleLayout(!std::exchange(m_incrementalNext, false));
                }),
    };
}

void LineageView::onModelReset()
{
    m_edges->setEdges({});
    for (LineageNodeItem *item : std::as_const(m_items))
        delete item;
    m_items.clear();
    m_highlightId.clear();
    m_pinnedHighlight.clear();
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    for (const QString &id : m_model->nodeIds())
        onNodeAdded(id);
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_fitAfterLayout = true;
    if (m_autoOverview && m_model->kindVisibleCount() > overviewThreshold()) {
        const bool keep = m_autoOverview;
        showOverview(); // filters change: the layout below sees them
        m_autoOverview = keep;
    }
    {
        const QSignalBlocker block(m_depth);
        m_depth->setValue(m_model->maxDepth());
    }
    m_textQueue = m_model->nodeIds();
    m_textTimer->start();
    updateVisibility();
    updateScopeLabel();
    updateEmptyState();
    scheduleLayout(true);
}

void LineageView::onNodeAdded(const QString &id)
{
    if (m_items.contains(id))
        return;
    const LineageNodeData data = m_model->node(id);
    // a dataset collapsed or expanded reshapes the graph: lay it out again as a whole
    if (data.kind == LineageNodeKind::Group)
        m_needFullLayout = true;
    auto *item = new LineageNodeItem(m_style.get(), data);
    item->setMoreCount(m_model->nodeData(id, LineageNodeRole::MoreDownstream).toInt());
    item->setVisible(false);
    m_scene->addItem(item);
    m_items.insert(id, item);
}

void LineageView::onNodeRemoved(const QString &id)
{
    LineageNodeItem *item = m_items.take(id);
    if (!item)
        return;
    if (item->nodeData().kind == LineageNodeKind::Group)
        m_needFullLayout = true;
    // drop the edges that point at it before the item goes
    auto &edges = m_edges->edges();
    bool any = false;
    for (const auto &e : edges) {
        if (e.from == item || e.to == item) {
            any = true;
            break;
        }
    }
    if (any) {
        std::vector<LineageEdgeLayer::Edge> kept;
        kept.reserve(edges.size());
        for (auto &e : edges) {
            if (e.from != item && e.to != item)
                kept.push_back(std::move(e));
        }
        m_edges->setEdges(std::move(kept));
    }
    if (m_pendingFocus == id)
        m_pendingFocus.clear();
    delete item;
}

void LineageView::onNodeUpdated(const QString &id)
{
    if (LineageNodeItem *item = m_items.value(id)) {
        const LineageNodeData n = m_model->node(id);
        if (!(n == item->nodeData()))
            item->setNodeData(n);
        item->setMoreCount(m_model->nodeData(id, LineageNodeRole::MoreDownstream).toInt());
    }
    if (id == selectedNode())
        updateDetails();
}

void LineageView::updateVisibility()
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const bool visible = it.value()->isPlaced() && !m_model->isHidden(it.key());
        if (it.value()->isVisible() != visible)
            it.value()->setVisible(visible);
    }
    m_edges->update();
}

void LineageView::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->nodeCount() == 0 ? 0 : 1);
}

bool LineageView::isEmptyStateShown() const
{
    return m_stack->currentIndex() == 0;
}

void LineageView::scheduleLayout(bool full)
{
    m_needFullLayout = m_needFullLayout || full;
    // a running layout is out of date: its result must never be applied
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->cancel();
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    if (m_layoutScheduled)
        return;
    m_layoutScheduled = true;
    QTimer::singleShot(0, this, &LineageView::startLayout);
}

void LineageView::setLayoutOptions(const LayoutOptions &options)
{
    m_layoutOptions = options;
    m_style->nodeWidth = options.nodeWidth;
    m_style->nodeHeight = options.nodeHeight;
    m_style->update(palette());
    for (LineageNodeItem *item : std::as_const(m_items)) {
        item->restyle();
    }
    scheduleLayout(true);
}

bool LineageView::isLayoutRunning() const
{
    return m_layoutScheduled || (m_watcher && m_watcher->isRunning());
}

void LineageView::startLayout()
{
    m_layoutScheduled = false;
    LayoutInput in;
    in.options = m_layoutOptions;
    in.nodes = m_model->visibleNodeIds();
    in.edges = m_model->visibleEdgeIds();
    if (!m_needFullLayout) {
        for (const QString &id : std::as_const(in.nodes)) {
            LineageNodeItem *item = m_items.value(id);
            if (item && item->isPlaced())
                in.previous.insert(id, item->pos());
        }
        for (const auto &e : m_edges->edges())
            in.previousRoutes.insert(e.id, QList<QPointF>(e.points.begin(), e.points.end()));
    }
    m_needFullLayout = false;
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->cancel();
        m_watcher->deleteLater();
    }
    m_watcher = new QFutureWatcher<LayoutResult>(this);
    auto *watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (watcher != m_watcher)
            return;
        m_watcher = nullptr;
        watcher->deleteLater();
        if (!watcher->isCanceled() && watcher->future().resultCount() > 0)
            applyLayout(watcher->result());
    });
    watcher->setFuture(LineageLayout::computeAsync(std::move(in)));
}

void LineageView::applyLayout(const LayoutResult &result)
{
    m_lastLayout = result;
    // Moving thousands of items one by one through the BSP index is quadratic (every move
    // updates the tree); detach the index and let the scene rebuild it once.
    const bool bulk = result.positions.size() > 64;
    if (bulk)
        m_scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    for (auto it = m_items.begin(); it != m_items.end(); ++it) {
        auto pos = result.positions.constFind(it.key());
        if (pos != result.positions.cend()) {
            if (it.value()->pos() != *pos)
                it.value()->setPos(*pos);
            it.value()->setPlaced(true);
        } else {
            it.value()->setPlaced(false);
        }
    }
    std::vector<LineageEdgeLayer::Edge> edges;
    edges.reserve(result.routes.size());
    const QSet<QString> highlighted = m_highlightId.isEmpty()
                                          ? QSet<QString>()
                                          : m_model->pathsThrough(m_highlightId);
    for (const LayoutEdgeRoute &r : result.routes) {
        LineageNodeItem *from = m_items.value(r.id.from);
        LineageNodeItem *to = m_items.value(r.id.to);
        if (!from || !to || r.points.size() < 2)
            continue;
        LineageEdgeLayer::Edge e;
        e.id = r.id;
        e.from = from;
        e.to = to;
        e.points.assign(r.points.begin(), r.points.end());
        e.reversed = r.reversed;
        e.highlighted = highlighted.contains(r.id.from) && highlighted.contains(r.id.to);
        edges.push_back(std::move(e));
    }
    m_edges->setEdges(std::move(edges));
    if (m_edges->cacheMode() != QGraphicsItem::NoCache) {
        // new geometry: drop the cached pixels as a whole (an update() alone can leave
        // parts of the old drawing outside the new bounding rect)
        m_edges->setCacheMode(QGraphicsItem::NoCache);
        m_edges->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    }
    updateVisibility();
    if (bulk)
        m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    const QRectF bounds = result.bounds.isEmpty() ? QRectF(-200, -150, 400, 300) : result.bounds;
    // room around the graph so that any node can be centred at 100 %
    const QSizeF vpSize = m_view->viewport()->size();
    const double margin = std::max({100.0, 0.03 * std::max(bounds.width(), bounds.height()),
                                    std::max(vpSize.width(), vpSize.height()) / 2});
    m_scene->setSceneRect(bounds.adjusted(-margin, -margin, margin, margin));
    // "fit" may need to zoom out further than 1/4 on big graphs
    const QSizeF vp = m_view->viewport()->size();
    const double fitScale = std::min(vp.width() / m_scene->sceneRect().width(),
                                     vp.height() / m_scene->sceneRect().height());
    m_view->minZoom = std::clamp(fitScale, 0.01, 0.25);
    if (m_fitAfterLayout) {
        m_fitAfterLayout = false;
        fitToView();
    }
    m_minimap->refresh(m_scene->sceneRect());
    m_view->placeMinimap();
    if (result.reversedEdges.isEmpty()) {
        m_status->setText(tr("%1 nodes, %2 edges shown · layout %3 ms")
                              .arg(result.positions.size())
                              .arg(m_edges->edges().size())
                              .arg(result.elapsedMs, 0, 'f', 0));
    } else {
        m_status->setText(tr("%1 nodes, %2 edges shown · layout %3 ms · %n edge(s) close a "
                             "cycle (dashed)",
                             nullptr, int(result.reversedEdges.size()))
                              .arg(result.positions.size())
                              .arg(m_edges->edges().size())
                              .arg(result.elapsedMs, 0, 'f', 0));
    }
    if (!m_pendingFocus.isEmpty()) {
        const QString id = std::exchange(m_pendingFocus, QString());
        if (m_items.contains(id) && m_items[id]->isVisible())
            selectNode(id, true);
    }
    emit layoutFinished();
}

QString LineageView::selectedNode() const
{
    if (!m_scene)
        return {};
    for (QGraphicsItem *i : m_scene->selectedItems()) {
        if (i->type() == LineageNodeItem::Type)
            return static_cast<LineageNodeItem *>(i)->id();
    }
    return {};
}

void LineageView::selectNode(const QString &id, bool center)
{
    LineageNodeItem *item = m_items.value(id);
    if (!item) {
        m_scene->clearSelection();
        return;
    }
    if (!item->isSelected() || m_scene->selectedItems().size() != 1) {
        m_scene->blockSignals(true);
        m_scene->clearSelection();
        m_scene->blockSignals(false);
        item->setSelected(true);
    }
    if (center)
        centerOnNode(id);
}

void LineageView::centerOnNode(const QString &id)
{
    if (LineageNodeItem *item = m_items.value(id)) {
        if (zoom() < 0.6)
            setZoom(1.0);
        m_view->centerOn(item);
        m_minimap->update();
    }
}

void LineageView::fitToView()
{
    QRectF r = m_lastLayout.bounds;
    if (r.isEmpty())
        r = m_scene->sceneRect();
    if (r.isEmpty())
        return;
    const QSizeF vp = m_view->viewport()->size();
    const double s = std::min(vp.width() / (r.width() + 40), vp.height() / (r.height() + 40));
    m_view->minZoom = std::clamp(std::min(s, 0.25), 0.01, 0.25);
    m_view->setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    if (s >= legibleZoom()) {
        m_view->setZoom(std::min(s, 1.0));
        m_view->centerOn(r.center());
        m_minimap->update();
        return;
    }
    // Too big to read whole: legible size, the upstream edge (the broken nodes) at the left,
    // vertically on the broken nodes; the minimap shows where that is.
    const double z = legibleZoom();
    m_view->setZoom(z);
    QRectF focus;
    for (LineageNodeItem *item : std::as_const(m_items)) {
        if (item->isVisible() && item->nodeData().broken)
            focus |= item->sceneBoundingRect();
    }
    if (focus.isEmpty())
        focus = r;
    const double halfW = vp.width() / z / 2, halfH = vp.height() / z / 2;
    const double x = r.left() - 20 + halfW;
    // the broken nodes from the first one down when they do not all fit
    double y = focus.height() + 40 > 2 * halfH ? focus.top() - 20 + halfH : focus.center().y();
    if (r.height() + 40 > 2 * halfH)
        y = std::clamp(y, r.top() - 20 + halfH, r.bottom() + 20 - halfH);
    else
        y = r.center().y();
    m_view->centerOn(QPointF(x, y));
    m_minimap->update();
}

void LineageView::fitAll()
{
    QRectF r = m_lastLayout.bounds;
    if (r.isEmpty())
        r = m_scene->sceneRect();
    if (r.isEmpty())
        return;
    const QSizeF vp = m_view->viewport()->size();
    const double s = std::min(vp.width() / (r.width() + 40), vp.height() / (r.height() + 40));
    m_view->minZoom = std::clamp(std::min(s, 0.25), 0.01, 0.25);
    m_view->setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    m_view->setZoom(std::min(s, 1.0));
    m_view->centerOn(r.center());
    m_minimap->update();
}

void LineageView::zoomChanged()
{
    // While the scale changes, a device-coordinate cache would be re-rendered at every step
    // (a full extra pass over the edges plus a pixmap the size of the viewport): draw the
    // edges directly until the zoom settles.
    if (m_edges->cacheMode() != QGraphicsItem::NoCache)
        m_edges->setCacheMode(QGraphicsItem::NoCache);
    m_zoomSettle->start();
}

void LineageView::prepareTextSlice()
{
    // Eliding and laying out 5,000 labels takes ~50 ms: done in slices of at most 5 ms,
    // the items in the viewport first, so a reset never blocks the event loop for long.
    QElapsedTimer t;
    t.start();
    if (!m_textQueue.isEmpty() && m_view->isVisible()) {
        const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
        for (QGraphicsItem *i : m_scene->items(visible)) {
            if (i->type() == LineageNodeItem::Type)
                static_cast<LineageNodeItem *>(i)->prepareText();
        }
    }
    while (!m_textQueue.isEmpty() && t.elapsed() < 5) {
        if (LineageNodeItem *item = m_items.value(m_textQueue.takeLast()))
            item->prepareText();
    }
    if (m_textQueue.isEmpty())
        m_textTimer->stop();
}

void LineageView::setOverviewBudget(int nodes)
{
    m_overviewBudget = std::max(nodes, 1);
}

void LineageView::showOverview()
{
    m_model->beginFilterChange(); // one recomputation of what is hidden, one signal
    for (LineageNodeKind k : {LineageNodeKind::SqlFile, LineageNodeKind::DagTask})
        setKindVisible(k, false);
    m_model->clearPathFilter();
    m_fitAfterLayout = true;
    m_model->setScope(m_model->overviewNodes(m_overviewBudget));
    m_model->endFilterChange();
    m_autoOverview = true;
}

void LineageView::showAll()
{
    m_autoOverview = false;
    m_fitAfterLayout = true;
    m_model->showAll();
}

bool LineageView::isOverviewShown() const
{
    return m_model->hasScope();
}

bool LineageView::expandMore(const QString &id, LineageDirection direction, int limit)
{
    if (m_model->moreNeighbours(id, direction).isEmpty())
        return false;
    m_autoOverview = false;
    m_incrementalNext = true; // what is shown stays in place
    const int shown = m_model->expandScope(id, direction, limit);
    m_incrementalNext = false;
    m_status->setText(tr("%n more node(s) shown", nullptr, shown));
    return true;
}

void LineageView::updateScopeLabel()
{
    const int shown = m_model->shownCount();
    const int all = m_model->kindVisibleCount();
    QString text;
    if (m_model->hasPathFilter())
        text = tr("Path: %1 of %2 nodes. Esc or “Show all” shows everything.").arg(shown).arg(all);
    else if (m_model->hasScope())
        text = tr("Overview: %1 of %2 nodes, the broken ones and the most affected. “+N” shows "
                  "more; “Show all” shows everything.")
                   .arg(shown)
                   .arg(all);
    else if (shown < all)
        text = tr("%1 of %2 nodes shown.").arg(shown).arg(all);
    m_scopeLabel->setText(text);
    m_showAll->setEnabled(shown < all || m_model->hasPathFilter());
    updateAccessibleDescription();
}

void LineageView::updateAccessibleDescription()
{
    const QString id = selectedNode();
    QString text;
    if (id.isEmpty()) {
        text = tr("%1 nodes shown. Tab to the graph, then arrow keys move between nodes once "
                  "one is selected (search with Ctrl+F).")
                   .arg(m_model->shownCount());
    } else {
        const LineageNodeData n = m_model->node(id);
        text = tr("Selected: %1, %2, depth %3; %4 upstream, %5 downstream. Arrow keys follow the "
                  "edges, Enter shows more downstream, Shift+Enter upstream, Esc clears.")
                   .arg(n.name, kindTitle(n.kind))
                   .arg(n.depth)
                   .arg(m_model->inNodes(id).size())
                   .arg(m_model->outNodes(id).size());
    }
    m_view->setAccessibleDescription(text);
}

double LineageView::zoom() const
{
    return m_view->zoom();
}

double LineageView::minimumZoom() const
{
    return m_view->minZoom;
}

void LineageView::setZoom(double zoom, const QPointF &sceneAnchor)
{
    m_view->setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    const QPointF keep = sceneAnchor.isNull() ? QPointF() : sceneAnchor;
    m_view->setZoom(zoom);
    if (!keep.isNull())
        m_view->centerOn(keep);
}

QAction *LineageView::kindAction(LineageNodeKind kind) const
{
    return m_kindActions.value(int(kind));
}

void LineageView::setHighlightedPaths(const QString &id)
{
    if (id == m_highlightId)
        return;
    m_highlightId = m_model->nodeExists(id) ? id : QString();
    const QSet<QString> set = m_highlightId.isEmpty() ? QSet<QString>()
                                                      : m_model->pathsThrough(m_highlightId);
    const bool active = !set.isEmpty();
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const bool on = set.contains(it.key());
        it.value()->setEmphasis(active && on, active && !on);
    }
    for (auto &e : m_edges->edges())
        e.highlighted = active && set.contains(e.id.from) && set.contains(e.id.to);
    m_edges->setHighlightActive(active);
}

void LineageView::highlightNode(const QString &id)
{
    const QString shown = m_model->displayedId(id);
    if (!m_model->nodeExists(shown)) {
        m_pinnedHighlight.clear();
        setHighlightedPaths(QString());
        return;
    }
    m_pinnedHighlight = shown;
    revealNode(shown);
    setHighlightedPaths(shown);
}

void LineageView::revealNode(const QString &id)
{
    if (!m_model->isHidden(id)) {
        LineageNodeItem *item = m_items.value(id);
        if (item && item->isVisible() && !isLayoutRunning()) {
            selectNode(id, true);
            return;
        }
        m_pendingFocus = id;
        return;
    }
    const LineageNodeData n = m_model->node(id);
    m_pendingFocus = id;
    m_model->clearPathFilter();
    if (m_model->hasScope() && m_model->isKindVisible(n.kind)) {
        m_incrementalNext = true;
        m_model->revealInScope(id);
        m_incrementalNext = false;
        if (!m_model->isHidden(id))
            return;
    }
    if (!m_model->isKindVisible(n.kind) && kindAction(n.kind))
        kindAction(n.kind)->setChecked(true);
    m_model->setDatasetVisible(n.dataset, true);
    if (m_model->maxDepth() >= 0 && std::abs(n.depth) > m_model->maxDepth())
        m_depth->setValue(std::abs(n.depth));
}

void LineageView::search(const QString &text)
{
    const QStringList hits = m_model->search(text, 1);
    if (hits.isEmpty()) {
        m_status->setText(tr("Nothing matches “%1”.").arg(text));
        return;
    }
    revealNode(hits.first());
    m_view->setFocus(Qt::OtherFocusReason);
}

bool LineageView::showPath(const QString &from, const QString &to)
{
    const bool ok = m_model->setPathFilter(m_model->displayedId(from), m_model->displayedId(to));
    if (ok) {
        m_fitAfterLayout = true;
    } else {
        m_status->setText(tr("No path between these two nodes."));
    }
    return ok;
}

void LineageView::onSelectionChanged()
{
    updateDetails();
    updateAccessibleDescription();
    emit nodeSelected(selectedNode());
}

void LineageView::updateDetails()
{
    const QString id = selectedNode();
    // the pane takes room from the graph only while there is something to show
    m_details->setVisible(!id.isEmpty());
    if (id.isEmpty()) {
        m_details->showNode(false);
        return;
    }
    const LineageNodeData n = m_model->node(id);
    auto *d = m_details;
    d->showNode(true);
    d->name->setText(n.name);
    d->kind->setText(n.broken ? tr("%1 — broken").arg(kindTitle(n.kind)) : kindTitle(n.kind));
    d->dataset->setText(n.dataset.isEmpty() ? tr("—") : n.dataset);
    d->depth->setText(QString::number(n.depth));
    d->upstream->setText(tr("%1 direct, %2 in all")
                             .arg(m_model->inNodes(id).size())
                             .arg(m_model->nodeData(id, LineageNodeRole::UpstreamCount).toInt()));
    d->downstream->setText(
        tr("%1 direct, %2 in all")
            .arg(m_model->outNodes(id).size())
            .arg(m_model->nodeData(id, LineageNodeRole::DownstreamCount).toInt()));
    d->usage->setText(n.usageRank > 0 ? tr("#%1 (score %2)").arg(n.usageRank).arg(n.usageScore)
                                      : tr("unknown"));
    d->status->setText(n.recoveryStatus.isEmpty() ? tr("—") : n.recoveryStatus);
    d->detail->setText(n.detail);
    const bool group = n.kind == LineageNodeKind::Group;
    const int moreUp = m_model->nodeData(id, LineageNodeRole::MoreUpstream).toInt();
    const int moreDown = m_model->nodeData(id, LineageNodeRole::MoreDownstream).toInt();
    d->expandUp->setText(moreUp > 0
                             ? tr("Show %n more upstream", nullptr, std::min(moreUp, expandPage()))
                             : tr("Expand upstream"));
    d->expandDown->setText(
        moreDown > 0 ? tr("Show %n more downstream", nullptr, std::min(moreDown, expandPage()))
                     : tr("Expand downstream"));
    d->expandUp->setEnabled(!group);
    d->expandDown->setEnabled(!group);
    updateAccessibleDescription();
    d->group->setText(group ? tr("Expand dataset group") : tr("Collapse dataset %1").arg(n.dataset));
    d->group->setEnabled(group || !n.dataset.isEmpty());
}

void LineageView::rebuildDatasetMenu()
{
    QMenu *menu = m_datasetButton->menu();
    menu->clear();
    const QStringList datasets = m_model->datasets();
    connect(menu->addAction(tr("Show all datasets")), &QAction::triggered, this, [this] {
        for (const QString &d : m_model->datasets())
            m_model->setDatasetVisible(d, true);
    });
    connect(menu->addAction(tr("Collapse every dataset")), &QAction::triggered, this, [this] {
        m_needFullLayout = true;
        m_fitAfterLayout = true;
        const QSignalBlocker block(m_model); // one reset instead of many diffs
        for (const QString &d : m_model->datasets())
            m_model->collapseDataset(d);
        QMetaObject::invokeMethod(this, [this] { m_model->setSubgraph(m_model->subgraph()); },
                                  Qt::QueuedConnection);
    });
    connect(menu->addAction(tr("Expand every dataset")), &QAction::triggered, this, [this] {
        m_needFullLayout = true;
        m_fitAfterLayout = true;
        const QSignalBlocker block(m_model);
        for (const QString &d : m_model->datasets())
            m_model->expandDataset(d);
        QMetaObject::invokeMethod(this, [this] { m_model->setSubgraph(m_model->subgraph()); },
                                  Qt::QueuedConnection);
    });
    menu->addSection(tr("Shown"));
    for (const QString &d : datasets) {
        QAction *a = menu->addAction(d);
        a->setCheckable(true);
        a->setChecked(m_model->isDatasetVisible(d));
        connect(a, &QAction::toggled, this, [this, d](bool on) { m_model->setDatasetVisible(d, on); });
    }
    menu->addSection(tr("Collapsed into one node"));
    for (const QString &d : datasets) {
        QAction *a = menu->addAction(d);
        a->setCheckable(true);
        a->setChecked(m_model->isDatasetCollapsed(d));
        connect(a, &QAction::toggled, this, [this, d](bool on) {
            m_needFullLayout = true;
            if (on)
                m_model->collapseDataset(d);
            else
                m_model->expandDataset(d);
        });
    }
}

void LineageView::activateNode(const QString &id, bool upstream)
{
    const LineageNodeData n = m_model->node(id);
    if (n.kind == LineageNodeKind::Group) {
        m_needFullLayout = true;
        m_model->expandDataset(n.dataset);
        return;
    }
    // what the blast radius already holds first ("+N"), then ask for more of the lineage
    const LineageDirection direction
        = upstream ? LineageDirection::Upstream : LineageDirection::Downstream;
    if (expandMore(id, direction))
        return;
    emit expandRequested(id, direction);
}

void LineageView::showContextMenu(const QString &id, const QPoint &globalPos)
{
    const LineageNodeData n = m_model->node(id);
    QMenu menu(this);
    if (n.kind == LineageNodeKind::Group) {
        connect(menu.addAction(tr("Expand dataset %1").arg(n.dataset)), &QAction::triggered, this,
                [this, n] {
                    m_needFullLayout = true;
                    m_model->expandDataset(n.dataset);
                });
    } else {
        const int moreDown = m_model->nodeData(id, LineageNodeRole::MoreDownstream).toInt();
        const int moreUp = m_model->nodeData(id, LineageNodeRole::MoreUpstream).toInt();
        if (moreDown > 0)
            connect(menu.addAction(
                        tr("Show %n more downstream", nullptr, std::min(moreDown, expandPage()))),
                    &QAction::triggered, this,
                    [this, id] { expandMore(id, LineageDirection::Downstream); });
        if (moreDown > expandPage())
            connect(menu.addAction(tr("Show all %n downstream", nullptr, moreDown)),
                    &QAction::triggered, this,
                    [this, id] { expandMore(id, LineageDirection::Downstream, -1); });
        if (moreUp > 0)
            connect(menu.addAction(
                        tr("Show %n more upstream", nullptr, std::min(moreUp, expandPage()))),
                    &QAction::triggered, this,
                    [this, id] { expandMore(id, LineageDirection::Upstream); });
        connect(menu.addAction(tr("Expand upstream")), &QAction::triggered, this,
                [this, id] { emit expandRequested(id, LineageDirection::Upstream); });
        connect(menu.addAction(tr("Expand downstream")), &QAction::triggered, this,
                [this, id] { emit expandRequested(id, LineageDirection::Downstream); });
        connect(menu.addAction(tr("Collapse upstream")), &QAction::triggered, this,
                [this, id] { m_model->collapseNeighbours(id, LineageDirection::Upstream); });
        connect(menu.addAction(tr("Collapse downstream")), &QAction::triggered, this,
                [this, id] { m_model->collapseNeighbours(id, LineageDirection::Downstream); });
        if (!n.dataset.isEmpty()) {
            connect(menu.addAction(tr("Collapse dataset %1").arg(n.dataset)),
                    &QAction::triggered, this, [this, n] {
                        m_needFullLayout = true;
                        m_pendingFocus = LineageGraphModel::groupId(n.dataset);
                        m_model->collapseDataset(n.dataset);
                    });
        }
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Highlight paths through it")), &QAction::triggered, this,
            [this, id] { highlightNode(id); });
    connect(menu.addAction(tr("Show path to…")), &QAction::triggered, this,
            &LineageView::promptPath);
    menu.exec(globalPos);
}

void LineageView::moveSelection(int key)
{
    const QString current = selectedNode();
    LineageNodeItem *cur = m_items.value(current);
    if (!cur)
        return;
    QStringList candidates;
    if (key == Qt::Key_Right) {
        candidates = m_model->outNodes(current);
    } else if (key == Qt::Key_Left) {
        candidates = m_model->inNodes(current);
    } else {
        for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
            if (it.value() == cur || !it.value()->isVisible())
                continue;
            if (std::abs(it.value()->x() - cur->x()) > 1)
                continue;
            if ((key == Qt::Key_Up) == (it.value()->y() < cur->y()))
                candidates.append(it.key());
        }
    }
    LineageNodeItem *best = nullptr;
    double bestDistance = 0;
    for (const QString &c : std::as_const(candidates)) {
        LineageNodeItem *item = m_items.value(c);
        if (!item || !item->isVisible())
            continue;
        const double d = std::abs(item->y() - cur->y()) + 0.001 * std::abs(item->x() - cur->x());
        if (!best || d < bestDistance) {
            best = item;
            bestDistance = d;
        }
    }
    if (best) {
        selectNode(best->id(), false);
        m_view->ensureVisible(best, 80, 60);
    }
}

void LineageView::selectFirstNode()
{
    LineageNodeItem *best = nullptr;
    const auto better = [](LineageNodeItem *a, LineageNodeItem *b) {
        if (a->nodeData().broken != b->nodeData().broken)
            return a->nodeData().broken;
        return std::make_pair(a->x(), a->y()) < std::make_pair(b->x(), b->y());
    };
    for (LineageNodeItem *item : std::as_const(m_items)) {
        if (item->isVisible() && (!best || better(item, best)))
            best = item;
    }
    if (best) {
        selectNode(best->id(), false);
        m_view->ensureVisible(best, 80, 60);
    }
}

void LineageView::escape()
{
    m_scene->clearSelection();
    m_pinnedHighlight.clear();
    setHighlightedPaths(QString());
    if (m_model->hasPathFilter()) {
        m_fitAfterLayout = true;
        m_model->clearPathFilter();
    }
}

void LineageView::promptPath()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Show the path between two nodes"));
    auto *form = new QFormLayout(&dialog);
    auto *from = new QLineEdit(&dialog);
    auto *to = new QLineEdit(&dialog);
    for (QLineEdit *e : {from, to}) {
        auto *c = new QCompleter(m_list, e);
        c->setCaseSensitivity(Qt::CaseInsensitive);
        c->setFilterMode(Qt::MatchContains);
        e->setCompleter(c);
        e->setMinimumWidth(360);
    }
    from->setText(m_model->nodeData(selectedNode(), LineageNodeRole::Name).toString());
    form->addRow(tr("From (A)"), from);
    form->addRow(tr("To (B)"), to);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QStringList a = m_model->search(from->text(), 1);
    const QStringList b = m_model->search(to->text(), 1);
    if (a.isEmpty() || b.isEmpty()) {
        m_status->setText(tr("Pick two nodes of the graph."));
        return;
    }
    showPath(a.first(), b.first());
}

void LineageView::exportWithDialog(const QString &format)
{
    const QString filter = format == QLatin1String("csv")   ? tr("CSV (*.csv)")
                           : format == QLatin1String("svg") ? tr("SVG image (*.svg)")
                                                            : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export lineage"),
                                                QStringLiteral("lineage.") + format, filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = format == QLatin1String("csv")   ? exportCsv(path, &error)
                    : format == QLatin1String("svg") ? exportSvg(path, &error)
                                                     : exportPng(path, &error);
    m_status->setText(ok ? tr("Exported %1").arg(path) : error);
}

bool LineageView::exportPng(const QString &path, QString *error) const
{
    const QRectF source = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (source.isEmpty()) {
        if (error)
            *error = tr("Nothing to export.");
        return false;
    }
    // at most ~40 megapixels; full detail when that allows
    const double scale = std::min(1.0, std::sqrt(40e6 / (source.width() * source.height())));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        m_scene->render(&p, QRectF(QPointF(0, 0), image.size()), source);
    }
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool LineageView::exportSvg(const QString &path, QString *error) const
{
    const QRectF source = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (source.isEmpty()) {
        if (error)
            *error = tr("Nothing to export.");
        return false;
    }
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(tr("Lineage"));
    QPainter p;
    if (!p.begin(&svg)) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    p.fillRect(QRectF(QPointF(0, 0), source.size()), palette().color(QPalette::Base));
    m_scene->render(&p, QRectF(QPointF(0, 0), source.size()), source);
    p.end();
    return QFile::exists(path);
}

bool LineageView::exportCsv(const QString &path, QString *error) const
{
    LineageNodeListModel visible(m_model);
    visible.setVisibleOnly(true);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !visible.writeCsv(&file) || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void LineageView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_scene) {
        m_style->update(palette());
        for (LineageNodeItem *item : std::as_const(m_items)) {
            item->restyle();
            item->update();
        }
        m_scene->setBackgroundBrush(palette().color(QPalette::Base));
        m_view->resetCachedContent();
        m_minimap->refresh(m_scene->sceneRect());
    }
}

void LineageView::setKindVisible(LineageNodeKind kind, bool visible)
{
    // a program's choice (the main window's defaults), not the user's: the overview stays
    const bool applying = std::exchange(m_applyingScope, true);
    const auto restore = qScopeGuard([&] { m_applyingScope = applying; });
    if (QAction *toggle = m_kindActions.value(int(kind)))
        toggle->setChecked(visible); // its toggled() updates the model
    else
        m_model->setKindVisible(kind, visible);
}

} // namespace warroom
