#pragma once

#include <QStringList>

class QCommandLineParser;

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <vector>

namespace warroom::cli {

// Exit codes shared by every subcommand.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// A subcommand of warroom-cli. `run` receives the arguments after the subcommand name
// (arguments[0] is "warroom-cli <name>", as QCommandLineParser expects) and returns an ExitCode.
struct CliCommand
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &arguments)> run;
};

// Each *Command.cpp registers its commands from a static CliRegistration; the files are
// compiled straight into the executable, so the registrations are never dropped.
class CliRegistry
{
public:
    static void add(CliCommand command);
    static const std::vector<CliCommand> &commands();
};

struct CliRegistration
{
    explicit CliRegistration(CliCommand command) { CliRegistry::add(std::move(command)); }
};

// Prints a JSON document on stdout (UTF-8, pretty-printed with two spaces, trailing newline).
void printJson(const nlohmann::ordered_json &document);
// Prints text on stdout as UTF-8.
void printText(const QString &text);
// One clear line on stderr, "warroom-cli <command>: message", and returns `code`.
int fail(const char *command, const QString &message, int code = ExitFailure);

// Parses `arguments` with `parser` (which gets --help added). Returns true when the command
// should go on; otherwise `exitCode` is set: ExitOk after printing --help, ExitUsage after
// one line naming the bad option.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, const char *command,
                    int &exitCode);

} // namespace warroom::cli
