using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Responses;

/// <summary>An exercise with 120 published responses (and some held): shown fifty a page, oldest first.</summary>
public sealed class ResponseListTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public async Task InitializeAsync()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await _app.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 42);
            db.Responses.AddRange(Enumerable.Range(1, 120).Select(i => new Response
            {
                ExerciseId = exercise.Id,
                DisplayName = $"Librarian {i:000}",
                BodyMarkdown = $"Response {i}",
                Status = ResponseStatus.Published,
                CreatedUtc = start.AddMinutes(i),
            }));
            db.Responses.Add(new Response { ExerciseId = exercise.Id, DisplayName = "Held one", BodyMarkdown = "x", Status = ResponseStatus.Held, CreatedUtc = start });
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ResponsesAreShownOldestFirstFiftyAPage()
    {
        var first = await _app.GetDocumentAsync("/exercises/42");
        var last = await _app.GetDocumentAsync("/exercises/42?page=3");

        var firstNames = first.QuerySelectorAll(".response-name").Select(n => n.TextContent).ToList();
        Assert.Equal(50, firstNames.Count);
        Assert.Equal("Librarian 001", firstNames[0]);
        Assert.Equal(Enumerable.Range(101, 20).Select(i => $"Librarian {i:000}"), last.QuerySelectorAll(".response-name").Select(n => n.TextContent));
        Assert.Equal("/exercises/42?page=2", first.QuerySelector(".responses a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("120", first.QuerySelector(".exercise-facts .response-count")?.TextContent);
        Assert.DoesNotContain("Held one", first.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewResponseLeadsToTheLastPageWhereItStands()
    {
        using var visitor = new ResponsePoster(_app);

        using var response = await visitor.PostAsync(42, ResponsePoster.Fields(name: "Newest"));

        var id = await _app.WithDbAsync(db => db.Responses.Where(r => r.DisplayName == "Newest").Select(r => r.Id).SingleAsync());
        Assert.Equal($"/exercises/42?page=3#response-{id}", response.Headers.Location?.OriginalString);
        using var followed = await visitor.Client.GetAsync(response.Headers.Location);
        var page = await LibrarianAppFactory.ParseAsync(followed);
        Assert.Equal("Newest", page.QuerySelector($"#response-{id} .response-name")?.TextContent);
    }

    [Theory]
    [InlineData("/exercises/42?page=4", HttpStatusCode.NotFound)]
    [InlineData("/exercises/42?page=x", HttpStatusCode.BadRequest)]
    public async Task ResponsePagesOutOfRangeOrMalformedAreRefused(string path, HttpStatusCode expected)
    {
        var (status, _) = await _app.FetchAsync(path);
        Assert.Equal(expected, status);
    }
}

public sealed class ResponseOptionsTests
{
    [Theory]
    [InlineData("Responses:PageSize", "0")]
    [InlineData("Responses:RateLimitPermits", "0")]
    [InlineData("Responses:MaximumLinks", "-1")]
    [InlineData("Responses:MinimumFormAge", "-00:00:05")]
    [InlineData("Responses:MaximumFormAge", "00:00:01")]
    [InlineData("Responses:ClientRateLimitPermits", "0")]
    [InlineData("Responses:HeldPerClientPerDay", "0")]
    [InlineData("Responses:SpamRetention", "00:10:00")]
    [InlineData("Responses:ClientHashSalt", "short")]
    public async Task AnImpossibleSettingStopsTheAppAtStartRatherThanFailingEveryPage(string key, string value)
    {
        var error = await LibrarianAppFactory.StartFailureAsync(app => app.Settings[key] = value);

        Assert.Contains(key, error.GetBaseException().Message, StringComparison.Ordinal);
    }
}
