// The stairlight configuration reader on any bytes, three ways: as a mapping file next to a
// valid stairlight.yaml, as stairlight.yaml itself (with the same bytes as its mapping file),
// and straight through the YAML layer, whose block fast path must build the same tree as
// yaml-cpp for every document both accept.
#include "tests/fuzz/FuzzTarget.h"
#include "tests/fuzz/targets/FuzzCheck.h"

#include "core/lineage/StairlightConfig.h"
#include "core/lineage/YamlLite.h"

#include <QDir>

using namespace warroom;

namespace {

void exercise(const std::optional<lineage::StairlightConfig> &config, const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        (void)d.toString();
    if (!config)
        return;
    for (const char *key : {"sql/a/b.sql", "query.sql", "", "x"}) {
        (void)config->isExcluded(key);
        if (const lineage::MappingEntry *m = config->findMapping(key))
            WARROOM_FUZZ_CHECK("stairlight_config", !m->fileSuffix.empty() || m->sourceType != "File");
    }
    for (const auto &mapping : config->mappings)
        for (const auto &table : mapping.tables)
            (void)table.parameters.size();
}

bool sameTree(const lineage::detail::YamlNode &a, const lineage::detail::YamlNode &b)
{
    if (a.IsMap() != b.IsMap() || a.IsSequence() != b.IsSequence() || a.IsScalar() != b.IsScalar()
        || a.IsNull() != b.IsNull())
        return false;
    if (a.IsScalar() && a.Scalar() != b.Scalar())
        return false;
    if (a.items().size() != b.items().size() || a.entries().size() != b.entries().size())
        return false;
    for (size_t i = 0; i < a.items().size(); ++i)
        if (!sameTree(a.items()[i], b.items()[i]))
            return false;
    for (size_t i = 0; i < a.entries().size(); ++i)
        if (a.entries()[i].first != b.entries()[i].first
            || !sameTree(a.entries()[i].second, b.entries()[i].second))
            return false;
    return true;
}

} // namespace

WARROOM_FUZZ_TARGET(stairlight_config)
{
    static const QByteArray validConfig = "Include:\n"
                                          "  - TemplateSourceType: File\n"
                                          "    FileSystemPath: \"./sql\"\n"
                                          "    Regex: \".*/*.sql$\"\n"
                                          "Exclude:\n"
                                          "  - TemplateSourceType: File\n"
                                          "    Regex: \"sql/exclude/.*\\\\.sql$\"\n"
                                          "Settings:\n"
                                          "  MappingPrefix: \"mapping\"\n";
    // A folder of its own: the corpus test runs every target in one process.
    const QString dir = fuzz::scratchDir() + QStringLiteral("/stairlight");
    QDir(dir).mkpath(QStringLiteral("sql"));

    fuzz::writeScratch(QStringLiteral("stairlight/stairlight.yaml"),
                       reinterpret_cast<const uint8_t *>(validConfig.constData()), size_t(validConfig.size()));
    fuzz::writeScratch(QStringLiteral("stairlight/mapping.yaml"), data, size);
    {
        Diagnostics diagnostics;
        const auto config = lineage::StairlightConfigReader::read(dir, &diagnostics);
        WARROOM_FUZZ_CHECK("stairlight_config", config.has_value()); // mapping problems are not fatal
        exercise(config, diagnostics);
    }

    fuzz::writeScratch(QStringLiteral("stairlight/stairlight.yaml"), data, size);
    {
        Diagnostics diagnostics;
        exercise(lineage::StairlightConfigReader::read(dir, &diagnostics), diagnostics);
    }

    const std::string text(reinterpret_cast<const char *>(data), size);
    lineage::detail::YamlNode fast, full;
    lineage::detail::YamlError fastError, fullError;
    const bool fastOk = lineage::detail::parseYaml(text, &fast, &fastError, true);
    const bool fullOk = lineage::detail::parseYaml(text, &full, &fullError, false);
    if (fastOk && fullOk)
        WARROOM_FUZZ_CHECK("stairlight_config", sameTree(fast, full));
    (void)lineage::StairlightConfigReader::normalizeKeyPrefix(fuzz::view(data, std::min<size_t>(size, 256)));
    return 0;
}
