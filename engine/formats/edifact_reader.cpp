// EDIFACT reader: a scanner that cuts the byte stream into segments (one
// table look-up per byte, plain runs appended at once) and an envelope
// checker that walks UNB, UNG, UNH ... UNT, UNE, UNZ and counts.
#include "formats/edifact_reader.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace relais::edifact {

size_t StringSource::read(char* buf, size_t n, std::string&) {
    const size_t k = std::min(n, bytes_.size());
    std::memcpy(buf, bytes_.data(), k);
    bytes_.remove_prefix(k);
    return k;
}

FileSource::FileSource(const std::string& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) why_ = "cannot open " + path + ": " + std::strerror(errno);
}

FileSource::~FileSource() {
    if (file_) std::fclose(file_);
}

size_t FileSource::read(char* buf, size_t n, std::string& error) {
    const size_t k = std::fread(buf, 1, n, file_);
    if (k == 0 && std::ferror(file_)) error = "cannot read " + path_ + ": " + std::strerror(errno);
    return k;
}

namespace {

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// The number of continuation bytes after UTF-8 lead byte `c`; -1 if `c` cannot lead.
int utf8Continuations(unsigned char c) {
    if (c >= 0xC2 && c <= 0xDF) return 1;
    if ((c & 0xF0) == 0xE0) return 2;
    if (c >= 0xF0 && c <= 0xF4) return 3;
    return -1;
}

std::string hexByte(unsigned char c) {
    static const char* hex = "0123456789ABCDEF";
    return std::string("0x") + hex[c >> 4] + hex[c & 15];
}

// Cuts the input into segments.
class Scanner {
public:
    explicit Scanner(ByteSource& source) : source_(source), buf_(kBufferBytes) {
        p_ = end_ = buf_.data();
        setTable(nullptr);
    }

    // Reads the UNA if there is one. Leading line breaks are skipped.
    std::optional<Fault> start(InterchangeHeader& header) {
        for (;;) {
            if (!ensure(1)) return std::nullopt;
            if (*p_ != '\r' && *p_ != '\n') break;
            ++p_;
        }
        if (ensure(3) && std::string_view(p_, 3) == "UNA") {
            if (!ensure(9)) {
                Fault f{error::kServiceChar, "the service string advice UNA is cut short"};
                f.expected = "6 service characters after UNA";
                f.found = std::string(p_ + 3, end_ - p_ - 3);
                return f;
            }
            std::string why;
            auto s = Separators::fromUnaChars(std::string_view(p_ + 3, 6), &why);
            if (!s) {
                Fault f{error::kServiceChar, "the service string advice UNA is not usable: " + why};
                f.found = std::string(p_, 9);
                return f;
            }
            header.separators = *s;
            header.hasUna = true;
            p_ += 9;
        }
        separators_ = header.separators;
        setTable(nullptr);
        return std::nullopt;
    }

    // Data of `level` only from now on (null: any byte but control characters).
    void setLevel(const SyntaxLevel* level) { setTable(level); }

    // The next segment; false at the end of the input, or on a fault.
    bool next(Segment& seg, std::optional<Fault>& fault) {
        seg.clear();
        element_ = 0;
        component_ = 1;
        started_ = false;
        for (;;) {
            if (p_ == end_ && !fill()) {
                if (!readError_.empty()) {
                    fault = Fault{error::kUnspecified, readError_};
                    return false;
                }
                if (started_) {
                    fault = Fault{error::kMissing, "the input ends inside a segment, without its terminator"};
                    fault->expected = std::string("'") + separators_.segment + "'";
                    fault->found = "the end of the input";
                    place(*fault);
                }
                return false;
            }
            if (!started_) {
                if (*p_ == '\r' || *p_ == '\n') {
                    ++p_;
                    continue;
                }
                started_ = true;
                segmentStart_ = offset();
            }
            // The hot loop: plain runs appended at once, component and element
            // separators handled in place; anything else leaves it.
            const char* p = p_;
            const char* const end = end_;
            char* base = seg.room(static_cast<size_t>(end - p));
            char* out = base;
            bool special = false;
            while (p < end) {
#if defined(__SSE2__)
                // Sixteen bytes at a time while they are printable ASCII and no
                // separator (all but UNOA, whose table refuses lower case).
                if (simd_) {
                    while (end - p >= 16) {
                        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
                        __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sepComponent_), _mm_cmpeq_epi8(v, sepElement_)),
                                                       _mm_or_si128(_mm_cmpeq_epi8(v, sepRelease_), _mm_cmpeq_epi8(v, sepSegment_)));
                        // Signed: bytes below 0x20 and from 0x80 up are "less than 0x20".
                        special = _mm_or_si128(special, _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
                        special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
                        const int mask = _mm_movemask_epi8(special);
                        _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);  // within room(); only the plain ones count
                        if (mask == 0) {
                            out += 16;
                            p += 16;
                            continue;
                        }
                        const int plain = __builtin_ctz(static_cast<unsigned>(mask));
                        out += plain;
                        p += plain;
                        break;
                    }
                    if (p == end) break;
                }
#endif
                const char c = *p;
                const unsigned char t = table_[static_cast<unsigned char>(c)];
                if (t == kPlain) {
                    *out++ = c;
                    ++p;
                    continue;
                }
                seg.grew(static_cast<size_t>(out - base));
                base = out;
                if (t == kComponent) {
                    seg.addComponent();
                    ++component_;
                } else if (t == kElement) {
                    seg.addElement();
                    ++element_;
                    component_ = 1;
                } else {
                    special = true;
                    break;
                }
                ++p;
            }
            if (!special) seg.grew(static_cast<size_t>(out - base));
            p_ = const_cast<char*>(p);
            if (seg.size() > kMaxSegmentBytes) {
                fault = Fault{error::kTooMany, "segment longer than " + std::to_string(kMaxSegmentBytes) +
                                                   " bytes: is its terminator missing?"};
                fault->expected = std::string("'") + separators_.segment + "'";
                place(*fault);
                return false;
            }
            if (!special) continue;
            const unsigned char c = static_cast<unsigned char>(*p_++);
            switch (table_[c]) {
                case kComponent:
                    seg.addComponent();
                    ++component_;
                    break;
                case kElement:
                    seg.addElement();
                    ++element_;
                    component_ = 1;
                    break;
                case kSegment:
                    if (seg.tag().empty() && seg.elementCount() == 0) {
                        fault = Fault{error::kServiceTag, "empty segment"};
                        fault->expected = "a segment tag";
                        place(*fault);
                        return false;
                    }
                    return true;
                case kRelease: {
                    if (p_ == end_ && !fill()) {
                        fault = Fault{error::kServiceChar,
                                      std::string("release character '") + separators_.release + "' at the end of the input"};
                        fault->expected = "a character after it";
                        fault->found = "the end of the input";
                        place(*fault);
                        return false;
                    }
                    const unsigned char r = static_cast<unsigned char>(*p_++);
                    const int t = table_[r];
                    if (t == kPlain || t == kComponent || t == kElement || t == kRelease || t == kSegment) {
                        seg.append(static_cast<char>(r));
                    } else if (!checked(seg, r, fault)) {
                        return false;
                    }
                    break;
                }
                default:
                    if (!checked(seg, c, fault)) return false;
            }
        }
    }

    uint64_t offset() const { return consumed_ + static_cast<uint64_t>(p_ - buf_.data()); }
    uint64_t segmentStart() const { return segmentStart_; }
    int element() const { return element_; }
    int component() const { return component_; }
    const std::string& readError() const { return readError_; }

    // True when nothing but line breaks is left.
    bool onlyLineBreaksLeft() {
        for (;;) {
            if (p_ == end_ && !fill()) return true;
            if (*p_ != '\r' && *p_ != '\n') return false;
            ++p_;
        }
    }

private:
    static constexpr size_t kBufferBytes = 256 * 1024;
    enum : unsigned char { kPlain, kComponent, kElement, kRelease, kSegment, kCheck };

    void setTable(const SyntaxLevel* level) {
        for (int c = 0; c < 256; ++c) {
            const auto u = static_cast<unsigned char>(c);
            bool plain;
            if (!level) plain = u >= 0x20 && u != 0x7F;  // before UNB: anything printable
            else if (isUtf8Level(*level)) plain = u >= 0x20 && u < 0x7F;  // multi-byte sequences are checked
            else plain = allowedByte(*level, u);
            table_[c] = plain ? kPlain : kCheck;
        }
        level_ = level ? std::optional<SyntaxLevel>(*level) : std::nullopt;
        table_[static_cast<unsigned char>(separators_.component)] = kComponent;
        table_[static_cast<unsigned char>(separators_.element)] = kElement;
        table_[static_cast<unsigned char>(separators_.release)] = kRelease;
        table_[static_cast<unsigned char>(separators_.segment)] = kSegment;
#if defined(__SSE2__)
        // The vector path takes printable ASCII as plain: true of every level but UNOA.
        simd_ = !level || *level != SyntaxLevel::UNOA;
        sepComponent_ = _mm_set1_epi8(separators_.component);
        sepElement_ = _mm_set1_epi8(separators_.element);
        sepRelease_ = _mm_set1_epi8(separators_.release);
        sepSegment_ = _mm_set1_epi8(separators_.segment);
#endif
    }

    // A byte that is not plain: a UTF-8 sequence of a UTF-8 level, or a fault.
    bool checked(Segment& seg, unsigned char c, std::optional<Fault>& fault) {
        if (c >= 0x80 && level_ && isUtf8Level(*level_)) {
            const int n = utf8Continuations(c);
            std::string seq(1, static_cast<char>(c));
            for (int k = 0; k < n; ++k) {
                if (p_ == end_ && !fill()) break;
                const unsigned char d = static_cast<unsigned char>(*p_);
                if ((d & 0xC0) != 0x80) break;
                seq += static_cast<char>(d);
                ++p_;
            }
            if (n > 0 && static_cast<int>(seq.size()) == n + 1) {
                seg.append(seq);
                return true;
            }
            fault = Fault{error::kInvalidChar, std::string("invalid UTF-8 for ") + syntaxLevelName(*level_)};
            fault->expected = "a UTF-8 sequence";
            fault->found = seq;
            place(*fault);
            return false;
        }
        if (c >= 0x80 && !level_) {  // before the level is known (UNB)
            seg.append(static_cast<char>(c));
            return true;
        }
        const std::string levelName = level_ ? syntaxLevelName(*level_) : "EDIFACT";
        std::string what = "character " + hexByte(c) + " is outside the declared syntax level " + levelName;
        if (c == '\r' || c == '\n') what = "line break inside a segment (not allowed by " + levelName + ")";
        fault = Fault{error::kInvalidChar, what};
        fault->expected = level_ ? "a character of " + levelName : "a printable character";
        fault->found = std::string(1, static_cast<char>(c));
        place(*fault);
        return false;
    }

    void place(Fault& f) const {
        f.element = element_ + 0;
        f.component = element_ > 0 ? component_ : 0;
    }

    // Reads more input into the buffer; false at the end (or on an error).
    bool fill() {
        consumed_ += static_cast<uint64_t>(end_ - buf_.data());
        p_ = end_ = buf_.data();
        if (!readError_.empty()) return false;
        const size_t n = source_.read(buf_.data(), buf_.size(), readError_);
        end_ = buf_.data() + n;
        return n > 0;
    }

    // At least `n` bytes ahead of p_ (moving the rest to the buffer's start); false if the input ends first.
    bool ensure(size_t n) {
        while (static_cast<size_t>(end_ - p_) < n) {
            const size_t have = end_ - p_;
            consumed_ += static_cast<uint64_t>(p_ - buf_.data());
            std::memmove(buf_.data(), p_, have);
            p_ = buf_.data();
            end_ = p_ + have;
            if (!readError_.empty()) return false;
            const size_t k = source_.read(buf_.data() + have, buf_.size() - have, readError_);
            if (k == 0) return false;
            end_ += k;
        }
        return true;
    }

    ByteSource& source_;
    std::vector<char> buf_;
    char* p_ = nullptr;
    char* end_ = nullptr;
    uint64_t consumed_ = 0;  // bytes before buf_[0]
    uint64_t segmentStart_ = 0;
    std::string readError_;
    Separators separators_;
    std::optional<SyntaxLevel> level_;
    unsigned char table_[256];
#if defined(__SSE2__)
    bool simd_ = false;
    __m128i sepComponent_, sepElement_, sepRelease_, sepSegment_;
#endif
    int element_ = 0;
    int component_ = 1;
    bool started_ = false;
};

// Walks the envelope.
class EnvelopeReader {
public:
    EnvelopeReader(ByteSource& source, InterchangeHandler& handler) : scanner_(source), handler_(handler) {}

    ReadOutcome read() {
        if (auto f = scanner_.start(out_.header)) return fail(*f, nullptr);
        Segment seg;
        std::optional<Fault> fault;
        for (;;) {
            if (!scanner_.next(seg, fault)) {
                if (fault) return fail(*fault, nullptr, true);
                if (auto f = atEnd()) return fail(*f, nullptr);
                break;
            }
            seg.number = ++segments_;
            if (state_ == State::Message) seg.numberInMessage = ++inMessage_;
            else if (seg.tag() == "UNH") seg.numberInMessage = 1;
            if (auto f = segment(seg)) return fail(*f, &seg);
            if (state_ == State::Done) {
                if (!scanner_.onlyLineBreaksLeft()) {
                    if (!scanner_.next(seg, fault) && fault) return fail(*fault, nullptr, true);
                    seg.number = ++segments_;
                    Fault f{error::kOutside, "data after UNZ: a file holds one interchange"};
                    f.expected = "the end of the input";
                    f.found = std::string(seg.tag());
                    return fail(f, &seg);
                }
                break;
            }
        }
        out_.bytes = scanner_.offset();
        return std::move(out_);
    }

private:
    enum class State { Start, Interchange, Group, Message, Done };

    ReadOutcome fail(const Fault& f, const Segment* seg, bool fromScanner = false) {
        SyntaxError e;
        static_cast<Fault&>(e) = f;
        e.interchangeRef = out_.header.reference;
        if (state_ == State::Group || state_ == State::Message) e.groupRef = group_.reference;
        if (state_ == State::Message) {
            e.messageRef = message_.reference;
            e.messageType = message_.type;
        }
        if (seg) {
            e.segment = seg->number;
            e.segmentInMessage = seg->numberInMessage;
            e.tag = std::string(seg->tag());
            e.offset = scanner_.segmentStart();
        } else if (fromScanner) {
            e.segment = segments_ + 1;
            if (state_ == State::Message) e.segmentInMessage = inMessage_ + 1;
            e.offset = scanner_.offset();
        } else {
            e.offset = scanner_.offset();
        }
        out_.error = std::move(e);
        out_.bytes = scanner_.offset();
        return std::move(out_);
    }

    std::optional<Fault> atEnd() {
        Fault f{error::kMissing, ""};
        f.found = "the end of the input";
        switch (state_) {
            case State::Start:
                f.what = "empty interchange: no UNB segment";
                f.expected = "UNB";
                return f;
            case State::Interchange:
                f.what = "missing UNZ: the interchange is not closed";
                f.expected = "UNZ";
                return f;
            case State::Group:
                f.what = "missing UNE: group " + group_.reference + " is not closed";
                f.expected = "UNE";
                return f;
            case State::Message:
                f.what = "missing UNT: message " + message_.reference + " is not closed";
                f.expected = "UNT";
                return f;
            case State::Done:
                break;
        }
        return std::nullopt;
    }

    static Fault unexpected(const Segment& seg, const std::string& expected, const char* code, const std::string& what) {
        Fault f{code, what};
        f.expected = expected;
        f.found = std::string(seg.tag());
        return f;
    }

    static std::optional<Fault> required(const Segment& seg, int e, int c, const std::string& name) {
        if (!seg.value(e, c).empty()) return std::nullopt;
        Fault f{error::kMissing, name + " is missing"};
        f.element = e;
        f.component = c;
        f.expected = name;
        return f;
    }

    // A control count element: digits equal to `actual`.
    static std::optional<Fault> count(const Segment& seg, int e, int actual, const std::string& what) {
        const std::string_view v = seg.value(e);
        Fault f{allDigits(v) ? error::kCountMismatch : error::kInvalidValue, what};
        f.element = e;
        f.component = 1;
        f.expected = std::to_string(actual);
        f.found = std::string(v);
        if (!allDigits(v) || v.size() > 9 || std::stoi(std::string(v)) != actual) return f;
        return std::nullopt;
    }

    static std::optional<Fault> sameRef(const Segment& seg, int e, const std::string& ref, const std::string& what) {
        if (seg.value(e) == ref) return std::nullopt;
        Fault f{error::kRefMismatch, what};
        f.element = e;
        f.component = 1;
        f.expected = ref;
        f.found = std::string(seg.value(e));
        return f;
    }

    std::optional<Fault> segment(const Segment& seg) {
        const std::string_view tag = seg.tag();
        auto tagChar = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
        if (tag.size() != 3 || !tagChar(tag[0]) || !tagChar(tag[1]) || !tagChar(tag[2])) {
            Fault f{error::kServiceTag, "not a segment tag (three capital letters or digits)"};
            f.expected = "a segment tag";
            f.found = std::string(tag);
            return f;
        }
        switch (state_) {
            case State::Start: return unb(seg);
            case State::Interchange:
                if (tag == "UNG") return ung(seg);
                if (tag == "UNH") return unh(seg);
                if (tag == "UNZ") return unz(seg);
                return unexpected(seg, "UNH, UNG or UNZ", error::kOutside, "segment outside a message");
            case State::Group:
                if (tag == "UNH") return unh(seg);
                if (tag == "UNE") return une(seg);
                return unexpected(seg, "UNH or UNE", error::kOutside, "segment outside a message");
            case State::Message:
                if (tag[0] != 'U' || tag[1] != 'N') return handler_.messageSegment(message_, seg);  // the usual case
                if (tag == "UNT") return unt(seg);
                if (tag == "UNH" || tag == "UNZ" || tag == "UNE" || tag == "UNG" || tag == "UNB")
                    return unexpected(seg, "UNT", error::kMissing,
                                      "missing UNT: message " + message_.reference + " is not closed");
                return handler_.messageSegment(message_, seg);
            case State::Done: break;
        }
        return std::nullopt;
    }

    std::optional<Fault> unb(const Segment& seg) {
        if (seg.tag() != "UNB") {
            if (seg.tag() == "UNA") {
                Fault f{error::kServiceChar, "UNA must be the very first characters of the interchange"};
                f.expected = "UNB";
                f.found = "UNA";
                return f;
            }
            return unexpected(seg, "UNB", error::kMissing, "the interchange does not begin with UNB");
        }
        InterchangeHeader& h = out_.header;
        if (auto f = required(seg, 1, 1, "syntax identifier (S001 0001)")) return f;
        h.syntaxId = std::string(seg.value(1, 1));
        auto level = syntaxLevelFromName(h.syntaxId);
        if (!level) {
            Fault f{error::kSyntaxLevel, "unknown syntax identifier"};
            f.element = 1;
            f.component = 1;
            f.expected = "UNOA, UNOB, UNOC, UNOY or UNOW";
            f.found = h.syntaxId;
            return f;
        }
        h.level = *level;
        h.syntaxVersion = std::string(seg.value(1, 2));
        if (h.syntaxVersion.size() != 1 || h.syntaxVersion[0] < '1' || h.syntaxVersion[0] > '4') {
            Fault f{error::kSyntaxLevel, "unknown syntax version"};
            f.element = 1;
            f.component = 2;
            f.expected = "1, 2, 3 or 4";
            f.found = h.syntaxVersion;
            return f;
        }
        if (auto f = required(seg, 2, 1, "interchange sender (S002 0004)")) return f;
        if (auto f = required(seg, 3, 1, "interchange recipient (S003 0010)")) return f;
        if (auto f = required(seg, 4, 1, "date of preparation (S004 0017)")) return f;
        if (auto f = required(seg, 5, 1, "interchange control reference (0020)")) return f;
        if (seg.elementCount() > 11) {
            Fault f{error::kTooMany, "UNB has at most 11 data elements"};
            f.element = static_cast<int>(seg.elementCount());
            return f;
        }
        // The UNB itself was read before its level was known.
        for (size_t e = 1; e <= seg.elementCount(); ++e)
            for (size_t c = 1; c <= seg.componentCount(e); ++c) {
                const std::string_view v = seg.value(e, c);
                for (size_t i = 0; i < v.size();) {
                    const unsigned char ch = static_cast<unsigned char>(v[i]);
                    size_t n = 1;
                    bool ok = allowedByte(h.level, ch);
                    if (ch >= 0x80 && isUtf8Level(h.level)) ok = (n = utf8SequenceLength(v, i)) > 0;
                    if (!ok) {
                        Fault f{error::kInvalidChar, std::string("character is outside the declared syntax level ") +
                                                         syntaxLevelName(h.level),
                                static_cast<int>(e), static_cast<int>(c),
                                std::string("a character of ") + syntaxLevelName(h.level), std::string(1, static_cast<char>(ch))};
                        return f;
                    }
                    i += n;
                }
            }
        h.sender = std::string(seg.value(2, 1));
        h.senderQualifier = std::string(seg.value(2, 2));
        h.recipient = std::string(seg.value(3, 1));
        h.recipientQualifier = std::string(seg.value(3, 2));
        h.date = std::string(seg.value(4, 1));
        h.time = std::string(seg.value(4, 2));
        h.reference = std::string(seg.value(5, 1));
        h.applicationRef = std::string(seg.value(7, 1));
        h.ackRequest = std::string(seg.value(9, 1));
        h.testIndicator = std::string(seg.value(11, 1));
        out_.headerRead = true;
        scanner_.setLevel(&h.level);
        state_ = State::Interchange;
        return handler_.interchangeBegin(h, seg);
    }

    std::optional<Fault> ung(const Segment& seg) {
        if (messagesOutsideGroups_ > 0)
            return unexpected(seg, "UNH or UNZ", error::kGroupsAndMessages,
                              "a group after messages outside any group (groups and messages mixed)");
        if (auto f = required(seg, 5, 1, "group reference (0048)")) return f;
        group_ = {std::string(seg.value(1, 1)), std::string(seg.value(5, 1))};
        inGroup_ = 0;
        ++out_.groups;
        state_ = State::Group;
        return handler_.groupBegin(group_, seg);
    }

    std::optional<Fault> une(const Segment& seg) {
        if (inGroup_ == 0) {
            Fault f{error::kLowerLevelEmpty, "group " + group_.reference + " holds no message"};
            return f;
        }
        if (auto f = count(seg, 1, inGroup_, "wrong message count in UNE")) return f;
        if (auto f = sameRef(seg, 2, group_.reference, "the UNE reference is not the UNG's")) return f;
        state_ = State::Interchange;
        auto f = handler_.groupEnd(group_, seg);
        group_ = {};
        return f;
    }

    std::optional<Fault> unh(const Segment& seg) {
        if (state_ == State::Interchange && out_.groups > 0)
            return unexpected(seg, "UNG or UNZ", error::kGroupsAndMessages,
                              "a message outside any group after groups (groups and messages mixed)");
        message_ = {};
        message_.reference = std::string(seg.value(1, 1));
        message_.type = std::string(seg.value(2, 1));
        parent_ = state_;
        state_ = State::Message;
        inMessage_ = 1;
        if (auto f = required(seg, 1, 1, "message reference (0062)")) return f;
        if (auto f = required(seg, 2, 1, "message type (S009 0065)")) return f;
        if (auto f = required(seg, 2, 2, "message version (S009 0052)")) return f;
        if (auto f = required(seg, 2, 3, "message release (S009 0054)")) return f;
        if (auto f = required(seg, 2, 4, "controlling agency (S009 0051)")) return f;
        message_.version = std::string(seg.value(2, 2));
        message_.release = std::string(seg.value(2, 3));
        message_.agency = std::string(seg.value(2, 4));
        message_.association = std::string(seg.value(2, 5));
        message_.index = out_.messages + 1;
        out_.message = message_;
        return handler_.messageBegin(message_, seg);
    }

    std::optional<Fault> unt(const Segment& seg) {
        if (auto f = count(seg, 1, inMessage_, "wrong segment count in UNT")) return f;
        if (auto f = sameRef(seg, 2, message_.reference, "the UNT reference is not the UNH's")) return f;
        if (auto f = handler_.messageEnd(message_, seg)) return f;
        ++out_.messages;
        if (parent_ == State::Group) ++inGroup_;
        else ++messagesOutsideGroups_;
        state_ = parent_;
        inMessage_ = 0;
        return std::nullopt;
    }

    std::optional<Fault> unz(const Segment& seg) {
        if (out_.messages == 0) return Fault{error::kLowerLevelEmpty, "the interchange holds no message"};
        const bool groups = out_.groups > 0;
        if (auto f = count(seg, 1, groups ? out_.groups : out_.messages,
                           groups ? "wrong group count in UNZ" : "wrong control count in UNZ (the number of messages)"))
            return f;
        if (auto f = sameRef(seg, 2, out_.header.reference, "the UNZ reference is not the UNB's")) return f;
        state_ = State::Done;
        return handler_.interchangeEnd(seg);
    }

    Scanner scanner_;
    InterchangeHandler& handler_;
    ReadOutcome out_;
    State state_ = State::Start;
    State parent_ = State::Interchange;
    GroupHeader group_;
    MessageHeader message_;
    int segments_ = 0;
    int inMessage_ = 0;
    int inGroup_ = 0;
    int messagesOutsideGroups_ = 0;
};

}  // namespace

ReadOutcome readInterchange(ByteSource& source, InterchangeHandler& handler) {
    return EnvelopeReader(source, handler).read();
}

ReadOutcome readInterchangeFile(const std::string& path, InterchangeHandler& handler) {
    FileSource source(path);
    if (!source.ok()) {
        ReadOutcome out;
        SyntaxError e;
        e.what = source.why();
        out.error = e;
        return out;
    }
    return readInterchange(source, handler);
}

}  // namespace relais::edifact
