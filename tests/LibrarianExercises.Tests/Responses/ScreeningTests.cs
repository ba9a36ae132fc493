using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Responses;

/// <summary>Suspicious responses are kept for review and never shown; the poster is told so.</summary>
public sealed class ScreeningTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, ResponseStatus> Cases => new()
    {
        { "honeypot", HoldReasons.Honeypot, ResponseStatus.Spam },
        { "too-fast", HoldReasons.TooFast, ResponseStatus.Held },
        { "too-old", HoldReasons.TooOld, ResponseStatus.Held },
        { "forged-form-token", HoldReasons.BadFormToken, ResponseStatus.Held },
        { "missing-form-token", HoldReasons.BadFormToken, ResponseStatus.Held },
        { "many-links", HoldReasons.TooManyLinks, ResponseStatus.Held },
        { "many-bare-addresses", HoldReasons.TooManyLinks, ResponseStatus.Held },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ASuspiciousResponseIsKeptButNotShownAndThePosterIsToldItAwaitsReview(string situation, string reason, ResponseStatus status)
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);
        var fields = ResponsePoster.Fields(name: "Maybe A Robot", text: "Words worth keeping");
        var wait = TimeSpan.FromSeconds(30);
        switch (situation)
        {
            case "honeypot":
                fields["Form.Website"] = "http://spam.example";
                break;
            case "too-fast":
                wait = TimeSpan.FromSeconds(1);
                break;
            case "too-old":
                wait = TimeSpan.FromHours(25);
                break;
            case "forged-form-token":
                hidden["Form.FormToken"] = "CfDJ8-forged";
                break;
            case "missing-form-token":
                hidden.Remove("Form.FormToken");
                break;
            case "many-links":
                fields["Form.Text"] = "See [a](https://a.example) [b](https://b.example) [c](https://c.example) [d](https://d.example)";
                break;
            case "many-bare-addresses":
                fields["Form.Text"] = "https://a.example https://b.example https://c.example https://d.example";
                break;
        }

        _app.Clock.Advance(wait);
        using var response = await visitor.SendAsync(89, hidden, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/exercises/89#response-status", response.Headers.Location?.OriginalString);
        var stored = await _app.WithDbAsync(db => db.Responses.SingleAsync());
        Assert.Equal(status, stored.Status);
        Assert.Equal(reason, stored.HoldReason);
        Assert.Equal(fields["Form.Text"], stored.BodyMarkdown);

        using var followed = await visitor.Client.GetAsync(response.Headers.Location);
        var page = await LibrarianAppFactory.ParseAsync(followed);
        Assert.Contains("awaits review", page.QuerySelector("#response-status")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Maybe A Robot", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", page.QuerySelector(".exercise-facts .response-count")?.TextContent);
    }

    [Fact]
    public async Task ThreeLinksAreStillPublished()
    {
        using var visitor = new ResponsePoster(_app);

        await visitor.PostAsync(89, ResponsePoster.Fields(text: "[a](https://a.example) [b](https://b.example) and https://c.example"));

        Assert.Equal(ResponseStatus.Published, (await _app.WithDbAsync(db => db.Responses.SingleAsync())).Status);
    }

    /// <summary>
    /// Hidden from people by the stylesheet (with or without JavaScript) and from screen readers by aria-hidden, but
    /// an ordinary text field in the markup, as robots read it: not removed, not of type hidden, not display:none.
    /// </summary>
    [Fact]
    public async Task TheHoneypotIsHiddenFromPeopleInEveryCaseButLeftAnOrdinaryFieldForRobots()
    {
        var page = await _app.GetDocumentAsync("/exercises/89");
        using var client = _app.CreateBrowserlessClient();
        var css = string.Concat(await Task.WhenAll(page.QuerySelectorAll("link[rel=stylesheet]")
            .Select(link => client.GetStringAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative)))));

        var trap = page.QuerySelector("#response-form .honeypot")!;
        var input = trap.QuerySelector("input#Form_Website")!;
        Assert.Equal("true", trap.GetAttribute("aria-hidden"));
        Assert.Null(trap.GetAttribute("hidden"));
        Assert.Null(trap.GetAttribute("style"));
        Assert.Equal(("text", "-1", "off"), (input.GetAttribute("type"), input.GetAttribute("tabindex"), input.GetAttribute("autocomplete")));
        Assert.Contains("Leave this field empty", trap.QuerySelector("label[for=Form_Website]")?.TextContent, StringComparison.Ordinal);
        // Written out or minified alike.
        var rule = System.Text.RegularExpressions.Regex.Match(css, @"(?<![\w-])\.honeypot\s*\{(?<body>[^}]*)\}").Groups["body"].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("position:absolute", rule, StringComparison.Ordinal);
        Assert.Contains("clip-path:inset(50%)", rule, StringComparison.Ordinal);
        Assert.DoesNotContain("display", rule, StringComparison.Ordinal);
        Assert.DoesNotContain("visibility", rule, StringComparison.Ordinal);
    }
}

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Responses:RateLimitPermits"] = "2";
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TooManyPostsFromOneClientToOneExerciseGet429WithRetryAfterAndTheirTextBack()
    {
        using var visitor = new ResponsePoster(_app, clientAddress: "198.51.100.1");
        using var other = new ResponsePoster(_app, clientAddress: "198.51.100.2");

        using var first = await visitor.PostAsync(89, ResponsePoster.Fields(text: "one"));
        using var second = await visitor.PostAsync(89, ResponsePoster.Fields(text: "two"));
        using var third = await visitor.PostAsync(89, ResponsePoster.Fields(text: "three, my best"));
        using var otherExercise = await visitor.PostAsync(42, ResponsePoster.Fields(text: "elsewhere"));
        using var otherClient = await other.PostAsync(89, ResponsePoster.Fields(text: "someone else"));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.True(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var page = await LibrarianAppFactory.ParseAsync(third);
        Assert.Equal("Please wait a little", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("three, my best", page.QuerySelector("textarea#submitted-text")?.TextContent);
        Assert.Equal(HttpStatusCode.SeeOther, otherExercise.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, otherClient.StatusCode);
        Assert.Equal(4, await _app.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task WritingTheNumberWithLeadingZerosDoesNotEscapeTheLimit()
    {
        using var visitor = new ResponsePoster(_app, clientAddress: "198.51.100.9");

        using var first = await visitor.PostAsync(42, ResponsePoster.Fields(text: "one"));
        using var second = await visitor.PostAsync(42, ResponsePoster.Fields(text: "two"));
        var hidden = await visitor.OpenFormAsync(42);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/exercises/042/responses", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(hidden) { ["Form.DisplayName"] = "Sly", ["Form.Text"] = "three" }),
        };
        request.Headers.Add(LibrarianAppFactory.ClientAddressHeader, "198.51.100.9");
        using var third = await visitor.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode)429, third.StatusCode);
    }

    [Fact]
    public async Task BehindALocalProxyEachVisitorHasALimitOfTheirOwn()
    {
        using var first = new ResponsePoster(_app, clientAddress: "127.0.0.1");
        first.Headers["X-Forwarded-For"] = "192.0.2.10";
        using var second = new ResponsePoster(_app, clientAddress: "127.0.0.1");
        second.Headers["X-Forwarded-For"] = "192.0.2.20";

        using var a = await first.PostAsync(21, ResponsePoster.Fields(text: "a1"));
        using var b = await first.PostAsync(21, ResponsePoster.Fields(text: "a2"));
        using var c = await second.PostAsync(21, ResponsePoster.Fields(text: "b1"));
        using var d = await first.PostAsync(21, ResponsePoster.Fields(text: "a3"));

        Assert.Equal(HttpStatusCode.SeeOther, c.StatusCode);
        Assert.Equal((HttpStatusCode)429, d.StatusCode);
        var hashes = await _app.WithDbAsync(db => db.Responses.Where(r => r.Exercise.Number == 21).Select(r => r.ClientHash).Distinct().CountAsync());
        Assert.Equal(2, hashes);
    }
}
