using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Sanxiang.Kernel.Paging;

/// <summary>
/// The state of a list page (search, sort, filters, page) and the links that change one part of it;
/// shared by every module's list pages and the _Pager partial.
/// </summary>
public sealed class ListState(string path, ListQuery query, IReadOnlyDictionary<string, string?> filters, int total)
{
    public ListQuery Query { get; } = query;

    public int Total { get; } = total;

    public int Page => Query.SafePage;

    public int PageCount => Math.Max(1, (Total + Query.SafePageSize - 1) / Query.SafePageSize);

    public string Link(int page) => Build(Query.Sort, Query.Descending, page);

    public string SortLink(string column) =>
        Build(column, string.Equals(Query.Sort, column, StringComparison.Ordinal) && !Query.Descending, 1);

    /// <summary>aria-sort value for a column header.</summary>
    public string AriaSort(string column) =>
        !string.Equals(Query.Sort, column, StringComparison.Ordinal) ? "none" : Query.Descending ? "descending" : "ascending";

    public string Arrow(string column) =>
        !string.Equals(Query.Sort, column, StringComparison.Ordinal) ? string.Empty : Query.Descending ? " ▼" : " ▲";

    private string Build(string? sort, bool desc, int page)
    {
        var qb = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Query.Search))
        {
            qb.Add("search", Query.Search);
        }

        foreach (var (k, v) in filters)
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                qb.Add(k, v);
            }
        }

        if (!string.IsNullOrWhiteSpace(sort))
        {
            qb.Add("sort", sort);
        }

        if (desc)
        {
            qb.Add("desc", "true");
        }

        if (page > 1)
        {
            qb.Add("pageNo", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return path + qb.ToQueryString().Value;
    }
}
