// Every saved fuzz input (seed corpus and every crash found so far) runs through its target
// in the ordinary build, so a fixed crash stays fixed.
#include "tests/fuzz/FuzzTarget.h"

#include <QDirIterator>
#include <QtTest>

class tst_FuzzCorpus : public QObject
{
    Q_OBJECT

private slots:
    void replay_data();
    void replay();
};

void tst_FuzzCorpus::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    const QString root = qEnvironmentVariable("WARROOM_TEST_SOURCE");
    int rows = 0;
    for (const char *kind : {"corpus", "regressions"}) {
        QDirIterator it(root + QLatin1Char('/') + QLatin1String(kind), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString target = QFileInfo(file).dir().dirName();
            QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3").arg(QLatin1String(kind), target, QFileInfo(file).fileName())))
                << target << file;
            ++rows;
        }
    }
    QVERIFY2(rows > 0, "no fuzz corpus found");
}

void tst_FuzzCorpus::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    const auto &targets = warroom::fuzz::registry();
    const auto it = targets.find(target.toStdString());
    QVERIFY2(it != targets.end(), qPrintable(QStringLiteral("no fuzz target named %1").arg(target)));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QCOMPARE(it->second(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())), 0);
}

QTEST_GUILESS_MAIN(tst_FuzzCorpus)
#include "tst_fuzzcorpus.moc"
