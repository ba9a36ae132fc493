using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

/// <summary>
/// Every page type in every language at the four widths people read on: nothing wider than the window, words whole
/// in tables, the header short on a phone, and the current place marked and seen in every menu.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ResponsiveLayoutTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [1280, 768, 375, 320];
    private static readonly string?[] Languages = [null, "ar", "zh", "fr", "de", "ru", "es"];

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task NoPageIsWiderThanTheWindowAndNoTableBreaksAWordInAnyLanguageAtAnyWidth(string pageType)
    {
        // A phone's browser, which widens its window to take in content that is too wide: the strictest check. One
        // session for the seven languages, so that an editors' page signs in once.
        await using var session = await browser.OpenAsync(width: Widths[0], height: 900, phone: true);
        var page = session.Page;
        var problems = new List<string>();
        var type = PageTypes.Named(pageType);
        foreach (var language in Languages)
        {
            await page.SetViewportSizeAsync(Widths[0], 900);
            await (language is null ? type : type.In(language)).OpenAsync(browser, page);
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                var where = $"{language ?? "en"} at {width}px";
                // The quick measure first; what sticks out is looked for only on a page that does not fit.
                var fits = await page.EvaluateAsync<bool>("width => window.innerWidth <= width && document.documentElement.scrollWidth <= width", width);
                if (!fits)
                {
                    problems.AddRange(PageChecks.FitProblems(await PageChecks.LayoutAsync(page, width), width).Select(p => $"{where}: {p}"));
                }

                problems.AddRange((await PageChecks.BrokenWordsInTablesAsync(page)).Select(p => $"{where}: {p}"));
                // English and Arabic are kept by the other layout tests; French has the longest words.
                if (language is "fr" && width is 1280 or 375)
                {
                    await BrowserTools.ScreenshotAsync(page, $"{language}-{pageType}-{width}");
                }
            }

            // Signed in once is enough for the other languages.
            type = type with { AsEditor = false };
        }

        Assert.True(problems.Count == 0, $"{pageType}:\n" + string.Join("\n", problems));
    }

    [BrowserTheory]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task OnAPhoneTheExerciseStartsNearTheTopOfTheFirstScreen(string language)
    {
        await using var session = await browser.OpenAsync(width: 375, height: 800, phone: true);
        var type = PageTypes.Named("exercise");
        await (language == "en" ? type : type.In(language)).OpenAsync(browser, session.Page);

        // Measured from the header's own top, so that the offer of the page in another language does not count.
        var top = await session.Page.EvaluateAsync<double>("""
            () => document.querySelector('main h1').getBoundingClientRect().top
                - document.querySelector('.site-header-bar').getBoundingClientRect().top
            """);

        Assert.True(top < 200, $"The exercise's title starts {top}px below the top of the header.");
    }

    [BrowserTheory]
    [InlineData("/exercises", "Exercises")]
    [InlineData("/exercises/89", "Exercises")]
    [InlineData("/tags/community-engagement", "Tags")]
    [InlineData("/strategy/3.2", "Strategy")]
    public async Task TheMainMenuMarksTheCurrentSectionAndItLooksDifferent(string path, string section)
    {
        await using var session = await browser.OpenAsync();
        await session.Page.GotoAsync(path);

        var current = session.Page.Locator("nav.site-menu a[aria-current]");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToHaveTextAsync(section);
        Assert.Empty(await LooksLikeItsNeighboursAsync(session.Page, "nav.site-menu a"));
    }

    [BrowserFact]
    public async Task TheLanguageMenuIsOneControlThatOpensWithoutScriptAndMarksThePagesLanguage()
    {
        await using var session = await browser.OpenAsync(javaScript: false, width: 375, height: 800, phone: true);
        var page = session.Page;
        await page.GotoAsync("/de/tags");

        var links = page.Locator("nav.language-switcher a");
        await Assertions.Expect(links.First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("nav.language-switcher summary")).ToContainTextAsync("Deutsch");
        await page.Locator("nav.language-switcher summary").ClickAsync();
        await Assertions.Expect(links).ToHaveCountAsync(7);
        await Assertions.Expect(links.First).ToBeVisibleAsync();
        Assert.Empty(await LooksLikeItsNeighboursAsync(page, "nav.language-switcher a"));
        // Each language's link is a finger's target: 24px at the least.
        var heights = await links.EvaluateAllAsync<double[]>("links => links.map(a => a.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 24, $"A language link is {h}px tall."));

        await links.Locator("text=Français").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.Address, "/fr/tags").ToString());
    }

    [BrowserFact]
    public async Task TheEditorsTabsMarkTheCurrentPageAndItLooksDifferent()
    {
        await using var session = await browser.OpenAsync(width: 375, height: 800, phone: true);
        await PageTypes.Named("admin-moderation").OpenAsync(browser, session.Page);

        var current = session.Page.Locator("nav.admin-nav a[aria-current]");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current).ToContainTextAsync("Responses");
        Assert.Empty(await LooksLikeItsNeighboursAsync(session.Page, "nav.admin-nav a"));
    }

    /// <summary>The current item among links: problems if it is not marked, or drawn exactly as the others are.</summary>
    private static async Task<IReadOnlyList<string>> LooksLikeItsNeighboursAsync(IPage page, string links) =>
        await page.EvaluateAsync<string[]>("""
            selector => {
              const look = a => { const s = getComputedStyle(a); return [s.color, s.fontWeight, s.backgroundColor, s.borderBottomColor, s.textDecorationLine].join(' '); };
              const all = [...document.querySelectorAll(selector)];
              const current = all.filter(a => a.hasAttribute('aria-current'));
              if (current.length !== 1) return ['expected one current item, found ' + current.length];
              const same = all.filter(a => a !== current[0] && look(a) === look(current[0]));
              return same.map(a => 'looks like the current item: ' + a.textContent.trim());
            }
            """, links);
}
