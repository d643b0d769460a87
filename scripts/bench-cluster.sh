# Shared by the benchmark scripts (bench/*.sh), after scripts/pg-throwaway.sh and their own `log` and `root`:
#   bench_cluster PORT   a work directory with a throwaway PostgreSQL cluster on PORT (durable defaults: fsync and
#                        synchronous_commit on), both removed on exit; sets work, pg_dir and SANXIANG_BENCH_PG
#   bench_build NAME     builds bench/Sanxiang.Bench.NAME in Release; sets bench (the program to run)
# shellcheck shell=bash

bench_cluster() {
  work="$(mktemp -d /tmp/sanxiang-bench.XXXXXX)"
  pg_dir="$work/pg"
  trap 'rc=$?; pg_stop "$pg_dir"; rm -rf "$work"; exit "$rc"' EXIT
  trap 'exit 130' INT TERM
  chmod 755 "$work"
  pg_start "$pg_dir" "$1" || exit 1
  log "started PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port in $pg_dir (durable defaults)"
  export SANXIANG_BENCH_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
}

bench_build() {
  log "building (Release)"
  dotnet build "$root/bench/Sanxiang.Bench.$1/Sanxiang.Bench.$1.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  bench="$root/bench/Sanxiang.Bench.$1/bin/Release/net10.0/Sanxiang.Bench.$1"
}
