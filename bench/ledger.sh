#!/usr/bin/env bash
# Ledger benchmarks of issue 3 (results in docs/benchmarks.md): durable append rate on SQLite and PostgreSQL,
# inclusion/consistency-proof latency at 1M and 10M entries, full verification of a 10M-entry log against
# `openssl speed`, and SM3 throughput against `openssl dgst -sm3` on a 1 GiB file.
#
#   bench/ledger.sh                      the full run (about 15–20 minutes on the 2-core machine)
#   QUICK=1 bench/ledger.sh              small sizes (a few minutes; not timed as a whole), to check that everything runs
#   PARTS=proofs bench/ledger.sh         only some of the parts: append, proofs, verify, sm3 (comma-separated)
#
# Sizes can be set one by one: APPEND_ENTRIES (200000), APPEND_BATCH (2000), PROOF_SIZES (1000000,10000000),
# PROOF_DBS (sqlite,postgres), PROOF_QUERIES (10000), VERIFY_SIZE (10000000), VERIFY_RUNS (3), SM3_MB (1024),
# SM3_RUNS (5). PostgreSQL is a throwaway cluster started as ./test.sh does, but with its durable defaults
# (fsync and synchronous_commit on). The Markdown results go to stdout and to TestResults/bench-ledger.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf '== %s\n' "$*" >&2; }

if [ "${QUICK:-0}" = 1 ]; then
  : "${APPEND_ENTRIES:=20000}" "${APPEND_WINDOW:=5000}" "${PROOF_SIZES:=100000,1000000}" "${PROOF_QUERIES:=1000}"
  : "${VERIFY_SIZE:=1000000}" "${VERIFY_RUNS:=1}" "${SM3_MB:=128}" "${SM3_RUNS:=3}"
fi
: "${APPEND_ENTRIES:=200000}" "${APPEND_BATCH:=2000}" "${APPEND_WINDOW:=20000}"
: "${PROOF_SIZES:=1000000,10000000}" "${PROOF_DBS:=sqlite,postgres}" "${PROOF_QUERIES:=10000}"
: "${VERIFY_SIZE:=10000000}" "${VERIFY_RUNS:=3}" "${SM3_MB:=1024}" "${SM3_RUNS:=5}"
: "${PARTS:=append,proofs,verify,sm3}"
part() { [[ ",$PARTS," == *",$1,"* ]]; }

# --- Debian packages (as ./test.sh) -----------------------------------------------------------------
# shellcheck source=../scripts/pg-throwaway.sh
. "$root/scripts/pg-throwaway.sh"
missing=()
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
pg_find || missing+=(postgresql-15)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null || apt-get install -y -qq "${missing[@]/postgresql-15/postgresql}" >/dev/null
  pg_find || { echo "PostgreSQL server binaries not found after installing" >&2; exit 1; }
fi

# --- Throwaway PostgreSQL cluster, build -------------------------------------------------------------
# shellcheck source=../scripts/bench-cluster.sh
. "$root/scripts/bench-cluster.sh"
bench_cluster 55532
bench_build Ledger
out="$root/TestResults/bench-ledger.md"
mkdir -p "$(dirname "$out")"
{
  echo "# Ledger benchmarks, $(date -u +%Y-%m-%d) ($(nproc) cores, $(openssl version | cut -d' ' -f1-2), $("$pg_bin/postgres" --version))"
  echo
} | tee "$out"
run() { log "$*"; "$bench" "$@" --work "$work" | tee -a "$out"; }

if part append; then
  run append --db sqlite --entries "$APPEND_ENTRIES" --batch "$APPEND_BATCH" --window "$APPEND_WINDOW"
  run append --db postgres --entries "$APPEND_ENTRIES" --batch "$APPEND_BATCH" --window "$APPEND_WINDOW"
fi
part proofs && run proofs --db "$PROOF_DBS" --sizes "$PROOF_SIZES" --queries "$PROOF_QUERIES"
part verify && run verify --size "$VERIFY_SIZE" --runs "$VERIFY_RUNS"
if part sm3; then
  sm3_file="$work/sm3-input.bin"
  log "creating a ${SM3_MB} MiB random file"
  head -c "$((SM3_MB * 1024 * 1024))" /dev/urandom >"$sm3_file"
  run sm3 --file "$sm3_file" --runs "$SM3_RUNS"
fi
log "results in $out"
