# shellcheck shell=bash
# all.sh: source every installer library (used by installer/install.sh and tests/run.sh).
RELAIS_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=installer/lib/common.sh
. "$RELAIS_LIB_DIR/common.sh"
# shellcheck source=installer/lib/packages.sh
. "$RELAIS_LIB_DIR/packages.sh"
# shellcheck source=installer/lib/build.sh
. "$RELAIS_LIB_DIR/build.sh"
# shellcheck source=installer/lib/mariadb.sh
. "$RELAIS_LIB_DIR/mariadb.sh"
# shellcheck source=installer/lib/tls.sh
. "$RELAIS_LIB_DIR/tls.sh"
# shellcheck source=installer/lib/apache.sh
. "$RELAIS_LIB_DIR/apache.sh"
# shellcheck source=installer/lib/relais.sh
. "$RELAIS_LIB_DIR/relais.sh"
# shellcheck source=installer/lib/sage100.sh
. "$RELAIS_LIB_DIR/sage100.sh"
