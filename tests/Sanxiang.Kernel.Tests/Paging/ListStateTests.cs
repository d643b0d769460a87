using Microsoft.AspNetCore.WebUtilities;
using Sanxiang.Kernel.Paging;

namespace Sanxiang.Kernel.Tests.Paging;

public sealed class ListQueryTests
{
    [Theory]
    [InlineData(1, 20, 1, 20, 0)]
    [InlineData(3, 20, 3, 20, 40)]
    [InlineData(0, 20, 1, 20, 0)]
    [InlineData(-5, 20, 1, 20, 0)]
    [InlineData(2, 0, 2, 1, 1)]
    [InlineData(2, -10, 2, 1, 1)]
    [InlineData(2, 200, 2, 200, 200)]
    [InlineData(2, 10_000, 2, 200, 200)]
    public void SafeValues_AreClamped(int page, int pageSize, int safePage, int safePageSize, int skip)
    {
        var q = new ListQuery(Page: page, PageSize: pageSize);

        q.SafePage.ShouldBe(safePage);
        q.SafePageSize.ShouldBe(safePageSize);
        q.Skip.ShouldBe(skip);
    }

    [Theory]
    [InlineData(0, 20, 1)]
    [InlineData(1, 20, 1)]
    [InlineData(20, 20, 1)]
    [InlineData(21, 20, 2)]
    [InlineData(41, 20, 3)]
    public void PagedResult_PageCount_IsAtLeastOne(int total, int pageSize, int pages)
    {
        new PagedResult<int>([], total, 1, pageSize).PageCount.ShouldBe(pages);
    }
}

public sealed class ListStateTests
{
    private static readonly Dictionary<string, string?> Filters = new() { ["status"] = "Valid", ["area"] = "市场监管", ["empty"] = "" };

    private static Dictionary<string, string> Parse(string link)
    {
        var query = link.Contains('?') ? link[link.IndexOf('?')..] : string.Empty;
        return QueryHelpers.ParseQuery(query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
    }

    private static ListState State(ListQuery query, int total = 95) => new("/registry/officers", query, Filters, total);

    [Fact]
    public void PageCount_UsesTheClampedPageSize()
    {
        State(new ListQuery(PageSize: 20), total: 95).PageCount.ShouldBe(5);
        State(new ListQuery(PageSize: 0), total: 3).PageCount.ShouldBe(3);
        State(new ListQuery(), total: 0).PageCount.ShouldBe(1);
        State(new ListQuery(Page: -1)).Page.ShouldBe(1);
    }

    [Fact]
    public void Link_KeepsSearchSortDirectionAndFilters()
    {
        var link = State(new ListQuery("张三", "name", Descending: true, Page: 1)).Link(3);

        link.ShouldStartWith("/registry/officers?");
        Parse(link).ShouldBe(new Dictionary<string, string>
        {
            ["search"] = "张三",
            ["status"] = "Valid",
            ["area"] = "市场监管",
            ["sort"] = "name",
            ["desc"] = "true",
            ["pageNo"] = "3",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Link_ToFirstPage_OmitsPageNumberAndEmptyValues()
    {
        var state = new ListState("/p", new ListQuery(Search: "  ", Page: 4), new Dictionary<string, string?> { ["a"] = null, ["b"] = " " }, 100);

        state.Link(1).ShouldBe("/p");
    }

    [Fact]
    public void SortLink_OnANewColumn_SortsAscendingFromPageOne()
    {
        var link = State(new ListQuery("x", "name", Descending: true, Page: 4)).SortLink("certificate");

        var q = Parse(link);
        q["sort"].ShouldBe("certificate");
        q.ShouldNotContainKey("desc");
        q.ShouldNotContainKey("pageNo");
        q["search"].ShouldBe("x");
        q["status"].ShouldBe("Valid");
    }

    [Fact]
    public void SortLink_OnTheAscendingColumn_TogglesToDescending()
    {
        var q = Parse(State(new ListQuery(Sort: "name")).SortLink("name"));

        q["sort"].ShouldBe("name");
        q["desc"].ShouldBe("true");
    }

    [Fact]
    public void SortLink_OnTheDescendingColumn_TogglesBackToAscending()
    {
        var q = Parse(State(new ListQuery(Sort: "name", Descending: true)).SortLink("name"));

        q["sort"].ShouldBe("name");
        q.ShouldNotContainKey("desc");
    }

    [Fact]
    public void AriaSortAndArrow_DescribeOnlyTheSortedColumn()
    {
        var asc = State(new ListQuery(Sort: "name"));
        var desc = State(new ListQuery(Sort: "name", Descending: true));

        asc.AriaSort("name").ShouldBe("ascending");
        asc.Arrow("name").ShouldBe(" ▲");
        desc.AriaSort("name").ShouldBe("descending");
        desc.Arrow("name").ShouldBe(" ▼");
        asc.AriaSort("other").ShouldBe("none");
        asc.Arrow("other").ShouldBe(string.Empty);
    }
}
