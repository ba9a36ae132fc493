using System.Diagnostics;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibrarianExercises.Tests.Browser;

/// <summary>
/// An operator imports posts with the command-line program while the site runs on the same database: a reader who
/// reloads the site's pages in Chromium finds the new exercise, although those pages were cached before the import.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CommandLineImportBrowserTests(BrowserFixture browser)
{
    // Far beyond the site's own promise (about a second): a browser and a process start add their own time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [BrowserFact]
    public async Task AnExerciseImportedFromTheCommandLineShowsOnTheRunningSiteInTheBrowser()
    {
        var folder = Directory.CreateTempSubdirectory("librarian-import-browser-");
        try
        {
            // A site of its own over a database file, which the command-line program can open beside it.
            await using var app = LibrarianAppFactory.WithDatabaseFile();
            var site = app.StartKestrel();
            await using var session = await browser.OpenAsync();
            var page = session.Page;
            var list = new Uri(site, "/exercises").ToString();
            await page.GotoAsync(list);
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Map your partners");

            var file = Path.Combine(folder.FullName, "outreach.txt");
            await File.WriteAllTextAsync(file, BlogText.TagArchive("outreach", BlogText.Post(7, "Map your partners", "map your partners", "3.2 Support virtual networking and connections")));
            var (exit, output) = await PublishedProgram.RunAsync(folder.FullName, app.Database, "import", file);
            Assert.True(exit == 0, output);

            // Reloaded as a reader would until the list shows it.
            var since = Stopwatch.StartNew();
            var item = page.Locator("main a", new() { HasText = "Map your partners" });
            while (await item.CountAsync() == 0)
            {
                Assert.True(since.Elapsed < Patience, $"The list did not show the imported exercise within {Patience.TotalSeconds} s of the import.");
                await Task.Delay(250);
                await page.ReloadAsync();
            }

            await item.First.ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("Map your partners");
            await Expect(page.Locator(".exercise-facts")).ToContainTextAsync("outreach");
            Assert.Empty(session.Problems);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
