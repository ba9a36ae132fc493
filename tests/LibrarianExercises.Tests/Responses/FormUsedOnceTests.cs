using System.Data.Common;
using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Responses;

/// <summary>
/// A form is good for one response across processes, not only inside one: the database holds the rule (a unique key on
/// the form's nonce), and a post that the database refuses for it is held as a replay, answered as one, and costs the
/// others of its group nothing.
/// </summary>
public sealed class FormUsedOnceTests(TwoAppsOnOneDatabase apps) : IClassFixture<TwoAppsOnOneDatabase>
{
    [Fact]
    public async Task TheDatabaseRefusesASecondRowWithTheSameFormNonceButNotRowsWithoutOne()
    {
        var nonce = NewNonce();
        var exerciseId = await ExerciseIdAsync(apps.First, 89);

        await InsertAsync(apps.First, exerciseId, "First with the form", nonce);
        await InsertAsync(apps.First, exerciseId, "No form, once", null);
        await InsertAsync(apps.First, exerciseId, "No form, twice", null);
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => InsertAsync(apps.First, exerciseId, "Second with the form", nonce));

        Assert.True(DatabaseErrors.IsUniqueViolation(refused), refused.Message);
        Assert.Equal(["First with the form"], await apps.First.WithDbAsync(db => db.Responses.Where(r => r.FormNonce == nonce).Select(r => r.DisplayName).ToListAsync()));
    }

    [Fact]
    public async Task AFormUsedByAnotherProcessBetweenTheCheckAndTheCommitIsHeldAsAReplayAndTheRestOfItsGroupIsStored()
    {
        var nonce = NewNonce();
        var app = apps.Second;
        var commits = app.Services.GetRequiredService<ResponseCommits>();
        var exerciseId = await ExerciseIdAsync(app, 89);
        var offender = NewResponse(exerciseId, $"Offender {nonce}", nonce);
        var refusedGroup = new List<string>();
        DbException? otherProcessFailed = null;
        // Once the group's replay check has found the form unused, and before its commit: another process stores a
        // response with the same form, as the first of two posts sent at once to two instances would.
        using var otherProcess = apps.WhenSaving(db => db.ChangeTracker.Entries<Response>().Any(e => e.Entity == offender) && refusedGroup.Count == 0, db =>
        {
            refusedGroup.AddRange(db.ChangeTracker.Entries<Response>().Select(e => e.Entity.DisplayName));
            try
            {
                InsertAsync(apps.First, exerciseId, $"Elsewhere {nonce}", nonce).GetAwaiter().GetResult();
            }
            catch (DbException e)
            {
                otherProcessFailed = e;
                throw;
            }
        });

        var release = new TaskCompletionSource();
        var holding = await app.HoldTheWritersAsync(release.Task);
        var blocker = commits.CommitAsync(NewResponse(exerciseId, $"Blocker {nonce}", null), 89);
        await Task.Delay(100);
        var committing = new[] { NewResponse(exerciseId, $"Good one {nonce}", NewNonce()), offender, NewResponse(exerciseId, $"Good two {nonce}", null) }
            .Select(r => commits.CommitAsync(r, 89)).ToList();
        release.SetResult();
        await holding;
        await Task.WhenAll([blocker, .. committing]);

        Assert.Null(otherProcessFailed);
        // The database refused the group that held all three; each of them is stored all the same.
        Assert.Contains($"Good one {nonce}", refusedGroup);
        Assert.Contains($"Good two {nonce}", refusedGroup);
        var stored = await app.WithDbAsync(db => db.Responses.Where(r => r.DisplayName.EndsWith(nonce)).ToDictionaryAsync(r => r.DisplayName, r => (r.Status, r.HoldReason, r.FormNonce)));
        Assert.True(stored.Count == 5, string.Join("; ", stored.Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal((ResponseStatus.Held, HoldReasons.ReusedFormToken, (string?)null), stored[$"Offender {nonce}"]);
        Assert.Equal(nonce, stored[$"Elsewhere {nonce}"].FormNonce);
        Assert.Equal(ResponseStatus.Published, stored[$"Good one {nonce}"].Status);
        Assert.Equal(ResponseStatus.Published, stored[$"Good two {nonce}"].Status);
        Assert.Null(await committing[1]);
    }

    [Fact]
    public async Task OneFormPostedToTwoInstancesAtOnceIsStoredOnceAndTheLaterPostIsToldItAwaitsReview()
    {
        var marker = NewNonce();
        using var second = new ResponsePoster(apps.Second);
        using var first = new ResponsePoster(apps.First);
        var form = await second.OpenFormAsync(89);
        // The first instance's own antiforgery token, with the second's form: one form, sent through both.
        var sameForm = await first.OpenFormAsync(89);
        sameForm["Form.FormToken"] = form["Form.FormToken"];
        apps.First.Clock.Advance(TimeSpan.FromMinutes(1));
        apps.Second.Clock.Advance(TimeSpan.FromMinutes(1));

        // The second instance has checked the form (unused) and is about to commit: the first instance stores its
        // post of the same form just then. Both posts passed every check a process can make on its own.
        HttpStatusCode? firstAnswer = null;
        var savesOfTheLater = 0;
        using var race = apps.WhenSaving(db => db.ChangeTracker.Entries<Response>().Any(e => e.Entity.DisplayName == $"Later {marker}"), _ =>
        {
            if (Interlocked.Increment(ref savesOfTheLater) == 1)
            {
                using var answer = Task.Run(() => first.SendAsync(89, sameForm, ResponsePoster.Fields(name: $"Earlier {marker}", text: "Sent through the first instance."))).GetAwaiter().GetResult();
                firstAnswer = answer.StatusCode;
            }
        });

        using var later = await second.SendAsync(89, form, ResponsePoster.Fields(name: $"Later {marker}", text: "Sent through the second instance."));
        using var followed = await second.Client.GetAsync(later.Headers.Location);
        var page = await LibrarianAppFactory.ParseAsync(followed);

        Assert.Equal(HttpStatusCode.SeeOther, firstAnswer);
        Assert.Equal(HttpStatusCode.SeeOther, later.StatusCode);
        Assert.EndsWith("#response-status", later.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("awaits review", page.QuerySelector("#response-status[role=status]")?.TextContent, StringComparison.Ordinal);
        // Refused once by the database, then stored as a replay.
        Assert.Equal(2, savesOfTheLater);
        var stored = await apps.First.WithDbAsync(db => db.Responses.Where(r => r.DisplayName.EndsWith(marker)).ToDictionaryAsync(r => r.DisplayName, r => (r.Status, r.HoldReason, r.FormNonce)));
        Assert.Equal(2, stored.Count);
        Assert.Equal(ResponseStatus.Published, stored[$"Earlier {marker}"].Status);
        Assert.NotNull(stored[$"Earlier {marker}"].FormNonce);
        Assert.Equal((ResponseStatus.Held, HoldReasons.ReusedFormToken, (string?)null), stored[$"Later {marker}"]);
    }

    private static string NewNonce() => Guid.NewGuid().ToString("N");

    private static Task<int> ExerciseIdAsync(LibrarianAppFactory app, int number) =>
        app.WithDbAsync(db => db.Exercises.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());

    /// <summary>A row written through the first instance's context, whose connections have the functions the triggers call.</summary>
    private static Task InsertAsync(LibrarianAppFactory app, int exerciseId, string name, string? nonce) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Responses" ("ExerciseId", "DisplayName", "BodyMarkdown", "BodyHtml", "DidExercise", "Status", "FormNonce", "CreatedUtc")
            VALUES ({exerciseId}, {name}, 'We did it.', '<p>We did it.</p>', FALSE, 'Held', {nonce}, '2026-01-01 00:00:00+00')
            """));

    private static Response NewResponse(int exerciseId, string name, string? nonce) => new()
    {
        FormNonce = nonce,
        ExerciseId = exerciseId,
        DisplayName = name,
        BodyMarkdown = "We did it.",
        BodyHtml = "<p>We did it.</p>",
        Status = ResponseStatus.Published,
        CreatedUtc = DateTime.UtcNow,
    };
}

/// <summary>
/// Two instances of the site over one database file, as two processes behind one address would be, and a way to act
/// at the moment one of them starts a save: between the checks a post makes and its commit.
/// </summary>
public sealed class TwoAppsOnOneDatabase : IAsyncLifetime
{
    private readonly EfEvents _events;
    private volatile Hook? _hook;

    public TwoAppsOnOneDatabase()
    {
        // Before the sites start: EF keeps for a while its finding that nobody listens.
        _events = new EfEvents(OnEvent);
        First = LibrarianAppFactory.WithDatabaseFile().WithoutPostingLimit();
        Second = First.AnotherAppOnTheSameDatabase().WithoutPostingLimit();
    }

    public LibrarianAppFactory First { get; }

    public LibrarianAppFactory Second { get; }

    /// <summary>Runs <paramref name="act"/> at the start of each save, of either instance, that <paramref name="when"/> picks, until disposed.</summary>
    public IDisposable WhenSaving(Func<LibrarianDbContext, bool> when, Action<LibrarianDbContext> act)
    {
        var hook = new Hook(when, act, this);
        _hook = hook;
        return hook;
    }

    public Task InitializeAsync()
    {
        _ = First.Server;
        _ = Second.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        _events.Dispose();
    }

    private void OnEvent(string name, object? payload)
    {
        if (_hook is { } hook && name == CoreEventId.SaveChangesStarting.Name && payload is DbContextEventData { Context: LibrarianDbContext db } && hook.When(db))
        {
            hook.Act(db);
        }
    }

    private sealed record Hook(Func<LibrarianDbContext, bool> When, Action<LibrarianDbContext> Act, TwoAppsOnOneDatabase Owner) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref Owner._hook, null, this);
    }
}
