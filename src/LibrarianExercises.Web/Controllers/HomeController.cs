using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

public sealed class HomeController(ExerciseQueries queries) : Controller
{
    private const int LatestCount = 5;

    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var latest = await queries.LatestAsync(LatestCount, cancellationToken);
        var exerciseCount = await queries.CountAsync(cancellationToken);
        var tags = await queries.TagsAsync(cancellationToken);
        return View(new HomeViewModel(latest, exerciseCount, tags.Count));
    }

    /// <summary>The page for status codes no controller answered itself, and for unhandled errors.</summary>
    [Route("/error/{code:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            status = StatusCodes.Status500InternalServerError;
        }

        var problem = status switch
        {
            StatusCodes.Status404NotFound => ProblemKind.PageNotFound,
            >= 400 and < 500 => ProblemKind.BadRequest,
            _ => ProblemKind.ServerError,
        };
        return this.ProblemView(problem, status is >= 400 and <= 599 ? status : StatusCodes.Status500InternalServerError);
    }
}
