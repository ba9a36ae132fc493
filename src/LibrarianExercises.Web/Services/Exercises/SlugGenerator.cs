using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace LibrarianExercises.Web.Services.Exercises;

/// <summary>
/// Makes URL slugs that keep letters and digits of every script (Arabic, Chinese, Cyrillic…) and fold case,
/// so "Community engagement", "社区参与" and "المشاركة المجتمعية" all get readable, stable addresses.
/// </summary>
public static class SlugGenerator
{
    public const int MaxLength = 100;

    public static string Slugify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSeparator = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (IsApostrophe(rune))
            {
                // "community’s" reads better as "communitys" than "community-s".
                continue;
            }

            // Zero-width (non-)joiners shape Persian and Indic words; they are part of the word, not a space.
            if (IsWordPart(category) || rune.Value is 0x200C or 0x200D)
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingSeparator = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                pendingSeparator = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            slug = TrimToLength(slug);
        }

        return slug;
    }

    /// <summary>
    /// True when <paramref name="candidate"/> could be a slug this generator made (in any letter case). Nothing, blanks,
    /// control characters and broken UTF-16 never are, and are refused before normalisation (which throws on the last).
    /// </summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? candidate) =>
        candidate is { Length: > 0 and <= MaxLength }
        && !candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && IsWholeUtf16(candidate)
        && Slugify(candidate) == candidate.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The form a slug is stored and looked up in.</summary>
    public static string Canonical(string candidate) => candidate.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static bool IsWordPart(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        or UnicodeCategory.DecimalDigitNumber;

    private static bool IsWholeUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '\u02BC';

    private static string TrimToLength(string slug)
    {
        var cut = slug[..MaxLength];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        var lastSeparator = cut.LastIndexOf('-');
        return (lastSeparator > MaxLength / 2 ? cut[..lastSeparator] : cut).TrimEnd('-');
    }
}
