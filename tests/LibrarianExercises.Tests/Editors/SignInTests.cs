using System.Net;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Editors;

public sealed class SignInTests : IClassFixture<LibrarianAppFactory>
{
    private readonly LibrarianAppFactory _app;

    public SignInTests(LibrarianAppFactory app) => _app = app;

    [Fact]
    public async Task AnEditorSignsInAndReachesTheEditorsDesk()
    {
        using var editor = await EditorSession.SignInAsync(_app);
        var desk = await editor.FetchAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, desk.Status);
        Assert.Equal("Editors’ desk", desk.Page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndBack()
    {
        using var visitor = EditorSession.Anonymous(_app);
        using var response = await visitor.Client.GetAsync(new Uri("/admin/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=%2Fadmin%2Faccount", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login", "/admin")]
    [InlineData("/fr/account/login", "/fr/admin")]
    [InlineData("/account/login?returnUrl=%2Fadmin%2Fexercises", "/admin/exercises")]
    [InlineData("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", "/admin")]
    [InlineData("/account/login?returnUrl=%2F%2Fevil.example%2F", "/admin")]
    public async Task ASignedInEditorOpeningSignInIsTakenWhereSigningInWouldHaveTakenThem(string path, string destination)
    {
        using var editor = await EditorSession.SignInAsync(_app);

        using var response = await editor.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(destination, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AVisitorStillGetsTheSignInFormAfterAnEditorWasRedirected()
    {
        using (var editor = await EditorSession.SignInAsync(_app))
        using (var redirected = await editor.Client.GetAsync(new Uri("/account/login", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        }

        using var visitor = EditorSession.Anonymous(_app);
        var page = await visitor.FetchAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Page.QuerySelector("form.account-form input[name=Password]"));
    }

    [Fact]
    public async Task AnUnknownAddressAndAWrongPasswordGetTheSameAnswer()
    {
        await EditorSession.AddEditorAsync(_app, "known@example.org");
        using var visitor = EditorSession.Anonymous(_app);
        using var unknown = await visitor.SignInAttemptAsync("nobody@example.org", "whatever it may be");
        using var wrong = await visitor.SignInAttemptAsync("known@example.org", "whatever it may be");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var unknownPage = await LibrarianAppFactory.ParseAsync(unknown);
        var wrongPage = await LibrarianAppFactory.ParseAsync(wrong);
        Assert.Equal("That e-mail address and password do not match an editor’s account, or the account is locked for a while after too many attempts.", unknownPage.QuerySelector("#form-errors li")?.TextContent.Trim());
        Assert.Equal(unknownPage.QuerySelector("main")?.TextContent, wrongPage.QuerySelector("main")?.TextContent);
    }
}
