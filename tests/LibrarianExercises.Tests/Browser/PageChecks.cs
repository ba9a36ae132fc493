using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LibrarianExercises.Tests.Browser;

/// <summary>
/// Checks of a page as loaded in the browser. Each returns what is wrong, in words a person can act on; an empty
/// list means the page passes.
/// </summary>
internal static class PageChecks
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>axe's serious and critical violations, each with the elements it found them on.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return
        [
            .. result.Violations
                .Where(v => BlockingImpacts.Contains(v.Impact))
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}"),
        ];
    }

    /// <summary>Visible form fields with no accessible name from a label, aria-label or aria-labelledby.</summary>
    public static async Task<IReadOnlyList<string>> UnlabelledFieldsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const named = text => (text || '').trim().length > 0;
              const labelled = field =>
                named(field.getAttribute('aria-label'))
                || (field.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
                     .some(id => named(document.getElementById(id)?.textContent))
                || [...field.labels].some(label => named(label.textContent));
              return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(field => field.checkVisibility() && !labelled(field))
                .map(field => field.outerHTML);
            }
            """);

    /// <summary>How the page fits a screen this wide: what sticks out past it, and the smallest text.</summary>
    public static async Task<Layout> LayoutAsync(IPage page, int screenWidth) =>
        await EvaluateAsync<Layout>(page, """
            screen => {
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
              const all = [...document.body.querySelectorAll('*')].filter(e => e.checkVisibility());
              const wide = all.filter(e => e.getBoundingClientRect().right > screen + 1)
                .slice(0, 5).map(e => describe(e) + ' reaches ' + Math.round(e.getBoundingClientRect().right) + 'px');
              // Text in a scaled SVG is drawn at its font size times the drawing's scale.
              const scale = e => {
                const svg = e.closest('svg');
                const box = svg?.viewBox?.baseVal;
                return box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
              };
              const texts = all.filter(e => [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
                .map(e => ({ element: describe(e), size: parseFloat(getComputedStyle(e).fontSize) * scale(e) }))
                .sort((a, b) => a.size - b.size);
              return {
                windowWidth: window.innerWidth,
                scrollWidth: document.documentElement.scrollWidth,
                bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
                smallestText: texts.length ? texts[0].size : 0,
                smallestTextElement: texts.length ? texts[0].element : '',
                sticksOut: wide,
              };
            }
            """, screenWidth);

    /// <summary>
    /// Words that a table splits across lines: each word of a cell measured on its own, in the cell's font, against the
    /// room the cell gives its text. Addresses and other strings with no place to wrap may break, so they are left out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> BrokenWordsInTablesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const probe = document.body.appendChild(document.createElement('span'));
              probe.style.position = 'absolute';
              probe.style.visibility = 'hidden';
              probe.style.whiteSpace = 'nowrap';
              for (const cell of document.querySelectorAll('main th, main td')) {
                if (!cell.checkVisibility()) continue;
                const s = getComputedStyle(cell);
                const room = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
                // A visually hidden heading (a table stacked on a phone) is read, not seen.
                if (room <= 1) continue;
                // Each word measured in the font of the element that holds it (code in a heading cell is set in
                // the code's font, not the heading's).
                const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                  const holder = text.parentElement;
                  if (!holder || !holder.checkVisibility()) continue;
                  const h = getComputedStyle(holder);
                  probe.style.font = h.font;
                  probe.style.letterSpacing = h.letterSpacing;
                  probe.style.textTransform = h.textTransform;
                  for (const word of text.textContent.split(/\s+/)) {
                    // Scripts written without spaces between words (Chinese, Japanese) wrap between any two characters.
                    if (!word || /[\/@:=?&]/.test(word) || word.length > 40 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word)) continue;
                    probe.textContent = word;
                    if (probe.getBoundingClientRect().width > room + 1) {
                      problems.push(`"${word}" is split in a ${Math.round(room)}px ${cell.tagName.toLowerCase()}`);
                    }
                  }
                }
              }
              probe.remove();
              return [...new Set(problems)].slice(0, 10);
            }
            """);

    /// <summary>
    /// Whether the page fits a screen this wide without scrolling sideways. A mobile browser widens its window to
    /// take in content that is too wide (and zooms out), so a window wider than the screen fails too.
    /// </summary>
    public static IReadOnlyList<string> FitProblems(Layout layout, int screenWidth)
    {
        var problems = new List<string>();
        var sticking = layout.SticksOut.Length > 0 ? $"; sticking out: {string.Join(", ", layout.SticksOut)}" : "";
        if (layout.WindowWidth > screenWidth)
        {
            problems.Add($"the page is laid out {layout.WindowWidth}px wide on a {screenWidth}px screen{sticking}");
        }

        if (layout.ScrollWidth > layout.WindowWidth)
        {
            problems.Add($"the page scrolls sideways: {layout.ScrollWidth}px of content in a {layout.WindowWidth}px window{sticking}");
        }

        return problems;
    }

    /// <summary>What shows that the site's stylesheets arrived and apply: Bootstrap's and the site's own.</summary>
    public static async Task<IReadOnlyList<string>> StyleProblemsAsync(IPage page)
    {
        var styles = await EvaluateAsync<Styles>(page, """
            () => {
              const style = selector => getComputedStyle(document.querySelector(selector));
              return {
                headerBackground: style('header.site-header').backgroundColor,
                bodyFont: style('body').fontFamily,
                containerMaxWidth: style('main.container').maxWidth,
                skipLinkPosition: style('.skip-link').position,
                mainOverflowWrap: style('main').overflowWrap,
              };
            }
            """);
        var problems = new List<string>();
        void Expect(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        // The header's surface, the system font stack and the container widths; then the site's own rules.
        Expect(styles.HeaderBackground is "rgb(255, 255, 255)" or "rgb(28, 34, 39)", $"the header is not on the site's surface colour but {styles.HeaderBackground}");
        Expect(styles.BodyFont.StartsWith("system-ui", StringComparison.Ordinal), $"the body font is not Bootstrap's but {styles.BodyFont}");
        Expect(styles.ContainerMaxWidth != "none", "the main container has no maximum width");
        Expect(styles.SkipLinkPosition == "absolute", $"the skip link is not positioned by the site's styles ({styles.SkipLinkPosition})");
        Expect(styles.MainOverflowWrap == "break-word", $"long words in the main content are not allowed to wrap ({styles.MainOverflowWrap})");
        return problems;
    }

    /// <summary>Whether the focused element shows it: an outline or a box shadow.</summary>
    public static async Task<Focus> FocusAsync(IPage page) =>
        await EvaluateAsync<Focus>(page, """
            () => {
              const e = document.activeElement;
              const s = getComputedStyle(e);
              return {
                element: e.outerHTML.slice(0, 160),
                id: e.id,
                text: (e.textContent || '').trim(),
                visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== ''),
              };
            }
            """);

    private static async Task<T> EvaluateAsync<T>(IPage page, string script, object? argument = null) =>
        (await page.EvaluateAsync<JsonElement>(script, argument)).Deserialize<T>(Json)
            ?? throw new InvalidOperationException("The page's script returned nothing.");

    public sealed record Layout(
        double WindowWidth,
        double ScrollWidth,
        double BodyFontSize,
        double SmallestText,
        string SmallestTextElement,
        string[] SticksOut);

    public sealed record Styles(
        string HeaderBackground,
        string BodyFont,
        string ContainerMaxWidth,
        string SkipLinkPosition,
        string MainOverflowWrap);

    public sealed record Focus(
        string Element,
        string Id,
        string Text,
        bool Visible);
}
