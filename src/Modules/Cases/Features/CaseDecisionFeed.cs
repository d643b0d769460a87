using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Features;

/// <summary>The decided cases for publication (GB118-PUB-3): the party only as PUB-RED-2 allows, personal data apart for masking.</summary>
internal sealed class CaseDecisionFeed(CasesDbContext db) : ICaseDecisionFeed
{
    private static readonly DecisionOutcome?[] Published = [DecisionOutcome.Penalty, DecisionOutcome.NoPenalty];
    private static readonly DocumentKind[] DecisionDocuments = [DocumentKind.PenaltyDecision, DocumentKind.NoPenaltyDecision];

    public async Task<IReadOnlyList<DecidedCase>> ChangedSinceAsync(DateTimeOffset since, int skip, int take, CancellationToken ct = default)
    {
        var from = since.ToUniversalTime();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => Published.Contains(c.Outcome) && c.UpdatedAt >= from)
            .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var documents = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.CaseId) && DecisionDocuments.Contains(d.Kind))
            .Select(d => new { d.CaseId, d.Number, d.Sha256, d.IssuedAt })
            .ToListAsync(ct);
        var latest = documents.GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.IssuedAt)!);
        return [.. cases.Where(c => c.Decision is not null).Select(c => Of(c, latest.GetValueOrDefault(c.Id) is { } d ? (d.Number, d.Sha256) : null))];
    }

    public async Task<DecidedCase?> GetAsync(Guid caseId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId && Published.Contains(x.Outcome), ct);
        if (c?.Decision is null)
        {
            return null;
        }

        var d = (await db.Documents.AsNoTracking()
            .Where(x => x.CaseId == caseId && DecisionDocuments.Contains(x.Kind))
            .Select(x => new { x.Number, x.Sha256, x.IssuedAt })
            .ToListAsync(ct)).MaxBy(x => x.IssuedAt);
        return Of(c, d is null ? null : (d.Number, d.Sha256));
    }

    private static DecidedCase Of(CaseFile c, (string Number, string Sha256)? document)
    {
        var d = c.Decision!;
        var p = c.Party;
        var result = d.Outcome == DecisionOutcome.Penalty && d.Penalty is { } penalty
            ? penalty.Describe()
            : $"{CaseLabels.Of(d.Outcome)}{(d.Ground is { } g ? "：" + CaseLabels.Of(g) : string.Empty)}";
        return new DecidedCase(
            c.Id,
            c.AgencyId,
            c.Number,
            c.Version,
            c.UpdatedAt,
            document?.Number,
            document?.Sha256,
            c.Power.Category switch { PowerCategory.Penalty => DecisionCategory.Penalty, PowerCategory.Licensing => DecisionCategory.Licensing, _ => DecisionCategory.Other },
            d.Outcome,
            c.Power.Name,
            d.DecidedOn,
            c.Details.Service?.ServedOn,
            new PublishableParty(p.Kind, p.Name, p.Kind == PartyKind.Organisation ? p.CreditCode : null),
            c.PartyWasMinor,
            c.Details.PublicationExemption?.Reason,
            c.IsWarningOnly,
            d.Facts,
            d.Reasons,
            d.LegalBasis,
            result,
            PersonalData(c),
            [.. c.Details.Remedies.Select(r => new RemedyOutcome(r.Kind, r.StartedOn, r.EndedOn, r.Result, r.Outcome))]);
    }

    /// <summary>PUB-RED-2: the party's ID number, address and phone; the names of natural persons other than the party the case records.</summary>
    private static List<PersonalDatum> PersonalData(CaseFile c)
    {
        var p = c.Party;
        var list = new List<PersonalDatum>();
        void Add(PersonalDataKind kind, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                list.Add(new PersonalDatum(kind, value.Trim()));
            }
        }

        Add(PersonalDataKind.IdNumber, p.IdNumber);
        Add(PersonalDataKind.Address, p.Address);
        Add(PersonalDataKind.Phone, p.Phone);
        Add(PersonalDataKind.PersonName, p.LegalRepresentative);
        if (c.Details.Service is { } s && s.Recipient != p.Name)
        {
            Add(PersonalDataKind.PersonName, s.Recipient);
        }

        return list;
    }
}
