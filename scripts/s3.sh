#!/usr/bin/env bash
# A throw-away S3-compatible object store for media, outside the repository: moto's S3 API
# server (`moto[server]`, requirements-dev.txt), run as a process of ours.
#
#   scripts/s3.sh start   # prints `export AWS_S3_ENDPOINT_URL=http://127.0.0.1:PORT`
#   scripts/s3.sh stop    # stops it by pid and deletes its directory (and with it, every object)
#   scripts/s3.sh url     # prints AWS_S3_ENDPOINT_URL of the running server
#
# Why moto and not s3rver (npm): it installs from our pinned PyPI requirements like everything
# else in Python, speaks the S3 API boto3 and django-storages use (signatures, private ACLs,
# multipart), and needs no Node process. Its objects live in memory, so it is never restarted
# in the middle of a run; the backup (scripts/backup.sh) is what survives it. Any access key
# works. Listens only on 127.0.0.1 (first free port from $S3_PORT, default 9390). Directory:
# $KT_S3_DIR, default ${TMPDIR:-/tmp}/kt-s3-<hash of the repo path>.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KT_S3_DIR:-${TMPDIR:-/tmp}/kt-s3-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}"
PIDFILE="$STATE/s3.pid"
URLFILE="$STATE/url"
SERVER="$ROOT/.venv/bin/moto_server"

log() { printf '[s3] %s\n' "$*" >&2; }

running_pid() { pid_of "$PIDFILE" moto_server; }

cmd_start() {
    if [ -n "$(running_pid)" ]; then
        log "already running (pid $(running_pid))"
        echo "export AWS_S3_ENDPOINT_URL=$(cat "$URLFILE")"
        return 0
    fi
    [ -x "$SERVER" ] || { log "ERROR: no $SERVER: run scripts/install.sh"; exit 1; }
    rm -rf "$STATE"
    mkdir -p "$STATE"
    chmod 700 "$STATE"
    local port url
    port="$(free_port "${S3_PORT:-9390}")"
    url="http://127.0.0.1:$port"
    (cd "$STATE" && exec setsid "$SERVER" -H 127.0.0.1 -p "$port" </dev/null >"$STATE/s3.log" 2>&1) &
    echo $! >"$PIDFILE"
    printf '%s\n' "$url" >"$URLFILE"
    for _ in $(seq 1 300); do
        [ -n "$(running_pid)" ] || break
        if curl -fsS --max-time 2 "$url/" >/dev/null 2>&1; then
            log "started pid $(running_pid) on $url"
            echo "export AWS_S3_ENDPOINT_URL=$url"
            return 0
        fi
        sleep 0.1
    done
    tail -n 20 "$STATE/s3.log" >&2 || true
    log "ERROR: the S3 server did not answer on $url"
    cmd_stop
    exit 1
}

cmd_stop() {
    local pid
    pid="$(running_pid)"
    if [ -n "$pid" ]; then
        kill -TERM "$pid"
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        log "stopped pid $pid"
    else
        log "not running"
    fi
    rm -rf "$STATE"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) [ -n "$(running_pid)" ] && cat "$URLFILE" || { log "not running"; exit 1; } ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
