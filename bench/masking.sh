#!/usr/bin/env bash
# Masking throughput per published decision (issue 15, PUB-RED-2; results in docs/benchmarks.md): the pipeline's
# masking of one decision against the bigram terms of the same texts, measured in the same run (median and p99).
#
#   bench/masking.sh                 20,000 decisions × 5 rounds (about a minute)
#   COUNT=2000 ROUNDS=2 bench/masking.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Sanxiang.Bench.Disclosure -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet bench/Sanxiang.Bench.Disclosure/bin/Release/net10.0/Sanxiang.Bench.Disclosure.dll mask \
  --count "${COUNT:-20000}" --rounds "${ROUNDS:-5}" --corpus tests/Sanxiang.Web.Tests/Redaction/pii-corpus.txt
