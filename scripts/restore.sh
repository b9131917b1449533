#!/usr/bin/env bash
# Bring a backup of scripts/backup.sh back into EMPTY services, then rebuild the search index.
#
#   scripts/restore.sh FOLDER [--no-index]
#
# Reads the site's own environment, pointing at the new services: DATABASE_URL (an empty
# PostgreSQL database: refused if it has any table), AWS_STORAGE_BUCKET_NAME with AWS_S3_* (an
# empty or missing bucket: refused if it holds anything) or MEDIA_ROOT (an empty folder), and
# for the index the rest of the production settings (DJANGO_SETTINGS_MODULE, SECRET_KEY,
# SITE_URL, ELASTICSEARCH_URL, ...). Checks every file against the MANIFEST first. The search
# index is not in the backup: `manage.py update_index` builds it from the restored database.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
log() { printf '[restore] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

src="${1:?usage: $0 FOLDER [--no-index]}"
index=1
[ "${2:-}" != "--no-index" ] || index=0
[ -f "$src/database.dump" ] && [ -f "$src/MANIFEST" ] || die "$src is not a backup folder"
: "${DATABASE_URL:?set DATABASE_URL (the new, empty database)}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/pg_restore" ] || die "no pg_restore under /usr/lib/postgresql"

t0=$(date +%s)
(cd "$src" && sed -n '3,$p' MANIFEST | sha256sum --check --quiet) || die "files differ from the MANIFEST"
tables="$("$bin/psql" "$DATABASE_URL" -tAc "select count(*) from information_schema.tables where table_schema = 'public'")"
[ "$tables" = "0" ] || die "the database has $tables tables: restore goes into an empty database"

if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
    log "media: $("$PY" "$ROOT/scripts/media_store.py" upload "$src/media")"
elif [ -n "${MEDIA_ROOT:-}" ]; then
    mkdir -p "$MEDIA_ROOT"
    [ -z "$(ls -A "$MEDIA_ROOT")" ] || die "MEDIA_ROOT $MEDIA_ROOT is not empty"
    cp -a "$src/media/." "$MEDIA_ROOT/"
    log "media: copied into $MEDIA_ROOT"
fi
"$bin/pg_restore" --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$src/database.dump"
log "database restored"
if [ "$index" -eq 1 ]; then
    (cd "$ROOT" && "$PY" manage.py update_index) >&2
    log "search index rebuilt"
fi
log "done in $(($(date +%s) - t0))s"
