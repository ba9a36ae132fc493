using System.Net;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Web;

/// <summary>Forty exercises besides the starting content: 43 in all, two full pages and a short third one.</summary>
public sealed class ExerciseListPagingTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var posts = Enumerable.Range(1, 41).Where(n => n != 21)
            .Select(n => BlogText.Post(n, $"Exercise number {n}", $"do thing {n}", "3.2 Support virtual networking and connections"));
        await _app.ImportAsync(string.Join("\n", posts));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheListShowsTwentyExercisesAPageInNumberOrder()
    {
        var first = await _app.GetDocumentAsync("/exercises");
        var third = await _app.GetDocumentAsync("/exercises?page=2");

        var firstNumbers = first.QuerySelectorAll(".exercise-summary h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(20, firstNumbers.Count);
        Assert.Equal("/exercises/1", firstNumbers[0]);
        Assert.Equal("/exercises/20", firstNumbers[^1]);
        Assert.Equal("/exercises?page=2", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));

        var secondNumbers = third.QuerySelectorAll(".exercise-summary h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(20, secondNumbers.Count);
        Assert.Equal("/exercises/21", secondNumbers[0]);
        Assert.Equal("/exercises?page=1", third.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheLastPageHoldsTheRestAndThePageAfterItIsNotFound()
    {
        var last = await _app.GetDocumentAsync("/exercises?page=3");
        Assert.Equal(
            ["/exercises/41", "/exercises/42", "/exercises/89"],
            last.QuerySelectorAll(".exercise-summary h3 a").Select(a => a.GetAttribute("href")));
        Assert.Null(last.QuerySelector("a[rel=next]"));

        var (status, _) = await _app.FetchAsync("/exercises?page=4");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
