// Checking "with" settings.
#include "activities/with_settings.h"

namespace relais {

Status checkSettings(const nlohmann::json& with, const std::string& activity, const std::vector<SettingSpec>& specs) {
    if (!with.is_object()) return Status(Code::InvalidArgument, "with must be an object");
    for (const auto& [k, _] : with.items()) {
        bool known = false;
        for (const auto& s : specs) known = known || k == s.key;
        if (!known) {
            std::string list;
            for (const auto& s : specs) list += (list.empty() ? "" : ", ") + std::string(s.key);
            return Status(Code::InvalidArgument, k + " is not a " + activity + " setting (known: " + list + ")");
        }
    }
    for (const auto& s : specs) {
        if (!with.contains(s.key)) {
            if (s.required) return Status(Code::InvalidArgument, std::string(s.key) + " is missing");
            continue;
        }
        const auto& v = with[s.key];
        switch (s.type) {
            case SettingType::String:
                if (!v.is_string() || (s.required && v.get<std::string>().empty()))
                    return Status(Code::InvalidArgument, std::string(s.key) + " must be a non-empty string");
                break;
            case SettingType::Bool:
                if (!v.is_boolean()) return Status(Code::InvalidArgument, std::string(s.key) + " must be true or false");
                break;
            case SettingType::PositiveInt:
                if (!v.is_number_integer() || v.get<long long>() < 1)
                    return Status(Code::InvalidArgument, std::string(s.key) + " must be a whole number of at least 1");
                break;
            case SettingType::Other:
                break;
            case SettingType::StringList: {
                bool ok = v.is_string() || v.is_array();
                if (v.is_array())
                    for (const auto& e : v) ok = ok && e.is_string();
                if (!ok) return Status(Code::InvalidArgument, std::string(s.key) + " must be a string or a list of strings");
                break;
            }
        }
    }
    return Status::ok();
}

std::string settingString(const nlohmann::json& with, const char* key, const std::string& def) {
    return with.contains(key) && with[key].is_string() ? with[key].get<std::string>() : def;
}

Status checkOneOf(const nlohmann::json& with, const char* key, std::initializer_list<const char*> allowed) {
    if (!with.contains(key)) return Status::ok();
    const std::string v = settingString(with, key);
    std::string list;
    for (const char* a : allowed) {
        if (v == a) return Status::ok();
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    return Status(Code::InvalidArgument, std::string(key) + " '" + v + "' is not one of " + list);
}

}  // namespace relais
