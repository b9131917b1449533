#!/usr/bin/env bash
# Back the site up into one dated folder: a dump of the database and every media file.
#
#   scripts/backup.sh [PARENT]    # default PARENT: $BACKUP_DIR, else ~/kt-backups
#                                 # last stdout line: BACKUP=PARENT/kt-YYYYmmddTHHMMSSZ
#
# Reads the site's own environment (as the app servers get it): DATABASE_URL (PostgreSQL), and
# AWS_STORAGE_BUCKET_NAME with AWS_S3_* and credentials for media in the object store, or else
# MEDIA_ROOT. The folder holds:
#   database.dump   pg_dump --format=custom (one consistent snapshot; no owners, no grants)
#   media/          every object of the bucket (or MEDIA_ROOT's files), by key
#   MANIFEST        when, what, and each file's SHA-256
# The dump is taken first: a file uploaded while the media are copied is in the folder without
# its row (harmless); nothing in the dump misses its file unless it was deleted meanwhile.
# Restore with scripts/restore.sh FOLDER.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
log() { printf '[backup] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

: "${DATABASE_URL:?set DATABASE_URL (the site environment)}"
case "$DATABASE_URL" in postgres://* | postgresql://*) ;; *) die "DATABASE_URL is not PostgreSQL" ;; esac
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/pg_dump" ] || die "no pg_dump under /usr/lib/postgresql"

parent="${1:-${BACKUP_DIR:-$HOME/kt-backups}}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dest="$parent/kt-$stamp"
[ ! -e "$dest" ] || die "$dest exists"
mkdir -p "$dest.partial"
trap 'rm -rf "$dest.partial"' EXIT

t0=$(date +%s)
"$bin/pg_dump" --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" \
    --file="$dest.partial/database.dump"
log "database: $(du -h "$dest.partial/database.dump" | cut -f1)"
if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
    log "media: $("$PY" "$ROOT/scripts/media_store.py" download "$dest.partial/media")"
elif [ -n "${MEDIA_ROOT:-}" ] && [ -d "$MEDIA_ROOT" ]; then
    cp -a "$MEDIA_ROOT" "$dest.partial/media"
    log "media: copied $MEDIA_ROOT"
else
    mkdir -p "$dest.partial/media"
    log "media: no bucket and no MEDIA_ROOT: none"
fi
{
    echo "backup $stamp of $(printf '%s' "$DATABASE_URL" | sed -E 's#://[^@/]*@#://#')"
    echo "media from ${AWS_STORAGE_BUCKET_NAME:+bucket $AWS_STORAGE_BUCKET_NAME}${AWS_STORAGE_BUCKET_NAME:-${MEDIA_ROOT:-nowhere}}"
    (cd "$dest.partial" && find . -type f ! -name MANIFEST -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
} >"$dest.partial/MANIFEST"
mv "$dest.partial" "$dest"
trap - EXIT
log "done in $(($(date +%s) - t0))s: $dest"
echo "BACKUP=$dest"
