using LibrarianExercises.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// One application on a real port and one Chromium for all the browser tests; each test opens its own browser
/// context, so cookies and settings do not leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _address;

    public LibrarianAppFactory App { get; } = new();

    public Uri Address => _address ?? throw new InvalidOperationException("The application was not started.");

    public async Task InitializeAsync()
    {
        if (BrowserTools.ChromiumSkipReason is not null)
        {
            // Every test in the collection is skipped; starting nothing keeps that quick.
            return;
        }

        // Every test posts from the same loopback address, far more often than the limit allows one visitor.
        App.WithoutPostingLimit();
        _address = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserTools.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        await PostLongWordsResponseAsync();
        await EditorSession.AddEditorAsync(App, EditorEmail, EditorPassword);
    }

    public const string EditorEmail = "browser-editor@example.org";
    public const string EditorPassword = "reading rooms open late on thursdays";

    /// <summary>Signs the page's browser in as an editor through the sign-in form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string? returnTo = null)
    {
        await page.GotoAsync(returnTo is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnTo));
        await page.GetByLabel("E-mail address").FillAsync(EditorEmail);
        await page.GetByLabel("Password").FillAsync(EditorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>
    /// A fresh browser context and page; dispose it to close them. A phone lays the page out as a mobile browser
    /// does, following the page's viewport declaration.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(bool javaScript = true, int width = 1280, int height = 900, bool phone = false)
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium was not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-GB",
        });
        // Generous: CI shares two cores between the build, the server and the browser.
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Moves the application's clock on, as if the visitor spent a while writing.</summary>
    public void LetTimePass() => App.Clock.Advance(TimeSpan.FromMinutes(2));

    /// <summary>
    /// The exercise page then always shows a response, and one with a long name and an address that cannot be broken
    /// at a space: the hardest text for a phone's width.
    /// </summary>
    private async Task PostLongWordsResponseAsync()
    {
        await using var session = await OpenAsync(javaScript: false);
        var page = session.Page;
        await page.GotoAsync("/exercises/89");
        await page.GetByLabel("Your name").FillAsync("Maria-Anna-Bartholomea-Wilhelmina-Lindqvist-Oyelaran-Nakamura");
        await page.GetByLabel("Library or organisation").FillAsync("Stadtbibliothek-Mönchengladbach-Rheydt-Zweigstelle-Odenkirchen-Kinderbibliothek");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Your response" }).FillAsync(
            "Our reading list: https://library.example.org/collections/community-engagement/partnerships/" + new string('x', 120));
        LetTimePass();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post response" }).ClickAsync();
        await page.WaitForURLAsync("**/exercises/89#response-*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>A browser context with one page, noting what went wrong while it loaded: script errors, failed requests.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => Note($"script error: {error}");
        page.Console += (_, message) =>
        {
            // A page answered with 4xx is reported by Chromium as a failed load; the page itself is what the test asked for.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Note($"console error: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => Note($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Note($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Script errors, console errors, failed or refused requests for anything but the page itself.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Note(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
