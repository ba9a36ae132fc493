using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Markdown;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>Why a response is kept back from the page. Stored with it for the moderator.</summary>
public static class HoldReasons
{
    public const string Honeypot = "honeypot-filled";
    public const string TooFast = "form-sent-too-fast";
    public const string TooOld = "form-too-old";
    public const string BadFormToken = "form-token-invalid";
    public const string TooManyLinks = "too-many-links";
    public const string ScreeningFailed = "screening-failed";
}

public sealed record ScreeningResult(ResponseStatus Status, string? Reason);

/// <summary>
/// Tells likely robots from people without losing the people: a suspicious response is kept as held or spam,
/// never dropped. The clock is injected so that tests can control the form's age.
/// </summary>
public sealed class ResponseScreening
{
    private readonly IDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly ResponseOptions _options;
    private readonly ResponseMarkdownRenderer _markdown;
    private readonly byte[] _salt;

    public ResponseScreening(IDataProtectionProvider protection, TimeProvider clock, IOptions<ResponseOptions> options, ResponseMarkdownRenderer markdown)
    {
        _protector = protection.CreateProtector("LibrarianExercises.ResponseForm.v1");
        _clock = clock;
        _options = options.Value;
        _markdown = markdown;
        _salt = _options.ClientHashSalt is { Length: > 0 } salt ? Encoding.UTF8.GetBytes(salt) : RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>A token recording when the form was served, for <see cref="Screen"/> to read back.</summary>
    public string IssueFormToken() =>
        _protector.Protect(_clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    public ScreeningResult Screen(ResponseForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form.Website))
        {
            return new ScreeningResult(ResponseStatus.Spam, HoldReasons.Honeypot);
        }

        if (ReadIssuedAt(form.FormToken) is not { } issuedAt)
        {
            return new ScreeningResult(ResponseStatus.Held, HoldReasons.BadFormToken);
        }

        var age = _clock.GetUtcNow() - issuedAt;
        if (age < _options.MinimumFormAge)
        {
            return new ScreeningResult(ResponseStatus.Held, HoldReasons.TooFast);
        }

        if (age > _options.MaximumFormAge)
        {
            return new ScreeningResult(ResponseStatus.Held, HoldReasons.TooOld);
        }

        return _markdown.CountLinks(form.Text ?? "") > _options.MaximumLinks
            ? new ScreeningResult(ResponseStatus.Held, HoldReasons.TooManyLinks)
            : new ScreeningResult(ResponseStatus.Published, null);
    }

    /// <summary>A salted hash of the client's address: enough to tell repeat posters apart, not to find them.</summary>
    public string? HashClient(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var hash = HMACSHA256.HashData(_salt, address.GetAddressBytes());
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private DateTimeOffset? ReadIssuedAt(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var ticks = long.Parse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture);
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
