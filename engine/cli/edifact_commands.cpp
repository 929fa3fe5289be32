// `relais edifact` commands over the core's EDIFACT translation.
#include "cli/edifact_commands.h"

#include <filesystem>
#include <iostream>
#include <sstream>

#include "base/atomic_file.h"
#include "client/client.h"
#include "formats/edifact_translate.h"
#include "formats/pivot_reader.h"
#include "partners/partner_edifact.h"

namespace fs = std::filesystem;

namespace relais::cli {
namespace {

int fail(const std::string& message) {
    std::cerr << "relais: " << message << "\n";
    return kError;
}

std::string stem(const std::string& file) { return fs::path(file).stem().string(); }

Status checkOutDir(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status(Code::NotFound, "output folder " + dir + " does not exist");
    return Status::ok();
}

}  // namespace

int edifactCheck(const std::string& file, bool json) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return fail("cannot read " + file + ": no such file");
    const auto summary = edifact::checkInterchangeFile(file);
    const auto& o = summary.outcome;
    if (json) {
        std::cout << summary.toJson(file).dump(2) << "\n";
        return o.ok() ? kOk : kJobFailed;
    }
    std::ostringstream line;
    line << file << ": " << (o.ok() ? "valid" : "INVALID") << " interchange";
    if (o.headerRead) {
        const auto& h = o.header;
        line << " " << h.reference << " from " << h.sender << (h.senderQualifier.empty() ? "" : ":" + h.senderQualifier)
             << " to " << h.recipient << (h.recipientQualifier.empty() ? "" : ":" + h.recipientQualifier) << ", "
             << h.syntaxId << ":" << h.syntaxVersion << (h.testIndicator == "1" ? ", test" : "");
    }
    int total = 0;
    std::string byType;
    for (const auto& [type, n] : summary.messagesByType) {
        total += n;
        byType += (byType.empty() ? "" : ", ") + type + " " + std::to_string(n);
    }
    line << ", " << total << " message(s)" << (byType.empty() ? "" : " (" + byType + ")");
    if (o.groups > 0) line << " in " << o.groups << " group(s)";
    std::cout << line.str() << "\n";
    if (!o.ok()) std::cout << "error: " << o.error->describe(file) << " [CONTRL code " << o.error->code << "]\n";
    return o.ok() ? kOk : kJobFailed;
}

int edifactToPivot(const std::string& file, const std::string& outDir, const std::string& messages) {
    std::set<pivot::Message> accepted;
    std::stringstream list(messages.empty() ? "ORDERS" : messages);
    for (std::string m; std::getline(list, m, ',');) {
        auto message = pivot::messageFromName(m);
        if (!message) return fail("--messages: '" + m + "' is not ORDERS, DESADV or INVOIC");
        accepted.insert(*message);
    }
    if (Status s = checkOutDir(outDir); !s) return fail(s.message());
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return fail("cannot read " + file + ": no such file");
    const std::string out = (fs::path(outDir) / (stem(file) + ".pivot")).string();
    auto r = edifact::interchangeToPivot(file, accepted, out);
    if (!r.outcome.ok()) return fail(r.outcome.error->describe(file));
    if (!r.ioError.empty()) return fail(r.ioError);
    std::cout << file << ": " << r.documents << " document(s) -> " << out << "\n";
    return kOk;
}

int edifactFromPivot(const Globals& g, const std::string& file, const std::string& type, const std::string& partner,
                     const std::string& outDir, const std::string& ownGln) {
    auto message = pivot::messageFromName(type);
    if (!message || *message == pivot::Message::Orders) return fail("--type '" + type + "' is not DESADV or INVOIC");
    if (Status s = checkOutDir(outDir); !s) return fail(s.message());
    auto pivotFile = pivot::readPivotFile(file);
    if (!pivotFile) return fail(pivotFile.status().message());
    std::string sender = ownGln;
    if (sender.empty() && !pivotFile->documents.empty())
        if (const pivot::Party* su = pivotFile->documents.front().party("SU")) sender = su->gln;
    if (sender.empty()) return fail(file + ": no sender GLN: give --own-gln or the supplier (PAR;SU) a GLN");
    auto client = Client::open(g.config);
    if (!client) return fail(client.status().message());
    PartnerEdifactSettings settings((*client)->connection());
    auto syntax = settings.syntaxOf(partner);
    if (!syntax) return fail(syntax.status().message());
    auto reference = settings.nextReference(partner);
    if (!reference) return fail(reference.status().message());
    auto edi = edifact::pivotToInterchange(*pivotFile, *message, sender, *syntax, *reference);
    if (!edi) return fail(file + ": " + edi.status().message());
    const std::string out = (fs::path(outDir) / (stem(file) + "." + type + ".edi")).string();
    if (Status s = writeFileAtomic(out, *edi); !s) return fail(s.message());
    std::cout << file << ": " << pivotFile->documents.size() << " " << type << " -> " << out << " (interchange "
              << *reference << " to " << partner << ", " << edifact::syntaxLevelName(syntax->level) << ")\n";
    return kOk;
}

}  // namespace relais::cli
