# shellcheck shell=bash
# mariadb.sh: a private MariaDB server (own data directory, socket and port on
# 127.0.0.1), and creating a database with its own user.
#
# Layout for a BASE directory:
#   BASE/data           data directory (private to the server)
#   BASE/run/mariadb.sock, BASE/run/mariadb.pid   (run/ is world-traversable
#                       so that Apache workers running as www-data reach the socket)
#   BASE/log/mariadb.log
#
# The administrator account is the invoking Unix user, authenticated by the
# unix_socket plugin: no password exists that a web page could steal.

relais_mariadb_socket() { printf '%s/run/mariadb.sock\n' "$1"; }
relais_mariadb_pidfile() { printf '%s/run/mariadb.pid\n' "$1"; }
relais_mariadb_admin_user() { id -un; }

# mariadb_init BASE: create the data directory once.
relais_mariadb_init() {
    local base="$1" user_args=()
    mkdir -p "$base/data" "$base/run" "$base/log"
    chmod 755 "$base" "$base/run"
    if [ -d "$base/data/mysql" ]; then
        return 0
    fi
    relais_is_root && user_args=(--user=root)
    relais_log "initialising MariaDB data directory $base/data"
    mariadb-install-db --no-defaults --datadir="$base/data" "${user_args[@]}" \
        --auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" \
        --skip-test-db > "$base/log/mariadb-install.log" 2>&1 \
        || relais_die "mariadb-install-db failed, see $base/log/mariadb-install.log"
}

# mariadb_start BASE PORT [EXTRA_SERVER_OPTION...]: start the server if it is not
# running, and wait until it answers on its socket (up to 60 s).
relais_mariadb_start() {
    local base="$1" port="$2" sock pidfile user_args=() i
    shift 2
    sock="$(relais_mariadb_socket "$base")"
    pidfile="$(relais_mariadb_pidfile "$base")"
    if [ "${#sock}" -gt 100 ]; then
        relais_die "MariaDB socket path too long for a Unix socket (${#sock} > 100): $sock"
    fi
    relais_mariadb_init "$base"
    if relais_pid_alive "$pidfile" mariadbd; then
        relais_log "MariaDB already running (pid $(cat "$pidfile"), socket $sock)"
        return 0
    fi
    if relais_port_in_use "$port"; then
        relais_die "cannot start MariaDB: port 127.0.0.1:$port is already in use (choose another with --db-port)"
    fi
    command -v mariadbd > /dev/null 2>&1 || relais_die "mariadbd not found (Debian package mariadb-server)"
    relais_is_root && user_args=(--user=root)
    rm -f "$sock"
    relais_log "starting MariaDB on 127.0.0.1:$port (socket $sock)"
    setsid mariadbd --no-defaults --datadir="$base/data" --socket="$sock" --port="$port" \
        --bind-address=127.0.0.1 --pid-file="$pidfile" --log-error="$base/log/mariadb.log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        "${user_args[@]}" "$@" < /dev/null > "$base/log/mariadbd.out" 2>&1 &
    for ((i = 0; i < 600; i++)); do
        if [ -S "$sock" ] && relais_mariadb_sql "$base" 'SELECT 1' > /dev/null 2>&1; then
            chmod 777 "$sock" 2>/dev/null || true
            return 0
        fi
        if ! kill -0 "$!" 2>/dev/null && ! relais_pid_alive "$pidfile" mariadbd; then
            tail -n 20 "$base/log/mariadbd.out" "$base/log/mariadb.log" >&2 2>/dev/null || true
            relais_die "MariaDB exited during start-up, see $base/log/mariadb.log and $base/log/mariadbd.out"
        fi
        sleep 0.1
    done
    relais_die "MariaDB did not answer on $sock within 60s, see $base/log/mariadb.log"
}

# mariadb_stop BASE: stop the server started by mariadb_start.
relais_mariadb_stop() {
    local base="$1"
    if relais_pid_alive "$(relais_mariadb_pidfile "$base")" mariadbd; then
        relais_log "stopping MariaDB ($base)"
    fi
    relais_stop_pidfile "$(relais_mariadb_pidfile "$base")" mariadbd 60
}

# mariadb_sql BASE SQL: run SQL as the administrator, batch output on stdout.
relais_mariadb_sql() {
    mariadb --no-defaults -S "$(relais_mariadb_socket "$1")" -u"$(relais_mariadb_admin_user)" \
        --batch --skip-column-names -e "$2"
}

# mariadb_create_database BASE DB USER PASSWORD: create DB and USER (idempotent);
# the user's password is (re)set to PASSWORD and it gets every right on DB only.
relais_mariadb_create_database() {
    local base="$1" db="$2" user="$3" password="$4"
    case "$db$user$password" in
        *[!A-Za-z0-9_]*) relais_die "database, user and password may only hold letters, digits and _" ;;
    esac
    relais_mariadb_sql "$base" "
        CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
        CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
        ALTER USER '$user'@'localhost' IDENTIFIED BY '$password';
        ALTER USER '$user'@'127.0.0.1' IDENTIFIED BY '$password';
        GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'localhost';
        GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'127.0.0.1';
        FLUSH PRIVILEGES;" \
        || relais_die "could not create database $db and user $user"
}

# mariadb_drop_database BASE DB USER: the reverse, for tests.
relais_mariadb_drop_database() {
    relais_mariadb_sql "$1" "
        DROP DATABASE IF EXISTS \`$2\`;
        DROP USER IF EXISTS '$3'@'localhost';
        DROP USER IF EXISTS '$3'@'127.0.0.1';"
}

# mariadb_admin_dsn BASE: a DSN with rights to create and drop databases.
relais_mariadb_admin_dsn() {
    printf 'mariadb://%s@localhost/?socket=%s\n' "$(relais_mariadb_admin_user)" "$(relais_mariadb_socket "$1")"
}
