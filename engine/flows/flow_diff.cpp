// Longest-common-subsequence line diff.
#include "flows/flow_diff.h"

#include <cstdint>
#include <sstream>

namespace relais {
namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

std::string flowText(const nlohmann::json& definition) {
    // nlohmann::json objects are std::map-backed: dump() writes keys sorted.
    return definition.dump(2) + "\n";
}

std::vector<DiffLine> diffLines(const std::string& before, const std::string& after) {
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    const size_t n = a.size(), m = b.size();
    std::vector<DiffLine> out;
    if (n * m > kMaxDiffCells) {
        for (size_t i = 0; i < n; ++i) out.push_back({'-', a[i], static_cast<int>(i + 1), 0});
        for (size_t j = 0; j < m; ++j) out.push_back({'+', b[j], 0, static_cast<int>(j + 1)});
        return out;
    }
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            out.push_back({' ', a[i], static_cast<int>(i + 1), static_cast<int>(j + 1)});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            // Removals before additions, as diff(1) shows a changed line.
            out.push_back({'-', a[i], static_cast<int>(i + 1), 0});
            ++i;
        } else {
            out.push_back({'+', b[j], 0, static_cast<int>(j + 1)});
            ++j;
        }
    }
    return out;
}

}  // namespace relais
