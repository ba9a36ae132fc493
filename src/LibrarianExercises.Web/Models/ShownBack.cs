namespace LibrarianExercises.Web.Models;

/// <summary>
/// What a refused form shows back of what was sent: never more than the field takes, so that a page cannot be made
/// to carry megabytes of someone's text, and with each character that cannot be stored (a NUL, say) shown as
/// <see cref="StorableText.Marker"/>, which a page can carry and the writer can find. The views say when something
/// was left out.
/// </summary>
public static class ShownBack
{
    /// <summary>For fields without a limit of their own that a person never types into (the form token, the honeypot).</summary>
    public const int HiddenFieldLimit = 1_000;

    /// <summary>For words of an address or query shown in an explanation (“… is not one”).</summary>
    public const int AddressValueLimit = 100;

    /// <summary>
    /// The first <paramref name="limit"/> characters of <paramref name="text"/>, without splitting a surrogate pair,
    /// unstorable ones marked (one for one, so that the count of what was left out stays true).
    /// </summary>
    public static string? Cut(string? text, int limit)
    {
        if (text is null || text.Length <= limit)
        {
            return StorableText.Marked(text);
        }

        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return StorableText.Marked(text[..end]);
    }

    /// <summary>How many characters <see cref="Cut"/> leaves out.</summary>
    public static int LeftOut(string? text, int limit) => (text?.Length ?? 0) - (Cut(text, limit)?.Length ?? 0);
}
