#!/usr/bin/env bash
# `make topology`: two app servers sharing PostgreSQL, Redis and S3-compatible storage, behind
# Varnish, with a two-node Elasticsearch, a mail server and the timers, all on 127.0.0.1, and the checks that must hold
# there (tests/topology/run.py says which). Ends in `N passed, N failed`; exit 1 if any failed.
# Also a phase of scripts/test.sh (KT_SKIP_TOPOLOGY=1 skips it there while developing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec "$ROOT/.venv/bin/python" "$ROOT/tests/topology/run.py" "$@"
