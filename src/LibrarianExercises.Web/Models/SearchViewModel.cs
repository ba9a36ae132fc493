using LibrarianExercises.Web.Services.Search;

namespace LibrarianExercises.Web.Models;

/// <summary>A piece of a title or snippet: the words the query matched are marked.</summary>
public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>The exercise a number query names, offered before anything else.</summary>
public sealed record SearchNumberMatch(int Number, string Title);

public sealed record ExerciseSearchHit(int Number, IReadOnlyList<SnippetPart> Title, IReadOnlyList<SnippetPart> Snippet);

/// <param name="ResponsePage">The page of the exercise's responses on which this one appears.</param>
public sealed record ResponseSearchHit(
    int Id,
    int ExerciseNumber,
    string ExerciseTitle,
    string DisplayName,
    DateTime CreatedUtc,
    int ResponsePage,
    IReadOnlyList<SnippetPart> Snippet);

/// <summary>
/// One page of a search: exercises and responses each ranked, a page of each at a time. <paramref name="Query"/> is
/// null before anything has been asked.
/// </summary>
public sealed record SearchViewModel(
    SearchQuery? Query,
    SearchNumberMatch? NumberMatch,
    PagedList<ExerciseSearchHit> Exercises,
    PagedList<ResponseSearchHit> Responses)
{
    public static SearchViewModel Unasked { get; } = new(null, null, new([], 1, 1, 0), new([], 1, 1, 0));

    public static SearchViewModel Refused(SearchQuery query) => Unasked with { Query = query };

    public int Page => Exercises.Page;

    /// <summary>As far as the longer of the two lists runs.</summary>
    public int PageCount => Math.Max(Exercises.PageCount, Responses.PageCount);

    public bool FoundNothing => NumberMatch is null && Exercises.TotalCount == 0 && Responses.TotalCount == 0;
}
