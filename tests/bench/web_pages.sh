#!/usr/bin/env bash
# tests/bench/web_pages.sh: server time of the admin site's pages at scale (1,000,000 jobs
# and 10,000,000 log lines by default), through the real Apache + mod_php + extension:
#   1. loads the jobs with relais_ui_bench (as tests/bench/ui_queries.sh does);
#   2. starts a private Apache on that database and logs in one session per connection;
#   3. drives each page with wrk for SECONDS seconds on CONNECTIONS connections: the
#      dashboard, the job list filtered to 50 rows (status + flow, and partner), a job's
#      detail page;
#   4. prints per page: requests, wrk's latency percentiles, and the server time Apache
#      logged (%D) as p50 / p95 / max in ms.
# Everything runs under tests/.out/bench-web, stopped at the end.
# Usage: tests/bench/web_pages.sh [JOBS [LOG_LINES [SECONDS [CONNECTIONS]]]]
#        (default 1000000 10000000 30 4)
# RELAIS_BENCH_REUSE=1 keeps the loaded database for the next run, which then skips the
# load when it holds JOBS jobs. RELAIS_BENCH_PAGES=REGEX measures only the pages whose
# label matches (e.g. "job detail").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
# shellcheck source=tests/bench/ui_data.sh
. "$ROOT/tests/bench/ui_data.sh"
JOBS="${1:-1000000}"
LOGS="${2:-10000000}"
DURATION="${3:-30}"
CONNECTIONS="${4:-4}"
BASE="$ROOT/tests/.out/bench-web"
B="$ROOT/build/engine"
INI="$BASE/relais.ini"
ADMIN_PASSWORD="bench-admin-$(relais_random_hex 6)"
[ -n "${RELAIS_BENCH_REUSE:-}" ] || rm -rf "$BASE"
mkdir -p "$BASE"
chmod 755 "$BASE"
WEB_PORT="$(relais_free_port)"
cleanup() {
    relais_apache_stop "$BASE/web" || true
    relais_mariadb_stop "$BASE/mariadb" || true
}
trap cleanup EXIT

command -v wrk > /dev/null || relais_ensure_packages wrk
bench_ui_data "$ROOT" "$BASE" relais_web_bench "$JOBS" "$LOGS"
relais_make_shared_dir "$BASE/store"
relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
relais_build_extension "$ROOT" > /dev/null 2>&1 || relais_die "extension build failed (modules/relais.so)"
echo "== PHP $(php -r 'echo PHP_VERSION;'), $(apache2 -v | sed -n 's/^Server version: //p')"
if "$B/relais" --config "$INI" users list | grep -q '^benchadmin\b'; then
    printf '%s\n' "$ADMIN_PASSWORD" | "$B/relais" --config "$INI" users passwd benchadmin --password-stdin > /dev/null
else
    printf '%s\n' "$ADMIN_PASSWORD" | "$B/relais" --config "$INI" users add benchadmin --role admin --password-stdin > /dev/null
fi

relais_apache_configure "$ROOT" "$BASE/web" "$WEB_PORT" "$ROOT/modules/relais.so" "$INI" "$ROOT/webroot"
relais_apache_start "$BASE/web" "$WEB_PORT" 2> /dev/null
SITE="http://127.0.0.1:$WEB_PORT/index.php"
ACCESS_LOG="$BASE/web/log/apache-access.log"

# One session per connection: PHP locks a session for the length of a request, so
# connections sharing one would wait for each other.
: > "$BASE/cookies"
for ((i = 0; i < CONNECTIONS; i++)); do
    jar="$BASE/jar-$i"
    rm -f "$jar"
    token="$(curl -s -c "$jar" -b "$jar" "$SITE?page=login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "login=benchadmin" \
        --data-urlencode "password=$ADMIN_PASSWORD" "$SITE?page=login"
    awk '$6 == "RELAISSESSID" { print "RELAISSESSID=" $7 }' "$jar" >> "$BASE/cookies"
done
[ "$(grep -c . "$BASE/cookies")" = "$CONNECTIONS" ] || relais_die "could not log in $CONNECTIONS sessions (see $BASE/web/log/)"
cat > "$BASE/sessions.lua" <<'LUA'
-- Each wrk thread (one connection each) sends the cookie of its own session.
local cookies, n = {}, 0
for line in io.lines(os.getenv("WEB_BENCH_COOKIES")) do cookies[#cookies + 1] = line end
function setup(thread)
  n = n + 1
  thread:set("cookie", cookies[(n - 1) % #cookies + 1])
end
function init(args)
  wrk.headers["Cookie"] = cookie
end
LUA

# A job with its log lines, a job with 2,000 more (the page shows the newest 1,000, a
# level or an older page through Jobs::logPage), and a flow + status pair that fills a
# page of 50.
JOB_ID="$(relais_mariadb_sql "$BASE/mariadb" "SELECT job_id FROM relais_web_bench.job_log WHERE job_id >= $((JOBS / 2)) ORDER BY job_id LIMIT 1")"
LOG_LINES="$(relais_mariadb_sql "$BASE/mariadb" "SELECT COUNT(*) FROM relais_web_bench.job_log WHERE job_id = $JOB_ID")"
BIG_JOB=$((JOBS / 4))
relais_mariadb_sql "$BASE/mariadb" "
    INSERT INTO relais_web_bench.job_log (job_id, position, level, message)
    SELECT $BIG_JOB, 0, IF(seq % 50 = 0, 'warn', 'info'), CONCAT('bench line ', seq, ' of a talkative step') FROM relais_web_bench.seq_1_to_2000
    WHERE (SELECT COUNT(*) FROM relais_web_bench.job_log WHERE job_id = $BIG_JOB) < 2000"
BIG_LINES="$(relais_mariadb_sql "$BASE/mariadb" "SELECT COUNT(*) FROM relais_web_bench.job_log WHERE job_id = $BIG_JOB")"
BIG_OLDER="$(relais_mariadb_sql "$BASE/mariadb" "SELECT id FROM relais_web_bench.job_log WHERE job_id = $BIG_JOB ORDER BY id DESC LIMIT 1 OFFSET 999")"
PAGES=(
    "dashboard|page=dashboard"
    "jobs: failed of one flow, 50 rows|page=jobs&status=failed&flow=bench-flow-07&limit=50"
    "jobs: one partner, 50 rows|page=jobs&partner=partner-042&limit=50"
    "jobs: created on one day, 50 rows|page=jobs&from=$(date -u -d '30 days ago' +%Y-%m-%d)&to=$(date -u -d '30 days ago' +%Y-%m-%d)&limit=50"
    "job detail (#$JOB_ID, $LOG_LINES log lines)|page=job&id=$JOB_ID"
    "job detail (#$BIG_JOB, $BIG_LINES log lines; the page shows the newest 1,000)|page=job&id=$BIG_JOB"
    "job detail (#$BIG_JOB, its warn lines)|page=job&id=$BIG_JOB&level=warn"
    "job detail (#$BIG_JOB, the page of older lines)|page=job&id=$BIG_JOB&before=$BIG_OLDER"
)

# server_times: p50/p95/max in ms of the %D (microseconds, last field) of the 200s logged.
server_times() {
    awk '$(NF-2) == 200 { print $NF / 1000 }' "$ACCESS_LOG" | sort -n | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "no request logged"; exit }
            p50 = v[int(NR * 0.50 + 0.5) > 0 ? int(NR * 0.50 + 0.5) : 1]
            p95 = v[int(NR * 0.95 + 0.5) > 0 ? int(NR * 0.95 + 0.5) : 1]
            printf "server time p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)\n", p50, p95, v[NR], NR
        }'
}

echo "== $DURATION s per page, $CONNECTIONS connections (one session each), wrk; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for entry in "${PAGES[@]}"; do
    label="${entry%%|*}"
    query="${entry#*|}"
    [[ "$label" =~ ${RELAIS_BENCH_PAGES:-.} ]] || continue
    url="$SITE?$query"
    status="$(curl -s -o "$BASE/page.html" -w '%{http_code}' -b "$BASE/jar-0" "$url")"
    [ "$status" = 200 ] || relais_die "$label answered $status: $url"
    rows="$(grep -c 'data-job-id=' "$BASE/page.html" || true)"
    # Warm-up, then a clean log for the measured run.
    WEB_BENCH_COOKIES="$BASE/cookies" wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d 3s -s "$BASE/sessions.lua" "$url" > /dev/null
    : > "$ACCESS_LOG"
    echo "-- $label ($rows job rows): $url"
    WEB_BENCH_COOKIES="$BASE/cookies" wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${DURATION}s" --latency -s "$BASE/sessions.lua" "$url" \
        | awk '/Requests\/sec|^ +(50|75|90|99)%|requests in|Non-2xx/ { sub(/^ +/, "   "); print }'
    printf '   %s\n' "$(server_times)"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2016 # the quotes are printed; the variable is expanded
echo "command: ${RELAIS_BENCH_PAGES:+RELAIS_BENCH_PAGES='$RELAIS_BENCH_PAGES' }tests/bench/web_pages.sh $JOBS $LOGS $DURATION $CONNECTIONS"
