using Sanxiang.Kernel.Security;
using Sanxiang.Kernel.Web;

namespace Sanxiang.Cases.Pages;

/// <summary>The case pages' base: the modules' shared page helpers (scope, inline errors, refusals as 409/422).</summary>
internal abstract class CasesPageModel(IAccessScopeProvider scopes) : ModulePageModel(scopes);
