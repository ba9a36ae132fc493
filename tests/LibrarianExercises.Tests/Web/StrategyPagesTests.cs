using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Models;
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
    public async Task AnInitiativeWithoutARecordedNameIsNamedByItsCodeAloneWithNothingSaidAboutTheName()
    {
        var page = await app.GetDocumentAsync("/strategy");

        var tableNames = Rows(page).ToDictionary(r => r.GetAttribute("data-code")!, r => Text(r.QuerySelector("a.initiative-link")));
        var chartNames = ChartBars(page).ToDictionary(b => b.GetAttribute("data-code")!, b => Text(b.QuerySelector(".chart-label")));
        Assert.All([tableNames, chartNames], names =>
        {
            Assert.Equal(["2.4", "4.1", "4.4"], names.Where(n => n.Value.StartsWith("Key Initiative", StringComparison.Ordinal)).Select(n => n.Key));
            Assert.Equal("Key Initiative 4.4", names["4.4"]);
            Assert.Equal("3.2 Support virtual networking and connections", names["3.2"]);
        });
        Assert.Empty(page.QuerySelectorAll("main .name-missing"));
        Assert.DoesNotContain("not recorded", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePublicStrategyPageLeavesTheMappingChecksToTheEditorsPages()
    {
        var page = await app.GetDocumentAsync("/strategy");

        Assert.Null(page.GetElementById("review-title"));
        Assert.Null(page.QuerySelector(".disagreement-count"));
        Assert.DoesNotContain("Mappings to check", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("editor", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheSourceOfTheStrategyIsNamedAtTheFootOfThePage()
    {
        var page = await app.GetDocumentAsync("/strategy");

        Assert.Equal(
            "Source of the strategy: IFLA's strategy pages on ifla.org (ifla.org/strategy and the pages for Strategic Directions 1 and 3), and the strategy lines of the exercise posts on blogs.ifla.org/lpa.",
            Text(page.QuerySelector("main .strategy-source")));
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
        Assert.All(AllCodes.Except(["3.2", "3.3", "1.1"]), code => Assert.Equal("None yet", Text(rows[code].QuerySelector("td"))));
        Assert.Equal("/strategy/3.2", rows["3.2"].QuerySelector("a.initiative-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheChartNamesEveryInitiativeWithItsCountAndEachBarLeadsToTheInitiative()
    {
        var page = await app.GetDocumentAsync("/strategy");

        var chart = page.QuerySelector("figure.coverage-figure ol.coverage-chart");
        Assert.NotNull(chart);
        Assert.Equal("Exercises per key initiative, by strategic direction", page.GetElementById(chart.GetAttribute("aria-labelledby")!)?.TextContent);
        Assert.Equal(
            ["Strategic Direction 1: Strengthen the Global Voice of Libraries", "Strategic Direction 2: Inspire and Enhance Professional Practice",
             "Strategic Direction 3: Connect and Empower the Field", "Strategic Direction 4: Optimise our Organisation"],
            chart.QuerySelectorAll(".chart-direction-name").Select(Text));
        var bars = ChartBars(page).ToList();
        Assert.Equal(AllCodes, bars.Select(b => b.GetAttribute("data-code")));
        Assert.All(bars, bar =>
        {
            var code = bar.GetAttribute("data-code")!;
            var link = bar.QuerySelector("a");
            Assert.Equal("/strategy/" + code, link?.GetAttribute("href"));
            // The drawing is hidden from assistive technology: the link's text says it all.
            Assert.Equal("true", link!.QuerySelector("svg")?.GetAttribute("aria-hidden"));
            var count = code is "3.2" or "3.3" or "1.1" ? 1 : 0;
            Assert.Equal(count, Count(link.QuerySelector(".chart-count")));
            Assert.Equal(count == 1 ? "1 exercise" : "0 exercises", link.QuerySelector(".visually-hidden")?.TextContent);
        });
        Assert.Equal("1.1 Show the power of libraries in achieving the Sustainable Development Goals", Text(bars[0].QuerySelector(".chart-label")));
        Assert.Empty(page.QuerySelectorAll("main script, main [style]"));
    }

    [Fact]
    public async Task TheChartsBarsAreDrawnToScaleAndAnInitiativeWithoutExercisesHasNone()
    {
        var page = await app.GetDocumentAsync("/strategy");

        var rects = ChartBars(page).ToDictionary(b => b.GetAttribute("data-code")!, b => b.QuerySelector("svg rect")!);
        Assert.All(rects, pair =>
        {
            var expected = pair.Key is "3.2" or "3.3" or "1.1" ? StrategyCoverageChart.TrackLength : 0;
            Assert.Equal(expected, Number(pair.Value, "width"));
            Assert.Equal(0, Number(pair.Value, "x"));
        });
        Assert.All(
            page.QuerySelectorAll(".coverage-chart svg"),
            svg => Assert.Equal($"0 0 {StrategyCoverageChart.TrackLength} 10", svg.GetAttribute("viewBox")));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task TheChartLeadsToTheInitiativesInTheReadersLanguage(string language)
    {
        var page = await app.GetDocumentAsync($"/{language}/strategy");

        Assert.All(ChartBars(page), bar => Assert.Equal($"/{language}/strategy/{bar.GetAttribute("data-code")}", bar.QuerySelector("a")?.GetAttribute("href")));
    }

    [Fact]
    public async Task OnARightToLeftPageTheChartsBarsGrowFromTheRight()
    {
        var page = await app.GetDocumentAsync("/ar/strategy");

        var rect = ChartBars(page).Single(b => b.GetAttribute("data-code") == "3.2").QuerySelector("svg rect")!;
        var empty = ChartBars(page).Single(b => b.GetAttribute("data-code") == "4.4").QuerySelector("svg rect")!;
        Assert.Equal((0, StrategyCoverageChart.TrackLength), (Number(rect, "x"), Number(rect, "width")));
        Assert.Equal((StrategyCoverageChart.TrackLength, 0), (Number(empty, "x"), Number(empty, "width")));
    }

    [Fact]
    public async Task EachDirectionsTableScrollsInsideABoxOfItsOwnNamedLikeTheTable()
    {
        var page = await app.GetDocumentAsync("/strategy");

        var boxes = page.QuerySelectorAll("section.strategy-direction .table-scroll").ToList();
        Assert.Equal(4, boxes.Count);
        Assert.All(boxes, box =>
        {
            Assert.Equal("region", box.GetAttribute("role"));
            Assert.Equal("0", box.GetAttribute("tabindex"));
            var table = box.QuerySelector(":scope > table.coverage-table");
            Assert.Equal(table?.QuerySelector("caption")?.TextContent, box.GetAttribute("aria-label"));
        });
        Assert.Equal(
            "Key initiatives of Strategic Direction 3 and the exercises serving each",
            boxes[2].GetAttribute("aria-label"));
        Assert.Equal(["Key initiative", "Exercises"], boxes[0].QuerySelectorAll("thead th").Select(Text));
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
    public async Task AnInitiativeWithoutANameIsTitledByItsCodeAloneAndListsNoExercises()
    {
        var page = await app.GetDocumentAsync("/strategy/4.4");

        Assert.Equal("Key Initiative 4.4", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(page.QuerySelector(".name-missing"));
        Assert.DoesNotContain("not recorded", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
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

    internal static IEnumerable<IElement> ChartBars(IHtmlDocument page) => page.QuerySelectorAll(".coverage-chart li.chart-bar");

    /// <summary>An element's text as a reader sees it: white space between the pieces of markup collapsed.</summary>
    internal static string Text(IElement? element) =>
        string.Join(' ', (element?.TextContent ?? "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static int Number(IElement element, string attribute) =>
        int.Parse(element.GetAttribute(attribute) ?? "", NumberStyles.None, CultureInfo.InvariantCulture);

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
        var counts = StrategyPagesTests.ChartBars(page).ToDictionary(b => b.GetAttribute("data-code")!, b => StrategyPagesTests.Count(b.QuerySelector(".chart-count")));
        Assert.Equal(16, rows.Count);
        Assert.All(rows, row =>
        {
            var code = row.GetAttribute("data-code")!;
            var expected = _expected.GetValueOrDefault(code, []).OrderDescending().Select(n => $"/exercises/{n}").ToList();
            Assert.Equal(expected.Count, counts[code]);
            // The latest few, newest first, and a link to all of them when there are more: the page stays small.
            Assert.Equal(expected.Take(StrategyQueries.LatestPerInitiative), StrategyPagesTests.ExerciseLinks(row));
            Assert.Equal(expected.Count > StrategyQueries.LatestPerInitiative ? $"/strategy/{code}" : null, row.QuerySelector("a.initiative-more")?.GetAttribute("href"));
        });
        Assert.Equal(
            [2, 2, 27, 1],
            page.QuerySelectorAll("section.strategy-direction .direction-count").Select(StrategyPagesTests.Count));
    }

    [Fact]
    public async Task TheChartsBarsFollowTheCountsImported()
    {
        var page = await _app.GetDocumentAsync("/strategy");

        var bars = StrategyPagesTests.ChartBars(page).ToList();
        var table = bars.ToDictionary(b => b.GetAttribute("data-code")!, b => StrategyPagesTests.Count(b.QuerySelector(".chart-count")));
        Assert.Equal(bars.Select(b => b.GetAttribute("data-code")), bars.Select(b => b.QuerySelector(".initiative-code")?.TextContent));
        Assert.Equal($"{_expected["3.2"].Count} exercises", bars.Single(b => b.GetAttribute("data-code") == "3.2").QuerySelector(".visually-hidden")?.TextContent);

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
    public async Task AMappingAwaitingAnEditorsCheckIsCountedOnTheEditorsPagesAndNotOnThePublicOnes()
    {
        var initiative = await _app.GetDocumentAsync("/strategy/2.1");
        var overview = await _app.GetDocumentAsync("/strategy");

        var exercise = Assert.Single(initiative.QuerySelectorAll("li.initiative-exercise"));
        Assert.Equal("/exercises/51", exercise.QuerySelector("h3 a")?.GetAttribute("href"));
        Assert.Null(exercise.QuerySelector(".label-disagrees"));
        Assert.All([initiative, overview], page =>
        {
            Assert.Null(page.QuerySelector(".disagreement-count"));
            Assert.DoesNotContain("does not match", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        });
        using var editor = await EditorSession.SignInAsync(_app);
        var admin = await editor.GetDocumentAsync("/admin/strategy");
        Assert.Equal(1, StrategyPagesTests.Count(admin.QuerySelector(".mappings-to-check")));
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
