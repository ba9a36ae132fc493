using System.Globalization;
using System.Text;
using Markdig;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// The text the search index holds and the words a query looks for, made the same way so that they meet.
/// </summary>
/// <remarks>
/// The index is SQLite FTS5 with the <c>unicode61 remove_diacritics 2</c> tokenizer: words are runs of letters and
/// digits, case and accents folded, so "bibliotheque" finds "Bibliothèque" and Arabic and Cyrillic words are words.
/// Chinese, Japanese, Thai and the like are written without spaces, and that tokenizer would take a whole sentence
/// as one word. So each character of those scripts is set apart by a zero-width space (a separator to the
/// tokenizer, invisible to a reader): every such character is a word of its own, and a query of two or more of them
/// is a phrase, found wherever those characters stand together in that order.
/// </remarks>
public static class SearchText
{
    /// <summary>Where a match begins and ends in a snippet; taken out of any text before it is indexed.</summary>
    public const char MatchStart = '\uE000';

    public const char MatchEnd = '\uE001';

    /// <summary>Sets apart the characters of scripts written without spaces.</summary>
    public const char Separator = '\u200B';

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <summary>Markdown as the reader sees it (no markup, no escapes, link words without their addresses), ready to index.</summary>
    public static string? FromMarkdown(string? markdown)
    {
        if (markdown is null)
        {
            return null;
        }

        string plain;
        try
        {
            plain = Markdig.Markdown.ToPlainText(markdown, Pipeline);
        }
#pragma warning disable CA1031 // Whatever defeats the parser, the words are still indexed, and the write that asked goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            plain = markdown;
        }

        return Words(plain);
    }

    /// <summary>Plain text ready to index: each character of a script written without spaces set apart.</summary>
    public static string? Words(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string normalized;
        try
        {
            normalized = text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Text with a lone surrogate cannot be normalised; it is indexed as it came.
            normalized = text;
        }

        var result = new StringBuilder(normalized.Length + 16);
        var previousApart = false;
        var previousWasWord = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune.Value is MatchStart or MatchEnd or Separator)
            {
                continue;
            }

            var apart = IsWrittenWithoutSpaces(rune);
            var word = IsWordPart(rune);
            if (word && previousWasWord && (apart || previousApart))
            {
                result.Append(Separator);
            }

            result.Append(rune.ToString());
            previousApart = apart;
            previousWasWord = word;
        }

        return result.ToString();
    }

    /// <summary>
    /// A key initiative's name as the index holds it among an exercise's labels: the English name, and each of its
    /// translations the site ships, so that a reader finds it in their own language.
    /// </summary>
    public static string? InitiativeNames(string? english) =>
        english is null ? null : Words(string.Join('\n', [english, .. Languages.StrategyNameTranslations.Of(english)]));

    /// <summary>The reader's text back from the index: the separators taken out again.</summary>
    public static string Readable(string indexed) =>
        indexed.Replace(Separator.ToString(), "", StringComparison.Ordinal);

    /// <summary>Letters, digits, marks and private-use characters: what a word is made of.</summary>
    public static bool IsWordPart(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.PrivateUse => rune.Value is not (MatchStart or MatchEnd),
        _ => false,
    };

    /// <summary>Letters and digits: a word needs at least one (marks alone are no word to the index).</summary>
    public static bool IsLetterOrDigit(Rune rune) => Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.PrivateUse;

    /// <summary>Han, kana, Thai, Lao, Khmer and Myanmar: scripts whose words are not separated by spaces.</summary>
    public static bool IsWrittenWithoutSpaces(Rune rune) => rune.Value switch
    {
        >= 0x0E00 and <= 0x0EFF => true, // Thai, Lao
        >= 0x1000 and <= 0x109F => true, // Myanmar
        >= 0x1780 and <= 0x17FF => true, // Khmer
        >= 0x2E80 and <= 0x2FDF => true, // CJK radicals
        >= 0x3005 and <= 0x3007 => true, // ideographic iteration mark, closing mark, number zero
        >= 0x3021 and <= 0x3029 => true, // Hangzhou numerals
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x31F0 and <= 0x31FF => true, // Katakana extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK Compatibility Ideographs
        >= 0xFF66 and <= 0xFF9F => true, // half-width Katakana
        >= 0x20000 and <= 0x323AF => true, // CJK Extensions B to H
        _ => false,
    };
}
