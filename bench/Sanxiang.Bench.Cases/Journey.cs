using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Features;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Bench.Cases;

/// <summary>The acting user of the current DI scope, as the host's HttpCurrentActor gives it to the outbox.</summary>
internal sealed class BenchActor : ICurrentActor
{
    public string ActorId { get; set; } = "system";
}

/// <summary>What every case of the run uses: the demo county's food-safety power and two certified officers.</summary>
internal sealed record JourneySetup(Guid PowerId, Guid[] OfficerIds, string Scenario)
{
    public static readonly AccessScope Officer = Scope("bench:officer", Roles.Officer);
    public static readonly AccessScope Head = Scope("bench:head", Roles.Head);

    /// <summary>Commands per case: the general procedure with a warning, plus the bank import when the penalty is a fine.</summary>
    public int CommandsPerCase => Scenario == "fine" ? 12 : 11;

    /// <summary>Each successful command commits the case once (one outbox event); opening with the team commits twice.</summary>
    public int VersionAtArchive => CommandsPerCase + 1;

    public static async Task<JourneySetup> FindAsync(IServiceProvider root, string scenario)
    {
        await using var scope = root.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IEnforcementDirectory>();
        var today = ChinaTime.Today(TimeProvider.System);
        var power = (await directory.PowersOfAgencyAsync(DemoAgencies.MarketRegulation, today)).Single(p => p.Code == "SJ-CF-001");
        var officers = await directory.OfficersOfAgencyAsync(DemoAgencies.MarketRegulation);
        Guid[] team = [officers.Single(o => o.Name == "王建国").Id, officers.Single(o => o.Name == "李秀英").Id];
        return new JourneySetup(power.Id, team, scenario);
    }

    private static AccessScope Scope(string actor, string role)
    {
        var agencies = new HashSet<Guid> { DemoAgencies.MarketRegulation };
        return new AccessScope(actor, DemoAgencies.MarketRegulation, new HashSet<string>(StringComparer.Ordinal) { role }, agencies, agencies);
    }
}

/// <summary>
/// One worker: runs whole cases through the real <see cref="CaseCommands"/> (and <see cref="PaymentImport"/>), each
/// command in a new DI scope as the host runs each request in one. A command refused with CONCURRENCY (the
/// per-agency number counter was taken by another worker between read and save: nothing was written) is retried
/// in a new scope, as a user would; any other exception ends the run.
/// </summary>
internal sealed class Journey(IServiceProvider root, JourneySetup setup, int worker)
{
    private const string Facts = "销售超过保质期的食品20袋";
    private const string Reasons = "违反《中华人民共和国食品安全法》第三十四条第十项";
    private int _caseNo;

    public long Transitions { get; private set; }

    public long Conflicts { get; private set; }

    public async Task RunCaseAsync()
    {
        var officer = JourneySetup.Officer;
        var head = JourneySetup.Head;
        var today = ChinaTime.Today(TimeProvider.System);
        var fine = setup.Scenario == "fine";
        var penalty = fine
            ? new PenaltyInput([PenaltyKind.Fine], 50_000_00, 0, CircumstanceLevel.Minor, null) // inside the benchmark; below the organisation's hearing and review thresholds
            : new PenaltyInput([PenaltyKind.Warning], 0, 0, CircumstanceLevel.Minor, null);
        var n = ++_caseNo;
        var party = new PartyInput(PartyKind.Organisation, string.Create(CultureInfo.InvariantCulture, $"安平县某某食品有限公司第{worker}-{n}分店"), null, "91350100M000100Y43", "钱某", "安平县工业园区8号", null);

        var id = await CallAsync(officer, (c, ct) => c.OpenClueAsync(officer, new OpenClueInput(setup.PowerId, party, "销售超过保质期的食品", today.AddDays(-10), null, today.AddDays(-3), false, setup.OfficerIds), ct));
        await RunAsync(officer, (c, ct) => c.RequestFilingAsync(officer, id, ct));
        await RunAsync(head, (c, ct) => c.ApproveFilingAsync(head, id, ct));
        await RunAsync(officer, (c, ct) => c.RecordEvidenceAsync(officer, id, new EvidenceInput("物证", "过期食品20袋", today.AddDays(-3), true, null), ct));
        await RunAsync(officer, (c, ct) => c.IssueNoticeAsync(officer, id, new NoticeInput(penalty, Facts, Reasons, today, null), ct));
        await RunAsync(officer, (c, ct) => c.RecordStatementAsync(officer, id, new StatementInput(null, true, today), ct));
        await RunAsync(officer, (c, ct) => c.DecideAsync(officer, id, new DecisionInput(DecisionOutcome.Penalty, penalty, null, Facts, Reasons), ct));
        await RunAsync(officer, (c, ct) => c.ServeAsync(officer, id, new ServiceInput(ServiceMethod.Direct, today, "钱某", false, null), ct));
        if (fine)
        {
            await PayAsync(officer, id, today);
        }

        await RunAsync(officer, (c, ct) => c.RequestClosingAsync(officer, id, new ClosingInput("已执行完毕"), ct));
        await RunAsync(head, (c, ct) => c.ApproveClosingAsync(head, id, ct));
        await RunAsync(officer, (c, ct) => c.ArchiveAsync(officer, id, ct));
    }

    /// <summary>The bank confirms the fine (罚缴分离): a one-line statement file through the real import.</summary>
    private async Task PayAsync(AccessScope officer, Guid id, DateOnly today)
    {
        string reference;
        await using (var scope = root.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id);
            reference = c.Details.Payment!.Reference;
        }

        var csv = $"交易流水号,缴款编号,金额（元）,缴款日期\nB{id:N},{reference},50000,{today:yyyy-MM-dd}\n";
        await InScopeAsync(officer, async (sp, ct) =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var result = await sp.GetRequiredService<PaymentImport>().ImportAsync(officer, stream, ct);
            return result.Matched == 1 ? 0 : throw new InvalidOperationException($"bank line not matched: {result}");
        });
    }

    private Task RunAsync(AccessScope scope, Func<CaseCommands, CancellationToken, Task> command) =>
        InScopeAsync(scope, async (sp, ct) =>
        {
            await command(sp.GetRequiredService<CaseCommands>(), ct);
            return 0;
        });

    private Task<T> CallAsync<T>(AccessScope scope, Func<CaseCommands, CancellationToken, Task<T>> command) =>
        InScopeAsync(scope, (sp, ct) => command(sp.GetRequiredService<CaseCommands>(), ct));

    private async Task<T> InScopeAsync<T>(AccessScope scope, Func<IServiceProvider, CancellationToken, Task<T>> command)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var di = root.CreateAsyncScope();
            di.ServiceProvider.GetRequiredService<BenchActor>().ActorId = scope.ActorId;
            try
            {
                var result = await command(di.ServiceProvider, CancellationToken.None);
                Transitions++;
                return result;
            }
            catch (DomainRuleException e) when (e.RuleId == "CONCURRENCY" && attempt < 50)
            {
                Conflicts++;
            }
        }
    }
}
