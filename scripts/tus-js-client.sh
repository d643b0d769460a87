#!/usr/bin/env bash
# Installs tus-js-client (the official tus client, npm, MIT) into a cache folder outside the repository when it is
# not there yet, and prints that folder. The media tests drive it from Node against the app (interop/tusjs).
#
#   scripts/tus-js-client.sh   → e.g. /root/.cache/sanxiang/tus-js-client-4.3.1 (node_modules/tus-js-client inside)
#
# SANXIANG_TUSJS_DIR overrides the folder. Needs node and npm (the Debian packages `nodejs` and `npm`).
set -euo pipefail
version=4.3.1
dir="${SANXIANG_TUSJS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sanxiang/tus-js-client-$version}"
if [ ! -f "$dir/node_modules/tus-js-client/package.json" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || printf '{ "name": "sanxiang-tusjs", "private": true }\n' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "tus-js-client@$version" >&2
fi
echo "$dir"
