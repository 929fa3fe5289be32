#!/usr/bin/env bash
# tools/nomenclatures/update.sh [VERSION]: refreshes engine/ws/nomenclature_lists.cpp,
# the INSEE commune codes and postal codes the PA services know (seed 2.2.1: a code
# not in the list falls back to the request's DisplayName), from the npm package
# @etalab/decoupage-administratif (default: the version the file was made from).
# Needs npm and node; the build does not: the generated file is committed.
# Communes change on 1 January of most years: run it then, build, run the tests
# (RELAIS_TEST_SUITES=ctest), commit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/engine/ws/nomenclature_lists.cpp"
VERSION="${1:-$(sed -n 's/^.* from @etalab\/decoupage-administratif \([0-9.]*\)$/\1/p' "$OUT" 2> /dev/null | head -n 1)}"
VERSION="${VERSION:-latest}"
for tool in npm node; do
    command -v "$tool" > /dev/null || { echo "update.sh: $tool is needed (Debian packages npm, nodejs)" >&2; exit 1; }
done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "@etalab/decoupage-administratif@$VERSION" > pack.txt)
tar -xzf "$WORK/$(tail -n 1 "$WORK/pack.txt")" -C "$WORK"
node "$ROOT/tools/nomenclatures/generate.mjs" "$WORK/package" "$OUT"
