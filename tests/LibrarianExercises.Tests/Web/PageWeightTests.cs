using System.Net;
using System.Text.RegularExpressions;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// What a visitor downloads for a public page of the starting content: the page, its stylesheet and its script, as
/// compressed on the wire, at most 30 KB together.
/// </summary>
public sealed partial class PageWeightTests(LibrarianAppFactory app) : IClassFixture<LibrarianAppFactory>
{
    private const int Budget = 30 * 1024;

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises?initiative=3.2")]
    [InlineData("/exercises/89")]
    [InlineData("/ar/exercises/89")]
    [InlineData("/fr/exercises/89")]
    [InlineData("/tags")]
    [InlineData("/tags/community-engagement")]
    [InlineData("/strategy")]
    [InlineData("/ru/strategy")]
    [InlineData("/strategy/3.2")]
    [InlineData("/search?q=partner")]
    [InlineData("/account/login")]
    public async Task APublicPageWithItsStylesheetAndScriptIsAtMost30KilobytesCompressed(string path)
    {
        using var client = app.CreateBrowserlessClient();
        var (pageBytes, html) = await DownloadAsync(client, path);
        var total = pageBytes;
        var parts = new List<string> { $"{path}: {pageBytes} bytes" };
        foreach (var asset in Assets().Matches(html).Select(m => m.Groups["href"].Value).Distinct())
        {
            var (bytes, _) = await DownloadAsync(client, asset);
            total += bytes;
            parts.Add($"{asset}: {bytes} bytes");
        }

        Assert.True(total <= Budget, $"{total} bytes in all: {string.Join(", ", parts)}");
    }

    /// <summary>The bytes that crossed the wire, compressed as a browser asks, and the text they carry.</summary>
    private static async Task<(long Bytes, string Text)> DownloadAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Assert.True(encoding is "br" or "gzip", $"{path} is sent uncompressed.");
        await using var decoded = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)
            : (Stream)new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return (body.LongLength, await reader.ReadToEndAsync());
    }

    [GeneratedRegex("""<(?:link rel="stylesheet" href|script src)="(?<href>/[^"]+)""")]
    private static partial Regex Assets();
}
