using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Web;

public sealed class ExerciseMentionTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    public async Task InitializeAsync() => await _app.ImportAsync(BlogText.Post(
        90,
        "Follow up a connection",
        "follow up a connection",
        "3.2 Support virtual networking and connections",
        "As in Exercise #89, think about who you work with.",
        "This builds on our 42nd exercise, and on exercise #13, which is not here yet.",
        "Try The 10-Minute International Librarian #21 again too."));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task MentionsOfExercisesThatExistBecomeLinksAndOthersStayText()
    {
        var page = await _app.GetDocumentAsync("/exercises/90");
        var links = page.QuerySelectorAll(".exercise-text a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));

        Assert.Equal("/exercises/89", links["Exercise #89"]);
        Assert.Equal("/exercises/42", links["our 42nd exercise"]);
        Assert.Equal("/exercises/21", links["10-Minute International Librarian #21"]);
        Assert.DoesNotContain(links.Values, href => href == "/exercises/13");
        Assert.DoesNotContain(links.Values, href => href == "/exercises/90");
        Assert.Contains(page.QuerySelectorAll(".exercise-text p"), p => p.TextContent == "This builds on our 42nd exercise, and on exercise #13, which is not here yet.");
    }
}
