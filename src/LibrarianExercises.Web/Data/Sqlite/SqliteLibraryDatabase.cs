using LibrarianExercises.Web.Data.CompiledModel;
using LibrarianExercises.Web.Services.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LibrarianExercises.Web.Data.Sqlite;

/// <summary>The library in a SQLite file beside the app (or in memory, for tests and dry runs).</summary>
public sealed class SqliteLibraryDatabase : LibraryDatabase
{
    private readonly string? _file;

    public SqliteLibraryDatabase(string connectionString, IHostEnvironment environment)
        : base(Resolve(connectionString, environment, out var file)) => _file = file;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string? File => _file;

    public override SearchIndex Search { get; } = new SqliteSearchIndex();

    public override void AddServices(IServiceCollection services) =>
        // Pooled contexts over pooled connections: a request does not pay for building either.
        services.AddDbContextPool<LibrarianDbContext>((provider, options) =>
        {
            Configure(options);
            ConfigureShared(options, provider);
        });

    public override LibrarianDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<LibrarianDbContext>();
        Configure(options);
        return new LibrarianDbContext(options.Options);
    }

    /// <summary>
    /// Opens a read transaction that does not stop the site's writers (a deferred one: WAL lets it read the
    /// database as it was when it began while others commit).
    /// </summary>
    public override async Task<IAsyncDisposable> BeginSnapshotAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }

    private void Configure(DbContextOptionsBuilder options)
    {
        // The search index's triggers call functions that every connection must have.
        options
            .UseSqlite(ConnectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(SqliteConnectionSettings.Instance, SearchFunctions.Instance);
        // The model compiled ahead (Data/CompiledModel) instead of built from the configurations at start-up; the
        // EF tools build it from the configurations, as they must to compare it with the migrations and to
        // compile it again (see docs/architecture.md).
        if (!EF.IsDesignTime)
        {
            // Migrating compares the migrations with a model built from the configurations, which would build at
            // every start the model this one spares; CI and CompiledModelTests compare them instead.
            options
                .UseModel(LibrarianDbContextModel.Instance)
                .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        }
    }

    public override async Task AfterMigrateAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // WAL lets readers go on while a response is written; the setting is kept in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>The full path of the database file a connection string names, or null for a database in memory.</summary>
    public static string? FileOf(string connectionString, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource is ":memory:" or ""
            || builder.DataSource.StartsWith("file:", StringComparison.Ordinal);
        if (inMemory)
        {
            return null;
        }

        return Path.IsPathRooted(builder.DataSource)
            ? builder.DataSource
            : Path.Combine(environment.ContentRootPath, builder.DataSource);
    }

    /// <summary>
    /// A relative database file is placed under the content root, and its folder is created, so that a fresh clone
    /// runs with nothing to configure.
    /// </summary>
    private static string Resolve(string connectionString, IHostEnvironment environment, out string? file)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        file = FileOf(connectionString, environment);
        if (file is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            builder.DataSource = file;
        }

        // Writers wait for each other instead of failing with "database is locked".
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
