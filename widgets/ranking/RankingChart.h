#pragma once

#include <QWidget>

class QAbstractItemModel;

namespace warroom::widgets {

// A horizontal bar chart of a ranking model's first rows: one bar per row, its length the
// value of `valueColumn`, labelled by `labelColumn`. Qt Charts (deprecated since Qt 6.10)
// is used only inside this class: the model is transposed and mapped with QHBarModelMapper
// into a QHorizontalBarSeries, so the chart is one more view of the same model.
class RankingChart : public QWidget
{
    Q_OBJECT
public:
    RankingChart(QAbstractItemModel *model, int labelColumn, int valueColumn,
                 QWidget *parent = nullptr);
    ~RankingChart() override;

    int barCount() const;
    QStringList categories() const;
    QList<double> values() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateAxes();
    void applyPalette();

    struct Private;
    Private *d;
};

} // namespace warroom::widgets
