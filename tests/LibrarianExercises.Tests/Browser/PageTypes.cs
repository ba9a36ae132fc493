using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

/// <summary>One page of each kind the site serves, and how a visitor gets to it.</summary>
/// <param name="AsEditor">The page is for editors: the browser signs in first.</param>
/// <param name="Language">The interface language's prefix (<c>ar</c>, <c>fr</c>…), or null for English, which has none.</param>
public sealed record PageType(string Name, string Path, int Status, bool AfterRefusedPost = false, bool AsEditor = false, string? Language = null)
{
    /// <summary>The same page under a language's prefix: <c>/exercises/89</c> becomes <c>/ar/exercises/89</c>.</summary>
    public PageType In(string language) => this with { Language = language };

    /// <summary>The address the browser opens, with the language prefix if there is one.</summary>
    public string Address => Language is null ? Path : "/" + Language + Path;

    /// <summary>Opens the page and returns the response that carried it, as served.</summary>
    public async Task<IResponse> OpenAsync(BrowserFixture browser, IPage page)
    {
        if (AsEditor)
        {
            await BrowserFixture.SignInAsync(page);
        }

        var response = await page.GotoAsync(Address) ?? throw new InvalidOperationException($"No response for {Address}.");
        if (AfterRefusedPost)
        {
            // A name but no text: the server refuses it and shows the form again with its errors. In English the
            // fields are found as a person finds them, by their labels; in other languages by their ids.
            var name = Language is null ? page.GetByLabel("Your name") : page.Locator("#Form_DisplayName");
            var button = Language is null
                ? page.GetByRole(AriaRole.Button, new() { Name = "Post response" })
                : page.Locator("#response-form").GetByRole(AriaRole.Button);
            await name.FillAsync("Ana Librarian");
            browser.LetTimePass();
            var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
            await button.ClickAsync();
            response = await posted;
            // The response above may arrive before the page is parsed; waiting for the document is enough.
            await page.WaitForURLAsync(url => url.Contains("/responses", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }

        Assert.True(response.Status == Status, $"{Name}: expected status {Status} for {response.Url}, got {response.Status}.");
        return response;
    }
}

public static class PageTypes
{
    public static IReadOnlyList<PageType> All { get; } =
    [
        new("home", "/", 200),
        new("exercise-list", "/exercises", 200),
        new("exercise-list-filtered", "/exercises?initiative=3.2", 200),
        new("exercise", "/exercises/89", 200),
        new("tag-list", "/tags", 200),
        new("tag", "/tags/community-engagement", 200),
        new("strategy", "/strategy", 200),
        new("initiative", "/strategy/3.2", 200),
        new("search", "/search?q=partner", 200),
        new("search-refused", "/search?q=%22", 400),
        new("not-found", "/exercises/50", 404),
        new("bad-request", "/exercises/not-a-number", 400),
        new("refused-response", "/exercises/89", 400, AfterRefusedPost: true),
        new("sign-in", "/account/login", 200),
        new("api-reference", "/api/reference", 200),
        new("feed", "/feed", 200),
        new("admin-desk", "/admin", 200, AsEditor: true),
        new("admin-exercises", "/admin/exercises", 200, AsEditor: true),
        new("admin-exercise-new", "/admin/exercises/new", 200, AsEditor: true),
        new("admin-exercise-edit", "/admin/exercises/89/edit", 200, AsEditor: true),
        new("admin-account", "/admin/account", 200, AsEditor: true),
        new("admin-two-factor", "/admin/account/two-factor", 200, AsEditor: true),
        new("admin-moderation", "/admin/responses", 200, AsEditor: true),
        new("admin-audit", "/admin/audit", 200, AsEditor: true),
        new("admin-audit-entry", "/admin/audit/1", 200, AsEditor: true),
        new("admin-import", "/admin/import", 200, AsEditor: true),
        new("admin-strategy", "/admin/strategy", 200, AsEditor: true),
        new("admin-strategy-review", "/admin/strategy/review", 200, AsEditor: true),
        new("admin-forbidden-problem", "/admin/audit?from=yesterday", 400, AsEditor: true),
    ];

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];

    public static PageType Named(string name) => All.Single(p => p.Name == name);

    /// <summary>The pages anyone can open, without signing in: every public page, error pages and the refused post.</summary>
    public static IEnumerable<PageType> Public => All.Where(p => !p.AsEditor);
}
