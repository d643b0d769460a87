using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Bench;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Bench.Disclosure;

internal static class Corpus
{
    public static readonly string[] Cities = ["安平市", "清河市", "临江市", "东阳市", "西林市"];
    public static readonly string[] Systems = ["市场监督管理局", "生态环境局", "城市管理综合行政执法局", "交通运输局", "应急管理局", "卫生健康委员会", "文化和旅游局", "自然资源和规划局"];

    /// <summary>Enforcement matters: the power, the law, the facts' core phrase, the result.</summary>
    public static readonly (string Power, string Law, string Fact, string Result)[] Matters =
    [
        ("对销售超过保质期食品的行政处罚", "《中华人民共和国食品安全法》第一百二十四条第一款第五项", "销售超过保质期的预包装食品", "没收违法所得，并处罚款"),
        ("对生产经营不符合食品安全标准食品的行政处罚", "《中华人民共和国食品安全法》第一百二十四条", "经营标签不符合食品安全标准的食品", "没收违法所得和违法经营的食品，并处罚款"),
        ("对未取得食品经营许可从事食品经营的行政处罚", "《中华人民共和国食品安全法》第一百二十二条", "未取得食品经营许可证从事餐饮服务", "没收违法所得，并处罚款"),
        ("对发布虚假广告的行政处罚", "《中华人民共和国广告法》第五十五条", "通过微信公众号发布虚假广告，宣传产品具有治疗功效", "责令停止发布广告，并处罚款"),
        ("对销售不合格产品的行政处罚", "《中华人民共和国产品质量法》第四十九条", "销售经抽样检验不合格的电线电缆", "没收违法销售的产品，并处罚款"),
        ("对计量器具未经检定使用的行政处罚", "《中华人民共和国计量法》第二十六条", "使用未经检定的电子计价秤", "责令停止使用，并处罚款"),
        ("对价格违法行为的行政处罚", "《中华人民共和国价格法》第四十条", "在商品标价之外加价出售商品", "责令改正，没收违法所得，并处罚款"),
        ("对侵犯注册商标专用权的行政处罚", "《中华人民共和国商标法》第六十条", "销售侵犯注册商标专用权的运动鞋", "没收、销毁侵权商品，并处罚款"),
        ("对特种设备未经定期检验继续使用的行政处罚", "《中华人民共和国特种设备安全法》第八十四条", "使用未经定期检验的电梯", "责令停止使用有关特种设备，并处罚款"),
        ("对药品经营企业未按规定储存药品的行政处罚", "《中华人民共和国药品管理法》第一百二十六条", "未按照规定的温度条件储存冷藏药品", "责令限期改正，给予警告，并处罚款"),
        ("对未经批准擅自设立网吧的行政处罚", "《互联网上网服务营业场所管理条例》第二十七条", "未取得网络文化经营许可证擅自从事互联网上网服务经营活动", "没收从事违法经营活动的专用工具、设备，并处罚款"),
        ("对超标排放大气污染物的行政处罚", "《中华人民共和国大气污染防治法》第九十九条第二项", "锅炉废气排放口颗粒物浓度超过国家排放标准", "责令改正，并处罚款"),
        ("对未批先建的行政处罚", "《中华人民共和国环境影响评价法》第三十一条第一款", "建设项目环境影响报告表未经批准擅自开工建设", "责令停止建设，并处罚款"),
        ("对无证排污的行政处罚", "《排污许可管理条例》第三十三条第一项", "未取得排污许可证排放污染物", "责令停产整治，并处罚款"),
        ("对违法倾倒危险废物的行政处罚", "《中华人民共和国固体废物污染环境防治法》第一百一十二条", "将废矿物油等危险废物提供给无经营许可证的单位处置", "责令改正，没收违法所得，并处罚款"),
        ("对通过暗管排放水污染物的行政处罚", "《中华人民共和国水污染防治法》第八十三条第三项", "通过暗管排放含重金属的生产废水", "责令改正，责令停产整治，并处罚款"),
        ("对噪声超标的行政处罚", "《中华人民共和国噪声污染防治法》第七十五条", "夜间进行产生噪声的建筑施工作业", "责令改正，并处罚款"),
        ("对擅自占用城市道路的行政处罚", "《城市道路管理条例》第四十二条", "未经批准擅自占用城市道路堆放建筑材料", "责令限期改正，并处罚款"),
        ("对违法建设的行政处罚", "《中华人民共和国城乡规划法》第六十四条", "未取得建设工程规划许可证在屋顶搭建彩钢板房", "责令限期拆除"),
        ("对擅自设置户外广告的行政处罚", "《城市市容和环境卫生管理条例》第三十六条", "擅自在建筑物外立面设置大型户外广告牌", "责令限期拆除，并处罚款"),
        ("对乱倒建筑垃圾的行政处罚", "《城市建筑垃圾管理规定》第二十条", "随意倾倒建筑垃圾", "责令限期改正，给予警告，并处罚款"),
        ("对占道经营的行政处罚", "《城市市容和环境卫生管理条例》第三十四条", "在人行道上摆摊设点占道经营", "责令改正，并处罚款"),
        ("对道路运输经营者未取得许可从事经营的行政处罚", "《中华人民共和国道路运输条例》第六十三条", "未取得道路运输经营许可擅自从事道路普通货物运输经营", "责令停止经营，没收违法所得，并处罚款"),
        ("对超限运输的行政处罚", "《公路安全保护条例》第六十四条", "车辆超过公路限载标准行驶", "责令改正，并处罚款"),
        ("对网约车未取得许可的行政处罚", "《网络预约出租汽车经营服务管理暂行办法》第三十四条", "未取得网络预约出租汽车运输证从事网约车经营", "责令改正，并处罚款"),
        ("对生产经营单位未进行安全生产教育培训的行政处罚", "《中华人民共和国安全生产法》第九十七条第三项", "未如实记录安全生产教育和培训情况", "责令限期改正，并处罚款"),
        ("对未按规定储存烟花爆竹的行政处罚", "《烟花爆竹安全管理条例》第三十八条", "在居民住宅内储存烟花爆竹", "没收非法储存的烟花爆竹，并处罚款"),
        ("对危险化学品经营单位未取得许可的行政处罚", "《危险化学品安全管理条例》第七十七条", "未取得危险化学品经营许可证经营油漆稀释剂", "责令停止经营活动，没收违法经营的危险化学品，并处罚款"),
        ("对未取得医疗机构执业许可证擅自执业的行政处罚", "《医疗机构管理条例》第四十三条", "未取得医疗机构执业许可证擅自开展诊疗活动", "责令停止执业活动，没收违法所得和药品、器械，并处罚款"),
        ("对公共场所卫生不合格的行政处罚", "《公共场所卫生管理条例》第十四条", "游泳池水质经检测不符合卫生标准", "给予警告，并处罚款"),
        ("对未经许可经营演出的行政处罚", "《营业性演出管理条例》第四十三条", "未经批准举办营业性演出", "没收演出器材和违法所得，并处罚款"),
        ("对非法占用土地的行政处罚", "《中华人民共和国土地管理法》第七十七条", "未经批准占用集体土地建设厂房", "责令退还非法占用的土地，限期拆除新建的建筑物，并处罚款"),
        ("对非法采矿的行政处罚", "《中华人民共和国矿产资源法》第三十九条", "未取得采矿许可证擅自开采建筑用砂", "责令停止开采，没收采出的矿产品和违法所得，并处罚款"),
        ("对销售不合格化肥的行政处罚", "《中华人民共和国产品质量法》第五十条", "销售有效成分含量不合格的复合肥料", "没收违法销售的产品，并处罚款"),
        ("对经营禁用农药的行政处罚", "《农药管理条例》第五十五条", "经营国家禁止使用的高毒农药", "没收违法所得和违法经营的农药，并处罚款"),
        ("对无照经营的行政处罚", "《无证无照经营查处办法》第十三条", "未依法取得营业执照从事美容美发经营", "责令停止违法行为，没收违法所得，并处罚款"),
        ("对未按规定公示年度报告的行政处理", "《企业信息公示暂行条例》第十七条", "未按照规定的期限公示年度报告", "列入经营异常名录"),
        ("对不正当有奖销售的行政处罚", "《中华人民共和国反不正当竞争法》第二十二条", "开展抽奖式有奖销售最高奖金额超过五万元", "责令停止违法行为，并处罚款"),
        ("对销售假冒伪劣化妆品的行政处罚", "《化妆品监督管理条例》第六十条", "销售未经注册的特殊化妆品", "没收违法所得和违法经营的化妆品，并处罚款"),
        ("对医疗器械经营企业未备案的行政处罚", "《医疗器械监督管理条例》第八十四条", "未经备案经营第二类医疗器械", "责令限期改正，并处罚款"),
    ];

    public static readonly string[] Places = ["城关镇", "开发区", "高新区", "东城街道", "西城街道", "南湖街道", "北山镇", "滨江新区", "经济技术开发区", "火车站片区", "老城区", "工业园区"];
    public static readonly string[] Premises = ["经营场所", "门店", "仓库", "生产车间", "餐饮店", "超市", "施工工地", "停车场", "批发市场摊位", "网店"];
    public static readonly string[] Findings = ["现场查获", "经抽样检验", "经调查核实", "执法人员现场检查发现", "经群众举报", "经监督抽查", "经视频监控核查", "根据上级交办线索"];
    public static readonly string[] Circumstances = ["当事人对违法事实供认不讳", "当事人积极配合调查", "当事人已于调查期间主动整改", "当事人系初次违法", "违法行为持续时间较长", "当事人拒不改正", "造成一定社会影响", "社会危害性较小"];
    public static readonly string[] Companies = ["商贸", "食品", "餐饮", "建材", "科技", "物流", "药业", "环保", "建筑工程", "化工", "农资", "文化传媒", "汽车服务", "医疗器械", "美容"];
    public static readonly string[] Names = ["宏达", "兴盛", "华泰", "恒通", "金源", "鑫隆", "瑞丰", "永安", "嘉和", "顺发", "博远", "天成", "富康", "新世纪", "万家"];
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    public static Guid AgencyId(int i) => new($"00000000-0000-4000-8000-{i + 1:D12}");

    public static string AgencyName(int i) => Cities[i % Cities.Length] + Systems[i / Cities.Length % Systems.Length];

    public static async Task<int> SeedAsync(Args a)
    {
        var provider = a.Get("db", "sqlite") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var count = a.Long("count", 1_000_000);
        var batch = a.Int("batch", 5000);
        var options = new DatabaseOptions { Provider = provider, ConnectionString = a.Get("conn", "Data Source=bench.db") };
        var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
        options.Configure(builder);
        var rules = new PublicationRules(7, 20, 3, 3, 1);
        var rng = new Random(20261122);
        var first = new DateOnly(2024, 12, 1);
        var last = new DateOnly(2026, 11, 13);
        var span = last.DayNumber - first.DayNumber;
        var sw = Stopwatch.StartNew();
        long seq;
        await using (var db0 = new DisclosureDbContext(builder.Options, new SystemActor(), TimeProvider.System))
        {
            seq = await db0.Publications.MaxAsync(p => p.Seq) ?? 0;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            // A bulk load: the GIN index is created again at the end, in one pass (as a restore would), instead of
            // taking about 300 entries per decision one decision at a time.
            await using var db0 = new DisclosureDbContext(builder.Options, new SystemActor(), TimeProvider.System);
            await db0.Database.ExecuteSqlRawAsync("""DROP INDEX IF EXISTS "IX_disclosure_search_Keys" """);
        }

        for (long done = 0; done < count;)
        {
            await using var db = new DisclosureDbContext(builder.Options, new SystemActor(), TimeProvider.System);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var index = new DecisionIndex(db);
            await using var tx = await db.Database.BeginTransactionAsync();
            var published = new List<Publication>();
            var n = (int)Math.Min(batch, count - done);
            for (var i = 0; i < n; i++)
            {
                // Publication order follows the decision dates, as the pipeline publishes them.
                var decided = first.AddDays((int)((done + i) * span / count));
                var c = Case(rng, decided, done + i);
                var p = Publication.Take(c, Agencies[c.AgencyId], rules, AddWorkingDays);
                p.Update(c, rules, decided, AddWorkingDays);
                seq++;
                p.PublishIfServed(seq, c.ServedOn!.Value, new DateTimeOffset(c.ServedOn.Value.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), rules);
                p.Indexed = true;
                p.ClearDomainEvents(); // the benchmark's decisions are not committed to the Ledger
                published.Add(p);
            }

            db.Publications.AddRange(published);
            await db.SaveChangesAsync();
            foreach (var p in published)
            {
                await index.AddAsync(p, default);
            }

            await tx.CommitAsync();
            done += n;
            if (done % 100_000 == 0 || done == count)
            {
                Console.Error.WriteLine($"  {done:N0} decisions, {sw.Elapsed.TotalSeconds:F0} s");
            }
        }

        if (provider == DatabaseProvider.Postgres)
        {
            await using var db1 = new DisclosureDbContext(builder.Options, new SystemActor(), TimeProvider.System);
            db1.Database.SetCommandTimeout(TimeSpan.FromHours(2));
            await db1.Database.OpenConnectionAsync();
            await db1.Database.ExecuteSqlRawAsync("SET maintenance_work_mem = '1GB'");
            await db1.Database.ExecuteSqlRawAsync(DecisionIndex.PostgresKeysIndex);
            Console.Error.WriteLine($"  GIN index created, {sw.Elapsed.TotalSeconds:F0} s");
        }

        var loaded = sw.Elapsed.TotalSeconds;
        await using (var db = new DisclosureDbContext(builder.Options, new SystemActor(), TimeProvider.System))
        {
            // Statistics, as a database in service has them (PostgreSQL's autovacuum would gather them in time), and the days
            // table compacted (every decision of the load rewrote its day's row: thousands of dead rows per day).
            foreach (var sql in provider == DatabaseProvider.Postgres
                ? new[] { "VACUUM ANALYZE disclosure_publications", "VACUUM ANALYZE disclosure_search", "VACUUM FULL ANALYZE disclosure_days" }
                : ["ANALYZE"])
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count} decisions in {loaded:F0} s (statistics {sw.Elapsed.TotalSeconds - loaded:F0} s)"));
        return 0;
    }

    /// <summary>The city's region code (invented, in the demo's 33 block): 331100, 331200, …</summary>
    public static string RegionOf(int i) => string.Create(CultureInfo.InvariantCulture, $"33{11 + i % Cities.Length}00");

    private static readonly Dictionary<Guid, AgencySummary> Agencies = Enumerable.Range(0, 40).ToDictionary(AgencyId, i =>
        new AgencySummary(AgencyId(i), AgencyName(i), AgencyLevel.City, AgencyKind.MarketRegulation, null, RegionOf(i), "青川省" + Cities[i % Cities.Length]));

    private static DateOnly AddWorkingDays(DateOnly day, int n)
    {
        while (n > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                n--;
            }
        }

        return day;
    }

    /// <summary>One decided and served case; a natural person's only in the last ten months (their display period is a year).</summary>
    internal static DecidedCase Case(Random rng, DateOnly decided, long n)
    {
        var agency = rng.Next(40);
        var matter = Matters[(int)Math.Min(Matters.Length - 1, Math.Floor(Math.Pow(rng.NextDouble(), 1.6) * Matters.Length))];
        var person = decided > new DateOnly(2026, 1, 15) && rng.NextDouble() < 0.3;
        var witness = Surnames[rng.Next(Surnames.Length)] + Names[rng.Next(Names.Length)][..1];
        var partyName = person
            ? Surnames[rng.Next(Surnames.Length)] + Names[rng.Next(Names.Length)]
            : Cities[rng.Next(Cities.Length)][..2] + Names[rng.Next(Names.Length)] + Companies[rng.Next(Companies.Length)] + "有限公司";
        var amount = rng.Next(1, 200) * 500;
        var gain = rng.Next(0, 50) * 100;
        var facts = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Findings[rng.Next(Findings.Length)]}，当事人于{decided.AddDays(-rng.Next(20, 120)):yyyy年M月d日}起在{Places[rng.Next(Places.Length)]}的{Premises[rng.Next(Premises.Length)]}{matter.Fact}，")
            .Append(CultureInfo.InvariantCulture, $"货值金额{gain * 3 + 500}元，违法所得{gain}元。证人{witness}的证言、现场检查笔录、询问笔录、照片等证据证实上述事实。{Circumstances[rng.Next(Circumstances.Length)]}。")
            .ToString();
        var reasons = $"当事人的上述行为违反了{matter.Law.Split('第')[0]}的规定，{Circumstances[rng.Next(Circumstances.Length)]}，依照行政处罚裁量基准，决定从轻处罚。";
        var result = matter.Result.EndsWith("罚款", StringComparison.Ordinal) ? $"{matter.Result}人民币{amount}元。" : matter.Result + "。";
        var category = rng.NextDouble() < 0.92 ? DecisionCategory.Penalty : rng.NextDouble() < 0.5 ? DecisionCategory.Licensing : DecisionCategory.Other;
        var caseNumber = string.Create(CultureInfo.InvariantCulture, $"{Cities[agency % Cities.Length][..2]}执罚〔{decided.Year}〕{n % 100000 + 1}号");
        return new DecidedCase(
            Guid.CreateVersion7(new DateTimeOffset(decided.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            AgencyId(agency),
            caseNumber,
            1,
            DateTimeOffset.UtcNow,
            caseNumber.Replace("执罚", "市监罚决", StringComparison.Ordinal),
            Convert.ToHexStringLower(BitConverter.GetBytes(n).Concat(new byte[24]).ToArray()),
            category,
            DecisionOutcome.Penalty,
            matter.Power,
            decided,
            AddWorkingDays(decided, rng.Next(1, 5)),
            new PublishableParty(person ? PartyKind.Person : PartyKind.Organisation, partyName, person ? null : $"91{rng.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999):D16}"),
            false,
            null,
            false,
            facts,
            reasons,
            matter.Law,
            result,
            [new PersonalDatum(PersonalDataKind.PersonName, witness)],
            []);
    }

    /// <summary>The search URLs replayed by the load generator: the words people look for, some with filters, mostly the first page.</summary>
    public static int Urls(Args a)
    {
        var rng = new Random(7);
        var count = a.Int("count", 20_000);
        var basePath = a.Get("path", "/api/public/decisions");
        var words = new List<string>
        {
            "罚款", "食品", "停产", "广告", "排污", "保质期", "违法所得", "危险废物", "烟花爆竹", "网约车", "电梯", "农药", "化妆品", "医疗器械", "噪声", "建筑垃圾",
            "商标", "计量", "价格", "无照", "占道", "超限", "采矿", "土地", "演出", "网吧", "药品", "大气", "暗管", "规划", "户外广告", "安全生产", "警告",
            "没收", "责令改正", "停止", "有限公司", "市场监督", "生态环境", "城市管理", "交通运输", "应急管理", "卫生", "文化", "自然资源", "从轻", "初次", "整改",
        };
        words.AddRange(Places.Select(p => p[..2]));
        words.AddRange(Companies.Where(c => c.Length >= 2).Select(c => c[..2]));
        words.AddRange(Names);
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var q = words[rng.Next(words.Count)];
            var roll = rng.NextDouble();
            var extra = new StringBuilder();
            if (roll < 0.2)
            {
                q += " " + words[rng.Next(words.Count)];
            }
            else if (roll < 0.35)
            {
                extra.Append(CultureInfo.InvariantCulture, $"&agencyId={AgencyId(rng.Next(40))}");
            }
            else if (roll < 0.45)
            {
                extra.Append(CultureInfo.InvariantCulture, $"&category={(rng.NextDouble() < 0.7 ? "Penalty" : "Licensing")}");
            }
            else if (roll < 0.5)
            {
                extra.Append(CultureInfo.InvariantCulture, $"&region={RegionOf(rng.Next(Cities.Length))}");
            }
            else if (roll < 0.6)
            {
                var from = new DateOnly(2025, 1, 1).AddDays(rng.Next(600));
                extra.Append(CultureInfo.InvariantCulture, $"&from={from:yyyy-MM-dd}&to={from.AddDays(rng.Next(7, 120)):yyyy-MM-dd}");
            }

            var page = rng.NextDouble() < 0.8 ? 1 : rng.Next(2, 11);
            lines.Add($"{basePath}?q={Uri.EscapeDataString(q)}{extra}&page={page}");
        }

        File.WriteAllLines(a.Get("out", "urls.txt"), lines);
        return 0;
    }
}
