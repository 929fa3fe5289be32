# shellcheck shell=bash
# ui_data.sh: the data set of the UI benchmarks (tests/bench/ui_queries.sh, web_pages.sh):
# a private MariaDB holding JOBS jobs over 90 days and LOGS log lines, loaded by
# relais_ui_bench with INSERT ... SELECT. Sourced after installer/lib/all.sh.

# bench_ui_data ROOT BASE DATABASE JOBS LOGS: starts a MariaDB under BASE/mariadb (the
# whole data set fits its buffer pool, as it should on a server), makes DATABASE with its
# own user, writes BASE/relais.ini for it, migrates, and loads the jobs unless it already
# holds exactly JOBS (with RELAIS_BENCH_REUSE). Prints the machine and the data.
# The caller stops BASE/mariadb (relais_mariadb_stop) when done.
bench_ui_data() {
    local root="$1" base="$2" db="$3" jobs="$4" logs="$5" password have started
    mkdir -p "$base"
    relais_build_engine "$root" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
    # A bigger redo log and a lazy flush only speed up the load.
    relais_mariadb_start "$base/mariadb" "$(relais_free_port)" --innodb-buffer-pool-size=4G \
        --innodb-log-file-size=1G --innodb-flush-log-at-trx-commit=2
    [ -f "$base/db-password" ] || relais_random_hex 16 > "$base/db-password"
    password="$(cat "$base/db-password")"
    relais_mariadb_create_database "$base/mariadb" "$db" "$db" "$password"
    relais_write_ini "$base/relais.ini" \
        "mariadb://$db:$password@localhost/$db?socket=$(relais_mariadb_socket "$base/mariadb")" \
        "$base/store" "$db" "$root/sql/mariadb" warn
    "$root/build/engine/relais" --config "$base/relais.ini" migrate > /dev/null
    echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM," \
        "MariaDB $(relais_mariadb_sql "$base/mariadb" 'SELECT VERSION()'), $(uname -r)"
    have="$(relais_mariadb_sql "$base/mariadb" "SELECT COUNT(*) FROM $db.job")"
    if [ "$have" != "$jobs" ]; then
        [ "$have" = 0 ] || relais_die "$base holds $have jobs, not $jobs: run without RELAIS_BENCH_REUSE to start afresh"
        echo "== loading $jobs jobs and $logs log lines"
        started=$SECONDS
        "$root/build/engine/bench/relais_ui_bench" --config "$base/relais.ini" load --jobs "$jobs" --logs "$logs"
        echo "   loaded in $((SECONDS - started)) s"
    fi
    relais_mariadb_sql "$base/mariadb" "
        SELECT CONCAT('== data: ', (SELECT COUNT(*) FROM $db.job), ' jobs, ',
                      (SELECT COUNT(*) FROM $db.document), ' documents, ',
                      (SELECT COUNT(*) FROM $db.job_step), ' steps, ',
                      (SELECT COUNT(*) FROM $db.job_log), ' log lines, ',
                      ROUND((SELECT SUM(data_length + index_length) FROM information_schema.tables
                             WHERE table_schema = '$db') / 1073741824, 1), ' GiB')"
}
