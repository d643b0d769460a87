namespace Sanxiang.Documents;

/// <summary>
/// A realistic, entirely fictional document for tests, benchmarks and the print preview: a two-page administrative
/// penalty decision (行政处罚决定书) of the demo county's market regulation bureau.
/// </summary>
public static class SampleDocuments
{
    public const string Authority = "安平县市场监督管理局";

    /// <summary>行政处罚决定书 安市监罚〔2026〕12号, sealed on 2026-11-22.</summary>
    public static OfficialDocument PenaltyDecision() => new(
        "行政处罚决定书",
        Authority,
        "安市监罚〔2026〕12号",
        [
            new ParagraphBlock("当事人：安平县青禾食品商行\n统一社会信用代码：92131125MA0G7XQ43K\n经营场所：青川省云溪市安平县兴安街道人民路118号\n经营者：王某某　　联系电话：138****6021", FirstLineIndent: false),
            new ParagraphBlock("2026年9月3日，本局执法人员在日常监督检查中，发现其货架上陈列销售的“青山牌”压缩饼干标签标注的保质期已过，涉嫌经营超过保质期的食品。经本局负责人批准，本局于2026年9月5日对当事人立案调查，并依法对涉案食品实施扣押。"),
            new HeadingBlock("一、违法事实及证据"),
            new ParagraphBlock("经查明：当事人于2026年6月10日从云溪市某食品批发部购进“青山牌”压缩饼干（规格：500克/袋，生产日期：2025年8月20日，保质期：12个月）共30袋，零售单价每袋18.00元。截至被检查时，当事人已销售12袋，其中2026年8月20日保质期届满后销售5袋，违法所得90.00元；剩余18袋均已超过保质期，仍陈列在货架上销售。"),
            new ParagraphBlock("上述事实有现场检查笔录、现场照片六张、询问笔录两份、进货单据和销售记录复印件、营业执照复印件、查封（扣押）决定书及财物清单等证据证明。"),
            new TableBlock(
                ["序号", "物品名称", "规格", "数量", "生产日期", "处理方式"],
                [
                    ["1", "“青山牌”压缩饼干", "500克/袋", "18袋", "2025年8月20日", "没收"],
                    ["2", "进货单据", "A4", "2页", "—", "随卷存档"],
                ],
                "涉案财物清单"),
            new HeadingBlock("二、陈述、申辩及听证情况"),
            new ParagraphBlock("本局于2026年10月28日向当事人送达了《行政处罚事先告知书》（安市监罚告〔2026〕12号），告知其拟作出的行政处罚及其依法享有的陈述、申辩权利。当事人在法定期限内提出的陈述意见，经复核不予采纳；考虑到其积极配合调查，本局在裁量基准内从轻处罚。"),
            new HeadingBlock("三、行政处罚的依据和决定"),
            new ParagraphBlock("本局认为，当事人经营超过保质期食品的行为，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项及《青川省市场监督管理行政处罚裁量基准》的规定，本局决定对当事人作出如下行政处罚：\n1. 没收违法所得人民币玖拾元整（¥90.00）；\n2. 没收超过保质期的“青山牌”压缩饼干18袋；\n3. 罚款人民币伍万元整（¥50,000.00）。"),
            new HeadingBlock("四、履行方式和期限"),
            new ParagraphBlock("当事人应当自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚没款。逾期不缴纳罚款的，本局可以依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款。"),
            new HeadingBlock("五、救济途径"),
            new ParagraphBlock("当事人如不服本行政处罚决定，可以在收到本决定书之日起六十日内向安平县人民政府申请行政复议，或者在六个月内依法向安平县人民法院提起行政诉讼。当事人逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本局将依法申请人民法院强制执行。"),
            new SealBlock(Authority, new DateOnly(2026, 11, 22)),
            new SignatureBlock(
            [
                new SignatureLine("当事人（签收）", "王某某", new DateOnly(2026, 11, 23)),
                new SignatureLine("执法人员（签名）", "李明、张华", new DateOnly(2026, 11, 23)),
            ]),
            new NoteBlock("本文书一式两份，一份送达当事人，一份归档。"),
        ],
        new DocumentVerification("https://zhifa.anping.example.cn/verify/document/0193f1c2-7a4e-7b21-9c55-2d8f0e6a41b7"));
}
