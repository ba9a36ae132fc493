using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services;
using Serilog;

namespace LibrarianExercises.Web;

/// <summary>The web host's logging, services and request pipeline, kept out of Program.cs.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddLibrarianLogging(this WebApplicationBuilder builder)
    {
        // Configured per host rather than through a static bootstrap logger, so that several test hosts can run at once.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));
        return builder;
    }

    public static IServiceCollection AddLibrarianWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews();
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddHealthChecks().AddDbContextCheck<LibrarianDbContext>();
        return services;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    public static WebApplication UseLibrarianPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
