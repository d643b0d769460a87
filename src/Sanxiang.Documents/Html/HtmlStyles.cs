namespace Sanxiang.Documents;

/// <summary>The page's inline style sheet: A4 print layout; on screen, the sheet on a grey desk.</summary>
internal static class HtmlStyles
{
    public const string Css = """

@page { size: A4; margin: 25mm 20mm 22mm 25mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: "Sanxiang Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "宋体", serif;
  font-size: 14pt; line-height: 1.6; color: #000; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.sheet { position: relative; width: 100%; }
@media screen {
  body { background: #e6e6e6; padding: 12mm 0; }
  .sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 25mm 20mm 22mm 25mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .3); }
  .has-qr .qr { top: 25mm; right: 20mm; }
}
header { text-align: center; margin-bottom: 6mm; }
.has-qr header { padding: 0 27mm; }
.authority { font-size: 16pt; letter-spacing: .08em; }
h1 { font-size: 22pt; font-weight: bold; letter-spacing: .12em; margin: 1mm 0 0; line-height: 1.4; }
.number { text-align: right; margin-top: 3mm; font-size: 14pt; }
.qr { position: absolute; top: 0; right: 0; width: 25mm; margin: 0; text-align: center; font-size: 9pt; line-height: 1.3; }
.qr svg { display: block; width: 25mm; height: 25mm; }
h2 { font-family: "Sanxiang Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", SimHei, "黑体", sans-serif; font-size: 14pt; font-weight: bold; margin: 3mm 0 1mm; }
p { margin: 0; text-align: justify; overflow-wrap: anywhere; }
p.indent { text-indent: 2em; }
table { width: 100%; border-collapse: collapse; margin: 3mm 0; font-size: 12pt; line-height: 1.5; }
caption { font-weight: bold; margin-bottom: 1.5mm; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead { display: table-header-group; }
thead th { background: #efefef; text-align: center; }
tr { break-inside: avoid; }
table.fields th { width: 26%; font-weight: normal; text-align: center; vertical-align: middle; }
.signatures { margin: 4mm 0 2mm; break-inside: avoid; }
.signature { margin: 2mm 0; }
.signature .role { display: inline-block; min-width: 9em; }
.signature .name { display: inline-block; min-width: 40mm; margin-right: 8mm; border-bottom: 1px solid #000; }
.signature .refusal { font-size: 12pt; margin-left: 2em; }
.seal { margin: 8mm 8mm 2mm 0; text-align: right; break-inside: avoid; }
.seal-box { display: inline-block; text-align: center; }
p.note { font-size: 10.5pt; line-height: 1.6; margin-top: 4mm; padding-top: 1.5mm; border-top: 1px solid #000; }
p.note + p.note { margin-top: 0; padding-top: 0; border-top: 0; }

""";
}
