using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Languages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Tests.Editors;

/// <summary>
/// The editors' pages say everything through their own localizer (AdminText), so that a translation is a new
/// AdminText.{language}.resx: every key the code names is in the English file, none is missing when the pages are
/// shown, and the pages' fixed words (headings, labels, buttons, table headers) all come from it.
/// </summary>
public sealed partial class AdminTextTests : IAsyncLifetime
{
    // A mark the test's localizer puts around every AdminText string, and no page has of its own.
    private const string Open = "⟦";
    private const string Close = "⟧";

    private readonly LibrarianAppFactory _app = new();
    private readonly ConcurrentQueue<string> _notFound = new();
    private WebApplicationFactory<Program> _marked = null!;
    private EditorSession _editor = null!;

    public async Task InitializeAsync()
    {
        _marked = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IStringLocalizerFactory));
            services.Remove(original);
            services.AddSingleton<IStringLocalizerFactory>(provider => new MarkingFactory(
                (IStringLocalizerFactory)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!),
                _notFound));
        }));
        _editor = await EditorSession.SignInAsync(_marked);
    }

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await _marked.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void EveryKeyTheEditorsPagesNameIsInTheEnglishResourceFile()
    {
        var resources = new ResourceManager(typeof(AdminText));
        var (keys, families) = KeysInAdminArea();
        Assert.True(keys.Count > 200, $"Only {keys.Count} keys found: the scan of the admin area is broken.");
        Assert.True(families.Count > 10, $"Only {families.Count} plural families found.");

        // Resource names are case-insensitive: of two keys that differ only in case, the file keeps one.
        var clashes = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only in case: " + string.Join(" · ", clashes));
        var missing = keys.Concat(families.SelectMany(f => new[] { f + "|one", f + "|other" }))
            .Where(k => resources.GetString(k, CultureInfo.InvariantCulture) is null)
            .ToList();
        Assert.True(missing.Count == 0, "Not in AdminText.resx (run tools/resx.py): " + string.Join(" · ", missing));
        // The English file's text is its key, so that the English pages read as the code does.
        Assert.All(keys, k => Assert.Equal(k, resources.GetString(k, CultureInfo.InvariantCulture)));
        Assert.All(families, f => Assert.Equal(f, resources.GetString(f + "|other", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task EveryEditorsPageFindsAllItsTextAndTakesItsFixedWordsFromTheLocalizer()
    {
        await _app.CreateExerciseAsync(90, "Read a report together", "Choose a report and read it with a colleague.", initiatives: ["3.2"]);
        await _app.AddResponseAsync(90, "We read the IFLA Trend Report.", ResponseStatus.Held, "Ana");
        await _app.AddResponseAsync(90, "We did it.", ResponseStatus.Published, "Ben");

        var audit = await _editor.GetDocumentAsync("/admin/audit");
        var entry = audit.QuerySelector("tr.audit-entry")?.GetAttribute("data-entry");
        Assert.NotNull(entry);
        string[] paths =
        [
            "/admin", "/admin/exercises", "/admin/exercises/new", "/admin/exercises/90/edit",
            "/admin/responses", "/admin/responses?status=published", "/admin/import", "/admin/strategy",
            "/admin/strategy/review", "/admin/strategy/3.2/name", "/admin/audit", "/admin/audit/" + entry,
            "/admin/account", "/admin/account/password", "/admin/account/two-factor",
        ];

        foreach (var path in paths)
        {
            var fetched = await _editor.FetchAsync(path);
            Assert.True(fetched.Status == HttpStatusCode.OK, $"{path} answered {(int)fetched.Status}.");
            AssertMarked(path, fetched.Page);
        }

        // Refused forms: the attributes' messages, then the model's own checks (made only once those pass).
        foreach (var (title, text) in new[] { (" ", ""), ("A title", "A text") })
        {
            using var refused = await _editor.SubmitAsync(
                "/admin/exercises/new",
                "form#exercise-form",
                new() { ["Form.Number"] = "ninety", ["Form.Title"] = title, ["Form.Text"] = text, ["Form.PublishedOn"] = "May", ["Form.SourceUrl"] = "ftp://example.org", ["Form.Initiatives"] = "x" },
                "button.save");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await LibrarianAppFactory.ParseAsync(refused);
            var errors = page.QuerySelectorAll("#form-errors li");
            Assert.True(errors.Length >= 2, $"Only {errors.Length} errors.");
            Assert.All(errors, li => Assert.Contains(Open, li.TextContent, StringComparison.Ordinal));
            AssertMarked("the refused exercise form", page);
        }

        Assert.Empty(_notFound);
    }

    /// <summary>The editors' part of the page: every fixed word is the localizer's (marked), data aside.</summary>
    private static void AssertMarked(string path, IHtmlDocument page)
    {
        var nav = page.QuerySelector("nav.admin-nav");
        Assert.NotNull(nav);
        var main = nav.ParentElement!;
        var fixedWords = main.QuerySelectorAll("h1, h2, th[scope=col], dt, legend, caption, button, nav.admin-nav a, label:not(.form-check-label)")
            .Where(e => e.TextContent.Trim().Length > 0)
            .ToList();
        Assert.NotEmpty(fixedWords);
        Assert.All(fixedWords, e => Assert.True(
            e.TextContent.Contains(Open, StringComparison.Ordinal),
            $"{path}: <{e.LocalName}> “{e.TextContent.Trim()}” is not from the localizer."));
        var title = page.Title ?? "";
        Assert.True(title.StartsWith(Open, StringComparison.Ordinal), $"{path}: the title “{title}” is not from the localizer.");
    }

    /// <summary>Every key the admin area's code names, as the resource generator collects them, and Display names.</summary>
    private static (List<string> Keys, List<string> Families) KeysInAdminArea()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LibrarianExercises.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var area = Path.Combine(dir.FullName, "src", "LibrarianExercises.Web", "Areas", "Admin");
        var keys = new List<string>();
        var families = new List<string>();
        foreach (var file in Directory.EnumerateFiles(area, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            keys.AddRange(IndexKey().Matches(source).Select(m => Unescape(m.Groups[1].Value)));
            keys.AddRange(ErrorMessageKey().Matches(source).Select(m => Unescape(m.Groups[1].Value)));
            keys.AddRange(DisplayNameKey().Matches(source).Select(m => Unescape(m.Groups[1].Value)));
            families.AddRange(PluralFamily().Matches(source).Select(m => Unescape(m.Groups[1].Value)));
        }

        return ([.. keys.Distinct()], [.. families.Distinct()]);
    }

    private static string Unescape(string literal) => Regex.Unescape(literal);

    [GeneratedRegex(@"(?<![\w.])(?:T|text|_text|Text)\s*\[\s*""((?:[^""\\]|\\.)*)""[\],]")]
    private static partial Regex IndexKey();

    [GeneratedRegex(@"\.Plural\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex PluralFamily();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessageKey();

    [GeneratedRegex(@"\[Display\(Name\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DisplayNameKey();

    /// <summary>AdminText's localizer with every string marked, and every key it lacks written down.</summary>
    private sealed class MarkingFactory(IStringLocalizerFactory inner, ConcurrentQueue<string> notFound) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) =>
            resourceSource == typeof(AdminText) ? new Marking(inner.Create(resourceSource), notFound) : inner.Create(resourceSource);

        public IStringLocalizer Create(string baseName, string location) => inner.Create(baseName, location);
    }

    private sealed class Marking(IStringLocalizer inner, ConcurrentQueue<string> notFound) : IStringLocalizer
    {
        public LocalizedString this[string name] => Mark(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Mark(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Mark(LocalizedString text)
        {
            // A plural family asks for a form the English file need not have (Plural falls back to "other").
            if (text.ResourceNotFound && !text.Name.EndsWith(PluralText.FormSeparator + "other", StringComparison.Ordinal) && text.Name.Contains(PluralText.FormSeparator, StringComparison.Ordinal))
            {
                return text;
            }

            if (text.ResourceNotFound)
            {
                notFound.Enqueue(text.Name);
            }

            return new LocalizedString(text.Name, Open + text.Value + Close, text.ResourceNotFound, text.SearchedLocation);
        }
    }
}
