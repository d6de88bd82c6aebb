#include "tests/fuzz/FuzzTarget.h"

#include "core/workspace/Workspace.h"

#include <QDir>

WARROOM_FUZZ_TARGET(workspace_yaml)
{
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    warroom::Diagnostics diagnostics;
    const auto config = warroom::WorkspaceReader::fromYaml(yaml, QDir::tempPath(), &diagnostics);
    for (const warroom::Diagnostic &d : diagnostics)
        (void)d.toString();
    return config ? 0 : 0;
}
