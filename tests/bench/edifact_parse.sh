#!/usr/bin/env bash
# tests/bench/edifact_parse.sh: the EDIFACT reader's figures (issue 8).
#   1. generates an EANCOM D96A ORDERS interchange of MB megabytes (UNOC, UNA,
#      realistic orders of 10 lines: ~1.7 KB per message);
#   2. parse throughput of Relais's reader (envelope, counts, UNOC character
#      checks): best of RUNS, MB/s;
#   3. the npm `edifact` parser (node-edifact, installed under tests/.out/)
#      parsing the same file in the same run, building each segment as its
#      README shows and only counting its events: best of RUNS, MB/s, ratios;
#   (wall clock and process CPU time: on a shared machine the CPU time is the steadier)
#   4. the full translation ORDERS -> pivot file: MB/s and messages/s;
#   5. memory: a 1 GB interchange made on the fly, read and mapped to pivot
#      documents: the peak resident memory of the process.
# Prints the machine, its load average and the command.
# Usage: tests/bench/edifact_parse.sh [MB] [RUNS]   (default 50 5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
MB="${1:-50}"
RUNS="${2:-5}"
WORK="$ROOT/tests/.out/bench-edifact"
NODE_DIR="$ROOT/tests/.out/bench-node"
BENCH="$ROOT/build/engine/bench/edifact_bench"
mkdir -p "$WORK" "$NODE_DIR"
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"

relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
command -v node > /dev/null || relais_die "node is needed (Debian package nodejs)"
if [ ! -f "$NODE_DIR/node_modules/edifact/parser.js" ]; then
    (cd "$NODE_DIR" && npm install --no-audit --no-fund --no-save edifact@1.2.12 < /dev/null > npm.log 2>&1) \
        || relais_die "npm install edifact failed (see $NODE_DIR/npm.log)"
fi

FILE="$WORK/orders-${MB}mb.edi"
"$BENCH" generate "$FILE" "$MB" > "$WORK/generate.txt"
field() { sed -nE "s/.*(^| )$1=([^ ]+).*/\2/p" <<< "$2"; }

relais_parse="$("$BENCH" parse "$FILE" "$RUNS")"
node_parse="$(NODE_PATH="$NODE_DIR/node_modules" node "$ROOT/tests/bench/edifact_node_parse.js" "$FILE" "$RUNS")"
to_pivot="$("$BENCH" to-pivot "$FILE" "$WORK/orders.pivot" "$RUNS")"
memory="$("$BENCH" memory 1)"

relais_mbs="$(field mb_per_s "$relais_parse")"
relais_cpu="$(field cpu_mb_per_s "$relais_parse")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

printf '\n== EDIFACT parse throughput (%s, %s bytes, %s messages; best of %s runs)\n' \
    "$(basename "$FILE")" "$(field bytes "$relais_parse")" "$(field messages "$relais_parse")" "$RUNS"
printf '  %-52s %8s MB/s wall clock, %8s MB/s of CPU time\n' "Relais reader (envelope + UNOC checks)" "$relais_mbs" "$relais_cpu"
for mode in segments events; do
    label="node-edifact 1.2.12, segment objects (README usage)"
    [ "$mode" = events ] && label="node-edifact 1.2.12, events only counted"
    n_mbs="$(field "${mode}_mb_per_s" "$node_parse")"
    n_cpu="$(field "${mode}_cpu_mb_per_s" "$node_parse")"
    printf '  %-52s %8s MB/s wall clock, %8s MB/s of CPU time: Relais %sx (wall), %sx (CPU)\n' \
        "$label" "$n_mbs" "$n_cpu" "$(ratio "$relais_mbs" "$n_mbs")" "$(ratio "$relais_cpu" "$n_cpu")"
done
printf '  %-52s %8s MB/s, %s messages/s\n' "ORDERS -> pivot file (edifact.to_pivot)" \
    "$(field mb_per_s "$to_pivot")" "$(field messages_per_s "$to_pivot")"
printf '  %-52s %8s KB peak RSS (%s KB before), %s s\n' "1 GB interchange read and mapped, no file" \
    "$(field max_rss_kb_after "$memory")" "$(field max_rss_kb_before "$memory")" "$(field seconds "$memory")"
printf '\nmachine: %s, %s cores; node %s; load average before/after: %s / %s\n' \
    "$(sed -nE 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)" "$(nproc)" "$(node --version)" \
    "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'command: tests/bench/edifact_parse.sh %s %s\n' "$MB" "$RUNS"
