#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests, outside the repository.
#
#   eval "$(scripts/postgres.sh start)"   # prints `export DATABASE_URL=...`
#   scripts/postgres.sh stop              # stops it by pid and deletes its directory
#   scripts/postgres.sh url               # prints DATABASE_URL of the running cluster
#   scripts/postgres.sh restart           # stops and starts it again, same data and port
#
# Listens only on 127.0.0.1 (first free port from $PG_PORT, default 54329), trust auth,
# runs as the `postgres` user (or `nobody`) when started by root, fsync off (tests only).
# Directory: $KT_PG_DIR, default ${TMPDIR:-/tmp}/kt-postgres-<hash of the repo path>.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KT_PG_DIR:-${TMPDIR:-/tmp}/kt-postgres-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}"
DATA="$STATE/data"
PIDFILE="$STATE/postgres.pid"
URLFILE="$STATE/database_url"
DBNAME="${PG_DBNAME:-kt}"

log() { printf '[postgres] %s\n' "$*" >&2; }

pg_bin() {
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$d" ] && [ -x "$d/initdb" ] || { log "ERROR: no PostgreSQL binaries under /usr/lib/postgresql"; exit 1; }
    printf '%s' "$d"
}

RUNAS=()
OWNER="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then OWNER=postgres; else OWNER=nobody; fi
    RUNAS=(runuser -u "$OWNER" --)
fi
as_owner() { (cd "$STATE" && "${RUNAS[@]}" "$@"); }


running_pid() { pid_of "$PIDFILE" postgres; }

cmd_start() {
    local pid
    pid="$(running_pid)"
    if [ -n "$pid" ]; then
        log "already running (pid $pid)"
        echo "export DATABASE_URL=$(cat "$URLFILE")"
        return 0
    fi
    local bin port
    bin="$(pg_bin)"
    rm -rf "$STATE"
    mkdir -p "$STATE"
    chmod 700 "$STATE"
    [ "$OWNER" = "$(id -un)" ] || chown "$OWNER" "$STATE"
    port="$(free_port "${PG_PORT:-54329}")"

    as_owner "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 ||
        { cat "$STATE/initdb.log" >&2; exit 1; }
    cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$STATE'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF
    # Loopback only, trust: nothing but this machine can reach it.
    cat >"$DATA/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$STATE/server.log" -w -t 60 start >/dev/null ||
        { cat "$STATE/server.log" >&2; exit 1; }
    head -n 1 "$DATA/postmaster.pid" >"$PIDFILE"
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DBNAME"
    local url="postgres://postgres@127.0.0.1:$port/$DBNAME"
    printf '%s\n' "$url" >"$URLFILE"
    log "started pid $(cat "$PIDFILE") on 127.0.0.1:$port in $STATE"
    echo "export DATABASE_URL=$url"
}

cmd_stop() {
    local pid
    pid="$(running_pid)"
    if [ -z "$pid" ]; then
        log "not running"
        rm -rf "$STATE"
        return 0
    fi
    as_owner "$(pg_bin)/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid still alive; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
    fi
    if kill -0 "$pid" 2>/dev/null; then
        log "ERROR: could not stop pid $pid"
        exit 1
    fi
    rm -rf "$STATE"
    log "stopped pid $pid"
}

# A restart as an operator does one (or a failover looks to the app): every open connection
# is cut, the data stays.
cmd_restart() {
    [ -n "$(running_pid)" ] || { log "ERROR: not running"; exit 1; }
    as_owner "$(pg_bin)/pg_ctl" -D "$DATA" -l "$STATE/server.log" -m fast -w -t 60 restart >/dev/null ||
        { tail -n 20 "$STATE/server.log" >&2; exit 1; }
    head -n 1 "$DATA/postmaster.pid" >"$PIDFILE"
    log "restarted: pid $(cat "$PIDFILE")"
}

case "${1:-}" in
    start) cmd_start ;;
    restart) cmd_restart ;;
    stop) cmd_stop ;;
    url) [ -n "$(running_pid)" ] && cat "$URLFILE" || { log "not running"; exit 1; } ;;
    *) echo "usage: $0 start|stop|restart|url" >&2; exit 2 ;;
esac
