// What the benchmark drivers share: reporting a failure and percentiles.
#pragma once

#include <errno.h>  // program_invocation_short_name

#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/status.h"

namespace relais::bench {

// Prints "PROGRAM: message" on stderr; returns the exit status 2.
inline int die(const Status& s) {
    std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, s.message().c_str());
    return 2;
}

// The p-th percentile (0 to 100) of `v`, nearest rank.
inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace relais::bench
