#include "app/gui/MainWindow.h"
#include "widgets/common/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace warroom;

namespace {

// The UI language follows the system unless --lang or WARROOM_LANG says otherwise.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("warroom"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "warroom: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Fusion looks the same everywhere and follows light, dark and high-contrast palettes.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setApplicationName(QStringLiteral("warroom"));
    QApplication::setApplicationDisplayName(QStringLiteral("War Room"));
    QApplication::setOrganizationName(QStringLiteral("WarRoom"));
    QApplication::setApplicationVersion(QStringLiteral(WARROOM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.warroom.WarRoom"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("War Room: scope and recover ETL incidents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("A workspace folder (with a warroom.yaml) to open."), QStringLiteral("[workspace]"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Open the embedded demo workspace."));
    const QCommandLineOption board(QStringLiteral("board"), QStringLiteral("Read-only, large-type recovery board for a big screen."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Render the main window to PNG and exit."), QStringLiteral("png"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("With --screenshot: the view to show (alerts, lineage, ranking, board, timeline)."), QStringLiteral("view"), QStringLiteral("lineage"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("With --screenshot: the window size, WIDTHxHEIGHT."), QStringLiteral("size"), QStringLiteral("1600x1000"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("UI language (en, ja); default: the system's."), QStringLiteral("language"));
    const QCommandLineOption appearance(QStringLiteral("appearance"), QStringLiteral("Colours: system, dark or high-contrast (remembered)."), QStringLiteral("appearance"));
    parser.addOptions({demo, board, screenshot, view, size, lang, appearance});
    parser.process(app);

    installTranslations(app, parser.isSet(lang) ? parser.value(lang) : qEnvironmentVariable("WARROOM_LANG"));

    MainWindow::View shownView = MainWindow::View::Lineage;
    if (!MainWindow::viewFromName(parser.value(view), &shownView))
        return fail(QStringLiteral("unknown view '%1' (alerts, lineage, ranking, board, timeline)").arg(parser.value(view)));

    const bool takingScreenshot = parser.isSet(screenshot);
    if (takingScreenshot) {
        // A screenshot is reproducible: no saved layout, no saved geometry.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QDir::tempPath() + QStringLiteral("/warroom-screenshot-settings"));
        QSettings().clear(); // nothing remembered from an earlier screenshot either
    }

    MainWindow window;
    window.setProperty("headless", takingScreenshot);
    if (parser.isSet(appearance)) {
        Theme::Appearance chosen;
        if (!Theme::appearanceFromName(parser.value(appearance), &chosen))
            return fail(QStringLiteral("unknown appearance '%1' (system, dark, high-contrast)").arg(parser.value(appearance)));
        window.setAppearance(chosen);
    }
    if (parser.isSet(board))
        window.setManagerMode(true);
    bool opened = true;
    const QString lastWorkspace = QSettings().value(QStringLiteral("lastWorkspace")).toString();
    if (parser.isSet(demo))
        opened = window.openDemo();
    else if (!parser.positionalArguments().isEmpty())
        opened = window.openWorkspace(parser.positionalArguments().constFirst());
    else if (parser.isSet(board) && !lastWorkspace.isEmpty())
        opened = window.openWorkspace(lastWorkspace); // the big screen shows the last incident
    if (!opened && takingScreenshot)
        return fail(QStringLiteral("the workspace could not be opened"));

    if (takingScreenshot) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1600, wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 1000);
    }
    window.show();
    window.showView(shownView);

    QElapsedTimer clock;
    int settledPolls = 0;
    if (takingScreenshot) {
        const QString out = parser.value(screenshot);
        // Wait until the background loads and the graph layout are done (settled on three
        // polls 100 ms apart, at most 60 s), at least WARROOM_SCREENSHOT_DELAY_MS; then paint.
        // WARROOM_SCREENSHOT_SETTLE=0 paints after the delay alone (the cold-start benchmark).
        const bool waitToSettle = qEnvironmentVariable("WARROOM_SCREENSHOT_SETTLE") != QLatin1String("0");
        const int minimumMs = qEnvironmentVariableIntValue("WARROOM_SCREENSHOT_DELAY_MS") > 0
                                  ? qEnvironmentVariableIntValue("WARROOM_SCREENSHOT_DELAY_MS") : 300;
        // (locals of main(): they outlive app.exec(), which runs the polls)
        auto *poll = new QTimer(&window);
        clock.start();
        QObject::connect(poll, &QTimer::timeout, &window, [&, out, poll, minimumMs, waitToSettle] {
            settledPolls = !waitToSettle || window.isSettled() ? settledPolls + 1 : 0;
            if (clock.elapsed() < 60000 && (clock.elapsed() < minimumMs || settledPolls < (waitToSettle ? 3 : 1)))
                return;
            poll->stop();
            const bool saved = window.grab().save(out, "PNG");
            if (!saved)
                std::fprintf(stderr, "warroom: cannot write %s\n", qPrintable(out));
            QApplication::exit(saved ? 0 : 1);
        });
        poll->start(waitToSettle ? 100 : 1);
    }
    return app.exec();
}
