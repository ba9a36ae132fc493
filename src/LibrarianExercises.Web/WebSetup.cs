using System.Globalization;
using System.Threading.RateLimiting;
using LibrarianExercises.Web.Api;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Serilog;
using Serilog.Settings.Configuration;

namespace LibrarianExercises.Web;

/// <summary>The web host's logging, services and request pipeline, kept out of Program.cs.</summary>
public static class WebSetup
{
    public const string ResponsePostingPolicy = "response-posting";

    // Scripts and styles come only from this site: no inline script, no inline style.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddLibrarianLogging(this WebApplicationBuilder builder)
    {
        // Configured per host rather than through a static bootstrap logger, so that several test hosts can run at once;
        // and the static logger left alone: without preserveStaticLogger, each host's framework logging goes through
        // Log.Logger, which the host started last owns and the host disposed first closes.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration, LoggingPackages())
                .ReadFrom.Services(services),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// The packages whose sinks, filters and formatters the configuration may name, given rather than searched for:
    /// left to find them, Serilog opens every DLL in the app's folder and reads its metadata, which kept three more
    /// framework assemblies (System.Reflection.Metadata, System.Collections.Immutable, System.IO.MemoryMappedFiles)
    /// loaded for the life of the process. Assemblies named under Serilog:Using are still loaded as well.
    /// </summary>
    private static ConfigurationReaderOptions LoggingPackages() => new(
        typeof(Log).Assembly,
        typeof(Serilog.Expressions.SerilogExpression).Assembly,
        typeof(LoggerConfigurationAsyncExtensions).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(LoggerSinkConfigurationDebugExtensions).Assembly,
        typeof(Serilog.Formatting.Compact.CompactJsonFormatter).Assembly);

    public static IServiceCollection AddLibrarianWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Every unsafe method needs a valid antiforgery token unless an action says otherwise.
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, Services.Languages.CachedTextFactory>();
        // Pages in Arabic, Chinese or Russian are written as characters, not as numeric references seven times their
        // size; the characters that mean something in HTML are still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Conventions.Add(new Areas.Admin.AdminAreaConvention());
        })
            // Validation messages are keys of the interface's text: the editors' forms' of AdminText, the others' of SiteText.
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (type, factory) =>
                factory.Create(type.Namespace?.StartsWith(typeof(Areas.Admin.AdminAreaConvention).Namespace!, StringComparison.Ordinal) == true
                    ? typeof(Resources.AdminText)
                    : typeof(Resources.SiteText)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Services.Languages.SiteLanguages.All.Select(language => language.Culture).ToList();
            options.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(Services.Languages.SiteLanguages.Default.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The address alone says the language (LanguagePrefix): no cookie, no query, no Accept-Language.
            options.RequestCultureProviders = [new Services.Languages.LanguagePrefix.CultureProvider()];
        });
        // Behind a reverse proxy (on this machine by default; others via ForwardedHeaders:KnownProxies), the client is
        // the address the proxy reports, or every visitor would share one rate limit.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        // Pages are compressed too: their antiforgery tokens differ on every response, which defeats BREACH.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddLibrarianApi();
        services.AddHealthChecks().AddDbContextCheck<LibrarianDbContext>();
        services.AddOptions<ResponseOptions>()
            .Bind(configuration.GetSection(ResponseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SpamPurge>();
        services.AddHostedService(provider => provider.GetRequiredService<SpamPurge>());
        // Another process's change to the database (an import from the command line) shows on cached pages within a second.
        services.AddOptions<Services.Caching.PageCacheOptions>()
            .Bind(configuration.GetSection(Services.Caching.PageCacheOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<Services.Caching.ForeignChangeWatch>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Across all exercises, per client: a bot cannot stretch its budget by spreading over exercises. Only
            // the response post is limited; every other request gets no limiter.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != ResponsePostingPolicy)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var rules = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResponseOptions>>().Value;
                var client = context.RequestServices.GetRequiredService<ClientAddresses>().Hash(context.Connection.RemoteIpAddress) ?? "unknown";
                return RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = rules.ClientRateLimitPermits,
                    Window = rules.ClientRateLimitWindow,
                    SegmentsPerWindow = 12,
                    QueueLimit = 0,
                });
            }));
            options.AddPolicy(ResponsePostingPolicy, context =>
            {
                var rules = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResponseOptions>>().Value;
                var client = context.RequestServices.GetRequiredService<ClientAddresses>().Hash(context.Connection.RemoteIpAddress) ?? "unknown";
                // By the number as read, so that "089" and "89" share one limit.
                var number = ExerciseNumber.TryParse(context.GetRouteValue("number") as string, out var parsed) ? parsed.Value : 0;
                var key = client + "/" + number.ToString(CultureInfo.InvariantCulture);
                return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = rules.RateLimitPermits,
                    Window = rules.RateLimitWindow,
                    SegmentsPerWindow = 10,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResponseOptions>>().Value.RateLimitWindow;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                // The body is left to the status code page, which shows the visitor's text back to them.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Services.DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    public static WebApplication UseLibrarianPipeline(this WebApplication app)
    {
        app.Services.GetRequiredService<Services.Site.SiteUrls>().ReportAtStart(app.Services.GetRequiredService<ILogger<Services.Site.SiteUrls>>());
        app.UseForwardedHeaders();
        app.Use(AddSecurityHeaders);
        app.UseResponseCompression();
        app.Use(Services.Languages.LanguagePrefix.Read);
        app.UseRequestLocalization();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger rather than the static one, which the last host started in a process would own.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = AbortedRequests.RequestLogLevel;
            options.GetMessageTemplateProperties = AbortedRequests.RequestLogProperties;
        });
        app.Use(AbortedRequests.EndQuietly);
        app.UseLibrarianApiErrors();
        app.Use(RejectUnsupportedCharsets);
        app.Use(AnswerHeadAsGet);
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<Services.Caching.FillsFormTokensAttribute>() is not null,
            branch => branch.UseMiddleware<Services.Caching.FormTokenHoles>());
        app.UseOutputCache();
        app.MapStaticAssets();
        // The benchmark's reference: a plain file of a page's size, served by this same app (see docs/benchmarks.md).
        if (app.Configuration["Benchmark:ReferenceFolder"] is { Length: > 0 } referenceFolder)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetFullPath(referenceFolder)),
                RequestPath = "/benchmark-reference",
            });
        }

        // Read-only: a probe has no reason to send anything else.
        app.MapHealthChecks("/healthz").WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapControllers().WithStaticAssets();
        app.MapLibrarianApi();
        return app;
    }

    /// <summary>
    /// HEAD is answered wherever GET is, with the same headers and no body: the request runs as a GET (and is
    /// cached as one) while what it writes is thrown away.
    /// </summary>
    private static async Task AnswerHeadAsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }

    private static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }

    /// <summary>
    /// A body in a character set the form reader cannot decode (utf-7, say) would otherwise end in a server error:
    /// answer 415 instead. Browsers send UTF-8. Parsed with ASP.NET Core's own header parser, as the form reader does:
    /// System.Net.Http's would load that assembly (1.3 MB mapped) into a server that has no other use for it.
    /// </summary>
    private static Task RejectUnsupportedCharsets(HttpContext context, RequestDelegate next)
    {
        // The error page re-executes the pipeline for the same request: let it through to explain the 415.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && context.Request.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.Charset.Value is { Length: > 0 } charset
            && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Trim('"').Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
