using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Discovery;

/// <summary>Every feed read by a real syndication reader, every link in it followed.</summary>
public sealed class FeedTests : IClassFixture<LibrarianAppFactory>
{
    public const string PublicUrl = "https://exercises.example.org";

    private readonly LibrarianAppFactory _app;

    public FeedTests(LibrarianAppFactory app)
    {
        _app = app;
        _app.Settings["Site:PublicUrl"] = PublicUrl;
    }

    public static TheoryData<string> Feeds => new()
    {
        "/feed",
        "/tags/community-engagement/feed",
        "/strategy/3.2/feed",
        "/exercises/89/responses/feed",
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task EveryFeedParsesAndEveryLinkInItResolves(string path)
    {
        await _app.AddResponseAsync(89, "A response for the feed.");

        var (response, feed) = await LoadAsync(path);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(feed.Items);
        var links = feed.Links.Concat(feed.Items.SelectMany(i => i.Links)).Select(l => l.Uri).ToList();
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri == new Uri(PublicUrl + path));
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate");
        Assert.All(feed.Items, i => Assert.Contains(i.Links, l => l.RelationshipType == "alternate"));
        using var client = _app.CreateBrowserlessClient();
        foreach (var link in links)
        {
            Assert.True(link.IsAbsoluteUri, $"{link} is not absolute");
            Assert.StartsWith(PublicUrl + "/", link.AbsoluteUri, StringComparison.Ordinal);
            using var followed = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
            Assert.True(followed.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)followed.StatusCode}");
        }
    }

    [Fact]
    public async Task EntriesCarryTheirOwnDatesNeverTheTimeOfTheRequest()
    {
        // A host of its own: its clock is moved on, which the other tests' conditional requests must not see.
        await using var app = new LibrarianAppFactory();
        app.Settings["Site:PublicUrl"] = PublicUrl;
        await app.CreateExerciseAsync(701, "An exercise published long ago", "Its text.", new DateOnly(2021, 5, 3), initiatives: ["3.2"]);
        var responseId = await app.AddResponseAsync(701, "Written at a time of its own.");
        var written = await app.WithDbAsync(db => Task.FromResult(db.Responses.Single(r => r.Id == responseId).CreatedUtc));
        var changed = await app.WithDbAsync(db => Task.FromResult(db.Exercises.Single(e => e.Number == 89).UpdatedUtc));
        app.Clock.Advance(TimeSpan.FromDays(3));

        var (_, all) = await LoadAsync(app, "/feed");
        var (_, initiative) = await LoadAsync(app, "/strategy/3.2/feed");
        var (_, responses) = await LoadAsync(app, "/exercises/701/responses/feed");

        var published = new DateTimeOffset(2021, 5, 3, 0, 0, 0, TimeSpan.Zero);
        var old = all.Items.Single(i => i.Title.Text.StartsWith("#701", StringComparison.Ordinal));
        Assert.Equal(published, old.PublishDate);
        Assert.Equal(published, old.LastUpdatedTime);
        Assert.Equal(published, initiative.Items.Single(i => i.Title.Text.StartsWith("#701", StringComparison.Ordinal)).LastUpdatedTime);
        // Without a publication date, an exercise is updated when it last changed here, and published never.
        var undated = all.Items.Single(i => i.Title.Text.StartsWith("#89:", StringComparison.Ordinal));
        Assert.Equal(changed, undated.LastUpdatedTime.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(DateTimeOffset.MinValue, undated.PublishDate);
        var entry = responses.Items.Single();
        Assert.Equal(written, entry.LastUpdatedTime.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(written, responses.LastUpdatedTime.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal("Test Librarian", entry.Authors.Single().Name);
        var now = app.Clock.GetUtcNow();
        Assert.All(all.Items.Concat(responses.Items), i => Assert.True(i.LastUpdatedTime < now - TimeSpan.FromDays(1)));
        Assert.True(all.LastUpdatedTime < now - TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task IdsAreStableAndUnique()
    {
        var (_, first) = await LoadAsync("/feed");
        var (_, again) = await LoadAsync("/feed", host: "evil.example");
        var (_, tag) = await LoadAsync("/tags/community-engagement/feed");

        Assert.StartsWith("urn:uuid:", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Items.Select(i => i.Id), again.Items.Select(i => i.Id));
        Assert.Equal(first.Items.Count(), first.Items.Select(i => i.Id).Distinct().Count());
        Assert.NotEqual(first.Id, tag.Id);
        // The same exercise is the same entry in every feed that carries it.
        var exercise89 = first.Items.Single(i => i.Title.Text.StartsWith("#89:", StringComparison.Ordinal)).Id;
        Assert.Equal(exercise89, tag.Items.Single(i => i.Title.Text.StartsWith("#89:", StringComparison.Ordinal)).Id);
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task AnUnchangedFeedIsAnswered304AndAChangedOneInFull(string path)
    {
        await _app.AddResponseAsync(89, "So that every feed has something.");
        using var client = _app.CreateBrowserlessClient();
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.NotNull(lastModified);

        using var byTag = await SendAsync(client, path, r => r.Headers.IfNoneMatch.Add(etag));
        using var byDate = await SendAsync(client, path, r => r.Headers.IfModifiedSince = lastModified);
        using var stale = await SendAsync(client, path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        using var older = await SendAsync(client, path, r => r.Headers.IfModifiedSince = lastModified.Value.AddDays(-1));

        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task ANewResponseChangesItsExercisesFeed()
    {
        using var client = _app.CreateBrowserlessClient();
        using var before = await client.GetAsync(new Uri("/exercises/42/responses/feed", UriKind.Relative));
        await _app.AddResponseAsync(42, "Something new to read.");

        using var after = await SendAsync(client, "/exercises/42/responses/feed", r => r.Headers.IfNoneMatch.Add(before.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/tags/community-engagement/feed")]
    [InlineData("/strategy/3.2/feed")]
    [InlineData("/exercises/89/responses/feed")]
    public async Task AForgedHostHeaderChangesNoLinkInAFeed(string path)
    {
        using var client = _app.CreateBrowserlessClient();
        using var honest = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var forged = await SendAsync(client, path, r => r.Headers.Host = "evil.example");

        var text = await forged.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Equal(await honest.Content.ReadAsStringAsync(), text);
    }

    [Theory]
    [InlineData("/", "/feed")]
    [InlineData("/exercises", "/feed")]
    [InlineData("/exercises/89", "/exercises/89/responses/feed")]
    [InlineData("/tags/community-engagement", "/tags/community-engagement/feed")]
    [InlineData("/strategy/3.2", "/strategy/3.2/feed")]
    [InlineData("/exercises?initiative=3.2", "/strategy/3.2/feed")]
    public async Task PagesPointToTheirFeed(string page, string feed)
    {
        var document = await _app.GetDocumentAsync(page);

        var link = document.QuerySelector("head link[rel=alternate][type='application/atom+xml']");
        Assert.Equal(PublicUrl + feed, link?.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(link?.GetAttribute("title")));
    }

    [Theory]
    [InlineData("/tags/no-such-tag/feed", HttpStatusCode.NotFound)]
    [InlineData("/strategy/9.9/feed", HttpStatusCode.NotFound)]
    [InlineData("/strategy/x/feed", HttpStatusCode.BadRequest)]
    [InlineData("/exercises/50/responses/feed", HttpStatusCode.NotFound)]
    [InlineData("/exercises/abc/responses/feed", HttpStatusCode.BadRequest)]
    public async Task AFeedOfNothingIsAnsweredLikeItsPage(string path, HttpStatusCode expected)
    {
        var (status, _) = await _app.FetchAsync(path);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task AnExercisesSummaryAndTextAreMarkedEnglishInAFeedOfAnotherLanguage()
    {
        using var client = _app.CreateBrowserlessClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/fr/feed", UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal("fr", feed.Root!.Attribute(XNamespace.Xml + "lang")?.Value);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.Equal("en", e.Element(atom + "summary")?.Attribute(XNamespace.Xml + "lang")?.Value);
            Assert.Equal("en", e.Element(atom + "content")?.Attribute(XNamespace.Xml + "lang")?.Value);
        });
    }

    [Fact]
    public async Task AResponseStoredWithACharacterXmlCannotCarryStillGivesAFeedThatParses()
    {
        // Forms refuse such characters now; a row written before that rule, or by other means, may still hold them.
        await _app.AddResponseAsync(21, "Kept from before\u0001 the rule.", name: "Old\u0002 Row");

        var (_, feed) = await LoadAsync("/exercises/21/responses/feed");

        var item = Assert.Single(feed.Items, i => i.Authors.Any(a => a.Name == "Old\uFFFD Row"));
        Assert.Contains("Kept from before\uFFFD the rule.", ((TextSyndicationContent)item.Content).Text, StringComparison.Ordinal);
    }

    private Task<(HttpResponseMessage Response, SyndicationFeed Feed)> LoadAsync(string path, string? host = null) => LoadAsync(_app, path, host);

    private static async Task<(HttpResponseMessage Response, SyndicationFeed Feed)> LoadAsync(LibrarianAppFactory app, string path, string? host = null)
    {
        using var client = app.CreateBrowserlessClient();
        var response = await SendAsync(client, path, r =>
        {
            if (host is not null)
            {
                r.Headers.Host = host;
            }
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true });
        var feed = SyndicationFeed.Load(reader);
        return (response, feed);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, Action<HttpRequestMessage> prepare)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        prepare(request);
        return await client.SendAsync(request);
    }
}
