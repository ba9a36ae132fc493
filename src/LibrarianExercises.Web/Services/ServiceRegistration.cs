using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Data.CompiledModel;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Editors;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Feeds;
using LibrarianExercises.Web.Services.Importing;
using LibrarianExercises.Web.Services.Markdown;
using LibrarianExercises.Web.Services.Responses;
using LibrarianExercises.Web.Services.Search;
using LibrarianExercises.Web.Services.Site;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibrarianExercises.Web.Services;

public static class ServiceRegistration
{
    public const string ConnectionStringName = "Library";

    /// <summary>The database, the stores that write it, the importer and the renderers.</summary>
    public static IServiceCollection AddLibrarianServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = ResolveConnectionString(configuration, environment);
        // Pooled contexts over pooled connections: a request does not pay for building either. The search index's
        // triggers call functions that every connection must have.
        // Every save that changes what pages show raises this process's change stamp, for other processes' caches.
        services.AddSingleton<Caching.ChangeStamping>();
        services.AddDbContextPool<LibrarianDbContext>((provider, options) =>
        {
            options
                .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(SqliteConnectionSettings.Instance, SearchFunctions.Instance, provider.GetRequiredService<Caching.ChangeStamping>());
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
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WriteGate>();
        services.AddScoped<ExerciseStore>();
        services.AddScoped<StrategySeeder>();
        services.AddScoped<ExerciseImporter>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ExerciseQueries>();
        services.AddScoped<StrategyQueries>();
        services.AddSingleton<ExerciseMarkdownRenderer>();
        services.AddSingleton<ResponseMarkdownRenderer>();
        services.AddScoped<StoredHtml>();
        services.AddSingleton<StoredHtmlRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<StoredHtmlRefresh>());
        services.AddSingleton<Countries>();
        services.AddSingleton<ResponseScreening>();
        services.AddSingleton<InstanceSecrets>();
        services.AddSingleton<FormTokens>();
        services.AddSingleton<ClientAddresses>();
        services.AddScoped<ResponseStore>();
        services.AddSingleton<ResponseCommits>();
        // Hosted for its stop only: the responses still queued are committed before the container is disposed.
        services.AddHostedService(sp => sp.GetRequiredService<ResponseCommits>());
        services.AddScoped<ResponseQueries>();
        services.AddScoped<ModerationQueries>();
        services.AddScoped<StrategyStore>();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = Caching.PageCache.SizeLimit;
            options.AddPolicy(Caching.PagePolicy.Name, new Caching.PagePolicy());
        });
        services.AddSingleton<Caching.PageCache>();
        services.AddScoped<ExerciseAdminQueries>();
        services.AddScoped<EditorsDeskQueries>();
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<SearchQueries>();
        services.AddScoped<FeedQueries>();
        services.AddScoped<SitemapQueries>();
        services.AddSingleton<AtomFeeds>();
        services.AddSingleton<FeedWording>();
        services.AddSingleton<FeedStylesheet>();
        services.AddSingleton<Languages.StrategyNames>();
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SiteOptions>, SiteOptionsValidation>();
        services.AddSingleton<SiteUrls>();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>
    /// A relative database file is placed under the content root, and its folder is created, so that a fresh clone
    /// runs with nothing to configure.
    /// </summary>
    internal static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(ConfiguredConnectionString(configuration));
        if (DatabaseFile(configuration, environment) is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Writers wait for each other instead of failing with "database is locked".
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>The full path of the configured database file, or null for a database in memory. Creates nothing.</summary>
    public static string? DatabaseFile(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new SqliteConnectionStringBuilder(ConfiguredConnectionString(configuration));
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

    private static string ConfiguredConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"The connection string '{ConnectionStringName}' is not configured.");
}
