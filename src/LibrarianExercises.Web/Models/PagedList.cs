namespace LibrarianExercises.Web.Models;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public int FirstItem => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastItem => Math.Min(Page * PageSize, TotalCount);
}

/// <summary>What the pager needs: where it is, how far the list runs, and the address of the list.</summary>
/// <param name="Query">What else the list's address holds, such as a filter, without the "?"; every page keeps it.</param>
public sealed record PagerModel(int Page, int PageCount, string BasePath, string? Query = null)
{
    public string Href(int page) => string.IsNullOrEmpty(Query)
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{BasePath}?page={page}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{BasePath}?{Query}&page={page}");
}
