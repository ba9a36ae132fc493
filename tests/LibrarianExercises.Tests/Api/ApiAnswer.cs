using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Api;

/// <summary>What the API answered, read whole: status, headers, body and, when there is one, the JSON.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public string? MediaType => ContentHeaders.ContentType?.MediaType;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ETag => Headers.ETag?.ToString();

    public static async Task<ApiAnswer> SendAsync(LibrarianAppFactory app, HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var client = app.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        return new ApiAnswer(response.StatusCode, response.Headers, response.Content.Headers, await response.Content.ReadAsStringAsync());
    }

    public static Task<ApiAnswer> GetAsync(LibrarianAppFactory app, string path, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(app, HttpMethod.Get, path, configure);
}

internal static class JsonElementExtensions
{
    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Number(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static List<JsonElement> Items(this JsonElement element, string property = "items") => [.. element.GetProperty(property).EnumerateArray()];

    public static List<int> Numbers(this JsonElement element, string property = "items") =>
        [.. element.Items(property).Select(i => i.Number("number"))];
}
