# shellcheck shell=bash
# apache.sh: a private Apache httpd with mod_php serving webroot/, on 127.0.0.1.
#
# Layout for a BASE directory:
#   BASE/apache/httpd.conf, BASE/apache/php.ini   generated configuration
#   BASE/run/httpd.pid                             Apache's pid file, mutexes
#   BASE/log/apache-{error,access}.log, BASE/log/php-error.log
#   BASE/sessions, BASE/tmp/uploads                PHP sessions and uploads (web user only)
# Workers run as www-data when started by root (Apache refuses root workers).

relais_apache_pidfile() { printf '%s/run/httpd.pid\n' "$1"; }

# apache_configure ROOT BASE PORT EXTENSION_SO RELAIS_INI DOCROOT: write the php.ini
# and httpd.conf for an instance listening on 127.0.0.1:PORT.
relais_apache_configure() {
    local root="$1" base="$2" port="$3" so="$4" ini="$5" docroot="$6"
    local web_user web_group user_block="" path
    web_user="$(relais_web_user)"
    web_group="$(relais_web_group)"
    mkdir -p "$base/apache" "$base/run" "$base/log" "$base/sessions" "$base/tmp/uploads"
    chmod 755 "$base" "$base/apache" "$base/run" "$base/log"
    # Sessions and upload temp files are private to the web user.
    chown "$web_user:$web_group" "$base/sessions" "$base/tmp/uploads"
    chmod 700 "$base/sessions" "$base/tmp/uploads"
    chmod 755 "$base/tmp"
    touch "$base/log/php-error.log"
    chown "$web_user:$web_group" "$base/log/php-error.log"
    chmod 640 "$base/log/php-error.log"
    if relais_is_root; then
        user_block="User $web_user
Group $web_group"
    fi
    relais_render_template "$root/installer/apache/php.ini.in" "$base/apache/php.ini" \
        LOG_DIR="$base/log" UPLOAD_DIR="$base/tmp/uploads" EXTENSION="$so" \
        RELAIS_INI="$ini" SESSION_DIR="$base/sessions"
    relais_render_template "$root/installer/apache/httpd.conf.in" "$base/apache/httpd.conf" \
        LISTEN="127.0.0.1:$port" RUN_DIR="$base/run" LOG_DIR="$base/log" \
        PHP_INI_DIR="$base/apache" DOCROOT="$docroot" USER_BLOCK="$user_block"
    chmod 644 "$base/apache/php.ini" "$base/apache/httpd.conf"
    for path in "$docroot" "$so" "$ini" "$base/apache/php.ini"; do
        relais_web_user_can_read "$path" \
            || relais_die "the web server account ($web_user) cannot read $path: make its parent directories traversable (chmod o+x) or install elsewhere"
    done
}

# apache_run BASE ARG...: run apache2 on our config, with the APACHE_* variables
# Debian's apache2 expects set to our private directories.
relais_apache_run() {
    local base="$1"
    shift
    env APACHE_RUN_DIR="$base/run" APACHE_LOCK_DIR="$base/run" APACHE_PID_FILE="$base/run/httpd.pid" \
        APACHE_LOG_DIR="$base/log" APACHE_RUN_USER="$(relais_web_user)" APACHE_RUN_GROUP="$(relais_web_group)" \
        LANG=C apache2 -f "$base/apache/httpd.conf" "$@"
}

# apache_start BASE PORT: start (or restart, to pick up a new config) the
# instance and wait until it accepts connections.
relais_apache_start() {
    local base="$1" port="$2" pidfile i
    pidfile="$(relais_apache_pidfile "$base")"
    relais_apache_run "$base" -t > "$base/log/apache-configtest.log" 2>&1 \
        || { cat "$base/log/apache-configtest.log" >&2; relais_die "Apache configuration test failed: $base/apache/httpd.conf"; }
    if relais_pid_alive "$pidfile" apache2; then
        relais_log "restarting Apache on http://127.0.0.1:$port/ (graceful)"
        relais_apache_run "$base" -k graceful < /dev/null >&2 || relais_die "Apache graceful restart failed, see $base/log/apache-error.log"
    else
        if relais_port_in_use "$port"; then
            relais_die "cannot start Apache: port 127.0.0.1:$port is already in use (choose another with --port)"
        fi
        relais_log "starting Apache on http://127.0.0.1:$port/"
        relais_apache_run "$base" -k start < /dev/null >&2 || relais_die "Apache failed to start, see $base/log/apache-error.log"
    fi
    relais_wait_for_port "$port" 30 || relais_die "Apache is not listening on 127.0.0.1:$port after 30s, see $base/log/apache-error.log"
    # Apache listens before it writes its pid file; stopping needs the pid file.
    for ((i = 0; i < 100; i++)); do
        relais_pid_alive "$pidfile" apache2 && return 0
        sleep 0.1
    done
    relais_die "Apache wrote no pid file $pidfile, see $base/log/apache-error.log"
}

# apache_stop BASE: stop the instance and wait until its parent process is gone
# (Apache removes its pid file before it has finished exiting).
relais_apache_stop() {
    local base="$1" pidfile pid i
    pidfile="$(relais_apache_pidfile "$base")"
    relais_pid_alive "$pidfile" apache2 || { rm -f "$pidfile"; return 0; }
    pid="$(tr -dc '0-9' < "$pidfile")"
    relais_log "stopping Apache ($base)"
    relais_apache_run "$base" -k stop < /dev/null >&2 || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
        sleep 0.1
    done
    relais_warn "Apache (pid $pid) did not stop within 15s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

# apache_enable_tls ROOT BASE TLS_PORT CERT KEY CLIENT_CA: add an HTTPS listener on
# 127.0.0.1:TLS_PORT to an instance made by apache_configure, asking browsers for a client
# certificate (optional) checked against CLIENT_CA (login by CPS card). Start or restart
# the instance afterwards.
relais_apache_enable_tls() {
    local root="$1" base="$2" port="$3" cert="$4" key="$5" ca="$6"
    relais_render_template "$root/installer/apache/tls.conf.in" "$base/apache/tls.conf" \
        LISTEN_TLS="127.0.0.1:$port" RUN_DIR="$base/run" CERT="$cert" KEY="$key" CLIENT_CA="$ca"
    chmod 644 "$base/apache/tls.conf"
    grep -q '^Include .*/tls.conf"$' "$base/apache/httpd.conf" \
        || printf 'Include "%s/apache/tls.conf"\n' "$base" >> "$base/apache/httpd.conf"
}
