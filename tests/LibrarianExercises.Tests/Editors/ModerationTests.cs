using System.Net;
using AngleSharp.Dom;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Editors;

/// <summary>The moderation queue at /admin/responses, driven as an editor without JavaScript would drive it.</summary>
public sealed class ModerationTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ApprovingAHeldResponsePublishesItOnTheVeryNextRequest()
    {
        var id = await PostAsync(89, "Held Harriet", "Our outreach worked.", thinkingTime: TimeSpan.Zero);
        Assert.Null((await _app.GetDocumentAsync("/exercises/89")).QuerySelector($"#response-{id}"));
        using var editor = await EditorSession.SignInAsync(_app);

        using var decided = await editor.SubmitAsync("/admin/responses", "form#moderation-form", [], button: $"#moderation-{id} .moderation-approve");

        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        Assert.Equal("/admin/responses", decided.Headers.Location?.OriginalString);
        var queue = await editor.GetDocumentAsync("/admin/responses");
        Assert.Equal("1 response approved.", queue.QuerySelector(".moderation-notice .moderation-done")?.TextContent.Trim());
        Assert.Null(queue.QuerySelector($"#moderation-{id}"));
        var page = await _app.GetDocumentAsync("/exercises/89");
        Assert.Equal("Held Harriet", page.QuerySelector($"#response-{id} .response-name")?.TextContent);

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == AuditEntities.Response && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(AuditActions.Approved, entry.Action);
        Assert.Equal(EditorSession.DefaultEmail, entry.Actor);
        Assert.Equal(AuditActorKind.Editor, entry.ActorKind);
        Assert.Equal(89, entry.ExerciseNumber);
        Assert.Equal([new FieldChange("status", "Held", "Published")], AuditTrail.ReadChanges(entry.Changes));
    }

    [Fact]
    public async Task MarkingAHeldResponseAsSpamMovesItToTheSpamListAndKeepsItOffThePublicPage()
    {
        var id = await PostAsync(89, "Quick Quentin", "Buy cheap books", thinkingTime: TimeSpan.Zero);
        using var editor = await EditorSession.SignInAsync(_app);

        using var decided = await editor.SubmitAsync("/admin/responses?status=held", "form#moderation-form", [], button: $"#moderation-{id} .moderation-spam");

        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        Assert.Equal("/admin/responses?status=held", decided.Headers.Location?.OriginalString);
        var held = await editor.GetDocumentAsync("/admin/responses?status=held");
        Assert.Equal("1 response marked as spam.", held.QuerySelector(".moderation-notice .moderation-done")?.TextContent.Trim());
        Assert.Null(held.QuerySelector($"#moderation-{id}"));
        var spam = await editor.GetDocumentAsync("/admin/responses?status=spam");
        Assert.Equal("Spam", spam.QuerySelector($"#moderation-{id} .moderation-status")?.TextContent);
        Assert.Null(spam.QuerySelector($"#moderation-{id} .moderation-spam"));
        Assert.Null((await _app.GetDocumentAsync("/exercises/89")).QuerySelector($"#response-{id}"));

        var stored = await _app.WithDbAsync(db => db.Responses.SingleAsync(r => r.Id == id));
        Assert.Equal(ResponseStatus.Spam, stored.Status);
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == AuditEntities.Response));
        Assert.Equal(AuditActions.MarkedSpam, entry.Action);
        Assert.Equal(EditorSession.DefaultEmail, entry.Actor);
        Assert.Equal([new FieldChange("status", "Held", "Spam")], AuditTrail.ReadChanges(entry.Changes));
    }

    [Fact]
    public async Task ADeletedResponseIsRestoredFromTheAuditEntryTheQueueLinksTo()
    {
        var id = await PostAsync(89, "Published Priya", "We held a reading circle.");
        Assert.NotNull((await _app.GetDocumentAsync("/exercises/89")).QuerySelector($"#response-{id}"));
        using var editor = await EditorSession.SignInAsync(_app);

        using var deleted = await editor.SubmitAsync("/admin/responses?status=published", "form#moderation-form", [], button: $"#moderation-{id} .moderation-delete");

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        var queue = await editor.GetDocumentAsync(deleted.Headers.Location!.OriginalString);
        Assert.Equal("1 response deleted.", queue.QuerySelector(".moderation-notice .moderation-done")?.TextContent.Trim());
        var entryId = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Deleted).Select(a => a.Id).SingleAsync());
        var link = queue.QuerySelector(".moderation-notice a.restore-link")?.GetAttribute("href") ?? "(no link)";
        Assert.Equal($"/admin/audit/{entryId}", link);
        Assert.Null((await _app.GetDocumentAsync("/exercises/89")).QuerySelector($"#response-{id}"));
        Assert.False(await _app.WithDbAsync(db => db.Responses.AnyAsync(r => r.Id == id)));
        var deletion = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Id == entryId));
        Assert.Equal(EditorSession.DefaultEmail, deletion.Actor);
        Assert.Equal([new FieldChange("status", "Published", null)], AuditTrail.ReadChanges(deletion.Changes));

        using var restored = await editor.SubmitAsync(link, "form.audit-restore-form", []);

        Assert.Equal(HttpStatusCode.SeeOther, restored.StatusCode);
        Assert.Equal(link, restored.Headers.Location?.OriginalString);
        var entryPage = await editor.GetDocumentAsync(link);
        Assert.Equal("restored", entryPage.QuerySelector(".audit-restore-outcome")?.GetAttribute("data-outcome"));
        Assert.Contains(entryPage.QuerySelectorAll(".audit-restore-outcome a"), a => a.GetAttribute("href") == "/exercises/89");
        Assert.Null(entryPage.QuerySelector("form.audit-restore-form"));
        var page = await _app.GetDocumentAsync("/exercises/89");
        Assert.Equal("Published Priya", page.QuerySelector($"#response-{id} .response-name")?.TextContent);
        Assert.NotNull((await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Id == entryId))).RestoredUtc);
        var restoration = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Restored));
        Assert.Equal(EditorSession.DefaultEmail, restoration.Actor);
        Assert.Equal([new FieldChange("status", null, "Published")], AuditTrail.ReadChanges(restoration.Changes));

        // A second press, from a page opened before the first, changes nothing and says so.
        using var again = await editor.PostWithTokenAsync($"/admin/audit/{entryId}/restore", []);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var twice = await editor.GetDocumentAsync(link);
        Assert.Equal("already-restored", twice.QuerySelector(".audit-restore-outcome")?.GetAttribute("data-outcome"));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Responses.CountAsync(r => r.Id == id)));
    }

    [Fact]
    public async Task OneDecisionApprovesEveryTickedResponseAtOnce()
    {
        var first = await PostAsync(89, "First Fatima", "One", thinkingTime: TimeSpan.Zero);
        var second = await PostAsync(42, "Second Sione", "Two", thinkingTime: TimeSpan.Zero);
        var third = await PostAsync(89, "Third Tomás", "Three", thinkingTime: TimeSpan.Zero);
        using var editor = await EditorSession.SignInAsync(_app);
        var queue = await editor.GetDocumentAsync("/admin/responses");
        var form = queue.QuerySelector("form#moderation-form")!;
        foreach (var id in new[] { first, second, third })
        {
            var box = form.QuerySelector($"input[type=checkbox][name=ids][value='{id}']");
            Assert.NotNull(box);
            Assert.NotNull(queue.QuerySelector($"label[for='{box.Id}']"));
        }

        Assert.NotNull(form.QuerySelector("button[type=submit][name=decision][value=approve]"));

        using var decided = await editor.PostWithTokenAsync(
            "/admin/responses",
            [new("ids", first.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ids", second.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("decision", "approve")],
            tokenPage: "/admin/responses");

        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        var after = await editor.GetDocumentAsync("/admin/responses");
        Assert.Equal("2 responses approved.", after.QuerySelector(".moderation-notice .moderation-done")?.TextContent.Trim());
        Assert.Equal([third], after.QuerySelectorAll(".moderation-item").Select(i => int.Parse(i.GetAttribute("data-response")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.NotNull((await _app.GetDocumentAsync("/exercises/89")).QuerySelector($"#response-{first}"));
        Assert.NotNull((await _app.GetDocumentAsync("/exercises/42")).QuerySelector($"#response-{second}"));
        Assert.Null((await _app.GetDocumentAsync("/exercises/89")).QuerySelector($"#response-{third}"));
        var approved = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Approved).Select(a => new { a.EntityKey, a.Actor, a.ExerciseNumber }).ToListAsync());
        Assert.Equal(2, approved.Count);
        Assert.All(approved, a => Assert.Equal(EditorSession.DefaultEmail, a.Actor));
        Assert.Equal([42, 89], approved.Select(a => a.ExerciseNumber ?? 0).Order());
    }

    [Fact]
    public async Task TheQueueShowsHeldAndSpamNewestFirstAndEachStatusOnRequest()
    {
        var held = await PostAsync(89, "Held Hana", "Held words", thinkingTime: TimeSpan.Zero, organisation: "City Library", country: "NZ");
        var spam = await PostAsync(89, "Spam Sam", "Spam words", honeypot: true);
        var published = await PostAsync(89, "Published Pat", "Published words");
        using var editor = await EditorSession.SignInAsync(_app);

        var waiting = await editor.GetDocumentAsync("/admin/responses");
        Assert.Equal([spam, held], Ids(waiting));
        Assert.Equal([spam, held], Ids(await editor.GetDocumentAsync("/admin/responses?status=waiting")));
        Assert.Equal([held], Ids(await editor.GetDocumentAsync("/admin/responses?status=held")));
        Assert.Equal([spam], Ids(await editor.GetDocumentAsync("/admin/responses?status=spam")));
        Assert.Equal([published], Ids(await editor.GetDocumentAsync("/admin/responses?status=published")));

        var item = waiting.QuerySelector($"#moderation-{held}")!;
        var exercise = item.QuerySelector("a.moderation-exercise")!;
        Assert.Equal("/exercises/89", exercise.GetAttribute("href"));
        Assert.Contains("#89", exercise.TextContent, StringComparison.Ordinal);
        Assert.Contains("Make a connection", exercise.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Held Hana", item.QuerySelector(".moderation-name")?.TextContent);
        Assert.Equal("City Library", item.QuerySelector(".moderation-organisation")?.TextContent);
        Assert.Equal("New Zealand", item.QuerySelector(".moderation-country")?.TextContent);
        Assert.Equal("Held for review", item.QuerySelector(".moderation-status")?.TextContent);
        Assert.Contains("faster than a person", item.QuerySelector(".moderation-reason")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(HoldReasons.TooFast, waiting.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Held words", item.QuerySelector(".moderation-text")?.TextContent, StringComparison.Ordinal);
        var created = await _app.WithDbAsync(db => db.Responses.Where(r => r.Id == held).Select(r => r.CreatedUtc).SingleAsync());
        Assert.Equal(created.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), item.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Contains("hidden from people", waiting.QuerySelector($"#moderation-{spam} .moderation-reason")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileTextIsShownToTheModeratorAsHarmlessText()
    {
        string[] attacks = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "<a href=\"JaVaScRiPt:alert(1)\">y</a>"];
        foreach (var attack in attacks)
        {
            await PostAsync(89, attack.Length <= 80 ? attack : attack[..80], attack, thinkingTime: TimeSpan.Zero, organisation: attack);
        }

        using var editor = await EditorSession.SignInAsync(_app);
        var queue = await editor.GetDocumentAsync("/admin/responses");

        var list = queue.QuerySelector(".moderation-list")!;
        Assert.Equal(attacks.Length, list.QuerySelectorAll(".moderation-item").Length);
        Assert.Empty(list.QuerySelectorAll("script, iframe, img, svg"));
        Assert.DoesNotContain(queue.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(queue.QuerySelectorAll("[href], [src], [formaction]"), e =>
            new[] { "href", "src", "formaction" }.Select(e.GetAttribute).Any(v => v?.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true));
        Assert.All(queue.QuerySelectorAll("script"), s => Assert.StartsWith("/", s.GetAttribute("src") ?? "inline script"));
        Assert.Contains(list.QuerySelectorAll(".moderation-name"), n => n.TextContent == "<script>alert(1)</script>");
        Assert.Contains("<img src=x onerror=alert(1)>", list.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueueIsPagedTwentyAtATimeAndADecisionReturnsToAPageThatExists()
    {
        var ids = await InsertHeldAsync(25);
        using var editor = await EditorSession.SignInAsync(_app);

        var first = await editor.FetchAsync("/admin/responses");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(ids.AsEnumerable().Reverse().Take(20), Ids(first.Page));
        Assert.Equal("/admin/responses?page=2", first.Page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        var second = await editor.FetchAsync("/admin/responses?page=2");
        Assert.Equal(ids.Take(5).Reverse(), Ids(second.Page));
        Assert.Equal("2", second.Page.QuerySelector("form#moderation-form input[name=page]")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.FetchAsync("/admin/responses?page=3")).Status);
        Assert.Equal("/admin/responses?status=held&page=2", (await editor.GetDocumentAsync("/admin/responses?status=held")).QuerySelector("a[rel=next]")?.GetAttribute("href"));

        // Deleting the whole of the last page leads back to the page before it, not to a missing page.
        var fields = ids.Take(5).Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("decision", "delete")).Append(new("page", "2"));
        using var deleted = await editor.PostWithTokenAsync("/admin/responses", fields, tokenPage: "/admin/responses?page=2");
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal("/admin/responses", deleted.Headers.Location?.OriginalString);
        var after = await editor.GetDocumentAsync("/admin/responses");
        Assert.Equal("5 responses deleted.", after.QuerySelector(".moderation-done")?.TextContent.Trim());
        Assert.Equal(5, after.QuerySelectorAll(".moderation-notice a.restore-link").Length);
        Assert.Null(after.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("/admin/responses?status=hidden")]
    [InlineData("/admin/responses?status=HELD")]
    [InlineData("/admin/responses?status=1")]
    [InlineData("/admin/responses?page=0")]
    [InlineData("/admin/responses?page=two")]
    [InlineData("/admin/responses?page=-1")]
    [InlineData("/admin/responses?status=spam&page=1.5")]
    public async Task AMalformedFilterOrPageIsABadRequest(string path)
    {
        using var editor = await EditorSession.SignInAsync(_app);
        var page = await editor.FetchAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Page.QuerySelector("h1"));
    }

    public static TheoryData<string, string[], string> RefusedDecisions => new()
    {
        { "/admin/responses", ["decision=approve"], "No response was ticked" },
        { "/admin/responses", ["decision=approve", "ids="], "No response was ticked" },
        { "/admin/responses", ["decision=delete", "ids=abc"], "could not be read" },
        { "/admin/responses", ["decision=spam", "ids=-3"], "could not be read" },
        { "/admin/responses", ["decision=spam", "ids=99999999999"], "could not be read" },
        { "/admin/responses", ["decision=publish", "ids=ID"], "Choose Approve" },
        { "/admin/responses", ["ids=ID"], "Choose Approve" },
        { "/admin/responses/abc/approve", [], "could not be read" },
        { "/admin/responses/ID/publish", [], "Choose Approve" },
    };

    [Theory]
    [MemberData(nameof(RefusedDecisions))]
    public async Task ARefusedDecisionShowsTheQueueAgainWithWhatWasWrongAndChangesNothing(string action, string[] fields, string message)
    {
        var id = (await PostAsync(89, "Waiting Wiremu", "Words", thinkingTime: TimeSpan.Zero)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var editor = await EditorSession.SignInAsync(_app);

        using var response = await editor.PostWithTokenAsync(
            action.Replace("ID", id, StringComparison.Ordinal),
            fields.Select(f => f.Split('=', 2)).Select(f => new KeyValuePair<string, string>(f[0], f[1].Replace("ID", id, StringComparison.Ordinal))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await LibrarianAppFactory.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#form-errors[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#moderation-{id}"));
        Assert.Equal(ResponseStatus.Held, await _app.WithDbAsync(db => db.Responses.Select(r => r.Status).SingleAsync()));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == AuditEntities.Response)));
    }

    [Fact]
    public async Task AResponseThatIsGoneIsReportedNotFailedOn()
    {
        var id = await PostAsync(89, "Gone Greta", "Words", thinkingTime: TimeSpan.Zero);
        var kept = await PostAsync(89, "Kept Kiri", "Words", thinkingTime: TimeSpan.Zero);
        using var editor = await EditorSession.SignInAsync(_app);
        Assert.NotNull((await editor.GetDocumentAsync("/admin/responses")).QuerySelector($"#moderation-{id}"));
        // Another editor deletes it while this one still has the page open.
        await _app.WithDbAsync(db => db.Responses.Where(r => r.Id == id).ExecuteDeleteAsync());

        using var ticked = await editor.SubmitAsync("/admin/responses", "form#moderation-form", new() { ["ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, button: ".moderation-bulk-approve");
        using var single = await editor.PostWithTokenAsync($"/admin/responses/{id}/approve", []);

        Assert.Equal(HttpStatusCode.SeeOther, ticked.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, single.StatusCode);
        var queue = await editor.GetDocumentAsync("/admin/responses");
        Assert.Contains("no longer exists", queue.QuerySelector(".moderation-notice .moderation-missing")?.TextContent, StringComparison.Ordinal);
        Assert.Null(queue.QuerySelector(".moderation-done"));
        Assert.Equal([kept], Ids(queue));
    }

    [Theory]
    [InlineData("/admin/responses")]
    [InlineData("/admin/responses?status=spam")]
    [InlineData("/admin/responses?status=published&page=2")]
    public async Task AnAnonymousVisitorIsSentToSignIn(string path)
    {
        using var visitor = EditorSession.Anonymous(_app);
        using var response = await visitor.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousDecisionIsSentToSignInAndChangesNothing()
    {
        var id = (await PostAsync(89, "Safe Sefa", "Words", thinkingTime: TimeSpan.Zero)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var visitor = EditorSession.Anonymous(_app);

        using var bulk = await visitor.PostAsync("/admin/responses", [new("ids", id), new("decision", "delete")]);
        using var single = await visitor.PostAsync($"/admin/responses/{id}/approve", []);

        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, single.StatusCode);
        Assert.Contains("/account/login", single.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(ResponseStatus.Held, await _app.WithDbAsync(db => db.Responses.Select(r => r.Status).SingleAsync()));
    }

    private static int Ids1(IElement item) => int.Parse(item.GetAttribute("data-response")!, System.Globalization.CultureInfo.InvariantCulture);

    private static List<int> Ids(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll(".moderation-item").Select(Ids1).ToList();

    /// <summary>Posts a response through the public form and returns its id. No thinking time holds it as too fast; the honeypot makes it spam.</summary>
    private async Task<int> PostAsync(int exercise, string name, string text, TimeSpan? thinkingTime = null, bool honeypot = false, string? organisation = null, string? country = null)
    {
        using var visitor = new ResponsePoster(_app);
        var fields = ResponsePoster.Fields(name: name, text: text, organisation: organisation, country: country);
        if (honeypot)
        {
            fields["Form.Website"] = "http://spam.example";
        }

        using var response = await visitor.PostAsync(exercise, fields, thinkingTime);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        return await _app.WithDbAsync(db => db.Responses.Where(r => r.DisplayName == name).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
    }

    /// <summary>Held responses to exercise 89, a minute apart, oldest first; returns their ids in that order.</summary>
    private async Task<List<int>> InsertHeldAsync(int count) => await _app.WithDbAsync(async db =>
    {
        var exerciseId = await db.Exercises.Where(e => e.Number == 89).Select(e => e.Id).SingleAsync();
        var start = _app.Clock.GetUtcNow().UtcDateTime;
        var responses = Enumerable.Range(0, count).Select(i => new Response
        {
            ExerciseId = exerciseId,
            DisplayName = $"Visitor {i}",
            BodyMarkdown = $"Response number {i}",
            Status = ResponseStatus.Held,
            HoldReason = HoldReasons.TooManyLinks,
            CreatedUtc = start.AddMinutes(i),
        }).ToList();
        db.Responses.AddRange(responses);
        await db.SaveChangesAsync();
        return responses.Select(r => r.Id).ToList();
    });
}
