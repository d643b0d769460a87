#!/usr/bin/env bash
# Documents benchmark of issue 4 (results in docs/benchmarks.md): the sample 行政处罚决定书 printed to PDF by one
# warm headless Chromium, sequentially and MaxConcurrentPdf at once, next to a one-line page printed by the same
# browser, the sample without the subset document fonts (scripts/document-fonts.sh, installed first) and the HTML
# render alone, measured in the same run; and .docx per second.
#
#   bench/documents.sh                         7 windows of 10 PDFs per measurement (a few minutes)
#   WINDOWS=3 PER_WINDOW=5 bench/documents.sh  a quick check that everything runs
#
# CONCURRENCY (2, this machine's cores) sets MaxConcurrentPdf. The Markdown results go to stdout and to
# TestResults/bench-documents.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf '== %s\n' "$*" >&2; }
: "${WINDOWS:=7}" "${PER_WINDOW:=10}" "${CONCURRENCY:=2}"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
/usr/bin/python3 -c 'import fontTools' 2>/dev/null || missing+=(python3-fonttools)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

"$root/scripts/document-fonts.sh"

log "building (Release)"
dotnet build bench/Sanxiang.Bench.Documents/Sanxiang.Bench.Documents.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
out="$root/TestResults/bench-documents.md"
mkdir -p "$(dirname "$out")"
{
  echo "# Documents benchmark, $(date -u +%Y-%m-%d) ($(nproc) cores, $(chromium --version 2>/dev/null | head -n 1))"
  echo
} | tee "$out"
"$root/bench/Sanxiang.Bench.Documents/bin/Release/net10.0/Sanxiang.Bench.Documents" \
  --windows "$WINDOWS" --per-window "$PER_WINDOW" --concurrency "$CONCURRENCY" | tee -a "$out"
log "results in $out"
