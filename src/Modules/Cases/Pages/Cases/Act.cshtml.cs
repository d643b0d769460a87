using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>One page for every lawful action on a case: the form for the action, and the step when posted.</summary>
internal sealed class ActModel(IAccessScopeProvider scopes, CaseCommands commands, CaseQueries queries, IEnforcementDirectory directory, TimeProvider clock, IOptions<CaseRuleOptions> rules) : CasesPageModel(scopes)
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["team"] = "调整执法人员",
        ["request-filing"] = "提请立案审批",
        ["approve-filing"] = "批准立案",
        ["reject-filing"] = "不予立案",
        ["evidence"] = "收集证据",
        ["flags"] = "标记重大复杂情形",
        ["recusal"] = "申请回避",
        ["recusal-decision"] = "决定回避",
        ["measure"] = "查封扣押 / 先行登记保存",
        ["measure-approve"] = "补办强制措施批准",
        ["measure-extend"] = "延长查封扣押期限",
        ["measure-end"] = "解除措施或作出处理决定",
        ["notice"] = "送达行政处罚事先告知书",
        ["statement"] = "记录陈述申辩",
        ["hearing-request"] = "登记听证申请",
        ["hearing-schedule"] = "安排听证",
        ["hearing-record"] = "记录听证",
        ["discussion"] = "集体讨论",
        ["extend"] = "延长办案期限",
        ["decision"] = "作出决定",
        ["recording-exception"] = "批准音像记录例外",
        ["service"] = "送达决定书",
        ["on-the-spot"] = "当场收缴罚款",
        ["deferral"] = "批准延期缴纳罚款",
        ["instalments"] = "批准分期缴纳罚款",
        ["remedy"] = "登记复议或诉讼",
        ["publication-exemption"] = "决定不予公开",
        ["demand"] = "送达催告书",
        ["court"] = "申请法院强制执行",
        ["court-outcome"] = "登记法院执行结果",
        ["closing"] = "提请结案",
        ["approve-closing"] = "批准结案",
        ["archive"] = "立卷归档",
    };

    [BindProperty]
    public CaseForm Form { get; set; } = new();

    public CaseView Case { get; private set; } = null!;

    public string Action { get; private set; } = string.Empty;

    public IReadOnlyList<OfficerFacts> Officers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>APL-66: the most instalments one approval may set (Cases:Rules).</summary>
    public int MaxInstalments => rules.Value.MaxInstalments;

    public async Task<IActionResult> OnGetAsync(Guid id, string action, CancellationToken ct)
    {
        if (!await LoadAsync(id, action, ct))
        {
            return NotFound();
        }

        Prefill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string action, CancellationToken ct)
    {
        if (!await LoadAsync(id, action, ct))
        {
            return NotFound();
        }

        try
        {
            await ExecuteAsync(id, ct);
            return Redirect($"/Cases/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }

    private async Task<bool> LoadAsync(Guid id, string action, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        if (!Titles.ContainsKey(action))
        {
            return false;
        }

        Action = action;
        Today = ChinaTime.Today(clock);
        Case = await queries.GetAsync(scope, id, ct);
        Officers = await directory.OfficersOfAgencyAsync(Case.AgencyId, ct);
        ViewData["Title"] = Titles[action];
        Breadcrumbs(("案件办理", "/Cases"), (Case.Number, $"/Cases/Details/{id}"), (Titles[action], null));
        return true;
    }

    private void Prefill()
    {
        var f = Form;
        f.Date1 = Today;
        f.Flag1 = Action is "evidence";
        f.OfficerIds = [.. Case.Team.Select(t => t.OfficerId)];
        if (int.TryParse(Request.Query["no"], System.Globalization.CultureInfo.InvariantCulture, out var no))
        {
            f.Number = no;
        }

        if (Action is "recording-exception")
        {
            f.Kind = Request.Query["step"].ToString() is { Length: > 0 } step && CaseFile.ExceptableSteps.Contains(step) ? step : null;
        }

        var p = Case.Decision?.Penalty ?? Case.Notices.LastOrDefault()?.Penalty;
        if (p is not null)
        {
            f.Kinds = [.. p.Kinds];
            f.FineYuan = p.FineFen == 0 ? null : p.FineFen / 100m;
            f.ConfiscationYuan = p.ConfiscationFen == 0 ? null : p.ConfiscationFen / 100m;
            f.Level = p.Level;
            f.OutsideReason = p.OutsideBenchmarkReason;
        }
        else
        {
            f.Kinds = [PenaltyKind.Fine];
        }

        // Texts copied into a new record only from an unmasked view: a masked name must never be written into the file (SEC-PI-1).
        if (Case.Party.Masked)
        {
            return;
        }

        if (Action is "decision" && Case.Notices.LastOrDefault() is { } n)
        {
            f.Text = n.Facts;
            f.Text2 = n.Reasons;
        }

        if (Action is "service")
        {
            f.Text = Case.Party.Name;
        }
    }

    private Task ExecuteAsync(Guid id, CancellationToken ct)
    {
        var s = Scope;
        var f = Form;
        var d1 = f.Date1 ?? default;
        PenaltyInput? Penalty() => f.Outcome == DecisionOutcome.Penalty ? f.Penalty() : null;
        return Action switch
        {
            "team" => commands.AssignTeamAsync(s, id, new TeamInput(f.OfficerIds), ct),
            "request-filing" => commands.RequestFilingAsync(s, id, ct),
            "approve-filing" => commands.ApproveFilingAsync(s, id, ct),
            "reject-filing" => commands.RejectFilingAsync(s, id, new ReasonInput(f.Text), ct),
            "evidence" => commands.RecordEvidenceAsync(s, id, new EvidenceInput(f.Kind, f.Text, d1, f.Flag1, f.Text2), ct),
            "flags" => commands.FlagAsync(s, id, new FlagsInput(f.Flag1, f.Flag2), ct),
            "recusal" => commands.RequestRecusalAsync(s, id, new RecusalInput(f.OfficerId, f.Text), ct),
            "recusal-decision" => commands.DecideRecusalAsync(s, id, new RecusalDecisionInput(f.OfficerId, f.Flag1), ct),
            "measure" => commands.TakeMeasureAsync(s, id, new MeasureInput(f.MeasureKind, f.Text, d1, f.Flag1, f.Flag2, f.Flag3, f.Flag4, f.Flag5, f.Flag6, f.Flag7, f.Flag8, f.Text2), ct),
            "measure-approve" => commands.ApproveMeasureAsync(s, id, f.Number, ct),
            "measure-extend" => commands.ExtendMeasureAsync(s, id, f.Number, new ExtendInput((int)(f.FineYuan ?? 0), f.Text), ct),
            "measure-end" => commands.EndMeasureAsync(s, id, f.Number, new OutcomeTextInput(f.Text), ct),
            "notice" => commands.IssueNoticeAsync(s, id, new NoticeInput(f.Penalty(), f.Text, f.Text2, d1, f.Text3), ct),
            "statement" => commands.RecordStatementAsync(s, id, new StatementInput(f.Text, f.Flag1, d1), ct),
            "hearing-request" => commands.RequestHearingAsync(s, id, new DateInput(d1), ct),
            "hearing-schedule" => commands.ScheduleHearingAsync(s, id, new HearingScheduleInput(d1, f.Date2 ?? default, f.OfficerId), ct),
            "hearing-record" => commands.RecordHearingAsync(s, id, new HearingRecordInput(f.Flag1, f.Text), ct),
            "discussion" => commands.RecordDiscussionAsync(s, id, new DiscussionInput(f.Outcome, Penalty(), f.Text, f.Text2), ct),
            "extend" => commands.ExtendDeadlineAsync(s, id, new ExtendInput(f.Number, f.Text), ct),
            "decision" => commands.DecideAsync(s, id, new DecisionInput(f.Outcome, Penalty(), f.Ground, f.Text, f.Text2), ct),
            "recording-exception" => commands.ApproveRecordingExceptionAsync(s, id, new RecordingExceptionInput(f.Kind, f.Text), ct),
            "service" => commands.ServeAsync(s, id, new ServiceInput(f.Method, d1, f.Text, f.Flag1, f.Text2), ct),
            "on-the-spot" => commands.CollectOnTheSpotAsync(s, id, new CollectInput(f.Text, f.Text2), ct),
            "deferral" => commands.ApproveDeferralAsync(s, id, new DeferralInput(d1, f.Text), ct),
            "instalments" => commands.ApproveInstalmentsAsync(s, id, new InstalmentsInput(f.InstalmentLines(), f.Text2), ct),
            "remedy" => commands.RecordRemedyAsync(s, id, new RemedyInput(f.RemedyKind, d1, f.Date2, f.Text, f.RemedyResult), ct),
            "publication-exemption" => commands.ExemptFromPublicationAsync(s, id, new ReasonInput(f.Text), ct),
            "demand" => commands.ServeDemandAsync(s, id, new DateInput(d1), ct),
            "court" => commands.ApplyToCourtAsync(s, id, new DateInput(d1), ct),
            "court-outcome" => commands.RecordCourtOutcomeAsync(s, id, new CourtOutcomeInput(CaseForm.Fen(f.FineYuan), d1, f.Text), ct),
            "closing" => commands.RequestClosingAsync(s, id, new ClosingInput(f.Text), ct),
            "approve-closing" => commands.ApproveClosingAsync(s, id, ct),
            "archive" => commands.ArchiveAsync(s, id, ct),
            _ => throw new NotFoundException(),
        };
    }

    public static IReadOnlyList<string> EvidenceKinds => CaseFile.EvidenceKinds;
}
