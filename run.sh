#!/usr/bin/env bash
# Runs Sanxiang on http://127.0.0.1:5080 with an embedded SQLite database under ./data.
# Applies migrations, loads the demo data on first start and prints the URL and demo logins.
# Extra arguments go to the app, e.g. ./run.sh --Urls=http://127.0.0.1:8080
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "需要 .NET 10 SDK（dotnet）。" >&2
  exit 1
fi
mkdir -p data
dotnet build src/Sanxiang.Host/Sanxiang.Host.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet run --no-build -c Release --project src/Sanxiang.Host -- \
  "--Database:ConnectionString=Data Source=$root/data/sanxiang.db" \
  "--DataProtection:KeysPath=$root/data/keys" "--Ledger:KeyFile=$root/data/ledger/signer.key" --Demo:Seed=true "$@"
