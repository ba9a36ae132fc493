using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Languages;

/// <summary>The language in the address: prefixes, alternates, the switcher, the cache, feeds and the sitemap.</summary>
public sealed class LanguageAddressTests : IClassFixture<LibrarianAppFactory>
{
    private const string PublicUrl = "https://exercises.example.org";
    private readonly LibrarianAppFactory _app;

    public LanguageAddressTests(LibrarianAppFactory app)
    {
        _app = app.WithoutPostingLimit();
        _app.Settings["Site:PublicUrl"] = PublicUrl;
        _app.Settings["Responses:MinimumFormAge"] = "00:00:00";
    }

    public static TheoryData<string> PageTypes => new()
    {
        "/", "/exercises", "/exercises?initiative=3.2", "/exercises/89", "/tags", "/tags/community-engagement",
        "/strategy", "/strategy/3.2", "/search?q=partner", "/account/login", "/api/reference",
    };

    [Theory]
    [InlineData("/fr/exercises/89", "fr", "ltr", "Exercices")]
    [InlineData("/ar/exercises/89", "ar", "rtl", "التمارين")]
    [InlineData("/zh/strategy", "zh", "ltr", "练习")]
    [InlineData("/ru/tags", "ru", "ltr", "Упражнения")]
    [InlineData("/de/", "de", "ltr", "Übungen")]
    [InlineData("/es/search?q=partner", "es", "ltr", "Ejercicios")]
    [InlineData("/exercises/89", "en", "ltr", "Exercises")]
    public async Task TheAddressSaysTheLanguage(string path, string lang, string dir, string navigation)
    {
        var (status, page) = await _app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(dir, page.DocumentElement.GetAttribute("dir"));
        Assert.Contains(navigation, page.QuerySelector("nav.site-menu a")!.TextContent, StringComparison.Ordinal);
        // One stylesheet, which follows the direction; shared by every language: at the site's root, fingerprinted,
        // not under the prefix.
        var stylesheet = Assert.Single(page.QuerySelectorAll("link[rel=stylesheet]")).GetAttribute("href")!;
        Assert.Matches(dir == "rtl" ? @"^/css/site\.rtl\.\w+\.css$" : @"^/css/site\.\w+\.css$", stylesheet);
    }

    [Fact]
    public async Task ExerciseTextStaysEnglishAndSaysSoAndTheNumberReadsTheSameEverywhere()
    {
        var page = (await _app.FetchAsync("/ar/exercises/89")).Page;

        Assert.Equal("en", page.QuerySelector(".exercise-text")!.GetAttribute("lang"));
        Assert.Equal("en", page.QuerySelector("#exercise-title")!.GetAttribute("lang"));
        Assert.Equal("Make a connection", page.QuerySelector("#exercise-title")!.TextContent.Trim());
        var number = page.QuerySelector(".exercise-number")!;
        Assert.Equal("#89", number.TextContent);
        Assert.Equal("ltr", number.GetAttribute("dir"));
        // The strategy's names are translated into Arabic: shown without an English marking.
        Assert.Null(page.QuerySelector(".initiative-link bdi")!.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/en/tags", "/tags")]
    [InlineData("/en/exercises/89?page=2", "/exercises/89?page=2")]
    [InlineData("/en", "/")]
    public async Task EnglishHasNoPrefixAndAGuessedOneIsRedirected(string path, string location)
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/fr/api/exercises")]
    [InlineData("/fr/sitemap.xml")]
    [InlineData("/fr/robots.txt")]
    [InlineData("/fr/healthz")]
    [InlineData("/xx/exercises")]
    public async Task LanguageNeutralAddressesHaveNoPrefixedTwin(string path)
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task EveryAlternateResolvesAndPointsBack(string path)
    {
        var page = (await _app.FetchAsync(path)).Page;
        var alternates = Alternates(page);
        Assert.Equal(["en", "ar", "zh", "fr", "de", "ru", "es", "x-default"], alternates.Keys);
        Assert.Equal(PublicUrl + path, alternates["en"]);
        Assert.Equal(alternates["en"], alternates["x-default"]);

        foreach (var (language, url) in alternates.Where(a => a.Key != "x-default"))
        {
            var (status, other) = await _app.FetchAsync(new Uri(url).PathAndQuery);
            Assert.True(status == HttpStatusCode.OK, $"{url} answered {(int)status}");
            Assert.Equal(language, other.DocumentElement.GetAttribute("lang"));
            Assert.Equal(alternates, Alternates(other));
            Assert.Equal(url, other.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        }
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task TheSwitcherKeepsThePage(string path)
    {
        string In(string prefix) => path == "/" ? prefix : prefix + path;
        var page = (await _app.FetchAsync(In("/fr"))).Page;
        var links = page.QuerySelectorAll("nav.language-switcher a").ToDictionary(a => a.GetAttribute("hreflang")!, a => a.GetAttribute("href")!);

        Assert.Equal(path, links["en"]);
        Assert.Equal(In("/fr"), links["fr"]);
        Assert.Equal(In("/ar"), links["ar"]);
        Assert.Equal("true", page.QuerySelector("nav.language-switcher a[hreflang=fr]")!.GetAttribute("aria-current"));
        // Every link the page makes stays in French, but those to the JSON API and its document (the API reference's),
        // which are the same in every language.
        var internalLinks = page.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!)
            .Where(href => !href.StartsWith("/api/", StringComparison.Ordinal) && !href.StartsWith("/openapi/", StringComparison.Ordinal))
            .ToList();
        Assert.All(internalLinks, href => Assert.True(href == "/fr" || href.StartsWith("/fr/", StringComparison.Ordinal), href));
    }

    [Fact]
    public async Task CachedPagesAreKeptPerLanguage()
    {
        // Each language's copy is cached on its first load; the second load of each must still be in its language.
        foreach (var round in new[] { 1, 2 })
        {
            Assert.Equal("fr", (await _app.FetchAsync("/fr/tags")).Page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", (await _app.FetchAsync("/tags")).Page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("ar", (await _app.FetchAsync("/ar/tags")).Page.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task AResponsePostedInSpanishShowsInEveryLanguage()
    {
        // Every language's page is cached before the post; the post must evict all of them.
        foreach (var path in new[] { "/exercises/42", "/es/exercises/42", "/fr/exercises/42" })
        {
            await _app.FetchAsync(path);
        }

        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = await client.GetAsync(new Uri("/es/exercises/42", UriKind.Relative));
        var formPage = await LibrarianAppFactory.ParseAsync(form);
        var action = formPage.QuerySelector("#response-form")!.GetAttribute("action")!;
        // The fragment keeps a refused form in view at its error summary.
        Assert.Equal("/es/exercises/42/responses#form-errors", action);
        var fields = formPage.QuerySelectorAll("#response-form input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        fields["Form.DisplayName"] = "Lucía Bibliotecaria";
        fields["Form.Text"] = "Hicimos un mapa de la comunidad con nuestros socios.";
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        using var posted = await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.StartsWith("/es/exercises/42", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var path in new[] { "/exercises/42", "/es/exercises/42", "/fr/exercises/42", "/zh/exercises/42" })
        {
            var page = (await _app.FetchAsync(path)).Page;
            Assert.Contains(page.QuerySelectorAll(".response-text"), r => r.TextContent.Contains("mapa de la comunidad", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheBrowsersLanguageIsOfferedNeverImposed()
    {
        using var client = _app.CreateBrowserlessClient();
        async Task<AngleSharp.Html.Dom.IHtmlDocument> Get(string path, string? acceptLanguage)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (acceptLanguage is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            }

            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await LibrarianAppFactory.ParseAsync(response);
        }

        var offered = await Get("/exercises/89", "de-CH, fr;q=0.8, en;q=0.5");
        Assert.Equal("en", offered.DocumentElement.GetAttribute("lang"));
        var offer = offered.QuerySelector(".language-suggestion a")!;
        Assert.Equal("/de/exercises/89", offer.GetAttribute("href"));
        Assert.Equal("de", offered.QuerySelector(".language-suggestion")!.GetAttribute("lang"));
        Assert.Contains("Deutsch", offer.TextContent, StringComparison.Ordinal);

        // Cached per offer: the same page without the header, or asked for in its own language, offers nothing.
        Assert.Null((await Get("/exercises/89", null)).QuerySelector(".language-suggestion"));
        Assert.Null((await Get("/exercises/89", "en-GB")).QuerySelector(".language-suggestion"));
        Assert.Null((await Get("/de/exercises/89", "de")).QuerySelector(".language-suggestion"));
        Assert.Equal("/exercises/89", (await Get("/de/exercises/89", "en-US,en;q=0.9")).QuerySelector(".language-suggestion a")!.GetAttribute("href"));
        Assert.Null((await Get("/exercises/89", "ja, ko;q=0.5")).QuerySelector(".language-suggestion"));
    }

    [Fact]
    public async Task DatesAndNumbersAreWrittenTheReadersWay()
    {
        await _app.AddResponseAsync(21, "Dated response.");
        var french = (await _app.FetchAsync("/fr/exercises/21")).Page.QuerySelector(".response time")!.TextContent;
        var chinese = (await _app.FetchAsync("/zh/exercises/21")).Page.QuerySelector(".response time")!.TextContent;
        var english = (await _app.FetchAsync("/exercises/21")).Page.QuerySelector(".response time")!.TextContent;
        var month = _app.Clock.GetUtcNow().UtcDateTime;

        Assert.Contains(month.ToString("MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr")), french, StringComparison.Ordinal);
        Assert.Contains("年", chinese, StringComparison.Ordinal);
        Assert.Contains(month.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture), english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsAreWrittenInTheirLanguageAndLinkToItsPages()
    {
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/fr/tags/community-engagement/feed", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal("fr", feed.Language);
        Assert.StartsWith("Exercices", feed.Title.Text, StringComparison.Ordinal);
        Assert.All(feed.Items, item => Assert.StartsWith(PublicUrl + "/fr/exercises/", item.Links.Single().Uri.ToString(), StringComparison.Ordinal));
        var englishFeed = SyndicationFeed.Load(XmlReader.Create(await client.GetStreamAsync(new Uri("/tags/community-engagement/feed", UriKind.Relative))));
        Assert.NotEqual(englishFeed.Id, feed.Id);
        Assert.Equal("en", englishFeed.Language);
    }

    [Fact]
    public async Task TheSitemapListsEveryLanguageWithItsAlternates()
    {
        using var client = _app.CreateBrowserlessClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemaps/1.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = sitemap.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value);

        foreach (var language in new[] { "", "/ar", "/zh", "/fr", "/de", "/ru", "/es" })
        {
            var entry = urls[PublicUrl + language + "/exercises/89"];
            var alternates = entry.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
            Assert.Equal(7, alternates.Count);
            Assert.Equal(PublicUrl + "/fr/exercises/89", alternates["fr"]);
            Assert.Equal(PublicUrl + "/exercises/89", alternates["en"]);
        }

        Assert.Contains(PublicUrl + "/fr", urls.Keys);
    }

    private static Dictionary<string, string> Alternates(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
}
