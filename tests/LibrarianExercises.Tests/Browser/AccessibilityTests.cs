using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibrarianExercises.Tests.Browser;

/// <summary>The site as people with screen readers and keyboards meet it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task EveryPageTypeHasNoSeriousAccessibilityViolationsALanguageAndLabelledFields(string pageType)
    {
        await using var session = await browser.OpenAsync();
        await PageTypes.Named(pageType).OpenAsync(browser, session.Page);

        Assert.Equal("en", await session.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await PageChecks.UnlabelledFieldsAsync(session.Page));
        Assert.Empty(await PageChecks.AccessibilityViolationsAsync(session.Page));
    }

    [BrowserFact]
    public async Task TheFirstTabReachesAVisibleSkipLinkThatLeadsIntoTheMainContent()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/exercises/89");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: > 20, Height: > 10 }, $"The focused skip link is not visible: {box?.Width}×{box?.Height}.");
        Assert.True((await PageChecks.FocusAsync(page)).Visible, "The focused skip link shows no focus indicator.");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#main$"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab does not go on inside the main content.");
    }

    [BrowserFact]
    public async Task AResponseCanBeWrittenAndPostedWithTheKeyboardAloneAndEveryStopShowsItsFocus()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        var words = $"We asked the school and the museum to meet ({Guid.NewGuid():N}).";
        await page.GotoAsync("/exercises/89");

        await TabToAsync(page, "Form_DisplayName");
        await page.Keyboard.TypeAsync("Kwame Mensah");
        await TabToAsync(page, "Form_Organisation", most: 1);
        await page.Keyboard.TypeAsync("Accra Central Library");
        await TabToAsync(page, "Form_Country", most: 1);
        await page.Keyboard.TypeAsync("Ghana");
        await TabToAsync(page, "Form_Text", most: 1);
        await page.Keyboard.TypeAsync(words);
        await TabToAsync(page, "Form_DidExercise", most: 1);
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Post response" });
        await Expect(button).ToBeFocusedAsync();
        Assert.True((await PageChecks.FocusAsync(page)).Visible, "The focused button shows no focus indicator.");
        browser.LetTimePass();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/exercises/89(\?page=\d+)?#response-\d+$"));
        var shown = page.Locator(".response").Filter(new() { HasText = words });
        await Expect(shown).ToBeVisibleAsync();
        await Expect(shown.Locator(".response-name")).ToHaveTextAsync("Kwame Mensah");
        await Expect(shown.Locator(".response-country")).ToContainTextAsync("Ghana");
        await Expect(shown.Locator(".did-mark")).ToBeVisibleAsync();
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheErrorsOfARefusedResponseAreAnnouncedAndTiedToTheirFields(bool javaScript)
    {
        await using var session = await browser.OpenAsync(javaScript);
        var page = session.Page;
        await PageTypes.Named("refused-response").OpenAsync(browser, page);

        // Without script, the title is what a screen reader reads first; with script, focus goes to the summary.
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Please write your response.");
        if (javaScript)
        {
            await Expect(summary).ToBeFocusedAsync();
        }

        var text = page.GetByRole(AriaRole.Textbox, new() { Name = "Your response" });
        await Expect(text).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(text).ToHaveAccessibleDescriptionAsync(new Regex("Please write your response\\."));
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Please write your response." })).ToHaveAttributeAsync("href", "#Form_Text");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Your name" })).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    /// <summary>
    /// Presses Tab until the field with this id has focus, checking at every stop on the way that the focused element
    /// shows its focus.
    /// </summary>
    private static async Task TabToAsync(IPage page, string id, int most = 200)
    {
        for (var presses = 0; presses < most; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await PageChecks.FocusAsync(page);
            Assert.True(focus.Visible, $"No visible focus indicator on {focus.Element}");
            if (focus.Id == id)
            {
                return;
            }
        }

        Assert.Fail($"#{id} was not reached within {most} presses of Tab.");
    }
}
