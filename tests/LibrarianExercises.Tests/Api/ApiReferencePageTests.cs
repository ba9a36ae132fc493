using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Api;

/// <summary>
/// The browsable reference at /api/reference: a page of the site drawn on the server from the OpenAPI document, with
/// no script, under the site's own policy, in the reader's language, and nothing below it.
/// </summary>
public sealed class ApiReferencePageTests : IClassFixture<LibrarianAppFactory>
{
    private const string PublicUrl = "https://exercises.example.org";
    private static readonly string[] OperationMethods = ["get", "head", "put", "post", "delete", "options", "patch", "trace"];
    private readonly LibrarianAppFactory _app;

    public ApiReferencePageTests(LibrarianAppFactory app)
    {
        _app = app;
        _app.Settings["Site:PublicUrl"] = PublicUrl;
        // Static files answer as a published site's do: the test host, like Development, otherwise has browsers check
        // them on every use.
        _app.Settings["EnableStaticAssetsDevelopmentCaching"] = "true";
    }

    [Fact]
    public async Task EveryOperationOfTheDocumentHasItsPartOfThePageWithItsParametersAndAnswers()
    {
        var document = (await ApiAnswer.GetAsync(_app, "/openapi/v1.json")).Json;
        var page = await PageAsync("/api/reference");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => OperationMethods.Contains(o.Name)).Select(o => (Path: path.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.Equal(10, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            var id = operation.GetProperty("operationId").GetString()!;
            var part = page.GetElementById(id)?.Closest("section");
            Assert.True(part is not null, $"No part of the page for {id}");
            var heading = part.QuerySelector("h3")!.TextContent;
            Assert.Contains($"{method.ToUpperInvariant()} {path}", heading, StringComparison.Ordinal);
            Assert.Contains(operation.GetProperty("summary").GetString()!, heading, StringComparison.Ordinal);
            // The description is Markdown: its `code` is shown as code.
            Assert.Contains(operation.GetProperty("description").GetString()!.Replace("`", "", StringComparison.Ordinal), part.TextContent, StringComparison.Ordinal);

            // Parameters in full, or a link to an operation on the same path that takes the same ones (HEAD to GET).
            var parameters = part.QuerySelector("[role=region][aria-labelledby$=-parameters] table")
                ?? page.GetElementById(part.QuerySelector("a[href$=-parameters]")!.GetAttribute("href")![1..])!.Closest("section")!.QuerySelector("table")!;
            var names = parameters.QuerySelectorAll("tbody th").Select(th => th.TextContent).ToList();
            Assert.Equal(operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!), names);

            // Answers in full, or for HEAD a link to GET's on the same path: the same answers, without a body.
            var answers = part.QuerySelector("[role=region][aria-labelledby$=-answers] table");
            if (answers is null)
            {
                Assert.Equal("head", method);
                Assert.True(operation.GetProperty("responses").EnumerateObject().All(r => !r.Value.TryGetProperty("content", out _)), $"{id} has bodies but no table of answers");
                var link = part.QuerySelector("a[href$=-answers]")!;
                Assert.Equal($"GET {path}", link.TextContent);
                answers = page.GetElementById(link.GetAttribute("href")![1..])!.Closest("section")!.QuerySelector("[role=region][aria-labelledby$=-answers] table")!;
            }

            Assert.Equal(
                operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal),
                answers.QuerySelectorAll("tbody th").Select(th => th.TextContent));
        }

        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            var part = page.GetElementById("schema-" + schema.Name.ToLowerInvariant())?.Closest("section");
            Assert.True(part is not null, $"No part of the page for the schema {schema.Name}");
            var fields = part.QuerySelectorAll("tbody th").Select(th => th.TextContent).ToList();
            Assert.Equal(schema.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name), fields);
        }
    }

    [Fact]
    public async Task AParameterSaysWhereItGoesItsTypeItsRulesAndWhetherItIsRequired()
    {
        var page = await PageAsync("/api/reference");

        var number = Row(page, "getExercise", "number");
        Assert.Equal(["number", "path", "integer", "Yes"], number.Cells.Take(4).Select(c => c.QuerySelector("code")?.TextContent ?? c.TextContent.Trim()));
        Assert.Contains("maximum: 99999", number.Cells[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("digits only", number.Cells[4].TextContent, StringComparison.Ordinal);
        Assert.Equal("en", number.Cells[4].GetAttribute("lang"));

        var page2 = Row(page, "listExercises", "page");
        Assert.Equal(["page", "query", "integer", "No"], page2.Cells.Take(4).Select(c => c.QuerySelector("code")?.TextContent ?? c.TextContent.Trim()));

        // A named schema links to its own part of the page, and a value that may be null says so.
        var ok = page.GetElementById("getExercise")!.Closest("section")!.QuerySelectorAll("[aria-labelledby$=-answers] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == "200");
        Assert.Equal("#schema-exercisedetail", ok.QuerySelector("a[href^='#schema-']")!.GetAttribute("href"));
        var published = Row(page, "schema-exercisedetail", "publishedOn", schema: true);
        Assert.Equal("string | null", published.Cells[1].QuerySelector("code")!.TextContent);
    }

    [Fact]
    public async Task EveryLinkOnThePageLeadsSomewhere()
    {
        var page = await PageAsync("/api/reference");

        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("/api/exercises/89", links);
        Assert.Contains("/openapi/v1.json", links);
        foreach (var link in links)
        {
            Assert.True(link.StartsWith('#') || (link.StartsWith('/') && !link.StartsWith("//")), link);
            if (link.StartsWith('#'))
            {
                Assert.True(page.GetElementById(link[1..]) is not null, $"No element for {link}");
                continue;
            }

            var answer = await ApiAnswer.GetAsync(_app, link);
            Assert.True(answer.Status == HttpStatusCode.OK, $"{link} answered {(int)answer.Status}");
        }
    }

    [Fact]
    public async Task TheExampleRequestsAreTheAddressesOfThisSite()
    {
        var page = await PageAsync("/api/reference");

        var example = page.GetElementById("getExercise")!.Closest("section")!.QuerySelector("p > code a")!;
        Assert.Equal(PublicUrl + "/api/exercises/89", example.TextContent);
        Assert.Equal("/api/exercises/89", example.GetAttribute("href"));
        var answer = await ApiAnswer.GetAsync(_app, example.GetAttribute("href")!);
        Assert.Equal(89, answer.Json.GetProperty("number").GetInt32());
        // HEAD cannot be a link: its request is shown.
        Assert.Equal("HEAD " + PublicUrl + "/api/exercises/89", page.GetElementById("headGetExercise")!.Closest("section")!.QuerySelector("p > code")!.TextContent);
    }

    [Theory]
    [InlineData("/api/reference/x.js.map")]
    [InlineData("/api/reference/anything")]
    [InlineData("/api/reference/openapi/v1.json")]
    [InlineData("/fr/api/reference/x")]
    public async Task AddressesBelowTheReferenceAreNotFound(string path)
    {
        var answer = await ApiAnswer.GetAsync(_app, path);

        // Like any address under /api that names nothing: problem details, never the page again.
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(404, answer.Json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ThePageRunsNoScriptAndNeedsNothingInlineUnderTheSitesOwnPolicy()
    {
        var answer = await ApiAnswer.GetAsync(_app, "/api/reference");
        var home = await ApiAnswer.GetAsync(_app, "/");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("text/html", answer.MediaType);
        var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(string.Join(";", home.Headers.GetValues("Content-Security-Policy")), policy);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-", policy, StringComparison.Ordinal);

        var page = await new HtmlParser().ParseDocumentAsync(answer.Body);
        Assert.Empty(page.QuerySelectorAll("script, style, [style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BrowsersKeepTheStylesItLoadsForAYear()
    {
        var page = await PageAsync("/api/reference");

        var assets = page.QuerySelectorAll("link[rel=stylesheet][href], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var answer = await ApiAnswer.GetAsync(_app, asset);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("max-age=31536000, immutable", answer.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task ThePageSaysItsLanguageAndWhatItHolds()
    {
        var page = await PageAsync("/api/reference");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("JSON API", page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.StartsWith("API reference", page.Title, StringComparison.Ordinal);
        Assert.Equal("API reference", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task InAnotherLanguageTheInterfaceIsTranslatedAndTheDocumentsWordsAreMarkedEnglish()
    {
        var page = await PageAsync("/fr/api/reference");

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Référence de l’API", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Paramètres", page.GetElementById("listExercises-parameters")!.TextContent, StringComparison.Ordinal);
        var summary = page.QuerySelector("#listExercises bdi")!;
        Assert.Equal("List published exercises", summary.TextContent);
        Assert.Equal("en", summary.GetAttribute("lang"));
        Assert.Equal("en", page.QuerySelector("#listExercises code")!.GetAttribute("lang"));
        // The API itself has no language prefix: its links stay at the site's root.
        Assert.NotNull(page.QuerySelector("a[href='/api/exercises/89']"));
        Assert.NotNull(page.QuerySelector("a[href='/openapi/v1.json']"));
        var ar = await PageAsync("/ar/api/reference");
        Assert.Equal("rtl", ar.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ltr", ar.QuerySelector("#listExercises code")!.GetAttribute("dir"));
    }

    [Fact]
    public async Task ThePageIsServedFromTheCacheLikeTheOtherPages()
    {
        var first = await ApiAnswer.GetAsync(_app, "/de/api/reference");
        var second = await ApiAnswer.GetAsync(_app, "/de/api/reference");

        Assert.Equal(first.Body, second.Body);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task TheRestOfTheSiteKeepsItsPolicyWithoutInlineScript()
    {
        var home = await ApiAnswer.GetAsync(_app, "/");
        var api = await ApiAnswer.GetAsync(_app, "/api/tags");

        foreach (var answer in new[] { home, api })
        {
            var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("nonce-", policy, StringComparison.Ordinal);
        }
    }

    private async Task<IHtmlDocument> PageAsync(string path)
    {
        var (status, page) = await _app.FetchAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return page;
    }

    /// <summary>The row of <paramref name="name"/> in the parameters of an operation, or in the fields of a schema.</summary>
    private static IHtmlTableRowElement Row(IHtmlDocument page, string anchor, string name, bool schema = false)
    {
        var part = page.GetElementById(anchor)!.Closest("section")!;
        var table = part.QuerySelector(schema ? "table" : "[aria-labelledby$=-parameters] table")!;
        return table.QuerySelectorAll("tbody tr").OfType<IHtmlTableRowElement>().Single(r => r.QuerySelector("th")!.TextContent == name);
    }
}
