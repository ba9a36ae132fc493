using System.Collections.Concurrent;
using System.Globalization;

namespace LibrarianExercises.Web.Services;

public sealed record Country(string Code, string Name);

/// <summary>The ISO 3166-1 countries a visitor can choose from, named in English like the rest of the site.</summary>
public sealed class Countries
{
    private readonly HashSet<string> _codes;

    // Names and their order depend only on the culture: worked out once per culture, not on every page.
    private readonly ConcurrentDictionary<string, IReadOnlyList<Country>> _sorted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public Countries()
    {
        var text = StartingContent.ReadText(StartingContent.CountryCodes);
        _codes = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    public bool IsKnown(string code) => _codes.Contains(code);

    public string NameOf(string code) => _names.GetOrAdd(code, Name);

    private static string Name(string code)
    {
        try
        {
            // The site is written in English (lang="en"). DisplayName follows the server's UI culture and, on a server
            // without one (LANG=C), gives each country's own name in its own script: "中国" for China.
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            // A code the platform has no name for still shows as itself rather than failing the page.
            return code;
        }
    }

    /// <summary>Every country, ordered by name as the current culture sorts (not by Latin letter order).</summary>
    public IReadOnlyList<Country> All() =>
        _sorted.GetOrAdd(CultureInfo.CurrentCulture.Name, _ =>
            [.. _codes.Select(c => new Country(c, NameOf(c))).OrderBy(c => c.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))]);
}
