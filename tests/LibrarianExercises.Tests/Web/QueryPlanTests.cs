using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// An exercise page, a posted response and the lists' pages find every row they read by a key or an index: SQLite's
/// plan for each of their queries scans no table (the lists may read the edition's few dozen rows and the tags whole). A scan costs nothing on the starting content and grows with every exercise and
/// response (the page's tags were once read by building the links of every exercise first, 19 ms at 10,000).
/// </summary>
public sealed partial class QueryPlanTests
{
    [SqliteFact]
    public async Task AnExercisePageScansNoTable()
    {
        await using var app = new LibrarianAppFactory();
        app.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        // Listening before the site starts (see EfEvents).
        using var commands = new ExecutedQueries(app.ConnectionString);
        using var client = app.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));
        commands.Clear();

        // Its own query string, so that the page is built rather than served from the cache.
        using var response = await client.GetAsync(new Uri("/exercises/89?page=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNoScansAsync(app.ConnectionString, commands.Texts);
    }

    /// <summary>
    /// The lists read the published exercises through their index (a count, a page by number, the latest by date) and
    /// each initiative's latest by walking it from the newest down, never the exercises' table, whose rows carry
    /// their text: at 10,000 exercises a count by scanning it took 30 ms, the home page's latest by date 11 ms, and the
    /// strategy page's latest per initiative, ranked over every link, 28 ms.
    /// </summary>
    [SqliteTheory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises?initiative=3.2")]
    [InlineData("/exercises?direction=3")]
    [InlineData("/tags/community-engagement")]
    [InlineData("/strategy")]
    [InlineData("/strategy/3.2")]
    public async Task AListScansNoTable(string path)
    {
        await using var app = new LibrarianAppFactory();
        app.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        using var commands = new ExecutedQueries(app.ConnectionString);
        using var client = app.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        commands.Clear();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Read whole, and allowed to be: the edition's directions and initiatives (a few dozen rows, whatever the
        // number of exercises) and the tags, one index entry each, for the home page's count of them.
        await AssertNoScansAsync(app.ConnectionString, commands.Texts, "StrategyVersions", "StrategicDirections", "KeyInitiatives", "Tags");
    }

    [SqliteFact]
    public async Task APostedResponseScansNoTable()
    {
        await using var app = new LibrarianAppFactory().WithoutPostingLimit();
        app.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        using var commands = new ExecutedQueries(app.ConnectionString);
        using var visitor = new ResponsePoster(app);
        var form = await visitor.OpenFormAsync(89);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        commands.Clear();

        using var response = await visitor.SendAsync(89, form, ResponsePoster.Fields());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await AssertNoScansAsync(app.ConnectionString, commands.Texts);
    }

    private static async Task AssertNoScansAsync(string connectionString, IReadOnlyCollection<string> texts, params string[] readWhole)
    {
        // Read whole by design, by the site's watch for other processes' changes (once a second, whatever the
        // request): a row per process that ever wrote, not a row per exercise or response.
        readWhole = [.. readWhole, "ChangeStamps"];
        var selects = texts.Where(t => t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        Assert.NotEmpty(selects);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var scans = new List<string>();
        foreach (var sql in selects)
        {
            // Which aliases name tables (a scan of a subquery's few rows is not a scan of the data).
            var tables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in TableAlias().Matches(sql))
            {
                var alias = m.Groups["alias"].Value;
                tables[alias.Length == 0 ? m.Groups["table"].Value : alias] = m.Groups["table"].Value;
            }

            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
            {
                explain.Parameters.AddWithValue(name, DBNull.Value);
            }

            await using var plan = await explain.ExecuteReaderAsync();
            while (await plan.ReadAsync())
            {
                var detail = plan.GetString(3);
                var scanned = ScanOf().Match(detail);
                if (scanned.Success && tables.TryGetValue(scanned.Groups["alias"].Value, out var table) && !readWhole.Contains(table, StringComparer.Ordinal))
                {
                    scans.Add($"{table}: {detail}\n{sql}");
                }
            }
        }

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    [GeneratedRegex("""FROM "(?<table>\w+)" AS "(?<alias>\w+)"|JOIN "(?<table>\w+)" AS "(?<alias>\w+)"|FROM "(?<table>\w+)"(?! AS)(?<alias>)""")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^SCAN (?<alias>\w+)")]
    private static partial Regex ScanOf();

    /// <summary>The text of every command EF runs on one database while this lives, from its diagnostic events.</summary>
    private sealed class ExecutedQueries : IDisposable
    {
        private readonly EfEvents _events;
        private readonly ConcurrentQueue<string> _texts = new();

        public ExecutedQueries(string connectionString)
        {
            var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            _events = new EfEvents((name, payload) =>
            {
                if (name == RelationalEventId.CommandExecuted.Name && payload is CommandExecutedEventData executed
                    && executed.Command.Connection?.ConnectionString.Contains(dataSource, StringComparison.Ordinal) == true)
                {
                    _texts.Enqueue(executed.Command.CommandText);
                }
            });
        }

        public IReadOnlyCollection<string> Texts => [.. _texts];

        public void Clear() => _texts.Clear();

        public void Dispose() => _events.Dispose();
    }
}
