using System.Globalization;
using System.Net;
using System.Xml.Linq;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Discovery;

public sealed class SitemapTests : IClassFixture<LibrarianAppFactory>
{
    private const string PublicUrl = "https://exercises.example.org";
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly LibrarianAppFactory _app;

    public SitemapTests(LibrarianAppFactory app)
    {
        _app = app;
        _app.Settings["Site:PublicUrl"] = PublicUrl;
    }

    [Fact]
    public async Task TheSitemapListsEveryPublishedExerciseTagAndInitiativeWithDatesAndEachResolves()
    {
        await _app.CreateExerciseAsync(801, "Retired before anyone saw it", "Gone.", tags: ["only-retired"]);
        await _app.ChangeExerciseAsync(store => store.RetireAsync(801, CancellationToken.None));
        var responded = await _app.AddResponseAsync(89, "A response changes the exercise's page.");
        var respondedAt = await _app.WithDbAsync(db => Task.FromResult(db.Responses.Single(r => r.Id == responded).CreatedUtc));

        var entries = await SitemapAsync();

        var locs = entries.Keys.ToList();
        Assert.All(locs, l => Assert.StartsWith(PublicUrl + "/", l, StringComparison.Ordinal));
        Assert.Contains(PublicUrl + "/", locs);
        Assert.Contains(PublicUrl + "/exercises", locs);
        Assert.Contains(PublicUrl + "/tags", locs);
        Assert.Contains(PublicUrl + "/strategy", locs);
        foreach (var number in new[] { 21, 42, 89 })
        {
            Assert.Contains(PublicUrl + "/exercises/" + number, locs);
        }

        Assert.DoesNotContain(PublicUrl + "/exercises/801", locs);
        Assert.DoesNotContain(PublicUrl + "/tags/only-retired", locs);
        Assert.Contains(PublicUrl + "/tags/community-engagement", locs);
        var initiatives = await _app.WithDbAsync(db => Task.FromResult(db.KeyInitiatives.Select(i => i.Code).ToList()));
        Assert.All(initiatives, code => Assert.Contains(PublicUrl + "/strategy/" + code, locs));
        Assert.Equal(respondedAt, entries[PublicUrl + "/exercises/89"]!.Value, TimeSpan.FromSeconds(1));
        Assert.NotNull(entries[PublicUrl + "/tags/community-engagement"]);
        Assert.NotNull(entries[PublicUrl + "/strategy/3.2"]);

        using var client = _app.CreateBrowserlessClient();
        foreach (var loc in locs)
        {
            using var page = await client.GetAsync(new Uri(new Uri(loc).PathAndQuery, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{loc} answered {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task RobotsTxtNamesTheSitemapAndClosesNothing()
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["User-agent: *", "Disallow:", "", $"Sitemap: {PublicUrl}/sitemap.xml", ""], lines);
    }

    [Fact]
    public async Task ACrawlerFollowingALinkToTheEditorsPagesIsSentToTheSignInPage()
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/admin/exercises", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/sitemaps/1.xml")]
    [InlineData("/robots.txt")]
    public async Task AForgedHostHeaderChangesNothing(string path)
    {
        using var client = _app.CreateBrowserlessClient();
        using var honest = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "evil.example";
        using var forged = await client.SendAsync(request);

        Assert.Equal(await honest.Content.ReadAsStringAsync(), await forged.Content.ReadAsStringAsync());
    }

    /// <summary>Every address of every file the sitemap index names, with its date.</summary>
    private async Task<Dictionary<string, DateTime?>> SitemapAsync()
    {
        using var client = _app.CreateBrowserlessClient();
        var entries = new Dictionary<string, DateTime?>();
        foreach (var file in await SitemapFilesAsync(client))
        {
            using var response = await client.GetAsync(new Uri(new Uri(file).PathAndQuery, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(Ns + "urlset", document.Root!.Name);
            foreach (var url in document.Root.Elements(Ns + "url"))
            {
                entries.Add(url.Element(Ns + "loc")!.Value, url.Element(Ns + "lastmod") is { } lastmod
                    ? DateTime.Parse(lastmod.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                    : null);
            }
        }

        return entries;
    }

    private static async Task<List<string>> SitemapFilesAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var index = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        return [.. index.Root.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value)];
    }

    [Fact]
    public async Task TheIndexNamesItsFilesAndAFileBeyondThemIsNotFound()
    {
        using var client = _app.CreateBrowserlessClient();
        var files = await SitemapFilesAsync(client);

        // The starting content fits one file: its pages in seven languages are far fewer than 50,000 addresses.
        Assert.Equal([PublicUrl + "/sitemaps/1.xml"], files);
        using var beyond = await client.GetAsync(new Uri("/sitemaps/2.xml", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/sitemaps/first.xml", UriKind.Relative));
        using var prefixed = await client.GetAsync(new Uri("/fr/sitemaps/1.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, prefixed.StatusCode);
    }
}
