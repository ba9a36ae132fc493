using System.Net;
using AngleSharp.Dom;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Responses;

public sealed class UntrustedTextTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public static TheoryData<string> Attacks => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](%6Aavascript:alert(1))",
        "[click]( javascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "![x](https://evil.example/pixel.png){onerror=alert(1)}",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[ref][1]\n\n[1]: data:text/html,<script>alert(1)</script>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](https://ok.example \"title\" onmouseover=alert(1))",
        "`<script>alert(1)</script>`",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "\"><script>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>",
    };

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task ScriptInjectionInTheTextOrTheNameProducesNoExecutableMarkup(string attack)
    {
        using var visitor = new ResponsePoster(_app);

        using var response = await visitor.PostAsync(89, ResponsePoster.Fields(name: attack.Length <= 80 ? attack : attack[..80], text: attack, organisation: attack.Length <= 120 ? attack : null));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var page = await _app.GetDocumentAsync("/exercises/89");
        var responses = page.QuerySelector("section.responses")!;
        Assert.NotNull(responses.QuerySelector(".response"));
        AssertNothingExecutable(responses);
        // Every script is the site's own file; the one inline element is the JSON-LD data block, which never runs.
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.StartsWith("/", s.GetAttribute("src") ?? "inline script"));
        using var data = System.Text.Json.JsonDocument.Parse(Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']")).TextContent);
    }

    [Fact]
    public async Task AllowedLinksCarryNofollowUgcNoopenerAndImagesAreNotLoaded()
    {
        using var visitor = new ResponsePoster(_app);
        await visitor.PostAsync(89, ResponsePoster.Fields(text: "See [our report](https://library.example/report) or mail <librarian@library.example>.\n\n![our poster](https://cdn.example/poster.png)"));

        var page = await _app.GetDocumentAsync("/exercises/89");
        var text = page.QuerySelector(".response-text")!;

        var report = text.QuerySelectorAll("a").Single(a => a.TextContent == "our report");
        Assert.Equal("https://library.example/report", report.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", report.GetAttribute("rel"));
        Assert.Contains(text.QuerySelectorAll("a"), a => a.GetAttribute("href") == "mailto:librarian@library.example");
        Assert.Empty(text.QuerySelectorAll("img"));
        var poster = text.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "https://cdn.example/poster.png");
        Assert.Contains("our poster", poster.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click here](javascript:alert(1))", "click here")]
    [InlineData("![a picture](javascript:alert(1))", "a picture")]
    [InlineData("[see](https://ok.example) and [more](data:text/html,x)", "see and more")]
    public async Task ARefusedLinkLeavesItsWordsOnceAsPlainText(string markdown, string expected)
    {
        using var visitor = new ResponsePoster(_app);
        await visitor.PostAsync(89, ResponsePoster.Fields(text: markdown));

        var page = await _app.GetDocumentAsync("/exercises/89");

        Assert.Equal(expected, page.QuerySelector(".response-text p")?.TextContent);
    }

    [Fact]
    public async Task AnImageInsideALinkBecomesItsWordsSoThatNoLinkSitsInsideAnother()
    {
        using var visitor = new ResponsePoster(_app);
        await visitor.PostAsync(89, ResponsePoster.Fields(text: "[![our poster](https://cdn.example/p.png)](https://library.example/)"));

        var page = await _app.GetDocumentAsync("/exercises/89");
        var text = page.QuerySelector(".response-text")!;

        var link = Assert.Single(text.QuerySelectorAll("a"));
        Assert.Equal("https://library.example/", link.GetAttribute("href"));
        Assert.Equal("our poster", link.TextContent);
        Assert.Empty(text.QuerySelectorAll("img"));
    }

    [Fact]
    public async Task ResponsesAreLaidOutInTheDirectionOfTheirOwnScript()
    {
        var page = await _app.GetDocumentAsync("/exercises/89");
        Assert.Equal("auto", page.QuerySelector("#Form_Text")?.GetAttribute("dir"));
        Assert.Equal("auto", page.QuerySelector("#Form_DisplayName")?.GetAttribute("dir"));

        using var visitor = new ResponsePoster(_app);
        await visitor.PostAsync(89, ResponsePoster.Fields(name: "ليلى", text: "ربطنا المتحف بالمدرسة."));
        page = await _app.GetDocumentAsync("/exercises/89");
        Assert.Equal("auto", page.QuerySelector(".response-text")?.GetAttribute("dir"));
        Assert.NotNull(page.QuerySelector(".response-name bdi"));
    }

    [Fact]
    public async Task PathologicalMarkdownIsShownAsTextWithoutBreakingThePage()
    {
        using var visitor = new ResponsePoster(_app);
        var deepQuotes = new string('>', 9_000) + " deep";
        var deepEmphasis = string.Concat(Enumerable.Repeat("*_", 2_500)) + "x";

        await visitor.PostAsync(89, ResponsePoster.Fields(name: "Quotes", text: deepQuotes));
        await visitor.PostAsync(89, ResponsePoster.Fields(name: "Emphasis", text: deepEmphasis));
        await visitor.PostAsync(89, ResponsePoster.Fields(name: "Normal", text: "A normal response."));

        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/exercises/89", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await LibrarianAppFactory.ParseAsync(response);
        Assert.Equal(["Quotes", "Emphasis", "Normal"], page.QuerySelectorAll(".response-name").Select(n => n.TextContent));
        Assert.Equal(3, await _app.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task EveryPageCarriesTheSecurityHeaders()
    {
        using var client = _app.CreateBrowserlessClient();
        foreach (var path in new[] { "/", "/exercises/89", "/tags", "/no-such-page", "/exercises/abc" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    private static void AssertNothingExecutable(IElement root)
    {
        string[] dangerousTags = ["script", "iframe", "object", "embed", "svg", "math", "img", "style", "link", "meta", "base", "form"];
        foreach (var element in root.QuerySelectorAll("*"))
        {
            if (element.Closest("form#response-form") is not null)
            {
                continue;
            }

            Assert.DoesNotContain(element.LocalName, dangerousTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src" or "action" or "formaction")
                {
                    var value = attribute.Value.Trim();
                    Assert.True(
                        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                        || (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)) || value.StartsWith('#'),
                        $"<{element.LocalName} {attribute.Name}=\"{value}\">");
                }
            }
        }
    }
}
