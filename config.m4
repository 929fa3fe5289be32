dnl config.m4 of the relais PHP extension (sources in ext/, C++20), built at
dnl the repository root:
dnl   cmake -S engine -B build/engine && cmake --build build/engine
dnl   phpize && ./configure --enable-relais && make      -> modules/relais.so
dnl The extension links the core library build/engine/librelais_core.a
dnl statically, plus the shared libraries the core needs.

PHP_ARG_ENABLE([relais],
  [whether to enable the relais extension],
  [AS_HELP_STRING([--enable-relais], [Enable the Relais extension (needs the engine built first)])])

PHP_ARG_WITH([relais-engine],
  [for the Relais core library build directory],
  [AS_HELP_STRING([[--with-relais-engine[=DIR]]],
    [Directory holding librelais_core.a (default: build/engine under the source directory)])],
  [no],
  [no])

if test "$PHP_RELAIS" != "no"; then
  PHP_REQUIRE_CXX()
  PHP_CXX_COMPILE_STDCXX([20], [mandatory], [PHP_RELAIS_STDCXX])

  dnl ------------------------------------------------------------ the core
  RELAIS_SRC_ROOT="$abs_srcdir"
  if test "$PHP_RELAIS_ENGINE" = "no" || test "$PHP_RELAIS_ENGINE" = "yes"; then
    RELAIS_ENGINE_LIBDIR="$RELAIS_SRC_ROOT/build/engine"
  else
    RELAIS_ENGINE_LIBDIR="$PHP_RELAIS_ENGINE"
  fi
  AC_MSG_CHECKING([for the Relais core library])
  if test -f "$RELAIS_ENGINE_LIBDIR/librelais_core.a"; then
    AC_MSG_RESULT([$RELAIS_ENGINE_LIBDIR/librelais_core.a])
  else
    AC_MSG_RESULT([not found])
    AC_MSG_ERROR([$RELAIS_ENGINE_LIBDIR/librelais_core.a not found; build the engine first: cmake -S engine -B build/engine && cmake --build build/engine (or pass --with-relais-engine=DIR)])
  fi
  if test ! -f "$RELAIS_SRC_ROOT/engine/client/client.h"; then
    AC_MSG_ERROR([the core headers are missing: $RELAIS_SRC_ROOT/engine/client/client.h not found])
  fi

  dnl The extension reports the same version as the core (engine/CMakeLists.txt).
  RELAIS_VERSION_NUMBER=`sed -n 's/^project(relais VERSION \([[0-9.]]*\).*/\1/p' "$RELAIS_SRC_ROOT/engine/CMakeLists.txt"`
  test -n "$RELAIS_VERSION_NUMBER" || RELAIS_VERSION_NUMBER="0.0.0-dev"
  AC_DEFINE_UNQUOTED([PHP_RELAIS_VERSION], ["$RELAIS_VERSION_NUMBER"], [Version of the relais extension (the core's)])

  dnl ------------------------------------------------------------ libraries
  dnl What the core links against (engine/CMakeLists.txt): MariaDB Connector/C,
  dnl libxcrypt, OpenSSL's libcrypto, libcurl, spdlog (Debian's shared build), fmt and libxml2.
  PKG_CHECK_MODULES([RELAIS_DEPS], [libmariadb odbc libxcrypt libcrypto libcurl spdlog fmt libxml-2.0], [],
    [AC_MSG_ERROR([$RELAIS_DEPS_PKG_ERRORS
install them: apt-get install libmariadb-dev libxml2-dev unixodbc-dev libcrypt-dev libssl-dev libcurl4-openssl-dev libspdlog-dev libfmt-dev nlohmann-json3-dev libcctz-dev])])

  AC_LANG_PUSH([C++])
  relais_save_CPPFLAGS="$CPPFLAGS"
  CPPFLAGS="$CPPFLAGS $RELAIS_DEPS_CFLAGS"
  AC_CHECK_HEADER([nlohmann/json.hpp], [],
    [AC_MSG_ERROR([nlohmann/json.hpp not found: apt-get install nlohmann-json3-dev])])
  CPPFLAGS="$relais_save_CPPFLAGS"
  AC_LANG_POP([C++])

  dnl The static core first, then the libraries it needs, in link order.
  RELAIS_SHARED_LIBADD="$RELAIS_ENGINE_LIBDIR/librelais_core.a"
  PHP_EVAL_LIBLINE([$RELAIS_DEPS_LIBS], [RELAIS_SHARED_LIBADD])
  dnl CCTZ (time zones of schedule triggers) has no pkg-config file.
  PHP_ADD_LIBRARY([cctz], [1], [RELAIS_SHARED_LIBADD])
  PHP_ADD_LIBRARY([pthread], [1], [RELAIS_SHARED_LIBADD])
  PHP_ADD_LIBRARY([stdc++], [1], [RELAIS_SHARED_LIBADD])
  PHP_SUBST([RELAIS_SHARED_LIBADD])

  dnl ------------------------------------------------------------ sources
  dnl RELAIS_DEPS_CFLAGS carries spdlog's -DSPDLOG_SHARED_LIB -DSPDLOG_COMPILED_LIB
  dnl -DSPDLOG_FMT_EXTERNAL: without them the headers would not match the library.
  dnl Warnings on (our code builds clean with them); not -Werror, since the Zend
  dnl headers of another PHP version or compiler may warn on their own.
  RELAIS_CXXFLAGS="$PHP_RELAIS_STDCXX -Wall -Wextra -Wno-unused-parameter -I$RELAIS_SRC_ROOT/engine -I@ext_srcdir@/ext $RELAIS_DEPS_CFLAGS -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"
  PHP_NEW_EXTENSION([relais],
    [ext/relais.cpp ext/exceptions.cpp ext/client.cpp ext/service.cpp ext/jobs.cpp ext/flows.cpp ext/users.cpp ext/partners.cpp ext/sage.cpp ext/ws.cpp],
    [$ext_shared], [], [$RELAIS_CXXFLAGS], [cxx])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext])
  PHP_ADD_EXTENSION_DEP([relais], [spl])
  PHP_ADD_EXTENSION_DEP([relais], [json])

  dnl Relink when the core library changes.
  RELAIS_SHARED_DEPENDENCIES="$RELAIS_ENGINE_LIBDIR/librelais_core.a"
  PHP_SUBST([RELAIS_SHARED_DEPENDENCIES])
  dnl ...and refuse to link against a library older than the headers (ext/Makefile.frag).
  PHP_SUBST([RELAIS_ENGINE_LIBDIR])
  PHP_ADD_MAKEFILE_FRAGMENT([$abs_srcdir/ext/Makefile.frag])
fi
