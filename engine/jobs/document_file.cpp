// Reading a document's bytes from the content store.
#include "jobs/document_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace relais {

Result<DocumentFile> openDocumentFile(JobQueue& jobs, const ContentStore& store, int64_t id) {
    auto doc = jobs.document(id);
    if (!doc) return doc.status();
    const std::string path = store.absolutePath(doc->storePath);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Status(Code::Io, "document #" + std::to_string(id) + " (" + doc->name + "): cannot read " + path +
                                    ": " + std::strerror(errno));
    return DocumentFile{std::move(doc).value(), UniqueFd(fd)};
}

}  // namespace relais
