using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Features.Directory;

/// <summary>Every agency's catalog is DOMAIN.md §4's defaults (until agencies can edit theirs).</summary>
internal sealed class ShippedReviewCatalogs : IReviewCatalogs
{
    public Task<ReviewCatalogFacts> ForAgencyAsync(Guid agencyId, CancellationToken ct = default) =>
        Task.FromResult(ReviewCatalogFacts.Defaults(agencyId));
}
