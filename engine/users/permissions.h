// What each role of the admin site may do: the one table the site (and any
// other face) asks before it acts. admin does everything; operator runs and
// steers jobs and edits partners; viewer only reads.
// Thread-safety: pure functions over constant tables.
#pragma once

#include <string>
#include <vector>

namespace relais {

// The roles, most powerful first.
const std::vector<std::string>& knownRoles();
bool isKnownRole(const std::string& role);

// Permissions, by the action they allow:
//   view          read every page but users, audit log and system
//   job.run       submit a job (run a flow now, with uploads)
//   job.control   cancel, pause, resume, retry jobs (one or in bulk)
//   partner.edit  create, edit, disable partners, their contacts and certificates
//   flow.edit     save a flow's definition, enable or disable it
//   user.manage   create users, change their role, password, certificate, state
//   audit.view    read the audit log
//   system.view   read the system page (prerequisites, versions, settings)
// The permissions of `role`, empty for an unknown role.
const std::vector<std::string>& rolePermissions(const std::string& role);
bool roleAllows(const std::string& role, const std::string& permission);

}  // namespace relais
