#!/usr/bin/env bash
# Media ingest benchmark of issue 5 (results in docs/benchmarks.md). Runs the real app (Release build of
# src/Sanxiang.Host, SQLite, demo data) as a child process on a loopback port, signs in as officer.market and uploads
# through the tus API (/api/media/uploads), with the work directory on the repository's disk.
#
#   bench/media.sh                         ingest: a 4 GiB random file uploaded RUNS times (one PATCH each) against
#                                          `cat file > copy && sha256sum copy`, alternating, page cache dropped before
#                                          each side (as root); the server's peak extra RSS during each upload
#   SIZE=20G RESUME=1 bench/media.sh       the resumable check: a generated 20 GiB stream (no source file) in PATCHes
#                                          of CHUNK (1G), the connection dropped mid-chunk DROPS (2) times at random
#                                          offsets and resumed from the server's HEAD offset; SHA-256 server = client
#   QUICK=1 bench/media.sh                 a 256 MiB file, 1 run; with RESUME=1 a 1 GiB stream in 128 MiB PATCHes
#
# Ingest options: SIZE (4G), RUNS (3), CHUNK (0: one PATCH; otherwise bytes per PATCH, e.g. 256M), FILE (an existing
# file on the same disk instead of a new random one; SIZE is then only used for the free-space check). Resume: SIZE, CHUNK,
# DROPS, SEED (5). Sizes take numfmt's IEC suffixes (G = GiB). The Markdown results go to stdout and to
# TestResults/bench-media.md (bench-media-resume.md for RESUME=1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf '== %s\n' "$*" >&2; }

resume="${RESUME:-0}"
if [ "${QUICK:-0}" = 1 ]; then
  if [ "$resume" = 1 ]; then : "${SIZE:=1G}" "${CHUNK:=128M}"; else : "${SIZE:=256M}" "${RUNS:=1}"; fi
fi
if [ "$resume" = 1 ]; then : "${SIZE:=20G}" "${CHUNK:=1G}"; else : "${SIZE:=4G}" "${CHUNK:=0}"; fi
: "${RUNS:=3}" "${DROPS:=2}" "${SEED:=5}"
size=$(numfmt --from=iec "$SIZE")
chunk=$(numfmt --from=iec "$CHUNK")

mkdir -p "$root/TestResults"
work="$(mktemp -d "$root/TestResults/bench-media.XXXXXX")"
trap 'rc=$?; rm -rf "$work"; exit "$rc"' EXIT
trap 'exit 130' INT TERM

# Room on the disk: the ingest keeps the source, the baseline's copy and the staged upload (3 × SIZE); the resumable
# check keeps the stored object (SIZE). At least 10 GB must stay free after that.
free=$(df --output=avail -B1 "$work" | tail -n 1)
need=$(( (resume == 1 ? size : 3 * size) + 10 * 1000 * 1000 * 1000 ))
if [ "$free" -lt "$need" ]; then
  echo "not enough free space on $(df --output=target "$work" | tail -n 1): $((free >> 30)) GiB free, $((need >> 30)) GiB needed" >&2
  exit 1
fi

log "building (Release)"
dotnet build src/Sanxiang.Host/Sanxiang.Host.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build bench/Sanxiang.Bench.Media/Sanxiang.Bench.Media.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
host="$root/src/Sanxiang.Host/bin/Release/net10.0/Sanxiang.Host.dll"
bench="$root/bench/Sanxiang.Bench.Media/bin/Release/net10.0/Sanxiang.Bench.Media"

header() {
  echo "# $1, $(date -u '+%Y-%m-%d %H:%M UTC') ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(df --output=source,fstype "$work" | tail -n 1 | xargs))"
  echo
  echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
}

if [ "$resume" = 1 ]; then
  out="$root/TestResults/bench-media-resume.md"
  header "Media resumable upload" | tee "$out"
  "$bench" resume --host "$host" --work "$work" --size "$size" --chunk "$chunk" --drops "$DROPS" --seed "$SEED" | tee -a "$out"
else
  out="$root/TestResults/bench-media.md"
  header "Media ingest benchmark" | tee "$out"
  source="${FILE:-$work/source.bin}"
  if [ -z "${FILE:-}" ]; then
    log "creating a $SIZE random file in $work"
    head -c "$size" /dev/urandom >"$source"
  fi
  "$bench" ingest --host "$host" --work "$work" --file "$source" --runs "$RUNS" --chunk "$chunk" | tee -a "$out"
fi
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
log "results in $out"
