#include "app/gui/MainWindow.h"
#include "core/session/WorkspaceSession.h"

#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace warroom;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void welcomeWithoutWorkspace();
    void opensWorkspaceAndShowsProblems();
    void badWorkspaceIsRefusedVisibly();
    void viewNames();

private:
    QTemporaryDir m_home;
};

void tst_MainWindow::initTestCase()
{
    // Settings of a test never leak into the user's (or the next test's).
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("WarRoomTest"));
}

void tst_MainWindow::welcomeWithoutWorkspace()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.session());
    QCOMPARE(window.windowTitle(), QStringLiteral("War Room"));
    // The welcome page offers the demo.
    QPushButton *demo = nullptr;
    for (QPushButton *b : window.findChildren<QPushButton *>()) {
        if (b->text().contains(QLatin1String("Demo")) && b->isVisible())
            demo = b;
    }
    QVERIFY(demo);
}

void tst_MainWindow::opensWorkspaceAndShowsProblems()
{
    QTemporaryDir dir;
    QFile yaml(dir.filePath(QStringLiteral("warroom.yaml")));
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write("name: shop\ncolour: blue\n");
    yaml.close();

    MainWindow window;
    window.setProperty("headless", true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openWorkspace(dir.path()));
    QVERIFY(window.session());
    QCOMPARE(window.session()->config().name, QStringLiteral("shop"));
    QVERIFY(window.windowTitle().startsWith(QLatin1String("shop")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral(".warroom/state.sqlite"))));
    bool problemShown = false;
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
        problemShown |= label->text().contains(QLatin1String("1 problem"));
    QVERIFY(problemShown);
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        QVERIFY2(dock->isVisible() || dock->objectName() == QLatin1String("timelineDock"), qPrintable(dock->objectName()));
}

void tst_MainWindow::badWorkspaceIsRefusedVisibly()
{
    QTemporaryDir dir;
    QFile yaml(dir.filePath(QStringLiteral("warroom.yaml")));
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write("name: [broken\n");
    yaml.close();
    MainWindow window;
    window.setProperty("headless", true);
    QVERIFY(!window.openWorkspace(dir.path()));
    QVERIFY(!window.session());
}

void tst_MainWindow::viewNames()
{
    MainWindow::View view;
    QVERIFY(MainWindow::viewFromName(QStringLiteral("board"), &view));
    QCOMPARE(view, MainWindow::View::Board);
    QVERIFY(!MainWindow::viewFromName(QStringLiteral("nope"), &view));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
