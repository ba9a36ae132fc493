using System.Collections;
using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using System.Text;
using LibrarianExercises.Web.Resources;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// Every translation of the strategy's names the site ships (StrategyText.{language}.resx), in all its languages at
/// once, for the search index: a name is found in any of them, whatever the language of the page searched from.
/// Pages show one language's name through <see cref="StrategyNames"/>.
/// </summary>
public static class StrategyNameTranslations
{
    private static readonly Lazy<Translations> Loaded = new(Load);

    /// <summary>The name's translations, one per language that has one (none when the site ships none).</summary>
    public static IReadOnlyList<string> Of(string english) =>
        Loaded.Value.ByEnglish.TryGetValue(english, out var translated) ? translated : [];

    /// <summary>
    /// Changes whenever a translation is added, changed or removed: the search index compares it with the one its
    /// labels were made with (<see cref="Search.SearchIndex.RefreshLabelsAsync(Data.LibrarianDbContext, CancellationToken)"/>).
    /// </summary>
    public static string Fingerprint => Loaded.Value.Fingerprint;

    private static Translations Load()
    {
        var resources = new ResourceManager(typeof(StrategyText));
        var byEnglish = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var language in SiteLanguages.All.Where(l => !l.IsDefault))
        {
            ResourceSet? set;
            try
            {
                set = resources.GetResourceSet(language.Culture, createIfNotExists: true, tryParents: false);
            }
            catch (MissingManifestResourceException)
            {
                set = null;
            }

            foreach (DictionaryEntry entry in set?.Cast<DictionaryEntry>() ?? [])
            {
                if (entry.Key is string english && entry.Value is string translated && translated.Length > 0)
                {
                    (byEnglish.TryGetValue(english, out var list) ? list : byEnglish[english] = []).Add(translated);
                    lines.Add(string.Join('\t', language.Code, english, translated));
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        return new Translations(byEnglish.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value], StringComparer.Ordinal), fingerprint);
    }

    private sealed record Translations(IReadOnlyDictionary<string, IReadOnlyList<string>> ByEnglish, string Fingerprint);
}
