// libFuzzer target for the EDIFACT reader (tests/fuzz/run.sh builds it with
// clang and runs it; tests/run.sh's fuzz suite, docs/edifact.md). Any input
// must end in a clean outcome, never a crash, a sanitizer report or a hang;
// and what the reader accepts must survive the rest of the translation: the
// pivot mapping, a CONTRL the reader itself accepts, a split whose pieces
// read again.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "formats/edifact_translate.h"
#include "formats/pivot_writer.h"

using namespace relais;
using namespace relais::edifact;

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "property broken: %s\n", what);
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    EancomToPivot mapper({pivot::Message::Orders, pivot::Message::Desadv, pivot::Message::Invoic},
                         [](pivot::Document&& d, const MessageHeader&) {
                             pivot::PivotFile f;
                             f.documents.push_back(std::move(d));
                             return pivot::writePivot(f).status();
                         });
    StringSource source(bytes);
    const ReadOutcome outcome = readInterchange(source, mapper);
    if (outcome.error) (void)outcome.error->describe("fuzz");

    auto contrl = buildContrl(outcome, {.reference = "F1"});
    if (contrl) {
        StringSource again(*contrl);
        InterchangeHandler nothing;
        const ReadOutcome c = readInterchange(again, nothing);
        require(c.ok(), "a CONTRL the reader refuses");
    }
    if (outcome.ok()) {
        StringSource again(bytes);
        const ReadOutcome split = splitInterchange(again, [](const MessageHeader&, const std::string& piece) {
            StringSource one(piece);
            InterchangeHandler nothing;
            const ReadOutcome o = readInterchange(one, nothing);
            require(o.ok() && o.messages == 1, "a split piece the reader refuses");
            return Status::ok();
        });
        require(split.ok(), "an accepted interchange that does not split");
    }
    return 0;
}
