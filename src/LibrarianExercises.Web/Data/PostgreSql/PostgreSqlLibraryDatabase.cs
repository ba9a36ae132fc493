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
        // No retrying execution strategy: the change stamp opens transactions of its own, which it would refuse.
        services.AddDbContextPool<LibrarianDbContext, PostgreSqlLibrarianDbContext>((provider, options) =>
        {
            options
                .UseNpgsql(ConnectionString, postgres => postgres.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(new PostgreSqlSearchIndexing(_search));
            ConfigureShared(options, provider);
        });
        services.AddSingleton(_search);
        services.AddHostedService<PostgreSqlSearchIndexListener>();
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
