using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// An exercise page and a posted response take one connection from the pool for all their queries, instead of one
/// per query through the pool's lock.
/// </summary>
public sealed class ConnectionUseTests
{
    private static readonly AsyncLocal<bool> InThisRequest = new();

    [SqliteFact]
    public async Task AnExercisePageOpensOneConnectionForItsQueries()
    {
        await using var app = new LibrarianAppFactory();
        using var opens = new ConnectionOpens(app.ConnectionString, counted: () => InThisRequest.Value);
        // The request runs in this test's execution context, so that only its own connections are counted: the
        // site's background work at start-up (the spam purge, the stored-HTML check) opens connections of its own.
        app.Server.PreserveExecutionContext = true;
        using var client = app.CreateClient();

        InThisRequest.Value = true;
        // A query string of its own, so that the page is built, not served from the cache.
        using var response = await client.GetAsync(new Uri("/exercises/89?page=1", UriKind.Relative));
        InThisRequest.Value = false;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, opens.Count);
    }

    [SqliteFact]
    public async Task APostedResponseOpensOneConnectionForItsQueries()
    {
        await using var app = new LibrarianAppFactory().WithoutPostingLimit();
        // Background work left out: the watch for other processes' changes opens a connection once a second.
        app.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        using var visitor = new ResponsePoster(app);
        var form = await visitor.OpenFormAsync(89);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var opens = new ConnectionOpens(app.ConnectionString);

        using var response = await visitor.SendAsync(89, form, ResponsePoster.Fields());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        // The request's own queries, and the commit on the writers' connection.
        Assert.Equal(2, opens.Count);
    }

    /// <summary>Counts EF's connection opens on one database, from its diagnostic events.</summary>
    private sealed class ConnectionOpens : IDisposable
    {
        private readonly EfEvents _events;
        private int _count;

        public ConnectionOpens(string connectionString, Func<bool>? counted = null)
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            _events = new EfEvents((name, payload) =>
            {
                if (name == RelationalEventId.ConnectionOpened.Name && payload is ConnectionEndEventData opened
                    && opened.Connection.ConnectionString.Contains(dataSource, StringComparison.Ordinal)
                    && (counted?.Invoke() ?? true))
                {
                    Interlocked.Increment(ref _count);
                }
            });
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _events.Dispose();
    }
}
