using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Disclosure.Badges;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Kernel.Validation;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;
using static Sanxiang.Web.Tests.Infrastructure.PublicationApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The app with the test clock that notes which route each request matched (routing's EndpointMatched diagnostic event,
/// so also a route whose answer was a 404 re-executed as the error page), to prove the crawl reached every public route.
/// </summary>
public sealed class RouteRecordingFactory : SanxiangFactory
{
    private IDisposable? _subscription;

    public override MovableClock Clock { get; } = new(ClockFactory.Start);

    /// <summary>The route patterns that matched requests since the last Clear.</summary>
    public ConcurrentDictionary<string, int> Answered { get; } = new(StringComparer.Ordinal);

    protected override string[]? TwoFactorRoles => ["none"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _subscription = Services.GetRequiredService<DiagnosticListener>().Subscribe(new Recorder(Answered), name => name == Recorder.EndpointMatched);
    }

    protected override async Task DisposeFixtureAsync()
    {
        _subscription?.Dispose();
        await base.DisposeFixtureAsync();
    }

    private sealed class Recorder(ConcurrentDictionary<string, int> answered) : IObserver<KeyValuePair<string, object?>>
    {
        public const string EndpointMatched = "Microsoft.AspNetCore.Routing.EndpointMatched";

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is HttpContext context && context.GetEndpoint() is RouteEndpoint e)
            {
                answered.AddOrUpdate(PublicPersonalDataScanTests.PatternOf(e), 1, (_, n) => n + 1);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

/// <summary>
/// PUB-RED-2 over everything the public can reach: the demo data plus decided, served and published cases carrying
/// personal data in every field the case engine takes (party name, 18-digit ID numbers ending in X and in a digit,
/// mobiles, landlines, addresses, a legal representative, bank accounts, witness, informant and recipient names, in
/// the summary, evidence, facts, reasons, statement, service and the remedy's result text), one of them withdrawn
/// after a revoking reconsideration (APL-48). An anonymous crawl from /Public follows every same-site link under
/// /Public, /api/public, /verify and /ledger (with signed badge addresses and the open-data endpoints as extra seeds)
/// and must reach every anonymous GET route of the app's endpoint data source. No body (HTML entities, \u escapes
/// and URL encoding decoded; the .xlsx unzipped) and no URL shows a seeded value unmasked, an 18-digit ID number, a
/// mobile number or a 16–19 digit account number; the only 18-digit codes allowed are organisations' unified social
/// credit codes that the app published as such and that pass GB 32100's check.
/// </summary>
public sealed partial class PublicPersonalDataScanTests(RouteRecordingFactory app, ITestOutputHelper output) : IClassFixture<RouteRecordingFactory>
{
    private const string PersonId = "11010819920228018X";
    private const string PersonPhone = "13912345678";
    private const string PersonAddress = "安平县城关镇和平街6号院3单元";
    private const string WitnessId = "13010219790605008X";
    private const string WitnessPhone = "15033334444";
    private const string Landline = "0318-5551234";
    private const string Bank = "6217001234567890123";
    private const string SpacedBank = "6222 0212 3456 7890 123";
    private const string RepresentativeId = "13052119750707005X";
    private const string RepresentativePhone = "18611112222";
    private const string OrganisationPhone = "0318-7654321";
    private const string CreditCode = "91130126MA0CXY123X";
    private const string NumericCreditCode = "121301264012345606";

    /// <summary>What must never be public (the penalised person's own name and the organisations' names and codes may be).</summary>
    private static readonly string[] Secrets =
    [
        PersonId, PersonPhone, PersonAddress, "和平街", WitnessId, WitnessPhone, Landline, "5551234", Bank, SpacedBank, "6222021234567890123", RepresentativeId,
        RepresentativePhone, OrganisationPhone, "7654321", "赵小红", "周大海", "钱多多", "孙丽丽", "张小华", "吴晓明", "西关村", "工业园区8号", "13700001111", "13600002222",
    ];

    private static readonly string[] Prefixes = ["/Public", "/api/public", "/verify", "/ledger"];

    [Fact]
    public async Task PUB_RED_2_NoPublicPageOrApi_ShowsPersonalData_AndTheCrawlReachesEveryPublicRoute()
    {
        var (person, withdrawn, organisation, institution) = await SeedAsync();
        var urls = await CrawlAsync(person, withdrawn, organisation, institution);

        // The texts are there, masked (not merely absent).
        var anonymous = app.NewClient();
        var shown = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Public/Decisions/{person}"));
        foreach (var masked in new[] { "张伟", "110108********018X", "139****5678", "赵**", "130102********008X", "150****4444", "****0123", "周**" })
        {
            shown.ShouldContain(masked);
        }

        shown = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Public/Decisions/{organisation}"));
        foreach (var masked in new[] { "安平县鑫源食品有限公司", CreditCode, "会计孙**", "见证人孙**", "钱**", "130521********005X", "186****2222" })
        {
            shown.ShouldContain(masked);
        }

        shown = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Public/Decisions/{withdrawn}"));
        shown.ShouldContain("申请人张伟（身份证号110108********018X，电话139****5678）的复议申请成立，证人赵**证言不足采信，决定撤销");
        shown.ShouldNotContain("销售超过保质期的食品30袋");

        var routes = PublicRoutes();
        output.WriteLine($"{urls.Count} URLs; public GET routes: {string.Join(", ", routes)}");
        routes.Except(app.Answered.Keys, StringComparer.Ordinal).ShouldBeEmpty("every public route is crawled");
        foreach (var secret in Secrets)
        {
            var q = await app.NewClient().GetStringAsync($"/api/public/decisions?q={Uri.EscapeDataString(secret)}&pageSize=100");
            JsonDocument.Parse(q).RootElement.GetProperty("items").GetArrayLength().ShouldBe(0, $"the search index holds no personal data: {secret}");
        }
    }

    /// <summary>Four cases decided on 2 March 2026 and served on 4 March; the first is revoked on reconsideration on 12 March.</summary>
    private async Task<(Guid Person, Guid Withdrawn, Guid Organisation, Guid Institution)> SeedAsync()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var personParty = new { kind = "Person", name = "张伟", idNumber = PersonId, address = PersonAddress, phone = PersonPhone };
        var facts = $"当事人张伟（身份证号{PersonId}，住址：{PersonAddress}，手机{PersonPhone}）于2026年2月20日销售超过保质期的食品20袋。证人赵小红（身份证号码：{WitnessId}，手机号{WitnessPhone}，座机{Landline}，家住安平县西关村九组）证实，货款汇入当事人银行账号{Bank}，另一账户{SpacedBank}。";
        var reasons = $"举报人周大海（电话13700001111）反映属实。{Reasons}";
        var summary = $"群众举报：张伟（{PersonId}）销售过期食品，举报人周大海电话13700001111";
        var evidence = $"询问笔录：证人赵小红，身份证{WitnessId}，电话{WitnessPhone}";
        var statement = $"当事人张伟称其银行账号{Bank}，联系电话{PersonPhone}，住址{PersonAddress}";
        var personCase = await DecidedAsync(officer, head, personParty, facts, Confiscation(2_000_00), reasons: reasons, summary: summary, evidence: evidence, statement: statement);
        var withdrawnCase = await DecidedAsync(officer, head, personParty, facts.Replace("20袋", "30袋", StringComparison.Ordinal), Confiscation(1_500_00), reasons: reasons, summary: summary, evidence: evidence);
        var orgParty = new { kind = "Organisation", name = "安平县鑫源食品有限公司", creditCode = CreditCode, legalRepresentative = "钱多多", address = "安平县工业园区8号", phone = OrganisationPhone };
        var orgFacts = $"当事人安平县鑫源食品有限公司（法定代表人钱多多，身份证号{RepresentativeId}，手机{RepresentativePhone}，电话{OrganisationPhone}）销售超过保质期的食品。会计孙丽丽的个人银行账户{SpacedBank}收取货款，见证人孙丽丽在场。";
        var organisationCase = await DecidedAsync(officer, head, orgParty, orgFacts, Confiscation(3_000_00), reasons: $"法定代表人钱多多（联系电话{RepresentativePhone}）到场接受询问。{Reasons}");
        var instParty = new { kind = "Organisation", name = "安平县第二食品检验站", creditCode = NumericCreditCode, legalRepresentative = "吴晓明", address = "安平县西关村委会", phone = "13600002222" };
        var institutionCase = await DecidedAsync(officer, head, instParty, "当事人（负责人吴晓明，电话13600002222）出具虚假检验报告。", Confiscation(1_000_00));
        await RunPublicationAsync(app);

        app.Clock.MoveTo(new DateOnly(2026, 3, 4));
        officer = await ClientAsync("officer.market");
        foreach (var (id, recipient) in new[] { (personCase, "张小华"), (withdrawnCase, "张伟"), (organisationCase, "钱多多"), (institutionCase, "吴晓明") })
        {
            await OkAsync(officer, $"/api/cases/{id}/service", new { method = "Direct", servedOn = "2026-03-04", recipient });
        }

        await RunPublicationAsync(app);
        app.Clock.MoveTo(new DateOnly(2026, 3, 12));
        officer = await ClientAsync("officer.market");
        await OkAsync(officer, $"/api/cases/{withdrawnCase}/remedy", new { kind = "Reconsideration", startedOn = "2026-03-05", endedOn = "2026-03-12", result = "Revoked", outcome = $"申请人张伟（身份证号{PersonId}，电话{PersonPhone}）的复议申请成立，证人赵小红证言不足采信，决定撤销" });
        await RunPublicationAsync(app);

        var ids = new List<Guid>();
        foreach (var id in new[] { personCase, withdrawnCase, organisationCase, institutionCase })
        {
            var p = (await PublicationOfAsync(app, id))!;
            p.Status.ShouldBe(id == withdrawnCase ? PublicationStatus.Withdrawn : PublicationStatus.Published, p.WithheldRule);
            ids.Add(p.Id);
        }

        // The annual statistics of 2026 are public from 1 January 2027; the decisions are still within their display period.
        app.Clock.MoveTo(new DateOnly(2027, 1, 5));
        await RunPublicationAsync(app);
        await IntegrateLedgerAsync(app);
        return (ids[0], ids[1], ids[2], ids[3]);
    }

    private async Task<List<string>> CrawlAsync(Guid person, Guid withdrawn, Guid organisation, Guid institution)
    {
        var anonymous = app.NewClient();
        var seeds = new List<string>
        {
            "/Public", "/Public/Decisions?q=%E6%B2%A1%E6%94%B6", "/Public/Decisions?q=%E9%A3%9F%E5%93%81&category=Penalty", "/verify", "/api/public/decisions", "/api/public/decisions?page=2&pageSize=1", "/api/public/decisions?q=%E6%B2%A1%E6%94%B6&pageSize=100", "/openapi/v1.json",
            "/api/public/decisions.csv", "/api/public/decisions.csv?q=%E9%A3%9F%E5%93%81", "/api/public/decisions.atom", "/api/public/reports/2026.csv", "/api/public/reports/2026.xlsx",
            "/api/public/badge-verifier-key", "/ledger/checkpoint", "/ledger/checkpoint/cosigned", "/ledger/verifier-key", "/ledger/verifier-key-sm2", "/ledger/proof/consistency?old=1",
        };
        seeds.AddRange(new[] { person, withdrawn, organisation, institution }.SelectMany(id => new[] { $"/Public/Decisions/{id}", $"/api/public/decisions/{id}" }));
        seeds.AddRange(await BadgeAddressesAsync());
        var size = long.Parse((await anonymous.GetStringAsync("/ledger/checkpoint")).Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
        seeds.Add(size >= 256 ? "/ledger/tile/entries/000" : $"/ledger/tile/entries/000.p/{size}");
        seeds.Add(size >= 256 ? "/ledger/tile/0/000" : $"/ledger/tile/0/000.p/{size}");
        seeds.AddRange(OtherPublicRouteSeeds());

        var allowed = await AllowedCodesAsync();
        var queue = new Queue<string>(seeds);
        var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
        var failures = new List<string>();
        app.Answered.Clear();
        while (queue.Count > 0 && seen.Count <= 1500)
        {
            var url = queue.Dequeue();
            using var r = await anonymous.GetAsync(url);
            var bytes = await r.Content.ReadAsByteArrayAsync();
            var type = r.Content.Headers.ContentType?.MediaType ?? string.Empty;
            output.WriteLine($"{(int)r.StatusCode} {type} {bytes.Length} {url}");
            ((int)r.StatusCode).ShouldBeLessThan(500, url);
            if (r.StatusCode is HttpStatusCode.Redirect && r.Headers.Location is { } location)
            {
                Enqueue(location.OriginalString);
            }

            var text = type.Contains("spreadsheetml", StringComparison.Ordinal) ? XlsxText(bytes) : Encoding.UTF8.GetString(bytes);
            failures.AddRange(Leaks(Decode(url), allowed).Select(l => $"URL {url}: {l}"));
            failures.AddRange(Leaks(Decode(text), allowed).Select(l => $"{url} ({(int)r.StatusCode} {type}): {l}"));
            if (type is "text/html" or "application/atom+xml")
            {
                foreach (Match m in Href().Matches(text))
                {
                    Enqueue(WebUtility.HtmlDecode(m.Groups["url"].Value));
                }
            }
        }

        void Enqueue(string href)
        {
            var path = href.Split('#')[0];
            if (!path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out var absolute))
            {
                path = absolute.Host is "localhost" or "127.0.0.1" ? absolute.PathAndQuery : string.Empty;
            }

            if (path.StartsWith('/') && Prefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && seen.Add(path))
            {
                queue.Enqueue(path);
            }
        }

        failures.ShouldBeEmpty(string.Join('\n', failures.Take(40)));
        seen.Count.ShouldBeGreaterThan(seeds.Count, "the crawl followed links");
        return [.. seen];
    }

    /// <summary>Every GET route anyone may call without signing in (an anonymous page or endpoint, or one with no authorization at all).</summary>
    private List<string> PublicRoutes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Select(PatternOf)
            .Where(p => !SignInPages.Any(s => p.StartsWith(s, StringComparison.Ordinal)))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>The sign-in pages and the error page: forms and messages without case data (and the second-factor pages need a half sign-in).</summary>
    private static readonly string[] SignInPages = ["/Account/", "/Error"];

    /// <summary>Anonymous routes outside the portal's link tree (health, the API description): visited directly.</summary>
    private IEnumerable<string> OtherPublicRouteSeeds() =>
        PublicRoutes().Where(p => !Prefixes.Any(x => p.StartsWith(x, StringComparison.OrdinalIgnoreCase)) && !p.Contains('{', StringComparison.Ordinal));

    /// <summary>A route as a path pattern; a Razor page's second route ".../Index" is the same page as "...".</summary>
    internal static string PatternOf(RouteEndpoint e)
    {
        var p = "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/');
        return p.EndsWith("/Index", StringComparison.Ordinal) ? p[..^"/Index".Length] : p;
    }

    private async Task<IEnumerable<string>> BadgeAddressesAsync()
    {
        await using var scope = app.Scope();
        var officers = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Officers.AsNoTracking().Select(o => new { o.Id, o.CertificateNumber }).ToListAsync();
        var signer = scope.ServiceProvider.GetRequiredService<BadgeSigner>();
        return officers.Select(o => "/Public/Officer?b=" + signer.Sign(new BadgePayload(o.Id, o.CertificateNumber, app.Clock.GetUtcNow())));
    }

    /// <summary>The 18-character codes the portal may show: published organisations' credit codes that pass GB 32100.</summary>
    private async Task<HashSet<string>> AllowedCodesAsync()
    {
        await using var scope = app.Scope();
        var codes = await scope.ServiceProvider.GetRequiredService<Sanxiang.Disclosure.Persistence.DisclosureDbContext>().Publications.AsNoTracking()
            .Where(p => p.PartyCreditCode != null).Select(p => p.PartyCreditCode!).ToListAsync();
        codes.ShouldContain(NumericCreditCode);
        codes.ShouldAllBe(c => ChineseIdentifiers.IsValidCreditCode(c));
        return [.. codes];
    }

    private static IEnumerable<string> Leaks(string text, HashSet<string> allowed)
    {
        foreach (var secret in Secrets.Where(s => text.Contains(s, StringComparison.Ordinal)))
        {
            yield return $"shows {secret}";
        }

        // GUIDs (IDs in links and options) are not numbers: "8000-000000000001" would read as an account.
        text = Guid().Replace(text, "{guid}");
        foreach (Match m in IdNumber().Matches(text).Concat(Mobile().Matches(text)).Concat(Account().Matches(text)))
        {
            if (!allowed.Contains(m.Value))
            {
                yield return $"shows {m.Value} in …{text[Math.Max(0, m.Index - 40)..Math.Min(text.Length, m.Index + m.Length + 20)]}…";
            }
        }
    }

    /// <summary>The text as a reader sees it: URL encoding, JSON \u escapes and HTML entities undone.</summary>
    private static string Decode(string text)
    {
        var t = Uri.UnescapeDataString(text);
        t = JsonEscape().Replace(t, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        return WebUtility.HtmlDecode(t);
    }

    private static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sb = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            sb.Append(reader.ReadToEnd()).Append('\n');
        }

        sb.Length.ShouldBeGreaterThan(0, "the .xlsx holds worksheets");
        return sb.ToString();
    }

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();

    [GeneratedRegex(@"href\s*=\s*""(?<url>[^""]*)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();

    /// <summary>18-digit ID numbers (the last may be X), not inside a longer run of letters and digits (hashes, base64).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    /// <summary>11-digit mobile numbers, also written 3-4-4 with spaces or hyphens.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])")]
    private static partial Regex Mobile();

    /// <summary>16 to 19 digits, also in groups of four: bank card and account numbers.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{4}(?:[ -]?\d){12,15}(?![0-9A-Za-z])")]
    private static partial Regex Account();
}
