# shellcheck shell=bash
# common.sh: logging, errors, random secrets, process and port helpers shared by
# installer/install.sh and tests/run.sh. Sourced, never executed.

# mariadbd and apache2 live in /usr/sbin, which an unprivileged user's PATH
# often lacks on Debian.
case ":$PATH:" in
    *:/usr/sbin:*) ;;
    *) PATH="$PATH:/usr/sbin:/sbin" ;;
esac

# Messages go to stderr so that functions can return values on stdout.
relais_log()  { printf '[relais] %s\n' "$*" >&2; }
relais_warn() { printf '[relais] warning: %s\n' "$*" >&2; }
relais_die()  { printf '[relais] error: %s\n' "$*" >&2; exit 1; }

relais_is_root() { [ "$(id -u)" -eq 0 ]; }

# The repository root: the directory above installer/.
relais_repo_root() {
    (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}

# random_hex [BYTES]: a lowercase hex string from /dev/urandom (default 16 bytes).
relais_random_hex() {
    od -An -tx1 -N"${1:-16}" /dev/urandom | tr -d ' \n'
}

# render_template IN OUT KEY=VALUE...: copy IN to OUT replacing every @KEY@ with VALUE.
# Plain string replacement (no sed), so values may hold any character.
relais_render_template() {
    local in="$1" out="$2" content pair key value
    shift 2
    [ -r "$in" ] || relais_die "template not found: $in"
    content="$(cat "$in")"
    for pair in "$@"; do
        key="${pair%%=*}"
        value="${pair#*=}"
        content="${content//"@${key}@"/"$value"}"
    done
    printf '%s\n' "$content" > "$out.tmp.$$"
    mv -f "$out.tmp.$$" "$out"
}

# pid_alive PIDFILE [COMM]: true when PIDFILE names a live process (whose command
# name is COMM, when given, so that a recycled pid is never mistaken for ours).
relais_pid_alive() {
    local pidfile="$1" comm="${2:-}" pid
    [ -s "$pidfile" ] || return 1
    pid="$(tr -dc '0-9' < "$pidfile")"
    [ -n "$pid" ] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [ -n "$comm" ] && [ -r "/proc/$pid/comm" ]; then
        [ "$(cat "/proc/$pid/comm")" = "$comm" ] || return 1
    fi
    return 0
}

# stop_pidfile PIDFILE COMM [SECONDS]: SIGTERM the process named in PIDFILE, wait
# up to SECONDS (default 30) for it to exit, then SIGKILL it. Removes PIDFILE.
relais_stop_pidfile() {
    local pidfile="$1" comm="$2" seconds="${3:-30}" pid i
    if ! relais_pid_alive "$pidfile" "$comm"; then
        rm -f "$pidfile"
        return 0
    fi
    pid="$(tr -dc '0-9' < "$pidfile")"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < seconds * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        relais_warn "$comm (pid $pid) did not stop within ${seconds}s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
    rm -f "$pidfile"
}

# port_in_use PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
relais_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port: print a loopback TCP port that nothing listens on. Asks the kernel
# (python3) when available, otherwise probes random high ports.
relais_free_port() {
    local port i
    if command -v python3 >/dev/null 2>&1; then
        port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || true)"
        if [ -n "$port" ] && ! relais_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    fi
    for ((i = 0; i < 200; i++)); do
        port=$((20000 + RANDOM % 30000))
        if ! relais_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    relais_die "no free loopback port found"
}

# wait_for_port PORT SECONDS: wait until 127.0.0.1:PORT accepts connections.
relais_wait_for_port() {
    local port="$1" seconds="$2" i
    for ((i = 0; i < seconds * 10; i++)); do
        relais_port_in_use "$port" && return 0
        sleep 0.1
    done
    return 1
}

# web_user / web_group: the account Apache workers run as. Only root can switch
# to www-data; an unprivileged install runs Apache as the invoking user.
relais_web_user() {
    if relais_is_root; then printf 'www-data\n'; else id -un; fi
}
relais_web_group() {
    if relais_is_root; then printf 'www-data\n'; else id -gn; fi
}

# can_web_user_read PATH: true when the Apache workers' account can read PATH
# (every parent directory must be traversable).
relais_web_user_can_read() {
    if relais_is_root; then
        runuser -u www-data -- test -r "$1"
    else
        test -r "$1"
    fi
}
