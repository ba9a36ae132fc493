using System.Globalization;
using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Editors;

/// <summary>The audit trail at /admin/audit: every change, who made it, old and new, and the way back for a deleted response.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AModerationDecisionIsListedWithWhoMadeItAndTheOldAndNewStatus()
    {
        var id = await PostHeldAsync("Held Hemi");
        using var editor = await EditorSession.SignInAsync(_app);
        using var decided = await editor.SubmitAsync("/admin/responses", "form#moderation-form", [], button: $"#moderation-{id} .moderation-approve");
        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);

        var trail = await editor.FetchAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, trail.Status);
        var row = trail.Page.QuerySelector("tr.audit-entry")!;
        Assert.Equal(EditorSession.DefaultEmail, row.QuerySelector(".audit-actor")?.TextContent);
        Assert.Equal("Approved", row.QuerySelector(".audit-verb")?.TextContent);
        Assert.Contains($"Response {id}", row.QuerySelector(".audit-what")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/exercises/89", row.QuerySelector(".audit-what a.audit-exercise")?.GetAttribute("href"));
        Assert.Equal("Status", row.QuerySelector(".audit-change .audit-field")?.TextContent);
        Assert.Equal("Held", row.QuerySelector(".audit-change .audit-old")?.TextContent.Trim());
        Assert.Equal("Published", row.QuerySelector(".audit-change .audit-new")?.TextContent.Trim());
        Assert.NotNull(trail.Page.QuerySelector("table.audit-table caption"));
        Assert.All(trail.Page.QuerySelectorAll("table.audit-table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));

        var entryId = row.GetAttribute("data-entry");
        Assert.Equal($"/admin/audit/{entryId}", row.QuerySelector(".audit-when a")?.GetAttribute("href"));
        var entry = await editor.FetchAsync($"/admin/audit/{entryId}");
        Assert.Equal(HttpStatusCode.OK, entry.Status);
        Assert.Equal($"Audit entry {entryId}", entry.Page.QuerySelector("h1")?.TextContent);
        Assert.Equal(EditorSession.DefaultEmail, entry.Page.QuerySelector(".audit-entry-facts .audit-actor")?.TextContent);
        var change = entry.Page.QuerySelector("table.audit-changes-table tbody tr.audit-change")!;
        Assert.Equal("Held", change.QuerySelector(".audit-old")?.TextContent.Trim());
        Assert.Equal("Published", change.QuerySelector(".audit-new")?.TextContent.Trim());
        Assert.Null(entry.Page.QuerySelector("form.audit-restore-form"));
    }

    [Fact]
    public async Task TheTrailIsNewestFirstFiftyAPage()
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await InsertAsync(Enumerable.Range(0, 60).Select(i => Entry(start.AddHours(i), "pager@example.org", i.ToString(CultureInfo.InvariantCulture))));
        using var editor = await EditorSession.SignInAsync(_app);

        var first = await editor.FetchAsync("/admin/audit?actor=pager%40example.org");
        var second = await editor.FetchAsync("/admin/audit?actor=pager%40example.org&page=2");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(Enumerable.Range(10, 50).Reverse().Select(Key), first.Page.QuerySelectorAll("tr.audit-entry .audit-key").Select(k => k.TextContent));
        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(Key), second.Page.QuerySelectorAll("tr.audit-entry .audit-key").Select(k => k.TextContent));
        Assert.Equal("/admin/audit?actor=pager%40example.org&page=2", first.Page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.FetchAsync("/admin/audit?actor=pager%40example.org&page=3")).Status);

        // The whole trail, the importer's entries from the first start included, is newest first too.
        var all = await editor.FetchAsync("/admin/audit");
        var times = all.Page.QuerySelectorAll("tr.audit-entry time").Select(t => DateTime.Parse(t.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToList();
        Assert.Equal(50, times.Count);
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task TheTrailIsFilteredByExerciseActorAndDays()
    {
        await InsertAsync(
        [
            Entry(new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc), "ana@example.org", "before", exercise: 89),
            Entry(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "ana@example.org", "first-day", exercise: 89),
            Entry(new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc), "ana@example.org", "last-day", exercise: 42),
            Entry(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), "ana@example.org", "after", exercise: 89),
            Entry(new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc), "ben@example.org", "ben", exercise: 89),
        ]);
        using var editor = await EditorSession.SignInAsync(_app);

        async Task<List<string>> KeysAsync(string query)
        {
            var page = await editor.FetchAsync("/admin/audit?" + query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return page.Page.QuerySelectorAll("tr.audit-entry .audit-key").Select(k => k.TextContent).ToList();
        }

        Assert.Equal(["last-day", "first-day"], await KeysAsync("actor=ana%40example.org&from=2026-01-01&to=2026-12-31"));
        Assert.Equal(["after", "last-day"], await KeysAsync("actor=ana%40example.org&from=2026-12-31"));
        Assert.Equal(["first-day", "before"], await KeysAsync("actor=ana%40example.org&to=2026-01-01"));
        Assert.Equal(["after", "first-day", "before"], await KeysAsync("actor=ana%40example.org&exercise=89"));
        Assert.Equal(["ben"], await KeysAsync("actor=ben%40example.org"));
        Assert.Equal(["ben", "first-day"], await KeysAsync("exercise=89&from=2026-01-01&to=2026-12-31"));
        Assert.Empty(await KeysAsync("actor=nobody%40example.org"));
        // Empty fields, as the filter form sends them when nothing is chosen, are no filter.
        async Task<List<string?>> EntriesAsync(string path) =>
            (await editor.GetDocumentAsync(path)).QuerySelectorAll("tr.audit-entry").Select(r => r.GetAttribute("data-entry")).ToList();
        Assert.Equal(await EntriesAsync("/admin/audit"), await EntriesAsync("/admin/audit?exercise=&actor=&from=&to="));

        var form = (await editor.GetDocumentAsync("/admin/audit?actor=ben%40example.org&exercise=89")).QuerySelector("form.audit-filter")!;
        var actors = form.QuerySelectorAll("select[name=actor] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("ana@example.org", actors);
        Assert.Contains("ben@example.org", actors);
        Assert.Contains(AuditIdentity.ImportName, actors);
        Assert.Equal("ben@example.org", form.QuerySelector("select[name=actor] option[selected]")?.GetAttribute("value"));
        Assert.Equal("89", form.QuerySelector("input[name=exercise]")?.GetAttribute("value"));
        Assert.All(form.QuerySelectorAll("input:not([type=hidden]), select"), field => Assert.NotNull(form.QuerySelector($"label[for='{field.Id}']")));
    }

    [Theory]
    [InlineData("/admin/audit?exercise=abc")]
    [InlineData("/admin/audit?exercise=0")]
    [InlineData("/admin/audit?exercise=-89")]
    [InlineData("/admin/audit?exercise=8.9")]
    [InlineData("/admin/audit?from=2026-13-01")]
    [InlineData("/admin/audit?from=2026-02-30")]
    [InlineData("/admin/audit?from=01/02/2026")]
    [InlineData("/admin/audit?to=yesterday")]
    [InlineData("/admin/audit?to=2026-1-1")]
    [InlineData("/admin/audit?from=2026-12-31&to=2026-01-01")]
    [InlineData("/admin/audit?page=0")]
    [InlineData("/admin/audit?page=first")]
    [InlineData("/admin/audit/abc")]
    [InlineData("/admin/audit/0")]
    [InlineData("/admin/audit/99999999999999999999999")]
    public async Task AMalformedFilterIsABadRequestThatSaysWhatIsWrong(string path)
    {
        using var editor = await EditorSession.SignInAsync(_app);
        var page = await editor.FetchAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Page.QuerySelector("h1"));
        Assert.NotNull(page.Page.QuerySelector("p.lead"));
    }

    [Fact]
    public async Task AnOverlongActorIsABadRequest()
    {
        using var editor = await EditorSession.SignInAsync(_app);
        var page = await editor.FetchAsync("/admin/audit?actor=" + new string('a', 300));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Fact]
    public async Task AnEntryThatIsNotThereIsNotFound()
    {
        using var editor = await EditorSession.SignInAsync(_app);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.FetchAsync("/admin/audit/987654")).Status);
        using var restore = await editor.PostWithTokenAsync("/admin/audit/987654/restore", []);
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);

        // An entry that records something other than a deleted response has nothing to restore.
        var created = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == AuditEntities.Exercise).Select(a => a.Id).FirstAsync());
        using var notDeletion = await editor.PostWithTokenAsync($"/admin/audit/{created}/restore", []);
        Assert.Equal(HttpStatusCode.NotFound, notDeletion.StatusCode);
    }

    [Fact]
    public async Task LongTextsAreFoldedInTheListAndShownWholeOnTheEntryPage()
    {
        var before = "First paragraph of the old text.\n\n" + new string('o', 400) + " OLD-END";
        var after = "First paragraph of the new text.\n\n" + new string('n', 400) + " NEW-END";
        await InsertAsync([Entry(new DateTime(2026, 5, 5, 0, 0, 0, DateTimeKind.Utc), "long@example.org", "89", exercise: 89, entity: AuditEntities.Exercise, changes: [new FieldChange("text", before, after), new FieldChange("title", "Old title", "New title")])]);
        using var editor = await EditorSession.SignInAsync(_app);

        var list = await editor.GetDocumentAsync("/admin/audit?actor=long%40example.org");
        var row = list.QuerySelector("tr.audit-entry")!;
        var folded = row.QuerySelector(".audit-change[data-field=text] details")!;
        Assert.NotNull(folded.QuerySelector("summary"));
        Assert.DoesNotContain("OLD-END", folded.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("OLD-END", folded.QuerySelector(".audit-old")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("NEW-END", folded.QuerySelector(".audit-new")?.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector(".audit-change[data-field=title] details"));
        Assert.Equal("New title", row.QuerySelector(".audit-change[data-field=title] .audit-new")?.TextContent.Trim());
        Assert.Equal("/exercises/89", row.QuerySelector("a.audit-exercise")?.GetAttribute("href"));

        var entry = await editor.GetDocumentAsync(row.QuerySelector(".audit-when a")!.GetAttribute("href")!);
        var text = entry.QuerySelector("table.audit-changes-table tr[data-field=text]")!;
        Assert.Contains("OLD-END", text.QuerySelector(".audit-old")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("NEW-END", text.QuerySelector(".audit-new")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, text.QuerySelector(".audit-new")!.QuerySelectorAll("br").Length);
    }

    [Fact]
    public async Task ADeletedHeldResponseIsRestoredFromTheListAndComesBackHeld()
    {
        var id = await PostHeldAsync("Deleted Dana");
        using var editor = await EditorSession.SignInAsync(_app);
        using var deleted = await editor.SubmitAsync("/admin/responses", "form#moderation-form", [], button: $"#moderation-{id} .moderation-delete");
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);

        var list = await editor.GetDocumentAsync("/admin/audit?exercise=89");
        var row = list.QuerySelector("tr.audit-entry")!;
        Assert.Equal("Deleted", row.QuerySelector(".audit-verb")?.TextContent);
        Assert.Equal("Held", row.QuerySelector(".audit-old")?.TextContent.Trim());
        Assert.Equal("none", row.QuerySelector(".audit-new")?.TextContent.Trim());
        var entryId = row.GetAttribute("data-entry");
        Assert.Equal($"/admin/audit/{entryId}/restore", row.QuerySelector("form.audit-restore-form")?.GetAttribute("action"));

        using var restored = await editor.SubmitAsync("/admin/audit?exercise=89", $"#audit-{entryId} form.audit-restore-form", []);

        Assert.Equal(HttpStatusCode.SeeOther, restored.StatusCode);
        var entry = await editor.GetDocumentAsync(restored.Headers.Location!.OriginalString);
        var outcome = entry.QuerySelector(".audit-restore-outcome[role=status]")!;
        Assert.Equal("restored", outcome.GetAttribute("data-outcome"));
        Assert.Contains(outcome.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/responses?status=held");
        Assert.DoesNotContain(outcome.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/exercises/89");
        Assert.NotNull(entry.QuerySelector(".audit-restored time[datetime]"));
        var queue = await editor.GetDocumentAsync("/admin/responses?status=held");
        Assert.Equal("Held for review", queue.QuerySelector($"#moderation-{id} .moderation-status")?.TextContent);
        Assert.Null((await _app.GetDocumentAsync("/exercises/89")).QuerySelector($"#response-{id}"));
        var trail = await editor.GetDocumentAsync("/admin/audit?exercise=89");
        Assert.Equal("Restored", trail.QuerySelector("tr.audit-entry .audit-verb")?.TextContent);
        Assert.Null(trail.QuerySelector("form.audit-restore-form"));
    }

    [Fact]
    public async Task AResponseWhoseExerciseIsGoneCannotBeRestoredAndTheEditorIsTold()
    {
        const string snapshot = """{"Id":4242,"ExerciseId":999999,"DisplayName":"Orphan","Organisation":null,"CountryCode":null,"BodyMarkdown":"Words","DidExercise":false,"Status":1,"HoldReason":null,"ClientHash":null,"CreatedUtc":"2026-01-01T00:00:00Z"}""";
        var entryId = await _app.WithDbAsync(async db =>
        {
            var entry = Entry(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), "gone@example.org", "4242", exercise: 999, entity: AuditEntities.Response, action: AuditActions.Deleted, changes: [new FieldChange("status", "Held", null)]);
            entry.Snapshot = snapshot;
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        using var editor = await EditorSession.SignInAsync(_app);

        using var restore = await editor.SubmitAsync($"/admin/audit/{entryId}", "form.audit-restore-form", []);

        Assert.Equal(HttpStatusCode.SeeOther, restore.StatusCode);
        var page = await editor.GetDocumentAsync($"/admin/audit/{entryId}");
        Assert.Equal("exercise-gone", page.QuerySelector(".audit-restore-outcome")?.GetAttribute("data-outcome"));
        Assert.False(await _app.WithDbAsync(db => db.Responses.AnyAsync()));
    }

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit?exercise=89")]
    [InlineData("/admin/audit/1")]
    public async Task AnAnonymousVisitorIsSentToSignIn(string path)
    {
        using var visitor = EditorSession.Anonymous(_app);
        using var response = await visitor.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousRestoreIsSentToSignInAndRestoresNothing()
    {
        var entryId = await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Id).FirstAsync());
        using var visitor = EditorSession.Anonymous(_app);
        using var response = await visitor.PostAsync($"/admin/audit/{entryId}/restore", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private static string Key(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static AuditEntry Entry(DateTime when, string actor, string key, int? exercise = null, string entity = AuditEntities.Initiative, string action = AuditActions.Named, IReadOnlyList<FieldChange>? changes = null) => new()
    {
        WhenUtc = when,
        ActorKind = AuditActorKind.Editor,
        Actor = actor,
        EntityType = entity,
        EntityKey = key,
        ExerciseNumber = exercise,
        Action = action,
        Changes = AuditTrail.Serialize(changes ?? [new FieldChange("name", null, "A name")]),
    };

    private async Task InsertAsync(IEnumerable<AuditEntry> entries) => await _app.WithDbAsync(async db =>
    {
        db.AuditEntries.AddRange(entries);
        return await db.SaveChangesAsync();
    });

    private async Task<int> PostHeldAsync(string name)
    {
        using var visitor = new ResponsePoster(_app);
        using var response = await visitor.PostAsync(89, ResponsePoster.Fields(name: name), thinkingTime: TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return await _app.WithDbAsync(db => db.Responses.Where(r => r.DisplayName == name).Select(r => r.Id).SingleAsync());
    }
}
