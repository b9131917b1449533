#!/usr/bin/env bash
# The full check, as CI runs it (after scripts/install.sh):
#   1. lint: ruff check, missing migrations, compilemessages
#   2. pytest on SQLite, without browser (and postgres) tests
#   3. pytest, whole suite incl. browser tests, on a throw-away PostgreSQL and a real
#      Elasticsearch (scripts/elasticsearch.sh; ELASTICSEARCH_URL is set for this phase only)
#   4. topology: two app servers sharing PostgreSQL, Redis and S3-compatible storage, behind
#      Varnish, with a two-node Elasticsearch, a mail server and the timers
#      (scripts/topology.sh, `make topology`);
#      KT_SKIP_TOPOLOGY=1 skips it while developing (the summary says so)
# Every phase runs even if an earlier one failed; exit status is non-zero if any failed.
# Extra arguments are passed to both pytest runs (e.g. scripts/test.sh -x -k hr).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.venv/bin:$PATH"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "no .venv: run scripts/install.sh (or make install)" >&2; exit 1; }

export PYTHONDONTWRITEBYTECODE=1
export DJANGO_SETTINGS_MODULE=cms.settings.test
I18N_IGNORE=(--ignore=.venv --ignore=node_modules --ignore=static_collected --ignore=test-output)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kt-test-XXXXXX")"
PG_STARTED=0
ES_STARTED=0
# The SQLite phase runs without a search server, whatever the caller's environment says.
unset ELASTICSEARCH_URL
cleanup() {
    if [ "$PG_STARTED" -eq 1 ]; then bash "$ROOT/scripts/postgres.sh" stop || true; fi
    if [ "$ES_STARTED" -eq 1 ]; then bash "$ROOT/scripts/elasticsearch.sh" stop || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

declare -a SUMMARY=()
FAILED=0
T_ALL=$(date +%s)

# run_step NAME CMD...: runs, times and records one command.
run_step() {
    local name="$1"
    shift
    local t0 rc
    t0=$(date +%s)
    printf '\n==> %s\n' "$name"
    "$@"
    rc=$?
    record "$name" "$rc" "$(($(date +%s) - t0))"
    return "$rc"
}

record() {
    local status="ok${4:-}"
    [ "$2" -eq 0 ] || { status="FAILED (exit $2)"; FAILED=1; }
    SUMMARY+=("$(printf '%-46s %-30s %5ss' "$1" "$status" "$3")")
    printf '<== %s: %s in %ss\n' "$1" "$status" "$3"
}

# run_pytest NAME MARKER_EXPR ARGS...: exit 5 (nothing collected) is a warning when a
# marker expression selected nothing, and a failure when the whole suite is empty.
run_pytest() {
    local name="$1" markexpr="$2"
    shift 2
    local t0 rc note=""
    t0=$(date +%s)
    printf '\n==> %s\n' "$name"
    if [ -n "$markexpr" ]; then
        python -m pytest -m "$markexpr" "$@"
    else
        python -m pytest "$@"
    fi
    rc=$?
    if [ "$rc" -eq 5 ]; then
        if [ -n "$markexpr" ]; then
            echo "WARNING: pytest -m '$markexpr' selected no tests (exit 5); not a failure."
            note=" (no tests selected)"
            rc=0
        else
            echo "ERROR: pytest collected no tests at all."
        fi
    fi
    record "$name" "$rc" "$(($(date +%s) - t0))" "$note"
}

# ---------------------------------------------------------------- 1. lint
export DATABASE_URL="sqlite:///$WORK/lint.sqlite3"
run_step "lint: ruff check" ruff check .
run_step "lint: makemigrations --check" python manage.py makemigrations --check --dry-run
run_step "compilemessages" python manage.py compilemessages "${I18N_IGNORE[@]}"

# ---------------------------------------------------------------- 2. SQLite
export DATABASE_URL="sqlite:///$WORK/test.sqlite3"
run_pytest "pytest on SQLite (not browser, not postgres)" "not browser and not postgres" "$@"

# ---------------------------------------------------------------- 3. PostgreSQL + Elasticsearch
# A real Elasticsearch server: failing to start it fails the run (search tests must not be
# silently skipped). The PostgreSQL phase still runs, without ELASTICSEARCH_URL.
t0=$(date +%s)
printf '\n==> start Elasticsearch\n'
if es_out="$(bash "$ROOT/scripts/elasticsearch.sh" start)"; then
    ES_STARTED=1
    es_line="$(printf '%s\n' "$es_out" | tail -n 1)"
    export ELASTICSEARCH_URL="${es_line#ELASTICSEARCH_URL=}"
    echo "ELASTICSEARCH_URL=$ELASTICSEARCH_URL"
    record "start Elasticsearch" 0 "$(($(date +%s) - t0))"
else
    record "start Elasticsearch" 1 "$(($(date +%s) - t0))"
fi

t0=$(date +%s)
printf '\n==> start PostgreSQL\n'
if pg_env="$(bash "$ROOT/scripts/postgres.sh" start)"; then
    PG_STARTED=1
    eval "$pg_env"
    record "start PostgreSQL" 0 "$(($(date +%s) - t0))"
    run_pytest "pytest on PostgreSQL (all, incl. browser)" "" "$@"
else
    record "start PostgreSQL" 1 "$(($(date +%s) - t0))"
fi
if [ "$PG_STARTED" -eq 1 ]; then
    t0=$(date +%s)
    bash "$ROOT/scripts/postgres.sh" stop
    rc=$?
    [ "$rc" -ne 0 ] || PG_STARTED=0
    record "stop PostgreSQL" "$rc" "$(($(date +%s) - t0))"
fi
unset ELASTICSEARCH_URL
if [ "$ES_STARTED" -eq 1 ]; then
    t0=$(date +%s)
    printf '\n==> stop Elasticsearch\n'
    bash "$ROOT/scripts/elasticsearch.sh" stop
    rc=$?
    [ "$rc" -ne 0 ] || ES_STARTED=0
    record "stop Elasticsearch" "$rc" "$(($(date +%s) - t0))"
fi

# ---------------------------------------------------------------- 4. topology
if [ "${KT_SKIP_TOPOLOGY:-0}" = "1" ]; then
    echo
    echo "==> topology: SKIPPED (KT_SKIP_TOPOLOGY=1)"
    SUMMARY+=("$(printf '%-46s %-30s %5ss' "topology (make topology)" "SKIPPED (KT_SKIP_TOPOLOGY=1)" 0)")
else
    run_step "topology (make topology)" bash "$ROOT/scripts/topology.sh"
fi

# ---------------------------------------------------------------- summary
printf '\n===== summary (%ss in all) =====\n' "$(($(date +%s) - T_ALL))"
printf '%s\n' "${SUMMARY[@]}"
if [ "$FAILED" -ne 0 ]; then
    echo "RESULT: FAILED"
    exit 1
fi
echo "RESULT: all phases passed"
