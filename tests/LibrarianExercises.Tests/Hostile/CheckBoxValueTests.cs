using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// A check box sent with any value at all is read as ticked or not, never as an error: the default binder's
/// error made the refused form fail with a FormatException when it was shown again.
/// </summary>
public sealed class CheckBoxValueTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("0")]
    [InlineData("garbage")]
    [InlineData("true,false")]
    [InlineData("2026-12-05")]
    [InlineData("yes")]
    [InlineData("")]
    public async Task ACheckBoxSentWithAnyOtherValueIsUntickedAndTheRefusedFormStillComesBack(string value)
    {
        using var visitor = new ResponsePoster(_app);
        var fields = ResponsePoster.Fields(name: "");
        fields["Form.DidExercise"] = value;

        using var response = await visitor.PostAsync(89, fields);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please give a name", page.QuerySelector("#Form_DisplayName-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Form_DidExercise"));
        Assert.Null(page.QuerySelector("#Form_DidExercise[checked]"));
        Assert.Empty(page.QuerySelectorAll("#form-errors a[href='#Form_DidExercise']"));
    }

    [Theory]
    [InlineData("garbage", false)]
    [InlineData("100 KB", false)]
    [InlineData("false", false)]
    [InlineData("on", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    public async Task ACheckBoxValueIsStoredAsTickedOnlyWhenItClearlySaysSo(string value, bool ticked)
    {
        using var visitor = new ResponsePoster(_app);
        var fields = ResponsePoster.Fields();
        fields["Form.DidExercise"] = value == "100 KB" ? new string('x', 100 * 1024) : value;

        using var response = await visitor.PostAsync(89, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(ticked, await _app.WithDbAsync(db => db.Responses.Select(r => r.DidExercise).SingleAsync()));
    }

    [Fact]
    public async Task ATickedBoxAsBrowsersSendIt_TrueThenTheHiddenFalse_IsTicked()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var fields = hidden.Where(h => h.Key != "Form.DidExercise").Concat(ResponsePoster.Fields())
            .Append(new("Form.DidExercise", "true")).Append(new("Form.DidExercise", "false"));

        using var content = new FormUrlEncodedContent(fields);
        using var response = await visitor.Client.PostAsync(new Uri("/exercises/89/responses", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Responses.Select(r => r.DidExercise).SingleAsync()));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("true,false")]
    public async Task TheSignInFormWithAnOddRememberMeValueIsRefusedAsAnyWrongPassword(string value)
    {
        using var client = _app.CreateBrowserlessClient();
        var hidden = await ServedForm.HiddenFieldsAsync(client, "/account/login", "form.account-form");
        var fields = new Dictionary<string, string>(hidden) { ["Email"] = "nobody@example.org", ["Password"] = "wrong", ["RememberMe"] = value };

        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(page.QuerySelector("input[name=RememberMe][checked]"));
        Assert.Equal("nobody@example.org", page.QuerySelector("input[name=Email]")?.GetAttribute("value"));
    }
}
