using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>What a response form's token says: when it was served, for which exercise, and its single-use number.</summary>
public sealed record FormTicket(DateTimeOffset IssuedAt, int ExerciseNumber, string Nonce);

/// <summary>
/// The response form's token: when the form was served, for which exercise, and a nonce so that a second response
/// sent with it is seen as a replay, signed (HMAC-SHA256 with the instance's form-token key) so that it cannot be
/// forged or altered. Signed, not encrypted: nothing in it is secret from the visitor who holds it, and a signature
/// costs a fraction of a Data Protection operation, which every view of an exercise page and every post would pay
/// (measured: 3 % of a cached page's server time, 10 % of a post's with its page).
/// </summary>
public sealed class FormTokens(InstanceSecrets secrets, TimeProvider clock)
{
    private const int NonceBytes = 16;

    /// <summary>Longer than any token this class makes; anything longer is refused before it is read.</summary>
    private const int MaxLength = 160;

    private byte[]? _key;

    private byte[] Key => _key ??= secrets.Get(InstanceSecret.FormTokenKey);

    public string Issue(int exerciseNumber)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(NonceBytes));
        var content = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow().UtcTicks}.{exerciseNumber}.{nonce}");
        return $"{content}.{Base64Url.EncodeToString(Sign(content))}";
    }

    /// <returns>Null when the token is missing, forged, altered, damaged or signed with another instance's key.</returns>
    public FormTicket? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var lastDot = token.LastIndexOf('.');
        if (lastDot < 0)
        {
            return null;
        }

        // Compared as text, so that a signature has one spelling only.
        var content = token[..lastDot];
        var expected = Base64Url.EncodeToString(Sign(content));
        if (!CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected.AsSpan()), MemoryMarshal.AsBytes(token.AsSpan(lastDot + 1))))
        {
            return null;
        }

        var parts = content.Split('.');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && parts[2].Length == NonceBytes * 2
            ? new FormTicket(new DateTimeOffset(ticks, TimeSpan.Zero), number, parts[2])
            : null;
    }

    private byte[] Sign(string content) => HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(content));
}
