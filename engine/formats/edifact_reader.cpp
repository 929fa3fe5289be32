// EDIFACT reader: a scanner that cuts the byte stream into segments (bit
// masks of the separators 64 bytes at a time, segments handed out as views
// into the read buffer) and an envelope checker that walks UNB, UNG, UNH ...
// UNT, UNE, UNZ and counts.
#include "formats/edifact_reader.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace relais::edifact {

size_t StringSource::read(char* buf, size_t n, std::string&) {
    const size_t k = std::min({n, chunk_, bytes_.size()});
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

// What the masks of a block tell apart: the separators, and the plain
// characters (printable ASCII; for level A its subset).
struct ByteKinds {
    char component = ':', element = '+', release = '?', segment = '\'';
    bool unoa = false;
};

BlockMasks classifyPlain(const char* p, const ByteKinds& k) {
    BlockMasks m;
    for (unsigned i = 0; i < 64; ++i) {
        const char c = p[i];
        const auto u = static_cast<unsigned char>(c);
        const bool plain = k.unoa ? (u >= 0x20 && u < 0x40 && u != '#' && u != '$') || (u >= 'A' && u <= 'Z')
                                  : u >= 0x20 && u < 0x7F;
        m.component |= static_cast<uint64_t>(c == k.component) << i;
        m.element |= static_cast<uint64_t>(c == k.element) << i;
        m.look |= static_cast<uint64_t>(!plain || c == k.release || c == k.segment) << i;
    }
    return m;
}

#if defined(__SSE2__)
BlockMasks classifySse2(const char* p, const ByteKinds& k) {
    const __m128i c = _mm_set1_epi8(k.component), e = _mm_set1_epi8(k.element), r = _mm_set1_epi8(k.release),
                  s = _mm_set1_epi8(k.segment);
    BlockMasks m;
    for (int j = 0; j < 4; ++j) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * j));
        __m128i odd;
        if (k.unoa) {
            // Level A: 0x20-0x3F but # and $, and A-Z (signed compares: 0x80 and up are negative).
            const __m128i low = _mm_andnot_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('#')), _mm_cmpeq_epi8(v, _mm_set1_epi8('$'))),
                _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x40))));
            const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x40)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x5B)));
            odd = _mm_andnot_si128(_mm_or_si128(low, upper), _mm_set1_epi8(-1));
        } else {
            odd = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
        }
        const __m128i h = _mm_or_si128(odd, _mm_or_si128(_mm_cmpeq_epi8(v, r), _mm_cmpeq_epi8(v, s)));
        m.component |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c)))) << (16 * j);
        m.element |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, e)))) << (16 * j);
        m.look |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(h))) << (16 * j);
    }
    return m;
}
#endif

#if defined(__x86_64__) || defined(__i386__)
#define RELAIS_EDIFACT_AVX2 1
// The same, 32 bytes at a time, on processors with AVX2 (chosen at run time).
__attribute__((target("avx2"))) BlockMasks classifyAvx2(const char* p, const ByteKinds& k) {
    const __m256i c = _mm256_set1_epi8(k.component), e = _mm256_set1_epi8(k.element), r = _mm256_set1_epi8(k.release),
                  s = _mm256_set1_epi8(k.segment);
    BlockMasks m;
    for (int j = 0; j < 2; ++j) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * j));
        __m256i odd;
        if (k.unoa) {
            const __m256i low = _mm256_andnot_si256(
                _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('#')), _mm256_cmpeq_epi8(v, _mm256_set1_epi8('$'))),
                _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x1F)), _mm256_cmpgt_epi8(_mm256_set1_epi8(0x40), v)));
            const __m256i upper =
                _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x40)), _mm256_cmpgt_epi8(_mm256_set1_epi8(0x5B), v));
            odd = _mm256_andnot_si256(_mm256_or_si256(low, upper), _mm256_set1_epi8(-1));
        } else {
            odd = _mm256_or_si256(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v), _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F)));
        }
        const __m256i h = _mm256_or_si256(odd, _mm256_or_si256(_mm256_cmpeq_epi8(v, r), _mm256_cmpeq_epi8(v, s)));
        m.component |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, c)))) << (32 * j);
        m.element |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, e)))) << (32 * j);
        m.look |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(h))) << (32 * j);
    }
    return m;
}

bool hasAvx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}
#endif

// The best the processor has.
BlockMasks classify(const char* p, const ByteKinds& k) {
#if defined(RELAIS_EDIFACT_AVX2)
    if (hasAvx2()) return classifyAvx2(p, k);
#endif
#if defined(__SSE2__)
    return classifySse2(p, k);
#else
    return classifyPlain(p, k);
#endif
}

// Cuts the input into segments, in place: a segment is handed out as a view
// into the read buffer (offsets of its components, no copy). The buffer is
// classified 64 bytes at a time into bit masks (component and element
// separators; everything else that needs a look: the segment terminator, the
// release character, bytes outside the level's plain characters), and only
// the set bits are visited. A release character makes the rest of its
// segment move down over it (each byte at most once), so the views stay
// contiguous.
class Scanner {
public:
    explicit Scanner(ByteSource& source)
        : source_(source), buf_(std::make_unique_for_overwrite<char[]>(capacity_ + kPadBytes)),
          ends_(kInitialComponents), firsts_(kInitialComponents) {
        p_ = end_ = seg_ = next_ = buf_.get();
        std::memset(end_, 0, kPadBytes);
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
        restartAt(p_);
        return std::nullopt;
    }

    // Data of `level` only from now on (null: any byte but control characters).
    // Called between segments: what follows the last one is classified again.
    void setLevel(const SyntaxLevel* level) {
        setTable(level);
        restartAt(p_);
    }

    // The next segment; false at the end of the input, or on a fault.
    bool next(Segment& seg, std::optional<Fault>& fault) {
        seg.view(nullptr, nullptr, 0, nullptr, 0);
        for (;;) {
            // The separators before the first byte that needs a look: their
            // places are recorded without a branch on which they are.
            const uint64_t hard = hard_;
            const uint64_t before = hard != 0 ? (hard & (~hard + 1)) - 1 : ~uint64_t{0};
            if (uint64_t seps = (comp_ | elem_) & before; seps != 0) {
                if (escaped_) {
                    for (; seps != 0; seps &= seps - 1) {
                        const unsigned i = static_cast<unsigned>(__builtin_ctzll(seps));
                        record(block_ + i, (elem_ >> i) & 1);
                    }
                } else {
                    if (components_ + kBlock + 2 > ends_.size()) grow();
                    uint32_t* const ends = ends_.data();
                    uint32_t* const firsts = firsts_.data();
                    const uint64_t elem = elem_;
                    const auto at = static_cast<uint32_t>(block_ - seg_);
                    size_t nc = components_, ne = elements_;
                    for (; seps != 0; seps &= seps - 1) {
                        const unsigned i = static_cast<unsigned>(__builtin_ctzll(seps));
                        ends[nc++] = at + i;
                        firsts[ne] = static_cast<uint32_t>(nc);
                        ne += (elem >> i) & 1;
                    }
                    components_ = nc;
                    elements_ = ne;
                }
            }
            if (hard == 0) {
                if (!loadBlock(fault)) return false;
                continue;
            }
            const unsigned i = static_cast<unsigned>(__builtin_ctzll(hard));
            const uint64_t after = ~((uint64_t{1} << i << 1) - 1);  // the bits after i (none when i is 63)
            comp_ &= after;
            elem_ &= after;
            hard_ &= after;
            char* const pos = block_ + i;
            if (*pos == separators_.segment && *pos != '\r' && *pos != '\n') {  // the usual hard byte
                if (segmentEnd(pos, seg, fault) == Step::Segment) return true;
                return false;
            }
            switch (special(pos, seg, fault)) {
                case Step::Segment: return true;
                case Step::Fault: return false;
                case Step::Go: break;
            }
        }
    }

    uint64_t offset() const { return consumed_ + static_cast<uint64_t>(p_ - buf_.get()); }
    uint64_t segmentStart() const { return segmentStart_; }

    // True when nothing but line breaks is left.
    bool onlyLineBreaksLeft() {
        for (;;) {
            if (p_ == end_) {
                restartAt(p_);
                std::optional<Fault> ignored;
                if (!refill(ignored) || next_ == end_) return true;
                p_ = next_;
            }
            if (*p_ != '\r' && *p_ != '\n') {
                restartAt(p_);
                return false;
            }
            ++p_;
        }
    }

private:
    // The buffer grows with the longest segment met, up to one of
    // kMaxSegmentBytes and a read of at least as much again.
    static constexpr size_t kInitialBufferBytes = 64 * 1024;
    static constexpr size_t kBufferBytes = 2 * kMaxSegmentBytes;
    static constexpr size_t kBlock = 64;
    static constexpr size_t kLookahead = 8;  // bytes after a block a release or a UTF-8 sequence may need
    static constexpr size_t kPadBytes = kBlock + kLookahead;
    static constexpr size_t kInitialComponents = 256;
    enum : unsigned char { kPlain, kComponent, kElement, kRelease, kSegment, kCheck };
    enum class Step { Go, Segment, Fault };

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
        kinds_ = {separators_.component, separators_.element, separators_.release, separators_.segment,
                  level && *level == SyntaxLevel::UNOA};
    }

    // Forgets the masks: the next block begins at `at`, where a segment begins.
    void restartAt(char* at) {
        comp_ = elem_ = hard_ = 0;
        carry_ = 0;
        next_ = at;
        beginSegment(at);
    }

    void beginSegment(char* at) {
        seg_ = at;
        segmentStart_ = consumed_ + static_cast<uint64_t>(at - buf_.get());
        escaped_ = false;
        components_ = 0;
        elements_ = 1;
        firsts_[0] = 0;
    }

    // Where `pos` (a separator) is in the segment's text; with a release
    // character seen, the bytes since the last separator move down first.
    uint32_t placeOf(char* pos) {
        if (!escaped_) return static_cast<uint32_t>(pos - seg_);
        const size_t n = static_cast<size_t>(pos - run_) + 1;  // the separator too
        std::memmove(write_, run_, n);
        write_ += n;
        run_ = pos + 1;
        return static_cast<uint32_t>(write_ - 1 - seg_);
    }

    void grow() {
        ends_.resize(ends_.size() * 2);
        firsts_.resize(ends_.size());
    }

    void record(char* pos, bool element) {
        if (components_ + 2 > ends_.size()) grow();
        ends_[components_++] = placeOf(pos);
        firsts_[elements_] = static_cast<uint32_t>(components_);
        elements_ += element ? 1 : 0;
    }

    // Where the scanner stands in the segment, for a fault.
    void place(Fault& f) const {
        f.element = static_cast<int>(elements_ - 1);
        f.component = f.element > 0 ? static_cast<int>(components_ - firsts_[elements_ - 1] + 1) : 0;
    }

    // Clears the mask bits of `n` bytes from `from` (after a release
    // character or in a UTF-8 sequence: data whatever their value).
    void skip(const char* from, size_t n) {
        const size_t k = static_cast<size_t>(from - block_);
        for (size_t j = k; j < k + n; ++j) {
            if (j >= kBlock) {
                carry_ = static_cast<unsigned>(k + n - kBlock);
                return;
            }
            const uint64_t keep = ~(uint64_t{1} << j);
            comp_ &= keep;
            elem_ &= keep;
            hard_ &= keep;
        }
    }

    // The segment terminator at `pos`: the segment is handed out.
    Step segmentEnd(char* pos, Segment& seg, std::optional<Fault>& fault) {
        const uint32_t end = placeOf(pos);
        p_ = pos + 1;
        if (end > kMaxSegmentBytes) return tooLong(fault);
        if ((components_ == 0 ? end : ends_[0]) == 0 && elements_ == 1) {
            fault = Fault{error::kServiceTag, "empty segment"};
            fault->expected = "a segment tag";
            place(*fault);
            return Step::Fault;
        }
        ends_[components_] = end;
        seg.view(seg_, ends_.data(), components_ + 1, firsts_.data(), elements_);
        beginSegment(pos + 1);
        return Step::Segment;
    }

    // A byte that is not a plain character nor a component or element separator.
    Step special(char* pos, Segment& seg, std::optional<Fault>& fault) {
        const unsigned char c = static_cast<unsigned char>(*pos);
        if (pos == seg_ && (c == '\r' || c == '\n')) {  // between segments
            beginSegment(pos + 1);
            return Step::Go;
        }
        switch (table_[c]) {
            case kPlain: return Step::Go;  // a byte the masks over-approximate (Latin-1 letters)
            case kComponent:
            case kElement:  // separators the masks saw as control characters
                record(pos, table_[c] == kElement);
                return Step::Go;
            case kSegment: return segmentEnd(pos, seg, fault);
            case kRelease: {
                char* data = pos + 1;
                if (data == end_) {
                    p_ = end_;
                    fault = Fault{error::kServiceChar,
                                  std::string("release character '") + separators_.release + "' at the end of the input"};
                    fault->expected = "a character after it";
                    fault->found = "the end of the input";
                    place(*fault);
                    return Step::Fault;
                }
                // The release character goes: the bytes since the last move come down.
                if (!escaped_) {
                    escaped_ = true;
                    write_ = pos;
                } else {
                    std::memmove(write_, run_, static_cast<size_t>(pos - run_));
                    write_ += pos - run_;
                }
                run_ = data;
                size_t n = 1;
                const int t = table_[static_cast<unsigned char>(*data)];
                if (t == kCheck && !checked(data, n, fault)) return Step::Fault;
                skip(data, n);
                return Step::Go;
            }
            default: {
                size_t n = 1;
                if (!checked(pos, n, fault)) return Step::Fault;
                skip(pos + 1, n - 1);
                return Step::Go;
            }
        }
    }

    // A byte outside the plain characters at `pos`: a UTF-8 sequence of a
    // UTF-8 level (`n` set to its length), or a fault.
    bool checked(char* pos, size_t& n, std::optional<Fault>& fault) {
        const unsigned char c = static_cast<unsigned char>(*pos);
        if (c >= 0x80 && level_ && isUtf8Level(*level_)) {
            const int more = utf8Continuations(c);
            n = 1;
            while (more > 0 && static_cast<int>(n) <= more && pos + n < end_ &&
                   (static_cast<unsigned char>(pos[n]) & 0xC0) == 0x80)
                ++n;
            if (more > 0 && static_cast<int>(n) == more + 1) return true;
            p_ = pos + n;
            fault = Fault{error::kInvalidChar, std::string("invalid UTF-8 for ") + syntaxLevelName(*level_)};
            fault->expected = "a UTF-8 sequence";
            fault->found = std::string(pos, n);
            place(*fault);
            return false;
        }
        p_ = pos + 1;
        const std::string levelName = level_ ? syntaxLevelName(*level_) : "EDIFACT";
        std::string what = "character " + hexByte(c) + " is outside the declared syntax level " + levelName;
        if (c == '\r' || c == '\n') what = "line break inside a segment (not allowed by " + levelName + ")";
        fault = Fault{error::kInvalidChar, what};
        fault->expected = level_ ? "a character of " + levelName : "a printable character";
        fault->found = std::string(1, static_cast<char>(c));
        place(*fault);
        return false;
    }

    Step tooLong(std::optional<Fault>& fault) {
        fault = Fault{error::kTooMany,
                      "segment longer than " + std::to_string(kMaxSegmentBytes) + " bytes: is its terminator missing?"};
        fault->expected = std::string("'") + separators_.segment + "'";
        place(*fault);
        return Step::Fault;
    }

    // Classifies the next block; false at the end of the input (with a fault
    // when it ends inside a segment) or on a read error.
    bool loadBlock(std::optional<Fault>& fault) {
        if (static_cast<size_t>(end_ - next_) < kBlock + kLookahead && !eof_) {
            if (!refill(fault)) return false;
        }
        if (next_ >= end_) {
            p_ = end_;
            if (!readError_.empty()) {
                fault = Fault{error::kUnspecified, readError_};
                return false;
            }
            if (seg_ != end_) {
                fault = Fault{error::kMissing, "the input ends inside a segment, without its terminator"};
                fault->expected = std::string("'") + separators_.segment + "'";
                fault->found = "the end of the input";
                place(*fault);
            }
            return false;
        }
        block_ = next_;
        const size_t n = std::min(kBlock, static_cast<size_t>(end_ - block_));
        next_ = block_ + n;
        const BlockMasks m = classify(block_, kinds_);  // the buffer is padded after its end
        comp_ = m.component;
        elem_ = m.element;
        hard_ = m.look;
        uint64_t live = n == kBlock ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
        if (carry_ > 0) {
            live &= ~((uint64_t{1} << carry_) - 1);
            carry_ = 0;
        }
        comp_ &= live;
        elem_ &= live;
        hard_ &= live;
        return true;
    }

    // Moves the segment begun and the bytes not yet classified to the
    // buffer's start and reads after them until a block and its lookahead
    // are there (or the input ends). False on a segment too long.
    bool refill(std::optional<Fault>& fault) {
        char* const base = buf_.get();
        char* kept = next_;
        if (escaped_) {  // the bytes since the last move come down first
            std::memmove(write_, run_, static_cast<size_t>(next_ - run_));
            kept = write_ + (next_ - run_);
        }
        const size_t segment = static_cast<size_t>(kept - seg_);
        if (segment > kMaxSegmentBytes) {
            p_ = next_;
            tooLong(fault);
            return false;
        }
        const size_t rest = static_cast<size_t>(end_ - next_);
        consumed_ += static_cast<uint64_t>(next_ - base) - segment;
        if (segment + rest > capacity_ / 2 && capacity_ < kBufferBytes) {
            // A long segment: a bigger buffer, so that a read still fills half of it.
            while (segment + rest > capacity_ / 2 && capacity_ < kBufferBytes) capacity_ *= 2;
            auto bigger = std::make_unique_for_overwrite<char[]>(capacity_ + kPadBytes);
            std::memcpy(bigger.get(), seg_, segment);
            std::memcpy(bigger.get() + segment, next_, rest);
            buf_ = std::move(bigger);
        } else {
            std::memmove(base, seg_, segment);
            std::memmove(base + segment, next_, rest);
        }
        seg_ = buf_.get();
        escaped_ = false;
        next_ = p_ = seg_ + segment;
        end_ = next_ + rest;
        while (static_cast<size_t>(end_ - next_) < kBlock + kLookahead && !eof_ && readError_.empty()) {
            const size_t k = source_.read(end_, capacity_ - static_cast<size_t>(end_ - seg_), readError_);
            if (k == 0) eof_ = true;
            end_ += k;
        }
        if (!readError_.empty()) eof_ = true;
        std::memset(end_, 0, kPadBytes);  // the masks of the last block read defined bytes
        return true;
    }

    // At least `n` bytes ahead of p_ before the scanning starts (the UNA); false if the input ends first.
    bool ensure(size_t n) {
        while (static_cast<size_t>(end_ - p_) < n) {
            const size_t have = static_cast<size_t>(end_ - p_);
            consumed_ += static_cast<uint64_t>(p_ - buf_.get());
            std::memmove(buf_.get(), p_, have);
            p_ = buf_.get();
            end_ = p_ + have;
            if (!readError_.empty() || eof_) return false;
            const size_t k = source_.read(end_, capacity_ - have, readError_);
            if (k == 0) {
                eof_ = true;
                return false;
            }
            end_ += k;
            std::memset(end_, 0, kPadBytes);
        }
        return true;
    }

    ByteSource& source_;
    size_t capacity_ = kInitialBufferBytes;
    std::unique_ptr<char[]> buf_;  // not zeroed: only what was read (and the padding after it) is looked at
    char* p_;       // after the last byte handed out (a segment's terminator) or in fault
    char* end_;     // after the last byte read
    char* seg_;     // where the segment being read begins
    char* next_;    // where the next block begins
    char* block_ = nullptr;  // the block the masks describe
    uint64_t comp_ = 0, elem_ = 0, hard_ = 0;  // its bytes not yet visited, by kind
    unsigned carry_ = 0;     // bytes at the next block's start that are data whatever they are
    bool escaped_ = false;   // a release character was removed in this segment:
    char* write_ = nullptr;  // where its next bytes go
    char* run_ = nullptr;    // the first byte not yet moved
    std::vector<uint32_t> ends_, firsts_;  // the segment's components and elements (Segment::view)
    size_t components_ = 0;  // separators seen in the segment
    size_t elements_ = 1;    // the tag and the elements begun
    uint64_t consumed_ = 0;  // input bytes before buf_[0]
    uint64_t segmentStart_ = 0;
    bool eof_ = false;
    std::string readError_;
    Separators separators_;
    std::optional<SyntaxLevel> level_;
    ByteKinds kinds_;
    unsigned char table_[256];
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

    static std::optional<Fault> required(const Segment& seg, int e, int c, const char* name) {
        if (!seg.value(e, c).empty()) return std::nullopt;
        Fault f{error::kMissing, std::string(name) + " is missing"};
        f.element = e;
        f.component = c;
        f.expected = name;
        return f;
    }

    // A control count element: digits equal to `actual`.
    static std::optional<Fault> count(const Segment& seg, int e, int actual, const char* what) {
        const std::string_view v = seg.value(e);
        int found = 0;
        const bool digits = allDigits(v);
        if (digits && v.size() <= 9) {
            for (char c : v) found = found * 10 + (c - '0');
            if (found == actual) return std::nullopt;
        }
        Fault f{digits ? error::kCountMismatch : error::kInvalidValue, what};
        f.element = e;
        f.component = 1;
        f.expected = std::to_string(actual);
        f.found = std::string(v);
        return f;
    }

    static std::optional<Fault> sameRef(const Segment& seg, int e, const std::string& ref, const char* what) {
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

std::vector<BlockMasks> blockMasksEveryWay(const char* p, const Separators& separators, bool levelA) {
    const ByteKinds k{separators.component, separators.element, separators.release, separators.segment, levelA};
    std::vector<BlockMasks> out{classifyPlain(p, k)};
#if defined(__SSE2__)
    out.push_back(classifySse2(p, k));
#endif
#if defined(RELAIS_EDIFACT_AVX2)
    if (hasAvx2()) out.push_back(classifyAvx2(p, k));
#endif
    return out;
}

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
