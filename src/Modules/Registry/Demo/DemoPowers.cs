using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Demo;

/// <summary>Demo powers with real legal bases (laws as in force in 2021); fines in fen.</summary>
internal static class DemoPowers
{
    private const long Yuan = 100;

    public static IEnumerable<(Agency Agency, string Code, string Name, PowerCategory Category, string Law, string Article, string Area, List<BenchmarkLevel>? Benchmark)> All(Agency market, Agency urban, Agency eco, Agency town)
    {
        yield return (market, "SJ-CF-001", "对经营不符合食品安全标准的食品的处罚", PowerCategory.Penalty, "《中华人民共和国食品安全法》", "第一百二十四条第一款", "食品安全",
            Levels((50_000, 65_000, "货值金额不足一万元，首次违法，及时召回未造成危害"), (65_000, 85_000, "货值金额不足一万元，一般情节"), (85_000, 100_000, "多次违法或造成危害后果")));
        yield return (market, "SJ-CF-002", "对未取得食品生产经营许可从事食品生产经营活动的处罚", PowerCategory.Penalty, "《中华人民共和国食品安全法》", "第一百二十二条第一款", "食品安全",
            Levels((50_000, 60_000, "货值金额不足一万元，主动停止经营"), (60_000, 80_000, "货值金额不足一万元，一般情节"), (80_000, 100_000, "经责令仍继续经营")));
        yield return (market, "SJ-CF-003", "对经营者作虚假或者引人误解的商业宣传的处罚", PowerCategory.Penalty, "《中华人民共和国反不正当竞争法》", "第二十条第一款", "市场秩序",
            Levels((200_000, 400_000, "影响范围小，及时改正"), (400_000, 700_000, "一般情节"), (700_000, 1_000_000, "情节严重（并可吊销营业执照）")));
        yield return (market, "SJ-CF-004", "对生产、销售不符合保障人体健康和人身、财产安全标准的产品的处罚", PowerCategory.Penalty, "《中华人民共和国产品质量法》", "第四十九条", "产品质量", null);
        yield return (market, "SJ-CF-005", "对经营者不按规定明码标价的处罚", PowerCategory.Penalty, "《中华人民共和国价格法》", "第四十二条", "价格监督",
            Levels((0, 1_000, "首次发现，当场改正"), (1_000, 3_000, "一般情节"), (3_000, 5_000, "拒不改正或多次违法")));
        yield return (market, "SJ-CF-006", "对无照经营的处罚", PowerCategory.Penalty, "《无证无照经营查处办法》", "第十三条", "市场秩序", null);
        yield return (market, "SJ-XK-001", "食品经营许可", PowerCategory.Licensing, "《中华人民共和国食品安全法》", "第三十五条", "食品安全", null);
        yield return (market, "SJ-QZ-001", "查封、扣押有证据证明不符合食品安全标准的食品", PowerCategory.Coercion, "《中华人民共和国食品安全法》", "第一百一十条第四项", "食品安全", null);
        yield return (market, "SJ-JC-001", "对食品生产经营者的监督检查", PowerCategory.Inspection, "《中华人民共和国食品安全法》", "第一百一十条", "食品安全", null);

        yield return (urban, "ZF-CF-001", "对擅自设置大型户外广告的处罚", PowerCategory.Penalty, "《城市市容和环境卫生管理条例》", "第三十六条第二项", "市容环卫", null);
        yield return (urban, "ZF-CF-002", "对未取得建设工程规划许可证进行建设的处罚", PowerCategory.Penalty, "《中华人民共和国城乡规划法》", "第六十四条", "城乡规划", null);
        yield return (urban, "ZF-CF-003", "对个人随意倾倒、抛撒、堆放生活垃圾的处罚", PowerCategory.Penalty, "《中华人民共和国固体废物污染环境防治法》", "第一百一十一条第一款第一项、第二款", "市容环卫",
            Levels((100, 200, "初次违法，量少并当场清理"), (200, 400, "一般情节"), (400, 500, "拒不清理或多次违法")));
        yield return (urban, "ZF-CF-004", "对擅自占用或者挖掘城市道路的处罚", PowerCategory.Penalty, "《城市道路管理条例》", "第四十二条", "市政公用", null);
        yield return (urban, "ZF-QZ-001", "强制拆除违法建设", PowerCategory.Coercion, "《中华人民共和国城乡规划法》", "第六十八条", "城乡规划", null);
        yield return (urban, "ZF-JC-001", "对城市道路占用情况的监督检查", PowerCategory.Inspection, "《城市道路管理条例》", "第三十九条", "市政公用", null);

        yield return (eco, "HB-CF-001", "对超过大气污染物排放标准排放大气污染物的处罚", PowerCategory.Penalty, "《中华人民共和国大气污染防治法》", "第九十九条第二项", "大气污染防治",
            Levels((100_000, 300_000, "超标倍数小于0.5倍，及时改正"), (300_000, 600_000, "超标0.5倍至1倍"), (600_000, 1_000_000, "超标1倍以上或拒不改正")));
        yield return (eco, "HB-CF-002", "对通过暗管、渗井等逃避监管的方式排放水污染物的处罚", PowerCategory.Penalty, "《中华人民共和国水污染防治法》", "第八十三条第三项", "水污染防治",
            Levels((200_000, 400_000, "排放量小，未造成污染"), (400_000, 700_000, "一般情节"), (700_000, 1_000_000, "造成水体污染")));
        yield return (eco, "HB-CF-003", "对建设项目未依法报批环境影响报告书擅自开工建设的处罚", PowerCategory.Penalty, "《中华人民共和国环境影响评价法》", "第三十一条第一款", "环境影响评价", null);
        yield return (eco, "HB-QZ-001", "查封、扣押造成污染物排放的设施、设备", PowerCategory.Coercion, "《中华人民共和国环境保护法》", "第二十五条", "大气污染防治", null);
        yield return (eco, "HB-XK-001", "排污许可证核发", PowerCategory.Licensing, "《中华人民共和国环境保护法》", "第四十五条", "排污许可", null);
        yield return (eco, "HB-JC-001", "对排放污染物的企业事业单位的现场检查", PowerCategory.Inspection, "《中华人民共和国环境保护法》", "第二十四条", "大气污染防治", null);

        yield return (town, "CG-CF-001", "对农村村民未经批准非法占用土地建住宅的处罚", PowerCategory.Penalty, "《中华人民共和国土地管理法》", "第七十八条", "土地管理", null);
        yield return (town, "CG-CF-002", "对在街道两侧和公共场地堆放物料、搭建建筑物的处罚", PowerCategory.Penalty, "《城市市容和环境卫生管理条例》", "第三十六条第六项", "市容环卫", null);
    }

    private static List<BenchmarkLevel> Levels(params (long MinYuan, long MaxYuan, string Circumstances)[] levels) =>
        [.. levels.Select((l, i) => new BenchmarkLevel
        {
            Level = (CircumstanceLevel)(i + 1),
            Circumstances = l.Circumstances,
            MinFineFen = l.MinYuan * Yuan,
            MaxFineFen = l.MaxYuan * Yuan,
        })];
}
