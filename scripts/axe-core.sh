#!/usr/bin/env bash
# Installs axe-core (the accessibility rules engine, npm package, MPL-2.0), which the portal's accessibility test
# injects into pages through Playwright, into a cache folder outside the repository when it is not there yet, and
# prints the path of axe.min.js.
#
#   scripts/axe-core.sh        → e.g. /root/.cache/sanxiang/axe-core-4.10.2/node_modules/axe-core/axe.min.js
#
# SANXIANG_AXE_DIR overrides the folder. Needs npm (the Debian package `npm`).
set -euo pipefail
version=4.10.2
dir="${SANXIANG_AXE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sanxiang/axe-core-$version}"
if [ ! -f "$dir/node_modules/axe-core/axe.min.js" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || printf '{ "name": "sanxiang-axe-core", "private": true }\n' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "axe-core@$version" >&2
fi
echo "$dir/node_modules/axe-core/axe.min.js"
