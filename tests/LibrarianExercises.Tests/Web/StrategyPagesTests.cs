using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Strategy;

namespace LibrarianExercises.Tests.Web;

/// <summary>The strategy pages and filters over the starting content: #21 serves 1.1, #42 serves 3.3, #89 serves 3.2.</summary>
public sealed class StrategyPagesTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    private static readonly string[] AllCodes =
    [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4",
        "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4",
    ];

    [Fact]
    public async Task TheStrategyPageListsAllSixteenInitiativesUnderTheirFourDirections()
    {
        var page = await app.GetDocumentAsync("/strategy");

        Assert.Contains("IFLA Strategy 2019–2024", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(AllCodes, page.QuerySelectorAll("tr.initiative-row").Select(r => r.GetAttribute("data-code")));
        var directions = page.QuerySelectorAll("section.strategy-direction").ToList();
        Assert.Equal(["direction-1", "direction-2", "direction-3", "direction-4"], directions.Select(d => d.Id));
        Assert.Equal("Strategic Direction 3: Connect and Empower the Field", directions[2].QuerySelector("h2")?.TextContent.Trim());
        Assert.Equal(
            ["3.1", "3.2", "3.3", "3.4"],
            directions[2].QuerySelectorAll("tr.initiative-row").Select(r => r.GetAttribute("data-code")));
    }

    [Fact]
    public async Task InitiativesWithoutAKnownNameSayTheNameIsNotRecorded()
    {
        var page = await app.GetDocumentAsync("/strategy");

        var names = Rows(page).ToDictionary(r => r.GetAttribute("data-code")!, r => r.QuerySelector(".initiative-name")!.TextContent.Trim());
        Assert.Equal(["2.4", "4.1", "4.4"], names.Where(n => n.Value == "name not recorded").Select(n => n.Key));
        Assert.Equal("Support virtual networking and connections", names["3.2"]);
    }

    [Fact]
    public async Task OnTheStartingContentEachExerciseIsListedUnderItsInitiative()
    {
        var page = await app.GetDocumentAsync("/strategy");

        var rows = Rows(page).ToDictionary(r => r.GetAttribute("data-code")!);
        Assert.Equal(["/exercises/89"], ExerciseLinks(rows["3.2"]));
        Assert.Equal(["/exercises/42"], ExerciseLinks(rows["3.3"]));
        Assert.Equal(["/exercises/21"], ExerciseLinks(rows["1.1"]));
        Assert.Equal("#89 Make a connection", rows["3.2"].QuerySelector(".initiative-exercises a")?.TextContent.Trim());
        Assert.All(AllCodes, code => Assert.Equal(
            code is "3.2" or "3.3" or "1.1" ? "1" : "0",
            rows[code].QuerySelector(".initiative-count")?.TextContent.Trim()));
        Assert.Equal("/strategy/3.2", rows["3.2"].QuerySelector("a.initiative-code")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheChartIsAnImageWithATitleAndATextEquivalent()
    {
        var page = await app.GetDocumentAsync("/strategy");

        var chart = page.QuerySelector("svg.coverage-chart");
        Assert.NotNull(chart);
        Assert.Equal("img", chart.GetAttribute("role"));
        var title = page.GetElementById(chart.GetAttribute("aria-labelledby")!);
        Assert.False(string.IsNullOrWhiteSpace(title?.TextContent));
        var description = page.GetElementById(chart.GetAttribute("aria-describedby")!)?.TextContent;
        Assert.Contains("initiative 3.2, 1 exercise;", description, StringComparison.Ordinal);
        Assert.Contains("initiative 4.4, 0 exercises.", description, StringComparison.Ordinal);
        Assert.Equal(16, chart.QuerySelectorAll("g.chart-bar").Length);
        Assert.Empty(page.QuerySelectorAll("main script, main [style]"));
    }

    [Fact]
    public async Task TheInitiativePageShowsItsDirectionAndItsExercisesWithTheirFirstParagraph()
    {
        var page = await app.GetDocumentAsync("/strategy/3.2");

        Assert.Equal("Key Initiative 3.2: Support virtual networking and connections", page.QuerySelector("h1")?.TextContent.Trim());
        var direction = page.QuerySelector("a.initiative-direction");
        Assert.Equal("Strategic Direction 3: Connect and Empower the Field", direction?.TextContent.Trim());
        var exercise = page.QuerySelectorAll("li.initiative-exercise").Single();
        Assert.Equal("/exercises/89", exercise.QuerySelector("h3 a")?.GetAttribute("href"));
        Assert.Equal("Libraries are already strongly characterised by collaboration.", exercise.QuerySelector(".first-paragraph")?.TextContent);
    }

    [Fact]
    public async Task AnInitiativeWithoutANameSaysSoAndListsNoExercises()
    {
        var page = await app.GetDocumentAsync("/strategy/4.4");

        Assert.Equal("Key Initiative 4.4", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".name-missing"));
        Assert.Equal("0", page.QuerySelector(".initiative-count")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("li.initiative-exercise"));
    }

    [Theory]
    [InlineData("1.1", null, "1.2")]
    [InlineData("1.4", "1.3", "2.1")]
    [InlineData("2.1", "1.4", "2.2")]
    [InlineData("4.4", "4.3", null)]
    public async Task TheInitiativePageLinksItsNeighboursAcrossDirections(string code, string? previous, string? next)
    {
        var page = await app.GetDocumentAsync("/strategy/" + code);

        Assert.Equal(previous is null ? null : "/strategy/" + previous, page.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(next is null ? null : "/strategy/" + next, page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheInitiativeFilterListsOnlyItsExercisesAndLinksTheInitiative()
    {
        var page = await app.GetDocumentAsync("/exercises?initiative=3.2");

        Assert.Equal("Exercises serving Key Initiative 3.2", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/strategy/3.2", page.QuerySelector("a.filter-initiative")?.GetAttribute("href"));
        Assert.Contains("Support virtual networking and connections", page.QuerySelector("a.filter-initiative")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/exercises/89"], ListedExercises(page));
    }

    [Theory]
    [InlineData("3", new[] { 42, 89 })]
    [InlineData("1", new[] { 21 })]
    [InlineData("4", new int[0])]
    public async Task TheDirectionFilterListsTheExercisesServingAnyOfItsInitiatives(string direction, int[] expected)
    {
        var page = await app.GetDocumentAsync("/exercises?direction=" + direction);

        Assert.Equal($"Exercises serving Strategic Direction {direction}", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/strategy#direction-" + direction, page.QuerySelector("a.filter-direction")?.GetAttribute("href"));
        Assert.Equal(expected.Select(n => $"/exercises/{n}"), ListedExercises(page));
    }

    [Theory]
    [InlineData("/strategy/5.1", "No such key initiative")]
    [InlineData("/strategy/2.9", "No such key initiative")]
    [InlineData("/exercises?initiative=5.1", "No such key initiative")]
    [InlineData("/exercises?direction=7", "No such strategic direction")]
    public async Task AnInitiativeOrDirectionTheStrategyLacksIsNotFound(string path, string heading)
    {
        var (status, page) = await app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/strategy']"));
    }

    [Theory]
    [InlineData("/strategy/abc", "That is not a key initiative code")]
    [InlineData("/strategy/3", "That is not a key initiative code")]
    [InlineData("/strategy/3.2.1", "That is not a key initiative code")]
    [InlineData("/strategy/3.", "That is not a key initiative code")]
    [InlineData("/strategy/123.1", "That is not a key initiative code")]
    [InlineData("/strategy/%D9%A3.%D9%A2", "That is not a key initiative code")]
    [InlineData("/exercises?initiative=x", "That is not a key initiative code")]
    [InlineData("/exercises?initiative=3", "That is not a key initiative code")]
    [InlineData("/exercises?direction=x", "That is not a strategic direction number")]
    [InlineData("/exercises?direction=3.2", "That is not a strategic direction number")]
    [InlineData("/exercises?direction=-1", "That is not a strategic direction number")]
    public async Task AMalformedInitiativeCodeOrDirectionIsABadRequest(string path, string heading)
    {
        var (status, page) = await app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task TheEditorsReviewSaysSoWhenEveryLabelAgreesWithItsCode()
    {
        using var editor = await EditorSession.SignInAsync(app);
        var page = await editor.GetDocumentAsync("/admin/strategy/review");

        Assert.Equal("Strategy mappings to review", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".no-disagreements"));
        Assert.Empty(page.QuerySelectorAll("tr.review-row"));
    }

    [Fact]
    public async Task TheMainNavigationAndTheHomePageLeadToTheStrategy()
    {
        var home = await app.GetDocumentAsync("/");

        Assert.Equal("Strategy", home.QuerySelector("nav[aria-label=Main] a[href='/strategy']")?.TextContent.Trim());
        // Each of the latest exercises names the initiative it serves, linked to it.
        Assert.NotEmpty(home.QuerySelectorAll("main .exercise-summary a[href^='/strategy/']"));
    }

    internal static IEnumerable<IElement> Rows(IHtmlDocument page) => page.QuerySelectorAll("tr.initiative-row");

    internal static List<string> ExerciseLinks(IElement row) =>
        [.. row.QuerySelectorAll(".initiative-exercises a").Select(a => a.GetAttribute("href") ?? "")];

    internal static List<string> ListedExercises(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".exercise-summary h3 a").Select(a => a.GetAttribute("href") ?? "")];

    internal static int Count(IElement? element) =>
        int.Parse(element?.TextContent.Trim() ?? "", NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>
/// The starting content and 30 more posts: 25 exercises on 3.2 in all (two pages of the filtered list), one whose
/// label names 1.4 under code 2.1, one on an unknown code, one with no code, and a few more spread around.
/// </summary>
public sealed class StrategyCoverageAfterImportTests : IAsyncLifetime
{
    private const string VirtualNetworking = "3.2 Support virtual networking and connections";

    private readonly LibrarianAppFactory _app = new();

    // Initiative → exercises, including the starting content's.
    private readonly Dictionary<string, List<int>> _expected = new(StringComparer.Ordinal)
    {
        ["1.1"] = [21],
        ["3.3"] = [42],
        ["3.2"] = [89],
    };

    public async Task InitializeAsync()
    {
        var posts = new List<string>();
        foreach (var number in Enumerable.Range(1, 25).Where(n => n != 21))
        {
            posts.Add(BlogText.Post(number, $"Exercise number {number}", $"do thing {number}", VirtualNetworking));
            _expected["3.2"].Add(number);
        }

        posts.Add(BlogText.Post(50, "Speak up for open access", "speak up", "Key Initiative 1.4: Shape public opinion and debate around open access and library values, including intellectual freedom and human rights"));
        _expected["1.4"] = [50];
        posts.Add(BlogText.Post(51, "Stand up for open access", "stand up", "Key Initiative 2.1: Shape public opinion and debate around open access and library values, including intellectual freedom and human rights"));
        _expected["2.1"] = [51];
        posts.Add(BlogText.Post(52, "Look further ahead", "look further ahead", "9.9 An initiative of another plan"));
        posts.Add(BlogText.Post(53, "Think it through", "think it through", "Strengthen the Global Voice of Libraries"));
        posts.Add(BlogText.Post(54, "Find a volunteer", "find a volunteer", "4.2 Effectively mobilise our human resources and networks"));
        _expected["4.2"] = [54];
        posts.Add(BlogText.Post(55, "Join a webinar", "join a webinar", "Key Initiative 3.2: Support Virtual Networking and Collections"));
        _expected["3.2"].Add(55);
        posts.Add(BlogText.Post(56, "Write a guideline", "write a guideline", "2.4 Share what works"));
        _expected["2.4"] = [56];

        await _app.ImportAsync(BlogText.TagArchive("outreach", [.. posts]));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryInitiativeShowsTheCountAndExercisesImported()
    {
        var page = await _app.GetDocumentAsync("/strategy");

        var rows = StrategyPagesTests.Rows(page).ToList();
        Assert.Equal(16, rows.Count);
        Assert.All(rows, row =>
        {
            var code = row.GetAttribute("data-code")!;
            var expected = _expected.GetValueOrDefault(code, []).OrderDescending().Select(n => $"/exercises/{n}").ToList();
            Assert.Equal(expected.Count, StrategyPagesTests.Count(row.QuerySelector(".initiative-count")));
            // The latest few, newest first, and a link to all of them when there are more: the page stays small.
            Assert.Equal(expected.Take(StrategyQueries.LatestPerInitiative), StrategyPagesTests.ExerciseLinks(row));
            Assert.Equal(expected.Count > StrategyQueries.LatestPerInitiative ? $"/strategy/{code}" : null, row.QuerySelector("a.initiative-more")?.GetAttribute("href"));
        });
        Assert.Equal(
            [2, 2, 27, 1],
            page.QuerySelectorAll("section.strategy-direction .direction-count").Select(StrategyPagesTests.Count));
    }

    [Fact]
    public async Task TheChartShowsTheSameNumbersAsTheTable()
    {
        var page = await _app.GetDocumentAsync("/strategy");

        var table = StrategyPagesTests.Rows(page).ToDictionary(
            r => r.GetAttribute("data-code")!, r => StrategyPagesTests.Count(r.QuerySelector(".initiative-count")));
        var bars = page.QuerySelectorAll("svg.coverage-chart g.chart-bar").ToList();
        var chart = bars.ToDictionary(b => b.GetAttribute("data-code")!, b => StrategyPagesTests.Count(b.QuerySelector(".chart-count")));
        Assert.Equal(table.OrderBy(p => p.Key, StringComparer.Ordinal), chart.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(bars.Select(b => b.GetAttribute("data-code")), bars.Select(b => b.QuerySelector(".chart-code")?.TextContent));

        // Bar lengths follow the counts: the longest is the largest count, an empty initiative has no bar.
        var widths = bars.ToDictionary(b => b.GetAttribute("data-code")!, b => int.Parse(b.QuerySelector("rect")!.GetAttribute("width")!, CultureInfo.InvariantCulture));
        Assert.All(table, p => Assert.Equal(p.Value == 0, widths[p.Key] == 0));
        Assert.Equal(widths.MaxBy(w => w.Value).Key, table.MaxBy(p => p.Value).Key);
        Assert.True(widths["3.2"] > 20 * widths["1.1"] && widths["1.1"] > 0);
    }

    [Fact]
    public async Task ExercisesThatServeNoInitiativeAreListed()
    {
        var page = await _app.GetDocumentAsync("/strategy");

        Assert.Equal(
            ["/exercises/52", "/exercises/53"],
            page.QuerySelectorAll(".serving-none-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AnExerciseWhoseLabelNamesAnotherInitiativeIsListedForReviewBesideTheInitiativesName()
    {
        using var editor = await EditorSession.SignInAsync(_app);
        var page = await editor.GetDocumentAsync("/admin/strategy/review");

        var row = Assert.Single(page.QuerySelectorAll("tr.review-row"));
        Assert.Equal("51", row.GetAttribute("data-exercise"));
        Assert.Equal("/strategy/2.1", row.QuerySelector("a.initiative-code")?.GetAttribute("href"));
        Assert.Equal(
            "Key Initiative 2.1: Shape public opinion and debate around open access and library values, including intellectual freedom and human rights",
            row.QuerySelector(".published-label")?.TextContent.Trim());
        Assert.Equal(
            "Produce, communicate and distribute key resources and materials that inspire the profession",
            row.QuerySelector(".initiative-name")?.TextContent.Trim());
        Assert.Null(page.QuerySelector(".no-disagreements"));
    }

    [Fact]
    public async Task TheInitiativePageMarksAnExerciseWhoseLabelDisagrees()
    {
        var page = await _app.GetDocumentAsync("/strategy/2.1");

        var exercise = Assert.Single(page.QuerySelectorAll("li.initiative-exercise"));
        Assert.Contains("Shape public opinion", exercise.QuerySelector(".label-disagrees")?.TextContent, StringComparison.Ordinal);
        var overview = await _app.GetDocumentAsync("/strategy");
        Assert.Equal(1, StrategyPagesTests.Count(overview.QuerySelector(".disagreement-count")));
    }

    [Fact]
    public async Task TheInitiativePageListsItsExercisesTwentyAPageWithTheirCount()
    {
        var first = await _app.GetDocumentAsync("/strategy/3.2");
        var second = await _app.GetDocumentAsync("/strategy/3.2?page=2");

        var expected = _expected["3.2"].Order().Select(n => $"/exercises/{n}").ToList();
        Assert.Equal(expected[..20], InitiativeExercises(first));
        Assert.Equal(expected[20..], InitiativeExercises(second));
        Assert.All([first, second], page => Assert.Equal(expected.Count, StrategyPagesTests.Count(page.QuerySelector(".initiative-count"))));
        Assert.Equal("/strategy/3.2?page=2", first.QuerySelector(".pagination a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("21", second.QuerySelector("ol.exercise-list")?.GetAttribute("start"));
    }

    [Theory]
    [InlineData("/strategy/3.2?page=3", HttpStatusCode.NotFound)]
    [InlineData("/strategy/3.2?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/strategy/3.2?page=x", HttpStatusCode.BadRequest)]
    [InlineData("/strategy/3.2?page=99999999", HttpStatusCode.BadRequest)]
    public async Task APageOfAnInitiativeThatIsMalformedOrPastTheEndIsRefused(string path, HttpStatusCode expected)
    {
        var (status, _) = await _app.FetchAsync(path);

        Assert.Equal(expected, status);
    }

    private static List<string> InitiativeExercises(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("li.initiative-exercise h3 a").Select(a => a.GetAttribute("href") ?? "")];

    [Fact]
    public async Task TheInitiativeFilterPagesItsListAndEveryPagerLinkKeepsTheFilter()
    {
        var first = await _app.GetDocumentAsync("/exercises?initiative=3.2");
        var second = await _app.GetDocumentAsync("/exercises?initiative=3.2&page=2");

        var expected = _expected["3.2"].Order().Select(n => $"/exercises/{n}").ToList();
        Assert.Equal(expected[..20], StrategyPagesTests.ListedExercises(first));
        Assert.Equal(expected[20..], StrategyPagesTests.ListedExercises(second));
        Assert.Equal("/exercises?initiative=3.2&page=2", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("/exercises?initiative=3.2&page=1", second.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.All(
            first.QuerySelectorAll(".pagination a").Concat(second.QuerySelectorAll(".pagination a")),
            a => Assert.StartsWith("/exercises?initiative=3.2&page=", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("Exercises serving Key Initiative 3.2", second.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("2", new[] { 51, 56 })]
    [InlineData("4", new[] { 54 })]
    public async Task TheDirectionFilterFollowsTheImportedExercises(string direction, int[] expected)
    {
        var page = await _app.GetDocumentAsync("/exercises?direction=" + direction);

        Assert.Equal(expected.Select(n => $"/exercises/{n}"), StrategyPagesTests.ListedExercises(page));
    }
}
