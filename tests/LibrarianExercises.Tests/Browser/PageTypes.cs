using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

/// <summary>One page of each kind the site serves, and how a visitor gets to it.</summary>
/// <param name="AsEditor">The page is for editors: the browser signs in first.</param>
public sealed record PageType(string Name, string Path, int Status, bool AfterRefusedPost = false, bool AsEditor = false)
{
    /// <summary>Opens the page and returns the response that carried it, as served.</summary>
    public async Task<IResponse> OpenAsync(BrowserFixture browser, IPage page)
    {
        if (AsEditor)
        {
            await BrowserFixture.SignInAsync(page);
        }

        var response = await page.GotoAsync(Path) ?? throw new InvalidOperationException($"No response for {Path}.");
        if (AfterRefusedPost)
        {
            // A name but no text: the server refuses it and shows the form again with its errors.
            await page.GetByLabel("Your name").FillAsync("Ana Librarian");
            browser.LetTimePass();
            var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
            await page.GetByRole(AriaRole.Button, new() { Name = "Post response" }).ClickAsync();
            response = await posted;
            // The response above may arrive before the page is parsed; waiting for the document is enough.
            await page.WaitForURLAsync("**/responses", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
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
}
