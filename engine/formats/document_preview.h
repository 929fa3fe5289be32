// What the admin site shows of a document inline: text as its lines, EDIFACT
// one segment per line (whatever line breaks the sender put in), anything
// else as binary (no preview). Reads only the first bytes of the document.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace relais {

struct DocumentPreview {
    std::string kind;      // "edifact", "text" or "binary"
    std::string encoding;  // "UTF-8" or "ISO-8859-1" (converted to UTF-8 in `lines`); empty for binary
    std::vector<std::string> lines;  // EDIFACT: one segment each, with its terminator
    bool truncated = false;  // the document goes on past what was read
};

// The preview of `head`, the first bytes of a document; `truncated` when the
// document is longer. A multi-byte character cut at the end is dropped.
DocumentPreview previewDocument(std::string_view head, bool truncated);

// The separators of an EDIFACT interchange: from its UNA service string
// advice, else the defaults of syntax level A (: + . ? ').
struct EdifactDelimiters {
    char component = ':';
    char element = '+';
    char decimal = '.';
    char release = '?';
    char segment = '\'';
};

// True when `text` (after a byte-order mark and blanks) starts an EDIFACT
// interchange (UNA, UNB) or message (UNH); `delimiters` gets its separators.
bool looksLikeEdifact(std::string_view text, EdifactDelimiters* delimiters);

// The segments of EDIFACT `text`, each with its terminator; line breaks
// between segments are dropped, a released terminator ("?'") does not end
// a segment.
std::vector<std::string> edifactSegments(std::string_view text, const EdifactDelimiters& delimiters);

}  // namespace relais
