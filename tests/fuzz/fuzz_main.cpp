// libFuzzer entry point for one target (the only one linked into this executable).
#include "tests/fuzz/FuzzTarget.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // some readers use QCoreApplication::translate
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return warroom::fuzz::registry().begin()->second(data, size);
}
