// The Japanese UI, for real: the translation embedded in the GUI library is loaded as the app
// loads it, and the main window (on the demo workspace) and the dialogs are laid out in
// Japanese. Every visible button and label must show its whole text: a button narrower than
// its size hint elides, a word-wrapped label shorter than its heightForWidth() is cut off.
// With WARROOM_SCREENSHOT_DIR set, each checked window is also saved there as a PNG to look at.

#include "app/gui/MainWindow.h"
#include "core/incident/IncidentController.h"
#include "core/session/WorkspaceSession.h"
#include "core/store/IncidentStore.h"
#include "widgets/alerts/AcknowledgeDialog.h"
#include "widgets/incident/IncidentDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace warroom;

namespace {

// Names and sizes of the visible buttons and labels of `top` that cannot show their text.
QStringList clippedTexts(QWidget *top)
{
    QStringList clipped;
    const QList<QWidget *> children = top->findChildren<QWidget *>();
    for (QWidget *w : children) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        QString text;
        bool fits = true;
        if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            text = button->text();
            fits = text.isEmpty() || w->width() >= button->sizeHint().width();
        } else if (auto *label = qobject_cast<QLabel *>(w)) {
            text = label->text();
            if (text.isEmpty())
                continue;
            if (label->wordWrap())
                fits = label->height() >= label->heightForWidth(label->width());
            else
                fits = w->width() >= label->sizeHint().width()
                       || label->textInteractionFlags() != Qt::NoTextInteraction
                       || w->objectName().endsWith(QLatin1String("elided"));
        } else {
            continue;
        }
        if (!fits)
            clipped << QStringLiteral("%1 \"%2\" (%3x%4, wants %5x%6)")
                           .arg(QString::fromLatin1(w->metaObject()->className()), text)
                           .arg(w->width())
                           .arg(w->height())
                           .arg(w->sizeHint().width())
                           .arg(w->heightForWidth(w->width()) > 0 ? w->heightForWidth(w->width())
                                                                  : w->sizeHint().height());
    }
    return clipped;
}

void saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("WARROOM_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class tst_I18nGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void translationIsEmbedded();
    void dialogsShowWholeTexts_data();
    void dialogsShowWholeTexts();
    void welcomePageShowsWholeTexts();
    void mainWindowShowsWholeTexts_data();
    void mainWindowShowsWholeTexts();

private:
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    QTemporaryDir m_dir;
};

void tst_I18nGui::initTestCase()
{
    // Settings and the demo's cache stay inside the test.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("WarRoomTest"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    // As app/gui/main.cpp does for --lang ja.
    const QLocale japanese(QLocale::Japanese, QLocale::Japan);
    QLocale::setDefault(japanese);
    QVERIFY2(m_translator.load(japanese, QStringLiteral("warroom"), QStringLiteral("_"),
                               QStringLiteral(":/i18n")),
             "warroom_ja.qm is not embedded under :/i18n");
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    // Qt's own strings (Cancel, Yes/No); optional, as in main.cpp.
    if (m_qtTranslator.load(japanese, QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);
}

void tst_I18nGui::translationIsEmbedded()
{
    // Messages of every layer come out translated (and differ from the English source).
    const std::pair<const char *, const char *> samples[] = {
        {"warroom::MainWindow", "&File"},
        {"warroom::AlertFeedView", "Alerts"},
        {"warroom::recovery::BoardTask", "To do"},
        {"warroom::widgets::RankingView", "Time window"},
    };
    for (const auto &[context, source] : samples) {
        const QString text = QCoreApplication::translate(context, source);
        QVERIFY2(!text.isEmpty() && text != QLatin1String(source), source);
    }
    // Plurals: Japanese has a single form that keeps the number.
    const QString plural
        = QCoreApplication::translate("warroom::AlertFeedView", "%n alert(s) in this group",
                                      nullptr, 3);
    QVERIFY2(plural.contains(QLatin1Char('3')) && !plural.contains(QLatin1String("(s)")),
             qPrintable(plural));
}

void tst_I18nGui::dialogsShowWholeTexts_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::newRow("acknowledge") << QStringLiteral("acknowledge");
    QTest::newRow("start incident") << QStringLiteral("start-incident");
    QTest::newRow("edit incident") << QStringLiteral("edit-incident");
}

void tst_I18nGui::dialogsShowWholeTexts()
{
    QFETCH(QString, dialog);
    QString error;
    const std::unique_ptr<IncidentStore> store
        = IncidentStore::open(m_dir.filePath(dialog + QStringLiteral(".sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    IncidentController controller(store.get());
    controller.setActor(QStringLiteral("alice"));
    if (dialog == QLatin1String("edit-incident"))
        QVERIFY(controller.startIncident(QStringLiteral("Composer outage"), Severity::Critical, 0,
                                         {QStringLiteral("dag:core_raw_load_hourly")}));

    std::unique_ptr<QDialog> window;
    if (dialog == QLatin1String("acknowledge"))
        window = std::make_unique<AcknowledgeDialog>(3, QStringLiteral("alice"));
    else
        window = std::make_unique<IncidentDialog>(&controller);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    saveScreenshot(window.get(), QStringLiteral("ja-dialog-") + dialog);
    const QStringList clipped = clippedTexts(window.get());
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
}

void tst_I18nGui::welcomePageShowsWholeTexts()
{
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::processEvents();
    saveScreenshot(&window, QStringLiteral("ja-window-welcome"));
    const QStringList clipped = clippedTexts(&window);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
}

void tst_I18nGui::mainWindowShowsWholeTexts_data()
{
    QTest::addColumn<int>("view");
    QTest::newRow("alerts") << int(MainWindow::View::Alerts);
    QTest::newRow("lineage") << int(MainWindow::View::Lineage);
    QTest::newRow("ranking") << int(MainWindow::View::Ranking);
    QTest::newRow("board") << int(MainWindow::View::Board);
    QTest::newRow("timeline") << int(MainWindow::View::Timeline);
}

void tst_I18nGui::mainWindowShowsWholeTexts()
{
    QFETCH(int, view);
    MainWindow window;
    window.setProperty("headless", true);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDemo());
    QVERIFY(window.session());
    // Everything the demo fills by itself: lineage, usage ranking, the recovery board.
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->lineage() != nullptr, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->store()->tasks().isEmpty(), 60000);
    window.showView(MainWindow::View(view));
    // The menus are Japanese too (a sample of the wiring, not only of the .qm).
    QVERIFY(!window.menuBar()->actions().isEmpty());
    QVERIFY2(window.menuBar()->actions().constFirst()->text().contains(QLatin1String("(&F)")),
             qPrintable(window.menuBar()->actions().constFirst()->text()));
    QApplication::processEvents(); // pending layout requests
    saveScreenshot(&window, QStringLiteral("ja-window-") + QString::fromLatin1(QTest::currentDataTag()));
    const QStringList clipped = clippedTexts(&window);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
}

QTEST_MAIN(tst_I18nGui)
#include "tst_i18ngui.moc"
