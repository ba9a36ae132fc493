using System.Data.Common;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Web;

/// <summary>The strategy pages ask the database the same number of times for three exercises as for forty with responses.</summary>
public sealed class StrategyRoundTripTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();
    private readonly CommandCounter _counter = new();
    private WebApplicationFactory<Program> _counted = null!;

    public Task InitializeAsync()
    {
        // Background work left out: the watch for other processes' changes asks the database once a second.
        _app.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        _counted = _app.WithWebHostBuilder(b => b.ConfigureTestServices(
            services => TestDatabase.ConfigureContext(services, options => options.AddInterceptors(_counter))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _counted.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/strategy", 5)]
    [InlineData("/strategy/3.2", 3)]
    [InlineData("/admin/strategy/review", 9)]
    [InlineData("/exercises?initiative=3.2", 5)]
    [InlineData("/exercises?direction=3", 5)]
    public async Task APageMakesAFixedNumberOfRoundTripsWhateverTheNumberOfExercisesAndResponses(string path, int mostRoundTrips)
    {
        var few = await CountCommandsAsync(path);

        var posts = Enumerable.Range(1, 40).Where(n => n != 21).Select(n => BlogText.Post(
            n,
            $"Exercise number {n}",
            $"do thing {n}",
            n % 2 == 0 ? "3.2 Support virtual networking and connections" : "Key Initiative 3.3: Support virtual networking and connections"));
        await _app.ImportAsync(string.Join("\n", posts));
        await _app.WithDbAsync(async db =>
        {
            var ids = await db.Exercises.Select(e => e.Id).ToListAsync();
            db.Responses.AddRange(ids.SelectMany(id => Enumerable.Range(0, 3).Select(_ => new Response
            {
                ExerciseId = id,
                DisplayName = "A librarian",
                BodyMarkdown = "We tried it.",
                Status = ResponseStatus.Published,
                DidExercise = true,
                CreatedUtc = DateTime.UtcNow,
            })));
            return await db.SaveChangesAsync();
        });
        var many = await CountCommandsAsync(path);

        Assert.InRange(few, 1, mostRoundTrips);
        Assert.Equal(few, many);
    }

    /// <remarks>The editors' pages are counted as a signed-in editor sees them, sign-in not included.</remarks>
    private async Task<int> CountCommandsAsync(string path)
    {
        using var editor = path.StartsWith("/admin", StringComparison.Ordinal) ? await EditorSession.SignInAsync(_counted) : null;
        using var plain = editor is null ? _counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) : null;
        var client = editor?.Client ?? plain!;
        _ = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));
        // The start-up pass over stale stored HTML uses the database too; only the page's own commands are counted.
        await _counted.Services.GetRequiredService<LibrarianExercises.Web.Services.Markdown.StoredHtmlRefresh>().Completion;
        // The page as it is built, not as the output cache serves it (the data changed behind the stores' back).
        await _counted.Services.GetRequiredService<LibrarianExercises.Web.Services.Caching.PageCache>().CollectionChangedAsync(CancellationToken.None);
        _counter.Reset();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return _counter.Count;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
