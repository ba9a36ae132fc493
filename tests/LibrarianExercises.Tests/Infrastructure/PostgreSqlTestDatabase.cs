using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>A database of its own on the test server, copied from a template that the first one made.</summary>
internal sealed class PostgreSqlTestDatabase : TestDatabase
{
    private static readonly Lazy<string> Template = new(MakeTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _name;

    private PostgreSqlTestDatabase(string name)
    {
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string ConnectionString { get; }

    private static string Server =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{ProviderVariable} is PostgreSql but {PostgresVariable} does not name a server (see README).");

    public static PostgreSqlTestDatabase CopyOfTemplate()
    {
        var name = $"librarian_test_{Guid.NewGuid():N}";
        // Only one copy of a template can be made at a time.
        lock (Template)
        {
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        }

        return new PostgreSqlTestDatabase(name);
    }

    public static PostgreSqlTestDatabase CreateNew()
    {
        var name = $"librarian_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return new PostgreSqlTestDatabase(name);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    /// <summary>
    /// A database with every migration applied and nothing else: each app still makes its own secrets and keys and
    /// loads the starting content, as a first start does.
    /// </summary>
    private static string MakeTemplate()
    {
        var name = $"librarian_template_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgreSqlLibrarianDbContext(new DbContextOptionsBuilder<PostgreSqlLibrarianDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
