#!/usr/bin/env bash
# Runs every test of the solution twice: on SQLite and on a throwaway PostgreSQL cluster.
#
#   ./test.sh                 installs what is missing (apt), starts PostgreSQL, runs both passes, cleans up
#   ./test.sh --filter X      extra arguments go to both `dotnet test` runs
#
# Prints one final line "N passed, N failed, N skipped" (both passes summed) and exits non-zero when
# anything failed. Test results (.trx) are kept under TestResults/{sqlite,postgres}.
# Environment for the tests: SANXIANG_TEST_DB=sqlite|postgres, SANXIANG_TEST_PG=<Npgsql connection string>.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '== %s\n' "$*" >&2; }

# --- Debian packages --------------------------------------------------------------------------------
# shellcheck source=scripts/pg-throwaway.sh
. "$root/scripts/pg-throwaway.sh"
# shellcheck source=scripts/apt.sh
. "$root/scripts/apt.sh"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# scripts/document-fonts.sh subsets the Noto CJK faces with fontTools for faster PDF printing.
/usr/bin/python3 -c 'import fontTools' 2>/dev/null || missing+=(python3-fonttools)
# The document tests check generated PDFs (pdftotext, pdfinfo, pdffonts, pdftoppm), open .docx files in
# LibreOffice and decode QR codes with zbarimg.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
# The media tests make a short video with ffmpeg and read its duration and codec with ffprobe.
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
pg_find || missing+=(postgresql-15)
# Go's own signed-note and tlog packages check the ledger as an independent client (interop/goverify).
command -v go >/dev/null 2>&1 || missing+=(golang-go)
[ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog ] || missing+=(golang-golang-x-mod-dev)
# The S3 object-store tests run against s3rver, a local S3-compatible server from npm (scripts/s3rver.sh).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_get update -qq
  if ! apt_get install -y -qq "${missing[@]}"; then
    # postgresql-15 is Debian 12's server package; fall back to the unversioned meta package.
    apt_get install -y -qq "${missing[@]/postgresql-15/postgresql}"
  fi
  pg_find || { echo "PostgreSQL server binaries not found after installing" >&2; exit 1; }
fi
"$root/scripts/document-fonts.sh"
log "s3rver in $("$root/scripts/s3rver.sh")"
# The official tus client (npm tus-js-client) uploads, aborts and resumes against the app (interop/tusjs).
log "tus-js-client in $("$root/scripts/tus-js-client.sh")"
# The public portal's accessibility test injects axe-core (npm) into pages (scripts/axe-core.sh).
log "axe-core at $("$root/scripts/axe-core.sh")"

# --- Throwaway PostgreSQL cluster -------------------------------------------------------------------
pg_dir="$(mktemp -d /tmp/sanxiang-pg.XXXXXX)"
results="$root/TestResults"
cleanup() {
  local rc=$?
  pg_stop "$pg_dir"
  rm -rf "$pg_dir"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Durability is pointless for a throwaway cluster: fsync off makes CREATE DATABASE and migrations fast.
pg_start "$pg_dir" 55432 "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" || exit 1
log "started PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port in $pg_dir"
export SANXIANG_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# --- Build once, test twice -------------------------------------------------------------------------
rm -rf "$results/sqlite" "$results/postgres"
failures=0
log "building"
if ! dotnet build Sanxiang.slnx -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

run_pass() {
  local db="$1"
  shift
  log "dotnet test on $db"
  if ! SANXIANG_TEST_DB="$db" dotnet test Sanxiang.slnx --no-build -nologo -v quiet \
      --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/$db" \
      --blame-hang-timeout 10m --blame-hang-dump-type none "$@"; then
    pass_exit_failed=1
  fi
}

count() { # count FILE ATTRIBUTE: the attribute of the <Counters> element
  grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0
}

passed=0 failed=0 skipped=0
for db in sqlite postgres; do
  pass_exit_failed=0
  run_pass "$db" "$@"
  pass_failed=0
  shopt -s nullglob
  trx=("$results/$db"/*.trx)
  shopt -u nullglob
  for f in "${trx[@]}"; do
    passed=$((passed + $(count "$f" passed)))
    pass_failed=$((pass_failed + $(count "$f" failed) + $(count "$f" error) + $(count "$f" timeout) + $(count "$f" aborted)))
    # xunit's skipped tests are in the total but not executed.
    skipped=$((skipped + $(count "$f" total) - $(count "$f" executed)))
  done
  # dotnet test failed without a failed test in the results (crash, hang, missing results): count it.
  if [ "$pass_exit_failed" -ne 0 ] && [ "$pass_failed" -eq 0 ]; then
    echo "dotnet test on $db exited non-zero without a failed test in its results; counted as 1 failure" >&2
    pass_failed=1
  fi
  failed=$((failed + pass_failed))
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
