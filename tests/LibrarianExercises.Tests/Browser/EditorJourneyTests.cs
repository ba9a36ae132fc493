using System.Text.RegularExpressions;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibrarianExercises.Tests.Browser;

/// <summary>What editors do, in a real browser with JavaScript on and off.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EditorJourneyTests(BrowserFixture browser)
{
    private const string ArabicTag = "المشاركة المجتمعية";

    [BrowserTheory]
    [InlineData(true, 90)]
    [InlineData(false, 91)]
    public async Task AnEditorSignsInLogsAnExerciseSeesItUnderItsTagAndInitiativeAndSignsOut(bool javaScript, int number)
    {
        await using var session = await browser.OpenAsync(javaScript);
        var page = session.Page;
        var title = $"Read your library law ({number})";

        await page.GotoAsync("/admin/exercises/new");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await BrowserFixture.SignInAsync(page, "/admin/exercises/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log a new exercise");

        await page.GetByLabel("Number").FillAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Text" }).FillAsync("Find your country's library law.\n\nRead its **first article** aloud.");
        await page.GetByLabel("Tags").FillAsync(ArabicTag + ", advocacy");
        await page.GetByLabel("1.1 ").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the text" }).ClickAsync();
        await Expect(page.Locator(".exercise-preview strong")).ToHaveTextAsync("first article");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log the exercise" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Exercise #{number} is logged");

        await page.GotoAsync($"/exercises/{number}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await page.GetByRole(AriaRole.Link, new() { Name = ArabicTag }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Uri.EscapeDataString(SlugGenerator.Slugify(ArabicTag))) + "$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"#{number} {title}" })).ToBeVisibleAsync();

        await page.GotoAsync("/strategy/1.1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        Assert.Empty(session.Problems);
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnEditorApprovesAHeldResponseAndItShowsOnTheExercisePage(bool javaScript)
    {
        var words = $"Held at first, then approved ({Guid.NewGuid():N}).";
        await using (var visitor = await browser.OpenAsync(javaScript: false))
        {
            // Sent at once after the page loads: too fast for a person, so it is held for review.
            var page = visitor.Page;
            await page.GotoAsync("/exercises/42");
            await page.GetByLabel("Your name").FillAsync("Quick Poster");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Your response" }).FillAsync(words);
            await page.GetByRole(AriaRole.Button, new() { Name = "Post response" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("awaits review");
            await Expect(page.Locator(".response").Filter(new() { HasText = words })).ToHaveCountAsync(0);
        }

        await using var session = await browser.OpenAsync(javaScript);
        var editor = session.Page;
        await BrowserFixture.SignInAsync(editor, "/admin/responses");
        var item = editor.Locator(".moderation-item").Filter(new() { HasText = words });
        await Expect(item).ToBeVisibleAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(editor.Locator(".moderation-notice")).ToContainTextAsync("approved");

        await editor.GotoAsync("/exercises/42");
        await Expect(editor.Locator(".response").Filter(new() { HasText = words })).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    [BrowserTheory]
    [InlineData(true, 95)]
    [InlineData(false, 96)]
    public async Task AnEditorPastesAPostPreviewsItAndConfirmsTheImport(bool javaScript, int number)
    {
        var title = $"Visit a library abroad ({number})";
        var post = Infrastructure.BlogText.Post(number, title, "visit a library abroad", "Key Initiative 3.2: Build the capacity of libraries to engage with their communities");
        await using var session = await browser.OpenAsync(javaScript);
        var page = session.Page;
        await BrowserFixture.SignInAsync(page, "/admin/import");

        await page.GetByLabel("Paste the text of one or more posts").FillAsync(post);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Preview of the import");
        var row = page.Locator($"tr.import-row[data-number='{number}']");
        await Expect(row.Locator(".import-change")).ToHaveTextAsync("Would be created");
        // Nothing is written before the editor confirms.
        Assert.False(await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Exercises, e => e.Number == number)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import report");
        await page.GotoAsync($"/exercises/{number}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator("a.initiative-link")).ToHaveAttributeAsync("href", "/strategy/3.2");
        Assert.Empty(session.Problems);
    }
}
