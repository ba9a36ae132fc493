using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Api;

/// <summary>The browsable reference: Scalar's page, allowed its own inline script by a nonce, and no more than that.</summary>
public sealed partial class ApiReferencePageTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    [Fact]
    public async Task TheReferencePageRunsOnlyTheScriptsItsPolicyNamesByNonce()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/reference/");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("text/html", answer.MediaType);
        var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        var nonce = NonceInScriptSource().Match(policy).Groups["nonce"].Value;
        Assert.True(nonce.Length >= 16, policy);
        Assert.Contains($"style-src 'self' 'nonce-{nonce}'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);

        var page = await new HtmlParser().ParseDocumentAsync(answer.Body);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        Assert.Equal(nonce, page.QuerySelector("meta[property=csp-nonce]")?.GetAttribute("content"));
        Assert.Contains("openapi/v1.json", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachVisitGetsANewNonce()
    {
        var first = await ApiAnswer.GetAsync(app, "/api/reference/");
        var second = await ApiAnswer.GetAsync(app, "/api/reference/");

        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TheReferenceScriptsComeFromThisSite()
    {
        var page = await new HtmlParser().ParseDocumentAsync((await ApiAnswer.GetAsync(app, "/api/reference/")).Body);

        foreach (var source in page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
        {
            Assert.False(Uri.TryCreate(source, UriKind.Absolute, out _), source);
            var script = await ApiAnswer.GetAsync(app, "/api/reference/" + source);
            Assert.Equal(HttpStatusCode.OK, script.Status);
            Assert.Equal("text/javascript", script.MediaType);
        }
    }

    [Fact]
    public async Task TheRestOfTheSiteKeepsItsPolicyWithoutInlineScript()
    {
        var home = await ApiAnswer.GetAsync(app, "/");
        var api = await ApiAnswer.GetAsync(app, "/api/tags");

        foreach (var answer in new[] { home, api })
        {
            var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("nonce-", policy, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("script-src 'self' 'nonce-(?<nonce>[A-Za-z0-9+/=]+)'")]
    private static partial Regex NonceInScriptSource();
}
