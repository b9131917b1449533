#!/usr/bin/env bash
# A throw-away Redis for the shared cache, outside the repository (Debian's redis-server, run as
# a process of ours: its package starts no service here).
#
#   scripts/redis.sh start    # prints `export REDIS_URL=redis://127.0.0.1:PORT/0`
#   scripts/redis.sh stop     # stops it by pid and deletes its directory
#   scripts/redis.sh pause    # stops it by pid, keeps its directory (and so its port)
#   scripts/redis.sh resume   # starts it again on the same port after `pause`
#   scripts/redis.sh url      # prints REDIS_URL of the running server
#
# Listens only on 127.0.0.1 (first free port from $REDIS_PORT, default 6390). Nothing is saved
# to disk: Redis is a cache here, and a restarted one starts empty (the content generation then
# starts anew, see cms/cache.py). Directory: $KT_REDIS_DIR, default
# ${TMPDIR:-/tmp}/kt-redis-<hash of the repo path>.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KT_REDIS_DIR:-${TMPDIR:-/tmp}/kt-redis-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}"
PIDFILE="$STATE/redis.pid"
PORTFILE="$STATE/port"

log() { printf '[redis] %s\n' "$*" >&2; }

running_pid() { pid_of "$PIDFILE" redis-server; }

url() { printf 'redis://127.0.0.1:%s/0' "$(cat "$PORTFILE")"; }

launch() {
    local port="$1"
    command -v redis-server >/dev/null || { log "ERROR: no redis-server (apt-get install redis-server)"; exit 1; }
    rm -f "$PIDFILE"
    redis-server --bind 127.0.0.1 --port "$port" --protected-mode yes \
        --save "" --appendonly no --dir "$STATE" \
        --daemonize yes --pidfile "$PIDFILE" --logfile "$STATE/redis.log" \
        --maxmemory 256mb --maxmemory-policy allkeys-lru
    for _ in $(seq 1 100); do
        if [ -n "$(running_pid)" ] && redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
            log "started pid $(running_pid) on 127.0.0.1:$port"
            echo "export REDIS_URL=$(url)"
            return 0
        fi
        sleep 0.1
    done
    tail -n 20 "$STATE/redis.log" >&2 || true
    log "ERROR: Redis did not start on port $port"
    exit 1
}

halt() {
    local pid
    pid="$(running_pid)"
    [ -n "$pid" ] || { log "not running"; return 0; }
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { log "stopped pid $pid"; return 0; }
        sleep 0.1
    done
    log "pid $pid still alive; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
}

cmd_start() {
    if [ -n "$(running_pid)" ]; then
        log "already running (pid $(running_pid))"
        echo "export REDIS_URL=$(url)"
        return 0
    fi
    rm -rf "$STATE"
    mkdir -p "$STATE"
    chmod 700 "$STATE"
    free_port "${REDIS_PORT:-6390}" >"$PORTFILE"
    launch "$(cat "$PORTFILE")"
}

cmd_resume() {
    [ -f "$PORTFILE" ] || { log "ERROR: nothing paused in $STATE"; exit 1; }
    if [ -n "$(running_pid)" ]; then
        log "already running (pid $(running_pid))"
        echo "export REDIS_URL=$(url)"
        return 0
    fi
    launch "$(cat "$PORTFILE")"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) halt && rm -rf "$STATE" ;;
    pause) halt ;;
    resume) cmd_resume ;;
    url) [ -n "$(running_pid)" ] && url && echo || { log "not running"; exit 1; } ;;
    *) echo "usage: $0 start|stop|pause|resume|url" >&2; exit 2 ;;
esac
