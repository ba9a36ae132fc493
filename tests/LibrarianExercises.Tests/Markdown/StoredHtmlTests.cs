using System.Net;
using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Tests.Responses;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Markdown;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Markdown;

/// <summary>Text is rendered once, when written, and pages read the HTML stored beside the Markdown.</summary>
public sealed class StoredHtmlTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public async Task InitializeAsync() => await StoredHtmlRefreshedAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APostedResponseIsStoredAsTheVisitorsRendererMakesIt()
    {
        const string text = "We met *the archive*: see [our notes](https://library.example/notes).";
        using var visitor = new ResponsePoster(_app);
        using var posted = await visitor.PostAsync(89, ResponsePoster.Fields(text: text));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);

        var row = await _app.WithDbAsync(db => db.Responses.SingleAsync(r => r.BodyMarkdown == text));

        Assert.Equal(_app.Services.GetRequiredService<ResponseMarkdownRenderer>().ToHtml(text), row.BodyHtml);
        Assert.Equal(ResponseMarkdownRenderer.Version, row.RenderedWith);
    }

    [Fact]
    public async Task AnImportedExerciseIsStoredAsItsPageShowsIt()
    {
        await _app.ImportAsync(BlogText.Post(91, "Read a map", "read a map", "3.2 Support virtual networking and connections", "First, as in Exercise #89, look around."));

        var row = await _app.WithDbAsync(db => db.Exercises.SingleAsync(e => e.Number == 91));
        var page = await _app.GetDocumentAsync("/exercises/91");

        Assert.Equal(ExerciseMarkdownRenderer.Version, row.RenderedWith);
        Assert.Contains("<a href=\"/exercises/89\"", row.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(_app.Services.GetRequiredService<ExerciseMarkdownRenderer>().FirstParagraphText(row.BodyMarkdown), row.FirstParagraph);
        Assert.Equal("First, as in Exercise #89, look around.", row.FirstParagraph);
        Assert.Equal(row.BodyHtml!.Trim(), page.QuerySelector(".exercise-text")!.InnerHtml.Trim());
    }

    [Fact]
    public async Task PagesAndTheApiShowTheStoredHtmlWithoutRenderingTheMarkdownAgain()
    {
        using var visitor = new ResponsePoster(_app);
        using var posted = await visitor.PostAsync(89, ResponsePoster.Fields(text: "As typed by the visitor."));
        // Changed behind the renderer's back: if a page rendered the Markdown, it would not show these words.
        await _app.WithDbAsync(async db =>
        {
            await db.Responses.Where(r => r.BodyMarkdown == "As typed by the visitor.")
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.BodyHtml, "<p>stored response html</p>"));
            return await db.Exercises.Where(e => e.Number == 89)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.BodyHtml, "<p>stored exercise html</p>").SetProperty(e => e.FirstParagraph, "stored first paragraph"));
        });
        await _app.Services.GetRequiredService<PageCache>().CollectionChangedAsync(CancellationToken.None);

        var page = await _app.GetDocumentAsync("/exercises/89");
        Assert.Equal("<p>stored exercise html</p>", page.QuerySelector(".exercise-text")!.InnerHtml.Trim());
        Assert.Contains(page.QuerySelectorAll(".response-text"), t => t.InnerHtml == "<p>stored response html</p>");
        Assert.Equal("stored first paragraph", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));

        var listPage = (await _app.WithDbAsync(db => db.Exercises.CountAsync(e => e.Number < 89)) / ExerciseQueries.PageSize) + 1;
        var list = await _app.GetDocumentAsync($"/exercises?page={listPage}");
        Assert.Contains(list.QuerySelectorAll("p"), p => p.TextContent == "stored first paragraph");

        using var client = _app.CreateClient();
        using var exercise = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/exercises/89", UriKind.Relative)));
        Assert.Equal("<p>stored exercise html</p>", exercise.RootElement.GetProperty("bodyHtml").GetString());
        using var responses = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/exercises/89/responses", UriKind.Relative)));
        Assert.Contains(responses.RootElement.GetProperty("items").EnumerateArray(), r => r.GetProperty("bodyHtml").GetString() == "<p>stored response html</p>");
    }

    [Fact]
    public async Task ARowWhoseRenderingIsStaleIsRenderedOnReadingUntilItIsRenderedAgain()
    {
        var id = await AddStaleResponseAsync(_app, "Written by *another tool*.", renderedWith: null);

        var page = await _app.GetDocumentAsync("/exercises/89");

        var text = Assert.Single(page.QuerySelectorAll($"#response-{id} .response-text"));
        Assert.Equal("<p>Written by <em>another tool</em>.</p>", text.InnerHtml.Trim());
    }

    [Fact]
    public async Task AtStartTextRenderedByAnotherVersionOfTheRendererOrNeverIsRenderedAgainAndSaved()
    {
        var stale = await AddStaleResponseAsync(_app, "From an *older* renderer.", renderedWith: ResponseMarkdownRenderer.Version - 1);
        var never = await AddStaleResponseAsync(_app, "Never rendered.", renderedWith: null);
        await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 42)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.BodyHtml, "<p>old</p>").SetProperty(e => e.RenderedWith, (int?)null)));

        // The same database, started again.
        await using var restarted = _app.WithWebHostBuilder(_ => { });
        var renderedAgain = await StoredHtmlRefreshedAsync(restarted);

        var responses = await _app.WithDbAsync(db => db.Responses.Where(r => r.Id == stale || r.Id == never).ToListAsync());
        var renderer = _app.Services.GetRequiredService<ResponseMarkdownRenderer>();
        Assert.All(responses, r => Assert.Equal(renderer.ToHtml(r.BodyMarkdown), r.BodyHtml));
        Assert.All(responses, r => Assert.Equal(ResponseMarkdownRenderer.Version, r.RenderedWith));
        var exercise = await _app.WithDbAsync(db => db.Exercises.SingleAsync(e => e.Number == 42));
        Assert.Equal(ExerciseMarkdownRenderer.Version, exercise.RenderedWith);
        Assert.NotEqual("<p>old</p>", exercise.BodyHtml);
        Assert.True(renderedAgain >= 3);
    }

    [Fact]
    public async Task HostileTextStoredWithoutHtmlIsMadeSafeWhenRenderedAgainAtStart()
    {
        var attacks = ((IEnumerable<object[]>)UntrustedTextTests.Attacks).Select(row => (string)row[0]).ToList();
        var ids = new List<int>();
        foreach (var attack in attacks)
        {
            ids.Add(await AddStaleResponseAsync(_app, attack, renderedWith: null));
        }

        await using var restarted = _app.WithWebHostBuilder(_ => { });
        await StoredHtmlRefreshedAsync(restarted);

        var renderer = _app.Services.GetRequiredService<ResponseMarkdownRenderer>();
        var stored = await _app.WithDbAsync(db => db.Responses.Where(r => ids.Contains(r.Id)).ToListAsync());
        Assert.Equal(attacks.Count, stored.Count);
        foreach (var response in stored)
        {
            Assert.Equal(renderer.ToHtml(response.BodyMarkdown), response.BodyHtml);
            var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + response.BodyHtml + "</body>");
            Assert.Empty(parsed.Body!.QuerySelectorAll("script, img, iframe, svg, [style]"));
            Assert.All(parsed.Body.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.All(parsed.Body.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?|mailto):", a.GetAttribute("href")!));
        }
    }

    [Fact]
    public async Task AnExerciseAddedOrRetiredLaterChangesTheLinksOfTheTextsMentioningIt()
    {
        await _app.ImportAsync(BlogText.Post(92, "Look back", "look back", "3.2 Support virtual networking and connections", "This follows exercise #93."));
        Assert.Empty((await _app.GetDocumentAsync("/exercises/92")).QuerySelectorAll(".exercise-text a[href='/exercises/93']"));

        await _app.ImportAsync(BlogText.Post(93, "Look ahead", "look ahead", "3.2 Support virtual networking and connections"));
        Assert.Single((await _app.GetDocumentAsync("/exercises/92")).QuerySelectorAll(".exercise-text a[href='/exercises/93']"));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(ExerciseEditOutcome.Saved, await scope.ServiceProvider.GetRequiredService<ExerciseStore>().RetireAsync(93, CancellationToken.None));
        }

        Assert.Empty((await _app.GetDocumentAsync("/exercises/92")).QuerySelectorAll(".exercise-text a[href='/exercises/93']"));
        var stored = await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 92).Select(e => e.BodyHtml).SingleAsync());
        Assert.DoesNotContain("/exercises/93", stored, StringComparison.Ordinal);
    }

    private static async Task<int> StoredHtmlRefreshedAsync(WebApplicationFactory<Program> app)
    {
        _ = app.Server;
        return await app.Services.GetRequiredService<StoredHtmlRefresh>().Completion;
    }

    /// <summary>A published response on #89 as another tool would write it: Markdown, and no HTML of the current renderer.</summary>
    private static Task<int> AddStaleResponseAsync(LibrarianAppFactory app, string markdown, int? renderedWith) =>
        app.WithDbAsync(async db =>
        {
            var exerciseId = await db.Exercises.Where(e => e.Number == 89).Select(e => e.Id).SingleAsync();
            var response = new Response
            {
                ExerciseId = exerciseId,
                DisplayName = "A librarian",
                BodyMarkdown = markdown,
                BodyHtml = renderedWith is null ? null : "<p>made by an older renderer</p>",
                RenderedWith = renderedWith,
                Status = ResponseStatus.Published,
                CreatedUtc = DateTime.UtcNow,
            };
            db.Responses.Add(response);
            await db.SaveChangesAsync();
            return response.Id;
        });
}
