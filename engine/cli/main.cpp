// `relais`: the command line face of the core (CLI11 parses, cli/commands runs).
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>
#include <map>

#include "cli/commands.h"
#include "client/client.h"

int main(int argc, char** argv) {
    using namespace relais::cli;
    spdlog::set_level(spdlog::level::warn);
    CLI::App app{"relais: control the Relais data-exchange engine"};
    app.require_subcommand(1);
    Globals g;
    app.add_option("--config", g.config, "configuration file (else $RELAIS_CONFIG, else /etc/relais/relais.ini)");
    int rc = kOk;
    bool json = false;

    auto* version = app.add_subcommand("version", "print the version");
    version->callback([&] { std::cout << "relais " << relais::version() << "\n"; });

    std::string sqlDir;
    auto* mig = app.add_subcommand("migrate", "create or update the database schema");
    mig->add_option("--sql-dir", sqlDir, "folder of the migrations (default: found next to the program)");
    mig->callback([&] { rc = migrate(g, sqlDir); });

    auto* flows = app.add_subcommand("flows", "manage flows");
    flows->require_subcommand(1);
    std::vector<std::string> flowFiles;
    auto* imp = flows->add_subcommand("import", "import flow definitions (a changed one becomes a new version)");
    imp->add_option("FILE", flowFiles, "flow JSON files")->required();
    imp->callback([&] { rc = flowsImport(g, flowFiles); });
    auto* flist = flows->add_subcommand("list", "list flows (current versions)");
    flist->add_flag("--json", json, "print JSON");
    flist->callback([&] { rc = flowsList(g, json); });
    std::string flowName;
    auto* en = flows->add_subcommand("enable", "allow jobs to be submitted to a flow");
    en->add_option("NAME", flowName)->required();
    en->callback([&] { rc = flowsSetEnabled(g, flowName, true); });
    auto* dis = flows->add_subcommand("disable", "refuse new jobs for a flow");
    dis->add_option("NAME", flowName)->required();
    dis->callback([&] { rc = flowsSetEnabled(g, flowName, false); });

    auto* fexp = flows->add_subcommand("export", "print the current definition of a flow");
    fexp->add_option("NAME", flowName)->required();
    fexp->callback([&] { rc = flowsExport(g, flowName); });
    auto* fval = flows->add_subcommand("validate", "check flow files without importing them (no database needed)");
    fval->add_option("FILE", flowFiles, "flow JSON files")->required();
    fval->callback([&] { rc = flowsValidate(flowFiles); });

    std::string flow, partner;
    std::vector<std::string> files, params;
    int wait = 60;
    auto* sub = app.add_subcommand("submit", "submit a job to a flow; prints its id");
    sub->add_option("FLOW", flow, "flow name")->required();
    sub->add_option("FILE", files, "input documents");
    sub->add_option("--param", params, "job parameter KEY=VALUE (repeatable)");
    sub->add_option("--partner", partner, "the partner the job exchanges with (default: the partner parameter)");
    auto* waitOpt = sub->add_option("--wait", wait, "wait until the job ends (default 60 s); exit 0 succeeded, 1 failed, 3 timeout")
                        ->expected(0, 1)
                        ->default_val(60);
    sub->add_flag("--json", json, "print the job as JSON");
    sub->callback([&] {
        rc = submit(g, flow, files, params, partner, waitOpt->count() ? std::optional<int>(wait) : std::nullopt, json);
    });

    std::string job;
    auto* showCmd = app.add_subcommand("show", "show a job: steps, documents, log");
    showCmd->add_option("JOB", job, "job id")->required();
    showCmd->add_flag("--json", json, "print JSON");
    showCmd->callback([&] { rc = show(g, job, json); });

    std::string status, flowFilter, partnerFilter, from, to, document;
    int64_t before = 0;
    int limit = 50;
    auto* listCmd = app.add_subcommand("list", "list jobs, newest first, a page at a time");
    listCmd->add_option("--status", status, "only jobs with this status");
    listCmd->add_option("--flow", flowFilter, "only jobs of this flow");
    listCmd->add_option("--partner", partnerFilter, "only jobs exchanged with this partner");
    listCmd->add_option("--from", from, "only jobs created at or after this UTC time: YYYY-MM-DD[ HH:MM[:SS]]");
    listCmd->add_option("--to", to, "only jobs created up to this UTC day, minute or second (included)");
    listCmd->add_option("--document", document, "only jobs with a document whose name starts with this");
    listCmd->add_option("--before", before, "only jobs with a smaller id (the next page: see the last line)");
    listCmd->add_option("--limit", limit, "how many (default 50)")->check(CLI::Range(1, 10000));
    listCmd->add_flag("--json", json, "print JSON");
    listCmd->callback([&] {
        relais::JobFilter f;
        auto set = [](std::optional<std::string>& field, const std::string& value) {
            if (!value.empty()) field = value;
        };
        set(f.status, status);
        set(f.flow, flowFilter);
        set(f.partner, partnerFilter);
        set(f.from, from);
        set(f.to, to);
        set(f.document, document);
        if (listCmd->count("--before")) f.before = before;
        f.limit = limit;
        rc = list(g, f, json);
    });

    std::string actionJob;
    for (const char* action : {"cancel", "pause", "resume", "retry"}) {
        static const std::map<std::string, std::string> help = {
            {"cancel", "cancel a job (a running job stops after its current step; a running program is stopped)"},
            {"pause", "pause a job (a running job pauses after its current step)"},
            {"resume", "resume a paused job"},
            {"retry", "run a failed or cancelled job again from the step that failed"}};
        auto* cmd = app.add_subcommand(action, help.at(action));
        cmd->add_option("JOB", actionJob, "job id")->required();
        cmd->callback([&, action] { rc = jobAction(g, action, actionJob); });
    }

    int olderThan = 0;
    bool dryRun = false;
    auto* purgeCmd = app.add_subcommand("purge", "remove finished jobs, their logs and unreferenced documents");
    purgeCmd->add_option("--older-than", olderThan, "days since the job finished")->required()->check(CLI::NonNegativeNumber);
    purgeCmd->add_option("--flow", flowFilter, "only jobs of this flow");
    purgeCmd->add_flag("--dry-run", dryRun, "count what would be removed, remove nothing");
    purgeCmd->callback([&] { rc = purge(g, olderThan, flowFilter, dryRun); });

    auto* nodesCmd = app.add_subcommand("nodes", "list engine nodes with their last heartbeat");
    nodesCmd->add_flag("--json", json, "print JSON");
    nodesCmd->callback([&] { rc = nodes(g, json); });

    auto* users = app.add_subcommand("users", "manage admin site users");
    users->require_subcommand(1);
    std::string login, role = "admin";
    bool pwStdin = false;
    auto* uadd = users->add_subcommand("add", "create a user; prints a generated password unless --password-stdin");
    uadd->add_option("LOGIN", login)->required();
    uadd->add_option("--role", role, "admin, operator or viewer (default admin)");
    uadd->add_flag("--password-stdin", pwStdin, "read the password from the first line of standard input");
    uadd->callback([&] { rc = usersAdd(g, login, role, pwStdin); });
    auto* upw = users->add_subcommand("passwd", "set a user's password; prints a generated one unless --password-stdin");
    upw->add_option("LOGIN", login)->required();
    upw->add_flag("--password-stdin", pwStdin, "read the password from the first line of standard input");
    upw->callback([&] { rc = usersPasswd(g, login, pwStdin); });
    auto* ulist = users->add_subcommand("list", "list users");
    ulist->add_flag("--json", json, "print JSON");
    ulist->callback([&] { rc = usersList(g, json); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "relais: " << e.what() << " (see relais --help)\n";
        return kError;
    }
    return rc;
}
