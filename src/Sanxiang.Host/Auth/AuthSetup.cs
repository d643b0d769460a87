using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Auth;

public static class AuthSetup
{
    public const string SmartScheme = "Sanxiang";

    public static IServiceCollection AddSanxiangAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddDbContext<AuthDbContext>((sp, o) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o));
        services.AddScoped<IModuleMigrator, AuthMigrator>();
        services.AddScoped<IDemoDataSeeder, DemoUsers>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<ApiKeyService>();

        services.AddIdentity<SanxiangUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = security.PasswordMinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<UserNamePasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<SanxiangClaimsFactory>()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.Name);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(security.StampValidationSeconds);

            // Identity rebuilds the principal when it revalidates the security stamp; the way the user signed
            // in (amr = mfa after a second factor) must survive that, or SEC-AUTH-1 would sign them out.
            // The session's start survives too: the absolute lifetime counts from the sign-in, not from the refresh.
            o.OnRefreshingPrincipal = ctx =>
            {
                var amr = ctx.CurrentPrincipal?.FindAll("amr").Select(c => c.Value).ToList() ?? [];
                if (ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    foreach (var value in amr.Where(v => !identity.HasClaim("amr", v)))
                    {
                        identity.AddClaim(new System.Security.Claims.Claim("amr", value));
                    }

                    if (ctx.CurrentPrincipal?.FindFirst(SanxiangClaimsFactory.SignedInAt) is { } started)
                    {
                        foreach (var fresh in identity.FindAll(SanxiangClaimsFactory.SignedInAt).ToList())
                        {
                            identity.RemoveClaim(fresh);
                        }

                        identity.AddClaim(new System.Security.Claims.Claim(SanxiangClaimsFactory.SignedInAt, started.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sanxiang.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.SessionMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnValidatePrincipal = async ctx =>
            {
                // SEC-AUTH-1: an absolute lifetime, then the security stamp (logout, password, role, disabling).
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!long.TryParse(ctx.Principal?.FindFirst(SanxiangClaimsFactory.SignedInAt)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var started)
                    || now - DateTimeOffset.FromUnixTimeSeconds(started) > TimeSpan.FromHours(security.AbsoluteSessionHours))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            };
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(o => o.ExpireTimeSpan = TimeSpan.FromMinutes(5));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyService.Header) && ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));
        return services;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
