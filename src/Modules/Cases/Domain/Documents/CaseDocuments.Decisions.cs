using Sanxiang.Cases.Contracts;
using Sanxiang.Documents;

namespace Sanxiang.Cases.Domain.Documents;

internal static partial class CaseDocuments
{
    /// <summary>APL-59: name and address; facts and evidence; penalty and basis; manner and deadline; remedies; authority and date (with the seal).</summary>
    private static List<DocumentBlock> PenaltyDecision(CaseFile c, string authority)
    {
        var d = c.Decision is { Outcome: DecisionOutcome.Penalty } dec ? dec : throw Missing(DocumentKind.PenaltyDecision, "尚未作出行政处罚决定");
        var p = d.Penalty!;
        var evidence = c.Details.Evidence.Where(e => e.LawfullyObtained).ToList();
        var blocks = new List<DocumentBlock>
        {
            PartyBlock(c),
            new HeadingBlock("一、违法事实和证据"),
            new ParagraphBlock(d.Facts),
            new ParagraphBlock($"上述事实有以下证据证明：{string.Join("；", evidence.Select(e => $"{e.Kind}（{e.Description}）"))}。"),
            new HeadingBlock("二、陈述、申辩及听证情况"),
            new ParagraphBlock(StatementText(c)),
            new HeadingBlock("三、处罚依据和决定"),
            new ParagraphBlock($"{d.Reasons}。依据{d.LegalBasis}的规定，本机关决定对当事人作出如下行政处罚：{p.Describe()}。{(p.OutsideBenchmarkReason is null ? string.Empty : $"（适用裁量基准的说明：{p.OutsideBenchmarkReason}）")}"),
            new HeadingBlock("四、履行方式和期限"),
            new ParagraphBlock(p.FineFen + p.ConfiscationFen > 0
                ? $"当事人应当自收到本决定书之日起十五日内，持本决定书{(c.Details.Payment is { } pay ? $"及缴款通知书（缴款编号{pay.Reference}）" : "及缴款通知书")}到指定银行或者通过电子支付系统缴纳罚没款（罚缴分离，《行政处罚法》第六十七条）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额（第七十二条）。"
                : "本决定自送达之日起生效，当事人应当自觉履行。"),
            new HeadingBlock("五、救济途径和期限"),
            new ParagraphBlock(Remedies(authority)),
        };
        return blocks;
    }

    private static List<DocumentBlock> NoPenaltyDecision(CaseFile c, string authority)
    {
        var d = c.Decision is { Outcome: DecisionOutcome.NoPenalty } dec ? dec : throw Missing(DocumentKind.NoPenaltyDecision, "尚未作出不予行政处罚决定");
        return
        [
            PartyBlock(c),
            new ParagraphBlock(d.Facts),
            new ParagraphBlock($"本机关认为，当事人的行为属于{CaseLabels.Of(d.Ground ?? NoPenaltyGround.Other)}的情形。{d.Reasons}。依据《中华人民共和国行政处罚法》第三十三条的规定，决定不予行政处罚。本机关已对当事人进行教育。"),
            new ParagraphBlock(Remedies(authority)),
        ];
    }

    private static List<DocumentBlock> ServiceReceipt(CaseFile c)
    {
        var s = c.Details.Service ?? throw Missing(DocumentKind.ServiceReceipt, "决定书尚未送达");
        var d = c.Decision!;
        return
        [
            new FieldsBlock([
                new("送达文书", d.Outcome == DecisionOutcome.NoPenalty ? "不予行政处罚决定书" : "行政处罚决定书"),
                new("案号", c.Number),
                new("受送达人", s.Recipient),
                new("送达地点", c.Party.Address),
                new("送达方式", CaseLabels.Of(s.Method)),
                new("送达时间", ChineseDate.Format(s.ServedOn)),
            ]),
            new NoteBlock(s.Method == ServiceMethod.LeftAtResidence ? "受送达人拒绝签收，已将文书留置于其住所，并采用拍照、录像等方式记录送达过程（留置送达）。" : "受送达人已签收。"),
            new SignatureBlock([new SignatureLine("受送达人（签名）", null, s.ServedOn), new SignatureLine("送达人（签名）"), new SignatureLine("见证人（签名）")]),
        ];
    }

    private static List<DocumentBlock> ClosingApproval(CaseFile c)
    {
        if (c.Stage < CaseStage.ClosingRequested)
        {
            throw Missing(DocumentKind.ClosingApproval, "尚未提请结案");
        }

        var d = c.Decision;
        var paid = c.Details.Payment is { } p ? $"已缴纳{Money.Yuan(p.Lines.Sum(l => l.AmountFen))}元（{string.Join("；", p.Lines.Select(l => $"{l.PaidOn:yyyy-MM-dd} {l.Source}{Money.Yuan(l.AmountFen)}元"))}）" : "无罚没款";
        return
        [
            new FieldsBlock([
                new("案号", c.Number),
                new("案由", c.Power.Name),
                new("当事人", c.Party.Name),
                new("立案日期", c.FiledOn is { } f ? ChineseDate.Format(f) : "—"),
                new("处理结果", d is null ? "不予立案" : $"{CaseLabels.Of(d.Outcome)}{(d.Penalty is null ? string.Empty : "：" + d.Penalty.Describe())}"),
                new("执行情况", paid),
                new("承办人员", Team(c)),
            ]),
            new HeadingBlock("结案报告"),
            new ParagraphBlock(c.Details.ClosingSummary ?? string.Empty),
            new SignatureBlock([new SignatureLine("承办人（签名）"), new SignatureLine("法制机构意见（签名）"), new SignatureLine("负责人审批意见（签名）")]),
        ];
    }

    private static string StatementText(CaseFile c)
    {
        var n = c.LastNotice;
        if (n is null)
        {
            return "—";
        }

        var s = c.Details.Statement;
        var text = $"本机关于{ChineseDate.Format(n.ServedOn)}向当事人送达了行政处罚事先告知书，告知拟作出的行政处罚内容及事实、理由、依据，以及陈述、申辩{(n.HearingRight ? "、要求听证" : string.Empty)}的权利。";
        text += s is null ? "当事人在规定期限内未提出陈述、申辩意见。" : s.Waived ? "当事人明确表示放弃陈述、申辩权利。" : $"当事人提出陈述、申辩意见：{s.Text}。本机关已进行复核。";
        if (c.Details.Hearing is { } h)
        {
            text += h.Held == true ? $"本机关于{ChineseDate.Format(h.HearingOn!.Value)}依法举行了听证（主持人：{h.PresidingOfficerName}），根据听证笔录作出本决定（第六十五条）。" : "当事人无正当理由未出席听证，视为放弃听证权利。";
        }

        return text;
    }
}
