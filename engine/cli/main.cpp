// `relais`: the command line face of the core (CLI11 parses, cli/commands runs).
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/edifact_commands.h"
#include "cli/sage_commands.h"
#include "cli/transfer_commands.h"
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

    std::string documentId;
    auto* documentCmd = app.add_subcommand("document", "write a document's bytes (an id from relais show) to standard output");
    documentCmd->add_option("ID", documentId, "document id")->required();
    documentCmd->callback([&] { rc = writeDocument(g, documentId); });

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

    // relais sage import|export: the Sage 100 connector over ODBC (docs/sage100.md).
    auto* sageCmd = app.add_subcommand("sage", "import pivot files into Sage 100, export Sage documents as pivot files");
    sageCmd->require_subcommand(1);
    SageOptions sage;
    std::map<std::string, std::string> sageText;
    auto sageCommon = [&](CLI::App* cmd) {
        cmd->add_option("--dsn", sage.dsn, "ODBC data source name, or a whole ODBC connection string")->required();
        cmd->add_option("--user", sage.user, "database user (else the DSN's)");
        cmd->add_flag("--password-stdin", sage.passwordStdin, "read the password from the first line of standard input");
        cmd->add_flag("--json", sage.json, "print the report as JSON");
    };
    std::vector<std::string> pivotFiles;
    auto* simp = sageCmd->add_subcommand("import", "import the documents of pivot files into Sage");
    simp->add_option("FILE", pivotFiles, "pivot files")->required();
    sageCommon(simp);
    for (const auto& [key, help] : std::vector<std::pair<std::string, std::string>>{
             {"domain", "sales (default) or purchases"},
             {"document_type", "quote, order (default), preparation (purchases), delivery or invoice"},
             {"generic_customer", "CT_Num used when a buyer's GLN is unknown"},
             {"generic_supplier", "CT_Num used when a supplier's GLN is unknown"},
             {"generic_item", "AR_Ref used when an EAN is unknown"},
             {"prices", "pivot (default: the pivot's, else Sage's) or sage"}}) {
        std::string flag = "--" + key;
        for (auto& c : flag)
            if (c == '_') c = '-';
        simp->add_option(flag, sageText[key], help);
    }
    simp->add_flag("--create-delivery-places", sage.createDeliveryPlaces, "create unknown delivery places (F_LIVRAISON)");
    simp->add_option("--depot", sage.depot, "DE_No of the depot (default: the main depot)");
    simp->add_option("--souche", sage.souche, "numbering series (DO_Souche, default 0)");
    simp->callback([&] {
        for (const auto& kv : sageText) sage.settings.push_back(kv);
        rc = sageImport(sage, pivotFiles);
    });
    SageExportOptions sageExp;
    auto* sexp = sageCmd->add_subcommand("export", "export Sage documents not exported yet as pivot files");
    sageCommon(sexp);
    sexp->add_option("--type", sageExp.type,
                     "invoice (default), credit_note, delivery or order; several separated by commas (invoice,credit_note)");
    sexp->add_option("--domain", sageExp.domain, "sales (default: the customers' documents) or purchases (the suppliers')");
    sexp->add_option("--from", sageExp.from, "documents dated from this day (YYYY-MM-DD)");
    sexp->add_option("--to", sageExp.to, "documents dated up to this day, included");
    sexp->add_option("--customer", sageExp.customer, "only this customer's, or supplier's with --domain purchases (CT_Num)");
    sexp->add_option("--out", sageExp.out, "folder for the pivot files")->required();
    sexp->add_flag("--one-file", sageExp.oneFile, "one file for every document instead of one file each");
    sexp->add_option("--charset", sageExp.charset, "UTF-8 (default) or ISO-8859-1");
    sexp->add_option("--own-gln", sageText["own_gln"], "GLN of the Sage file's company (the supplier)")->required();
    sexp->add_option("--own-name", sageText["own_name"], "name of the Sage file's company");
    sexp->callback([&] {
        sage.settings = {{"own_gln", sageText["own_gln"]}, {"own_name", sageText["own_name"]}};
        rc = sageExport(sage, sageExp);
    });

    // relais mssante-proof FQDN: the MSSanté API LPS/DUI deployment proof (docs/transfers.md).
    std::string proofHost, proofOut;
    int proofImap = 143, proofSmtp = 587, proofTimeout = 0;
    auto* proofCmd = app.add_subcommand("mssante-proof", "capture the IMAP and SMTP listings proving an MSSanté API LPS/DUI");
    proofCmd->add_option("FQDN", proofHost, "the API's host name")->required();
    proofCmd->add_option("--imap-port", proofImap, "IMAP port (default 143)");
    proofCmd->add_option("--smtp-port", proofSmtp, "SMTP submission port (default 587)");
    proofCmd->add_option("--out", proofOut, "write the proof to this .txt file (default: standard output)");
    proofCmd->add_option("--timeout", proofTimeout,
                         "seconds the whole proof may take (default: [transfer] mssante_proof_timeout_seconds, 25)")
        ->check(CLI::Range(1, 3600));
    proofCmd->callback([&] { rc = mssanteProof(g, proofHost, proofImap, proofSmtp, proofOut, proofTimeout); });
    // relais edifact check|to-pivot|from-pivot (docs/edifact.md).
    auto* edi = app.add_subcommand("edifact", "check EDIFACT interchanges, translate them to and from pivot files");
    edi->require_subcommand(1);
    std::string ediFile, ediOut, ediType, ediPartner, ediMessages, ediOwnGln;
    auto* echeck = edi->add_subcommand("check", "validate an interchange and summarise it (exit 0 valid, 1 invalid)");
    echeck->add_option("FILE", ediFile, "EDIFACT interchange")->required();
    echeck->add_flag("--json", json, "print JSON");
    echeck->callback([&] { rc = edifactCheck(ediFile, json); });
    auto* etop = edi->add_subcommand("to-pivot", "translate an interchange's messages into a pivot file");
    etop->add_option("FILE", ediFile, "EDIFACT interchange")->required();
    etop->add_option("--out", ediOut, "folder for the pivot file")->required();
    etop->add_option("--messages", ediMessages, "message types to translate, comma-separated (default ORDERS)");
    etop->callback([&] { rc = edifactToPivot(ediFile, ediOut, ediMessages); });
    auto* efrom = edi->add_subcommand("from-pivot", "write a pivot file's documents as an interchange to a partner");
    efrom->add_option("FILE", ediFile, "pivot file")->required();
    efrom->add_option("--type", ediType, "DESADV or INVOIC")->required();
    efrom->add_option("--partner", ediPartner, "partner code (its GLN and EDIFACT settings)")->required();
    efrom->add_option("--out", ediOut, "folder for the interchange")->required();
    efrom->add_option("--own-gln", ediOwnGln, "sender GLN (default: the supplier's, PAR;SU)");
    efrom->callback([&] { rc = edifactFromPivot(g, ediFile, ediType, ediPartner, ediOut, ediOwnGln); });

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
