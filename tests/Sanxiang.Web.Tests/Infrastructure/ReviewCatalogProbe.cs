using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>An agency's review catalog and recording-required list as other modules read them (the contracts), and their events in the registry outbox.</summary>
public static class ReviewCatalogProbe
{
    public static async Task<ReviewCatalogFacts> ForAgencyAsync(SanxiangFactory app, Guid agency)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IReviewCatalogs>().ForAgencyAsync(agency);
    }

    /// <summary>An agency's recording-required list as the case engine reads it (the contract).</summary>
    public static async Task<RecordingListFacts> RecordingListAsync(SanxiangFactory app, Guid agency)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IRecordingLists>().ForAgencyAsync(agency);
    }

    /// <summary>The agency's registry outbox rows whose type starts with <paramref name="prefix"/> (registry.review-catalog.* by default), oldest first.</summary>
    public static async Task<List<OutboxMessage>> EventsAsync(SanxiangFactory app, Guid agency, string prefix = "registry.review-catalog.")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Outbox.AsNoTracking().Where(o => o.AggregateId == agency && o.EventType.StartsWith(prefix)).OrderBy(o => o.Sequence).ToListAsync();
    }
}
