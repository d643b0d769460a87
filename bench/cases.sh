#!/usr/bin/env bash
# Case engine benchmark of issue 4 (results in docs/benchmarks.md): case transitions per second through the real
# CaseCommands (every rule, the Registry lookups, one save with its outbox event per command) on SQLite and
# PostgreSQL, with 1 and 4 workers, against a plain ADO.NET baseline of the same shape measured in the same run.
#
#   bench/cases.sh                       the full run (about 10 minutes on the 2-core machine)
#   QUICK=1 bench/cases.sh               small sizes (about a minute), to check that everything runs
#
# Sizes can be set one by one: CASES_DBS (sqlite,postgres), CASES_WORKERS (1,4), CASES_WINDOWS (8),
# CASES_WINDOW_CASES (32: cases per window, shared by the workers), CASES_SCENARIOS (warning,fine: a warning, or a
# fine paid through the bank-statement import), PROFILE_CASES (100: cases of the one-worker profile of where a
# transition's time goes, per database; 0 skips it). PostgreSQL is a throwaway cluster started as ./test.sh does, but with
# its durable defaults (fsync and synchronous_commit on); SQLite is a file in WAL mode, as the host sets it. The
# Markdown results go to stdout and to TestResults/bench-cases.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf '== %s\n' "$*" >&2; }

if [ "${QUICK:-0}" = 1 ]; then
  : "${CASES_WINDOWS:=3}" "${CASES_WINDOW_CASES:=8}" "${PROFILE_CASES:=20}"
fi
: "${CASES_DBS:=sqlite,postgres}" "${CASES_WORKERS:=1,4}" "${CASES_WINDOWS:=8}" "${CASES_WINDOW_CASES:=32}"
: "${CASES_SCENARIOS:=warning,fine}" "${PROFILE_CASES:=100}"

# --- PostgreSQL server binaries (as ./test.sh) ------------------------------------------------------
# shellcheck source=../scripts/pg-throwaway.sh
. "$root/scripts/pg-throwaway.sh"
if ! pg_find; then
  log "installing postgresql-15"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-15 >/dev/null || apt-get install -y -qq postgresql >/dev/null
  pg_find || { echo "PostgreSQL server binaries not found after installing" >&2; exit 1; }
fi

# --- Throwaway PostgreSQL cluster, build -------------------------------------------------------------
# shellcheck source=../scripts/bench-cluster.sh
. "$root/scripts/bench-cluster.sh"
bench_cluster 55632
bench_build Cases
out="$root/TestResults/bench-cases.md"
mkdir -p "$(dirname "$out")"
{
  echo "# Case engine benchmark, $(date -u +%Y-%m-%d) ($(nproc) cores, $("$pg_bin/postgres" --version))"
  echo
} | tee "$out"
run() { log "$*"; "$bench" "$@" --work "$work" | tee -a "$out"; }

IFS=, read -r -a scenarios <<<"$CASES_SCENARIOS"
IFS=, read -r -a dbs <<<"$CASES_DBS"
for scenario in "${scenarios[@]}"; do
  for db in "${dbs[@]}"; do
    run transitions --db "$db" --scenario "$scenario" --workers "$CASES_WORKERS" --windows "$CASES_WINDOWS" --window-cases "$CASES_WINDOW_CASES"
  done
done
if [ "$PROFILE_CASES" -gt 0 ]; then
  for db in "${dbs[@]}"; do
    run profile --db "$db" --cases "$PROFILE_CASES"
  done
fi
log "results in $out"
