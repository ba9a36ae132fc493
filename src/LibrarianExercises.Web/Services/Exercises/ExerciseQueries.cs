using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Markdown;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Exercises;

/// <summary>
/// Reads exercises for the pages. Each method makes a fixed number of round trips, and reads the response counters
/// kept with each exercise rather than counting or loading responses.
/// </summary>
public sealed class ExerciseQueries(LibrarianDbContext db, ExerciseMarkdownRenderer markdown)
{
    public const int PageSize = 20;

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Exercises.Published().CountAsync(cancellationToken);

    /// <summary>Lists run by number; a tag's archive, like the blog's, shows the newest first.</summary>
    public async Task<PagedList<ExerciseSummary>> ListAsync(int page, ExerciseFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var exercises = db.Exercises.Published();
        if (filter.TagSlug is { } tagSlug)
        {
            exercises = exercises.Where(e => e.Tags.Any(t => t.Slug == tagSlug));
        }

        const string versionKey = StrategySeeder.ExerciseSeriesVersionKey;
        if (filter.InitiativeCode is { } code)
        {
            exercises = exercises.Where(e => e.Initiatives.Any(
                l => l.KeyInitiative.Code == code && l.KeyInitiative.StrategicDirection.StrategyVersion.Key == versionKey));
        }

        if (filter.DirectionNumber is { } direction)
        {
            exercises = exercises.Where(e => e.Initiatives.Any(
                l => l.KeyInitiative.StrategicDirection.Number == direction && l.KeyInitiative.StrategicDirection.StrategyVersion.Key == versionKey));
        }

        var total = await exercises.CountAsync(cancellationToken);
        var newestFirst = filter.NewestFirst ?? filter.TagSlug is not null;
        var ordered = newestFirst ? exercises.OrderByDescending(e => e.Number) : exercises.OrderBy(e => e.Number);
        var items = await SummariesAsync(ordered.Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        return new PagedList<ExerciseSummary>(items, page, PageSize, total);
    }

    /// <summary>
    /// The newest exercises: the highest numbers first. The series numbers its exercises in the order it publishes
    /// them, so the number is the order of publication, and it is known for every exercise where a date is not
    /// (#91–#100 have none): dates are shown where known and never decide a place, so #100 comes before #90.
    /// </summary>
    public Task<IReadOnlyList<ExerciseSummary>> LatestAsync(int count, CancellationToken cancellationToken) =>
        SummariesAsync(db.Exercises.Published().OrderByDescending(e => e.Number).Take(count), cancellationToken);

    /// <summary>
    /// What posting a response needs to know of an exercise, and whether a response was already sent with the form
    /// whose nonce this is (a replay), in one round trip.
    /// </summary>
    public async Task<ExerciseForResponse?> FindForResponseAsync(int number, string? formNonce, CancellationToken cancellationToken)
    {
        // The post's queries (this, the held count when it is held, and its page when the commit could not tell it)
        // share one connection from the pool.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return formNonce is null
            ? await ForResponseWithoutForm.For(db)(db, number, cancellationToken)
            : await ForResponse.For(db)(db, number, formNonce, cancellationToken);
    }

    // Compiled once: every post runs one of these, and building and looking up the query tree cost more than running it.
    private static readonly CompiledPerModel<Func<LibrarianDbContext, int, string, CancellationToken, Task<ExerciseForResponse?>>> ForResponse = new(() =>
        EF.CompileAsyncQuery((LibrarianDbContext db, int number, string formNonce, CancellationToken cancellationToken) =>
            db.Exercises.Where(ExerciseVisibility.IsPublished).Where(e => e.Number == number)
                .Select(e => new ExerciseForResponse(e.Id, e.Number, e.ResponsesOpen)
                {
                    FormAlreadyUsed = db.Responses.Any(r => r.FormNonce == formNonce),
                })
                .SingleOrDefault()));

    private static readonly CompiledPerModel<Func<LibrarianDbContext, int, CancellationToken, Task<ExerciseForResponse?>>> ForResponseWithoutForm = new(() =>
        EF.CompileAsyncQuery((LibrarianDbContext db, int number, CancellationToken cancellationToken) =>
            db.Exercises.Where(ExerciseVisibility.IsPublished).Where(e => e.Number == number)
                .Select(e => new ExerciseForResponse(e.Id, e.Number, e.ResponsesOpen))
                .SingleOrDefault()));

    public Task<bool> ExistsAsync(int number, CancellationToken cancellationToken) =>
        db.Exercises.Published().AnyAsync(e => e.Number == number, cancellationToken);

    public async Task<ExercisePageViewModel?> FindAsync(int number, Func<int, string> exerciseUrl, CancellationToken cancellationToken)
    {
        // The page's queries (these and its responses') share one connection, taken from the pool once: EF would
        // otherwise take and return one for each, through the pool's lock.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var exercise = await FindRowAsync(number, cancellationToken);
        if (exercise is null)
        {
            return null;
        }

        // Both neighbours in one round trip.
        var neighbours = await db.Exercises.Published().Where(p => p.Number < number).OrderByDescending(p => p.Number).Take(1)
            .Select(p => new { p.Number, p.Title })
            .Concat(db.Exercises.Published().Where(n => n.Number > number).OrderBy(n => n.Number).Take(1)
                .Select(n => new { n.Number, n.Title }))
            .ToListAsync(cancellationToken);
        var previous = neighbours.Where(n => n.Number < number).Select(n => new ExerciseNeighbour(n.Number, n.Title)).FirstOrDefault();
        var next = neighbours.Where(n => n.Number > number).Select(n => new ExerciseNeighbour(n.Number, n.Title)).FirstOrDefault();
        var html = exercise.BodyHtml ?? await RenderTextAsync(exercise.BodyMarkdown, number, exerciseUrl, cancellationToken);

        return new ExercisePageViewModel(
            exercise.Number,
            exercise.Title,
            html,
            exercise.PublishedOn,
            exercise.SourceUrl,
            exercise.ResponsesOpen,
            SortTags(exercise.Tags),
            exercise.Initiatives,
            exercise.ResponseCount,
            exercise.DidExerciseCount,
            previous,
            next)
        {
            FirstParagraph = exercise.FirstParagraph ?? markdown.FirstParagraphText(exercise.BodyMarkdown),
            PublishedOnPrecision = exercise.PublishedOnPrecision,
        };
    }

    /// <summary>
    /// An exercise for machine readers: its text as written and as its page renders it, tags, initiatives with their
    /// published labels and its published responses counted, in a fixed number of round trips.
    /// </summary>
    public async Task<ExerciseDocument?> FindDocumentAsync(int number, Func<int, string> exerciseUrl, CancellationToken cancellationToken)
    {
        var exercise = await FindRowAsync(number, cancellationToken);
        if (exercise is null)
        {
            return null;
        }

        return new ExerciseDocument(
            exercise.Number,
            exercise.Title,
            exercise.BodyMarkdown,
            exercise.BodyHtml ?? await RenderTextAsync(exercise.BodyMarkdown, number, exerciseUrl, cancellationToken),
            exercise.PublishedOn,
            exercise.PublishedOnPrecision,
            exercise.SourceUrl,
            exercise.ResponsesOpen,
            exercise.UpdatedUtc,
            SortTags(exercise.Tags),
            exercise.Initiatives,
            exercise.ResponseCount,
            exercise.DidExerciseCount);
    }

    /// <summary>
    /// One published exercise with what its page and its API document show, in one round trip: an exercise has a few
    /// tags and initiatives, so the rows joined are few.
    /// </summary>
    private Task<ExerciseRow?> FindRowAsync(int number, CancellationToken cancellationToken) =>
        db.Exercises.Published()
            .Where(e => e.Number == number)
            .Select(e => new ExerciseRow
            {
                Number = e.Number,
                Title = e.Title,
                BodyMarkdown = e.BodyMarkdown,
                // Rendered when written; rendered here only while the stored rendering is stale (see StoredHtmlRefresh).
                BodyHtml = e.RenderedWith == ExerciseMarkdownRenderer.Version ? e.BodyHtml : null,
                FirstParagraph = e.RenderedWith == ExerciseMarkdownRenderer.Version ? e.FirstParagraph : null,
                PublishedOn = e.PublishedOn,
                PublishedOnPrecision = e.PublishedOnPrecision,
                SourceUrl = e.SourceUrl,
                ResponsesOpen = e.ResponsesOpen,
                UpdatedUtc = e.UpdatedUtc,
                Tags = e.Tags.Select(t => new TagLink(t.Name, t.Slug)).ToList(),
                Initiatives = e.Initiatives
                    .OrderBy(l => l.KeyInitiative.Code)
                    .Select(l => new InitiativeLink(l.KeyInitiative.Code, l.KeyInitiative.Name, l.PublishedLabel, l.LabelDisagrees))
                    .ToList(),
                ResponseCount = e.PublishedResponseCount,
                DidExerciseCount = e.DidExerciseCount,
            })
            // Split: in one query, SQLite builds the tags and the initiative links of every exercise before joining
            // them to this one (19 ms a page at 10,000 exercises); each collection read apart is found by its key.
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// An exercise's text as its page shows it, mentions of other published exercises linked: the public page and
    /// the editors' preview render through this one method.
    /// </summary>
    public async Task<string> RenderTextAsync(string bodyMarkdown, int ownNumber, Func<int, string> exerciseUrl, CancellationToken cancellationToken)
    {
        var mentioned = markdown.MentionedNumbers(bodyMarkdown).Where(n => n != ownNumber).ToList();
        var existing = mentioned.Count == 0
            ? []
            : (await db.Exercises.Published().Where(e => mentioned.Contains(e.Number)).Select(e => e.Number).ToListAsync(cancellationToken)).ToHashSet();
        return markdown.ToHtml(bodyMarkdown, n => existing.Contains(n) ? exerciseUrl(n) : null);
    }

    /// <summary>How many tags have a published exercise: what <see cref="TagsAsync"/> would list.</summary>
    public Task<int> TagCountAsync(CancellationToken cancellationToken) =>
        db.Tags.CountAsync(t => t.Exercises.AsQueryable().Any(ExerciseVisibility.IsPublished), cancellationToken);

    public async Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken cancellationToken)
    {
        // A tag whose exercises are all retired has nothing to show, so it is left out.
        var tags = await db.Tags
            .Where(t => t.Exercises.AsQueryable().Any(ExerciseVisibility.IsPublished))
            .Select(t => new TagCount(t.Name, t.Slug, t.Exercises.AsQueryable().Count(ExerciseVisibility.IsPublished)))
            .ToListAsync(cancellationToken);
        return [.. tags.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public Task<TagLink?> FindTagAsync(string slug, CancellationToken cancellationToken) =>
        db.Tags.Where(t => t.Slug == slug).Select(t => new TagLink(t.Name, t.Slug)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The summaries of a bounded set of exercises (a page, the latest few). Their tags and initiatives are read by
    /// the rows' ids: as collections of the bounded query, SQLite joined every exercise's links to the page's rows
    /// (the page's query materialised, then all the links scanned), which grows with the exercises there are.
    /// </summary>
    private async Task<IReadOnlyList<ExerciseSummary>> SummariesAsync(IQueryable<Exercise> exercises, CancellationToken cancellationToken)
    {
        var rows = await exercises
            .Select(e => new
            {
                e.Id,
                e.Number,
                e.Title,
                FirstParagraph = e.RenderedWith == ExerciseMarkdownRenderer.Version ? e.FirstParagraph : null,
                StaleMarkdown = e.RenderedWith == ExerciseMarkdownRenderer.Version && e.FirstParagraph != null ? null : e.BodyMarkdown,
                ResponseCount = e.PublishedResponseCount,
                e.DidExerciseCount,
                e.PublishedOn,
                e.PublishedOnPrecision,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        // The tags' join table is EF Core's own shared-type entity ("ExerciseTag"), read by its keys.
        var tags = (await db.Set<Dictionary<string, object>>("ExerciseTag")
                .Where(link => ids.Contains(EF.Property<int>(link, "ExerciseId")))
                .Join(db.Tags, link => EF.Property<int>(link, "TagId"), t => t.Id, (link, t) => new { ExerciseId = EF.Property<int>(link, "ExerciseId"), t.Name, t.Slug })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.ExerciseId, t => new TagLink(t.Name, t.Slug));
        var initiatives = (await db.ExerciseInitiatives
                .Where(l => ids.Contains(l.ExerciseId))
                .Select(l => new { l.ExerciseId, l.KeyInitiative.Code, l.KeyInitiative.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ExerciseId, c => new InitiativeSummary(c.Code, c.Name));
        return
        [
            .. rows.Select(r => new ExerciseSummary(
                r.Number,
                r.Title,
                r.FirstParagraph ?? markdown.FirstParagraphText(r.StaleMarkdown ?? ""),
                SortTags(tags[r.Id]),
                [.. initiatives[r.Id].OrderBy(i => i.Code, StringComparer.Ordinal)],
                r.ResponseCount,
                r.DidExerciseCount,
                r.PublishedOn,
                r.PublishedOnPrecision)),
        ];
    }

    private sealed class ExerciseRow
    {
        public int Number { get; init; }

        public string Title { get; init; } = "";

        public string BodyMarkdown { get; init; } = "";

        public string? BodyHtml { get; init; }

        public string? FirstParagraph { get; init; }

        public DateOnly? PublishedOn { get; init; }

        public DatePrecision PublishedOnPrecision { get; init; }

        public string? SourceUrl { get; init; }

        public bool ResponsesOpen { get; init; }

        public DateTime UpdatedUtc { get; init; }

        public List<TagLink> Tags { get; init; } = [];

        public List<InitiativeLink> Initiatives { get; init; } = [];

        public int ResponseCount { get; init; }

        public int DidExerciseCount { get; init; }
    }

    private static List<TagLink> SortTags(IEnumerable<TagLink> tags) =>
        [.. tags.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
}

public sealed record ExerciseForResponse(int Id, int Number, bool ResponsesOpen)
{
    /// <summary>A response was already stored with the form token's nonce.</summary>
    public bool FormAlreadyUsed { get; init; }
}

/// <summary>A published exercise with its text both as written and as rendered.</summary>
public sealed record ExerciseDocument(
    int Number,
    string Title,
    string BodyMarkdown,
    string BodyHtml,
    DateOnly? PublishedOn,
    DatePrecision PublishedOnPrecision,
    string? SourceUrl,
    bool ResponsesOpen,
    DateTime UpdatedUtc,
    IReadOnlyList<TagLink> Tags,
    IReadOnlyList<InitiativeLink> Initiatives,
    int ResponseCount,
    int DidExerciseCount);
