# shellcheck shell=bash
# packages.sh: the Debian packages Relais needs, and installing the missing ones.

# What the engine, the extension and the admin site need to build and run.
# shellcheck disable=SC2034 # used by install.sh and tests/run.sh
RELAIS_PACKAGES_BUILD=(
    cmake g++ make pkg-config
    php8.2-dev php8.2-cli php8.2-xml php8.2-mbstring php8.2-soap php8.2-mysql
    libmariadb-dev unixodbc-dev libxml2-dev
    libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
    libcli11-dev libgtest-dev libgmock-dev libcrypt-dev libcctz-dev tzdata php-parser
)
# The curl, gd and ldap PHP modules are prerequisites the System page checks
# (Use it Flow 7, 2.2.2); openssl makes the HTTPS listener's certificates.
# shellcheck disable=SC2034
RELAIS_PACKAGES_RUNTIME=(
    apache2 libapache2-mod-php8.2 mariadb-server mariadb-client
    unixodbc odbc-mariadb openssl php8.2-curl php8.2-gd php8.2-ldap
)
# Only the test suite needs these (browser tests; clang and its libFuzzer run the
# EDIFACT reader's fuzzer; gSOAP generates a SOAP client from the served WSDL).
# shellcheck disable=SC2034
RELAIS_PACKAGES_TEST=(
    chromium nodejs npm clang libclang-rt-14-dev gsoap libgsoap-dev
)

# package_installed NAME: true when dpkg has NAME fully installed.
relais_package_installed() {
    dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_packages NAME...: install the packages of the list that are missing.
# nodejs/npm are special: they are often installed outside apt (nodesource, nvm),
# so `command -v` decides for them. As a non-root user, print what is missing
# and stop.
relais_ensure_packages() {
    local pkg missing=()
    for pkg in "$@"; do
        case "$pkg" in
            nodejs) command -v node >/dev/null 2>&1 && continue ;;
            npm)    command -v npm  >/dev/null 2>&1 && continue ;;
        esac
        relais_package_installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        relais_log "Debian packages: all ${#} present"
        return 0
    fi
    if ! relais_is_root; then
        relais_die "missing Debian packages (run as root, or install them first): apt-get install ${missing[*]}"
    fi
    relais_log "installing Debian packages: ${missing[*]}"
    if [ -z "${RELAIS_APT_UPDATED:-}" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 \
            || relais_die "apt-get update failed"
        RELAIS_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
        || relais_die "apt-get install failed for: ${missing[*]}"
    # Debian starts the services it installs; Relais runs private instances, so
    # leave the system-wide ones as they were before only when we just installed them.
    for pkg in "${missing[@]}"; do
        case "$pkg" in
            mariadb-server) relais_stop_system_service mariadb ;;
            apache2)        relais_stop_system_service apache2 ;;
        esac
    done
}

# The system-wide services a fresh package install may have started would hold
# ports 3306/80; stop them (only right after we installed them).
relais_stop_system_service() {
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        systemctl stop "$1" >/dev/null 2>&1 || true
    elif command -v service >/dev/null 2>&1; then
        service "$1" stop >/dev/null 2>&1 || true
    fi
}
