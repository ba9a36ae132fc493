using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Responses;

/// <summary>
/// A response holding a character that cannot be stored (a NUL, another control character, a character XML refuses)
/// is refused beside its field, with a message that says so and the text given back, the character marked: it used to
/// be refused whole as an expired form, the text lost, because the form reader refuses "%00".
/// </summary>
public sealed class UnstorableCharacterTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, string> Characters => new()
    {
        { "Form.Text", "Before\0after", "Form_Text" },
        { "Form.Text", "Bell \u0007 rang", "Form_Text" },
        { "Form.Text", "Not a character \uFFFF here", "Form_Text" },
        { "Form.DisplayName", "Ana\0", "Form_DisplayName" },
        { "Form.Organisation", "City\u001BLibrary", "Form_Organisation" },
    };

    [Theory]
    [MemberData(nameof(Characters))]
    public async Task AFieldHoldingACharacterThatCannotBeStoredIsRefusedBesideItWithEverythingGivenBack(string field, string value, string inputId)
    {
        using var visitor = new ResponsePoster(_app);
        var fields = ResponsePoster.Fields(name: "Ana", text: "Kept text", organisation: "Kept library", country: "FR", did: true);
        fields[field] = value;

        using var response = await visitor.PostAsync(42, fields);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
        Assert.Contains("cannot be stored", page.QuerySelector($"#{inputId}-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#form-errors a"), a => a.GetAttribute("href") == "#" + inputId);
        Assert.DoesNotContain("expired", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        var shown = inputId == "Form_Text" ? page.QuerySelector("#Form_Text")?.TextContent.Trim('\n') : page.QuerySelector("#" + inputId)?.GetAttribute("value");
        Assert.Equal(MarkedAsShown(value), shown);
        if (field != "Form.Text")
        {
            Assert.Equal("Kept text", page.QuerySelector("#Form_Text")?.TextContent.Trim('\n'));
        }

        Assert.NotNull(page.QuerySelector("#Form_DidExercise[checked]"));
    }

    [Fact]
    public async Task TheMessageIsInTheReadersLanguage()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(42);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));

        var all = new Dictionary<string, string>(hidden) { ["Form.DisplayName"] = "Ana", ["Form.Text"] = "Avant\0après" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/fr/exercises/42/responses", UriKind.Relative)) { Content = new FormUrlEncodedContent(all) };
        using var response = await visitor.Client.SendAsync(request);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ne peut pas être enregistré", page.QuerySelector("#Form_Text-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Avant\uFFFDaprès", page.QuerySelector("#Form_Text")?.TextContent.Trim('\n'));
    }

    [Fact]
    public async Task TheSameTextWithoutTheCharacterIsPublished()
    {
        using var visitor = new ResponsePoster(_app);

        using var refused = await visitor.PostAsync(42, ResponsePoster.Fields(text: "Tab\tand line\nbreaks stay; a NUL\0 does not."));
        using var sent = await visitor.PostAsync(42, ResponsePoster.Fields(text: "Tab\tand line\nbreaks stay; a NUL does not. 图书馆 🙂"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal("Tab\tand line\nbreaks stay; a NUL does not. 图书馆 🙂", await _app.WithDbAsync(db => db.Responses.Select(r => r.BodyMarkdown).SingleAsync()));
    }

    private static string MarkedAsShown(string value) =>
        string.Concat(value.Select(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\uFFFE') ? c : '\uFFFD'));
}
