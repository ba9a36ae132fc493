using LibrarianExercises.Web.Services.Languages;
using Microsoft.AspNetCore.Components;

namespace LibrarianExercises.Web.Services.Site;

/// <summary>
/// The address of a stylesheet or script: fingerprinted (so that it can be cached for a year) and at the site's
/// root, never under a language's prefix, so that a reader who changes language does not download it again.
/// </summary>
public static class StaticAssetLinks
{
    /// <param name="path">The file's path under wwwroot, without a leading slash ("css/site.css").</param>
    public static string Href(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assets = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>();
        var fingerprinted = assets is null ? path : assets[path];
        return context.LanguageOf().SiteBase.Add("/" + fingerprinted).Value!;
    }
}
