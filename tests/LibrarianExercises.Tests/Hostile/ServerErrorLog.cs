using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Hostile;

/// <summary>
/// Sends hostile requests one after another and keeps every one answered with a server error (or that made the
/// test server throw), so that a run reports all of them together, each with the request that caused it.
/// </summary>
internal sealed class ServerErrorLog(HttpClient client)
{
    private const int ShownFailures = 60;
    private readonly List<string> _failures = [];

    public int Sent { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>A request as the suite builds it: built anew for each send, as a message can be sent once.</summary>
    public async Task SendAsync(HostileRequest request, string? note = null)
    {
        HttpRequestMessage message;
        try
        {
            message = request.ToMessage();
        }
        catch (Exception e) when (e is UriFormatException or FormatException or ArgumentException)
        {
            // The client itself cannot send it, so neither can an attacker's browser; a raw socket is not in scope here.
            return;
        }

        using (message)
        {
            Sent++;
            try
            {
                using var response = await client.SendAsync(message);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{status} for {request.Describe()}{Note(note)}"));
                }
            }
            catch (InvalidOperationException) when (request.PathHasNullCharacter)
            {
                // The test server cannot make such a path into a request at all; Kestrel refuses it with 400 before
                // the site sees it.
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or InvalidDataException or FormatException)
            {
                _failures.Add($"{e.GetType().Name} ({Shorten(e.Message, 200)}) for {request.Describe()}{Note(note)}");
            }
        }
    }

    /// <summary>Fails the test with every server error seen, or does nothing when there was none.</summary>
    public void AssertNoServerErrors()
    {
        if (_failures.Count == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{_failures.Count} of {Sent} hostile requests got a server error:");
        foreach (var failure in _failures.Take(ShownFailures))
        {
            report.Append('\n').Append("  ").Append(failure);
        }

        if (_failures.Count > ShownFailures)
        {
            report.Append(CultureInfo.InvariantCulture, $"\n  … and {_failures.Count - ShownFailures} more");
        }

        Assert.Fail(report.ToString());
    }

    internal static string Shorten(string text, int length)
    {
        var printable = new StringBuilder(Math.Min(text.Length, length + 10));
        foreach (var c in text.Length > length ? text[..length] : text)
        {
            printable.Append(char.IsControl(c) || char.IsSurrogate(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString());
        }

        return text.Length > length
            ? printable.Append(CultureInfo.InvariantCulture, $"…({text.Length:N0} chars)").ToString()
            : printable.ToString();
    }

    private static string Note(string? note) => note is null ? "" : $" [{note}]";
}

/// <summary>One request of the suite: method, address, headers and body, all as text that can be mangled.</summary>
internal sealed record HostileRequest(string Method, string Path)
{
    public string? Body { get; init; }

    /// <summary>Null sends a body without a Content-Type header.</summary>
    public string? ContentType { get; init; } = "application/x-www-form-urlencoded";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static HostileRequest Get(string path) => new("GET", path);

    public static HostileRequest PostForm(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        new("POST", path) { Body = Encode(fields) };

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public bool PathHasNullCharacter => Uri.UnescapeDataString(Path.Split('?')[0]).Contains('\0', StringComparison.Ordinal);

    public HttpRequestMessage ToMessage()
    {
        // Absolute, so that a path starting "//host" stays a path on this site rather than another host.
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri("http://localhost" + (Path.StartsWith('/') ? "" : "/") + Path));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    public string Describe()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(ServerErrorLog.Shorten(Path, 160));
        if (Body is not null)
        {
            text.Append(" (").Append(ContentType is null ? "no content type" : ServerErrorLog.Shorten(ContentType, 80))
                .Append(") body ").Append(ServerErrorLog.Shorten(Body, 160));
        }

        foreach (var (name, value) in Headers)
        {
            text.Append(" | ").Append(name).Append(": ").Append(ServerErrorLog.Shorten(value, 80));
        }

        return text.ToString();
    }
}

/// <summary>What hostile posts need from the site: the tokens of a served form, an address to sign in with.</summary>
internal static class ServedForm
{
    public const string LockedOutEditor = "locked.out@example.org";

    /// <summary>
    /// An editor's account locked for a century: sign-in attempts with its address go through every check but are
    /// refused before the password is hashed, which keeps hundreds of hostile sign-ins quick.
    /// </summary>
    public static async Task<string> LockedOutEditorAsync(Infrastructure.LibrarianAppFactory app)
    {
        await Infrastructure.EditorSession.AddEditorAsync(app, LockedOutEditor);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(LockedOutEditor) ?? throw new InvalidOperationException("The editor was not made.");
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(100));
        return LockedOutEditor;
    }

    /// <summary>Hidden fields of a served form, read once so that hostile posts carry valid tokens where they mean to.</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string path, string formSelector)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page = await Infrastructure.LibrarianAppFactory.ParseAsync(response);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{path} has no {formSelector}.");
        return form.QuerySelectorAll("input[type=hidden]")
            .Select(i => (Name: i.GetAttribute("name"), Value: i.GetAttribute("value") ?? ""))
            .Where(i => i.Name is not null)
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
    }
}
