namespace Sanxiang.Kernel.Paging;

/// <summary>Search, sort and paging input shared by every list page and API.</summary>
public sealed record ListQuery(string? Search = null, string? Sort = null, bool Descending = false, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;

    public int SafePage => Math.Max(1, Page);

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public int Skip => (SafePage - 1) * SafePageSize;

    /// <summary>The same query on the last page that exists when <paramref name="total"/> items match.</summary>
    public ListQuery ClampTo(int total) =>
        this with { Page = Math.Min(SafePage, Math.Max(1, (total + SafePageSize - 1) / SafePageSize)) };
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
