using System.Text;
using LibrarianExercises.Web.Areas.Admin.Models;
using LibrarianExercises.Web.Controllers;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Areas.Admin.Controllers;

/// <summary>
/// The strategy edition the exercises cite, as editors keep it: the initiatives' names, and the mappings whose
/// published label disagrees with their code, to confirm or correct.
/// </summary>
[Area(AdminAreaConvention.AreaName)]
[Route("/admin/strategy")]
public sealed class StrategyController(StrategyQueries queries, IStringLocalizer<AdminText> text) : Controller
{
    private const string VersionKey = StrategySeeder.ExerciseSeriesVersionKey;

    /// <summary>Every initiative of the edition with its name, and a form to fill it in or correct it.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var overview = await queries.OverviewAsync(VersionKey, latestPerInitiative: null, cancellationToken);
        return overview is null ? this.ProblemView(ProblemKind.PageNotFound, StatusCodes.Status404NotFound) : View(overview);
    }

    [HttpGet("{code}/name")]
    public async Task<IActionResult> Name(string code, CancellationToken cancellationToken)
    {
        var (initiative, problem) = await FindAsync(code, cancellationToken);
        return problem ?? View(new InitiativeNameViewModel(initiative!, new InitiativeNameForm { Name = initiative!.Name }));
    }

    [HttpPost("{code}/name")]
    public async Task<IActionResult> Name(
        string code,
        [Bind(Prefix = "Form")] InitiativeNameForm form,
        [FromServices] StrategyStore store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (initiative, problem) = await FindAsync(code, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // Checked as it will be kept: one line, so that spaces the editor cannot see do not count against the limit.
        var name = OneLine(form.Name);
        form.Name = name;
        ModelState.Clear();
        if (TryValidateModel(form, "Form"))
        {
            if (name.Length > StrategyStore.NameMaxLength)
            {
                ModelState.AddModelError("Form.Name", text["Please keep the name to {0} characters or fewer.", StrategyStore.NameMaxLength]);
            }
            else if (name.Any(char.IsControl))
            {
                ModelState.AddModelError("Form.Name", text["The name cannot hold control characters."]);
            }
        }

        if (!ModelState.IsValid)
        {
            var view = View(new InitiativeNameViewModel(initiative!, form));
            view.StatusCode = StatusCodes.Status400BadRequest;
            return view;
        }

        if (!await store.NameInitiativeAsync(initiative!.Code, name, cancellationToken))
        {
            return this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, initiative.Code);
        }

        TempData["AdminStatus"] = name == initiative.Name
            ? text["Key initiative {0} already had that name.", initiative.Code].Value
            : text["Key initiative {0} is now named “{1}”.", initiative.Code, name].Value;
        return RedirectToAction(nameof(Index), null, null, "initiative-" + initiative.Code);
    }

    /// <summary>The mappings whose published label names another initiative than their code's.</summary>
    [HttpGet("review")]
    public async Task<IActionResult> Review(CancellationToken cancellationToken)
    {
        var review = await queries.DisagreementsAsync(VersionKey, cancellationToken);
        return review is null
            ? this.ProblemView(ProblemKind.PageNotFound, StatusCodes.Status404NotFound)
            : View(new MappingReviewViewModel(review, await queries.InitiativesAsync(VersionKey, cancellationToken)));
    }

    /// <summary>The editor agrees with the code although the post's words point elsewhere.</summary>
    [HttpPost("review/{number}/{code}/confirm")]
    public async Task<IActionResult> ConfirmMapping(string number, string code, [FromServices] ExerciseStore store, CancellationToken cancellationToken)
    {
        if (ParseMapping(number, code, out var exercise, out var from) is { } problem)
        {
            return problem;
        }

        var outcome = await store.ConfirmMappingAsync(exercise, from, cancellationToken);
        return AfterReview(outcome, outcome == ExerciseEditOutcome.Saved
            ? text["The mapping of exercise #{0} to key initiative {1} is confirmed.", exercise, from]
            : text["The mapping of exercise #{0} to key initiative {1} had nothing left to check.", exercise, from]);
    }

    /// <summary>Moves the exercise's link to the initiative the editor chose; the post's words stay with it.</summary>
    [HttpPost("review/{number}/{code}/correct")]
    public async Task<IActionResult> CorrectMapping(
        string number,
        string code,
        [FromForm(Name = "To")] string? to,
        [FromServices] ExerciseStore store,
        CancellationToken cancellationToken)
    {
        if (ParseMapping(number, code, out var exercise, out var from) is { } problem)
        {
            return problem;
        }

        if (!RouteValues.TryParseInitiativeCode(to, out var target))
        {
            return this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, to);
        }

        var outcome = await store.CorrectMappingAsync(exercise, from, target, cancellationToken);
        if (outcome == ExerciseEditOutcome.UnknownInitiative)
        {
            return this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, target);
        }

        return AfterReview(outcome, target == from
            ? text["The mapping of exercise #{0} to key initiative {1} is confirmed.", exercise, from]
            : text["Exercise #{0} now serves key initiative {1} instead of {2}.", exercise, target, from]);
    }

    private IActionResult? ParseMapping(string number, string code, out int exercise, out string from)
    {
        from = "";
        exercise = 0;
        if (!ExerciseNumber.TryParse(number, out var parsed))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
        }

        exercise = parsed.Value;
        return RouteValues.TryParseInitiativeCode(code, out from)
            ? null
            : this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, code);
    }

    private IActionResult AfterReview(ExerciseEditOutcome outcome, LocalizedString status)
    {
        if (outcome == ExerciseEditOutcome.NotFound)
        {
            // No such exercise, or it does not (or no longer) serve that initiative.
            return this.ProblemView(ProblemKind.PageNotFound, StatusCodes.Status404NotFound);
        }

        TempData["AdminStatus"] = status.Value;
        return RedirectToAction(nameof(Review));
    }

    /// <summary>A malformed code is a bad request; one the edition lacks is not found.</summary>
    private async Task<(InitiativeRef? Initiative, IActionResult? Problem)> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!RouteValues.TryParseInitiativeCode(code, out var wanted))
        {
            return (null, this.ProblemView(ProblemKind.MalformedInitiativeCode, StatusCodes.Status400BadRequest, code));
        }

        var initiative = await queries.FindInitiativeAsync(VersionKey, wanted, cancellationToken);
        return initiative is null
            ? (null, this.ProblemView(ProblemKind.InitiativeNotFound, StatusCodes.Status404NotFound, wanted))
            : (initiative, null);
    }

    /// <summary>One line, in composed form: runs of spaces and line breaks become one space.</summary>
    private static string OneLine(string? name) =>
        string.Join(' ', (name ?? "").Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
