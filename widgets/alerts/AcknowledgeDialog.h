#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace warroom {

// Asks for an optional note before acknowledging (the acknowledgement itself is done by the
// caller through AlertFeed).
class AcknowledgeDialog : public QDialog
{
    Q_OBJECT

public:
    AcknowledgeDialog(int alertCount, const QString &who, QWidget *parent = nullptr);
    QString note() const;
    QLineEdit *noteEdit() const { return m_note; }

private:
    QLineEdit *m_note;
};

} // namespace warroom
