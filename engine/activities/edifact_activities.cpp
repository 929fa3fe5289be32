// edifact.contrl, edifact.split, edifact.to_pivot and pivot.to_edifact.
#include "activities/edifact_activities.h"

#include <filesystem>

#include "activities/scratch_dir.h"
#include "base/atomic_file.h"
#include "formats/edifact_translate.h"
#include "formats/pivot_reader.h"
#include "formats/pivot_records.h"
#include "partners/partner_edifact.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

using edifact::ReadOutcome;

// Checks that `with` has only `known` keys, and that each of `paths` is an absolute path string.
Status checkKeys(const nlohmann::json& with, const char* activity, const std::vector<std::string>& known,
                 const std::vector<std::string>& paths = {}) {
    if (!with.is_object()) return Status(Code::InvalidArgument, std::string("settings of ") + activity + " must be an object");
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    for (const auto& [k, v] : with.items())
        if (std::find(known.begin(), known.end(), k) == known.end())
            return Status(Code::InvalidArgument, k + " is not a " + activity + " setting (known: " + list + ")");
    for (const auto& p : paths) {
        if (!with.contains(p)) continue;
        if (!with[p].is_string() || !fs::path(with[p].get<std::string>()).is_absolute())
            return Status(Code::InvalidArgument, p + " must be an absolute folder path");
    }
    return Status::ok();
}

Status checkGln(const nlohmann::json& with, const char* key) {
    if (!with.contains(key)) return Status::ok();
    const pivot::FieldSpec spec{"GLN", pivot::FieldKind::Gln, false};
    if (!with[key].is_string()) return Status(Code::InvalidArgument, std::string(key) + " must be a GLN (13 digits)");
    if (std::string why = pivot::checkField(spec, with[key].get<std::string>()); !why.empty())
        return Status(Code::InvalidArgument, std::string(key) + " '" + with[key].get<std::string>() + "' " + why);
    return Status::ok();
}

Result<std::set<pivot::Message>> messagesOf(const nlohmann::json& with) {
    if (!with.contains("messages")) return std::set<pivot::Message>{pivot::Message::Orders};
    std::set<pivot::Message> out;
    const auto& m = with["messages"];
    if (!m.is_array() || m.empty()) return Status(Code::InvalidArgument, "messages must be a list such as [\"ORDERS\"]");
    for (const auto& v : m) {
        auto message = v.is_string() ? pivot::messageFromName(v.get<std::string>()) : std::nullopt;
        if (!message) return Status(Code::InvalidArgument, "messages holds " + v.dump() + ": not ORDERS, DESADV or INVOIC");
        out.insert(*message);
    }
    return out;
}

std::string stem(const std::string& name) {
    const std::string s = fs::path(name).stem().string();
    return s.empty() ? "document" : s;
}

// A control reference of at most 14 characters, unique per job and input.
std::string contrlReference(const StepContext& ctx, size_t index) {
    std::string r = std::to_string(ctx.jobId()) + "C" + std::to_string(index + 1);
    return r.size() > 14 ? r.substr(r.size() - 14) : r;
}

// Builds the CONTRL answering `outcome`, keeps it as a job document and
// deposits it in with[pathKey] when set. Returns the error to fail with
// (the outcome's, naming the place) or ok.
Status answer(StepContext& ctx, const nlohmann::json& with, const char* pathKey, const StepDocument& doc, size_t index,
              const ReadOutcome& outcome, StepFailure& failure) {
    edifact::ContrlOptions options;
    options.reference = contrlReference(ctx, index);
    if (with.contains("own_gln")) options.fallbackSender = with["own_gln"].get<std::string>();
    auto contrl = edifact::buildContrl(outcome, options);
    if (!contrl) return contrl.status();
    ScratchDir scratch("relais-contrl");
    const std::string name = "CONTRL-" + stem(doc.record.name) + ".edi";
    const std::string file = scratch.path() + "/" + name;
    Status s = scratch.path().empty() ? Status(Code::Io, "cannot create a temporary folder") : writeFileAtomic(file, *contrl);
    if (s) s = ctx.addOutput(name, file).status();
    if (s && with.contains(pathKey)) {
        const std::string dir = with[pathKey].get<std::string>();
        s = makeDirs(dir);
        if (s) s = copyFileAtomic(file, dir + "/" + name);
    }
    if (!s) {
        failure.transient = true;
        return s;
    }
    ctx.log(outcome.ok() ? "info" : "warn",
            (outcome.ok() ? "accepted " : "rejected ") + doc.record.name + ": CONTRL " + name +
                (with.contains(pathKey) ? " deposited in " + with[pathKey].get<std::string>() : ""));
    if (outcome.ok()) return Status::ok();
    return Status(Code::InvalidArgument, outcome.error->describe(doc.record.name));
}

}  // namespace

// ---- edifact.contrl ----------------------------------------------------------

Status EdifactContrlActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkKeys(with, "edifact.contrl", {"path", "own_gln"}, {"path"}));
    return checkGln(with, "own_gln");
}

Status EdifactContrlActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                                  std::vector<StepDocument>& outputs, StepFailure& failure) const {
    if (inputs.empty()) return Status(Code::InvalidArgument, "edifact.contrl needs an interchange as input document");
    for (size_t i = 0; i < inputs.size(); ++i) {
        edifact::InterchangeHandler nothing;
        const ReadOutcome outcome = edifact::readInterchangeFile(inputs[i].path, nothing);
        RELAIS_TRY(answer(ctx, with, "path", inputs[i], i, outcome, failure));
    }
    outputs = inputs;
    return Status::ok();
}

// ---- edifact.split -------------------------------------------------------------

Status EdifactSplitActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkKeys(with, "edifact.split", {"flow", "contrl_path", "own_gln"}, {"contrl_path"}));
    if (!with.contains("flow") || !with["flow"].is_string() || with["flow"].get<std::string>().empty())
        return Status(Code::InvalidArgument, "flow is missing: the flow each message's job goes to");
    return checkGln(with, "own_gln");
}

Status EdifactSplitActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                                 std::vector<StepDocument>& outputs, StepFailure& failure) const {
    if (inputs.empty()) return Status(Code::InvalidArgument, "edifact.split needs an interchange as input document");
    const std::string flow = with["flow"].get<std::string>();
    ScratchDir scratch("relais-edifact-split");
    if (scratch.path().empty()) {
        failure.transient = true;
        return Status(Code::Io, "cannot create a temporary folder for the messages");
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        const StepDocument& doc = inputs[i];
        // The whole interchange is checked first: a rejected one makes no job.
        edifact::InterchangeHandler nothing;
        const ReadOutcome checked = edifact::readInterchangeFile(doc.path, nothing);
        if (!checked.ok()) return answer(ctx, with, "contrl_path", doc, i, checked, failure);
        int submitted = 0, existing = 0;
        Status sinkError;
        const ReadOutcome outcome =
            edifact::splitInterchangeFile(doc.path, [&](const edifact::MessageHeader& m, const std::string& bytes) -> Status {
                const std::string name = stem(doc.record.name) + "-" + std::to_string(m.index) + ".edi";
                const std::string file = scratch.path() + "/" + name;
                RELAIS_TRY(writeFileAtomic(file, bytes));
                SubmitRequest req;
                req.flow = flow;
                req.files = {{name, file}};
                req.params = ctx.params();
                req.params["parent_job"] = std::to_string(ctx.jobId());
                req.params["parent_document"] = std::to_string(doc.record.id);
                req.params["message_ref"] = m.reference;
                req.submittedBy = "job:" + std::to_string(ctx.jobId());
                req.dedupKey = "edifact.split:" + std::to_string(doc.record.id) + ":" + std::to_string(m.index);
                auto id = ctx.submitJob(req);
                if (id) {
                    ++submitted;
                    ctx.log("info", "message " + m.reference + " (" + m.type + ") of " + doc.record.name + ": job " +
                                        std::to_string(*id) + " in flow " + flow);
                } else if (id.status().code() == Code::AlreadyExists) {
                    ++existing;  // the step runs again: that message's job exists
                } else {
                    sinkError = id.status();
                    return id.status();
                }
                return Status::ok();
            });
        if (!sinkError.isOk()) {
            failure.transient = sinkError.code() == Code::Unavailable || sinkError.code() == Code::Io;
            return sinkError;
        }
        if (!outcome.ok()) return answer(ctx, with, "contrl_path", doc, i, outcome, failure);
        ctx.log("info", doc.record.name + ": " + std::to_string(submitted) + " message job(s) submitted" +
                            (existing ? ", " + std::to_string(existing) + " submitted before" : ""));
    }
    outputs = inputs;
    return Status::ok();
}

// ---- edifact.to_pivot ----------------------------------------------------------

Status EdifactToPivotActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkKeys(with, "edifact.to_pivot", {"messages", "charset", "contrl_path", "own_gln"}, {"contrl_path"}));
    RELAIS_TRY(messagesOf(with).status());
    if (with.contains("charset") && with["charset"] != "UTF-8" && with["charset"] != "ISO-8859-1")
        return Status(Code::InvalidArgument, "charset must be UTF-8 or ISO-8859-1");
    return checkGln(with, "own_gln");
}

Status EdifactToPivotActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                                   std::vector<StepDocument>& outputs, StepFailure& failure) const {
    if (inputs.empty()) return Status(Code::InvalidArgument, "edifact.to_pivot needs an interchange as input document");
    RELAIS_ASSIGN_OR_RETURN(auto accepted, messagesOf(with));
    const auto charset = with.value("charset", "UTF-8") == "UTF-8" ? pivot::Charset::Utf8 : pivot::Charset::Latin1;
    ScratchDir scratch("relais-edifact-pivot");
    if (scratch.path().empty()) {
        failure.transient = true;
        return Status(Code::Io, "cannot create a temporary folder for the pivot files");
    }
    std::vector<StepDocument> made;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const StepDocument& doc = inputs[i];
        const std::string name = stem(doc.record.name) + ".pivot";
        const std::string file = scratch.path() + "/" + name;
        auto r = edifact::interchangeToPivot(doc.path, accepted, file, charset);
        if (!r.ioError.empty()) {
            failure.transient = true;
            return Status(Code::Io, r.ioError);
        }
        if (!r.outcome.ok()) return answer(ctx, with, "contrl_path", doc, i, r.outcome, failure);
        auto out = ctx.addOutput(name, file);
        if (!out) {
            failure.transient = true;
            return out.status();
        }
        ctx.log("info", doc.record.name + ": " + std::to_string(r.documents) + " document(s) in " + name);
        made.push_back(std::move(out).value());
    }
    outputs = std::move(made);
    return Status::ok();
}

// ---- pivot.to_edifact ----------------------------------------------------------

Status PivotToEdifactActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkKeys(with, "pivot.to_edifact", {"type", "partner", "own_gln"}));
    if (!with.contains("type") || (with["type"] != "DESADV" && with["type"] != "INVOIC"))
        return Status(Code::InvalidArgument, "type must be DESADV or INVOIC");
    if (with.contains("partner") && (!with["partner"].is_string() || with["partner"].get<std::string>().empty()))
        return Status(Code::InvalidArgument, "partner must be a partner code");
    return checkGln(with, "own_gln");
}

Status PivotToEdifactActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                                   std::vector<StepDocument>& outputs, StepFailure& failure) const {
    if (inputs.empty()) return Status(Code::InvalidArgument, "pivot.to_edifact needs a pivot file as input document");
    const auto type = *pivot::messageFromName(with["type"].get<std::string>());
    std::string partner = with.value("partner", "");
    if (partner.empty() && ctx.params().count("partner")) partner = ctx.params().at("partner");
    if (partner.empty())
        return Status(Code::InvalidArgument, "no partner: set the step's partner or the job's partner parameter");
    db::Connection* conn = ctx.connection();
    if (!conn) return Status(Code::FailedPrecondition, "pivot.to_edifact needs the database (partner settings)");
    PartnerEdifactSettings settings(*conn);
    auto syntax = settings.syntaxOf(partner);
    if (!syntax) {
        failure.transient = syntax.status().code() == Code::Unavailable;
        return syntax.status();
    }
    ScratchDir scratch("relais-pivot-edifact");
    if (scratch.path().empty()) {
        failure.transient = true;
        return Status(Code::Io, "cannot create a temporary folder for the interchanges");
    }
    std::vector<StepDocument> made;
    for (const auto& doc : inputs) {
        auto file = pivot::readPivotFile(doc.path);
        if (!file) {
            std::string m = file.status().message();
            if (m.rfind(doc.path, 0) == 0) m.replace(0, doc.path.size(), doc.record.name);
            return Status(file.status().code(), m);
        }
        std::string sender = with.value("own_gln", "");
        if (sender.empty() && !file->documents.empty()) {
            const pivot::Party* su = file->documents.front().party("SU");
            if (su) sender = su->gln;
        }
        if (sender.empty())
            return Status(Code::InvalidArgument, doc.record.name + ": no sender GLN: set own_gln or give the supplier (PAR;SU) a GLN");
        auto reference = settings.nextReference(partner);
        if (!reference) {
            failure.transient = true;
            return reference.status();
        }
        auto edi = edifact::pivotToInterchange(*file, type, sender, *syntax, *reference);
        if (!edi) return Status(edi.status().code(), doc.record.name + ": " + edi.status().message());
        const std::string name = stem(doc.record.name) + "." + pivot::messageName(type) + ".edi";
        const std::string path = scratch.path() + "/" + name;
        Status s = writeFileAtomic(path, *edi);
        auto out = s ? ctx.addOutput(name, path) : Result<StepDocument>(s);
        if (!out) {
            failure.transient = true;
            return out.status();
        }
        ctx.log("info", doc.record.name + ": " + std::to_string(file->documents.size()) + " " + pivot::messageName(type) +
                            " in " + name + " for " + partner + " (reference " + *reference + ")");
        made.push_back(std::move(out).value());
    }
    outputs = std::move(made);
    return Status::ok();
}

}  // namespace relais
