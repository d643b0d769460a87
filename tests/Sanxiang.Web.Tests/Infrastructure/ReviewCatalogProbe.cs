using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>An agency's review catalog as other modules read it (the contract), and its events in the registry outbox.</summary>
public static class ReviewCatalogProbe
{
    public static async Task<ReviewCatalogFacts> ForAgencyAsync(SanxiangFactory app, Guid agency)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IReviewCatalogs>().ForAgencyAsync(agency);
    }

    /// <summary>The agency's registry.review-catalog.* outbox rows, oldest first.</summary>
    public static async Task<List<OutboxMessage>> EventsAsync(SanxiangFactory app, Guid agency)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Outbox.AsNoTracking().Where(o => o.AggregateId == agency && o.EventType.StartsWith("registry.review-catalog.")).OrderBy(o => o.Sequence).ToListAsync();
    }
}
