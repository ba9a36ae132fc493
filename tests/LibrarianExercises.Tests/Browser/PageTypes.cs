using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

/// <summary>One page of each kind the site serves, and how a visitor gets to it.</summary>
public sealed record PageType(string Name, string Path, int Status, bool AfterRefusedPost = false)
{
    /// <summary>Opens the page and returns the response that carried it, as served.</summary>
    public async Task<IResponse> OpenAsync(BrowserFixture browser, IPage page)
    {
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
        new("not-found", "/exercises/50", 404),
        new("bad-request", "/exercises/not-a-number", 400),
        new("refused-response", "/exercises/89", 400, AfterRefusedPost: true),
    ];

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];

    public static PageType Named(string name) => All.Single(p => p.Name == name);
}
