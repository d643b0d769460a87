using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases;
using Sanxiang.Cases.Persistence;
using Sanxiang.Host.Auth;
using Sanxiang.Ledger;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Registry;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The module boundaries of the modular monolith (docs/decisions/0001), checked by reflection because the
/// usual architecture-test packages do not restore here.
/// </summary>
public sealed class ArchitectureTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private static readonly Assembly Kernel = typeof(Kernel.Domain.AggregateRoot).Assembly;
    private static readonly Assembly Host = typeof(Program).Assembly;
    private static readonly Assembly[] Modules = [typeof(RegistryModule).Assembly, typeof(CasesModule).Assembly, typeof(Sanxiang.Reviews.ReviewsModule).Assembly, typeof(Sanxiang.Media.MediaModule).Assembly, typeof(Sanxiang.Disclosure.DisclosureModule).Assembly, typeof(LedgerModule).Assembly];

    [Fact]
    public void AModule_ExposesOnlyItsContracts_AndItsEntryPoint()
    {
        foreach (var module in Modules)
        {
            var name = module.GetName().Name!;
            var offenders = module.GetExportedTypes()
                .Where(t => t.Namespace != $"{name}.Contracts" && !t.Name.EndsWith("Module", StringComparison.Ordinal))
                .Select(t => t.FullName)
                .ToList();
            offenders.ShouldBeEmpty($"{name} must keep everything internal but its Contracts namespace and its entry point");
        }
    }

    [Fact]
    public void TheKernel_DependsOnNoModule_AndNotOnTheHost()
    {
        var references = Kernel.GetReferencedAssemblies().Select(a => a.Name).ToList();
        references.ShouldNotContain(Host.GetName().Name);
        foreach (var module in Modules)
        {
            references.ShouldNotContain(module.GetName().Name);
        }
    }

    [Fact]
    public void TheCaseEngine_UsesTheRegistryOnlyThroughItsContracts()
    {
        var registry = typeof(RegistryModule).Assembly;
        var used = typeof(CasesModule).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(t.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(p => p.PropertyType))
                .Concat(t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)))
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .Where(t => t.Assembly == registry)
            .Select(t => t.Namespace)
            .Distinct()
            .ToList();
        used.ShouldAllBe(n => n == "Sanxiang.Registry.Contracts");
    }

    [Fact]
    public void LegalReview_UsesTheCaseEngineOnlyThroughItsContracts()
    {
        var cases = typeof(CasesModule).Assembly;
        var used = typeof(Sanxiang.Reviews.ReviewsModule).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(t.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(p => p.PropertyType))
                .Concat(t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Append(t.BaseType ?? typeof(object)))
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .Where(t => t.Assembly == cases)
            .Select(t => t.Namespace)
            .Distinct()
            .ToList();
        used.ShouldNotBeEmpty();
        used.ShouldAllBe(n => n == "Sanxiang.Cases.Contracts");
    }

    [Fact]
    public void AModule_DoesNotDependOnTheHost()
    {
        foreach (var module in Modules)
        {
            module.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain(Host.GetName().Name);
        }
    }

    [Fact]
    public async Task EachModule_OwnsTablesWithItsOwnPrefix_SoNoModuleTouchesAnothersTables()
    {
        await using var scope = app.Scope();
        var contexts = new (DbContext Context, string Prefix)[]
        {
            (scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), "registry_"),
            (scope.ServiceProvider.GetRequiredService<CasesDbContext>(), "cases_"),
            (scope.ServiceProvider.GetRequiredService<Sanxiang.Reviews.Persistence.ReviewsDbContext>(), "reviews_"),
            (scope.ServiceProvider.GetRequiredService<Sanxiang.Media.Persistence.MediaDbContext>(), "media_"),
            (scope.ServiceProvider.GetRequiredService<Sanxiang.Disclosure.Persistence.DisclosureDbContext>(), "disclosure_"),
            (scope.ServiceProvider.GetRequiredService<AuthDbContext>(), "auth_"),
            (scope.ServiceProvider.GetRequiredService<LedgerDbContext>(), "ledger_"),
        };
        foreach (var (context, prefix) in contexts)
        {
            var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct().ToList();
            tables.ShouldNotBeEmpty();
            tables.ShouldAllBe(t => t!.StartsWith(prefix, StringComparison.Ordinal), $"{context.GetType().Name} maps a table outside {prefix}*");
        }
    }
}
