// Checking an activity's "with" settings against a table of known keys:
// unknown keys, missing required ones and wrong types are refused with a
// message that starts with the key (the registry turns it into a field path).
#pragma once

#include <nlohmann/json.hpp>
#include <initializer_list>
#include <string>
#include <vector>

#include "base/status.h"

namespace relais {

// Checked: String, Bool, PositiveInt, StringList (one string or a list);
// Other: the activity checks the value itself.
enum class SettingType { String, Bool, PositiveInt, StringList, Other };

struct SettingSpec {
    const char* key;
    SettingType type;
    bool required = false;
};

Status checkSettings(const nlohmann::json& with, const std::string& activity, const std::vector<SettingSpec>& specs);

// with[key] as a string, or `def` when absent.
std::string settingString(const nlohmann::json& with, const char* key, const std::string& def = "");

// Checks that with[key], when present, is one of `allowed`.
Status checkOneOf(const nlohmann::json& with, const char* key, std::initializer_list<const char*> allowed);

}  // namespace relais
