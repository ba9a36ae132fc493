using System.Net;
using System.Text;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.AspNetCore.Antiforgery;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>Marks the actions whose pages carry the response form, so that only their responses are read for markers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FillsFormTokensAttribute : Attribute;

/// <summary>
/// Fills the response form's per-visitor tokens (antiforgery, and the form token with its time and nonce) into a
/// page on its way out, after the output cache: the cached page holds only a marker, so no visitor is ever handed
/// another's tokens, and the antiforgery cookie is set for the visitor who gets the page.
/// </summary>
/// <remarks>
/// The view announces each marker in a response header as well (<see cref="Mark"/>), which the output cache keeps
/// with the page: the tokens are made and the response's length known before the first byte is sent, so the page
/// streams through (<see cref="FormTokenFillingStream"/>) instead of being held whole and copied again.
/// </remarks>
public sealed class FormTokenHoles(RequestDelegate next)
{
    /// <summary>The page's own note of its markers, for this middleware only: it never leaves the server.</summary>
    internal const string HolesHeader = "X-Form-Token-Holes";

    /// <summary>Writes where the response form's tokens go, and notes it for the way out.</summary>
    /// <param name="context">The request whose page carries the form.</param>
    /// <param name="exerciseNumber">The exercise the form posts to, for a new form token.</param>
    /// <param name="antiforgeryOnly">The page carries its form token already (a refused form keeps the one it was sent with).</param>
    public static string Mark(HttpContext context, int exerciseNumber, bool antiforgeryOnly = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hole = new FormTokenHole(exerciseNumber, antiforgeryOnly);
        var marker = hole.Marker;
        context.Response.Headers.Append(HolesHeader, marker);
        return marker;
    }

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery, FormTokens formTokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        var original = context.Response.Body;
        var page = new FormTokenFillingStream(context.Response.BodyWriter, () => Prepare(context, antiforgery, formTokens));
        context.Response.Body = page;
        try
        {
            await next(context);
            await page.EndAsync(context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (!page.Started && !context.Response.HasStarted)
        {
            // A page without a body (a 304): nothing to fill, and the note stays here.
            context.Response.Headers.Remove(HolesHeader);
        }
    }

    /// <summary>
    /// Just before the page's first byte goes out: this visitor's tokens for each hole the page announced, the
    /// response's length counted with them, and the headers that keep the page out of shared caches.
    /// </summary>
    private static FormTokenFillings? Prepare(HttpContext context, IAntiforgery antiforgery, FormTokens formTokens)
    {
        var response = context.Response;
        var announced = response.Headers[HolesHeader];
        if (announced.Count == 0)
        {
            return null;
        }

        response.Headers.Remove(HolesHeader);
        var holes = new List<FormTokenHole>(announced.Count);
        foreach (var marker in announced)
        {
            // The note holds the markers themselves, read by the same rule as the page.
            if (marker is not null
                && FormTokenFillingStream.Read(Encoding.ASCII.GetBytes(marker), out var read, out var hole) == FormTokenFillingStream.Reading.Marker
                && read == marker.Length)
            {
                holes.Add(hole);
            }
        }

        if (holes.Count == 0 || response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        var cookiesBefore = response.Headers.SetCookie.Count;
        var requestToken = antiforgery.GetAndStoreTokens(context).RequestToken;
        context.Items[CookiesSetKey] = response.Headers.SetCookie.Count - cookiesBefore;
        var antiforgeryInput = Encoding.UTF8.GetBytes($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{WebUtility.HtmlEncode(requestToken)}\" />");
        var fillings = holes.Select(hole => (hole, hole.AntiforgeryOnly
            ? antiforgeryInput
            : [.. antiforgeryInput, .. Encoding.UTF8.GetBytes($"<input type=\"hidden\" name=\"Form.FormToken\" value=\"{WebUtility.HtmlEncode(formTokens.Issue(hole.ExerciseNumber))}\" />")])).ToList();
        // The page now carries this visitor's tokens: no shared cache downstream may keep it.
        response.Headers.CacheControl = "no-cache, no-store";
        if (response.ContentLength is long length)
        {
            // A cached page's length is known (the cache sets it); a page just rendered is sent in chunks.
            response.ContentLength = length + fillings.Sum(entry => entry.Item2.Length - entry.hole.Marker.Length);
        }

        return new FormTokenFillings(fillings);
    }

    /// <summary>
    /// How many of the response's cookies are the visitor's antiforgery cookie, set here: the output cache stores a
    /// page just rendered only without cookies of its own (<see cref="PagePolicy"/>), and the copy it keeps was taken
    /// when the page started, before these were set.
    /// </summary>
    public static int CookiesSetFor(HttpContext context) =>
        context?.Items.TryGetValue(CookiesSetKey, out var count) == true && count is int set ? set : 0;

    private static readonly object CookiesSetKey = new();
}
