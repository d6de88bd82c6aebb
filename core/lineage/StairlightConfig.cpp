#include "core/lineage/StairlightConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/lineage/YamlLite.h"

namespace warroom::lineage {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(warroom::lineage::StairlightConfig)
};

using YNode = detail::YamlNode;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

int lineOf(const YNode &node)
{
    return node.line();
}

int columnOf(const YNode &node)
{
    return node.column();
}

std::string scalar(const YNode &node)
{
    if (!node || node.IsNull())
        return {};
    if (node.IsScalar())
        return node.Scalar();
    return {};
}

// Flattens nested maps into dotted keys: {params: {A: 1}} -> "params.A" = "1".
void flatten(const YNode &node, const std::string &prefix, KeyValues &out)
{
    if (node.IsMap()) {
        for (const auto &[key, value] : node.entries())
            flatten(value, prefix.empty() ? key : prefix + '.' + key, out);
    } else if (node.IsScalar() || node.IsNull()) {
        out.emplace_back(prefix, scalar(node));
    }
}

KeyValues labelsOf(const YNode &node)
{
    KeyValues labels;
    if (node && node.IsMap()) {
        for (const auto &[key, value] : node.entries())
            labels.emplace_back(key, scalar(value));
    }
    return labels;
}

bool loadYaml(const QString &path, YNode *root, Diagnostics *diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(path, 0, 0, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    detail::YamlError error;
    if (!detail::parseYaml(bytes.toStdString(), root, &error)) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(path, error.line, error.column, qs(error.message)));
        return false;
    }
    return true;
}

QRegularExpression pythonRegex(const std::string &pattern)
{
    // Python's `re` and PCRE2 agree on what stairlight configurations use (`.*`, `\.`, `\_`,
    // `$`, classes, `(?P<name>...)`).
    return QRegularExpression(qs(pattern));
}

void readMappingFile(const QString &path, StairlightConfig &config, Diagnostics *diagnostics)
{
    YNode root;
    if (!loadYaml(path, &root, diagnostics))
        return;
    if (root.IsNull())
        return;
    if (!root.IsMap()) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(path, lineOf(root), columnOf(root),
                                                  Tr::tr("a mapping file must be a YAML mapping")));
        return;
    }
    {
        if (const YNode &global = root["Global"]; global && global.IsMap()) {
            if (const YNode &params = global["Parameters"]; params && params.IsMap()) {
                KeyValues flat;
                flatten(params, {}, flat);
                for (auto &kv : flat) {
                    bool replaced = false;
                    for (auto &existing : config.globalParameters) {
                        if (existing.first == kv.first) {
                            existing.second = kv.second;
                            replaced = true;
                        }
                    }
                    if (!replaced)
                        config.globalParameters.push_back(std::move(kv));
                }
            }
        }
        if (const YNode &mapping = root["Mapping"]; mapping && !mapping.IsNull()) {
            if (!mapping.IsSequence()) {
                if (diagnostics)
                    diagnostics->append(Diagnostic::error(path, lineOf(mapping), columnOf(mapping),
                                                          Tr::tr("'Mapping' must be a list")));
            } else {
                for (const YNode &entry : mapping.items()) {
                    if (!entry.IsMap()) {
                        if (diagnostics)
                            diagnostics->append(Diagnostic::error(
                                path, lineOf(entry), columnOf(entry),
                                Tr::tr("a 'Mapping' entry must be a mapping")));
                        continue;
                    }
                    MappingEntry m;
                    m.file = path;
                    m.line = lineOf(entry);
                    m.sourceType = scalar(entry["TemplateSourceType"]);
                    m.fileSuffix = scalar(entry["FileSuffix"]);
                    m.uri = scalar(entry["Uri"]);
                    if ((m.sourceType == "File" || m.sourceType == "dbt") && m.fileSuffix.empty()
                        && diagnostics)
                        diagnostics->append(Diagnostic::warning(
                            path, m.line, columnOf(entry),
                            Tr::tr("'Mapping' entry of type %1 has no FileSuffix; it maps nothing")
                                .arg(qs(m.sourceType))));
                    const YNode &tables = entry["Tables"];
                    if (tables && tables.IsSequence()) {
                        for (const YNode &t : tables.items()) {
                            MappingTable table;
                            table.file = path;
                            table.line = lineOf(t);
                            if (!t.IsMap()) {
                                if (diagnostics)
                                    diagnostics->append(Diagnostic::error(
                                        path, table.line, columnOf(t),
                                        Tr::tr("a 'Tables' entry must be a mapping")));
                                continue;
                            }
                            table.tableName = scalar(t["TableName"]);
                            if (table.tableName.empty()) {
                                if (diagnostics)
                                    diagnostics->append(Diagnostic::error(
                                        path, table.line, columnOf(t),
                                        Tr::tr("'Tables' entry without a TableName")));
                                continue;
                            }
                            if (const YNode &p = t["Parameters"]; p && p.IsMap())
                                flatten(p, {}, table.parameters);
                            if (const YNode &ig = t["IgnoreParameters"]; ig && ig.IsSequence()) {
                                for (const YNode &i : ig.items())
                                    table.ignoreParameters.push_back(scalar(i));
                            }
                            table.labels = labelsOf(t["Labels"]);
                            m.tables.push_back(std::move(table));
                        }
                    } else if (tables && !tables.IsNull() && diagnostics) {
                        diagnostics->append(Diagnostic::error(path, lineOf(tables), columnOf(tables),
                                                              Tr::tr("'Tables' must be a list")));
                    }
                    config.mappings.push_back(std::move(m));
                }
            }
        }
        // "ExtraLabels" (current stairlight) and "Metadata" (its earlier name).
        for (const char *section : {"ExtraLabels", "Metadata"}) {
            const YNode &extra = root[section];
            if (!extra || !extra.IsSequence())
                continue;
            for (const YNode &e : extra.items()) {
                if (!e.IsMap())
                    continue;
                ExtraLabel label;
                label.tableName = scalar(e["TableName"]);
                label.labels = labelsOf(e["Labels"]);
                if (!label.tableName.empty())
                    config.extraLabels.push_back(std::move(label));
            }
        }
    }
}

} // namespace

const MappingEntry *StairlightConfig::findMapping(std::string_view key) const
{
    for (const MappingEntry &m : mappings) {
        if (m.sourceType != "File" && m.sourceType != "dbt")
            continue;
        if (m.fileSuffix.empty() || m.fileSuffix.size() > key.size())
            continue;
        if (key.compare(key.size() - m.fileSuffix.size(), m.fileSuffix.size(), m.fileSuffix) == 0)
            return &m;
    }
    return nullptr;
}

bool StairlightConfig::isExcluded(std::string_view key) const
{
    if (excludeRegexes.empty())
        return false;
    const QString k = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
    for (std::size_t i = 0; i < excludeRegexes.size() && i < excludes.size(); ++i) {
        if (excludes[i].sourceType != "File")
            continue;
        if (excludeRegexes[i].isValid() && excludeRegexes[i].match(k).hasMatch())
            return true;
    }
    return false;
}

std::string StairlightConfigReader::normalizeKeyPrefix(std::string_view path)
{
    std::string out;
    const bool absolute = !path.empty() && path.front() == '/';
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos)
            j = path.size();
        const std::string_view part = path.substr(i, j - i);
        if (!part.empty() && part != ".") {
            if (!out.empty() || absolute)
                out.push_back('/');
            out.append(part);
        }
        i = j + 1;
    }
    if (out.empty())
        return absolute ? "/" : ".";
    return out;
}

std::optional<StairlightConfig> StairlightConfigReader::readSettings(const QString &dirPath,
                                                                     Diagnostics *diagnostics,
                                                                     const StairlightReadOptions &options)
{
    const QFileInfo dirInfo(dirPath);
    if (!dirInfo.isDir()) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(dirPath, 0, 0,
                                                  Tr::tr("not a stairlight configuration folder")));
        return std::nullopt;
    }
    StairlightConfig config;
    config.dir = dirInfo.absoluteFilePath();
    const QDir dir(config.dir);
    for (const char *name : {"stairlight.yaml", "stairlight.yml"}) {
        if (dir.exists(QLatin1String(name))) {
            config.stairlightFile = dir.absoluteFilePath(QLatin1String(name));
            break;
        }
    }
    if (config.stairlightFile.isEmpty()) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(dir.absoluteFilePath(QStringLiteral("stairlight.yaml")),
                                                  0, 0, Tr::tr("stairlight.y(a)ml is not found")));
        return std::nullopt;
    }
    YNode root;
    if (!loadYaml(config.stairlightFile, &root, diagnostics))
        return std::nullopt;
    const QString file = config.stairlightFile;
    if (!root.IsMap()) {
        if (diagnostics)
            diagnostics->append(Diagnostic::error(file, lineOf(root), columnOf(root),
                                                  Tr::tr("stairlight.yaml must be a YAML mapping")));
        return std::nullopt;
    }

    QStringList bases = options.searchBases;
    if (bases.isEmpty()) {
        QDir parent(config.dir);
        if (parent.cdUp())
            bases << parent.absolutePath();
        bases << config.dir << QDir::currentPath();
    }

    {
        const YNode &include = root["Include"];
        if (include && !include.IsNull() && !include.IsSequence()) {
            if (diagnostics)
                diagnostics->append(Diagnostic::error(file, lineOf(include), columnOf(include),
                                                      Tr::tr("'Include' must be a list")));
        } else if (include) {
            for (const YNode &entry : include.items()) {
                if (!entry.IsMap()) {
                    if (diagnostics)
                        diagnostics->append(Diagnostic::error(file, lineOf(entry), columnOf(entry),
                                                              Tr::tr("an 'Include' entry must be a mapping")));
                    continue;
                }
                StairlightInclude inc;
                inc.line = lineOf(entry);
                inc.sourceType = scalar(entry["TemplateSourceType"]);
                inc.fileSystemPath = scalar(entry["FileSystemPath"]);
                inc.regex = scalar(entry["Regex"]);
                inc.defaultTablePrefix = scalar(entry["DefaultTablePrefix"]);
                if (inc.sourceType != "File") {
                    if (diagnostics)
                        diagnostics->append(Diagnostic::warning(
                            file, inc.line, columnOf(entry),
                            Tr::tr("Include source '%1' is not supported (only local files, "
                                   "TemplateSourceType File, are read); it is skipped")
                                .arg(qs(inc.sourceType.empty() ? std::string("?") : inc.sourceType))));
                    config.includes.push_back(std::move(inc));
                    continue;
                }
                if (inc.fileSystemPath.empty()) {
                    if (diagnostics)
                        diagnostics->append(Diagnostic::error(file, inc.line, columnOf(entry),
                                                              Tr::tr("File include without FileSystemPath")));
                    continue;
                }
                inc.keyPrefix = normalizeKeyPrefix(inc.fileSystemPath);
                const QString fsp = qs(inc.fileSystemPath);
                if (QDir::isAbsolutePath(fsp)) {
                    inc.resolvedRoot = QDir::cleanPath(fsp);
                } else {
                    for (const QString &base : bases) {
                        const QString candidate = QDir::cleanPath(QDir(base).absoluteFilePath(fsp));
                        if (QFileInfo(candidate).isDir()) {
                            inc.resolvedRoot = candidate;
                            break;
                        }
                    }
                }
                if (inc.resolvedRoot.isEmpty() && diagnostics) {
                    diagnostics->append(Diagnostic::warning(
                        file, lineOf(entry["FileSystemPath"]), columnOf(entry["FileSystemPath"]),
                        Tr::tr("FileSystemPath '%1' was not found (tried against %2)")
                            .arg(fsp, bases.join(QStringLiteral(", ")))));
                }
                if (!inc.regex.empty() && !pythonRegex(inc.regex).isValid() && diagnostics) {
                    diagnostics->append(Diagnostic::error(file, lineOf(entry["Regex"]),
                                                          columnOf(entry["Regex"]),
                                                          Tr::tr("invalid Regex '%1'").arg(qs(inc.regex))));
                }
                config.includes.push_back(std::move(inc));
            }
        }
        if (const YNode &exclude = root["Exclude"]; exclude && exclude.IsSequence()) {
            for (const YNode &entry : exclude.items()) {
                if (!entry.IsMap())
                    continue;
                StairlightExclude ex;
                ex.line = lineOf(entry);
                ex.sourceType = scalar(entry["TemplateSourceType"]);
                ex.regex = scalar(entry["Regex"]);
                QRegularExpression re = pythonRegex(ex.regex);
                if (!re.isValid() && diagnostics)
                    diagnostics->append(Diagnostic::error(file, ex.line, columnOf(entry),
                                                          Tr::tr("invalid Exclude Regex '%1'").arg(qs(ex.regex))));
                config.excludes.push_back(std::move(ex));
                config.excludeRegexes.push_back(std::move(re));
            }
        }
        if (const YNode &settings = root["Settings"]; settings && settings.IsMap()) {
            if (std::string prefix = scalar(settings["MappingPrefix"]); !prefix.empty())
                config.mappingPrefix = prefix;
            if (const YNode &regexes = settings["MappingFilesRegex"]; regexes && regexes.IsSequence()) {
                for (const YNode &r : regexes.items())
                    config.mappingFilesRegex.push_back(scalar(r));
            }
        }
    }

    // Mapping files: Settings.MappingFilesRegex (full match against the file's path), else
    // every `<MappingPrefix>*.yaml|yml` of the folder, merged in name order.
    const QFileInfoList entries = dir.entryInfoList(QDir::Files, QDir::Name);
    if (!config.mappingFilesRegex.empty()) {
        std::vector<QRegularExpression> regexes;
        for (const std::string &r : config.mappingFilesRegex)
            regexes.push_back(QRegularExpression(QRegularExpression::anchoredPattern(qs(r))));
        for (const QFileInfo &fi : entries) {
            const QString path = fi.absoluteFilePath();
            const QString relative = QDir(config.dir).dirName() + QLatin1Char('/') + fi.fileName();
            for (const auto &re : regexes) {
                if (re.match(path).hasMatch() || re.match(relative).hasMatch()) {
                    config.mappingFiles << path;
                    break;
                }
            }
        }
    } else {
        const QString prefix = qs(config.mappingPrefix);
        for (const QFileInfo &fi : entries) {
            const QString name = fi.fileName();
            if (name.startsWith(prefix)
                && (name.endsWith(QLatin1String(".yaml")) || name.endsWith(QLatin1String(".yml"))))
                config.mappingFiles << fi.absoluteFilePath();
        }
    }
    if (config.mappingFiles.isEmpty() && diagnostics) {
        diagnostics->append(Diagnostic::warning(
            config.dir, 0, 0,
            Tr::tr("no mapping file (%1*.yaml): SQL files are mapped to tables only by what "
                   "their statements write")
                .arg(qs(config.mappingPrefix))));
    }
    return config;
}

void StairlightConfigReader::readMappings(StairlightConfig &config, Diagnostics *diagnostics)
{
    for (const QString &path : std::as_const(config.mappingFiles))
        readMappingFile(path, config, diagnostics);
}

std::optional<StairlightConfig> StairlightConfigReader::read(const QString &dirPath,
                                                             Diagnostics *diagnostics,
                                                             const StairlightReadOptions &options)
{
    std::optional<StairlightConfig> config = readSettings(dirPath, diagnostics, options);
    if (config)
        readMappings(*config, diagnostics);
    return config;
}

} // namespace warroom::lineage
