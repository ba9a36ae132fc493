using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibrarianExercises.Tests.Browser;

/// <summary>A feed opened in Chromium, which no longer runs XSLT: the site sends the page the feed's stylesheet makes, in the feed's language.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FeedPageTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData("", "en", "ltr", "How to subscribe")]
    [InlineData("/fr", "fr", "ltr", "Comment s’abonner")]
    [InlineData("/ar", "ar", "rtl", "كيف تشترك")]
    public async Task AFeedOpenedInTheBrowserIsAPageInItsLanguageSayingHowToSubscribeAndListingTheEntries(string prefix, string language, string direction, string subscribe)
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        var response = await page.GotoAsync(prefix + "/feed");

        Assert.NotNull(response);
        // What the browser shows is an HTML page made by the stylesheet, not the XML tree.
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("text/html", await page.EvaluateAsync<string>("document.contentType"));
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", language);
        await Expect(html).ToHaveAttributeAsync("dir", direction);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = subscribe })).ToBeVisibleAsync();
        var address = page.Locator("#feed-address");
        await Expect(address).ToBeVisibleAsync();
        Assert.EndsWith(prefix + "/feed", await address.InputValueAsync(), StringComparison.Ordinal);
        var entries = page.Locator(".feed-entries > li h3 a");
        Assert.True(await entries.CountAsync() >= 3, "The starting content's exercises are not listed.");
        Assert.Contains("/exercises/", await entries.First.GetAttributeAsync("href"), StringComparison.Ordinal);
        // The site's own stylesheet was applied, within its content security policy (a refusal is a console error).
        Assert.Equal(1, await page.EvaluateAsync<int>("document.styleSheets.length"));
        Assert.NotEqual("0px", await page.Locator("main").EvaluateAsync<string>("m => getComputedStyle(m).paddingTop"));
        await BrowserTools.ScreenshotAsync(page, $"feed-{language}");
        Assert.Empty(session.Problems);
    }
}
