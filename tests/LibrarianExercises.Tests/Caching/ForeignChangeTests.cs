using System.Diagnostics;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Importing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Caching;

/// <summary>
/// A running site's cached pages show a change that another process makes to the same database (an import from the
/// command line, another instance) within two seconds, while the site's own changes evict only the pages they touch.
/// </summary>
public sealed class ForeignChangeTests : IAsyncLifetime, IDisposable
{
    private const string Connection = "3.2 Support virtual networking and connections";

    /// <summary>The longest a cached page may show the data as it was before another process's change.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private readonly LibrarianAppFactory _app = LibrarianAppFactory.WithDatabaseFile();
    private readonly string _folder = Directory.CreateTempSubdirectory("librarian-foreign-").FullName;

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnImportFromTheCommandLineShowsOnTheRunningSitesCachedPagesWithinTwoSeconds()
    {
        (string Path, string Shows)[] pages = [("/exercises", "Map your partners"), ("/fr/exercises", "Map your partners"), ("/strategy/3.2", "Map your partners"), ("/tags", "outreach")];
        foreach (var (path, shows) in pages)
        {
            await AssertCachedWithoutAsync(path, shows);
        }

        var file = Path.Combine(_folder, "outreach.txt");
        await File.WriteAllTextAsync(file, BlogText.TagArchive("outreach", BlogText.Post(7, "Map your partners", "map your partners", Connection)));

        // The program in a process of its own, as an operator runs it beside the site.
        var (exit, output) = await PublishedProgram.RunAsync(_folder, _app.Database, "import", file);
        var since = Stopwatch.StartNew();

        Assert.True(exit == 0, output);
        Assert.Contains("#7 Map your partners [initiative 3.2] created", output, StringComparison.Ordinal);
        foreach (var (path, shows) in pages)
        {
            await AssertShowsInTimeAsync(path, shows, since);
        }
    }

    [Fact]
    public async Task AChangeByAnotherAppOnTheSameDatabaseShowsWithinTwoSecondsOfItsCommit()
    {
        await AssertCachedWithoutAsync("/exercises", "Map your partners");
        Assert.Contains("Make a connection", await BodyAsync("/tags/community-engagement"), StringComparison.Ordinal);
        await using var other = _app.AnotherAppOnTheSameDatabase();
        var file = Path.Combine(_folder, "posts.txt");
        await File.WriteAllTextAsync(file, BlogText.Post(7, "Map your partners", "map your partners", Connection));

        // The import verb's own code, run by the other app's services.
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(other.Services, [file], Stream.Null, output, errors));
        var since = Stopwatch.StartNew();
        await AssertShowsInTimeAsync("/exercises", "Map your partners", since);

        // An editor's change there, through its store.
        await using (var scope = other.Services.CreateAsyncScope())
        {
            Assert.Equal(ExerciseEditOutcome.Saved, await scope.ServiceProvider.GetRequiredService<ExerciseStore>().RetireAsync(89, CancellationToken.None));
        }

        since.Restart();
        await AssertInTimeAsync("/tags/community-engagement", body => !body.Contains("Make a connection", StringComparison.Ordinal), "no longer list #89", since);
    }

    [Fact]
    public async Task TheSitesOwnChangesLeaveCachedThePagesTheyDoNotTouch()
    {
        Assert.Contains("Make a connection", await BodyAsync("/strategy"), StringComparison.Ordinal);
        var before = await OwnVersionAsync();

        // Renamed behind the stores' back, and a response posted: both the site's own changes.
        await _app.WithDbAsync(async db =>
        {
            (await db.Exercises.SingleAsync(e => e.Number == 89)).Title = "Renamed behind the store";
            return await db.SaveChangesAsync();
        });
        using var poster = new ResponsePoster(_app, clientAddress: "198.51.100.40");
        using (var posted = await poster.PostAsync(21, ResponsePoster.Fields(text: "a response")))
        {
            Assert.Equal(System.Net.HttpStatusCode.SeeOther, posted.StatusCode);
        }

        // Long enough for the watch to read the stamps twice.
        await Task.Delay(PageCacheOptions.DefaultChangeWatchInterval * 2.5);

        Assert.True(await OwnVersionAsync() >= before + 2);
        Assert.DoesNotContain("Renamed behind the store", await BodyAsync("/strategy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyCommittedChangesToWhatPagesShowRaiseTheStamp()
    {
        var start = await OwnVersionAsync();
        Assert.True(start > 0, "the starting content was stamped");

        await _app.ImportAsync(BlogText.Post(7, "Map your partners", "map your partners", Connection), dryRun: true);
        Assert.Equal(start, await OwnVersionAsync());

        await _app.WithDbAsync(async db =>
        {
            db.Users.Add(new IdentityUser { UserName = "ana@example.org", Email = "ana@example.org" });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(start, await OwnVersionAsync());

        await _app.ImportAsync(BlogText.Post(7, "Map your partners", "map your partners", Connection));
        Assert.True(await OwnVersionAsync() > start);
    }

    [Fact]
    public async Task ASaveThatFailsIsRolledBackWithoutAStampAndTheNextSaveWorks()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.RefuseExercise999));
        var start = await OwnVersionAsync();

        await _app.WithDbAsync(async db =>
        {
            db.Exercises.Add(new Exercise { Number = 999, Title = "Refused", Slug = "refused", BodyMarkdown = "No.", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Null(db.Database.CurrentTransaction);

            db.ChangeTracker.Clear();
            (await db.Exercises.SingleAsync(e => e.Number == 21)).Title = "Saved after the refusal";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(start + 1, await OwnVersionAsync());
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 999)));
        Assert.Equal("Saved after the refusal", await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 21).Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task ASaveThatFindsItsRowGoneIsRolledBackWithoutAStamp()
    {
        var tag = await _app.WithDbAsync(db => db.Tags.AsNoTracking().FirstAsync());
        var start = await OwnVersionAsync();

        await _app.WithDbAsync(async db =>
        {
            // Renamed here while the row is deleted elsewhere: the update finds no row.
            db.Tags.Attach(tag).Entity.Name = "renamed";
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Tags\" WHERE \"Id\" = {0}", tag.Id);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            Assert.Null(db.Database.CurrentTransaction);
            return 0;
        });

        Assert.Equal(start, await OwnVersionAsync());
    }

    [Fact]
    public async Task WithTheWatchTurnedOffAnotherAppsChangeWaitsForTheCachedPageToExpire()
    {
        await using var site = _app.AnotherAppOnTheSameDatabase();
        site.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        Assert.Contains("Make a connection", await BodyAsync(site, "/tags/community-engagement"), StringComparison.Ordinal);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(ExerciseEditOutcome.Saved, await scope.ServiceProvider.GetRequiredService<ExerciseStore>().RetireAsync(89, CancellationToken.None));
        }

        await Task.Delay(PageCacheOptions.DefaultChangeWatchInterval * 2.5);
        Assert.Contains("Make a connection", await BodyAsync(site, "/tags/community-engagement"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:20:00")]
    public async Task AnImpossibleWatchIntervalStopsTheSiteAtStart(string value)
    {
        var error = await LibrarianAppFactory.StartFailureAsync(app => app.Settings["PageCache:ChangeWatchInterval"] = value);

        Assert.Contains("PageCache:ChangeWatchInterval", error.GetBaseException().Message, StringComparison.Ordinal);
    }

    private Task<long> OwnVersionAsync()
    {
        var writer = _app.Services.GetRequiredService<ChangeStamping>().Writer;
        return _app.WithDbAsync(db => db.ChangeStamps.Where(s => s.Writer == writer).Select(s => s.Version).SingleOrDefaultAsync());
    }

    private Task<string> BodyAsync(string path) => BodyAsync(_app, path);

    private static async Task<string> BodyAsync(LibrarianAppFactory app, string path)
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (await LibrarianAppFactory.ParseAsync(response)).Body?.TextContent ?? "";
    }

    /// <summary>The page is cached (served again with its age) and does not show the text yet.</summary>
    private async Task AssertCachedWithoutAsync(string path, string text)
    {
        Assert.DoesNotContain(text, await BodyAsync(path), StringComparison.Ordinal);
        using var client = _app.CreateBrowserlessClient();
        using var again = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(again.Headers.Age is not null, path + " was not served from the cache");
    }

    private Task AssertShowsInTimeAsync(string path, string text, Stopwatch since) =>
        AssertInTimeAsync(path, body => body.Contains(text, StringComparison.Ordinal), $"show “{text}”", since);

    /// <summary>Asks for the page until it reads as wanted, failing once the deadline has passed since the change.</summary>
    private async Task AssertInTimeAsync(string path, Func<string, bool> wanted, string what, Stopwatch since)
    {
        while (!wanted(await BodyAsync(path)))
        {
            Assert.True(since.Elapsed < Deadline, $"{path} did not {what} within {Deadline.TotalSeconds} s of the other process's change");
            await Task.Delay(50);
        }
    }
}
