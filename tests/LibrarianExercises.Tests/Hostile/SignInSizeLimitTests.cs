using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Models;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>The sign-in forms read no more than a sign-in can need: nobody makes the server read or hash megabytes.</summary>
public sealed class SignInSizeLimitTests : IClassFixture<LibrarianAppFactory>
{
    private readonly LibrarianAppFactory _app;

    public SignInSizeLimitTests(LibrarianAppFactory app) => _app = app;

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/login/two-factor")]
    [InlineData("/account/login/recovery-code")]
    [InlineData("/fr/account/login")]
    public async Task AnOversizeSignInPostIsRefusedWith413AndAPageThatSaysWhy(string path)
    {
        using var visitor = EditorSession.Anonymous(_app);
        var fields = new Dictionary<string, string>
        {
            ["Email"] = "editor@example.org",
            ["Password"] = new string('p', SignInForm.MaxPostBytes),
        };

        using var response = await visitor.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotEqual("Your response is too long to send", page.QuerySelector("h1")?.TextContent);
        Assert.Null(page.QuerySelector("textarea#submitted-text"));
        if (!path.StartsWith("/fr", StringComparison.Ordinal))
        {
            Assert.Equal("What was sent is too large", page.QuerySelector("h1")?.TextContent);
        }
        else
        {
            Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task TheLongestPasswordAFormTakesStillReachesTheCheck()
    {
        using var visitor = EditorSession.Anonymous(_app);
        using var response = await visitor.SignInAttemptAsync("editor@example.org", new string('p', 1024));

        // Read and refused as a wrong password (400 with the form), not as too large.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
