using System.Net;
using AngleSharp.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Web;

public sealed class ExercisePagesTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    [Fact]
    public async Task TheExercisePageShowsTheTextAsParagraphsWithItsTagAndInitiativeLinked()
    {
        var page = await app.GetDocumentAsync("/exercises/89");

        Assert.Equal("Make a connection", page.QuerySelector("h1")?.TextContent.Trim());
        var paragraphs = page.QuerySelectorAll(".exercise-text p").Select(p => p.TextContent).ToList();
        Assert.Equal("Libraries are already strongly characterised by collaboration.", paragraphs[0]);
        Assert.Contains("Which ones could cooperate, but aren’t doing so at the moment?", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains("This idea relates to", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("Ideas Store", StringComparison.Ordinal));
        var tag = page.QuerySelectorAll("a.tag-link").Single(a => a.TextContent == "community engagement");
        Assert.Equal("/tags/community-engagement", tag.GetAttribute("href"));
        var initiative = page.QuerySelector("a.initiative-link");
        Assert.Equal("/strategy/3.2", initiative?.GetAttribute("href"));
        Assert.Contains("Support virtual networking and connections", initiative?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAddressWithATitleLeadsToTheCanonicalOne()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/exercises/89/make-a-connection", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/exercises/89", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NeighboursByNumberAreLinked()
    {
        var page = await app.GetDocumentAsync("/exercises/42");

        Assert.Equal("/exercises/21", page.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/exercises/89", page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AnUnknownNumberGetsAHelpfulNotFoundPage()
    {
        var (status, page) = await app.FetchAsync("/exercises/50");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no exercise #50", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.go-to-number"));
    }

    [Theory]
    [InlineData("/exercises/abc")]
    [InlineData("/exercises/0")]
    [InlineData("/exercises/-1")]
    [InlineData("/exercises/1.5")]
    [InlineData("/exercises/%D9%A8%D9%A9")]
    [InlineData("/exercises/99999999999")]
    [InlineData("/exercises/abc/some-title")]
    public async Task AMalformedNumberIsABadRequest(string path)
    {
        var (status, page) = await app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("That is not an exercise number", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task TheListShowsWhatAReaderChoosesByAndNotTheTagsEveryExerciseRepeats()
    {
        var page = await app.GetDocumentAsync("/exercises");

        var items = page.QuerySelectorAll(".exercise-summary").ToList();
        Assert.Equal(["/exercises/21", "/exercises/42", "/exercises/89"], items.Select(i => i.QuerySelector("h3 a")?.GetAttribute("href")));
        var first = items[0];
        Assert.Equal("#21", first.QuerySelector("h3 .exercise-number")?.TextContent);
        Assert.Equal("Libraries have a mission to serve their entire communities.", first.QuerySelector(".exercise-summary-text")?.TextContent);
        // The initiative by its name, not a bare code.
        var initiative = first.QuerySelector(".exercise-meta a.initiative-link");
        Assert.Equal("/strategy/1.1", initiative?.GetAttribute("href"));
        Assert.Equal("Show the power of libraries in achieving the Sustainable Development Goals", initiative?.TextContent);
        Assert.Equal("0 responses", first.QuerySelector(".response-count")?.TextContent);
        Assert.Empty(first.QuerySelectorAll("a.tag-link"));
        Assert.Null(first.QuerySelector(".did-count"));
    }

    [Fact]
    public async Task TheListShowsTheDateAnExerciseWasPublishedOnlyWhenItIsKnown()
    {
        await using var local = new LibrarianAppFactory();
        await local.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 42);
            exercise.PublishedOn = new DateOnly(2021, 5, 4);
            exercise.PublishedOnPrecision = DatePrecision.Day;
            var undated = await db.Exercises.SingleAsync(e => e.Number == 89);
            undated.PublishedOn = null;
            return await db.SaveChangesAsync();
        });

        var page = await local.GetDocumentAsync("/exercises");

        IElement Item(int number) => page.QuerySelectorAll(".exercise-summary").Single(i => i.QuerySelector("h3 a")?.GetAttribute("href") == $"/exercises/{number}");
        var date = Item(42).QuerySelector(".exercise-meta time");
        Assert.Equal("2021-05-04", date?.GetAttribute("datetime"));
        Assert.Equal("4 May 2021", date?.TextContent);
        Assert.Null(Item(89).QuerySelector(".exercise-meta time"));
    }

    [Theory]
    [InlineData("89")]
    [InlineData("#89")]
    [InlineData(" 89 ")]
    public async Task TheNumberBoxGoesStraightToTheExercise(string typed)
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri("/exercises?number=" + Uri.EscapeDataString(typed), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/exercises/89", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheNumberBoxSaysKindlyWhenThereIsNoSuchExercise()
    {
        var (status, page) = await app.FetchAsync("/exercises?number=50");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("There is no exercise #50 here yet", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exercises?number=abc")]
    [InlineData("/exercises?page=abc")]
    [InlineData("/exercises?page=0")]
    [InlineData("/exercises?page=-2")]
    public async Task MalformedListParametersAreBadRequests(string path)
    {
        var (status, _) = await app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task CountsShowOnlyPublishedResponsesAndDidThisMarksAndNothingOfHeldOrSpamOnes()
    {
        await using var local = new LibrarianAppFactory();
        await local.WithDbAsync(async db =>
        {
            var exercise = db.Exercises.Single(e => e.Number == 42);
            db.Responses.AddRange(
                NewResponse(exercise.Id, ResponseStatus.Published, didExercise: true),
                NewResponse(exercise.Id, ResponseStatus.Published, didExercise: false),
                NewResponse(exercise.Id, ResponseStatus.Held, didExercise: true),
                NewResponse(exercise.Id, ResponseStatus.Spam, didExercise: true));
            return await db.SaveChangesAsync();
        });

        var list = await local.GetDocumentAsync("/exercises");
        var item = list.QuerySelectorAll(".exercise-summary").Single(i => i.QuerySelector("h3 a")?.GetAttribute("href") == "/exercises/42");
        Assert.Equal("2 responses", item.QuerySelector(".response-count")?.TextContent);

        var page = await local.GetDocumentAsync("/exercises/42");
        Assert.Equal("2", page.QuerySelector(".exercise-facts .response-count")?.TextContent);
        Assert.Equal("1", page.QuerySelector(".exercise-facts .did-count")?.TextContent);
        // Neither counted nor mentioned: a count of held responses would advertise a flood of spam.
        Assert.DoesNotContain("awaiting", page.QuerySelector("main")?.TextContent, StringComparison.OrdinalIgnoreCase);
        using var client = local.CreateBrowserlessClient();
        var api = await client.GetStringAsync(new Uri("/api/exercises/42", UriKind.Relative));
        Assert.DoesNotContain("held", api, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("awaiting", api, StringComparison.OrdinalIgnoreCase);
    }

    private static Response NewResponse(int exerciseId, ResponseStatus status, bool didExercise) => new()
    {
        ExerciseId = exerciseId,
        DisplayName = "A librarian",
        BodyMarkdown = "We tried it.",
        Status = status,
        DidExercise = didExercise,
        CreatedUtc = DateTime.UtcNow,
    };
}
