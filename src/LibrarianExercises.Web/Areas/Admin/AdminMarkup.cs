using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Areas.Admin;

/// <summary>
/// Localized text with markup inside it (a link, a <c>&lt;bdi&gt;</c>, a number in its own span) without markup in
/// the resource: the text is HTML-encoded, and the markup comes in as arguments, so that a translator moves the
/// placeholder and never sees a tag.
/// </summary>
public static class AdminMarkup
{
    // Control characters no translation holds: they mark where an HTML argument goes until the text is encoded.
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    /// <summary>
    /// <paramref name="format"/> (a localizer's text, unformatted) with its placeholders filled: an
    /// <see cref="IHtmlContent"/> argument as HTML, any other as encoded text (formatted in the reader's culture).
    /// </summary>
    public static IHtmlContent Html(this LocalizedString format, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(arguments);
        var markers = arguments.Select((a, i) => a is IHtmlContent ? (object)(Open + i.ToString(CultureInfo.InvariantCulture) + Close) : a).ToArray();
        var text = string.Format(CultureInfo.CurrentCulture, format.Value, markers);
        var output = new HtmlContentBuilder();
        var start = 0;
        for (var open = text.IndexOf(Open, start); open >= 0; open = text.IndexOf(Open, start))
        {
            var close = text.IndexOf(Close, open);
            output.Append(text[start..open]);
            output.AppendHtml((IHtmlContent)arguments[int.Parse(text.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture)]!);
            start = close + 1;
        }

        output.Append(text[start..]);
        return output;
    }

    /// <summary>
    /// <paramref name="text"/> (a plural form, the count already in it) with the count in a
    /// <c>&lt;span class="<paramref name="cssClass"/>"&gt;</c>, so that a page and its tests can still find the number.
    /// </summary>
    public static IHtmlContent WithCount(this LocalizedString text, long count, string cssClass)
    {
        ArgumentNullException.ThrowIfNull(text);
        var number = count.ToString("N0", CultureInfo.CurrentCulture);
        var at = text.Value.IndexOf(number, StringComparison.Ordinal);
        if (at < 0)
        {
            return new HtmlString(HtmlEncoder.Default.Encode(text.Value));
        }

        return new HtmlContentBuilder()
            .Append(text.Value[..at])
            .AppendHtml("<span class=\"" + HtmlEncoder.Default.Encode(cssClass) + "\">")
            .Append(number)
            .AppendHtml("</span>")
            .Append(text.Value[(at + number.Length)..]);
    }
}
