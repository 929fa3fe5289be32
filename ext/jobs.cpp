// Relais\Jobs: submit, read and list jobs, their logs and documents (as
// streams), steer them (cancel, pause, resume, retry), and the dashboard's
// counts. Arguments are checked here (TypeError/ValueError); everything else
// is the core's JobQueue.
#include "php_relais.h"

#include "jobs/document_file.h"

extern "C" {
#include "ext/standard/php_string.h"
#include "main/fopen_wrappers.h"
#include "main/php_streams.h"
}

namespace {

std::string toStd(const zend_string* s) { return relais_str(s); }

// The fields shared by get() and list() rows.
void summaryToArray(zval* out, const relais::JobSummary& j) {
    array_init(out);
    relais_add_long(out, "id", j.id);
    relais_add_string(out, "flow", j.flow);
    relais_add_long(out, "flow_version", j.flowVersion);
    relais_add_string(out, "status", j.status);
    relais_add_long(out, "priority", j.priority);
    relais_add_long(out, "attempt", j.attempt);
    relais_add_long(out, "max_attempts", j.maxAttempts);
    relais_add_opt_string(out, "node", j.node);
    relais_add_opt_string(out, "error", j.error);
    zval params;
    array_init_size(&params, static_cast<uint32_t>(j.params.size()));
    for (const auto& [k, v] : j.params) {
        zval value;
        ZVAL_STR(&value, relais_zstr(v));
        // symtable: a numeric name such as "42" becomes an int key, as PHP would make it.
        zend_symtable_str_update(Z_ARRVAL(params), k.data(), k.size(), &value);
    }
    add_assoc_zval(out, "params", &params);
    relais_add_opt_string(out, "submitted_by", j.submittedBy);
    relais_add_opt_string(out, "partner", j.partner);
    relais_add_string(out, "created_at", j.createdAt);
    relais_add_opt_string(out, "started_at", j.startedAt);
    relais_add_opt_string(out, "finished_at", j.finishedAt);
}

void documentToArray(zval* out, const relais::Document& d) {
    array_init(out);
    relais_add_long(out, "id", d.id);
    relais_add_long(out, "job_id", d.jobId);
    relais_add_string(out, "name", d.name);
    relais_add_long(out, "size", static_cast<int64_t>(d.size));
    relais_add_string(out, "sha256", d.sha256);
    relais_add_string(out, "direction", d.direction);
    relais_add_opt_long(out, "step", d.position);
}

void documentsToArray(zval* out, const std::vector<relais::Document>& docs) {
    array_init_size(out, static_cast<uint32_t>(docs.size()));
    for (const auto& d : docs) {
        zval row;
        documentToArray(&row, d);
        add_next_index_zval(out, &row);
    }
}

void logsToArray(zval* out, const std::vector<relais::LogRecord>& lines) {
    array_init_size(out, static_cast<uint32_t>(lines.size()));
    for (const auto& l : lines) {
        zval row;
        array_init(&row);
        relais_add_string(&row, "at", l.at);
        relais_add_string(&row, "level", l.level);
        relais_add_opt_long(&row, "step", l.position);
        relais_add_string(&row, "message", l.message);
        add_next_index_zval(out, &row);
    }
}

void detailToArray(zval* out, const relais::JobDetail& j, bool withLog) {
    summaryToArray(out, j);

    zval actions;
    array_init(&actions);
    for (const auto& a : j.actions) add_next_index_stringl(&actions, a.data(), a.size());
    add_assoc_zval(out, "actions", &actions);

    zval steps;
    array_init_size(&steps, static_cast<uint32_t>(j.steps.size()));
    for (const auto& s : j.steps) {
        zval row;
        array_init(&row);
        relais_add_long(&row, "attempt", s.attempt);
        relais_add_long(&row, "position", s.position);
        relais_add_string(&row, "activity", s.activity);
        relais_add_string(&row, "status", s.status);
        relais_add_opt_string(&row, "error", s.error);
        relais_add_string(&row, "started_at", s.startedAt);
        relais_add_opt_string(&row, "finished_at", s.finishedAt);
        add_next_index_zval(&steps, &row);
    }
    add_assoc_zval(out, "steps", &steps);

    zval documents;
    documentsToArray(&documents, j.documents);
    add_assoc_zval(out, "documents", &documents);

    if (!withLog) return;
    zval log;
    logsToArray(&log, j.log);
    add_assoc_zval(out, "log", &log);
    relais_add_long(out, "log_total", j.logTotal);
    if (j.logOlder) {
        const std::string older = std::to_string(*j.logOlder);
        add_assoc_stringl(out, "log_next", older.data(), older.size());
    } else {
        add_assoc_null(out, "log_next");
    }
}

// Where a value read from PHP came from, for error messages: the argument's
// number and, inside an array argument, the path to the value (for example
// "[3]['files'] " in submitMany's $submissions).
struct ArgPlace {
    uint32_t arg;
    std::string path;
};

// An upload ['name' => string, 'content' => string] of $files; false after throwing.
bool readUpload(HashTable* upload, zend_string* key, zend_ulong index, relais::SubmitRequest& req,
                const ArgPlace& at) {
    zval* name = zend_hash_str_find_deref(upload, "name", sizeof("name") - 1);
    zval* content = zend_hash_str_find_deref(upload, "content", sizeof("content") - 1);
    if (!name || !content || Z_TYPE_P(name) != IS_STRING || Z_TYPE_P(content) != IS_STRING ||
        zend_hash_num_elements(upload) != 2) {
        zend_argument_value_error(at.arg, "%supload %s must be ['name' => string, 'content' => string]",
                                  at.path.c_str(), relais_key_text(key, index).c_str());
        return false;
    }
    if (ZSTR_LEN(Z_STR_P(name)) == 0 || zend_str_has_nul_byte(Z_STR_P(name))) {
        zend_argument_value_error(at.arg, "%supload %s must have a non-empty name without null bytes",
                                  at.path.c_str(), relais_key_text(key, index).c_str());
        return false;
    }
    relais::InputFile f;
    f.name = toStd(Z_STR_P(name));
    f.content = toStd(Z_STR_P(content));
    req.files.push_back(std::move(f));
    return true;
}

// Reads $files into `req`; false after throwing.
bool readFiles(HashTable* files, relais::SubmitRequest& req, const ArgPlace& at) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(files, index, key, value) {
        ZVAL_DEREF(value);
        if (Z_TYPE_P(value) == IS_ARRAY) {
            if (!readUpload(Z_ARRVAL_P(value), key, index, req, at)) return false;
            continue;
        }
        if (Z_TYPE_P(value) != IS_STRING) {
            zend_argument_type_error(at.arg,
                                     "%smust contain file paths (strings) or uploads (arrays), %s given for key %s",
                                     at.path.c_str(), zend_zval_type_name(value), relais_key_text(key, index).c_str());
            return false;
        }
        zend_string* path = Z_STR_P(value);
        if (ZSTR_LEN(path) == 0 || zend_str_has_nul_byte(path)) {
            zend_argument_value_error(at.arg, "%smust contain file paths, the path for key %s is %s", at.path.c_str(),
                                      relais_key_text(key, index).c_str(),
                                      ZSTR_LEN(path) == 0 ? "empty" : "a string with null bytes");
            return false;
        }
        if (key && (ZSTR_LEN(key) == 0 || zend_str_has_nul_byte(key))) {
            zend_argument_value_error(at.arg, "%sdocument names (string keys) must be non-empty and without null bytes",
                                      at.path.c_str());
            return false;
        }
        // The web server's sandbox applies to the core reading the file too.
        if (php_check_open_basedir_ex(ZSTR_VAL(path), 0) != 0) {
            zend_throw_exception_ex(relais_ce_ValidationException,
                                    static_cast<zend_long>(relais::Code::InvalidArgument),
                                    "input file %s is outside the allowed path(s) (open_basedir)", ZSTR_VAL(path));
            return false;
        }
        relais::InputFile f;
        f.path = toStd(path);
        if (key) {
            f.name = toStd(key);
        } else {
            zend_string* base = php_basename(ZSTR_VAL(path), ZSTR_LEN(path), nullptr, 0);
            f.name = toStd(base);
            zend_string_release(base);
        }
        req.files.push_back(std::move(f));
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

// Reads $params into `req`; false after throwing.
bool readParams(HashTable* params, relais::SubmitRequest& req, const ArgPlace& at) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(params, index, key, value) {
        if (!key) {
            zend_argument_value_error(at.arg, "%smust map parameter names to values, got the integer key " ZEND_ULONG_FMT,
                                      at.path.c_str(), index);
            return false;
        }
        ZVAL_DEREF(value);
        if (Z_TYPE_P(value) != IS_STRING) {
            zend_argument_type_error(at.arg, "%svalue of \"%s\" must be of type string, %s given", at.path.c_str(),
                                     ZSTR_VAL(key), zend_zval_type_name(value));
            return false;
        }
        req.params[toStd(key)] = toStd(Z_STR_P(value));
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

// Reads one submission ['flow' => string, 'files' => array, 'params' =>
// array] of submitMany's $submissions; false after throwing.
bool readSubmission(zval* entry, size_t index, relais::SubmitRequest& req) {
    const std::string at = "[" + std::to_string(index) + "]";
    ZVAL_DEREF(entry);
    if (Z_TYPE_P(entry) != IS_ARRAY) {
        zend_argument_type_error(1, "%s must be of type array, %s given", at.c_str(), zend_zval_type_name(entry));
        return false;
    }
    zend_string* key;
    zend_ulong k;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(entry), k, key, value) {
        ZVAL_DEREF(value);
        const bool flow = key && zend_string_equals_literal(key, "flow");
        const bool files = key && zend_string_equals_literal(key, "files");
        const bool params = key && zend_string_equals_literal(key, "params");
        if (!flow && !files && !params) {
            zend_argument_value_error(1, "%s has an unknown key %s (known keys: \"flow\", \"files\", \"params\")",
                                      at.c_str(), relais_key_text(key, k).c_str());
            return false;
        }
        if (flow && Z_TYPE_P(value) != IS_STRING) {
            zend_argument_type_error(1, "%s['flow'] must be of type string, %s given", at.c_str(),
                                     zend_zval_type_name(value));
            return false;
        }
        if (flow && Z_STRLEN_P(value) == 0) {
            zend_argument_value_error(1, "%s['flow'] must not be empty", at.c_str());
            return false;
        }
        if ((files || params) && Z_TYPE_P(value) != IS_ARRAY) {
            zend_argument_type_error(1, "%s['%s'] must be of type array, %s given", at.c_str(), ZSTR_VAL(key),
                                     zend_zval_type_name(value));
            return false;
        }
        if (flow) req.flow = toStd(Z_STR_P(value));
        if (files && !readFiles(Z_ARRVAL_P(value), req, {1, at + "['files'] "})) return false;
        if (params && !readParams(Z_ARRVAL_P(value), req, {1, at + "['params'] "})) return false;
    }
    ZEND_HASH_FOREACH_END();
    if (req.flow.empty()) {
        zend_argument_value_error(1, "%s must have a 'flow'", at.c_str());
        return false;
    }
    return true;
}

// Reads $filter into `filter`; false after throwing.
bool readFilter(HashTable* in, relais::JobFilter& filter) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(in, index, key, value) {
        std::optional<std::string>* field = nullptr;
        if (key) {
            if (zend_string_equals_literal(key, "status")) field = &filter.status;
            else if (zend_string_equals_literal(key, "flow")) field = &filter.flow;
            else if (zend_string_equals_literal(key, "partner")) field = &filter.partner;
            else if (zend_string_equals_literal(key, "from")) field = &filter.from;
            else if (zend_string_equals_literal(key, "to")) field = &filter.to;
            else if (zend_string_equals_literal(key, "text")) field = &filter.document;
        }
        if (!field) {
            zend_argument_value_error(
                1, "has an unknown key %s (known keys: \"status\", \"flow\", \"partner\", \"from\", \"to\", \"text\")",
                relais_key_text(key, index).c_str());
            return false;
        }
        if (!relais_filter_string(1, key, value, *field)) return false;
        // An empty text matches every job: the same as no filter.
        if (field == &filter.document && *field && (*field)->empty()) field->reset();
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

// get, documents: (int $id); `read` fills the return value from the queue
// and returns the core's status.
template <class Read>
void byId(INTERNAL_FUNCTION_PARAMETERS, Read read) {
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        RELAIS_SERVICE_CORE(core);
        auto queue = core->jobs();
        relais::Status s = read(queue, static_cast<int64_t>(id), return_value);
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}

// cancel, pause, resume, retry: (int $id, ?string $by).
using JobAction = relais::Status (relais::JobQueue::*)(int64_t, const std::string&);

void jobAction(INTERNAL_FUNCTION_PARAMETERS, JobAction action) {
    zend_long id;
    zend_string* by = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(id)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(by)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        RELAIS_SERVICE_CORE(core);
        auto queue = core->jobs();
        relais::Status s = (queue.*action)(static_cast<int64_t>(id), by ? toStd(by) : std::string("php"));
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}

using BulkAction = relais::Result<relais::BulkOutcome> (relais::JobQueue::*)(const std::vector<int64_t>&,
                                                                              const std::string&);

// cancelMany, retryMany: a list of job ids, each acted on by the core.
void bulkAction(INTERNAL_FUNCTION_PARAMETERS, BulkAction action) {
    HashTable* ids;
    zend_string* by = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ARRAY_HT(ids)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(by)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (zend_hash_num_elements(ids) > relais::kMaxBulkJobs) {
            zend_argument_value_error(1, "must hold at most %zu job ids", relais::kMaxBulkJobs);
            RETURN_THROWS();
        }
        std::vector<int64_t> jobs;
        jobs.reserve(zend_hash_num_elements(ids));
        zval* value;
        ZEND_HASH_FOREACH_VAL(ids, value) {
            ZVAL_DEREF(value);
            if (Z_TYPE_P(value) != IS_LONG) {
                zend_argument_type_error(1, "must hold only int job ids, %s given", zend_zval_type_name(value));
                RETURN_THROWS();
            }
            if (Z_LVAL_P(value) <= 0) {
                zend_argument_value_error(1, "must hold job ids greater than 0");
                RETURN_THROWS();
            }
            jobs.push_back(static_cast<int64_t>(Z_LVAL_P(value)));
        }
        ZEND_HASH_FOREACH_END();
        RELAIS_SERVICE_CORE(core);
        auto queue = core->jobs();
        auto outcome = (queue.*action)(jobs, by ? toStd(by) : std::string("php"));
        RELAIS_RETURN_IF_FAILED(outcome);
        RELAIS_ZEND_CALLS({
            zval done, refused;
            array_init_size(&done, static_cast<uint32_t>(outcome->done.size()));
            for (int64_t id : outcome->done) add_next_index_long(&done, static_cast<zend_long>(id));
            array_init(&refused);
            for (const auto& [id, why] : outcome->refused)
                add_index_stringl(&refused, static_cast<zend_ulong>(id), why.data(), why.size());
            array_init_size(return_value, 2);
            add_assoc_zval(return_value, "done", &done);
            add_assoc_zval(return_value, "refused", &refused);
        });
    }
    RELAIS_CXX_CATCH
}

}  // namespace

ZEND_METHOD(Relais_Jobs, cancelMany) { bulkAction(INTERNAL_FUNCTION_PARAM_PASSTHRU, &relais::JobQueue::cancelMany); }

ZEND_METHOD(Relais_Jobs, retryMany) { bulkAction(INTERNAL_FUNCTION_PARAM_PASSTHRU, &relais::JobQueue::retryMany); }

ZEND_METHOD(Relais_Jobs, document) {
    byId(INTERNAL_FUNCTION_PARAM_PASSTHRU, [&](relais::JobQueue& q, int64_t id, zval* out) {
        auto doc = q.document(id);
        if (doc) RELAIS_ZEND_CALLS(documentToArray(out, doc.value()););
        return doc.status();
    });
}

ZEND_METHOD(Relais_Jobs, preview) {
    zend_long id;
    zend_long maxBytes = 65536;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(id)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(maxBytes)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        if (maxBytes < 1 || maxBytes > 1048576) {
            zend_argument_value_error(2, "must be between 1 and 1048576");
            RETURN_THROWS();
        }
        RELAIS_SERVICE_CORE(core);
        auto preview = core->previewDocument(static_cast<int64_t>(id), static_cast<size_t>(maxBytes));
        RELAIS_RETURN_IF_FAILED(preview);
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            relais_add_string(return_value, "kind", preview->kind);
            relais_add_string(return_value, "encoding", preview->encoding);
            zval lines;
            array_init_size(&lines, static_cast<uint32_t>(preview->lines.size()));
            for (const auto& line : preview->lines) add_next_index_stringl(&lines, line.data(), line.size());
            add_assoc_zval(return_value, "lines", &lines);
            add_assoc_bool(return_value, "truncated", preview->truncated);
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, failuresByFlow) {
    zend_long hours = 24;
    zend_long limit = 5;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(hours)
        Z_PARAM_LONG(limit)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (hours < 1 || hours > 744) {
            zend_argument_value_error(1, "must be between 1 and 744");
            RETURN_THROWS();
        }
        if (limit < 1 || limit > 100) {
            zend_argument_value_error(2, "must be between 1 and 100");
            RETURN_THROWS();
        }
        RELAIS_SERVICE_CORE(core);
        auto rows = core->jobs().failuresByFlow(static_cast<int>(hours), static_cast<int>(limit));
        RELAIS_RETURN_IF_FAILED(rows);
        RELAIS_ZEND_CALLS({
            array_init_size(return_value, static_cast<uint32_t>(rows->size()));
            for (const auto& f : rows.value()) {
                zval row;
                array_init(&row);
                relais_add_string(&row, "flow", f.flow);
                relais_add_long(&row, "failed", f.failed);
                relais_add_long(&row, "total", f.total);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, lastJobByFlow) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        RELAIS_SERVICE_CORE(core);
        auto last = core->jobs().lastJobByFlow();
        RELAIS_RETURN_IF_FAILED(last);
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            for (const auto& [flow, job] : last.value()) {
                zval row;
                array_init(&row);
                relais_add_long(&row, "id", job.id);
                relais_add_string(&row, "status", job.status);
                relais_add_string(&row, "created_at", job.createdAt);
                relais_add_opt_string(&row, "finished_at", job.finishedAt);
                zend_symtable_str_update(Z_ARRVAL_P(return_value), flow.data(), flow.size(), &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, submit) {
    zend_string* flow;
    HashTable* files = nullptr;
    HashTable* params = nullptr;
    zend_string* submittedBy = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_STR(flow)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(files)
        Z_PARAM_ARRAY_HT(params)
        Z_PARAM_STR_OR_NULL(submittedBy)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        if (ZSTR_LEN(flow) == 0) {
            zend_argument_value_error(1, "must not be empty");
            RETURN_THROWS();
        }
        relais::SubmitRequest req;
        req.flow = toStd(flow);
        if (files && !readFiles(files, req, {2, ""})) RETURN_THROWS();
        if (params && !readParams(params, req, {3, ""})) RETURN_THROWS();
        if (submittedBy) req.submittedBy = toStd(submittedBy);

        RELAIS_SERVICE_CORE(core);
        auto id = core->jobs().submit(req);
        RELAIS_RETURN_IF_FAILED(id);
        RETURN_LONG(static_cast<zend_long>(id.value()));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, submitMany) {
    HashTable* submissions;
    zend_string* submittedBy = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ARRAY_HT(submissions)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(submittedBy)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        if (zend_hash_num_elements(submissions) > relais::JobQueue::kMaxSubmitBatch) {
            zend_argument_value_error(1, "must hold at most %zu submissions, %u given",
                                      relais::JobQueue::kMaxSubmitBatch, zend_hash_num_elements(submissions));
            RETURN_THROWS();
        }
        if (!zend_array_is_list(submissions)) {
            zend_argument_value_error(1, "must be a list (keys 0, 1, 2...)");
            RETURN_THROWS();
        }
        std::vector<relais::SubmitRequest> reqs(zend_hash_num_elements(submissions));
        size_t index = 0;
        zval* entry;
        ZEND_HASH_FOREACH_VAL(submissions, entry) {
            if (!readSubmission(entry, index, reqs[index])) RETURN_THROWS();
            if (submittedBy) reqs[index].submittedBy = toStd(submittedBy);
            ++index;
        }
        ZEND_HASH_FOREACH_END();

        RELAIS_SERVICE_CORE(core);
        auto ids = core->jobs().submitMany(reqs);
        RELAIS_RETURN_IF_FAILED(ids);
        RELAIS_ZEND_CALLS(
            array_init_size(return_value, static_cast<uint32_t>(ids->size()));
            for (int64_t id : ids.value()) add_next_index_long(return_value, static_cast<zend_long>(id));
        );
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, get) {
    zend_long id;
    bool withLog = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(id)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(withLog)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        RELAIS_SERVICE_CORE(core);
        auto job = core->jobs().get(static_cast<int64_t>(id), withLog);
        RELAIS_RETURN_IF_FAILED(job);
        RELAIS_ZEND_CALLS(detailToArray(return_value, job.value(), withLog););
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, list) {
    HashTable* filterIn = nullptr;
    zend_long limit = 50;
    zend_string* cursor = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 3)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(filterIn)
        Z_PARAM_LONG(limit)
        Z_PARAM_STR_OR_NULL(cursor)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::JobFilter filter;
        if (filterIn && !readFilter(filterIn, filter)) RETURN_THROWS();
        if (limit < 1 || limit > 10000) {
            zend_argument_value_error(2, "must be between 1 and 10000");
            RETURN_THROWS();
        }
        filter.limit = static_cast<int>(limit);
        if (!relais_read_cursor(3, cursor, filter.before)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        auto page = core->jobs().listPage(filter);
        RELAIS_RETURN_IF_FAILED(page);
        RELAIS_ZEND_CALLS({
            zval rows;
            array_init_size(&rows, static_cast<uint32_t>(page->rows.size()));
            for (const auto& j : page->rows) {
                zval row;
                summaryToArray(&row, j);
                add_next_index_zval(&rows, &row);
            }
            relais_page(return_value, &rows, page->nextCursor);
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, logs) {
    zend_long id;
    zend_long limit = 500;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(id)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(limit)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        if (limit < 1 || limit > 100000) {
            zend_argument_value_error(2, "must be between 1 and 100000");
            RETURN_THROWS();
        }
        RELAIS_SERVICE_CORE(core);
        auto lines = core->jobs().logs(static_cast<int64_t>(id), static_cast<int>(limit));
        RELAIS_RETURN_IF_FAILED(lines);
        RELAIS_ZEND_CALLS(logsToArray(return_value, lines.value()););
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, logPage) {
    zend_long id;
    zend_string* level = nullptr;
    zend_long limit = 1000;
    zend_string* cursor = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_LONG(id)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(level)
        Z_PARAM_LONG(limit)
        Z_PARAM_STR_OR_NULL(cursor)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        if (limit < 1 || limit > 100000) {
            zend_argument_value_error(3, "must be between 1 and 100000");
            RETURN_THROWS();
        }
        relais::LogFilter filter;
        if (level) filter.level = toStd(level);
        filter.limit = static_cast<int>(limit);
        if (!relais_read_cursor(4, cursor, filter.before)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        auto page = core->jobs().logPage(static_cast<int64_t>(id), filter);
        RELAIS_RETURN_IF_FAILED(page);
        RELAIS_ZEND_CALLS({
            zval rows;
            logsToArray(&rows, page->lines);
            relais_page(return_value, &rows, page->older);
            relais_add_long(return_value, "total", page->total);
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, documents) {
    byId(INTERNAL_FUNCTION_PARAM_PASSTHRU, [&](relais::JobQueue& q, int64_t id, zval* out) {
        auto docs = q.documents(id);
        if (docs) RELAIS_ZEND_CALLS(documentsToArray(out, docs.value()););
        return docs.status();
    });
}

ZEND_METHOD(Relais_Jobs, readDocument) {
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        RELAIS_SERVICE_CORE(core);
        // The store is the administrator's folder, outside open_basedir: the
        // core opens the file by its content address, and PHP gets a plain
        // read-only stream on it.
        auto jobs = core->jobs();
        auto file = relais::openDocumentFile(jobs, core->store(), static_cast<int64_t>(id));
        RELAIS_RETURN_IF_FAILED(file);
        if (!relais_stream_from_fd(return_value, file->fd.release(), "document #" + std::to_string(id))) RETURN_THROWS();
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, cancel) { jobAction(INTERNAL_FUNCTION_PARAM_PASSTHRU, &relais::JobQueue::cancel); }

ZEND_METHOD(Relais_Jobs, pause) { jobAction(INTERNAL_FUNCTION_PARAM_PASSTHRU, &relais::JobQueue::pause); }

ZEND_METHOD(Relais_Jobs, resume) { jobAction(INTERNAL_FUNCTION_PARAM_PASSTHRU, &relais::JobQueue::resume); }

ZEND_METHOD(Relais_Jobs, retry) { jobAction(INTERNAL_FUNCTION_PARAM_PASSTHRU, &relais::JobQueue::retry); }

ZEND_METHOD(Relais_Jobs, stats) {
    zend_long hours = 24;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(hours)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (hours < 1 || hours > 744) {
            zend_argument_value_error(1, "must be between 1 and 744");
            RETURN_THROWS();
        }
        RELAIS_SERVICE_CORE(core);
        auto st = core->jobs().stats(static_cast<int>(hours));
        RELAIS_RETURN_IF_FAILED(st);
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            relais_add_long(return_value, "hours", st->hours);
            zval byStatus;
            array_init(&byStatus);
            for (const char* status : {"queued", "running", "retry_wait", "paused", "succeeded", "failed", "cancelled"}) {
                auto it = st->byStatus.find(status);
                relais_add_long(&byStatus, status, it == st->byStatus.end() ? 0 : it->second);
            }
            add_assoc_zval(return_value, "by_status", &byStatus);
            zval perHour;
            array_init_size(&perHour, static_cast<uint32_t>(st->perHour.size()));
            for (const auto& h : st->perHour) {
                zval row, counts;
                array_init(&row);
                relais_add_string(&row, "hour", h.hour);
                relais_add_long(&row, "total", h.total);
                array_init(&counts);
                for (const auto& [status, n] : h.byStatus) relais_add_long(&counts, status.c_str(), n);
                add_assoc_zval(&row, "by_status", &counts);
                add_next_index_zval(&perHour, &row);
            }
            add_assoc_zval(return_value, "per_hour", &perHour);
        });
    }
    RELAIS_CXX_CATCH
}
