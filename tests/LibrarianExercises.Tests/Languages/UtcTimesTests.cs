using System.Globalization;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Services.Languages;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Languages;

/// <summary>
/// One way of writing a moment per language, on the public pages and the editors' alike: the day, the time of day in
/// the language's short time pattern (long, with seconds, on an audit entry), then UTC.
/// </summary>
public sealed class UtcTimesTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("en", "4:58 PM")]
    [InlineData("fr", "16:58")]
    [InlineData("de", "16:58")]
    [InlineData("zh", "16:58")]
    public void TheTimeOfDayIsTheLanguagesShortTimePattern(string language, string expected)
    {
        var moment = new DateTime(2026, 12, 7, 16, 58, 3, DateTimeKind.Utc);

        Assert.Equal(expected, Spaced(UtcTimes.TimeOfDay(moment, CultureInfo.GetCultureInfo(language))));
    }

    [Fact]
    public async Task AMomentReadsTheSameOnThePublicAndTheEditorsPagesOfALanguage()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 14, 16, 58, 3, TimeSpan.Zero));
        var id = await _app.AddResponseAsync(89, "Posted at two minutes to five.");
        await _app.ChangeExerciseAsync(store => store.SetResponsesOpenAsync(89, false, CancellationToken.None));
        using var editor = await EditorSession.SignInAsync(_app);

        var onThePage = await TimeTextAsync(_app.GetDocumentAsync("/exercises/89"), $"#response-{id} time");
        var inTheQueue = await TimeTextAsync(editor.GetDocumentAsync("/admin/responses?status=published"), $"#moderation-{id} time");
        var inTheTrail = await TimeTextAsync(editor.GetDocumentAsync("/admin/audit?exercise=89"), "tr.audit-entry time");
        var entry = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.ExerciseNumber == 89).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var inTheEntry = await TimeTextAsync(editor.GetDocumentAsync($"/admin/audit/{entry}"), ".audit-when time");

        Assert.EndsWith(", 4:58 PM UTC", onThePage, StringComparison.Ordinal);
        Assert.Equal(onThePage, inTheQueue);
        Assert.Equal(onThePage, inTheTrail);
        Assert.EndsWith(", 4:58:03 PM UTC", inTheEntry, StringComparison.Ordinal);

        // In French the public page says 16:58; the editors' pages, written in English for now, keep English's way.
        Assert.Contains("16:58 UTC", await TimeTextAsync(_app.GetDocumentAsync("/fr/exercises/89"), $"#response-{id} time"), StringComparison.Ordinal);
        Assert.Equal(onThePage, await TimeTextAsync(editor.GetDocumentAsync("/fr/admin/responses?status=published"), $"#moderation-{id} time"));
    }

    private static async Task<string> TimeTextAsync(Task<AngleSharp.Html.Dom.IHtmlDocument> page, string selector)
    {
        var time = (await page).QuerySelector(selector);
        Assert.NotNull(time);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", time.GetAttribute("datetime") ?? "");
        return Spaced(time.TextContent.Trim());
    }

    // ICU writes a narrow no-break space before "PM"; what matters here is the pattern, not the kind of space.
    private static string Spaced(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
