using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

/// <summary>The IFLA Strategy edition the exercises cite, and which exercises serve each of its initiatives.</summary>
[Route("/strategy")]
public sealed class StrategyController(StrategyQueries queries) : Controller
{
    private const string VersionKey = StrategySeeder.ExerciseSeriesVersionKey;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var overview = await queries.OverviewAsync(VersionKey, cancellationToken);
        return overview is null ? this.ProblemView(ProblemKind.PageNotFound, StatusCodes.Status404NotFound) : View(overview);
    }

    /// <summary>Mappings where the post's own words point elsewhere. Editors will sign in for this once sign-in exists.</summary>
    [HttpGet("review")]
    public async Task<IActionResult> Review(CancellationToken cancellationToken)
    {
        var review = await queries.DisagreementsAsync(VersionKey, cancellationToken);
        return review is null ? this.ProblemView(ProblemKind.PageNotFound, StatusCodes.Status404NotFound) : View(review);
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        if (!ProblemResults.TryParseInitiativeCode(code, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, code);
        }

        var initiative = await queries.InitiativeAsync(VersionKey, wanted, cancellationToken);
        return initiative is null
            ? this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, wanted)
            : View(initiative);
    }
}
