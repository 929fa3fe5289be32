// EDIFACT check, translation, split and CONTRL.
#include "formats/edifact_translate.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "formats/pivot_writer.h"

namespace fs = std::filesystem;

namespace relais::edifact {
namespace {

class Counter final : public InterchangeHandler {
public:
    explicit Counter(std::map<std::string, int>& byType) : byType_(byType) {}
    std::optional<Fault> messageEnd(const MessageHeader& m, const Segment&) override {
        ++byType_[m.type];
        return std::nullopt;
    }

private:
    std::map<std::string, int>& byType_;
};

// A file written through a temporary name next to it, renamed by commit().
class PendingFile {
public:
    explicit PendingFile(const std::string& path) : path_(path) {
        tmp_ = path + ".part-" + std::to_string(::getpid());
        file_ = std::fopen(tmp_.c_str(), "wb");
    }
    ~PendingFile() {
        if (file_) std::fclose(file_);
        if (!committed_) std::remove(tmp_.c_str());
    }
    bool ok() const { return file_ != nullptr && !failed_; }
    void write(std::string_view bytes) {
        if (file_ && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = true;
    }
    Status commit() {
        if (!file_) return Status(Code::Io, "cannot create " + tmp_);
        const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
        std::fclose(file_);
        file_ = nullptr;
        if (failed_ || !flushed) return Status(Code::Io, "cannot write " + tmp_);
        if (std::rename(tmp_.c_str(), path_.c_str()) != 0) return Status(Code::Io, "cannot rename " + tmp_ + " to " + path_);
        committed_ = true;
        return Status::ok();
    }

private:
    std::string path_, tmp_;
    std::FILE* file_ = nullptr;
    bool failed_ = false;
    bool committed_ = false;
};

InterchangeWriter::Element elementOf(const Segment& seg, size_t e) {
    InterchangeWriter::Element out;
    for (size_t c = 1; c <= seg.componentCount(e); ++c) out.emplace_back(seg.value(e, c));
    return out;
}

std::vector<InterchangeWriter::Element> elementsOf(const Segment& seg) {
    std::vector<InterchangeWriter::Element> out;
    for (size_t e = 1; e <= seg.elementCount(); ++e) out.push_back(elementOf(seg, e));
    return out;
}

// Re-writes each message in an interchange of its own.
class Splitter final : public InterchangeHandler {
public:
    explicit Splitter(const MessageSink& each) : each_(each) {}
    std::optional<Fault> interchangeBegin(const InterchangeHeader& h, const Segment& unb) override {
        envelope_.separators = h.separators;
        envelope_.una = h.hasUna;
        envelope_.level = h.level;
        envelope_.rawData = true;
        envelope_.syntaxVersion = h.syntaxVersion;
        unb_ = elementsOf(unb);
        envelope_.reference = h.reference;
        return std::nullopt;
    }
    std::optional<Fault> messageBegin(const MessageHeader& m, const Segment& unh) override {
        writer_ = std::make_unique<InterchangeWriter>(envelope_);
        if (Status s = writer_->beginWith(unb_); !s) return Fault{error::kUnspecified, s.message()};
        if (Status s = writer_->beginMessage(m.reference, elementOf(unh, 2)); !s) return Fault{error::kUnspecified, s.message()};
        return std::nullopt;
    }
    std::optional<Fault> messageSegment(const MessageHeader&, const Segment& seg) override {
        if (Status s = writer_->segment(std::string(seg.tag()), elementsOf(seg)); !s) return Fault{error::kUnspecified, s.message()};
        return std::nullopt;
    }
    std::optional<Fault> messageEnd(const MessageHeader& m, const Segment&) override {
        Status s = writer_->endMessage();
        auto bytes = s ? writer_->finish() : Result<std::string>(s);
        if (bytes) s = each_(m, *bytes);
        else s = bytes.status();
        if (!s) return Fault{error::kUnspecified, s.message()};
        return std::nullopt;
    }

private:
    const MessageSink& each_;
    InterchangeEnvelope envelope_;
    std::vector<InterchangeWriter::Element> unb_;
    std::unique_ptr<InterchangeWriter> writer_;
};

}  // namespace

nlohmann::ordered_json InterchangeSummary::toJson(const std::string& origin) const {
    nlohmann::ordered_json j;
    j["file"] = origin;
    j["valid"] = outcome.ok();
    if (outcome.headerRead) {
        const auto& h = outcome.header;
        j["sender"] = h.sender + (h.senderQualifier.empty() ? "" : ":" + h.senderQualifier);
        j["recipient"] = h.recipient + (h.recipientQualifier.empty() ? "" : ":" + h.recipientQualifier);
        j["reference"] = h.reference;
        j["syntax"] = h.syntaxId + ":" + h.syntaxVersion;
        j["date"] = h.date + (h.time.empty() ? "" : ":" + h.time);
        j["test"] = h.testIndicator == "1";
    }
    j["groups"] = outcome.groups;
    j["messages"] = nlohmann::ordered_json::object();
    for (const auto& [type, n] : messagesByType) j["messages"][type] = n;
    j["bytes"] = outcome.bytes;
    if (const auto& e = outcome.error) {
        nlohmann::ordered_json err;
        err["message"] = e->describe(origin);
        err["code"] = e->code;
        if (!e->interchangeRef.empty()) err["interchange"] = e->interchangeRef;
        if (!e->messageRef.empty()) err["message_ref"] = e->messageRef;
        if (e->segment > 0) err["segment"] = e->segment;
        if (e->segmentInMessage > 0) err["segment_in_message"] = e->segmentInMessage;
        if (!e->tag.empty()) err["tag"] = e->tag;
        if (e->element > 0) err["element"] = e->element;
        if (e->component > 0) err["component"] = e->component;
        if (!e->expected.empty()) err["expected"] = e->expected;
        if (!e->found.empty()) err["found"] = printable(e->found);
        err["offset"] = e->offset;
        j["errors"] = nlohmann::ordered_json::array({err});
    } else {
        j["errors"] = nlohmann::ordered_json::array();
    }
    return j;
}

InterchangeSummary checkInterchangeFile(const std::string& path) {
    InterchangeSummary s;
    Counter counter(s.messagesByType);
    s.outcome = readInterchangeFile(path, counter);
    return s;
}

ToPivotResult interchangeToPivot(const std::string& path, const std::set<pivot::Message>& accepted,
                                 const std::string& pivotPath, pivot::Charset charset) {
    ToPivotResult r;
    PendingFile out(pivotPath);
    if (!out.ok()) {
        r.ioError = "cannot create the pivot file next to " + pivotPath;
        return r;
    }
    EancomToPivot mapper(accepted, [&](pivot::Document&& doc, const MessageHeader&) -> Status {
        pivot::PivotFile one;
        one.charset = charset;
        one.documents.push_back(std::move(doc));
        RELAIS_ASSIGN_OR_RETURN(std::string text, pivot::writePivot(one));
        // The file's first line once, then each document's records.
        out.write(r.documents == 0 ? std::string_view(text) : std::string_view(text).substr(text.find('\n') + 1));
        ++r.documents;
        return Status::ok();
    });
    r.outcome = readInterchangeFile(path, mapper);
    if (!r.outcome.ok()) return r;
    if (Status s = out.commit(); !s) r.ioError = s.message();
    return r;
}

Result<std::string> pivotToInterchange(const pivot::PivotFile& file, pivot::Message type, const std::string& senderGln,
                                       const PartnerSyntax& partner, const std::string& reference) {
    InterchangeEnvelope env;
    env.separators = partner.separators;
    env.level = partner.level;
    env.sender = senderGln;
    env.recipient = partner.unbId.empty() ? partner.gln : partner.unbId;
    env.recipientQualifier = partner.unbId.empty() ? "14" : partner.unbQualifier;
    env.reference = reference;
    env.test = partner.test;
    env.applicationRef = pivot::messageName(type);
    InterchangeWriter w(env);
    RELAIS_TRY(w.begin());
    int n = 0;
    for (const auto& d : file.documents) {
        if (d.message != type)
            return Status(Code::InvalidArgument, std::string("document ") + pivot::messageName(d.message) + " " + d.number +
                                                     " is not a " + pivot::messageName(type));
        RELAIS_TRY(writeEancomMessage(d, std::to_string(++n), w));
    }
    if (n == 0) return Status(Code::InvalidArgument, "the pivot file holds no document to write");
    return w.finish();
}

Result<std::string> buildContrl(const ReadOutcome& o, const ContrlOptions& options) {
    InterchangeEnvelope env;
    const auto& h = o.header;
    if (o.headerRead) {
        env.sender = h.recipient;
        env.senderQualifier = h.recipientQualifier;
        env.recipient = h.sender;
        env.recipientQualifier = h.senderQualifier;
        env.level = h.level;
        env.separators = h.separators;
        env.test = h.testIndicator == "1";
    } else {
        env.sender = options.fallbackSender;
        env.recipient = options.fallbackRecipient;
        env.level = options.level;
    }
    env.reference = options.reference;
    env.applicationRef = "CONTRL";
    // The identifiers come from the interchange, already in its level (UNB is checked).
    env.rawData = true;
    InterchangeWriter w(env);
    RELAIS_TRY(w.begin());
    RELAIS_TRY(w.beginMessage("1", {"CONTRL", "D", "3", "UN", "EAN002"}));
    using E = InterchangeWriter::Element;
    const E sender = {h.sender, h.senderQualifier}, recipient = {h.recipient, h.recipientQualifier};
    auto isService = [](const std::string& tag) {
        return tag == "UNB" || tag == "UNZ" || tag == "UNG" || tag == "UNE" || tag == "UNH" || tag == "UNT";
    };
    if (o.ok()) {
        RELAIS_TRY(w.segment("UCI", {{h.reference}, sender, recipient, {"7"}}));
    } else {
        const SyntaxError& e = *o.error;
        const E position = {e.element > 0 ? std::to_string(e.element) : "", e.component > 0 ? std::to_string(e.component) : ""};
        if (e.messageRef.empty()) {
            const bool service = isService(e.tag);
            RELAIS_TRY(w.segment("UCI", {{h.reference}, sender, recipient, {"4"}, {e.code}, {service ? e.tag : ""},
                                         service ? position : E{}}));
        } else {
            RELAIS_TRY(w.segment("UCI", {{h.reference}, sender, recipient, {"4"}}));
            const auto& m = o.message;
            const E identifier = {m.type, m.version, m.release, m.agency, m.association};
            if (isService(e.tag) || e.segmentInMessage == 0) {
                RELAIS_TRY(w.segment("UCM", {{m.reference}, identifier, {"4"}, {e.code}, {isService(e.tag) ? e.tag : ""},
                                             isService(e.tag) ? position : E{}}));
            } else {
                RELAIS_TRY(w.segment("UCM", {{m.reference}, identifier, {"4"}}));
                RELAIS_TRY(w.segment("UCS", {{std::to_string(e.segmentInMessage)}, {e.element > 0 ? "" : e.code}}));
                if (e.element > 0) RELAIS_TRY(w.segment("UCD", {{e.code}, position}));
            }
        }
    }
    RELAIS_TRY(w.endMessage());
    return w.finish();
}

ReadOutcome splitInterchangeFile(const std::string& path, const MessageSink& each) {
    Splitter splitter(each);
    return readInterchangeFile(path, splitter);
}

ReadOutcome splitInterchange(ByteSource& source, const MessageSink& each) {
    Splitter splitter(each);
    return readInterchange(source, splitter);
}

}  // namespace relais::edifact
