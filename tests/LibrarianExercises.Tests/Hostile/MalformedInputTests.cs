using System.Net;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// Every public address, query parameter, form field and content type given malformed values: none may end in a
/// server error, and the site still answers its health check afterwards.
/// </summary>
public sealed class MalformedInputTests : IAsyncLifetime
{
    private const string ResponsePost = "/exercises/89/responses";
    private const string SignIn = "/account/login";

    /// <summary>Malformed numbers, slugs and codes, written as they would appear in an address.</summary>
    internal static readonly string[] BadValues =
    [
        "", " ", "%20", "%20%20", "%09", "%0a", "%0d%0a", "%0b", "%0c", "%00", "%01", "%1b", "%7f", "%c2%a0", "%e2%80%8b",
        "%e3%80%80", "%e2%80%ae", "%ef%bb%bf", "%", "%%", "%zz", "%2", "%C0%AF", "%C0%80", "%FF%FE", "%ED%A0%80", "%F4%90%80%80",
        "%E2%82", "%2e%2e", "..", ".", "%2F", "%2f%2f", "%5C", "%3F", "%23", "%26", "%3D", "+", "%2B89", "-1", "-0", "0", "00",
        "000089", "+89", "89.0", "89,0", "8 9", "8%209", "89%20", "%2089", "1e3", "0x59", "89abc", "abc", "89%00", "99999",
        "100000", "2147483647", "2147483648", "-2147483649", "99999999999999999999999999999999", "NaN", "Infinity",
        "٨٩", "۸۹", "८९", "八十九", "８９", "𝟖𝟗", "Ⅷ", "①", "3.2", "3..2", ".3", "3.", "3.2.1", "03.02", "3.-2", "٣.٢",
        "三.二", "3%2E2", "3,2", "null", "undefined", "true", "[]", "{}", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'", "%22",
        "%27%20OR%201%3D1--", "Tag%20Name", "COMMUNITY-ENGAGEMENT", "community--engagement", "-community", "community-",
        "%E2%80%99", "%F0%9F%93%9A", "%F0%9F%87%B5%F0%9F%87%B9", "a%CC%81", "%EF%BF%BD", "%EF%BF%BF",
        new string('9', 10_000), new string('a', 10_000), string.Concat(Enumerable.Repeat("%20", 3_000)),
        string.Concat(Enumerable.Repeat("%zz", 3_000)), string.Concat(Enumerable.Repeat("%E2%80%AE", 1_000)),
    ];

    /// <summary>Sign-in return addresses that try to lead elsewhere or to nothing.</summary>
    private static readonly string[] BadReturnUrls =
    [
        "//evil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "http%3A%2F%2Fevil.example", "javascript%3Aalert(1)",
        "%2Fadmin%0d%0aSet-Cookie%3A%20x%3D1", "~%2F", "%2F..%2F..%2Fetc%2Fpasswd", "data%3Atext%2Fhtml%2C%3Cscript%3E",
    ];

    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();
    private HttpClient _client = null!;
    private ServerErrorLog _log = null!;

    public async Task InitializeAsync()
    {
        _app.Settings["Responses:RateLimitPermits"] = "1000000";
        _client = _app.CreateBrowserlessClient();
        _log = new ServerErrorLog(_client);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task MalformedNumbersSlugsAndCodesInEveryAddressAndQueryNeverGiveAServerError()
    {
        var slug = await RealTagSlugAsync();
        var addresses = new List<string>();
        foreach (var value in BadValues)
        {
            addresses.AddRange(
            [
                $"/exercises/{value}",
                $"/exercises/{value}/make-a-connection",
                $"/exercises/89/{value}",
                $"/exercises/{value}/responses",
                $"/tags/{value}",
                $"/strategy/{value}",
                $"/error/{value}",
                $"/{value}",
                $"/?page={value}",
                $"/exercises?page={value}",
                $"/exercises?number={value}",
                $"/exercises?initiative={value}",
                $"/exercises?direction={value}",
                $"/exercises?initiative={value}&direction={value}",
                $"/exercises?number={value}&page={value}",
                $"/exercises/89?page={value}",
                $"/tags/{slug}?page={value}",
                $"/tags?page={value}",
                $"/strategy?direction={value}",
                $"/healthz?{value}={value}",
                $"/account/login?returnUrl={value}",
                $"/account/login/two-factor?returnUrl={value}&rememberMe={value}",
                $"/error/404?code={value}",
            ]);
        }

        foreach (var returnUrl in BadReturnUrls)
        {
            addresses.Add($"/account/login?returnUrl={returnUrl}");
        }

        addresses.AddRange(
        [
            "/exercises?page=1&page=2", "/exercises?number=89&number=42", "/exercises?initiative=3.2&initiative=1.1",
            "/exercises?direction=3&direction=4", "/exercises/89?page=1&page=2", "/tags/" + slug + "?page=1&page=x",
            "/exercises?number", "/exercises?page", "/exercises?page=", "/exercises?=", "/exercises?&&&", "/exercises??page=1",
            "/exercises?page[]=1", "/exercises?page[0]=1", "/exercises?Page=1", "/exercises?PAGE=2", "/EXERCISES/89",
            "/exercises//89", "/exercises/89/", "/exercises/89//", "/./exercises/../exercises/89", "/tags/", "/tags//",
            "/strategy/", "/error", "/error/", "/error/0", "/error/200", "/error/399", "/error/500", "/error/503", "/error/599",
            "/error/600", "/healthz/", "/healthz/x",
        ]);

        foreach (var address in addresses)
        {
            await _log.SendAsync(HostileRequest.Get(address));
        }

        foreach (var method in new[] { "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "GET " })
        {
            foreach (var address in new[] { "/", "/exercises", "/exercises/89", "/exercises/89/make-a-connection", "/tags", $"/tags/{slug}", "/strategy", "/strategy/3.2", "/healthz", SignIn, "/error/404", ResponsePost })
            {
                await _log.SendAsync(new HostileRequest(method, address));
            }
        }

        await AssertStillHealthyAsync();
        _log.AssertNoServerErrors();
    }

    [Fact]
    public async Task EveryFieldOfTheResponseFormMissingDuplicatedEmptyOfTheWrongTypeOrOversizedNeverGivesAServerError()
    {
        var hidden = await ServedForm.HiddenFieldsAsync(_client, "/exercises/89", "form#response-form");
        var valid = new Dictionary<string, string>(hidden)
        {
            ["Form.DisplayName"] = "Ana Librarian",
            ["Form.Organisation"] = "City Library",
            ["Form.Country"] = "PT",
            ["Form.Text"] = "We mapped our partners.",
            ["Form.DidExercise"] = "true",
            ["Form.Website"] = "",
        };

        await SendFieldVariantsAsync(ResponsePost, valid);
        await AssertStillHealthyAsync();
        _log.AssertNoServerErrors();
    }

    [Fact]
    public async Task EveryFieldOfTheSignInFormMissingDuplicatedEmptyOfTheWrongTypeOrOversizedNeverGivesAServerError()
    {
        var hidden = await ServedForm.HiddenFieldsAsync(_client, SignIn, "form.account-form");
        var valid = new Dictionary<string, string>(hidden)
        {
            ["Email"] = await ServedForm.LockedOutEditorAsync(_app),
            ["Password"] = "not the password",
            ["RememberMe"] = "true",
            ["ReturnUrl"] = "/admin",
        };

        await SendFieldVariantsAsync(SignIn, valid);
        await AssertStillHealthyAsync();
        _log.AssertNoServerErrors();
    }

    [Fact]
    public async Task WrongMissingAndMalformedContentTypesAndBodiesNeverGiveAServerError()
    {
        var responseForm = await ServedForm.HiddenFieldsAsync(_client, "/exercises/89", "form#response-form");
        responseForm["Form.DisplayName"] = "Ana";
        responseForm["Form.Text"] = "Words";
        var signInForm = await ServedForm.HiddenFieldsAsync(_client, SignIn, "form.account-form");
        signInForm["Email"] = await ServedForm.LockedOutEditorAsync(_app);
        signInForm["Password"] = "not the password";

        foreach (var (path, fields) in new[] { (ResponsePost, responseForm), (SignIn, signInForm) })
        {
            var body = HostileRequest.Encode(fields);
            string?[] contentTypes =
            [
                null, "", "text/plain", "text/plain; charset=utf-8", "application/json", "application/xml", "text/html",
                "*/*", "application/octet-stream", "application/x-www-form-urlencoded; charset=utf-7",
                "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=\"utf-8\"",
                "application/x-www-form-urlencoded; charset=", "application/x-www-form-urlencoded; charset=\"",
                "application/x-www-form-urlencoded; charset=no-such-charset", "application/x-www-form-urlencoded; charset=utf-8; charset=utf-7",
                "application/x-www-form-urlencoded;;;", "application/x-www-form-urlencoded; boundary=x", "APPLICATION/X-WWW-FORM-URLENCODED",
                "application/x-www-form-urlencoded, text/plain", "application/x-www-form-urlencoded\u00e9", "multipart/form-data",
                "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=xyz",
                "multipart/form-data; boundary=" + new string('b', 200), "multipart/mixed; boundary=xyz", "multipart/form-data; charset=utf-7; boundary=xyz",
                "form-data", "application/", "/", ";", new string('x', 10_000),
            ];
            foreach (var contentType in contentTypes)
            {
                await _log.SendAsync(new HostileRequest("POST", path) { Body = body, ContentType = contentType }, "content type");
            }

            await _log.SendAsync(new HostileRequest("POST", path) { Body = System.Text.Json.JsonSerializer.Serialize(fields), ContentType = "application/json" }, "json body");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = Multipart(fields, "boundary42"), ContentType = "multipart/form-data; boundary=boundary42" }, "multipart");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = Multipart(fields, "boundary42")[..40], ContentType = "multipart/form-data; boundary=boundary42" }, "cut multipart");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = Multipart(fields, "boundary42").Replace("\r\n", "\n", StringComparison.Ordinal), ContentType = "multipart/form-data; boundary=boundary42" }, "multipart without CR");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = Multipart(fields, "boundary42"), ContentType = "multipart/form-data; boundary=other" }, "multipart wrong boundary");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = Multipart(fields, "boundary42").Replace("form-data; name=", "form-data; filename=\"a.txt\"; name=", StringComparison.Ordinal), ContentType = "multipart/form-data; boundary=boundary42" }, "multipart files");

            string[] bodies =
            [
                "", "%", "%zz", "%C0%AF=%FF%FE", "=", "&", "=&=&=", "&&&&&&", "a", "Form.Text", "==", "a=b=c", "+++=+++", "%00=%00",
                body + "&%", body + "&%zz=%zz", body.Replace("=", "=%", StringComparison.Ordinal), body + "&" + body, body + new string('&', 5_000),
                string.Join('&', Enumerable.Range(0, 2_000).Select(i => $"k{i}=v")), new string('k', 5_000) + "=v",
                body + "&" + new string('k', 3_000) + "=v", "\uFEFF" + body, body.Replace("&", ";", StringComparison.Ordinal),
                body.Replace("&", "\r\n", StringComparison.Ordinal),
            ];
            foreach (var hostileBody in bodies)
            {
                await _log.SendAsync(new HostileRequest("POST", path) { Body = hostileBody }, "body");
            }

            await _log.SendAsync(new HostileRequest("POST", path) { Body = body, Headers = [new("Content-Encoding", "gzip")] }, "not gzip");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = body, Headers = [new("Content-Encoding", "br, gzip, x-unknown")] }, "unknown encodings");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = body, Headers = [new("Sec-Fetch-Site", "\u00ff\u00fe")] }, "odd fetch site");
            await _log.SendAsync(new HostileRequest("POST", path) { Body = body, Headers = [new("Cookie", "=;;;=; .AspNetCore.Antiforgery.x=%zz; " + new string('c', 4_000) + "=1")] }, "odd cookies");
        }

        await AssertStillHealthyAsync();
        _log.AssertNoServerErrors();
    }

    /// <summary>Each field of <paramref name="valid"/> missing, empty, duplicated, of the wrong type and oversized.</summary>
    private async Task SendFieldVariantsAsync(string path, Dictionary<string, string> valid)
    {
        string[] wrongValues =
        [
            "", " ", " \t\r\n ", "0", "1", "-1", "garbage", "true,false", "false,true", "TRUE", "on", "off", "yes", "True ",
            "2026-12-05", "2026-12-05T10:00:00Z", "1e309", "NaN", "null", "[]", "{\"a\":1}", "<b>x</b>", "\0", "\u0001\u001b",
            "\uFFFD", "\u202Eevil", "\uFEFF", "\uD83D", "ZZ", "pt", "P", "PTX", "%", "%zz", "\u0660\u0661", "八十九",
            new string('x', 100 * 1024),
        ];
        string[] oddKeys = ["[0]", ".Value", "[]", "[Text]", ".Length", "..", ".", "\0", "\uFFFD", "%"];

        foreach (var field in valid.Keys.ToList())
        {
            await _log.SendAsync(HostileRequest.PostForm(path, valid.Where(f => f.Key != field)), $"{field} missing");
            await _log.SendAsync(HostileRequest.PostForm(path, valid.Append(valid.Single(f => f.Key == field))), $"{field} twice");
            await _log.SendAsync(HostileRequest.PostForm(path, valid.Append(new(field, "garbage"))), $"{field} twice, once garbage");
            await _log.SendAsync(HostileRequest.PostForm(path, valid.Concat(Enumerable.Repeat(valid.Single(f => f.Key == field), 500))), $"{field} 500 times");
            foreach (var wrong in wrongValues)
            {
                var fields = new Dictionary<string, string>(valid) { [field] = wrong };
                await _log.SendAsync(HostileRequest.PostForm(path, fields), $"{field}={ServerErrorLog.Shorten(wrong, 20)}");
            }

            foreach (var suffix in oddKeys)
            {
                await _log.SendAsync(HostileRequest.PostForm(path, valid.Where(f => f.Key != field).Append(new(field + suffix, valid[field]))), $"{field} as {field}{suffix}");
            }

            await _log.SendAsync(HostileRequest.PostForm(path, valid.Where(f => f.Key != field).Append(new(field.ToUpperInvariant(), valid[field]))), $"{field} in capitals");
        }

        // The largest attack the edge lets through by default: a 4 MB value in the text and in the check box.
        foreach (var field in new[] { "Form.Text", "Form.DidExercise", "Email", "RememberMe" }.Where(valid.ContainsKey))
        {
            await _log.SendAsync(HostileRequest.PostForm(path, new Dictionary<string, string>(valid) { [field] = new string('x', 4 * 1024 * 1024) }), $"{field} of 4 MB");
        }

        await _log.SendAsync(HostileRequest.PostForm(path, []), "nothing at all");
        await _log.SendAsync(HostileRequest.PostForm(path, valid.Where(f => f.Key.StartsWith("__", StringComparison.Ordinal))), "only the token");
        await _log.SendAsync(HostileRequest.PostForm(path, valid.Select(f => new KeyValuePair<string, string>(f.Key, ""))), "every field empty");
        await _log.SendAsync(HostileRequest.PostForm(path, valid.Select(f => new KeyValuePair<string, string>(f.Key, "garbage"))), "every field garbage");
        await _log.SendAsync(HostileRequest.PostForm(path, valid.Select(f => new KeyValuePair<string, string>(f.Key, new string('x', 20_000)))), "every field oversized");
    }

    private static string Multipart(Dictionary<string, string> fields, string boundary) =>
        string.Concat(fields.Select(f => $"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n")) + $"--{boundary}--\r\n";

    private async Task<string> RealTagSlugAsync()
    {
        var tags = await _app.GetDocumentAsync("/tags");
        var href = tags.QuerySelector("main a[href^='/tags/']")?.GetAttribute("href") ?? throw new InvalidOperationException("No tag is listed.");
        return href["/tags/".Length..];
    }

    private async Task AssertStillHealthyAsync()
    {
        using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
