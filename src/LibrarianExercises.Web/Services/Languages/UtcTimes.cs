using System.Globalization;
using System.Text.Encodings.Web;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// The one way a moment is written for people, on the public pages and the editors' alike: its day as
/// <see cref="PublicationDate"/> writes dates, then its time of day in the short time pattern (the long one where the
/// second matters) of the language the surrounding text is written in, then "UTC": "7 December 2026, 4:58 PM UTC"
/// in English, "7 décembre 2026 à 16:58 UTC" in French.
/// </summary>
public static class UtcTimes
{
    /// <summary>The interface text that joins the day ({0}) and the time of day ({1}); in SiteText and AdminText alike.</summary>
    public const string Format = "{0}, {1} UTC";

    /// <summary>A <c>time</c> element: the moment for people, with its exact value for machines.</summary>
    /// <param name="text">The localizer of the text around it, whose language decides how the moment is written.</param>
    public static IHtmlContent Html<TText>(IStringLocalizer<TText> text, DateTime utc, bool withSeconds = false) =>
        new HtmlString($"<time datetime=\"{ForMachines(utc)}\">{HtmlEncoder.Default.Encode(Text(text, utc, withSeconds))}</time>");

    /// <summary>The moment for people, in the language <paramref name="text"/> is written in on this request.</summary>
    public static string Text<TText>(IStringLocalizer<TText> text, DateTime utc, bool withSeconds = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = TranslatedLanguages.LanguageOf<TText>().Culture;
        return text[Format, PublicationDate.ForPeople(DateOnly.FromDateTime(utc), DatePrecision.Day, culture), TimeOfDay(utc, culture, withSeconds)].Value;
    }

    /// <summary>The time of day as <paramref name="culture"/> writes it: its short time pattern, or its long one with seconds.</summary>
    public static string TimeOfDay(DateTime utc, CultureInfo culture, bool withSeconds = false)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return utc.ToString(withSeconds ? culture.DateTimeFormat.LongTimePattern : culture.DateTimeFormat.ShortTimePattern, culture);
    }

    /// <summary>As HTML's <c>time</c> element takes it: ISO 8601 in UTC, to the second.</summary>
    public static string ForMachines(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
