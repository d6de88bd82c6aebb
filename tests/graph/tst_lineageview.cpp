// The lineage graph view driven through QTest: empty state, click to select, search with
// Enter, expand (signal answered with mergeSubgraph), dataset groups, kind filters, path,
// keyboard navigation, exports, dark palette. Asserts on the model and on the scene.

#include "core/graph/LineageGraphModel.h"
#include "core/graph/LineageNodeListModel.h"
#include "core/graph/SyntheticSubgraph.h"
#include "widgets/lineage/LineageItems.h"
#include "widgets/lineage/LineageView.h"

#include <QtTest>
#include <QtWidgets>

using namespace warroom;

namespace {

LineageNodeData node(const QString &id, LineageNodeKind kind, const QString &dataset, int depth,
                     bool broken = false)
{
    LineageNodeData n;
    n.id = id;
    n.kind = kind;
    n.name = id;
    n.label = id.section(QLatin1Char('.'), -1);
    n.dataset = dataset;
    n.depth = depth;
    n.broken = broken;
    n.detail = QStringLiteral("detail of ") + id;
    return n;
}

LineageSubgraph smallGraph()
{
    LineageSubgraph g;
    g.nodes = {node("p.sales.a", LineageNodeKind::Table, "sales", 0, true),
               node("sql/b.sql", LineageNodeKind::SqlFile, "sales", 1),
               node("p.finance.c", LineageNodeKind::Table, "finance", 1),
               node("dag.d", LineageNodeKind::DagTask, "", 2),
               node("p.finance.e", LineageNodeKind::Table, "finance", 1),
               node("p.mart.v1", LineageNodeKind::View, "mart", 2),
               node("p.mart.v2", LineageNodeKind::View, "mart", 3)};
    g.edges = {{"p.sales.a", "sql/b.sql", {"sql"}},   {"sql/b.sql", "p.finance.c", {"sql"}},
               {"p.finance.c", "dag.d", {"dag"}},    {"p.sales.a", "p.finance.e", {"jobs"}},
               {"sql/b.sql", "p.mart.v1", {"sql"}},   {"p.mart.v1", "p.mart.v2", {"sql"}}};
    return g;
}

QStringList visibleNodeItems(QGraphicsScene *scene)
{
    QStringList ids;
    for (QGraphicsItem *i : scene->items()) {
        if (i->type() == LineageNodeItem::Type && i->isVisible())
            ids << static_cast<LineageNodeItem *>(i)->id();
    }
    ids.sort();
    return ids;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

} // namespace

class tst_LineageView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void emptyState();
    void sceneHoldsTheModel();
    void clickSelectsAndShowsDetails();
    void searchCentresTheNode();
    void expandAnswersWithMerge();
    void collapseAndExpandGroup();
    void kindFilterToggle();
    void depthSpinBox();
    void pathBetweenTwoNodes();
    void keyboardNavigation();
    void highlightAndZoomClamp();
    void exports();
    void darkPalette();
    void bigRadiusOpensAsOverview();
    void stubClickShowsMoreInPlace();
    void showAllAndDepth();
    void refreshKeepsTheUsersChoice();
    void accessibility();

private:
    void load(const LineageSubgraph &g);
    bool waitLayout();
    QPoint viewportPos(const QString &id) const;

    LineageView *m_view = nullptr;
};

void tst_LineageView::init()
{
    m_view = new LineageView;
    m_view->resize(1200, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_LineageView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

bool tst_LineageView::waitLayout()
{
    QSignalSpy spy(m_view, &LineageView::layoutFinished);
    return spy.wait(20000);
}

void tst_LineageView::load(const LineageSubgraph &g)
{
    m_view->model()->setSubgraph(g);
    QVERIFY(waitLayout());
}

QPoint tst_LineageView::viewportPos(const QString &id) const
{
    LineageNodeItem *item = m_view->nodeItem(id);
    return item ? m_view->graphicsView()->mapFromScene(item->pos()) : QPoint(-1, -1);
}

void tst_LineageView::emptyState()
{
    QVERIFY(m_view->isEmptyStateShown());
    load(smallGraph());
    QVERIFY(!m_view->isEmptyStateShown());
    m_view->model()->clear();
    QVERIFY(m_view->isEmptyStateShown());
}

void tst_LineageView::sceneHoldsTheModel()
{
    load(smallGraph());
    QCOMPARE(visibleNodeItems(m_view->scene()), sorted(m_view->model()->nodeIds()));
    QCOMPARE(m_view->edgeLayer()->edges().size(), size_t(6));
    // left to right: upstream first
    QVERIFY(m_view->nodeItem("p.sales.a")->x() < m_view->nodeItem("sql/b.sql")->x());
    QVERIFY(m_view->nodeItem("sql/b.sql")->x() < m_view->nodeItem("dag.d")->x());
    // the scene rect is fixed to the layout
    QVERIFY(m_view->scene()->sceneRect().contains(m_view->lastLayout().bounds));
    // node items are cheap to find: every one is at its layout position
    for (const QString &id : m_view->model()->nodeIds())
        QCOMPARE(m_view->nodeItem(id)->pos(), m_view->lastLayout().positions.value(id));
}

void tst_LineageView::clickSelectsAndShowsDetails()
{
    load(smallGraph());
    QSignalSpy selected(m_view, &LineageView::nodeSelected);
    QWidget *vp = m_view->graphicsView()->viewport();
    QTest::mouseClick(vp, Qt::LeftButton, {}, viewportPos("p.finance.c"));
    QCOMPARE(m_view->selectedNode(), QString("p.finance.c"));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toString(), QString("p.finance.c"));
    QVERIFY(m_view->nodeItem("p.finance.c")->isSelected());
    // the details pane shows the full name and the counts
    const QList<QLabel *> labels = m_view->findChildren<QLabel *>();
    auto shows = [&](const QString &text) {
        for (QLabel *l : labels) {
            if (l->isVisible() && l->text() == text)
                return true;
        }
        return false;
    };
    QVERIFY(shows("p.finance.c"));
    QVERIFY(shows("detail of p.finance.c"));
    QVERIFY(shows("1 direct, 2 in all")); // upstream: b, a; downstream: d
    // clicking the background clears the selection
    QTest::mouseClick(vp, Qt::LeftButton, {}, QPoint(3, 3));
    QVERIFY(m_view->selectedNode().isEmpty());
    QCOMPARE(selected.last().first().toString(), QString());
}

void tst_LineageView::searchCentresTheNode()
{
    load(smallGraph());
    m_view->setZoom(2.0);
    m_view->graphicsView()->centerOn(m_view->nodeItem("p.sales.a"));
    QLineEdit *search = m_view->searchField();
    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, "dag.d");
    if (QWidget *popup = search->completer()->popup(); popup && popup->isVisible())
        QTest::keyClick(popup, Qt::Key_Return);
    else
        QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(m_view->selectedNode(), QString("dag.d"));
    QGraphicsView *gv = m_view->graphicsView();
    const QPointF centre = gv->mapToScene(gv->viewport()->rect().center());
    const QPointF pos = m_view->nodeItem("dag.d")->pos();
    QVERIFY2(QLineF(centre, pos).length() < 10,
             qPrintable(QString("centre %1,%2 node %3,%4").arg(centre.x()).arg(centre.y())
                            .arg(pos.x()).arg(pos.y())));
    // the completer offers matches from the node list
    QCOMPARE(m_view->nodeListModel()->rowCount(), 7);
}

void tst_LineageView::expandAnswersWithMerge()
{
    load(smallGraph());
    QSignalSpy expand(m_view, &LineageView::expandRequested);
    QTest::mouseDClick(m_view->graphicsView()->viewport(), Qt::LeftButton, {},
                       viewportPos("dag.d"));
    QCOMPARE(expand.size(), 1);
    QCOMPARE(expand.first().at(0).toString(), QString("dag.d"));
    QCOMPARE(expand.first().at(1).value<LineageDirection>(), LineageDirection::Downstream);

    QHash<QString, QPointF> before;
    for (const QString &id : m_view->model()->nodeIds())
        before.insert(id, m_view->nodeItem(id)->pos());
    // the lead answers from the engine
    LineageSubgraph more;
    more.nodes = {node("p.out.x", LineageNodeKind::Table, "out", 3),
                  node("p.out.y", LineageNodeKind::Table, "out", 3)};
    more.edges = {{"dag.d", "p.out.x", {"dag"}}, {"dag.d", "p.out.y", {"dag"}}};
    m_view->model()->mergeSubgraph(more);
    QVERIFY(waitLayout());
    QVERIFY(m_view->lastLayout().incremental);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(m_view->nodeItem(it.key())->pos(), it.value()); // nothing reshuffled
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), 9);
    QVERIFY(m_view->nodeItem("p.out.x")->x() > m_view->nodeItem("dag.d")->x());
    QVERIFY(!m_view->nodeItem("p.out.x")->collidesWithItem(m_view->nodeItem("p.out.y")));
    QCOMPARE(m_view->edgeLayer()->edges().size(), size_t(8));

    // Enter on a selected node asks too; Shift+Enter asks upstream
    m_view->selectNode("p.finance.e");
    QTest::keyClick(m_view->graphicsView(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(expand.size(), 2);
    QCOMPARE(expand.last().at(1).value<LineageDirection>(), LineageDirection::Upstream);

    // collapsing a node's downstream removes what only it reaches
    m_view->model()->collapseNeighbours("dag.d", LineageDirection::Downstream);
    QVERIFY(waitLayout());
    QVERIFY(!m_view->nodeItem("p.out.x"));
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), 7);
    QCOMPARE(m_view->edgeLayer()->edges().size(), size_t(6));
}

void tst_LineageView::collapseAndExpandGroup()
{
    load(smallGraph());
    const QString group = LineageGraphModel::groupId("finance");
    m_view->model()->collapseDataset("finance");
    QVERIFY(waitLayout());
    QStringList shown = visibleNodeItems(m_view->scene());
    QVERIFY(shown.contains(group));
    QVERIFY(!shown.contains("p.finance.c"));
    QCOMPARE(shown.size(), 6);
    // double-click on the group expands it again
    QTest::mouseDClick(m_view->graphicsView()->viewport(), Qt::LeftButton, {},
                       viewportPos(group));
    QVERIFY(!m_view->model()->isDatasetCollapsed("finance"));
    QVERIFY(waitLayout());
    shown = visibleNodeItems(m_view->scene());
    QVERIFY(!shown.contains(group));
    QVERIFY(shown.contains("p.finance.c"));
    QCOMPARE(shown.size(), 7);
}

void tst_LineageView::kindFilterToggle()
{
    load(smallGraph());
    QAction *views = m_view->kindAction(LineageNodeKind::View);
    QVERIFY(views && views->isChecked());
    views->trigger();
    QVERIFY(!m_view->model()->isKindVisible(LineageNodeKind::View));
    QVERIFY(waitLayout());
    QStringList shown = visibleNodeItems(m_view->scene());
    QCOMPARE(shown.size(), 5);
    QVERIFY(!shown.contains("p.mart.v1"));
    QVERIFY(m_view->nodeItem("p.mart.v1")); // hidden, not deleted
    views->trigger();
    QVERIFY(waitLayout());
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), 7);
}

void tst_LineageView::depthSpinBox()
{
    load(smallGraph());
    QSignalSpy depth(m_view, &LineageView::depthChanged);
    m_view->depthSpinBox()->setValue(1);
    QCOMPARE(depth.size(), 1);
    QCOMPARE(m_view->model()->maxDepth(), 1);
    QVERIFY(waitLayout());
    QCOMPARE(visibleNodeItems(m_view->scene()),
             sorted({"p.sales.a", "sql/b.sql", "p.finance.c", "p.finance.e"}));
}

void tst_LineageView::pathBetweenTwoNodes()
{
    load(smallGraph());
    QVERIFY(m_view->showPath("p.sales.a", "dag.d"));
    QVERIFY(waitLayout());
    QCOMPARE(visibleNodeItems(m_view->scene()),
             sorted({"p.sales.a", "sql/b.sql", "p.finance.c", "dag.d"}));
    QVERIFY(!m_view->showPath("p.finance.e", "dag.d"));
    // Esc shows everything again
    QTest::keyClick(m_view->graphicsView(), Qt::Key_Escape);
    QVERIFY(!m_view->model()->hasPathFilter());
    QVERIFY(waitLayout());
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), 7);
}

void tst_LineageView::keyboardNavigation()
{
    load(smallGraph());
    QGraphicsView *gv = m_view->graphicsView();
    m_view->selectNode("sql/b.sql");
    QTest::keyClick(gv, Qt::Key_Right);
    const QString next = m_view->selectedNode();
    QVERIFY2(m_view->model()->outNodes("sql/b.sql").contains(next), qPrintable(next));
    QTest::keyClick(gv, Qt::Key_Right);
    const QString third = m_view->selectedNode();
    QVERIFY(m_view->model()->outNodes(next).contains(third));
    QTest::keyClick(gv, Qt::Key_Left);
    QCOMPARE(m_view->selectedNode(), next);
    // up/down walk the same column
    const double x = m_view->nodeItem(next)->x();
    QTest::keyClick(gv, Qt::Key_Down);
    QTest::keyClick(gv, Qt::Key_Up);
    QCOMPARE(m_view->nodeItem(m_view->selectedNode())->x(), x);
    QTest::keyClick(gv, Qt::Key_Escape);
    QVERIFY(m_view->selectedNode().isEmpty());
}

void tst_LineageView::highlightAndZoomClamp()
{
    load(smallGraph());
    m_view->highlightNode("p.finance.c");
    QCOMPARE(m_view->highlightedPaths(), QString("p.finance.c"));
    QTRY_COMPARE(m_view->selectedNode(), QString("p.finance.c"));
    QVERIFY(m_view->edgeLayer()->highlightActive());
    int strong = 0;
    for (const auto &e : m_view->edgeLayer()->edges())
        strong += e.highlighted;
    QCOMPARE(strong, 3); // a->b, b->c, c->d
    // a member of a collapsed dataset is shown as its group
    m_view->model()->collapseDataset("mart");
    QVERIFY(waitLayout());
    m_view->highlightNode("p.mart.v2");
    QCOMPARE(m_view->highlightedPaths(), LineageGraphModel::groupId("mart"));

    m_view->setZoom(100);
    QCOMPARE(m_view->zoom(), 4.0);
    m_view->setZoom(0.0001);
    QCOMPARE(m_view->zoom(), m_view->minimumZoom());
    QVERIFY(m_view->minimumZoom() >= 0.01 && m_view->minimumZoom() <= 0.25);
    m_view->fitToView();
    QVERIFY(m_view->zoom() <= 1.0);
}

void tst_LineageView::exports()
{
    load(smallGraph());
    m_view->model()->setKindVisible(LineageNodeKind::View, false);
    QVERIFY(waitLayout());
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_view->exportPng(dir.filePath("g.png"), &error), qPrintable(error));
    QVERIFY2(m_view->exportSvg(dir.filePath("g.svg"), &error), qPrintable(error));
    QVERIFY2(m_view->exportCsv(dir.filePath("g.csv"), &error), qPrintable(error));
    QImage png(dir.filePath("g.png"));
    QVERIFY(!png.isNull() && png.width() > 200);
    QFile svg(dir.filePath("g.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("finance.c") || svgText.contains(">c<")); // labels are text
    QFile csv(dir.filePath("g.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 5); // header + visible nodes only
    QVERIFY(!m_view->exportCsv(dir.filePath("missing/dir/g.csv"), &error));
    QVERIFY(!error.isEmpty());
}

void tst_LineageView::darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Window, QColor(37, 37, 38));
    dark.setColor(QPalette::Text, QColor(220, 220, 220));
    dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
    dark.setColor(QPalette::Highlight, QColor(38, 79, 120));
    m_view->setPalette(dark);
    load(smallGraph());
    m_view->setZoom(1.0);
    m_view->graphicsView()->centerOn(m_view->nodeItem("p.finance.c"));
    QApplication::processEvents();
    const QImage shot = m_view->graphicsView()->viewport()->grab().toImage();
    if (qEnvironmentVariableIsSet("WARROOM_SAVE_SHOTS"))
        shot.save(qEnvironmentVariable("WARROOM_SAVE_SHOTS") + "/dark.png");
    // background follows the palette
    QVERIFY(qGray(shot.pixel(2, 2)) < 60);
    // the node's inside is dark too, and its text light: both present around its centre
    const QPoint c = viewportPos("p.finance.c");
    int light = 0, darkPixels = 0;
    for (int x = c.x() - 95; x < c.x() + 95; ++x) {
        for (int y = c.y() - 20; y < c.y() + 20; ++y) {
            const int g = qGray(shot.pixel(x, y));
            light += g > 170;
            darkPixels += g < 80;
        }
    }
    QVERIFY2(light > 10 && darkPixels > 1000,
             qPrintable(QString("light %1 dark %2").arg(light).arg(darkPixels)));
}

void tst_LineageView::bigRadiusOpensAsOverview()
{
    const LineageSubgraph g = syntheticSubgraph(600, 2.0, 11);
    load(g);
    LineageGraphModel *m = m_view->model();
    QVERIFY(m_view->isOverviewShown());
    // SQL files and tasks folded, the toolbar says so
    QVERIFY(!m_view->kindAction(LineageNodeKind::SqlFile)->isChecked());
    QVERIFY(!m_view->kindAction(LineageNodeKind::DagTask)->isChecked());
    QVERIFY(m_view->kindAction(LineageNodeKind::Table)->isChecked());
    // the scene holds what the model shows, and that is a readable handful
    const QStringList shown = visibleNodeItems(m_view->scene());
    QCOMPARE(shown, sorted(m->visibleNodeIds()));
    QVERIFY2(shown.size() >= 10 && shown.size() <= m_view->overviewBudget() + 2,
             qPrintable(QString::number(shown.size())));
    for (const LineageNodeData &n : g.nodes) {
        if (n.broken)
            QVERIFY(shown.contains(n.id));
    }
    // folded edges are drawn like the others
    QCOMPARE(m_view->edgeLayer()->edges().size(), size_t(m->visibleEdgeIds().size()));
    // "+N" stubs on the frontier, as the model counts them
    int stubs = 0;
    for (const QString &id : shown) {
        LineageNodeItem *item = m_view->nodeItem(id);
        QCOMPARE(item->moreCount(), m->nodeData(id, LineageNodeRole::MoreDownstream).toInt());
        stubs += item->moreCount() > 0;
        QCOMPARE(item->stubRect().isEmpty(), item->moreCount() == 0);
    }
    QVERIFY(stubs > 0);
    // legible, never a carpet: the fit stops at the legible zoom (or fits the whole at >= it)
    QVERIFY2(m_view->zoom() >= LineageView::legibleZoom() - 1e-9,
             qPrintable(QString::number(m_view->zoom())));
    // a broken node is on screen
    QGraphicsView *gv = m_view->graphicsView();
    const QRectF visible = gv->mapToScene(gv->viewport()->rect()).boundingRect();
    bool brokenOnScreen = false;
    for (const LineageNodeData &n : g.nodes)
        brokenOnScreen |= n.broken && visible.contains(m_view->nodeItem(n.id)->pos());
    QVERIFY(brokenOnScreen);
    QVERIFY(m_view->scopeLabel()->text().contains(QString::number(shown.size())));
    // the whole graph is one key away, and small
    QTest::keyClick(gv, Qt::Key_F, Qt::ShiftModifier);
    QVERIFY(m_view->zoom() <= 1.0);
}

void tst_LineageView::stubClickShowsMoreInPlace()
{
    load(syntheticSubgraph(600, 2.0, 11));
    LineageGraphModel *m = m_view->model();
    QString id;
    for (const QString &n : m->visibleNodeIds()) {
        if (m->nodeData(n, LineageNodeRole::MoreDownstream).toInt() > 0) {
            id = n;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const QStringList more = m->moreNeighbours(id, LineageDirection::Downstream);
    QHash<QString, QPointF> before;
    for (const QString &n : m->visibleNodeIds())
        before.insert(n, m_view->nodeItem(n)->pos());
    LineageNodeItem *item = m_view->nodeItem(id);
    m_view->setZoom(1.0);
    m_view->graphicsView()->centerOn(item);
    const QPoint stub
        = m_view->graphicsView()->mapFromScene(item->mapToScene(item->stubRect().center()));
    QTest::mouseClick(m_view->graphicsView()->viewport(), Qt::LeftButton, {}, stub);
    QVERIFY(waitLayout());
    QVERIFY(m_view->lastLayout().incremental);
    // a page of them (most used first), the rest stays behind the stub
    const int page = std::min(int(more.size()), LineageView::expandPage());
    const QStringList shown = visibleNodeItems(m_view->scene());
    QCOMPARE(shown.size(), before.size() + page);
    int fromStub = 0;
    for (const QString &n : more)
        fromStub += shown.contains(n);
    QCOMPARE(fromStub, page);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(m_view->nodeItem(it.key())->pos(), it.value()); // nothing moved
    QCOMPARE(m_view->nodeItem(id)->moreCount(), int(more.size()) - page);
    for (const QString &n : shown) // the new ones do not overlap anything
        for (const QString &o : shown)
            QVERIFY(n == o || !m_view->nodeItem(n)->collidesWithItem(m_view->nodeItem(o)));
    QVERIFY(m_view->isOverviewShown()); // still a scope, a wider one

    // keyboard: Enter on a node with "+N" shows its neighbours the same way
    QString next;
    for (const QString &n : m->visibleNodeIds()) {
        if (m->nodeData(n, LineageNodeRole::MoreDownstream).toInt() > 0) {
            next = n;
            break;
        }
    }
    QVERIFY(!next.isEmpty());
    QSignalSpy engine(m_view, &LineageView::expandRequested);
    const int count = m->shownCount();
    const int nextMore = m->nodeData(next, LineageNodeRole::MoreDownstream).toInt();
    m_view->selectNode(next, true);
    QTest::keyClick(m_view->graphicsView(), Qt::Key_Return);
    QCOMPARE(m->shownCount(), count + std::min(nextMore, LineageView::expandPage()));
    QCOMPARE(engine.size(), 0); // answered from the blast radius, not the engine
    QVERIFY(waitLayout());
}

void tst_LineageView::showAllAndDepth()
{
    const LineageSubgraph g = syntheticSubgraph(600, 2.0, 11);
    load(g);
    LineageGraphModel *m = m_view->model();
    QVERIFY(m_view->showAllAction()->isEnabled());
    m_view->showAllAction()->trigger();
    QVERIFY(waitLayout());
    QVERIFY(!m_view->isOverviewShown());
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), m->kindVisibleCount());
    QVERIFY(!m_view->showAllAction()->isEnabled());
    // every kind: all 600
    m_view->kindAction(LineageNodeKind::SqlFile)->trigger();
    m_view->kindAction(LineageNodeKind::DagTask)->trigger();
    QVERIFY(waitLayout());
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), 600);
    // depth 1: what is within one level of a broken node
    m_view->depthSpinBox()->setValue(1);
    QVERIFY(waitLayout());
    int within = 0;
    for (const LineageNodeData &n : g.nodes)
        within += std::abs(n.depth) <= 1;
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), within);
    // "Overview" brings the default back
    m_view->overviewAction()->trigger();
    QVERIFY(waitLayout());
    QVERIFY(m_view->isOverviewShown());
    QCOMPARE(m_view->depthSpinBox()->value(), -1);
    QVERIFY(visibleNodeItems(m_view->scene()).size() <= m_view->overviewBudget() + 2);
}

void tst_LineageView::refreshKeepsTheUsersChoice()
{
    const LineageSubgraph g = syntheticSubgraph(600, 2.0, 11);
    load(g);
    // a refresh before the user did anything: the overview again
    load(g);
    QVERIFY(m_view->isOverviewShown());
    m_view->showAll();
    QVERIFY(waitLayout());
    load(g); // e.g. the usage ranking arrived: same incident, the user's choice stays
    QVERIFY(!m_view->isOverviewShown());
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), m_view->model()->kindVisibleCount());
    // small graphs are shown whole
    load(smallGraph());
    QVERIFY(!m_view->isOverviewShown());
    QCOMPARE(visibleNodeItems(m_view->scene()).size(), 7 - 2); // SQL and tasks still folded
}

void tst_LineageView::accessibility()
{
    load(smallGraph());
    QGraphicsView *gv = m_view->graphicsView();
    QVERIFY(!gv->accessibleName().isEmpty());
    QVERIFY(!m_view->searchField()->accessibleName().isEmpty());
    QVERIFY(!m_view->depthSpinBox()->accessibleName().isEmpty());
    // the depth label is a whole label with a buddy (no glued "Depth " fragment)
    bool buddy = false;
    for (QLabel *l : m_view->findChildren<QLabel *>()) {
        if (l->buddy() == m_view->depthSpinBox()) {
            buddy = true;
            QVERIFY(!l->text().endsWith(QLatin1Char(' ')));
        }
    }
    QVERIFY(buddy);
    for (LineageNodeKind k : {LineageNodeKind::Table, LineageNodeKind::SqlFile}) {
        QToolBar *bar = m_view->findChild<QToolBar *>();
        QWidget *w = bar->widgetForAction(m_view->kindAction(k));
        QVERIFY(w && !w->accessibleName().isEmpty() && w->focusPolicy() != Qt::NoFocus);
    }
    // Tab from the search field reaches the graph
    m_view->searchField()->setFocus();
    QTRY_VERIFY(m_view->searchField()->hasFocus());
    bool reached = false;
    for (int i = 0; i < 40 && !reached; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached = gv->hasFocus();
    }
    QVERIFY(reached);
    // with nothing selected, an arrow key starts at the broken node
    QVERIFY(m_view->selectedNode().isEmpty());
    QTest::keyClick(gv, Qt::Key_Down);
    QCOMPARE(m_view->selectedNode(), QString("p.sales.a"));
    QTest::keyClick(gv, Qt::Key_Escape);
    // the description follows the selection
    m_view->selectNode("p.finance.c");
    QVERIFY(gv->accessibleDescription().contains("p.finance.c"));
    QTest::keyClick(gv, Qt::Key_Escape);
    QVERIFY(!gv->accessibleDescription().contains("p.finance.c"));
}

QTEST_MAIN(tst_LineageView)
#include "tst_lineageview.moc"
