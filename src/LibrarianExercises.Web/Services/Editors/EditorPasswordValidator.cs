using Microsoft.AspNetCore.Identity;

namespace LibrarianExercises.Web.Services.Editors;

/// <summary>
/// Password rules of NIST SP 800-63B's kind: long enough, not too long to hash, and not one that attackers try
/// first (a common password, the account's own address, the site's name, one character or a run repeated).
/// No rules of composition.
/// </summary>
public sealed class EditorPasswordValidator : IPasswordValidator<IdentityUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(() =>
        [.. StartingContent.ReadText(StartingContent.CommonPasswords)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.ToLowerInvariant())]);

    private static readonly string[] ContextWords = ["librarian", "librarianexercises", "10minute", "ifla", "exercises"];

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordMissing", "Please give a password.")));
        }

        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordTooLong", $"A password can be at most {MaximumLength} characters long.")));
        }

        var folded = new string([.. password.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        if (Common.Value.Contains(password.ToLowerInvariant()) || Common.Value.Contains(folded) || IsRepetition(folded))
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordCommon", "That password is among the first that attackers try. Please choose a longer phrase of your own.")));
        }

        // The whole address and its local part, folded like the password: "ana@example.org!" is the address.
        var address = (user.Email ?? user.UserName ?? "").ToLowerInvariant();
        static string Fold(string text) => new([.. text.Where(char.IsLetterOrDigit)]);
        var withoutContext = ContextWords.Append(Fold(address)).Append(Fold(address.Split('@')[0]))
            .Where(w => w.Length >= 3)
            .OrderByDescending(w => w.Length)
            .Aggregate(folded, (rest, word) => rest.Replace(word, "", StringComparison.Ordinal));
        if (folded.Length > 0 && withoutContext.Length < 6)
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordContext", "That password is mostly your e-mail address or the site's name. Please choose one that is not.")));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>"aaaaaaaaaaaa", "abcabcabcabc", "123456789012": a short run repeated or counted up.</summary>
    private static bool IsRepetition(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        for (var period = 1; period <= text.Length / 2; period++)
        {
            if (text.Length % period == 0 && string.Concat(Enumerable.Repeat(text[..period], text.Length / period)) == text)
            {
                return true;
            }
        }

        var ascending = true;
        var descending = true;
        for (var i = 1; i < text.Length; i++)
        {
            ascending &= (text[i] - text[i - 1] + 10) % 10 == 1 || text[i] - text[i - 1] == 1;
            descending &= (text[i - 1] - text[i] + 10) % 10 == 1 || text[i - 1] - text[i] == 1;
        }

        return ascending || descending;
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
