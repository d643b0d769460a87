using System.Globalization;
using System.Text.RegularExpressions;
using Sanxiang.Cases.Contracts;

namespace Sanxiang.Disclosure.Domain;

/// <summary>
/// PUB-RED-2: masks personal data in text to be published — the values the case knows (the party's ID number,
/// address and phone, other persons' names) wherever they appear verbatim, and by pattern what it cannot know: ID
/// numbers (18-digit with a valid birth date, 15-digit), mobile and landline numbers, bank account numbers, addresses
/// after 住址/住所…, and names after 证人/举报人/法定代表人…. The penalised party's own name is allowed (PUB-RED-2).
/// Over-masking is accepted; a miss is a leak.
/// </summary>
internal sealed partial class Redaction
{
    private readonly List<(string Value, string Mask)> _known = [];
    private readonly string? _allowedName;

    /// <param name="known">The values the case knows to be personal.</param>
    /// <param name="allowedName">The penalised natural person's own name, published (PUB-RED-2).</param>
    /// <param name="texts">All the texts to be published of the case: a name a cue introduces in one of them is masked in all.</param>
    public Redaction(IEnumerable<PersonalDatum> known, string? allowedName, IEnumerable<string?>? texts = null)
    {
        _allowedName = allowedName;
        foreach (var d in known.Concat(CuedNames(texts ?? [], allowedName)))
        {
            var mask = d.Kind switch
            {
                PersonalDataKind.IdNumber => MaskId(d.Value),
                PersonalDataKind.Phone => MaskPhone(d.Value),
                PersonalDataKind.PersonName => MaskName(d.Value),
                _ => Hidden,
            };
            if (d.Value.Length > 1 && d.Value != allowedName)
            {
                _known.Add((d.Value, mask));
            }
        }

        _known.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
    }

    public const string Hidden = "***";

    /// <summary>
    /// The masking of one case's public texts: its known personal data, and every name a cue (证人, 见证人…) introduces
    /// in any of those texts, so that the name is masked wherever it appears in them ("会计孙丽丽…，见证人孙丽丽在场"),
    /// not only right after the cue. A cued name of three characters also masks its first two (a two-character
    /// name the cue read one character too far: "证人王芳证实").
    /// </summary>
    public static Redaction For(DecidedCase c)
    {
        var allowed = c.Party.Kind == PartyKind.Person ? c.Party.Name : null;
        return new Redaction(c.PersonalData, allowed, [c.PowerName, c.Facts, c.Reasons, c.LegalBasis, c.Result, .. c.Remedies.Select(x => x.Text)]);
    }

    private static IEnumerable<PersonalDatum> CuedNames(IEnumerable<string?> texts, string? allowedName) =>
        texts.Where(t => !string.IsNullOrEmpty(t))
            .SelectMany(t => NameCue().Matches(t!))
            .Select(m => m.Groups["name"].Value)
            .SelectMany(n => n.Length == 3 ? new[] { n, n[..2] } : [n])
            .Where(n => allowedName is not { Length: > 0 } || !(n.StartsWith(allowedName, StringComparison.Ordinal) || allowedName.StartsWith(n, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Select(n => new PersonalDatum(PersonalDataKind.PersonName, n));

    public string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var t = _known.Aggregate(text, (s, x) => s.Replace(x.Value, x.Mask, StringComparison.Ordinal));
        t = AddressCue().Replace(t, m => m.Groups["cue"].Value + Hidden);
        t = NameCue().Replace(t, m => _allowedName is { Length: > 0 } && m.Groups["name"].Value.StartsWith(_allowedName, StringComparison.Ordinal) ? m.Value : m.Groups["cue"].Value + MaskName(m.Groups["name"].Value));
        t = IdNumber18().Replace(t, m => IsDate(m.Value.AsSpan(6, 8), "yyyyMMdd") ? MaskId(m.Value) : m.Value);
        t = IdNumber15().Replace(t, m => IsDate(m.Value.AsSpan(6, 6), "yyMMdd") ? MaskId(m.Value) : m.Value);
        t = Mobile().Replace(t, m => MaskPhone(m.Value));
        t = Landline().Replace(t, m => MaskPhone(m.Value));
        t = LongNumber().Replace(t, m => MaskAccount(m.Value));
        return t;
    }

    /// <summary>An ID number as published: the region code (6) and the last 4 kept, 110105********0017.</summary>
    public static string MaskId(string value) =>
        value.Length <= 10 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));

    /// <summary>A phone number: the first 3 and the last 4 digits kept, 138****5678.</summary>
    public static string MaskPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits <= 7 ? Hidden : string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(value.Length - 4));
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

    private static bool IsDate(ReadOnlySpan<char> s, string format) =>
        DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IdNumber18();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IdNumber15();

    [GeneratedRegex(@"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![\d*])0\d{2,3}[-－—]?\d{7,8}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Landline();

    /// <summary>Digit runs of 12 to 25 (with single spaces or hyphens between groups): bank accounts and whatever else is that long.</summary>
    [GeneratedRegex(@"(?<![\d*])\d{4}(?:[ -]?\d){8,21}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"(?<cue>(?:家庭住址|户籍地址|户籍地|居住地|现住址|现住|住址|住所地|住所|家住|地址)\s*[:：为在于是]?\s*)(?<value>[^，。；、,;）)\n]{2,60})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AddressCue();

    [GeneratedRegex(@"(?<cue>(?:证人|见证人|举报人|投诉人|证明人|被询问人|受害人|被害人|法定代表人|监护人)\s*[:：]?\s*)(?<name>\p{IsCJKUnifiedIdeographs}{2,3})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NameCue();
}
