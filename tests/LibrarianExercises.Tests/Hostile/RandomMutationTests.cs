using System.Net;
using System.Text;
using LibrarianExercises.Tests.Infrastructure;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// Valid requests, each mangled at random in its path, query, form body or headers: characters flipped, inserted
/// and deleted. The seed is fixed, so a failure found once is found again on every run.
/// </summary>
[Collection(RandomMutationCollection.Name)]
public sealed class RandomMutationTests : IAsyncLifetime
{
    private const int Seed = 20_261_205;
    private const int Mutations = 2_000;

    /// <summary>What gets inserted or flipped in: characters and fragments that parsers tend to trip over.</summary>
    private static readonly string[] Nasties =
    [
        "%", "%%", "%zz", "%2", "%00", "%0a", "%0d%0a", "%20", "%C0%AF", "%FF%FE", "%ED%A0%80", "%E2%80%AE", "%2F", "%5C",
        "%26", "%3D", "%3B", "&", "=", "?", "#", ";", ",", "+", "/", "\\", "..", "../", ".", "[0]", "[]", "'", "\"", "<", ">",
        "{", "}", "|", "^", "`", " ", "\t", "\u00a0", "\u200b", "\u202e", "\ufeff", "\ufffd", "é", "中", "٣", "８", "📚",
        "-", "0", "9", "-1", "99999999999", "true", "false", "null", "\u0001", "\u007f",
    ];

    /// <summary>Header values reach the site as any byte but CR, LF and NUL, which the server refuses before the site.</summary>
    private static readonly string[] HeaderNasties = [.. Nasties.Where(n => n.IndexOfAny(['\r', '\n', '\0']) < 0)];

    private static readonly string[] MutableHeaders =
    [
        "Cookie", "Content-Type", "Accept", "Accept-Language", "Accept-Encoding", "Referer", "Origin", "User-Agent",
        "Sec-Fetch-Site", "Sec-Fetch-Mode", "X-Forwarded-For", "X-Forwarded-Proto", "X-Requested-With", "If-None-Match",
        "If-Modified-Since", "Range", "Authorization", "Content-Encoding",
    ];

    private readonly LibrarianAppFactory _app = new LibrarianAppFactory().WithoutPostingLimit();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app.Settings["Responses:RateLimitPermits"] = "1000000";
        _client = _app.CreateBrowserlessClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TwoThousandRandomlyMangledValidRequestsNeverGiveAServerError()
    {
        var templates = await ValidRequestsAsync();
        var random = new Random(Seed);
        var log = new ServerErrorLog(_client);

        for (var i = 0; i < Mutations; i++)
        {
            var template = templates[random.Next(templates.Count)];
            var (mutant, what) = Mutate(template, random);
            await log.SendAsync(mutant, $"mutation {i}: {what}");
        }

        using var health = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(log.Sent > Mutations * 9 / 10, $"Only {log.Sent} of {Mutations} mutations could be sent.");
        log.AssertNoServerErrors();
    }

    /// <summary>A request of each kind a visitor or an editor's browser makes, with the cookies and tokens it would carry.</summary>
    private async Task<List<HostileRequest>> ValidRequestsAsync()
    {
        var responseForm = await ServedForm.HiddenFieldsAsync(_client, "/exercises/89", "form#response-form");
        responseForm["Form.DisplayName"] = "Ana Librarian";
        responseForm["Form.Organisation"] = "City Library";
        responseForm["Form.Country"] = "PT";
        responseForm["Form.Text"] = "We *mapped* our partners: https://example.org and [a link](https://example.org/x).";
        responseForm["Form.DidExercise"] = "true";
        responseForm["Form.Website"] = "";
        var signInForm = await ServedForm.HiddenFieldsAsync(_client, "/account/login", "form.account-form");
        signInForm["Email"] = await ServedForm.LockedOutEditorAsync(_app);
        signInForm["Password"] = "not the password";
        signInForm["RememberMe"] = "true";
        signInForm["ReturnUrl"] = "/admin";
        var tags = await _app.GetDocumentAsync("/tags");
        var tag = tags.QuerySelector("main a[href^='/tags/']")!.GetAttribute("href")!;

        IReadOnlyList<KeyValuePair<string, string>> browser = [new("Accept", "text/html,application/xhtml+xml"), new("Accept-Language", "en-GB,en;q=0.9"), new("Sec-Fetch-Site", "same-origin"), new("Referer", "http://localhost/exercises/89")];
        var gets = new[]
        {
            "/", "/exercises", "/exercises?page=2", "/exercises?number=89", "/exercises?initiative=3.2", "/exercises?direction=3",
            "/exercises?initiative=3.2&direction=3", "/exercises/89", "/exercises/89?page=1", "/exercises/89/make-a-connection",
            "/tags", tag, tag + "?page=1", "/strategy", "/strategy/3.2", "/healthz", "/account/login?returnUrl=%2Fadmin",
            "/error/404", "/no/such/page",
        }.Select(path => HostileRequest.Get(path) with { Headers = browser });

        // Posts are weighted up: they carry the most that can go wrong.
        var responsePost = HostileRequest.PostForm("/exercises/89/responses", responseForm) with { Headers = browser };
        var signInPost = HostileRequest.PostForm("/account/login", signInForm) with { Headers = browser };
        return [.. gets, .. Enumerable.Repeat(responsePost, 16), .. Enumerable.Repeat(signInPost, 3)];
    }

    private static (HostileRequest Mutant, string What) Mutate(HostileRequest request, Random random)
    {
        var times = random.Next(1, 4);
        var what = new List<string>();
        for (var i = 0; i < times; i++)
        {
            var part = random.Next(request.Body is null ? 3 : 4);
            switch (part)
            {
                case 0:
                    request = request with { Path = MutatePath(request.Path, random, out var pathOp) };
                    what.Add("path " + pathOp);
                    break;
                case 1:
                    request = request with { Path = MutateQuery(request.Path, random, out var queryOp) };
                    what.Add("query " + queryOp);
                    break;
                case 2:
                    var (withHeader, headerOp) = MutateHeaders(request, random);
                    request = withHeader;
                    what.Add("header " + headerOp);
                    break;
                default:
                    request = request with { Body = MutateText(request.Body!, Nasties, random, out var bodyOp) };
                    what.Add("body " + bodyOp);
                    break;
            }
        }

        return (request, string.Join(", ", what));
    }

    private static string MutatePath(string pathAndQuery, Random random, out string op)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        var rest = query < 0 ? "" : pathAndQuery[query..];
        var mutated = MutateText(path[1..], Nasties, random, out op);
        return "/" + mutated + rest;
    }

    private static string MutateQuery(string pathAndQuery, Random random, out string op)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            var name = new[] { "page", "number", "initiative", "direction", "returnUrl", "rememberMe" }[random.Next(6)];
            op = "added " + name;
            return pathAndQuery + "?" + name + "=" + Nasties[random.Next(Nasties.Length)];
        }

        return pathAndQuery[..(query + 1)] + MutateText(pathAndQuery[(query + 1)..], Nasties, random, out op);
    }

    private static (HostileRequest Request, string Op) MutateHeaders(HostileRequest request, Random random)
    {
        var headers = request.Headers.ToList();
        var name = MutableHeaders[random.Next(MutableHeaders.Length)];
        if (name == "Content-Type")
        {
            var contentType = MutateText(request.ContentType ?? "application/x-www-form-urlencoded", HeaderNasties, random, out var typeOp);
            return (request with { ContentType = contentType }, "Content-Type " + typeOp);
        }

        var index = headers.FindIndex(h => h.Key == name);
        var value = index >= 0 ? headers[index].Value : name switch
        {
            "Cookie" => ".AspNetCore.Antiforgery.abc=CfDJ8; other=1",
            "X-Forwarded-For" => "203.0.113.7",
            "Range" => "bytes=0-10",
            "If-Modified-Since" => "Sat, 05 Dec 2026 10:00:00 GMT",
            _ => "x",
        };
        var mutated = MutateText(value, HeaderNasties, random, out var op);
        if (index >= 0)
        {
            headers[index] = new(name, mutated);
        }
        else
        {
            headers.Add(new(name, mutated));
        }

        return (request with { Headers = headers }, $"{name} {op}");
    }

    /// <summary>Flips, inserts, deletes, repeats or cuts characters of <paramref name="text"/>.</summary>
    private static string MutateText(string text, string[] nasties, Random random, out string op)
    {
        var builder = new StringBuilder(text);
        var at = builder.Length == 0 ? 0 : random.Next(builder.Length);
        switch (random.Next(7))
        {
            case 0 when builder.Length > 0:
                var flipped = (char)(builder[at] ^ (1 << random.Next(7)));
                builder[at] = flipped;
                op = $"flipped a bit at {at}";
                break;
            case 1 when builder.Length > 0:
                var replacement = nasties[random.Next(nasties.Length)];
                builder.Remove(at, 1).Insert(at, replacement);
                op = $"replaced {at} by {ServerErrorLog.Shorten(replacement, 12)}";
                break;
            case 2 when builder.Length > 0:
                var count = Math.Min(builder.Length - at, random.Next(1, 12));
                builder.Remove(at, count);
                op = $"deleted {count} at {at}";
                break;
            case 3 when builder.Length > 0:
                var length = Math.Min(builder.Length - at, random.Next(1, 8));
                var repeated = string.Concat(Enumerable.Repeat(builder.ToString(at, length), random.Next(2, 2_000)));
                builder.Insert(at, repeated);
                op = $"repeated {length} at {at} to {repeated.Length}";
                break;
            case 4 when builder.Length > 0:
                builder.Length = at;
                op = $"cut at {at}";
                break;
            default:
                var inserted = nasties[random.Next(nasties.Length)];
                builder.Insert(at, inserted);
                op = $"inserted {ServerErrorLog.Shorten(inserted, 12)} at {at}";
                break;
        }

        return builder.ToString();
    }
}

/// <summary>
/// Two thousand requests as fast as the host answers, sign-ins (each a password hash) among them: run on their own,
/// after the others, so that they do not starve the browser tests' sign-ins of the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RandomMutationCollection
{
    public const string Name = "Random mutations";
}
