using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Sanxiang.Cases;
using Sanxiang.Disclosure;
using Sanxiang.Documents;
using Sanxiang.Host.Auth;
using Sanxiang.Host.Infrastructure;
using Sanxiang.Kernel.Hosting;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Ledger;
using Sanxiang.Media;
using Sanxiang.Registry;
using Sanxiang.Reviews;

var builder = WebApplication.CreateBuilder(args);

// Every file the app writes lives under one data root, owner-only (issue 15).
var dataRoot = DataRoot.Prepare(builder.Configuration);

builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
    .PostConfigure(o =>
    {
        if (string.IsNullOrWhiteSpace(o.ConnectionString) && o.Provider == DatabaseProvider.Sqlite)
        {
            o.ConnectionString = $"Data Source={Path.Combine(dataRoot, "sanxiang.db")}";
        }
    })
    .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Database:ConnectionString is required for PostgreSQL")
    .ValidateOnStart();
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
    .Validate(o => o.AbsoluteSessionHours is >= 1 and <= 24, "Security:AbsoluteSessionHours must be 1 to 24 (SEC-AUTH-1)")
    .Validate(o => o.StampValidationSeconds is >= 0 and <= 60, "Security:StampValidationSeconds must be 0 to 60 (SEC-AUTH-1)")
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<AccessScopeProvider>();
builder.Services.AddScoped<IAccessScopeProvider>(sp => sp.GetRequiredService<AccessScopeProvider>());
builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();

builder.Services.AddSanxiangAuth(builder.Configuration);
builder.Services.AddRegistryModule();
builder.Services.AddCasesModule();
builder.Services.AddReviewsModule();
builder.Services.AddMediaModule();
builder.Services.AddDisclosureModule();
builder.Services.AddDocumentRendering(builder.Configuration);
builder.Services.AddLedgerModule();

builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToFolder("/Account");
    o.Conventions.AuthorizeFolder("/Admin", "administrator");
    o.Conventions.AllowAnonymousToPage("/Ledger/Verify");
    o.Conventions.AllowAnonymousToFolder("/Public");
}).AddRegistryPages().AddCasesPages().AddReviewsPages().AddMediaPages().AddDisclosurePages().AddLedgerPages();
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ChineseProblemDetails.Apply);
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddDataProtection()
    .SetApplicationName("Sanxiang")
    .PersistKeysToFileSystem(new DirectoryInfo(DataRoot.PathFor(builder.Configuration, "DataProtection:KeysPath", "keys")));
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

// X-Frame-Options: DENY comes with the other security headers (SecurityHeaders), not antiforgery's SAMEORIGIN.
builder.Services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer<OpenApiDescription>());
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var app = builder.Build();

if (args.Contains("--print-schema"))
{
    // Prints EF's DDL for every module's model: the starting point for a new numbered migration (docs/decisions/0002).
    await using var scope = app.Services.CreateAsyncScope();
    foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
    {
        Console.WriteLine($"-- module: {migrator.Module}");
        Console.WriteLine(migrator.ModelScript());
    }

    return;
}

var seedDemo = app.Configuration.GetValue("Demo:Seed", false);
await StartupTasks.MigrateAndSeedAsync(app.Services, seedDemo);

app.UseSecurityHeaders();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Error",
    StatusCodeSelector = ProblemExceptionHandler.StatusFor,

    // Broken rules and 404s are expected outcomes, not faults; unknown failures are logged by the handler (IDs only).
    SuppressDiagnosticsCallback = _ => true,
});
static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
app.UseWhen(IsApi, api => api.UseStatusCodePages());
app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseStaticFiles();
app.UseMediaUploadMethodOverride();
app.UseRouting();
app.Use((context, next) => context.RequestServices.GetRequiredService<SignInThrottle>().InvokeAsync(context, next));
app.UseAuthentication();
app.UseMiddleware<CookieAntiforgery>();
app.UseDisclosurePublicSite();
app.UseMiddleware<TwoFactorEnforcement>();
app.UseMiddleware<PasswordChangeEnforcement>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapRazorPages();
app.MapAuthApi();
app.MapRegistryModule();
app.MapCasesModule();
app.MapReviewsModule();
app.MapMediaModule();
app.MapDisclosureModule();
app.MapLedgerModule();

app.Lifetime.ApplicationStarted.Register(() =>
    StartupTasks.PrintBanner(string.Join(", ", app.Urls), seedDemo));

await app.RunAsync();

/// <summary>Entry point (public so WebApplicationFactory can start it in tests).</summary>
public partial class Program;
