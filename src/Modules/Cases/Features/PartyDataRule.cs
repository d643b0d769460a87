using System.Globalization;
using System.Linq.Expressions;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Kernel.Validation;

namespace Sanxiang.Cases.Features;

/// <summary>
/// SEC-PI-1 (with APL-50): a party's personal data — a natural person's name, ID number, address and phone; an
/// organisation's legal representative, address and phone — is shown in full only to those who need it for the
/// case: supervisors, the case agency's heads and reviewers, and officers whose linked Registry officer is on the
/// case's current team. Everyone else who may see the case (the agency's other officers, administrators, API
/// clients) sees it masked: the ID number as PUB-RED-2 masks it, address and phone "***", a person's name as the
/// surname and one "*" per further character (张三丰 → 张**). An organisation's name and credit code are public
/// (PUB-RED-2) and stay. DOMAIN.md has no rule naming the case team; SEC-PI-1 is the closest (docs/decisions/0012).
/// </summary>
internal static class PartyDataRule
{
    public const string RuleId = "SEC-PI-1";

    public const string Hidden = "***";

    /// <summary>Whether the caller sees the party of a case of <paramref name="caseAgencyId"/> with this team (<see cref="CaseFile.TeamOfficers"/>) in full.</summary>
    public static bool SeesInFull(AccessScope scope, Guid caseAgencyId, string teamOfficers) =>
        scope.IsInRole(Roles.Supervisor)
        || (caseAgencyId == scope.AgencyId
            && (scope.IsInRole(Roles.Head) || scope.IsInRole(Roles.Reviewer)
                || (scope.IsInRole(Roles.Officer) && scope.OfficerId is { } me && teamOfficers.Contains(me.ToString(), StringComparison.Ordinal))));

    /// <summary>The officer IDs of a case's current team as stored in <see cref="CaseFile.TeamOfficers"/>.</summary>
    public static IReadOnlyList<Guid> TeamOf(string teamOfficers) =>
        [.. teamOfficers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];

    /// <summary>The same rule as a query filter: the cases whose party the caller sees in full (a name search looks only there).</summary>
    public static Expression<Func<CaseFile, bool>> SeenInFullBy(AccessScope scope)
    {
        if (scope.IsInRole(Roles.Supervisor))
        {
            return c => true;
        }

        var agency = scope.AgencyId;
        if (scope.IsInRole(Roles.Head) || scope.IsInRole(Roles.Reviewer))
        {
            return c => c.AgencyId == agency;
        }

        if (scope.IsInRole(Roles.Officer) && scope.OfficerId is { } me)
        {
            var key = me.ToString();
            return c => c.AgencyId == agency && c.TeamOfficers.Contains(key);
        }

        return c => false;
    }

    /// <summary>The surname and one "*" for each further character: 张三丰 → 张**.</summary>
    public static string MaskName(string name)
    {
        var info = new StringInfo(name.Trim());
        return info.LengthInTextElements <= 1 ? info.String : info.SubstringByTextElements(0, 1) + new string('*', info.LengthInTextElements - 1);
    }

    /// <summary>The party's name in a list: a person's masked unless seen in full; an organisation's always (it is public).</summary>
    public static string ListName(PartyKind kind, string name, bool full) => full || kind == PartyKind.Organisation ? name : MaskName(name);

    public static PartyView FullView(Party p) =>
        new(p.Kind, p.Name, p.IdNumber ?? p.CreditCode ?? string.Empty, p.LegalRepresentative, p.Address, p.Phone, false);

    /// <summary>
    /// The case as someone who may not see the party in full sees it: the party masked, the service recipient's
    /// name masked (unless it is the organisation itself), and every exact occurrence of the party's personal data
    /// in the free texts (summary, facts, statements, history) replaced by its mask. Best effort: a name written
    /// differently in prose is not recognised.
    /// </summary>
    public static CaseView Masked(CaseView v, Party p)
    {
        var s = Scrubber(p);
        string? N(string? text) => text is null ? null : s(text);
        return v with
        {
            Party = new PartyView(p.Kind, ListName(p.Kind, p.Name, false), p.MaskedIdentifier, p.LegalRepresentative is { } r ? MaskName(r) : null, Hidden, p.Phone is null ? null : Hidden, true),
            Summary = s(v.Summary),
            Recusals = [.. v.Recusals.Select(x => x with { Reason = s(x.Reason) })],
            Evidence = [.. v.Evidence.Select(x => x with { Description = s(x.Description) })],
            Measures = [.. v.Measures.Select(x => x with { Items = s(x.Items), Outcome = N(x.Outcome) })],
            Notices = [.. v.Notices.Select(x => x with { Facts = s(x.Facts), Reasons = s(x.Reasons), RenoticeReason = N(x.RenoticeReason) })],
            Statement = v.Statement is { } st ? st with { Text = s(st.Text) } : null,
            Hearing = v.Hearing is { } h ? h with { TranscriptSummary = N(h.TranscriptSummary) } : null,
            Discussion = v.Discussion is { } d ? d with { Conclusion = s(d.Conclusion) } : null,
            Decision = v.Decision is { } dec ? dec with { Facts = s(dec.Facts), Reasons = s(dec.Reasons) } : null,
            Service = v.Service is { } sv ? sv with { Recipient = p.Kind == PartyKind.Organisation && sv.Recipient == p.Name ? sv.Recipient : MaskName(sv.Recipient) } : null,
            Remedies = [.. v.Remedies.Select(x => x with { Outcome = N(x.Outcome) })],
            Steps = [.. v.Steps.Select(x => x with { Detail = s(x.Detail) })],
        };
    }

    /// <summary>Replaces the party's personal data, where it appears verbatim in a text, by its mask (longest first).</summary>
    private static Func<string, string> Scrubber(Party p)
    {
        var pairs = new List<(string Value, string Mask)>();
        void Add(string? value, string mask)
        {
            if (value is { Length: > 1 } && value != mask)
            {
                pairs.Add((value, mask));
            }
        }

        if (p.Kind == PartyKind.Person)
        {
            Add(p.Name, MaskName(p.Name));
            Add(p.IdNumber, p.IdNumber is null ? Hidden : ChineseIdentifiers.MaskIdNumber(p.IdNumber));
        }

        Add(p.LegalRepresentative, p.LegalRepresentative is null ? Hidden : MaskName(p.LegalRepresentative));
        Add(p.Address, Hidden);
        Add(p.Phone, Hidden);
        pairs.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
        return text => pairs.Aggregate(text, (t, x) => t.Replace(x.Value, x.Mask, StringComparison.Ordinal));
    }
}
