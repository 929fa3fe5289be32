# shellcheck shell=bash
# build.sh: building the engine (CMake) and the PHP extension (phpize) in place.
# Both steps are incremental: running them again rebuilds only what changed.

# build_engine ROOT [BUILD_TYPE [TARGET...]]: build/engine/{relais,relaisd,librelais_core.a}
# and, without TARGETs, everything else (the GoogleTests and benchmark drivers).
relais_build_engine() {
    local root="$1" type="${2:-RelWithDebInfo}"
    shift $(($# < 2 ? $# : 2))
    local targets=()
    [ $# -eq 0 ] || targets=(--target "$@")
    [ -f "$root/engine/CMakeLists.txt" ] || relais_die "engine sources not found: $root/engine/CMakeLists.txt"
    relais_log "building the engine (build/engine, $type${targets[*]:+: $*})"
    cmake -S "$root/engine" -B "$root/build/engine" -DCMAKE_BUILD_TYPE="$type" >&2 \
        || relais_die "cmake configure failed for $root/engine"
    cmake --build "$root/build/engine" -j"$(relais_jobs)" "${targets[@]}" >&2 \
        || relais_die "engine build failed (cmake --build $root/build/engine)"
    [ -x "$root/build/engine/relais" ] || relais_die "engine build produced no CLI: $root/build/engine/relais"
    [ -x "$root/build/engine/relaisd" ] || relais_die "engine build produced no daemon: $root/build/engine/relaisd"
}

# build_extension ROOT: modules/relais.so at the repo root (phpize, configure, make).
relais_build_extension() {
    local root="$1"
    [ -f "$root/config.m4" ] || relais_die "extension build file not found: $root/config.m4"
    relais_log "building the PHP extension (modules/relais.so)"
    (
        cd "$root" || exit 1
        if [ ! -f configure ] || [ config.m4 -nt configure ]; then
            phpize >&2 || { echo "phpize failed in $root" >&2; exit 1; }
        fi
        if [ ! -f Makefile ] || [ configure -nt Makefile ]; then
            ./configure --enable-relais >&2 || { echo "./configure --enable-relais failed (see $root/config.log)" >&2; exit 1; }
        fi
        # The core library is linked statically: relink when it changed.
        if [ -f relais.la ] && [ build/engine/librelais_core.a -nt relais.la ]; then
            rm -f relais.la
        fi
        # libtool installs a relinked extension with cp, over the file in place: a
        # running Apache that has it mapped would crash at its next (graceful)
        # restart. Give the path a copy of its own first; running servers keep the
        # old file, now nameless.
        if [ -f modules/relais.so ]; then
            cp -p modules/relais.so modules/.relais.so.new && mv -f modules/.relais.so.new modules/relais.so \
                || { echo "cannot replace modules/relais.so" >&2; exit 1; }
        fi
        make -j"$(relais_jobs)" >&2 || { echo "make failed for the extension in $root" >&2; exit 1; }
    ) || relais_die "extension build failed"
    [ -f "$root/modules/relais.so" ] || relais_die "extension build produced no $root/modules/relais.so"
}

relais_jobs() {
    nproc 2>/dev/null || echo 2
}
