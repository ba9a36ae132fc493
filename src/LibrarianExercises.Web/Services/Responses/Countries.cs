using System.Collections.Concurrent;
using System.Globalization;
using ICU4N.Globalization;

namespace LibrarianExercises.Web.Services.Responses;

public sealed record Country(string Code, string Name);

/// <summary>
/// The ISO 3166-1 countries a visitor can choose from, named in the reader's language from ICU's (CLDR's) data, and
/// sorted as that language sorts: "Allemagne" before "Autriche" in French, by stroke and pinyin order in Chinese.
/// </summary>
public sealed class Countries
{
    private readonly HashSet<string> _codes;

    // Names and their order depend only on the language: worked out once per language, not on every page.
    private readonly ConcurrentDictionary<string, IReadOnlyList<Country>> _sorted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Language, string Code), string> _names = new();

    public Countries()
    {
        var text = StartingContent.ReadText(StartingContent.CountryCodes);
        _codes = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    public bool IsKnown(string code) => _codes.Contains(code);

    /// <summary>The country's name in the current interface language.</summary>
    public string NameOf(string code) => NameIn(CultureInfo.CurrentUICulture, code);

    public string NameIn(CultureInfo culture, string code)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return _names.GetOrAdd((culture.TwoLetterISOLanguageName, code.ToUpperInvariant()), key => Name(key.Language, key.Code));
    }

    private static string Name(string language, string code)
    {
        // ICU answers a code it has no name for with the code itself, which is what the page should show then too.
        var name = new UCultureInfo("und_" + code).GetDisplayCountry(new UCultureInfo(language));
        return string.IsNullOrWhiteSpace(name) ? code : name;
    }

    /// <summary>Every country, ordered by name as the current language sorts (not by Latin letter order).</summary>
    public IReadOnlyList<Country> All()
    {
        var culture = CultureInfo.CurrentUICulture;
        return _sorted.GetOrAdd(culture.Name, _ =>
            [.. _codes.Select(c => new Country(c, NameIn(culture, c))).OrderBy(c => c.Name, StringComparer.Create(culture, ignoreCase: true))]);
    }
}
