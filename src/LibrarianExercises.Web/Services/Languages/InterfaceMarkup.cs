using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// How the pages write what is not interface text: an exercise's number is its name and reads "#89" in every
/// language and direction; exercise titles and the strategy's names are English, marked so for screen readers and
/// hyphenation, and isolated so that they never reorder the translated text around them.
/// </summary>
public static class InterfaceMarkup
{
    /// <summary>"#89", in Western digits whatever the page's language.</summary>
    public static string ExerciseName(int number) => "#" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number as one left-to-right unit, so that an Arabic page does not show it as "89#".</summary>
    public static IHtmlContent ExerciseNumber(int number) =>
        new HtmlString($"<bdi class=\"exercise-number\" dir=\"ltr\">{ExerciseName(number)}</bdi>");

    /// <summary>Text that is written in English (an exercise's title, the strategy's names), marked and isolated.</summary>
    public static IHtmlContent InEnglish(string? text) =>
        new HtmlString($"<bdi lang=\"en\">{HtmlEncoder.Default.Encode(text ?? "")}</bdi>");

    /// <summary>Text someone wrote (a name, a search), isolated so that its script cannot reorder the sentence around it.</summary>
    public static IHtmlContent Isolated(string? text) =>
        new HtmlString($"<bdi>{HtmlEncoder.Default.Encode(text ?? "")}</bdi>");

    /// <summary>"#89: Title" as the page's language writes the pair.</summary>
    public static IHtmlContent NumberAndTitle(this IStringLocalizer localizer, int number, string title) =>
        localizer.Html("{0}: {1}", ExerciseNumber(number), InEnglish(title));

    /// <summary>"#89: Title" as plain text (a page title, a feed entry).</summary>
    public static string NumberAndTitleText(this IStringLocalizer localizer, int number, string title)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["{0}: {1}", ExerciseName(number), title].Value;
    }
}
