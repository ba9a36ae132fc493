using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Importing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>
/// The real application over a database of its own (<see cref="TestDatabase"/>: SQLite in memory or in a temporary
/// file, or a database on the PostgreSQL test server). Migrations and the starting content run exactly as on a
/// fresh install.
/// </summary>
public sealed class LibrarianAppFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;

    public LibrarianAppFactory()
        : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    /// <summary>A host over <paramref name="database"/>, which it deletes at the end when it owns it.</summary>
    internal LibrarianAppFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public const string ClientAddressHeader = "X-Test-Client-Address";

    public TestDatabase Database { get; }

    public string ConnectionString => Database.ConnectionString;

    /// <summary>The application's clock: tests move it forward to age a form.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Configuration for this host, on top of appsettings (e.g. "Responses:RateLimitPermits").</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>
    /// The host's environment: "Testing" unless a test is about another. A Development host keeps the log levels of
    /// appsettings.Development.json; the others log warnings and errors only.
    /// </summary>
    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>Where the host's log files go: outside the repository.</summary>
    public string LogFolder { get; set; } = Path.Combine(Path.GetTempPath(), "librarian-tests-logs");

    /// <summary>A factory over a temporary database file, for tests where many requests write at once.</summary>
    public static LibrarianAppFactory WithDatabaseFile() => new(TestDatabase.Create(file: true), ownsDatabase: true);

    /// <summary>Another app over this one's database, with services, caches and a change stamp of its own.</summary>
    public LibrarianAppFactory AnotherAppOnTheSameDatabase() => new(Database, ownsDatabase: false);

    /// <summary>The database file, for a factory made <see cref="WithDatabaseFile"/> on SQLite.</summary>
    public string? DatabaseFile => Database.File;

    /// <summary>
    /// Serves the application on a free loopback port through Kestrel, so that a real browser can visit it, and
    /// returns the address. Call it before anything else starts the host.
    /// </summary>
    /// <summary>
    /// Starts an app configured by <paramref name="configure"/> that must refuse to start, and returns why it refused.
    /// WebApplicationFactory races a host that failed to start: now and then it reads the failed host's services after
    /// the host disposed them and throws <see cref="ObjectDisposedException"/> in place of the start's own exception
    /// (dotnet/aspnetcore#33494). The reason is then lost, so the start is tried again with a new factory.
    /// </summary>
    public static async Task<Exception> StartFailureAsync(Action<LibrarianAppFactory> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        for (var attempt = 1; ; attempt++)
        {
            await using var app = new LibrarianAppFactory();
            configure(app);
            var error = Assert.ThrowsAny<Exception>(() => app.Server);
            if (error.GetBaseException() is not ObjectDisposedException || attempt == 3)
            {
                return error;
            }
        }
    }

    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<ImportReport> ImportAsync(string text, bool dryRun = false)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExerciseImporter>().ImportAsync(text, dryRun, "test.txt", CancellationToken.None);
    }

    /// <summary>
    /// Waits until the search index has taken in what was written outside the app (by raw SQL): at once on SQLite,
    /// whose triggers index in the writing statement; on PostgreSQL once the app, notified, has indexed the queue.
    /// </summary>
    public async Task SearchIndexCaughtUpAsync()
    {
        if (!TestDatabase.IsPostgreSql)
        {
            return;
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM \"SearchIndexQueue\"").SingleAsync()) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The search index did not take in the queued changes within 10 seconds.");
            await Task.Delay(20);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<LibrarianDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LibrarianDbContext>());
    }

    /// <summary>Requests a page without following redirects, and reads what came back.</summary>
    public async Task<FetchedPage> FetchAsync(string path)
    {
        using var client = CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return new FetchedPage(response.StatusCode, await ParseAsync(response));
    }

    /// <summary>Lets tests post as often as they need: the rate limits and the held-response cap have tests of their own.</summary>
    public LibrarianAppFactory WithoutPostingLimit()
    {
        Settings["Responses:RateLimitPermits"] = "1000";
        Settings["Responses:ClientRateLimitPermits"] = "1000";
        Settings["Responses:HeldPerClientPerDay"] = "1000";
        return this;
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        using var client = CreateBrowserlessClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Outside Development the styles and scripts are found through the build's static web assets manifest only
        // when asked for; without this a browser would get an unstyled page.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
        if (EnvironmentName != Microsoft.Extensions.Hosting.Environments.Development)
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // As app configuration, not as a host setting: Serilog's reader loses the sinks nested in its background
        // writer when one of their arguments comes from the host settings.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            [new("Serilog:WriteTo:0:Args:configure:1:Args:path", Path.Combine(LogFolder, "log-.txt"))]));

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }
}

/// <summary>The test server has no network peer; this lets a test say which address a request comes from.</summary>
internal sealed class ClientAddressFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(LibrarianAppFactory.ClientAddressHeader, out var address)
                && IPAddress.TryParse(address.ToString(), out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed record FetchedPage(HttpStatusCode Status, IHtmlDocument Page);
