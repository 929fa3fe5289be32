// The object plumbing shared by Relais\Jobs, Flows and Users: each is a view
// of one Relais\Client, made by Client::jobs()/flows()/users() and holding a
// reference to that Client object so that the connection outlives the view.
#include "php_relais.h"

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
    zend_throw_error(nullptr, "Cannot directly construct %s, use Relais\\Client::%s()", ZSTR_VAL(obj->ce->name),
                     obj->ce == relais_ce_Jobs ? "jobs" : obj->ce == relais_ce_Flows ? "flows" : "users");
    return nullptr;
}

}  // namespace

void relais_services_class_init(zend_class_entry* jobs, zend_class_entry* flows, zend_class_entry* users) {
    memcpy(&serviceHandlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    serviceHandlers.offset = XtOffsetOf(relais_service_object, std);
    serviceHandlers.free_obj = serviceFree;
    serviceHandlers.clone_obj = nullptr;
    serviceHandlers.get_constructor = serviceConstructor;
    for (zend_class_entry* ce : {jobs, flows, users}) ce->create_object = serviceCreate;
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
