using LibrarianExercises.Web.Services.Languages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>
/// Caches public pages for anonymous visitors: GET and HEAD answered 200, never for a request that carries a sign-in
/// or a one-time status message (TempData), whose page is that visitor's own. Per-visitor form tokens are not in the
/// cached page: <see cref="FormTokenHoles"/> fills them into every response on its way out.
/// </summary>
public sealed class PagePolicy : IOutputCachePolicy
{
    public const string Name = "pages";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var cookies = request.Cookies;
        var personal = context.HttpContext.User.Identity?.IsAuthenticated == true
            || cookies.ContainsKey(Editors.EditorRegistration.CookieName)
            || cookies.ContainsKey(TempDataCookieName);
        var readOnly = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = readOnly && !personal;
        context.AllowCacheStorage = readOnly && !personal;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(PageCache.AllPages);
        // Query strings matter (?page=2); headers and cookies do not, for anonymous visitors, except that a page is
        // written in its address's language and may offer itself in the one the browser asks for (Accept-Language).
        context.CacheVaryByRules.QueryKeys = new StringValues("*");
        context.CacheVaryByRules.VaryByValues["language"] = context.HttpContext.LanguageOf().Language.Code;
        context.CacheVaryByRules.VaryByValues["suggestion"] = context.HttpContext.Suggestion()?.Code ?? "";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        // A page that sets a cookie is someone's own; only complete, successful pages are shared. The visitor's
        // antiforgery cookie, set as the page went out, is not the page's (FormTokenHoles).
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > FormTokenHoles.CookiesSetFor(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>MVC's cookie TempData provider's cookie: present only when a message waits for this visitor.</summary>
    public const string TempDataCookieName = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>
    /// Whether a message waits for this visitor. Reading TempData when none waits would answer with a cookie
    /// deletion, and a page that sets a cookie cannot be shared: look before reading.
    /// </summary>
    public static bool HasMessageFor(HttpRequest request) => request?.Cookies.ContainsKey(TempDataCookieName) == true;
}
