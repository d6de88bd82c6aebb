#include "core/export/ImpactReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace warroom;

static const QString kEvil = QStringLiteral("=HYPERLINK(\"https://evil.example/x\",\"click\")");

static ImpactReport sampleReport(int tableCount)
{
    ImpactReport r;
    r.workspace = QStringLiteral("bigfoot");
    r.timezone = QStringLiteral("Asia/Tokyo");
    r.incidentName = QStringLiteral("Composer outage 障害");
    r.status = QStringLiteral("active");
    r.severity = QStringLiteral("critical");
    r.commander = QStringLiteral("aya");
    r.causes = {QStringLiteral("dag:orders_hourly"), QStringLiteral("raw.orders")};
    r.windowStart = *parseTimestamp(std::string_view("2026-11-19T17:00:00Z"));  // 02:00 JST
    r.windowEnd = *parseTimestamp(std::string_view("2026-11-19T20:00:00Z"));
    r.detectedAt = r.windowStart + 12 * 60'000'000LL;
    r.scopedAt = r.detectedAt + 9 * 60'000'000LL;
    r.generatedAt = r.windowEnd;
    for (int i = 0; i < tableCount; ++i) {
        ImpactReport::AffectedTable t;
        t.table = i == 1 ? kEvil : QStringLiteral("bigfoot-prod.mart.table_%1").arg(i);
        t.dataset = QStringLiteral("mart");
        t.kind = QStringLiteral("table");
        t.depth = 1 + i % 4;
        t.path = {QStringLiteral("raw.orders"), QStringLiteral("staging.orders"), t.table};
        t.usageRank = i + 1;
        t.references = 1000 - i;
        t.distinctUsers = 40 - i % 40;
        t.topUsers = {QStringLiteral("-ken@example.com"), QStringLiteral("@mika")};
        t.owningDag = QStringLiteral("orders_hourly");
        t.recoveryStatus = QStringLiteral("todo");
        t.issueUrl = i % 2 ? QStringLiteral("https://github.com/o/r/issues/%1").arg(i) : QString();
        t.priority = 90.5 - i * 0.01;
        r.tables.append(t);
    }
    r.tasks.append({QStringLiteral("rerun:orders_hourly"), QStringLiteral("orders_hourly"),
                    {QStringLiteral("2026-11-19T17:00:00Z"), QStringLiteral("2026-11-19T18:00:00Z")}, {},
                    {QStringLiteral("mart.orders")}, 90, QStringLiteral("ken"), QStringLiteral("done"), 12,
                    QStringLiteral("https://github.com/o/r/issues/12")});
    r.tasks.append({QStringLiteral("rerun:shop_kpi_daily"), QStringLiteral("shop_kpi_daily"),
                    {QStringLiteral("2026-11-18T15:00:00Z")}, {QStringLiteral("rerun:orders_hourly")},
                    {QStringLiteral("report.shop_kpi")}, 40, {}, QStringLiteral("todo"), 0, {}});
    r.people.append({QStringLiteral("+81-90-0000@example.com"), QStringLiteral("person"),
                     {QStringLiteral("mart.orders")}, 33});
    r.timeline.append({r.detectedAt, QStringLiteral("alert"), {}, QStringLiteral("Composer environment unhealthy")});
    r.timeline.append({r.scopedAt, QStringLiteral("note"), QStringLiteral("aya"), QStringLiteral("Line one\nline two | with pipe")});
    return r;
}

class tst_Export : public QObject
{
    Q_OBJECT

private slots:
    void formulaDetection_data();
    void formulaDetection();
    void workbookReadsBackWithOpenpyxl();
    void largeWorkbook();
    void unwritablePathFailsCleanly();
    void cancelLeavesNoFile();
    void csvFilesWithBomAndNeutralizedCells();
    void markdownSummaryEscapes();
    void postmortemHasTheRitualHeadings();

private:
    QJsonObject readBack(const QString &path);
    QTemporaryDir m_dir;
};

void tst_Export::formulaDetection_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("formula");
    QTest::newRow("equals") << kEvil << true;
    QTest::newRow("plus") << QStringLiteral("+1+1") << true;
    QTest::newRow("minus") << QStringLiteral("-2+3") << true;
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << true;
    QTest::newRow("tab") << QStringLiteral("\t=1") << true;
    QTest::newRow("cr") << QStringLiteral("\r=1") << true;
    QTest::newRow("plain") << QStringLiteral("mart.orders") << false;
    QTest::newRow("inner equals") << QStringLiteral("a=b") << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_Export::formulaDetection()
{
    QFETCH(QString, text);
    QFETCH(bool, formula);
    QCOMPARE(ImpactExporter::looksLikeFormula(text), formula);
    QCOMPARE(ImpactExporter::neutralizedForCsv(text).startsWith(QLatin1Char('\'')), formula);
}

QJsonObject tst_Export::readBack(const QString &path)
{
    QProcess reader;
    reader.start(qEnvironmentVariable("PYTHON3", QStringLiteral("/usr/bin/python3")),
                 {qEnvironmentVariable("WARROOM_TEST_SOURCE") + QStringLiteral("/read_workbook.py"), path});
    if (!reader.waitForFinished(60000) || reader.exitCode() != 0) {
        qWarning("openpyxl reader failed: %s", reader.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(reader.readAllStandardOutput()).object();
}

void tst_Export::workbookReadsBackWithOpenpyxl()
{
    const ImpactReport report = sampleReport(3);
    const QString path = m_dir.filePath(QStringLiteral("impact.xlsx"));
    QList<int> progress;
    QString error;
    QVERIFY2(ImpactExporter::writeXlsx(report, path, &error, [&](int p) { progress.append(p); return true; }),
             qPrintable(error));
    QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    QCOMPARE(progress.last(), 100);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));

    const QJsonObject book = readBack(path);
    const QJsonArray sheets = book.value(QStringLiteral("sheets")).toArray();
    QCOMPARE(sheets.size(), 5);
    const QStringList names = ImpactExporter::sheetNames();
    for (int i = 0; i < 5; ++i) {
        const QJsonObject sheet = sheets[i].toObject();
        QCOMPARE(sheet.value(QStringLiteral("name")).toString(), names[i]);
        QStringList headers;
        for (const QJsonValue &h : sheet.value(QStringLiteral("headers")).toArray())
            headers.append(h.toString());
        QCOMPARE(headers, ImpactExporter::headers(i));
        QCOMPARE(sheet.value(QStringLiteral("freeze")).toString(), QStringLiteral("A2"));
        QVERIFY(sheet.value(QStringLiteral("autofilter")).toString().startsWith(QLatin1String("A1:")));
    }
    const QJsonObject tables = sheets[1].toObject();
    QCOMPARE(tables.value(QStringLiteral("rows")).toInt(), 3);
    const QJsonArray rows = tables.value(QStringLiteral("cells")).toArray();
    // The formula-looking table name is a string cell holding the text, not a formula.
    const QJsonObject evil = rows[1].toArray()[0].toObject();
    QCOMPARE(evil.value(QStringLiteral("v")).toString(), kEvil);
    QCOMPARE(evil.value(QStringLiteral("t")).toString(), QStringLiteral("s"));
    // Top users beginning with '-' and '@' are text too.
    QCOMPARE(rows[0].toArray()[8].toObject().value(QStringLiteral("t")).toString(), QStringLiteral("s"));
    // Numbers are numbers.
    QCOMPARE(rows[0].toArray()[6].toObject().value(QStringLiteral("t")).toString(), QStringLiteral("n"));
    QCOMPARE(rows[0].toArray()[6].toObject().value(QStringLiteral("v")).toInt(), 1000);
    // Issue links are real hyperlinks.
    QCOMPARE(rows[1].toArray()[13].toObject().value(QStringLiteral("link")).toString(),
             QStringLiteral("https://github.com/o/r/issues/1"));

    // Dates are real dates, in the workspace's time zone (02:00 in Tokyo).
    const QJsonArray summary = sheets[0].toObject().value(QStringLiteral("cells")).toArray();
    const QJsonObject windowStart = summary[4].toArray()[1].toObject();
    QVERIFY(windowStart.value(QStringLiteral("date")).toBool());
    QCOMPARE(windowStart.value(QStringLiteral("v")).toString(), QStringLiteral("2026-11-20T02:00:00"));
    QCOMPARE(summary[0].toArray()[1].toObject().value(QStringLiteral("v")).toString(), report.incidentName);
    QCOMPARE(summary[13].toArray()[1].toObject().value(QStringLiteral("v")).toString(), QStringLiteral("12 min"));

    const QJsonArray tasks = sheets[2].toObject().value(QStringLiteral("cells")).toArray();
    QCOMPARE(tasks.size(), 2);
    QCOMPARE(tasks[0].toArray()[8].toObject().value(QStringLiteral("link")).toString(),
             QStringLiteral("https://github.com/o/r/issues/12"));
    const QJsonArray people = sheets[3].toObject().value(QStringLiteral("cells")).toArray();
    QCOMPARE(people[0].toArray()[0].toObject().value(QStringLiteral("t")).toString(), QStringLiteral("s"));
    const QJsonArray timeline = sheets[4].toObject().value(QStringLiteral("cells")).toArray();
    QCOMPARE(timeline.size(), 2);
    QVERIFY(timeline[0].toArray()[0].toObject().value(QStringLiteral("date")).toBool());
}

void tst_Export::largeWorkbook()
{
    const ImpactReport report = sampleReport(5000);
    const QString path = m_dir.filePath(QStringLiteral("large.xlsx"));
    QString error;
    QVERIFY2(ImpactExporter::writeXlsx(report, path, &error), qPrintable(error));
    const QJsonObject book = readBack(path);
    QCOMPARE(book.value(QStringLiteral("sheets")).toArray().size(), 5);
    QCOMPARE(book.value(QStringLiteral("sheets")).toArray()[1].toObject().value(QStringLiteral("rows")).toInt(), 5000);
}

void tst_Export::unwritablePathFailsCleanly()
{
    QString error;
    QVERIFY(!ImpactExporter::writeXlsx(sampleReport(2), QStringLiteral("/nonexistent-folder/x.xlsx"), &error));
    QVERIFY2(error.contains(QLatin1String("/nonexistent-folder/x.xlsx")), qPrintable(error));
}

void tst_Export::cancelLeavesNoFile()
{
    const QString path = m_dir.filePath(QStringLiteral("cancelled.xlsx"));
    QString error;
    QVERIFY(!ImpactExporter::writeXlsx(sampleReport(500), path, &error, [](int p) { return p < 30; }));
    QCOMPARE(error, QStringLiteral("export cancelled"));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
}

void tst_Export::csvFilesWithBomAndNeutralizedCells()
{
    QString error;
    const QStringList files = ImpactExporter::writeCsv(sampleReport(3), m_dir.filePath(QStringLiteral("csv")), &error);
    QVERIFY2(files.size() == 5, qPrintable(error));
    QFile tables(files[1]);
    QVERIFY(tables.open(QIODevice::ReadOnly));
    const QByteArray bytes = tables.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(QLatin1String("Table,Dataset,Kind,Depth")));
    // The formula is neutralized with an apostrophe and quoted (it holds commas and quotes).
    QVERIFY2(lines[2].startsWith(QStringLiteral("\"'=HYPERLINK(\"\"https://evil.example/x\"\",\"\"click\"\")\"")), qPrintable(lines[2]));
    QFile timeline(files[4]);
    QVERIFY(timeline.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(timeline.readAll()).contains(QStringLiteral("\"Line one\nline two | with pipe\"")));
}

void tst_Export::markdownSummaryEscapes()
{
    ImpactReport report = sampleReport(20);
    report.tables[0].table = QStringLiteral("ds.a|b_<img src=x>");
    const QString md = ImpactExporter::markdownSummary(report);
    QVERIFY(md.startsWith(QStringLiteral("### Composer outage 障害")));
    QVERIFY(md.contains(QStringLiteral("`dag:orders_hourly`")));
    QVERIFY2(md.contains(QStringLiteral("ds.a\\|b\\_\\<img src=x\\>")), qPrintable(md));
    QVERIFY(!md.contains(QRegularExpression(QStringLiteral(R"((?<!\\)<)")))); // every '<' escaped
    QVERIFY(md.contains(QStringLiteral("and 5 more")));
    QVERIFY(md.contains(QStringLiteral("2026-11-20 02:00 → 2026-11-20 05:00 (Asia/Tokyo)")));
}

void tst_Export::postmortemHasTheRitualHeadings()
{
    const QString pm = ImpactExporter::postmortemDraft(sampleReport(2));
    for (const char *heading : {"## Summary", "## Impact", "## Recovery", "## Timeline", "## What went well",
                                "## What went wrong", "## Action items"})
        QVERIFY2(pm.contains(QLatin1String(heading)), heading);
    QVERIFY(pm.contains(QStringLiteral("- [x] orders\\_hourly")));
    QVERIFY(pm.contains(QStringLiteral("Time to detect: 12 min")));
    QVERIFY(pm.contains(QStringLiteral("Time to scope: 9 min")));
}

QTEST_GUILESS_MAIN(tst_Export)
#include "tst_export.moc"
