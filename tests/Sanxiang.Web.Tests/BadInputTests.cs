using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Demo;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Powers;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Input that breaks a rule is answered 422 ProblemDetails naming the rule, with a Chinese detail, and changes
/// nothing. The writer is head.market (may change their own agency's records).
/// </summary>
public sealed class BadInputTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private static readonly Guid Market = DemoAgencies.MarketRegulation;

    private static OfficerInput ValidOfficer() =>
        new(Market, "测试员", RegistryDemoData.DemoIdNumber(88), "3399000088", ["食品安全"], new DateOnly(2024, 1, 1), new DateOnly(2029, 1, 1), false, false);

    [Fact]
    public async Task AValidOfficer_IsRegistered_SoTheRefusalsBelowAreAboutTheirRule()
    {
        var before = await CountOfficersAsync();

        using var response = await (await HeadAsync()).PostJsonAsync("/api/registry/officers", ValidOfficer() with { CertificateNumber = "3399000089", IdNumber = RegistryDemoData.DemoIdNumber(89) });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CountOfficersAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public Task AnIdNumberWithAWrongCheckCharacter_BreaksGB11643()
    {
        var valid = RegistryDemoData.DemoIdNumber(88);
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        return OfficerRefusedAsync(ValidOfficer() with { IdNumber = wrong }, "GB11643");
    }

    [Fact]
    public async Task ACertificateNumberAlreadyRegistered_BreaksREG_CERT_UNIQUE()
    {
        var taken = (await RegistrySnapshot.ReadAsync(app, DemoAgencies.UrbanManagement)).Secrets.First(s => s.StartsWith("3311", StringComparison.Ordinal));
        await OfficerRefusedAsync(ValidOfficer() with { CertificateNumber = taken }, "REG-CERT-UNIQUE");
    }

    [Fact]
    public Task AnExpiryBeforeTheIssueDate_BreaksINPUT_DATES() =>
        OfficerRefusedAsync(ValidOfficer() with { IssuedOn = new DateOnly(2025, 6, 1), ExpiresOn = new DateOnly(2025, 5, 31) }, "INPUT-DATES");

    [Fact]
    public Task AnOverlongName_BreaksINPUT_LENGTH() =>
        OfficerRefusedAsync(ValidOfficer() with { Name = new string('张', 51) }, "INPUT-LENGTH");

    [Fact]
    public async Task ARevisionEffectiveBeforeTheCurrentVersion_BreaksREG_5()
    {
        var power = await MarketPowerAsync();
        var before = await PowerStateAsync(power);
        var revision = new PowerRevision("对经营不符合食品安全标准的食品的处罚", PowerCategory.Penalty, "《中华人民共和国食品安全法》", "第一百二十四条", "食品安全", new DateOnly(2020, 1, 1), "法律修订");

        using var response = await (await HeadAsync()).PostJsonAsync($"/api/registry/powers/{power}/versions", revision);

        await ShouldBeRuleAsync(response, "REG-5");
        (await PowerStateAsync(power)).ShouldBe(before);
    }

    [Fact]
    public async Task ABenchmarkWithMinimumAboveMaximum_BreaksREG_BENCH()
    {
        var power = await MarketPowerAsync();
        var before = await PowerStateAsync(power);
        BenchmarkLevelRow[] levels = [new(CircumstanceLevel.Minor, "情节轻微", 50_000, 10_000, null)];

        using var response = await (await HeadAsync()).PutJsonAsync($"/api/registry/powers/{power}/benchmark", levels);

        await ShouldBeRuleAsync(response, "REG-BENCH");
        (await PowerStateAsync(power)).ShouldBe(before);
    }

    private async Task<HttpClient> HeadAsync() => await (await app.SignedInAsync("head.market")).WithAntiforgeryHeaderAsync();

    private async Task OfficerRefusedAsync(OfficerInput input, string ruleId)
    {
        var before = await CountOfficersAsync();

        using var response = await (await HeadAsync()).PostJsonAsync("/api/registry/officers", input);

        await ShouldBeRuleAsync(response, ruleId);
        (await CountOfficersAsync()).ShouldBe(before);
    }

    private static async Task ShouldBeRuleAsync(HttpResponseMessage response, string ruleId)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(Api.ProblemJson);
        using var problem = await response.ReadDocumentAsync();
        var rules = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()).ToList();
        rules.ShouldContain(ruleId);
        var detail = problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNull();
        detail.ShouldContain(c => c >= '\u4e00' && c <= '\u9fff', customMessage: $"the detail should be Chinese: {detail}");
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(422);
        problem.RootElement.TryGetProperty("ruleId", out var top).ShouldBeTrue();
        top.ValueKind.ShouldBe(JsonValueKind.String);
    }

    private async Task<int> CountOfficersAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Officers.CountAsync();
    }

    private async Task<Guid> MarketPowerAsync() => (await RegistrySnapshot.ReadAsync(app, Market)).FirstPower;

    private async Task<string> PowerStateAsync(Guid powerId)
    {
        await using var scope = app.Scope();
        var p = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Powers.AsNoTracking()
            .Include(x => x.Versions).Include(x => x.Benchmark).SingleAsync(x => x.Id == powerId);
        return $"v{p.Version} current={p.CurrentVersion} versions={p.Versions.Count} benchmark={string.Join(',', p.Benchmark.OrderBy(l => l.Level).Select(l => $"{l.Level}:{l.MinFineFen}-{l.MaxFineFen}"))}";
    }
}
