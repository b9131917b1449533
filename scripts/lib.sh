# Shared helpers for the scripts that start throw-away servers on 127.0.0.1.

# The first port from $1 on that nothing listens on.
free_port() {
    python3 - "$1" <<'EOF'
import socket, sys
start = int(sys.argv[1])
for port in range(start, start + 200):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit("no free port")
EOF
}

# The pid in pid file $1 while that process lives and its command line holds $2: a pid the
# system has since given to another program is not ours to stop.
pid_of() {
    local pid
    pid="$(cat "$1" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$2"; then
        printf '%s' "$pid"
    fi
}
