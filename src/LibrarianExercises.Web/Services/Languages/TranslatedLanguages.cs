using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// Which language a set of interface text is actually written in on this request: the page's, when that text has
/// a translation into it, else English (the editors' pages have only English yet). A page marks such text with
/// that language, so that the editors' English under /fr/admin is not announced as French.
/// </summary>
public static class TranslatedLanguages
{
    private static readonly ConcurrentDictionary<(Type, string), bool> Translated = new();

    public static SiteLanguage LanguageOf<TText>()
    {
        var current = SiteLanguages.Current;
        if (current.IsDefault)
        {
            return current;
        }

        var translated = Translated.GetOrAdd((typeof(TText), current.Code), key =>
            new ResourceManager(key.Item1).GetResourceSet(CultureInfo.GetCultureInfo(key.Item2), createIfNotExists: true, tryParents: false) is not null);
        return translated ? current : SiteLanguages.Default;
    }
}
