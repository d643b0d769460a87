#!/usr/bin/env bash
# Installs s3rver (a local S3-compatible server on Node, npm package, MIT), the object store the S3 tests run
# against, into a cache folder outside the repository when it is not there yet, and prints that folder.
#
#   scripts/s3rver.sh          → e.g. /root/.cache/sanxiang/s3rver-3.7.1 (node_modules/.bin/s3rver inside)
#
# SANXIANG_S3RVER_DIR overrides the folder. Needs node and npm (the Debian packages `nodejs` and `npm`).
set -euo pipefail
version=3.7.1
dir="${SANXIANG_S3RVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sanxiang/s3rver-$version}"
if [ ! -x "$dir/node_modules/.bin/s3rver" ]; then
  mkdir -p "$dir"
  # A private package.json, so npm installs here and not into a parent project.
  [ -f "$dir/package.json" ] || printf '{ "name": "sanxiang-s3rver", "private": true }\n' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "s3rver@$version" >&2
fi
echo "$dir"
