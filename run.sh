#!/usr/bin/env bash
# Runs Sanxiang on http://127.0.0.1:5080 with an embedded SQLite database under ./data.
# Applies migrations, loads the demo data on first start and prints the URL and demo logins.
# Installs Chromium, fonts-noto-cjk and python3-fonttools (for PDF documents) when they are missing and it runs as
# root, and makes the subset document fonts (scripts/document-fonts.sh).
# Extra arguments go to the app, e.g. ./run.sh --Urls=http://127.0.0.1:8080
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "需要 .NET 10 SDK（dotnet）。" >&2
  exit 1
fi

# PDF downloads of documents print HTML with headless Chromium and need Chinese fonts. Install them when missing
# (as root, with apt-get); otherwise warn and start anyway: every other page works without them.
pdf_missing=()
command -v chromium >/dev/null 2>&1 || pdf_missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || pdf_missing+=(fonts-noto-cjk)
/usr/bin/python3 -c 'import fontTools' 2>/dev/null || pdf_missing+=(python3-fonttools)
if [ "${#pdf_missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "正在安装生成 PDF 所需的软件包：${pdf_missing[*]}" >&2
    # shellcheck source=scripts/apt.sh
    . "$root/scripts/apt.sh"
    if ! { apt_get update -qq && apt_get install -y -qq "${pdf_missing[@]}"; }; then
      echo "警告：未能安装 ${pdf_missing[*]}，文书的 PDF 下载将不可用；其他功能不受影响。" >&2
    fi
  else
    echo "警告：未安装 ${pdf_missing[*]}（需 root 权限执行 apt-get install ${pdf_missing[*]}），文书的 PDF 下载将不可用；其他功能不受影响。" >&2
  fi
fi

# Subsets of the Noto CJK faces that print documents more than twice as fast (once per machine, about half a minute).
"$root/scripts/document-fonts.sh"

mkdir -p -m 700 data
dotnet build src/Sanxiang.Host/Sanxiang.Host.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet run --no-build -c Release --project src/Sanxiang.Host -- \
  "--Data:Root=$root/data" --Demo:Seed=true "$@"
