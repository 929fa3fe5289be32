// Reads pivot files (docs/pivot-format.md) into PivotFile values: checks the
// declared character set (UTF-8 or ISO-8859-1, converted to UTF-8), every
// field's form, the order of the records and each document's completeness.
// The first problem found is returned; its message names the origin, the
// line, the record and field and the value, e.g.
//   orders.pivot line 12: LIN gtin (field 3) '3760000000018' is not a valid
//   GTIN/EAN: the check digit should be 7
// Thread-safety: free functions without shared state.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "formats/pivot_document.h"

namespace relais::pivot {

// `origin` names the input in messages (a file name).
Result<PivotFile> readPivot(std::string_view bytes, const std::string& origin);
// Reads the file at `path` (NotFound/Io when it cannot be read).
Result<PivotFile> readPivotFile(const std::string& path);

}  // namespace relais::pivot
