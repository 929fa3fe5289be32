// EANCOM D96A ORDERS, DESADV and INVOIC <-> pivot documents.
#include "formats/eancom.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "formats/pivot_records.h"

// Pivot records are built with their leading members only; the rest (the
// source line, optional fields) keep their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace relais::edifact {

using namespace relais::pivot;
using Element = InterchangeWriter::Element;

namespace {

// ---- writing ---------------------------------------------------------------

// A pivot date as DTM C507 components: value and format (102, 203 or 204).
Element dtm(const std::string& qualifier, const std::string& date) {
    std::string v;
    for (char c : date)
        if (c >= '0' && c <= '9') v += c;
    if (v.size() == 8) return {qualifier, v, "102"};
    if (v.size() == 14 && v.substr(12) == "00") return {qualifier, v.substr(0, 12), "203"};
    return {qualifier, v, "204"};
}

class MessageWriter {
public:
    MessageWriter(const Document& d, InterchangeWriter& w) : d_(d), w_(w), sep_(w.envelope().separators) {}

    Status write(const std::string& ref) {
        RELAIS_TRY(w_.beginMessage(ref, eancomMessageIdentifier(d_.message)));
        const char* defaultCode = d_.message == Message::Orders ? "220" : d_.message == Message::Desadv ? "351" : "380";
        RELAIS_TRY(seg("BGM", {{d_.nameCode.empty() ? defaultCode : d_.nameCode}, {d_.number}, {d_.function.empty() ? "9" : d_.function}}));
        RELAIS_TRY(seg("DTM", {dtm("137", d_.date)}));
        for (const auto& x : d_.dates) RELAIS_TRY(seg("DTM", {dtm(x.qualifier, x.value)}));
        for (const auto& t : d_.texts) RELAIS_TRY(text(t));
        for (const auto& r : d_.references) RELAIS_TRY(reference(r));
        for (const auto& p : d_.parties) RELAIS_TRY(party(p));
        if (!d_.currency.empty()) RELAIS_TRY(seg("CUX", {{"2", d_.currency, d_.message == Message::Invoic ? "4" : "9"}}));
        for (const auto& t : d_.paymentTerms) {
            Element terms;
            if (t.days) terms = {"5", "3", "D", std::to_string(*t.days)};
            RELAIS_TRY(seg("PAT", {{t.type}, {}, terms}));
            if (!t.dueDate.empty()) RELAIS_TRY(seg("DTM", {dtm("13", t.dueDate)}));
            if (t.percent) RELAIS_TRY(seg("PCD", {{t.type == "20" ? "15" : "12", num(*t.percent)}}));
            if (t.amount) RELAIS_TRY(seg("MOA", {{"52", num(*t.amount)}}));
        }
        for (const auto& t : d_.transports)
            RELAIS_TRY(seg("TDT", {{"20"}, {t.reference}, {t.mode}, {}, {t.carrierGln, "", t.carrierGln.empty() ? "" : "9", t.carrierName},
                                   {}, {}, {t.meansId}}));
        for (const auto& t : d_.deliveryTerms) RELAIS_TRY(seg("TOD", {{"3"}, {}, {t.code, "", "", t.text.substr(0, 70)}}));
        for (const auto& a : d_.allowances) RELAIS_TRY(allowance(a));
        if (d_.message == Message::Desadv) RELAIS_TRY(packagesAndLines());
        else
            for (const auto& l : d_.lines) RELAIS_TRY(line(l));
        if (d_.message == Message::Orders || d_.message == Message::Invoic || !d_.totals.empty()) RELAIS_TRY(seg("UNS", {{"S"}}));
        RELAIS_TRY(seg("CNT", {{"2", std::to_string(d_.lines.size())}}));
        for (const auto& t : d_.totals) RELAIS_TRY(seg("MOA", {{t.qualifier, num(t.value)}}));
        for (const auto& t : d_.taxSummaries) {
            RELAIS_TRY(seg("TAX", {{"7"}, {t.type}, {}, {}, {"", "", "", t.rate ? num(*t.rate) : ""}, {t.category}}));
            if (t.taxable) RELAIS_TRY(seg("MOA", {{"125", num(*t.taxable)}}));
            if (t.amount) RELAIS_TRY(seg("MOA", {{"124", num(*t.amount)}}));
        }
        return w_.endMessage();
    }

private:
    Status seg(const std::string& tag, const std::vector<Element>& elements) { return w_.segment(tag, elements); }
    std::string num(Decimal v) const { return edifactNumber(v.toString(), sep_); }

    // FTX: text cut into components of 512 characters at most (5 of them).
    Status text(const Text& t) {
        Element parts;
        std::string rest = t.text;
        for (auto& c : rest)
            if (c == '\n' || c == '\r') c = ' ';
        while (!rest.empty() && parts.size() < 5) {
            parts.push_back(rest.substr(0, 512));
            rest.erase(0, std::min<size_t>(512, rest.size()));
        }
        return seg("FTX", {{t.qualifier}, {}, {}, parts});
    }

    Status reference(const Reference& r) {
        RELAIS_TRY(seg("RFF", {{r.qualifier, r.value}}));
        if (!r.date.empty()) RELAIS_TRY(seg("DTM", {dtm("171", r.date)}));
        return Status::ok();
    }

    Status party(const Party& p) {
        Element id;
        if (!p.gln.empty()) id = {p.gln, "", "9"};
        else if (!p.code.empty()) id = {p.code, "", "92"};
        Element name = {p.name.substr(0, 35), p.name.size() > 35 ? p.name.substr(35, 35) : ""};
        Element street = {p.street.substr(0, 35), p.street2.substr(0, 35)};
        RELAIS_TRY(seg("NAD", {{p.role}, id, {}, name, street, {p.city}, {}, {p.postcode}, {p.country}}));
        if (!p.vat.empty()) RELAIS_TRY(seg("RFF", {{"VA", p.vat}}));
        for (const auto& c : p.contacts) {
            RELAIS_TRY(seg("CTA", {{c.function}, {"", c.name}}));
            if (!c.phone.empty()) RELAIS_TRY(seg("COM", {{c.phone, "TE"}}));
            if (!c.email.empty()) RELAIS_TRY(seg("COM", {{c.email, "EM"}}));
        }
        return Status::ok();
    }

    Status allowance(const AllowanceCharge& a) {
        RELAIS_TRY(seg("ALC", {{a.charge ? "C" : "A"}, {a.text.substr(0, 35)}, {}, {a.sequence ? std::to_string(*a.sequence) : ""}, {a.type}}));
        if (a.percent) RELAIS_TRY(seg("PCD", {{a.charge ? "2" : "1", num(*a.percent)}}));
        if (a.amount) RELAIS_TRY(seg("MOA", {{a.charge ? "23" : "204", num(*a.amount)}}));
        if (a.base) RELAIS_TRY(seg("MOA", {{"25", num(*a.base)}}));
        return Status::ok();
    }

    Status line(const Line& l) {
        RELAIS_TRY(seg("LIN", {{std::to_string(l.number)}, {}, {l.gtin, l.gtin.empty() ? "" : "SRV"}}));
        if (!l.supplierItem.empty()) RELAIS_TRY(seg("PIA", {{"5"}, {l.supplierItem, "SA"}}));
        if (!l.buyerItem.empty()) RELAIS_TRY(seg("PIA", {{"1"}, {l.buyerItem, "IN"}}));
        if (!l.description.empty())
            RELAIS_TRY(seg("IMD", {{"F"}, {}, {"", "", "", l.description.substr(0, 35),
                                               l.description.size() > 35 ? l.description.substr(35, 35) : ""}}));
        for (const auto& q : l.quantities) RELAIS_TRY(seg("QTY", {{q.qualifier, num(q.value), q.unit}}));
        for (const auto& x : l.dates) RELAIS_TRY(seg("DTM", {dtm(x.qualifier, x.value)}));
        for (const auto& a : l.amounts) RELAIS_TRY(seg("MOA", {{a.qualifier, num(a.value)}}));
        for (const auto& t : l.texts) RELAIS_TRY(text(t));
        for (const auto& p : l.prices)
            RELAIS_TRY(seg("PRI", {{p.qualifier, num(p.value), "", "", p.basis ? num(*p.basis) : "", p.unit}}));
        for (const auto& r : l.references) RELAIS_TRY(reference(r));
        for (const auto& t : l.taxes) {
            RELAIS_TRY(seg("TAX", {{"7"}, {t.type}, {}, {}, {"", "", "", t.rate ? num(*t.rate) : ""}, {t.category}}));
            if (t.amount) RELAIS_TRY(seg("MOA", {{"124", num(*t.amount)}}));
        }
        for (const auto& a : l.allowances) RELAIS_TRY(allowance(a));
        // Each batch in its PCI group (SG20: PCI, DTM, QTY, GIN): its expiry and the quantity despatched of it.
        for (const auto& b : l.batches) {
            RELAIS_TRY(seg("PCI", {{"36E"}}));
            if (!b.expiry.empty()) RELAIS_TRY(seg("DTM", {dtm("36", b.expiry)}));
            if (b.quantity) RELAIS_TRY(seg("QTY", {{"12", num(*b.quantity)}}));
            RELAIS_TRY(seg("GIN", {{"BX"}, {b.batch}}));
        }
        return Status::ok();
    }

    // DESADV: CPS 1 for the whole consignment (lines in no package), then
    // each package (CPS id + parent, PAC, PCI 33E + GIN BJ SSCC) and its lines.
    Status packagesAndLines() {
        std::string consignment = "1";
        for (int n = 1;; ++n) {
            bool used = false;
            for (const auto& p : d_.packages) used = used || p.id == consignment;
            if (!used) break;
            consignment = "C" + std::to_string(n);
        }
        RELAIS_TRY(seg("CPS", {{consignment}}));
        for (const auto& l : d_.lines)
            if (l.package.empty()) RELAIS_TRY(line(l));
        for (const auto& p : d_.packages) {
            RELAIS_TRY(seg("CPS", {{p.id}, {p.parent.empty() ? consignment : p.parent}}));
            RELAIS_TRY(seg("PAC", {{p.count ? num(*p.count) : ""}, {}, {p.type}}));
            if (!p.sscc.empty()) {
                RELAIS_TRY(seg("PCI", {{"33E"}}));
                RELAIS_TRY(seg("GIN", {{"BJ"}, {p.sscc}}));
            }
            for (const auto& l : d_.lines)
                if (l.package == p.id) RELAIS_TRY(line(l));
        }
        return Status::ok();
    }

    const Document& d_;
    InterchangeWriter& w_;
    const Separators& sep_;
};

// ---- reading ---------------------------------------------------------------

// A segment tag as a number (three characters; 0 for any other length).
constexpr uint32_t tagCode(std::string_view tag) {
    return tag.size() == 3 ? static_cast<uint32_t>(static_cast<unsigned char>(tag[0])) << 16 |
                                 static_cast<uint32_t>(static_cast<unsigned char>(tag[1])) << 8 |
                                 static_cast<unsigned char>(tag[2])
                           : 0;
}

Fault fault(const char* code, const std::string& what, int e, int c, const std::string& expected = "",
            std::string_view found = {}) {
    Fault f{code, what, e, c, expected, std::string(found)};
    return f;
}

}  // namespace

Element eancomMessageIdentifier(Message m) {
    switch (m) {
        case Message::Orders: return {"ORDERS", "D", "96A", "UN", "EAN008"};
        case Message::Desadv: return {"DESADV", "D", "96A", "UN", "EAN005"};
        case Message::Invoic: return {"INVOIC", "D", "96A", "UN", "EAN008"};
    }
    return {};
}

Status writeEancomMessage(const Document& doc, const std::string& messageRef, InterchangeWriter& writer) {
    Status s = MessageWriter(doc, writer).write(messageRef);
    if (!s) return Status(s.code(), std::string(messageName(doc.message)) + " " + doc.number + ": " + s.message());
    return s;
}

// Where the segment being read belongs: the segment groups of the messages.
struct EancomToPivot::State {
    enum class Group { Header, Party, Contact, Reference, Terms, Allowance, Tax, Line, Batch, Summary };
    Document doc;
    Group group = Group::Header;
    bool inLines = false;
    bool summary = false;
    std::optional<int> lineCount;  // CNT 2
    int cntSegment = 0;
    std::string package;  // the CPS whose lines follow (DESADV)
    std::map<std::string, bool> cpsIsPackage;
    std::map<std::string, std::string> cpsParent;

    Line* line() { return doc.lines.empty() ? nullptr : &doc.lines.back(); }
};

EancomToPivot::EancomToPivot(std::set<Message> accepted, Sink sink) : accepted_(std::move(accepted)), sink_(std::move(sink)) {}

std::optional<Fault> EancomToPivot::interchangeBegin(const InterchangeHeader& h, const Segment&) {
    level_ = h.level;
    return std::nullopt;
}

std::optional<Fault> EancomToPivot::messageBegin(const MessageHeader& m, const Segment&) {
    auto message = messageFromName(m.type);
    if (!message || !accepted_.count(*message)) {
        std::string known;
        for (auto a : accepted_) known += (known.empty() ? "" : " or ") + std::string(messageName(a));
        return fault(error::kNotSupported, "message type " + m.type + " is not mapped here", 2, 1, known, m.type);
    }
    if (m.version != "D") return fault(error::kNotSupported, "message version not supported", 2, 2, "D", m.version);
    if (m.release != "96A") return fault(error::kNotSupported, "message release not supported (EANCOM D96A)", 2, 3, "96A", m.release);
    state_ = std::make_shared<State>();
    state_->doc.message = *message;
    return std::nullopt;
}

std::optional<Fault> EancomToPivot::messageSegment(const MessageHeader&, const Segment& seg) {
    State& st = *state_;
    Document& d = st.doc;
    using G = State::Group;
    const std::string_view tag = seg.tag();
    // Tags compared as numbers: this runs for every segment of every message.
    const uint32_t code = tagCode(tag);
    auto is = [code](const char (&t)[4]) { return code == tagCode(std::string_view(t, 3)); };
    auto text = [&](int e, int c = 1) { return toUtf8(seg.value(e, c), level_); };
    // A number of the segment, or a fault naming it.
    std::optional<Fault> bad;
    auto number = [&](int e, int c) -> std::optional<Decimal> {
        const std::string_view v = seg.value(e, c);
        if (v.empty()) return std::nullopt;
        std::string why;
        auto n = Decimal::parse(v, &why);
        if (!n && !bad) bad = fault(error::kInvalidValue, "not a number: " + why, e, c, "a decimal number", v);
        return n;
    };
    auto required = [&](int e, int c, const std::string& name) -> bool {
        if (!seg.value(e, c).empty()) return true;
        if (!bad) bad = fault(error::kMissing, name + " is missing", e, c, name);
        return false;
    };
    auto identifier = [&](int e, int c, FieldKind kind, const char* name) -> std::string {
        const std::string v(seg.value(e, c));
        if (v.empty()) return v;
        FieldSpec spec{name, kind, false};
        if (std::string why = checkField(spec, v); !why.empty() && !bad)
            bad = fault(error::kInvalidValue, std::string(name) + " " + why, e, c, std::string("a ") + name, v);
        return v;
    };
    auto date = [&](int e) -> std::string {
        const std::string_view v = seg.value(e, 2), format = seg.value(e, 3);
        std::string compact(v);
        if (format == "101" && v.size() == 6) compact = "20" + compact;
        else if (format == "718" && v.size() == 17) compact = compact.substr(0, 8);
        else if (!format.empty() && format != "102" && format != "203" && format != "204") {
            if (!bad) bad = fault(error::kNotSupported, "date format not supported", e, 3, "102, 203, 204, 101 or 718", format);
            return "";
        }
        std::string out = normaliseDate(compact);
        if (out.empty() && !bad) bad = fault(error::kInvalidValue, "not a date", e, 2, "a date in format " + std::string(format.empty() ? "102" : format), v);
        return out;
    };
    auto noLine = [&]() {
        if (!bad) bad = fault(error::kNotInPosition, std::string(tag) + " before the first LIN", 0, 0, "LIN", tag);
        return bad;
    };

    if (is("BGM")) {
        d.nameCode = text(1);
        if (required(2, 1, "document number (BGM 1004)")) d.number = text(2);
        d.function = text(3);
    } else if (is("DTM")) {
        const std::string q(seg.value(1, 1));
        if (!required(1, 1, "date qualifier (DTM 2005)") || !required(1, 2, "date (DTM 2380)")) return bad;
        const std::string v = date(1);
        if (bad) return bad;
        if (st.group == G::Reference) {
            auto& refs = st.inLines ? st.line()->references : d.references;
            if (!refs.empty() && q == "171") refs.back().date = v;
            else (st.inLines ? st.line()->dates : d.dates).push_back({q, v});
        } else if (st.group == G::Terms && q == "13") {
            d.paymentTerms.back().dueDate = v;
        } else if (st.group == G::Batch && q == "36" && st.line() && !st.line()->batches.empty()) {
            st.line()->batches.back().expiry = v;
        } else if (!st.inLines && q == "137") {
            d.date = v;
        } else {
            (st.inLines ? st.line()->dates : d.dates).push_back({q, v});
        }
        return bad;
    } else if (is("FTX")) {
        std::string t;
        for (int c = 1; c <= 5; ++c) t += text(4, c);
        if (!t.empty()) (st.inLines ? st.line()->texts : d.texts).push_back({text(1), t});
    } else if (is("RFF")) {
        if (!required(1, 1, "reference qualifier (RFF 1153)") || !required(1, 2, "reference (RFF 1154)")) return bad;
        if ((st.group == G::Party || st.group == G::Contact) && seg.value(1, 1) == "VA") {
            d.parties.back().vat = text(1, 2);
        } else {
            (st.inLines ? st.line()->references : d.references).push_back({text(1, 1), text(1, 2)});
            st.group = G::Reference;
        }
        return bad;
    } else if (is("NAD")) {
        if (st.inLines) return std::nullopt;  // line-level parties are not in the pivot format
        Party p;
        if (!required(1, 1, "party qualifier (NAD 3035)")) return bad;
        p.role = text(1);
        if (seg.value(2, 3) == "9") p.gln = identifier(2, 1, FieldKind::Gln, "GLN");
        else p.code = text(2, 1);
        p.name = text(4, 1);
        if (!seg.value(4, 2).empty()) p.name += text(4, 2);
        if (p.name.empty()) p.name = text(3, 1);
        p.street = text(5, 1);
        p.street2 = text(5, 2);
        p.city = text(6);
        p.postcode = text(8);
        p.country = text(9);
        d.parties.push_back(std::move(p));
        st.group = G::Party;
    } else if (is("CTA")) {
        if (d.parties.empty() || (st.group != G::Party && st.group != G::Contact)) return std::nullopt;
        d.parties.back().contacts.push_back({text(1), text(2, 2)});
        st.group = G::Contact;
        return std::nullopt;
    } else if (is("COM")) {
        if (st.group != G::Contact) return std::nullopt;
        Contact& c = d.parties.back().contacts.back();
        if (seg.value(1, 2) == "TE") c.phone = text(1, 1);
        else if (seg.value(1, 2) == "EM") c.email = text(1, 1);
        return std::nullopt;
    } else if (is("CUX")) {
        d.currency = text(1, 2);
    } else if (is("PAT")) {
        PaymentTerms t;
        if (!required(1, 1, "payment terms type (PAT 4279)")) return bad;
        t.type = text(1);
        const std::string_view days = seg.value(3, 4);
        if (!days.empty()) {
            auto n = number(3, 4);
            if (n) t.days = static_cast<int>(n->units() / Decimal::kScale);
        }
        d.paymentTerms.push_back(std::move(t));
        st.group = G::Terms;
        return bad;
    } else if (is("PCD")) {
        auto p = number(1, 2);
        if (bad) return bad;
        if (st.group == G::Terms) d.paymentTerms.back().percent = p;
        else if (st.group == G::Allowance) (st.inLines ? st.line()->allowances : d.allowances).back().percent = p;
        return std::nullopt;
    } else if (is("MOA")) {
        if (!required(1, 1, "amount qualifier (MOA 5025)") || !required(1, 2, "amount (MOA 5004)")) return bad;
        auto v = number(1, 2);
        if (bad) return bad;
        const std::string q(seg.value(1, 1));
        if (st.group == G::Allowance) {
            auto& a = (st.inLines ? st.line()->allowances : d.allowances).back();
            if (q == "25") a.base = v;
            else a.amount = v;
        } else if (st.group == G::Terms && q == "52") {
            d.paymentTerms.back().amount = v;
        } else if (st.group == G::Tax && q == "124") {
            if (st.summary) d.taxSummaries.back().amount = v;
            else st.line()->taxes.back().amount = v;
        } else if (st.group == G::Tax && q == "125" && st.summary) {
            d.taxSummaries.back().taxable = v;
        } else if (st.summary) {
            d.totals.push_back({q, *v});
        } else if (st.inLines) {
            st.line()->amounts.push_back({q, *v});
        }
        return std::nullopt;
    } else if (is("TDT")) {
        Transport t;
        t.reference = text(2);
        t.mode = text(3);
        if (seg.value(5, 3) == "9") t.carrierGln = identifier(5, 1, FieldKind::Gln, "GLN");
        t.carrierName = text(5, 4);
        t.meansId = text(8);
        d.transports.push_back(std::move(t));
        st.group = G::Header;
    } else if (is("TOD")) {
        if (!seg.value(3, 1).empty() || !seg.value(3, 4).empty())
            d.deliveryTerms.push_back({seg.value(3, 1).empty() ? "ZZZ" : text(3, 1), "", text(3, 4)});
    } else if (is("ALC")) {
        AllowanceCharge a;
        if (seg.value(1, 1) != "A" && seg.value(1, 1) != "C")
            return fault(error::kInvalidValue, "allowance or charge indicator (ALC 5463)", 1, 1, "A or C", seg.value(1, 1));
        a.charge = seg.value(1, 1) == "C";
        a.text = text(2, 1);
        if (!seg.value(4, 1).empty()) {
            auto n = number(4, 1);
            if (n) a.sequence = static_cast<int>(n->units() / Decimal::kScale);
        }
        a.type = text(5, 1);
        (st.inLines ? st.line()->allowances : d.allowances).push_back(std::move(a));
        st.group = G::Allowance;
        return bad;
    } else if (is("CPS")) {
        st.package = std::string(seg.value(1, 1));
        st.cpsIsPackage[st.package] = false;
        st.cpsParent[st.package] = std::string(seg.value(2, 1));
        st.group = G::Header;
    } else if (is("PAC")) {
        Package p;
        p.id = st.package;
        const std::string& parent = st.cpsParent[st.package];
        if (st.cpsIsPackage[parent]) p.parent = parent;
        p.count = number(1, 1);
        p.type = text(3, 1);
        if (bad) return bad;
        d.packages.push_back(std::move(p));
        st.cpsIsPackage[st.package] = true;
    } else if (is("UNS")) {
        st.summary = true;
        st.group = G::Summary;
    } else if (is("CNT")) {
        if (seg.value(1, 1) == "2") {
            auto n = number(1, 2);
            if (bad) return bad;
            if (n) st.lineCount = static_cast<int>(n->units() / Decimal::kScale);
            st.cntSegment = seg.numberInMessage;
        }
    } else if (is("LIN")) {
        Line l;
        if (!required(1, 1, "line number (LIN 1082)")) return bad;
        auto n = number(1, 1);
        if (bad) return bad;
        l.number = static_cast<int>(n->units() / Decimal::kScale);
        l.gtin = identifier(3, 1, FieldKind::Gtin, "GTIN");
        if (!st.package.empty() && st.cpsIsPackage[st.package]) l.package = st.package;
        d.lines.push_back(std::move(l));
        st.inLines = true;
        st.group = G::Line;
    } else if (is("PIA")) {
        if (!st.line()) return noLine();
        for (int e = 2; e <= 6; ++e) {
            const std::string_view type = seg.value(e, 2);
            if (type == "IN" || type == "BP") st.line()->buyerItem = text(e, 1);
            else if (type == "SA" || type == "MF") st.line()->supplierItem = text(e, 1);
        }
    } else if (is("IMD")) {
        if (!st.line()) return noLine();
        std::string t = text(3, 4) + text(3, 5);
        if (!t.empty()) st.line()->description = t;
    } else if (is("QTY")) {
        if (!st.line()) return noLine();
        if (!required(1, 1, "quantity qualifier (QTY 6063)") || !required(1, 2, "quantity (QTY 6060)")) return bad;
        auto v = number(1, 2);
        if (bad) return bad;
        if (st.group == G::Batch && seg.value(1, 1) == "12" && !st.line()->batches.empty()) {
            st.line()->batches.back().quantity = *v;  // the quantity of the batch whose PCI group this is
            return std::nullopt;                      // its GIN follows
        }
        st.line()->quantities.push_back({text(1, 1), *v, text(1, 3)});
    } else if (is("PRI")) {
        if (!st.line()) return noLine();
        if (!required(1, 1, "price qualifier (PRI 5125)") || !required(1, 2, "price (PRI 5118)")) return bad;
        auto v = number(1, 2);
        auto basis = number(1, 5);
        if (bad) return bad;
        st.line()->prices.push_back({text(1, 1), *v, basis, text(1, 6)});
    } else if (is("TAX")) {
        auto rate = number(5, 4);
        if (bad) return bad;
        if (st.summary) {
            d.taxSummaries.push_back({text(2, 1), rate, text(6, 1)});
        } else if (st.inLines) {
            st.line()->taxes.push_back({text(2, 1), rate, text(6, 1)});
        } else {
            return std::nullopt;  // a header tax: every line carries its own
        }
        st.group = G::Tax;
        return std::nullopt;
    } else if (is("PCI")) {
        if (st.line() && seg.value(1, 1) == "36E") {
            st.line()->batches.push_back({});
            st.group = G::Batch;
            return std::nullopt;
        }
    } else if (is("GIN")) {
        if (seg.value(1, 1) == "BJ" && !d.packages.empty() && d.packages.back().id == st.package)
            d.packages.back().sscc = identifier(2, 1, FieldKind::Sscc, "SSCC");
        else if (seg.value(1, 1) == "BX" && st.group == G::Batch && st.line() && !st.line()->batches.empty())
            st.line()->batches.back().batch = text(2, 1);
        return bad;
    }
    // A segment that begins a segment group keeps it open for the ones that depend on it.
    static constexpr uint32_t grouped[] = {tagCode("RFF"), tagCode("NAD"), tagCode("ALC"), tagCode("PAT"),
                                           tagCode("CTA"), tagCode("TAX"), tagCode("PCI"), tagCode("DTM"),
                                           tagCode("PCD"), tagCode("MOA"), tagCode("COM"), tagCode("GIN")};
    if (std::find(std::begin(grouped), std::end(grouped), code) == std::end(grouped))
        st.group = st.summary ? G::Summary : st.inLines ? G::Line : G::Header;
    return bad;
}

std::optional<Fault> EancomToPivot::messageEnd(const MessageHeader& m, const Segment&) {
    State& st = *state_;
    Document& d = st.doc;
    auto missing = [&](const std::string& what) { return fault(error::kMissing, m.type + " " + d.number + ": " + what, 0, 0); };
    if (d.number.empty()) return missing("no BGM with a document number");
    if (d.date.empty()) return missing("no document date (DTM+137)");
    if (d.lines.empty()) return missing("no line (LIN)");
    if (!d.party("BY")) return missing("no buyer (NAD+BY)");
    if (!d.party("SU")) return missing("no supplier (NAD+SU)");
    const char* q = mainQuantityQualifier(d.message);
    for (const auto& l : d.lines)
        if (!l.quantity(q)) return missing("line " + std::to_string(l.number) + " has no QTY+" + q);
    if (st.lineCount && *st.lineCount != static_cast<int>(d.lines.size())) {
        Fault f = fault(error::kCountMismatch, m.type + " " + d.number + ": CNT+2 (segment " + std::to_string(st.cntSegment) +
                                                   " of the message) does not match the number of LIN",
                        0, 0, std::to_string(d.lines.size()), std::to_string(*st.lineCount));
        return f;
    }
    Status s = sink_(std::move(d), m);
    state_.reset();
    if (!s) return fault(error::kUnspecified, s.message(), 0, 0);
    return std::nullopt;
}

}  // namespace relais::edifact
