using System.Net;
using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Api;

/// <summary>
/// Forty exercises besides the starting content (43 in all: two full pages and a short third one), 120 published
/// responses to #42 beside held and spam ones, and #89 retired with a published response of its own.
/// </summary>
public sealed class ApiPagingTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var posts = Enumerable.Range(1, 41).Where(n => n != 21)
            .Select(n => n == 5
                ? BlogText.Post(n, "Build on an earlier one", "do thing 5", "3.2 Support virtual networking and connections", "Start from Exercise #42, then try exercise #77.")
                : BlogText.Post(n, $"Exercise number {n}", $"do thing {n}", "3.2 Support virtual networking and connections"));
        await _app.ImportAsync(string.Join("\n", posts));

        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await _app.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 42);
            db.Responses.AddRange(Enumerable.Range(1, 120).Select(i => new Response
            {
                ExerciseId = exercise.Id,
                DisplayName = $"Librarian {i:000}",
                BodyMarkdown = i == 1 ? "We [mapped](javascript:alert(1)) our *partners*." : $"Response {i}",
                Organisation = i == 1 ? "City Library" : null,
                CountryCode = i == 1 ? "FR" : null,
                DidExercise = i % 2 == 1,
                Status = ResponseStatus.Published,
                CreatedUtc = start.AddMinutes(i).AddTicks(1234),
            }));
            db.Responses.Add(new Response { ExerciseId = exercise.Id, DisplayName = "Held one", BodyMarkdown = "x", Status = ResponseStatus.Held, CreatedUtc = start });
            db.Responses.Add(new Response { ExerciseId = exercise.Id, DisplayName = "Spam one", BodyMarkdown = "x", Status = ResponseStatus.Spam, CreatedUtc = start });

            var retired = await db.Exercises.SingleAsync(e => e.Number == 89);
            retired.RetiredUtc = start;
            db.Responses.Add(new Response { ExerciseId = retired.Id, DisplayName = "Kept but hidden", BodyMarkdown = "x", Status = ResponseStatus.Published, CreatedUtc = start });
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheListRunsTwentyAPageWithLinksToThePagesAroundIt()
    {
        var first = (await ApiAnswer.GetAsync(_app, "/api/exercises")).Json;
        var second = (await ApiAnswer.GetAsync(_app, "/api/exercises?page=2")).Json;
        var last = (await ApiAnswer.GetAsync(_app, "/api/exercises?page=3")).Json;

        Assert.Equal(Enumerable.Range(1, 20), first.Numbers());
        Assert.Equal(Enumerable.Range(21, 20), second.Numbers());
        Assert.Equal([41, 42], last.Numbers());
        Assert.Equal((42, 3), (first.Number("totalCount"), first.Number("pageCount")));
        var links = second.GetProperty("links");
        Assert.Equal("/api/exercises?page=1", links.Text("previous"));
        Assert.Equal("/api/exercises?page=3", links.Text("next"));
        Assert.Equal("/api/exercises?page=1", links.Text("first"));
        Assert.Equal("/api/exercises?page=3", links.Text("last"));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("/api/exercises?page=4", "The list runs to page 3; there is no page 4.")]
    [InlineData("/api/exercises?page=999999", "The list runs to page 3; there is no page 999999.")]
    [InlineData("/api/exercises/42/responses?page=4", "The list runs to page 3; there is no page 4.")]
    public async Task APagePastTheLastIsNotFound(string path, string detail)
    {
        var answer = await ApiAnswer.GetAsync(_app, path);

        ApiReadingTests.AssertProblem(answer, HttpStatusCode.NotFound, "Not Found");
        Assert.Equal(detail, answer.Json.Text("detail"));
    }

    [Fact]
    public async Task PublishedResponsesComeOldestFirstFiftyAPageAndNoOthersEver()
    {
        var first = (await ApiAnswer.GetAsync(_app, "/api/exercises/42/responses")).Json;
        var last = (await ApiAnswer.GetAsync(_app, "/api/exercises/42/responses?page=3")).Json;

        Assert.Equal((120, 3, 50), (first.Number("totalCount"), first.Number("pageCount"), first.Number("pageSize")));
        Assert.Equal(50, first.Items().Count);
        Assert.Equal("Librarian 001", first.Items()[0].Text("displayName"));
        Assert.Equal(Enumerable.Range(101, 20).Select(i => $"Librarian {i:000}"), last.Items().Select(r => r.Text("displayName")));
        Assert.Equal("/api/exercises/42/responses?page=2", first.GetProperty("links").Text("next"));
        var everyone = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            everyone.AddRange((await ApiAnswer.GetAsync(_app, $"/api/exercises/42/responses?page={page}")).Json.Items().Select(r => r.Text("displayName")));
        }

        Assert.Equal(120, everyone.Distinct().Count());
        Assert.DoesNotContain("Held one", everyone);
        Assert.DoesNotContain("Spam one", everyone);
    }

    [Fact]
    public async Task AResponseGivesItsAuthorCountryTimeAndSafeHtml()
    {
        var response = (await ApiAnswer.GetAsync(_app, "/api/exercises/42/responses")).Json.Items()[0];

        Assert.Equal("City Library", response.Text("organisation"));
        Assert.Equal("FR", response.GetProperty("country").Text("code"));
        Assert.Equal("France", response.GetProperty("country").Text("name"));
        Assert.Equal("2026-01-01T00:01:00Z", response.Text("createdUtc"));
        Assert.True(response.GetProperty("didExercise").GetBoolean());
        var html = response.Text("bodyHtml");
        Assert.Contains("<em>partners</em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.TryGetProperty("bodyMarkdown", out _));
        var second = (await ApiAnswer.GetAsync(_app, "/api/exercises/42/responses")).Json.Items()[1];
        Assert.Equal(JsonValueKind.Null, second.GetProperty("country").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("organisation").ValueKind);
    }

    [Fact]
    public async Task AnExerciseCountsOnlyItsPublishedResponses()
    {
        var exercise = (await ApiAnswer.GetAsync(_app, "/api/exercises/42")).Json;

        Assert.Equal(120, exercise.Number("responseCount"));
        Assert.Equal(60, exercise.Number("didExerciseCount"));
        Assert.Equal(120, (await ApiAnswer.GetAsync(_app, "/api/exercises?page=3")).Json.Items().Single(e => e.Number("number") == 42).Number("responseCount"));
    }

    [Fact]
    public async Task ARetiredExerciseAndItsResponsesAreNowhere()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await ApiAnswer.GetAsync(_app, "/api/exercises/89")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiAnswer.GetAsync(_app, "/api/exercises/89/responses")).Status);
        Assert.DoesNotContain(89, (await ApiAnswer.GetAsync(_app, "/api/exercises?page=3")).Json.Numbers());
        Assert.Equal(40, (await ApiAnswer.GetAsync(_app, "/api/exercises?initiative=3.2")).Json.Number("totalCount"));
        var strategy = (await ApiAnswer.GetAsync(_app, "/api/strategy")).Json;
        var serving = strategy.Items("directions").SelectMany(d => d.Items("initiatives")).Single(i => i.Text("code") == "3.2");
        Assert.DoesNotContain(89, serving.Numbers("exercises"));
        var tags = (await ApiAnswer.GetAsync(_app, "/api/tags")).Json.Items();
        Assert.Equal(2, tags.Single(t => t.Text("slug") == "community-engagement").Number("exerciseCount"));
    }

    [Fact]
    public async Task MentionsOfPublishedExercisesLinkToTheirPagesInTheHtml()
    {
        var exercise = (await ApiAnswer.GetAsync(_app, "/api/exercises/5")).Json;

        Assert.Contains("Start from Exercise #42", exercise.Text("bodyMarkdown"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/exercises/42\">Exercise #42</a>", exercise.Text("bodyHtml"), StringComparison.Ordinal);
        Assert.DoesNotContain("/exercises/77", exercise.Text("bodyHtml"), StringComparison.Ordinal);
    }
}
