using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sanxiang.Documents;

// Documents benchmark (issue 4): documents per second rendered to PDF by one warm Chromium, sequentially and with
// MaxConcurrentPdf requests at once, next to baselines measured in the same run (a one-line page printed by the
// same browser; the HTML render alone), and .docx per second. Run it through bench/documents.sh.
//   [--windows 7] [--per-window 10] [--concurrency 2] [--chromium /usr/bin/chromium]
var windows = Arg("windows", 7);
var perWindow = Arg("per-window", 10);
var concurrency = Arg("concurrency", 2);
var chromium = ArgText("chromium", "/usr/bin/chromium");

var sample = SampleDocuments.PenaltyDecision();
var sampleHtml = HtmlDocumentRenderer.Render(sample);
// The same page without the subset document fonts (scripts/document-fonts.sh): Chromium then embeds the full Noto CJK
// collections, as it does when the subset fonts are not installed.
var fullFontHtml = sampleHtml.Replace("\"Sanxiang Serif SC\", ", string.Empty, StringComparison.Ordinal)
    .Replace("\"Sanxiang Sans SC\", ", string.Empty, StringComparison.Ordinal);
var subsetInstalled = Process.Start(new ProcessStartInfo("fc-list", ["Sanxiang Serif SC"]) { RedirectStandardOutput = true, UseShellExecute = false })!
    .StandardOutput.ReadToEnd().Length > 0;
const string TrivialHtml = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><p>一行字。</p></html>";

await using var printer = new PdfPrinter(
    Options.Create(new DocumentRenderingOptions { ChromiumPath = chromium, MaxConcurrentPdf = concurrency }),
    NullLogger<PdfPrinter>.Instance);

var samplePdf = await printer.PrintAsync(sample);
var pages = CountPages(samplePdf);
var sizes = (Pdf: samplePdf.Length, Docx: DocxDocumentRenderer.Render(sample).Length, Html: sampleHtml.Length);

var measurements = new (string Name, string Baseline, Func<int, Task> Run)[]
{
    ("baseline: HTML render alone (HtmlDocumentRenderer.Render)", string.Empty, n => Repeat(n, () => HtmlDocumentRenderer.Render(sample))),
    ("baseline: one-line page to PDF, sequential", string.Empty, n => Sequential(n, () => printer.PrintHtmlAsync(TrivialHtml))),
    ($"sample decision to PDF, sequential", "baseline: one-line page to PDF, sequential", n => Sequential(n, () => printer.PrintAsync(sample))),
    ($"baseline: one-line page to PDF, {concurrency} at once", string.Empty, n => Parallel(n, () => printer.PrintHtmlAsync(TrivialHtml))),
    ($"sample decision to PDF, {concurrency} at once (MaxConcurrentPdf)", $"baseline: one-line page to PDF, {concurrency} at once", n => Parallel(n, () => printer.PrintAsync(sample))),
    ($"sample decision to PDF without the subset fonts (full Noto CJK), {concurrency} at once", $"baseline: one-line page to PDF, {concurrency} at once", n => Parallel(n, () => printer.PrintHtmlAsync(fullFontHtml))),
    ("sample decision to .docx (DocxDocumentRenderer.Render)", "baseline: HTML render alone (HtmlDocumentRenderer.Render)", n => Repeat(n, () => DocxDocumentRenderer.Render(sample))),
};

// Warm up every path (JIT, the browser's pages, font caches), then alternate the measurements window by window so
// that the shared machine's slow moments fall on all of them alike.
foreach (var m in measurements)
{
    await m.Run(Math.Max(4, concurrency * 2));
}

var rates = measurements.ToDictionary(m => m.Name, _ => new List<double>(), StringComparer.Ordinal);
for (var w = 0; w < windows; w++)
{
    foreach (var m in measurements)
    {
        // The in-process renders are far faster than a print: give them more work per window to time.
        var n = m.Name.Contains("PDF", StringComparison.Ordinal) ? perWindow : perWindow * 20;
        var clock = Stopwatch.StartNew();
        await m.Run(n);
        rates[m.Name].Add(n / clock.Elapsed.TotalSeconds);
    }
}

Console.WriteLine($"Documents per second, {windows} windows of {perWindow} PDFs ({perWindow * 20} in-process renders) each, MaxConcurrentPdf = {concurrency}; "
    + $"sample: {pages} A4 pages, PDF {sizes.Pdf / 1024} KiB, .docx {sizes.Docx / 1024} KiB, HTML {sizes.Html / 1024} KiB; "
    + $"subset document fonts {(subsetInstalled ? "installed" : "NOT installed (run scripts/document-fonts.sh)")}");
Console.WriteLine();
Console.WriteLine("| measurement | median docs/s | min | max | ratio to baseline |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var m in measurements)
{
    var median = Median(rates[m.Name]);
    var ratio = m.Baseline.Length == 0 ? "1.00" : F(median / Median(rates[m.Baseline]), 2) + " of the " + m.Baseline["baseline: ".Length..];
    Console.WriteLine($"| {m.Name} | {F(median, 1)} | {F(rates[m.Name].Min(), 1)} | {F(rates[m.Name].Max(), 1)} | {ratio} |");
}

Console.WriteLine();
var best = Math.Max(Median(rates[measurements[2].Name]), Median(rates[measurements[4].Name]));
Console.WriteLine($"Goal ≥ 5 PDFs/s of the sample with a warm browser: {(best >= 5 ? "met" : "missed")} ({F(best, 1)}/s at best).");
return 0;

static Task Repeat(int n, Func<object> render)
{
    for (var i = 0; i < n; i++)
    {
        GC.KeepAlive(render());
    }

    return Task.CompletedTask;
}

static async Task Sequential(int n, Func<Task<byte[]>> print)
{
    for (var i = 0; i < n; i++)
    {
        await print();
    }
}

static Task Parallel(int n, Func<Task<byte[]>> print) => Task.WhenAll(Enumerable.Range(0, n).Select(_ => print()));

static int CountPages(byte[] pdf) =>
    System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string F(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

string ArgText(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Arg(string name, int fallback) => int.Parse(ArgText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
