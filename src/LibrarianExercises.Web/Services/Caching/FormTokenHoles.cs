using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.AspNetCore.Antiforgery;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>Marks the actions whose pages carry the response form, so that only their responses are buffered.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FillsFormTokensAttribute : Attribute;

/// <summary>
/// Fills the response form's per-visitor tokens (antiforgery, and the form token with its time and nonce) into a
/// page on its way out, after the output cache: the cached page holds only a marker, so no visitor is ever handed
/// another's tokens, and the antiforgery cookie is set for the visitor who gets the page.
/// </summary>
public sealed partial class FormTokenHoles(RequestDelegate next)
{
    /// <summary>What a view writes where the response form's tokens go.</summary>
    /// <param name="exerciseNumber">The exercise the form posts to, for a new form token.</param>
    /// <param name="antiforgeryOnly">The page carries its form token already (a refused form keeps the one it was sent with).</param>
    public static string Marker(int exerciseNumber, bool antiforgeryOnly = false) =>
        string.Create(CultureInfo.InvariantCulture, $"<!--form-tokens:{exerciseNumber}{(antiforgeryOnly ? ":antiforgery" : "")}-->");

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery, FormTokens formTokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true
            || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (!html.Contains("<!--form-tokens:", StringComparison.Ordinal))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        string? requestToken = null;
        var filled = MarkerPattern().Replace(html, match =>
        {
            requestToken ??= antiforgery.GetAndStoreTokens(context).RequestToken;
            var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            var antiforgeryInput = $"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{WebUtility.HtmlEncode(requestToken)}\" />";
            return match.Groups["antiforgery"].Success
                ? antiforgeryInput
                : antiforgeryInput + $"<input type=\"hidden\" name=\"Form.FormToken\" value=\"{WebUtility.HtmlEncode(formTokens.Issue(number))}\" />";
        });
        var bytes = Encoding.UTF8.GetBytes(filled);
        // The page now carries this visitor's tokens: no shared cache downstream may keep it.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await original.WriteAsync(bytes, context.RequestAborted);
        }
    }

    [GeneratedRegex(@"<!--form-tokens:(?<number>\d{1,5})(?<antiforgery>:antiforgery)?-->")]
    private static partial Regex MarkerPattern();
}
