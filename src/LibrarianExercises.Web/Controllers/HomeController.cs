using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace LibrarianExercises.Web.Controllers;

public sealed class HomeController(ExerciseQueries queries) : Controller
{
    private const int LatestCount = 5;

    [OutputCache(PolicyName = PagePolicy.Name, Tags = [PageCache.Lists])]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var latest = await queries.LatestAsync(LatestCount, cancellationToken);
        var exerciseCount = await queries.CountAsync(cancellationToken);
        var tagCount = await queries.TagCountAsync(cancellationToken);
        return View(new HomeViewModel(latest, exerciseCount, tagCount));
    }

    /// <summary>
    /// The page for status codes no action answered itself (a refused form, the rate limit, an unknown address) and
    /// for unhandled errors. When a form was refused, the visitor's text is shown back so that nothing is lost.
    /// </summary>
    /// <remarks>
    /// Visited directly, nothing has failed: <c>/error/404</c> shows that page, but a server error is never claimed
    /// (<c>/error/500</c>, <c>/error</c>, <c>/error/-1</c> have nothing here and are not found).
    /// </remarks>
    [Route("/error/{code:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Error()
    {
        // Read from the route by hand: binding a parameter would read the refused body (say, in utf-7) and fail again.
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var status = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? StatusCodes.Status500InternalServerError
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null ? (code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError)
            : code is >= 400 and <= 499 ? code
            : StatusCodes.Status404NotFound;

        // Neither a body in an unreadable charset nor one over the size limit is read again to show it back.
        var wasFormPost = HttpMethods.IsPost(Request.Method) && Request.HasFormContentType
            && status is not (StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status413PayloadTooLarge);
        // Shown back only to the visitor who typed it, not to another site that posted here to have words displayed.
        var fromThisSite = Request.Headers["Sec-Fetch-Site"] is var site && (site.Count == 0 || site == "same-origin" || site == "none");
        var submittedText = wasFormPost && fromThisSite ? await ReadSubmittedTextAsync() : null;
        var problem = status switch
        {
            StatusCodes.Status404NotFound => ProblemKind.PageNotFound,
            StatusCodes.Status429TooManyRequests => ProblemKind.TooManyResponses,
            StatusCodes.Status415UnsupportedMediaType => ProblemKind.UnsupportedEncoding,
            // Only the response form's refusal talks about a response's length.
            StatusCodes.Status413PayloadTooLarge when HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.RouteValues?["action"] as string == nameof(ExercisesController.PostResponse)
                => ProblemKind.ResponseTooLarge,
            StatusCodes.Status413PayloadTooLarge => ProblemKind.RequestTooLarge,
            StatusCodes.Status403Forbidden => ProblemKind.Forbidden,
            StatusCodes.Status400BadRequest when wasFormPost => ProblemKind.FormRejected,
            >= 400 and < 500 => ProblemKind.BadRequest,
            _ => ProblemKind.ServerError,
        };
        var retryAfter = Response.Headers.RetryAfter.ToString();
        return this.ProblemView(problem, status, retryAfter.Length > 0 ? retryAfter : null, submittedText);
    }

    private async Task<string?> ReadSubmittedTextAsync()
    {
        try
        {
            var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
            return form.TryGetValue("Form.Text", out var text) && !string.IsNullOrWhiteSpace(text) ? text.ToString() : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
