using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LibrarianExercises.Tests.Browser;

/// <summary>
/// The interface in other languages, as a reader of that language meets it: Arabic written right to left, the
/// language switcher keeping the reader on the same page, and a response posted in French.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class LanguageBrowserTests(BrowserFixture browser)
{
    private const int PhoneWidth = 375;
    private const int DesktopWidth = 1280;

    public static TheoryData<string, int> PublicPageTypesAtBothWidths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var pageType in PageTypes.Public)
            {
                data.Add(pageType.Name, DesktopWidth);
                data.Add(pageType.Name, PhoneWidth);
            }

            return data;
        }
    }

    [BrowserTheory]
    [MemberData(nameof(PublicPageTypesAtBothWidths))]
    public async Task EveryPublicPageTypeInArabicIsRightToLeftWithTheRtlStylesheetFitsTheScreenAndHasNoSeriousAccessibilityViolations(string pageType, int width)
    {
        var phone = width == PhoneWidth;
        await using var session = await browser.OpenAsync(width: width, height: phone ? 800 : 900, phone: phone);
        var page = session.Page;
        await PageTypes.Named(pageType).In("ar").OpenAsync(browser, page);

        var layout = await PageChecks.LayoutAsync(page, width);
        await BrowserTools.ScreenshotAsync(page, $"ar-{pageType}-{width}");

        Assert.Equal("ar", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
        None("stylesheet", await RtlStylesheetProblemsAsync(page));
        if (!phone)
        {
            // Bootstrap's container has a maximum width only from its first breakpoint on, so not on a phone.
            None("style", await PageChecks.StyleProblemsAsync(page));
        }

        None("fit", PageChecks.FitProblems(layout, width));
        None("unlabelled field", await PageChecks.UnlabelledFieldsAsync(page));
        None("accessibility", await PageChecks.AccessibilityViolationsAsync(page));
        None("loading", session.Problems);

        if (pageType == "exercise")
        {
            // The number reads left to right inside the Arabic sentence; the exercise itself is English and says so.
            var number = page.Locator("article.exercise header .exercise-number");
            await Expect(number).ToHaveTextAsync("#89");
            await Expect(number).ToHaveAttributeAsync("dir", "ltr");
            await Expect(page.Locator("article.exercise .exercise-text")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("#exercise-title")).ToHaveAttributeAsync("lang", "en");
        }
    }

    [BrowserTheory]
    [InlineData("/exercises/89")]
    [InlineData("/search?q=partner")]
    public async Task TheLanguageSwitcherOpensTheSamePageInTheChosenLanguage(string path)
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(path);
        await ExpectLanguageAsync(page, "en", "ltr", path);

        await SwitchToAsync(page, "fr", "Français");
        await ExpectLanguageAsync(page, "fr", "ltr", "/fr" + path);

        await SwitchToAsync(page, "ar", "العربية");
        await ExpectLanguageAsync(page, "ar", "rtl", "/ar" + path);

        await SwitchToAsync(page, "en", "English");
        await ExpectLanguageAsync(page, "en", "ltr", path);
        Assert.Empty(session.Problems);
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AResponseIsRefusedInFrenchWithoutItsTextThenPostedAndShownInFrenchAndEnglish(bool javaScript)
    {
        var french = SiteTextIn("fr");
        await using var session = await browser.OpenAsync(javaScript);
        var page = session.Page;
        var words = $"Nous avons invité la bibliothèque de l’école ({Guid.NewGuid():N}).";

        await page.GotoAsync("/fr/exercises/42");
        var name = page.GetByRole(AriaRole.Textbox, new() { Name = french["Your name"] });
        var text = page.GetByRole(AriaRole.Textbox, new() { Name = french["Your response"] });
        var button = page.GetByRole(AriaRole.Button, new() { Name = french["Post response"] });
        await name.FillAsync("Camille Dubois");
        browser.LetTimePass();
        var refused = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await button.ClickAsync();

        Assert.Equal(400, (await refused).Status);
        await Expect(page).ToHaveURLAsync(new Regex("/fr/exercises/42/responses#form-errors$"));
        var missing = french["Please write your response."];
        await Expect(page.Locator("#form-errors")).ToContainTextAsync(missing);
        await Expect(page.Locator("#form-errors").GetByRole(AriaRole.Link, new() { Name = missing })).ToHaveAttributeAsync("href", "#Form_Text");
        await Expect(page.Locator("#Form_Text-error")).ToHaveTextAsync(missing);
        await Expect(text).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(text).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(missing)));
        await Expect(page.Locator("label[for=Form_DisplayName]")).ToContainTextAsync(french["Your name"]);
        await Expect(page.Locator("label[for=Form_Organisation]")).ToContainTextAsync(french["Library or organisation"]);
        await Expect(page.Locator("label[for=Form_Text]")).ToContainTextAsync(french["Your response"]);
        await Expect(button).ToBeVisibleAsync();
        await Expect(name).ToHaveValueAsync("Camille Dubois");
        Assert.Equal("fr", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

        await text.FillAsync(words);
        browser.LetTimePass();
        await button.ClickAsync();

        await Expect(page).ToHaveURLAsync(FrenchResponseAddress());
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(french["Thank you: your response is published below."]);
        var anchor = new Uri(page.Url).Fragment;
        await Expect(page.Locator(anchor)).ToContainTextAsync(words);

        // The same response on the English page: the address without the prefix, on the same page of responses.
        var posted = new Uri(page.Url);
        await page.GotoAsync(posted.AbsolutePath["/fr".Length..] + posted.Query);
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Expect(page.Locator(anchor)).ToContainTextAsync(words);
        Assert.Empty(session.Problems);
    }

    /// <summary>Fails with every problem written out in full, where xunit would cut a long list short.</summary>
    private static void None(string kind, IReadOnlyList<string> problems) =>
        Assert.True(problems.Count == 0, $"{kind} problems:\n" + string.Join("\n", problems));

    /// <summary>Clicks the switcher's link to a language, checking first that it is named in that language.</summary>
    private static async Task SwitchToAsync(IPage page, string code, string nativeName)
    {
        // The switcher is a disclosure: its summary opens the list of languages.
        await page.Locator("nav.language-switcher summary").ClickAsync();
        var link = page.Locator($"nav.language-switcher a[hreflang={code}]");
        await Expect(link).ToHaveTextAsync(nativeName);
        await link.ClickAsync();
    }

    private async Task ExpectLanguageAsync(IPage page, string code, string direction, string pathAndQuery)
    {
        await Expect(page).ToHaveURLAsync(new Uri(browser.Address, pathAndQuery).ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", code);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        var switcher = page.Locator("nav.language-switcher");
        await Expect(switcher.Locator($"a[hreflang={code}]")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(switcher.Locator("a[aria-current]")).ToHaveCountAsync(1);
    }

    /// <summary>What shows that the site's right-to-left stylesheet, and not the left-to-right one, arrived and applies.</summary>
    private static async Task<IReadOnlyList<string>> RtlStylesheetProblemsAsync(IPage page)
    {
        var sheets = await page.EvaluateAsync<string[]>("""
            () => [...document.styleSheets].map(sheet => {
              let rules = -1;
              try { rules = sheet.cssRules.length; } catch { }
              return (sheet.href || 'inline') + ' ' + rules;
            })
            """);
        var problems = new List<string>();
        // The file names may carry a fingerprint of the content: site.rtl.pk9g2wxc8p.css.
        var rtl = sheets.Where(s => RtlStylesheet().IsMatch(s)).ToList();
        if (rtl.Count != 1 || rtl[0].EndsWith(" -1", StringComparison.Ordinal) || rtl[0].EndsWith(" 0", StringComparison.Ordinal))
        {
            problems.Add($"site.rtl.css is not loaded with its rules; stylesheets: {string.Join(", ", sheets)}");
        }

        if (sheets.Any(s => LtrStylesheet().IsMatch(s)))
        {
            problems.Add($"the left-to-right site.css is loaded too; stylesheets: {string.Join(", ", sheets)}");
        }

        // The right-to-left build swaps the sides of physical rules: a list's indent is on its right.
        var indent = await page.EvaluateAsync<string>("""
            () => {
              const list = document.querySelector('main').appendChild(document.createElement('ul'));
              const s = getComputedStyle(list);
              const sides = s.paddingLeft + ' ' + s.paddingRight;
              list.remove();
              return sides;
            }
            """);
        if (indent != "0px 32px")
        {
            problems.Add($"a list is not indented as the right-to-left rules indent it (left, right padding: {indent})");
        }

        return problems;
    }

    /// <summary>The interface text in a language, read from its resource file: English key to translation.</summary>
    private static Dictionary<string, string> SiteTextIn(string language)
    {
        var file = Path.Combine(BrowserTools.RepositoryRoot, "src", "LibrarianExercises.Web", "Resources", $"SiteText.{language}.resx");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"/css/site\.rtl(\.[a-z0-9]+)?\.css ")]
    private static partial Regex RtlStylesheet();

    [GeneratedRegex(@"/css/site(\.[a-z0-9]+)?\.css ")]
    private static partial Regex LtrStylesheet();

    [GeneratedRegex(@"/fr/exercises/42(\?page=\d+)?#response-\d+$")]
    private static partial Regex FrenchResponseAddress();
}
