using System.Net;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Web;

public sealed class HomeAndHealthTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    [Fact]
    public async Task HomeSaysWhatThisIsAndOffersTheLatestExercisesAndWaysToBrowse()
    {
        var page = await app.GetDocumentAsync("/");

        Assert.Equal("The 10-Minute International Librarian", page.QuerySelector("h1")?.TextContent.Trim());
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/exercises", links);
        Assert.Contains("/exercises/89", links);
        // The other ways to browse are the main menu's, not repeated in the page.
        var menu = page.QuerySelectorAll("nav.site-menu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/exercises", "/tags", "/strategy", "/search"], menu);
        Assert.NotNull(page.QuerySelector("form.go-to-number input[name=number]"));
    }

    [Fact]
    public async Task HealthCheckAnswersWhenTheDatabaseDoes()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownAddressGetsTheHelpfulNotFoundPage()
    {
        var (status, page) = await app.FetchAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/exercises']"));
    }

    [Fact]
    public async Task PagesComeWithTheirStylesAndALanguage()
    {
        var page = await app.GetDocumentAsync("/");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));

        using var client = app.CreateBrowserlessClient();
        var css = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.NotEmpty(css);
        foreach (var href in css)
        {
            using var response = await client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsStringAsync()).Length > 100, href + " is empty");
        }
    }
}
