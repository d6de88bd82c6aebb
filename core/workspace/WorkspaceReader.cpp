#include "core/workspace/Workspace.h"

#include "core/common/Timestamps.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <set>

namespace warroom {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::WorkspaceReader)
};

constexpr qint64 kMaxConfigBytes = 4 * 1024 * 1024;

// Reads one warroom.yaml node by node, so every problem names the key and its line.
class Reader
{
public:
    Reader(QString file, QString rootDir, Diagnostics *diagnostics)
        : m_file(std::move(file))
        , m_root(std::move(rootDir))
        , m_diagnostics(diagnostics)
    {}

    void error(const YAML::Node &node, const QString &message)
    {
        add(Diagnostic::Severity::Error, node, message);
    }
    void warning(const YAML::Node &node, const QString &message)
    {
        add(Diagnostic::Severity::Warning, node, message);
    }

    bool isMap(const YAML::Node &node, const QString &key)
    {
        if (node.IsMap())
            return true;
        error(node, Tr::tr("'%1' must be a mapping of keys").arg(key));
        return false;
    }

    // Visits the keys of `map`, warning about the ones not in `known`.
    void forEachKey(const YAML::Node &map, const QString &prefix, const std::set<std::string> &known,
                    const std::function<void(const std::string &, const YAML::Node &)> &visit)
    {
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string key = it->first.Scalar();
            const QString full = prefix.isEmpty() ? QString::fromStdString(key)
                                                  : prefix + QLatin1Char('.') + QString::fromStdString(key);
            if (!known.count(key)) {
                const QString lower = QString::fromStdString(key).toLower();
                if (lower.contains(QLatin1String("token")) || lower.contains(QLatin1String("password"))
                    || lower.contains(QLatin1String("secret"))) {
                    error(it->first, Tr::tr("'%1': secrets never go in warroom.yaml; use the system "
                                            "keychain or the WARROOM_* environment variables")
                                         .arg(full));
                } else {
                    warning(it->first, Tr::tr("unknown key '%1' (ignored)").arg(full));
                }
                continue;
            }
            visit(key, it->second);
        }
    }

    QString string(const YAML::Node &node, const QString &key)
    {
        if (node.IsNull())
            return {};
        if (!node.IsScalar()) {
            error(node, Tr::tr("'%1' must be a single value").arg(key));
            return {};
        }
        return QString::fromStdString(node.Scalar()).trimmed();
    }

    QStringList strings(const YAML::Node &node, const QString &key)
    {
        QStringList result;
        if (node.IsNull())
            return result;
        if (node.IsScalar()) {
            result.append(QString::fromStdString(node.Scalar()).trimmed());
            return result;
        }
        if (!node.IsSequence()) {
            error(node, Tr::tr("'%1' must be a value or a list of values").arg(key));
            return result;
        }
        for (const YAML::Node &item : node) {
            if (!item.IsScalar()) {
                error(item, Tr::tr("'%1' items must be single values").arg(key));
                continue;
            }
            result.append(QString::fromStdString(item.Scalar()).trimmed());
        }
        return result;
    }

    std::optional<double> number(const YAML::Node &node, const QString &key, double min, double max)
    {
        const QString text = string(node, key);
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || value < min || value > max) {
            error(node, Tr::tr("'%1' must be a number from %2 to %3, not '%4'")
                            .arg(key).arg(min).arg(max).arg(text));
            return std::nullopt;
        }
        return value;
    }

    // Resolves a workspace-relative path; a path that does not exist is an error for its key.
    QString path(const YAML::Node &node, const QString &key, bool mustExist = true)
    {
        const QString relative = string(node, key);
        if (relative.isEmpty())
            return {};
        return resolve(node, key, relative, mustExist);
    }

    // A value or a list; each missing item is reported at its own line.
    QStringList paths(const YAML::Node &node, const QString &key)
    {
        if (!node.IsSequence())
            return strings(node, key).isEmpty() ? QStringList() : QStringList{path(node, key)};
        QStringList result;
        for (const YAML::Node &item : node) {
            if (!item.IsScalar()) {
                error(item, Tr::tr("'%1' items must be single values").arg(key));
                continue;
            }
            const QString resolved = path(item, key);
            if (!resolved.isEmpty())
                result.append(resolved);
        }
        return result;
    }

private:
    QString resolve(const YAML::Node &node, const QString &key, const QString &relative, bool mustExist)
    {
        const QString absolute = QDir::cleanPath(QDir(m_root).absoluteFilePath(relative));
        if (mustExist && !QFileInfo::exists(absolute)) {
            error(node, Tr::tr("'%1': %2 does not exist (paths are relative to %3)")
                            .arg(key, relative, QDir::toNativeSeparators(m_root)));
            return {};
        }
        return absolute;
    }

    void add(Diagnostic::Severity severity, const YAML::Node &node, const QString &message)
    {
        if (!m_diagnostics)
            return;
        int line = 0, column = 0;
        const YAML::Mark mark = node.Mark();
        if (!mark.is_null()) {
            line = mark.line + 1;
            column = mark.column + 1;
        }
        m_diagnostics->append({severity, m_file, line, column, message});
    }

    QString m_file;
    QString m_root;
    Diagnostics *m_diagnostics;
};

std::optional<WorkspaceConfig> parse(const QByteArray &yaml, const QString &rootDir,
                                     const QString &file, Diagnostics *diagnostics)
{
    Diagnostics local;
    Diagnostics *diags = diagnostics ? diagnostics : &local;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        diags->append(Diagnostic::error(file, e.mark.is_null() ? 0 : e.mark.line + 1,
                                        e.mark.is_null() ? 0 : e.mark.column + 1,
                                        Tr::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg))));
        return std::nullopt;
    }

    WorkspaceConfig config;
    config.rootDir = QDir::cleanPath(QFileInfo(rootDir).absoluteFilePath());
    config.configFile = file;
    config.name = QFileInfo(config.rootDir).fileName();
    config.timezone = QStringLiteral("UTC");
    if (root.IsNull())
        return config; // an empty warroom.yaml is a valid, empty workspace

    Reader r(file, config.rootDir, diags);
    if (!r.isMap(root, QStringLiteral("warroom.yaml")))
        return std::nullopt;

    try {
        r.forEachKey(root, {}, {"name", "timezone", "lineage", "usage", "github", "airflow", "webhook",
                                "replay", "incident"},
                     [&](const std::string &key, const YAML::Node &node) {
            if (key == "name") {
                const QString name = r.string(node, QStringLiteral("name"));
                if (!name.isEmpty())
                    config.name = name;
            } else if (key == "timezone") {
                const QString zone = r.string(node, QStringLiteral("timezone"));
                if (!zone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
                    r.error(node, Tr::tr("'timezone': unknown time zone '%1' (use an IANA name such as Asia/Tokyo)").arg(zone));
                else if (!zone.isEmpty())
                    config.timezone = zone;
            } else if (key == "lineage" && r.isMap(node, QStringLiteral("lineage"))) {
                r.forEachKey(node, QStringLiteral("lineage"), {"stairlight", "sql", "dags", "jobs", "openlineage"},
                             [&](const std::string &k, const YAML::Node &n) {
                    const QString full = QStringLiteral("lineage.") + QString::fromStdString(k);
                    if (k == "stairlight") config.lineage.stairlight = r.path(n, full);
                    else if (k == "sql") config.lineage.sql = r.paths(n, full);
                    else if (k == "dags") config.lineage.dags = r.paths(n, full);
                    else if (k == "jobs") config.lineage.jobs = r.path(n, full);
                    else if (k == "openlineage") config.lineage.openlineage = r.paths(n, full);
                });
            } else if (key == "usage" && r.isMap(node, QStringLiteral("usage"))) {
                r.forEachKey(node, QStringLiteral("usage"), {"jobs", "window_days", "bigquery"},
                             [&](const std::string &k, const YAML::Node &n) {
                    if (k == "jobs") {
                        config.usage.jobs = r.path(n, QStringLiteral("usage.jobs"));
                    } else if (k == "window_days") {
                        if (auto days = r.number(n, QStringLiteral("usage.window_days"), 1, 3650))
                            config.usage.windowDays = static_cast<int>(*days);
                    } else if (k == "bigquery" && r.isMap(n, QStringLiteral("usage.bigquery"))) {
                        r.forEachKey(n, QStringLiteral("usage.bigquery"), {"project", "region"},
                                     [&](const std::string &bk, const YAML::Node &bn) {
                            if (bk == "project") config.usage.bigqueryProject = r.string(bn, QStringLiteral("usage.bigquery.project"));
                            else config.usage.bigqueryRegion = r.string(bn, QStringLiteral("usage.bigquery.region"));
                        });
                    }
                });
            } else if (key == "github" && r.isMap(node, QStringLiteral("github"))) {
                r.forEachKey(node, QStringLiteral("github"), {"api_url", "repo", "alert_labels", "recovery_label"},
                             [&](const std::string &k, const YAML::Node &n) {
                    if (k == "api_url") {
                        const QString url = r.string(n, QStringLiteral("github.api_url"));
                        if (!url.startsWith(QLatin1String("https://")) && !url.startsWith(QLatin1String("http://")))
                            r.error(n, Tr::tr("'github.api_url' must be an http(s) URL such as https://api.github.com"));
                        else
                            config.github.apiUrl = url.endsWith(QLatin1Char('/')) ? url.chopped(1) : url;
                    } else if (k == "repo") {
                        const QString repo = r.string(n, QStringLiteral("github.repo"));
                        if (repo.count(QLatin1Char('/')) != 1 || repo.startsWith(QLatin1Char('/')) || repo.endsWith(QLatin1Char('/')))
                            r.error(n, Tr::tr("'github.repo' must be owner/name, not '%1'").arg(repo));
                        else
                            config.github.repo = repo;
                    } else if (k == "alert_labels") {
                        config.github.alertLabels = r.strings(n, QStringLiteral("github.alert_labels"));
                    } else if (k == "recovery_label") {
                        config.github.recoveryLabel = r.string(n, QStringLiteral("github.recovery_label"));
                    }
                });
            } else if (key == "airflow" && r.isMap(node, QStringLiteral("airflow"))) {
                r.forEachKey(node, QStringLiteral("airflow"), {"api_url", "rerun"}, [&](const std::string &k, const YAML::Node &n) {
                    if (k == "rerun") {
                        // YAML 1.2 core schema booleans only: a typo must not enable writes
                        const QString text = r.string(n, QStringLiteral("airflow.rerun"));
                        if (text == QLatin1String("true") || text == QLatin1String("True") || text == QLatin1String("TRUE"))
                            config.airflow.rerun = true;
                        else if (text == QLatin1String("false") || text == QLatin1String("False") || text == QLatin1String("FALSE"))
                            config.airflow.rerun = false;
                        else
                            r.error(n, Tr::tr("'airflow.rerun' must be true or false, not '%1'").arg(text));
                        return;
                    }
                    const QString url = r.string(n, QStringLiteral("airflow.api_url"));
                    if (!url.startsWith(QLatin1String("https://")) && !url.startsWith(QLatin1String("http://")))
                        r.error(n, Tr::tr("'airflow.api_url' must be an http(s) URL ending in /api/v1"));
                    else
                        config.airflow.apiUrl = url.endsWith(QLatin1Char('/')) ? url.chopped(1) : url;
                });
            } else if (key == "webhook" && r.isMap(node, QStringLiteral("webhook"))) {
                r.forEachKey(node, QStringLiteral("webhook"), {"port"}, [&](const std::string &, const YAML::Node &n) {
                    if (auto port = r.number(n, QStringLiteral("webhook.port"), 1, 65535))
                        config.webhook.port = static_cast<int>(*port);
                });
            } else if (key == "replay" && r.isMap(node, QStringLiteral("replay"))) {
                r.forEachKey(node, QStringLiteral("replay"), {"file", "speed"}, [&](const std::string &k, const YAML::Node &n) {
                    if (k == "file") {
                        config.replay.file = r.path(n, QStringLiteral("replay.file"));
                    } else if (auto speed = r.number(n, QStringLiteral("replay.speed"), 0.001, 1e6)) {
                        config.replay.speed = *speed;
                    }
                });
            } else if (key == "incident" && r.isMap(node, QStringLiteral("incident"))) {
                r.forEachKey(node, QStringLiteral("incident"), {"name", "since", "until", "broken"},
                             [&](const std::string &k, const YAML::Node &n) {
                    const QString full = QStringLiteral("incident.") + QString::fromStdString(k);
                    if (k == "name") {
                        config.incident.name = r.string(n, full);
                    } else if (k == "broken") {
                        config.incident.broken = r.strings(n, full);
                    } else {
                        const QString time = r.string(n, full);
                        if (!time.isEmpty() && !parseTimestamp(time))
                            r.error(n, Tr::tr("'%1' must be an RFC 3339 time such as 2026-06-05T02:00:00+09:00, not '%2'").arg(full, time));
                        else
                            (k == "since" ? config.incident.since : config.incident.until) = time;
                    }
                });
            }
        });
    } catch (const YAML::Exception &e) {
        diags->append(Diagnostic::error(file, e.mark.is_null() ? 0 : e.mark.line + 1, 0,
                                        QString::fromStdString(e.msg)));
    }
    return config;
}

} // namespace

QString WorkspaceConfig::stateDir() const
{
    return QDir(rootDir).filePath(QStringLiteral(".warroom"));
}

QString WorkspaceConfig::stateDatabasePath() const
{
    return QDir(stateDir()).filePath(QStringLiteral("state.sqlite"));
}

std::optional<WorkspaceConfig> WorkspaceReader::read(const QString &path, Diagnostics *diagnostics)
{
    const QFileInfo info(path);
    const QString file = info.isDir() ? QDir(path).filePath(QStringLiteral("warroom.yaml"))
                                      : info.absoluteFilePath();
    auto fail = [&](const QString &message) -> std::optional<WorkspaceConfig> {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(file, 0, 0, message));
        return std::nullopt;
    };
    QFile f(file);
    if (!f.exists())
        return fail(info.isDir() ? Tr::tr("no warroom.yaml in this folder; a workspace is a folder with a warroom.yaml")
                                 : Tr::tr("no such file"));
    if (f.size() > kMaxConfigBytes)
        return fail(Tr::tr("too large for a workspace configuration (%1 bytes)").arg(f.size()));
    if (!f.open(QIODevice::ReadOnly))
        return fail(Tr::tr("cannot read: %1").arg(f.errorString()));
    return parse(f.readAll(), QFileInfo(file).absolutePath(), QFileInfo(file).absoluteFilePath(), diagnostics);
}

std::optional<WorkspaceConfig> WorkspaceReader::fromYaml(const QByteArray &yaml, const QString &rootDir,
                                                         Diagnostics *diagnostics)
{
    return parse(yaml, rootDir, QDir(rootDir).filePath(QStringLiteral("warroom.yaml")), diagnostics);
}

} // namespace warroom
