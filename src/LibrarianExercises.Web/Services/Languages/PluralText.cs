using System.Collections.Concurrent;
using System.Globalization;
using ICU4N.Text;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// Text that depends on a count, in each language's own plural forms (CLDR's rules through ICU: Arabic has six,
/// Russian three, Chinese one). A plural text is a family of resource keys, one per form the language has:
/// "{0} responses|one", "{0} responses|other", and in Arabic also "|zero", "|two", "|few" and "|many".
/// </summary>
public static class PluralText
{
    public const char FormSeparator = '|';

    private static readonly ConcurrentDictionary<string, PluralRules> Rules = new(StringComparer.Ordinal);

    /// <summary>The form of <paramref name="family"/> for <paramref name="count"/>, with the count in the reader's digits as {0}.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string family, long count, params object[] more)
    {
        var form = Form(localizer, family, count);
        return new LocalizedString(form.Name, string.Format(CultureInfo.CurrentCulture, form.Value, Arguments(count, more)), form.ResourceNotFound);
    }

    /// <summary>The form of <paramref name="family"/> for <paramref name="count"/>, its placeholders not yet filled.</summary>
    public static LocalizedString Form(this IStringLocalizer localizer, string family, long count)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var form = localizer[family + FormSeparator + FormOf(CultureInfo.CurrentUICulture, count)];
        // A language whose file lacks a form still says something sensible: its general form.
        return form.ResourceNotFound ? localizer[family + FormSeparator + "other"] : form;
    }

    /// <summary>The count in the reader's digits as {0}, then the others as {1}, {2}...</summary>
    public static object?[] Arguments(long count, object?[] more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var arguments = new object?[more.Length + 1];
        arguments[0] = count.ToString("N0", CultureInfo.CurrentCulture);
        more.CopyTo(arguments, 1);
        return arguments;
    }

    /// <summary>The CLDR plural category ("zero", "one", "two", "few", "many", "other") of a count in a language.</summary>
    public static string FormOf(CultureInfo culture, long count) => RulesFor(culture).Select(count);

    /// <summary>Every plural category a language distinguishes.</summary>
    public static IReadOnlyCollection<string> FormsOf(CultureInfo culture) => [.. RulesFor(culture).Keywords];

    private static PluralRules RulesFor(CultureInfo culture) =>
        Rules.GetOrAdd(culture.TwoLetterISOLanguageName, _ => PluralRules.GetInstance(culture));
}
