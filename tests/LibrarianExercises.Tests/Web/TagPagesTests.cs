using System.Net;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Web;

public sealed class TagPagesTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    [Fact]
    public async Task TheTagArchiveListsItsExercisesNewestFirst()
    {
        var page = await app.GetDocumentAsync("/tags/community-engagement");

        Assert.Contains("community engagement", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["/exercises/89", "/exercises/42", "/exercises/21"],
            page.QuerySelectorAll(".exercise-summary h3 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task TagsAreFoundWhateverTheLetterCase()
    {
        var (status, _) = await app.FetchAsync("/tags/Community-ENGAGEMENT");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task TheTagIndexListsEveryTagWithItsCount()
    {
        var page = await app.GetDocumentAsync("/tags");

        var rows = page.QuerySelectorAll(".tag-index li")
            .ToDictionary(li => li.QuerySelector("a")!.TextContent, li => li.QuerySelector(".tag-count")!.TextContent);
        Assert.Equal("(3)", rows["community engagement"]);
        Assert.Equal("(3)", rows["10MinuteInternationalLibrarian"]);
    }

    [Fact]
    public async Task AnUnknownTagIsNotFound()
    {
        var (status, page) = await app.FetchAsync("/tags/no-such-tag");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No such tag", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("/tags/a!b")]
    [InlineData("/tags/two%20words")]
    [InlineData("/tags/-leading")]
    [InlineData("/tags/community-engagement?page=x")]
    public async Task AMalformedTagAddressIsABadRequest(string path)
    {
        var (status, _) = await app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}

public sealed class NonLatinTagTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("社区参与", "社区参与")]
    [InlineData("المشاركة المجتمعية", "المشاركة-المجتمعية")]
    public async Task ATagNamedInAnyScriptRoundTripsThroughItsSlugAndPage(string name, string expectedSlug)
    {
        await _app.ImportAsync(BlogText.TagArchive(
            name,
            BlogText.Post(60, "Reach out", "reach out", "3.2 Support virtual networking and connections")));

        var index = await _app.GetDocumentAsync("/tags");
        var link = index.QuerySelectorAll(".tag-index a").Single(a => a.TextContent == name);
        var href = link.GetAttribute("href")!;
        Assert.Equal("/tags/" + expectedSlug, Uri.UnescapeDataString(href));

        var archive = await _app.GetDocumentAsync(href);
        Assert.Contains(name, archive.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/exercises/60"], archive.QuerySelectorAll(".exercise-summary h3 a").Select(a => a.GetAttribute("href")));

        var exercise = await _app.GetDocumentAsync("/exercises/60");
        Assert.Contains(exercise.QuerySelectorAll("a.tag-link"), a => a.TextContent == name && a.GetAttribute("href") == href);
    }
}
