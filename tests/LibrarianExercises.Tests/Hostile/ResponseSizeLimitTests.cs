using System.Net;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// The response form is the one place visitors write to the site: it reads no more than the largest valid response
/// can need, and says so when a post is larger, rather than binding, checking and echoing megabytes.
/// </summary>
public sealed class ResponseSizeLimitTests : IAsyncLifetime
{
    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheLargestValidResponseInTheWidestCharactersStillPosts()
    {
        using var visitor = new ResponsePoster(_app);
        var fields = LargestValidResponse();

        using var response = await visitor.PostAsync(89, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Responses.SingleAsync());
        Assert.Equal(fields["Form.Text"], stored.BodyMarkdown);
        // The limit allows 12 bytes a character; no character takes more than 9, so this is as near as a valid one comes.
        Assert.True(EncodedLength(fields) > ResponseForm.MaxPostBytes * 6 / 10, "The response should come as close to the limit as a valid one can.");
    }

    [Fact]
    public async Task APostALittleOverTheLimitIsRefusedWith413AndAPageThatSaysWhyWithoutReadingIt()
    {
        using var visitor = new ResponsePoster(_app);
        var hidden = await visitor.OpenFormAsync(89);
        var fields = LargestValidResponse();
        var all = new Dictionary<string, string>(hidden);
        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        // Padded with the honeypot, so that the only thing wrong is the size.
        all["Form.Website"] = "";
        all["Form.Website"] = new string('w', ResponseForm.MaxPostBytes - EncodedLength(all) + 1);
        Assert.Equal(ResponseForm.MaxPostBytes + 1, EncodedLength(all));

        using var content = new FormUrlEncodedContent(all);
        using var response = await visitor.Client.PostAsync(new Uri("/exercises/89/responses", UriKind.Relative), content);
        var page = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Your response is too long to send", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("up to 10,000 characters", page.QuerySelector("p.lead")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("textarea#submitted-text"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task FourMegabytesOfTextAreRefusedWith413AndNotShownBack()
    {
        using var visitor = new ResponsePoster(_app);
        var text = new string('x', 4 * 1024 * 1024);

        using var response = await visitor.PostAsync(89, ResponsePoster.Fields(text: text));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(html.Length < 50_000, $"The refusal is {html.Length:N0} characters long.");
    }

    [Fact]
    public async Task TheServerItselfStopsReadingABodyOfUnknownLengthAtTheLimit()
    {
        // Kestrel enforces [RequestSizeLimit] while reading, which the in-memory test server does not.
        await using var server = new LibrarianAppFactory().WithoutPostingLimit();
        var address = server.StartKestrel();
        // The client keeps the antiforgery cookie, as a browser does.
        using var client = new HttpClient { BaseAddress = address };
        var hidden = await ServedForm.HiddenFieldsAsync(client, "/exercises/89", "form#response-form");
        var fields = new Dictionary<string, string>(hidden) { ["Form.DisplayName"] = "Ana", ["Form.Text"] = new string('x', ResponseForm.MaxPostBytes) };

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/exercises/89/responses", UriKind.Relative))
        {
            Content = new LengthlessContent(System.Text.Encoding.ASCII.GetBytes(HostileRequest.Encode(fields))),
        };
        using var response = await client.SendAsync(request);
        var refusal = await LibrarianAppFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Your response is too long to send", refusal.QuerySelector("h1")?.TextContent);
        Assert.Equal(0, await server.WithDbAsync(db => db.Responses.CountAsync()));
    }

    /// <summary>Every field at its limit, in characters that take the most bytes once encoded as a browser sends them.</summary>
    private static Dictionary<string, string> LargestValidResponse() => new()
    {
        // Three bytes of UTF-8 for each UTF-16 character, each byte sent as %XX: nine bytes a character, the most.
        ["Form.DisplayName"] = new string('名', ResponseForm.DisplayNameMaxLength),
        ["Form.Organisation"] = new string('館', ResponseForm.OrganisationMaxLength),
        ["Form.Country"] = "CN",
        ["Form.Text"] = string.Concat(Enumerable.Repeat("我们把博物馆和学校联系起来了。", ResponseForm.TextMaxLength / 15)) + new string('。', ResponseForm.TextMaxLength % 15),
        ["Form.DidExercise"] = "true",
    };

    private static int EncodedLength(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return (int)content.Headers.ContentLength!.Value;
    }

    /// <summary>A body sent in chunks, with no Content-Length for the server to refuse it by.</summary>
    private sealed class LengthlessContent : HttpContent
    {
        private readonly byte[] _body;

        public LengthlessContent(byte[] body)
        {
            _body = body;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
