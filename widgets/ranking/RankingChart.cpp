#include "widgets/ranking/RankingChart.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBarModelMapper>
#include <QHorizontalBarSeries>
#include <QPen>
#include <QTransposeProxyModel>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace warroom::widgets {

struct RankingChart::Private
{
    QAbstractItemModel *model = nullptr;
    int labelColumn = 0;
    int valueColumn = 0;
    QTransposeProxyModel *transposed = nullptr;
    QChart *chart = nullptr;
    QChartView *view = nullptr;
    QHorizontalBarSeries *series = nullptr;
    QHBarModelMapper *mapper = nullptr;
    QBarCategoryAxis *categoryAxis = nullptr;
    QValueAxis *valueAxis = nullptr;
};

RankingChart::RankingChart(QAbstractItemModel *model, int labelColumn, int valueColumn,
                           QWidget *parent)
    : QWidget(parent)
    , d(new Private)
{
    d->model = model;
    d->labelColumn = labelColumn;
    d->valueColumn = valueColumn;
    // QHBarModelMapper takes bar sets from model rows; transposing turns the value column
    // into the one bar set and the ranked tables into its categories.
    d->transposed = new QTransposeProxyModel(this);
    d->transposed->setSourceModel(model);

    d->chart = new QChart;
    d->chart->legend()->hide();
    d->chart->setAnimationOptions(QChart::NoAnimation);
    d->chart->setBackgroundRoundness(0);
    d->series = new QHorizontalBarSeries(d->chart);
    d->mapper = new QHBarModelMapper(this);
    d->mapper->setFirstBarSetRow(valueColumn);
    d->mapper->setLastBarSetRow(valueColumn);
    d->mapper->setFirstColumn(0);
    d->mapper->setColumnCount(-1);
    d->mapper->setSeries(d->series);
    d->mapper->setModel(d->transposed);
    d->chart->addSeries(d->series);

    d->categoryAxis = new QBarCategoryAxis(d->chart);
    d->valueAxis = new QValueAxis(d->chart);
    d->valueAxis->setLabelFormat(QStringLiteral("%d"));
    d->chart->addAxis(d->categoryAxis, Qt::AlignLeft);
    d->chart->addAxis(d->valueAxis, Qt::AlignBottom);
    d->series->attachAxis(d->categoryAxis);
    d->series->attachAxis(d->valueAxis);

    d->view = new QChartView(d->chart, this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setAccessibleName(tr("Most referenced tables"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);

    connect(model, &QAbstractItemModel::modelReset, this, &RankingChart::updateAxes);
    connect(model, &QAbstractItemModel::layoutChanged, this, &RankingChart::updateAxes);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RankingChart::updateAxes);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RankingChart::updateAxes);
    connect(model, &QAbstractItemModel::dataChanged, this, &RankingChart::updateAxes);
    applyPalette();
    updateAxes();
}

RankingChart::~RankingChart()
{
    delete d;
}

int RankingChart::barCount() const
{
    const auto sets = d->series->barSets();
    return sets.isEmpty() ? 0 : sets.first()->count();
}

QStringList RankingChart::categories() const
{
    return d->categoryAxis->categories();
}

QList<double> RankingChart::values() const
{
    QList<double> out;
    const auto sets = d->series->barSets();
    if (sets.isEmpty())
        return out;
    for (int i = 0; i < sets.first()->count(); ++i)
        out.append(sets.first()->at(i));
    return out;
}

void RankingChart::updateAxes()
{
    // Horizontal bars grow upwards from the first category; list the top one at the top.
    QStringList labels;
    double maximum = 0;
    for (int row = 0; row < d->model->rowCount(); ++row) {
        labels.append(d->model->index(row, d->labelColumn).data().toString());
        maximum = std::max(maximum, d->model->index(row, d->valueColumn).data().toDouble());
    }
    d->categoryAxis->clear();
    d->categoryAxis->append(labels);
    d->categoryAxis->setReverse(true);
    d->valueAxis->setRange(0, maximum > 0 ? maximum * 1.05 : 1);
    const auto sets = d->series->barSets();
    for (QBarSet *set : sets) {
        set->setBrush(palette().brush(QPalette::Highlight));
        set->setPen(QPen(palette().color(QPalette::Highlight)));
    }
}

void RankingChart::applyPalette()
{
    const QPalette pal = palette();
    d->chart->setBackgroundBrush(pal.brush(QPalette::Base));
    d->chart->setPlotAreaBackgroundVisible(false);
    d->categoryAxis->setLabelsColor(pal.color(QPalette::Text));
    d->valueAxis->setLabelsColor(pal.color(QPalette::Text));
    d->valueAxis->setGridLineColor(pal.color(QPalette::Mid));
    d->categoryAxis->setGridLineVisible(false);
    for (QBarSet *set : d->series->barSets()) {
        set->setBrush(pal.brush(QPalette::Highlight));
        set->setPen(QPen(pal.color(QPalette::Highlight)));
    }
}

void RankingChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace warroom::widgets
