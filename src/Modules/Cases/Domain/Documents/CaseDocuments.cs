using System.Collections.Immutable;
using Sanxiang.Cases.Contracts;
using Sanxiang.Documents;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Cases.Domain.Documents;

/// <summary>
/// The templates of the standard documents: each builds the document model from the case as it stands. A kind
/// is available only once the case has what it records (APL-59 for the decision's elements); otherwise the
/// refusal says what is missing.
/// </summary>
internal static partial class CaseDocuments
{
    public static OfficialDocument Build(DocumentKind kind, CaseFile c, string authority, string number, DateOnly issuedOn, string verifyUrl)
    {
        var blocks = kind switch
        {
            DocumentKind.FilingApproval => FilingApproval(c),
            DocumentKind.InspectionRecord => InspectionRecord(c, issuedOn),
            DocumentKind.InquiryRecord => InquiryRecord(c, authority, issuedOn),
            DocumentKind.PreservationNotice => Measure(c, authority, MeasureKind.EvidencePreservation),
            DocumentKind.SeizureDecision => Measure(c, authority, MeasureKind.Seizure),
            DocumentKind.PriorNotice => PriorNotice(c, authority, hearingOnly: false),
            DocumentKind.HearingRightsNotice => PriorNotice(c, authority, hearingOnly: true),
            DocumentKind.HearingNotice => HearingNotice(c, authority),
            DocumentKind.PenaltyDecision => PenaltyDecision(c, authority),
            DocumentKind.NoPenaltyDecision => NoPenaltyDecision(c, authority),
            DocumentKind.ServiceReceipt => ServiceReceipt(c),
            DocumentKind.ClosingApproval => ClosingApproval(c),
            _ => throw new DomainRuleException("INPUT-ENUM", "文书种类无效", "Kind"),
        };
        blocks.Add(new SealBlock(authority, issuedOn));
        return new OfficialDocument(DocumentLabels.Title(kind), authority, number, [.. blocks], new DocumentVerification(verifyUrl));
    }

    private static Exception Missing(DocumentKind kind, string what) =>
        DomainRuleException.Conflict("CASE-DOC", $"{what}，不能制作{DocumentLabels.Title(kind)}");

    private static DocumentBlock PartyBlock(CaseFile c)
    {
        var p = c.Party;
        var fields = new List<DocumentField> { new("当事人", p.Name) };
        fields.Add(p.Kind == PartyKind.Person ? new("身份证号", p.IdNumber ?? string.Empty) : new("统一社会信用代码", p.CreditCode ?? string.Empty));
        if (p.LegalRepresentative is not null)
        {
            fields.Add(new("法定代表人", p.LegalRepresentative));
        }

        fields.Add(new("住所（地址）", p.Address));
        if (p.Phone is not null)
        {
            fields.Add(new("联系电话", p.Phone));
        }

        return new FieldsBlock([.. fields]);
    }

    private static string Team(CaseFile c) => string.Join("、", c.Details.Team.Select(t => $"{t.Name}（执法证号{t.CertificateNumber}）"));

    private static string Remedies(string authority) =>
        $"当事人如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。申请行政复议或者提起行政诉讼的，不停止本决定的执行（《行政处罚法》第七十三条）。作出机关：{authority}。";

    private static List<DocumentBlock> FilingApproval(CaseFile c)
    {
        if (c.Stage < CaseStage.FilingRequested)
        {
            throw Missing(DocumentKind.FilingApproval, "尚未提请立案");
        }

        var d = c.Details;
        return
        [
            new FieldsBlock([
                new("案由", $"涉嫌{c.Power.Name.TrimStart('对').Replace("的处罚", string.Empty, StringComparison.Ordinal)}"),
                new("适用权力", $"{c.Power.Code} {c.Power.Name}"),
                new("立案依据", c.Power.LegalBasis),
                new("违法行为发生日期", ChineseDate.Format(d.ActOn)),
                new("发现日期", ChineseDate.Format(d.DiscoveredOn)),
                new("承办人员", Team(c)),
            ]),
            PartyBlock(c),
            new HeadingBlock("案情摘要"),
            new ParagraphBlock(d.Summary),
            new SignatureBlock([new SignatureLine("承办人意见：建议立案（签名）"), new SignatureLine("负责人审批意见（签名）", null, c.FiledOn)]),
        ];
    }

    private static List<DocumentBlock> InspectionRecord(CaseFile c, DateOnly on)
    {
        if (c.FiledOn is null)
        {
            throw Missing(DocumentKind.InspectionRecord, "尚未立案");
        }

        return
        [
            new FieldsBlock([new("检查时间", ChineseDate.Format(on)), new("检查地点", c.Party.Address), new("执法人员", Team(c))]),
            PartyBlock(c),
            new ParagraphBlock("执法人员已向当事人出示执法证件，表明身份，告知当事人依法享有的权利和申请回避的权利。当事人不申请回避。"),
            new HeadingBlock("现场检查情况"),
            new ParagraphBlock(c.Details.Summary),
            new TableBlock(["序号", "证据种类", "证据说明", "取证日期"], [.. c.Details.Evidence.Select(e => ImmutableArray.Create(e.No.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Kind, e.Description, ChineseDate.Format(e.CollectedOn)))], "现场提取的证据"),
            new NoteBlock("以上笔录已交当事人核对，当事人认为记录属实。"),
            new SignatureBlock([new SignatureLine("当事人（签名）"), new SignatureLine("执法人员（签名）"), new SignatureLine("见证人（签名）")]),
        ];
    }

    private static List<DocumentBlock> InquiryRecord(CaseFile c, string authority, DateOnly on)
    {
        if (c.FiledOn is null)
        {
            throw Missing(DocumentKind.InquiryRecord, "尚未立案");
        }

        return
        [
            new FieldsBlock([new("询问时间", ChineseDate.Format(on)), new("询问地点", authority), new("询问人", Team(c))]),
            PartyBlock(c),
            new ParagraphBlock($"问：我们是{authority}的执法人员（出示执法证件），现就{c.Power.Name.TrimStart('对').Replace("的处罚", string.Empty, StringComparison.Ordinal)}一事依法向你调查询问。你有如实回答询问、协助调查的义务，也有陈述、申辩和申请回避的权利。你是否申请回避？\n答：不申请回避。\n问：请你如实陈述有关情况。\n答：（当事人陈述）\n问：你还有什么补充？\n答：没有。", FirstLineIndent: false),
            new NoteBlock("以上笔录已交被询问人核对（或向其宣读），被询问人确认与其所述一致。"),
            new SignatureBlock([new SignatureLine("被询问人（签名）"), new SignatureLine("询问人（签名）"), new SignatureLine("记录人（签名）")]),
        ];
    }
}
