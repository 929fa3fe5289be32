// The role table of the admin site.
#include "users/permissions.h"

#include <algorithm>
#include <map>

namespace relais {

const std::vector<std::string>& knownRoles() {
    static const std::vector<std::string> roles{"admin", "operator", "viewer"};
    return roles;
}

bool isKnownRole(const std::string& role) {
    const auto& roles = knownRoles();
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

const std::vector<std::string>& rolePermissions(const std::string& role) {
    static const std::map<std::string, std::vector<std::string>> table{
        {"admin",
         {"view", "job.run", "job.control", "partner.edit", "flow.edit", "user.manage", "audit.view", "system.view"}},
        {"operator", {"view", "job.run", "job.control", "partner.edit"}},
        {"viewer", {"view"}},
    };
    static const std::vector<std::string> none;
    auto it = table.find(role);
    return it == table.end() ? none : it->second;
}

bool roleAllows(const std::string& role, const std::string& permission) {
    const auto& granted = rolePermissions(role);
    return std::find(granted.begin(), granted.end(), permission) != granted.end();
}

}  // namespace relais
