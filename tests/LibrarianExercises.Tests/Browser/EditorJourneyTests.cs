using System.Text.RegularExpressions;
using LibrarianExercises.Web.Services;
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
}
