using System.Globalization;
using LibrarianExercises.Web.Areas.Admin.Models;
using LibrarianExercises.Web.Controllers;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Areas.Admin.Controllers;

/// <summary>
/// The audit trail: every change, newest first, by exercise, by who made it and by days; one entry in full; and a
/// deleted response brought back from its entry.
/// </summary>
[Area(AdminAreaConvention.AreaName)]
[Route("/admin/audit")]
public sealed class AuditController(AuditQueries queries, ResponseStore store) : Controller
{
    private const string RestoreOutcomeKey = "RestoreOutcome";
    private const int ActorMaxLength = 256;

    /// <summary><c>?exercise=89</c>, <c>?actor=</c> (an e-mail address, "import", "command line"), <c>?from=</c> and <c>?to=</c> (days, UTC, both included), <c>?page=</c>.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? exercise, string? actor, string? from, string? to, string? page, CancellationToken cancellationToken)
    {
        int? exerciseNumber = null;
        if (exercise is not null)
        {
            if (!ExerciseNumber.TryParse(exercise.Trim().TrimStart('#'), out var number))
            {
                return this.ProblemView(ProblemKind.MalformedExerciseNumber, StatusCodes.Status400BadRequest, exercise);
            }

            exerciseNumber = number.Value;
        }

        actor = string.IsNullOrWhiteSpace(actor) ? null : actor.Trim();
        if (actor is { Length: > ActorMaxLength })
        {
            return this.ProblemView(ProblemKind.MalformedActor, StatusCodes.Status400BadRequest);
        }

        if (!TryParseDay(from, out var fromDay))
        {
            return this.ProblemView(ProblemKind.MalformedDate, StatusCodes.Status400BadRequest, from);
        }

        if (!TryParseDay(to, out var toDay))
        {
            return this.ProblemView(ProblemKind.MalformedDate, StatusCodes.Status400BadRequest, to);
        }

        if (fromDay > toDay)
        {
            return this.ProblemView(ProblemKind.DateRangeReversed, StatusCodes.Status400BadRequest, from + " to " + to);
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        var filter = new AuditFilter(exerciseNumber, actor, fromDay, toDay);
        var entries = await queries.PageAsync(filter, pageNumber, cancellationToken);
        if (pageNumber > entries.PageCount)
        {
            return this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page);
        }

        return View(new AuditListViewModel(entries, filter, await queries.ActorsAsync(cancellationToken)));
    }

    /// <summary>One entry with every change in full.</summary>
    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        if (!TryParseEntryId(id, out var entryId))
        {
            return this.ProblemView(ProblemKind.MalformedAuditEntryNumber, StatusCodes.Status400BadRequest, id);
        }

        var entry = await queries.FindAsync(entryId, cancellationToken);
        if (entry is null)
        {
            return this.ProblemView(ProblemKind.AuditEntryNotFound, StatusCodes.Status404NotFound, id);
        }

        var outcome = Enum.TryParse<RestoreOutcome>(TempData[RestoreOutcomeKey] as string, out var restored) ? restored : (RestoreOutcome?)null;
        return View(new AuditEntryViewModel(entry, outcome));
    }

    /// <summary>Brings back the response whose deletion this entry records, then shows the entry with what happened.</summary>
    [HttpPost("{id}/restore")]
    public async Task<IActionResult> Restore(string id)
    {
        // Once the editor has pressed the button, the response comes back even if they leave the page.
        var cancellationToken = CancellationToken.None;
        if (!TryParseEntryId(id, out var entryId))
        {
            return this.ProblemView(ProblemKind.MalformedAuditEntryNumber, StatusCodes.Status400BadRequest, id);
        }

        if (await queries.FindAsync(entryId, cancellationToken) is null)
        {
            return this.ProblemView(ProblemKind.AuditEntryNotFound, StatusCodes.Status404NotFound, id);
        }

        var outcome = await store.RestoreAsync(entryId, cancellationToken);
        if (outcome == RestoreOutcome.NotFound)
        {
            return this.ProblemView(ProblemKind.NothingToRestore, StatusCodes.Status404NotFound, id);
        }

        TempData[RestoreOutcomeKey] = outcome.ToString();
        return this.SeeOther(Url.Action(nameof(Show), new { id = entryId })!);
    }

    /// <summary>Absent is no limit; a day is written year-month-day, as a date field sends it.</summary>
    private static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), AuditDates.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }

    private static bool TryParseEntryId(string text, out long id)
    {
        id = 0;
        return text.Length is > 0 and <= 18
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id >= 1;
    }
}
