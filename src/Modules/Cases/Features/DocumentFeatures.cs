using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain.Documents;
using Sanxiang.Cases.Persistence;
using Sanxiang.Documents;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Features;

internal sealed record DocumentRow(Guid Id, DocumentKind Kind, string Title, string Number, DateOnly IssuedOn, string Sha256);

internal sealed record DocumentInput(DocumentKind Kind);

/// <summary>Issues numbered documents from the case (one save: the document, the counter, the case's history and event) and renders them.</summary>
internal sealed class DocumentFeatures(CasesDbContext db, CaseCommands commands, Numbering numbering, IAgencyDirectory agencies, PdfPrinter pdf, IOptions<CaseDocumentOptions> options)
{
    public async Task<Guid> IssueAsync(AccessScope scope, Guid caseId, DocumentKind kind, CancellationToken ct)
    {
        var id = Guid.Empty;
        await commands.RunAsync(scope, caseId, [Roles.Officer, Roles.Head], async (c, ctx) =>
        {
            if (!Enum.IsDefined(kind))
            {
                throw new DomainRuleException("INPUT-ENUM", "文书种类无效", "Kind");
            }

            var agency = await agencies.FindAsync(c.AgencyId, ct);
            var number = await numbering.DocumentNumberAsync(c.AgencyId, ctx.Today.Year, DocumentLabels.NumberKind(kind), ct);
            id = Guid.CreateVersion7(ctx.Now);
            var model = CaseDocuments.Build(kind, c, agency?.Name ?? "执法机关", number, ctx.Today, string.Empty);
            var sha = IssuedDocument.HashOf(model);
            model = model with { Verification = new DocumentVerification($"{options.Value.PublicBaseUrl.TrimEnd('/')}/verify?sha256={sha}") };
            var document = IssuedDocument.Issue(id, c, kind, model, ctx);
            c.RecordDocument(kind, number, document.Sha256, ctx);
            db.Documents.Add(document);
        }, ct);
        return id;
    }

    /// <summary>The case's documents (titles, numbers and hashes: no personal data) for everyone who may see the case.</summary>
    public async Task<IReadOnlyList<DocumentRow>> ListAsync(AccessScope scope, Guid caseId, CancellationToken ct)
    {
        await VisibleCaseAsync(scope, caseId, partyData: false, ct);
        return await db.Documents.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.IssuedAt)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.Title, d.Number, d.IssuedOn, d.Sha256)).ToListAsync(ct);
    }

    /// <summary>
    /// The issued document in a format: html, pdf or docx. Every kind carries the party's personal data in full (it
    /// is the paper served on the party and kept in the file, never altered), so only those who see the party in
    /// full may have it; for anyone else it does not exist (404, SEC-PI-1).
    /// </summary>
    public async Task<DocumentFile> RenderAsync(AccessScope scope, Guid caseId, Guid documentId, string format, CancellationToken ct)
    {
        await VisibleCaseAsync(scope, caseId, partyData: true, ct);
        var d = await db.Documents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == documentId && x.CaseId == caseId, ct) ?? throw new NotFoundException();
        var model = d.Document();
        var name = $"{d.Title}-{d.Number}";
        return await DocumentFile.RenderAsync(model, format, name, pdf, ct) ?? throw new NotFoundException();
    }

    private async Task VisibleCaseAsync(AccessScope scope, Guid caseId, bool partyData, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.AgencyId, c.TeamOfficers }).SingleOrDefaultAsync(ct);
        if (c is null || !scope.CanSee(c.AgencyId) || (partyData && !PartyDataRule.SeesInFull(scope, c.AgencyId, c.TeamOfficers)))
        {
            throw new NotFoundException();
        }
    }
}
