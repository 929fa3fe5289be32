// libFuzzer target for the EDIFACT reader (tests/fuzz/run.sh builds it with
// clang and runs it; tests/run.sh's fuzz suite, docs/edifact.md). Any input
// must end in a clean outcome, never a crash, a sanitizer report or a hang;
// and what the reader accepts must survive the rest of the translation: the
// pivot mapping, a CONTRL the reader itself accepts, a split whose pieces
// read again. Read again in small pieces (as a pipe gives them), every input
// hands out the same segments and ends the same way, to the byte; and every
// way of classifying its bytes (plain loop, SSE2, AVX2) agrees.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "../edifact/segment_transcript.h"
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

    for (size_t at = 0; at < size; at += 64) {
        char block[64] = {};
        std::memcpy(block, data + at, std::min<size_t>(64, size - at));
        for (bool levelA : {false, true}) {
            const std::vector<BlockMasks> ways = blockMasksEveryWay(block, Separators{}, levelA);
            for (const BlockMasks& m : ways) require(m == ways.front(), "two ways of classifying bytes disagree");
        }
    }
    {
        StringSource all(bytes), pieces(bytes, 1 + (size > 0 ? data[size / 2] % 80 : 0));
        require(SegmentTranscript::of(all) == SegmentTranscript::of(pieces), "reading in pieces reads otherwise");
    }

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
