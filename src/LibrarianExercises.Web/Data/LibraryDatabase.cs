using LibrarianExercises.Web.Data.PostgreSql;
using LibrarianExercises.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// The configured database: its provider, its connection string, and what differs between providers. Everything else
/// in the app works on <see cref="LibrarianDbContext"/> alone, whichever provider is behind it.
/// </summary>
public abstract class LibraryDatabase
{
    public const string SectionName = "Database";
    public const string ProviderKey = SectionName + ":Provider";
    public const string ConnectionStringName = "Library";

    protected LibraryDatabase(string connectionString) => ConnectionString = connectionString;

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The database file, for a provider that keeps one; null for a server or a database in memory.</summary>
    public virtual string? File => null;

    /// <summary>
    /// The database named by <c>Database:Provider</c> (SQLite unless it says otherwise) and
    /// <c>ConnectionStrings:Library</c>. A provider the app does not know stops the start with a message naming both.
    /// </summary>
    public static LibraryDatabase FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"The connection string '{ConnectionStringName}' is not configured.");
        return Create(ProviderOf(configuration), connectionString, environment);
    }

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return TryParseProvider(configured, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"{ProviderKey} is '{configured}'; it must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }

    /// <summary>A provider by its name, in any case. Names only: Enum.TryParse would also take "1" or "Sqlite,PostgreSql".</summary>
    public static bool TryParseProvider(string? name, out DatabaseProvider provider)
    {
        var known = Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        provider = known is null ? default : Enum.Parse<DatabaseProvider>(known);
        return known is not null;
    }

    /// <summary>The provider's full-text index.</summary>
    public abstract Services.Search.SearchIndex Search { get; }

    /// <summary>Registers <see cref="LibrarianDbContext"/>, pooled, over this database, and the provider's own services.</summary>
    public abstract void AddServices(IServiceCollection services);

    /// <summary>A context of its own over this database, outside any container: for copying a database to another.</summary>
    public abstract LibrarianDbContext CreateContext();

    /// <summary>The database named by a provider and a connection string, as <c>copy-database</c> is given them.</summary>
    public static LibraryDatabase Create(DatabaseProvider provider, string connectionString, IHostEnvironment environment) =>
        provider == DatabaseProvider.PostgreSql
            ? new PostgreSqlLibraryDatabase(connectionString)
            : new SqliteLibraryDatabase(connectionString, environment);

    /// <summary>
    /// Makes every later read through <paramref name="db"/> see the database as it is now, while the site goes on
    /// writing, until the returned transaction is disposed.
    /// </summary>
    public virtual async Task<IAsyncDisposable> BeginSnapshotAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
    }

    /// <summary>What rows written with their own keys need afterwards (a provider's key sequences moved past them).</summary>
    public virtual Task AfterCopyAsync(LibrarianDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Keeps other instances from migrating a database and giving it its starting content at the same time, until
    /// disposed: each then finds what the first did instead of racing it. None on SQLite, where EF's migration lock and
    /// the writers' turns serve.
    /// </summary>
    public virtual Task<IAsyncDisposable> LockForStartAsync(LibrarianDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>What the provider needs before migrating.</summary>
    public virtual Task BeforeMigrateAsync(LibrarianDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the provider needs once the database is migrated, before anything else uses it.</summary>
    public virtual Task AfterMigrateAsync(LibrarianDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What every provider shares: the change stamp raised by every save that changes what pages show.</summary>
    protected static void ConfigureShared(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<Services.Caching.ChangeStamping>());
}
