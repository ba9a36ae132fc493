using AngleSharp.Html.Dom;

namespace LibrarianExercises.Tests.Infrastructure;

/// <summary>A visitor's browser without JavaScript: loads the exercise page, fills in the form, sends it.</summary>
public sealed class ResponsePoster(LibrarianAppFactory app, string? clientAddress = null) : IDisposable
{
    private readonly HttpClient _client = app.CreateBrowserlessClient();

    public HttpClient Client => _client;

    /// <summary>Headers sent with every request, e.g. X-Forwarded-For from a proxy or Sec-Fetch-Site from a browser.</summary>
    public Dictionary<string, string> Headers { get; } = [];

    /// <summary>The form's hidden fields (antiforgery token, form token) as served with the page.</summary>
    public async Task<Dictionary<string, string>> OpenFormAsync(int exercise)
    {
        using var request = Request(HttpMethod.Get, $"/exercises/{exercise}");
        using var response = await _client.SendAsync(request);
        var page = await LibrarianAppFactory.ParseAsync(response);
        var form = page.QuerySelector("form#response-form") as IHtmlFormElement
            ?? throw new InvalidOperationException("The page has no response form.");
        return form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
    }

    /// <summary>Loads the form, lets the clock run as a person would take, then posts.</summary>
    public async Task<HttpResponseMessage> PostAsync(int exercise, Dictionary<string, string> fields, TimeSpan? thinkingTime = null)
    {
        var hidden = await OpenFormAsync(exercise);
        app.Clock.Advance(thinkingTime ?? TimeSpan.FromSeconds(30));
        return await SendAsync(exercise, hidden, fields);
    }

    public async Task<HttpResponseMessage> SendAsync(int exercise, Dictionary<string, string> hidden, Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(hidden);
        foreach (var (key, value) in fields)
        {
            all[key] = value;
        }

        using var request = Request(HttpMethod.Post, $"/exercises/{exercise}/responses");
        request.Content = new FormUrlEncodedContent(all);
        return await _client.SendAsync(request);
    }

    public static Dictionary<string, string> Fields(string name = "Ana Librarian", string text = "We mapped our partners.", string? organisation = null, string? country = null, bool did = false)
    {
        var fields = new Dictionary<string, string> { ["Form.DisplayName"] = name, ["Form.Text"] = text };
        if (organisation is not null)
        {
            fields["Form.Organisation"] = organisation;
        }

        if (country is not null)
        {
            fields["Form.Country"] = country;
        }

        if (did)
        {
            fields["Form.DidExercise"] = "true";
        }

        return fields;
    }

    public void Dispose() => _client.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (clientAddress is not null)
        {
            request.Headers.Add(LibrarianAppFactory.ClientAddressHeader, clientAddress);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }
}
