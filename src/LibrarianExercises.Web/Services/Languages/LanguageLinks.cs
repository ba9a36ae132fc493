using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>The same page in each language, and the language a reader's browser asks for.</summary>
public static class LanguageLinks
{
    /// <summary>The path of this request's page in another language: the same route, the other prefix, the same query.</summary>
    public static string PathIn(this HttpContext context, SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(language);
        return PathIn(context.LanguageOf().SiteBase, language, context.Request.Path, context.Request.QueryString);
    }

    /// <summary>A path of this site in a language: <paramref name="path"/> as routing makes it without a prefix.</summary>
    public static string PathIn(PathString siteBase, SiteLanguage language, PathString path, QueryString query = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        var prefixed = language.IsDefault ? siteBase : siteBase.Add("/" + language.Code);
        // A language's home page is "/fr", as routing writes it (its link in the navigation), not "/fr/".
        var full = path == "/" && prefixed.HasValue ? prefixed : prefixed.Add(path);
        return (full.HasValue ? full.Value : "/") + query;
    }

    /// <summary>
    /// The site's language the reader's browser prefers (Accept-Language, by quality), when it is not the page's own:
    /// the page then offers itself in that language. It never redirects: a shared link shows what was shared.
    /// </summary>
    public static SiteLanguage? Suggestion(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var preferred = Preferred(context.Request.Headers.AcceptLanguage.ToString());
        return preferred is null || preferred == context.LanguageOf().Language ? null : preferred;
    }

    /// <summary>The first of the site's languages in an Accept-Language header, by quality then order.</summary>
    public static SiteLanguage? Preferred(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)
            || !StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var ranges))
        {
            return null;
        }

        return ranges
            .Select((range, order) => (range, order))
            .Where(item => (item.range.Quality ?? 1) > 0)
            .OrderByDescending(item => item.range.Quality ?? 1)
            .ThenBy(item => item.order)
            .Select(item => SiteLanguages.Find(PrimaryTag(item.range.Value.Value)))
            .FirstOrDefault(language => language is not null);
    }

    private static string? PrimaryTag(string? range)
    {
        if (string.IsNullOrEmpty(range) || range == "*")
        {
            return null;
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? range : range[..dash]).ToLower(CultureInfo.InvariantCulture);
    }
}
