using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Controllers;

[Route("/exercises")]
public sealed class ExercisesController(ExerciseQueries queries) : Controller
{
    /// <summary>Every exercise by number, a page at a time; <c>?number=89</c> goes straight to that exercise.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? page, string? number, CancellationToken cancellationToken)
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

        var exercises = await queries.ListAsync(pageNumber, tagSlug: null, cancellationToken);
        return pageNumber > exercises.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(new ExerciseListViewModel(exercises));
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

    /// <summary>Readable addresses such as <c>/exercises/89/make-a-connection</c> lead to the canonical one.</summary>
    [HttpGet("{number}/{slug}")]
    public IActionResult ShowWithSlug(string number, string slug) =>
        ProblemResults.TryParseExerciseNumber(number, out var wanted)
            ? RedirectToActionPermanent(nameof(Show), new { number = wanted })
            : this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
}
