using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Exercises;

/// <summary>
/// A date written to its precision in the reader's language, as its culture writes dates: "4 May 2021" or "May 2021"
/// in English, "4 mai 2021" in French, "2021年5月4日" in Chinese, always in the Gregorian calendar.
/// </summary>
public static partial class PublicationDate
{
    private static readonly ConcurrentDictionary<string, string> DayPatterns = new(StringComparer.Ordinal);

    public static string ForPeople(DateOnly date, DatePrecision precision) => ForPeople(date, precision, CultureInfo.CurrentCulture);

    /// <summary>The date as <paramref name="culture"/> writes it, for text written in another language than the page's.</summary>
    public static string ForPeople(DateOnly date, DatePrecision precision, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var pattern = precision == DatePrecision.Month ? culture.DateTimeFormat.YearMonthPattern : DayPattern(culture);
        return date.ToString(pattern, culture);
    }

    /// <summary>A <c>time</c> element: the date for people, with its machine-readable value.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent TimeElement(DateOnly date, DatePrecision precision) =>
        new Microsoft.AspNetCore.Html.HtmlString(
            $"<time datetime=\"{ForMachines(date, precision)}\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(ForPeople(date, precision))}</time>");

    /// <summary>As HTML's <c>time</c> element and the audit trail take it: <c>2021-05-04</c>, or <c>2021-05</c> for a month.</summary>
    public static string ForMachines(DateOnly date, DatePrecision precision) =>
        date.ToString(precision == DatePrecision.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The culture's long date without the day of the week: a publication date is read for when, not for which day.
    /// The invariant culture (English without a country) writes day, month, year, as the site always has.
    /// </summary>
    private static string DayPattern(CultureInfo culture) => DayPatterns.GetOrAdd(culture.Name, _ =>
        culture.TwoLetterISOLanguageName is "en" or "iv"
            ? "d MMMM yyyy"
            : Weekday().Replace(culture.DateTimeFormat.LongDatePattern, "").Trim(' ', ',', '،'));

    // "dddd" with the separator that joins it to the date, before or after it.
    [GeneratedRegex(@"dddd[,،]?\s*|\s*[,،]?\s*dddd", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();
}
