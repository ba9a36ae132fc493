using System.Globalization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>
/// Writes a piece of a page in another of the site's languages (the offer of the page in the reader's own), then
/// returns to the page's language.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        CultureInfo.CurrentCulture = language.Culture;
        CultureInfo.CurrentUICulture = language.Culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
