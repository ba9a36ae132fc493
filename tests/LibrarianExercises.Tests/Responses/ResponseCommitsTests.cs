using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibrarianExercises.Tests.Responses;

/// <summary>
/// Responses posted together are committed together, each post still waiting for its own commit; one that cannot be
/// stored costs the others nothing; and those still queued when the site stops are stored before it exits.
/// </summary>
public sealed class ResponseCommitsTests
{
    [Fact]
    public async Task ResponsesQueuedBehindAWriteAreCommittedInOneGroupAndEachWaitsForIt()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile();
        var commits = app.Services.GetRequiredService<ResponseCommits>();
        var exerciseId = await ExerciseIdAsync(app, 89);
        var before = commits.Committed;

        var release = new TaskCompletionSource();
        var holding = await app.HoldTheWritersAsync(release.Task);
        var first = commits.CommitAsync(NewResponse(exerciseId, "First"), 89);
        await Task.Delay(100);
        var rest = Enumerable.Range(1, 20).Select(i => commits.CommitAsync(NewResponse(exerciseId, $"Queued {i}"), 89)).ToList();
        await Task.Delay(100);

        // Nobody is answered while their response is not yet committed.
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(rest, t => t.IsCompleted);
        release.SetResult();
        await holding;
        await Task.WhenAll([first, .. rest]);

        var after = commits.Committed;
        Assert.Equal(21, after.Responses - before.Responses);
        // The first waited alone for the held writers; the twenty that queued behind it went in one transaction.
        Assert.Equal(2, after.Groups - before.Groups);
        var stored = await app.WithDbAsync(db => db.Responses.Where(r => r.DisplayName == "First" || r.DisplayName.StartsWith("Queued")).CountAsync());
        Assert.Equal(21, stored);
    }

    [Fact]
    public async Task AResponseThatCannotBeStoredFailsAloneAndTheOthersOfItsGroupAreStored()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile();
        var commits = app.Services.GetRequiredService<ResponseCommits>();
        var exerciseId = await ExerciseIdAsync(app, 89);

        var release = new TaskCompletionSource();
        var holding = await app.HoldTheWritersAsync(release.Task);
        var blocker = commits.CommitAsync(NewResponse(exerciseId, "Blocker"), 89);
        await Task.Delay(100);
        var good1 = commits.CommitAsync(NewResponse(exerciseId, "Good one"), 89);
        // No such exercise: the foreign key refuses it.
        var bad = commits.CommitAsync(NewResponse(exerciseId + 100_000, "Orphan"), 89);
        var good2 = commits.CommitAsync(NewResponse(exerciseId, "Good two"), 89);
        release.SetResult();
        await holding;

        await Task.WhenAll(blocker, good1, good2);
        await Assert.ThrowsAsync<DbUpdateException>(() => bad);
        var names = await app.WithDbAsync(db => db.Responses.Select(r => r.DisplayName).ToListAsync());
        Assert.Contains("Good one", names);
        Assert.Contains("Good two", names);
        Assert.DoesNotContain("Orphan", names);

        // The loop goes on after a failure.
        await commits.CommitAsync(NewResponse(exerciseId, "Afterwards"), 89);
        Assert.Equal(1, await app.WithDbAsync(db => db.Responses.CountAsync(r => r.DisplayName == "Afterwards")));
    }

    [Fact]
    public async Task ResponsesStillQueuedWhenAWriterNoHostStoppedIsDisposedAreStored()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile();
        var exerciseId = await ExerciseIdAsync(app, 89);
        // A writer of its own, disposed without a host stopping it first: it still commits what is queued.
        var commits = new ResponseCommits(
            app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<WriteGate>(),
            app.Services.GetRequiredService<PageCache>(),
            NullLogger<ResponseCommits>.Instance);

        var release = new TaskCompletionSource();
        var holding = await app.HoldTheWritersAsync(release.Task);
        var queued = Enumerable.Range(1, 5).Select(i => commits.CommitAsync(NewResponse(exerciseId, $"At closing {i}"), 89)).ToList();
        var stopping = commits.DisposeAsync().AsTask();
        await Task.Delay(100);
        Assert.False(stopping.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => { _ = commits.CommitAsync(NewResponse(exerciseId, "Too late"), 89); });
        release.SetResult();
        await holding;
        await stopping;

        Assert.All(queued, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(5, await app.WithDbAsync(db => db.Responses.CountAsync(r => r.DisplayName.StartsWith("At closing"))));
    }

    [SqliteFact]
    public async Task ResponsesStillQueuedWhenTheHostStopsAreStoredBeforeItsServicesAreDisposed()
    {
        var database = Path.Combine(Path.GetTempPath(), $"librarian-tests-{Guid.NewGuid():N}.db");
        try
        {
            // The site's own writer, stopped by its host as the host stops when the process is told to.
            var app = new LibrarianAppFactory();
            app.Settings["ConnectionStrings:Library"] = "Data Source=" + database;
            var commits = app.Services.GetRequiredService<ResponseCommits>();
            var exerciseId = await ExerciseIdAsync(app, 89);
            var release = new TaskCompletionSource();
            var holding = await app.HoldTheWritersAsync(release.Task);
            // The first waits, alone, for the writers' turn; the others queue behind it for the next group.
            var queued = new List<Task<int?>> { commits.CommitAsync(NewResponse(exerciseId, "At closing 0"), 89) };
            await Task.Delay(100);
            queued.AddRange(Enumerable.Range(1, 5).Select(i => commits.CommitAsync(NewResponse(exerciseId, $"At closing {i}"), 89)));

            var stopping = app.DisposeAsync().AsTask();
            await Task.Delay(200);
            Assert.False(stopping.IsCompleted);
            release.SetResult();
            await holding;
            await stopping;

            Assert.All(queued, t => Assert.True(t.IsCompletedSuccessfully, t.Exception?.ToString()));
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"Responses\" WHERE \"DisplayName\" LIKE 'At closing %'";
            Assert.Equal(6L, await count.ExecuteScalarAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task EachPublishedResponseOfAGroupIsGivenItsPlaceInPageOrderAndAHeldOneNone()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile();
        var commits = app.Services.GetRequiredService<ResponseCommits>();
        var exerciseId = await ExerciseIdAsync(app, 89);
        var otherId = await ExerciseIdAsync(app, 42);

        var release = new TaskCompletionSource();
        var holding = await app.HoldTheWritersAsync(release.Task);
        var blocker = commits.CommitAsync(NewResponse(exerciseId, "Blocker"), 89);
        await Task.Delay(100);
        var first = commits.CommitAsync(NewResponse(exerciseId, "Grouped one"), 89);
        var held = commits.CommitAsync(NewResponse(exerciseId, "Grouped held", ResponseStatus.Held), 89);
        var elsewhere = commits.CommitAsync(NewResponse(otherId, "Grouped elsewhere"), 42);
        var second = commits.CommitAsync(NewResponse(exerciseId, "Grouped two"), 89);
        release.SetResult();
        await holding;
        await Task.WhenAll(blocker, first, held, elsewhere, second);

        // What the page shows, counted the long way: the published responses in page order.
        var order89 = await PageOrderAsync(app, exerciseId);
        var order42 = await PageOrderAsync(app, otherId);
        Assert.Equal(order89.IndexOf("Blocker"), await blocker);
        Assert.Equal(order89.IndexOf("Grouped one"), await first);
        Assert.Equal(order89.IndexOf("Grouped two"), await second);
        Assert.Equal(order89.Count - 1, await second);
        Assert.Equal(order42.IndexOf("Grouped elsewhere"), await elsewhere);
        Assert.Null(await held);
    }

    [Fact]
    public async Task APlaceIsLeftUnknownWhenAnOlderResponseIsDatedAfterTheNewOne()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile();
        var commits = app.Services.GetRequiredService<ResponseCommits>();
        var exerciseId = await ExerciseIdAsync(app, 89);
        // Stored earlier, but dated in the future (a clock set back since, or an import): it stands after the new one.
        await commits.CommitAsync(NewResponse(exerciseId, "Dated ahead", createdUtc: DateTime.UtcNow.AddDays(1)), 89);

        Assert.Null(await commits.CommitAsync(NewResponse(exerciseId, "Now"), 89));
    }

    private static Task<List<string>> PageOrderAsync(LibrarianAppFactory app, int exerciseId) =>
        app.WithDbAsync(db => db.Responses
            .Where(r => r.ExerciseId == exerciseId && r.Status == ResponseStatus.Published)
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Select(r => r.DisplayName)
            .ToListAsync());

    /// <summary>Takes the writers' turn, as a long moderation or stored-HTML pass would, until released.</summary>
    /// <returns>Once the turn is taken: the holding, which ends when released.</returns>
    [Fact]
    public async Task OfResponsesSentTogetherWithOneFormOnlyTheFirstStandsAndTheOthersAreHeldAsReplays()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile();
        var commits = app.Services.GetRequiredService<ResponseCommits>();
        var exerciseId = await ExerciseIdAsync(app, 89);
        var release = new TaskCompletionSource();
        var holding = await app.HoldTheWritersAsync(release.Task);

        // All three passed the post's own check (the nonce was not stored yet): they meet in one group.
        var sent = new[] { "First of the form", "Second of the form", "Another form" }
            .Select(name => NewResponse(exerciseId, name, nonce: name == "Another form" ? "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" : "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
            .ToList();
        var committing = sent.Select(r => commits.CommitAsync(r, 89)).ToList();
        release.SetResult();
        await holding;
        await Task.WhenAll(committing);

        var stored = await app.WithDbAsync(db => db.Responses.Where(r => r.DisplayName.EndsWith(" form")).ToDictionaryAsync(r => r.DisplayName, r => (r.Status, r.HoldReason, r.FormNonce)));
        Assert.Equal((ResponseStatus.Published, (string?)null, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), stored["First of the form"]);
        // The form's nonce stays with the response that used it first; the replay is kept without it.
        Assert.Equal((ResponseStatus.Held, HoldReasons.ReusedFormToken, (string?)null), stored["Second of the form"]);
        Assert.Equal((ResponseStatus.Published, (string?)null, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), stored["Another form"]);
        // The poster is told what became of theirs: the response they hold says it is held.
        Assert.Equal(ResponseStatus.Held, sent[1].Status);
        Assert.Null(await committing[1]);
    }

    [Fact]
    public async Task AResponseWhoseFormWasUsedBeforeIsHeldByItsCommitAndSpamStaysSpam()
    {
        await using var app = LibrarianAppFactory.WithDatabaseFile();
        var commits = app.Services.GetRequiredService<ResponseCommits>();
        var exerciseId = await ExerciseIdAsync(app, 89);
        const string nonce = "cccccccccccccccccccccccccccccccc";
        await commits.CommitAsync(NewResponse(exerciseId, "Earlier", nonce: nonce), 89);

        var again = NewResponse(exerciseId, "Later", nonce: nonce);
        var spam = NewResponse(exerciseId, "Spam", ResponseStatus.Spam, nonce: nonce);
        spam.HoldReason = HoldReasons.Honeypot;
        await commits.CommitAsync(again, 89);
        await commits.CommitAsync(spam, 89);

        Assert.Equal((ResponseStatus.Held, HoldReasons.ReusedFormToken), (again.Status, again.HoldReason));
        Assert.Equal((ResponseStatus.Spam, HoldReasons.Honeypot), (spam.Status, spam.HoldReason));
        var earlier = await app.WithDbAsync(db => db.Responses.SingleAsync(r => r.DisplayName == "Earlier"));
        Assert.Equal(ResponseStatus.Published, earlier.Status);
    }

    private static Task<int> ExerciseIdAsync(LibrarianAppFactory app, int number) =>
        app.WithDbAsync(db => db.Exercises.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());

    private static Response NewResponse(int exerciseId, string name, ResponseStatus status = ResponseStatus.Published, DateTime? createdUtc = null, string? nonce = null) => new()
    {
        FormNonce = nonce,
        ExerciseId = exerciseId,
        DisplayName = name,
        BodyMarkdown = "We did it.",
        BodyHtml = "<p>We did it.</p>",
        Status = status,
        HoldReason = status == ResponseStatus.Held ? "test" : null,
        CreatedUtc = createdUtc ?? DateTime.UtcNow,
    };
}
