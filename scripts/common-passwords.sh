#!/usr/bin/env bash
# Regenerates src/Sanxiang.Host/Auth/common-passwords.txt: the 10,000 most common passwords (SEC-AUTH-1 password
# policy), in order of frequency, from the password list of zxcvbn-ts (npm @zxcvbn-ts/language-common, MIT licence,
# derived from Dropbox's zxcvbn). Run by hand when the list should change; the file is committed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @zxcvbn-ts/language-common@4.1.3 >/dev/null && tar xzf zxcvbn-ts-language-common-4.1.3.tgz)
{
  echo "# The 10,000 most common passwords, most common first (SEC-AUTH-1). Source: zxcvbn-ts @zxcvbn-ts/language-common 4.1.3,"
  echo "# src/passwords.json (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; Copyright (c) 2021 @zxcvbn-ts)."
  echo "# Regenerate with scripts/common-passwords.sh."
  python3 -c 'import json,sys; [print(p) for p in json.load(open(sys.argv[1]))[:10000]]' "$work/package/src/passwords.json"
} >"$root/src/Sanxiang.Host/Auth/common-passwords.txt"
wc -l "$root/src/Sanxiang.Host/Auth/common-passwords.txt" >&2
