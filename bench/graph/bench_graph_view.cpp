// Lineage graph view: frame times while panning at several zoom levels (5,000 nodes /
// 10,000 edges by default), item creation and layout times, and screenshots.
//
//   QT_QPA_PLATFORM=offscreen bench_graph_view [NODES=5000] [FRAMES=40] [--overview]
//   QT_QPA_PLATFORM=offscreen bench_graph_view --screenshots DIR [--dark]
//
// A big graph opens as an overview (LineageView::showOverview()); the frame figures are for
// the whole graph ("Show all") unless --overview is given.
//
// A frame is the QGraphicsView viewport (1600x1000) rendered into a QImage through the same
// paint path as on screen (QWidget::render -> QGraphicsView::paintEvent -> BSP lookup ->
// items' paint()), after a scroll of 97x61 px (pan) or after a zoom step.

#include "core/graph/LineageGraphModel.h"
#include "core/graph/SyntheticSubgraph.h"
#include "widgets/lineage/LineageItems.h"
#include "widgets/lineage/LineageView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleFactory>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace warroom;

static QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(37, 37, 38));
    p.setColor(QPalette::WindowText, QColor(220, 220, 220));
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 45));
    p.setColor(QPalette::Text, QColor(220, 220, 220));
    p.setColor(QPalette::Button, QColor(45, 45, 48));
    p.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    p.setColor(QPalette::Highlight, QColor(38, 79, 120));
    p.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    p.setColor(QPalette::Mid, QColor(80, 80, 80));
    return p;
}

static bool waitLayout(LineageView &view)
{
    QSignalSpy spy(&view, &LineageView::layoutFinished);
    return spy.wait(600000);
}

static void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
}

static void loadGraph(LineageView &view, int nodes, double *createMs, double *layoutMs,
                      bool all = true)
{
    const LineageSubgraph g = syntheticSubgraph(nodes, 2.0, 7);
    QElapsedTimer t;
    t.start();
    view.model()->setSubgraph(g);
    *createMs = double(t.nsecsElapsed()) / 1e6;
    waitLayout(view);
    if (all && view.isOverviewShown()) {
        // everything: every kind too (the overview folded SQL files and tasks)
        for (LineageNodeKind k : {LineageNodeKind::SqlFile, LineageNodeKind::DagTask})
            view.setKindVisible(k, true);
        view.showAll();
        waitLayout(view);
    }
    *layoutMs = view.lastLayout().elapsedMs;
    settle(300); // idle text preparation, zoom settling
}

struct Stats
{
    double mean = 0, p95 = 0, max = 0;
};

static Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    for (double x : v)
        s.mean += x;
    s.mean /= double(v.size());
    s.p95 = v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
    s.max = v.back();
    return s;
}

// Thread CPU time: the machine this runs on is shared (load average > 8 on 2 cores), so wall
// time mostly measures waiting for a core; CPU time is what a frame costs.
static double cpuMs()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

static double g_lastWallMs = 0;

static double renderFrame(QGraphicsView *gv, QImage &image)
{
    QElapsedTimer t;
    t.start();
    const double c0 = cpuMs();
    image.fill(Qt::white);
    QPainter p(&image);
    gv->viewport()->render(&p);
    p.end();
    g_lastWallMs = double(t.nsecsElapsed()) / 1e6;
    return cpuMs() - c0;
}

static int screenshots(const QString &dir, bool dark)
{
    QDir().mkpath(dir);
    const QString suffix = dark ? QStringLiteral("_dark") : QString();
    for (int n : {2000, 5000}) {
        LineageView view;
        if (dark)
            view.setPalette(darkPalette());
        view.resize(1600, 1000);
        view.show();
        double c, l;
        loadGraph(view, n, &c, &l, false);
        QGraphicsView *gv = view.graphicsView();
        auto shot = [&](const QString &name) {
            settle(300);
            const QString path = dir + QStringLiteral("/lineage_%1_%2%3.png").arg(n).arg(name, suffix);
            view.grab().save(path);
            std::printf("%s (zoom %.3f)\n", qPrintable(path), view.zoom());
        };
        shot(QStringLiteral("overview")); // what opens: the default
        // a stub expanded
        for (const QString &id : view.model()->visibleNodeIds()) {
            if (view.model()->nodeData(id, LineageNodeRole::MoreDownstream).toInt() > 2) {
                view.selectNode(id, true);
                view.expandMore(id);
                waitLayout(view);
                break;
            }
        }
        shot(QStringLiteral("expanded"));
        for (LineageNodeKind k : {LineageNodeKind::SqlFile, LineageNodeKind::DagTask})
            view.setKindVisible(k, true);
        view.showAll();
        waitLayout(view);
        view.fitToView();
        shot(QStringLiteral("fit"));
        view.fitAll();
        shot(QStringLiteral("whole"));
        // around the broken nodes (left) at several zoom levels
        const QString broken = view.model()->nodeIds().first();
        for (double z : {0.3, 0.6, 1.0}) {
            view.setZoom(z);
            view.centerOnNode(broken);
            view.setZoom(z);
            gv->centerOn(view.nodeItem(broken)->pos() + QPointF(gv->viewport()->width() / z / 2 - 150, 0));
            shot(QStringLiteral("z%1").arg(z));
        }
        // selection + hover highlight in the middle of the graph
        const QStringList ids = view.model()->nodeIds();
        const QString mid = ids[ids.size() / 2];
        view.selectNode(mid, true);
        view.highlightNode(mid);
        view.setZoom(0.6);
        gv->centerOn(view.nodeItem(mid));
        shot(QStringLiteral("highlight"));
        if (n == 2000) {
            view.highlightNode(QString()); // clears the highlight
            view.model()->collapseDataset(QStringLiteral("finance"));
            view.model()->collapseDataset(QStringLiteral("sales"));
            waitLayout(view);
            view.fitToView();
            view.setZoom(0.5);
            gv->centerOn(view.nodeItem(LineageGraphModel::groupId(QStringLiteral("finance"))));
            shot(QStringLiteral("groups"));
        }
    }
    // a small graph at 100 %: the broken node and its neighbourhood, every kind
    {
        LineageView view;
        if (dark)
            view.setPalette(darkPalette());
        view.resize(1400, 800);
        view.show();
        double c, l;
        loadGraph(view, 40, &c, &l);
        view.fitToView();
        view.selectNode(view.model()->nodeIds().at(5), false);
        QApplication::processEvents();
        const QString path = dir + QStringLiteral("/lineage_40_fit%1.png").arg(suffix);
        view.grab().save(path);
        std::printf("%s (zoom %.3f)\n", qPrintable(path), view.zoom());
    }
    {
        LineageView view;
        if (dark)
            view.setPalette(darkPalette());
        view.resize(900, 500);
        view.show();
        QApplication::processEvents();
        const QString path = dir + QStringLiteral("/lineage_empty%1.png").arg(suffix);
        view.grab().save(path);
        std::printf("%s\n", qPrintable(path));
    }
    return 0;
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QStringList args = app.arguments();
    if (args.size() > 2 && args[1] == QLatin1String("--screenshots"))
        return screenshots(args[2], args.contains(QStringLiteral("--dark")));
    const int nodes = args.size() > 1 ? args[1].toInt() : 5000;
    const int frames = args.size() > 2 ? args[2].toInt() : 40;

    {
        // the model alone, and the overview it computes
        const LineageSubgraph g = syntheticSubgraph(nodes, 2.0, 7);
        LineageGraphModel m;
        QElapsedTimer t;
        t.start();
        m.setSubgraph(g);
        const double modelMs = double(t.nsecsElapsed()) / 1e6;
        t.restart();
        m.beginFilterChange();
        m.setKindVisible(LineageNodeKind::SqlFile, false);
        m.setKindVisible(LineageNodeKind::DagTask, false);
        QElapsedTimer o;
        o.start();
        const QStringList scope = m.overviewNodes(24);
        const double overviewMs = double(o.nsecsElapsed()) / 1e6;
        m.setScope(scope);
        m.endFilterChange();
        const double foldMs = double(t.nsecsElapsed()) / 1e6 - overviewMs;
        std::printf("model only: setSubgraph %.1f ms; overviewNodes %.1f ms; fold + scope %.1f ms "
                    "(%d of %d shown)\n",
                    modelMs, overviewMs, foldMs, m.shownCount(), m.nodeCount());
    }
    LineageView view;
    view.resize(1600 + 280, 1000 + 60);
    view.show();
    if (const int w = args.indexOf(QStringLiteral("--node-width")); w > 0 && w + 1 < args.size()) {
        LayoutOptions o;
        o.nodeWidth = args[w + 1].toDouble();
        view.setLayoutOptions(o);
    }
    double createMs = 0, layoutMs = 0;
    loadGraph(view, nodes, &createMs, &layoutMs, !args.contains(QStringLiteral("--overview")));
    QGraphicsView *gv = view.graphicsView();
    if (args.contains(QStringLiteral("--noindex")))
        view.scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    if (args.contains(QStringLiteral("--no-edges")))
        view.edgeLayer()->setVisible(false);
    if (args.contains(QStringLiteral("--no-nodes"))) {
        for (const QString &id : view.model()->nodeIds())
            view.nodeItem(id)->setVisible(false);
    }
    std::printf("nodes %d (%d shown), edges %d; model+items %.1f ms (GUI thread, overview "
                "included); layout %.1f ms (%d layers, %d dummies)\n",
                view.model()->nodeCount(), view.model()->shownCount(), view.model()->edgeCount(),
                createMs, layoutMs, view.lastLayout().layers, view.lastLayout().dummyNodes);
    std::printf("viewport %dx%d, fit zoom %.3f\n", gv->viewport()->width(),
                gv->viewport()->height(), view.minimumZoom());
    QImage image(gv->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    std::printf("%-10s %10s %10s %10s %12s  %s\n", "zoom", "mean ms", "p95 ms", "max ms",
                "wall mean", "(pan; CPU time per frame)");
    view.fitAll();
    const double fit = view.zoom();
    const QRectF bounds = view.lastLayout().bounds;
    for (double z : {fit, 0.1, 0.25, 0.5, 1.0, 2.0}) {
        if (z < fit)
            continue;
        view.setZoom(z);
        gv->centerOn(bounds.center());
        settle(250);            // the zoom settles: the edge cache comes back for panning
        renderFrame(gv, image); // warm up
        std::vector<double> times, walls;
        for (int f = 0; f < frames; ++f) {
            gv->horizontalScrollBar()->setValue(gv->horizontalScrollBar()->value() + (f % 20 < 10 ? 97 : -97));
            gv->verticalScrollBar()->setValue(gv->verticalScrollBar()->value() + (f % 8 < 4 ? 61 : -61));
            times.push_back(renderFrame(gv, image));
            walls.push_back(g_lastWallMs);
        }

        const Stats s = stats(times);
        std::printf("%-10.3f %10.2f %10.2f %10.2f %12.2f\n", z, s.mean, s.p95, s.max,
                    stats(walls).mean);
        std::fflush(stdout);
    }
    // zooming: a wheel-like sequence from fit to 2x and back
    std::vector<double> times;
    gv->centerOn(bounds.center());
    double z = fit;
    for (int f = 0; f < frames * 2; ++f) {
        z = f < frames ? z * 1.12 : z / 1.12;
        view.setZoom(std::clamp(z, fit, 4.0));
        times.push_back(renderFrame(gv, image));
    }
    const Stats s = stats(times);
    std::printf("%-10s %10.2f %10.2f %10.2f   (zoom steps x1.12 fit..%.2f..fit)\n", "zooming",
                s.mean, s.p95, s.max, std::min(4.0, fit * std::pow(1.12, frames)));
    return 0;
}
