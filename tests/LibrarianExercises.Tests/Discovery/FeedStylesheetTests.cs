using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Xsl;
using AngleSharp.Html.Parser;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Feeds;
using LibrarianExercises.Web.Services.Languages;
using LibrarianExercises.Web.Services.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Discovery;

/// <summary>
/// A feed opened in a browser is a page: every feed names, by a path on this site, the XSLT stylesheet of its
/// language, which says what a feed is and how to subscribe and lists the entries; feed readers get the Atom as before.
/// </summary>
public sealed class FeedStylesheetTests : IClassFixture<LibrarianAppFactory>
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private readonly LibrarianAppFactory _app;

    public FeedStylesheetTests(LibrarianAppFactory app)
    {
        _app = app;
        _app.Settings["Site:PublicUrl"] = FeedTests.PublicUrl;
    }

    [Theory]
    [InlineData("", "/feed")]
    [InlineData("", "/tags/community-engagement/feed")]
    [InlineData("", "/strategy/3.2/feed")]
    [InlineData("", "/exercises/89/responses/feed")]
    [InlineData("/fr", "/feed")]
    [InlineData("/ar", "/tags/community-engagement/feed")]
    public async Task EveryFeedNamesTheStylesheetOfItsLanguageByAPathOnThisSite(string prefix, string path)
    {
        var text = await FeedTextAsync(prefix + path);

        Assert.StartsWith($"{Declaration}\n<?xml-stylesheet type=\"text/xsl\" href=\"{prefix}/feed.xsl\"?>\n<feed ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedReadersGetTheSameAtomAsWithoutTheStylesheetApartFromItsInstruction()
    {
        var served = await FeedTextAsync("/feed");

        // The Atom as the feed's writer makes it, with the same head and entries as /feed.
        string atom;
        await using (var scope = _app.Services.CreateAsyncScope())
        using (new CultureScope(SiteLanguages.Default))
        {
            var services = scope.ServiceProvider;
            var wording = services.GetRequiredService<FeedWording>();
            var queries = services.GetRequiredService<FeedQueries>();
            var urls = services.GetRequiredService<SiteUrls>();
            var head = new FeedHead("exercises", wording.AllTitle, wording.AllSubtitle, "/feed", "/exercises", PathString.Empty, "en");
            var items = await queries.AllAsync(n => urls.Absolute($"/exercises/{n}"), CancellationToken.None);
            var document = services.GetRequiredService<AtomFeeds>().Exercises(head, items, await queries.LatestUpdateAsync(CancellationToken.None));
            atom = Encoding.UTF8.GetString(document.Content);
        }

        var instruction = "\n<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>";
        Assert.Equal(atom, served.Replace(instruction, "", StringComparison.Ordinal));
        Assert.Equal(served, atom.Insert(Declaration.Length, instruction));
    }

    [Theory]
    [InlineData("", "en", "ltr", "How to subscribe", "site.css")]
    [InlineData("/fr", "fr", "ltr", "Comment s’abonner", "site.css")]
    [InlineData("/ar", "ar", "rtl", "كيف تشترك", "site.rtl.css")]
    [InlineData("/zh", "zh", "ltr", "如何订阅", "site.css")]
    public async Task TheStylesheetIsWrittenInItsLanguage(string prefix, string language, string direction, string subscribe, string stylesheetName)
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(prefix + "/feed.xsl", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xsl", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.NotNull(response.Headers.ETag);
        var stylesheet = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("stylesheet", "http://www.w3.org/1999/XSL/Transform"), stylesheet.Root!.Name);
        var html = stylesheet.Descendants("html").Single();
        Assert.Equal(language, html.Attribute("lang")?.Value);
        Assert.Equal(direction, html.Attribute("dir")?.Value);
        Assert.Contains(stylesheet.Descendants("h2"), h => h.Value == subscribe);
        // Styles from this site only, as its policy asks: no inline style, no script.
        var styles = stylesheet.Descendants("link").Select(l => l.Attribute("href")!.Value).ToList();
        // The site's one stylesheet for the language's direction, as its pages link it (fingerprinted when published).
        var link = Assert.Single(styles);
        Assert.Matches(@"/css/" + stylesheetName.Replace(".css", "", StringComparison.Ordinal).Replace(".", @"\.", StringComparison.Ordinal) + @"(\.[a-z0-9]+)?\.css$", link);
        Assert.All(styles, s => Assert.StartsWith("/", s, StringComparison.Ordinal));
        Assert.Empty(stylesheet.Descendants("script"));
        Assert.Empty(stylesheet.Descendants("style"));
        Assert.DoesNotContain(stylesheet.Descendants(), e => e.Attribute("style") is not null);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(prefix + "/feed.xsl", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Theory]
    [InlineData("", "/feed", "How to subscribe")]
    [InlineData("/fr", "/feed", "Comment s’abonner")]
    [InlineData("", "/exercises/89/responses/feed", "How to subscribe")]
    public async Task TheFeedTransformedByItsStylesheetIsAPageListingTheEntriesWithLinks(string prefix, string path, string subscribe)
    {
        if (path.Contains("responses", StringComparison.Ordinal))
        {
            await _app.AddResponseAsync(89, "A response to list on the page.", name: "Ines Reader");
        }

        var feed = XDocument.Parse(await FeedTextAsync(prefix + path));
        var page = new HtmlParser().ParseDocument(await TransformAsync(prefix, feed));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(feed.Root!.Element(atom + "title")!.Value, page.QuerySelector("h1")?.TextContent);
        Assert.Equal(feed.Root!.Element(atom + "title")!.Value, page.Title);
        Assert.Equal(feed.Root!.Element(atom + "subtitle")!.Value, page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Null(page.QuerySelector("meta[name=robots]"));
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent == subscribe);
        var self = feed.Root.Elements(atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")!.Value;
        Assert.Equal(FeedTests.PublicUrl + prefix + path, self);
        Assert.Equal(self, page.QuerySelector("input#feed-address[readonly]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("label[for=feed-address]"));
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.NotEmpty(entries);
        var listed = page.QuerySelectorAll(".feed-entries > li h3 a").ToList();
        Assert.Equal(entries.Select(e => e.Element(atom + "title")!.Value), listed.Select(a => a.TextContent));
        Assert.Equal(
            entries.Select(e => e.Elements(atom + "link").Single(l => l.Attribute("rel")?.Value == "alternate").Attribute("href")!.Value),
            listed.Select(a => a.GetAttribute("href")));
        // An exercise's summary is English, in a page of any language, and says so.
        Assert.All(page.QuerySelectorAll(".feed-entry-summary"), p => Assert.Equal("en", p.GetAttribute("lang")));
        var pageLink = feed.Root.Elements(atom + "link").Single(l => l.Attribute("rel")?.Value == "alternate").Attribute("href")!.Value;
        Assert.Equal(pageLink, page.QuerySelector("a.feed-page-link")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("", "/feed", "en", "How to subscribe")]
    [InlineData("/ar", "/strategy/3.2/feed", "ar", "كيف تشترك")]
    public async Task ABrowserOpeningAFeedIsSentThePageItsStylesheetMakes(string prefix, string path, string language, string subscribe)
    {
        using var client = _app.CreateBrowserlessClient();
        using var request = Navigation(prefix + path);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sec-Fetch-Dest", response.Headers.Vary);
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        var expected = new HtmlParser().ParseDocument(await TransformAsync(prefix, XDocument.Parse(await FeedTextAsync(prefix + path))));
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent == subscribe);
        Assert.Equal(expected.Body!.OuterHtml, page.Body!.OuterHtml);
        Assert.NotEmpty(page.QuerySelectorAll(".feed-entries > li h3 a"));

        // Opened again, unchanged: 304 for the page's own validator, which is not the feed's.
        using var again = Navigation(prefix + path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Fact]
    public async Task AFeedReaderInABrowserAndOneWithoutFetchMetadataGetTheAtom()
    {
        using var client = _app.CreateBrowserlessClient();
        using var fetch = new HttpRequestMessage(HttpMethod.Get, new Uri("/feed", UriKind.Relative));
        fetch.Headers.Add("Sec-Fetch-Mode", "cors");
        fetch.Headers.Add("Sec-Fetch-Dest", "empty");
        fetch.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*");

        using var fromAScript = await client.SendAsync(fetch);
        using var plain = await client.GetAsync(new Uri("/feed", UriKind.Relative));

        Assert.Equal("application/atom+xml", fromAScript.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/atom+xml", plain.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sec-Fetch-Dest", plain.Headers.Vary);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await fromAScript.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Navigation(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    private async Task<string> TransformAsync(string prefix, XDocument feed)
    {
        using var client = _app.CreateBrowserlessClient();
        var stylesheetText = await client.GetStringAsync(new Uri(prefix + "/feed.xsl", UriKind.Relative));
        var transform = new XslCompiledTransform();
        using (var reader = XmlReader.Create(new StringReader(stylesheetText)))
        {
            transform.Load(reader);
        }

        using var output = new StringWriter();
        using (var feedReader = feed.CreateReader())
        {
            transform.Transform(feedReader, null, output);
        }

        return output.ToString();
    }

    private async Task<string> FeedTextAsync(string path)
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/atom+xml") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }
}
