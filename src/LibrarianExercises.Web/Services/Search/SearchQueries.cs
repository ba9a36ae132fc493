using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Responses;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Search;

/// <summary>
/// Searches the configured database's full-text index (<see cref="SearchIndex"/>): exercise titles, text and labels
/// (the names of their tags and key initiatives), and published responses. What may be shown is decided here by the
/// live tables, not by the index: only published exercises (<see cref="ExerciseVisibility"/>) and published responses
/// of published exercises are ever returned.
/// </summary>
public sealed class SearchQueries(LibrarianDbContext db, SearchIndex index, ResponseQueries responses)
{
    public const int PageSize = 10;

    public async Task<SearchViewModel> SearchAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var number = query.ExerciseNumber is { } n
            ? await db.Exercises.Published().Where(e => e.Number == n).Select(e => new SearchNumberMatch(e.Number, e.Title)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var exercises = await ExercisesAsync(query, number?.Number, page, cancellationToken);
        var found = await ResponsesAsync(query, page, cancellationToken);
        return new SearchViewModel(query, page == 1 ? number : null, exercises, found);
    }

    private async Task<PagedList<ExerciseSearchHit>> ExercisesAsync(SearchQuery query, int? numberShownFirst, int page, CancellationToken cancellationToken)
    {
        var visible =
            from m in index.Exercises(db, query)
            join e in db.Exercises.Published() on m.Id equals e.Id
            where numberShownFirst == null || e.Number != numberShownFirst
            select new { m.Rank, m.Title, m.Snippet, e.Number };
        var total = await visible.CountAsync(cancellationToken);
        var rows = await visible.OrderBy(x => x.Rank).ThenBy(x => x.Number)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<ExerciseSearchHit>(
            [.. rows.Select(r => new ExerciseSearchHit(r.Number, Parts(index.Marks(r.Title, query)), Parts(index.Marks(r.Snippet, query))))], page, PageSize, total);
    }

    private async Task<PagedList<ResponseSearchHit>> ResponsesAsync(SearchQuery query, int page, CancellationToken cancellationToken)
    {
        var responsePageSize = responses.PageSize;
        var visible =
            from m in index.Responses(db, query)
            join r in db.Responses.Where(r => r.Status == ResponseStatus.Published) on m.Id equals r.Id
            join e in db.Exercises.Published() on r.ExerciseId equals e.Id
            select new
            {
                m.Rank,
                m.Snippet,
                r.Id,
                e.Number,
                e.Title,
                r.DisplayName,
                r.CreatedUtc,
                // Where it stands among the exercise's published responses, oldest first, as the exercise page lists them.
                Before = db.Responses.Count(o => o.ExerciseId == r.ExerciseId && o.Status == ResponseStatus.Published
                    && (o.CreatedUtc < r.CreatedUtc || (o.CreatedUtc == r.CreatedUtc && o.Id < r.Id))),
            };
        var total = await visible.CountAsync(cancellationToken);
        var rows = await visible.OrderBy(x => x.Rank).ThenByDescending(x => x.CreatedUtc).ThenBy(x => x.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<ResponseSearchHit>(
            [.. rows.Select(r => new ResponseSearchHit(r.Id, r.Number, r.Title, r.DisplayName, r.CreatedUtc, (r.Before / responsePageSize) + 1, Parts(index.Marks(r.Snippet, query))))],
            page,
            PageSize,
            total);
    }

    /// <summary>The index's text with its match markers, as pieces to show with the matches marked.</summary>
    internal static IReadOnlyList<SnippetPart> Parts(string? marked)
    {
        var parts = new List<SnippetPart>();
        if (string.IsNullOrEmpty(marked))
        {
            return parts;
        }

        var text = SearchText.Readable(marked);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf(SearchText.MatchStart, position);
            if (start < 0)
            {
                parts.Add(new SnippetPart(text[position..], false));
                break;
            }

            if (start > position)
            {
                parts.Add(new SnippetPart(text[position..start], false));
            }

            var end = text.IndexOf(SearchText.MatchEnd, start + 1);
            end = end < 0 ? text.Length : end;
            if (end > start + 1)
            {
                // Characters of scripts written without spaces may be marked one by one: one mark for the run.
                if (parts.Count > 0 && parts[^1].IsMatch && start == position && position > 0)
                {
                    parts[^1] = parts[^1] with { Text = parts[^1].Text + text[(start + 1)..end] };
                }
                else
                {
                    parts.Add(new SnippetPart(text[(start + 1)..end], true));
                }
            }

            position = end + 1;
        }

        return parts;
    }
}
