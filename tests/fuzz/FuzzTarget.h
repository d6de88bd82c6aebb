#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

// A fuzz target is a function that must survive any input. Each lives in targets/*.cpp and
// registers itself; the same code runs under libFuzzer (WARROOM_FUZZ builds, one executable
// per target) and as a regression test over the saved corpus in every normal build.
namespace warroom::fuzz {

using TargetFunction = int (*)(const uint8_t *data, size_t size);

inline std::map<std::string, TargetFunction> &registry()
{
    static std::map<std::string, TargetFunction> targets;
    return targets;
}

struct Registration
{
    Registration(const char *name, TargetFunction function) { registry()[name] = function; }
};

} // namespace warroom::fuzz

#define WARROOM_FUZZ_TARGET(name)                                                                  \
    static int fuzz_##name(const uint8_t *data, size_t size);                                      \
    static const warroom::fuzz::Registration registration_##name(#name, &fuzz_##name);             \
    static int fuzz_##name(const uint8_t *data, size_t size)
