#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the test suite (CI and developers).
#
#   eval "$(bash tools/start_postgres.sh)"     # starts it, exports VANBAN_TEST_PG_URL and VANBAN_TEST_PG_DIR
#   bash tools/start_postgres.sh --stop          # stops the one named by VANBAN_TEST_PG_DIR and removes its files
#
# Installs postgresql with apt-get when no server binaries are found (CI runs as
# root on Debian), initialises a cluster in a temporary directory, starts it on a
# free loopback port (as the postgres user when run as root), creates the
# database vanban_test and prints the export lines on stdout; everything else
# goes to stderr.
set -euo pipefail

log() { echo "start_postgres: $*" >&2; }

pg_bindir() {
    local ctl
    ctl=$(ls -1 /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$ctl" ] && command -v pg_ctl >/dev/null 2>&1; then ctl=$(command -v pg_ctl); fi
    [ -n "$ctl" ] && dirname "$ctl"
}

as_pg() {
    if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "--stop" ]; then
    dir=${VANBAN_TEST_PG_DIR:-${2:-}}
    [ -n "$dir" ] || { log "VANBAN_TEST_PG_DIR is not set"; exit 2; }
    bin=$(pg_bindir)
    if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true; fi
    rm -rf "$dir"
    exit 0
fi

bin=$(pg_bindir || true)
if [ -z "$bin" ]; then
    log "installing postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(pg_bindir)
fi
[ -n "$bin" ] || { log "no PostgreSQL server binaries found"; exit 1; }

if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/vanban-pg.XXXXXX")
chmod 755 "$dir"
if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres vanban_test >&2

log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
echo "export VANBAN_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/vanban_test"
echo "export VANBAN_TEST_PG_DIR=$dir"
