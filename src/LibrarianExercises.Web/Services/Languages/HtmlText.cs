using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// Interface text with markup in it ("Published {0}" around a <c>time</c> element): the translation decides where the
/// markup goes, and everything of it is encoded (the translated text too) except the markup the page passes in.
/// </summary>
public static partial class HtmlText
{
    /// <summary>The text of <paramref name="key"/> with its placeholders filled: markup as it is, anything else encoded.</summary>
    public static IHtmlContent Html(this IStringLocalizer localizer, string key, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Compose(localizer[key].Value, arguments);
    }

    /// <summary>A text already looked up (<c>T["Its name now: {0}"]</c>) with its placeholders filled the same way.</summary>
    public static IHtmlContent Html(this LocalizedString format, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(format);
        return Compose(format.Value, arguments);
    }

    /// <summary>A plural text (see <see cref="PluralText"/>): the count as {0}, markup or text as {1}, {2}...</summary>
    public static IHtmlContent PluralHtml(this IStringLocalizer localizer, string family, long count, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Compose(localizer.Form(family, count).Value, PluralText.Arguments(count, arguments));
    }

    private static HtmlContentBuilder Compose(string format, object?[] arguments)
    {
        var builder = new HtmlContentBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            builder.Append(format[at..placeholder.Index]);
            var index = int.Parse(placeholder.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            switch (index < arguments.Length ? arguments[index] : null)
            {
                case IHtmlContent markup:
                    builder.AppendHtml(markup);
                    break;
                case IFormattable formattable when placeholder.Groups[2].Success:
                    // "{0:d MMM yyyy}": the translation may say how a date or number is written.
                    builder.Append(formattable.ToString(placeholder.Groups[2].Value, System.Globalization.CultureInfo.CurrentCulture));
                    break;
                case { } value:
                    builder.Append(Convert.ToString(value, System.Globalization.CultureInfo.CurrentCulture));
                    break;
                default:
                    builder.Append(placeholder.Value);
                    break;
            }

            at = placeholder.Index + placeholder.Length;
        }

        builder.Append(format[at..]);
        return builder;
    }

    [GeneratedRegex(@"\{(\d+)(?::([^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
