using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace LibrarianExercises.Web.Controllers;

/// <summary>
/// Reads a visitor's form before anything else does: answers 413, with the page that explains it, a post larger than
/// its action's <c>[RequestSizeLimit]</c>, and reads a form holding a NUL, which ASP.NET Core's own reader refuses
/// whole, so that the form's validation can say which field holds it and give the text back.
/// </summary>
/// <remarks>
/// The server stops reading a body at the limit, but the first to read the form is the antiforgery check, which would
/// report any failure to read it as an expired form. So the form is read here first: a body whose declared length is
/// over the limit is refused without reading a byte (on any server, including those that do not enforce the limit
/// themselves), and one that turns out to be over it while being read is refused as soon as the server says so.
/// A URL-encoded value with <c>%00</c> makes the framework's reader throw for the whole form ("the form had expired"
/// was all a visitor heard, and their text was lost): the body, kept while it was read, is then read again here
/// with NUL taken as the character it is, and <see cref="Models.StorableTextAttribute"/> refuses the field.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseOversizePostsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // How much of a body being read is kept in memory (beyond it, in a file): a response's form at its limit fits.
    private const int ReadAgainInMemory = Models.ResponseForm.MaxPostBytes;

    // After [RequestSizeLimit] and [RequestFormLimits] (900) have set their limits, before the antiforgery check (1000).
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var limit = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (!request.HasFormContentType)
        {
            return;
        }

        // Kept as it is read (the size limit bounds it), so that a form the reader refuses for a NUL can be read again.
        var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (urlEncoded)
        {
            request.EnableBuffering(bufferThreshold: ReadAgainInMemory);
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException e) when (urlEncoded && e.InnerException is InvalidOperationException)
        {
            // The reader's decoder refuses "%00", and nothing else, with that inner exception.
            if (await ReadWithNulsAsync(request, context.HttpContext.RequestAborted) is { } form)
            {
                request.Form = form;
            }
            else
            {
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Malformed or cut short: refused as the antiforgery check refuses any form it cannot read.
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// The URL-encoded body read again as the framework reads it (UTF-8 after percent-decoding, "+" a space, the same
    /// limit on the number of fields), except that "%00" is a NUL like any other character. Null when it is not that.
    /// </summary>
    private static async Task<FormCollection?> ReadWithNulsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek)
        {
            return null;
        }

        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        // One char per byte: a URL-encoded body is ASCII, and any other byte is kept as it is for the UTF-8 decoding.
        var body = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (++count > Microsoft.AspNetCore.WebUtilities.FormReader.DefaultValueCountLimit)
            {
                return null;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields[key] = StringValues.Concat(fields.TryGetValue(key, out var earlier) ? earlier : StringValues.Empty, value);
        }

        return new FormCollection(fields);
    }

    private static string Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(encoded[i + 1]) << 4) | Uri.FromHex(encoded[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        // Malformed UTF-8 becomes U+FFFD, as in the framework's reader.
        return Encoding.UTF8.GetString([.. bytes]);
    }
}
