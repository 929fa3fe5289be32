// Pivot reader: bytes -> lines -> fields (unescaped, checked against the
// record table) -> documents, with the record order kept by a small state
// machine (header records, then lines, then totals, then END).
#include "formats/pivot_reader.h"

#include <fstream>
#include <set>
#include <sstream>

#include "formats/pivot_records.h"

namespace relais::pivot {
namespace {

// One record's fields by name, already checked.
class Fields {
public:
    Fields(const RecordSpec& spec, std::vector<std::string> values) : spec_(spec), values_(std::move(values)) {
        values_.resize(spec.fields.size());
    }
    const std::string& text(std::string_view name) const { return values_[spec_.index(name)]; }
    std::string date(std::string_view name) const {
        const auto& v = text(name);
        return v.empty() ? v : normaliseDate(v);
    }
    std::optional<Decimal> number(std::string_view name) const {
        const auto& v = text(name);
        if (v.empty()) return std::nullopt;
        return Decimal::parse(v);
    }
    std::optional<int> integer(std::string_view name) const {
        const auto& v = text(name);
        if (v.empty()) return std::nullopt;
        return std::stoi(v);
    }

private:
    const RecordSpec& spec_;
    std::vector<std::string> values_;
};

// The position of the first byte that is not part of valid UTF-8, or npos.
size_t invalidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n;
        if (c < 0x80) n = 0;
        else if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if ((c & 0xF0) == 0xE0) n = 2;
        else if (c >= 0xF0 && c <= 0xF4) n = 3;
        else return i;
        if (n > 0 && i + n >= s.size()) return i;  // cut short
        for (size_t k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        i += n + 1;
    }
    return std::string_view::npos;
}

std::string shown(std::string_view v) {
    std::string s(v.substr(0, 60));
    return "'" + s + (v.size() > 60 ? "...'" : "'");
}

class Parser {
public:
    explicit Parser(std::string origin) : origin_(std::move(origin)) {}

    Result<PivotFile> parse(std::string_view bytes) {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // a UTF-8 byte order mark
        const size_t firstEnd = bytes.find('\n');
        std::string first(bytes.substr(0, firstEnd));
        if (!first.empty() && first.back() == '\r') first.pop_back();
        lineNo_ = 1;
        RELAIS_TRY(header(first));
        std::string text;
        std::string_view rest = firstEnd == std::string_view::npos ? std::string_view() : bytes.substr(firstEnd + 1);
        if (file_.charset == Charset::Latin1) {
            text = latin1ToUtf8(rest);
            rest = text;
        }
        while (!rest.empty()) {
            ++lineNo_;
            const size_t end = rest.find('\n');
            std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty() || line[0] == '#') continue;
            RELAIS_TRY(record(line));
        }
        if (state_ != State::Outside)
            return Status(Code::InvalidArgument, origin_ + ": the document " + doc().number + " begun on line " +
                                                     std::to_string(doc().line.number) +
                                                     " has no END record: the file is truncated");
        if (file_.documents.empty())
            return Status(Code::InvalidArgument, origin_ + ": the file holds no document (no DOC record)");
        return std::move(file_);
    }

private:
    enum class State { Outside, Header, Lines, Summary };

    Status error(const std::string& what) const {
        return Status(Code::InvalidArgument, origin_ + " line " + std::to_string(lineNo_) + ": " + what);
    }

    Status header(const std::string& first) {
        if (first.rfind("PIVOT;", 0) != 0)
            return error("a pivot file starts with the line PIVOT;1;UTF-8 or PIVOT;1;ISO-8859-1, not " + shown(first));
        RELAIS_ASSIGN_OR_RETURN(Fields f, split(first));
        file_.charset = f.text("charset") == "UTF-8" ? Charset::Utf8 : Charset::Latin1;
        return Status::ok();
    }

    // Splits, unescapes and checks one line against its record's spec.
    Result<Fields> split(std::string_view line) {
        std::vector<std::string> values(1);
        for (size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == ';') {
                values.emplace_back();
            } else if (c == '\\') {
                const char next = i + 1 < line.size() ? line[i + 1] : '\0';
                if (next == '\\' || next == ';') values.back() += next;
                else if (next == 'n') values.back() += '\n';
                else if (next == 'r') values.back() += '\r';
                else return error("field " + std::to_string(values.size()) + " holds '\\" + std::string(1, next) +
                                  "', which is not an escape of the format (\\\\ \\; \\n \\r)");
                ++i;
            } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
                return error("field " + std::to_string(values.size()) + " holds the control character 0x" +
                             "0123456789ABCDEF"[(c >> 4) & 0xF] + "0123456789ABCDEF"[c & 0xF]);
            } else {
                values.back() += c;
            }
        }
        if (size_t bad = invalidUtf8(line); bad != std::string_view::npos)
            return error("the line is not valid UTF-8 at byte " + std::to_string(bad + 1) +
                         "; a file in ISO-8859-1 says so on its first line: PIVOT;1;ISO-8859-1");
        current_ = recordSpec(values[0]);
        if (!current_)
            return error("unknown record " + shown(values[0]) + " (known: " + knownTags() + ")");
        const RecordSpec& spec = *current_;
        if (values.size() - 1 > spec.fields.size())
            return error(std::string(spec.tag) + " has " + std::to_string(values.size() - 1) + " fields after its tag, at most " +
                         std::to_string(spec.fields.size()) + " (is a ';' in a value not escaped as '\\;'?)");
        for (size_t i = 0; i < spec.fields.size(); ++i) {
            const FieldSpec& fs = spec.fields[i];
            const std::string at = std::string(spec.tag) + " " + fs.name + " (field " + std::to_string(i + 2) + ")";
            const std::string& v = i + 1 < values.size() ? values[i + 1] : std::string();
            if (v.empty()) {
                if (fs.required) return error(at + " is missing");
                continue;
            }
            if (std::string why = checkField(fs, v); !why.empty()) return error(at + " " + shown(v) + " " + why);
        }
        values.erase(values.begin());
        return Fields(spec, std::move(values));
    }

    Document& doc() { return file_.documents.back(); }
    const Document& doc() const { return file_.documents.back(); }
    SourceLine here() const { return SourceLine{lineNo_}; }

    Status record(std::string_view text) {
        RELAIS_ASSIGN_OR_RETURN(Fields f, split(text));
        const std::string tag = current_->tag;
        if (tag == "PIVOT") return error("PIVOT may only be the first line");
        if (tag == "DOC") return beginDocument(f);
        if (state_ == State::Outside)
            return error(tag + " outside a document: records stand between DOC and END");
        if (tag == "END") return endDocument(f);
        if (tag == "PAR" || tag == "CTA" || tag == "PAT" || tag == "TOD" || tag == "TRA" || tag == "PKG") {
            if (state_ != State::Header) return error(tag + " must come before the document's first LIN");
            return headerRecord(tag, f);
        }
        if (tag == "LIN") {
            if (state_ == State::Summary) return error("LIN after the document's totals (TOT, TXS)");
            return beginLine(f);
        }
        if (tag == "TOT" || tag == "TXS") {
            state_ = State::Summary;
            if (tag == "TOT") doc().totals.push_back({f.text("qualifier"), *f.number("amount"), here()});
            else doc().taxSummaries.push_back({f.text("type"), f.number("rate"), f.text("category"), f.number("taxable"),
                                               f.number("amount"), here()});
            return Status::ok();
        }
        if (state_ == State::Summary) return error(tag + " after the document's totals (TOT, TXS)");
        if (tag == "DAT" || tag == "REF" || tag == "ALC" || tag == "TXT") return sharedRecord(tag, f);
        // QTY, PRI, TAX, MOA, LOT: line records.
        if (state_ != State::Lines) return error(tag + " must follow a LIN (it belongs to a line)");
        Line& l = doc().lines.back();
        if (tag == "QTY") l.quantities.push_back({f.text("qualifier"), *f.number("value"), f.text("unit"), here()});
        else if (tag == "PRI")
            l.prices.push_back({f.text("qualifier"), *f.number("value"), f.number("basis"), f.text("unit"), here()});
        else if (tag == "TAX")
            l.taxes.push_back({f.text("type"), f.number("rate"), f.text("category"), f.number("amount"), f.text("code"), here()});
        else if (tag == "MOA") l.amounts.push_back({f.text("qualifier"), *f.number("amount"), here()});
        else if (tag == "LOT") l.batches.push_back({f.text("batch"), f.date("expiry"), f.number("quantity"), here()});
        return Status::ok();
    }

    Status beginDocument(const Fields& f) {
        if (state_ != State::Outside)
            return error("DOC before the END of the document " + doc().number + " begun on line " +
                         std::to_string(doc().line.number));
        Document d;
        d.message = *messageFromName(f.text("message"));
        d.number = f.text("number");
        d.date = f.date("date");
        d.nameCode = f.text("name_code");
        d.function = f.text("function");
        d.currency = f.text("currency");
        d.line = here();
        file_.documents.push_back(std::move(d));
        lineNumbers_.clear();
        packageIds_.clear();
        state_ = State::Header;
        return Status::ok();
    }

    Status headerRecord(const std::string& tag, const Fields& f) {
        Document& d = doc();
        if (tag == "PAR") {
            Party p{f.text("role"), f.text("gln"), f.text("name"), f.text("street"), f.text("street2"), f.text("postcode"),
                    f.text("city"), f.text("country"), f.text("vat"), f.text("code"), {}, here()};
            if (p.gln.empty() && p.code.empty() && p.name.empty())
                return error("PAR " + p.role + " names no party: give its gln, code or name");
            d.parties.push_back(std::move(p));
        } else if (tag == "CTA") {
            if (d.parties.empty()) return error("CTA must follow the PAR of the party it is a contact of");
            d.parties.back().contacts.push_back({f.text("function"), f.text("name"), f.text("phone"), f.text("email"), here()});
        } else if (tag == "PAT") {
            d.paymentTerms.push_back({f.text("type"), f.date("due_date"), f.integer("days"), f.number("percent"),
                                      f.number("amount"), f.text("text"), here()});
        } else if (tag == "TOD") {
            d.deliveryTerms.push_back({f.text("code"), f.text("location"), f.text("text"), here()});
        } else if (tag == "TRA") {
            d.transports.push_back({f.text("mode"), f.text("carrier_gln"), f.text("carrier_name"), f.text("means_id"),
                                    f.text("reference"), here()});
        } else if (tag == "PKG") {
            Package p{f.text("id"), f.text("parent"), f.text("type"), f.number("count"), f.text("sscc"), here()};
            if (!p.parent.empty() && !packageIds_.count(p.parent))
                return error("PKG parent (field 3) '" + p.parent + "' is not the id of a PKG above it");
            if (!packageIds_.insert(p.id).second) return error("PKG id (field 2) '" + p.id + "' is used twice");
            d.packages.push_back(std::move(p));
        }
        return Status::ok();
    }

    // DAT, REF, ALC and TXT belong to the line above them, or to the document
    // before its first LIN.
    Status sharedRecord(const std::string& tag, const Fields& f) {
        Document& d = doc();
        Line* l = state_ == State::Lines ? &d.lines.back() : nullptr;
        if (tag == "DAT") {
            (l ? l->dates : d.dates).push_back({f.text("qualifier"), f.date("value"), here()});
        } else if (tag == "REF") {
            (l ? l->references : d.references).push_back({f.text("qualifier"), f.text("value"), f.date("date"), here()});
        } else if (tag == "TXT") {
            (l ? l->texts : d.texts).push_back({f.text("qualifier"), f.text("text"), here()});
        } else {
            AllowanceCharge a{f.text("indicator") == "C", f.text("type"), f.number("percent"), f.number("amount"),
                              f.number("base"), f.integer("sequence"), f.text("text"), here()};
            if (!a.percent && !a.amount) return error("ALC gives neither a percent (field 4) nor an amount (field 5)");
            (l ? l->allowances : d.allowances).push_back(std::move(a));
        }
        return Status::ok();
    }

    Status beginLine(const Fields& f) {
        Line l;
        l.number = *f.integer("number");
        l.gtin = f.text("gtin");
        l.buyerItem = f.text("buyer_item");
        l.supplierItem = f.text("supplier_item");
        l.description = f.text("description");
        l.package = f.text("package");
        l.line = here();
        if (l.gtin.empty() && l.buyerItem.empty() && l.supplierItem.empty())
            return error("LIN " + std::to_string(l.number) +
                         " identifies no item: give its gtin (field 3), buyer_item (field 4) or supplier_item (field 5)");
        if (!lineNumbers_.insert(l.number).second)
            return error("LIN number (field 2) '" + std::to_string(l.number) + "' is used twice in the document");
        if (!l.package.empty() && !packageIds_.count(l.package))
            return error("LIN package (field 7) '" + l.package + "' is not the id of a PKG of the document");
        doc().lines.push_back(std::move(l));
        state_ = State::Lines;
        return Status::ok();
    }

    Status endDocument(const Fields& f) {
        const Document& d = doc();
        const std::string what = std::string(messageName(d.message)) + " " + d.number + " (line " +
                                 std::to_string(d.line.number) + ")";
        if (d.lines.empty()) return error("the document " + what + " has no line (LIN)");
        if (static_cast<size_t>(*f.integer("line_count")) != d.lines.size())
            return error("END line_count (field 2) '" + f.text("line_count") + "' does not match the " +
                         std::to_string(d.lines.size()) + " LIN of the document " + what);
        for (const char* role : {"BY", "SU"})
            if (!d.party(role))
                return error("the document " + what + " has no PAR " + role + " (" +
                             (std::string(role) == "BY" ? "buyer" : "supplier") + ")");
        const char* q = mainQuantityQualifier(d.message);
        for (const auto& l : d.lines)
            if (!l.quantity(q))
                return Status(Code::InvalidArgument, origin_ + " line " + std::to_string(l.line.number) + ": LIN " +
                                                         std::to_string(l.number) + " has no QTY " + q + ", required in " +
                                                         messageName(d.message));
        state_ = State::Outside;
        return Status::ok();
    }

    std::string origin_;
    PivotFile file_;
    State state_ = State::Outside;
    int lineNo_ = 0;
    const RecordSpec* current_ = nullptr;
    std::set<int> lineNumbers_;
    std::set<std::string> packageIds_;
};

}  // namespace

Result<PivotFile> readPivot(std::string_view bytes, const std::string& origin) { return Parser(origin).parse(bytes); }

Result<PivotFile> readPivotFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(Code::NotFound, "cannot read pivot file " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return Status(Code::Io, "error reading pivot file " + path);
    return readPivot(buf.str(), path);
}

}  // namespace relais::pivot
