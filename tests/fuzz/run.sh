#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS]: builds the libFuzzer target of the EDIFACT
# reader with clang (address and undefined-behaviour sanitizers) into
# build/fuzz/ and runs it for SECONDS (default 60) on a copy of the committed
# corpus (tests/fuzz/corpus/edifact_reader). Exit 0 when nothing crashed; on
# a crash, 1, with the input that crashed kept in tests/.out/fuzz/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECONDS_TO_RUN="${1:-60}"
BUILD="$ROOT/build/fuzz"
WORK="$ROOT/tests/.out/fuzz"
CXX="${RELAIS_FUZZ_CXX:-clang++}"
mkdir -p "$BUILD" "$WORK/corpus"

command -v "$CXX" > /dev/null || { echo "fuzz: $CXX not found (Debian packages clang, libclang-rt-14-dev)" >&2; exit 2; }
E="$ROOT/engine"
SOURCES=(
    "$ROOT/tests/fuzz/edifact_reader_fuzz.cpp"
    "$E/formats/edifact_syntax.cpp" "$E/formats/edifact_reader.cpp" "$E/formats/edifact_writer.cpp"
    "$E/formats/eancom.cpp" "$E/formats/edifact_translate.cpp"
    "$E/formats/pivot_document.cpp" "$E/formats/pivot_records.cpp" "$E/formats/pivot_writer.cpp"
    "$E/base/decimal.cpp" "$E/base/status.cpp" "$E/base/atomic_file.cpp"
)
BIN="$BUILD/edifact_reader_fuzz"
# Rebuild when a source is newer than the program.
stale=""
[ -x "$BIN" ] || stale=1
for s in "${SOURCES[@]}" "$E"/formats/*.h "$ROOT"/tests/edifact/*.h; do [ -n "$stale" ] || [ "$s" -nt "$BIN" ] && stale=1; done
if [ -n "$stale" ]; then
    echo "fuzz: building $BIN"
    "$CXX" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -I "$E" "${SOURCES[@]}" -o "$BIN.tmp"
    mv "$BIN.tmp" "$BIN"
fi
cd "$WORK"
set +e
"$BIN" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=1024 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$WORK/" "$WORK/corpus" "$ROOT/tests/fuzz/corpus/edifact_reader" 2> "$WORK/fuzz.log"
rc=$?
set -e
tail -n 25 "$WORK/fuzz.log"
if [ "$rc" -ne 0 ]; then
    echo "fuzz: the EDIFACT reader crashed (exit $rc); inputs in $WORK/crash-* (see $WORK/fuzz.log)"
    exit 1
fi
runs="$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$WORK/fuzz.log" | tail -n 1)"
echo "fuzz: ${runs:-?} inputs in ${SECONDS_TO_RUN}s, no crash"
