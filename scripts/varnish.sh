#!/usr/bin/env bash
# A throw-away Varnish front cache before the app servers, outside the repository (Debian's
# varnish, run as a process of ours: its package starts no service here).
#
#   VARNISH_BACKENDS="127.0.0.1:8900 127.0.0.1:8950" VARNISH_PROBE_HOST=127.0.0.1 \
#   scripts/varnish.sh start    # prints `export VARNISH_URL=http://127.0.0.1:PORT`
#   scripts/varnish.sh stop     # stops it by pid and deletes its directory
#   scripts/varnish.sh url      # prints VARNISH_URL of the running server
#
# The VCL is deploy/varnish/site.vcl; this script writes the backends.vcl it includes: one
# backend per VARNISH_BACKENDS entry (host:port), round robin, each probed every 2 s with
# `GET /robots.txt` as the TLS proxy would send it (Host: VARNISH_PROBE_HOST, https).
# Listens only on 127.0.0.1 (first free port from $VARNISH_PORT, default 6081); objects in
# memory ($VARNISH_MEMORY, default 256m). varnishd compiles the VCL with gcc at start.
# Directory (varnishd's -n, with -j none: no jail, so our own user may own it): $KT_VARNISH_DIR,
# default ${TMPDIR:-/tmp}/kt-varnish-<hash of the repo path>.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KT_VARNISH_DIR:-${TMPDIR:-/tmp}/kt-varnish-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}"
PIDFILE="$STATE/varnishd.pid"
PORTFILE="$STATE/port"

log() { printf '[varnish] %s\n' "$*" >&2; }

running_pid() { pid_of "$PIDFILE" varnishd; }

url() { printf 'http://127.0.0.1:%s' "$(cat "$PORTFILE")"; }

write_backends() {
    local host="${VARNISH_PROBE_HOST:-127.0.0.1}" n=0 entry names=()
    [ -n "${VARNISH_BACKENDS:-}" ] || { log "ERROR: set VARNISH_BACKENDS (host:port ...)"; exit 1; }
    {
        echo "# Written by scripts/varnish.sh: the app servers and the director site.vcl uses."
        for entry in ${VARNISH_BACKENDS//,/ }; do
            n=$((n + 1))
            names+=("app$n")
            cat <<VCL
backend app$n {
    .host = "${entry%:*}";
    .port = "${entry##*:}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .probe = {
        .request = "GET /robots.txt HTTP/1.1"
            "Host: $host"
            "X-Forwarded-Proto: https"
            "Connection: close";
        .interval = 2s;
        .timeout = 5s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}
VCL
        done
        echo "sub vcl_init {"
        echo "    new app = directors.round_robin();"
        for name in "${names[@]}"; do echo "    app.add_backend($name);"; done
        echo "}"
    } >"$STATE/backends.vcl"
}

cmd_start() {
    if [ -n "$(running_pid)" ]; then
        log "already running (pid $(running_pid))"
        echo "export VARNISH_URL=$(url)"
        return 0
    fi
    command -v varnishd >/dev/null || { log "ERROR: no varnishd (apt-get install varnish)"; exit 1; }
    rm -rf "$STATE"
    mkdir -p "$STATE"
    chmod 700 "$STATE"
    free_port "${VARNISH_PORT:-6081}" >"$PORTFILE"
    write_backends
    local port
    port="$(cat "$PORTFILE")"
    if ! varnishd -n "$STATE/work" -j none -P "$PIDFILE" \
        -a "127.0.0.1:$port" -T 127.0.0.1:0 \
        -p "vcl_path=$STATE:$ROOT/deploy/varnish" -f "$ROOT/deploy/varnish/site.vcl" \
        -s "malloc,${VARNISH_MEMORY:-256m}" >"$STATE/varnishd.log" 2>&1; then
        cat "$STATE/varnishd.log" >&2
        log "ERROR: varnishd did not start"
        exit 1
    fi
    for _ in $(seq 1 100); do
        if [ -n "$(running_pid)" ] && curl -s -o /dev/null --max-time 1 "$(url)/"; then
            log "started pid $(running_pid) on 127.0.0.1:$port before ${VARNISH_BACKENDS}"
            echo "export VARNISH_URL=$(url)"
            return 0
        fi
        sleep 0.1
    done
    cat "$STATE/varnishd.log" >&2
    log "ERROR: Varnish does not answer on port $port"
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

case "${1:-}" in
    start) cmd_start ;;
    stop) halt && rm -rf "$STATE" ;;
    url) [ -n "$(running_pid)" ] && url && echo || { log "not running"; exit 1; } ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
