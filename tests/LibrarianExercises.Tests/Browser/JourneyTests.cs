using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibrarianExercises.Tests.Browser;

/// <summary>What librarians do on the site, done in a real browser with JavaScript on and off.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class JourneyTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AVisitorGoesFromTheHomePageThroughATagToAnExercisePostsAResponseAndSeesIt(bool javaScript)
    {
        await using var session = await browser.OpenAsync(javaScript);
        var page = session.Page;
        var words = $"We introduced the museum to the school ({Guid.NewGuid():N}).";

        await page.GotoAsync("/");
        await page.Locator("nav.site-menu").GetByRole(AriaRole.Link, new() { Name = "Tags", Exact = true }).ClickAsync();
        await page.Locator(".tag-index").GetByRole(AriaRole.Link, new() { Name = "community engagement", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/tags/community-engagement$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("community engagement");

        await page.GetByRole(AriaRole.Link, new() { Name = "#89 Make a connection" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/exercises/89$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Make a connection");

        // The spam trap is out of sight with script and without: clipped to a pixel, hidden from screen readers.
        var trap = page.Locator(".honeypot");
        await Expect(trap).ToHaveAttributeAsync("aria-hidden", "true");
        Assert.True(await trap.EvaluateAsync<double>("e => e.getBoundingClientRect().width * e.getBoundingClientRect().height") <= 1);

        await page.GetByLabel("Your name").FillAsync("Amara Okafor");
        await page.GetByLabel("Library or organisation").FillAsync("Lagos Public Library");
        await page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Nigeria" });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Your response" }).FillAsync($"{words}\n\nWe drew a *community map* together.");
        await page.GetByLabel("I did this exercise").CheckAsync();
        browser.LetTimePass();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post response" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ResponseAddress());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your response is published");
        var shown = page.Locator(".response").Filter(new() { HasText = words });
        await Expect(shown).ToBeVisibleAsync();
        await Expect(shown).ToBeInViewportAsync();
        await Expect(shown.Locator(".response-name")).ToHaveTextAsync("Amara Okafor");
        await Expect(shown.Locator(".response-organisation")).ToContainTextAsync("Lagos Public Library");
        await Expect(shown.Locator(".response-country")).ToContainTextAsync("Nigeria");
        await Expect(shown.Locator(".response-text em")).ToHaveTextAsync("community map");
        await Expect(shown.Locator(".did-mark")).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    [BrowserFact]
    public async Task AResponseWithTheSpamTrapFilledIsHeldForReviewAndNotShown()
    {
        await using var session = await browser.OpenAsync(javaScript: false);
        var page = session.Page;
        var words = $"Cheap watches ({Guid.NewGuid():N})";

        await page.GotoAsync("/exercises/89");
        await page.GetByLabel("Your name").FillAsync("Robot");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Your response" }).FillAsync(words);
        await page.Locator("#Form_Website").FillAsync("https://spam.example", new() { Force = true });
        browser.LetTimePass();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post response" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/exercises/89#response-status$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("awaits review");
        await Expect(page.GetByText(words)).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task AVisitorGoesToAnExerciseByTypingItsNumber()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        var number = page.GetByLabel("Go to exercise number");

        await page.GotoAsync("/");
        await number.FillAsync("89");
        await number.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/exercises/89$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Make a connection");

        // A number with no exercise says so and offers the box again; "#42" is understood as 42.
        await page.GotoAsync("/exercises");
        await number.FillAsync("50");
        await number.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("There is no exercise #50 here yet");
        await number.FillAsync("#42");
        await number.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/exercises/42$"));
        Assert.Empty(session.Problems);
    }

    [BrowserFact]
    public async Task AVisitorGoesFromTheStrategyThroughAnInitiativeToAnExerciseServingIt()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Strategy" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/strategy$"));
        // The chart's bar for 3.2, named by the initiative and its count.
        await page.Locator(".coverage-chart").GetByRole(AriaRole.Link, new() { Name = "3.2 Support virtual networking and connections 1 exercise", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/strategy/3\\.2$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Key Initiative 3.2");
        await page.GetByRole(AriaRole.Link, new() { Name = "#89 Make a connection" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/exercises/89$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Make a connection");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Key Initiative 3.2" })).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AResponseWithoutTextIsRefusedWithItsErrorAndKeepsWhatWasTyped(bool javaScript)
    {
        await using var session = await browser.OpenAsync(javaScript);
        var page = session.Page;

        await page.GotoAsync("/exercises/89");
        var responses = await ResponseCountAsync(page);
        await page.GetByLabel("Your name").FillAsync("Chen Jing");
        await page.GetByLabel("Library or organisation").FillAsync("Shenzhen Library");
        await page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "China" });
        await page.GetByLabel("I did this exercise").CheckAsync();
        browser.LetTimePass();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post response" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/exercises/89/responses#form-errors$"));
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("Please write your response.");
        await Expect(page.Locator("#Form_Text-error")).ToHaveTextAsync("Please write your response.");
        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Chen Jing");
        await Expect(page.GetByLabel("Library or organisation")).ToHaveValueAsync("Shenzhen Library");
        await Expect(page.GetByLabel("Country")).ToHaveValueAsync("CN");
        await Expect(page.GetByLabel("I did this exercise")).ToBeCheckedAsync();
        Assert.Equal(responses, await ResponseCountAsync(page));
        Assert.Empty(session.Problems);
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AResponseTooLongIsRefusedWithItsErrorAndKeepsWhatFitsSayingWhatWasLeftOut(bool javaScript)
    {
        await using var session = await browser.OpenAsync(javaScript);
        var page = session.Page;
        var text = TooLongText();

        await page.GotoAsync("/exercises/89");
        var responses = await ResponseCountAsync(page);
        await page.GetByLabel("Your name").FillAsync("Chen Jing");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Your response" }).FillAsync(text);
        browser.LetTimePass();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post response" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/exercises/89/responses#form-errors$"));
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("Please keep your response to 10000 characters or fewer.");
        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Chen Jing");
        // Shown back up to the field's limit, never more, and the form says how much was left out.
        Assert.Equal(text[..10_000], await page.GetByRole(AriaRole.Textbox, new() { Name = "Your response" }).InputValueAsync());
        await Expect(page.Locator("#Form_Text-cut")).ToContainTextAsync((text.Length - 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(responses, await ResponseCountAsync(page));
        Assert.Empty(session.Problems);
    }

    private static string TooLongText() => string.Concat(Enumerable.Repeat("We mapped the partners of our library.\n", 260));

    /// <summary>The published responses the exercise page counts, as a visitor reads it.</summary>
    private static async Task<int> ResponseCountAsync(IPage page) =>
        int.Parse(await page.Locator(".exercise-facts .response-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/exercises/89(\?page=\d+)?#response-\d+$")]
    private static partial Regex ResponseAddress();
}
