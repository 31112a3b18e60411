#!/usr/bin/env bash
# A throwaway PostgreSQL server on a loopback port, for the team-catalog tests and bench.
#
#   .ci/postgres.sh start        prints SPECASSIST_TEST_PG_URL=… and SPECASSIST_TEST_PG_DIR=…
#   .ci/postgres.sh stop DIR     stops that server and deletes its files
#
# Uses Debian's server binaries (apt-get install postgresql) or any initdb on PATH. initdb
# refuses to run as root, so as root the server runs as the `postgres` user. The superuser's
# password is random and only in the printed URL; connections over the socket in DIR need
# none (only its owner, and root, can reach that folder).
set -euo pipefail

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
    echo "no PostgreSQL server binaries found (Debian: apt-get install -y postgresql)" >&2
    exit 1
}

as_server() {  # run a command as the user that owns the server
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local bin dir password port
    bin=$(find_bin)
    dir=$(mktemp -d /tmp/specassist-pg.XXXXXX)
    chmod 700 "$dir"
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" > "$dir/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi
    as_server "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -E UTF8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
    rm -f "$dir/pwfile"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null \
        || { cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
    as_server "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE specassist_test" >/dev/null
    echo "SPECASSIST_TEST_PG_URL=postgresql+psycopg://postgres:$password@127.0.0.1:$port/specassist_test"
    echo "SPECASSIST_TEST_PG_DIR=$dir"
}

stop() {
    local dir=${1:?usage: postgres.sh stop DIR}
    [ -d "$dir/data" ] || { echo "no server in $dir" >&2; exit 1; }
    as_server "$(find_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
