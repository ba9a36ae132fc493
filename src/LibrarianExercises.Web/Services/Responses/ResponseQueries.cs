using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Markdown;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LibrarianExercises.Web.Services.Responses;

/// <summary>Reads published responses a page at a time: an exercise with thousands never loads them all.</summary>
public sealed class ResponseQueries(LibrarianDbContext db, ResponseMarkdownRenderer markdown, Countries countries, IOptions<ResponseOptions> options)
{
    public int PageSize => options.Value.PageSize;

    public async Task<PagedList<ResponseView>> PageAsync(int exerciseNumber, int page, CancellationToken cancellationToken)
    {
        // The counter kept with the exercise: counting the rows would cost more with every response.
        var total = await db.Exercises.Where(e => e.Number == exerciseNumber).Select(e => e.PublishedResponseCount).FirstOrDefaultAsync(cancellationToken);
        return await PageAsync(exerciseNumber, page, total, cancellationToken);
    }

    /// <param name="publishedCount">The exercise's published responses, as the caller has just read them with it.</param>
    public async Task<PagedList<ResponseView>> PageAsync(int exerciseNumber, int page, int publishedCount, CancellationToken cancellationToken)
    {
        var published = db.Responses.Where(r => r.Exercise.Number == exerciseNumber && r.Status == ResponseStatus.Published);
        var rows = await published
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id,
                r.DisplayName,
                r.Organisation,
                r.CountryCode,
                r.CreatedUtc,
                r.DidExercise,
                // The HTML stored when the response was written; the Markdown only when that is stale (see StoredHtmlRefresh).
                Html = r.RenderedWith == ResponseMarkdownRenderer.Version ? r.BodyHtml : null,
                StaleMarkdown = r.RenderedWith == ResponseMarkdownRenderer.Version && r.BodyHtml != null ? null : r.BodyMarkdown,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ResponseView(
            r.Id,
            r.DisplayName,
            r.Organisation,
            r.CountryCode is null ? null : countries.NameOf(r.CountryCode),
            r.CreatedUtc,
            r.DidExercise,
            r.Html ?? markdown.ToHtml(r.StaleMarkdown ?? ""))
        {
            CountryCode = r.CountryCode,
        }).ToList();
        return new PagedList<ResponseView>(items, page, PageSize, publishedCount);
    }

    /// <summary>How many responses from this client are held for review from the last <paramref name="period"/>.</summary>
    public Task<int> HeldFromClientAsync(string clientHash, TimeSpan period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var since = nowUtc - period;
        return db.Responses.CountAsync(r => r.ClientHash == clientHash && r.Status == ResponseStatus.Held && r.CreatedUtc >= since, cancellationToken);
    }

    /// <summary>The page of the exercise's responses on which a published response appears.</summary>
    public async Task<int> PageOfAsync(Response response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        // All published responses but this one and those after it: the counter, less the few newer ones (posted
        // meanwhile), which the index finds without counting the thousands before.
        var position = await db.Exercises
            .Where(e => e.Id == response.ExerciseId)
            .Select(e => e.PublishedResponseCount - 1 - e.Responses.Count(
                r => r.Status == ResponseStatus.Published
                    && (r.CreatedUtc > response.CreatedUtc || (r.CreatedUtc == response.CreatedUtc && r.Id > response.Id))))
            .SingleAsync(cancellationToken);
        return (Math.Max(position, 0) / PageSize) + 1;
    }
}
