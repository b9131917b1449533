#!/usr/bin/env bash
# Builds the site's stylesheet and copies its font from node_modules into static/ (both are
# committed, so the site runs without Node; `make install` rebuilds them, and
# tests/test_static_build.py fails when the committed files differ from a fresh build).
#
#   static/scss/site.scss  -> static/css/site.css   (Sass with the Suomi.fi design tokens)
#   @fontsource/source-sans-3 (Latin, Latin Extended) -> static/fonts/source-sans-3/
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT_DIR="${1:-static}"

FONT_SRC=node_modules/@fontsource/source-sans-3
FONT_DIR="$OUT_DIR/fonts/source-sans-3"
mkdir -p "$FONT_DIR" "$OUT_DIR/css"
for subset in latin latin-ext; do
    for face in 400-normal 400-italic 600-normal 700-normal; do
        cp "$FONT_SRC/files/source-sans-3-$subset-$face.woff2" "$FONT_DIR/"
    done
done
cp "$FONT_SRC/LICENSE" "$FONT_DIR/LICENSE"

node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules \
    static/scss/site.scss "$OUT_DIR/css/site.css"
