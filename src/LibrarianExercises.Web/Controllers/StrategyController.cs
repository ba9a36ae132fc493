using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Caching;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace LibrarianExercises.Web.Controllers;

/// <summary>The IFLA Strategy edition the exercises cite, and which exercises serve each of its initiatives.</summary>
[Route("/strategy")]
public sealed class StrategyController(StrategyQueries queries) : Controller
{
    private const string VersionKey = StrategySeeder.ExerciseSeriesVersionKey;

    [OutputCache(PolicyName = PagePolicy.Name, Tags = [PageCache.StrategyPages])]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var overview = await queries.OverviewAsync(VersionKey, StrategyQueries.LatestPerInitiative, cancellationToken);
        return overview is null ? this.ProblemView(ProblemKind.PageNotFound, StatusCodes.Status404NotFound) : View(overview);
    }

    /// <summary>The review of mappings is the editors' now: old links lead there, and so to sign-in for a visitor.</summary>
    [HttpGet("review")]
    public IActionResult Review() =>
        RedirectToActionPermanent(nameof(Areas.Admin.Controllers.StrategyController.Review), "Strategy", new { area = Areas.Admin.AdminAreaConvention.AreaName });

    [OutputCache(PolicyName = PagePolicy.Name, Tags = [PageCache.StrategyPages])]
    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, string? page, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryParseInitiativeCode(code, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, code);
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        var initiative = await queries.InitiativeAsync(VersionKey, wanted, pageNumber, cancellationToken);
        if (initiative is null)
        {
            return this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, wanted);
        }

        return pageNumber > initiative.Exercises.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(initiative);
    }
}
