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
        return ProviderOf(configuration) switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlLibraryDatabase(connectionString),
            _ => new SqliteLibraryDatabase(connectionString, environment),
        };
    }

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        // Names only: Enum.TryParse would also take "1" or "Sqlite,PostgreSql".
        return Enum.GetNames<DatabaseProvider>().FirstOrDefault(name => string.Equals(name, configured.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<DatabaseProvider>(name)
            : throw new InvalidOperationException(
                $"{ProviderKey} is '{configured}'; it must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }

    /// <summary>The provider's full-text index.</summary>
    public abstract Services.Search.SearchIndex Search { get; }

    /// <summary>Registers <see cref="LibrarianDbContext"/>, pooled, over this database, and the provider's own services.</summary>
    public abstract void AddServices(IServiceCollection services);

    /// <summary>What the provider needs before migrating.</summary>
    public virtual Task BeforeMigrateAsync(LibrarianDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the provider needs once the database is migrated, before anything else uses it.</summary>
    public virtual Task AfterMigrateAsync(LibrarianDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What every provider shares: the change stamp raised by every save that changes what pages show.</summary>
    protected static void ConfigureShared(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<Services.Caching.ChangeStamping>());
}
