using Sanxiang.Kernel.Security;
using Sanxiang.Kernel.Web;

namespace Sanxiang.Reviews.Pages;

/// <summary>Shared helpers of the review pages (scope, inline errors, refusals as 409/422), as the case pages have them.</summary>
internal abstract class ReviewsPageModel(IAccessScopeProvider scopes) : ModulePageModel(scopes)
{
    public bool IsLegalUnit => Scope.IsInRole(Roles.Reviewer) || Scope.IsInRole(Roles.Head);

    public static string Yuan(long fen) => (fen / 100m).ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture);
}
