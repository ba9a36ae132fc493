using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// An exercise page, a posted response and the lists' pages find every row they read by a key or an index: the
/// database's plan for each of their queries (SQLite's or PostgreSQL's) scans no table (the lists may read the edition's few dozen rows and the tags whole). A scan costs nothing on the starting content and grows with every exercise and
/// response (the page's tags were once read by building the links of every exercise first, 19 ms at 10,000).
/// </summary>
public sealed partial class QueryPlanTests
{
    [Fact]
    public async Task AnExercisePageScansNoTable()
    {
        await using var app = new LibrarianAppFactory();
        app.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        // Listening before the site starts (see EfEvents).
        using var commands = new ExecutedQueries(app.Database);
        using var client = app.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));
        commands.Clear();

        // Its own query string, so that the page is built rather than served from the cache.
        using var response = await client.GetAsync(new Uri("/exercises/89?page=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNoScansAsync(app.Database, commands.Executed);
    }

    /// <summary>
    /// The lists read the published exercises through their index (a count, a page by number, the latest by date) and
    /// each initiative's latest by walking it from the newest down, never the exercises' table, whose rows carry
    /// their text: at 10,000 exercises a count by scanning it took 30 ms, the home page's latest by date 11 ms, and the
    /// strategy page's latest per initiative, ranked over every link, 28 ms.
    /// </summary>
    [Theory]
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
        using var commands = new ExecutedQueries(app.Database);
        using var client = app.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        commands.Clear();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Read whole, and allowed to be: the edition's directions and initiatives (a few dozen rows, whatever the
        // number of exercises) and the tags, one index entry each, for the home page's count of them.
        await AssertNoScansAsync(app.Database, commands.Executed, "StrategyVersions", "StrategicDirections", "KeyInitiatives", "Tags");
    }

    [Fact]
    public async Task APostedResponseScansNoTable()
    {
        await using var app = new LibrarianAppFactory().WithoutPostingLimit();
        app.Settings["PageCache:ChangeWatchInterval"] = "00:00:00";
        using var commands = new ExecutedQueries(app.Database);
        using var visitor = new ResponsePoster(app);
        var form = await visitor.OpenFormAsync(89);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        commands.Clear();

        using var response = await visitor.SendAsync(89, form, ResponsePoster.Fields());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await AssertNoScansAsync(app.Database, commands.Executed);
    }

    private static async Task AssertNoScansAsync(TestDatabase database, IReadOnlyCollection<ExecutedQuery> executed, params string[] readWhole)
    {
        // Read whole by design, by the site's watch for other processes' changes (once a second, whatever the
        // request): a row per process that ever wrote, not a row per exercise or response.
        readWhole = [.. readWhole, "ChangeStamps"];
        var selects = executed.Where(q => q.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).DistinctBy(q => q.Text).ToList();
        Assert.NotEmpty(selects);
        var scans = database.Provider == DatabaseProvider.PostgreSql
            ? await PostgreSqlScansAsync(database.ConnectionString, selects, readWhole)
            : await SqliteScansAsync(database.ConnectionString, selects.Select(q => q.Text).ToList(), readWhole);
        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    /// <summary>
    /// PostgreSQL's plan of each query with the values it ran with, sequential scans disfavoured: on the few rows of
    /// the starting content a scan is cheapest, so a Seq Scan left in the plan, or an index read whole without a
    /// condition, means no index could find the rows.
    /// </summary>
    private static async Task<List<string>> PostgreSqlScansAsync(string connectionString, List<ExecutedQuery> selects, string[] readWhole)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        var scans = new List<string>();
        foreach (var query in selects)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + query.Text, connection);
            foreach (var parameter in query.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var plan = JsonNode.Parse((string)(await explain.ExecuteScalarAsync())!)!;
            foreach (var node in Nodes(plan))
            {
                // A whole table read: a sequential scan, or an index read end to end without a condition.
                var type = (string?)node["Node Type"];
                var whole = type == "Seq Scan" || (type is "Index Scan" or "Index Only Scan" && node["Index Cond"] is null);
                if (whole && (string?)node["Relation Name"] is { } table && !readWhole.Contains(table, StringComparer.Ordinal))
                {
                    scans.Add($"{table}: {type} {(string?)node["Index Name"]}\n{query.Text}");
                }
            }
        }

        return scans;
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Nodes),
        JsonObject obj => [obj, .. obj.Where(p => p.Value is JsonArray or JsonObject).SelectMany(p => Nodes(p.Value))],
        _ => [],
    };

    private static async Task<List<string>> SqliteScansAsync(string connectionString, List<string> selects, string[] readWhole)
    {
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

        return scans;
    }

    [GeneratedRegex("""FROM "(?<table>\w+)" AS "(?<alias>\w+)"|JOIN "(?<table>\w+)" AS "(?<alias>\w+)"|FROM "(?<table>\w+)"(?! AS)(?<alias>)""")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^SCAN (?<alias>\w+)")]
    private static partial Regex ScanOf();

    private sealed record ExecutedQuery(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Every command EF runs on one database while this lives (with PostgreSQL's parameters), from its diagnostic events.</summary>
    private sealed class ExecutedQueries : IDisposable
    {
        private readonly EfEvents _events;
        private readonly ConcurrentQueue<ExecutedQuery> _executed = new();

        public ExecutedQueries(TestDatabase database)
        {
            var postgreSql = database.Provider == DatabaseProvider.PostgreSql;
            var name = postgreSql
                ? new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!
                : new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            _events = new EfEvents((eventName, payload) =>
            {
                if (eventName == RelationalEventId.CommandExecuted.Name && payload is CommandExecutedEventData executed
                    && (postgreSql ? executed.Command.Connection?.Database == name : executed.Command.Connection?.ConnectionString.Contains(name, StringComparison.Ordinal) == true))
                {
                    _executed.Enqueue(new ExecutedQuery(
                        executed.Command.CommandText,
                        [.. executed.Command.Parameters.OfType<NpgsqlParameter>().Select(p => p.Clone())]));
                }
            });
        }

        public IReadOnlyCollection<ExecutedQuery> Executed => [.. _executed];

        public void Clear() => _executed.Clear();

        public void Dispose() => _events.Dispose();
    }
}
