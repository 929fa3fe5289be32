// Reading a document's bytes: the one way the faces (the CLI's `relais document`,
// the PHP extension's Jobs::readDocument) open a document of a job, by its id
// only, from the content store.
#pragma once

#include <cstdint>

#include "base/status.h"
#include "base/unique_fd.h"
#include "jobs/job_queue.h"
#include "store/content_store.h"

namespace relais {

// A document's record and a read-only descriptor on its stored file.
struct DocumentFile {
    Document document;
    UniqueFd fd;
};

// NotFound for an unknown id; Io, naming the document and the path, when the
// stored file cannot be opened (removed by hand, permissions).
Result<DocumentFile> openDocumentFile(JobQueue& jobs, const ContentStore& store, int64_t id);

}  // namespace relais
