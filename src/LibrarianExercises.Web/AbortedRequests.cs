using Microsoft.AspNetCore.Diagnostics;
using Serilog.Events;

namespace LibrarianExercises.Web;

/// <summary>
/// A client that goes away mid-request (a closed tab, a health probe that timed out) is no fault of the site. Its
/// request ends quietly: no error page made for nobody, and in the request log a 499 ("client closed request", as
/// proxies log it) at Information rather than an error and a 500 that would set off alerts. The 499 is for the log
/// only; nobody is left to receive it.
/// </summary>
internal static class AbortedRequests
{
    public const int ClientClosedRequest = 499;

    /// <summary>Middleware inside the request log and the status code pages, so that both see the request end quietly.</summary>
    public static async Task EndQuietly(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (ClientLeft(context) && e is OperationCanceledException or IOException)
        {
            // The work was cancelled because the client left, or its connection broke while the body was read or
            // written: there is nothing to answer and nothing went wrong here.
        }

        if (ClientLeft(context))
        {
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    }

    /// <summary>The request log's level: as Serilog's default, except that a client that left is not an error.</summary>
    public static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        ClientLeft(context) && exception is null or OperationCanceledException or IOException ? LogEventLevel.Information
        : exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : LogEventLevel.Information;

    /// <summary>The request log's properties, as Serilog's default, with 499 as the status of a request whose client left.</summary>
    public static IEnumerable<LogEventProperty> RequestLogProperties(HttpContext context, string requestPath, double elapsedMilliseconds, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(context.Request.Method)),
        new("RequestPath", new ScalarValue(requestPath)),
        new("StatusCode", new ScalarValue(ClientLeft(context) ? ClientClosedRequest : statusCode)),
        new("Elapsed", new ScalarValue(elapsedMilliseconds)),
    ];

    private static bool ClientLeft(HttpContext context) => context.RequestAborted.IsCancellationRequested;
}
