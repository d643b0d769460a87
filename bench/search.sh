#!/usr/bin/env bash
# Public search benchmark of issue 7 (results in docs/benchmarks.md): with SEARCH_COUNT published decisions (default
# 1,000,000) on SQLite and on PostgreSQL, requests per second and latency percentiles of the public word search over
# loopback with wrk, closed loop with SEARCH_CONNECTIONS connections, against a static endpoint of the same app
# (/health/live, answered without touching the database) measured in the same run, alternating, medians of the runs.
#
#   bench/search.sh                      the full run (seeding 1,000,000 decisions takes most of it)
#   QUICK=1 bench/search.sh              50,000 decisions and short runs, to check that everything runs
#
# Settings: SEARCH_DBS (sqlite,postgres), SEARCH_COUNT, SEARCH_RUNS (3), SEARCH_SECONDS (20), SEARCH_CONNECTIONS (16,32:
# wrk is closed-loop, so each concurrency is one operating point: throughput and latency at that many clients),
# SEARCH_URLS (20000 distinct search URLs: words of every frequency, a fifth with two words, two fifths with an agency,
# region, category or date filter, a fifth past page 1). The app runs in Release with its defaults, except that the output cache
# and the per-client rate limit of the public site are off (every request is a real search from one address) and the
# publication job does not run. The decisions are written by bench/Sanxiang.Bench.Disclosure through the module's own
# aggregate and index. The Markdown results go to stdout and to TestResults/bench-search.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf '== %s\n' "$*" >&2; }

if [ "${QUICK:-0}" = 1 ]; then
  : "${SEARCH_COUNT:=50000}" "${SEARCH_SECONDS:=5}" "${SEARCH_RUNS:=1}"
fi
: "${SEARCH_DBS:=sqlite,postgres}" "${SEARCH_COUNT:=1000000}" "${SEARCH_RUNS:=3}" "${SEARCH_SECONDS:=20}"
: "${SEARCH_CONNECTIONS:=16,32}" "${SEARCH_URLS:=20000}"
port=5191

# --- Tools: PostgreSQL server binaries (as ./test.sh), wrk ------------------------------------------
# shellcheck source=../scripts/pg-throwaway.sh
. "$root/scripts/pg-throwaway.sh"
missing=()
pg_find || missing+=(postgresql-15)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  pg_find || { echo "PostgreSQL server binaries not found after installing" >&2; exit 1; }
fi

# --- Throwaway PostgreSQL cluster, builds -----------------------------------------------------------
# shellcheck source=../scripts/bench-cluster.sh
. "$root/scripts/bench-cluster.sh"
bench_cluster 55642
bench_build Disclosure
log "building the app (Release)"
dotnet build src/Sanxiang.Host/Sanxiang.Host.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dll="$root/src/Sanxiang.Host/bin/Release/net10.0/Sanxiang.Host.dll"
out="$root/TestResults/bench-search.md"
mkdir -p "$(dirname "$out")"

app_pid=
start_app() { # $1 provider, $2 connection string, then extra settings
  local provider="$1" conn="$2"
  shift 2
  (cd "$root/src/Sanxiang.Host" && exec dotnet "$dll" "--Urls=http://127.0.0.1:$port" "--Database:Provider=$provider" "--Database:ConnectionString=$conn" \
    "--DataProtection:KeysPath=$work/keys" "--Ledger:KeyFile=$work/ledger/signer.key" "--Disclosure:BadgeKeyFile=$work/badge.key" \
    --Disclosure:PublishIntervalSeconds=0 --Disclosure:PublicSite:CacheSeconds=0 --Disclosure:PublicSite:RequestsPerMinute=0 "$@") >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && return 0
    kill -0 "$app_pid" 2>/dev/null || { tail -30 "$work/app.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "the app did not start" >&2; exit 1
}
stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; }
trap 'rc=$?; stop_app; pg_stop "$pg_dir"; rm -rf "$work"; exit "$rc"' EXIT

# one wrk run: prints "rps p50_ms p95_ms p99_ms non2xx+errors"
load() { # $1 url file, $2 seconds, $3 connections
  wrk -t2 -c"$3" -d"$2s" --timeout 10s -s "$root/bench/search/replay.lua" "http://127.0.0.1:$port" -- "$1" \
    | awk '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                        printf "%.1f %.1f %.1f %.1f %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p95_us"] / 1000, v["p99_us"] / 1000, v["errors"] + v["non2xx"] }'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { cut -d' ' -f"$1" | median; }

echo "/health/live" >"$work/hello.txt"
"$bench" urls --count "$SEARCH_URLS" --out "$work/api.txt" --path /api/public/decisions
"$bench" urls --count "$SEARCH_URLS" --out "$work/page.txt" --path /Public/Decisions
{
  echo "# Public search benchmark, $(date -u +%Y-%m-%d) ($(nproc) cores, $("$pg_bin/postgres" --version), wrk closed loop, ${SEARCH_SECONDS} s per run, medians of $SEARCH_RUNS alternating runs)"
  echo
  echo "| database | decisions | seeding | connections | endpoint | requests/s | p50 ms | p95 ms | p99 ms | errors | ratio to hello (req/s) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} | tee "$out"

IFS=, read -r -a dbs <<<"$SEARCH_DBS"
for db in "${dbs[@]}"; do
  if [ "$db" = postgres ]; then
    provider=Postgres
    "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE sx_search" >/dev/null
    conn="${SANXIANG_BENCH_PG/Database=postgres/Database=sx_search};Maximum Pool Size=64"
  else
    provider=Sqlite
    conn="Data Source=$work/search.db"
  fi

  log "$db: migrating and loading the demo data"
  start_app "$provider" "$conn" --Demo:Seed=true
  stop_app
  log "$db: writing $SEARCH_COUNT published decisions"
  seeded=$("$bench" seed --db "$db" --conn "$conn" --count "$SEARCH_COUNT" | tail -1)
  log "$db: $seeded"
  seed_s=$(sed -E 's/.* in ([0-9]+) s.*/\1/' <<<"$seeded")
  if [ "$db" = postgres ]; then
    size=$("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d sx_search -Atc "SELECT pg_size_pretty(pg_total_relation_size('disclosure_search')) || ' index, ' || pg_size_pretty(pg_database_size('sx_search')) || ' database'")
  else
    size="$(du -sh "$work/search.db" | cut -f1) database"
  fi

  start_app "$provider" "$conn"
  log "$db: warming up"
  load "$work/api.txt" 5 16 >/dev/null
  load "$work/page.txt" 5 16 >/dev/null
  IFS=, read -r -a conns <<<"$SEARCH_CONNECTIONS"
  for c in "${conns[@]}"; do
    : >"$work/hello.res"; : >"$work/api.res"; : >"$work/page.res"
    for run in $(seq "$SEARCH_RUNS"); do
      for kind in hello api page; do
        r=$(load "$work/$kind.txt" "$SEARCH_SECONDS" "$c")
        log "$db c=$c run $run $kind: $r (req/s p50 p95 p99 errors)"
        echo "$r" >>"$work/$kind.res"
      done
    done
    hello=$(col 1 <"$work/hello.res")
    for kind in hello api page; do
      f="$work/$kind.res"
      rps=$(col 1 <"$f")
      name=$([ "$kind" = hello ] && echo "static /health/live" || ([ "$kind" = api ] && echo "search JSON /api/public/decisions" || echo "search page /Public/Decisions"))
      printf '| %s | %s | %s s (%s) | %s | %s | %.0f | %.1f | %.1f | %.1f | %s | %.3f |\n' "$db" "$SEARCH_COUNT" "$seed_s" "$size" "$c" "$name" "$rps" \
        "$(col 2 <"$f")" "$(col 3 <"$f")" "$(col 4 <"$f")" "$(awk '{s += $5} END {print s}' "$f")" "$(awk "BEGIN{print $rps / $hello}")" | tee -a "$out"
    done
  done
  stop_app
done
