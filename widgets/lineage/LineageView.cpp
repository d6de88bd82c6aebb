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
        scale(f, f);
        setRenderHint(QPainter::Antialiasing, z >= 0.35);
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
            if (!m_owner->selectedNode().isEmpty() && !(e->modifiers() & Qt::ControlModifier)) {
                m_owner->moveSelection(e->key());
                return;
            }
            break;
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
    auto *depthLabel = new QLabel(tr("Depth "), bar);
    bar->addWidget(depthLabel);
    m_depth = new QSpinBox(bar);
    m_depth->setRange(-1, 99);
    m_depth->setValue(-1);
    m_depth->setSpecialValueText(tr("all"));
    m_depth->setToolTip(tr("Show nodes up to this many levels from a broken node"));
    depthLabel->setBuddy(m_depth);
    bar->addWidget(m_depth);
    connect(m_depth, &QSpinBox::valueChanged, this, [this](int v) {
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
        a->setToolTip(tr("Show %1 (%2)").arg(kindTitle(kind), LineageStyle::badgeText(kind)));
        connect(a, &QAction::toggled, this,
                [this, kind = kind](bool on) { m_model->setKindVisible(kind, on); });
        m_kindActions.insert(int(kind), a);
    }
    m_datasetButton = new QToolButton(bar);
    m_datasetButton->setText(tr("Datasets"));
    m_datasetButton->setPopupMode(QToolButton::InstantPopup);
    m_datasetButton->setMenu(new QMenu(m_datasetButton));
    connect(m_datasetButton->menu(), &QMenu::aboutToShow, this, &LineageView::rebuildDatasetMenu);
    bar->addWidget(m_datasetButton);

    bar->addSeparator();
    auto *pathAction = bar->addAction(tr("Path A→B…"));
    pathAction->setToolTip(tr("Show only the paths between two nodes"));
    connect(pathAction, &QAction::triggered, this, &LineageView::promptPath);
    m_clearPath = bar->addAction(tr("Show all"));
    m_clearPath->setEnabled(false);
    connect(m_clearPath, &QAction::triggered, this, [this] { m_model->clearPathFilter(); });

    bar->addSeparator();
    auto *fit = bar->addAction(tr("Fit"));
    fit->setShortcut(QKeySequence(Qt::Key_F));
    fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    fit->setToolTip(tr("Fit the graph in the view (F)"));
    connect(fit, &QAction::triggered, this, &LineageView::fitToView);
    auto *zoomIn = bar->addAction(tr("+"));
    zoomIn->setToolTip(tr("Zoom in (+)"));
    connect(zoomIn, &QAction::triggered, this, [this] { setZoom(zoom() * 1.25); });
    auto *zoomOut = bar->addAction(tr("−"));
    zoomOut->setToolTip(tr("Zoom out (-)"));
    connect(zoomOut, &QAction::triggered, this, [this] { setZoom(zoom() / 1.25); });
    auto *relayout = bar->addAction(tr("Re-layout"));
    relayout->setToolTip(tr("Lay the whole graph out again (positions were kept while it grew)"));
    connect(relayout, &QAction::triggered, this, [this] { scheduleLayout(true); });

    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("Export"));
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
    m_minimap = m_view->minimap();
    splitter->addWidget(m_view);
    m_details = new Internal::LineageDetailsPane(splitter);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({800, 260});
    m_stack->addWidget(splitter);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &LineageView::onSelectionChanged);

    connect(m_details->expandUp, &QPushButton::clicked, this, [this] {
        if (!selectedNode().isEmpty())
            emit expandRequested(selectedNode(), LineageDirection::Upstream);
    });
    connect(m_details->expandDown, &QPushButton::clicked, this, [this] {
        if (!selectedNode().isEmpty())
            emit expandRequested(selectedNode(), LineageDirection::Downstream);
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

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_status);
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
                    m_clearPath->setEnabled(m_model->hasPathFilter());
                    updateVisibility();
                    scheduleLayout(true);
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
    m_clearPath->setEnabled(m_model->hasPathFilter());
    updateVisibility();
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
    m_status->setText(tr("%1 nodes, %2 edges shown · layout %3 ms%4")
                          .arg(result.positions.size())
                          .arg(m_edges->edges().size())
                          .arg(result.elapsedMs, 0, 'f', 0)
                          .arg(result.reversedEdges.isEmpty()
                                   ? QString()
                                   : tr(" · %n edge(s) close a cycle (dashed)", nullptr,
                                        int(result.reversedEdges.size()))));
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
    m_view->setZoom(std::min(s, 1.0));
    m_view->centerOn(r.center());
    m_minimap->update();
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
    emit nodeSelected(selectedNode());
}

void LineageView::updateDetails()
{
    const QString id = selectedNode();
    if (id.isEmpty()) {
        m_details->showNode(false);
        return;
    }
    const LineageNodeData n = m_model->node(id);
    auto *d = m_details;
    d->showNode(true);
    d->name->setText(n.name);
    d->kind->setText(kindTitle(n.kind) + (n.broken ? tr(" — broken") : QString()));
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
    d->expandUp->setEnabled(!group);
    d->expandDown->setEnabled(!group);
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
    emit expandRequested(id, upstream ? LineageDirection::Upstream : LineageDirection::Downstream);
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
    if (QAction *toggle = m_kindActions.value(int(kind)))
        toggle->setChecked(visible); // its toggled() updates the model
    else
        m_model->setKindVisible(kind, visible);
}

} // namespace warroom
