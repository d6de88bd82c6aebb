#include "core/sql/SqlExtractor.h"
#include "core/sql/SqlTemplate.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace warroom::sql;

namespace {

struct Case
{
    QString file;
    int line = 0;
    QString name;
    Dialect dialect = Dialect::BigQuery;
    QStringList sources;
    QStringList targets;
    bool errors = false;
    QByteArray sql;
};

QStringList splitNames(const QByteArray &value)
{
    QStringList names;
    for (const QByteArray &part : value.split(',')) {
        const QByteArray name = part.trimmed();
        if (!name.isEmpty())
            names << QString::fromUtf8(name);
    }
    names.sort();
    return names;
}

// Case files: "-- case: NAME", then header lines "-- dialect|sources|targets|errors: ...",
// then the SQL up to the next "-- case:" line.
QList<Case> loadCases()
{
    QList<Case> cases;
    const QDir dir(QString::fromLocal8Bit(qgetenv("WARROOM_TEST_DATA")) + QStringLiteral("/cases"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot open %s", qPrintable(file.fileName()));
        const QList<QByteArray> lines = file.readAll().split('\n');
        Case current;
        bool inCase = false;
        bool inHeader = false;
        for (int i = 0; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            if (line.startsWith("-- case:")) {
                if (inCase)
                    cases << current;
                current = Case{};
                current.file = fileName;
                current.line = i + 1;
                current.name = QString::fromUtf8(line.mid(8).trimmed());
                inCase = inHeader = true;
                continue;
            }
            if (inCase && inHeader) {
                static const char *const keys[] = {"dialect", "sources", "targets", "errors"};
                bool header = false;
                for (const char *key : keys) {
                    const QByteArray prefix = QByteArray("-- ") + key + ':';
                    if (!line.startsWith(prefix))
                        continue;
                    const QByteArray value = line.mid(prefix.size()).trimmed();
                    if (qstrcmp(key, "dialect") == 0) {
                        if (!parseDialect(value.toStdString(), &current.dialect))
                            qFatal("%s:%d: bad dialect", qPrintable(fileName), i + 1);
                    } else if (qstrcmp(key, "sources") == 0) {
                        current.sources = splitNames(value);
                    } else if (qstrcmp(key, "targets") == 0) {
                        current.targets = splitNames(value);
                    } else {
                        current.errors = value == "yes";
                    }
                    header = true;
                }
                if (header)
                    continue;
                inHeader = false;
            }
            if (inCase)
                current.sql += line + '\n';
        }
        if (inCase)
            cases << current;
    }
    return cases;
}

QStringList names(const std::vector<TableReference> &refs)
{
    QStringList list;
    for (const TableReference &r : refs)
        list << QString::fromStdString(r.name);
    return list;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QString cliPath()
{
    return QString::fromLocal8Bit(qgetenv("WARROOM_BIN_DIR")) + QStringLiteral("/warroom-cli");
}

} // namespace

Q_DECLARE_METATYPE(Dialect)

class tst_Sql : public QObject
{
    Q_OBJECT

private slots:
    void corpus_data();
    void corpus();
    void corpusIsLarge();
    void firstOccurrenceOrder();
    void locations();
    void errorLocations_data();
    void errorLocations();
    void dialectNames();
    void fuzzRandomBytes();
    void fuzzMutatedCorpus();
    void deepNestingAndLongInput();
    void renderTemplate_data();
    void renderTemplate();
    void everyOccurrenceKeepsItsLine_data();
    void everyOccurrenceKeepsItsLine();
    void cliJson();
    void cliStdinAndParams();
    void cliErrors();
};

void tst_Sql::corpus_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<bool>("errors");
    for (const Case &c : loadCases()) {
        const QByteArray tag = QStringLiteral("%1:%2 %3").arg(c.file).arg(c.line).arg(c.name).toUtf8();
        QTest::newRow(tag.constData()) << int(c.dialect) << c.sql << c.sources << c.targets
                                       << c.errors;
    }
}

void tst_Sql::corpus()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, sql);
    QFETCH(QStringList, sources);
    QFETCH(QStringList, targets);
    QFETCH(bool, errors);
    ExtractOptions options;
    options.dialect = Dialect(dialect);
    const ExtractResult result = extractTables(std::string_view(sql.constData(), sql.size()), options);
    QString errorText;
    for (const SqlError &e : result.errors)
        errorText += QStringLiteral(" %1:%2 %3").arg(e.line).arg(e.column).arg(QString::fromStdString(e.message));
    QCOMPARE(sorted(names(result.sources)), sources);
    QCOMPARE(sorted(names(result.targets)), targets);
    if (errors != !result.ok())
        QFAIL(qPrintable(QStringLiteral("errors expected: %1, got:%2").arg(errors).arg(errorText)));
    for (const SqlError &e : result.errors) {
        QVERIFY(e.line >= 1);
        QVERIFY(e.column >= 1);
        QVERIFY(!e.message.empty());
    }
    for (const TableReference &r : result.sources)
        QVERIFY2(r.line >= 1 && r.column >= 1, r.name.c_str());
}

void tst_Sql::corpusIsLarge()
{
    QVERIFY2(loadCases().size() >= 300, "the data-driven corpus should stay large");
}

void tst_Sql::firstOccurrenceOrder()
{
    const ExtractResult r = extractTables(
        "INSERT INTO ds.z SELECT * FROM ds.c JOIN ds.a ON TRUE;\n"
        "INSERT INTO ds.y SELECT * FROM ds.b, ds.c, ds.a;\n"
        "MERGE ds.z USING ds.d ON FALSE WHEN MATCHED THEN DELETE;");
    QCOMPARE(names(r.sources), (QStringList{"ds.c", "ds.a", "ds.b", "ds.d"}));
    QCOMPARE(names(r.targets), (QStringList{"ds.z", "ds.y"}));
}

void tst_Sql::locations()
{
    const char *sql = "-- header\n"
                      "SELECT *\n"
                      "FROM `p-1.ds.t` AS t\n"
                      "  JOIN ds.u ON TRUE, /* é */ ds.v\n"
                      "WHERE x IN (SELECT y FROM ds.t);\n"
                      "INSERT INTO\n"
                      "    ds.out SELECT 1";
    const ExtractResult r = extractTables(sql);
    QVERIFY(r.ok());
    QCOMPARE(r.sources.size(), size_t(4));
    QCOMPARE(r.sources[0].name, std::string("p-1.ds.t"));
    QCOMPARE(r.sources[0].line, 3);
    QCOMPARE(r.sources[0].column, 6);
    QCOMPARE(r.sources[1].name, std::string("ds.u"));
    QCOMPARE(r.sources[1].line, 4);
    QCOMPARE(r.sources[1].column, 8);
    QCOMPARE(r.sources[2].name, std::string("ds.v"));
    QCOMPARE(r.sources[2].line, 4);
    QCOMPARE(r.sources[2].column, 30); // columns count characters, not UTF-8 bytes
    QCOMPARE(r.targets.size(), size_t(1));
    QCOMPARE(r.targets[0].line, 7);
    QCOMPARE(r.targets[0].column, 5);
}

void tst_Sql::everyOccurrenceKeepsItsLine_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("target");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("read twice")
        << QStringLiteral("SELECT *\nFROM ds.t\nUNION ALL\nSELECT * FROM ds.t") << QStringLiteral("ds.t") << false
        << QList<int>{2, 4};
    QTest::newRow("twice on one line, spellings differ")
        << QStringLiteral("SELECT * FROM ds.t JOIN `ds.t` AS x ON TRUE") << QStringLiteral("ds.t") << false
        << QList<int>{1};
    QTest::newRow("CTE name is not the table")
        << QStringLiteral("WITH t AS (SELECT * FROM ds.t)\nSELECT * FROM t\nJOIN ds.t USING (id)")
        << QStringLiteral("ds.t") << false << QList<int>{1, 3};
    QTest::newRow("written by DELETE and INSERT")
        << QStringLiteral("DELETE FROM ds.out WHERE TRUE;\n\nINSERT INTO ds.out SELECT * FROM ds.src")
        << QStringLiteral("ds.out") << true << QList<int>{1, 3};
    QTest::newRow("read in a script, once per statement")
        << QStringLiteral("DECLARE n INT64 DEFAULT (SELECT COUNT(*) FROM ds.a);\nIF n > 0 THEN\n"
                          "  INSERT INTO ds.b SELECT * FROM ds.a;\nEND IF;\nASSERT (SELECT COUNT(*) FROM ds.a) > 0;")
        << QStringLiteral("ds.a") << false << QList<int>{1, 3, 5};
    // More than 32 distinct tables: repeated ones are found by name past the small list.
    QString many = QStringLiteral("SELECT 1");
    for (int i = 0; i < 40; ++i)
        many += QStringLiteral("\nUNION ALL SELECT 1 FROM ds.t%1").arg(i);
    many += QStringLiteral("\nUNION ALL SELECT 1 FROM ds.t35");
    QTest::newRow("many tables") << many << QStringLiteral("ds.t35") << false << QList<int>{37, 42};
}

void tst_Sql::everyOccurrenceKeepsItsLine()
{
    QFETCH(QString, sql);
    QFETCH(QString, table);
    QFETCH(bool, target);
    QFETCH(QList<int>, lines);
    const ExtractResult r = extractTables(sql.toStdString());
    QVERIFY(r.ok());
    const std::vector<TableReference> &refs = target ? r.targets : r.sources;
    const auto it = std::find_if(refs.begin(), refs.end(),
                                 [&](const TableReference &t) { return t.name == table.toStdString(); });
    QVERIFY2(it != refs.end(), qPrintable(table));
    QCOMPARE(QList<int>(it->lines.begin(), it->lines.end()), lines);
    QCOMPARE(it->line, lines.first());
}

void tst_Sql::errorLocations_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("string") << QByteArray("SELECT 1;\nSELECT 'abc\nFROM t") << 2 << 8 << "string";
    QTest::newRow("comment") << QByteArray("SELECT 1\n  /* open\n") << 2 << 3 << "comment";
    QTest::newRow("triple") << QByteArray("SELECT '''x\n\n") << 1 << 8 << "string";
    QTest::newRow("backtick") << QByteArray("SELECT * FROM\n`p.d") << 2 << 1 << "identifier";
    QTest::newRow("close paren") << QByteArray("SELECT (1))") << 1 << 11 << "')'";
    QTest::newRow("open paren") << QByteArray("SELECT\n  (1 + (2)") << 2 << 3 << "'('";
    QTest::newRow("open paren at ;") << QByteArray("SELECT ((1);\nSELECT 2") << 1 << 8 << "'('";
    QTest::newRow("binary") << QByteArray("SELECT\n  \x01\x02", 11) << 2 << 3 << "binary";
    QTest::newRow("utf8 column") << QByteArray("SELECT 'é', 'x") << 1 << 13 << "string";
}

void tst_Sql::errorLocations()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const ExtractResult r = extractTables(std::string_view(sql.constData(), sql.size()));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.front().line, line);
    QCOMPARE(r.errors.front().column, column);
    QVERIFY2(QString::fromStdString(r.errors.front().message).contains(messagePart),
             r.errors.front().message.c_str());
}

void tst_Sql::dialectNames()
{
    Dialect d = Dialect::Ansi;
    QVERIFY(parseDialect("BigQuery", &d));
    QCOMPARE(d, Dialect::BigQuery);
    QVERIFY(parseDialect("ansi", &d));
    QCOMPARE(d, Dialect::Ansi);
    QVERIFY(parseDialect("hive", &d));
    QCOMPARE(d, Dialect::Ansi);
    QVERIFY(!parseDialect("cobol", &d));
}

void tst_Sql::fuzzRandomBytes()
{
    QRandomGenerator rng(20261125);
    static const char alphabet[] = "SELECT FROM JOIN WITH AS ( ) , . ; ' \" ` [ ] { } # - / * \n\t"
                                   "abcxyz019_@?:$";
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < 3000; ++round) {
        std::string input;
        const int length = int(rng.bounded(400));
        for (int i = 0; i < length; ++i) {
            if (round % 2)
                input.push_back(char(rng.bounded(256)));
            else
                input.push_back(alphabet[rng.bounded(int(sizeof(alphabet) - 1))]);
        }
        for (Dialect dialect : {Dialect::BigQuery, Dialect::Ansi}) {
            ExtractOptions options;
            options.dialect = dialect;
            const ExtractResult r = extractTables(input, options);
            QVERIFY(r.errors.size() <= 64);
            for (const SqlError &e : r.errors)
                QVERIFY(e.line >= 1 && e.column >= 1);
        }
    }
    QVERIFY2(timer.elapsed() < 60000, "fuzzing must not hang");
}

void tst_Sql::fuzzMutatedCorpus()
{
    QRandomGenerator rng(42);
    const QList<Case> cases = loadCases();
    static const char pieces[][8] = {"(", ")", "'", "\"", "`", "/*", "--", "[", "]", ";", "{{",
                                     "\"\"\"", "WITH", "FROM", ","};
    for (const Case &c : cases) {
        for (int k = 0; k < 8; ++k) {
            std::string sql = c.sql.toStdString();
            if (sql.empty())
                continue;
            const size_t at = rng.bounded(quint32(sql.size()));
            if (k % 2)
                sql.resize(at); // truncated file
            else
                sql.insert(at, pieces[rng.bounded(int(sizeof(pieces) / sizeof(pieces[0])))]);
            ExtractOptions options;
            options.dialect = c.dialect;
            const ExtractResult r = extractTables(sql, options);
            for (const TableReference &t : r.sources)
                QVERIFY(!t.name.empty());
        }
    }
}

void tst_Sql::deepNestingAndLongInput()
{
    std::string deep(200000, '(');
    deep += "SELECT * FROM ds.t";
    ExtractResult r = extractTables(deep);
    QVERIFY(!r.ok());
    QCOMPARE(names(r.sources), QStringList{"ds.t"});

    std::string closers(200000, ')');
    r = extractTables(closers);
    QVERIFY(!r.ok());
    QVERIFY(r.errors.size() <= 64);

    std::string many;
    for (int i = 0; i < 20000; ++i)
        many += "INSERT INTO ds.out_" + std::to_string(i % 50) + " SELECT * FROM ds.in_"
                + std::to_string(i % 70) + " JOIN UNNEST(arr) a ON TRUE;\n";
    r = extractTables(many);
    QVERIFY(r.ok());
    QCOMPARE(r.sources.size(), size_t(70));
    QCOMPARE(r.targets.size(), size_t(50));
    QCOMPARE(r.sources.back().line, 70);
}

void tst_Sql::renderTemplate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("unresolved");
    QTest::newRow("params dot") << "SELECT * FROM {{ params.project }}.ds.t"
                                << "SELECT * FROM p1.ds.t" << QStringList();
    QTest::newRow("bare") << "FROM {{project}}.ds.t_{{ suffix }}" << "FROM p1.ds.t_2024"
                          << QStringList();
    QTest::newRow("subscript") << "FROM {{params['project']}}.x, {{ params[\"suffix\"] }}"
                               << "FROM p1.x, 2024" << QStringList();
    QTest::newRow("full key wins") << "{{ params.dataset }}" << "ds_full" << QStringList();
    QTest::newRow("unresolved") << "FROM {{ params.missing }}.t WHERE d = '{{ ds }}'"
                                << "FROM {{ params.missing }}.t WHERE d = '{{ ds }}'"
                                << QStringList{"params.missing", "ds"};
    QTest::newRow("filters untouched") << "{{ x | upper }}" << "{{ x | upper }}"
                                       << QStringList{"{{ x | upper }}"};
    QTest::newRow("unterminated") << "FROM {{ params.project" << "FROM {{ params.project"
                                  << QStringList();
    QTest::newRow("jinja blocks kept") << "{% if x %}a{% endif %}" << "{% if x %}a{% endif %}"
                                       << QStringList();
    QTest::newRow("repeated unresolved listed once") << "{{a}}{{a}}" << "{{a}}{{a}}"
                                                     << QStringList{"a"};
}

void tst_Sql::renderTemplate()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QStringList, unresolved);
    const std::unordered_map<std::string, std::string> values{
        {"project", "p1"}, {"suffix", "2024"}, {"dataset", "ds_short"}, {"params.dataset", "ds_full"}};
    std::vector<std::string> missing;
    const std::string out = warroom::sql::renderTemplate(text.toStdString(), values, &missing);
    QCOMPARE(QString::fromStdString(out), expected);
    QStringList missingList;
    for (const std::string &m : missing)
        missingList << QString::fromStdString(m);
    QCOMPARE(missingList, unresolved);
}

void tst_Sql::cliJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("q.sql"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("WITH c AS (SELECT * FROM `p-1.raw.events_*`)\n"
               "INSERT INTO mart.daily SELECT * FROM c JOIN [legacy] ON TRUE;\n");
    file.close();

    QProcess cli;
    cli.start(cliPath(), {"lineage", "--sql-file", path, "--format", "json"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject doc = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(doc.value("sources").toArray(), (QJsonArray{"p-1.raw.events_*", "legacy"}));
    QCOMPARE(doc.value("targets").toArray(), QJsonArray{"mart.daily"});
    const QJsonArray refs = doc.value("references").toArray();
    QCOMPARE(refs.size(), 3);
    QCOMPARE(refs.at(0).toObject().value("line").toInt(), 1);
    QCOMPARE(refs.at(0).toObject().value("column").toInt(), 26);
    QCOMPARE(refs.at(0).toObject().value("kind").toString(), QStringLiteral("source"));
    QCOMPARE(refs.at(2).toObject().value("name").toString(), QStringLiteral("mart.daily"));
    QCOMPARE(refs.at(2).toObject().value("kind").toString(), QStringLiteral("target"));
    QCOMPARE(refs.at(2).toObject().value("line").toInt(), 2);

    // ANSI: brackets are identifiers, not legacy table references.
    cli.start(cliPath(), {"lineage", "--sql-file", path, "--dialect", "ansi", "--format", "json"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject ansi = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(ansi.value("sources").toArray(), (QJsonArray{"p-1.raw.events_*", "legacy"}));
}

void tst_Sql::cliStdinAndParams()
{
    QProcess cli;
    cli.start(cliPath(), {"lineage", "--sql-file", "-", "--param", "project=prod-1",
                          "--param", "params.ds=mart", "--format", "json"});
    QVERIFY(cli.waitForStarted(30000));
    cli.write("SELECT * FROM `{{ params.project }}.{{ params.ds }}.t` JOIN {{ other }}.x ON TRUE");
    cli.closeWriteChannel();
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject doc = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(doc.value("sources").toArray(), (QJsonArray{"prod-1.mart.t", "{{ other }}.x"}));
    QCOMPARE(doc.value("targets").toArray(), QJsonArray());
    QCOMPARE(doc.value("unresolved_parameters").toArray(), QJsonArray{"other"});
}

void tst_Sql::cliErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.sql"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("SELECT * FROM ds.t\nWHERE a = 'unterminated\n");
    file.close();

    QProcess cli;
    cli.start(cliPath(), {"lineage", "--sql-file", path, "--format", "json"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(path + QStringLiteral(":2:11: error: unterminated string")), qPrintable(err));
    const QJsonObject doc = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(doc.value("sources").toArray(), QJsonArray{"ds.t"});
    QCOMPARE(doc.value("errors").toArray().size(), 1);

    cli.start(cliPath(), {"lineage", "--sql-file", dir.filePath("missing.sql"), "--format", "json"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY(cli.readAllStandardOutput().isEmpty());
    QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains("missing.sql"));

    cli.start(cliPath(), {"lineage", "--sql-file", path, "--dialect", "cobol"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 2);

    cli.start(cliPath(), {"lineage"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 2);

    cli.start(cliPath(), {"lineage", "--help"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(cli.readAllStandardOutput().contains("FILE:LINE:COL"));
}

QTEST_GUILESS_MAIN(tst_Sql)
#include "tst_sql.moc"
