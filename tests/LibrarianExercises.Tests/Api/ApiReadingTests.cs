using System.Net;
using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Api;

/// <summary>The API over the starting content: exercises 21, 42 and 89, two tags, the IFLA Strategy 2019–2024.</summary>
public sealed class ApiReadingTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    [Fact]
    public async Task TheListGivesPublishedExercisesByNumberWithTheirTagsInitiativesAndCounts()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/exercises");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal("utf-8", answer.ContentHeaders.ContentType?.CharSet);
        var list = answer.Json;
        Assert.Equal([21, 42, 89], list.Numbers());
        Assert.Equal((1, 20, 1, 3), (list.Number("page"), list.Number("pageSize"), list.Number("pageCount"), list.Number("totalCount")));
        var first = list.Items()[0];
        Assert.Equal("Identify a non-user and think how to engage them", first.Text("title"));
        Assert.Equal("Libraries have a mission to serve their entire communities.", first.Text("summary"));
        Assert.Equal(["1.1"], first.GetProperty("initiativeCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(first.Items("tags"), t => t.Text("name") == "community engagement" && t.Text("slug") == "community-engagement");
        Assert.Equal(0, first.Number("responseCount"));
        Assert.Equal("/api/exercises/21", first.GetProperty("links").Text("self"));
        Assert.Equal("/exercises/21", first.GetProperty("links").Text("html"));
        var links = list.GetProperty("links");
        Assert.Equal("/api/exercises?page=1", links.Text("self"));
        Assert.Equal(JsonValueKind.Null, links.GetProperty("previous").ValueKind);
        Assert.Equal(JsonValueKind.Null, links.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("/api/exercises?tag=community-engagement", new[] { 21, 42, 89 })]
    [InlineData("/api/exercises?tag=Community-ENGAGEMENT", new[] { 21, 42, 89 })]
    [InlineData("/api/exercises?initiative=3.2", new[] { 89 })]
    [InlineData("/api/exercises?initiative=03.2", new[] { 89 })]
    [InlineData("/api/exercises?initiative=1.2", new int[0])]
    [InlineData("/api/exercises?tag=community-engagement&initiative=3.3", new[] { 42 })]
    public async Task TheListKeepsTheExercisesOfATagOrAnInitiativeOldestFirst(string path, int[] expected)
    {
        var answer = await ApiAnswer.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected, answer.Json.Numbers());
        Assert.Equal(expected.Length, answer.Json.Number("totalCount"));
    }

    [Fact]
    public async Task EveryPageOfAFilteredListKeepsTheFilter()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/exercises?initiative=3.2&tag=Community-Engagement");

        var links = answer.Json.GetProperty("links");
        Assert.Equal("/api/exercises?tag=community-engagement&initiative=3.2&page=1", links.Text("self"));
        Assert.Equal("/api/exercises?tag=community-engagement&initiative=3.2&page=1", links.Text("last"));
    }

    [Fact]
    public async Task AnExerciseGivesItsTextAsMarkdownAndAsHtmlWithItsTagsInitiativesAndCounts()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/exercises/89");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var exercise = answer.Json;
        Assert.Equal(89, exercise.Number("number"));
        Assert.Equal("Make a connection", exercise.Text("title"));
        Assert.StartsWith("Libraries are already strongly characterised by collaboration.\n\n", exercise.Text("bodyMarkdown"), StringComparison.Ordinal);
        Assert.StartsWith("<p>Libraries are already strongly characterised by collaboration.</p>", exercise.Text("bodyHtml"), StringComparison.Ordinal);
        var initiative = Assert.Single(exercise.Items("initiatives"));
        Assert.Equal("3.2", initiative.Text("code"));
        Assert.Equal("Support virtual networking and connections", initiative.Text("name"));
        Assert.Equal("Key Initiative 3.2: Support virtual networking and connections", initiative.Text("publishedLabel"));
        Assert.False(initiative.GetProperty("labelDisagrees").GetBoolean());
        Assert.Equal(["10MinuteInternationalLibrarian", "community engagement"], exercise.Items("tags").Select(t => t.Text("name")));
        Assert.Equal(0, exercise.Number("responseCount"));
        Assert.True(exercise.GetProperty("responsesOpen").GetBoolean());
        Assert.Equal("/api/exercises/89/responses", exercise.GetProperty("links").Text("responses"));
    }

    [Fact]
    public async Task TimesAreIsoUtcAndUnknownValuesAreNullNotLeftOut()
    {
        var exercise = (await ApiAnswer.GetAsync(app, "/api/exercises/42")).Json;

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", exercise.Text("updatedUtc"));
        var publishedOn = exercise.GetProperty("publishedOn");
        Assert.True(publishedOn.ValueKind == JsonValueKind.Null || System.Text.RegularExpressions.Regex.IsMatch(publishedOn.GetString()!, @"^\d{4}-\d{2}-\d{2}$"));
        Assert.True(exercise.TryGetProperty("sourceUrl", out _));
        Assert.Equal(
            ["number", "title", "bodyMarkdown", "bodyHtml", "publishedOn", "publishedMonth", "sourceUrl", "responsesOpen", "updatedUtc", "tags", "initiatives", "responseCount", "didExerciseCount", "links"],
            exercise.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheTagsListEveryTagInUseWithItsCount()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/tags");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var tag = answer.Json.Items().Single(t => t.Text("slug") == "community-engagement");
        Assert.Equal("community engagement", tag.Text("name"));
        Assert.Equal(3, tag.Number("exerciseCount"));
        Assert.Equal("/api/exercises?tag=community-engagement", tag.GetProperty("links").Text("exercises"));
        Assert.Equal("/tags/community-engagement", tag.GetProperty("links").Text("html"));
    }

    [Fact]
    public async Task TheStrategyGivesItsDirectionsAndInitiativesInOrderWithTheExercisesServingEach()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/strategy");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var strategy = answer.Json;
        Assert.Equal("2019-2024", strategy.Text("key"));
        Assert.Equal([1, 2, 3, 4], strategy.Items("directions").Select(d => d.Number("number")));
        var initiatives = strategy.Items("directions").SelectMany(d => d.Items("initiatives")).ToDictionary(i => i.Text("code"));
        Assert.Equal([89], initiatives["3.2"].Numbers("exercises"));
        Assert.Equal([42], initiatives["3.3"].Numbers("exercises"));
        Assert.Equal([21], initiatives["1.1"].Numbers("exercises"));
        Assert.Equal("/api/exercises?initiative=3.2", initiatives["3.2"].GetProperty("links").Text("exercises"));
        Assert.Empty(strategy.Items("exercisesServingNone"));
    }

    [Theory]
    [InlineData("/api/exercises?page=0", "page", "0")]
    [InlineData("/api/exercises?page=-1", "page", "-1")]
    [InlineData("/api/exercises?page=x", "page", "x")]
    [InlineData("/api/exercises?page=", "page", "")]
    [InlineData("/api/exercises?page=1.5", "page", "1.5")]
    [InlineData("/api/exercises?page=1000000", "page", "1000000")]
    [InlineData("/api/exercises?page=99999999999999999999", "page", "99999999999999999999")]
    [InlineData("/api/exercises?tag=a!b", "tag", "a!b")]
    [InlineData("/api/exercises?tag=", "tag", "")]
    [InlineData("/api/exercises?tag=two%20words", "tag", "two words")]
    [InlineData("/api/exercises?initiative=3", "initiative", "3")]
    [InlineData("/api/exercises?initiative=3.x", "initiative", "3.x")]
    [InlineData("/api/exercises?initiative=no-such-tag&initiative=x", "initiative", "no-such-tag,x")]
    [InlineData("/api/exercises?tag=no-such-tag&initiative=x", "initiative", "x")]
    [InlineData("/api/exercises/abc", "number", "abc")]
    [InlineData("/api/exercises/0", "number", "0")]
    [InlineData("/api/exercises/+89", "number", "+89")]
    [InlineData("/api/exercises/100000", "number", "100000")]
    [InlineData("/api/exercises/%D9%A8%D9%A9", "number", "٨٩")]
    [InlineData("/api/exercises/x/responses", "number", "x")]
    [InlineData("/api/exercises/89/responses?page=0", "page", "0")]
    public async Task AMalformedValueIsABadRequestNamingIt(string path, string parameter, string value)
    {
        var answer = await ApiAnswer.GetAsync(app, path);

        AssertProblem(answer, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Equal(parameter, answer.Json.Text("parameter"));
        Assert.Equal(value, answer.Json.Text("value"));
        Assert.Contains($"\"{value}\"", answer.Json.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/exercises/77", "number", "77")]
    [InlineData("/api/exercises/077", "number", "77")]
    [InlineData("/api/exercises/77/responses", "number", "77")]
    [InlineData("/api/exercises?tag=no-such-tag", "tag", "no-such-tag")]
    [InlineData("/api/exercises?initiative=9.9", "initiative", "9.9")]
    [InlineData("/api/exercises?page=2", "page", "2")]
    [InlineData("/api/exercises?page=999999", "page", "999999")]
    [InlineData("/api/exercises/89/responses?page=2", "page", "2")]
    public async Task AWellFormedValueThatNamesNothingIsNotFound(string path, string parameter, string value)
    {
        var answer = await ApiAnswer.GetAsync(app, path);

        AssertProblem(answer, HttpStatusCode.NotFound, "Not Found");
        Assert.Equal(parameter, answer.Json.Text("parameter"));
        Assert.Equal(value, answer.Json.Text("value"));
    }

    [Fact]
    public async Task AProblemSaysWhatWasAskedForAndWhy()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/exercises?page=4");

        Assert.Equal("about:blank", answer.Json.Text("type"));
        Assert.Equal(404, answer.Json.Number("status"));
        Assert.Equal("/api/exercises?page=4", answer.Json.Text("instance"));
        Assert.Equal("The list runs to page 1; there is no page 4.", answer.Json.Text("detail"));
    }

    [Fact]
    public async Task AValueTooLongToRepeatIsCut()
    {
        var answer = await ApiAnswer.GetAsync(app, "/api/exercises?tag=" + new string('x', 300));

        Assert.Equal(new string('x', 100) + "…", answer.Json.Text("value"));
    }

    internal static void AssertProblem(ApiAnswer answer, HttpStatusCode status, string title)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Null(answer.Headers.Location);
        var problem = answer.Json;
        Assert.Equal((int)status, problem.Number("status"));
        Assert.Equal(title, problem.Text("title"));
        Assert.False(string.IsNullOrWhiteSpace(problem.Text("detail")));
    }
}
