using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Services.Exercises;
using LibrarianExercises.Web.Services.Markdown;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services.Strategy;

/// <summary>
/// Reads one strategy edition and how the exercises map onto it. Each method makes a fixed number of round trips
/// whatever the number of exercises, and none reads responses.
/// </summary>
public sealed class StrategyQueries(LibrarianDbContext db, ExerciseMarkdownRenderer markdown)
{
    /// <summary>How many of an initiative's exercises the strategy page lists: the latest, with a link to them all.</summary>
    public const int LatestPerInitiative = 5;

    /// <summary>How many exercises an initiative's page lists at a time.</summary>
    public const int PageSize = ExerciseQueries.PageSize;

    /// <summary>
    /// The edition's directions and initiatives, each initiative with how many exercises serve it and those exercises:
    /// all of them, by number, or the latest <paramref name="latestPerInitiative"/>, newest first, so that the page
    /// stays the same size whatever the number of exercises.
    /// </summary>
    public async Task<StrategyOverviewViewModel?> OverviewAsync(string versionKey, int? latestPerInitiative, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(versionKey, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var servingNone = await db.Exercises.Published()
            .Where(e => !e.Initiatives.Any(l => l.KeyInitiative.StrategicDirection.StrategyVersion.Key == versionKey))
            .OrderBy(e => e.Number)
            .Select(e => new StrategyExercise(e.Number, e.Title))
            .ToListAsync(cancellationToken);
        var coverage = latestPerInitiative is { } latest
            ? await LatestCoverageAsync(versionKey, latest, cancellationToken)
            : await FullCoverageAsync(versionKey, cancellationToken);

        var directions = version.Directions
            .Select(d => new DirectionCoverage(
                d.Number,
                d.Name,
                coverage.DirectionCounts.GetValueOrDefault(d.Number),
                [.. d.Initiatives.Select(i => coverage.Initiatives.GetValueOrDefault(i.Code) is { } c
                    ? new InitiativeCoverage(i.Code, i.Name, c.Count, c.Exercises)
                    : new InitiativeCoverage(i.Code, i.Name, 0, []))]))
            .ToList();
        return new StrategyOverviewViewModel(
            version.Key, version.Title, version.Summary, version.Source, directions, servingNone, coverage.Disagreements);
    }

    /// <summary>One initiative with a page of its exercises, and the initiatives before and after it in the edition.</summary>
    public async Task<StrategyInitiativeViewModel?> InitiativeAsync(string versionKey, string code, int page, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(versionKey, cancellationToken);
        var initiatives = version is null ? [] : Flatten(version);
        var index = initiatives.FindIndex(i => i.Code == code);
        if (version is null || index < 0)
        {
            return null;
        }

        var links = LinksOf(versionKey).Where(l => l.KeyInitiative.Code == code);
        var total = await links.CountAsync(cancellationToken);
        var rows = await links
            .OrderBy(l => l.Exercise.Number)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(l => new
            {
                l.Exercise.Number,
                l.Exercise.Title,
                FirstParagraph = l.Exercise.RenderedWith == ExerciseMarkdownRenderer.Version ? l.Exercise.FirstParagraph : null,
                StaleMarkdown = l.Exercise.RenderedWith == ExerciseMarkdownRenderer.Version && l.Exercise.FirstParagraph != null ? null : l.Exercise.BodyMarkdown,
            })
            .ToListAsync(cancellationToken);
        IReadOnlyList<InitiativeExercise> items =
            [.. rows.Select(r => new InitiativeExercise(r.Number, r.Title, r.FirstParagraph ?? markdown.FirstParagraphText(r.StaleMarkdown ?? "")))];
        return new StrategyInitiativeViewModel(
            version.Title,
            initiatives[index],
            new PagedList<InitiativeExercise>(items, page, PageSize, total),
            index > 0 ? initiatives[index - 1] : null,
            index < initiatives.Count - 1 ? initiatives[index + 1] : null);
    }

    /// <summary>Every link of the edition, in one round trip: for the API, which gives every exercise of every initiative.</summary>
    private async Task<Coverage> FullCoverageAsync(string versionKey, CancellationToken cancellationToken)
    {
        var links = await LinksOf(versionKey)
            .Select(l => new { l.KeyInitiative.Code, Direction = l.KeyInitiative.StrategicDirection.Number, l.Exercise.Number, l.Exercise.Title, l.LabelDisagrees })
            .ToListAsync(cancellationToken);
        return new Coverage(
            links.GroupBy(l => l.Code, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => new CoverageRow(g.Count(), [.. g.OrderBy(l => l.Number).Select(l => new StrategyExercise(l.Number, l.Title))]),
                StringComparer.Ordinal),
            links.GroupBy(l => l.Direction).ToDictionary(g => g.Key, g => g.Select(l => l.Number).Distinct().Count()),
            links.Count(l => l.LabelDisagrees));
    }

    /// <summary>
    /// Counts and the latest few exercises per initiative, computed by the database: a fixed amount of rows. The counts
    /// are two grouped queries over the published exercises' links; each initiative's latest are found without
    /// ranking all its exercises (see below), all initiatives in one round trip.
    /// </summary>
    private async Task<Coverage> LatestCoverageAsync(string versionKey, int latest, CancellationToken cancellationToken)
    {
        var links = LinksOf(versionKey);
        var initiatives = await links
            .GroupBy(l => new { l.KeyInitiativeId, l.KeyInitiative.Code })
            .Select(g => new { g.Key.KeyInitiativeId, g.Key.Code, Count = g.Count(), Disagreements = g.Count(l => l.LabelDisagrees) })
            .ToListAsync(cancellationToken);
        var directions = await links
            .GroupBy(l => l.KeyInitiative.StrategicDirection.Number)
            .Select(g => new { Number = g.Key, Count = g.Select(l => l.ExerciseId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        // Each initiative's few as a query of its own, all sent as one (UNION ALL). Ranking within one query
        // (ROW_NUMBER over every link) read all of them. Two ways to find an initiative's few, chosen by its count:
        // walking the published exercises down from the highest number stops after about links × latest ÷ count
        // exercises when the initiative's are spread among the others (few for a large initiative, nearly all for a
        // small one); reading the initiative's own links and sorting them reads count rows. Taking the cheaper, either
        // reads about √(links × latest) rows at most: some 220 at 10,000 exercises, whatever the initiatives' sizes.
        var allLinks = initiatives.Sum(i => i.Count);
        IQueryable<LatestRow>? newest = null;
        foreach (var initiative in initiatives)
        {
            var id = initiative.KeyInitiativeId;
            var its = (long)initiative.Count * initiative.Count <= (long)allLinks * latest
                ? db.ExerciseInitiatives.OfPublishedExercises()
                    .Where(l => l.KeyInitiativeId == id)
                    .OrderByDescending(l => l.Exercise.Number)
                    .Take(latest)
                    .Select(l => new LatestRow { KeyInitiativeId = id, Number = l.Exercise.Number, Title = l.Exercise.Title })
                : db.Exercises.Published()
                    .Where(e => e.Initiatives.Any(l => l.KeyInitiativeId == id))
                    .OrderByDescending(e => e.Number)
                    .Take(latest)
                    .Select(e => new LatestRow { KeyInitiativeId = id, Number = e.Number, Title = e.Title });
            newest = newest is null ? its : newest.Concat(its);
        }

        var latestRows = newest is null ? [] : await newest.ToListAsync(cancellationToken);
        var byInitiative = latestRows.ToLookup(r => r.KeyInitiativeId);
        var coverage = initiatives.ToDictionary(
            i => i.Code,
            i => new CoverageRow(i.Count, [.. byInitiative[i.KeyInitiativeId].OrderByDescending(r => r.Number).Select(r => new StrategyExercise(r.Number, r.Title))]),
            StringComparer.Ordinal);

        return new Coverage(coverage, directions.ToDictionary(d => d.Number, d => d.Count), initiatives.Sum(i => i.Disagreements));
    }

    /// <summary>Made with an initializer, which EF Core can put on both sides of a UNION; a constructor it cannot.</summary>
    private sealed class LatestRow
    {
        public int KeyInitiativeId { get; init; }

        public int Number { get; init; }

        public string Title { get; init; } = "";
    }

    private sealed record CoverageRow(int Count, IReadOnlyList<StrategyExercise> Exercises);

    private sealed record Coverage(Dictionary<string, CoverageRow> Initiatives, Dictionary<int, int> DirectionCounts, int Disagreements);

    /// <summary>Links whose published label names another initiative than the code's, for a person to confirm or correct.</summary>
    public async Task<StrategyReviewViewModel?> DisagreementsAsync(string versionKey, CancellationToken cancellationToken)
    {
        var title = await db.StrategyVersions.Where(v => v.Key == versionKey).Select(v => v.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }

        var rows = await LinksOf(versionKey)
            .Where(l => l.LabelDisagrees)
            .OrderBy(l => l.Exercise.Number)
            .ThenBy(l => l.KeyInitiative.Code)
            .Select(l => new LabelDisagreement(
                l.Exercise.Number,
                l.Exercise.Title,
                l.PublishedLabel,
                new InitiativeRef(l.KeyInitiative.Code, l.KeyInitiative.Name, l.KeyInitiative.StrategicDirection.Number, l.KeyInitiative.StrategicDirection.Name)))
            .ToListAsync(cancellationToken);
        return new StrategyReviewViewModel(title, rows);
    }

    /// <summary>Every initiative of the edition in order, with its direction, in one round trip.</summary>
    public async Task<IReadOnlyList<InitiativeRef>> InitiativesAsync(string versionKey, CancellationToken cancellationToken) =>
        await VersionAsync(versionKey, cancellationToken) is { } version ? Flatten(version) : [];

    public Task<InitiativeRef?> FindInitiativeAsync(string versionKey, string code, CancellationToken cancellationToken) =>
        db.KeyInitiatives
            .Where(i => i.Code == code && i.StrategicDirection.StrategyVersion.Key == versionKey)
            .Select(i => new InitiativeRef(i.Code, i.Name, i.StrategicDirection.Number, i.StrategicDirection.Name))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<DirectionRef?> FindDirectionAsync(string versionKey, int number, CancellationToken cancellationToken) =>
        db.StrategicDirections
            .Where(d => d.Number == number && d.StrategyVersion.Key == versionKey)
            .Select(d => new DirectionRef(d.Number, d.Name))
            .SingleOrDefaultAsync(cancellationToken);

    private IQueryable<ExerciseInitiative> LinksOf(string versionKey) =>
        db.ExerciseInitiatives.OfPublishedExercises().Where(l => l.KeyInitiative.StrategicDirection.StrategyVersion.Key == versionKey);

    /// <summary>The edition with its directions and initiatives in order, in one round trip.</summary>
    private Task<VersionRow?> VersionAsync(string versionKey, CancellationToken cancellationToken) =>
        db.StrategyVersions
            .Where(v => v.Key == versionKey)
            .Select(v => new VersionRow(
                v.Key,
                v.Title,
                v.Summary,
                v.Source,
                v.Directions.OrderBy(d => d.Number).Select(d => new DirectionRow(
                    d.Number,
                    d.Name,
                    d.Initiatives.OrderBy(i => i.Number).Select(i => new InitiativeRow(i.Code, i.Name)).ToList())).ToList()))
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken);

    private static List<InitiativeRef> Flatten(VersionRow version) =>
        [.. version.Directions.SelectMany(d => d.Initiatives.Select(i => new InitiativeRef(i.Code, i.Name, d.Number, d.Name)))];

    private sealed record VersionRow(string Key, string Title, string? Summary, string? Source, List<DirectionRow> Directions);

    private sealed record DirectionRow(int Number, string Name, List<InitiativeRow> Initiatives);

    private sealed record InitiativeRow(string Code, string Name);
}
