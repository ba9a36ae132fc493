using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using Microsoft.EntityFrameworkCore;

using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Responses;

public sealed class PostingResponsesTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AValidResponseIsStoredThenTheVisitorIsSentToItAndSeesIt()
    {
        using var visitor = new ResponsePoster(_app);

        using var response = await visitor.PostAsync(89, ResponsePoster.Fields(
            name: "Ana Librarian", text: "We *introduced* the museum to the school.", organisation: "City Library", country: "PT", did: true));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Responses.SingleAsync());
        Assert.Equal(ResponseStatus.Published, stored.Status);
        Assert.Equal($"/exercises/89#response-{stored.Id}", response.Headers.Location?.OriginalString);

        using var followed = await visitor.Client.GetAsync(response.Headers.Location);
        var page = await LibrarianAppFactory.ParseAsync(followed);
        var shown = page.QuerySelector($"#response-{stored.Id}")!;
        Assert.Equal("Ana Librarian", shown.QuerySelector(".response-name")?.TextContent);
        Assert.Contains("City Library", shown.QuerySelector(".response-organisation")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Portugal", shown.QuerySelector(".response-country")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("introduced", shown.QuerySelector(".response-text em")?.TextContent);
        Assert.Equal(stored.CreatedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), shown.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.NotNull(shown.QuerySelector(".did-mark"));
        Assert.Contains("your response is published", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector(".exercise-facts .response-count")?.TextContent);
        Assert.Equal("1", page.QuerySelector(".exercise-facts .did-count")?.TextContent);
    }

    [Fact]
    public async Task AHeldResponsesWriterSeesItWaitsAndIsNotAskedToBeTheFirstWhileOthersSeeNothingOfIt()
    {
        using var visitor = new ResponsePoster(_app);

        // Sent back at once, as no person could: held for review.
        using var response = await visitor.PostAsync(89, ResponsePoster.Fields(text: "Too quick to be a person."), thinkingTime: TimeSpan.Zero);
        using var followed = await visitor.Client.GetAsync(response.Headers.Location);
        var page = await LibrarianAppFactory.ParseAsync(followed);
        var other = await _app.GetDocumentAsync("/exercises/89");

        Assert.Equal(ResponseStatus.Held, (await _app.WithDbAsync(db => db.Responses.SingleAsync())).Status);
        Assert.Contains("awaits review", page.QuerySelector("#response-status[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Be the first", page.QuerySelector("section.responses")?.TextContent, StringComparison.Ordinal);
        Assert.Null(other.QuerySelector("#response-status"));
        Assert.Contains("Be the first", other.QuerySelector("section.responses")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("review", other.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedAndNothingIsStoredButTheTextIsShownBack()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);
        hidden.Remove("__RequestVerificationToken");

        using var response = await visitor.SendAsync(89, hidden, ResponsePoster.Fields(text: "My careful words"));
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
        Assert.Equal("My careful words", page.QuerySelector("textarea#submitted-text")?.TextContent);
    }

    [Fact]
    public async Task APostWithAWrongAntiforgeryTokenIsRefused()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);
        hidden["__RequestVerificationToken"] = "forged";

        using var response = await visitor.SendAsync(89, hidden, ResponsePoster.Fields());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Theory]
    [InlineData("Form.DisplayName", "", "Form_DisplayName", "Please give a name")]
    [InlineData("Form.DisplayName", "   ", "Form_DisplayName", "Please give a name")]
    [InlineData("Form.DisplayName", "81", "Form_DisplayName", "80 characters or fewer")]
    [InlineData("Form.Organisation", "121", "Form_Organisation", "120 characters or fewer")]
    [InlineData("Form.Text", "", "Form_Text", "Please write your response")]
    [InlineData("Form.Text", "10001", "Form_Text", "10000 characters or fewer")]
    [InlineData("Form.Country", "XX", "Form_Country", "choose a country from the list")]
    public async Task AnInvalidFieldBringsTheFormBackWithItsErrorBesideItAndEverythingTypedKept(string field, string value, string inputId, string message)
    {
        using var visitor = new ResponsePoster(_app);
        var fields = ResponsePoster.Fields(name: "Ana", text: "Kept text", organisation: "Kept library", country: "FR", did: true);
        fields[field] = int.TryParse(value, out var length) ? new string('x', length) : value;

        using var response = await visitor.PostAsync(42, fields);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
        var input = page.QuerySelector("#" + inputId)!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var error = page.QuerySelector($"#{inputId}-error")!;
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{inputId}-error", input.GetAttribute("aria-describedby")!.Split(' '));
        var summary = page.QuerySelector("#form-errors[role=alert]")!;
        Assert.Contains(summary.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#" + inputId);

        if (field != "Form.Text")
        {
            Assert.Equal("Kept text", page.QuerySelector("#Form_Text")?.TextContent);
        }

        if (field != "Form.Organisation")
        {
            Assert.Equal("Kept library", page.QuerySelector("#Form_Organisation")?.GetAttribute("value"));
        }

        Assert.NotNull(page.QuerySelector("#Form_DidExercise[checked]"));
        var chosen = page.QuerySelectorAll("#Form_Country option[selected]").Select(o => o.GetAttribute("value")).ToList();
        // The country chosen stays chosen, and only it; one not on the list leaves none chosen.
        Assert.Equal(field == "Form.Country" ? [] : ["FR"], chosen);
    }

    /// <summary>
    /// Without JavaScript the browser shows a refused post's answer at the fragment of the form's action: the error
    /// summary, which the page has inside the form. A stored response is sent on to an address of its own fragment.
    /// </summary>
    [Fact]
    public async Task TheFormIsSentToAnAddressThatOpensARefusalAtItsErrorSummary()
    {
        using var visitor = new ResponsePoster(_app);
        var form = await _app.GetDocumentAsync("/exercises/42");
        var action = form.QuerySelector("form#response-form")?.GetAttribute("action");

        using var refused = await visitor.PostAsync(42, ResponsePoster.Fields(text: ""));
        var page = await LibrarianAppFactory.ParseAsync(refused);
        using var stored = await visitor.PostAsync(42, ResponsePoster.Fields());

        Assert.Equal("/exercises/42/responses#form-errors", action);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(page.QuerySelector("form#response-form #form-errors[tabindex='-1'][role=alert]"));
        Assert.Equal("/fr/exercises/42/responses#form-errors", (await _app.GetDocumentAsync("/fr/exercises/42")).QuerySelector("form#response-form")?.GetAttribute("action"));
        Assert.Matches(@"^/exercises/42#response-\d+$", stored.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LineBreaksCountAsOneCharacterTowardsTheLimitAsTheyDoInTheBrowser()
    {
        using var visitor = new ResponsePoster(_app);
        // 10,000 characters as the browser counts them; 10,019 as sent, each line break being CR LF.
        var text = string.Join("\r\n", Enumerable.Repeat(new string('x', 499), 20)) + "x";

        using var response = await visitor.PostAsync(42, ResponsePoster.Fields(text: text));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Responses.SingleAsync());
        Assert.Equal(text.ReplaceLineEndings("\n"), stored.BodyMarkdown);
    }

    [Fact]
    public async Task AnExerciseClosedToResponsesSaysSoAndRefusesPosts()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(21);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LibrarianExercises.Web.Services.Exercises.ExerciseStore>().SetResponsesOpenAsync(21, open: false, CancellationToken.None);
        }

        var page = await _app.GetDocumentAsync("/exercises/21");
        Assert.Null(page.QuerySelector("form#response-form"));
        Assert.NotNull(page.QuerySelector(".responses-closed"));

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var response = await visitor.SendAsync(21, hidden, ResponsePoster.Fields(text: "Too late?"));
        var refusal = await LibrarianAppFactory.ParseAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Responses are closed", refusal.QuerySelector("h1")?.TextContent);
        Assert.Equal("Too late?", refusal.QuerySelector("textarea#submitted-text")?.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task PostingToAnUnknownOrMalformedExerciseIsRefusedClearly()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);

        using var unknown = await visitor.Client.PostAsync(new Uri("/exercises/50/responses", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(hidden) { ["Form.DisplayName"] = "A", ["Form.Text"] = "B" }));
        using var malformed = await visitor.Client.PostAsync(new Uri("/exercises/abc/responses", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(hidden) { ["Form.DisplayName"] = "A", ["Form.Text"] = "B" }));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Theory]
    [InlineData("Анна Библиотекарь", "Мы связали музей и школу.")]
    [InlineData("ليلى أمينة المكتبة", "ربطنا المتحف بالمدرسة 📚 وكان ذلك رائعاً.")]
    [InlineData("李图书馆员", "我们把博物馆和学校联系起来了。🎉")]
    [InlineData("Zoë 👩🏽‍🏫", "Emoji with modifiers: 👩🏽‍🏫 and flags 🇵🇹.")]
    public async Task NamesAndTextInAnyScriptRoundTripExactly(string name, string text)
    {
        using var visitor = new ResponsePoster(_app);

        using var response = await visitor.PostAsync(42, ResponsePoster.Fields(name: name, text: text, organisation: name));

        var stored = await _app.WithDbAsync(db => db.Responses.SingleAsync(r => r.DisplayName == name));
        Assert.Equal(text, stored.BodyMarkdown);
        using var followed = await visitor.Client.GetAsync(response.Headers.Location);
        var shown = (await LibrarianAppFactory.ParseAsync(followed)).QuerySelector($"#response-{stored.Id}")!;
        Assert.Equal(name, shown.QuerySelector(".response-name")?.TextContent);
        Assert.Equal(text, shown.QuerySelector(".response-text p")?.TextContent);
    }

    [Fact]
    public async Task AFormInAnUnreadableCharsetIsRefusedWithoutAServerError()
    {
        using var visitor = new ResponsePoster(_app);
        using var content = new StringContent("Form.DisplayName=%2BAGE-&Form.Text=hello", System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-7");

        using var response = await visitor.Client.PostAsync(new Uri("/exercises/89/responses", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var page = await LibrarianAppFactory.ParseAsync(response);
        Assert.Equal("The text could not be read", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task ARefusedPostFromAnotherSiteDoesNotGetItsTextDisplayedHere()
    {
        using var visitor = new ResponsePoster(_app);
        visitor.Headers["Sec-Fetch-Site"] = "cross-site";
        var hidden = await visitor.OpenFormAsync(89);
        hidden.Remove("__RequestVerificationToken");

        using var response = await visitor.SendAsync(89, hidden, ResponsePoster.Fields(text: "Words another site wants shown"));
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(page.QuerySelector("textarea#submitted-text"));
        Assert.DoesNotContain("Words another site wants shown", page.DocumentElement.TextContent, StringComparison.Ordinal);
    }


    [Fact]
    public async Task NoAddressIsStoredOnlyASaltedHash()
    {
        using var visitor = new ResponsePoster(_app, clientAddress: "203.0.113.7");

        await visitor.PostAsync(89, ResponsePoster.Fields());

        var stored = await _app.WithDbAsync(db => db.Responses.SingleAsync());
        Assert.Matches("^[0-9a-f]{32}$", stored.ClientHash);
        var everything = string.Join("|", stored.DisplayName, stored.BodyMarkdown, stored.ClientHash, stored.HoldReason);
        Assert.DoesNotContain("203.0.113.7", everything, StringComparison.Ordinal);
    }
}
