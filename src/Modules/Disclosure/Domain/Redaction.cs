using System.Globalization;
using Sanxiang.Cases.Contracts;

namespace Sanxiang.Disclosure.Domain;

/// <summary>
/// PUB-RED-2: masks personal data in text to be published — the values the case knows (the party's ID number,
/// address and phone, other persons' names) wherever they appear verbatim, and whatever <see cref="PersonalDataDetector"/>
/// finds in the text: names of persons other than the party, addresses, phones, e-mails, ID, passport and permit
/// numbers, bank cards, plates, WeChat/QQ IDs, birth dates and health details. A name found in one of the case's texts
/// is masked in all of them. The penalised party's own name is allowed (PUB-RED-2). Over-masking is accepted; a miss
/// is a leak.
/// </summary>
internal sealed class Redaction
{
    private readonly List<(string Value, PiiKind Kind)> _known = [];
    private readonly string? _allowedName;

    /// <param name="known">The values the case knows to be personal.</param>
    /// <param name="allowedName">The penalised natural person's own name, published (PUB-RED-2).</param>
    /// <param name="texts">All the texts to be published of the case: a name found in one of them is masked in all.</param>
    public Redaction(IEnumerable<PersonalDatum> known, string? allowedName, IEnumerable<string?>? texts = null)
    {
        _allowedName = string.IsNullOrWhiteSpace(allowedName) ? null : allowedName.Trim();
        foreach (var d in known)
        {
            var kind = d.Kind switch
            {
                PersonalDataKind.IdNumber => PiiKind.IdNumber,
                PersonalDataKind.Phone => PiiKind.Phone,
                PersonalDataKind.PersonName => PiiKind.Name,
                _ => PiiKind.Address,
            };
            if (d.Value.Length > 1 && d.Value != _allowedName)
            {
                _known.Add((d.Value, kind));
            }
        }

        foreach (var t in texts ?? [])
        {
            if (string.IsNullOrEmpty(t))
            {
                continue;
            }

            foreach (var span in Detect(t).Where(x => x.Kind == PiiKind.Name && x.Length > 1))
            {
                var name = t.Substring(span.Start, span.Length);
                if (!_known.Any(k => k.Value == name))
                {
                    _known.Add((name, PiiKind.Name));
                }
            }
        }

        _known.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
    }

    public const string Hidden = "***";

    /// <summary>
    /// The masking of one case's public texts: its known personal data, and every name found in any of those texts, so
    /// that the name is masked wherever it appears in them ("会计孙丽丽…，见证人孙丽丽在场").
    /// </summary>
    /// <param name="manualMasks">Phrases a head masked before publication (<see cref="ManualMask"/>): hidden wherever they appear.</param>
    public static Redaction For(DecidedCase c, IEnumerable<string>? manualMasks = null)
    {
        var allowed = c.Party.Kind == PartyKind.Person ? c.Party.Name : null;
        var r = new Redaction(c.PersonalData, allowed, PublishedTexts(c));
        foreach (var phrase in manualMasks ?? [])
        {
            r._known.Add((phrase, PiiKind.Manual));
        }

        r._known.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
        return r;
    }

    /// <summary>The texts of a decided case that are published (a manual mask must be a phrase of one of them).</summary>
    public static IEnumerable<string?> PublishedTexts(DecidedCase c) => [c.PowerName, c.Facts, c.Reasons, c.LegalBasis, c.Result, .. c.Remedies.Select(x => x.Text)];

    /// <summary>The spans to mask in <paramref name="text"/>: the known values' occurrences and what the detector finds, the party's own name excepted.</summary>
    public List<PiiSpan> Spans(string text)
    {
        var spans = Detect(text);
        foreach (var (value, kind) in _known)
        {
            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            {
                if (!spans.Any(s => s.Start <= at && at + value.Length <= s.End))
                {
                    spans.Add(new PiiSpan(at, value.Length, kind));
                }
            }
        }

        return PersonalDataDetector.Merged(spans);
    }

    public string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var spans = Spans(text);
        if (spans.Count == 0)
        {
            return text;
        }

        var b = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var s in spans)
        {
            b.Append(text, at, s.Start - at).Append(MaskOf(text.Substring(s.Start, s.Length), s.Kind));
            at = s.End;
        }

        return b.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The detector's spans less the party's own name (and the names inside it).</summary>
    private List<PiiSpan> Detect(string text)
    {
        var spans = PersonalDataDetector.Find(text);
        if (_allowedName is null)
        {
            return spans;
        }

        var allowed = new List<(int Start, int End)>();
        for (var at = text.IndexOf(_allowedName, StringComparison.Ordinal); at >= 0; at = text.IndexOf(_allowedName, at + _allowedName.Length, StringComparison.Ordinal))
        {
            allowed.Add((at, at + _allowedName.Length));
        }

        // A name span that lies inside the party's name, or is the party's name read on into a character that ends a
        // name (张伟称), stays; 张伟华 is another person and is masked. Any other span that reaches into the party's name
        // is cut back to leave it.
        var kept = new List<PiiSpan>(spans.Count);
        foreach (var s in spans)
        {
            if (s.Kind == PiiKind.Name && allowed.Any(a => s.Start >= a.Start && s.Start < a.End && (s.End <= a.End || (s.End == a.End + 1 && ChineseNames.EndsName(text[a.End])))))
            {
                continue;
            }

            var span = s;
            foreach (var (start, end) in allowed.Where(a => s.Kind != PiiKind.Name && s.Start < a.End && a.Start < s.End))
            {
                span = start <= span.Start ? span with { Start = end, Length = Math.Max(0, span.End - end) } : span with { Length = start - span.Start };
            }

            if (span.Length > 0)
            {
                kept.Add(span);
            }
        }

        return kept;
    }

    private static string MaskOf(string value, PiiKind kind) => kind switch
    {
        PiiKind.IdNumber => MaskId(value),
        PiiKind.Phone => MaskPhone(value),
        PiiKind.BankAccount => MaskAccount(value),
        PiiKind.Name => MaskName(value),
        _ => Hidden,
    };

    /// <summary>An ID number as published: the region code (6) and the last 4 kept, 110105********0017.</summary>
    public static string MaskId(string value) =>
        value.Length <= 10 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));

    /// <summary>A phone number of 11 or more digits: the first 3 and the last 4 digits kept, 138****5678; a shorter one hidden.</summary>
    public static string MaskPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits < 11 ? Hidden : string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(value.Length - 4));
    }

    /// <summary>A bank account: the last 4 digits kept.</summary>
    public static string MaskAccount(string value)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        return "****" + digits[^4..];
    }

    /// <summary>The surname and one "*" for each further character: 赵小红 → 赵**.</summary>
    public static string MaskName(string name)
    {
        var info = new StringInfo(name.Trim());
        return info.LengthInTextElements <= 1 ? "*" : info.SubstringByTextElements(0, 1) + new string('*', info.LengthInTextElements - 1);
    }
}
