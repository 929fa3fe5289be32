// The relais PHP extension's internal header: the object structs of
// Relais\Client, Jobs, Flows, Users and Sage\Connector, the class entries, and
// the helpers every .cpp of the extension shares. Not installed; PHP code sees only the
// API declared in relais.stub.php.
//
// The extension is a binding and nothing more: every behaviour lives in the
// core (engine/). A method here checks its PHP arguments, calls the core,
// converts the result to PHP values, and turns a failed Status into an
// exception through relais_throw_status() (exceptions.cpp, the one mapping).
#pragma once

#ifdef HAVE_CONFIG_H
#include "config.h"  // the phpize build's: COMPILE_DL_RELAIS, PHP_RELAIS_VERSION
#endif

// Standard and core headers first, so that their own includes are done
// before the C headers of PHP are read inside extern "C".
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "client/client.h"

extern "C" {
#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
}

#define PHP_RELAIS_EXTNAME "relais"
// config.m4 (config.h) and config.w32 (config.w32.h, read by php.h) define
// it from engine/CMakeLists.txt's project version.
#ifndef PHP_RELAIS_VERSION
#define PHP_RELAIS_VERSION "0.0.0-dev"
#endif
#define PHP_RELAIS_INI_CONFIG "relais.config"

extern zend_module_entry relais_module_entry;

// ---------------------------------------------------------------- classes

extern zend_class_entry* relais_ce_Exception;
extern zend_class_entry* relais_ce_NotFoundException;
extern zend_class_entry* relais_ce_InvalidArgumentException;
extern zend_class_entry* relais_ce_UnavailableException;
extern zend_class_entry* relais_ce_Client;
extern zend_class_entry* relais_ce_Jobs;
extern zend_class_entry* relais_ce_Flows;
extern zend_class_entry* relais_ce_Users;
extern zend_class_entry* relais_ce_Sage_Connector;

// An object that owns one core object: Relais\Client a relais::Client
// (configuration + one database connection), Relais\Sage\Connector a
// SageConnector (one ODBC connection). `core` is null until the constructor
// succeeds; it is destroyed with the object, which cannot be cloned.
template <class Core>
struct relais_owner_object {
    std::unique_ptr<Core> core;
    zend_object std;  // last: the Zend object is allocated with our struct in front

    static relais_owner_object* from(zend_object* obj) {
        return reinterpret_cast<relais_owner_object*>(reinterpret_cast<char*>(obj) - XtOffsetOf(relais_owner_object, std));
    }
    static inline zend_object_handlers handlers;
    static zend_object* create(zend_class_entry* ce) {
        auto* intern = static_cast<relais_owner_object*>(zend_object_alloc(sizeof(relais_owner_object), ce));
        new (&intern->core) std::unique_ptr<Core>();
        zend_object_std_init(&intern->std, ce);
        object_properties_init(&intern->std, ce);
        intern->std.handlers = &handlers;
        return &intern->std;
    }
    static void free(zend_object* obj) {
        auto* intern = from(obj);
        try {
            intern->core.reset();  // closes its connection
        } catch (...) {
        }
        intern->core.~unique_ptr();
        zend_object_std_dtor(obj);
    }
    // Class set-up, from MINIT.
    static void classInit(zend_class_entry* ce) {
        ce->create_object = create;
        memcpy(&handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
        handlers.offset = XtOffsetOf(relais_owner_object, std);
        handlers.free_obj = free;
        handlers.clone_obj = nullptr;  // one connection per object: no copies
    }
};

using relais_client_object = relais_owner_object<relais::Client>;

// Relais\Jobs, Flows and Users: a service of one Client. They hold a
// reference to the Client's zend_object, so the Client (and its connection)
// lives as long as any of them.
struct relais_service_object {
    zend_object* client;  // counted reference, or null (never initialised)
    zend_object std;
};

inline relais_client_object* relais_client_from_obj(zend_object* obj) { return relais_client_object::from(obj); }

inline relais_service_object* relais_service_from_obj(zend_object* obj) {
    return reinterpret_cast<relais_service_object*>(reinterpret_cast<char*>(obj) -
                                                    XtOffsetOf(relais_service_object, std));
}

// Class set-up, called from MINIT with the entries gen_stub registered
// (Relais\Client's and Relais\Sage\Connector's: relais_owner_object::classInit).
void relais_services_class_init(zend_class_entry* jobs, zend_class_entry* flows, zend_class_entry* users);

// Creates a Jobs/Flows/Users object (`ce`) bound to `client` into `out`.
void relais_service_create(zval* out, zend_class_entry* ce, zend_object* client);

// The core client behind a service object (`this` of a Jobs/Flows/Users
// method), or null after throwing an Error when the object was never bound.
relais::Client* relais_service_core(zend_object* service);

// The configuration file a Client opens when given none: the relais.config
// ini setting if set, else the core's rule ($RELAIS_CONFIG, else
// /etc/relais/relais.ini).
std::string relais_default_config_path();

// ---------------------------------------------------------------- errors

// Throws the Relais\Exception subclass that matches `status.code()`, with
// the core's message and the numeric code as the exception code.
void relais_throw_status(const relais::Status& status);

// Throws Relais\Exception for a C++ exception that escaped the core.
void relais_throw_cxx(const char* what);

// Every method body runs inside RELAIS_CXX_TRY { ... } RELAIS_CXX_CATCH so
// that no C++ exception unwinds through the Zend engine. On a C++ exception
// the partly built return value is released.
#define RELAIS_CXX_TRY try
#define RELAIS_CXX_CATCH                          \
    catch (const std::exception& e) {             \
        zval_ptr_dtor(return_value);              \
        ZVAL_NULL(return_value);                  \
        relais_throw_cxx(e.what());               \
        RETURN_THROWS();                          \
    }                                             \
    catch (...) {                                 \
        zval_ptr_dtor(return_value);              \
        ZVAL_NULL(return_value);                  \
        relais_throw_cxx("unknown C++ exception"); \
        RETURN_THROWS();                          \
    }

// ---------------------------------------------------------------- values

inline zend_string* relais_zstr(const std::string& s) { return zend_string_init(s.data(), s.size(), 0); }

inline void relais_add_string(zval* arr, const char* key, const std::string& v) {
    add_assoc_stringl_ex(arr, key, strlen(key), v.data(), v.size());
}

inline void relais_add_opt_string(zval* arr, const char* key, const std::optional<std::string>& v) {
    if (v) relais_add_string(arr, key, *v);
    else add_assoc_null_ex(arr, key, strlen(key));
}

inline void relais_add_long(zval* arr, const char* key, int64_t v) {
    add_assoc_long_ex(arr, key, strlen(key), static_cast<zend_long>(v));
}

inline void relais_add_opt_long(zval* arr, const char* key, const std::optional<int>& v) {
    if (v) relais_add_long(arr, key, *v);
    else add_assoc_null_ex(arr, key, strlen(key));
}
