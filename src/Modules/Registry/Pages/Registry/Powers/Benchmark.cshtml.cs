using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Powers;

namespace Sanxiang.Registry.Pages.Registry.Powers;

internal sealed class BenchmarkModel(PowerFeatures powers, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    public sealed class Row
    {
        public CircumstanceLevel Level { get; set; }

        public string? Circumstances { get; set; }

        public string? Min { get; set; }

        public string? Max { get; set; }

        public string? Other { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public string PowerName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var d = await LoadAsync(ct);
        if (!Scope.CanWrite(d.Power.AgencyId))
        {
            return Forbid();
        }

        Rows = [.. Enum.GetValues<CircumstanceLevel>().Select(level =>
        {
            var l = d.Benchmark.FirstOrDefault(b => b.Level == level);
            return new Row { Level = level, Circumstances = l?.Circumstances, Min = l is null ? null : Money.Yuan(l.MinFineFen), Max = l is null ? null : Money.Yuan(l.MaxFineFen), Other = l?.OtherSanctions };
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var check = new Check();
        var levels = new List<BenchmarkLevelRow>();
        foreach (var r in Rows.Where(r => !string.IsNullOrWhiteSpace(r.Circumstances) || !string.IsNullOrWhiteSpace(r.Min) || !string.IsNullOrWhiteSpace(r.Max)))
        {
            var label = RegistryLabels.Of(r.Level);
            if (!Money.TryParseYuan(r.Min, out var min) || !Money.TryParseYuan(r.Max, out var max))
            {
                check.Add("Benchmark", "INPUT-MONEY", $"“{label}”档的罚款金额须为不小于0的数字（元，最多两位小数）");
                continue;
            }

            levels.Add(new BenchmarkLevelRow(r.Level, r.Circumstances ?? string.Empty, min, max, r.Other));
        }

        try
        {
            check.ThrowIfAny();
            await powers.SetBenchmarkAsync(Scope, Id, levels, ct);
            TempData["Flash"] = "已保存裁量基准";
            return Redirect($"/Registry/Powers/Details/{Id}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    private async Task<PowerDetails> LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        var d = await powers.GetAsync(scope, Id, ct);
        if (d.Power.Category != PowerCategory.Penalty)
        {
            // APL-34: benchmarks belong to penalty powers only; there is no such page for the others.
            throw new Kernel.Domain.NotFoundException();
        }

        PowerName = d.Power.Name;
        Breadcrumbs(("权责清单", "/Registry/Powers"), (d.Power.Name, $"/Registry/Powers/Details/{Id}"), ("裁量基准", null));
        return d;
    }
}
