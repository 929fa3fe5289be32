// The relais PHP extension's internal header: the object structs of
// Relais\Client, Jobs, Flows, Nodes and Users, the class entries, the module
// globals, and the helpers
// every .cpp of the extension shares. Not installed; PHP code sees only the
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
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

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

// ---------------------------------------------------------------- globals

// Per process (per thread under ZTS): the core clients opened so far, by
// configuration file, reused by every Relais\Client on the same file so that
// a PHP process keeps one database connection (see client.cpp).
struct relais_client_cache;
ZEND_BEGIN_MODULE_GLOBALS(relais)
    relais_client_cache* clients;
ZEND_END_MODULE_GLOBALS(relais)
ZEND_EXTERN_MODULE_GLOBALS(relais)
#define RELAIS_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(relais, v)
#if defined(ZTS) && defined(COMPILE_DL_RELAIS)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

void relais_client_cache_create(relais_client_cache** cache);
void relais_client_cache_destroy(relais_client_cache** cache);
// How many core clients (database connections) this process holds.
size_t relais_client_cache_size();

// ---------------------------------------------------------------- classes

extern zend_class_entry* relais_ce_Exception;
extern zend_class_entry* relais_ce_NotFoundException;
extern zend_class_entry* relais_ce_ValidationException;
extern zend_class_entry* relais_ce_ConnectionException;
extern zend_class_entry* relais_ce_ConflictException;
extern zend_class_entry* relais_ce_Client;
extern zend_class_entry* relais_ce_Jobs;
extern zend_class_entry* relais_ce_Flows;
extern zend_class_entry* relais_ce_Nodes;
extern zend_class_entry* relais_ce_Users;
extern zend_class_entry* relais_ce_Partners;
extern zend_class_entry* relais_ce_Sage_Connector;
extern zend_class_entry* relais_ce_Sage_Exports;

// Relais\Client: shares the process's core client for its configuration
// file (configuration + one database connection). `core` is null until the
// constructor succeeds.
struct relais_client_object {
    std::shared_ptr<relais::Client> core;
    zend_object std;  // last: the Zend object is allocated with our struct in front
};

// Relais\Jobs, Flows, Nodes, Users, Partners and Sage\Exports: a service of one Client. They hold a
// reference to the Client's zend_object, so the Client (and its connection)
// lives as long as any of them.
struct relais_service_object {
    zend_object* client;  // counted reference, or null (never initialised)
    zend_object std;
};

inline relais_client_object* relais_client_from_obj(zend_object* obj) {
    return reinterpret_cast<relais_client_object*>(reinterpret_cast<char*>(obj) -
                                                   XtOffsetOf(relais_client_object, std));
}

inline relais_service_object* relais_service_from_obj(zend_object* obj) {
    return reinterpret_cast<relais_service_object*>(reinterpret_cast<char*>(obj) -
                                                    XtOffsetOf(relais_service_object, std));
}

// Class set-up, called from MINIT with the entries gen_stub registered.
void relais_client_class_init(zend_class_entry* ce);
void relais_services_class_init(std::initializer_list<zend_class_entry*> services);

// Relais\Sage\Connector's object handlers (sage.cpp).
void relais_sage_class_init(zend_class_entry* ce);
// A Relais\Sage\Connector (in *out) for the [sage] section of `config`,
// with `options` (may be null) over it; throws (and leaves *out undefined) on failure.
void relais_sage_connector_from_config(zval* out, const relais::Config& config, HashTable* options);

// Relais\Ws\PaService, ExchangeService, Envelope and Directory (ws.cpp).
void relais_ws_class_init(zend_class_entry* paService, zend_class_entry* exchangeService, zend_class_entry* envelope,
                          zend_class_entry* directory);

// Creates a Jobs/Flows/Nodes/Users object (`ce`) bound to `client` into `out`.
void relais_service_create(zval* out, zend_class_entry* ce, zend_object* client);

// The core client behind a service object (`this` of a Jobs/Flows/Users
// method), or null after throwing an Error when the object was never bound.
relais::Client* relais_service_core(zend_object* service);

// A read-only PHP stream (in *out) over the open file `fd`, which it takes
// over (closed on failure); false after throwing. `what` names the file in
// the error.
bool relais_stream_from_fd(zval* out, int fd, const std::string& what);

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

// Thrown (as a C++ exception) when a Zend call inside RELAIS_ZEND_CALLS
// bailed out (a fatal error such as memory_limit): the C++ objects of the
// method are destroyed as the exception unwinds, then RELAIS_CXX_CATCH
// resumes the bailout from the method's own frame, which holds none.
struct relais_zend_bailout {};

// Runs Zend calls that may bail out (array and string building) while C++
// objects are alive. The block must not itself create C++ objects.
#define RELAIS_ZEND_CALLS(...)                            \
    do {                                                  \
        bool relais_bailed_ = false;                      \
        zend_try { __VA_ARGS__ } zend_catch { relais_bailed_ = true; } \
        zend_end_try();                                   \
        if (relais_bailed_) throw relais_zend_bailout{};  \
    } while (0)

// Every method body runs inside RELAIS_CXX_TRY { ... } RELAIS_CXX_CATCH so
// that no C++ exception unwinds through the Zend engine and no bailout
// skips a C++ destructor. On a C++ exception the partly built return value
// is released.
#define RELAIS_CXX_TRY                  \
    bool relais_resume_bailout_ = false; \
    try
#define RELAIS_CXX_CATCH                          \
    catch (const relais_zend_bailout&) {          \
        relais_resume_bailout_ = true;            \
    }                                             \
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
    }                                             \
    if (relais_resume_bailout_) zend_bailout();

// Throws the exception for a failed core result and returns from the method.
#define RELAIS_RETURN_IF_FAILED(result)            \
    do {                                          \
        if (!(result)) {                          \
            relais_throw_status((result).status()); \
            RETURN_THROWS();                      \
        }                                         \
    } while (0)

// The core client of a service method's `this`, or return after throwing.
#define RELAIS_SERVICE_CORE(var)                                     \
    relais::Client* var = relais_service_core(Z_OBJ_P(ZEND_THIS));   \
    if (!var) RETURN_THROWS()

// A positive id argument, else ValueError.
#define RELAIS_CHECK_ID(arg, value)                           \
    if ((value) <= 0) {                                       \
        zend_argument_value_error((arg), "must be greater than 0"); \
        RETURN_THROWS();                                      \
    }

// ---------------------------------------------------------------- values

inline zend_string* relais_zstr(const std::string& s) { return zend_string_init(s.data(), s.size(), 0); }
inline std::string relais_str(const zend_string* s) { return std::string(ZSTR_VAL(s), ZSTR_LEN(s)); }

// A printable form of an array key for error messages.
std::string relais_key_text(zend_string* key, zend_ulong index);

// Converts a JSON value (nlohmann::json or ordered_json) to PHP; objects
// become arrays.
template <class Json>
void relais_json_to_zval(zval* out, const Json& j) {
    switch (j.type()) {
        case Json::value_t::boolean:
            ZVAL_BOOL(out, j.template get<bool>());
            return;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            ZVAL_LONG(out, j.template get<zend_long>());
            return;
        case Json::value_t::number_float:
            ZVAL_DOUBLE(out, j.template get<double>());
            return;
        case Json::value_t::string: {
            const auto& s = j.template get_ref<const std::string&>();
            ZVAL_STRINGL(out, s.data(), s.size());
            return;
        }
        case Json::value_t::array:
            array_init_size(out, static_cast<uint32_t>(j.size()));
            for (const auto& v : j) {
                zval item;
                relais_json_to_zval(&item, v);
                add_next_index_zval(out, &item);
            }
            return;
        case Json::value_t::object:
            array_init_size(out, static_cast<uint32_t>(j.size()));
            for (const auto& [k, v] : j.items()) {
                zval item;
                relais_json_to_zval(&item, v);
                zend_symtable_str_update(Z_ARRVAL_P(out), k.data(), k.size(), &item);
            }
            return;
        default:
            ZVAL_NULL(out);
    }
}

// Reads an optional string filter value of $filter (argument `arg`) into
// `out`; null leaves it unset. False after throwing.
bool relais_filter_string(uint32_t arg, zend_string* key, zval* value, std::optional<std::string>& out);

// A keyset cursor argument: null, or the decimal 'next' of an earlier page.
// False after throwing.
bool relais_read_cursor(uint32_t arg, zend_string* cursor, std::optional<int64_t>& out);

// ['rows' => rows, 'next' => ?string] into `out` (`rows` is moved).
void relais_page(zval* out, zval* rows, const std::optional<int64_t>& next);

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
