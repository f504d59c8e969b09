#!/bin/sh
# Installs a test tool's npm packages (the committed package-lock.json, `npm ci`) into DIR, a folder of
# the build tree; skipped when DIR already holds exactly this lock file's packages. SRC is the folder
# with package.json and package-lock.json (default: tests/browser).
#   tests/browser/npm-ci.sh DIR [SRC]
set -eu
src=$(cd "${2:-$(dirname "$0")}" && pwd)
dir=$1
"$(dirname "$0")/../../scripts/check-node" "$src"
mkdir -p "$dir"
if [ -d "$dir/node_modules" ] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
  echo "npm packages up to date in $dir"
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --ignore-scripts
