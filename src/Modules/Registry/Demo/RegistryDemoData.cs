using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Demo;

/// <summary>
/// The demo county: a province, a city, a county with three enforcement agencies, a Justice Bureau and a
/// township (each with its region, GB/T 2260); about 30 officers (some certificates expired or expiring, reviewers with the legal
/// qualification, auxiliary staff) and 22 powers with real legal bases, six with discretion benchmarks.
/// All names and ID numbers are invented.
/// </summary>
internal sealed class RegistryDemoData(RegistryDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        // Regions: GB/T 2260-shaped codes in the 33 / 3311 / 331126 block the demo's ID numbers and certificates already
        // use, named after the invented places. The township takes its county's code (township codes are GB/T 10114).
        const string provinceCode = "330000", cityCode = "331100", countyCode = "331126";
        const string provinceName = "青川省", cityName = "青川省云溪市", countyName = "青川省云溪市安平县";
        var province = Add(DemoAgencies.Province, null, "青川省人民政府", AgencyLevel.Province, AgencyKind.Government, "青川省司法厅", provinceCode, provinceName);
        var city = Add(DemoAgencies.City, province, "云溪市人民政府", AgencyLevel.City, AgencyKind.Government, "云溪市司法局", cityCode, cityName);
        var county = Add(DemoAgencies.County, city, "安平县人民政府", AgencyLevel.County, AgencyKind.Government, "安平县司法局", countyCode, countyName);
        var market = Add(DemoAgencies.MarketRegulation, county, "安平县市场监督管理局", AgencyLevel.County, AgencyKind.MarketRegulation, "法规科", countyCode, countyName);
        var urban = Add(DemoAgencies.UrbanManagement, county, "安平县综合行政执法局", AgencyLevel.County, AgencyKind.UrbanManagement, "法制科", countyCode, countyName);
        var eco = Add(DemoAgencies.Ecology, county, "云溪市生态环境局安平分局", AgencyLevel.County, AgencyKind.EcologyEnvironment, "法规与标准股", countyCode, countyName);
        Add(DemoAgencies.Justice, county, "安平县司法局", AgencyLevel.County, AgencyKind.JusticeBureau, "行政执法协调监督股", countyCode, countyName);
        var town = Add(DemoAgencies.Township, county, "安平县城关镇人民政府", AgencyLevel.Township, AgencyKind.Government, "城关镇司法所", countyCode, countyName);

        var officers = new (Agency Agency, string Name, string Areas, int ExpiresInDays, bool Aux, bool Legal)[]
        {
            (market, "王建国", "食品安全、市场秩序", 700, false, false), (market, "李秀英", "食品安全", 400, false, true),
            (market, "张伟", "产品质量、市场秩序", 20, false, false), (market, "刘洋", "价格监督、市场秩序", -30, false, false),
            (market, "陈静", "食品安全、产品质量", 900, false, true), (market, "杨帆", "市场秩序", 365, false, false),
            (market, "赵磊", "食品安全", 1000, false, false), (market, "黄丽", "食品安全", 500, true, false),
            (urban, "周强", "市容环卫、城乡规划", 800, false, false), (urban, "吴敏", "市容环卫", 45, false, false),
            (urban, "徐军", "城乡规划", 600, false, true), (urban, "孙涛", "市容环卫、市政公用", -200, false, false),
            (urban, "马超", "市政公用、城乡规划", 300, false, false), (urban, "朱红", "市容环卫", 750, false, false),
            (urban, "胡斌", "市容环卫", 400, true, false), (urban, "郭亮", "城乡规划", 1100, false, false),
            (eco, "何平", "大气污染防治、水污染防治", 650, false, false), (eco, "高峰", "水污染防治", 15, false, false),
            (eco, "林芳", "环境影响评价、大气污染防治", 900, false, true), (eco, "罗勇", "大气污染防治", 820, false, false),
            (eco, "郑华", "水污染防治、环境影响评价", -5, false, false), (eco, "梁晨", "大气污染防治", 540, false, false),
            (eco, "宋佳", "水污染防治", 480, true, false),
            (town, "谢文", "市容环卫、土地管理", 700, false, false), (town, "韩雪", "土地管理", 380, false, false),
            (town, "唐俊", "市容环卫", 25, false, true), (town, "冯刚", "土地管理、市容环卫", 990, false, false),
            (town, "于洁", "市容环卫", 600, true, false),
            (county, "曹明", "执法监督", 800, false, true), (county, "彭丽华", "执法监督", 700, false, true),
        };
        for (var i = 0; i < officers.Length; i++)
        {
            var o = officers[i];
            var expires = today.AddDays(o.ExpiresInDays);
            var data = new OfficerData(o.Name, DemoIdNumber(i), $"3311{(i + 1).ToString("D7", CultureInfo.InvariantCulture)}", o.Areas.Split('、'), expires.AddYears(-5), expires, o.Aux, o.Legal);
            var officer = Officer.Register(o.Agency.Id, data, now);
            officer.RecordTraining(today.Year - 1, 20 + (i % 5 * 8));
            if (i == 5)
            {
                officer.ChangeStatus(CertificateStatus.Suspended);
            }

            db.Officers.Add(officer);
        }

        foreach (var (agency, code, name, cat, law, article, area, bench) in DemoPowers.All(market, urban, eco, town))
        {
            var power = Power.Create(agency.Id, code, new PowerVersionData(name, cat, law, article, area, new DateOnly(2021, 7, 15), null), now);
            if (bench is not null)
            {
                power.SetBenchmark(bench);
            }

            db.Powers.Add(power);
        }

        await db.SaveChangesAsync(ct);

        Agency Add(Guid id, Agency? parent, string name, AgencyLevel level, AgencyKind kind, string legalUnit, string regionCode, string regionName)
        {
            var agency = Agency.CreateWithId(id, new AgencyData(name, level, kind, null, legalUnit, null, regionCode, regionName), parent);
            db.Agencies.Add(agency);
            return agency;
        }
    }

    /// <summary>An invented ID number with a correct GB 11643 check character (region 331126, born 1975–1994).</summary>
    internal static string DemoIdNumber(int i)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"331126{1975 + (i % 20)}{(i % 12) + 1:D2}{(i % 28) + 1:D2}{(i * 37) % 1000:D3}");
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var k = 0; k < 17; k++)
        {
            sum += (body[k] - '0') * w[k];
        }

        return body + "10X98765432"[sum % 11];
    }
}
