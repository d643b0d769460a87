#!/usr/bin/env bash
# Ledger benchmarks of issue 3 (results in docs/benchmarks.md): durable append rate on SQLite and PostgreSQL,
# inclusion/consistency-proof latency at 1M and 10M entries, full verification of a 10M-entry log against
# `openssl speed`, and SM3 throughput against `openssl dgst -sm3` on a 1 GiB file.
#
#   bench/ledger.sh                      the full run (about 15–20 minutes on the 2-core machine)
#   QUICK=1 bench/ledger.sh              small sizes (a few minutes; not timed as a whole), to check that everything runs
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

# --- Debian packages (as ./test.sh) -----------------------------------------------------------------
pg_bin=""
find_pg() {
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then pg_bin="$dir"; return 0; fi
  done
  return 1
}
missing=()
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
find_pg || missing+=(postgresql-15)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null || apt-get install -y -qq "${missing[@]/postgresql-15/postgresql}" >/dev/null
  find_pg || { echo "PostgreSQL server binaries not found after installing" >&2; exit 1; }
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres

# --- Work directory and throwaway PostgreSQL cluster -------------------------------------------------
work="$(mktemp -d /tmp/sanxiang-bench.XXXXXX)"
pg_dir="$work/pg"
cleanup() {
  local rc=$?
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=""
for p in $(seq 55532 55631); do
  if port_free "$p"; then pg_port="$p"; break; fi
done
[ -n "$pg_port" ] || { echo "no free port for PostgreSQL in 55532-55631" >&2; exit 1; }
mkdir -p "$pg_dir/sock"
chmod 755 "$work"
chown -R postgres: "$pg_dir"
chmod 700 "$pg_dir"
log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port in $pg_dir (durable defaults)"
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir/sock -c listen_addresses=127.0.0.1" start >/dev/null || { cat "$pg_dir/server.log" >&2; exit 1; }
export SANXIANG_BENCH_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# --- Build and run ---------------------------------------------------------------------------------
log "building (Release)"
dotnet build bench/Sanxiang.Bench.Ledger/Sanxiang.Bench.Ledger.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
bench="$root/bench/Sanxiang.Bench.Ledger/bin/Release/net10.0/Sanxiang.Bench.Ledger"
out="$root/TestResults/bench-ledger.md"
mkdir -p "$(dirname "$out")"
{
  echo "# Ledger benchmarks, $(date -u +%Y-%m-%d) ($(nproc) cores, $(openssl version | cut -d' ' -f1-2), $("$pg_bin/postgres" --version))"
  echo
} | tee "$out"
run() { log "$*"; "$bench" "$@" --work "$work" | tee -a "$out"; }

run append --db sqlite --entries "$APPEND_ENTRIES" --batch "$APPEND_BATCH" --window "$APPEND_WINDOW"
run append --db postgres --entries "$APPEND_ENTRIES" --batch "$APPEND_BATCH" --window "$APPEND_WINDOW"
run proofs --db "$PROOF_DBS" --sizes "$PROOF_SIZES" --queries "$PROOF_QUERIES"
run verify --size "$VERIFY_SIZE" --runs "$VERIFY_RUNS"
sm3_file="$work/sm3-input.bin"
log "creating a ${SM3_MB} MiB random file"
head -c "$((SM3_MB * 1024 * 1024))" /dev/urandom >"$sm3_file"
run sm3 --file "$sm3_file" --runs "$SM3_RUNS"
log "results in $out"
