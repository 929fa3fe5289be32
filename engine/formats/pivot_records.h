// The pivot format's record table, shared by the reader and the writer: each
// record's tag and its fields in order, with the kind and size of each.
// docs/pivot-format.md is this table in prose; change both together.
// Internal to formats/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace relais::pivot {

enum class FieldKind {
    Text,      // any text, at most `max` characters
    Code,      // 1..max letters A-Z and digits (EDIFACT codes, qualifiers)
    Date,      // YYYY-MM-DD or YYYYMMDD, optionally THH:MM[:SS] or HHMM[SS]
    Number,    // a decimal, '.' or ',' as separator, at most 6 decimals
    Integer,   // a whole number from 0 to `max`
    Gln,       // 13 digits with a correct check digit
    Gtin,      // 8, 12, 13 or 14 digits with a correct check digit
    Sscc,      // 18 digits with a correct check digit
    Country,   // ISO 3166-1 alpha-2: two capital letters
    Currency,  // ISO 4217: three capital letters
    Choice,    // one of the words in `choices` (space separated)
};

struct FieldSpec {
    const char* name;
    FieldKind kind;
    bool required;
    int max = 0;              // characters (Text, Code) or largest value (Integer)
    const char* choices = "";  // Choice
};

struct RecordSpec {
    const char* tag;
    std::vector<FieldSpec> fields;  // after the tag: fields[0] is the file's field 2

    // The index of the field called `name` (it must exist: a programming error otherwise).
    size_t index(std::string_view name) const;
};

// The spec of record `tag`, or null when the format has no such record.
const RecordSpec* recordSpec(std::string_view tag);
// Every tag, for messages ("known: PIVOT, DOC, ...").
std::string knownTags();

// Checks `value` (unescaped, not empty) against `spec`; returns "" when it
// is valid, else why not (e.g. "is not a valid GLN: the check digit should be 7").
std::string checkField(const FieldSpec& spec, std::string_view value);

// A date in one of the accepted forms, normalised to "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM:SS"; "" when it is not a valid date.
std::string normaliseDate(std::string_view value);

// The GS1 check digit of the digits of `body` (all but the last digit of a code).
int gs1CheckDigit(std::string_view body);

// ISO-8859-1 bytes as UTF-8 (every byte is a character).
std::string latin1ToUtf8(std::string_view in);

}  // namespace relais::pivot
