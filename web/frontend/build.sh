#!/bin/sh
# Fetches the browser packages pinned by the committed package-lock.json (`npm ci`) into WORK, a folder
# of the build tree, and copies the files portald serves into OUT/static/vendor/ (embedded into the
# binary by cmake/embed_assets.cmake). npm ci runs again only when the lock file changed, so a rebuild
# neither touches the network nor waits for npm. Nothing is fetched at run time.
#   web/frontend/build.sh WORK OUT
set -eu
src=$(cd "$(dirname "$0")" && pwd)
work=$1
out=$2
mkdir -p "$work"
if [ ! -d "$work/node_modules/jodit" ] || ! cmp -s "$src/package-lock.json" "$work/package-lock.json"; then
  cp "$src/package.json" "$src/package-lock.json" "$work/"
  # --ignore-scripts: no package code runs on the build machine.
  (cd "$work" && npm ci --no-audit --no-fund --no-update-notifier --ignore-scripts)
fi
# The English-only es2021 build (Jodit ships no Vietnamese; admin-editor.js brings those strings).
jodit=$work/node_modules/jodit
dest=$out/static/vendor/jodit
mkdir -p "$dest"
for f in es2021.en/jodit.min.js es2021.en/jodit.min.css LICENSE.txt; do
  cp "$jodit/$f" "$dest/$(basename "$f")"
done
