using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Paging;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>API keys: scoped to one agency, refused when unknown or revoked, stored only as a hash.</summary>
public sealed class ApiKeyTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    private async Task<(ApiClientKey Key, string Secret)> CreateKeyAsync(string name, Guid agencyId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, agencyId, Guid.NewGuid(), CancellationToken.None);
    }

    private HttpClient ClientWithKey(string key)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add(ApiKeyService.Header, key);
        return client;
    }

    [Fact]
    public async Task AKey_ListsOnlyItsAgencysOfficers()
    {
        var (_, secret) = await CreateKeyAsync("对接系统", DemoAgencies.MarketRegulation);
        int expected;
        await using (var scope = app.Scope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Officers.CountAsync(o => o.AgencyId == DemoAgencies.MarketRegulation);
        }

        using var response = await ClientWithKey(secret).GetAsync("/api/registry/officers?pageSize=200");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadJsonAsync<PagedResult<OfficerRow>>();
        expected.ShouldBeGreaterThan(0);
        page.Total.ShouldBe(expected);
        page.Items.ShouldAllBe(o => o.AgencyId == DemoAgencies.MarketRegulation);
        using var other = await ClientWithKey(secret).GetAsync($"/api/registry/officers?agencyId={DemoAgencies.UrbanManagement}");
        (await other.ReadJsonAsync<PagedResult<OfficerRow>>()).Total.ShouldBe(0);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("sx_000000000000_wrongsecret")]
    public async Task AnUnknownKey_Is401(string key)
    {
        using var response = await ClientWithKey(key).GetAsync("/api/registry/officers");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeyWithAWrongSecret_Is401()
    {
        var (_, secret) = await CreateKeyAsync("错误密钥", DemoAgencies.MarketRegulation);
        var prefix = secret[..secret.LastIndexOf('_')];

        using var response = await ClientWithKey(prefix + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").GetAsync("/api/registry/officers");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARevokedKey_Is401()
    {
        var (key, secret) = await CreateKeyAsync("已吊销", DemoAgencies.MarketRegulation);
        (await ClientWithKey(secret).GetAsync("/api/registry/officers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
            var stored = await db.ApiKeys.SingleAsync(k => k.Id == key.Id);
            stored.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        using var response = await ClientWithKey(secret).GetAsync("/api/registry/officers");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_AreStoredHashed_TheSecretIsNowhereInTheTable()
    {
        var (key, fullKey) = await CreateKeyAsync("哈希检查", DemoAgencies.MarketRegulation);
        var secret = fullKey[(fullKey.LastIndexOf('_') + 1)..];

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.Id);
        stored.SecretHash.ShouldBe(ApiKeyService.Hash(secret));
        stored.SecretHash.ShouldNotContain(secret);
        var everyText = await db.ApiKeys.AsNoTracking().Select(k => k.Name + "|" + k.Prefix + "|" + k.SecretHash).ToListAsync();
        everyText.ShouldAllBe(text => !text.Contains(secret) && !text.Contains(fullKey));
    }
}
