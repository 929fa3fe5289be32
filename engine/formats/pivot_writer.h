// Writes PivotFile values as pivot files (docs/pivot-format.md), in the
// character set the file declares (file.charset). Every field is checked as
// the reader checks it, so what the writer makes the reader accepts; a value
// that does not fit (a GLN with a wrong check digit, a text too long, a
// character ISO-8859-1 lacks) fails with a message naming the document, the
// record and the field.
// Thread-safety: free functions without shared state.
#pragma once

#include <string>

#include "base/status.h"
#include "formats/pivot_document.h"

namespace relais::pivot {

struct WriteOptions {
    char decimalPoint = '.';  // ',' writes French decimal commas
};

Result<std::string> writePivot(const PivotFile& file, const WriteOptions& options = {});

// Writes through a temporary file and a rename (a reader never sees half a file).
Status writePivotFile(const PivotFile& file, const std::string& path, const WriteOptions& options = {});

}  // namespace relais::pivot
