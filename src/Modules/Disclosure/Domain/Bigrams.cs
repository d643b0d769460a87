using System.Text;

namespace Sanxiang.Disclosure.Domain;

/// <summary>
/// The search terms of Chinese text (ADR 0017): every two adjacent Han characters (a bigram: 罚款, 款人民…), so that
/// any word of two characters or more is found as the bigrams it is made of; runs of Latin letters and digits of
/// two or more as whole lower-case words (case numbers, credit codes, years). The last character of each Han run is
/// also a term of its own, so that every character starts some term and a one-character query (a prefix) finds it
/// wherever it stands. Text is NFKC-normalised first (full-width digits and letters become ASCII). Masked characters
/// (*) break runs, so masked names index nothing.
/// </summary>
internal static class Bigrams
{
    public const int MaxTermLength = 40;

    /// <summary>The distinct terms of a text.</summary>
    public static IReadOnlySet<string> Terms(string? text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (run, han) in Runs(text))
        {
            if (han)
            {
                for (var i = 0; i + 1 < run.Length; i++)
                {
                    set.Add(run.Substring(i, 2));
                }

                set.Add(run[^1..]);
            }
            else if (run.Length >= 2)
            {
                set.Add(run.Length > MaxTermLength ? run[..MaxTermLength] : run);
            }
        }

        return set;
    }

    /// <summary>
    /// A query's terms (all must match) and, for a query that has only single Han characters, the first of them (a
    /// prefix search over the terms: finds the character wherever it stands, since every character starts a term).
    /// </summary>
    public static (IReadOnlyList<string> Terms, string? Single) Query(string? q)
    {
        var terms = Terms(q).Where(t => t.Length > 1 || !IsHan(t[0])).Order(StringComparer.Ordinal).ToList();
        string? single = null;
        if (terms.Count == 0)
        {
            single = Runs(q).Where(r => r.Han && r.Text.Length == 1).Select(r => r.Text).FirstOrDefault();
        }

        return (terms, single);
    }

    private static IEnumerable<(string Text, bool Han)> Runs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder();
        bool? han = null;
        foreach (var c in s)
        {
            bool? kind = IsHan(c) ? true : char.IsAsciiLetterOrDigit(c) ? false : null;
            if (kind != han && sb.Length > 0)
            {
                yield return (sb.ToString(), han!.Value);
                sb.Clear();
            }

            han = kind;
            if (kind is not null)
            {
                sb.Append(c);
            }
        }

        if (sb.Length > 0 && han is not null)
        {
            yield return (sb.ToString(), han.Value);
        }
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
