# shellcheck shell=bash
# sage100.sh: the emulated Sage 100 database (sql/sage100/) in the private
# MariaDB, and a private unixODBC configuration with a DSN reaching it through
# the MariaDB ODBC driver. The installer (demo) and tests/run.sh both use it.
#
# unixODBC reads its configuration from $ODBCSYSINI/odbcinst.ini (drivers) and
# $ODBCINI (data sources); pointing both at files of our own leaves
# /etc/odbc*.ini alone. Export the two variables to every process that
# connects (relaisd, the CLI, Apache): `relais_odbc_export DIR`.

# The MariaDB ODBC driver of Debian's odbc-mariadb package.
relais_odbc_mariadb_driver() {
    local so
    for so in /usr/lib/x86_64-linux-gnu/odbc/libmaodbc.so /usr/lib/aarch64-linux-gnu/odbc/libmaodbc.so; do
        [ -f "$so" ] && { printf '%s\n' "$so"; return 0; }
    done
    so="$(dpkg -L odbc-mariadb 2>/dev/null | grep '/libmaodbc\.so$' | head -n 1)"
    [ -n "$so" ] || relais_die "the MariaDB ODBC driver libmaodbc.so is missing (Debian package odbc-mariadb)"
    printf '%s\n' "$so"
}

# odbc_configure DIR DSN_NAME MARIADB_BASE DATABASE: write DIR/odbcinst.ini
# (the driver) and DIR/odbc.ini (DSN_NAME: the private server's socket and
# DATABASE, no credentials: the connector passes them). Rewritten each call.
relais_odbc_configure() {
    local dir="$1" dsn="$2" base="$3" db="$4" driver
    driver="$(relais_odbc_mariadb_driver)"
    mkdir -p "$dir"
    chmod 755 "$dir"
    cat > "$dir/odbcinst.ini.tmp.$$" <<INI
; unixODBC drivers for Relais, written by installer/lib/sage100.sh.
[MariaDB]
Description = MariaDB Connector/ODBC
Driver      = $driver
Threading   = 0
INI
    cat > "$dir/odbc.ini.tmp.$$" <<INI
; unixODBC data sources for Relais, written by installer/lib/sage100.sh.
; The emulated Sage 100 database in the private MariaDB.
[$dsn]
Description = Sage 100 (emulated) for Relais
Driver      = MariaDB
Socket      = $(relais_mariadb_socket "$base")
Database    = $db
Charset     = utf8mb4
INI
    chmod 644 "$dir/odbcinst.ini.tmp.$$" "$dir/odbc.ini.tmp.$$"
    mv -f "$dir/odbcinst.ini.tmp.$$" "$dir/odbcinst.ini"
    mv -f "$dir/odbc.ini.tmp.$$" "$dir/odbc.ini"
}

# odbc_export DIR: point unixODBC at DIR's files in this shell and its children.
relais_odbc_export() {
    export ODBCSYSINI="$1"
    export ODBCINI="$1/odbc.ini"
}

# sage100_sql_files ROOT: the scripts that make the emulated database, in order.
relais_sage100_sql_files() {
    printf '%s\n' "$1/sql/sage100/schema.sql" "$1/sql/sage100/relais_connector.sql" "$1/sql/sage100/demo.sql"
}

# sage100_load ROOT MARIADB_BASE DATABASE USER PASSWORD: create DATABASE and
# USER (relais_mariadb_create_database) and, when it has no Sage tables yet,
# load the emulated schema, the connector's tables and the demo data. Safe to
# run again: an existing Sage database is left as it is.
relais_sage100_load() {
    local root="$1" base="$2" db="$3" user="$4" password="$5" f
    relais_mariadb_create_database "$base" "$db" "$user" "$password"
    if [ -n "$(relais_mariadb_sql "$base" "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$db' AND TABLE_NAME = 'F_COMPTET'")" ]; then
        relais_log "Sage 100 database $db already loaded"
        return 0
    fi
    relais_log "loading the emulated Sage 100 database $db (sql/sage100)"
    while IFS= read -r f; do
        mariadb --no-defaults -S "$(relais_mariadb_socket "$base")" -u"$(relais_mariadb_admin_user)" "$db" < "$f" \
            || relais_die "loading $f into $db failed"
    done < <(relais_sage100_sql_files "$root")
}

# sage100_configure INI DSN USER PASSWORD_FILE EXPORT_DIR: the connector of
# the admin site's Sage page ([sage] section of INI, docs/sage100.md): the
# password file made readable by the web server's group (only), the exports in
# EXPORT_DIR (a shared directory), the demo company as own_gln.
relais_sage100_configure() {
    local ini="$1" dsn="$2" user="$3" pwfile="$4" export_dir="$5"
    chgrp "$(relais_web_group)" "$pwfile"
    chmod 640 "$pwfile"
    relais_make_shared_dir "$export_dir"
    printf '\n[sage]\ndsn = %s\nuser = %s\npassword_file = %s\nexport_dir = %s\nown_gln = 3012345000000\nown_name = LAITERIE DES ALPES\ngeneric_customer = CL99999999\n' \
        "$dsn" "$user" "$pwfile" "$export_dir" >> "$ini"
}
