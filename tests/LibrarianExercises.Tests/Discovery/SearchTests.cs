using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Responses;

namespace LibrarianExercises.Tests.Discovery;

/// <summary>Search through the real page and the real index, over the starting content and what tests add.</summary>
public sealed class SearchTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    [Fact]
    public async Task SearchingPartnerFindsExercise89AndThePostedResponseThatMentionsPartnersHighlighted()
    {
        using var visitor = new ResponsePoster(app, "203.0.113.10");
        using var posted = await visitor.PostAsync(89, ResponsePoster.Fields(name: "Ana Librarian", text: "We mapped our **partners** and met two of them."));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var anchor = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/exercises/89", anchor, StringComparison.Ordinal);

        var (status, page) = await SearchAsync("partner");

        Assert.Equal(HttpStatusCode.OK, status);
        var first = ExerciseResults(page).First();
        Assert.Equal("/exercises/89", first.QuerySelector("h3 a")?.GetAttribute("href"));
        Assert.Contains(first.QuerySelectorAll("mark"), m => m.TextContent.StartsWith("partner", StringComparison.OrdinalIgnoreCase));
        var response = ResponseResults(page).Single(r => r.QuerySelector("h3 a")?.GetAttribute("href") == anchor);
        Assert.Contains("Ana Librarian", response.QuerySelector("h3")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("partners", response.QuerySelector(".search-snippet mark")?.TextContent);
        // The snippet is the text as read, without the Markdown around the word.
        Assert.DoesNotContain("**", response.QuerySelector(".search-snippet")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nous avons visité la Bibliothèque nationale avec les élèves.", "bibliotheque", "Bibliothèque")]
    [InlineData("Nous avons visité la bibliothèque municipale hier.", "BIBLIOTHÈQUE", "bibliothèque")]
    [InlineData("تعاونا مع المكتبة الوطنية في مدينتنا لتنظيم معرض.", "المكتبة", "المكتبة")]
    [InlineData("Мы встретились с партнёрами из городского музея.", "партнёрами", "партнёрами")]
    [InlineData("Мы пригласили читателей в библиотеку на встречу.", "библиотеку", "библиотеку")]
    [InlineData("我们和市图书馆一起办了读书会。", "图书馆", "图书馆")]
    [InlineData("東京の図書館で読書会を開きました。", "図書館", "図書館")]
    public async Task WordsInAnyScriptAreFoundAndMarked(string text, string query, string marked)
    {
        var id = await app.AddResponseAsync(21, text);

        var (status, page) = await SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        var hit = ResponseResults(page).Single(r => r.QuerySelector("h3 a")?.GetAttribute("href")?.EndsWith($"#response-{id}", StringComparison.Ordinal) == true);
        Assert.Equal(marked, hit.QuerySelector(".search-snippet mark")?.TextContent);
        // The characters set apart for the index are invisible and are not sent back.
        Assert.DoesNotContain('\u200B', hit.TextContent);
    }

    [Fact]
    public async Task TwoChineseCharactersFindAPostedResponseContainingThem()
    {
        using var visitor = new ResponsePoster(app, "203.0.113.11");
        using var posted = await visitor.PostAsync(42, ResponsePoster.Fields(name: "李老师", text: "我们在学校图书馆为新生介绍了馆藏。"));
        var anchor = posted.Headers.Location!.OriginalString;

        foreach (var query in new[] { "图书", "馆藏", "学校图书馆" })
        {
            var (status, page) = await SearchAsync(query);

            Assert.Equal(HttpStatusCode.OK, status);
            var hit = ResponseResults(page).Single(r => r.QuerySelector("h3 a")?.GetAttribute("href") == anchor);
            Assert.Equal(query, hit.QuerySelector(".search-snippet mark")?.TextContent);
        }

        // Two characters that stand apart in the text are not a match for them together.
        var (_, none) = await SearchAsync("图新");
        Assert.DoesNotContain(ResponseResults(none), r => r.QuerySelector("h3 a")?.GetAttribute("href") == anchor);
    }

    [Fact]
    public async Task ATitleMatchRanksAboveAMatchInTheText()
    {
        await app.CreateExerciseAsync(601, "Other things to try", "Quokkas everywhere: a quokka, and another quokka in the text.");
        await app.CreateExerciseAsync(602, "Meet a quokka", "Nothing else here.");

        var (_, page) = await SearchAsync("quokka");

        Assert.Equal(["/exercises/602", "/exercises/601"], ExerciseResults(page).Select(r => r.QuerySelector("h3 a")?.GetAttribute("href")));
        Assert.Equal("quokka", ExerciseResults(page)[0].QuerySelector("h3 mark")?.TextContent);
    }

    [Theory]
    [InlineData("89")]
    [InlineData("#89")]
    [InlineData(" #89 ")]
    public async Task ANumberOffersThatExerciseFirst(string query)
    {
        var (status, page) = await SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        var first = ExerciseResults(page).First();
        Assert.Contains("number-match", first.ClassList);
        Assert.Equal("/exercises/89", first.QuerySelector("a")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("*")]
    [InlineData("(((")]
    [InlineData("^ - + :")]
    [InlineData("NEAR(")]
    [InlineData("NEAR()")]
    [InlineData("AND OR")]
    [InlineData("NOT")]
    [InlineData("title:")]
    [InlineData("body :")]
    [InlineData("{title body}:")]
    [InlineData("labels:")]
    public async Task AQueryOfNothingButSyntaxGetsAMessageAndA400(string query)
    {
        var (status, page) = await SearchAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".search-problem")?.TextContent));
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("fts5", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("syntax error", text, StringComparison.OrdinalIgnoreCase);
        // The visitor can try again from the same page.
        Assert.NotNull(page.QuerySelector("form.search-form input[name=q]"));
    }

    [Theory]
    [InlineData("\"partner")]
    [InlineData("partner\"")]
    [InlineData("partner*")]
    [InlineData("partner NEAR(")]
    [InlineData("NEAR(partner libraries)")]
    [InlineData("partner AND OR")]
    [InlineData("NOT partner")]
    [InlineData("title:partner")]
    [InlineData("{title body}: partner")]
    [InlineData("labels: partner")]
    [InlineData("partner) OR (")]
    [InlineData("^partner")]
    public async Task WordsAmongSyntaxAreSearchedAsWords(string query)
    {
        var (status, page) = await SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(ExerciseResults(page), r => r.QuerySelector("h3 a")?.GetAttribute("href") == "/exercises/89");
        Assert.NotNull(page.QuerySelector(".search-set-aside, .search-results"));
    }

    [Fact]
    public async Task AnOverlongQueryOrOneOfTooManyWordsGetsAMessageAndA400()
    {
        var (longStatus, longPage) = await SearchAsync(new string('a', 150) + " " + new string('b', 60));
        var (manyStatus, manyPage) = await SearchAsync(string.Join(' ', Enumerable.Range(1, 21).Select(i => "w" + i)));

        Assert.Equal(HttpStatusCode.BadRequest, longStatus);
        Assert.Contains("200 characters", longPage.QuerySelector(".search-problem")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, manyStatus);
        Assert.Contains("20 words", manyPage.QuerySelector(".search-problem")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldAndSpamResponsesAreNeverFound()
    {
        await app.AddResponseAsync(89, "The zebracorn was held back.", ResponseStatus.Held);
        await app.AddResponseAsync(89, "Buy zebracorn pills now.", ResponseStatus.Spam);
        using var visitor = new ResponsePoster(app, "203.0.113.12");
        var fields = ResponsePoster.Fields(text: "A zebracorn from a robot.");
        fields["Form.Website"] = "http://spam.example";
        using var honeypot = await visitor.PostAsync(89, fields);
        Assert.Equal("/exercises/89#response-status", honeypot.Headers.Location?.OriginalString);

        var (status, page) = await SearchAsync("zebracorn");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(ResponseResults(page));
        Assert.DoesNotContain("zebracorn", page.QuerySelector("main")!.TextContent.Replace("“zebracorn”", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingDeletingAndRestoringAResponseShowOnTheNextSearch()
    {
        var id = await app.AddResponseAsync(89, "Our unicornfish display waits for review.", ResponseStatus.Held);
        Assert.Empty(await FoundResponsesAsync("unicornfish"));

        await app.ModerateAsync(id, ModerationAction.Approve);
        Assert.Equal([id], await FoundResponsesAsync("unicornfish"));

        await app.ModerateAsync(id, ModerationAction.Delete);
        Assert.Empty(await FoundResponsesAsync("unicornfish"));

        await app.RestoreAsync(id);
        Assert.Equal([id], await FoundResponsesAsync("unicornfish"));

        await app.ModerateAsync(id, ModerationAction.MarkSpam);
        Assert.Empty(await FoundResponsesAsync("unicornfish"));
    }

    [Fact]
    public async Task ARetiredExerciseAndItsResponsesAreNotFoundUntilReinstated()
    {
        await app.CreateExerciseAsync(603, "Count the narwhals", "A narwhal census for the reading room.");
        var id = await app.AddResponseAsync(603, "We counted three narwhals.");

        await app.ChangeExerciseAsync(store => store.RetireAsync(603, CancellationToken.None));
        var (_, retired) = await SearchAsync("narwhal");
        Assert.Empty(ExerciseResults(retired));
        Assert.Empty(ResponseResults(retired));
        var (_, byNumber) = await SearchAsync("603");
        Assert.DoesNotContain(ExerciseResults(byNumber), r => r.ClassList.Contains("number-match"));

        await app.ChangeExerciseAsync(store => store.ReinstateAsync(603, CancellationToken.None));
        Assert.Equal([id], await FoundResponsesAsync("narwhal"));
    }

    [Fact]
    public async Task AnEditedExerciseIsFoundByItsNewWordsOnly()
    {
        await app.CreateExerciseAsync(604, "Walrus week", "Plan a walrus week.");
        await app.ChangeExerciseAsync(store => store.UpdateAsync(
            604, new LibrarianExercises.Web.Services.Exercises.ExerciseDraft(604, "Manatee month", "Plan a manatee month.", [], [], null, null), CancellationToken.None));

        var (_, walrus) = await SearchAsync("walrus");
        var (_, manatee) = await SearchAsync("manatee");

        Assert.Empty(ExerciseResults(walrus));
        Assert.Equal("/exercises/604", ExerciseResults(manatee).Single().QuerySelector("h3 a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheIndexHoldsTheTextAsReadNotTheMarkdown()
    {
        var id = await app.AddResponseAsync(21, @"We used \*stars\* and snake\_case in [our catalogue](https://example.org/xyzzyaddress).");

        Assert.Empty(await FoundResponsesAsync("xyzzyaddress"));
        var (_, page) = await SearchAsync("catalogue");
        var hit = ResponseResults(page).Single(r => r.QuerySelector("h3 a")?.GetAttribute("href")?.EndsWith($"#response-{id}", StringComparison.Ordinal) == true);
        var snippet = hit.QuerySelector(".search-snippet")!.TextContent;
        Assert.Contains("*stars* and snake_case in our catalogue", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("](", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsComeAPageAtATime()
    {
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await app.AddResponseAsync(42, $"Pagingword number {i}."));
        }

        var (_, first) = await SearchAsync("pagingword");
        var (secondStatus, second) = await SearchAsync("pagingword", "2");
        var (beyond, _) = await SearchAsync("pagingword", "3");
        var (malformed, _) = await SearchAsync("pagingword", "x");

        Assert.Equal(10, ResponseResults(first).Count);
        Assert.Equal("(12)", first.QuerySelector("#search-responses-title .search-count")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(2, ResponseResults(second).Count);
        Assert.Equal("/search?q=pagingword&page=2", first.QuerySelector("nav[aria-label=Pages] a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, beyond);
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal(ids.Count, ResponseResults(first).Concat(ResponseResults(second)).Select(r => r.QuerySelector("h3 a")?.GetAttribute("href")).Distinct().Count());
    }

    [Fact]
    public async Task AOneWordQueryThatFindsNothingSaysOnceWhatToTryNextWithoutSuggestingFewerWords()
    {
        var (status, page) = await SearchAsync("xylophonist");

        Assert.Equal(HttpStatusCode.OK, status);
        var message = Assert.Single(page.QuerySelectorAll(".search-nothing"));
        Assert.Contains("“xylophonist”", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("beginning of the word", message.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("fewer words", message.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/tags", Assert.Single(message.QuerySelectorAll("a")).GetAttribute("href"));
        // Said once: no empty groups after it repeating that nothing was found.
        Assert.Empty(page.QuerySelectorAll(".search-group"));
        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("No exercise.", main, StringComparison.Ordinal);
        Assert.DoesNotContain("No response.", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralWordsThatFindNothingTogetherSuggestFewerWords()
    {
        var (status, page) = await SearchAsync("partner xylophonist");

        Assert.Equal(HttpStatusCode.OK, status);
        var message = Assert.Single(page.QuerySelectorAll(".search-nothing"));
        Assert.Contains("Try fewer words", message.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".search-group"));
    }

    [Fact]
    public async Task ANumberWithNoExerciseAndNoTextSaysThereIsNoSuchExercise()
    {
        var (status, page) = await SearchAsync("#99998");

        Assert.Equal(HttpStatusCode.OK, status);
        var message = Assert.Single(page.QuerySelectorAll(".search-nothing"));
        Assert.Contains("There is no exercise #99998", message.TextContent, StringComparison.Ordinal);
        Assert.Equal("/exercises", Assert.Single(message.QuerySelectorAll("a")).GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".search-group"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/ar")]
    [InlineData("/zh")]
    [InlineData("/fr")]
    [InlineData("/de")]
    [InlineData("/ru")]
    [InlineData("/es")]
    public async Task InEveryLanguageAnEmptyResultIsOneMessageInThatLanguage(string prefix)
    {
        var (status, page) = await app.FetchAsync(prefix + "/search?q=xylophonist");

        Assert.Equal(HttpStatusCode.OK, status);
        var message = Assert.Single(page.QuerySelectorAll(".search-nothing"));
        Assert.Contains("xylophonist", message.TextContent, StringComparison.Ordinal);
        Assert.Equal(prefix + "/tags", Assert.Single(message.QuerySelectorAll("a")).GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".search-group"));
        if (prefix.Length > 0)
        {
            Assert.DoesNotContain("Check its spelling", message.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheSearchPageWithoutAQueryOffersTheForm()
    {
        var (status, page) = await app.FetchAsync("/search");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("form.search-form[role=search][method=get][action='/search'] input[type=search][name=q]"));
        Assert.Null(page.QuerySelector(".search-problem"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises/89")]
    [InlineData("/tags")]
    [InlineData("/tags/community-engagement")]
    [InlineData("/strategy")]
    [InlineData("/strategy/3.2")]
    [InlineData("/search?q=partner")]
    [InlineData("/account/login")]
    [InlineData("/exercises/50")]
    public async Task EveryPageHasALabelledSearchFormInItsHeader(string path)
    {
        var page = await app.GetDocumentAsync(path);

        var form = page.QuerySelector("header form[role=search]") as IHtmlFormElement;
        Assert.NotNull(form);
        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.False(string.IsNullOrWhiteSpace(form.GetAttribute("aria-label")));
        var input = form.QuerySelector("input[name=q]");
        Assert.NotNull(input);
        Assert.False(string.IsNullOrWhiteSpace(form.QuerySelector($"label[for='{input.Id}']")?.TextContent));
    }

    private async Task<(HttpStatusCode Status, IHtmlDocument Page)> SearchAsync(string query, string? page = null)
    {
        var (status, document) = await app.FetchAsync("/search?q=" + Uri.EscapeDataString(query) + (page is null ? "" : "&page=" + page));
        return (status, document);
    }

    private async Task<List<int>> FoundResponsesAsync(string query)
    {
        var (_, page) = await SearchAsync(query);
        return [.. ResponseResults(page).Select(r => int.Parse(r.QuerySelector("h3 a")!.GetAttribute("href")!.Split("#response-")[1], System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static List<IElement> ExerciseResults(IHtmlDocument page) => [.. page.QuerySelectorAll(".exercise-results > li")];

    private static List<IElement> ResponseResults(IHtmlDocument page) => [.. page.QuerySelectorAll(".response-results > li")];
}
