using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>What a response form's token says: when it was served, for which exercise, and its single-use number.</summary>
public sealed record FormTicket(DateTimeOffset IssuedAt, int ExerciseNumber, string Nonce);

/// <summary>
/// The response form's token, protected with Data Protection so that it cannot be forged: it records when the form
/// was served and for which exercise, and carries a nonce so that a second response sent with it is seen as a replay.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("LibrarianExercises.ResponseForm.v2");

    public string Issue(int exerciseNumber)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow().UtcTicks}|{exerciseNumber}|{nonce}"));
    }

    /// <returns>Null when the token is missing, forged, damaged or from another key ring.</returns>
    public FormTicket? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 3
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? new FormTicket(new DateTimeOffset(ticks, TimeSpan.Zero), number, parts[2])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
