// Text and EDIFACT detection for document previews.
#include "formats/document_preview.h"

namespace relais {
namespace {

std::string_view skipBomAndBlanks(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\r' || text.front() == '\n' || text.front() == '\t'))
        text.remove_prefix(1);
    return text;
}

// The length of the UTF-8 sequence starting at `s` (0 if invalid); `cut`
// when it is valid so far but runs past the end.
size_t utf8Sequence(std::string_view s, size_t at, bool* cut) {
    const auto c = static_cast<unsigned char>(s[at]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || (len == 2 && c < 0xC2)) return 0;
    for (size_t k = 1; k < len; ++k) {
        if (at + k >= s.size()) {
            *cut = true;
            return 0;
        }
        if ((static_cast<unsigned char>(s[at + k]) & 0xC0) != 0x80) return 0;
    }
    return len;
}

// True when `text` is UTF-8 but maybe for a last character cut short;
// `usable` gets the length without that character.
bool validUtf8(std::string_view text, size_t* usable) {
    size_t i = 0;
    while (i < text.size()) {
        bool cut = false;
        const size_t len = utf8Sequence(text, i, &cut);
        if (len == 0) {
            if (cut) break;
            return false;
        }
        i += len;
    }
    *usable = i;
    return true;
}

bool isControl(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F; }

std::string latin1ToUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::vector<std::string> textLines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

}  // namespace

bool looksLikeEdifact(std::string_view text, EdifactDelimiters* d) {
    text = skipBomAndBlanks(text);
    if (text.substr(0, 3) == "UNA" && text.size() >= 9) {
        d->component = text[3];
        d->element = text[4];
        d->decimal = text[5];
        d->release = text[6];
        d->segment = text[8];
        return true;
    }
    *d = EdifactDelimiters{};
    const auto tag = text.substr(0, 4);
    return tag == "UNB+" || tag == "UNH+";
}

std::vector<std::string> edifactSegments(std::string_view text, const EdifactDelimiters& d) {
    text = skipBomAndBlanks(text);
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
    };
    if (text.substr(0, 3) == "UNA" && text.size() >= 9) {
        // The service string advice is one segment of fixed length, its own
        // characters not being separators yet.
        out.emplace_back(text.substr(0, 9));
        text.remove_prefix(9);
    }
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == d.release && i + 1 < text.size()) {
            current += c;
            current += text[++i];
            continue;
        }
        // Line breaks between segments, or inside one wrapped across lines.
        if ((c == '\r' || c == '\n') && c != d.segment) continue;
        current += c;
        if (c == d.segment) flush();
    }
    flush();
    return out;
}

DocumentPreview previewDocument(std::string_view head, bool truncated) {
    DocumentPreview p;
    p.truncated = truncated;
    size_t controls = 0;
    for (char ch : head) {
        if (ch == '\0') return {"binary", "", {}, truncated};
        if (isControl(static_cast<unsigned char>(ch))) ++controls;
    }
    // A stray control character happens in text; many of them mean binary.
    if (controls > head.size() / 100 + 1) return {"binary", "", {}, truncated};
    std::string text;
    size_t usable = 0;
    if (validUtf8(head, &usable)) {
        p.encoding = "UTF-8";
        text.assign(head.substr(0, usable));
    } else {
        p.encoding = "ISO-8859-1";  // EDIFACT UNOC and most French legacy text
        text = latin1ToUtf8(head);
    }
    EdifactDelimiters d;
    if (looksLikeEdifact(text, &d)) {
        p.kind = "edifact";
        p.lines = edifactSegments(text, d);
    } else {
        p.kind = "text";
        p.lines = textLines(text);
    }
    return p;
}

}  // namespace relais
