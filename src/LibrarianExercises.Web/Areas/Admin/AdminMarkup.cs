using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Areas.Admin;

/// <summary>
/// A count in its own span inside a localized plural text, for the editors' pages. Text with markup arguments goes
/// through <see cref="Services.Languages.HtmlText"/>, as on every page.
/// </summary>
public static class AdminMarkup
{
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
