namespace LibrarianExercises.Tests.Browser;

/// <summary>
/// The checks the other browser tests rely on, shown to fail on pages broken on purpose: a check that passes a broken
/// page would let the real pages through unseen.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BrokenPagesAreNoticedTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task APageWhoseStylesheetsDoNotArriveFailsTheStyleCheckAndTheCleanLoadCheck()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.RouteAsync("**/*.css", route => route.AbortAsync());

        await session.Page.GotoAsync("/");

        var problems = await PageChecks.StyleProblemsAsync(session.Page);
        Assert.Contains(problems, p => p.Contains("header", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("body font", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("skip link", StringComparison.Ordinal));
        Assert.Contains(session.Problems, p => p.StartsWith("request failed", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task AScriptThatIsNotFoundFailsTheCleanLoadCheck()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.RouteAsync("**/js/site*.js", route => route.FulfillAsync(new() { Status = 404 }));

        await session.Page.GotoAsync("/exercises/89");

        Assert.Contains(session.Problems, p => p.StartsWith("404 for script", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task AFieldWithoutALabelFailsTheLabelAndAccessibilityChecks()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/exercises/89");

        await session.Page.EvaluateAsync("() => document.querySelector('label[for=Form_DisplayName]').remove()");

        Assert.Contains(await PageChecks.UnlabelledFieldsAsync(session.Page), f => f.Contains("Form_DisplayName", StringComparison.Ordinal));
        Assert.Contains(await PageChecks.AccessibilityViolationsAsync(session.Page), v => v.StartsWith("label (critical)", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task AnElementWiderThanThePhoneFailsTheLayoutCheck()
    {
        await using var session = await browser.OpenAsync(width: 375, height: 800, phone: true);
        await session.Page.GotoAsync("/exercises/89");

        await session.Page.EvaluateAsync("() => document.getElementById('Form_Text').style.minWidth = '600px'");

        var layout = await PageChecks.LayoutAsync(session.Page, 375);
        Assert.NotEmpty(PageChecks.FitProblems(layout, 375));
        Assert.Contains(layout.SticksOut, e => e.StartsWith("textarea#Form_Text", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task ALongAddressInAResponseThatIsNotAllowedToWrapFailsTheLayoutCheck()
    {
        await using var session = await browser.OpenAsync(width: 375, height: 800, phone: true);
        await session.Page.GotoAsync("/exercises/89");
        Assert.Empty(PageChecks.FitProblems(await PageChecks.LayoutAsync(session.Page, 375), 375));

        await session.Page.EvaluateAsync("""
            () => [...document.styleSheets].find(s => s.href.includes('/css/site'))
              .insertRule('main, main * { overflow-wrap: normal !important; word-break: normal !important; }')
            """);

        Assert.NotEmpty(PageChecks.FitProblems(await PageChecks.LayoutAsync(session.Page, 375), 375));
    }

    [BrowserFact]
    public async Task AFocusedFieldWithoutOutlineOrShadowFailsTheFocusCheck()
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync("/exercises/89");

        // A rule added to the site's own stylesheet, as a careless "outline: none" would be.
        await session.Page.EvaluateAsync("""
            () => [...document.styleSheets].find(s => s.href.includes('/css/site'))
              .insertRule('#Form_DisplayName:focus, #Form_DisplayName:focus-visible { outline: none !important; box-shadow: none !important; }')
            """);
        await session.Page.Locator("#Form_DisplayName").FocusAsync();

        Assert.False((await PageChecks.FocusAsync(session.Page)).Visible);
    }
}
