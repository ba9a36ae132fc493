using System.Net;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// Addresses that cannot be what they claim get the page that says so: a tag address of blanks or control
/// characters is a bad request, and the error page visited directly never claims a server error.
/// </summary>
public sealed class MalformedAddressTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/tags/%20")]
    [InlineData("/tags/%20%20")]
    [InlineData("/tags/%0a")]
    [InlineData("/tags/%09")]
    [InlineData("/tags/%0d%0a")]
    [InlineData("/tags/%c2%a0")]
    [InlineData("/tags/%e3%80%80")]
    [InlineData("/tags/community%0aengagement")]
    [InlineData("/tags/%01community")]
    public async Task ATagAddressOfBlanksOrControlCharactersIsABadRequestThatSaysSo(string path)
    {
        var (status, page) = await _app.FetchAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("That is not a tag address", page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/error", HttpStatusCode.NotFound)]
    [InlineData("/error/0", HttpStatusCode.NotFound)]
    [InlineData("/error/200", HttpStatusCode.NotFound)]
    [InlineData("/error/500", HttpStatusCode.NotFound)]
    [InlineData("/error/503", HttpStatusCode.NotFound)]
    [InlineData("/error/-1", HttpStatusCode.NotFound)]
    [InlineData("/error/404", HttpStatusCode.NotFound)]
    [InlineData("/error/400", HttpStatusCode.BadRequest)]
    public async Task TheErrorPageVisitedDirectlyNeverClaimsAServerError(string path, HttpStatusCode expected)
    {
        var (status, page) = await _app.FetchAsync(path);

        Assert.Equal(expected, status);
        Assert.NotEqual("Something went wrong", page.QuerySelector("h1")?.TextContent);
    }
}
