using System.Globalization;
using LibrarianExercises.Web.Areas.Admin.Models;
using LibrarianExercises.Web.Controllers;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Areas.Admin.Controllers;

/// <summary>
/// Editors log new exercises and correct existing ones. What they change is theirs: a re-import of the post keeps
/// it. Retiring hides an exercise and keeps its responses; every change is in the audit trail.
/// </summary>
[Area(AdminAreaConvention.AreaName)]
[Route("/admin/exercises")]
public sealed class ExercisesController(ExerciseAdminQueries queries, ExerciseQueries publicQueries, ExerciseStore store, IStringLocalizer<AdminText> text) : Controller
{
    private const string PreviewButton = "preview";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? number, string? q, string? status, string? page, CancellationToken cancellationToken)
    {
        int? wanted = null;
        if (!string.IsNullOrWhiteSpace(number))
        {
            if (!ExerciseNumber.TryParse(number.Trim().TrimStart('#'), out var parsed))
            {
                return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
            }

            wanted = parsed.Value;
        }

        var filter = ExerciseStatusFilter.All;
        if (!string.IsNullOrEmpty(status) && (!Enum.TryParse(status, ignoreCase: true, out filter) || !Enum.IsDefined(filter) || int.TryParse(status, out _)))
        {
            return this.ProblemView(ProblemKind.BadRequest, StatusCodes.Status400BadRequest, status);
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        var words = q?.Trim() is { Length: > 0 and <= 200 } trimmed ? trimmed : null;
        var exercises = await queries.ListAsync(wanted, words, filter, pageNumber, cancellationToken);
        if (pageNumber > exercises.PageCount)
        {
            return this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page);
        }

        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["number"] = wanted?.ToString(CultureInfo.InvariantCulture),
            ["q"] = words,
            ["status"] = filter == ExerciseStatusFilter.All ? null : filter.ToString().ToLowerInvariant(),
        }.Where(p => p.Value is not null));
        var pager = new PagerModel(pageNumber, exercises.PageCount, Url.Action(nameof(Index))!, query.Value?.TrimStart('?'));
        return View(new AdminExerciseListViewModel(exercises, wanted?.ToString(CultureInfo.InvariantCulture), words, filter, pager));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Editor", await EditorAsync(ExerciseEditorMode.Create, null, new ExerciseForm(), null, null, cancellationToken));

    /// <summary>Saves a new exercise, or with the preview button shows the text as the public page will, saving nothing.</summary>
    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] ExerciseForm form, string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (intent == PreviewButton || !ModelState.IsValid)
        {
            return await EditorViewAsync(ExerciseEditorMode.Create, null, form, null, intent == PreviewButton, cancellationToken);
        }

        var outcome = await store.CreateAsync(form.ToDraft(), cancellationToken);
        if (outcome != ExerciseEditOutcome.Saved)
        {
            AddOutcomeError(outcome, form);
            return await EditorViewAsync(ExerciseEditorMode.Create, null, form, null, false, cancellationToken);
        }

        TempData["AdminStatus"] = text["Exercise #{0} is logged and published.", form.ParsedNumber].Value;
        return RedirectToAction(nameof(Edit), new { number = form.ParsedNumber });
    }

    [HttpGet("{number}/edit")]
    public async Task<IActionResult> Edit(string number, CancellationToken cancellationToken)
    {
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
        }

        var exercise = await queries.FindForEditingAsync(wanted, cancellationToken);
        if (exercise is null)
        {
            return this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, number);
        }

        var draft = exercise.Draft;
        var form = new ExerciseForm
        {
            Number = draft.Number.ToString(CultureInfo.InvariantCulture),
            Title = draft.Title,
            Text = draft.BodyMarkdown,
            Tags = string.Join(", ", draft.Tags),
            Initiatives = [.. draft.InitiativeCodes],
            PublishedOn = draft.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SourceUrl = draft.SourceUrl,
        };
        return View("Editor", await EditorAsync(ExerciseEditorMode.Edit, wanted, form, null, exercise.State, cancellationToken));
    }

    [HttpPost("{number}/edit")]
    public async Task<IActionResult> Edit(string number, [Bind(Prefix = "Form")] ExerciseForm form, string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
        }

        var state = (await queries.FindForEditingAsync(wanted, cancellationToken))?.State;
        if (state is null)
        {
            return this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, number);
        }

        if (intent == PreviewButton || !ModelState.IsValid)
        {
            return await EditorViewAsync(ExerciseEditorMode.Edit, wanted, form, state, intent == PreviewButton, cancellationToken);
        }

        var outcome = await store.UpdateAsync(wanted, form.ToDraft(), cancellationToken);
        if (outcome is not (ExerciseEditOutcome.Saved or ExerciseEditOutcome.Unchanged))
        {
            AddOutcomeError(outcome, form);
            return await EditorViewAsync(ExerciseEditorMode.Edit, wanted, form, state, false, cancellationToken);
        }

        TempData["AdminStatus"] = outcome == ExerciseEditOutcome.Saved
            ? text["Exercise #{0} is saved. The fields you changed are kept when its post is imported again.", form.ParsedNumber].Value
            : text["Nothing had changed, so nothing was saved."].Value;
        return RedirectToAction(nameof(Edit), new { number = form.ParsedNumber });
    }

    [HttpPost("{number}/responses")]
    public Task<IActionResult> SetResponses(string number, bool open, CancellationToken cancellationToken) =>
        ChangeAsync(number, n => store.SetResponsesOpenAsync(n, open, cancellationToken), n => open ? text["Exercise #{0} takes responses again.", n] : text["Exercise #{0} no longer takes responses; those it has stay.", n]);

    [HttpPost("{number}/retire")]
    public Task<IActionResult> Retire(string number, CancellationToken cancellationToken) =>
        ChangeAsync(number, n => store.RetireAsync(n, cancellationToken), n => text["Exercise #{0} is retired: hidden from the site, its responses kept. Reinstate it to bring it back.", n]);

    [HttpPost("{number}/reinstate")]
    public Task<IActionResult> Reinstate(string number, CancellationToken cancellationToken) =>
        ChangeAsync(number, n => store.ReinstateAsync(n, cancellationToken), n => text["Exercise #{0} is back on the site.", n]);

    private async Task<IActionResult> ChangeAsync(string number, Func<int, Task<ExerciseEditOutcome>> change, Func<int, LocalizedString> message)
    {
        if (!ExerciseNumber.TryParse(number, out var wanted))
        {
            return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, number);
        }

        var outcome = await change(wanted);
        if (outcome == ExerciseEditOutcome.NotFound)
        {
            return this.ProblemView(ProblemKind.ExerciseNotFound, StatusCodes.Status404NotFound, number);
        }

        TempData["AdminStatus"] = message(wanted).Value;
        return RedirectToAction(nameof(Edit), new { number = wanted.Value });
    }

    private void AddOutcomeError(ExerciseEditOutcome outcome, ExerciseForm form)
    {
        switch (outcome)
        {
            case ExerciseEditOutcome.NumberTaken:
                ModelState.AddModelError("Form.Number", text["There is already an exercise #{0}. Choose another number, or edit that one.", form.ParsedNumber]);
                break;
            case ExerciseEditOutcome.UnknownInitiative:
                ModelState.AddModelError("Form.Initiatives", text["One of the chosen initiatives is not in the IFLA Strategy the series cites."]);
                break;
            default:
                ModelState.AddModelError("", text["The exercise could not be saved. Please try again."]);
                break;
        }
    }

    private async Task<IActionResult> EditorViewAsync(ExerciseEditorMode mode, int? number, ExerciseForm form, ExerciseAdminState? state, bool preview, CancellationToken cancellationToken)
    {
        string? previewHtml = null;
        if (preview && !string.IsNullOrWhiteSpace(form.Text) && ModelState.GetFieldValidationState("Form.Text") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            previewHtml = await publicQueries.RenderTextAsync(form.Text, form.ParsedNumber, n => Url.Action("Show", "Exercises", new { area = "", number = n })!, cancellationToken);
        }

        var view = View("Editor", await EditorAsync(mode, number, form, previewHtml, state, cancellationToken));
        // A preview is what was asked for; anything else that comes back here was refused.
        view.StatusCode = preview && ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return view;
    }

    private async Task<ExerciseEditorViewModel> EditorAsync(ExerciseEditorMode mode, int? number, ExerciseForm form, string? previewHtml, ExerciseAdminState? state, CancellationToken cancellationToken) =>
        new(mode, number, form, await queries.InitiativeOptionsAsync(cancellationToken), previewHtml, state);
}
