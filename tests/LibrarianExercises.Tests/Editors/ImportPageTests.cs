using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Editors;

/// <summary>The editors' import page: a dry run first, nothing written until the editor confirms.</summary>
public sealed class ImportPageTests : IAsyncLifetime
{
    private const string Connection = "3.2 Support virtual networking and connections";
    private const string OtherSeries = "The 10-Minute Library Advocate #12: Write to your mayor\n\nAdvocacy starts at home.\n\nGood luck!\n\n";

    private readonly LibrarianAppFactory _app = new();
    private EditorSession _editor = null!;

    public async Task InitializeAsync() => _editor = await EditorSession.SignInAsync(_app);

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheFormHasALabelledTextareaAndAFileInputForSeveralTextFiles()
    {
        var page = await _editor.GetDocumentAsync("/admin/import");

        var form = Assert.IsAssignableFrom<IHtmlFormElement>(page.QuerySelector("form#import-form"));
        Assert.Equal("multipart/form-data", form.Enctype);
        Assert.Equal("/admin/import/preview", form.GetAttribute("action"));
        Assert.Equal("Paste the text of one or more posts", page.QuerySelector("label[for=Text]")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("textarea#Text[name=Text]"));
        var files = page.QuerySelector("input#Files[type=file][name=Files]");
        Assert.NotNull(files);
        Assert.True(files.HasAttribute("multiple"));
        Assert.Equal(".txt,text/plain", files.GetAttribute("accept"));
        Assert.NotNull(page.QuerySelector("label[for=Files]"));
    }

    [Fact]
    public async Task ThePreviewShowsWhatWouldChangeAndWritesNothing()
    {
        var before = await CountsAsync();
        var text = BlogText.TagArchive(
            "outreach",
            BlogText.Post(7, "Map your partners", "map your partners", Connection),
            BlogText.Post(89, "Make a connection", "make a connection", Connection, "A new opening paragraph."),
            OtherSeries + BlogText.Post(64, "Stand up", "stand up", "2.1 Shape public opinion and debate around open access and library values, including intellectual freedom and human rights"));

        using var response = await PreviewAsync(text);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Preview of the import", page.QuerySelector("h1")?.TextContent.Trim());
        var source = Assert.Single(page.QuerySelectorAll("section.import-source"));
        Assert.Equal("pasted text", source.QuerySelector("h2")?.TextContent.Trim());
        var rows = source.QuerySelectorAll("table.import-table tr.import-row").ToList();
        Assert.Equal(["7", "89", "64", null], rows.Select(r => r.GetAttribute("data-number")));
        Assert.Equal(["created", "updated", "created", "skipped"], rows.Select(r => r.GetAttribute("data-change")));
        Assert.Equal(["Would be created", "Would be updated", "Would be created", "Skipped"], rows.Select(r => Cell(r, ".import-change")));
        Assert.Equal("Map your partners", Cell(rows[0], ".import-title"));
        Assert.Equal("3.2", Cell(rows[0], ".import-initiative"));
        Assert.Equal("outreach, 10MinuteInternationalLibrarian", Cell(rows[0], ".import-tags"));
        Assert.Contains("The 10-Minute Library Advocate #12", Cell(rows[3], ".import-title"), StringComparison.Ordinal);
        Assert.Equal("another series", Cell(rows[3], ".import-skip-reason"));
        Assert.Contains("the published name", rows[2].QuerySelector(".import-warning")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing written.", page.QuerySelector(".import-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("table", source.QuerySelector("caption")?.ParentElement?.LocalName);
        Assert.All(page.QuerySelectorAll("table.import-table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.NotNull(page.QuerySelector("form#confirm-import-form button#confirm-import"));
        Assert.Equal("Confirm import", page.QuerySelector("#confirm-import")?.TextContent.Trim());
        Assert.Equal(before, await CountsAsync());
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 7)));
    }

    [Fact]
    public async Task ConfirmingImportsTheTextsAndTheAuditTrailNamesTheFileAndTheEditor()
    {
        var text = BlogText.Post(7, "Map your partners", "map your partners", Connection);
        using var preview = await PreviewAsync(files: [("partners.txt", Encoding.UTF8.GetBytes(text))]);
        var page = await LibrarianAppFactory.ParseAsync(preview);
        var beforeConfirm = await CountsAsync();

        using var confirmed = await _editor.SubmitAsync(page, "#confirm-import-form", [], "#confirm-import");
        var report = await LibrarianAppFactory.ParseAsync(confirmed);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Import report", report.QuerySelector("h1")?.TextContent.Trim());
        var row = Assert.Single(report.QuerySelectorAll("tr.import-row"));
        Assert.Equal("Created", Cell(row, ".import-change"));
        Assert.Equal("/exercises/7", row.QuerySelector(".import-title a")?.GetAttribute("href"));
        Assert.Null(report.QuerySelector("#confirm-import-form"));
        Assert.Equal(beforeConfirm.Exercises + 1, (await CountsAsync()).Exercises);
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.ExerciseNumber == 7));
        Assert.Equal(AuditActorKind.Import, entry.ActorKind);
        Assert.Equal("import", entry.Actor);
        Assert.Equal(AuditActions.Created, entry.Action);
        Assert.Equal("partners.txt, run by " + EditorSession.DefaultEmail, entry.Detail);
    }

    [Fact]
    public async Task SeveralFilesArePreviewedAndImportedEachUnderItsOwnName()
    {
        using var preview = await PreviewAsync(
            BlogText.Post(9, "Read a report", "read a report", Connection),
            ("first.txt", Encoding.UTF8.GetBytes(BlogText.Post(7, "Map your partners", "map your partners", Connection))),
            ("second.txt", Encoding.UTF8.GetBytes(BlogText.Post(8, "Write to a colleague abroad", "write to a colleague abroad", Connection))));
        var page = await LibrarianAppFactory.ParseAsync(preview);

        var sources = page.QuerySelectorAll("section.import-source").ToList();
        Assert.Equal(["pasted text", "first.txt", "second.txt"], sources.Select(s => s.QuerySelector("h2")?.TextContent.Trim()));
        Assert.Equal(["9", "7", "8"], sources.Select(s => s.QuerySelector("tr.import-row")?.GetAttribute("data-number")));

        using var confirmed = await _editor.SubmitAsync(page, "#confirm-import-form", [], "#confirm-import");

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var details = await _app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.ActorKind == AuditActorKind.Import && a.ExerciseNumber >= 7 && a.ExerciseNumber <= 9)
            .OrderBy(a => a.ExerciseNumber)
            .Select(a => new { a.ExerciseNumber, a.Detail })
            .ToListAsync());
        Assert.Equal(
            [(7, "first.txt"), (8, "second.txt"), (9, "pasted text")],
            details.Select(d => (d.ExerciseNumber!.Value, d.Detail![..d.Detail!.IndexOf(',', StringComparison.Ordinal)])));
    }

    [Fact]
    public async Task FilesThatCannotBeImportedAreListedWithTheReasonAndTheOthersCanStillBeConfirmed()
    {
        var before = await CountsAsync();
        using var preview = await PreviewAsync(files:
        [
            ("latin1.txt", [0x43, 0x61, 0x66, 0xE9]),
            ("picture.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]),
            ("empty.txt", []),
            ("advocate.txt", Encoding.UTF8.GetBytes(OtherSeries)),
            ("huge.txt", Encoding.UTF8.GetBytes(new string('x', (2 * 1024 * 1024) + 1))),
            ("good.txt", Encoding.UTF8.GetBytes(BlogText.Post(7, "Map your partners", "map your partners", Connection))),
        ]);
        var page = await LibrarianAppFactory.ParseAsync(preview);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var sections = page.QuerySelectorAll("section.import-source").ToDictionary(s => s.QuerySelector("h2")!.TextContent.Trim());
        var problems = sections.ToDictionary(s => s.Key, s => s.Value.QuerySelector(".import-problem")?.TextContent.Trim());
        Assert.Equal("Nothing can be imported from it: cannot read it (it is not UTF-8 text).", problems["latin1.txt"]);
        Assert.Equal("Nothing can be imported from it: cannot read it (it is not a text file).", problems["picture.png"]);
        Assert.Contains("it is too large", problems["huge.txt"], StringComparison.Ordinal);
        Assert.Null(problems["good.txt"]);
        // A file that holds nothing of the series is no failure: it says so, and why.
        Assert.Null(problems["empty.txt"]);
        Assert.Equal("Nothing to import from it: the text is empty.", sections["empty.txt"].QuerySelector(".import-nothing")?.TextContent.Trim());
        Assert.Null(problems["advocate.txt"]);
        Assert.Contains("no post of The 10-Minute International Librarian in it (1 other post(s) skipped)", sections["advocate.txt"].QuerySelector(".import-nothing")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 files with nothing to import; 3 files failed", page.QuerySelector(".import-summary")?.TextContent, StringComparison.Ordinal);

        // Only the good file travels to the confirmation.
        var carried = page.QuerySelectorAll("#confirm-import-form input[type=hidden][name$='.Name']").Select(i => i.GetAttribute("value"));
        Assert.Equal(["good.txt"], carried);
        using var confirmed = await _editor.SubmitAsync(page, "#confirm-import-form", [], "#confirm-import");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(before.Exercises + 1, (await CountsAsync()).Exercises);
    }

    [Fact]
    public async Task AFileWithOnlyPostsOfAnotherSeriesIsReportedAndNothingCanBeConfirmed()
    {
        using var preview = await PreviewAsync(files: [("advocate.txt", Encoding.UTF8.GetBytes(OtherSeries))]);
        var page = await LibrarianAppFactory.ParseAsync(preview);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Null(page.QuerySelector(".import-problem"));
        Assert.Contains("Nothing to import from it: no post of The 10-Minute International Librarian in it", page.QuerySelector(".import-nothing")?.TextContent, StringComparison.Ordinal);
        var skipped = Assert.Single(page.QuerySelectorAll("tr.import-row"));
        Assert.Equal(("skipped", "another series"), (skipped.GetAttribute("data-change"), Cell(skipped, ".import-skip-reason")));
        Assert.Contains("1 file with nothing to import; 0 files failed", page.QuerySelector(".import-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#confirm-import-form"));
        Assert.NotNull(page.QuerySelector(".nothing-to-import"));
    }

    [Fact]
    public async Task AListingCopiedWithoutItsHeadingIsPreviewedWithAWarningAndAWholePageCopyWithItsHeadingWithout()
    {
        var posts = BlogText.Post(7, "Map your partners", "map your partners", Connection)
            + BlogText.Post(8, "Write to a colleague abroad", "write to a colleague abroad", Connection);
        var wholePage = "Skip to content\nIFLA\nLibrary Policy and Advocacy Blog\nsource: https://blogs.ifla.org/lpa/tag/outreach/\n\n"
            + BlogText.TagArchive("outreach", posts);

        using var preview = await PreviewAsync(files: [("no-heading.txt", Encoding.UTF8.GetBytes(posts)), ("whole-page.txt", Encoding.UTF8.GetBytes(wholePage))]);
        var page = await LibrarianAppFactory.ParseAsync(preview);

        var sources = page.QuerySelectorAll("section.import-source").ToList();
        Assert.Equal(["no-heading.txt", "whole-page.txt"], sources.Select(s => s.GetAttribute("data-source")));
        Assert.StartsWith("Warning: it looks like a listing page, but no archive heading", sources[0].QuerySelector(".import-file-warning")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(sources[1].QuerySelector(".import-file-warning"));
        Assert.All(sources[1].QuerySelectorAll("tr.import-row"), row => Assert.Equal("outreach, 10MinuteInternationalLibrarian", Cell(row, ".import-tags")));
    }

    [Fact]
    public async Task AListingsCutOffAndExcerptedPostsArePreviewedAsPartialAndConfirmedAsTheCommandLineDoes()
    {
        var newer = BlogText.TagArchive(
            "advocacy",
            BlogText.Post(7, "Map your partners", "map your partners", Connection),
            BlogText.CutOff(28, "Write a thank-you note", "Advocacy is not only about asking.", "It is also about recognising those who have hel"));
        var older = BlogText.OlderTagArchive(
            "advocacy",
            2,
            2,
            BlogText.Excerpt(89, "Make a connection", "Libraries are already strongly characterised by collaboration. Within and across institutions, we rely on"),
            BlogText.Excerpt(60, "Find out about a library in another country", "Libraries around the world face many of the same challenges"));

        using var preview = await PreviewAsync(files: [("newer.txt", Encoding.UTF8.GetBytes(newer)), ("older.txt", Encoding.UTF8.GetBytes(older))]);
        var page = await LibrarianAppFactory.ParseAsync(preview);

        var rows = page.QuerySelectorAll("tr.import-row").ToList();
        Assert.Equal(["7", "28", "89", "60"], rows.Select(r => r.GetAttribute("data-number")));
        Assert.Equal(["false", "true", "false", "true"], rows.Select(r => r.GetAttribute("data-partial")));
        Assert.Equal(["Would be created", "Would be created", "Would be updated", "Would be created"], rows.Select(r => Cell(r, ".import-change")));
        Assert.Equal("advocacy, 10MinuteInternationalLibrarian", Cell(rows[1], ".import-tags"));
        Assert.Contains("advocacy", Cell(rows[2], ".import-tags"), StringComparison.Ordinal);
        Assert.Equal("Partial: only the beginning of the post is known, so it is not public until completed", Cell(rows[1], ".import-partial"));
        Assert.Contains("4 exercises: 3 would be created, 1 would be updated, 0 unchanged; 2 partial", page.QuerySelector(".import-summary")?.TextContent, StringComparison.Ordinal);

        using var confirmed = await _editor.SubmitAsync(page, "#confirm-import-form", [], "#confirm-import");

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var partial = await _app.WithDbAsync(db => db.Exercises.Where(e => e.BodyIsExcerpt).OrderBy(e => e.Number).Select(e => e.Number).ToListAsync());
        Assert.Equal([28, 60], partial);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.FetchAsync("/exercises/28")).Status);
        Assert.Contains(await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 89).SelectMany(e => e.Tags).Select(t => t.Slug).ToListAsync()), t => t == "advocacy");
    }

    [Fact]
    public async Task MoreThanTenFilesAtOnceLeavesTheRestOutWithAReason()
    {
        var files = Enumerable.Range(1, 11)
            .Select(n => ($"post-{n}.txt", Encoding.UTF8.GetBytes(BlogText.Post(n + 100, $"Exercise {n}", $"do thing {n}", Connection))))
            .ToArray();

        using var preview = await PreviewAsync(files: files);
        var page = await LibrarianAppFactory.ParseAsync(preview);

        var sources = page.QuerySelectorAll("section.import-source").ToList();
        Assert.Equal(11, sources.Count);
        Assert.All(sources.Take(10), s => Assert.Null(s.QuerySelector(".import-problem")));
        Assert.Contains("only 10 files are taken at once", sources[10].QuerySelector(".import-problem")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, page.QuerySelectorAll("#confirm-import-form input[name$='.Text']").Length);
    }

    [Fact]
    public async Task AnUploadOverTheLimitIsRefusedWithItsOwnPageNotAServerError()
    {
        using var response = await PreviewAsync(new string('x', 24 * 1024 * 1024));
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Too much to import at once", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("10 files of at most 2 MB each", page.QuerySelector(".import-refused")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFormIsRefusedWithTheErrorTiedToTheTextarea()
    {
        using var response = await PreviewAsync("   ");
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("#Text", page.QuerySelector("#form-errors a")?.GetAttribute("href"));
        var textarea = page.QuerySelector("textarea#Text");
        Assert.Equal("true", textarea?.GetAttribute("aria-invalid"));
        Assert.Contains("Text-error", textarea?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Text-error"));
    }

    [Fact]
    public async Task AFieldAnEditorCorrectedShowsInThePreviewAsKept()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ExerciseStore>();
            Assert.Equal(ExerciseEditOutcome.Saved, await store.CorrectMappingAsync(89, "3.2", "3.3", CancellationToken.None));
        }

        using var preview = await PreviewAsync(BlogText.Post(89, "Make a connection", "make a connection", Connection));
        var page = await LibrarianAppFactory.ParseAsync(preview);

        var row = Assert.Single(page.QuerySelectorAll("tr.import-row"));
        Assert.Equal("3.3", Cell(row, ".import-initiative"));
        Assert.Equal("initiatives kept: changed by an editor", Cell(row, ".import-kept"));
        Assert.Equal("initiatives", Cell(row, ".kept-field"));
    }

    [Fact]
    public async Task EachFieldAPostWouldChangeShowsItsCurrentValueTheIncomingOneAndWhichStands()
    {
        // An editor corrects the title only; the initiative and the tags stay the importer's.
        var now = await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 89).Select(e => new
        {
            e.BodyMarkdown,
            e.PublishedOn,
            e.SourceUrl,
            Tags = e.Tags.Select(t => t.Name).ToList(),
            Initiatives = e.Initiatives.Select(l => l.KeyInitiative.Code + " " + l.KeyInitiative.Name).ToList(),
            Codes = e.Initiatives.Select(l => l.KeyInitiative.Code).ToList(),
        }).SingleAsync());
        await _app.ChangeExerciseAsync(store => store.UpdateAsync(89, new ExerciseDraft(89, "Make a connection abroad", now.BodyMarkdown, now.Tags, now.Codes, now.PublishedOn, now.SourceUrl), CancellationToken.None));
        Assert.Equal(["3.2 Support virtual networking and connections"], now.Initiatives);
        var incomingInitiative = "3.3 " + await _app.WithDbAsync(db => db.KeyInitiatives.Where(i => i.Code == "3.3").Select(i => i.Name).SingleAsync());
        var text = BlogText.TagArchive("outreach", BlogText.Post(89, "Make a connection", "make a connection", incomingInitiative));

        using var preview = await PreviewAsync(text);
        var page = await LibrarianAppFactory.ParseAsync(preview);

        var fields = page.QuerySelectorAll("table.import-fields-table tr.import-field").ToDictionary(r => r.GetAttribute("data-field")!);
        Assert.All(fields.Values, r => Assert.Equal("89", r.GetAttribute("data-number")));
        Assert.Equal(("Make a connection abroad", "Make a connection", "kept", "The current value stays: an editor corrected it"), Compared(fields["title"]));
        Assert.Equal((now.Initiatives[0], incomingInitiative, "replaced", "The incoming value would replace it"), Compared(fields["initiatives"]));
        Assert.Equal((string.Join(", ", now.Tags), "outreach", "added", "The incoming tags would be added"), Compared(fields["tags"]));
        Assert.Equal("initiatives", fields["initiatives"].QuerySelector("th[scope=row]")?.TextContent.Trim().ToLowerInvariant());
        Assert.All(page.QuerySelectorAll("table.import-fields-table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        // Wide tables scroll in their own labelled box, reachable from the keyboard.
        Assert.Equal(2, page.QuerySelectorAll("div.table-scroll[tabindex='0'][role=region] > table").Length);
        Assert.All(page.QuerySelectorAll("div.table-scroll"), d => Assert.False(string.IsNullOrWhiteSpace(d.GetAttribute("aria-label"))));
        Assert.Empty(page.QuerySelectorAll(".table-responsive"));

        using var confirmed = await _editor.SubmitAsync(page, "#confirm-import-form", [], "#confirm-import");
        var report = await LibrarianAppFactory.ParseAsync(confirmed);

        var done = report.QuerySelectorAll("table.import-fields-table tr.import-field").ToDictionary(r => r.GetAttribute("data-field")!);
        Assert.Equal("The incoming value replaced it", Cell(done["initiatives"], ".import-stands"));
        Assert.Equal("The current value stays: an editor corrected it", Cell(done["title"], ".import-stands"));
        Assert.Equal("Make a connection abroad", await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 89).Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task ALongTextIsFoldedUnderItsBeginningAndShownWhole()
    {
        using var preview = await PreviewAsync(BlogText.Post(89, "Make a connection", "make a connection", Connection, "A new opening paragraph, long enough to need folding in a table cell of the preview."));
        var page = await LibrarianAppFactory.ParseAsync(preview);

        var text = page.QuerySelector("table.import-fields-table tr.import-field[data-field=text]");
        Assert.NotNull(text);
        Assert.Equal("replaced", text.GetAttribute("data-outcome"));
        var incoming = text.QuerySelector(".import-incoming details.import-long");
        Assert.NotNull(incoming);
        Assert.EndsWith("…", incoming.QuerySelector("summary")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("A new opening paragraph, long enough to need folding", incoming.QuerySelector(".import-value")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewExerciseHasNoFieldsToCompare()
    {
        using var preview = await PreviewAsync(BlogText.Post(7, "Map your partners", "map your partners", Connection));
        var page = await LibrarianAppFactory.ParseAsync(preview);

        Assert.Single(page.QuerySelectorAll("tr.import-row"));
        Assert.Null(page.QuerySelector("table.import-fields-table"));
    }

    private static (string?, string?, string?, string?) Compared(IElement row) =>
        (Cell(row, ".import-current"), Cell(row, ".import-incoming"), row.GetAttribute("data-outcome"), Cell(row, ".import-stands"));

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndNothingIsImported()
    {
        using var visitor = EditorSession.Anonymous(_app);
        using var page = await visitor.Client.GetAsync(new Uri("/admin/import", UriKind.Relative));
        using var content = new MultipartFormDataContent { { new StringContent(BlogText.Post(7, "Map your partners", "map your partners", Connection)), "Texts[0].Text" }, { new StringContent("x.txt"), "Texts[0].Name" } };
        using var post = await visitor.Client.PostAsync(new Uri("/admin/import", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=%2Fadmin%2Fimport", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 7)));
    }

    /// <summary>Posts the import form as a browser does: multipart, with the page's antiforgery token.</summary>
    private async Task<HttpResponseMessage> PreviewAsync(string? text = null, params (string Name, byte[] Bytes)[] files)
    {
        var form = await _editor.GetDocumentAsync("/admin/import");
        var token = form.QuerySelector("#import-form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The import form carries no antiforgery token.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(text ?? ""), "Text" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, "Files", name);
        }

        return await _editor.Client.PostAsync(new Uri("/admin/import/preview", UriKind.Relative), content);
    }

    private Task<(int Exercises, int AuditEntries)> CountsAsync() =>
        _app.WithDbAsync(async db => (await db.Exercises.CountAsync(), await db.AuditEntries.CountAsync()));

    private static string? Cell(IElement row, string selector) => row.QuerySelector(selector)?.TextContent.Trim();
}

/// <summary>The request size limit is the server's (Kestrel's), which the test server does not enforce.</summary>
public sealed class ImportRequestLimitTests : IDisposable
{
    private readonly LibrarianAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnUploadOverTheRequestLimitIsAnsweredWith413AndThePageSayingTheLimits()
    {
        _app.Settings["Editors:SecureCookie"] = "false";
        var address = _app.StartKestrel();
        await EditorSession.AddEditorAsync(_app);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = address };
        using var signIn = new FormUrlEncodedContent(
        [
            new("Email", EditorSession.DefaultEmail),
            new("Password", EditorSession.DefaultPassword),
            new("__RequestVerificationToken", await TokenAsync(client, "/account/login")),
        ]);
        using var signedIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative), signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Three files of 10 MB: each under the form's own limits, together over the request's.
        using var content = new MultipartFormDataContent { { new StringContent(await TokenAsync(client, "/admin/import")), "__RequestVerificationToken" } };
        for (var i = 0; i < 3; i++)
        {
            content.Add(new ByteArrayContent(new byte[10 * 1024 * 1024]), "Files", $"part-{i}.txt");
        }

        // Waiting for "100 Continue" lets the client read the refusal instead of writing into a closed connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/import/preview", UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Too much to import at once", page.QuerySelector("h1")?.TextContent.Trim());
    }

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page = await LibrarianAppFactory.ParseAsync(response);
        return page.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{path} carries no antiforgery token.");
    }
}
