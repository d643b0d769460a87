using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Documents;
using Sanxiang.Registry.Contracts;
using Sanxiang.Reviews.Contracts;
using Sanxiang.Reviews.Domain;
using Sanxiang.Reviews.Persistence;

namespace Sanxiang.Reviews.Features;

/// <summary>
/// The written review opinion (法制审核意见书, GB118-REV-3) of a concluded round: a numbered document stored as data,
/// rendered to HTML, PDF or .docx, with a QR code to its public verification page; the hash goes to the Ledger.
/// </summary>
internal sealed class ReviewDocuments(ReviewsDbContext db, ReviewNumbering numbering, IAgencyDirectory agencies, IOptions<CaseDocumentOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<OpinionDocument> IssueAsync(LegalReview review, ReviewContext ctx, CancellationToken ct)
    {
        var round = review.Current;
        var agency = await agencies.FindAsync(review.AgencyId, ct);
        var number = await numbering.NumberAsync(review.AgencyId, ctx.Today.Year, "法审意", ct);
        var model = new OfficialDocument(
            "法制审核意见书",
            agency?.Name ?? string.Empty,
            number,
            [
                new FieldsBlock(
                [
                    new DocumentField("审核编号", review.Number),
                    new DocumentField("案号", review.CaseNumber),
                    new DocumentField("案由", review.Details.PowerName),
                    new DocumentField("拟作出的决定", round.DecisionSummary),
                    new DocumentField("列入审核目录的情形", round.CatalogReasons.Count == 0 ? "（未列入目录，主动送审）" : string.Join("；", round.CatalogReasons.Select(r => r.Reason))),
                    new DocumentField("送审日期", $"{round.SubmittedOn:yyyy年M月d日}（第{round.No}轮）"),
                    new DocumentField("审核人员", string.Join("、", round.Reviewers.Select(r => r.External ? r.Name + "（外聘法律顾问）" : r.Name))),
                ]),
                new TableBlock(
                    ["审核事项", "审核认定"],
                    [.. round.Findings.Select(f => ImmutableArray.Create(ReviewLabels.Of(f.Item), f.Satisfied ? "符合" : "存在问题：" + f.Note))],
                    "审核事项（GB118-REV-2）"),
                new HeadingBlock("审核意见"),
                new ParagraphBlock(round.Opinion ?? string.Empty),
                .. round.Advice.Select(a => (DocumentBlock)new ParagraphBlock($"外聘法律顾问{a.Name}的意见：{a.Text}")),
                new HeadingBlock("审核结论"),
                new ParagraphBlock(ReviewLabels.Of(round.Outcome!.Value) + "。"),
                new SignatureBlock([new SignatureLine("审核人员", round.ConcludedBy, round.ConcludedOn)]),
                new SealBlock(agency?.Name ?? string.Empty, ctx.Today, ChineseDateStyle.Numerals),
            ]);
        var sha = CanonicalForm.Sha256Hex(model);
        model = model with { Verification = new DocumentVerification($"{options.Value.PublicBaseUrl.TrimEnd('/')}/verify?sha256={sha}") };
        var doc = new OpinionDocument
        {
            Id = Guid.CreateVersion7(ctx.Now),
            ReviewId = review.Id,
            AgencyId = review.AgencyId,
            Round = round.No,
            Number = number,
            IssuedOn = ctx.Today,
            IssuedAt = ctx.Now.ToUniversalTime(),
            IssuedBy = ctx.Actor,
            Sha256 = sha,
            Content = JsonSerializer.Serialize(model, Json),
        };
        db.Opinions.Add(doc);
        return doc;
    }

    public static OfficialDocument Model(OpinionDocument d) => JsonSerializer.Deserialize<OfficialDocument>(d.Content, Json)!;
}
