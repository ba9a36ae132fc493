using System.Net;
using System.Net.Http.Headers;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Api;

/// <summary>How the API speaks HTTP: ETags, HEAD, CORS, and problem details for every error, never the HTML page.</summary>
public sealed class ApiProtocolTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    public static TheoryData<string> Resources =>
    [
        "/api/exercises",
        "/api/exercises?tag=community-engagement",
        "/api/exercises/89",
        "/api/exercises/89/responses",
        "/api/tags",
        "/api/strategy",
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task ARequestNamingTheCurrentETagIsNotModified(string path)
    {
        var first = await ApiAnswer.GetAsync(app, path);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(first.ETag);
        Assert.False(first.Headers.ETag!.IsWeak);

        var again = await ApiAnswer.GetAsync(app, path, r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.ETag!)));

        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Empty(again.Body);
    }

    [Fact]
    public async Task IfNoneMatchComparesWeaklyAndTakesAListOrAnyTag()
    {
        var etag = (await ApiAnswer.GetAsync(app, "/api/tags")).ETag!;

        Assert.Equal(HttpStatusCode.NotModified, (await WithIfNoneMatch("W/" + etag)).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await WithIfNoneMatch("\"other\", " + etag)).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await WithIfNoneMatch("*")).Status);
        Assert.Equal(HttpStatusCode.OK, (await WithIfNoneMatch("\"other\"")).Status);
        Assert.Equal(HttpStatusCode.OK, (await WithIfNoneMatch("not even a tag")).Status);

        Task<ApiAnswer> WithIfNoneMatch(string value) =>
            ApiAnswer.GetAsync(app, "/api/tags", r => r.Headers.TryAddWithoutValidation("If-None-Match", value));
    }

    [Fact]
    public async Task TheETagChangesWhenTheResourceDoes()
    {
        await using var own = new LibrarianAppFactory();
        var before = await ApiAnswer.GetAsync(own, "/api/exercises/42");

        await own.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 42);
            db.Responses.Add(new Response { ExerciseId = exercise.Id, DisplayName = "Ana", BodyMarkdown = "Done.", Status = ResponseStatus.Published, CreatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var after = await ApiAnswer.GetAsync(own, "/api/exercises/42", r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(before.ETag!)));

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(1, after.Json.Number("responseCount"));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task HeadGivesTheHeadersOfGetWithoutTheBody(string path)
    {
        var get = await ApiAnswer.GetAsync(app, path);
        var head = await ApiAnswer.SendAsync(app, HttpMethod.Head, path);

        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Empty(head.Body);
        Assert.Equal(get.ETag, head.ETag);
        Assert.Equal("application/json", head.MediaType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(get.Body), head.ContentHeaders.ContentLength);
    }

    [Theory]
    [InlineData("/api/exercises/abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/exercises/77", HttpStatusCode.NotFound)]
    [InlineData("/api/nothing", HttpStatusCode.NotFound)]
    public async Task HeadOfAnErrorGivesItsStatusAndHeadersWithoutTheBody(string path, HttpStatusCode status)
    {
        var head = await ApiAnswer.SendAsync(app, HttpMethod.Head, path);

        Assert.Equal(status, head.Status);
        Assert.Equal("application/problem+json", head.MediaType);
        Assert.Empty(head.Body);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task AnyOriginMayReadTheApiWithoutCredentials(string path)
    {
        var answer = await ApiAnswer.GetAsync(app, path, r => r.Headers.Add("Origin", "https://library.example"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("*", Header(answer, "Access-Control-Allow-Origin"));
        Assert.Null(Header(answer, "Access-Control-Allow-Credentials"));
        Assert.Contains("ETag", Header(answer, "Access-Control-Expose-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APreflightForAConditionalGetIsAllowed()
    {
        var answer = await ApiAnswer.SendAsync(app, HttpMethod.Options, "/api/exercises/89", r =>
        {
            r.Headers.Add("Origin", "https://library.example");
            r.Headers.Add("Access-Control-Request-Method", "GET");
            r.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        });

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal("*", Header(answer, "Access-Control-Allow-Origin"));
        Assert.Equal("GET,HEAD", Header(answer, "Access-Control-Allow-Methods"));
        Assert.Contains("If-None-Match", Header(answer, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/exercises/abc")]
    [InlineData("/api/nothing")]
    public async Task AnotherSiteMayReadWhyItsRequestFailed(string path)
    {
        var answer = await ApiAnswer.GetAsync(app, path, r => r.Headers.Add("Origin", "https://library.example"));

        Assert.Equal("*", Header(answer, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ThePagesAreNotOpenToOtherSites()
    {
        var answer = await ApiAnswer.GetAsync(app, "/exercises/89", r => r.Headers.Add("Origin", "https://library.example"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(Header(answer, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/api/")]
    [InlineData("/api/nothing")]
    [InlineData("/API/NOTHING")]
    [InlineData("/api/exercises/89/extra")]
    [InlineData("/api/exercises/89/responses/1")]
    [InlineData("/api/admin/exercises")]
    [InlineData("/api/admin")]
    [InlineData("/openapi/v2.json")]
    public async Task AnUnknownAddressIsNotFoundAsProblemDetailsNeverTheHtmlPage(string path)
    {
        var answer = await ApiAnswer.GetAsync(app, path, r => r.Headers.Accept.ParseAdd("text/html"));

        ApiReadingTests.AssertProblem(answer, HttpStatusCode.NotFound, "Not Found");
        Assert.DoesNotContain("<html", answer.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("POST", "/api/exercises")]
    [InlineData("PUT", "/api/exercises/89")]
    [InlineData("DELETE", "/api/exercises/89")]
    [InlineData("PATCH", "/api/tags")]
    [InlineData("POST", "/api/exercises/89/responses")]
    [InlineData("OPTIONS", "/api/strategy")]
    public async Task AnotherMethodIsNotAllowedAsProblemDetails(string method, string path)
    {
        var answer = await ApiAnswer.SendAsync(app, new HttpMethod(method), path, r =>
        {
            if (method != "OPTIONS")
            {
                r.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Text"] = "hello" });
            }
        });

        ApiReadingTests.AssertProblem(answer, HttpStatusCode.MethodNotAllowed, "Method Not Allowed");
        Assert.Equal(["GET", "HEAD"], answer.ContentHeaders.Allow);
        Assert.Contains(method, answer.Json.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyInAnUnreadableCharacterSetIsRefusedAsProblemDetails()
    {
        var answer = await ApiAnswer.SendAsync(app, HttpMethod.Post, "/api/exercises", r =>
            r.Content = new StringContent("x", System.Text.Encoding.UTF8, MediaTypeHeaderValue.Parse("text/plain; charset=utf-7")));

        ApiReadingTests.AssertProblem(answer, HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type");
    }

    [Fact]
    public async Task ASignedInEditorGetsTheSameAnswersAndNoRedirect()
    {
        using var editor = await EditorSession.SignInAsync(app);

        using var response = await editor.Client.GetAsync(new Uri("/api/admin/exercises", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AFailureOnTheServersSideIsProblemDetailsNeverTheHtmlPage()
    {
        await using var broken = new LibrarianAppFactory();
        await broken.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Tags\" RENAME TO \"TagsGone\""));

        var answer = await ApiAnswer.GetAsync(broken, "/api/tags");

        ApiReadingTests.AssertProblem(answer, HttpStatusCode.InternalServerError, "Internal Server Error");
        Assert.Null(answer.ETag);
        Assert.DoesNotContain("TagsGone", answer.Body, StringComparison.Ordinal);
    }

    private static string? Header(ApiAnswer answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
