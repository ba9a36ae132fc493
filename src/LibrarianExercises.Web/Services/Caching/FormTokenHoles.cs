using System.Globalization;
using System.Net;
using System.Text;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.IO;

namespace LibrarianExercises.Web.Services.Caching;

/// <summary>Marks the actions whose pages carry the response form, so that only their responses are buffered.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FillsFormTokensAttribute : Attribute;

/// <summary>
/// Fills the response form's per-visitor tokens (antiforgery, and the form token with its time and nonce) into a
/// page on its way out, after the output cache: the cached page holds only a marker, so no visitor is ever handed
/// another's tokens, and the antiforgery cookie is set for the visitor who gets the page.
/// </summary>
public sealed class FormTokenHoles(RequestDelegate next)
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
        // Pooled: a page with fifty responses is large enough that a fresh buffer per request would be a
        // large-object allocation, and the collections of those cost more than the page.
        await using var buffer = Buffers.GetStream(nameof(FormTokenHoles));
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

        // The markers are ASCII, so they are found in the UTF-8 bytes as they are: the page is never decoded.
        var page = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var holes = FindHoles(page.Span);
        if (holes.Count == 0)
        {
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var requestToken = antiforgery.GetAndStoreTokens(context).RequestToken;
        var antiforgeryInput = Encoding.UTF8.GetBytes($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{WebUtility.HtmlEncode(requestToken)}\" />");
        var fillings = holes.Select(hole => hole.AntiforgeryOnly
            ? antiforgeryInput
            : [.. antiforgeryInput, .. Encoding.UTF8.GetBytes($"<input type=\"hidden\" name=\"Form.FormToken\" value=\"{WebUtility.HtmlEncode(formTokens.Issue(hole.ExerciseNumber))}\" />")]).ToList();
        // The page now carries this visitor's tokens: no shared cache downstream may keep it.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.ContentLength = page.Length - holes.Sum(h => h.Length) + fillings.Sum(f => f.Length);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var position = 0;
        for (var i = 0; i < holes.Count; i++)
        {
            await original.WriteAsync(page[position..holes[i].Start], context.RequestAborted);
            await original.WriteAsync(fillings[i], context.RequestAborted);
            position = holes[i].Start + holes[i].Length;
        }

        await original.WriteAsync(page[position..], context.RequestAborted);
    }

    /// <summary>Pages are tens of kilobytes: one block holds a page, and each request being filled holds one block.</summary>
    internal const int BlockSize = 128 * 1024;

    /// <summary>
    /// Free blocks kept for the next requests: enough for a busy moment's pages. The manager's default is to keep every
    /// block a burst ever needed, for the life of the process; beyond this bound a returned block is left to the
    /// collector.
    /// </summary>
    internal const int FreeBlocksKept = 32;

    internal static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = BlockSize,
        MaximumSmallPoolFreeBytes = FreeBlocksKept * BlockSize,
        // A page larger than a block is copied into one large buffer when it is read back: rare, and kept as bounded.
        MaximumLargePoolFreeBytes = 4 * 1024 * 1024,
    });

    /// <summary>Where the page's markers are, in order.</summary>
    private static List<Hole> FindHoles(ReadOnlySpan<byte> page)
    {
        var holes = new List<Hole>();
        var offset = 0;
        while (page[offset..].IndexOf(MarkerStart) is var found and >= 0)
        {
            var start = offset + found;
            var rest = page[(start + MarkerStart.Length)..];
            var digits = 0;
            while (digits < rest.Length && digits < 6 && char.IsAsciiDigit((char)rest[digits]))
            {
                digits++;
            }

            var afterNumber = rest[digits..];
            var antiforgeryOnly = afterNumber.StartsWith(AntiforgeryOnlySuffix);
            var tail = antiforgeryOnly ? afterNumber[AntiforgeryOnlySuffix.Length..] : afterNumber;
            if (digits is >= 1 and <= 5 && tail.StartsWith(MarkerEnd)
                && int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                var length = MarkerStart.Length + digits + (antiforgeryOnly ? AntiforgeryOnlySuffix.Length : 0) + MarkerEnd.Length;
                holes.Add(new Hole(start, length, number, antiforgeryOnly));
                offset = start + length;
            }
            else
            {
                offset = start + MarkerStart.Length;
            }
        }

        return holes;
    }

    private static ReadOnlySpan<byte> MarkerStart => "<!--form-tokens:"u8;

    private static ReadOnlySpan<byte> AntiforgeryOnlySuffix => ":antiforgery"u8;

    private static ReadOnlySpan<byte> MarkerEnd => "-->"u8;

    private readonly record struct Hole(int Start, int Length, int ExerciseNumber, bool AntiforgeryOnly);
}
