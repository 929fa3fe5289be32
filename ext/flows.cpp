// Relais\Flows: list, read (a version or the history), save a definition as
// a new version (every problem listed by ValidationException), enable and
// disable, export. Relais\Nodes: the engine nodes. Both bind the core's
// FlowRepository / NodeRegistry.
#include "php_relais.h"

extern "C" {
#include "ext/json/php_json.h"
#include "zend_smart_str.h"
}

namespace {

void flowToArray(zval* out, const relais::StoredFlow& f, bool withDefinition) {
    array_init(out);
    relais_add_string(out, "name", f.name);
    relais_add_long(out, "version", f.version);
    relais_add_string(out, "description", f.description);
    add_assoc_bool(out, "enabled", f.enabled);
    relais_add_string(out, "trigger", f.trigger);
    relais_add_long(out, "steps", f.steps);
    relais_add_string(out, "created_at", f.createdAt);
    if (withDefinition) {
        zval def;
        relais_json_to_zval(&def, f.definition.json);
        add_assoc_zval(out, "definition", &def);
    }
}

// A flow name argument: non-empty, else ValueError.
#define RELAIS_CHECK_NAME(arg, name)                 \
    if (ZSTR_LEN(name) == 0) {                       \
        zend_argument_value_error((arg), "must not be empty"); \
        RETURN_THROWS();                             \
    }

}  // namespace

ZEND_METHOD(Relais_Flows, list) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        RELAIS_SERVICE_CORE(core);
        auto flows = core->flows().list();
        RELAIS_RETURN_IF_FAILED(flows);
        RELAIS_ZEND_CALLS({
            array_init_size(return_value, static_cast<uint32_t>(flows->size()));
            for (const auto& f : flows.value()) {
                zval row;
                flowToArray(&row, f, false);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Flows, get) {
    zend_string* name;
    zend_long version = 0;
    bool versionIsNull = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(name)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(version, versionIsNull)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_NAME(1, name);
        if (!versionIsNull && version <= 0) {
            zend_argument_value_error(2, "must be null or greater than 0");
            RETURN_THROWS();
        }
        RELAIS_SERVICE_CORE(core);
        auto repo = core->flows();
        auto flow = versionIsNull ? repo.current(relais_str(name))
                                  : repo.version(relais_str(name), static_cast<int>(version));
        RELAIS_RETURN_IF_FAILED(flow);
        RELAIS_ZEND_CALLS(flowToArray(return_value, flow.value(), true););
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Flows, versions) {
    zend_string* name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_NAME(1, name);
        RELAIS_SERVICE_CORE(core);
        auto versions = core->flows().versions(relais_str(name));
        RELAIS_RETURN_IF_FAILED(versions);
        RELAIS_ZEND_CALLS({
            array_init_size(return_value, static_cast<uint32_t>(versions->size()));
            for (const auto& f : versions.value()) {
                zval row;
                flowToArray(&row, f, true);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Flows, save) {
    zend_string* text = nullptr;
    HashTable* array = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT_OR_STR(array, text)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        zend_string* json = text;
        zend_string* encoded = nullptr;
        if (array) {
            // The array as JSON, the way json_encode() writes it (a list stays a list).
            zval value;
            ZVAL_ARR(&value, array);
            smart_str buf = {};
            if (php_json_encode(&buf, &value, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE) == FAILURE) {
                smart_str_free(&buf);
                zend_argument_value_error(1, "cannot be encoded as JSON");
                RETURN_THROWS();
            }
            encoded = smart_str_extract(&buf);
            json = encoded;
        }
        std::string definition = relais_str(json);
        if (encoded) zend_string_release(encoded);
        RELAIS_SERVICE_CORE(core);
        auto saved = core->importFlow(definition, "flow definition");
        RELAIS_RETURN_IF_FAILED(saved);
        RETURN_LONG(saved->version);
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Flows, enable) {
    zend_string* name;
    bool on = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(name)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(on)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_NAME(1, name);
        RELAIS_SERVICE_CORE(core);
        relais::Status s = core->flows().setEnabled(relais_str(name), on);
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Flows, export) {
    zend_string* name;
    zend_long version = 0;
    bool versionIsNull = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(name)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG_OR_NULL(version, versionIsNull)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_NAME(1, name);
        if (!versionIsNull) RELAIS_CHECK_ID(2, version);
        RELAIS_SERVICE_CORE(core);
        auto flow = versionIsNull ? core->flows().current(relais_str(name))
                                  : core->flows().version(relais_str(name), static_cast<int>(version));
        RELAIS_RETURN_IF_FAILED(flow);
        RETURN_STR(relais_zstr(relais::flowText(flow->definition.json)));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Flows, diff) {
    zend_string* name;
    zend_long from;
    zend_long to;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(name)
        Z_PARAM_LONG(from)
        Z_PARAM_LONG(to)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_NAME(1, name);
        RELAIS_CHECK_ID(2, from);
        RELAIS_CHECK_ID(3, to);
        RELAIS_SERVICE_CORE(core);
        auto lines = core->diffFlowVersions(relais_str(name), static_cast<int>(from), static_cast<int>(to));
        RELAIS_RETURN_IF_FAILED(lines);
        RELAIS_ZEND_CALLS({
            array_init_size(return_value, static_cast<uint32_t>(lines->size()));
            for (const auto& l : lines.value()) {
                zval row;
                array_init(&row);
                add_assoc_stringl(&row, "op", &l.op, 1);
                relais_add_string(&row, "text", l.text);
                relais_add_long(&row, "old_line", l.oldLine);
                relais_add_long(&row, "new_line", l.newLine);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Nodes, list) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        RELAIS_SERVICE_CORE(core);
        auto nodes = core->nodes().list(core->config().leaseSeconds);
        RELAIS_RETURN_IF_FAILED(nodes);
        RELAIS_ZEND_CALLS({
            array_init_size(return_value, static_cast<uint32_t>(nodes->size()));
            for (const auto& n : nodes.value()) {
                zval row;
                array_init(&row);
                relais_add_string(&row, "name", n.name);
                relais_add_string(&row, "host", n.host);
                relais_add_long(&row, "pid", n.pid);
                relais_add_string(&row, "version", n.version);
                relais_add_long(&row, "workers", n.workers);
                relais_add_string(&row, "status", n.status);
                add_assoc_bool(&row, "alive", n.alive);
                relais_add_long(&row, "running_jobs", n.runningJobs);
                relais_add_string(&row, "started_at", n.startedAt);
                relais_add_string(&row, "heartbeat_at", n.heartbeatAt);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}
