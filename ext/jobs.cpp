// Relais\Jobs: submit a job, read one job with its steps, documents and log,
// list jobs. Arguments are checked here (TypeError/ValueError); everything
// else is the core's JobQueue.
#include "php_relais.h"

extern "C" {
#include "ext/standard/php_string.h"
#include "main/fopen_wrappers.h"
}

namespace {

std::string toStd(const zend_string* s) { return std::string(ZSTR_VAL(s), ZSTR_LEN(s)); }

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
    relais_add_string(out, "created_at", j.createdAt);
    relais_add_opt_string(out, "started_at", j.startedAt);
    relais_add_opt_string(out, "finished_at", j.finishedAt);
}

void detailToArray(zval* out, const relais::JobDetail& j) {
    summaryToArray(out, j);

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
    array_init_size(&documents, static_cast<uint32_t>(j.documents.size()));
    for (const auto& d : j.documents) {
        zval row;
        array_init(&row);
        relais_add_long(&row, "id", d.id);
        relais_add_string(&row, "name", d.name);
        relais_add_long(&row, "size", static_cast<int64_t>(d.size));
        relais_add_string(&row, "sha256", d.sha256);
        relais_add_string(&row, "direction", d.direction);
        relais_add_opt_long(&row, "step", d.position);
        add_next_index_zval(&documents, &row);
    }
    add_assoc_zval(out, "documents", &documents);

    zval log;
    array_init_size(&log, static_cast<uint32_t>(j.log.size()));
    for (const auto& l : j.log) {
        zval row;
        array_init(&row);
        relais_add_string(&row, "at", l.at);
        relais_add_string(&row, "level", l.level);
        relais_add_opt_long(&row, "step", l.position);
        relais_add_string(&row, "message", l.message);
        add_next_index_zval(&log, &row);
    }
    add_assoc_zval(out, "log", &log);
}

// A printable form of an array key for error messages.
std::string keyText(zend_string* key, zend_ulong index) {
    return key ? "\"" + toStd(key) + "\"" : std::to_string(index);
}

// Reads $files into `req`; false after throwing.
bool readFiles(HashTable* files, relais::SubmitRequest& req) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(files, index, key, value) {
        ZVAL_DEREF(value);
        if (Z_TYPE_P(value) != IS_STRING) {
            zend_argument_type_error(2, "must contain only file paths (strings), %s given for key %s",
                                     zend_zval_type_name(value), keyText(key, index).c_str());
            return false;
        }
        zend_string* path = Z_STR_P(value);
        if (ZSTR_LEN(path) == 0 || zend_str_has_nul_byte(path)) {
            zend_argument_value_error(2, "must contain file paths, the path for key %s is %s",
                                      keyText(key, index).c_str(),
                                      ZSTR_LEN(path) == 0 ? "empty" : "a string with null bytes");
            return false;
        }
        if (key && (ZSTR_LEN(key) == 0 || zend_str_has_nul_byte(key))) {
            zend_argument_value_error(2, "document names (string keys) must be non-empty and without null bytes");
            return false;
        }
        // The web server's sandbox applies to the core reading the file too.
        if (php_check_open_basedir_ex(ZSTR_VAL(path), 0) != 0) {
            zend_throw_exception_ex(relais_ce_InvalidArgumentException,
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
bool readParams(HashTable* params, relais::SubmitRequest& req) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(params, index, key, value) {
        if (!key) {
            zend_argument_value_error(3, "must map parameter names to values, got the integer key " ZEND_ULONG_FMT,
                                      index);
            return false;
        }
        ZVAL_DEREF(value);
        if (Z_TYPE_P(value) != IS_STRING) {
            zend_argument_type_error(3, "value of \"%s\" must be of type string, %s given", ZSTR_VAL(key),
                                     zend_zval_type_name(value));
            return false;
        }
        req.params[toStd(key)] = toStd(Z_STR_P(value));
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

// Reads $filter into `filter`; false after throwing.
bool readFilter(HashTable* in, relais::JobFilter& filter) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(in, index, key, value) {
        const bool isStatus = key && zend_string_equals_literal(key, "status");
        const bool isFlow = key && zend_string_equals_literal(key, "flow");
        if (!isStatus && !isFlow) {
            zend_argument_value_error(1, "has an unknown key %s (known keys: \"status\", \"flow\")",
                                      keyText(key, index).c_str());
            return false;
        }
        ZVAL_DEREF(value);
        if (Z_TYPE_P(value) == IS_NULL) continue;  // no filter on that field
        if (Z_TYPE_P(value) != IS_STRING) {
            zend_argument_type_error(1, "value of \"%s\" must be of type ?string, %s given", ZSTR_VAL(key),
                                     zend_zval_type_name(value));
            return false;
        }
        (isStatus ? filter.status : filter.flow) = toStd(Z_STR_P(value));
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

}  // namespace

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
        if (files && !readFiles(files, req)) RETURN_THROWS();
        if (params && !readParams(params, req)) RETURN_THROWS();
        if (submittedBy) req.submittedBy = toStd(submittedBy);

        relais::Client* core = relais_service_core(Z_OBJ_P(ZEND_THIS));
        if (!core) RETURN_THROWS();
        auto id = core->jobs().submit(req);
        if (!id) {
            relais_throw_status(id.status());
            RETURN_THROWS();
        }
        RETURN_LONG(static_cast<zend_long>(id.value()));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, get) {
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        if (id <= 0) {
            zend_argument_value_error(1, "must be greater than 0");
            RETURN_THROWS();
        }
        relais::Client* core = relais_service_core(Z_OBJ_P(ZEND_THIS));
        if (!core) RETURN_THROWS();
        auto job = core->jobs().get(static_cast<int64_t>(id));
        if (!job) {
            relais_throw_status(job.status());
            RETURN_THROWS();
        }
        detailToArray(return_value, job.value());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Jobs, list) {
    HashTable* filterIn = nullptr;
    zend_long limit = 50;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(filterIn)
        Z_PARAM_LONG(limit)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::JobFilter filter;
        if (filterIn && !readFilter(filterIn, filter)) RETURN_THROWS();
        if (limit < 1 || limit > 10000) {
            zend_argument_value_error(2, "must be between 1 and 10000");
            RETURN_THROWS();
        }
        filter.limit = static_cast<int>(limit);
        relais::Client* core = relais_service_core(Z_OBJ_P(ZEND_THIS));
        if (!core) RETURN_THROWS();
        auto jobs = core->jobs().list(filter);
        if (!jobs) {
            relais_throw_status(jobs.status());
            RETURN_THROWS();
        }
        array_init_size(return_value, static_cast<uint32_t>(jobs->size()));
        for (const auto& j : jobs.value()) {
            zval row;
            summaryToArray(&row, j);
            add_next_index_zval(return_value, &row);
        }
    }
    RELAIS_CXX_CATCH
}
