#pragma once

// Helpers shared by the fuzz targets: a check that aborts with a message (so libFuzzer keeps
// the input and the normal-build replay fails loudly), and byte views of the input.
#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace warroom::fuzz {

[[noreturn]] inline void fail(const char *target, const char *what)
{
    std::fprintf(stderr, "fuzz %s: invariant violated: %s\n", target, what);
    std::abort();
}

#define WARROOM_FUZZ_CHECK(target, condition)                                                      \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::warroom::fuzz::fail(target, #condition);                                             \
    } while (false)

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline std::string_view view(const uint8_t *data, size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

} // namespace warroom::fuzz

#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace warroom::fuzz {

// A folder made once per process and removed at exit; targets overwrite their files in it.
inline const QString &scratchDir()
{
    static QTemporaryDir dir;
    if (!dir.isValid())
        fail("scratch", "cannot create a temporary folder");
    static const QString path = dir.path();
    return path;
}

inline QString writeScratch(const QString &name, const uint8_t *data, size_t size)
{
    const QString path = scratchDir() + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        fail("scratch", "cannot write a temporary file");
    return path;
}

} // namespace warroom::fuzz
