// `relais` CLI commands over the core Client.
#include "cli/commands.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string_view>
#include <thread>

#include "client/client.h"
#include "jobs/document_file.h"
#include "jobs/job_json.h"

namespace relais::cli {
namespace {

int fail(const Status& s) {
    std::cerr << "relais: " << s.message() << "\n";
    return kError;
}

Result<std::unique_ptr<Client>> openClient(const Globals& g) { return Client::open(g.config); }

// Who runs the command, for the job's "submitted by": the sudo caller, else
// $USER, else the account of the process (cron, systemd, `docker exec` set no
// USER), else its uid.
std::string currentUser() {
    const char* u = std::getenv("SUDO_USER");
    if (!u || !*u) u = std::getenv("USER");
    if (u && *u) return std::string("cli:") + u;
    const passwd* pw = getpwuid(geteuid());
    if (pw && pw->pw_name && *pw->pw_name) return std::string("cli:") + pw->pw_name;
    return "cli:uid " + std::to_string(geteuid());
}

Result<std::string> readPassword(bool fromStdin) {
    if (!fromStdin) return generatePassword();
    std::string line;
    if (!std::getline(std::cin, line)) return Status(Code::InvalidArgument, "no password on standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

void printJob(const JobDetail& j) {
    std::cout << "job #" << j.id << "  flow " << j.flow << " v" << j.flowVersion << "  " << j.status << "  attempt "
              << j.attempt << "/" << j.maxAttempts << "\n";
    std::cout << "created " << j.createdAt << "  started " << j.startedAt.value_or("-") << "  finished "
              << j.finishedAt.value_or("-") << "  node " << j.node.value_or("-") << "\n";
    if (j.error) std::cout << "error: " << *j.error << "\n";
    for (const auto& [k, v] : j.params) std::cout << "param " << k << " = " << v << "\n";
    for (const auto& d : j.documents)
        std::cout << "document " << d.direction << " #" << d.id << " " << d.name << " " << d.size << " bytes sha256 "
                  << d.sha256 << "\n";
    for (const auto& s : j.steps)
        std::cout << "step " << s.position << " " << s.activity << " " << s.status
                  << (s.error ? "  " + *s.error : "") << "\n";
    if (j.logTotal > static_cast<int64_t>(j.log.size()))
        std::cout << "log: the newest " << j.log.size() << " of " << j.logTotal << " lines\n";
    for (const auto& l : j.log) std::cout << l.at << " " << l.level << " " << l.message << "\n";
}

// `s` as one shell word.
std::string shellWord(const std::string& s) {
    const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("._-:/=@%+,").find(c) != std::string_view::npos;
    });
    if (plain) return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The `relais list` command that prints the page after the one ending at `cursor`.
std::string nextListCommand(const Globals& g, const JobFilter& f, int64_t cursor) {
    std::string cmd = "relais";
    if (!g.config.empty()) cmd += " --config " + shellWord(g.config);
    cmd += " list";
    auto option = [&cmd](const char* name, const std::optional<std::string>& value) {
        if (value) cmd += std::string(" --") + name + " " + shellWord(*value);
    };
    option("status", f.status);
    option("flow", f.flow);
    option("partner", f.partner);
    option("from", f.from);
    option("to", f.to);
    option("document", f.document);
    if (f.limit != JobFilter{}.limit) cmd += " --limit " + std::to_string(f.limit);
    return cmd + " --before " + std::to_string(cursor);
}

// A positive id given on the command line; `what` names it in the error ("job id").
Result<int64_t> parseId(const std::string& text, const std::string& what) {
    try {
        size_t used = 0;
        const int64_t id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    return Status(Code::InvalidArgument, what + " '" + text + "' is not a positive number");
}

Result<int64_t> parseJobId(const std::string& job) { return parseId(job, "job id"); }

}  // namespace

int migrate(const Globals& g, const std::string& sqlDir) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto r = (*c)->migrate(sqlDir);
    if (!r) return fail(r.status());
    for (const auto& v : r->applied) std::cout << "applied " << v << "\n";
    std::cout << "schema up to date (" << r->applied.size() << " applied, " << r->present.size()
              << " already present)\n";
    return kOk;
}

int flowsImport(const Globals& g, const std::vector<std::string>& files) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    for (const auto& f : files) {
        auto r = (*c)->importFlowFile(f);
        if (!r) return fail(r.status());
        std::cout << (r->changed ? "imported " : "unchanged ") << f << " as version " << r->version << "\n";
    }
    return kOk;
}

int flowsList(const Globals& g, bool json) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto flows = (*c)->flows().list();
    if (!flows) return fail(flows.status());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& f : *flows) out.push_back(toJson(f));
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    for (const auto& f : *flows)
        std::printf("%-30s v%-4d %-8s %-8s %d step(s)  %s\n", f.name.c_str(), f.version,
                    f.enabled ? "enabled" : "disabled", f.trigger.c_str(), f.steps, f.description.c_str());
    return kOk;
}

int flowsSetEnabled(const Globals& g, const std::string& name, bool enabled) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    Status s = (*c)->flows().setEnabled(name, enabled);
    if (!s) return fail(s);
    std::cout << "flow " << name << (enabled ? " enabled" : " disabled") << "\n";
    return kOk;
}

int submit(const Globals& g, const std::string& flow, const std::vector<std::string>& files,
           const std::vector<std::string>& params, const std::string& partner, std::optional<int> waitSeconds,
           bool json) {
    SubmitRequest req;
    req.flow = flow;
    req.partner = partner;
    req.submittedBy = currentUser();
    for (const auto& p : params) {
        auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            return fail(Status(Code::InvalidArgument, "--param '" + p + "' must look like KEY=VALUE"));
        req.params[p.substr(0, eq)] = p.substr(eq + 1);
    }
    for (const auto& f : files) {
        if (::access(f.c_str(), R_OK) != 0)
            return fail(Status(Code::NotFound, "cannot read input file " + f));
        auto slash = f.find_last_of('/');
        req.files.push_back({slash == std::string::npos ? f : f.substr(slash + 1), f});
    }
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto jobs = (*c)->jobs();
    auto id = jobs.submit(req);
    if (!id) return fail(id.status());
    if (!json) std::cout << *id << "\n" << std::flush;
    if (!waitSeconds) {
        if (json) std::cout << nlohmann::json{{"id", *id}}.dump() << "\n";
        return kOk;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(*waitSeconds);
    for (;;) {
        auto j = jobs.get(*id);
        if (!j) return fail(j.status());
        if (j->status == "succeeded" || j->status == "failed" || j->status == "cancelled") {
            if (json) std::cout << toJson(*j).dump(2) << "\n";
            else if (j->status != "succeeded")
                std::cerr << "relais: job #" << *id << " " << j->status << ": " << j->error.value_or("") << "\n";
            return j->status == "succeeded" ? kOk : kJobFailed;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            std::cerr << "relais: job #" << *id << " still " << j->status << " after " << *waitSeconds
                      << " s (is relaisd running?)\n";
            return kTimeout;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

int show(const Globals& g, const std::string& job, bool json) {
    auto id = parseJobId(job);
    if (!id) return fail(id.status());
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto j = (*c)->jobs().get(*id);
    if (!j) return fail(j.status());
    if (json) std::cout << toJson(*j).dump(2) << "\n";
    else printJob(*j);
    return kOk;
}

int writeDocument(const Globals& g, const std::string& id) {
    auto docId = parseId(id, "document id");
    if (!docId) return fail(docId.status());
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto jobs = (*c)->jobs();
    auto file = openDocumentFile(jobs, (*c)->store(), *docId);
    if (!file) return fail(file.status());
    char buf[65536];
    ssize_t n = 0;
    while ((n = ::read(file->fd.get(), buf, sizeof buf)) > 0) {
        if (std::fwrite(buf, 1, static_cast<size_t>(n), stdout) != static_cast<size_t>(n)) break;
    }
    const int readErr = n < 0 ? errno : 0;
    if (readErr != 0)
        return fail(Status(Code::Io, "document #" + id + ": read error: " + std::strerror(readErr)));
    if (std::fflush(stdout) != 0 || std::ferror(stdout))
        return fail(Status(Code::Io, "document #" + id + ": cannot write to standard output"));
    return kOk;
}

int list(const Globals& g, const JobFilter& filter, bool json) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto page = (*c)->jobs().listPage(filter);
    if (!page) return fail(page.status());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& j : page->rows) out.push_back(toJson(j));
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    for (const auto& j : page->rows)
        std::printf("%-8lld %-24s %-16s %-10s %-23s %s\n", static_cast<long long>(j.id), j.flow.c_str(),
                    j.partner.value_or("-").c_str(), j.status.c_str(), j.createdAt.c_str(),
                    j.error.value_or("").c_str());
    if (page->nextCursor) std::cout << "next: " << nextListCommand(g, filter, *page->nextCursor) << "\n";
    return kOk;
}

int jobAction(const Globals& g, const std::string& action, const std::string& job) {
    auto id = parseJobId(job);
    if (!id) return fail(id.status());
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto q = (*c)->jobs();
    const std::string by = currentUser();
    Status s = action == "cancel"  ? q.cancel(*id, by)
               : action == "pause" ? q.pause(*id, by)
               : action == "resume" ? q.resume(*id, by)
                                    : q.retry(*id, by);
    if (!s) return fail(s);
    auto j = q.get(*id);
    if (!j) return fail(j.status());
    std::cout << "job #" << *id << " " << j->status << "\n";
    return kOk;
}

int purge(const Globals& g, int olderThanDays, const std::string& flow, bool dryRun) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    PurgeRequest req;
    req.olderThanDays = olderThanDays;
    if (!flow.empty()) req.flow = flow;
    req.dryRun = dryRun;
    auto r = (*c)->jobs().purge(req);
    if (!r) return fail(r.status());
    std::cout << (dryRun ? "would remove " : "removed ") << r->jobs << " job(s), " << r->documents
              << " document record(s), " << r->logLines << " log line(s) and " << r->files << " store file(s) ("
              << r->bytes << " bytes)\n";
    return kOk;
}

int nodes(const Globals& g, bool json) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto list = (*c)->nodes().list((*c)->config().leaseSeconds);
    if (!list) return fail(list.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& n : *list) {
        if (json) {
            out.push_back({{"name", n.name}, {"host", n.host}, {"pid", n.pid}, {"version", n.version},
                           {"workers", n.workers}, {"status", n.status}, {"started_at", n.startedAt},
                           {"heartbeat_at", n.heartbeatAt}, {"alive", n.alive}, {"running_jobs", n.runningJobs}});
        } else {
            std::printf("%-24s %-6s host %-20s pid %-8lld workers %-3d running %-4lld heartbeat %s\n", n.name.c_str(),
                        n.alive ? "alive" : "dead", n.host.c_str(), static_cast<long long>(n.pid), n.workers,
                        static_cast<long long>(n.runningJobs), n.heartbeatAt.c_str());
        }
    }
    if (json) std::cout << out.dump(2) << "\n";
    return kOk;
}

int flowsExport(const Globals& g, const std::string& name) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto f = (*c)->flows().current(name);
    if (!f) return fail(f.status());
    std::cout << f->definition.json.dump(2) << "\n";
    return kOk;
}

int flowsValidate(const std::vector<std::string>& files) {
    for (const auto& path : files) {
        auto def = Client::checkFlowFile(path);
        if (!def) return fail(def.status());
        std::cout << path << ": flow " << def->name << " is valid (" << def->steps.size() << " step(s))\n";
    }
    return kOk;
}

int usersAdd(const Globals& g, const std::string& login, const std::string& role, bool passwordStdin) {
    auto pw = readPassword(passwordStdin);
    if (!pw) return fail(pw.status());
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto u = (*c)->users().create(login, *pw, role);
    if (!u) return fail(u.status());
    if (!passwordStdin) std::cout << *pw << "\n";
    return kOk;
}

int usersPasswd(const Globals& g, const std::string& login, bool passwordStdin) {
    auto pw = readPassword(passwordStdin);
    if (!pw) return fail(pw.status());
    auto c = openClient(g);
    if (!c) return fail(c.status());
    Status s = (*c)->users().setPassword(login, *pw);
    if (!s) return fail(s);
    if (!passwordStdin) std::cout << *pw << "\n";
    return kOk;
}

int usersList(const Globals& g, bool json) {
    auto c = openClient(g);
    if (!c) return fail(c.status());
    auto users = (*c)->users().list();
    if (!users) return fail(users.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : *users) {
        if (json)
            out.push_back({{"login", u.login}, {"role", u.role}, {"enabled", u.enabled},
                           {"last_login_at", u.lastLoginAt ? nlohmann::json(*u.lastLoginAt) : nlohmann::json()}});
        else
            std::printf("%-30s %-9s %-8s %s\n", u.login.c_str(), u.role.c_str(), u.enabled ? "enabled" : "disabled",
                        u.lastLoginAt.value_or("never").c_str());
    }
    if (json) std::cout << out.dump(2) << "\n";
    return kOk;
}

}  // namespace relais::cli
