using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace LibrarianExercises.Web.Api;

/// <summary>
/// Under <c>/api</c> and <c>/openapi</c> every error is problem details: the site's HTML error page is switched off
/// there, and a bare status (an unknown address, a 405 from routing, a 415) or an exception becomes
/// <c>application/problem+json</c>. Nothing there needs signing in, so nothing there redirects to sign-in.
/// </summary>
internal static class ApiErrors
{
    public static bool IsApiRequest(PathString path) =>
        path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ApiEndpoints.DocumentPrefix, StringComparison.OrdinalIgnoreCase);

    public static async Task AnswerWithProblemDetails(HttpContext context, RequestDelegate next)
    {
        if (!IsApiRequest(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client has gone: there is no one to answer.
            return;
        }
#pragma warning disable CA1031 // Whatever failed, the client is told in problem details rather than given the HTML error page.
        catch (Exception e) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrors))
                .LogError(e, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Headers.Remove(HeaderNames.ETag);
            await ApiResults.WriteProblemAsync(context, ApiProblems.ServerError(context));
            return;
        }

        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiResults.WriteProblemAsync(context, ApiProblems.ForStatus(context));
        }
    }
}
