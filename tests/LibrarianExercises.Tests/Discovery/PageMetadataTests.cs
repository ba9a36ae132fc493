using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Discovery;

/// <summary>Pages that describe themselves: a title of their own, a description, an absolute canonical address.</summary>
public sealed class PageMetadataTests : IClassFixture<LibrarianAppFactory>
{
    private const string PublicUrl = "https://exercises.example.org";

    private readonly LibrarianAppFactory _app;

    public PageMetadataTests(LibrarianAppFactory app)
    {
        _app = app;
        _app.Settings["Site:PublicUrl"] = PublicUrl;
    }

    public static TheoryData<string, string> PublicPages => new()
    {
        { "/", "/" },
        { "/exercises", "/exercises" },
        { "/exercises?initiative=3.2", "/exercises?initiative=3.2" },
        { "/exercises/89", "/exercises/89" },
        { "/exercises/42", "/exercises/42" },
        { "/tags", "/tags" },
        { "/tags/community-engagement", "/tags/community-engagement" },
        { "/tags/Community-Engagement", "/tags/community-engagement" },
        { "/strategy", "/strategy" },
        { "/strategy/3.2", "/strategy/3.2" },
        { "/strategy/1.1", "/strategy/1.1" },
        { "/search", "/search" },
        { "/search?q=partner", "/search?q=partner" },
        { "/account/login", "/account/login" },
        { "/api/reference", "/api/reference" },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task EveryPublicPageHasAnAbsoluteCanonicalLinkAndADescription(string path, string canonical)
    {
        var (status, page) = await _app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(PublicUrl + canonical, page.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("head link[rel=canonical]"));
        var description = page.QuerySelector("head meta[name=description]")?.GetAttribute("content");
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.InRange(description.Length, 20, 250);
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
    }

    [Fact]
    public async Task EachPageHasATitleOfItsOwn()
    {
        var titles = new List<string>();
        foreach (var path in PublicPages.Select(p => (string)p[0]).Where(p => p != "/tags/Community-Engagement"))
        {
            titles.Add((await _app.GetDocumentAsync(path)).Title!);
        }

        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task DescriptionsSayWhatThePageHolds()
    {
        var exercise = await _app.GetDocumentAsync("/exercises/89");
        var tag = await _app.GetDocumentAsync("/tags/community-engagement");
        var initiative = await _app.GetDocumentAsync("/strategy/3.2");

        Assert.Equal("Libraries are already strongly characterised by collaboration.", Description(exercise));
        Assert.Contains("community engagement", Description(tag), StringComparison.Ordinal);
        Assert.Contains("#89: Make a connection", Description(tag), StringComparison.Ordinal);
        Assert.Contains("Support virtual networking and connections", Description(initiative), StringComparison.Ordinal);
        Assert.Contains("Strategic Direction 3", Description(initiative), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExercisePageCarriesOpenGraphAndTwitterCardTags()
    {
        var page = await _app.GetDocumentAsync("/exercises/89");

        string? Meta(string selector) => page.QuerySelector($"head meta[{selector}]")?.GetAttribute("content");
        Assert.Equal("article", Meta("property='og:type'"));
        Assert.Equal("#89: Make a connection", Meta("property='og:title'"));
        Assert.Equal(PublicUrl + "/exercises/89", Meta("property='og:url'"));
        Assert.Equal(Description(page), Meta("property='og:description'"));
        Assert.Equal("summary", Meta("name='twitter:card'"));
        Assert.Equal("#89: Make a connection", Meta("name='twitter:title'"));
        Assert.Equal(Description(page), Meta("name='twitter:description'"));
    }

    [Fact]
    public async Task AnExercisePageDescribesItselfAsALearningResourceInJsonLd()
    {
        await _app.CreateExerciseAsync(901, "Say </script><script>alert(1)</script> & more", "A text.", new DateOnly(2021, 5, 3), initiatives: ["3.2"]);
        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/exercises/901", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await new HtmlParser().ParseDocumentAsync(html);

        var scripts = page.QuerySelectorAll("script[type='application/ld+json']");
        using var json = JsonDocument.Parse(Assert.Single(scripts).TextContent);
        var data = json.RootElement;
        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        Assert.Equal("LearningResource", data.GetProperty("@type").GetString());
        Assert.Equal(901, data.GetProperty("position").GetInt32());
        Assert.Equal("901", data.GetProperty("identifier").GetString());
        Assert.Equal("Say </script><script>alert(1)</script> & more", data.GetProperty("name").GetString());
        Assert.Equal("2021-05-03", data.GetProperty("datePublished").GetString());
        Assert.Equal(PublicUrl + "/exercises/901", data.GetProperty("url").GetString());
        var alignment = Assert.Single(data.GetProperty("educationalAlignment").EnumerateArray().ToList());
        Assert.StartsWith("Key Initiative 3.2", alignment.GetProperty("targetName").GetString(), StringComparison.Ordinal);
        Assert.Equal(PublicUrl + "/strategy/3.2", alignment.GetProperty("targetUrl").GetString());
        // The title cannot end the data block early: no inline script comes of it.
        Assert.Equal(1, page.QuerySelectorAll("script").Count(s => s.TextContent.Contains("alert", StringComparison.Ordinal)));
        Assert.Contains("<script type=\"application/ld+json\">", html, StringComparison.Ordinal);
        // The data block needs no exception from the script policy.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("sha256-", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicationDateTheStructuredDataGivesNoneRatherThanTheDayTheExerciseWasAdded()
    {
        var page = await _app.GetDocumentAsync("/exercises/21");

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(json.RootElement.TryGetProperty("datePublished", out _));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task AForgedHostHeaderChangesNoAbsoluteAddress(string path, string canonical)
    {
        using var client = _app.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Equal(PublicUrl + canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task WithoutASettingAbsoluteAddressesUseTheLocalRun()
    {
        await using var app = new LibrarianAppFactory();

        var page = await app.GetDocumentAsync("/exercises/89");

        Assert.Equal("http://localhost:5000/exercises/89", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("exercises.example.org")]
    [InlineData("ftp://exercises.example.org")]
    [InlineData("https://exercises.example.org/librarian")]
    [InlineData("https://exercises.example.org/?x=1")]
    [InlineData("https://user@exercises.example.org")]
    [InlineData(" ")]
    public async Task AnUnusablePublicAddressStopsTheAppAtStart(string value)
    {
        var error = await LibrarianAppFactory.StartFailureAsync(app => app.Settings["Site:PublicUrl"] = value);

        Assert.Contains("Site:PublicUrl", error.GetBaseException().Message, StringComparison.Ordinal);
    }

    private static string? Description(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("head meta[name=description]")?.GetAttribute("content");
}
