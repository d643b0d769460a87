using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Persistence;

namespace Sanxiang.Media.Pages.Media;

/// <summary>
/// The upload page: metadata and a resumable upload (tus) with a progress bar, speed and time left. The script
/// (/js/media-upload.js) remembers each upload's URL by the file's name, size and date, so after a dropped network or
/// a reload, choosing the same file again continues where the server stopped.
/// </summary>
internal sealed class UploadModel(IAccessScopeProvider scopes, MediaDbContext db, ICaseLookup cases) : MediaPageModel(scopes)
{
    [FromQuery]
    public Guid? CaseId { get; set; }

    [FromQuery]
    public string? Step { get; set; }

    public string? CaseNumber { get; private set; }

    public IReadOnlyList<string> Devices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        if (CaseId is { } id)
        {
            var c = await cases.FindAsync(scope, id, ct);
            if (c is null)
            {
                return NotFound();
            }

            CaseNumber = c.Number;
        }

        Devices = await db.Devices.AsNoTracking().Where(d => d.AgencyId == scope.AgencyId && d.Active).OrderBy(d => d.Serial).Select(d => d.Serial).ToListAsync(ct);
        Breadcrumbs(("音像记录", "/Media"), ("上传", null));
        return Page();
    }
}
