// The pivot format's record table and field checks.
#include "formats/pivot_records.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "base/decimal.h"

namespace relais::pivot {
namespace {

using K = FieldKind;

const std::vector<RecordSpec>& table() {
    static const std::vector<RecordSpec> records = {
        {"PIVOT", {{"version", K::Choice, true, 0, "1"}, {"charset", K::Choice, true, 0, "UTF-8 ISO-8859-1"}}},
        {"DOC",
         {{"message", K::Choice, true, 0, "ORDERS DESADV INVOIC"},
          {"number", K::Text, true, 35},
          {"date", K::Date, true},
          {"name_code", K::Code, false, 3},
          {"function", K::Code, false, 3},
          {"currency", K::Currency, false}}},
        {"DAT", {{"qualifier", K::Code, true, 3}, {"value", K::Date, true}}},
        {"REF", {{"qualifier", K::Code, true, 3}, {"value", K::Text, true, 70}, {"date", K::Date, false}}},
        {"PAR",
         {{"role", K::Code, true, 3},
          {"gln", K::Gln, false},
          {"name", K::Text, false, 70},
          {"street", K::Text, false, 70},
          {"street2", K::Text, false, 70},
          {"postcode", K::Text, false, 17},
          {"city", K::Text, false, 35},
          {"country", K::Country, false},
          {"vat", K::Text, false, 35},
          {"code", K::Text, false, 35}}},
        {"CTA",
         {{"function", K::Code, true, 3},
          {"name", K::Text, false, 70},
          {"phone", K::Text, false, 35},
          {"email", K::Text, false, 254}}},
        {"PAT",
         {{"type", K::Code, true, 3},
          {"due_date", K::Date, false},
          {"days", K::Integer, false, 9999},
          {"percent", K::Number, false},
          {"amount", K::Number, false},
          {"text", K::Text, false, 350}}},
        {"TOD", {{"code", K::Code, true, 17}, {"location", K::Text, false, 70}, {"text", K::Text, false, 350}}},
        {"TRA",
         {{"mode", K::Code, false, 3},
          {"carrier_gln", K::Gln, false},
          {"carrier_name", K::Text, false, 70},
          {"means_id", K::Text, false, 35},
          {"reference", K::Text, false, 35}}},
        {"PKG",
         {{"id", K::Text, true, 35},
          {"parent", K::Text, false, 35},
          {"type", K::Code, false, 17},
          {"count", K::Number, false},
          {"sscc", K::Sscc, false}}},
        {"ALC",
         {{"indicator", K::Choice, true, 0, "A C"},
          {"type", K::Code, false, 3},
          {"percent", K::Number, false},
          {"amount", K::Number, false},
          {"base", K::Number, false},
          {"sequence", K::Integer, false, 99},
          {"text", K::Text, false, 70}}},
        {"TXT", {{"qualifier", K::Code, true, 3}, {"text", K::Text, true, 2000}}},
        {"LIN",
         {{"number", K::Integer, true, 999999},
          {"gtin", K::Gtin, false},
          {"buyer_item", K::Text, false, 35},
          {"supplier_item", K::Text, false, 35},
          {"description", K::Text, false, 256},
          {"package", K::Text, false, 35}}},
        {"QTY", {{"qualifier", K::Code, true, 3}, {"value", K::Number, true}, {"unit", K::Code, false, 3}}},
        {"PRI",
         {{"qualifier", K::Code, true, 3},
          {"value", K::Number, true},
          {"basis", K::Number, false},
          {"unit", K::Code, false, 3}}},
        {"TAX",
         {{"type", K::Code, true, 3},
          {"rate", K::Number, false},
          {"category", K::Code, false, 3},
          {"amount", K::Number, false},
          {"code", K::Text, false, 17}}},
        {"MOA", {{"qualifier", K::Code, true, 3}, {"amount", K::Number, true}}},
        {"LOT", {{"batch", K::Text, true, 35}, {"expiry", K::Date, false}, {"quantity", K::Number, false}}},
        {"TOT", {{"qualifier", K::Code, true, 3}, {"amount", K::Number, true}}},
        {"TXS",
         {{"type", K::Code, true, 3},
          {"rate", K::Number, false},
          {"category", K::Code, false, 3},
          {"taxable", K::Number, false},
          {"amount", K::Number, false}}},
        {"END", {{"line_count", K::Integer, true, 999999}}},
    };
    return records;
}

size_t utf8Length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

// "" when `value` is a GS1 code of one of `lengths`, else why not.
std::string checkGs1(std::string_view value, std::initializer_list<size_t> lengths, const char* what) {
    bool lengthOk = false;
    std::string expected;
    for (size_t l : lengths) {
        lengthOk = lengthOk || value.size() == l;
        expected += (expected.empty() ? "" : ", ") + std::to_string(l);
    }
    if (!allDigits(value) || !lengthOk)
        return std::string("is not a valid ") + what + " (" + expected + " digits)";
    const int check = gs1CheckDigit(value.substr(0, value.size() - 1));
    if (value.back() - '0' != check)
        return std::string("is not a valid ") + what + ": the check digit should be " + std::to_string(check);
    return "";
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

}  // namespace

size_t RecordSpec::index(std::string_view name) const {
    for (size_t i = 0; i < fields.size(); ++i)
        if (name == fields[i].name) return i;
    throw std::logic_error("pivot record " + std::string(tag) + " has no field " + std::string(name));
}

const RecordSpec* recordSpec(std::string_view tag) {
    static const std::map<std::string, const RecordSpec*, std::less<>> byTag = [] {
        std::map<std::string, const RecordSpec*, std::less<>> m;
        for (const auto& r : table()) m[r.tag] = &r;
        return m;
    }();
    auto it = byTag.find(tag);
    return it == byTag.end() ? nullptr : it->second;
}

std::string knownTags() {
    std::string out;
    for (const auto& r : table()) out += (out.empty() ? "" : ", ") + std::string(r.tag);
    return out;
}

int gs1CheckDigit(std::string_view body) {
    int sum = 0;
    int weight = 3;
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

std::string normaliseDate(std::string_view v) {
    std::string date, time;
    if (v.size() >= 10 && v[4] == '-' && v[7] == '-') {
        date = std::string(v.substr(0, 4)) + std::string(v.substr(5, 2)) + std::string(v.substr(8, 2));
        v.remove_prefix(10);
        if (!v.empty()) {
            if (v[0] != 'T' && v[0] != ' ') return "";
            v.remove_prefix(1);
            if (v.size() == 5 && v[2] == ':') time = std::string(v.substr(0, 2)) + std::string(v.substr(3, 2)) + "00";
            else if (v.size() == 8 && v[2] == ':' && v[5] == ':')
                time = std::string(v.substr(0, 2)) + std::string(v.substr(3, 2)) + std::string(v.substr(6, 2));
            else return "";
        }
    } else if (v.size() == 8 || v.size() == 12 || v.size() == 14) {
        date = std::string(v.substr(0, 8));
        if (v.size() > 8) time = std::string(v.substr(8)) + (v.size() == 12 ? "00" : "");
    } else {
        return "";
    }
    if (!allDigits(date) || (!time.empty() && !allDigits(time))) return "";
    const int y = number(date.substr(0, 4)), m = number(date.substr(4, 2)), d = number(date.substr(6, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1753 || m < 1 || m > 12 || d < 1 || d > days[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return "";
    std::string out = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
    if (time.empty()) return out;
    if (number(time.substr(0, 2)) > 23 || number(time.substr(2, 2)) > 59 || number(time.substr(4, 2)) > 59) return "";
    return out + "T" + time.substr(0, 2) + ":" + time.substr(2, 2) + ":" + time.substr(4, 2);
}

std::string checkField(const FieldSpec& spec, std::string_view value) {
    switch (spec.kind) {
        case K::Text:
            if (utf8Length(value) > static_cast<size_t>(spec.max))
                return "is longer than " + std::to_string(spec.max) + " characters";
            return "";
        case K::Code:
            for (char c : value)
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                    return "is not a code (capital letters A-Z and digits)";
            if (value.size() > static_cast<size_t>(spec.max))
                return "is longer than " + std::to_string(spec.max) + " characters";
            return "";
        case K::Date:
            if (normaliseDate(value).empty())
                return "is not a date (YYYY-MM-DD or YYYYMMDD, optionally followed by THH:MM[:SS] or HHMM[SS])";
            return "";
        case K::Number: {
            std::string why;
            if (!Decimal::parse(value, &why)) return why;
            return "";
        }
        case K::Integer:
            if (!allDigits(value) || value.size() > 9 || number(value) > spec.max)
                return "is not a whole number from 0 to " + std::to_string(spec.max);
            return "";
        case K::Gln:
            return checkGs1(value, {13}, "GLN");
        case K::Gtin:
            return checkGs1(value, {8, 12, 13, 14}, "GTIN/EAN");
        case K::Sscc:
            return checkGs1(value, {18}, "SSCC");
        case K::Country:
            if (value.size() != 2 || value[0] < 'A' || value[0] > 'Z' || value[1] < 'A' || value[1] > 'Z')
                return "is not an ISO 3166 country code (two capital letters, e.g. FR)";
            return "";
        case K::Currency:
            if (value.size() != 3 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
                return "is not an ISO 4217 currency code (three capital letters, e.g. EUR)";
            return "";
        case K::Choice: {
            const std::string_view choices = spec.choices;
            size_t start = 0;
            while (start < choices.size()) {
                size_t end = choices.find(' ', start);
                if (end == std::string_view::npos) end = choices.size();
                if (choices.substr(start, end - start) == value) return "";
                start = end + 1;
            }
            std::string list(choices);
            for (auto& c : list)
                if (c == ' ') c = ',';
            return "is not one of " + list;
        }
    }
    return "";
}

std::string latin1ToUtf8(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (unsigned char c : in) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

}  // namespace relais::pivot
