using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Caching;

/// <summary>Public pages come from the output cache, and every change that shows on a page evicts it at once.</summary>
public sealed class PageCacheTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> ResponsesOnPageAsync(string path)
    {
        var page = await _app.GetDocumentAsync(path);
        return string.Join("|", page.QuerySelectorAll(".response-text").Select(r => r.TextContent.Trim()));
    }

    [Fact]
    public async Task APageIsServedFromTheCacheUntilAStoreChangesWhatItShows()
    {
        Assert.Equal("", await ResponsesOnPageAsync("/exercises/89"));
        // Written behind the stores' back: the cached page does not know.
        await _app.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 89);
            db.Responses.Add(new Response { ExerciseId = exercise.Id, DisplayName = "Behind", BodyMarkdown = "written behind the store", Status = ResponseStatus.Published, CreatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal("", await ResponsesOnPageAsync("/exercises/89"));

        using var poster = new ResponsePoster(_app, clientAddress: "198.51.100.30");
        using var posted = await poster.PostAsync(89, ResponsePoster.Fields(text: "posted through the store"));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);

        // The very next request, from another client, sees both.
        Assert.Equal("written behind the store|posted through the store", await ResponsesOnPageAsync("/exercises/89"));
    }

    [Fact]
    public async Task AResponseRebuildsTheListsThatCountResponsesButLeavesTheStrategyPagesCached()
    {
        string[] strategyPages = ["/strategy", "/strategy/3.2"];
        string[] countingPages = ["/", "/exercises", "/tags/community-engagement"];
        foreach (var path in strategyPages.Concat(countingPages))
        {
            Assert.Contains("Make a connection", (await _app.GetDocumentAsync(path)).Body?.TextContent ?? "", StringComparison.Ordinal);
        }

        // Renamed behind the stores' back: only a page built again shows it.
        await _app.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 89);
            exercise.Title = "Renamed behind the store";
            return await db.SaveChangesAsync();
        });
        using var poster = new ResponsePoster(_app, clientAddress: "198.51.100.33");
        using (var posted = await poster.PostAsync(21, ResponsePoster.Fields(text: "a response elsewhere")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        }

        foreach (var path in countingPages)
        {
            Assert.Contains("Renamed behind the store", (await _app.GetDocumentAsync(path)).Body?.TextContent ?? "", StringComparison.Ordinal);
        }

        foreach (var path in strategyPages)
        {
            Assert.DoesNotContain("Renamed behind the store", (await _app.GetDocumentAsync(path)).Body?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AHeldResponseChangesNoPublicPageAndApprovingItShowsItAtOnce()
    {
        // Its words, not its markup: the form carries tokens of its own on every view.
        var before = (await _app.GetDocumentAsync("/exercises/42")).QuerySelector("main")!.TextContent;
        using var poster = new ResponsePoster(_app);
        using (await poster.PostAsync(42, ResponsePoster.Fields(text: "quick one"), thinkingTime: TimeSpan.Zero))
        {
        }

        Assert.Equal(1, await _app.WithDbAsync(db => db.Responses.CountAsync(r => r.Status == ResponseStatus.Held)));
        Assert.Equal(before, (await _app.GetDocumentAsync("/exercises/42")).QuerySelector("main")!.TextContent);
        var id = await _app.WithDbAsync(db => db.Responses.Where(r => r.BodyMarkdown == "quick one").Select(r => r.Id).SingleAsync());
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResponseStore>().ModerateAsync([id], ModerationAction.Approve, CancellationToken.None);
        }

        Assert.Equal("quick one", await ResponsesOnPageAsync("/exercises/42"));
        var list = await _app.GetDocumentAsync("/exercises");
        var item = list.QuerySelectorAll(".exercise-summary").Single(i => i.QuerySelector("h3 a")?.GetAttribute("href") == "/exercises/42");
        Assert.Equal("1 response", item.QuerySelector(".response-count")?.TextContent);
    }

    [Fact]
    public async Task AnEditShowsOnEveryPageThatListsOrLinksTheExercise()
    {
        string[] pages = ["/", "/exercises", "/tags/community-engagement", "/strategy", "/strategy/3.2", "/exercises/42", "/exercises/89"];
        foreach (var path in pages)
        {
            Assert.DoesNotContain("Make a connection abroad", (await _app.GetDocumentAsync(path)).Body?.TextContent ?? "", StringComparison.Ordinal);
        }

        using var editor = await EditorSession.SignInAsync(_app);
        var form = await editor.GetDocumentAsync("/admin/exercises/89/edit");
        var fields = new Dictionary<string, string> { ["Form.Title"] = "Make a connection abroad" };
        using (var saved = await editor.SubmitAsync("/admin/exercises/89/edit", "#exercise-form", fields, "button.save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        foreach (var path in pages)
        {
            Assert.Contains("Make a connection abroad", (await _app.GetDocumentAsync(path)).Body?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoVisitorsWhoLoadedTheSameCachedPageEachPostWithTheirOwnTokens()
    {
        using var first = new ResponsePoster(_app, clientAddress: "198.51.100.31");
        using var second = new ResponsePoster(_app, clientAddress: "198.51.100.32");
        var firstForm = await first.OpenFormAsync(21);
        var secondForm = await second.OpenFormAsync(21);
        Assert.NotEqual(firstForm["__RequestVerificationToken"], secondForm["__RequestVerificationToken"]);
        Assert.NotEqual(firstForm["Form.FormToken"], secondForm["Form.FormToken"]);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));

        using var one = await first.SendAsync(21, firstForm, ResponsePoster.Fields(text: "from the first visitor"));
        using var two = await second.SendAsync(21, secondForm, ResponsePoster.Fields(text: "from the second visitor"));

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (one.StatusCode, two.StatusCode));
        var statuses = await _app.WithDbAsync(db => db.Responses.Where(r => r.Exercise.Number == 21).Select(r => r.Status).ToListAsync());
        Assert.Equal([ResponseStatus.Published, ResponseStatus.Published], statuses);
    }

    [Fact]
    public async Task ACachedPageIsFilledForEachVisitorWithItsLengthAndOnlyTheirOwnCookie()
    {
        static async Task<(HttpResponseMessage Response, string Body)> LoadAsync(LibrarianAppFactory app, HttpMethod method)
        {
            using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var response = await client.SendAsync(new HttpRequestMessage(method, new Uri("/exercises/89", UriKind.Relative)));
            return (response, await response.Content.ReadAsStringAsync());
        }

        static string[] CookiesOf(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];

        var (rendered, renderedBody) = await LoadAsync(_app, HttpMethod.Get);
        var (cached, cachedBody) = await LoadAsync(_app, HttpMethod.Get);
        var (head, _) = await LoadAsync(_app, HttpMethod.Head);
        using (rendered)
        using (cached)
        using (head)
        {
            // The first was rendered and stored, the second came from the cache (the cache says how old its copy is).
            Assert.Null(rendered.Headers.Age);
            Assert.NotNull(cached.Headers.Age);
            foreach (var (response, body) in new[] { (rendered, renderedBody), (cached, cachedBody) })
            {
                Assert.DoesNotContain("<!--form-tokens", body, StringComparison.Ordinal);
                Assert.Contains("name=\"Form.FormToken\"", body, StringComparison.Ordinal);
                Assert.False(response.Headers.Contains("X-Form-Token-Holes"));
                Assert.Single(CookiesOf(response));
            }

            Assert.DoesNotContain(CookiesOf(rendered)[0], CookiesOf(cached));
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(cachedBody), cached.Content.Headers.ContentLength);
            Assert.Equal(cached.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.False(head.Headers.Contains("X-Form-Token-Holes"));
        }
    }

    [Fact]
    public async Task TheNoteForAVisitorWhoJustPostedIsNeverServedToAnother()
    {
        using var poster = new ResponsePoster(_app);
        using var posted = await poster.PostAsync(89, ResponsePoster.Fields(text: "my own note follows"));
        using var own = await poster.Client.GetAsync(new Uri("/exercises/89", UriKind.Relative));
        var ownPage = await LibrarianAppFactory.ParseAsync(own);
        Assert.Contains("published", ownPage.QuerySelector("#response-status")?.TextContent, StringComparison.Ordinal);

        var other = await _app.GetDocumentAsync("/exercises/89");
        Assert.Null(other.QuerySelector("#response-status"));
    }

    [Fact]
    public async Task PagesAnswerHeadAndAreCompressed()
    {
        using var client = _app.CreateBrowserlessClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/exercises/89", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/exercises", UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var compressed = await client.SendAsync(request);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
    }
}
