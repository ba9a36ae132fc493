using LibrarianExercises.Web.Services.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LibrarianExercises.Web.Data.PostgreSql;

/// <summary>The library on a PostgreSQL server.</summary>
public sealed class PostgreSqlLibraryDatabase(string connectionString) : LibraryDatabase(Check(connectionString))
{
    private readonly PostgreSqlSearchIndex _search = new();

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override SearchIndex Search => _search;

    public override void AddServices(IServiceCollection services)
    {
        services.AddDbContextPool<LibrarianDbContext, PostgreSqlLibrarianDbContext>((provider, options) =>
        {
            Configure(options);
            ConfigureShared(options, provider);
        });
        services.AddSingleton(_search);
        services.AddHostedService<PostgreSqlSearchIndexListener>();
    }

    public override LibrarianDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlLibrarianDbContext>();
        Configure(options);
        return new PostgreSqlLibrarianDbContext(options.Options);
    }

    /// <summary>Identity columns given their rows' own keys: each sequence moved past the largest, so the next row gets a new one.</summary>
    public override async Task AfterCopyAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var type in db.Model.GetEntityTypes())
        {
            if (type.GetTableName() is not { } table || type.FindPrimaryKey()?.Properties is not [{ ValueGenerated: Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd, ClrType: var clr } key]
                || (clr != typeof(int) && clr != typeof(long)))
            {
                continue;
            }

            // Names from the model, not from anyone's input.
            var column = key.GetColumnName();
            var sql = $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) FROM "{table}";""";
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    // No retrying execution strategy: the change stamp opens transactions of its own, which it would refuse.
    private void Configure(DbContextOptionsBuilder options) =>
        options
            .UseNpgsql(ConnectionString, postgres => postgres.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(new PostgreSqlSearchIndexing(_search));

    /// <summary>
    /// A session lock on the context's connection, held open until the start's work is done. EF's own migration lock
    /// on PostgreSQL does not keep a second instance from applying the same migrations again.
    /// </summary>
    public override async Task<IAsyncDisposable> LockForStartAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(hashtext('librarian-start'));", cancellationToken);
        return new StartLock(db);
    }

    private sealed class StartLock(LibrarianDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(hashtext('librarian-start'));");
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Makes the migrations' history table, as the provider would, when a new database has none yet. The provider
    /// finds out that it is missing by reading it and failing, which logs an error at every first start
    /// (npgsql/efcore.pg#3407); an operator should not meet an error on a start that went well. Under a lock, because
    /// two instances starting together would race to create it.
    /// </summary>
    public override async Task BeforeMigrateAsync(LibrarianDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            SELECT pg_advisory_xact_lock(hashtext('__EFMigrationsHistory'));
            CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
                "MigrationId" character varying(150) NOT NULL,
                "ProductVersion" character varying(32) NOT NULL,
                CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId"));
            """,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// For the EF tools on a SQLite configuration: PostgreSQL's context too, so that its migrations can be added and
    /// checked without a server (the connection string is never opened). A design-time factory would not do: the
    /// tools would take it for <see cref="LibrarianDbContext"/> as well, its base type.
    /// </summary>
    public static void AddDesignTimeContext(IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(DbContextOptions<PostgreSqlLibrarianDbContext>)))
        {
            services.AddDbContext<PostgreSqlLibrarianDbContext>(options => options.UseNpgsql("Host=localhost"));
        }
    }

    /// <summary>A connection string Npgsql cannot read stops the start here, naming the setting, not at the first query.</summary>
    private static string Check(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not a PostgreSQL connection string: {e.Message}", e);
        }
    }
}
