#include "app/cli/CliCommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <QCommandLineParser>

#include <algorithm>
#include <cstdio>

namespace warroom::cli {

static std::vector<CliCommand> &registry()
{
    static std::vector<CliCommand> commands;
    return commands;
}

void CliRegistry::add(CliCommand command)
{
    registry().push_back(std::move(command));
}

const std::vector<CliCommand> &CliRegistry::commands()
{
    return registry();
}

void printJson(const nlohmann::ordered_json &document)
{
    const std::string text = document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stdout);
    std::fflush(stdout);
}

int fail(const char *command, const QString &message, int code)
{
    const QByteArray line = QStringLiteral("warroom-cli %1: %2\n")
                                .arg(QString::fromLatin1(command), message)
                                .toUtf8();
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    return code;
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, const char *command,
                    int &exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        exitCode = fail(command, parser.errorText(), ExitUsage);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printText(parser.helpText());
        exitCode = ExitOk;
        return false;
    }
    return true;
}

static void printUsage(FILE *out)
{
    QString text = QStringLiteral(
        "Usage: warroom-cli <command> [options]\n\n"
        "War Room, headless: the same core as the GUI, JSON on stdout.\n\nCommands:\n");
    std::vector<CliCommand> commands = CliRegistry::commands();
    std::sort(commands.begin(), commands.end(),
              [](const CliCommand &a, const CliCommand &b) { return qstrcmp(a.name, b.name) < 0; });
    for (const CliCommand &command : commands)
        text += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(command.name), -10).arg(QString::fromLatin1(command.summary));
    text += QStringLiteral("\nRun 'warroom-cli <command> --help' for a command's options.\n");
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), out);
}

} // namespace warroom::cli

int main(int argc, char *argv[])
{
    using namespace warroom::cli;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("warroom"));
    QCoreApplication::setOrganizationName(QStringLiteral("WarRoom"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARROOM_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help")
        || arguments.at(1) == QLatin1String("-h") || arguments.at(1) == QLatin1String("help")) {
        printUsage(arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? ExitUsage : ExitOk;
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        printText(QStringLiteral("warroom-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    const QString name = arguments.at(1);
    for (const CliCommand &command : CliRegistry::commands()) {
        if (name == QLatin1String(command.name)) {
            arguments.removeAt(1);
            arguments[0] = QStringLiteral("warroom-cli ") + name;
            try {
                return command.run(arguments);
            } catch (const std::exception &e) {
                return fail(command.name, QStringLiteral("internal error: %1").arg(QString::fromUtf8(e.what())));
            }
        }
    }
    fail("", QStringLiteral("unknown command '%1' (see 'warroom-cli --help')").arg(name), ExitUsage);
    return ExitUsage;
}
