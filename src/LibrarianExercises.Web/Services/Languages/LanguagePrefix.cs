using Microsoft.AspNetCore.Localization;

namespace LibrarianExercises.Web.Services.Languages;

/// <summary>What <see cref="LanguagePrefix"/> read from the address.</summary>
/// <param name="Language">The page's language.</param>
/// <param name="SiteBase">The site's own path base, without the language ("" at the root of a host).</param>
public sealed record LanguageFeature(SiteLanguage Language, PathString SiteBase);

/// <summary>
/// The language is the first segment of the address (/fr/exercises/89); English has none. The segment is moved into
/// the request's path base, so that routing sees today's paths and every link made by routing (asp-action,
/// Url.Action, LinkGenerator, redirects) stays in the reader's language without knowing about it.
/// </summary>
public static class LanguagePrefix
{
    // Addresses that are the same in every language: machine-readable or site-wide. Under a prefix they do not exist.
    private static readonly PathString[] LanguageNeutral =
        [new("/api"), new("/openapi"), new("/healthz"), new("/sitemap.xml"), new("/sitemaps"), new("/robots.txt")];

    public static async Task Read(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var siteBase = request.PathBase;
        var language = SiteLanguages.Default;
        if (TrySplit(request.Path, out var code, out var rest) && SiteLanguages.Find(code) is { } prefixed)
        {
            if (prefixed.IsDefault)
            {
                // English lives at the unprefixed addresses; /en/... is someone's guess at them.
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = (siteBase + rest).Value + request.QueryString;
                return;
            }

            if (!IsLanguageNeutral(rest))
            {
                language = prefixed;
                request.PathBase = siteBase.Add("/" + prefixed.Code);
                request.Path = rest;
            }
        }

        context.Features.Set(new LanguageFeature(language, siteBase));
        await next(context);
    }

    /// <summary>
    /// Whether the address is the same in every language. The API's reference is a page for people under /api: its
    /// interface is written in each language like any other page's.
    /// </summary>
    private static bool IsLanguageNeutral(PathString path) =>
        LanguageNeutral.Any(neutral => path.StartsWithSegments(neutral, StringComparison.OrdinalIgnoreCase))
        && !Api.ApiReference.IsReferencePath(path);

    public static LanguageFeature LanguageOf(this HttpContext context) =>
        context.Features.Get<LanguageFeature>() ?? new LanguageFeature(SiteLanguages.Default, context.Request.PathBase);

    /// <summary>Splits "/fr/exercises/89" into "fr" and "/exercises/89"; "/fr" into "fr" and "/".</summary>
    private static bool TrySplit(PathString path, out string code, out PathString rest)
    {
        code = "";
        rest = path;
        var value = path.Value;
        if (value is null || value.Length < 3 || value[0] != '/')
        {
            return false;
        }

        var end = value.IndexOf('/', 1);
        var segment = end < 0 ? value[1..] : value[1..end];
        if (segment.Length != 2)
        {
            return false;
        }

        code = segment;
        rest = end < 0 ? new PathString("/") : new PathString(value[end..]);
        return true;
    }

    /// <summary>Request localization reads the language found in the address, and nothing else.</summary>
    public sealed class CultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var code = httpContext.LanguageOf().Language.Code;
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(code));
        }
    }
}
