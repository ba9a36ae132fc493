using System.ComponentModel.DataAnnotations;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Models;

/// <summary>
/// Text the site can keep and give out again: the characters XML 1.0 allows (tab, line feed, carriage return and
/// every character from U+0020 on, except U+FFFE, U+FFFF and halves of surrogate pairs). A response's name and text
/// go into Atom feeds, which cannot carry the others, and a NUL cuts text short in the tools that read the database.
/// </summary>
public static class StorableText
{
    /// <summary>What an unstorable character is shown back as, so that the writer can find and remove it.</summary>
    public const char Marker = '\uFFFD';

    public static bool IsStorable(string? text) => text is null || FirstUnstorable(text) < 0;

    /// <summary><paramref name="text"/> with each character that cannot be stored replaced by <see cref="Marker"/>.</summary>
    public static string? Marked(string? text)
    {
        if (text is null || FirstUnstorable(text) is var first && first < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (i + 1 < chars.Length && XmlConvert.IsXmlSurrogatePair(chars[i + 1], chars[i]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(chars[i]))
            {
                chars[i] = Marker;
            }
        }

        return new string(chars);
    }

    private static int FirstUnstorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}

/// <summary>
/// Refuses a field holding a character that cannot be stored (<see cref="StorableText"/>), with its message, a key of
/// the site's text, in the reader's language: MVC translates the messages of the attributes it knows, not this one's.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StorableTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text || StorableText.IsStorable(text))
        {
            return ValidationResult.Success;
        }

        var message = validationContext.GetService<IStringLocalizer<Resources.SiteText>>()?[ErrorMessageString].Value ?? ErrorMessageString;
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
