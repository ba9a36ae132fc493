using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Markdown;
using LibrarianExercises.Web.Services.Responses;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Feeds;

/// <summary>An exercise as a feed entry: its text rendered with mentions linked to absolute addresses.</summary>
/// <param name="Published">Atom's <c>published</c>, only when the day is known (<see cref="FeedQueries.PublishedOf"/>).</param>
/// <param name="Updated">Atom's <c>updated</c>, which every entry must have (<see cref="FeedQueries.UpdatedOf"/>).</param>
/// <param name="UpdatedUtc">When the exercise last changed here, for the feed's Last-Modified.</param>
public sealed record FeedExercise(
    int Number,
    string Title,
    string Summary,
    string ContentHtml,
    DateTimeOffset? Published,
    DateTimeOffset Updated,
    DateTime UpdatedUtc,
    IReadOnlyList<TagLink> Tags);

/// <param name="ResponsePage">The page of the exercise's responses on which it appears.</param>
public sealed record FeedResponse(int Id, string DisplayName, string ContentHtml, DateTimeOffset Created, int ResponsePage);

/// <summary>
/// Reads what the feeds publish, from published exercises (<see cref="ExerciseVisibility"/>) and published
/// responses only. Each method makes a fixed number of round trips.
/// </summary>
public sealed class FeedQueries(
    LibrarianDbContext db,
    ExerciseMarkdownRenderer exerciseMarkdown,
    ResponseMarkdownRenderer responseMarkdown,
    ResponseQueries responses)
{
    /// <summary>The newest responses an exercise's feed carries.</summary>
    public const int ResponseEntries = 50;

    private const string VersionKey = StrategySeeder.ExerciseSeriesVersionKey;

    /// <summary>
    /// When the series published an exercise, as Atom's <c>published</c> takes it (a day and a time): only when the
    /// day is known. A month alone, or no date, gives none rather than a day that is not known.
    /// </summary>
    public static DateTimeOffset? PublishedOf(DateOnly? publishedOn, DatePrecision precision) =>
        publishedOn is { } date && precision == DatePrecision.Day
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

    /// <summary>
    /// Atom's <c>updated</c>, which every entry must have: the day the series published the exercise when that is
    /// known, else when the exercise last changed here. Both are true; the time of the request never is.
    /// </summary>
    public static DateTimeOffset UpdatedOf(DateOnly? publishedOn, DatePrecision precision, DateTime updatedUtc) =>
        PublishedOf(publishedOn, precision) ?? new DateTimeOffset(DateTime.SpecifyKind(updatedUtc, DateTimeKind.Utc));

    public Task<IReadOnlyList<FeedExercise>> AllAsync(Func<int, string> exerciseUrl, CancellationToken cancellationToken) =>
        ExercisesAsync(db.Exercises.Published(), exerciseUrl, cancellationToken);

    public Task<IReadOnlyList<FeedExercise>> TaggedAsync(string slug, Func<int, string> exerciseUrl, CancellationToken cancellationToken) =>
        ExercisesAsync(db.Exercises.Published().Where(e => e.Tags.Any(t => t.Slug == slug)), exerciseUrl, cancellationToken);

    public Task<IReadOnlyList<FeedExercise>> ServingAsync(string code, Func<int, string> exerciseUrl, CancellationToken cancellationToken) =>
        ExercisesAsync(
            db.Exercises.Published().Where(e => e.Initiatives.Any(
                l => l.KeyInitiative.Code == code && l.KeyInitiative.StrategicDirection.StrategyVersion.Key == VersionKey)),
            exerciseUrl,
            cancellationToken);

    /// <summary>The newest published responses of an exercise, newest first.</summary>
    public async Task<IReadOnlyList<FeedResponse>> ResponsesAsync(int exerciseNumber, CancellationToken cancellationToken)
    {
        var published = db.Responses.Where(r => r.Exercise.Number == exerciseNumber && r.Status == ResponseStatus.Published);
        var total = await db.Exercises.Where(e => e.Number == exerciseNumber).Select(e => e.PublishedResponseCount).FirstOrDefaultAsync(cancellationToken);
        var rows = await published
            .OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
            .Take(ResponseEntries)
            .Select(r => new
            {
                r.Id,
                r.DisplayName,
                r.CreatedUtc,
                Html = r.RenderedWith == ResponseMarkdownRenderer.Version ? r.BodyHtml : null,
                StaleMarkdown = r.RenderedWith == ResponseMarkdownRenderer.Version && r.BodyHtml != null ? null : r.BodyMarkdown,
            })
            .ToListAsync(cancellationToken);
        var pageSize = responses.PageSize;
        return
        [
            .. rows.Select((r, i) => new FeedResponse(
                r.Id,
                r.DisplayName,
                r.Html ?? responseMarkdown.ToHtml(r.StaleMarkdown ?? ""),
                new DateTimeOffset(DateTime.SpecifyKind(r.CreatedUtc, DateTimeKind.Utc)),
                // The exercise page lists them oldest first: the newest is the last of all.
                ((total - 1 - i) / pageSize) + 1)),
        ];
    }

    /// <summary>The exercise's own facts for its responses' feed, or null when it is not published.</summary>
    public Task<FeedExerciseHeader?> ExerciseAsync(int number, CancellationToken cancellationToken) =>
        db.Exercises.Published().Where(e => e.Number == number)
            .Select(e => new FeedExerciseHeader(e.Number, e.Title, e.PublishedOn, e.PublishedOnPrecision, e.UpdatedUtc))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The latest <see cref="UpdatedOf"/> of the published exercises: what an empty feed gives as its date, rather than now.</summary>
    public async Task<DateTimeOffset> LatestUpdateAsync(CancellationToken cancellationToken)
    {
        var dates = await db.Exercises.Published().Select(e => new { e.PublishedOn, e.PublishedOnPrecision, e.UpdatedUtc }).ToListAsync(cancellationToken);
        return dates.Count == 0 ? DateTimeOffset.UnixEpoch : dates.Max(d => UpdatedOf(d.PublishedOn, d.PublishedOnPrecision, d.UpdatedUtc));
    }

    private async Task<IReadOnlyList<FeedExercise>> ExercisesAsync(IQueryable<Exercise> exercises, Func<int, string> exerciseUrl, CancellationToken cancellationToken)
    {
        var rows = await exercises
            .Select(e => new
            {
                e.Number,
                e.Title,
                e.BodyMarkdown,
                FirstParagraph = e.RenderedWith == ExerciseMarkdownRenderer.Version ? e.FirstParagraph : null,
                e.PublishedOn,
                e.PublishedOnPrecision,
                e.UpdatedUtc,
                Tags = e.Tags.Select(t => new TagLink(t.Name, t.Slug)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        // Mentions are linked only to exercises that are published, all looked up at once.
        var published = (await db.Exercises.Published().Select(e => e.Number).ToListAsync(cancellationToken)).ToHashSet();
        return
        [
            .. rows
                .Select(r => new FeedExercise(
                    r.Number,
                    r.Title,
                    r.FirstParagraph ?? exerciseMarkdown.FirstParagraphText(r.BodyMarkdown),
                    // Rendered here rather than read from the stored HTML: a feed reader needs absolute mention links.
                    exerciseMarkdown.ToHtml(r.BodyMarkdown, n => n != r.Number && published.Contains(n) ? exerciseUrl(n) : null),
                    PublishedOf(r.PublishedOn, r.PublishedOnPrecision),
                    UpdatedOf(r.PublishedOn, r.PublishedOnPrecision, r.UpdatedUtc),
                    DateTime.SpecifyKind(r.UpdatedUtc, DateTimeKind.Utc),
                    [.. r.Tags.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)]))
                // The series' order, newest first, as the lists show it (see ExerciseQueries.LatestAsync).
                .OrderByDescending(e => e.Number),
        ];
    }
}

public sealed record FeedExerciseHeader(int Number, string Title, DateOnly? PublishedOn, DatePrecision PublishedOnPrecision, DateTime UpdatedUtc);
