using System.Net;
using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// An exercise known only from a listing page (an excerpt, a cut-off copy) is on no public page, in no list, search,
/// feed, sitemap or API answer until an editor completes it or its full post is imported; the editors' desk lists it
/// as needing the full post.
/// </summary>
public sealed class PartialExerciseTests : IAsyncLifetime
{
    // #60, an excerpt, and #28, cut off: both new, so both partial. #61 mentions #60.
    private static readonly string Listing = BlogText.OlderTagArchive(
        "advocacy",
        2,
        2,
        BlogText.Excerpt(60, "Find out about a library in another country", "Libraries around the world face many of the same challenges"));

    private static readonly string CutOff = BlogText.TagArchive(
        "advocacy",
        BlogText.CutOff(28, "Write a thank-you no", "Advocacy is not only about asking.", "It is also about recognising those who have hel"));

    private readonly LibrarianAppFactory _app = new();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(Listing);
        await _app.ImportAsync(CutOff);
        await _app.CreateExerciseAsync(61, "Visit a neighbour", "Before this, see Exercise #60.", tags: ["advocacy"]);
        Assert.Equal([28, 60], await _app.WithDbAsync(db => db.Exercises.Where(e => e.BodyIsExcerpt).OrderBy(e => e.Number).Select(e => e.Number).ToListAsync()));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/exercises/60")]
    [InlineData("/exercises/28")]
    [InlineData("/fr/exercises/60")]
    [InlineData("/exercises/60/responses/feed")]
    public async Task APartialExercisesPagesAreNotFoundLikeAnyUnpublishedOne(string path)
    {
        var number = path.Contains("/60", StringComparison.Ordinal) ? "60" : "28";
        var partial = await _app.FetchAsync(path);
        var unknown = await _app.FetchAsync(path.Replace("/" + number, "/999", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, partial.Status);
        Assert.Equal(unknown.Page.QuerySelector("h1")?.TextContent.Replace("999", number, StringComparison.Ordinal), partial.Page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/tags/advocacy")]
    [InlineData("/strategy")]
    [InlineData("/exercises/42")]
    [InlineData("/exercises/61")]
    [InlineData("/search?q=library+another+country")]
    [InlineData("/search?q=%2360")]
    [InlineData("/search?q=thank")]
    public async Task NoPublicPageLinksToAPartialExercise(string path)
    {
        var page = await _app.GetDocumentAsync(path);

        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/exercises/60", links);
        Assert.DoesNotContain("/exercises/28", links);
    }

    [Fact]
    public async Task TheNeighboursOfAPartialExerciseLinkPastIt()
    {
        var page = await _app.GetDocumentAsync("/exercises/42");

        Assert.Equal("/exercises/61", page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/tags/advocacy/feed")]
    [InlineData("/sitemaps/1.xml")]
    [InlineData("/api/exercises")]
    [InlineData("/api/exercises?tag=advocacy")]
    [InlineData("/api/strategy")]
    public async Task NoFeedSitemapOrApiAnswerCarriesAPartialExercise(string path)
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("exercises/61", body, StringComparison.Ordinal);
        Assert.DoesNotContain("exercises/60", body, StringComparison.Ordinal);
        Assert.DoesNotContain("exercises/28", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Find out about a library", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiAnswersAPartialExercise404AndCountsOnlyPublishedOnesUnderATag()
    {
        using var client = _app.CreateBrowserlessClient();
        using var exercise = await client.GetAsync(new Uri("/api/exercises/60", UriKind.Relative));
        using var tags = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/tags", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NotFound, exercise.StatusCode);
        var advocacy = tags.RootElement.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "advocacy");
        Assert.Equal(1, advocacy.GetProperty("exerciseCount").GetInt32());
    }

    [Fact]
    public async Task TheEditorsDeskListsEachPartialExerciseAsNeedingTheFullPostWithAWayToEditIt()
    {
        using var editor = await EditorSession.SignInAsync(_app);

        var desk = await editor.GetDocumentAsync("/admin");
        var list = await editor.GetDocumentAsync("/admin/exercises?status=partial");

        Assert.Equal("2", desk.QuerySelector(".desk-partial")?.TextContent);
        Assert.Equal(
            ["/admin/exercises/28/edit", "/admin/exercises/60/edit"],
            desk.QuerySelectorAll(".needs-full-post a").Select(a => a.GetAttribute("href")));
        Assert.Contains("#60", desk.QuerySelector(".needs-full-post")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("needs the full post", list.QuerySelector("tr[data-exercise='60'] .exercise-status")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not public", list.QuerySelector("tr[data-exercise='60'] .exercise-status")?.TextContent, StringComparison.Ordinal);
        var editPage = await editor.GetDocumentAsync("/admin/exercises/60/edit");
        Assert.Contains("Not public", editPage.QuerySelector(".exercise-state .exercise-status")?.TextContent, StringComparison.Ordinal);
        Assert.Null(editPage.QuerySelector(".exercise-state a[href='/exercises/60']"));
    }

    [Fact]
    public async Task SavingItInTheEditorCompletesItAndPublishesItWithTheMentionsOfIt()
    {
        using var editor = await EditorSession.SignInAsync(_app);

        using var saved = await editor.SubmitAsync("/admin/exercises/60/edit", "#exercise-form", [], "button.save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.FetchAsync("/exercises/60")).Status);
        Assert.False(await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 60).Select(e => e.BodyIsExcerpt).SingleAsync()));
        var mention = await _app.GetDocumentAsync("/exercises/61");
        Assert.NotNull(mention.QuerySelector(".exercise-text a[href='/exercises/60']"));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.ExerciseNumber == 60 && a.Action == AuditActions.Updated).SingleAsync());
        Assert.Contains("partial text", entry.Changes, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.FetchAsync("/exercises/28")).Status);
    }

    [Fact]
    public async Task ImportingTheFullPostPublishesIt()
    {
        await _app.ImportAsync(BlogText.Post(60, "Find out about a library in another country", "find out about a library in another country", "Key Initiative 3.2: Support virtual networking and connections"));

        var page = await _app.FetchAsync("/exercises/60");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/strategy/3.2");
        Assert.NotNull((await _app.GetDocumentAsync("/exercises/61")).QuerySelector(".exercise-text a[href='/exercises/60']"));
        Assert.Contains((await _app.GetDocumentAsync("/tags/advocacy")).QuerySelectorAll(".exercise-summary h3 a"), a => a.GetAttribute("href") == "/exercises/60");
    }
}
