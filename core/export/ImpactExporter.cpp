#include "core/export/ImpactReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTimeZone>
#include <QUrl>

#include <xlsxwriter.h>

#include <variant>

namespace warroom {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::ImpactExporter)
};

// One cell of a sheet, typed so the workbook gets real numbers, dates and links while
// the CSV files get their text.
struct Link
{
    QString text;
    QString url;
};
struct Time
{
    EpochMicros micros;
};
using Cell = std::variant<QString, double, Time, Link>;
using Row = QList<Cell>;

struct Sheet
{
    QString name;
    QStringList headers;
    QList<int> widths;   // characters
    QList<Row> rows;
};

QString joinList(const QStringList &items)
{
    return items.join(QStringLiteral(", "));
}

QDateTime inZone(EpochMicros micros, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return toDateTime(micros).toTimeZone(tz.isValid() ? tz : QTimeZone::utc());
}

QString timeText(EpochMicros micros, const QString &zone)
{
    if (micros == 0)
        return {};
    return inZone(micros, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString durationText(EpochMicros from, EpochMicros to)
{
    if (from == 0 || to == 0 || to < from)
        return {};
    const qint64 minutes = (to - from) / 60'000'000;
    if (minutes < 60)
        return Tr::tr("%n min", nullptr, int(minutes));
    return Tr::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

Cell issueCell(int number, const QString &url)
{
    if (url.isEmpty())
        return number > 0 ? Cell(QStringLiteral("#%1").arg(number)) : Cell(QString());
    return Link{number > 0 ? QStringLiteral("#%1").arg(number) : url, url};
}

QList<Sheet> buildSheets(const ImpactReport &r)
{
    QList<Sheet> sheets;
    const QStringList names = ImpactExporter::sheetNames();

    Sheet summary{names[0], ImpactExporter::headers(0), {28, 80}, {}};
    auto add = [&](const QString &key, const Cell &value) { summary.rows.append({key, value}); };
    int done = 0;
    for (const auto &t : r.tasks)
        done += t.status == QLatin1String("done");
    add(Tr::tr("Incident"), r.incidentName);
    add(Tr::tr("Workspace"), r.workspace);
    add(Tr::tr("Status"), r.status);
    add(Tr::tr("Severity"), r.severity);
    add(Tr::tr("Window start (%1)").arg(r.timezone), r.windowStart ? Cell(Time{r.windowStart}) : Cell(QString()));
    add(Tr::tr("Window end (%1)").arg(r.timezone), r.windowEnd ? Cell(Time{r.windowEnd}) : Cell(Tr::tr("ongoing")));
    add(Tr::tr("Causes"), joinList(r.causes));
    add(Tr::tr("Commander"), r.commander);
    add(Tr::tr("Communications"), r.communications);
    add(Tr::tr("Affected tables"), double(r.tables.size()));
    add(Tr::tr("Recovery tasks"), double(r.tasks.size()));
    add(Tr::tr("Recovery tasks done"), double(done));
    add(Tr::tr("People and accounts affected"), double(r.people.size()));
    add(Tr::tr("Time to detect"), durationText(r.windowStart, r.detectedAt));
    add(Tr::tr("Time to scope"), durationText(r.detectedAt ? r.detectedAt : r.startedAt, r.scopedAt));
    add(Tr::tr("Time to recover"), durationText(r.windowStart, r.recoveredAt));
    add(Tr::tr("Generated at (%1)").arg(r.timezone), r.generatedAt ? Cell(Time{r.generatedAt}) : Cell(QString()));
    sheets.append(summary);

    Sheet tables{names[1], ImpactExporter::headers(1), {44, 16, 8, 6, 60, 7, 11, 9, 40, 24, 24, 24, 12, 10, 9}, {}};
    for (const auto &t : r.tables) {
        tables.rows.append({t.table, t.dataset, t.kind, double(t.depth),
                            t.path.join(QStringLiteral(" → ")),
                            t.usageRank > 0 ? Cell(double(t.usageRank)) : Cell(QString()),
                            double(t.references), double(t.distinctUsers), joinList(t.topUsers),
                            t.owningDag, t.owningTask, t.recoveryTask, t.recoveryStatus,
                            t.issueUrl.isEmpty() ? Cell(QString()) : Cell(Link{t.issueUrl.section(QLatin1Char('/'), -1).prepend(QLatin1Char('#')), t.issueUrl}),
                            t.priority});
    }
    sheets.append(tables);

    Sheet tasks{names[2], ImpactExporter::headers(2), {30, 28, 40, 30, 50, 9, 16, 12, 10}, {}};
    for (const auto &t : r.tasks) {
        tasks.rows.append({t.id, t.dagId, joinList(t.logicalDates), joinList(t.after),
                           joinList(t.tables), t.priority, t.assignee, t.status,
                           issueCell(t.issueNumber, t.issueUrl)});
    }
    sheets.append(tasks);

    Sheet people{names[3], ImpactExporter::headers(3), {40, 18, 80, 8, 11}, {}};
    for (const auto &p : r.people)
        people.rows.append({p.user, p.group, joinList(p.tables), double(p.tables.size()), double(p.references)});
    sheets.append(people);

    Sheet timeline{names[4], ImpactExporter::headers(4), {18, 12, 18, 100}, {}};
    for (const auto &e : r.timeline)
        timeline.rows.append({Time{e.at}, e.kind, e.actor, e.text});
    sheets.append(timeline);
    return sheets;
}

QString cellText(const Cell &cell, const QString &zone)
{
    if (const auto *s = std::get_if<QString>(&cell))
        return *s;
    if (const auto *d = std::get_if<double>(&cell))
        return QString::number(*d, 'g', 15);
    if (const auto *t = std::get_if<Time>(&cell))
        return timeText(t->micros, zone);
    const Link &link = std::get<Link>(cell);
    return link.url;
}

lxw_datetime toLxw(EpochMicros micros, const QString &zone)
{
    const QDateTime dt = inZone(micros, zone);
    const QDate d = dt.date();
    const QTime t = dt.time();
    return lxw_datetime{d.year(), d.month(), d.day(), t.hour(), t.minute(),
                        t.second() + t.msec() / 1000.0};
}

// Excel caps sheet cells at 32,767 characters: cut with a visible marker, never fail.
std::string excelText(const QString &text)
{
    constexpr int kMax = 32000;
    if (text.size() <= kMax)
        return text.toStdString();
    return (text.left(kMax) + QStringLiteral(" …")).toStdString();
}

bool isWebUrl(const QString &url)
{
    const QUrl u(url);
    return u.isValid() && (u.scheme() == QLatin1String("https") || u.scheme() == QLatin1String("http"))
           && url.size() < 2000;
}

} // namespace

QStringList ImpactExporter::sheetNames()
{
    return {Tr::tr("Summary"), Tr::tr("Affected tables"), Tr::tr("Recovery tasks"),
            Tr::tr("Who is affected"), Tr::tr("Timeline")};
}

QStringList ImpactExporter::headers(int sheet)
{
    switch (sheet) {
    case 0: return {Tr::tr("Item"), Tr::tr("Value")};
    case 1: return {Tr::tr("Table"), Tr::tr("Dataset"), Tr::tr("Kind"), Tr::tr("Depth"),
                    Tr::tr("Path from cause"), Tr::tr("Usage rank"), Tr::tr("References"),
                    Tr::tr("Distinct users"), Tr::tr("Top users"), Tr::tr("Owning DAG"),
                    Tr::tr("Owning task"), Tr::tr("Recovery task"), Tr::tr("Recovery status"),
                    Tr::tr("Issue"), Tr::tr("Priority")};
    case 2: return {Tr::tr("Task"), Tr::tr("DAG"), Tr::tr("Logical dates"), Tr::tr("Upstream tasks"),
                    Tr::tr("Tables"), Tr::tr("Priority"), Tr::tr("Assignee"), Tr::tr("Status"),
                    Tr::tr("Issue")};
    case 3: return {Tr::tr("User"), Tr::tr("Group"), Tr::tr("Tables read"), Tr::tr("Table count"),
                    Tr::tr("References")};
    case 4: return {Tr::tr("Time"), Tr::tr("Kind"), Tr::tr("Actor"), Tr::tr("Event")};
    }
    return {};
}

bool ImpactExporter::looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-')
           || c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

QString ImpactExporter::neutralizedForCsv(const QString &text)
{
    return looksLikeFormula(text) ? QLatin1Char('\'') + text : text;
}

bool ImpactExporter::writeXlsx(const ImpactReport &report, const QString &path, QString *error,
                               const ExportProgress &progress)
{
    const QList<Sheet> sheets = buildSheets(report);
    // Write next to the target and rename at the end, so a failed or cancelled export
    // never leaves a half-written workbook under the user's file name.
    const QString temporary = path + QStringLiteral(".part");
    const QByteArray nativeTemp = QFile::encodeName(temporary);
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr;
    options.use_zip64 = LXW_TRUE;
    lxw_workbook *workbook = workbook_new_opt(nativeTemp.constData(), &options);
    if (!workbook) {
        if (error)
            *error = Tr::tr("cannot create %1").arg(path);
        return false;
    }

    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0x1D2B3A);
    format_set_font_color(header, LXW_COLOR_WHITE);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd hh:mm");
    format_set_align(date, LXW_ALIGN_LEFT);
    lxw_format *link = workbook_add_format(workbook);
    format_set_underline(link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(link, LXW_COLOR_BLUE);
    lxw_format *wrap = workbook_add_format(workbook);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

    qsizetype totalRows = 0;
    for (const Sheet &s : sheets)
        totalRows += s.rows.size();
    qsizetype writtenRows = 0;
    int lastPercent = -1;
    lxw_error failure = LXW_NO_ERROR;
    bool cancelled = false;

    for (const Sheet &sheet : sheets) {
        lxw_worksheet *ws = workbook_add_worksheet(workbook, sheet.name.toStdString().c_str());
        for (int c = 0; c < sheet.headers.size(); ++c) {
            worksheet_write_string(ws, 0, lxw_col_t(c), sheet.headers[c].toStdString().c_str(), header);
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), sheet.widths.value(c, 16), nullptr);
        }
        worksheet_freeze_panes(ws, 1, 0);
        for (int r = 0; r < sheet.rows.size() && failure == LXW_NO_ERROR; ++r) {
            const Row &row = sheet.rows[r];
            const lxw_row_t xr = lxw_row_t(r + 1);
            for (int c = 0; c < row.size(); ++c) {
                const lxw_col_t xc = lxw_col_t(c);
                const Cell &cell = row[c];
                lxw_error e = LXW_NO_ERROR;
                if (const auto *s = std::get_if<QString>(&cell)) {
                    // write_string stores text as text: "=HYPERLINK(...)" never becomes a formula.
                    if (!s->isEmpty())
                        e = worksheet_write_string(ws, xr, xc, excelText(*s).c_str(), nullptr);
                } else if (const auto *d = std::get_if<double>(&cell)) {
                    e = worksheet_write_number(ws, xr, xc, *d, nullptr);
                } else if (const auto *t = std::get_if<Time>(&cell)) {
                    if (t->micros != 0) {
                        lxw_datetime dt = toLxw(t->micros, report.timezone);
                        e = worksheet_write_datetime(ws, xr, xc, &dt, date);
                    }
                } else {
                    const Link &l = std::get<Link>(cell);
                    if (isWebUrl(l.url)) {
                        e = worksheet_write_url_opt(ws, xr, xc, l.url.toStdString().c_str(), link,
                                                    excelText(l.text).c_str(), nullptr);
                        if (e == LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED
                            || e == LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED)
                            e = worksheet_write_string(ws, xr, xc, excelText(l.url).c_str(), nullptr);
                    } else if (!l.url.isEmpty()) {
                        e = worksheet_write_string(ws, xr, xc, excelText(l.url).c_str(), nullptr);
                    }
                }
                if (e != LXW_NO_ERROR) {
                    failure = e;
                    break;
                }
            }
            ++writtenRows;
            if (progress && totalRows > 0) {
                const int percent = int(writtenRows * 95 / totalRows);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    if (!progress(percent)) {
                        cancelled = true;
                        break;
                    }
                }
            }
        }
        if (cancelled || failure != LXW_NO_ERROR)
            break;
        worksheet_autofilter(ws, 0, 0, lxw_row_t(sheet.rows.size()), lxw_col_t(sheet.headers.size() - 1));
    }

    const lxw_error closed = workbook_close(workbook);
    if (cancelled || failure != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        QFile::remove(temporary);
        if (error) {
            *error = cancelled ? Tr::tr("export cancelled")
                               : Tr::tr("cannot write %1: %2")
                                     .arg(path, QString::fromLatin1(lxw_strerror(failure != LXW_NO_ERROR ? failure : closed)));
        }
        return false;
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        if (error)
            *error = Tr::tr("cannot move the workbook into place at %1").arg(path);
        return false;
    }
    if (progress)
        progress(100);
    return true;
}

QStringList ImpactExporter::writeCsv(const ImpactReport &report, const QString &dir, QString *error)
{
    QStringList written;
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = Tr::tr("cannot create folder %1").arg(dir);
        return written;
    }
    static const char *const fileNames[] = {"summary.csv", "affected-tables.csv", "recovery-tasks.csv",
                                            "who-is-affected.csv", "timeline.csv"};
    const QList<Sheet> sheets = buildSheets(report);
    auto quote = [](const QString &text) {
        const QString safe = neutralizedForCsv(text);
        if (!safe.contains(QLatin1Char(',')) && !safe.contains(QLatin1Char('"'))
            && !safe.contains(QLatin1Char('\n')) && !safe.contains(QLatin1Char('\r')))
            return safe;
        return QLatin1Char('"') + QString(safe).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    for (int i = 0; i < sheets.size(); ++i) {
        QString text = QChar(0xFEFF); // the BOM tells spreadsheet tools the file is UTF-8
        QStringList line;
        for (const QString &h : sheets[i].headers)
            line.append(quote(h));
        text += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        for (const Row &row : sheets[i].rows) {
            line.clear();
            for (const Cell &cell : row)
                line.append(quote(cellText(cell, report.timezone)));
            text += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        }
        const QString path = QDir(dir).filePath(QString::fromLatin1(fileNames[i]));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            if (error)
                *error = Tr::tr("cannot write %1: %2").arg(path, file.errorString());
            return written;
        }
        written.append(path);
    }
    return written;
}

namespace {

// Markdown table cells: plain text with the characters that would break the table escaped.
QString md(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    for (const char c : {'*', '_', '`', '<', '>', '[', ']'})
        out.replace(QLatin1Char(c), QString(QLatin1Char('\\')) + QLatin1Char(c));
    return out;
}

QString windowLine(const ImpactReport &r)
{
    return Tr::tr("%1 → %2 (%3)")
        .arg(timeText(r.windowStart, r.timezone),
             r.windowEnd ? timeText(r.windowEnd, r.timezone) : Tr::tr("ongoing"), r.timezone);
}

} // namespace

QString ImpactExporter::markdownSummary(const ImpactReport &r)
{
    QString out;
    int done = 0;
    for (const auto &t : r.tasks)
        done += t.status == QLatin1String("done");
    out += QStringLiteral("### %1\n\n").arg(md(r.incidentName.isEmpty() ? Tr::tr("Incident") : r.incidentName));
    out += QStringLiteral("- **%1:** %2\n").arg(Tr::tr("Status"), md(r.status));
    out += QStringLiteral("- **%1:** %2\n").arg(Tr::tr("Window"), md(windowLine(r)));
    QStringList causes;
    for (const QString &c : r.causes)
        causes.append(QLatin1Char('`') + QString(c).remove(QLatin1Char('`')) + QLatin1Char('`'));
    out += QStringLiteral("- **%1:** %2\n").arg(Tr::tr("Causes"), causes.join(QStringLiteral(", ")));
    out += QStringLiteral("- **%1:** %2 · **%3:** %4/%5 · **%6:** %7\n\n")
               .arg(Tr::tr("Affected tables")).arg(r.tables.size())
               .arg(Tr::tr("Recovery")).arg(done).arg(r.tasks.size())
               .arg(Tr::tr("People affected")).arg(r.people.size());
    if (!r.tables.isEmpty()) {
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n|---|---:|---:|---:|---|\n")
                   .arg(Tr::tr("Table"), Tr::tr("Depth"), Tr::tr("References"), Tr::tr("Users"), Tr::tr("Recovery"));
        const int shown = std::min<int>(15, int(r.tables.size()));
        for (int i = 0; i < shown; ++i) {
            const auto &t = r.tables[i];
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                       .arg(md(t.table)).arg(t.depth).arg(t.references).arg(t.distinctUsers)
                       .arg(md(t.recoveryStatus.isEmpty() ? t.recoveryTask : t.recoveryStatus));
        }
        if (r.tables.size() > shown)
            out += Tr::tr("\n… and %n more in the spreadsheet.\n", nullptr, int(r.tables.size() - shown));
    }
    return out;
}

QString ImpactExporter::postmortemDraft(const ImpactReport &r)
{
    QString out;
    out += QStringLiteral("# %1: %2\n\n").arg(Tr::tr("Postmortem"), md(r.incidentName));
    out += QStringLiteral("## %1\n\n").arg(Tr::tr("Summary"));
    out += QStringLiteral("- %1: %2\n").arg(Tr::tr("Window"), md(windowLine(r)));
    out += QStringLiteral("- %1: %2\n").arg(Tr::tr("Causes"), md(r.causes.join(QStringLiteral(", "))));
    out += QStringLiteral("- %1: %2\n").arg(Tr::tr("Commander"), md(r.commander));
    out += QStringLiteral("- %1: %2\n").arg(Tr::tr("Time to detect"), durationText(r.windowStart, r.detectedAt));
    out += QStringLiteral("- %1: %2\n").arg(Tr::tr("Time to scope"), durationText(r.detectedAt ? r.detectedAt : r.startedAt, r.scopedAt));
    out += QStringLiteral("- %1: %2\n\n").arg(Tr::tr("Time to recover"), durationText(r.windowStart, r.recoveredAt));
    out += QStringLiteral("## %1\n\n").arg(Tr::tr("Impact"));
    out += markdownSummary(r) + QLatin1Char('\n');
    out += QStringLiteral("## %1\n\n").arg(Tr::tr("Recovery"));
    for (const auto &t : r.tasks) {
        out += QStringLiteral("- [%1] %2 (%3) — %4%5\n")
                   .arg(t.status == QLatin1String("done") ? QStringLiteral("x") : QStringLiteral(" "),
                        md(t.dagId), md(joinList(t.logicalDates)),
                        md(t.assignee.isEmpty() ? Tr::tr("unassigned") : t.assignee),
                        t.issueNumber ? QStringLiteral(" #%1").arg(t.issueNumber) : QString());
    }
    out += QStringLiteral("\n## %1\n\n").arg(Tr::tr("Timeline"));
    for (const auto &e : r.timeline)
        out += QStringLiteral("- %1 — %2%3\n").arg(timeText(e.at, r.timezone), md(e.text),
                                                    e.actor.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(md(e.actor)));
    out += QStringLiteral("\n## %1\n\n- \n\n## %2\n\n- \n\n## %3\n\n- [ ] \n")
               .arg(Tr::tr("What went well"), Tr::tr("What went wrong"), Tr::tr("Action items"));
    return out;
}

} // namespace warroom
