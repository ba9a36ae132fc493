using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Editors;

/// <summary>Editors log and correct exercises in /admin; corrections survive re-imports; everything is audited.</summary>
public sealed class ExerciseEditingTests : IAsyncLifetime
{
    private const string ArabicTag = "المشاركة المجتمعية";
    private readonly LibrarianAppFactory _app = new();
    private EditorSession _editor = null!;

    public async Task InitializeAsync() => _editor = await EditorSession.SignInAsync(_app);

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await _app.DisposeAsync();
    }

    private static Dictionary<string, string> NewExercise(string number = "90", string title = "Read a library law", string text = "Find your country's library law.\n\nRead its first article.") => new()
    {
        ["Form.Number"] = number,
        ["Form.Title"] = title,
        ["Form.Text"] = text,
        ["Form.Tags"] = ArabicTag + ", advocacy",
        ["Form.Initiatives"] = "1.1",
        ["Form.PublishedOn"] = "2024-06-03",
        ["Form.SourceUrl"] = "https://blogs.ifla.org/lpa/2024/06/03/read-a-library-law/",
    };

    [Fact]
    public async Task ALoggedExerciseIsPublishedUnderItsNumberTagAndInitiativeAndAudited()
    {
        using var created = await _editor.SubmitAsync("/admin/exercises/new", "#exercise-form", NewExercise(), "button.save");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/exercises/90/edit", created.Headers.Location?.OriginalString);

        var page = await _app.FetchAsync("/exercises/90");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Read a library law", page.Page.QuerySelector("h1")?.TextContent);
        Assert.Equal(2, page.Page.QuerySelectorAll(".exercise-text p").Length);

        var tag = await _app.FetchAsync("/tags/" + Uri.EscapeDataString(SlugGenerator.Slugify(ArabicTag)));
        Assert.Equal(HttpStatusCode.OK, tag.Status);
        Assert.Contains(tag.Page.QuerySelectorAll(".exercise-summary h3 a"), a => a.GetAttribute("href") == "/exercises/90");
        var initiative = await _app.GetDocumentAsync("/strategy/1.1");
        Assert.Contains(initiative.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/exercises/90");

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.ExerciseNumber == 90));
        Assert.Equal((AuditActorKind.Editor, EditorSession.DefaultEmail, AuditActions.Created), (entry.ActorKind, entry.Actor, entry.Action));
        Assert.Contains("Read a library law", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATakenNumberIsRefusedBesideTheFieldAndEverythingTypedComesBack()
    {
        using var refused = await _editor.SubmitAsync("/admin/exercises/new", "#exercise-form", NewExercise(number: "89"), "button.save");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await LibrarianAppFactory.ParseAsync(refused);
        Assert.Contains("already an exercise #89", page.QuerySelector("#Form_Number-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Form_Number-error", page.QuerySelector("#Form_Number")?.GetAttribute("aria-describedby"));
        Assert.Equal("Read a library law", page.QuerySelector("#Form_Title")?.GetAttribute("value"));
        Assert.Equal("Make a connection", await _app.WithDbAsync(db => db.Exercises.Where(e => e.Number == 89).Select(e => e.Title).SingleAsync()));
    }

    [Theory]
    [InlineData("Form.Title", "", "Form_Title-error", "title")]
    [InlineData("Form.Text", "   ", "Form_Text-error", "text")]
    [InlineData("Form.Number", "ninety", "Form_Number-error", "whole numbers")]
    [InlineData("Form.SourceUrl", "javascript:alert(1)", "Form_SourceUrl-error", "http")]
    [InlineData("Form.SourceUrl", "ftp://example.org/post", "Form_SourceUrl-error", "http")]
    [InlineData("Form.PublishedOn", "31/05/2024", "Form_PublishedOn-error", "year-month-day")]
    [InlineData("Form.Initiatives", "9.9", "Form_Initiatives-error", "not in the IFLA Strategy")]
    [InlineData("Form.Initiatives", "<b>", "Form_Initiatives-error", "not a key initiative code")]
    [InlineData("Form.Title", "Map\u0002your partners", "Form_Title-error", "cannot be stored")]
    [InlineData("Form.Text", "Map your\u0001 partners.", "Form_Text-error", "cannot be stored")]
    [InlineData("Form.Tags", "partners, \u001F", "Form_Tags-error", "cannot be stored")]
    public async Task AWrongFieldGetsAClearMessageBesideItAndNothingIsSaved(string field, string value, string errorId, string words)
    {
        var fields = NewExercise();
        fields[field] = value;
        using var refused = await _editor.SubmitAsync("/admin/exercises/new", "#exercise-form", fields, "button.save");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await LibrarianAppFactory.ParseAsync(refused);
        Assert.Contains(words, page.QuerySelector("#" + errorId)?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 90)));
    }

    [Fact]
    public async Task ThePreviewRendersThroughThePublicPipelineAndSavesNothing()
    {
        var fields = NewExercise(text: "See Exercise #89 and [this](javascript:alert(1)) and <script>alert(2)</script>.");
        using var preview = await _editor.SubmitAsync("/admin/exercises/new", "#exercise-form", fields, "button.preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await LibrarianAppFactory.ParseAsync(preview);
        var rendered = page.QuerySelector(".exercise-preview .exercise-text")!;
        Assert.Equal("/exercises/89", rendered.QuerySelector("a")?.GetAttribute("href"));
        Assert.DoesNotContain(rendered.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Empty(rendered.QuerySelectorAll("script"));
        Assert.Contains("See Exercise #89", page.QuerySelector("#Form_Text")?.TextContent, StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.Exercises.AnyAsync(e => e.Number == 90)));
    }

    [Fact]
    public async Task AJavascriptLinkTypedByAnEditorIsHarmlessOnThePublicPage()
    {
        using var created = await _editor.SubmitAsync("/admin/exercises/new", "#exercise-form", NewExercise(text: "Click [here](javascript:alert(document.cookie)) or <javascript:alert(1)>."), "button.save");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await _app.GetDocumentAsync("/exercises/90");
        var text = page.QuerySelector(".exercise-text")!;
        Assert.Empty(text.QuerySelectorAll("a"));
        Assert.Contains("here", text.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectedTitleAndInitiativeSurviveAReimportOfThePostAndTheReportSaysSo()
    {
        var form = await EditFormAsync(89);
        form["Form.Title"] = "Make a connection abroad";
        form["Form.Initiatives"] = "3.3";
        using var saved = await _editor.SubmitAsync("/admin/exercises/89/edit", "#exercise-form", form, "button.save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var report = await _app.ImportAsync(StartingContent.ReadText(StartingContent.SeedListing));
        var result = report.Exercises.Single(e => e.Number == 89);
        Assert.Contains("title", result.KeptFields);
        Assert.Contains("initiatives", result.KeptFields);

        var page = await _app.GetDocumentAsync("/exercises/89");
        Assert.Equal("Make a connection abroad", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(["/strategy/3.3"], page.QuerySelectorAll("a.initiative-link").Select(a => a.GetAttribute("href")));

        var entry = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.ExerciseNumber == 89 && a.Action == AuditActions.Updated).SingleAsync());
        Assert.Equal(EditorSession.DefaultEmail, entry.Actor);
        Assert.Contains("Make a connection abroad", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("3.2", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReimportStillUpdatesTheFieldsNoEditorHasTouched()
    {
        const string Label = "Key Initiative 1.1: Advocate for libraries as enablers of sustainable development";
        await _app.ImportAsync(BlogText.Post(64, "Stand up for open access", "stand up for open access", Label, "The first version of the text."));
        var form = await EditFormAsync(64);
        form["Form.Title"] = "Stand up for open science";
        using (await _editor.SubmitAsync("/admin/exercises/64/edit", "#exercise-form", form, "button.save"))
        {
        }

        var report = await _app.ImportAsync(BlogText.Post(64, "Stand up for open access", "stand up for open access", Label, "The corrected version of the text."));
        Assert.Equal(["title"], report.Exercises.Single().KeptFields);
        var page = await _app.GetDocumentAsync("/exercises/64");
        Assert.Equal("Stand up for open science", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("The corrected version of the text.", page.QuerySelector(".exercise-text")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADateKnownToTheMonthShowsAsTheMonthAndStaysSoUntilAnEditorChangesIt()
    {
        await _app.WithDbAsync(async db =>
        {
            var exercise = await db.Exercises.SingleAsync(e => e.Number == 42);
            (exercise.PublishedOn, exercise.PublishedOnPrecision) = (new DateOnly(2021, 5, 1), DatePrecision.Month);
            return await db.SaveChangesAsync();
        });

        var time = (await _app.GetDocumentAsync("/exercises/42")).QuerySelector("header time");
        Assert.Equal(("May 2021", "2021-05"), (time?.TextContent, time?.GetAttribute("datetime")));
        var editor = await _editor.GetDocumentAsync("/admin/exercises/42/edit");
        Assert.Contains("Known to the month only (May 2021)", editor.QuerySelector(".published-month-only")?.TextContent, StringComparison.Ordinal);

        // Saving the form with the date as it was keeps the month; a date the editor types is a day.
        var form = await EditFormAsync(42);
        Assert.Equal("2021-05-01", form["Form.PublishedOn"]);
        form["Form.Title"] = "Assess your community’s needs, again";
        using (await _editor.SubmitAsync("/admin/exercises/42/edit", "#exercise-form", form, "button.save"))
        {
        }

        Assert.Equal("May 2021", (await _app.GetDocumentAsync("/exercises/42")).QuerySelector("header time")?.TextContent);
        form = await EditFormAsync(42);
        form["Form.PublishedOn"] = "2021-05-11";
        using (await _editor.SubmitAsync("/admin/exercises/42/edit", "#exercise-form", form, "button.save"))
        {
        }

        time = (await _app.GetDocumentAsync("/exercises/42")).QuerySelector("header time");
        Assert.Equal(("11 May 2021", "2021-05-11"), (time?.TextContent, time?.GetAttribute("datetime")));
        var changes = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.ExerciseNumber == 42).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        Assert.Contains(
            new FieldChange("published on", "2021-05", "2021-05-11"),
            AuditTrail.ReadChanges(changes[^1]));
    }

    [Fact]
    public async Task RetiringHidesAnExerciseKeepsItsResponsesAndReinstatingBringsItBack()
    {
        using (var poster = new ResponsePoster(_app))
        using (await poster.PostAsync(42, ResponsePoster.Fields(text: "We did it.")))
        {
        }

        using var retired = await _editor.SubmitAsync("/admin/exercises/42/edit", "form[action='/admin/exercises/42/retire']", []);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.FetchAsync("/exercises/42")).Status);
        var list = await _app.GetDocumentAsync("/exercises");
        Assert.DoesNotContain(list.QuerySelectorAll(".exercise-summary h3 a"), a => a.GetAttribute("href") == "/exercises/42");
        var strategy = await _app.GetDocumentAsync("/strategy/3.3");
        Assert.DoesNotContain(strategy.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/exercises/42");
        Assert.Equal(1, await _app.WithDbAsync(db => db.Responses.CountAsync(r => r.Exercise.Number == 42)));

        using var reinstated = await _editor.SubmitAsync("/admin/exercises/42/edit", "form[action='/admin/exercises/42/reinstate']", []);
        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        var page = await _app.GetDocumentAsync("/exercises/42");
        Assert.Equal("1", page.QuerySelector(".exercise-facts .response-count")?.TextContent);

        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.ExerciseNumber == 42 && a.ActorKind == AuditActorKind.Editor).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.Retired, AuditActions.Reinstated], actions);
    }

    [Fact]
    public async Task ClosingResponsesStopsNewOnesAndOpeningLetsThemIn()
    {
        using var poster = new ResponsePoster(_app);
        var openForm = await poster.OpenFormAsync(89);
        using var closed = await _editor.SubmitAsync("/admin/exercises/89/edit", "form[action='/admin/exercises/89/responses']", []);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Null((await _app.GetDocumentAsync("/exercises/89")).QuerySelector("form#response-form"));
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var refused = await poster.SendAsync(89, openForm, ResponsePoster.Fields()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var opened = await _editor.SubmitAsync("/admin/exercises/89/edit", "form[action='/admin/exercises/89/responses']", []);
        using (var accepted = await poster.PostAsync(89, ResponsePoster.Fields()))
        {
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }
    }

    [Fact]
    public async Task TheListFiltersByNumberTextAndStatus()
    {
        using (await _editor.SubmitAsync("/admin/exercises/21/edit", "form[action='/admin/exercises/21/retire']", []))
        {
        }

        static IEnumerable<string?> Numbers(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("tr.admin-exercise-row").Select(r => r.GetAttribute("data-exercise"));
        Assert.Equal(["21", "42", "89"], Numbers(await _editor.GetDocumentAsync("/admin/exercises")));
        Assert.Equal(["89"], Numbers(await _editor.GetDocumentAsync("/admin/exercises?number=%2389")));
        Assert.Equal(["89"], Numbers(await _editor.GetDocumentAsync("/admin/exercises?q=connection")));
        Assert.Equal(["21"], Numbers(await _editor.GetDocumentAsync("/admin/exercises?status=retired")));
        Assert.Equal(["42", "89"], Numbers(await _editor.GetDocumentAsync("/admin/exercises?status=published")));
        Assert.Equal(HttpStatusCode.BadRequest, (await _editor.FetchAsync("/admin/exercises?status=gone")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _editor.FetchAsync("/admin/exercises?number=x")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _editor.FetchAsync("/admin/exercises/x/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _editor.FetchAsync("/admin/exercises/77/edit")).Status);
    }

    [Fact]
    public async Task ASignedInAccountThatIsNotAnEditorGets403()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var created = await users.CreateAsync(new IdentityUser { UserName = "reader@example.org", Email = "reader@example.org" }, EditorSession.DefaultPassword);
            Assert.True(created.Succeeded);
        }

        using var reader = EditorSession.Anonymous(_app);
        using (var signedIn = await reader.SignInAttemptAsync("reader@example.org", EditorSession.DefaultPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var page = await reader.FetchAsync("/admin/exercises");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("This page is for editors", page.Page.QuerySelector("h1")?.TextContent);
    }

    private async Task<Dictionary<string, string>> EditFormAsync(int number)
    {
        var page = await _editor.GetDocumentAsync($"/admin/exercises/{number}/edit");
        var form = page.QuerySelector("#exercise-form")!;
        var fields = new Dictionary<string, string>
        {
            ["Form.Number"] = form.QuerySelector("#Form_Number")!.GetAttribute("value")!,
            ["Form.Title"] = form.QuerySelector("#Form_Title")!.GetAttribute("value")!,
            ["Form.Text"] = form.QuerySelector("#Form_Text")!.TextContent,
            ["Form.Tags"] = form.QuerySelector("#Form_Tags")!.GetAttribute("value") ?? "",
            ["Form.PublishedOn"] = form.QuerySelector("#Form_PublishedOn")!.GetAttribute("value") ?? "",
            ["Form.SourceUrl"] = form.QuerySelector("#Form_SourceUrl")!.GetAttribute("value") ?? "",
        };
        var chosen = form.QuerySelectorAll("input[name='Form.Initiatives']:checked").Select(i => i.GetAttribute("value")).ToList();
        fields["Form.Initiatives"] = chosen.SingleOrDefault() ?? "";
        return fields;
    }
}
