#!/bin/sh
# Installs the browser tests' npm packages (the committed package-lock.json, `npm ci`) into DIR, a
# folder of the build tree; skipped when DIR already holds exactly this lock file's packages.
#   tests/browser/npm-ci.sh DIR
set -eu
src=$(cd "$(dirname "$0")" && pwd)
dir=$1
mkdir -p "$dir"
if [ -d "$dir/node_modules" ] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
  echo "npm packages up to date in $dir"
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --ignore-scripts
