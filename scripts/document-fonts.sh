#!/usr/bin/env bash
# Installs the three document fonts that PDF printing uses: "Sanxiang Serif SC" (regular and bold) and
# "Sanxiang Sans SC" (bold), subsets of Debian's Noto CJK SC faces (SIL Open Font License 1.1, licence text kept in
# the fonts) to GB 2312 (6,763 hanzi and its symbols), ASCII, Latin-1 and the CJK and full-width punctuation blocks.
#
# Why: Chromium hands every font a page uses to its print process whole, and the Noto CJK collections are 19–27 MB
# each; with fonts of about 5 MB a document prints in less than half the time (docs/decisions/0010). A character
# outside the subset (a rare character in a name) falls back to the full Noto face next in the style sheet's list,
# so nothing is lost; only that document prints at the old speed.
#
#   scripts/document-fonts.sh            as root: /usr/local/share/fonts/sanxiang; otherwise ~/.local/share/fonts
#   SANXIANG_FONT_DIR=/dir scripts/document-fonts.sh
#
# Needs fonts-noto-cjk and python3-fonttools (run.sh and test.sh install both). Does nothing when the fonts are
# already there; exits 0 with a warning when it cannot make them (PDFs then use the full Noto faces).
set -euo pipefail

if [ -n "${SANXIANG_FONT_DIR:-}" ]; then
  dir="$SANXIANG_FONT_DIR"
elif [ "$(id -u)" -eq 0 ]; then
  dir=/usr/local/share/fonts/sanxiang
else
  dir="${XDG_DATA_HOME:-$HOME/.local/share}/fonts/sanxiang"
fi
noto=/usr/share/fonts/opentype/noto
fonts=(
  "NotoSerifCJK-Regular.ttc:SanxiangSerifSC-Regular.otf:Sanxiang Serif SC:Regular"
  "NotoSerifCJK-Bold.ttc:SanxiangSerifSC-Bold.otf:Sanxiang Serif SC:Bold"
  "NotoSansCJK-Bold.ttc:SanxiangSansSC-Bold.otf:Sanxiang Sans SC:Bold"
)

todo=()
for f in "${fonts[@]}"; do
  IFS=: read -r _ out _ _ <<<"$f"
  [ -s "$dir/$out" ] || todo+=("$f")
done
[ "${#todo[@]}" -eq 0 ] && exit 0

python=/usr/bin/python3
if ! "$python" -c 'import fontTools' 2>/dev/null; then
  echo "警告：缺少 python3-fonttools，未生成文书子集字体；PDF 将使用完整的 Noto 字体（较慢）。" >&2
  exit 0
fi
for f in "${todo[@]}"; do
  IFS=: read -r src _ _ _ <<<"$f"
  if [ ! -s "$noto/$src" ]; then
    echo "警告：缺少 $noto/$src（fonts-noto-cjk），未生成文书子集字体；PDF 将使用完整的 Noto 字体（较慢）。" >&2
    exit 0
  fi
done

mkdir -p "$dir"
echo "正在生成文书字体（约半分钟，仅首次）：$dir" >&2
pids=()
for f in "${todo[@]}"; do
  IFS=: read -r src out family style <<<"$f"
  "$python" - "$noto/$src" "$dir/$out" "$family" "$style" <<'PY' &
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

src, out, family, style = sys.argv[1:5]
chars = {chr(c) for c in range(0x20, 0x7F)}
for lo, hi in [(0xA0, 0x100), (0x2000, 0x2070), (0x2150, 0x2190), (0x2460, 0x2500), (0x3000, 0x3040), (0xFF00, 0xFFF0)]:
    chars.update(chr(c) for c in range(lo, hi))
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass

# Face 2 of the Noto CJK collections is the Simplified Chinese one.
font = TTFont(src, fontNumber=2, lazy=False)
options = subset.Options()
options.layout_features = ["*"]
options.name_IDs = ["*"]
options.name_languages = ["*"]
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(text="".join(sorted(chars)))
subsetter.subset(font)

postscript = family.replace(" ", "") + "-" + style
for record in font["name"].names:
    if record.nameID in (1, 16):
        record.string = family
    elif record.nameID in (2, 17):
        record.string = style
    elif record.nameID == 4:
        record.string = family + " " + style
    elif record.nameID in (3, 6):
        record.string = postscript
if "CFF " in font:
    font["CFF "].cff.fontNames = [postscript]
font.save(out + ".tmp")
PY
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
if [ "$failed" -ne 0 ]; then
  rm -f "$dir"/*.tmp
  echo "警告：生成文书子集字体失败；PDF 将使用完整的 Noto 字体（较慢）。" >&2
  exit 0
fi
for f in "${todo[@]}"; do
  IFS=: read -r _ out _ _ <<<"$f"
  mv "$dir/$out.tmp" "$dir/$out"
done
command -v fc-cache >/dev/null 2>&1 && fc-cache "$dir" >/dev/null 2>&1 || true
