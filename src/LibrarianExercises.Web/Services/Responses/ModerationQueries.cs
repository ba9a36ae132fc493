using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Markdown;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>Which responses the moderation queue shows.</summary>
public enum ModerationFilter
{
    /// <summary>Held and spam: everything that is not on a public page.</summary>
    Waiting,
    Held,
    Spam,
    Published,
}

/// <summary>A response as the moderator sees it: the visitor's text as the safe renderer made it for the public page.</summary>
public sealed record ModerationItem(
    int Id,
    int ExerciseNumber,
    string ExerciseTitle,
    string DisplayName,
    string? Organisation,
    string? Country,
    DateTime CreatedUtc,
    ResponseStatus Status,
    string? HoldReason,
    bool DidExercise,
    string BodyHtml);

/// <summary>Reads responses for the editors: the queue, newest first, a page at a time, and the count waiting.</summary>
public sealed class ModerationQueries(LibrarianDbContext db, ResponseMarkdownRenderer markdown, Countries countries)
{
    public const int PageSize = 20;

    /// <summary>Held responses only: spam waits for nobody, so it is not counted as work to do.</summary>
    public Task<int> WaitingCountAsync(CancellationToken cancellationToken) =>
        db.Responses.CountAsync(r => r.Status == ResponseStatus.Held, cancellationToken);

    /// <summary>How many pages the queue runs to with this filter, so that a decision can send the editor back to one that exists.</summary>
    public async Task<int> PageCountAsync(ModerationFilter filter, CancellationToken cancellationToken) =>
        new PagedList<ModerationItem>([], 1, PageSize, await Filtered(filter).CountAsync(cancellationToken)).PageCount;

    /// <summary>Which of these responses still exist: another editor may have deleted one since the page was shown.</summary>
    public async Task<IReadOnlyList<int>> ExistingAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.Responses.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);

    public async Task<PagedList<ModerationItem>> QueueAsync(ModerationFilter filter, int page, CancellationToken cancellationToken)
    {
        var responses = Filtered(filter);
        var total = await responses.CountAsync(cancellationToken);
        var rows = await responses
            .OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id,
                r.Exercise.Number,
                r.Exercise.Title,
                r.DisplayName,
                r.Organisation,
                r.CountryCode,
                r.CreatedUtc,
                r.Status,
                r.HoldReason,
                r.DidExercise,
                Html = r.RenderedWith == ResponseMarkdownRenderer.Version ? r.BodyHtml : null,
                StaleMarkdown = r.RenderedWith == ResponseMarkdownRenderer.Version && r.BodyHtml != null ? null : r.BodyMarkdown,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ModerationItem(
            r.Id,
            r.Number,
            r.Title,
            r.DisplayName,
            r.Organisation,
            r.CountryCode is null ? null : countries.NameOf(r.CountryCode),
            r.CreatedUtc,
            r.Status,
            r.HoldReason,
            r.DidExercise,
            r.Html ?? markdown.ToHtml(r.StaleMarkdown ?? ""))).ToList();
        return new PagedList<ModerationItem>(items, page, PageSize, total);
    }

    private IQueryable<Response> Filtered(ModerationFilter filter) => filter switch
    {
        ModerationFilter.Held => db.Responses.Where(r => r.Status == ResponseStatus.Held),
        ModerationFilter.Spam => db.Responses.Where(r => r.Status == ResponseStatus.Spam),
        ModerationFilter.Published => db.Responses.Where(r => r.Status == ResponseStatus.Published),
        _ => db.Responses.Where(r => r.Status != ResponseStatus.Published),
    };
}
