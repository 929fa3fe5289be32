// EDIFACT writer.
#include "formats/edifact_writer.h"

#include <ctime>

namespace relais::edifact {
namespace {

// Latin-1 letters (U+00C0..U+00FF) and the French ligatures without accents,
// for the ASCII levels: "Entrepôt" is "ENTREPOT" in UNOA.
bool asciiFolding(const std::string& in, size_t i, std::string& out, SyntaxLevel level) {
    static const char* folded = "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";
    const unsigned cp = (static_cast<unsigned char>(in[i]) & 0x1F) << 6 | (static_cast<unsigned char>(in[i + 1]) & 0x3F);
    std::string f;
    if (cp >= 0xC0 && cp <= 0xFF && folded[cp - 0xC0] != '?') f = std::string(1, folded[cp - 0xC0]);
    else if (cp == 0xC6) f = "AE";
    else if (cp == 0xE6) f = "ae";
    else if (cp == 0x152) f = "OE";
    else if (cp == 0x153) f = "oe";
    else if (cp == 0xDF) f = "ss";
    if (f.empty()) return false;
    for (char& c : f)
        if (level == SyntaxLevel::UNOA && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += f;
    return true;
}

// UTF-8 text -> the level's bytes, or the character that does not fit.
bool encode(const std::string& in, SyntaxLevel level, std::string& out, std::string& bad) {
    out.clear();
    for (size_t i = 0; i < in.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(in[i]);
        if (c < 0x80) {
            char o = static_cast<char>(c);
            if (level == SyntaxLevel::UNOA && c >= 'a' && c <= 'z') o = static_cast<char>(c - 'a' + 'A');
            if (!allowedByte(level, static_cast<unsigned char>(o))) {
                bad = std::string(1, static_cast<char>(c));
                return false;
            }
            out += o;
            continue;
        }
        const size_t n = utf8SequenceLength(in, i);
        if (n == 0) {
            bad = in.substr(i, 1);
            return false;
        }
        if (isUtf8Level(level)) {
            out.append(in, i, n);
        } else if ((level == SyntaxLevel::UNOA || level == SyntaxLevel::UNOB) && n == 2 && asciiFolding(in, i, out, level)) {
            // a Latin letter without its accent (the levels have none)
        } else if (level == SyntaxLevel::UNOC && (c == 0xC2 || c == 0xC3) && i + 1 < in.size() &&
                   ((c & 0x03) << 6 | (static_cast<unsigned char>(in[i + 1]) & 0x3F)) >= 0xA0) {
            out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(in[i + 1]) & 0x3F));
        } else {
            bad = in.substr(i, n);
            return false;
        }
        i += n - 1;
    }
    return true;
}

}  // namespace

std::string edifactNumber(const std::string& value, const Separators& s) {
    std::string v = value;
    if (s.decimal != '.')
        for (auto& c : v)
            if (c == '.') c = s.decimal;
    return v;
}

InterchangeWriter::InterchangeWriter(InterchangeEnvelope envelope) : envelope_(std::move(envelope)) {
    if (envelope_.date.empty() || envelope_.time.empty()) {
        const std::time_t now = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&now, &tm);
        char d[16], t[8];
        std::strftime(d, sizeof d, envelope_.syntaxVersion == "4" ? "%Y%m%d" : "%y%m%d", &tm);
        std::strftime(t, sizeof t, "%H%M", &tm);
        if (envelope_.date.empty()) envelope_.date = d;
        if (envelope_.time.empty()) envelope_.time = t;
    }
}

Status InterchangeWriter::begin() {
    const auto& e = envelope_;
    if (e.sender.empty()) return Status(Code::InvalidArgument, "cannot write UNB: the interchange sender (S002) is missing");
    if (e.recipient.empty())
        return Status(Code::InvalidArgument, "cannot write UNB: the interchange recipient (S003) is missing");
    if (e.reference.empty() || e.reference.size() > 14)
        return Status(Code::InvalidArgument,
                      "cannot write UNB: the control reference '" + e.reference + "' must have 1 to 14 characters");
    std::string why;
    const Separators& s = e.separators;
    if (!Separators::fromUnaChars(std::string{s.component, s.element, s.decimal, s.release, s.reserved, s.segment}, &why))
        return Status(Code::InvalidArgument, "cannot write the interchange: its separators are not usable: " + why);
    return beginWith({{syntaxLevelName(e.level), e.syntaxVersion},
                          {e.sender, e.senderQualifier},
                          {e.recipient, e.recipientQualifier},
                          {e.date, e.time},
                          {e.reference},
                          {},
                          {e.applicationRef},
                          {},
                          {e.ackRequest ? "1" : ""},
                          {},
                          {e.test ? "1" : ""}});
}

Status InterchangeWriter::beginWith(const std::vector<Element>& unb) {
    if (envelope_.una) out_ = envelope_.separators.una();
    return append("UNB", unb);
}

Status InterchangeWriter::beginMessage(const std::string& reference, const Element& identifier) {
    if (!messageRef_.empty())
        return Status(Code::Internal, "message " + reference + " begun before message " + messageRef_ + " ended");
    messageRef_ = reference;
    inMessage_ = 0;
    return append("UNH", {{reference}, identifier});
}

Status InterchangeWriter::segment(const std::string& tag, const std::vector<Element>& elements) {
    return append(tag, elements);
}

Status InterchangeWriter::endMessage() {
    const std::string ref = messageRef_;
    RELAIS_TRY(append("UNT", {{std::to_string(inMessage_ + 1)}, {ref}}));
    messageRef_.clear();
    ++messages_;
    return Status::ok();
}

Result<std::string> InterchangeWriter::finish() {
    if (!messageRef_.empty()) return Status(Code::Internal, "message " + messageRef_ + " has no UNT");
    RELAIS_TRY(append("UNZ", {{std::to_string(messages_)}, {envelope_.reference}}));
    return std::move(out_);
}

Status InterchangeWriter::append(const std::string& tag, const std::vector<Element>& elements) {
    const Separators& s = envelope_.separators;
    std::string seg = tag;
    // Trailing empty elements, and trailing empty components of each, are left out.
    size_t lastElement = 0;
    for (size_t e = 0; e < elements.size(); ++e)
        for (const auto& c : elements[e])
            if (!c.empty()) lastElement = e + 1;
    std::string encoded, bad;
    for (size_t e = 0; e < lastElement; ++e) {
        seg += s.element;
        size_t lastComponent = 0;
        for (size_t c = 0; c < elements[e].size(); ++c)
            if (!elements[e][c].empty()) lastComponent = c + 1;
        for (size_t c = 0; c < lastComponent; ++c) {
            if (c > 0) seg += s.component;
            if (envelope_.rawData)
                encoded = elements[e][c];
            else if (!encode(elements[e][c], envelope_.level, encoded, bad))
                return Status(Code::InvalidArgument,
                              "cannot write " + tag + " element " + std::to_string(e + 1) + " component " + std::to_string(c + 1) +
                                  " '" + elements[e][c] + "': '" + bad + "' is outside the syntax level " +
                                  syntaxLevelName(envelope_.level));
            for (char ch : encoded) {
                if (ch == s.component || ch == s.element || ch == s.release || ch == s.segment) seg += s.release;
                seg += ch;
            }
        }
    }
    seg += s.segment;
    out_ += seg;
    if (!messageRef_.empty()) ++inMessage_;
    return Status::ok();
}

}  // namespace relais::edifact
