using System.Globalization;
using LibrarianExercises.Web.Areas.Admin.Models;
using LibrarianExercises.Web.Controllers;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Auditing;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.AspNetCore.Mvc;

namespace LibrarianExercises.Web.Areas.Admin.Controllers;

/// <summary>
/// The moderation queue: responses held back or marked as spam (or, on request, published ones), newest first,
/// with decisions for several at once or one at a time. Every decision goes through <see cref="ResponseStore"/>,
/// which writes it and its audit entry together.
/// </summary>
[Area(AdminAreaConvention.AreaName)]
[Route("/admin/responses")]
public sealed class ModerationController(ModerationQueries queries, ResponseStore store, AuditQueries audit) : Controller
{
    /// <summary>The values of the <c>decision</c> field and the last part of a single response's address.</summary>
    public const string Approve = "approve";
    public const string MarkSpam = "spam";
    public const string Delete = "delete";

    /// <summary><c>?status=held|spam|published|waiting</c> (waiting, held and spam together, by default) and <c>?page=</c>.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? page, CancellationToken cancellationToken)
    {
        if (!TryParseFilter(status, out var filter))
        {
            return this.ProblemView(ProblemKind.MalformedResponseStatus, StatusCodes.Status400BadRequest, status);
        }

        if (!RouteValues.TryParsePage(page, out var pageNumber))
        {
            return this.ProblemView(ProblemKind.MalformedPage, StatusCodes.Status400BadRequest, page);
        }

        var queue = await queries.QueueAsync(filter, pageNumber, cancellationToken);
        return pageNumber > queue.PageCount
            ? this.ProblemView(ProblemKind.PageOutOfRange, StatusCodes.Status404NotFound, page)
            : View(new ModerationQueueViewModel(queue, filter, StatusOf(filter), ModerationNotice.Take(TempData)));
    }

    /// <summary>One decision (<c>decision=approve|spam|delete</c>) for every ticked response (<c>ids</c>).</summary>
    [HttpPost("")]
    public Task<IActionResult> Decide(string? decision, string[]? ids, string? status, string? page) =>
        DecideAsync(decision, ids ?? [], status, page);

    /// <summary>The same for one response, from the buttons beside it: <c>/admin/responses/12/approve</c>.</summary>
    [HttpPost("{id}/{decision}")]
    public Task<IActionResult> DecideOne(string id, string decision, string? status, string? page) =>
        DecideAsync(decision, [id], status, page);

    private async Task<IActionResult> DecideAsync(string? decision, string[] ids, string? status, string? page)
    {
        // Once the editor has pressed the button, the decision is carried out even if they leave the page.
        var cancellationToken = CancellationToken.None;
        // The queue to go back to; a tampered value only loses the editor's place.
        var filter = TryParseFilter(status, out var parsedFilter) ? parsedFilter : ModerationFilter.Waiting;
        var pageNumber = RouteValues.TryParsePage(page, out var parsedPage) ? parsedPage : 1;

        var selection = new List<int>();
        var malformed = false;
        foreach (var text in ids.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            if (TryParseId(text, out var id))
            {
                selection.Add(id);
            }
            else
            {
                malformed = true;
            }
        }

        if (!TryParseDecision(decision, out var action))
        {
            return await RefusedAsync(ModerationProblem.UnknownDecision, filter, pageNumber, selection, cancellationToken);
        }

        if (malformed)
        {
            return await RefusedAsync(ModerationProblem.MalformedSelection, filter, pageNumber, selection, cancellationToken);
        }

        if (selection.Count == 0)
        {
            return await RefusedAsync(ModerationProblem.NothingSelected, filter, pageNumber, selection, cancellationToken);
        }

        var wanted = selection.Distinct().ToList();
        var existing = await queries.ExistingAsync(wanted, cancellationToken);
        var changed = existing.Count == 0 ? 0 : await store.ModerateAsync(existing, action, cancellationToken);
        var restoreFrom = action == ModerationAction.Delete && changed > 0
            ? await audit.RestorableDeletionsAsync(existing, cancellationToken)
            : [];
        new ModerationNotice(action, changed, existing.Count - changed, wanted.Count - existing.Count, restoreFrom).Keep(TempData);

        // The decision may have emptied the last page: go back to the last one there is.
        var lastPage = await queries.PageCountAsync(filter, cancellationToken);
        var backTo = Math.Min(pageNumber, lastPage);
        return this.SeeOther(Url.Action(nameof(Index), new { status = StatusOf(filter), page = backTo > 1 ? backTo : (int?)null })!);
    }

    /// <summary>The queue again, 400, saying what was wrong, with the ticked responses still ticked.</summary>
    private async Task<IActionResult> RefusedAsync(ModerationProblem problem, ModerationFilter filter, int page, IReadOnlyCollection<int> selected, CancellationToken cancellationToken)
    {
        var queue = await queries.QueueAsync(filter, page, cancellationToken);
        if (page > queue.PageCount)
        {
            queue = await queries.QueueAsync(filter, queue.PageCount, cancellationToken);
        }

        var view = View(nameof(Index), new ModerationQueueViewModel(queue, filter, StatusOf(filter), Problem: problem, Selected: selected));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    private static bool TryParseFilter(string? text, out ModerationFilter filter)
    {
        filter = ModerationFilter.Waiting;
        switch (text)
        {
            case null or "waiting":
                return true;
            case "held":
                filter = ModerationFilter.Held;
                return true;
            case "spam":
                filter = ModerationFilter.Spam;
                return true;
            case "published":
                filter = ModerationFilter.Published;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The filter as the address writes it; the default is left out.</summary>
    private static string? StatusOf(ModerationFilter filter) => filter switch
    {
        ModerationFilter.Held => "held",
        ModerationFilter.Spam => "spam",
        ModerationFilter.Published => "published",
        _ => null,
    };

    private static bool TryParseDecision(string? text, out ModerationAction action)
    {
        (var known, action) = text switch
        {
            Approve => (true, ModerationAction.Approve),
            MarkSpam => (true, ModerationAction.MarkSpam),
            Delete => (true, ModerationAction.Delete),
            _ => (false, ModerationAction.Approve),
        };
        return known;
    }

    private static bool TryParseId(string text, out int id)
    {
        id = 0;
        return text.Length is > 0 and <= 9
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id >= 1;
    }
}
