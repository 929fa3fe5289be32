// Pivot writer: one record at a time, fields set by name from the record
// table, checked, escaped and converted to the file's character set.
#include "formats/pivot_writer.h"

#include "base/atomic_file.h"
#include "formats/pivot_records.h"

namespace relais::pivot {
namespace {

// UTF-8 -> ISO-8859-1; false when a character has no ISO-8859-1 form.
bool toLatin1(const std::string& in, std::string& out, std::string& bad) {
    out.clear();
    for (size_t i = 0; i < in.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(in[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < in.size()) {
            out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(in[i + 1]) & 0x3F));
            ++i;
        } else {
            size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
            bad = in.substr(i, n);
            return false;
        }
    }
    return true;
}

class Writer {
public:
    Writer(const PivotFile& file, const WriteOptions& options) : file_(file), options_(options) {}

    Result<std::string> write() {
        out_ = std::string("PIVOT;1;") + (file_.charset == Charset::Utf8 ? "UTF-8" : "ISO-8859-1") + "\n";
        for (const auto& d : file_.documents) RELAIS_TRY(document(d));
        return std::move(out_);
    }

private:
    // One record being written: values by field name, then checked and appended.
    class Record {
    public:
        Record(Writer& w, const char* tag) : w_(w), spec_(*recordSpec(tag)), values_(spec_.fields.size()) {}
        Record& set(std::string_view name, const std::string& v) {
            values_[spec_.index(name)] = v;
            return *this;
        }
        Record& set(std::string_view name, const std::optional<Decimal>& v) {
            if (v) values_[spec_.index(name)] = v->toString();
            return *this;
        }
        Record& set(std::string_view name, Decimal v) { return set(name, std::optional<Decimal>(v)); }
        Record& set(std::string_view name, const std::optional<int>& v) {
            if (v) values_[spec_.index(name)] = std::to_string(*v);
            return *this;
        }
        Status end() { return w_.append(spec_, values_); }

    private:
        Writer& w_;
        const RecordSpec& spec_;
        std::vector<std::string> values_;
    };

    Record record(const char* tag) { return Record(*this, tag); }

    Status fail(const RecordSpec& spec, const FieldSpec& field, const std::string& value, const std::string& why) const {
        return Status(Code::InvalidArgument, "cannot write document " + doc_ + ": " + spec.tag + " " + field.name +
                                                 " '" + value + "' " + why);
    }

    Status append(const RecordSpec& spec, const std::vector<std::string>& values) {
        size_t last = 0;
        for (size_t i = 0; i < values.size(); ++i) {
            const FieldSpec& f = spec.fields[i];
            if (values[i].empty()) {
                if (f.required) return fail(spec, f, "", "is missing");
                continue;
            }
            if (std::string why = checkField(f, values[i]); !why.empty()) return fail(spec, f, values[i], why);
            last = i + 1;
        }
        std::string line = spec.tag;
        for (size_t i = 0; i < last; ++i) {
            line += ';';
            std::string v = values[i];
            if (options_.decimalPoint != '.' && spec.fields[i].kind == FieldKind::Number)
                for (auto& c : v)
                    if (c == '.') c = options_.decimalPoint;
            for (char c : v) {
                if (c == '\\' || c == ';') line += '\\', line += c;
                else if (c == '\n') line += "\\n";
                else if (c == '\r') line += "\\r";
                else line += c;
            }
            if (file_.charset == Charset::Latin1) {
                std::string latin, bad;
                if (!toLatin1(values[i], latin, bad))
                    return fail(spec, spec.fields[i], values[i], "holds '" + bad + "', which ISO-8859-1 cannot write");
            }
        }
        if (file_.charset == Charset::Latin1) {
            std::string latin, bad;
            toLatin1(line, latin, bad);
            line = std::move(latin);
        }
        out_ += line;
        out_ += '\n';
        return Status::ok();
    }

    Status document(const Document& d) {
        doc_ = std::string(messageName(d.message)) + " " + d.number;
        RELAIS_TRY(record("DOC").set("message", messageName(d.message)).set("number", d.number).set("date", d.date)
                       .set("name_code", d.nameCode).set("function", d.function).set("currency", d.currency).end());
        for (const auto& x : d.dates) RELAIS_TRY(dated(x));
        for (const auto& x : d.references) RELAIS_TRY(reference(x));
        for (const auto& p : d.parties) {
            RELAIS_TRY(record("PAR").set("role", p.role).set("gln", p.gln).set("name", p.name).set("street", p.street)
                           .set("street2", p.street2).set("postcode", p.postcode).set("city", p.city)
                           .set("country", p.country).set("vat", p.vat).set("code", p.code).end());
            for (const auto& c : p.contacts)
                RELAIS_TRY(record("CTA").set("function", c.function).set("name", c.name).set("phone", c.phone)
                               .set("email", c.email).end());
        }
        for (const auto& t : d.paymentTerms)
            RELAIS_TRY(record("PAT").set("type", t.type).set("due_date", t.dueDate).set("days", t.days)
                           .set("percent", t.percent).set("amount", t.amount).set("text", t.text).end());
        for (const auto& t : d.deliveryTerms)
            RELAIS_TRY(record("TOD").set("code", t.code).set("location", t.location).set("text", t.text).end());
        for (const auto& t : d.transports)
            RELAIS_TRY(record("TRA").set("mode", t.mode).set("carrier_gln", t.carrierGln).set("carrier_name", t.carrierName)
                           .set("means_id", t.meansId).set("reference", t.reference).end());
        for (const auto& p : d.packages)
            RELAIS_TRY(record("PKG").set("id", p.id).set("parent", p.parent).set("type", p.type).set("count", p.count)
                           .set("sscc", p.sscc).end());
        for (const auto& a : d.allowances) RELAIS_TRY(allowance(a));
        for (const auto& t : d.texts) RELAIS_TRY(text(t));
        for (const auto& l : d.lines) RELAIS_TRY(line(l));
        for (const auto& t : d.totals) RELAIS_TRY(record("TOT").set("qualifier", t.qualifier).set("amount", t.value).end());
        for (const auto& t : d.taxSummaries)
            RELAIS_TRY(record("TXS").set("type", t.type).set("rate", t.rate).set("category", t.category)
                           .set("taxable", t.taxable).set("amount", t.amount).end());
        return record("END").set("line_count", std::optional<int>(static_cast<int>(d.lines.size()))).end();
    }

    Status line(const Line& l) {
        RELAIS_TRY(record("LIN").set("number", std::optional<int>(l.number)).set("gtin", l.gtin).set("buyer_item", l.buyerItem)
                       .set("supplier_item", l.supplierItem).set("description", l.description).set("package", l.package).end());
        for (const auto& q : l.quantities)
            RELAIS_TRY(record("QTY").set("qualifier", q.qualifier).set("value", q.value).set("unit", q.unit).end());
        for (const auto& p : l.prices)
            RELAIS_TRY(record("PRI").set("qualifier", p.qualifier).set("value", p.value).set("basis", p.basis)
                           .set("unit", p.unit).end());
        for (const auto& a : l.allowances) RELAIS_TRY(allowance(a));
        for (const auto& t : l.taxes)
            RELAIS_TRY(record("TAX").set("type", t.type).set("rate", t.rate).set("category", t.category)
                           .set("amount", t.amount).set("code", t.code).end());
        for (const auto& a : l.amounts) RELAIS_TRY(record("MOA").set("qualifier", a.qualifier).set("amount", a.value).end());
        for (const auto& x : l.dates) RELAIS_TRY(dated(x));
        for (const auto& x : l.references) RELAIS_TRY(reference(x));
        for (const auto& t : l.texts) RELAIS_TRY(text(t));
        for (const auto& b : l.batches)
            RELAIS_TRY(record("LOT").set("batch", b.batch).set("expiry", b.expiry).set("quantity", b.quantity).end());
        return Status::ok();
    }

    Status dated(const DateValue& x) { return record("DAT").set("qualifier", x.qualifier).set("value", x.value).end(); }
    Status reference(const Reference& x) {
        return record("REF").set("qualifier", x.qualifier).set("value", x.value).set("date", x.date).end();
    }
    Status text(const Text& t) { return record("TXT").set("qualifier", t.qualifier).set("text", t.text).end(); }
    Status allowance(const AllowanceCharge& a) {
        return record("ALC").set("indicator", a.charge ? "C" : "A").set("type", a.type).set("percent", a.percent)
            .set("amount", a.amount).set("base", a.base).set("sequence", a.sequence).set("text", a.text).end();
    }

    const PivotFile& file_;
    const WriteOptions& options_;
    std::string out_;
    std::string doc_;
};

}  // namespace

Result<std::string> writePivot(const PivotFile& file, const WriteOptions& options) { return Writer(file, options).write(); }

Status writePivotFile(const PivotFile& file, const std::string& path, const WriteOptions& options) {
    RELAIS_ASSIGN_OR_RETURN(std::string text, writePivot(file, options));
    return writeFileAtomic(path, text);
}

}  // namespace relais::pivot
