// The object plumbing shared by Relais\Jobs, Flows, Nodes, Users, Partners and Sage\Exports: each is
// a view of one Relais\Client, made by Client::jobs()/flows()/nodes()/users()
// and holding a reference to that Client object so that the connection
// outlives the view. Also the value helpers the services share.
#include "php_relais.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>

extern "C" {
#include "main/php_streams.h"
}

namespace {

zend_object_handlers serviceHandlers;

zend_object* serviceCreate(zend_class_entry* ce) {
    auto* intern = static_cast<relais_service_object*>(zend_object_alloc(sizeof(relais_service_object), ce));
    intern->client = nullptr;
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->std.handlers = &serviceHandlers;
    return &intern->std;
}

void serviceFree(zend_object* obj) {
    auto* intern = relais_service_from_obj(obj);
    if (intern->client) {
        OBJ_RELEASE(intern->client);
        intern->client = nullptr;
    }
    zend_object_std_dtor(obj);
}

// `new Relais\Jobs()` and friends: the services come from a Client only.
zend_function* serviceConstructor(zend_object* obj) {
    const char* method = obj->ce == relais_ce_Jobs           ? "jobs"
                         : obj->ce == relais_ce_Flows        ? "flows"
                         : obj->ce == relais_ce_Nodes        ? "nodes"
                         : obj->ce == relais_ce_Partners     ? "partners"
                         : obj->ce == relais_ce_Sage_Exports ? "sageExports"
                                                             : "users";
    zend_throw_error(nullptr, "Cannot directly construct %s, use Relais\\Client::%s()", ZSTR_VAL(obj->ce->name), method);
    return nullptr;
}

}  // namespace

void relais_services_class_init(std::initializer_list<zend_class_entry*> services) {
    memcpy(&serviceHandlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    serviceHandlers.offset = XtOffsetOf(relais_service_object, std);
    serviceHandlers.free_obj = serviceFree;
    serviceHandlers.clone_obj = nullptr;
    serviceHandlers.get_constructor = serviceConstructor;
    for (zend_class_entry* ce : services) ce->create_object = serviceCreate;
}

void relais_service_create(zval* out, zend_class_entry* ce, zend_object* client) {
    object_init_ex(out, ce);
    auto* intern = relais_service_from_obj(Z_OBJ_P(out));
    GC_ADDREF(client);
    intern->client = client;
}

relais::Client* relais_service_core(zend_object* service) {
    auto* intern = relais_service_from_obj(service);
    relais::Client* core = intern->client ? relais_client_from_obj(intern->client)->core.get() : nullptr;
    if (!core) {
        zend_throw_error(nullptr, "%s object is not initialized (get it from Relais\\Client)",
                         ZSTR_VAL(service->ce->name));
        return nullptr;
    }
    return core;
}

bool relais_stream_from_fd(zval* out, int fd, const std::string& what) {
    php_stream* stream = php_stream_fopen_from_fd(fd, "rb", nullptr);
    if (!stream) {
        ::close(fd);
        relais_throw_status(relais::Status(relais::Code::Io, "cannot open a stream on " + what));
        return false;
    }
    php_stream_to_zval(stream, out);
    return true;
}

std::string relais_key_text(zend_string* key, zend_ulong index) {
    return key ? "\"" + relais_str(key) + "\"" : std::to_string(index);
}

bool relais_filter_string(uint32_t arg, zend_string* key, zval* value, std::optional<std::string>& out) {
    ZVAL_DEREF(value);
    if (Z_TYPE_P(value) == IS_NULL) return true;  // no filter on that field
    if (Z_TYPE_P(value) != IS_STRING) {
        zend_argument_type_error(arg, "value of \"%s\" must be of type ?string, %s given", ZSTR_VAL(key),
                                 zend_zval_type_name(value));
        return false;
    }
    out = relais_str(Z_STR_P(value));
    return true;
}

bool relais_read_cursor(uint32_t arg, zend_string* cursor, std::optional<int64_t>& out) {
    if (!cursor) return true;
    const std::string text = relais_str(cursor);
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || errno != 0 || !end || *end != '\0' || v <= 0) {
        zend_argument_value_error(arg, "must be null or the \"next\" value of an earlier page");
        return false;
    }
    out = v;
    return true;
}

void relais_page(zval* out, zval* rows, const std::optional<int64_t>& next) {
    array_init_size(out, 2);
    add_assoc_zval(out, "rows", rows);
    if (next) {
        const std::string text = std::to_string(*next);
        add_assoc_stringl(out, "next", text.data(), text.size());
    } else {
        add_assoc_null(out, "next");
    }
}
