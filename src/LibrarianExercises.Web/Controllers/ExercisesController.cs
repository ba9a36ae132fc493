using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

[Route("/exercises")]
public sealed class ExercisesController(ExerciseQueries queries) : Controller
{
    /// <summary>Every exercise by number, a page at a time; <c>?number=89</c> goes straight to that exercise.</summary>
    /// <remarks><c>?initiative=3.2</c> or <c>?direction=3</c> keep the exercises serving that part of the IFLA Strategy.</remarks>
    [HttpGet("")]
    public async Task<IActionResult> Index(
        string? page,
        string? number,
        string? initiative,
        string? direction,
        [FromServices] StrategyQueries strategy,
        CancellationToken cancellationToken)
    {
        if (number is not null)
        {
            var typed = number.Trim().TrimStart('#');
            if (!ProblemResults.TryParseExerciseNumber(typed, out var wanted))
            {
                return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
            }

            return await queries.ExistsAsync(wanted, cancellationToken)
                ? RedirectToAction(nameof(Show), new { number = wanted })
                : this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, wanted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!ProblemResults.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        StrategyListFilter? strategyFilter = null;
        if (initiative is not null || direction is not null)
        {
            var (filter, problem) = await StrategyFilterAsync(initiative, direction, strategy, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            strategyFilter = filter;
        }

        var exercises = await queries.ListAsync(
            pageNumber,
            new ExerciseFilter(InitiativeCode: strategyFilter?.Initiative?.Code, DirectionNumber: strategyFilter?.Direction?.Number),
            cancellationToken);
        return pageNumber > exercises.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(new ExerciseListViewModel(exercises, Strategy: strategyFilter));
    }

    /// <summary>The canonical page of an exercise.</summary>
    [HttpGet("{number}")]
    public async Task<IActionResult> Show(string number, CancellationToken cancellationToken)
    {
        if (!ProblemResults.TryParseExerciseNumber(number, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
        }

        var exercise = await queries.FindAsync(wanted, n => Url.Action(nameof(Show), new { number = n })!, cancellationToken);
        return exercise is null
            ? this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, number)
            : View(exercise);
    }

    /// <summary>Reads the strategy filters: a malformed one is a bad request, one the strategy lacks is not found.</summary>
    private async Task<(StrategyListFilter? Filter, IActionResult? Problem)> StrategyFilterAsync(
        string? initiative, string? direction, StrategyQueries strategy, CancellationToken cancellationToken)
    {
        // Both are read before either is looked up, so that a malformed one is reported whatever the other holds.
        string? code = null;
        if (initiative is not null)
        {
            if (!ProblemResults.TryParseInitiativeCode(initiative, out var parsed))
            {
                return (null, this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, initiative));
            }

            code = parsed;
        }

        int? directionNumber = null;
        if (direction is not null)
        {
            if (!ProblemResults.TryParseDirectionNumber(direction, out var parsed))
            {
                return (null, this.ProblemView(ProblemKind.MalformedDirection, StatusCodes.Status400BadRequest, direction));
            }

            directionNumber = parsed;
        }

        const string versionKey = StrategySeeder.ExerciseSeriesVersionKey;
        InitiativeRef? foundInitiative = null;
        if (code is not null)
        {
            foundInitiative = await strategy.FindInitiativeAsync(versionKey, code, cancellationToken);
            if (foundInitiative is null)
            {
                return (null, this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, code));
            }
        }

        DirectionRef? foundDirection = null;
        if (directionNumber is { } number)
        {
            foundDirection = await strategy.FindDirectionAsync(versionKey, number, cancellationToken);
            if (foundDirection is null)
            {
                return (null, this.ProblemView(ProblemKind.DirectionNotFound, StatusCodes.Status404NotFound, direction));
            }
        }

        return (new StrategyListFilter(foundDirection, foundInitiative), null);
    }

    /// <summary>Readable addresses such as <c>/exercises/89/make-a-connection</c> lead to the canonical one.</summary>
    [HttpGet("{number}/{slug}")]
    public IActionResult ShowWithSlug(string number, string slug) =>
        ProblemResults.TryParseExerciseNumber(number, out var wanted)
            ? RedirectToActionPermanent(nameof(Show), new { number = wanted })
            : this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
}
