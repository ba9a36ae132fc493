using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Data.PostgreSql;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibrarianExercises.Web.Services;

public static class ServiceRegistration
{
    /// <summary>The database, the stores that write it, the importer and the renderers.</summary>
    public static IServiceCollection AddLibrarianServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = LibraryDatabase.FromConfiguration(configuration, environment);
        services.AddSingleton(database);
        services.AddSingleton(database.Search);
        // Every save that changes what pages show raises this process's change stamp, for other processes' caches.
        services.AddSingleton<Caching.ChangeStamping>();
        database.AddServices(services);
        if (EF.IsDesignTime)
        {
            PostgreSqlLibraryDatabase.AddDesignTimeContext(services);
        }
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
}
