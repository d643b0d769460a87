using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.ReviewCatalogs;

namespace Sanxiang.Registry.Pages.Registry.Agencies;

/// <summary>
/// 重大执法决定法制审核目录 of one agency (GB118-REV-1): everyone who may see the agency reads it; its head and the
/// administrators over it edit it (thresholds in yuan here, fen in storage) or restore the defaults.
/// </summary>
internal sealed class ReviewCatalogModel(ReviewCatalogFeatures catalogs, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    public sealed class Form
    {
        public string? PersonThreshold { get; set; }

        public string? OrganisationThreshold { get; set; }

        public bool SuspensionClosureRestriction { get; set; }

        public bool LicenceRevocation { get; set; }

        public bool HearingHeld { get; set; }

        public bool OutsideBenchmark { get; set; }

        public bool MajorPublicInterest { get; set; }

        public bool SeveralLegalRelations { get; set; }

        public bool SuspectedCrime { get; set; }

        public string? ReviewWorkingDays { get; set; }

        public string? ExtensionWorkingDays { get; set; }

        public int? Version { get; set; }

        public static Form Of(ReviewCatalogView v) => new()
        {
            PersonThreshold = Money.Yuan(v.Catalog.PersonThresholdFen),
            OrganisationThreshold = Money.Yuan(v.Catalog.OrganisationThresholdFen),
            SuspensionClosureRestriction = v.Catalog.SuspensionClosureRestriction,
            LicenceRevocation = v.Catalog.LicenceRevocation,
            HearingHeld = v.Catalog.HearingHeld,
            OutsideBenchmark = v.Catalog.OutsideBenchmark,
            MajorPublicInterest = v.Catalog.MajorPublicInterest,
            SeveralLegalRelations = v.Catalog.SeveralLegalRelations,
            SuspectedCrime = v.Catalog.SuspectedCrime,
            ReviewWorkingDays = v.Catalog.ReviewWorkingDays.ToString(CultureInfo.InvariantCulture),
            ExtensionWorkingDays = v.Catalog.ExtensionWorkingDays.ToString(CultureInfo.InvariantCulture),
            Version = v.Version,
        };
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public ReviewCatalogView Catalog { get; private set; } = null!;

    /// <summary>The form's checkbox for a switchable rule, by code.</summary>
    public bool Checked(string code) => code switch
    {
        CatalogCodes.SuspensionClosure => Input.SuspensionClosureRestriction,
        CatalogCodes.Licence => Input.LicenceRevocation,
        CatalogCodes.Hearing => Input.HearingHeld,
        CatalogCodes.Benchmark => Input.OutsideBenchmark,
        CatalogCodes.PublicInterest => Input.MajorPublicInterest,
        CatalogCodes.SeveralRelations => Input.SeveralLegalRelations,
        CatalogCodes.SuspectedCrime => Input.SuspectedCrime,
        _ => true,
    };

    /// <summary>The form field and the domain field of a switchable rule.</summary>
    public static string FieldOf(string code) => code switch
    {
        CatalogCodes.SuspensionClosure => nameof(Form.SuspensionClosureRestriction),
        CatalogCodes.Licence => nameof(Form.LicenceRevocation),
        CatalogCodes.Hearing => nameof(Form.HearingHeld),
        CatalogCodes.Benchmark => nameof(Form.OutsideBenchmark),
        CatalogCodes.PublicInterest => nameof(Form.MajorPublicInterest),
        CatalogCodes.SeveralRelations => nameof(Form.SeveralLegalRelations),
        CatalogCodes.SuspectedCrime => nameof(Form.SuspectedCrime),
        _ => string.Empty,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = Form.Of(Catalog);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        var check = new Check();
        var person = Yuan(check, Input.PersonThreshold, nameof(ReviewCatalogData.PersonThresholdFen), "自然人罚没金额标准");
        var organisation = Yuan(check, Input.OrganisationThreshold, nameof(ReviewCatalogData.OrganisationThresholdFen), "法人或者其他组织罚没金额标准");
        var review = Days(check, Input.ReviewWorkingDays, nameof(ReviewCatalogData.ReviewWorkingDays), "审核期限");
        var extension = Days(check, Input.ExtensionWorkingDays, nameof(ReviewCatalogData.ExtensionWorkingDays), "延长期限");
        var input = new ReviewCatalogInput(
            person, organisation, Input.SuspensionClosureRestriction, Input.LicenceRevocation, Input.HearingHeld, Input.OutsideBenchmark,
            Input.MajorPublicInterest, Input.SeveralLegalRelations, Input.SuspectedCrime, review, extension);
        if (check.Errors.Count > 0)
        {
            // Show every problem at once: the range rules for the fields that did parse, beside the format errors.
            var d = ReviewCatalogData.Defaults;
            var parsed = new ReviewCatalogData(person ?? d.PersonThresholdFen, organisation ?? d.OrganisationThresholdFen, true, true, true, true, true, true, true, review ?? d.ReviewWorkingDays, extension ?? d.ExtensionWorkingDays);
            Errors = [.. check.Errors, .. ReviewCatalog.Validate(parsed).Errors];
            return Page();
        }

        return await SaveAsync(() => catalogs.ChangeAsync(Scope, Id, new ReviewCatalogChange(input, Input.Version), ct), "已保存法制审核目录");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        return await SaveAsync(() => catalogs.ResetAsync(Scope, Id, Input.Version, ct), "已恢复默认目录");
    }

    private async Task<IActionResult> SaveAsync(Func<Task> save, string flash)
    {
        try
        {
            await save();
            TempData["Flash"] = flash;
            return Redirect($"/Registry/Agencies/ReviewCatalog/{Id}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    /// <summary>Loads the catalog (404 outside the caller's scope); true when the caller may change it.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Catalog = await catalogs.GetAsync(scope, Id, ct);
        Breadcrumbs(("执法主体", "/Registry/Agencies"), (Catalog.AgencyName, $"/Registry/Agencies/Details/{Id}"), ("法制审核目录", null));
        return Catalog.CanEdit;
    }

    private static long? Yuan(Check check, string? text, string field, string label)
    {
        if (Money.TryParseYuan(text, out var fen))
        {
            return fen;
        }

        check.Add(field, "INPUT-MONEY", $"{label}须为大于0的金额（元，最多两位小数）");
        return null;
    }

    private static int? Days(Check check, string? text, string field, string label)
    {
        if (int.TryParse((text ?? string.Empty).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return days;
        }

        check.Add(field, "INPUT-FORMAT", $"{label}须为整数（工作日数）");
        return null;
    }
}
