using Sanxiang.Cases.Contracts;
using Sanxiang.Documents;

namespace Sanxiang.Cases.Domain.Documents;

internal static partial class CaseDocuments
{
    private static List<DocumentBlock> Measure(CaseFile c, string authority, MeasureKind kind)
    {
        var docKind = kind == MeasureKind.EvidencePreservation ? DocumentKind.PreservationNotice : DocumentKind.SeizureDecision;
        var m = c.Details.Measures.LastOrDefault(x => kind == MeasureKind.EvidencePreservation ? x.Kind == kind : x.Kind != MeasureKind.EvidencePreservation)
            ?? throw Missing(docKind, $"本案尚未采取{(kind == MeasureKind.EvidencePreservation ? "先行登记保存" : "查封、扣押")}措施");
        var items = m.Items.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var blocks = new List<DocumentBlock> { PartyBlock(c) };
        if (kind == MeasureKind.EvidencePreservation)
        {
            blocks.Add(new ParagraphBlock($"因调查{c.Power.Name.TrimStart('对').Replace("的处罚", string.Empty, StringComparison.Ordinal)}一案，在证据可能灭失或者以后难以取得的情况下，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，对下列物品先行登记保存。本机关将在七个工作日内（{ChineseDate.Format(m.EndsOn)}前）作出处理决定。在此期间，当事人或者有关人员不得销毁或者转移证据。"));
        }
        else
        {
            blocks.Add(new ParagraphBlock($"经查，你（单位）涉嫌{c.Power.Name.TrimStart('对').Replace("的处罚", string.Empty, StringComparison.Ordinal)}。依据{c.Power.LegalBasis}及《中华人民共和国行政强制法》第二十二条、第二十三条、第二十四条的规定，本机关决定对下列场所、设施或者财物实施{CaseLabels.Of(m.Kind)}，期限为{ChineseDate.Format(m.StartedOn)}至{ChineseDate.Format(m.EndsOn)}（《行政强制法》第二十五条）。{(m.Extensions > 0 ? "期限已经负责人批准延长一次。" : string.Empty)}"));
            blocks.Add(new ParagraphBlock(Remedies(authority)));
        }

        blocks.Add(new TableBlock(["序号", "名称及数量"], [.. items.Select((x, i) => System.Collections.Immutable.ImmutableArray.Create((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), x))], kind == MeasureKind.EvidencePreservation ? "先行登记保存物品清单" : "查封（扣押）场所、设施、财物清单"));
        blocks.Add(new NoteBlock("本文书一式两份，一份交当事人，一份附卷。"));
        blocks.Add(new SignatureBlock([new SignatureLine("当事人（签名）"), new SignatureLine("执法人员（签名）"), new SignatureLine("见证人（签名）")]));
        return blocks;
    }

    private static List<DocumentBlock> PriorNotice(CaseFile c, string authority, bool hearingOnly)
    {
        var kind = hearingOnly ? DocumentKind.HearingRightsNotice : DocumentKind.PriorNotice;
        var n = c.LastNotice ?? throw Missing(kind, "尚未告知拟处罚决定");
        if (hearingOnly && !n.HearingRight)
        {
            throw Missing(kind, "拟作出的处罚不属于应当告知听证权利的情形");
        }

        var blocks = new List<DocumentBlock>
        {
            PartyBlock(c),
            new ParagraphBlock($"经调查，你（单位）{n.Facts}。以上事实有{string.Join("、", c.Details.Evidence.Where(e => e.LawfullyObtained).Select(e => e.Kind).Distinct())}等证据为证。"),
            new ParagraphBlock($"你（单位）的上述行为{n.Reasons}。依据{n.LegalBasis}的规定，本机关拟对你（单位）作出如下行政处罚：{n.Penalty.Describe()}。"),
        };
        if (!hearingOnly)
        {
            blocks.Add(new ParagraphBlock($"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩，可以在{ChineseDate.Format(n.StatementDeadline)}前向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。本机关不会因你（单位）申辩而给予更重的处罚。"));
        }

        if (n.HearingRight)
        {
            blocks.Add(new ParagraphBlock($"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求听证的权利，可以在收到本告知书之日起五个工作日内（{ChineseDate.Format(n.HearingRequestDeadline)}前）向本机关提出听证要求；逾期未提出的，视为放弃此权利。听证不收取费用。"));
        }

        blocks.Add(new FieldsBlock([new("联系人", string.Join("、", c.Details.Team.Select(t => t.Name))), new("联系地址", authority)]));
        blocks.Add(new SignatureBlock([new SignatureLine("当事人（签收）", null, n.ServedOn)]));
        return blocks;
    }

    private static List<DocumentBlock> HearingNotice(CaseFile c, string authority)
    {
        var h = c.Details.Hearing;
        if (h?.HearingOn is not { } on)
        {
            throw Missing(DocumentKind.HearingNotice, "尚未安排听证");
        }

        return
        [
            PartyBlock(c),
            new ParagraphBlock($"根据你（单位）的申请，本机关决定于{ChineseDate.Format(on)}在{authority}举行听证会，就{c.Power.Name.TrimStart('对').Replace("的处罚", string.Empty, StringComparison.Ordinal)}一案听取你（单位）的陈述、申辩和质证意见。听证主持人：{h.PresidingOfficerName}。"),
            new ParagraphBlock("听证公开举行，涉及国家秘密、商业秘密或者个人隐私的除外。你（单位）认为主持人与本案有直接利害关系的，有权申请回避；可以亲自参加听证，也可以委托一至二人代理。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利（《行政处罚法》第六十四条）。"),
            new SignatureBlock([new SignatureLine("当事人（签收）", null, h.NoticeServedOn)]),
        ];
    }
}
