using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Responses;

/// <summary>The response counters kept with each exercise agree with its responses, whoever writes them.</summary>
public sealed class ResponseCounterTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CountersFollowPostingModerationDeletionRestoringAndPurging()
    {
        using var visitor = new ResponsePoster(_app);
        using (await visitor.PostAsync(89, ResponsePoster.Fields(text: "Published, and done.", did: true)))
        {
            await AssertCountersAsync(89, published: 1, did: 1, held: 0);
        }

        var held = await _app.AddResponseAsync(89, "Held for review.", ResponseStatus.Held);
        await AssertCountersAsync(89, published: 1, did: 1, held: 1);

        await _app.ModerateAsync(held, ModerationAction.Approve);
        await AssertCountersAsync(89, published: 2, did: 1, held: 0);

        await _app.ModerateAsync(held, ModerationAction.Delete);
        await AssertCountersAsync(89, published: 1, did: 1, held: 0);

        await _app.RestoreAsync(held);
        await AssertCountersAsync(89, published: 2, did: 1, held: 0);

        await _app.ModerateAsync(held, ModerationAction.MarkSpam);
        await AssertCountersAsync(89, published: 1, did: 1, held: 0);

        _app.Clock.Advance(TimeSpan.FromDays(400));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The background purge may get there first on the moved clock: either way the row goes.
            await scope.ServiceProvider.GetRequiredService<ResponseStore>().PurgeSpamAsync(TimeSpan.FromDays(30), CancellationToken.None);
        }

        Assert.False(await _app.WithDbAsync(db => db.Responses.AnyAsync(r => r.Id == held)));

        await AssertCountersAsync(89, published: 1, did: 1, held: 0);
    }

    [Fact]
    public async Task CountersFollowRowsWrittenOutsideTheStores()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Responses" ("ExerciseId", "DisplayName", "BodyMarkdown", "DidExercise", "Status", "CreatedUtc")
            SELECT "Id", 'A librarian', 'From a script.', TRUE, 'Published', '2026-01-01 00:00:00+00' FROM "Exercises" WHERE "Number" IN (42, 89);
            UPDATE "Responses" SET "Status" = 'Held' WHERE "BodyMarkdown" = 'From a script.' AND "ExerciseId" = (SELECT "Id" FROM "Exercises" WHERE "Number" = 42);
            """));

        await AssertCountersAsync(42, published: 0, did: 0, held: 1);
        await AssertCountersAsync(89, published: 1, did: 1, held: 0);
        Assert.Equal("1", (await _app.GetDocumentAsync("/exercises/89")).QuerySelector(".exercise-facts .response-count")?.TextContent);
    }

    private async Task AssertCountersAsync(int number, int published, int did, int held)
    {
        var row = await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == number).Select(e => new
        {
            e.PublishedResponseCount,
            e.DidExerciseCount,
            e.HeldResponseCount,
            Published = e.Responses.Count(r => r.Status == ResponseStatus.Published),
            Did = e.Responses.Count(r => r.Status == ResponseStatus.Published && r.DidExercise),
            Held = e.Responses.Count(r => r.Status == ResponseStatus.Held),
        }).SingleAsync());
        Assert.Equal((published, did, held), (row.Published, row.Did, row.Held));
        Assert.Equal((published, did, held), (row.PublishedResponseCount, row.DidExerciseCount, row.HeldResponseCount));
    }
}
