#pragma once

#include <QWidget>

class QLabel;

namespace warroom {

// What a pane shows while it has nothing to show: a title and one plain sentence saying
// what will appear here and how to get it. Never fake data.
class PlaceholderPane : public QWidget
{
    Q_OBJECT

public:
    explicit PlaceholderPane(const QString &title, const QString &text, QWidget *parent = nullptr);
    void setText(const QString &text);

private:
    QLabel *m_text;
};

} // namespace warroom
