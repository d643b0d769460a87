using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Host.Infrastructure;

/// <summary>Ready when the database answers and every module's migrations are applied.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
        {
            if (!await migrator.IsUpToDateAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"module {migrator.Module}: database unreachable or migrations pending");
            }
        }

        return HealthCheckResult.Healthy();
    }
}
