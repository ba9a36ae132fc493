using System.Net;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// A site moved with <c>copy-database</c> from its SQLite file to an empty database of the suite's provider
/// (PostgreSQL in CI's second run) and back: every table's rows on both sides, and what visitors and editors hold
/// from before the move (a sign-in cookie, a response form open in a tab) still good on the moved site.
/// </summary>
public sealed class CopyDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("librarian-copy-");

    [Fact]
    public async Task ASiteMovedToAnotherDatabaseAndBackKeepsEveryRowItsSignInsAndItsOpenForms()
    {
        using var source = TestDatabase.CreateSqliteFile();
        using var target = TestDatabase.CreateEmpty();
        using var back = TestDatabase.CreateSqliteFile();
        string[] editorCookies;
        Dictionary<string, string> form;
        string[] visitorCookies;
        await using (var before = new LibrarianAppFactory(source, ownsDatabase: false).WithoutPostingLimit())
        {
            await EditorSession.AddEditorAsync(before);
            using var editor = EditorSession.Anonymous(before);
            using var signedIn = await editor.SignInAttemptAsync(EditorSession.DefaultEmail, EditorSession.DefaultPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            editorCookies = [.. signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])];

            using (var poster = new ResponsePoster(before, "203.0.113.40"))
            {
                using var posted = await poster.PostAsync(89, ResponsePoster.Fields(name: "Before the move", text: "Posted on SQLite.", did: true));
                Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
            }

            (form, visitorCookies) = await OpenFormAsync(before, 42);
        }

        var (exit, output) = await PublishedProgram.RunAsync(_folder.FullName, source, "copy-database", target.Provider.ToString(), target.ConnectionString);

        Assert.True(exit == 0, output);
        Assert.Contains("Responses", output, StringComparison.Ordinal);
        Assert.Contains("DataProtectionKeys", output, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFFERENT", output, StringComparison.Ordinal);

        await using (var after = new LibrarianAppFactory(target, ownsDatabase: false).WithoutPostingLimit())
        {
            using (var editor = Browser(after, editorCookies))
            using (var desk = await editor.GetAsync(new Uri("/admin", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
            }

            using var client = Browser(after, visitorCookies);
            after.Clock.Advance(TimeSpan.FromMinutes(1));
            var fields = new Dictionary<string, string>(form) { ["Form.DisplayName"] = "After the move", ["Form.Text"] = "Posted from a form shown before it." };
            using (var posted = await client.PostAsync(new Uri("/exercises/42/responses", UriKind.Relative), new FormUrlEncodedContent(fields)))
            {
                Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
            }

            var stored = await after.WithDbAsync(db => db.Responses.Where(r => r.DisplayName == "After the move").Select(r => r.Status).SingleAsync());
            Assert.Equal(ResponseStatus.Published, stored);
            // The counters and the search index were made again by the target as the rows arrived.
            Assert.Equal(1, await after.WithDbAsync(db => db.Exercises.Where(e => e.Number == 89).Select(e => e.DidExerciseCount).SingleAsync()));
            var found = await after.GetDocumentAsync("/search?q=sqlite");
            Assert.Contains(found.QuerySelectorAll("a").OfType<IHtmlAnchorElement>(), a => a.PathName.EndsWith("/exercises/89", StringComparison.Ordinal) || a.Href.Contains("/exercises/89", StringComparison.Ordinal));
        }

        (exit, output) = await PublishedProgram.RunAsync(_folder.FullName, target, "copy-database", "Sqlite", back.ConnectionString);
        Assert.True(exit == 0, output);
        await using (var backAgain = new LibrarianAppFactory(back, ownsDatabase: false))
        {
            Assert.Equal(
                ["After the move", "Before the move"],
                await backAgain.WithDbAsync(db => db.Responses.OrderBy(r => r.DisplayName).Select(r => r.DisplayName).ToListAsync()));
        }

        // The moved site's database is no longer empty: a second copy into it is refused, and nothing is written.
        (exit, output) = await PublishedProgram.RunAsync(_folder.FullName, source, "copy-database", target.Provider.ToString(), target.ConnectionString);
        Assert.Equal(1, exit);
        Assert.Contains("not empty", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("copy-database")]
    [InlineData("copy-database", "Oracle", "Data Source=x.db")]
    [InlineData("copy-database", "Sqlite")]
    public async Task AUsageErrorSaysHowToUseTheVerb(params string[] args)
    {
        using var source = TestDatabase.CreateSqliteFile();

        var (exit, output) = await PublishedProgram.RunAsync(_folder.FullName, source, args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: copy-database PROVIDER CONNECTION_STRING", output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A browser that holds the cookies another site's pages gave it.</summary>
    private static HttpClient Browser(LibrarianAppFactory app, string[] cookies)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        if (cookies.Length > 0)
        {
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        }

        return client;
    }

    /// <summary>An exercise's response form as a browser without cookies of its own gets it: its hidden fields and its cookies.</summary>
    private static async Task<(Dictionary<string, string> Hidden, string[] Cookies)> OpenFormAsync(LibrarianAppFactory app, int exercise)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var response = await client.GetAsync(new Uri($"/exercises/{exercise}", UriKind.Relative));
        var page = await LibrarianAppFactory.ParseAsync(response);
        var form = (IHtmlFormElement)page.QuerySelector("form#response-form")!;
        var hidden = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(c => c.Split(';')[0]).ToArray() : [];
        return (hidden, cookies);
    }
}
