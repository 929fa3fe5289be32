// Line diff of two flow versions, as the admin site shows it in the version
// history: both definitions pretty-printed the same way (keys sorted, two
// spaces), then a longest-common-subsequence diff of their lines.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace relais {

struct DiffLine {
    char op = ' ';     // ' ' in both, '-' only in the old text, '+' only in the new
    std::string text;  // the line, without its newline
    int oldLine = 0;   // 1-based line number in the old text (0 for '+')
    int newLine = 0;   // 1-based line number in the new text (0 for '-')
};

// The lines of `before` and `after` in order, each kept, removed or added.
// Texts of more than kMaxDiffCells line pairs are not compared line by line:
// every old line is removed and every new one added.
std::vector<DiffLine> diffLines(const std::string& before, const std::string& after);
constexpr size_t kMaxDiffCells = 4'000'000;

// The text flows are compared and exported in: pretty-printed, keys sorted.
std::string flowText(const nlohmann::json& definition);

}  // namespace relais
