using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Tests.Web;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Languages;

namespace LibrarianExercises.Tests.Languages;

/// <summary>
/// The strategy's wording (title, vision and mission, source note, directions, initiatives) shows in the reader's
/// language on every language's pages, from StrategyText; only English pages show the data's English.
/// </summary>
public sealed class StrategyNameTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    public static TheoryData<string> Translations => [.. SiteLanguages.All.Where(l => !l.IsDefault).Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryLanguageHasEveryTextOfTheStrategyAndNoOther(string language)
    {
        var english = ShippedTexts();
        var translated = Translated(language);

        Assert.Empty(english.Except(translated.Keys).Select(k => "missing: " + k));
        Assert.Empty(translated.Keys.Except(english).Select(k => "no longer in the strategy: " + k));
        Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value) || t.Value == t.Key).Select(t => "not translated: " + t.Key));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public async Task TheStrategyPageShowsTheWholeStrategyInTheReadersLanguage(string language)
    {
        var translated = Translated(language);
        var page = await app.GetDocumentAsync($"/{language}/strategy");

        Assert.Contains(translated["IFLA Strategy 2019–2024"], page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(translated["IFLA Strategy 2019–2024"], page.Title, StringComparison.Ordinal);
        Assert.Equal(translated[Shipped.GetProperty("summary").GetString()!], StrategyPagesTests.Text(page.QuerySelector(".strategy-summary")));
        Assert.Contains(translated[Shipped.GetProperty("source").GetString()!], page.QuerySelector(".strategy-source")?.TextContent, StringComparison.Ordinal);

        var directions = Shipped.GetProperty("directions").EnumerateArray().ToList();
        Assert.Equal(
            directions.Select(d => translated[d.GetProperty("name").GetString()!]),
            page.QuerySelectorAll(".strategy-direction h2 bdi").Select(b => b.TextContent));
        Assert.Equal(
            directions.Select(d => translated[d.GetProperty("name").GetString()!]),
            page.QuerySelectorAll(".chart-direction-name bdi").Select(b => b.TextContent));
        var initiatives = directions.SelectMany(d => d.GetProperty("initiatives").EnumerateArray().Select(i => i.GetProperty("name").GetString()!))
            .Where(name => name.Length > 0).Select(name => translated[name]).ToList();
        Assert.Equal(initiatives, page.QuerySelectorAll(".initiative-row .initiative-name bdi").Select(b => b.TextContent));
        Assert.Equal(initiatives, page.QuerySelectorAll(".chart-bar .initiative-name bdi").Select(b => b.TextContent));

        // Nothing of the strategy is left in English, so nothing in the page's content is marked as English but the
        // exercises' titles, which are.
        Assert.All(page.QuerySelectorAll("main [lang=en]"), element => Assert.NotNull(element.Closest(".initiative-exercises, .serving-none-list")));
    }

    [Theory]
    [InlineData("ar", "دعم التواصل الافتراضي وبناء الروابط")]
    [InlineData("zh", "支持线上交流与联系")]
    [InlineData("ru", "Поддержка виртуального общения и связей")]
    public async Task TheInitiativePageIsTitledAndDescribedInTheReadersLanguage(string language, string name)
    {
        var page = await app.GetDocumentAsync($"/{language}/strategy/3.2");

        var heading = page.QuerySelector("h1 .initiative-name bdi");
        Assert.Equal(name, heading?.TextContent);
        Assert.False(heading!.HasAttribute("lang"));
        Assert.Contains(name, page.Title, StringComparison.Ordinal);
        Assert.Contains(Translated(language)["Connect and Empower the Field"], page.QuerySelector("meta[name=description]")?.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".initiative-direction [lang=en]"));
    }

    [Fact]
    public async Task EnglishPagesShowTheStrategyAsTheDataHoldsIt()
    {
        var page = await app.GetDocumentAsync("/strategy/3.2");

        var name = page.QuerySelector("h1 .initiative-name bdi");
        Assert.Equal("Support virtual networking and connections", name?.TextContent);
        Assert.False(name!.HasAttribute("lang"));
    }

    /// <summary>The strategy file the site ships, as the seeder reads it.</summary>
    private static readonly JsonElement Shipped = ReadShipped();

    private static JsonElement ReadShipped()
    {
        using var stream = StartingContent.Open(StartingContent.Strategy20192024);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>Every text of the shipped strategy that a page shows: title, summary, source, directions, named initiatives.</summary>
    private static HashSet<string> ShippedTexts() =>
    [
        Shipped.GetProperty("title").GetString()!,
        Shipped.GetProperty("summary").GetString()!,
        Shipped.GetProperty("source").GetString()!,
        .. Shipped.GetProperty("directions").EnumerateArray().SelectMany(d =>
            d.GetProperty("initiatives").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).Prepend(d.GetProperty("name").GetString()!))
            .Where(text => text.Length > 0),
    ];

    /// <summary>One language's StrategyText file alone, as the built satellite assembly has it.</summary>
    internal static Dictionary<string, string> Translated(string language)
    {
        var manager = new ResourceManager(typeof(StrategyText).FullName!, typeof(StrategyText).Assembly);
        var set = manager.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No strategy text for {language}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}

/// <summary>
/// A translation is of the English wording it is keyed by: when an editor corrects or fills in an initiative's name,
/// every language shows the editor's name, as written and marked English, instead of a translation of the old one.
/// </summary>
public sealed class EditedStrategyNameTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();
    private EditorSession _editor = null!;

    public async Task InitializeAsync() => _editor = await EditorSession.SignInAsync(_app);

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("3.2", "Support virtual networking and online communities")]
    [InlineData("2.4", "Champion library values worldwide")]
    public async Task AnEditorsNameWinsOverTheTranslationInEveryLanguage(string code, string name)
    {
        using var response = await _editor.SubmitAsync($"/admin/strategy/{code}/name", "form.initiative-name-form", new() { ["Form.Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var language in SiteLanguages.All.Where(l => !l.IsDefault).Select(l => l.Code))
        {
            var initiative = await _app.GetDocumentAsync($"/{language}/strategy/{code}");
            var overview = await _app.GetDocumentAsync($"/{language}/strategy");

            AssertEnglish(initiative.QuerySelector("h1 .initiative-name bdi"), name);
            AssertEnglish(Row(overview, code).QuerySelector(".initiative-name bdi"), name);
            // The rest of the strategy stays in the reader's language.
            Assert.Equal(StrategyNameTests.Translated(language)["Connect and Empower the Field"], overview.QuerySelectorAll(".strategy-direction h2 bdi")[2].TextContent);
        }
    }

    private static IElement Row(IHtmlDocument page, string code) =>
        StrategyPagesTests.Rows(page).Single(r => r.GetAttribute("data-code") == code);

    private static void AssertEnglish(IElement? name, string expected)
    {
        Assert.Equal(expected, name?.TextContent);
        Assert.Equal("en", name!.GetAttribute("lang"));
    }
}
