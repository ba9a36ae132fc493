using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// A refused form comes back with what was typed, but never more than each field takes, and says what it left
/// out; so does the error page's copy of the text, and the words of an address quoted in an explanation.
/// </summary>
public sealed class ShownBackTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheRefusedFormShowsBackNoMoreThanEachFieldTakesAndSaysWhatWasLeftOut()
    {
        using var visitor = new ResponsePoster(_app);
        var text = new string('t', ResponseForm.TextMaxLength) + new string('u', 2_345);
        var fields = ResponsePoster.Fields(name: new string('n', 200), text: text, organisation: new string('o', 300));
        fields["Form.Website"] = new string('w', 5_000);

        using var response = await visitor.PostAsync(89, fields);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new string('t', ResponseForm.TextMaxLength), page.QuerySelector("#Form_Text")?.TextContent.Trim('\n'));
        Assert.Contains("the other 2,345 were left out", page.QuerySelector("#Form_Text-cut")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Form_Text-cut", page.QuerySelector("#Form_Text")!.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Contains("10000 characters or fewer", page.QuerySelector("#Form_Text-error")?.TextContent, StringComparison.Ordinal);

        Assert.Equal(new string('n', ResponseForm.DisplayNameMaxLength), page.QuerySelector("#Form_DisplayName")?.GetAttribute("value"));
        Assert.Contains("the other 120 were left out", page.QuerySelector("#Form_DisplayName-cut")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(new string('o', ResponseForm.OrganisationMaxLength), page.QuerySelector("#Form_Organisation")?.GetAttribute("value"));
        Assert.Contains("the other 180 were left out", page.QuerySelector("#Form_Organisation-cut")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(ShownBack.HiddenFieldLimit, page.QuerySelector("#Form_Website")?.GetAttribute("value")?.Length);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task AFormThatIsNotRefusedForLengthSaysNothingWasLeftOut()
    {
        using var visitor = new ResponsePoster(_app);

        using var response = await visitor.PostAsync(89, ResponsePoster.Fields(name: "", text: new string('t', ResponseForm.TextMaxLength)));
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ResponseForm.TextMaxLength, page.QuerySelector("#Form_Text")?.TextContent.Trim('\n').Length);
        Assert.Empty(page.QuerySelectorAll("[id$='-cut']"));
    }

    [Fact]
    public async Task TheErrorPageShowsBackNoMoreOfTheTextThanAResponseTakes()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);
        hidden.Remove("__RequestVerificationToken");

        using var response = await visitor.SendAsync(89, hidden, ResponsePoster.Fields(text: new string('t', ResponseForm.TextMaxLength) + new string('u', 777)));
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new string('t', ResponseForm.TextMaxLength), page.QuerySelector("textarea#submitted-text")?.TextContent);
        Assert.Contains("the other 777 were left out", page.QuerySelector("#submitted-text-cut")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("submitted-text-cut", page.QuerySelector("textarea#submitted-text")?.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task TheErrorPageSaysNothingWasLeftOutOfATextWithinTheLimit()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);
        hidden.Remove("__RequestVerificationToken");

        using var response = await visitor.SendAsync(89, hidden, ResponsePoster.Fields(text: "My careful words"));
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal("My careful words", page.QuerySelector("textarea#submitted-text")?.TextContent);
        Assert.Null(page.QuerySelector("#submitted-text-cut"));
        Assert.Null(page.QuerySelector("textarea#submitted-text")?.GetAttribute("aria-describedby"));
    }

    [Fact]
    public void WhatIsShownBackIsCutBeforeASurrogatePairRatherThanThroughIt()
    {
        var text = new string('x', 9) + "📚" + "yz";

        Assert.Equal(new string('x', 9), ShownBack.Cut(text, 10));
        Assert.Equal(4, ShownBack.LeftOut(text, 10));
        Assert.Equal(text, ShownBack.Cut(text, 13));
        Assert.Equal(0, ShownBack.LeftOut(text, 13));
        Assert.Null(ShownBack.Cut(null, 10));
    }

    [Fact]
    public async Task AnOverlongAddressValueIsShownShortenedInTheExplanation()
    {
        var (status, page) = await _app.FetchAsync("/strategy/" + new string('9', 10_000));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var lead = page.QuerySelector("p.lead")!.TextContent;
        Assert.Contains(new string('9', ShownBack.AddressValueLimit) + "…", lead, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('9', ShownBack.AddressValueLimit + 1), lead, StringComparison.Ordinal);
    }
}
