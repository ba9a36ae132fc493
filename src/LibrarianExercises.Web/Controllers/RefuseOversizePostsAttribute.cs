using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LibrarianExercises.Web.Controllers;

/// <summary>
/// Answers 413, with the page that explains it, a post larger than its action's <c>[RequestSizeLimit]</c>, before
/// anything else reads the body.
/// </summary>
/// <remarks>
/// The server stops reading a body at the limit, but the first to read the form is the antiforgery check, which would
/// report any failure to read it as an expired form. So the form is read here first: a body whose declared length is
/// over the limit is refused without reading a byte (on any server, including those that do not enforce the limit
/// themselves), and one that turns out to be over it while being read is refused as soon as the server says so.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefuseOversizePostsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
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

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Malformed or cut short: refused as the antiforgery check refuses any form it cannot read.
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}
