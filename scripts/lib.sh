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
