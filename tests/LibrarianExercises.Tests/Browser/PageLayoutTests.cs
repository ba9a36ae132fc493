using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

/// <summary>Pages as they look: styled, clean of script errors, and fitting a phone.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PageLayoutTests(BrowserFixture browser)
{
    private const int PhoneWidth = 375;
    private const int DesktopWidth = 1280;

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task EveryPageTypeFitsAPhoneWithoutSidewaysScrollingAndWithReadableText(string pageType)
    {
        await using var session = await browser.OpenAsync(width: PhoneWidth, height: 800, phone: true);
        await PageTypes.Named(pageType).OpenAsync(browser, session.Page);

        var layout = await PageChecks.LayoutAsync(session.Page, PhoneWidth);
        await ScreenshotAsync(session.Page, pageType, PhoneWidth);

        Assert.Empty(PageChecks.FitProblems(layout, PhoneWidth));
        Assert.True(layout.BodyFontSize >= 16, $"The body text is {layout.BodyFontSize}px.");
        Assert.True(layout.SmallestText >= 12, $"Text as small as {layout.SmallestText}px on {layout.SmallestTextElement}.");
    }

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task EveryPageTypeFitsADesktopWindowAndLoadsWithoutScriptErrorsOrFailedRequests(string pageType)
    {
        await using var session = await browser.OpenAsync(width: DesktopWidth, height: 900);
        await PageTypes.Named(pageType).OpenAsync(browser, session.Page);

        var layout = await PageChecks.LayoutAsync(session.Page, DesktopWidth);
        await ScreenshotAsync(session.Page, pageType, DesktopWidth);

        Assert.Empty(PageChecks.FitProblems(layout, DesktopWidth));
        Assert.Empty(session.Problems);
    }

    [BrowserFact]
    public async Task TheStylesheetsAreServedAsCssAndApplied()
    {
        await using var session = await browser.OpenAsync();
        var stylesheets = new List<IResponse>();
        session.Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "stylesheet")
            {
                stylesheets.Add(response);
            }
        };

        await session.Page.GotoAsync("/");

        Assert.Single(stylesheets);
        Assert.All(stylesheets, sheet =>
        {
            Assert.Equal(200, sheet.Status);
            Assert.StartsWith("text/css", sheet.Headers["content-type"], StringComparison.Ordinal);
        });
        Assert.Empty(await PageChecks.StyleProblemsAsync(session.Page));
    }

    /// <summary>Full-page screenshots under the test results, for people to look at.</summary>
    private static Task ScreenshotAsync(IPage page, string pageType, int width) =>
        BrowserTools.ScreenshotAsync(page, $"{pageType}-{width}");
}
