# shellcheck shell=bash
# relais.sh: the Relais configuration file, the content store and outbox
# directories, the CLI and the relaisd daemon.

# write_ini FILE DSN STORE NODE [MIGRATIONS_DIR] [LOG_LEVEL]: write the shared
# INI file, readable by root and the web server's group only (it holds the
# database password).
relais_write_ini() {
    local file="$1" dsn="$2" store="$3" node="$4" migrations="${5:-}" level="${6:-info}"
    mkdir -p "$(dirname "$file")"
    (
        umask 077
        {
            printf '; Relais configuration, written by the Relais installer on %s.\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
            printf '; See docs/configuration.md for every setting.\n\n'
            printf '[database]\n'
            printf 'dsn = %s\n' "$dsn"
            [ -n "$migrations" ] && printf 'migrations = %s\n' "$migrations"
            printf '\n[store]\npath = %s\n' "$store"
            printf '\n[engine]\nnode = %s\nworkers = 4\npoll_interval_ms = 200\n' "$node"
            printf '\n[log]\nlevel = %s\n' "$level"
        } > "$file.tmp.$$"
    )
    chgrp "$(relais_web_group)" "$file.tmp.$$"
    chmod 640 "$file.tmp.$$"
    mv -f "$file.tmp.$$" "$file"
}

# ini_get FILE SECTION KEY: print the value of KEY in [SECTION] (empty if absent).
relais_ini_get() {
    local file="$1" section="$2" key="$3"
    [ -r "$file" ] || return 0
    awk -v want="[$section]" -v key="$key" '
        /^[[:space:]]*\[/ { gsub(/[[:space:]]/, ""); cur = $0; next }
        cur == want {
            line = $0
            sub(/^[[:space:]]+/, "", line)
            if (index(line, key) == 1) {
                rest = substr(line, length(key) + 1)
                if (rest ~ /^[[:space:]]*=/) {
                    sub(/^[[:space:]]*=[[:space:]]*/, "", rest)
                    sub(/[[:space:]]+$/, "", rest)
                    print rest
                    exit
                }
            }
        }' "$file"
}

# dsn_password DSN: the password part of mariadb://USER:PASSWORD@HOST/...
relais_dsn_password() {
    local rest="${1#*://}"
    rest="${rest%%@*}"
    case "$rest" in
        *:*) printf '%s\n' "${rest#*:}" ;;
        *) printf '\n' ;;
    esac
}

# make_shared_dir DIR: a directory both relaisd (the invoking user) and the web
# workers write: owned by the web user, group-writable, setgid so new
# subdirectories keep the group.
relais_make_shared_dir() {
    mkdir -p "$1"
    chown "$(relais_web_user):$(relais_web_group)" "$1"
    chmod 2775 "$1"
}

# daemon_start BIN INI PIDFILE LOGFILE: start the daemon in the background
# (own session, so it outlives the shell), and check it is still up 1 s later.
relais_daemon_start() {
    local bin="$1" ini="$2" pidfile="$3" logfile="$4" pid i
    if relais_pid_alive "$pidfile" relaisd; then
        relais_log "relaisd already running (pid $(cat "$pidfile")); restarting it to pick up changes"
        relais_stop_pidfile "$pidfile" relaisd 30
    fi
    mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
    relais_log "starting relaisd (log $logfile)"
    # umask 002: files relaisd creates in the shared store stay writable by the
    # web server's group.
    (umask 002; exec setsid "$bin" --config "$ini" --pid-file "$pidfile" < /dev/null >> "$logfile" 2>&1) &
    pid=$!
    printf '%s\n' "$pid" > "$pidfile"
    for ((i = 0; i < 10; i++)); do
        sleep 0.1
        kill -0 "$pid" 2>/dev/null || break
    done
    if ! kill -0 "$pid" 2>/dev/null; then
        tail -n 20 "$logfile" >&2 || true
        relais_die "relaisd exited right after start, see $logfile"
    fi
    printf '%s\n' "$pid" > "$pidfile"
}

relais_daemon_stop() {
    local pidfile="$1"
    if relais_pid_alive "$pidfile" relaisd; then
        relais_log "stopping relaisd (pid $(cat "$pidfile"))"
    fi
    relais_stop_pidfile "$pidfile" relaisd 30
}

# user_exists CLI INI LOGIN: true when `relais users list --json` names LOGIN.
relais_user_exists() {
    local cli="$1" ini="$2" login="$3" json
    json="$("$cli" --config "$ini" users list --json 2>/dev/null)" || return 1
    # shellcheck disable=SC2016 # PHP code, not shell
    printf '%s' "$json" | RELAIS_LOGIN="$login" php -r '
        $d = json_decode(stream_get_contents(STDIN), true);
        if (!is_array($d)) exit(1);
        if (isset($d["users"]) && is_array($d["users"])) $d = $d["users"];
        foreach ($d as $u) if (is_array($u) && ($u["login"] ?? null) === getenv("RELAIS_LOGIN")) exit(0);
        exit(1);'
}
