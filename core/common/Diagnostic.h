#pragma once

#include <QList>
#include <QString>

namespace warroom {

// A problem found in user input, located precisely enough to fix it: "file:line:column".
// Readers collect these instead of throwing, so one bad file never stops the rest.
struct Diagnostic
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString message;

    bool isError() const { return severity == Severity::Error; }

    // "file:line:column: error: message", the shape compilers and editors understand.
    QString toString() const
    {
        QString where = file.isEmpty() ? QStringLiteral("<input>") : file;
        if (line > 0) {
            where += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                where += QLatin1Char(':') + QString::number(column);
        }
        return where + (isError() ? QStringLiteral(": error: ") : QStringLiteral(": warning: "))
               + message;
    }

    static Diagnostic error(const QString &file, int line, int column, const QString &message)
    {
        return {Severity::Error, file, line, column, message};
    }
    static Diagnostic warning(const QString &file, int line, int column, const QString &message)
    {
        return {Severity::Warning, file, line, column, message};
    }
};

using Diagnostics = QList<Diagnostic>;

inline bool hasErrors(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.isError())
            return true;
    }
    return false;
}

} // namespace warroom
