using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;

namespace Sanxiang.Bench.Disclosure;

/// <summary>
/// Masking throughput per published decision (issue 15): the pipeline's masking of one decision (Redaction.For and Mask
/// of its power name, facts, reasons, legal basis and result) over synthetic decisions whose facts carry sentences of
/// the labelled personal-data corpus, against a baseline measured in the same run on the same decisions: the bigram
/// terms of the same texts, which the pipeline computes for every published decision anyway. Reports median and p99
/// per decision and the ratio of the medians.
///
///   Sanxiang.Bench.Disclosure mask --count N --corpus tests/Sanxiang.Web.Tests/Redaction/pii-corpus.txt [--rounds 5]
/// </summary>
internal static partial class Masking
{
    public static int Run(Args a)
    {
        var count = a.Int("count", 20_000);
        var rounds = a.Int("rounds", 5);
        var sentences = File.ReadAllLines(a.Get("corpus", "tests/Sanxiang.Web.Tests/Redaction/pii-corpus.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Mark().Replace(l, m => m.Groups["t"].Value))
            .ToArray();
        var rng = new Random(7);
        var cases = Enumerable.Range(0, count).Select(i =>
        {
            var c = Corpus.Case(rng, new DateOnly(2026, 6, 1).AddDays(-rng.Next(0, 300)), i);
            var extra = string.Concat(Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => sentences[rng.Next(sentences.Length)]));
            return c with { Facts = c.Facts + extra };
        }).ToArray();

        Console.WriteLine($"| round | decisions | masking median µs | masking p99 µs | bigram terms median µs | bigram terms p99 µs | ratio of medians |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var ratios = new List<double>();
        var maskMedians = new List<double>();
        var maskP99s = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which goes first, so that neither always runs on a warmer machine.
            double[] mask, terms;
            if (round % 2 == 1)
            {
                mask = Time(cases, MaskOne);
                terms = Time(cases, TermsOne);
            }
            else
            {
                terms = Time(cases, TermsOne);
                mask = Time(cases, MaskOne);
            }

            var (mm, mp, tm, tp) = (Stats.Median(mask), Stats.Percentile(mask, 99), Stats.Median(terms), Stats.Percentile(terms, 99));
            ratios.Add(mm / tm);
            maskMedians.Add(mm);
            maskP99s.Add(mp);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {count} | {mm:F1} | {mp:F1} | {tm:F1} | {tp:F1} | {mm / tm:F2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nmedian of rounds: masking {Stats.Median(maskMedians):F1} µs per decision (p99 {Stats.Median(maskP99s):F1} µs), {1_000_000 / Stats.Median(maskMedians):F0} decisions/s on one core; ratio to bigram terms {Stats.Median(ratios):F2}"));
        return 0;
    }

    private static double[] Time(DecidedCase[] cases, Func<DecidedCase, int> work)
    {
        var result = new double[cases.Length];
        var sink = 0;
        foreach (var c in cases.Take(200))
        {
            sink += work(c); // warm-up (JIT, regex construction)
        }

        for (var i = 0; i < cases.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sink += work(cases[i]);
            result[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        GC.KeepAlive(sink);
        return result;
    }

    private static int MaskOne(DecidedCase c)
    {
        var r = Redaction.For(c);
        return r.Mask(c.PowerName).Length + r.Mask(c.Facts).Length + r.Mask(c.Reasons).Length + r.Mask(c.LegalBasis).Length + r.Mask(c.Result).Length;
    }

    private static int TermsOne(DecidedCase c) => Bigrams.Terms(string.Join('\n', c.PowerName, c.Facts, c.Reasons, c.LegalBasis, c.Result)).Count;

    [GeneratedRegex(@"\{\{(?<k>[a-z]+):(?<t>.*?)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Mark();
}
