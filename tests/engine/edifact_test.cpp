// The EDIFACT reader and writer, the EANCOM mappings, CONTRL and split:
// the committed samples (tests/edifact/samples), one test per bad input of
// issue 8 naming its place (interchange, message, segment, element,
// component, expected versus found) and its CONTRL code, constant memory on
// a large interchange, and round trips through the writer.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>

#include "../edifact/segment_transcript.h"
#include "formats/edifact_translate.h"
#include "formats/pivot_reader.h"
#include "formats/pivot_writer.h"

using namespace relais;
using namespace relais::edifact;

namespace {

const std::string kSamples = RELAIS_SOURCE_DIR "/tests/edifact/samples/";

// A small valid interchange; tests change one thing in it.
const std::string kInterchange =
    "UNA:+.? '"
    "UNB+UNOC:3+3012345100014:14+3012345000000:14+240301:0815+REF42'"
    "UNH+M1+ORDERS:D:96A:UN:EAN008'"
    "BGM+220+PO-1+9'"
    "DTM+137:20240301:102'"
    "NAD+BY+3012345100014::9'"
    "NAD+SU+3012345000000::9'"
    "LIN+1++3760000000017:SRV'"
    "QTY+21:24:PCE'"
    "UNS+S'"
    "UNT+9+M1'"
    "UNZ+1+REF42'";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

ReadOutcome read(const std::string& bytes, InterchangeHandler& handler) {
    StringSource source(bytes);
    return readInterchange(source, handler);
}

ReadOutcome read(const std::string& bytes) {
    InterchangeHandler nothing;
    return read(bytes, nothing);
}

SyntaxError errorOf(const std::string& bytes) {
    ReadOutcome o = read(bytes);
    EXPECT_FALSE(o.ok()) << "accepted: " << bytes;
    return o.error.value_or(SyntaxError{});
}

// The documents of an interchange, as the ORDERS mapping reads them.
struct Mapped {
    ReadOutcome outcome;
    std::vector<pivot::Document> documents;
};
Mapped mapped(const std::string& bytes, std::set<pivot::Message> accepted = {pivot::Message::Orders}) {
    Mapped m;
    EancomToPivot mapper(accepted, [&](pivot::Document&& d, const MessageHeader&) {
        m.documents.push_back(std::move(d));
        return Status::ok();
    });
    m.outcome = read(bytes, mapper);
    return m;
}

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The segments of an interchange with default separators, one per entry.
std::vector<std::string> segmentsOf(const std::string& bytes) {
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '?' && i + 1 < bytes.size()) {
            cur += bytes[i];
            cur += bytes[++i];
        } else if (bytes[i] == '\'') {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += bytes[i];
        }
    }
    return out;
}

bool has(const std::vector<std::string>& segments, const std::string& seg) {
    return std::find(segments.begin(), segments.end(), seg) != segments.end();
}

}  // namespace

// ---- the reader ------------------------------------------------------------

TEST(EdifactReader, ReadsAValidInterchangeAndItsHeader) {
    ReadOutcome o = read(kInterchange);
    ASSERT_TRUE(o.ok()) << o.error->describe("t.edi");
    EXPECT_EQ(o.messages, 1);
    EXPECT_EQ(o.header.sender, "3012345100014");
    EXPECT_EQ(o.header.recipient, "3012345000000");
    EXPECT_EQ(o.header.reference, "REF42");
    EXPECT_EQ(o.header.level, SyntaxLevel::UNOC);
    EXPECT_TRUE(o.header.hasUna);
}

TEST(EdifactReader, ReadsTheCommittedSamples) {
    auto unoc = checkInterchangeFile(kSamples + "orders_d96a_unoc.edi");
    ASSERT_TRUE(unoc.outcome.ok()) << unoc.outcome.error->describe("unoc");
    EXPECT_EQ(unoc.messagesByType["ORDERS"], 2);
    auto groups = checkInterchangeFile(kSamples + "orders_unoa_group.edi");
    ASSERT_TRUE(groups.outcome.ok()) << groups.outcome.error->describe("group");
    EXPECT_EQ(groups.outcome.groups, 1);
    EXPECT_EQ(groups.outcome.header.level, SyntaxLevel::UNOA);
    EXPECT_FALSE(groups.outcome.header.hasUna);
    auto unow = checkInterchangeFile(kSamples + "orders_unow_release.edi");
    ASSERT_TRUE(unow.outcome.ok()) << unow.outcome.error->describe("unow");
    EXPECT_EQ(unow.outcome.header.separators.decimal, ',');
    EXPECT_EQ(unow.outcome.header.testIndicator, "1");
}

TEST(EdifactReader, ReleaseCharacterKeepsSeparatorsAsData) {
    Mapped m = mapped(replaced(kInterchange, "BGM+220+PO-1+9'", "BGM+220+PO?+1?:A??B?'C+9'"));
    ASSERT_TRUE(m.outcome.ok()) << m.outcome.error->describe("t");
    EXPECT_EQ(m.documents.at(0).number, "PO+1:A?B'C");
}

TEST(EdifactReader, UnaSeparatorsAreUsed) {
    std::string s = kInterchange;
    for (auto& c : s) {
        if (c == '+') c = '*';
        else if (c == '\'') c = '~';
    }
    s.replace(0, 9, "UNA:*.? ~");
    ReadOutcome o = read(s);
    EXPECT_TRUE(o.ok()) << o.error->describe("t");
    EXPECT_EQ(o.header.separators.element, '*');
}

TEST(EdifactReader, LineBreaksBetweenSegmentsAreAccepted) {
    std::string s;
    for (char c : kInterchange) {
        s += c;
        if (c == '\'') s += "\r\n";
    }
    EXPECT_TRUE(read(s).ok());
}

TEST(EdifactReader, MissingUnzNamesTheInterchangeAndWhatWasExpected) {
    const SyntaxError e = errorOf(replaced(kInterchange, "UNZ+1+REF42'", ""));
    EXPECT_EQ(e.code, "13");
    EXPECT_EQ(e.expected, "UNZ");
    EXPECT_EQ(e.describe("o.edi"),
              "o.edi: interchange REF42: missing UNZ: the interchange is not closed: expected UNZ, found "
              "'the end of the input' (byte 240)");
}

TEST(EdifactReader, WrongSegmentCountInUntNamesMessageSegmentAndElement) {
    const SyntaxError e = errorOf(replaced(kInterchange, "UNT+9+M1", "UNT+8+M1"));
    EXPECT_EQ(e.code, "29");
    EXPECT_EQ(e.messageRef, "M1");
    EXPECT_EQ(e.tag, "UNT");
    EXPECT_EQ(e.segment, 10);
    EXPECT_EQ(e.segmentInMessage, 9);
    EXPECT_EQ(e.element, 1);
    EXPECT_EQ(e.expected, "9");
    EXPECT_EQ(e.found, "8");
    EXPECT_NE(e.describe("o.edi").find("o.edi: interchange REF42, message M1 (ORDERS), segment 9 of the message (UNT, segment "
                                       "10 of the interchange), element 1 component 1: wrong segment count in UNT: expected "
                                       "9, found '8'"),
              std::string::npos)
        << e.describe("o.edi");
}

TEST(EdifactReader, WrongControlCountInUnz) {
    const SyntaxError e = errorOf(replaced(kInterchange, "UNZ+1+", "UNZ+2+"));
    EXPECT_EQ(e.code, "29");
    EXPECT_EQ(e.tag, "UNZ");
    EXPECT_EQ(e.expected, "1");
    EXPECT_EQ(e.found, "2");
    EXPECT_TRUE(e.messageRef.empty());
}

TEST(EdifactReader, UnzReferenceMustBeTheUnbs) {
    const SyntaxError e = errorOf(replaced(kInterchange, "UNZ+1+REF42", "UNZ+1+REF43"));
    EXPECT_EQ(e.code, "28");
    EXPECT_EQ(e.element, 2);
    EXPECT_EQ(e.expected, "REF42");
}

TEST(EdifactReader, UntReferenceMustBeTheUnhs) {
    const SyntaxError e = errorOf(replaced(kInterchange, "UNT+9+M1", "UNT+9+M2"));
    EXPECT_EQ(e.code, "28");
    EXPECT_EQ(e.messageRef, "M1");
}

TEST(EdifactReader, UnknownSyntaxIdentifier) {
    const SyntaxError e = errorOf(replaced(kInterchange, "UNOC:3", "UNOZ:3"));
    EXPECT_EQ(e.code, "2");
    EXPECT_EQ(e.tag, "UNB");
    EXPECT_EQ(e.element, 1);
    EXPECT_EQ(e.component, 1);
    EXPECT_EQ(e.found, "UNOZ");
    EXPECT_EQ(e.expected, "UNOA, UNOB, UNOC, UNOY or UNOW");
}

TEST(EdifactReader, LowerCaseIsOutsideUnoa) {
    const SyntaxError e = errorOf(replaced(replaced(kInterchange, "UNOC:3", "UNOA:3"), "PO-1", "Po-1"));
    EXPECT_EQ(e.code, "21");
    EXPECT_EQ(e.tag, "");  // the segment was not read to its end
    EXPECT_EQ(e.messageRef, "M1");
    EXPECT_EQ(e.segmentInMessage, 2);
    EXPECT_EQ(e.segment, 3);
    EXPECT_EQ(e.element, 2);
    EXPECT_EQ(e.component, 1);
    EXPECT_EQ(e.found, "o");
    EXPECT_NE(e.what.find("outside the declared syntax level UNOA"), std::string::npos) << e.what;
}

TEST(EdifactReader, LatinOneIsOutsideUnobAndBadUtf8OutsideUnow) {
    const SyntaxError b = errorOf(replaced(replaced(kInterchange, "UNOC:3", "UNOB:3"), "PO-1", "PO-\xE9"));
    EXPECT_EQ(b.code, "21");
    EXPECT_EQ(b.found, "\xE9");
    const SyntaxError w = errorOf(replaced(replaced(kInterchange, "UNOC:3", "UNOW:3"), "PO-1", "PO-\xE9x"));
    EXPECT_EQ(w.code, "21");
    EXPECT_NE(w.what.find("invalid UTF-8 for UNOW"), std::string::npos);
    EXPECT_TRUE(read(replaced(replaced(kInterchange, "UNOC:3", "UNOY:3"), "PO-1", "PO-\xC3\xA9")).ok());
    EXPECT_TRUE(read(replaced(kInterchange, "PO-1", "PO-\xE9")).ok()) << "é is Latin-1 (UNOC)";
}

TEST(EdifactReader, ControlCharacterInUnocIsRefused) {
    const SyntaxError e = errorOf(replaced(kInterchange, "PO-1", "PO\x01"));
    EXPECT_EQ(e.code, "21");
}

TEST(EdifactReader, ReleaseCharacterAtTheEndOfTheInput) {
    const SyntaxError e = errorOf(kInterchange.substr(0, kInterchange.size() - 1) + "?");
    EXPECT_EQ(e.code, "20");
    EXPECT_NE(e.what.find("release character '?' at the end of the input"), std::string::npos);
    EXPECT_EQ(e.found, "the end of the input");
}

TEST(EdifactReader, EmptyInputAndAnInterchangeWithoutMessage) {
    for (const std::string empty : {"", "\r\n", "UNA:+.? '"}) {
        const SyntaxError e = errorOf(empty);
        EXPECT_EQ(e.code, "13");
        EXPECT_NE(e.what.find("empty interchange"), std::string::npos);
    }
    const SyntaxError e = errorOf("UNB+UNOC:3+A:14+B:14+240301:0815+R1'UNZ+0+R1'");
    EXPECT_EQ(e.code, "32");
    EXPECT_EQ(e.tag, "UNZ");
}

TEST(EdifactReader, MissingUntBeforeTheNextMessage) {
    const SyntaxError e = errorOf(replaced(kInterchange, "UNT+9+M1'", ""));
    EXPECT_EQ(e.code, "13");
    EXPECT_EQ(e.expected, "UNT");
    EXPECT_EQ(e.found, "UNZ");
}

TEST(EdifactReader, InputEndingInsideASegment) {
    const SyntaxError e = errorOf(kInterchange.substr(0, kInterchange.size() - 1));
    EXPECT_EQ(e.code, "13");
    EXPECT_NE(e.what.find("without its terminator"), std::string::npos);
}

TEST(EdifactReader, GroupsAndMessagesMixedAndGroupCounts) {
    const std::string grouped = fileText(kSamples + "orders_unoa_group.edi");
    EXPECT_EQ(errorOf(replaced(grouped, "UNE+1+G1", "UNE+2+G1")).code, "29");
    EXPECT_EQ(errorOf(replaced(grouped, "UNE+1+G1", "UNE+1+G2")).code, "28");
    const SyntaxError e = errorOf(replaced(kInterchange, "UNZ+1+", "UNG+ORDERS+A+B+240301:0815+G1+UN+D:96A'UNZ+1+"));
    EXPECT_EQ(e.code, "30");
}

TEST(EdifactReader, DataAfterUnzIsRefused) {
    const SyntaxError e = errorOf(kInterchange + "UNB+UNOC:3+A+B+240301:0815+R2'");
    EXPECT_EQ(e.code, "33");
    EXPECT_EQ(e.found, "UNB");
}

TEST(EdifactReader, ASegmentWithoutTerminatorIsCutAtOneMebibyte) {
    const std::string huge = replaced(kInterchange, "PO-1", std::string(kMaxSegmentBytes + 10, 'A'));
    const SyntaxError e = errorOf(huge);
    EXPECT_EQ(e.code, "16");
}

// The scanner classifies its input 64 bytes at a time (a plain loop, SSE2,
// AVX2 where the processor has it): every way agrees, for every byte value,
// with the levels' characters and the separators, control characters and
// Latin-1 ones among them.
TEST(EdifactReader, EveryWayOfClassifyingBytesAgreesWithTheLevels) {
    const std::vector<Separators> sets = {Separators{}, *Separators::fromUnaChars("*~.! |"),
                                          *Separators::fromUnaChars("\x1F\x1D.? \x1C"),
                                          *Separators::fromUnaChars("\xB0\xB1,\xB2 \xB3")};
    for (const Separators& s : sets)
        for (bool levelA : {false, true})
            for (int from = 0; from < 256; from += 64) {
                char block[64];
                for (int i = 0; i < 64; ++i) block[i] = static_cast<char>(from + i);
                const std::vector<BlockMasks> ways = blockMasksEveryWay(block, s, levelA);
                ASSERT_FALSE(ways.empty());
                for (size_t w = 1; w < ways.size(); ++w) EXPECT_EQ(ways[w], ways[0]) << "way " << w << " from " << from;
                for (int i = 0; i < 64; ++i) {
                    const char c = block[i];
                    const auto u = static_cast<unsigned char>(c);
                    const bool plain = levelA ? allowedByte(SyntaxLevel::UNOA, u) : u >= 0x20 && u < 0x7F;
                    const bool look = !plain || c == s.release || c == s.segment;
                    EXPECT_EQ((ways[0].component >> i) & 1, c == s.component ? 1u : 0u) << int(u);
                    EXPECT_EQ((ways[0].element >> i) & 1, c == s.element ? 1u : 0u) << int(u);
                    EXPECT_EQ((ways[0].look >> i) & 1, look ? 1u : 0u) << int(u) << (levelA ? " level A" : "");
                }
            }
}

// The reader hands out segments as views into its buffer, moving the
// segment begun to the buffer's start as it reads on and moving bytes down
// over release characters: read in small pieces, every input (valid or not,
// with release characters, UTF-8 sequences and line breaks across the pieces)
// reads the same, to the byte of its error.
TEST(EdifactReader, ReadingInSmallPiecesChangesNothing) {
    std::vector<std::string> inputs = {
        kInterchange,
        fileText(kSamples + "orders_d96a_unoc.edi"),
        fileText(kSamples + "orders_unoa_group.edi"),
        fileText(kSamples + "orders_unow_release.edi"),
        replaced(kInterchange, "BGM+220+PO-1+9'", "BGM+220+PO?+1?:A??B?'C+9'"),
        replaced(replaced(kInterchange, "UNOC:3", "UNOW:3"), "PO-1", "P\xC3\xA9?+\xE2\x82\xAC?:x"),
        replaced(replaced(kInterchange, "UNOC:3", "UNOW:3"), "PO-1", "P?+\xE9x"),
        replaced(replaced(kInterchange, "UNOC:3", "UNOA:3"), "PO-1", "P?+o-1"),
        replaced(kInterchange, "UNT+9+M1", "UNT+8+M1"),
        replaced(kInterchange, "PO-1", "PO?\x01"),
        kInterchange.substr(0, kInterchange.size() - 1) + "?",
        kInterchange.substr(0, kInterchange.size() - 1),
        kInterchange + "\r\n\r\n",
        kInterchange + "\r\nUNB+UNOC:3+A+B+240301:0815+R2'",
    };
    std::string released, utf8;  // long enough to cross several blocks and pieces
    for (int i = 0; i < 40; ++i) {
        released += "?+ab?:c" + std::string(i % 5, 'D') + "??";
        utf8 += "\xC3\xA9?+" + std::string(i % 3, 'x') + "\xE2\x82\xAC?:";
    }
    inputs.push_back(replaced(kInterchange, "PO-1", released));
    inputs.push_back(replaced(replaced(kInterchange, "UNOC:3", "UNOY:3"), "PO-1", utf8));
    inputs.push_back(replaced(replaced(kInterchange, "UNOC:3", "UNOY:3"), "PO-1", utf8 + "\xE2\x82"));
    std::string breaks;
    for (char c : kInterchange) {
        breaks += c;
        if (c == '\'') breaks += "\r\n";
    }
    inputs.push_back(breaks);
    for (const std::string& bytes : inputs) {
        StringSource all(bytes);
        const std::string whole = SegmentTranscript::of(all);
        for (size_t chunk : {1, 2, 3, 7, 63, 64, 65, 100}) {
            StringSource pieces(bytes, chunk);
            EXPECT_EQ(SegmentTranscript::of(pieces), whole) << "chunk " << chunk << ": " << bytes;
        }
    }
}

// A segment with release characters that the buffer's end cuts: the bytes
// already moved down and those still to move come together.
TEST(EdifactReader, ReleasedSegmentsAcrossTheBufferAreKeptWhole) {
    std::string text;
    size_t imds = 0;
    for (; text.size() < 3 * kMaxSegmentBytes; ++imds) text += "IMD+" + std::to_string(imds) + "?+1?:2??3?'4'";
    std::string bytes = kInterchange;
    bytes.replace(bytes.find("UNS+S'"), 0, text);
    bytes = replaced(bytes, "UNT+9+M1", "UNT+" + std::to_string(9 + imds) + "+M1");
    struct Imds final : InterchangeHandler {
        std::optional<Fault> messageSegment(const MessageHeader&, const Segment& seg) override {
            if (seg.tag() != "IMD") return std::nullopt;
            const std::string want = std::to_string(n++) + "+1:2?3'4";
            if (seg.value(1) != want) return Fault{error::kInvalidValue, "IMD " + std::string(seg.value(1)) + " is not " + want};
            return std::nullopt;
        }
        size_t n = 0;
    };
    for (size_t chunk : {SIZE_MAX, size_t{4093}}) {
        Imds seen;
        StringSource source(bytes, chunk);
        const ReadOutcome o = readInterchange(source, seen);
        ASSERT_TRUE(o.ok()) << o.error->describe("t");
        EXPECT_EQ(seen.n, imds);
    }
}

// A generated interchange of `messages` ORDERS, made as it is read.
class GeneratedSource final : public ByteSource {
public:
    explicit GeneratedSource(int messages) : left_(messages) { pending_ = "UNB+UNOC:3+A:14+B:14+240301:0815+BIG'"; }
    size_t read(char* buf, size_t n, std::string&) override {
        while (pending_.size() - at_ < n && left_ >= 0) {
            pending_.erase(0, at_);
            at_ = 0;
            if (left_-- > 0) {
                const std::string ref = std::to_string(++made_);
                pending_ += "UNH+" + ref + "+ORDERS:D:96A:UN:EAN008'BGM+220+PO" + ref +
                            "+9'DTM+137:20240301:102'NAD+BY+3012345100014::9'NAD+SU+3012345000000::9'";
                for (int l = 1; l <= 20; ++l)
                    pending_ += "LIN+" + std::to_string(l) + "++3760000000017:SRV'QTY+21:" + std::to_string(l) + ":PCE'PRI+AAA:1.95'";
                pending_ += "UNS+S'CNT+2:20'UNT+68+" + ref + "'";
            } else {
                pending_ += "UNZ+" + std::to_string(made_) + "+BIG'";
            }
        }
        const size_t k = std::min(n, pending_.size() - at_);
        std::memcpy(buf, pending_.data() + at_, k);
        at_ += k;
        return k;
    }

private:
    int left_;
    int made_ = 0;
    std::string pending_;
    size_t at_ = 0;
};

long maxRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

TEST(EdifactReader, MemoryStaysFlatOnAHundredMegabyteInterchange) {
    int documents = 0;
    EancomToPivot mapper({pivot::Message::Orders}, [&](pivot::Document&&, const MessageHeader&) {
        ++documents;
        return Status::ok();
    });
    {
        GeneratedSource warmUp(1000);
        ASSERT_TRUE(readInterchange(warmUp, mapper).ok());
    }
    const long before = maxRssKb();
    GeneratedSource source(100000);  // about 110 MB
    ReadOutcome o = readInterchange(source, mapper);
    ASSERT_TRUE(o.ok()) << o.error->describe("generated");
    EXPECT_EQ(o.messages, 100000);
    EXPECT_GT(o.bytes, 100u * 1000 * 1000);
    EXPECT_LT(maxRssKb() - before, 8 * 1024) << "the reader's memory grew with its input";
}

// ---- the ORDERS mapping ------------------------------------------------------

TEST(EancomOrders, MapsTheUnocSampleToPivotOrders) {
    Mapped m = mapped(fileText(kSamples + "orders_d96a_unoc.edi"));
    ASSERT_TRUE(m.outcome.ok()) << m.outcome.error->describe("unoc");
    ASSERT_EQ(m.documents.size(), 2u);
    const pivot::Document& d = m.documents[0];
    EXPECT_EQ(d.number, "CMD-HC-0042");
    EXPECT_EQ(d.nameCode, "220");
    EXPECT_EQ(d.function, "9");
    EXPECT_EQ(d.date, "2024-03-01");
    EXPECT_EQ(d.currency, "EUR");
    EXPECT_EQ(d.dateOf("2")->value, "2024-03-05T06:00:00");
    EXPECT_EQ(d.reference("CT")->value, "CONTRAT-2024");
    EXPECT_EQ(d.reference("CT")->date, "2024-01-01");
    ASSERT_EQ(d.texts.size(), 1u);
    EXPECT_EQ(d.texts[0].text, "Livrer entre 6h et 8h: quai 3");
    const pivot::Party* by = d.party("BY");
    ASSERT_TRUE(by);
    EXPECT_EQ(by->gln, "3012345100014");
    EXPECT_EQ(by->name, "HYPER DU CENTRE");
    EXPECT_EQ(by->street, "1 avenue du Commerce");
    EXPECT_EQ(by->city, "Lyon");
    EXPECT_EQ(by->postcode, "69003");
    EXPECT_EQ(by->country, "FR");
    EXPECT_EQ(by->vat, "FR12401234567");
    ASSERT_EQ(by->contacts.size(), 1u);
    EXPECT_EQ(by->contacts[0].name, "Service achats");
    EXPECT_EQ(by->contacts[0].phone, "0478000001");
    EXPECT_EQ(by->contacts[0].email, "achats@hyper-centre.example");
    EXPECT_EQ(d.party("DP")->name, "Entrep\xC3\xB4t Lyon Sud") << "Latin-1 (UNOC) read as UTF-8";
    ASSERT_EQ(d.allowances.size(), 1u);
    EXPECT_EQ(d.allowances[0].type, "TD");
    EXPECT_EQ(d.allowances[0].percent->toString(), "2");
    ASSERT_EQ(d.lines.size(), 2u);
    const pivot::Line& l1 = d.lines[0];
    EXPECT_EQ(l1.gtin, "3760000000017");
    EXPECT_EQ(l1.buyerItem, "HC-1001");
    EXPECT_EQ(l1.description, "Yaourt nature 4x125 g");
    EXPECT_EQ(l1.quantity("21")->value.toString(), "24");
    EXPECT_EQ(l1.quantity("21")->unit, "PCE");
    EXPECT_EQ(l1.price("AAA")->value.toString(), "1.95");
    ASSERT_EQ(l1.taxes.size(), 1u);
    EXPECT_EQ(l1.taxes[0].rate->toString(), "5.5");
    EXPECT_EQ(l1.taxes[0].category, "AA");
    const pivot::Line& l2 = d.lines[1];
    EXPECT_EQ(l2.supplierItem, "CREME-20CL");
    EXPECT_EQ(l2.price("AAB")->basis->toString(), "1");
    ASSERT_EQ(l2.allowances.size(), 1u);
    EXPECT_EQ(l2.allowances[0].percent->toString(), "5");
    EXPECT_EQ(m.documents[1].lines[1].price("AAA")->value.toString(), "12.4") << "a decimal comma is read";
}

TEST(EancomOrders, ReadsUnowWithReleasedSeparatorsAndDecimalCommas) {
    Mapped m = mapped(fileText(kSamples + "orders_unow_release.edi"));
    ASSERT_TRUE(m.outcome.ok()) << m.outcome.error->describe("unow");
    const pivot::Document& d = m.documents.at(0);
    EXPECT_EQ(d.number, "WEB+2024'03");
    EXPECT_EQ(d.texts.at(0).text, "Commande : 2 \xC3\x97 colis ? fragile");
    EXPECT_EQ(d.party("BY")->name, "\xC3\x89picerie \xC3\x86r\xC3\xB8");
    EXPECT_EQ(d.lines.at(0).quantity("21")->value.toString(), "3.5");
}

TEST(EancomOrders, AMessageTypeNotMappedIsAFaultAtUnh) {
    const std::string invoic = replaced(kInterchange, "ORDERS:D:96A", "INVOIC:D:96A");
    Mapped m = mapped(invoic);
    ASSERT_FALSE(m.outcome.ok());
    const SyntaxError& e = *m.outcome.error;
    EXPECT_EQ(e.code, "14");
    EXPECT_EQ(e.tag, "UNH");
    EXPECT_EQ(e.element, 2);
    EXPECT_EQ(e.component, 1);
    EXPECT_EQ(e.expected, "ORDERS");
    EXPECT_EQ(e.found, "INVOIC");
    EXPECT_TRUE(read(invoic).ok()) << "the reader alone does not mind the type";
}

TEST(EancomOrders, AWrongGlnCheckDigitNamesTheNadElement) {
    Mapped m = mapped(replaced(kInterchange, "NAD+BY+3012345100014", "NAD+BY+3012345100015"));
    ASSERT_FALSE(m.outcome.ok());
    const SyntaxError& e = *m.outcome.error;
    EXPECT_EQ(e.code, "12");
    EXPECT_EQ(e.tag, "NAD");
    EXPECT_EQ(e.segmentInMessage, 4);
    EXPECT_EQ(e.element, 2);
    EXPECT_EQ(e.component, 1);
    EXPECT_EQ(e.found, "3012345100015");
    EXPECT_NE(e.what.find("check digit should be 4"), std::string::npos) << e.what;
}

TEST(EancomOrders, ANumberThatIsNotOneAndAMissingBuyer) {
    Mapped bad = mapped(replaced(kInterchange, "QTY+21:24", "QTY+21:2O"));
    ASSERT_FALSE(bad.outcome.ok());
    EXPECT_EQ(bad.outcome.error->tag, "QTY");
    EXPECT_EQ(bad.outcome.error->component, 2);
    EXPECT_EQ(bad.outcome.error->found, "2O");
    Mapped noBuyer = mapped(replaced(replaced(kInterchange, "NAD+BY+3012345100014::9'", ""), "UNT+9", "UNT+8"));
    ASSERT_FALSE(noBuyer.outcome.ok());
    EXPECT_EQ(noBuyer.outcome.error->code, "13");
    EXPECT_NE(noBuyer.outcome.error->what.find("no buyer (NAD+BY)"), std::string::npos);
    Mapped cnt = mapped(replaced(replaced(kInterchange, "UNS+S'", "UNS+S'CNT+2:3'"), "UNT+9", "UNT+10"));
    ASSERT_FALSE(cnt.outcome.ok());
    EXPECT_EQ(cnt.outcome.error->code, "29");
}

TEST(EancomOrders, ToPivotWritesAFileTheSageConnectorReads) {
    const std::string dir = ::testing::TempDir() + "edifact_to_pivot";
    std::filesystem::create_directories(dir);
    auto r = interchangeToPivot(kSamples + "orders_d96a_unoc.edi", {pivot::Message::Orders}, dir + "/out.pivot");
    ASSERT_TRUE(r.ok()) << (r.outcome.error ? r.outcome.error->describe("x") : r.ioError);
    EXPECT_EQ(r.documents, 2);
    auto file = pivot::readPivotFile(dir + "/out.pivot");
    ASSERT_TRUE(file) << file.status().message();
    EXPECT_EQ(file->documents.size(), 2u);
    EXPECT_EQ(file->documents[1].number, "CMD-HC-0043");
    auto bad = interchangeToPivot(kSamples + "orders_unoa_group.edi", {pivot::Message::Invoic}, dir + "/bad.pivot");
    EXPECT_FALSE(bad.ok());
    EXPECT_FALSE(std::filesystem::exists(dir + "/bad.pivot")) << "nothing half-written";
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1) << "no temporary file left";
}

// ---- the writer and the outgoing messages ----------------------------------

TEST(EdifactWriter, EscapesCountsAndIsReadBack) {
    InterchangeEnvelope env;
    env.sender = "3012345000000";
    env.recipient = "3012345100014";
    env.reference = "OUT1";
    env.date = "240301";
    env.time = "0900";
    InterchangeWriter w(env);
    ASSERT_TRUE(w.begin());
    ASSERT_TRUE(w.beginMessage("1", {"ORDERS", "D", "96A", "UN", "EAN008"}));
    ASSERT_TRUE(w.segment("BGM", {{"220"}, {"A+B:C?D'E"}, {"9"}, {}, {""}}));
    ASSERT_TRUE(w.segment("FTX", {{"AAI"}, {}, {}, {"Entrep\xC3\xB4t", "", ""}}));
    ASSERT_TRUE(w.endMessage());
    auto out = w.finish();
    ASSERT_TRUE(out);
    EXPECT_EQ(*out,
              "UNA:+.? 'UNB+UNOC:3+3012345000000:14+3012345100014:14+240301:0900+OUT1'UNH+1+ORDERS:D:96A:UN:EAN008'"
              "BGM+220+A?+B?:C??D?'E+9'FTX+AAI+++Entrep\xF4t'UNT+4+1'UNZ+1+OUT1'");
    EXPECT_TRUE(read(*out).ok());
}

TEST(EdifactWriter, PartnerSeparatorsAndLevels) {
    InterchangeEnvelope env;
    env.sender = "S";
    env.recipient = "R";
    env.reference = "X";
    env.separators = *Separators::fromUnaChars(":*,? ~");
    env.level = SyntaxLevel::UNOA;
    env.test = true;
    InterchangeWriter w(env);
    ASSERT_TRUE(w.begin());
    ASSERT_TRUE(w.beginMessage("1", {"ORDERS", "D", "96A", "UN"}));
    ASSERT_TRUE(w.segment("FTX", {{"AAI"}, {}, {}, {"lower * case"}}));
    ASSERT_TRUE(w.endMessage());
    auto out = w.finish();
    ASSERT_TRUE(out);
    EXPECT_NE(out->find("FTX*AAI***LOWER ?* CASE~"), std::string::npos) << *out;
    InterchangeWriter folding(env);
    ASSERT_TRUE(folding.begin());
    ASSERT_TRUE(folding.beginMessage("1", {"ORDERS", "D", "96A", "UN"}));
    ASSERT_TRUE(folding.segment("NAD", {{"DP"}, {}, {}, {"Entrep\xC3\xB4t \xC5\x92uvre \xC3\x9F"}}));
    ASSERT_FALSE(folding.segment("FTX", {{"AAI"}, {}, {}, {"\xE2\x82\xAC"}})) << "no ASCII form of the euro sign";
    ASSERT_TRUE(folding.endMessage());
    EXPECT_NE(folding.finish()->find("NAD*DP***ENTREPOT OEUVRE SS~"), std::string::npos) << "accents folded for UNOA";
    EXPECT_NE(out->find("+1~") == std::string::npos ? out->find("*1~UNH") : 0, std::string::npos) << "test indicator";
    ReadOutcome o = read(*out);
    ASSERT_TRUE(o.ok()) << o.error->describe("w");
    EXPECT_EQ(o.header.testIndicator, "1");

    InterchangeEnvelope latin = env;
    latin.level = SyntaxLevel::UNOC;
    latin.separators = {};
    InterchangeWriter w2(latin);
    ASSERT_TRUE(w2.begin());
    ASSERT_TRUE(w2.beginMessage("1", {"ORDERS", "D", "96A", "UN"}));
    Status s = w2.segment("FTX", {{"AAI"}, {}, {}, {"\xC5\x92uvre"}});
    ASSERT_FALSE(s);
    EXPECT_EQ(s.message(), "cannot write FTX element 4 component 1 '\xC5\x92uvre': '\xC5\x92' is outside the syntax level UNOC");
}

namespace {

const char* kDesadvAndInvoice =
    "PIVOT;1;UTF-8\n"
    "DOC;DESADV;BL00007;2024-03-04;351;9\n"
    "DAT;11;2024-03-04T05:30:00\n"
    "REF;ON;CMD-HC-0042;2024-03-01\n"
    "PAR;BY;3012345100014\n"
    "PAR;SU;3012345000000;LAITERIE DES ALPES\n"
    "PAR;DP;3012345200011\n"
    "TRA;30;3012345900010;Frigo Express;AB-123-CD\n"
    "PKG;P1;;201;1;376000000000000013\n"
    "PKG;C1;P1;CT;2\n"
    "LIN;1;3760000000031\n"
    "QTY;12;12;PCE\n"
    "LIN;2;3760000000017;;;;C1\n"
    "QTY;12;24;PCE\n"
    "LOT;L2403A;2024-04-01;16\n"
    "LOT;L2403B;;8\n"
    "LOT;L2404C\n"
    "END;2\n"
    "DOC;INVOIC;FA000123;2024-03-05;380;9;EUR\n"
    "DAT;131;2024-03-04\n"
    "REF;ON;CMD-HC-0042\n"
    "REF;DQ;BL00007\n"
    "PAR;SU;3012345000000;LAITERIE DES ALPES;;;;;;FR55123456789\n"
    "PAR;BY;3012345100014;HYPER DU CENTRE\n"
    "PAR;IV;3012345100014\n"
    "PAT;1;2024-04-04;30\n"
    "LIN;1;3760000000017\n"
    "QTY;47;24;PCE\n"
    "PRI;AAA;1.95\n"
    "TAX;VAT;5.5;AA;2.57\n"
    "MOA;203;46.8\n"
    "ALC;A;DI;5;2.34\n"
    "TOT;79;46.8\n"
    "TOT;125;46.8\n"
    "TOT;176;2.57\n"
    "TOT;77;49.37\n"
    "TXS;VAT;5.5;AA;46.8;2.57\n"
    "END;1\n";

}  // namespace

// A despatched line's batches: each in its PCI 36E group with its expiry
// and the quantity despatched of it, read back to the same LOT records
// (the round trip below), not as quantities of the line.
TEST(EancomOut, DesadvCarriesEachBatchWithItsExpiryAndQuantity) {
    auto file = pivot::readPivot(kDesadvAndInvoice, "t.pivot");
    ASSERT_TRUE(file) << file.status().message();
    pivot::PivotFile desadv;
    desadv.documents = {file->documents.at(0)};
    PartnerSyntax partner;
    partner.gln = "3012345100014";
    auto edi = pivotToInterchange(desadv, pivot::Message::Desadv, "3012345000000", partner, "B1");
    ASSERT_TRUE(edi) << edi.status().message();
    EXPECT_NE(edi->find("QTY+12:24:PCE'PCI+36E'DTM+36:20240401:102'QTY+12:16'GIN+BX+L2403A'PCI+36E'QTY+12:8'GIN+BX+L2403B'"
                        "PCI+36E'GIN+BX+L2404C'"),
              std::string::npos)
        << *edi;
    Mapped back = mapped(*edi, {pivot::Message::Desadv});
    ASSERT_TRUE(back.outcome.ok()) << back.outcome.error->describe("out");
    const pivot::Line& line = back.documents.at(0).lines.at(1);
    ASSERT_EQ(line.quantities.size(), 1u) << "a batch's quantity is not one of the line";
    EXPECT_EQ(line.quantity("12")->value.toString(), "24");
    ASSERT_EQ(line.batches.size(), 3u);
    EXPECT_EQ(line.batches[0].batch, "L2403A");
    EXPECT_EQ(line.batches[0].quantity->toString(), "16");
    EXPECT_EQ(line.batches[1].batch, "L2403B");
    EXPECT_EQ(line.batches[1].quantity->toString(), "8");
    EXPECT_EQ(line.batches[1].expiry, "");
    EXPECT_FALSE(line.batches[2].quantity.has_value());
}

TEST(EancomOut, DesadvAndInvoicAreWrittenAndReadBackToTheSameDocuments) {
    auto file = pivot::readPivot(kDesadvAndInvoice, "t.pivot");
    ASSERT_TRUE(file) << file.status().message();
    PartnerSyntax partner;
    partner.gln = "3012345100014";
    for (size_t i = 0; i < 2; ++i) {
        const pivot::Document& original = file->documents[i];
        pivot::PivotFile one;
        one.documents = {original};
        auto edi = pivotToInterchange(one, original.message, "3012345000000", partner, "R" + std::to_string(i));
        ASSERT_TRUE(edi) << edi.status().message();
        Mapped back = mapped(*edi, {original.message});
        ASSERT_TRUE(back.outcome.ok()) << back.outcome.error->describe("out") << "\n" << *edi;
        ASSERT_EQ(back.documents.size(), 1u);
        pivot::PivotFile readBack;
        readBack.documents = back.documents;
        auto again = pivot::writePivot(readBack), before = pivot::writePivot(one);
        ASSERT_TRUE(again) << again.status().message();
        ASSERT_TRUE(before) << before.status().message();
        EXPECT_EQ(again.value(), before.value()) << *edi;
    }
}

TEST(EancomOut, InvoicHasItsTaxAndTotalsSections) {
    auto file = pivot::readPivot(kDesadvAndInvoice, "t.pivot");
    ASSERT_TRUE(file);
    pivot::PivotFile one;
    one.documents = {file->documents[1]};
    PartnerSyntax partner;
    partner.gln = "3012345100014";
    auto edi = pivotToInterchange(one, pivot::Message::Invoic, "3012345000000", partner, "INV1");
    ASSERT_TRUE(edi);
    const auto segs = segmentsOf(*edi);
    for (const char* s : {"UNH+1+INVOIC:D:96A:UN:EAN008", "BGM+380+FA000123+9", "DTM+137:20240305:102", "NAD+SU+3012345000000::9++LAITERIE DES ALPES",
                          "RFF+VA:FR55123456789", "CUX+2:EUR:4", "PAT+1++5:3:D:30", "DTM+13:20240404:102", "QTY+47:24:PCE",
                          "MOA+203:46.8", "PRI+AAA:1.95", "TAX+7+VAT+++:::5.5+AA", "MOA+124:2.57", "UNS+S", "CNT+2:1",
                          "MOA+77:49.37", "MOA+125:46.8", "UNT+32+1", "UNZ+1+INV1"})
        EXPECT_TRUE(has(segs, s)) << s << "\n" << *edi;
    auto desadv = pivotToInterchange(one, pivot::Message::Desadv, "3012345000000", partner, "X");
    ASSERT_FALSE(desadv);
    EXPECT_EQ(desadv.status().message(), "document INVOIC FA000123 is not a DESADV");
}

// ---- CONTRL ----------------------------------------------------------------

TEST(Contrl, AcceptedInterchangeIsAcknowledged) {
    ReadOutcome o = read(kInterchange);
    auto c = buildContrl(o, {.reference = "C1"});
    ASSERT_TRUE(c);
    const auto segs = segmentsOf(*c);
    EXPECT_TRUE(has(segs, "UNB+UNOC:3+3012345000000:14+3012345100014:14+" + segs[1].substr(segs[1].find(":14+") + 23, 11) + "+C1++CONTRL") ||
                c->find("+3012345000000:14+3012345100014:14+") != std::string::npos)
        << *c;
    EXPECT_TRUE(has(segs, "UNH+1+CONTRL:D:3:UN:EAN002")) << *c;
    EXPECT_TRUE(has(segs, "UCI+REF42+3012345100014:14+3012345000000:14+7")) << *c;
    EXPECT_TRUE(read(*c).ok());
}

TEST(Contrl, RejectionsNameTheSegmentAndElementInError) {
    auto contrlOf = [](const std::string& bytes) {
        auto c = buildContrl(read(bytes), {.reference = "C2"});
        EXPECT_TRUE(c) << c.status().message();
        EXPECT_TRUE(read(c ? *c : "").ok()) << "a CONTRL the reader accepts";
        return segmentsOf(c ? *c : "");
    };
    auto unt = contrlOf(replaced(kInterchange, "UNT+9+M1", "UNT+8+M1"));
    EXPECT_TRUE(has(unt, "UCI+REF42+3012345100014:14+3012345000000:14+4"));
    EXPECT_TRUE(has(unt, "UCM+M1+ORDERS:D:96A:UN:EAN008+4+29+UNT+1:1"));
    auto chr = contrlOf(replaced(replaced(kInterchange, "UNOC:3", "UNOA:3"), "PO-1", "Po-1"));
    EXPECT_TRUE(has(chr, "UCM+M1+ORDERS:D:96A:UN:EAN008+4"));
    EXPECT_TRUE(has(chr, "UCS+2"));
    EXPECT_TRUE(has(chr, "UCD+21+2:1"));
    auto unz = contrlOf(replaced(kInterchange, "UNZ+1+", "UNZ+3+"));
    EXPECT_TRUE(has(unz, "UCI+REF42+3012345100014:14+3012345000000:14+4+29+UNZ+1:1"));
    auto level = contrlOf(replaced(kInterchange, "UNOC:3", "UNOZ:3"));
    EXPECT_TRUE(has(level, "UCI++++4+2+UNB+1:1")) << "the UNB was not understood";
}

TEST(Contrl, AnEmptyInterchangeIsRejectedToTheFallbackPartner) {
    auto c = buildContrl(read(""), {.reference = "C3", .fallbackSender = "3012345000000", .fallbackRecipient = "3012345100014"});
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_NE(c->find("UNB+UNOC:3+3012345000000:14+3012345100014:14+"), std::string::npos) << *c;
    EXPECT_TRUE(has(segmentsOf(*c), "UCI++++4+13"));
}

// ---- split -------------------------------------------------------------------

TEST(EdifactSplit, OneInterchangePerMessageWithTheOriginalEnvelope) {
    std::vector<std::string> parts;
    std::vector<std::string> refs;
    ReadOutcome o = splitInterchangeFile(kSamples + "orders_d96a_unoc.edi", [&](const MessageHeader& m, const std::string& bytes) {
        refs.push_back(m.reference);
        parts.push_back(bytes);
        return Status::ok();
    });
    ASSERT_TRUE(o.ok()) << o.error->describe("split");
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(refs, (std::vector<std::string>{"1", "2"}));
    for (const auto& p : parts) {
        Mapped m = mapped(p);
        ASSERT_TRUE(m.outcome.ok()) << m.outcome.error->describe("part") << "\n" << p;
        EXPECT_EQ(m.outcome.messages, 1);
        EXPECT_EQ(m.outcome.header.reference, "HC0000000042");
        EXPECT_EQ(m.outcome.header.level, SyntaxLevel::UNOC);
    }
    EXPECT_EQ(mapped(parts[0]).documents.at(0).party("DP")->name, "Entrep\xC3\xB4t Lyon Sud");
    EXPECT_NE(parts[1].find("UNZ+1+HC0000000042'"), std::string::npos);
}
